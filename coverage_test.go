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
// and a ledger that lists every rule of the profile's catalogue run by
// accounts.RunChecks.
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
	// The narrative and indicator rules do not run through the ledger.
	outside := map[string]bool{}
	for _, r := range append(narrative.Rules(), indicators.Rules()...) {
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
