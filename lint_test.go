package juesuan_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/google/go-cmp/cmp"
)

// The -update flag (update_test.go) rewrites the lint golden files: go
// test -run 'TestLint|TestNarrativeFacts' -update.

const (
	lintReference     = "testdata/sichuan-2020/panzhihua-chengdu-office.json"
	lintReferenceText = "testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt"
	lintGolden        = "accounts/narrative/testdata/golden-panzhihua-lint.json"
	centralDoc        = "accounts/narrative/testdata/central-2024.json"
	centralText       = "accounts/narrative/testdata/central-2024.txt"
	centralDefects    = "accounts/narrative/testdata/central-2024-defects.txt"
)

func loadDoc(t testing.TB, path string) *juesuan.Document {
	t.Helper()
	d, err := juesuan.DecodeFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d.Calculate()
	return d
}

func readText(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// lintRow is what the golden files and the audit lists record of a finding.
type lintRow struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Path     string `json:"path,omitempty"`
	Message  string `json:"message"`
}

func rows(fs audit.Findings) []lintRow {
	out := []lintRow{}
	for _, f := range fs {
		out = append(out, lintRow{f.Rule, f.Severity.String(), f.Line, f.Column, f.Path, f.Message})
	}
	return out
}

// TestNarrativeFacts pins the facts NarrativeFacts builds for the reference
// document and the central-2024 test document; the engine's tests read these
// files as their input.
func TestNarrativeFacts(t *testing.T) {
	for _, tc := range []struct{ doc, golden string }{
		{lintReference, "accounts/narrative/testdata/golden-facts-panzhihua.json"},
		{centralDoc, "accounts/narrative/testdata/golden-facts-central-2024.json"},
	} {
		t.Run(tc.doc, func(t *testing.T) {
			got, err := json.MarshalIndent(juesuan.NarrativeFacts(loadDoc(t, tc.doc)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if juesuan.Updating() {
				if err := os.WriteFile(tc.golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := readText(t, tc.golden)
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("NarrativeFacts(%s) differs from %s (-want +got; -update rewrites):\n%s", tc.doc, tc.golden, diff)
			}
		})
	}
}

// TestNarrativeFactsAbsent checks that a figure the document does not state
// gives no figure to the fact (absent is not zero).
func TestNarrativeFactsAbsent(t *testing.T) {
	f := juesuan.NarrativeFacts(loadDoc(t, lintReference))
	for _, it := range f.Items {
		switch it.ID {
		case "summary.income.stateCapital", "threePublic.abroad":
			if it.ID == "summary.income.stateCapital" && it.Value.IsSet() {
				t.Errorf("%s: the reference does not state it, got %v", it.ID, it.Value.Amount)
			}
			if it.ID == "threePublic.abroad" && it.Budget.IsSet() {
				t.Errorf("%s: the reference states no 三公 budget, got %v", it.ID, it.Budget.Amount)
			}
		}
	}
}

// TestNarrativeFactsFixtures checks the facts of generated documents of
// both profiles: every stated figure's pointer leads to that figure in the
// document's JSON, every Whole names a listed fact, and no ID is listed
// twice.
func TestNarrativeFactsFixtures(t *testing.T) {
	for _, profile := range []string{sichuan2020.ID, central.ID} {
		for seed := range uint64(10) {
			d, _, err := fixture.Generate(fixture.Options{Profile: profile, Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := juesuan.Encode(&buf, d); err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			f := juesuan.NarrativeFacts(d)
			ids := map[string]bool{}
			for _, it := range f.Items {
				if ids[it.ID] {
					t.Errorf("%s/%d: %s listed twice", profile, seed, it.ID)
				}
				ids[it.ID] = true
			}
			stated := 0
			for _, it := range f.Items {
				if it.Whole != "" && !ids[it.Whole] {
					t.Errorf("%s/%d: %s: whole %s is not listed", profile, seed, it.ID, it.Whole)
				}
				for _, fig := range []narrative.Figure{it.Value, it.Prior, it.Budget, it.InitialBudget} {
					if !fig.IsSet() {
						continue
					}
					stated++
					want := fig.Amount.String()
					if it.Count {
						want = fig.Count.String()
					}
					if got := jsonAt(doc, fig.Path); got != want {
						t.Errorf("%s/%d: %s: %s holds %q, want %s", profile, seed, it.ID, fig.Path, got, want)
					}
				}
			}
			if stated < 30 {
				t.Errorf("%s/%d: only %d figures stated", profile, seed, stated)
			}
		}
	}
}

// jsonAt returns the figure at JSON Pointer p of the decoded JSON v as
// text ("" when there is none).
func jsonAt(v any, p string) string {
	for _, k := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				return ""
			}
			v = x[i]
		default:
			return ""
		}
	}
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// TestLintReferenceGolden pins every finding on the reference narrative,
// infos included.
func TestLintReferenceGolden(t *testing.T) {
	fs, err := juesuan.Lint(loadDoc(t, lintReference), readText(t, lintReferenceText))
	if err != nil {
		t.Fatal(err)
	}
	got := rows(fs)
	if juesuan.Updating() {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(lintGolden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var want []lintRow
	if err := json.Unmarshal(readText(t, lintGolden), &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings on the reference narrative differ from %s (-want +got; -update rewrites):\n%s", lintGolden, diff)
	}
}

// audited is the list of the reference narrative's defects, established by
// reading the text against the tables, each with the reason it is genuine.
// The linter must report exactly these as errors and warnings: one more is a
// false alarm, one fewer a miss.
var audited = []struct {
	rule   string
	line   int
	column int
	reason string
}{
	{"C13", 3, 57, "“（职能参照省政府批准的三定方案）”是模板对编制人的提示"},
	{"C14", 41, 47, "“599.53万元、，政府性基金…”顿号逗号连用"},
	{"C5", 48, 18, "一般公共预算财政拨款支出写成559.53万元；表及第52、56行为599.53万元，95.05%与24.13%也只与599.53相符（559.53÷630.78=88.70%）"},
	{"C13", 52, 166, "“（罗列全部功能分类科目，至类级。）”为模板提示"},
	{"C13", 63, 17, "注释中“罗列全部功能分类科目至项级”“与预算数持平可以不写原因”为模板提示（数据来源部分不算）"},
	{"C13", 68, 14, "注释中“根据本部门实际支出情况罗列全部经济分类科目”为模板提示"},
	{"C12", 82, 61, "2020年度决算的同比写成“比2017年”"},
	{"C11", 82, 66, "“增加/减少”未选定"},
	{"C11", 82, 75, "“增长/下降”未选定"},
	{"C11", 99, 64, "“主要用于…（具体工作）”占位符未替换"},
	{"C13", 104, 15, "注释中“按部门决算报表填报数据罗列车辆情况”为模板提示"},
	{"C13", 111, 56, "“（本单位项目绩效目标个数在5个以上的，选取5个项目进行公开…）”为模板提示"},
	{"C15", 168, 28, "《省城信息》第17、1242、1328行为840余册，绩效目标完成情况表写成480余册"},
	{"C14", 356, 24, "“，，”"},
	{"C14", 357, 24, "“，，”"},
	{"C13", 600, 66, "“（非涉密部门均需公开…）”为模板提示"},
	{"C13", 619, 1, "“（解释本部门决算报表中全部功能分类科目至项级，请参照…）”为模板提示"},
	{"C13", 624, 1, "“（名词解释部分请根据…）”为模板提示"},
	{"C15", 645, 37, "行政单位离退休：说明五为136.22万元（表同），整体支出评价报告为136.23万元"},
	{"C15", 645, 89, "住房公积金：说明五为26.75万元（表同），整体支出评价报告为26.74万元"},
	{"C13", 651, 1, "“包括单位绩效目标制定…等情况。”为评价报告模板的提示语"},
	{"C13", 659, 1, "“包括单位自评质量…等情况。”为评价报告模板的提示语"},
	{"C13", 711, 1, "“说明项目绩效自评采用的组织实施步骤及方法。”为模板提示语"},
	{"C13", 726, 1, "“说明项目资金申报、批复及预算调整等程序的相关情况。”为模板提示语"},
	{"C13", 730, 16, "“（可用表格形式反映）”为模板提示"},
	{"C13", 733, 30, "“在此基础上分项目大类或市（州）统计…进行分析说明。”为省级模板提示语"},
	{"C13", 873, 1, "“结合项目组织实施管理办法，重点围绕以下内容进行分析评价…”为模板提示语"},
	{"C13", 877, 11, "“结合项目特点，总体评价…相关规定。”为模板提示语"},
	{"C13", 879, 11, "“说明项目主管部门为加强项目管理所采取的…效果等。”为模板提示语（该节无正文）"},
	{"C13", 882, 1, "“包括项目完成数量…并进行分析说明。”为模板提示语"},
	{"C14", 1088, 24, "“，，”"},
	{"C13", 1017, 1, "“从项目经济效益…进行全面分析评价。”为模板提示语"},
	{"C13", 1183, 1, "“结合项目自身特点…对项目进行总体评价。”为模板提示语"},
	{"C16", 1243, 2, "月刊《省城信息专讯》年度目标12期/年（第167、875行），文中只编印7期（第17行），数量指标完成率却填100%"},
	{"C13", 1431, 1, "“结合自评情况，分析存在的问题及原因。”为模板提示语"},
}

// TestLintReferenceAudited checks that the errors and warnings on the
// reference narrative are exactly the audited defects: no false alarm, no
// miss.
func TestLintReferenceAudited(t *testing.T) {
	fs, err := juesuan.Lint(loadDoc(t, lintReference), readText(t, lintReferenceText))
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		Rule         string
		Line, Column int
	}
	var got, want []key
	for _, f := range fs {
		if f.Severity >= audit.Warning {
			got = append(got, key{f.Rule, f.Line, f.Column})
		}
	}
	for _, a := range audited {
		want = append(want, key{a.rule, a.line, a.column})
	}
	less := func(a, b key) bool {
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	}
	sortKeys := func(ks []key) {
		for i := 1; i < len(ks); i++ {
			for j := i; j > 0 && less(ks[j], ks[j-1]); j-- {
				ks[j], ks[j-1] = ks[j-1], ks[j]
			}
		}
	}
	sortKeys(got)
	sortKeys(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors and warnings differ from the audited defects (-audited +reported):\n%s", diff)
	}
	// The kinds the issue asks for are all among them.
	kinds := map[string]bool{}
	for _, k := range got {
		kinds[k.Rule] = true
	}
	for _, r := range []string{"C5", "C11", "C12", "C13", "C15", "C16"} {
		if !kinds[r] {
			t.Errorf("no %s finding on the reference narrative", r)
		}
	}
}

// TestLintFindingsWellFormed checks every finding on the test narratives:
// a catalogued rule with its severity (or info for C18), a valid line and
// column, and the quoted sentence.
func TestLintFindingsWellFormed(t *testing.T) {
	cat := map[string]audit.Rule{}
	for _, r := range narrative.Rules() {
		cat[r.ID] = r
	}
	for _, tc := range []struct{ doc, text string }{
		{lintReference, lintReferenceText},
		{centralDoc, centralText},
		{centralDoc, centralDefects},
	} {
		text := readText(t, tc.text)
		lines := strings.Split(string(text), "\n")
		fs, err := juesuan.Lint(loadDoc(t, tc.doc), text)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			r, ok := cat[f.Rule]
			if !ok {
				t.Errorf("%s: finding of unknown rule %s", tc.text, f.Rule)
				continue
			}
			if f.Severity != r.Severity {
				t.Errorf("%s:%d: %s severity %s, catalogue says %s", tc.text, f.Line, f.Rule, f.Severity, r.Severity)
			}
			if f.Line < 1 || f.Line > len(lines) {
				t.Errorf("%s: %s at line %d of %d", tc.text, f.Rule, f.Line, len(lines))
				continue
			}
			if n := utf8.RuneCountInString(strings.TrimRight(lines[f.Line-1], "\r")); f.Column < 1 || f.Column > n {
				t.Errorf("%s:%d: %s at column %d of %d", tc.text, f.Line, f.Rule, f.Column, n)
			}
			if f.Quote == "" || f.Message == "" {
				t.Errorf("%s:%d:%d: %s without quote or message", tc.text, f.Line, f.Column, f.Rule)
			}
		}
	}
}

// TestLintCentral2024 runs the central/Shanghai-style narrative: the
// consistent one raises nothing but the unverifiable performance figures;
// the one with defects raises each of them.
func TestLintCentral2024(t *testing.T) {
	d := loadDoc(t, centralDoc)
	fs, err := juesuan.Lint(d, readText(t, centralText))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Rule != narrative.RuleUnverified {
			t.Errorf("false alarm on the consistent narrative: %v", f)
		}
	}
	fs, err = juesuan.Lint(d, readText(t, centralDefects))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range fs {
		got[f.Rule] = true
	}
	for _, r := range narrative.Rules() {
		if !got[r.ID] {
			t.Errorf("rule %s does not fire on %s", r.ID, centralDefects)
		}
	}
}

// TestLintProfile shows that the narrative patterns belong to the profile:
// a profile with its own label pattern ties a wording the defaults do not
// know, and the profile's rule configuration applies to narrative rules.
func TestLintProfile(t *testing.T) {
	base, err := juesuan.LookupProfile(central.ID)
	if err != nil {
		t.Fatal(err)
	}
	d := loadDoc(t, centralDoc)
	text := []byte("一、收入支出决算总体情况说明\n本局全年各项收入共计1,200.00万元。\n")

	fs, err := base.Lint(d, text)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"C18"}, fs.Rules(audit.Info)); diff != "" {
		t.Errorf("default patterns (-want +got):\n%s", diff)
	}

	p := base.Clone()
	p.ID = "test-narrative-profile"
	pat := central.Patterns()
	pat.Labels = append([]narrative.LabelPattern{{Label: `全年各项收入`, Facts: []string{"summary.income.total"}}}, pat.Labels...)
	p.Narrative = pat
	if fs, err = p.Lint(d, text); err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Errorf("with the profile's pattern the claim ties and agrees, got %v", fs)
	}
	wrong := []byte("一、收入支出决算总体情况说明\n本局全年各项收入共计1,300.00万元。\n")
	if fs, err = p.Lint(d, wrong); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"C2"}, fs.Rules(audit.Info)); diff != "" {
		t.Errorf("profile pattern, wrong figure (-want +got):\n%s", diff)
	}

	// The profile's rule configuration: C2 made a warning, C18 switched off.
	p.Rules.Severity = map[string]audit.Severity{"C2": audit.Warning}
	p.Rules.Disabled = []string{"C18"}
	if fs, err = p.Lint(d, wrong); err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Severity != audit.Warning {
		t.Errorf("configured profile: got %v", fs)
	}
	if fs, err = p.Lint(d, text[:len(text)-1]); err != nil || len(fs) != 0 {
		t.Errorf("C18 is switched off: got %v, %v", fs, err)
	}

	// A bad pattern is a clear error naming the field.
	bad := base.Clone()
	bad.ID = "test-narrative-bad"
	bad.Narrative = &narrative.Patterns{Labels: []narrative.LabelPattern{{Label: `(`}}}
	_, err = bad.Lint(d, text)
	var pe *narrative.PatternError
	if !errors.Is(err, narrative.ErrPattern) || !errors.As(err, &pe) || pe.Field != "labels[0].label" {
		t.Errorf("bad pattern: got %v", err)
	}
}

