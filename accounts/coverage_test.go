package accounts

import (
	"reflect"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/audit"
)

// blankZeros leaves every stated 0 of r blank (absent), as a document
// whose zero cells are printed empty.
func blankZeros(r *Report) { blankZerosIn(reflect.ValueOf(&r.Tables).Elem()) }

func blankZerosIn(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			blankZerosIn(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			blankZerosIn(v.Index(i))
		}
	case reflect.Struct:
		if a, ok := v.Addr().Interface().(*Amount); ok {
			if a.IsNil() {
				*a = Amount{}
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				blankZerosIn(v.Field(i))
			}
		}
	}
}

// validateCoverage validates r with the ledger on, and checks that the
// findings are those of a plain Validate.
func validateCoverage(t *testing.T, r *Report, o Options) (audit.Findings, *Coverage) {
	t.Helper()
	plain := Validate(r, o)
	cov := &Coverage{}
	o.Coverage = cov
	fs := Validate(r, o)
	if diff := cmp.Diff(plain, fs); diff != "" {
		t.Errorf("the ledger changed the findings (-plain +with ledger):\n%s", diff)
	}
	return fs, cov
}

// skipsAt returns the skipped checks of rule id at path.
func skipsAt(cov *Coverage, id, path string) []Skip {
	var out []Skip
	if rc := cov.Rule(id); rc != nil {
		for _, s := range rc.Skipped {
			if s.Path == path {
				out = append(out, s)
			}
		}
	}
	return out
}

// TestCoverageBlankZeros is the case of issue 15: with its zero cells left
// blank, a document whose 收入支出决算总表 and 财政拨款收入支出决算总表 state a
// 一般公共预算 income 100 万元 above what its 收入决算表 and its own 本年收入合计
// say gives no finding, since every check that would see it needs a blank
// figure; the ledger lists each such check as skipped and names the blank
// figures.
func TestCoverageBlankZeros(t *testing.T) {
	contradict := func(r *Report) {
		r.Tables.Summary.Income.GeneralBudget = m("699.53")
		r.Tables.FiscalSummary.Income.Current.GeneralBudget = m("699.53")
		r.Tables.Z01, r.Tables.Z011 = nil, nil // their copies would repeat it
	}
	o := Options{Catalogs: editions(t, 2020)}

	// With the zeros stated, the contradiction is found.
	stated := validReport()
	contradict(stated)
	if fs := Validate(stated, o); !fs.HasErrors() {
		t.Fatalf("the contradiction with stated zeros gives no error: %v", fs)
	}

	r := validReport()
	blankZeros(r)
	contradict(r)
	fs, cov := validateCoverage(t, r, o)
	if fs.HasErrors() {
		t.Fatalf("want no error with the zeros blank (the case of the issue), got %v", fs)
	}
	for _, tc := range []struct {
		rule, path string
		want       Skip
	}{
		{"A4", "/tables/summary/income/total", Skip{Path: "/tables/summary/income/total", Reason: SkipAbsent, Missing: []string{
			"/tables/summary/income/stateCapital", "/tables/summary/income/superiorSubsidy", "/tables/summary/income/business",
			"/tables/summary/income/operating", "/tables/summary/income/affiliated", "/tables/summary/income/other"}}},
		{"B3", "/tables/income/total/fiscal", Skip{Path: "/tables/income/total/fiscal", Reason: SkipAbsent, Missing: []string{
			"/tables/summary/income/stateCapital"}}},
		{"A10", "/tables/fiscalSummary/income/current/total", Skip{Path: "/tables/fiscalSummary/income/current/total", Reason: SkipAbsent, Missing: []string{
			"/tables/fiscalSummary/income/current/stateCapital"}}},
		{"A11", "/tables/fiscalSummary/expenditure/endingBalance/generalBudget", Skip{Path: "/tables/fiscalSummary/expenditure/endingBalance/generalBudget", Reason: SkipAbsent, Missing: []string{
			"/tables/fiscalSummary/expenditure/endingBalance/generalBudget", "/tables/fiscalSummary/income/beginningBalance/generalBudget"}}},
	} {
		got := skipsAt(cov, tc.rule, tc.path)
		if diff := cmp.Diff([]Skip{tc.want}, got); diff != "" {
			t.Errorf("%s at %s (-want +got):\n%s", tc.rule, tc.path, diff)
		}
	}
	ran, skipped := cov.Totals()
	if ran == 0 || skipped < 4 {
		t.Errorf("Totals = %d ran, %d skipped", ran, skipped)
	}
}

