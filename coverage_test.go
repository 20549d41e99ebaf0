package juesuan_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/indicators"
)

// TestValidateWithSameFindings: the ledger only observes. On every fixture
// (the reference document, the small consistent one, every invalid
// variant and generated documents of every profile), ValidateWith with the
// ledger gives the findings of Validate, byte for byte in their JSON form,
// and a ledger that lists every rule of the profile's catalogue that
// Validate runs (all but the narrative rules, which LintWith lists).
func TestValidateWithSameFindings(t *testing.T) {
	files := append([]string{referenceFile, smallFile}, invalidVariants(t)...)
	hostile, _ := filepath.Glob("testdata/hostile/*.json")
	files = append(files, hostile...)
	var docs []*juesuan.Document
	for _, f := range files {
		d, err := juesuan.DecodeFile(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		docs = append(docs, d)
	}
	for _, id := range juesuan.ProfileIDs() {
		for seed := range uint64(3) {
			d, _, err := fixture.Generate(fixture.Options{Profile: id, Seed: seed, RandomFaults: int(seed)})
			if err != nil {
				t.Fatalf("%s seed %d: %v", id, seed, err)
			}
			docs = append(docs, d)
		}
	}
	// The narrative rules are in the ledger of LintWith.
	outside := map[string]bool{}
	for _, r := range narrative.Rules() {
		outside[r.ID] = true
	}
	for i, d := range docs {
		d.Calculate()
		plain, err := juesuan.Validate(d)
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		fs, cov, err := juesuan.ValidateWith(d, juesuan.ValidateOptions{Coverage: true})
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		a, _ := json.Marshal(plain)
		b, _ := json.Marshal(fs)
		if !bytes.Equal(a, b) {
			t.Errorf("document %d (%s): findings differ with the ledger:\n%s\n%s", i, d.Unit.Name, a, b)
		}
		if cov == nil || len(cov.Rules) == 0 {
			t.Fatalf("document %d: no ledger", i)
		}
		if _, cov2, _ := juesuan.ValidateWith(d, juesuan.ValidateOptions{}); cov2 != nil {
			t.Errorf("document %d: a ledger without asking", i)
		}
		p, _ := juesuan.LookupProfile(d.Profile)
		listed := map[string]bool{}
		for _, rc := range cov.Rules {
			listed[rc.Rule] = true
		}
		for _, r := range p.RuleCatalog() {
			if !outside[r.ID] && !listed[r.ID] {
				t.Errorf("document %d: rule %s not in the ledger", i, r.ID)
			}
		}
		// The indicator rules' entries count their findings.
		for _, r := range indicators.Rules() {
			rc := cov.Rule(r.ID)
			if rc == nil {
				t.Errorf("document %d: %s not in the ledger", i, r.ID)
				continue
			}
			if n := countRule(fs, r.ID); rc.Fired+rc.Rounding != n {
				t.Errorf("document %d: %s fired %d + rounding %d, findings %d", i, r.ID, rc.Fired, rc.Rounding, n)
			}
		}
	}
}

// countRule counts the findings of rule id.
func countRule(fs audit.Findings, id string) int {
	n := 0
	for _, f := range fs {
		if f.Rule == id {
			n++
		}
	}
	return n
}

// referenceNarrative is the reference document's 情况说明.
const referenceNarrative = "testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt"

// TestLintWith: the narrative ledger only observes: LintWith gives the
// findings of Lint on the reference narrative, a fragment of it and an
// empty text; it lists every narrative rule, in ID order, each counting
// its findings; and a plain LintWith keeps none.
func TestLintWith(t *testing.T) {
	d, err := juesuan.DecodeFile(referenceFile)
	if err != nil {
		t.Fatal(err)
	}
	d.Calculate()
	text, err := os.ReadFile(referenceNarrative)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range narrative.Rules() {
		ids = append(ids, r.ID)
	}
	for _, tc := range []struct {
		name string
		text []byte
		g5   string // G5's status
	}{
		{"reference", text, accounts.StatusRan},
		{"fragment", text[:bytes.Index(text, []byte("第二部分"))], accounts.StatusIdle},
		{"empty", []byte{}, accounts.StatusIdle},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain, err := juesuan.Lint(d, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			fs, cov, err := juesuan.LintWith(d, tc.text, juesuan.LintOptions{Coverage: true})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(plain, fs); diff != "" {
				t.Errorf("findings (-Lint +LintWith):\n%s", diff)
			}
			var got []string
			for _, rc := range cov.Rules {
				got = append(got, rc.Rule)
				if n := countRule(fs, rc.Rule); rc.Fired != n {
					t.Errorf("%s fired %d, findings %d", rc.Rule, rc.Fired, n)
				}
			}
			if diff := cmp.Diff(ids, got); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
			if g5 := cov.Rule("G5"); g5.Status != tc.g5 {
				t.Errorf("G5 %+v, want status %s", g5, tc.g5)
			}
			if _, none, _ := juesuan.LintWith(d, tc.text, juesuan.LintOptions{}); none != nil {
				t.Error("a ledger without asking")
			}
		})
	}
}

