package accounts

import (
	"testing"

	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/google/go-cmp/cmp"
)

// str prints a, "" when absent.
func str(a amount.Amount) string {
	if !a.IsSet() {
		return ""
	}
	return a.String()
}

// factFigure is a fact's figure as the test compares it.
type factFigure struct {
	Value, Path, Budget, Initial string
}

func figuresOf(f *narrative.Facts, ids ...string) map[string]factFigure {
	out := map[string]factFigure{}
	for _, it := range f.Items {
		for _, id := range ids {
			if it.ID != id {
				continue
			}
			v := str(it.Value.Amount)
			if it.Count {
				v = it.Value.Count.String()
			}
			out[id] = factFigure{v, it.Value.Path, str(it.Budget.Amount), str(it.InitialBudget.Amount)}
		}
	}
	return out
}

// TestDisclosureFacts: the narrative-only figures give the facts of 附03's
// IDs when 附03 does not state them, 附03 wins where it does, and the
// staffing and 绩效 summary give their own; the 财决Z01-1 totals give the
// fund budgets.
func TestDisclosureFacts(t *testing.T) {
	m := amount.MustParse
	disc := &Disclosure{
		Staffing:      &Staffing{Authorized: amount.NewCount(20), Actual: amount.NewCount(18)},
		OperatingCost: &OperatingCost{Amount: m("80.00")},
		Procurement:   &Procurement{Total: m("100.00"), AwardedSME: m("80.00"), AwardedSMEReserved: m("30.00"), AwardedSMEOther: m("50.00")},
		Assets:        &Assets{AsOf: "2024-12-31", Vehicles: amount.NewCount(3)},
		Performance:   &PerformanceSummary{TargetProjects: amount.NewCount(5), TargetAmount: m("280.00")},
	}
	base := func() *Report {
		return &Report{Unit: Unit{Name: "德阳市档案馆", FiscalYear: 2024, AmountUnit: amount.TenThousandYuan}, Disclosure: disc}
	}
	ids := []string{"operatingCost", "procurement.total", "procurement.awardedSMEReserved", "procurement.awardedSMEOther",
		"assets.vehicles", "staff.authorized", "staff.actual", "performance.targetProjects", "performance.targetAmount"}

	r := base()
	got := figuresOf(NarrativeFacts(r), ids...)
	want := map[string]factFigure{
		"operatingCost":                  {"80.00", "/disclosure/operatingCost/amount", "", ""},
		"procurement.total":              {"100.00", "/disclosure/procurement/total", "", ""},
		"procurement.awardedSMEReserved": {"30.00", "/disclosure/procurement/awardedSMEReserved", "", ""},
		"procurement.awardedSMEOther":    {"50.00", "/disclosure/procurement/awardedSMEOther", "", ""},
		"assets.vehicles":                {"3", "/disclosure/assets/vehicles", "", ""},
		"staff.authorized":               {"20", "/disclosure/staffing/authorized", "", ""},
		"staff.actual":                   {"18", "/disclosure/staffing/actual", "", ""},
		"performance.targetProjects":     {"5", "/disclosure/performance/targetProjects", "", ""},
		"performance.targetAmount":       {"280.00", "/disclosure/performance/targetAmount", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("disclosure only (-want +got):\n%s", diff)
	}
	if f := NarrativeFacts(r); f.UnitName != "德阳市档案馆" {
		t.Errorf("UnitName %q", f.UnitName)
	}

	// 附03 states 机关运行经费 and the total; the disclosure fills the rest.
	r = base()
	r.Tables.F03 = &F03Table{OperatingCost: OperatingCost{Amount: m("81.00")}, Procurement: Procurement{Total: m("100.00")}}
	got = figuresOf(NarrativeFacts(r), "operatingCost", "procurement.total", "procurement.awardedSMEOther")
	want = map[string]factFigure{
		"operatingCost":               {"81.00", "/tables/f03/operatingCost/amount", "", ""},
		"procurement.total":           {"100.00", "/tables/f03/procurement/total", "", ""},
		"procurement.awardedSMEOther": {"50.00", "/disclosure/procurement/awardedSMEOther", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("附03 and disclosure (-want +got):\n%s", diff)
	}

	// The 财决Z01-1 totals give the budget of the fund's expenditure.
	r = base()
	r.Tables.GeneralBudget = &SplitTable{Total: SplitColumns{Total: m("700.00")}}
	r.Tables.Z011 = &Z011Table{Totals: []BudgetTotalRow{{Fund: GeneralBudgetFund, BudgetColumns: BudgetColumns{InitialBudget: m("0"), AdjustedBudget: m("800.00"), Actual: m("700.00")}}}}
	got = figuresOf(NarrativeFacts(r), "generalBudget.total")
	want = map[string]factFigure{"generalBudget.total": {"700.00", "/tables/generalBudget/total/total", "800.00", "0"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Z01-1 totals (-want +got):\n%s", diff)
	}
}

// TestEconomicItems: the 款 of the 基本支出 table, and those of the
// catalogue it has no row for, marked missing; none without rows.
func TestEconomicItems(t *testing.T) {
	r := &Report{Unit: Unit{Name: "x", FiscalYear: 2024, AmountUnit: amount.TenThousandYuan}}
	r.Tables.GeneralBudgetBasic = &EconDeptTable{Personnel: amount.MustParse("10.00")}
	if f := NarrativeFacts(r); len(f.Economic) != 0 {
		t.Errorf("economic items without rows: %v", f.Economic)
	}
	r.Tables.GeneralBudgetBasic.Rows = []EconDeptRow{
		{Code: "301", Name: "工资福利支出", Amount: amount.MustParse("10.00")},
		{Code: "30101", Amount: amount.MustParse("10.00")},
		{Code: "30102", Name: "津贴补贴", Amount: amount.Zero},
	}
	type item struct {
		Name, Value, Path string
		Missing           bool
	}
	byCode := map[string]item{}
	for _, it := range NarrativeFacts(r).Economic {
		byCode[it.Code] = item{it.Name, str(it.Value.Amount), it.Value.Path, it.Missing}
	}
	want := map[string]item{
		"30101": {"基本工资", "10.00", "/tables/generalBudgetBasic/rows/1/amount", false},
		"30102": {"津贴补贴", "0", "/tables/generalBudgetBasic/rows/2/amount", false},
		"30113": {"住房公积金", "", "", true},
	}
	got := map[string]item{}
	for code := range want {
		got[code] = byCode[code]
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, ok := byCode["301"]; ok {
		t.Error("a 类 row listed as an item")
	}
	eds, _ := classification.EditionsFor(2024)
	n := 0
	for _, c := range []string{"301", "302", "303", "310"} {
		for _, e := range eds.EconDept.Children(c) {
			if len(e.Code) == 5 {
				n++
			}
		}
	}
	if len(byCode) != n {
		t.Errorf("%d items, want the %d 款 of 301, 302, 303 and 310", len(byCode), n)
	}
}
