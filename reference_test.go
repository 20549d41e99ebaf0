package juesuan_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestReferenceValidates checks the reference fixture, the 2020 决算公开 of
// 攀枝花市人民政府驻成都办事处: it decodes, and Calculate + Validate report
// exactly the findings listed below. The list is written from the published
// text (panzhihua-chengdu-office.narrative.txt) and PROVENANCE.md, not from
// the output: the tables' figures are the narrative's own and agree (every
// derivable total is left to Calculate), so no accounts rule fires; the
// performance section repeats two indicators with different figures, which
// rules P7 (target) and P8 (actual) report as warnings.
func TestReferenceValidates(t *testing.T) {
	d, fs := checkFixture(t, referenceFile)
	if d.Profile != sichuan2020.ID || d.Unit.FiscalYear != 2020 {
		t.Errorf("profile %q, year %d; want %s, 2020", d.Profile, d.Unit.FiscalYear, sichuan2020.ID)
	}
	type finding struct {
		Rule     string
		Severity audit.Severity
		Path     string
	}
	want := []finding{
		// 评价结论表 “指标1：业务运行费” states 完成编印《省城信息》840余册
		// (line 1242); the 完成情况表 of 业务运行费 states 编印《省城信息》480余册
		// for the same output (line 168).
		{"P8", audit.Warning, "/performance/evaluations/0/indicators/0/actual"},
		// The 评价结论表 target is 每年劝返率约达80% (line 1272); the
		// 完成情况表 target of the same indicator is 劝返率达90% (lines 202, 1273).
		{"P7", audit.Warning, "/performance/evaluations/0/indicators/2/target"},
	}
	var got []finding
	for _, f := range fs {
		got = append(got, finding{f.Rule, f.Severity, f.Path})
	}
	less := func(a, b finding) bool { return a.Path < b.Path }
	if diff := cmp.Diff(want, got, cmpopts.SortSlices(less)); diff != "" {
		t.Errorf("findings on the reference fixture (-want +got):\n%s", diff)
	}
	if err := fs.Err(); err != nil {
		t.Errorf("Findings.Err() = %v, want nil", err)
	}
}

// TestReferenceCalculateIdempotent checks that Calculate, run twice, changes
// nothing the second time.
func TestReferenceCalculateIdempotent(t *testing.T) {
	for _, file := range []string{referenceFile, smallFile} {
		d, err := juesuan.DecodeFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d.Calculate()
		var once, twice bytes.Buffer
		if err := juesuan.Encode(&once, d); err != nil {
			t.Fatal(err)
		}
		d.Calculate()
		if err := juesuan.Encode(&twice, d); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(once.String(), twice.String()); diff != "" {
			t.Errorf("%s: second Calculate changed the document (-once +twice):\n%s", file, diff)
		}
	}
}

// figure is one number stated in the fixture, with its JSON Pointer.
type figure struct {
	pointer string
	value   string
	count   bool // a whole-number count (辆, 批次, 人次…), not an amount
}

// fixtureFigures walks the raw JSON of the fixture and returns every amount
// (a JSON string matching amount.Pattern, classification codes excepted) and
// every count (a JSON number under /tables).
func fixtureFigures(t *testing.T, data []byte) []figure {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	pat := regexp.MustCompile(amount.Pattern)
	var out []figure
	var walk func(ptr, key string, v any)
	walk = func(ptr, key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(ptr+"/"+k, k, x[k])
			}
		case []any:
			for i, e := range x {
				walk(ptr+"/"+jsonIndex(i), key, e)
			}
		case string:
			if key != "code" && pat.MatchString(x) {
				out = append(out, figure{pointer: ptr, value: x})
			}
		case json.Number:
			if strings.HasPrefix(ptr, "/tables/") {
				out = append(out, figure{pointer: ptr, value: x.String(), count: true})
			}
		}
	}
	walk("", "", v)
	return out
}

func jsonIndex(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// TestReferenceFiguresFromNarrative proves that the reference fixture invents
// nothing: every amount other than 0 occurs verbatim in the published
// narrative (a table or prior-year figure followed by 万元; a figure of the
// performance section as a whole number in its table cell; a negative change
// as its absolute value after 减少 or 下降), and every count
// of the tables (0 included) occurs as a whole number followed by its unit
// (个/次/人/辆/批次/台).
func TestReferenceFiguresFromNarrative(t *testing.T) {
	data, err := os.ReadFile(referenceFile)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(narrativeFile)
	if err != nil {
		t.Fatal(err)
	}
	narrative := string(text)
	d, err := juesuan.DecodeFile(referenceFile)
	if err != nil {
		t.Fatal(err)
	}
	if d.Unit.AmountUnit != amount.TenThousandYuan {
		t.Fatalf("amount unit %q, want 万元", d.Unit.AmountUnit)
	}
	figs := fixtureFigures(t, data)
	var amounts, counts int
	for _, f := range figs {
		if f.count {
			counts++
			re := regexp.MustCompile(`(^|[^0-9.])` + regexp.QuoteMeta(f.value) + `(个|次|人|辆|批次|台)`)
			if !re.MatchString(narrative) {
				t.Errorf("%s = %s: no count %s followed by its unit in the narrative", f.pointer, f.value, f.value)
			}
			continue
		}
		a := amount.MustParse(f.value)
		if a.IsNil() {
			continue // a stated 0; the narrative states it as 0万元
		}
		amounts++
		// A table figure is written with its unit; a figure of the
		// performance tables sits in a cell under a （万元） header.
		suffix, want := `万元`, f.value+"万元"
		if !strings.HasPrefix(f.pointer, "/tables/") && !strings.HasPrefix(f.pointer, "/priorYear/") {
			suffix, want = `([^0-9]|$)`, f.value
		}
		prefix, value := `(^|[^0-9.])`, f.value
		if a.Sign() < 0 {
			// A fall is written in words: 减少了156.79万元, 下降62.79%.
			value = strings.TrimPrefix(f.value, "-")
			prefix, want = `(减少|下降)了?`, "减少/下降"+value
		}
		re := regexp.MustCompile(prefix + regexp.QuoteMeta(value) + suffix)
		if !re.MatchString(narrative) {
			t.Errorf("%s = %s: %s does not occur in the narrative", f.pointer, f.value, want)
		}
	}
	if amounts < 20 || counts < 10 {
		t.Errorf("checked %d amounts and %d counts; the walk is missing figures", amounts, counts)
	}
	t.Logf("%d non-zero amounts and %d counts found verbatim in the narrative", amounts, counts)
}

// Example_readme is the program of the README: decode a document, fill its
// derivable totals, validate it and print the errors.
func Example_readme() {
	d, err := juesuan.DecodeFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		log.Fatal(err) // a *juesuan.DecodeError names the field (JSON Pointer) and the rule
	}
	d.Calculate() // fill the absent derivable totals; a stated figure is never overwritten
	findings, err := juesuan.Validate(d)
	if err != nil {
		log.Fatal(err) // the document's profile is not registered
	}
	for _, f := range findings {
		if f.Severity == audit.Error {
			fmt.Println(f) // error RULE /json/pointer: message with expected and actual figures
		}
	}
	fmt.Println("errors:", findings.Count(audit.Error))
	// Output:
	// errors: 0
}