// TestCoverageReference: the ledger of the reference document (tables and
// narrative) against counts made without it. P1 checks each of the 72
// indicator rows of the JSON once; P6 runs or skips each stated 完成率;
// each narrative skip is a number the C18 rule lists as 未核对, at the same
// line and column, and every C18 "表中未列示" (a figure the tables do not
// state) is a skip; the totals are the sums over the rules, and those
// Checklist decides with.
func TestCoverageReference(t *testing.T) {
	raw, err := os.ReadFile(referenceFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Performance struct {
			Projects, Evaluations []struct {
				Indicators []struct {
					Rate string `json:"rate"`
				} `json:"indicators"`
			}
		} `json:"performance"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	rows, rates := 0, 0
	for _, tb := range append(doc.Performance.Projects, doc.Performance.Evaluations...) {
		rows += len(tb.Indicators)
		for _, in := range tb.Indicators {
			if in.Rate != "" {
				rates++
			}
		}
	}
	d, err := juesuan.DecodeFile(referenceFile)
	if err != nil {
		t.Fatal(err)
	}
	d.Calculate()
	text, err := os.ReadFile(referenceNarrative)
	if err != nil {
		t.Fatal(err)
	}
	_, vcov, err := juesuan.ValidateWith(d, juesuan.ValidateOptions{Coverage: true})
	if err != nil {
		t.Fatal(err)
	}
	if p1 := vcov.Rule("P1"); p1.Ran != rows || rows != 72 {
		t.Errorf("P1 ran %d, the JSON has %d indicator rows", p1.Ran, rows)
	}
	if p6 := vcov.Rule("P6"); p6.Ran+len(p6.Skipped) != rates || rates == 0 {
		t.Errorf("P6 ran %d and skipped %d, the JSON states %d 完成率", p6.Ran, len(p6.Skipped), rates)
	}
	lf, lcov, err := juesuan.LintWith(d, text, juesuan.LintOptions{Coverage: true})
	if err != nil {
		t.Fatal(err)
	}
	c18 := map[[2]int]string{}
	for _, f := range lf {
		if f.Rule == narrative.RuleUnverified {
			c18[[2]int{f.Line, f.Column}] = f.Message
		}
	}
	skipped := map[[2]int]bool{}
	for _, rc := range lcov.Rules {
		for _, s := range rc.Skipped {
			at := [2]int{s.Line, s.Column}
			skipped[at] = true
			if _, ok := c18[at]; !ok {
				t.Errorf("%s skip at %d:%d is not a C18 number", rc.Rule, s.Line, s.Column)
			}
			if s.Path == "" && s.Fact == "" {
				t.Errorf("%s skip at %d:%d names no figure", rc.Rule, s.Line, s.Column)
			}
		}
	}
	for at, msg := range c18 {
		if bytes.Contains([]byte(msg), []byte("表中未列示")) && !skipped[at] {
			t.Errorf("C18 at %d:%d (%s) is not a skip", at[0], at[1], msg)
		}
	}
	if len(skipped) == 0 {
		t.Error("the reference narrative has no skipped check; the test shows nothing")
	}
	sum := func(covs ...*juesuan.Coverage) (ran, skipped int) {
		for _, c := range covs {
			for _, rc := range c.Rules {
				ran += rc.Ran
				skipped += len(rc.Skipped)
			}
		}
		return
	}
	_, _, all, err := juesuan.ChecklistWith(d, text, juesuan.ChecklistOptions{Coverage: true})
	if err != nil {
		t.Fatal(err)
	}
	ran, skip := all.Totals()
	wantRan, wantSkip := sum(vcov, lcov)
	if ran != wantRan || skip != wantSkip {
		t.Errorf("checklist ledger totals %d ran, %d skipped; validate + lint %d, %d", ran, skip, wantRan, wantSkip)
	}
}

// blankZeroCells deletes from a JSON document's tables every amount that
// is a stated 0: the document as printed with its zero cells left blank.
func blankZeroCells(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok {
				if a, err := amount.Parse(s); err == nil && a.IsNil() {
					delete(x, k)
					continue
				}
			}
			x[k] = blankZeroCells(e)
		}
	case []any:
		for i := range x {
			x[i] = blankZeroCells(x[i])
		}
	}
	return v
}

// TestCoverageBlankZeroContradiction is the case of issue 15 on the small
// consistent document: its zero cells left blank, and 100 万元 more
// 一般公共预算财政拨款收入 stated in both 总表 (carried to the 年末 and 总计 of
// that fund) than its 收入决算表 and the 本年收入合计 of both 总表 say.
// Validate finds nothing wrong; the ledger shows the checks that would
// have seen it as skipped and names the blank figures.
func TestCoverageBlankZeroContradiction(t *testing.T) {
	raw, err := os.ReadFile(smallFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	tables := doc["tables"].(map[string]any)
	blankZeroCells(tables)
	delete(tables, "z01_1") // its 决算数 copy the 总表 and would repeat the change
	add100 := func(m map[string]any, key string) {
		a := amount.MustParse(m[key].(string)).Add(amount.MustParse("100"))
		m[key] = a.String()
	}
	add100(tables["summary"].(map[string]any)["income"].(map[string]any), "generalBudget")
	fiscal := tables["fiscalSummary"].(map[string]any)
	add100(fiscal["income"].(map[string]any)["current"].(map[string]any), "generalBudget")
	// and carried to its 年末 and 支出总计, so that the fund column balances
	add100(fiscal["expenditure"].(map[string]any)["endingBalance"].(map[string]any), "generalBudget")
	add100(fiscal["expenditure"].(map[string]any)["grandTotal"].(map[string]any), "generalBudget")
	raw, _ = json.Marshal(doc)
	d, err := juesuan.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	d.Calculate()
	fs, cov, err := juesuan.ValidateWith(d, juesuan.ValidateOptions{Coverage: true})
	if err != nil {
		t.Fatal(err)
	}
	// No rule that compares figures sees it (the silence the issue
	// describes); the disclosure rules (G*) may ask for the blank 三公 items.
	for _, f := range fs {
		if f.Severity == audit.Error || f.Rule[0] == 'A' || f.Rule[0] == 'B' {
			t.Errorf("want no error and no A/B finding, got %v", f)
		}
	}
	rc := cov.Rule("B3")
	if rc == nil {
		t.Fatal("B3 not in the ledger")
	}
	want := accounts.Skip{Path: "/tables/income/total/fiscal", Reason: accounts.SkipAbsent, Missing: []string{"/tables/summary/income/stateCapital"}}
	if !slices.ContainsFunc(rc.Skipped, func(s accounts.Skip) bool { return cmp.Equal(s, want) }) {
		t.Errorf("B3 ledger lacks %+v: %+v", want, rc.Skipped)
	}
	want = accounts.Skip{Path: "/tables/fiscalSummary/income/current/total", Reason: accounts.SkipAbsent, Missing: []string{"/tables/fiscalSummary/income/current/stateCapital"}}
	if rc := cov.Rule("A10"); rc == nil || !slices.ContainsFunc(rc.Skipped, func(s accounts.Skip) bool { return cmp.Equal(s, want) }) {
		t.Errorf("A10 ledger lacks %+v: %+v", want, rc)
	}
	if _, skipped := cov.Totals(); skipped == 0 {
		t.Error("no skipped check")
	}
}

// TestValidateWithPrior: last year's document, read as a document, is
// compared with this year's. Last year's is the small document itself, of
// 2019, with its 年末 figures set to this year's 年初: then B14 is quiet, and
// a 年末 changed by 1 万元 is reported; B15 compares the 上年数 stated
// (本年收入合计 580.00 against last year's 本年收入合计).
func TestValidateWithPrior(t *testing.T) {
	this, plain := checkFixture(t, smallFile)
	last, _ := checkFixture(t, smallFile)
	last.Unit.FiscalYear, last.PriorYear = 2019, nil
	ls, ts := last.Tables.Summary, this.Tables.Summary
	ls.Expenditure.EndingBalance = ts.Income.BeginningBalance
	last.Tables.FiscalSummary.Expenditure.EndingBalance = this.Tables.FiscalSummary.Income.BeginningBalance
	last.Tables.GovFund.Total.EndingBalance = this.Tables.GovFund.Total.BeginningBalance
	for i := range last.Tables.GovFund.Rows {
		last.Tables.GovFund.Rows[i].EndingBalance = this.Tables.GovFund.Rows[i].BeginningBalance
	}
	ls.Income.Total = this.PriorYear.IncomeTotal
	ls.Expenditure.Total = this.PriorYear.ExpenditureTotal
	last.Tables.F03.OperatingCost.Amount = this.PriorYear.OperatingCost
	last.Tables.FiscalSummary.Income.Current.Total = amount.Amount{} // not restated: skipped
	last.Tables.FiscalSummary.Income.GrandTotal = amount.Amount{}
	last.Tables.FiscalSummary.Expenditure.GrandTotal.Total = amount.Amount{}
	last.Tables.GeneralBudget.Total.Total = amount.Amount{}
	last.Tables.ThreePublic.Actual = accounts.ThreePublicColumns{}

	b14 := func(fs audit.Findings) []string {
		var out []string
		for _, f := range fs {
			if f.Rule == "B14" || f.Rule == "B15" {
				out = append(out, f.Rule+" "+f.Path)
			}
		}
		return out
	}
	fs, _, err := juesuan.ValidateWith(this, juesuan.ValidateOptions{Prior: last})
	if err != nil {
		t.Fatal(err)
	}
	if got := b14(fs); len(got) != 0 {
		t.Errorf("B14/B15 on agreeing documents: %v", got)
	}
	if diff := cmp.Diff(toGolden(plain), toGolden(fs)); diff != "" {
		t.Errorf("findings with an agreeing prior document (-without +with):\n%s", diff)
	}

	ls.Expenditure.EndingBalance = ls.Expenditure.EndingBalance.Add(amount.MustParse("1"))
	ls.Income.Total = amount.MustParse("581.00")
	fs, _, _ = juesuan.ValidateWith(this, juesuan.ValidateOptions{Prior: last})
	// the changed 年末 is also the 上年数 of 年末结转和结余 (B15)
	want := []string{"B15 /priorYear/endingBalance", "B15 /priorYear/incomeTotal", "B14 /tables/summary/income/beginningBalance"}
	if diff := cmp.Diff(want, b14(fs)); diff != "" {
		t.Errorf("B14/B15 (-want +got):\n%s", diff)
	}
}
