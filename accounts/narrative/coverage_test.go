package narrative_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/google/go-cmp/cmp"
)

// skipRec is one Recorder.Skip call.
type skipRec struct {
	Rule, Reason, Path, Fact string
	Line, Column             int
}

// ruleRec is one Recorder.Rule call.
type ruleRec struct {
	Rule       string
	Ran, Fired int
	Idle       string
}

// recorder keeps what LintWith records.
type recorder struct {
	skips []skipRec
	rules []ruleRec
}

func (r *recorder) Skip(id, reason, path, fact string, line, col int) {
	r.skips = append(r.skips, skipRec{id, reason, path, fact, line, col})
}

func (r *recorder) Rule(id string, ran, fired int, idle string) {
	r.rules = append(r.rules, ruleRec{id, ran, fired, idle})
}

func (r *recorder) rule(id string) ruleRec {
	for _, x := range r.rules {
		if x.Rule == id {
			return x
		}
	}
	return ruleRec{Rule: "missing " + id}
}

// ledger lints text with a recorder and checks that the findings are
// those of Lint.
func ledger(t *testing.T, text string, facts *narrative.Facts) *recorder {
	t.Helper()
	plain, err := lint([]byte(text), facts)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	fs, err := testLinter.LintWith([]byte(text), facts, rec)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(plain)
	b, _ := json.Marshal(fs)
	if string(a) != string(b) {
		t.Errorf("findings differ with the ledger:\n%s\n%s", a, b)
	}
	var ids []string
	for _, r := range narrative.Rules() {
		ids = append(ids, r.ID)
	}
	var gotIDs []string
	for _, r := range rec.rules {
		gotIDs = append(gotIDs, r.Rule)
	}
	if diff := cmp.Diff(ids, gotIDs); diff != "" {
		t.Errorf("rules recorded (-want +got):\n%s", diff)
	}
	for _, r := range rec.rules {
		if r.Fired > r.Ran {
			t.Errorf("%s: fired %d of %d", r.Rule, r.Fired, r.Ran)
		}
	}
	return rec
}

// TestCoverage: the ledger of narrative rules that fire, pass, skip a
// number whose table figure the document does not state (a blank cell,
// with its JSON Pointer; a figure without a place, by its Fact ID) and
// find nothing to check (G5 on a fragment).
func TestCoverage(t *testing.T) {
	blank := func(f *narrative.Facts) {
		for i := range f.Items {
			if f.Items[i].ID == "generalBudget.total" {
				f.Items[i].Value = narrative.Figure{Path: "/tables/generalBudget/total/total"}
			}
		}
	}
	drop := func(f *narrative.Facts) {
		f.Items = slices.DeleteFunc(f.Items, func(x narrative.Fact) bool { return x.ID == "generalBudget.total" })
	}
	const gb = "五、一般公共预算财政拨款支出决算情况说明\n2024年度一般公共预算财政拨款支出700.00万元。\n"
	whole := "第一部分 部门概况\n一、部门职责\n负责联络工作。\n第二部分 2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n2024年度收入、支出总计分别为1,000.00万元和1,000.00万元。\n第三部分 名词解释\n一、财政拨款收入：指本级财政拨款。\n"
	tests := []struct {
		name   string
		text   string
		change func(*narrative.Facts)
		rules  []ruleRec // the entries of these rules
		skips  []skipRec // every skip
	}{
		{"C1 passes and fires", "一、收入支出决算总体情况说明\n2024年度收入、支出总计分别为1,000.00万元和1,010.00万元。\n", nil,
			[]ruleRec{{"C1", 2, 1, "no sentence states what the rule checks"}}, nil},
		{"C5 passes", gb, nil, []ruleRec{{"C5", 1, 0, "no sentence states what the rule checks"}}, nil},
		{"C5 against a blank cell", gb, blank, []ruleRec{{"C5", 0, 0, "no sentence states what the rule checks"}},
			[]skipRec{{"C5", narrative.SkipAbsent, "/tables/generalBudget/total/total", "", 2, col("2024年度一般公共预算财政拨款支出700.00万元。", "700.00")}}},
		{"C5 against a figure the document lacks", gb, drop, []ruleRec{{"C5", 0, 0, "no sentence states what the rule checks"}},
			[]skipRec{{"C5", narrative.SkipAbsent, "", "generalBudget.total", 2, col("2024年度一般公共预算财政拨款支出700.00万元。", "700.00")}}},
		{"C8 last year's figure not stated", "三、“三公”经费财政拨款支出决算情况说明\n2023年公务接待费8.00万元。\n", nil,
			[]ruleRec{{"C8", 0, 0, "no sentence states what the rule checks"}},
			[]skipRec{{"C8", narrative.SkipAbsent, "", "threePublic.reception", 2, col("2023年公务接待费8.00万元。", "8.00")}}},
		{"text rules: one check a paragraph", "二、收入决算情况说明\n本年收入【XX】万元。。\n", nil,
			[]ruleRec{{"C11", 2, 1, ""}, {"C14", 2, 1, ""}}, nil},
		{"G5 on a fragment", gb, nil,
			[]ruleRec{{"G5", 0, 0, "the narrative is not a whole disclosure (fewer than two parts), so its sections are not checked"}}, nil},
		{"G5 on a whole text", whole, nil, []ruleRec{{"G5", 15, 12, "no sentence states what the rule checks"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := smallFacts()
			if tt.change != nil {
				tt.change(f)
			}
			rec := ledger(t, tt.text, f)
			var gotRules []ruleRec
			for _, r := range tt.rules {
				got := rec.rule(r.Rule)
				if r.Idle == "" {
					got.Idle = ""
				}
				gotRules = append(gotRules, got)
			}
			if diff := cmp.Diff(tt.rules, gotRules); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.skips, rec.skips); diff != "" {
				t.Errorf("skips (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCoverageNone: Lint records nothing (LintWith with a nil Recorder is
// Lint).
func TestCoverageNone(t *testing.T) {
	text := []byte("一、收入支出决算总体情况说明\n2024年度收入、支出总计分别为1,000.00万元和1,010.00万元。\n")
	a, err := testLinter.LintWith(text, smallFacts(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := lint(text, smallFacts())
	if diff := cmp.Diff(b, a); diff != "" {
		t.Errorf("LintWith(nil) (-Lint +LintWith):\n%s", diff)
	}
}