// TestCoverageLedger: the ledger lists every rule in the order run, with
// its status and counts; disabled and idle rules say why.
func TestCoverageLedger(t *testing.T) {
	r := validReport()
	r.Tables.GeneralBudgetProject, r.Tables.Z01 = nil, nil
	r.Tables.Summary.Expenditure.Rows[0].Amount = m("410.38") // a 舍入差异 of A5
	r.Tables.Summary.Income.NonFiscalBalanceUsed = m("0.10")  // A1 fires
	o := Options{Catalogs: editions(t, 2020), Config: &audit.Config{Disabled: map[string]bool{"B5": true}}}
	_, cov := validateCoverage(t, r, o)

	var ids []string
	for _, rc := range cov.Rules {
		ids = append(ids, rc.Rule)
		if rc.Status != StatusRan && rc.Reason == "" {
			t.Errorf("%s is %s without a reason", rc.Rule, rc.Status)
		}
	}
	var want []string
	for _, ru := range Rules() {
		want = append(want, ru.ID)
	}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("rules in the ledger (-want +got):\n%s", diff)
	}
	if rc := cov.Rule("B5"); rc == nil || rc.Status != StatusDisabled || rc.Reason == "" {
		t.Errorf("B5 = %+v, want disabled with a reason", rc)
	}
	if rc := cov.Rule("B14"); rc == nil || rc.Status != StatusIdle || rc.Reason != "no prior-year document" {
		t.Errorf("B14 = %+v, want idle: no prior-year document", rc)
	}
	if rc := cov.Rule("A1"); rc == nil || rc.Status != StatusRan || rc.Fired != 1 {
		t.Errorf("A1 = %+v, want fired once", rc)
	}
	if rc := cov.Rule("A5"); rc == nil || rc.Rounding == 0 {
		t.Errorf("A5 = %+v, want a rounding", rc)
	}
	if rc := cov.Rule("A3"); rc == nil || rc.Status != StatusRan || rc.Ran == 0 || rc.Passed != rc.Ran {
		t.Errorf("A3 = %+v, want every check passed", rc)
	}

	// A rule whose tables are all absent is idle and names them.
	r = validReport()
	r.Tables.ThreePublic, r.Tables.GovFundThreePublic = nil, nil
	_, cov = validateCoverage(t, r, Options{Catalogs: editions(t, 2020)})
	if rc := cov.Rule("A14"); rc == nil || rc.Status != StatusIdle || rc.Reason != "tables absent: threePublic, govFundThreePublic" {
		t.Errorf("A14 = %+v", rc)
	}
}

