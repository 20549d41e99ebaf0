package narrative_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/google/go-cmp/cmp"
)

// fact builds a money fact; opts are pairs "prior", "budget", "initial",
// "whole" and their values.
func fact(id, title, value string, opts ...string) narrative.Fact {
	f := narrative.Fact{ID: id, Title: title}
	if value != "" {
		f.Value = narrative.Figure{Amount: amount.MustParse(value), Path: "/" + strings.ReplaceAll(id, ".", "/")}
	}
	for i := 0; i+1 < len(opts); i += 2 {
		if opts[i] == "whole" {
			f.Whole = opts[i+1]
			continue
		}
		fig := narrative.Figure{Amount: amount.MustParse(opts[i+1]), Path: "/" + opts[i] + "/" + id}
		switch opts[i] {
		case "prior":
			f.Prior = fig
		case "budget":
			f.Budget = fig
		case "initial":
			f.InitialBudget = fig
		}
	}
	return f
}

func countFact(id, title string, n int64) narrative.Fact {
	return narrative.Fact{ID: id, Title: title, Count: true, Value: narrative.Figure{Count: amount.NewCount(n), Path: "/" + id}}
}

func row(id, code, value string, names ...string) narrative.Fact {
	f := fact(id, names[len(names)-1], value)
	f.Code, f.Names = code, names
	return f
}

// smallFacts is a small document of 2024: totals, income, expenditure, one
// 一般公共预算 row with its budget, 三公 and 机关运行经费 with last year.
func smallFacts() *narrative.Facts {
	return &narrative.Facts{Year: 2024, Unit: amount.TenThousandYuan, Items: []narrative.Fact{
		fact("summary.income.grandTotal", "收入总计", "1000.00", "prior", "900.00"),
		fact("summary.expenditure.grandTotal", "支出总计", "1000.00", "prior", "900.00"),
		fact("summary.income.total", "本年收入合计", "900.00"),
		fact("summary.income.business", "事业收入", "300.00", "whole", "summary.income.total"),
		fact("summary.expenditure.total", "本年支出合计", "800.00"),
		fact("expenditure.basic", "基本支出", "600.00", "whole", "summary.expenditure.total"),
		fact("expenditure.project", "项目支出", "200.00", "whole", "summary.expenditure.total"),
		fact("generalBudget.total", "一般公共预算财政拨款支出", "700.00", "prior", "750.00", "whole", "summary.expenditure.total"),
		row("generalBudget.201", "201", "700.00", "一般公共服务支出"),
		row("generalBudget.2010301", "2010301", "700.00", "一般公共服务支出", "政府办公厅（室）及相关机构事务", "行政运行"),
		fact("generalBudget.personnel", "人员经费", "500.00"),
		fact("threePublic.total", "“三公”经费", "30.00", "budget", "40.00", "prior", "30.00"),
		fact("threePublic.reception", "公务接待费", "10.00", "budget", "12.00", "whole", "threePublic.total"),
		countFact("reception.domesticBatches", "国内公务接待批次", 20),
		fact("operatingCost", "机关运行经费", "80.00", "prior", "100.00"),
		fact("govFund.expenditure", "政府性基金预算财政拨款支出", "0"),
		fact("fiscal.income.total", "财政拨款本年收入合计", "700.00"),
	}}
}

type got struct {
	Rule     string
	Severity string
	Line     int
	Column   int
}

func lintRules(t *testing.T, text string, facts *narrative.Facts, rules ...string) []got {
	t.Helper()
	fs, err := lint([]byte(text), facts)
	if err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{}
	for _, r := range rules {
		keep[r] = true
	}
	out := []got{}
	for _, f := range fs {
		if len(rules) == 0 || keep[f.Rule] {
			out = append(out, got{f.Rule, f.Severity.String(), f.Line, f.Column})
		}
	}
	return out
}

// col returns the 1-based column, in runes, of the first sub in line.
func col(line, sub string) int {
	i := strings.Index(line, sub)
	if i < 0 {
		return -1
	}
	return len([]rune(line[:i])) + 1
}