func TestLintErrors(t *testing.T) {
	d := loadDoc(t, centralDoc)
	d.Profile = "no-such-profile"
	if _, err := juesuan.Lint(d, []byte("x")); !errors.Is(err, juesuan.ErrUnknownProfile) {
		t.Errorf("unknown profile: got %v", err)
	}
	d.Profile = central.ID
	if _, err := juesuan.Lint(d, []byte("第一行\n\xff\xfe")); !errors.Is(err, narrative.ErrInput) {
		t.Errorf("invalid UTF-8: got %v", err)
	} else if !strings.Contains(err.Error(), "line 2") {
		t.Errorf("invalid UTF-8: the error should name line 2, got %v", err)
	}
}

// ExampleLint checks a narrative sentence against the central-2024 test
// document, whose 本年支出合计 is 1,180.00万元 and 基本支出 900.00万元.
func ExampleLint() {
	d, err := juesuan.DecodeFile("accounts/narrative/testdata/central-2024.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	text := []byte("三、支出决算情况说明\n本年支出合计1,180.00万元，其中：基本支出900.00万元，占76.72%。\n")
	fs, err := juesuan.Lint(d, text)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fs {
		fmt.Printf("%d:%d %s %s %s\n", f.Line, f.Column, f.Severity, f.Rule, f.Message)
	}
	// Output:
	// 2:35 error C3 占比与金额不符：基本支出900.00万元÷1180.00万元×100=76.27%，文中为76.72%
}

// BenchmarkLint lints the reference narrative (1,461 lines) against its
// document; BenchmarkNarrativeFacts is the baseline of building the facts.
func BenchmarkLint(b *testing.B) {
	d := loadDoc(b, lintReference)
	text := readText(b, lintReferenceText)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := juesuan.Lint(d, text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNarrativeFacts(b *testing.B) {
	d := loadDoc(b, lintReference)
	b.ReportAllocs()
	for b.Loop() {
		juesuan.NarrativeFacts(d)
	}
}