// TestCoverageExcerpt: an excerpt table that prints only some 类 rows gets
// no Σ-rows finding; the ledger lists the Σ-rows checks as skipped for
// the excerpt, and the other checks of the table still run. A row printed
// with no amount is accepted and its blank figures are named.
func TestCoverageExcerpt(t *testing.T) {
	drop := func(r *Report) {
		g := r.Tables.GeneralBudget
		g.Rows = slices.Delete(g.Rows, 9, 12) // 221 住房保障支出 and its 款, 项
		r.Tables.FiscalSummary.Expenditure.Rows = nil
	}
	o := Options{Catalogs: editions(t, 2020)}
	r := validReport()
	drop(r)
	if fs := Validate(r, o); !slices.ContainsFunc(fs, func(f audit.Finding) bool { return f.Rule == "A8" && f.Path == "/tables/generalBudget/total/total" }) {
		t.Fatalf("the partial table without the excerpt mark gives no A8 finding: %v", fs)
	}

	r = validReport()
	drop(r)
	r.Tables.Excerpts = map[string]string{"generalBudget": "仅列示主要支出科目"}
	r.Tables.GeneralBudget.Rows[3].Basic = m("1.00") // A9 still runs on the rows
	fs, cov := validateCoverage(t, r, o)
	if diff := cmp.Diff([]hit{{"A9", E, "/tables/generalBudget/rows/3/total"}}, hits(fs)); diff != "" {
		t.Errorf("findings on the excerpt (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Skip{{Path: "/tables/generalBudget/rows", Reason: SkipExcerpt}}, skipsAt(cov, "A8", "/tables/generalBudget/rows")); diff != "" {
		t.Errorf("A8 ledger (-want +got):\n%s", diff)
	}

	// An excerpt of 基本支出决算表 without 303: 人员经费合计 is not its
	// personnel 类 either.
	r = validReport()
	r.Tables.GeneralBudgetBasic.Rows = slices.Delete(r.Tables.GeneralBudgetBasic.Rows, 8, 10)
	r.Tables.Z07 = nil
	r.Tables.Excerpts = map[string]string{"generalBudgetBasic": "仅列示部分经济分类科目"}
	fs, cov = validateCoverage(t, r, o)
	if diff := cmp.Diff([]hit{}, hits(fs)); diff != "" {
		t.Errorf("findings on the basic excerpt (-want +got):\n%s", diff)
	}
	want := []Skip{{Path: "/tables/generalBudgetBasic/personnel", Reason: SkipExcerpt}}
	if diff := cmp.Diff(want, skipsAt(cov, "A13", "/tables/generalBudgetBasic/personnel")); diff != "" {
		t.Errorf("A13 ledger (-want +got):\n%s", diff)
	}

	// A 项 printed with no amount: its 款 cannot be summed, and the ledger
	// names its figures.
	r = validReport()
	r.Tables.GeneralBudget.Rows = slices.Insert(r.Tables.GeneralBudget.Rows, 4, SplitRow{Code: "2010350", Name: "事业运行"})
	fs, cov = validateCoverage(t, r, o)
	if fs.HasErrors() {
		t.Errorf("a printed-blank row gives errors: %v", fs)
	}
	got := skipsAt(cov, "A8", "/tables/generalBudget/rows/1/total")
	want = []Skip{{Path: "/tables/generalBudget/rows/1/total", Reason: SkipAbsent, Missing: []string{"/tables/generalBudget/rows/4/total"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("A8 ledger of the blank row (-want +got):\n%s", diff)
	}
}

// TestCoverageRuleAPI: a rule written with Context.Sum and Same gets its
// ledger without doing anything: the checks it ran, and the ones that
// could not run with the positions of the absent figures.
func TestCoverageRuleAPI(t *testing.T) {
	rule := Rule{Rule: audit.Rule{ID: "X1", Severity: audit.Error, Kind: audit.Intra}, Check: func(c *Context) {
		s := &c.Report.Tables.Summary.Income
		c.Sum("/tables/summary/income/total", "本年收入合计", s.Total, s.GeneralBudget, s.GovFund)
		c.Sum("/tables/summary/income/total", "本年收入合计", s.Total, s.GeneralBudget)
		c.Sum("/tables/summary/income/grandTotal", "总计", s.GrandTotal, s.Total, Amount{}, Amount{})
		c.Same("/tables/summary/income/beginningBalance", "年初", Amount{}, s.Total)
		c.Equal("/tables/summary/income/other", "其他", s.Other, Amount{})
	}}
	r := validReport()
	_, cov := validateCoverage(t, r, Options{Rules: []Rule{rule}})
	want := &Coverage{Rules: []RuleCoverage{{Rule: "X1", Status: StatusRan, Ran: 2, Passed: 1, Fired: 1, Skipped: []Skip{
		{Path: "/tables/summary/income/grandTotal", Reason: SkipAbsent, Addends: []int{2, 3}},
		{Path: "/tables/summary/income/beginningBalance", Reason: SkipAbsent, Missing: []string{"/tables/summary/income/beginningBalance"}},
		{Path: "/tables/summary/income/other", Reason: SkipAbsent, Addends: []int{1}},
	}}}}
	if diff := cmp.Diff(want, cov); diff != "" {
		t.Errorf("ledger (-want +got):\n%s", diff)
	}
}

// TestCoveragePrior: B14's skipped checks name the figures absent in last
// year's document.
func TestCoveragePrior(t *testing.T) {
	o := Options{Catalogs: editions(t, 2020)}
	withPrior(func(p *Report) { p.Tables.Summary.Expenditure.EndingBalance = Amount{} })(&o)
	_, cov := validateCoverage(t, validReport(), o)
	want := []Skip{{Path: "/tables/summary/income/beginningBalance", Reason: SkipAbsent, MissingPrior: []string{"/tables/summary/expenditure/endingBalance"}}}
	if diff := cmp.Diff(want, skipsAt(cov, "B14", "/tables/summary/income/beginningBalance")); diff != "" {
		t.Errorf("B14 ledger (-want +got):\n%s", diff)
	}
	// B15 cannot compare the 上年数 this document leaves out either.
	want = []Skip{{Path: "/priorYear/endingBalance", Reason: SkipAbsent, MissingPrior: []string{"/tables/summary/expenditure/endingBalance"}}}
	if diff := cmp.Diff(want, skipsAt(cov, "B15", "/priorYear/endingBalance")); diff != "" {
		t.Errorf("B15 ledger (-want +got):\n%s", diff)
	}
	want = []Skip{{Path: "/priorYear/incomeTotal", Reason: SkipAbsent, Missing: []string{"/priorYear/incomeTotal"}}}
	if diff := cmp.Diff(want, skipsAt(cov, "B15", "/priorYear/incomeTotal")); diff != "" {
		t.Errorf("B15 ledger (-want +got):\n%s", diff)
	}
}

// TestPriorYearOf: the prior-year figures taken from last year's document
// are those B15 compares with, so a report that states them gets no B15
// finding; a last year in 元 is converted.
func TestPriorYearOf(t *testing.T) {
	last := lastReport()
	py := PriorYearOf(last, "万元")
	for _, tc := range []struct {
		name      string
		got, want Amount
	}{
		{"incomeTotal", py.IncomeTotal, m("630.78")},
		{"expenditureGrandTotal", py.ExpenditureGrandTotal, m("630.78")},
		{"endingBalance", py.EndingBalance, z},
		{"fiscalEndingBalance/govFund", py.FiscalEndingBalance.GovFund, z},
		{"threePublic/reception", py.ThreePublic.Reception, m("45.85")},
		{"generalBudgetExpenditure", py.GeneralBudgetExpenditure, m("599.53")},
	} {
		if !tc.got.Equal(tc.want) || tc.got.IsSet() != tc.want.IsSet() {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if py.FiscalYear != 2019 {
		t.Errorf("FiscalYear = %d", py.FiscalYear)
	}

	r := validReport()
	r.PriorYear = &py
	o := Options{Catalogs: editions(t, 2020), Prior: last}
	fs, cov := validateCoverage(t, r, o)
	if diff := cmp.Diff([]hit{}, hits(fs)); diff != "" {
		t.Errorf("findings with priorYear from last year's document (-want +got):\n%s", diff)
	}
	if rc := cov.Rule("B15"); rc == nil || rc.Ran < 10 {
		t.Errorf("B15 = %+v, want at least 10 checks", rc)
	}

	last.Unit.AmountUnit = "元"
	last.Tables.Summary.Income.Total = m("6307812.34")
	if got := PriorYearOf(last, "万元").IncomeTotal; !got.Equal(m("630.78")) {
		t.Errorf("converted incomeTotal = %v, want 630.78", got)
	}
}

// TestPriorYearMerge: Merge fills the absent figures, nested ones too, and
// keeps the stated ones and the year.
func TestPriorYearMerge(t *testing.T) {
	p := PriorYear{FiscalYear: 2019, IncomeTotal: m("1.00")}
	p.ThreePublic.Reception = z
	p.Merge(PriorYear{FiscalYear: 2018, IncomeTotal: m("2.00"), OperatingCost: m("3.00"),
		ThreePublic: ThreePublicColumns{Reception: m("4.00"), Abroad: m("5.00")}})
	want := PriorYear{FiscalYear: 2019, IncomeTotal: m("1.00"), OperatingCost: m("3.00"),
		ThreePublic: ThreePublicColumns{Reception: z, Abroad: m("5.00")}}
	if diff := cmp.Diff(want, p, cmp.Comparer(func(a, b Amount) bool { return a.IsSet() == b.IsSet() && a.Equal(b) })); diff != "" {
		t.Errorf("Merge (-want +got):\n%s", diff)
	}
}

// TestCoverageAdd: an entry recorded outside RunChecks gets its Passed
// and Status from its counts; Merge appends another ledger.
func TestCoverageAdd(t *testing.T) {
	var c Coverage
	c.Add(RuleCoverage{Rule: "P4", Ran: 6, Rounding: 1, Fired: 2}, "unused")
	c.Add(RuleCoverage{Rule: "P5", Skipped: []Skip{{Path: "/x", Reason: SkipUnreadable}}}, "unused")
	c.Add(RuleCoverage{Rule: "P9"}, "no project tables")
	c.Add(RuleCoverage{Rule: "P7", Status: StatusDisabled, Reason: "switched off by the profile"}, "unused")
	other := &Coverage{Rules: []RuleCoverage{{Rule: "C1", Status: StatusRan, Ran: 1, Passed: 1}}}
	c.Merge(other)
	c.Merge(nil)
	want := []RuleCoverage{
		{Rule: "P4", Status: StatusRan, Ran: 6, Passed: 3, Rounding: 1, Fired: 2},
		{Rule: "P5", Status: StatusRan, Skipped: []Skip{{Path: "/x", Reason: SkipUnreadable}}},
		{Rule: "P9", Status: StatusIdle, Reason: "no project tables"},
		{Rule: "P7", Status: StatusDisabled, Reason: "switched off by the profile"},
		{Rule: "C1", Status: StatusRan, Ran: 1, Passed: 1},
	}
	if diff := cmp.Diff(want, c.Rules); diff != "" {
		t.Errorf("ledger (-want +got):\n%s", diff)
	}
	if ran, skipped := c.Totals(); ran != 7 || skipped != 1 {
		t.Errorf("totals %d, %d", ran, skipped)
	}
}