// want is an expected finding: its rule and severity, and where: the line
// and the text the column points at (the number of a claim, the first
// character of a leftover).
type want struct {
	rule, severity string
	line           int
	at             string
}

// TestRules runs each rule on a small narrative where it fires and on one
// where it stays quiet.
func TestRules(t *testing.T) {
	tests := []struct {
		name string
		rule string
		text string
		want []want
	}{
		{"C1 fires", "C1", "一、收入支出决算总体情况说明\n2024年度收入、支出总计分别为1,000.00万元和1,010.00万元。\n",
			[]want{{"C1", "error", 2, "1,010.00"}}},
		{"C1 quiet", "C1", "一、收入支出决算总体情况说明\n2024年度收入、支出总计分别为1,000.00万元和1,000.00万元。\n", nil},
		{"C1 quiet when written rounded", "C1", "一、收入支出决算总体情况说明\n2024年度收支总计1000.0万元。\n", nil},
		{"C1 whole number is exact", "C1", "一、收入支出决算总体情况说明\n2024年度收支总计1001万元。\n",
			[]want{{"C1", "error", 2, "1001"}}},
		{"C2 share fires", "C2", "二、收入决算情况说明\n本年收入合计900.00万元，其中：事业收入300.00万元，占33.34%。\n",
			[]want{{"C2", "error", 2, "33.34"}}},
		{"C2 share rounds, not truncates", "C2", "二、收入决算情况说明\n本年收入合计900.00万元，其中：事业收入300.00万元，占33.33%。\n", nil},
		{"C3 amount fires", "C3", "三、支出决算情况说明\n本年支出合计800.00万元，其中：基本支出610.00万元，占75.00%；项目支出200.00万元，占25.00%。\n",
			[]want{{"C3", "error", 2, "610.00"}}},
		{"C3 quiet", "C3", "三、支出决算情况说明\n本年支出合计800.00万元，其中：基本支出600.00万元，占75.00%；项目支出200.00万元，占25.00%。\n", nil},
		{"C3 in 元", "C3", "三、支出决算情况说明\n基本支出6,000,000.00元。\n", nil},
		{"C3 a project's 项目支出 is not the table's", "C3", "三、支出决算情况说明\n业务运行费项目支出40.50万元。\n", nil},
		{"C2 a bare 财政拨款 outside the income sections", "C2", "十、预算绩效管理情况\n项目全年预算数40.50万元，其中财政拨款40.50万元。\n", nil},
		{"C4 fires", "C4", "四、财政拨款收入支出决算总体情况说明\n本年财政拨款收入710.00万元。\n",
			[]want{{"C4", "error", 2, "710.00"}}},
		{"C4 quiet", "C4", "四、财政拨款收入支出决算总体情况说明\n本年财政拨款收入700.00万元。\n", nil},
		{"C5 row fires", "C5", "五、一般公共预算财政拨款支出决算情况说明\n1．一般公共服务（类）支出-政府办公厅（室）及相关机构（款）-行政运行（项）: 支出决算为710.00万元。\n",
			[]want{{"C5", "error", 2, "710.00"}}},
		{"C5 row quiet", "C5", "五、一般公共预算财政拨款支出决算情况说明\n1．一般公共服务（类）支出-政府办公厅（室）及相关机构（款）-行政运行（项）: 支出决算为700.00万元。\n", nil},
		{"C5 row outside its section is not compared", "C5", "二、其他\n行政运行（项）支出710.00万元。\n", nil},
		{"C5 structure share", "C5", "五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出700.00万元，主要用于：一般公共服务（类）支出700.00万元，占99.00%。\n",
			[]want{{"C5", "error", 2, "99.00"}}},
		{"C6 completion fires", "C6", "五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出年初预算为800.00万元，支出决算为700.00万元，完成年初预算的87.55%。\n",
			[]want{{"C6", "error", 2, "87.55"}}},
		{"C6 completion quiet", "C6", "五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出年初预算为800.00万元，支出决算为700.00万元，完成年初预算的87.50%。\n", nil},
		{"C6 wording fires", "C6", "七、“三公”经费财政拨款支出决算情况说明\n公务接待费支出10.00万元，完成预算的83.33%，决算数大于预算数。\n",
			[]want{{"C6", "error", 2, "大于"}}},
		{"C6 wording quiet", "C6", "七、“三公”经费财政拨款支出决算情况说明\n公务接待费支出10.00万元，完成预算的83.33%，决算数小于预算数。\n", nil},
		{"C7 fires", "C7", "六、一般公共预算财政拨款基本支出决算情况说明\n人员经费501.00万元。\n",
			[]want{{"C7", "error", 2, "501.00"}}},
		{"C7 only in its section", "C7", "三、支出决算情况说明\n人员经费501.00万元。\n", nil},
		{"C8 completion fires", "C8", "七、“三公”经费财政拨款支出决算情况说明\n公务接待费支出10.00万元，完成预算的83.34%。\n",
			[]want{{"C8", "error", 2, "83.34"}}},
		{"C8 count fires", "C8", "国内公务接待21批次。\n", []want{{"C8", "error", 1, "21"}}},
		{"C8 count quiet", "C8", "国内公务接待20批次。\n", nil},
		{"C8 total with 合计", "C8", "七、“三公”经费财政拨款支出决算情况说明\n“三公”经费支出合计31.00万元。\n",
			[]want{{"C8", "error", 2, "31.00"}}},
		{"C9 fires", "C9", "本单位2024年度无“三公”经费财政拨款支出。\n", []want{{"C9", "error", 1, "无"}}},
		{"C9 quiet", "C9", "本单位2024年度无政府性基金预算财政拨款收入和支出。\n", nil},
		{"C10 rate from the change", "C10", "机关运行经费支出80.00万元，比2023年减少20.00万元，下降20.00%。\n", nil},
		{"C10 rate fires", "C10", "机关运行经费支出80.00万元，比2023年减少20.00万元，下降25.00%。\n",
			[]want{{"C10", "error", 1, "25.00"}}},
		{"C10 change fires", "C10", "机关运行经费支出80.00万元，比2023年减少21.00万元。\n",
			[]want{{"C10", "error", 1, "21.00"}}},
		{"C10 wording fires", "C10", "机关运行经费支出80.00万元，比2023年增加20.00万元，增长20.00%。\n",
			[]want{{"C10", "error", 1, "20.00万元，增长"}}},
		{"C10 flat fires", "C10", "机关运行经费支出80.00万元，与上年持平。\n", []want{{"C10", "error", 1, "与上年"}}},
		{"C10 flat quiet", "C10", "“三公”经费财政拨款支出30.00万元，与上年持平。\n", nil},
		{"C10 derived prior", "C10", "一般公共预算财政拨款支出700.00万元，与2023年相比减少了50.00万元，下降6.67%。\n", nil},
		{"C11 fires", "C11", "收入支出总计XXX万元，增加（减少）10万元，某某单位。\n",
			[]want{{"C11", "error", 1, "XXX"}, {"C11", "error", 1, "增加"}, {"C11", "error", 1, "某某"}}},
		{"C11 quiet", "C11", "收入增加10.00万元，购置BMW X5车辆，型号MAXX。\n", nil},
		{"C12 fires", "C12", "与2022年相比减少了10.00万元。截至2023年12月31日，共有车辆1辆。\n",
			[]want{{"C12", "error", 1, "2022"}, {"C12", "error", 1, "2023"}}},
		{"C12 quiet", "C12", "与2023年度相比减少了10.00万元。截至2024年12月31日，2020年购置车辆1辆。与2023年度部门决算相比口径一致。\n", nil},
		{"C13 fires", "C13", "主要原因：人员减少。（如持平作持平表述）\n（注：数据来源于财决附03表，请根据实际情况填写。）\n",
			[]want{{"C13", "warning", 1, "（如持平"}, {"C13", "warning", 2, "请根据"}}},
		{"C13 quiet", "C13", "（注：数据来源于财决附03表）\n机关运行经费为保障行政单位（含参照公务员法管理的事业单位）运行的资金。\n我们对项目进行了全面分析评价。\n组织专家对项目进行评价。（单位：万元，以下同）\n", nil},
		{"C14 fires", "C14", "收入、，支出；；完成。\n", []want{{"C14", "warning", 1, "、，"}, {"C14", "warning", 1, "；；"}}},
		{"C14 quiet", "C14", "主要用于……等方面。1,580,000.00元。\n", nil},
		{"C15 fires", "C15", "编印《工作简报》12期。\n全年编印《工作简报》10期。\n", []want{{"C15", "warning", 2, "10"}}},
		{"C15 quiet", "C15", "编印《工作简报》12期。\n全年编印《工作简报》12期。\n", nil},
		{"C16 fires", "C16", "全年编印《工作简报》10期。\n\t三级指标\n\t年度指标值\n\t实际完成数\n\t完成率（%）\n\n\t简报\n\t编印《工作简报》12期/年\n\t按时编印\n\t100%\n",
			[]want{{"C16", "warning", 10, "100%"}}},
		{"C16 quiet when met", "C16", "全年编印《工作简报》12期。\n\t三级指标\n\t年度指标值\n\t实际完成数\n\t完成率（%）\n\n\t简报\n\t编印《工作简报》12期/年\n\t按时编印\n\t100%\n", nil},
		{"C17 fires", "C17", "十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n机关运行经费支出81.00万元。\n",
			[]want{{"C17", "error", 3, "81.00"}}},
		{"C17 quiet", "C17", "机关运行经费支出80.00万元。\n", nil},
		{"C18 lists", "C18", "计划投资15亿元，面屏157个。\n", []want{{"C18", "info", 1, "15"}, {"C18", "info", 1, "157"}}},
		{"C18 thresholds and dates are not claims", "C18", "2020年12月31日，单价50万元以上通用设备，N95口罩，第3部分。\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := strings.Split(tc.text, "\n")
			exp := []got{}
			for _, w := range tc.want {
				exp = append(exp, got{w.rule, w.severity, w.line, col(lines[w.line-1], w.at)})
			}
			if diff := cmp.Diff(exp, lintRules(t, tc.text, smallFacts(), tc.rule)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.rule, diff)
			}
		})
	}
}

