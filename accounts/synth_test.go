package accounts

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
)

// synthetic builds a deterministic, internally consistent 2020 report with
// classes × sections × items 项 rows in each of 收入决算表, 支出决算表 and
// 一般公共预算财政拨款支出决算表 (plus their 款, 类 and 合计) and as many
// 财决Z01-1 rows, every figure stated, and the functional catalogue that
// lists its codes (complete at every level). It validates with no finding.
func synthetic(tb testing.TB, classes, sections, items int) (*Report, classification.Editions) {
	tb.Helper()
	cents := func(c int64) Amount { return amount.MustParse(fmt.Sprintf("%d.%02d", c/100, c%100)) }
	zero := amount.Zero
	var csv strings.Builder
	csv.WriteString("code,name\n")
	r := &Report{Unit: Unit{Name: "合成单位", FiscalYear: 2020, AmountUnit: amount.TenThousandYuan}}
	t := &r.Tables
	t.Income = &IncomeTable{}
	t.Expenditure = &ExpenditureTable{}
	t.GeneralBudget = &SplitTable{}
	t.Z011 = &Z011Table{}
	var sumRows []FuncAmountRow
	var fisRows []FundRow
	var totB, totP int64
	add := func(code classification.FuncCode, b, p int64) {
		name := "科目" + string(code)
		fmt.Fprintf(&csv, "%s,%s\n", code, name)
		tot := cents(b + p)
		t.Income.Rows = append(t.Income.Rows, IncomeRow{Code: code, Name: name, IncomeColumns: IncomeColumns{
			Total: tot, Fiscal: tot, SuperiorSubsidy: zero, Business: zero, Operating: zero, Affiliated: zero, Other: zero}})
		t.Expenditure.Rows = append(t.Expenditure.Rows, ExpenditureRow{Code: code, Name: name, ExpenditureColumns: ExpenditureColumns{
			Total: tot, Basic: cents(b), Project: cents(p), ToSuperior: zero, Operating: zero, ToAffiliated: zero}})
		t.GeneralBudget.Rows = append(t.GeneralBudget.Rows, SplitRow{Code: code, Name: name, SplitColumns: SplitColumns{tot, cents(b), cents(p)}})
		if code.Level() == classification.Item {
			t.Z011.Rows = append(t.Z011.Rows, BudgetRow{Code: code, Name: name, Fund: GeneralBudgetFund,
				BudgetColumns: BudgetColumns{AdjustedBudget: tot, Actual: tot}})
		}
		if code.Level() == classification.Class {
			sumRows = append(sumRows, FuncAmountRow{Code: code, Name: name, Amount: tot})
			fisRows = append(fisRows, FundRow{Code: code, Name: name, FundColumns: FundColumns{tot, tot, zero, zero}})
		}
	}
	n := int64(0)
	for ci := 0; ci < classes; ci++ {
		class := classification.FuncCode(strconv.Itoa(201 + ci))
		// item figures, then the parents' sums; rows are listed class first
		type fig struct{ b, p int64 }
		secs := make([][]fig, sections)
		var cb, cp int64
		for si := range secs {
			for ii := 0; ii < items; ii++ {
				n++
				f := fig{b: 1000 + n*7919%900000, p: n * 104729 % 50000}
				secs[si] = append(secs[si], f)
				cb, cp = cb+f.b, cp+f.p
			}
		}
		add(class, cb, cp)
		for si, s := range secs {
			sec := class + classification.FuncCode(fmt.Sprintf("%02d", si+1))
			var sb, sp int64
			for _, f := range s {
				sb, sp = sb+f.b, sp+f.p
			}
			add(sec, sb, sp)
			for ii, f := range s {
				add(sec+classification.FuncCode(fmt.Sprintf("%02d", ii+1)), f.b, f.p)
			}
		}
		totB, totP = totB+cb, totP+cp
	}
	T, B, P := cents(totB+totP), cents(totB), cents(totP)
	t.Income.Total = IncomeColumns{Total: T, Fiscal: T, SuperiorSubsidy: zero, Business: zero, Operating: zero, Affiliated: zero, Other: zero}
	t.Expenditure.Total = ExpenditureColumns{Total: T, Basic: B, Project: P, ToSuperior: zero, Operating: zero, ToAffiliated: zero}
	t.GeneralBudget.Total = SplitColumns{T, B, P}
	t.Summary = &SummaryTable{
		Income: SummaryIncome{GeneralBudget: T, GovFund: zero, StateCapital: zero, SuperiorSubsidy: zero, Business: zero,
			Operating: zero, Affiliated: zero, Other: zero, Total: T, NonFiscalBalanceUsed: zero, BeginningBalance: zero, GrandTotal: T},
		Expenditure: SummaryExpenditure{Rows: sumRows, Total: T, BalanceDistribution: zero, EndingBalance: zero, GrandTotal: T},
	}
	zeros := FundColumns{zero, zero, zero, zero}
	t.FiscalSummary = &FiscalSummaryTable{
		Income:      FiscalIncome{Current: FundColumns{T, T, zero, zero}, BeginningBalance: zeros, GrandTotal: T},
		Expenditure: FiscalExpenditure{Rows: fisRows, Total: FundColumns{T, T, zero, zero}, EndingBalance: zeros, GrandTotal: FundColumns{T, T, zero, zero}},
	}
	pers := cents(totB * 6 / 10)
	pub := cents(totB - totB*6/10)
	t.GeneralBudgetBasic = &EconDeptTable{Rows: []EconDeptRow{
		{Code: "301", Name: "工资福利支出", Amount: pers}, {Code: "30101", Name: "基本工资", Amount: pers},
		{Code: "302", Name: "商品和服务支出", Amount: pub}, {Code: "30201", Name: "办公费", Amount: pub},
	}, Personnel: pers, Public: pub, Total: B}
	t.GeneralBudgetProject = &EconDeptTable{Rows: []EconDeptRow{
		{Code: "302", Name: "商品和服务支出", Amount: P}, {Code: "30201", Name: "办公费", Amount: P},
	}, Personnel: zero, Public: P, Total: P}
	pubProj := cents(totB - totB*6/10 + totP)
	econ := &EconomicTable{Total: EconomicColumns{T, B, pers, pub, P}, Rows: []EconomicRow{
		{Code: "501", Name: "机关工资福利支出", EconomicColumns: EconomicColumns{pers, pers, pers, zero, zero}},
		{Code: "50101", Name: "工资奖金津补贴", EconomicColumns: EconomicColumns{pers, pers, pers, zero, zero}},
		{Code: "502", Name: "机关商品和服务支出", EconomicColumns: EconomicColumns{pubProj, pub, zero, pub, P}},
		{Code: "50201", Name: "办公经费", EconomicColumns: EconomicColumns{pubProj, pub, zero, pub, P}},
	}}
	t.FiscalEconomic = econ
	e2 := *econ
	e2.Rows = append([]EconomicRow(nil), econ.Rows...)
	t.GeneralBudgetEconomic = &e2
	t.ThreePublic = &ThreePublicTable{
		Budget: ThreePublicColumns{m("20.00"), zero, m("8.00"), zero, m("8.00"), m("12.00")},
		Actual: ThreePublicColumns{m("15.50"), zero, m("5.50"), zero, m("5.50"), m("10.00")},
	}
	t.GovFund = &FundTable{Note: "本年度没有政府性基金预算财政拨款收入、支出，故本表无数据。"}
	t.GovFundThreePublic = &ThreePublicTable{Note: "本年度没有使用政府性基金预算财政拨款安排的“三公”经费支出，故本表无数据。"}
	t.StateCapital = &FundTable{Note: "本年度没有国有资本经营预算财政拨款收入、支出，故本表无数据。"}
	t.StateCapitalExpenditure = &SplitTable{Note: "本年度没有国有资本经营预算财政拨款支出，故本表无数据。"}
	z01 := *t.Summary
	t.Z01 = &Z01Table{Actual: &z01}
	z011 := *t.FiscalSummary
	t.Z011.Actual = &z011
	t.Z07 = &Z07Table{Expenditure: SplitColumns{T, B, P}, Personnel: pers, Public: pub,
		Rows: []EconDeptRow{{Code: "301", Name: "工资福利支出", Amount: pers}, {Code: "30101", Name: "基本工资", Amount: pers}}}
	t.F03 = &F03Table{ThreePublic: ThreePublicStats{DomesticReception: m("10.00"), OverseasReception: zero, ForeignAffairs: zero},
		OperatingCost: OperatingCost{Amount: pub}}
	r.PriorYear = &PriorYear{FiscalYear: 2019, EndingBalance: zero, FiscalEndingBalance: zeros}

	fn, err := classification.LoadCSV(strings.NewReader(csv.String()), classification.Functional, 2020, "synthetic")
	if err != nil {
		tb.Fatal(err)
	}
	eds := editions(tb, 2020)
	eds.Functional = fn.WithComplete(classification.Class, classification.Section, classification.Item)
	return r, eds
}

// TestSynthetic: the large synthetic report is on the normal no-finding
// path, so the benchmark measures what a valid document costs.
func TestSynthetic(t *testing.T) {
	r, eds := synthetic(t, 20, 10, 10)
	if n := len(r.Tables.Z011.Rows); n != 2000 {
		t.Fatalf("%d 项 rows, want 2000", n)
	}
	before := cloneReport(t, r)
	r.Calculate()
	if d := cmpDiff(before, r); d != "" {
		t.Errorf("Calculate changed a complete report:\n%s", d)
	}
	if fs := Validate(r, Options{Catalogs: eds}); len(fs) != 0 {
		t.Errorf("%d findings, first %v", len(fs), fs[0])
	}
}