// TestColumns checks positions: 1-based lines, columns in runes of the
// original line, conversion artifacts counted as they stand in the file.
func TestColumns(t *testing.T) {
	text := "第一行\r\n[bookmark: _Toc1][bookmark: _Toc2]机关运行经费支出81.00万元。\n"
	g := lintRules(t, text, smallFacts(), "C17")
	want := []got{{"C17", "error", 2, len([]rune("[bookmark: _Toc1][bookmark: _Toc2]机关运行经费支出")) + 1}}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	fs, _ := lint([]byte(text), smallFacts())
	if len(fs) != 1 || fs[0].Quote != "机关运行经费支出81.00万元。" || fs[0].Path != "/operatingCost" {
		t.Errorf("quote or path: %+v", fs)
	}
}

// TestWrappedLines reads text extracted from PDF, where sentences break
// across lines and every line is followed by a blank one.
func TestWrappedLines(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 10; i++ {
		b.WriteString("  一段无关的说明文字，用于构成双倍行距的文本。\n\n")
	}
	b.WriteString("  机关运行经费支出 80.00 万元，比 2023 年度减少 20.00\n\n万元，下降 25.00%。主要原因：压缩会议费。\n\n")
	g := lintRules(t, b.String(), smallFacts(), "C10", "C17", "C18")
	// The rate 25.00% on line 23 (20 ÷ 100 = 20.00%) is checked with the
	// change and the figure on line 21.
	if diff := cmp.Diff([]got{{"C10", "error", 23, col("万元，下降 25.00%", "25.00")}}, g); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestInput(t *testing.T) {
	_, err := lint([]byte("一\n二\n\xc3\x28"), nil)
	var ie *narrative.InputError
	if !errors.Is(err, narrative.ErrInput) || !errors.As(err, &ie) || ie.Line != 3 {
		t.Errorf("invalid UTF-8: got %v", err)
	}
	if _, err := lint(make([]byte, narrative.MaxSize+1), nil); !errors.Is(err, narrative.ErrInput) {
		t.Errorf("oversized text: got %v", err)
	}
	if fs, err := lint(nil, nil); err != nil || len(fs) != 0 {
		t.Errorf("empty text: got %v, %v", fs, err)
	}
	if fs, err := lint([]byte("\uFEFF机关运行经费支出81.00万元。"), smallFacts()); err != nil || len(fs) != 1 || fs[0].Column != 9 {
		t.Errorf("byte-order mark: got %v, %v", fs, err)
	}
}

func TestPatterns(t *testing.T) {
	if _, err := narrative.New(sichuan2020.Patterns()); err != nil {
		t.Fatalf("sichuan-2020 patterns: %v", err)
	}
	if _, err := narrative.New(nil); !errors.Is(err, narrative.ErrPattern) {
		t.Errorf("New(nil): got %v, want ErrPattern", err)
	}
	for _, tc := range []struct {
		p     narrative.Patterns
		field string
	}{
		{narrative.Patterns{Headings: []narrative.HeadingPattern{{Level: 1, Text: "["}}}, "headings[0].text"},
		{narrative.Patterns{Headings: []narrative.HeadingPattern{{Level: 5, Text: "x"}}}, "headings[0].level"},
		{narrative.Patterns{Alternatives: []string{"增加"}}, "alternatives[0]"},
		{narrative.Patterns{Instructions: []narrative.InstructionPattern{{Text: "x", Scope: "nowhere"}}}, "instructions[0].scope"},
		{narrative.Patterns{Years: []narrative.YearPattern{{Text: "比20[0-9]{2}年"}}}, "years[0].text"},
	} {
		_, err := narrative.New(&tc.p)
		var pe *narrative.PatternError
		if !errors.Is(err, narrative.ErrPattern) || !errors.As(err, &pe) || pe.Field != tc.field {
			t.Errorf("%s: got %v", tc.field, err)
		}
	}
	// Patterns are data: they round-trip through JSON.
	b, err := json.Marshal(sichuan2020.Patterns())
	if err != nil {
		t.Fatal(err)
	}
	var p narrative.Patterns
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sichuan2020.Patterns(), &p); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
}

func TestRuleCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range narrative.Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		seen[r.ID] = true
		if (r.Kind != audit.Text && r.ID != narrative.RuleSections) || r.Title == "" || r.Description == "" || r.Source == "" {
			t.Errorf("rule %s incomplete: %+v", r.ID, r)
		}
		if (r.ID == narrative.RuleUnverified) != (r.Severity == audit.Info) {
			t.Errorf("rule %s severity %s", r.ID, r.Severity)
		}
	}
	if len(seen) != 28 {
		t.Errorf("%d rules, want C1–C27 and G5", len(seen))
	}
}

func TestRuleFor(t *testing.T) {
	for id, want := range map[string]string{
		"summary.income.grandTotal": "C1", "summary.income.business": "C2", "expenditure.basic": "C3",
		"fiscal.income.total": "C4", "generalBudget.2010301": "C5", "generalBudget.personnel": "C7",
		"threePublic.total": "C8", "reception.domesticBatches": "C8", "operatingCost": "C17",
	} {
		if got := narrative.RuleFor(id); got != want {
			t.Errorf("RuleFor(%s) = %s, want %s", id, got, want)
		}
	}
}

func readFacts(t testing.TB, path string) *narrative.Facts {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f narrative.Facts
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return &f
}

// TestCentral2024 lints the central/Shanghai-style narratives with the facts
// juesuan.NarrativeFacts builds for their document (TestNarrativeFacts in
// the root package keeps testdata/golden-facts-central-2024.json current).
func TestCentral2024(t *testing.T) {
	facts := readFacts(t, "testdata/golden-facts-central-2024.json")
	text, err := os.ReadFile("testdata/central-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The 绩效 summary of line 38 ties to the document's disclosure section.
	want := []got{}
	if diff := cmp.Diff(want, lintRules(t, string(text), facts)); diff != "" {
		t.Errorf("consistent narrative (-want +got):\n%s", diff)
	}

	text, err = os.ReadFile("testdata/central-2024-defects.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Each defect written into the narrative, and nothing else.
	want = []got{
		// The text ends with 第四部分 名词解释, so G5 checks it as a whole
		// disclosure: it lacks the 第一部分 部门概况 (one finding at the
		// 决算情况说明 heading).
		{"G5", "warning", 1, 1},
		{"C1", "error", 3, 19},     // 收入支出总计 1,243.56 for 1,234.56
		{"C12", "error", 3, 31},    // 与2022年度相比 in a 2024 document
		{"C2", "error", 5, 60},     // 150/1200 = 12.50%, not 12.05%
		{"C3", "error", 7, 25},     // 基本支出 910.00 for 900.00
		{"C4", "error", 9, 23},     // 财政拨款收入支出总计 1,021.00 for 1,020.00
		{"C10", "error", 9, 66},    // 30/1050 = 2.857…: 2.86%, not truncated 2.85%
		{"C11", "error", 9, 77},    // XXXXXXXX
		{"C13", "warning", 9, 86},  // （如持平作持平表述）
		{"C10", "error", 12, 61},   // 增加 although 980 < 1000
		{"C5", "error", 14, 97},    // 住房保障支出 81.00 for 80.00
		{"C6", "error", 17, 87},    // 620/600 = 103.33%, not 103.35%
		{"C6", "error", 17, 98},    // 决算数小于预算数 although 620 > 600
		{"C7", "error", 20, 31},    // 人员经费 710.00 for 700.00
		{"C11", "error", 24, 123},  // 增加（减少）
		{"C8", "error", 32, 47},    // 国内公务接待 31批次 for 30
		{"C14", "warning", 41, 53}, // ，，
		{"C18", "info", 41, 65},    // 《示例简报》11期: no table figure
		{"C9", "error", 41, 81},    // 无机关运行经费支出, but 150.00
		{"C17", "error", 43, 47},   // 货物采购金额 110.00 for 100.00
		{"C6", "error", 55, 2},     // 执行率 90/100 = 90%, not 100%
		{"C18", "info", 64, 10},    // the target 12期/年 itself
		{"C15", "warning", 65, 10}, // 《示例简报》10期 here, 11期 on line 41
		{"C16", "warning", 66, 2},  // 完成率 100% with 10 of 12 期
		{"C19", "warning", 71, 45}, // 行政执行（项）: the row of 620.00 is 行政运行
		{"C26", "warning", 72, 42}, // 住房公积金 described as 医疗保险
		{"C18", "info", 73, 39},    // 初中教育 50.00: no table row
		{"C23", "error", 73, 54},   // 完成年初预算的100% with 年初预算 0
		{"C20", "warning", 75, 24}, // 职业年金缴费: no row in the 基本支出 table
		{"C21", "warning", 77, 1},  // 上海市示范局 for 上海市示例局
		{"C25", "warning", 78, 13}, // 国（境）外公务接待费 left blank in 附03
		{"C22", "error", 78, 57},   // 增长100% from a zero base
		{"C24", "warning", 79, 17}, // 占33.33 without %
		{"C27", "error", 80, 1},    // 持平, while line 24 says 减少5.00万元
	}
	if diff := cmp.Diff(want, lintRules(t, string(text), facts)); diff != "" {
		t.Errorf("narrative with defects (-want +got):\n%s", diff)
	}
}

// TestTemplate lints the bare central/Shanghai 2024 template: nothing but
// template leftovers, and none of its numbers are claims.
func TestTemplate(t *testing.T) {
	text, err := os.ReadFile("testdata/shanghai-2024-template.txt")
	if err != nil {
		t.Fatal(err)
	}
	fs, err := lint(text, &narrative.Facts{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, f := range fs {
		n[f.Rule]++
	}
	if n["C11"] < 100 || n["C13"] < 20 {
		t.Errorf("too few leftovers found in the template: %v", n)
	}
	for r := range n {
		if r != "C11" && r != "C13" && r != narrative.RuleSections {
			t.Errorf("rule %s fired on the bare template (%d times)", r, n[r])
		}
	}
	// The excerpt starts at 第三部分: of the required sections only the
	// 第一部分's is missing.
	var missing []string
	for _, f := range fs {
		if f.Rule == narrative.RuleSections {
			missing = append(missing, f.Expected)
		}
	}
	if diff := cmp.Diff([]string{"部门职责与机构设置"}, missing); diff != "" {
		t.Errorf("G5 on the template excerpt (-want +got):\n%s", diff)
	}
}

// TestBudgetWording covers 决算 against 预算 stated as a change or as 占预算的.
func TestBudgetWording(t *testing.T) {
	const head = "五、一般公共预算财政拨款支出决算情况说明\n"
	for _, tc := range []struct {
		text string
		want []want
	}{
		{head + "一般公共预算财政拨款支出年初预算为800.00万元，支出决算为700.00万元，比年初预算减少100.00万元。\n", nil},
		{head + "一般公共预算财政拨款支出年初预算为800.00万元，支出决算为700.00万元，比年初预算减少90.00万元。\n",
			[]want{{"C6", "error", 2, "90.00"}}},
		{head + "一般公共预算财政拨款支出年初预算为800.00万元，支出决算为700.00万元，比年初预算增加100.00万元。\n",
			[]want{{"C6", "error", 2, "100.00"}}},
		{head + "一般公共预算财政拨款支出年初预算为800.00万元，支出决算为700.00万元，占年初预算的87.50%。\n", nil},
		{head + "一般公共预算财政拨款支出年初预算为800.00万元，支出决算为700.00万元，占年初预算的88.50%。\n",
			[]want{{"C6", "error", 2, "88.50"}}},
	} {
		lines := strings.Split(tc.text, "\n")
		exp := []got{}
		for _, w := range tc.want {
			exp = append(exp, got{w.rule, w.severity, w.line, col(lines[w.line-1], w.at)})
		}
		if diff := cmp.Diff(exp, lintRules(t, tc.text, smallFacts(), "C6", "C2", "C5")); diff != "" {
			t.Errorf("%s(-want +got):\n%s", lines[1], diff)
		}
	}
}

// TestTargetFromIndicators: the 完成率 comes from the performance section
// (Facts.Indicators) when the narrative has no table row for it; the finding
// then sits at the narrative's actual figure and points at the indicator.
func TestTargetFromIndicators(t *testing.T) {
	text := "一、项目绩效\n编制印刷《工作简报》12期/年。\n全年编印《工作简报》10期。\n"
	ind := narrative.Indicator{Path: "/performance/projects/0/indicators/1/rate", Name: "指标2：简报",
		Target: "编制印刷《工作简报》12期/年", Actual: "按时编印", Rate: amount.MustParse("100")}
	for _, tc := range []struct {
		rate string
		want []narrative.Indicator
	}{
		{"100", []narrative.Indicator{ind}},
		{"83.33", nil},
	} {
		f := smallFacts()
		in := ind
		in.Rate = amount.MustParse(tc.rate)
		f.Indicators = []narrative.Indicator{in}
		fs, err := lint([]byte(text), f)
		if err != nil {
			t.Fatal(err)
		}
		var gotPaths []string
		for _, fi := range fs {
			if fi.Rule == narrative.RuleTarget {
				if fi.Line != 3 || fi.Column != col("全年编印《工作简报》10期。", "10") {
					t.Errorf("rate %s: C16 at %d:%d", tc.rate, fi.Line, fi.Column)
				}
				gotPaths = append(gotPaths, fi.Path)
			}
		}
		var wantPaths []string
		for _, w := range tc.want {
			wantPaths = append(wantPaths, w.Path)
		}
		if diff := cmp.Diff(wantPaths, gotPaths); diff != "" {
			t.Errorf("rate %s (-want +got):\n%s", tc.rate, diff)
		}
	}
}
