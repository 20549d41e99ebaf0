package accounts

import (
	"testing"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

// m parses an amount literal.
func m(s string) Amount { return amount.MustParse(s) }

// z is a stated zero.
var z = amount.Zero

func editions(t testing.TB, year int) classification.Editions {
	t.Helper()
	e, err := classification.EditionsFor(year)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// validReport is a small 2020 report in 万元, modelled on the reference
// department, in which every table is present, every figure is stated and
// every rule has something to compare: it validates with no finding.
func validReport() *Report {
	r := &Report{
		Unit: Unit{Name: "测试单位", FiscalYear: 2020, AmountUnit: amount.TenThousandYuan},
	}
	t := &r.Tables
	t.Summary = &SummaryTable{
		Income: SummaryIncome{
			GeneralBudget: m("599.53"), GovFund: m("31.25"), StateCapital: z, SuperiorSubsidy: z,
			Business: z, Operating: z, Affiliated: z, Other: z, Total: m("630.78"),
			NonFiscalBalanceUsed: z, BeginningBalance: z, GrandTotal: m("630.78"),
		},
		Expenditure: SummaryExpenditure{
			Rows: []FuncAmountRow{
				{Code: "201", Name: "一般公共服务支出", Amount: m("410.37")},
				{Code: "208", Name: "社会保障和就业支出", Amount: m("162.41")},
				{Code: "212", Name: "城乡社区支出", Amount: m("31.25")},
				{Code: "221", Name: "住房保障支出", Amount: m("26.75")},
			},
			Total: m("630.78"), BalanceDistribution: z, EndingBalance: z, GrandTotal: m("630.78"),
		},
	}
	inc := func(code classification.FuncCode, name, v string) IncomeRow {
		return IncomeRow{Code: code, Name: name, IncomeColumns: IncomeColumns{Total: m(v), Fiscal: m(v),
			SuperiorSubsidy: z, Business: z, Operating: z, Affiliated: z, Other: z}}
	}
	t.Income = &IncomeTable{
		Total: IncomeColumns{Total: m("630.78"), Fiscal: m("630.78"), SuperiorSubsidy: z, Business: z, Operating: z, Affiliated: z, Other: z},
		Rows: []IncomeRow{
			inc("201", "一般公共服务支出", "410.37"),
			inc("20103", "政府办公厅（室）及相关机构事务", "410.37"),
			inc("2010301", "行政运行", "339.87"),
			inc("2010302", "一般行政管理事务", "70.50"),
			inc("208", "社会保障和就业支出", "162.41"),
			inc("20805", "行政事业单位离退休", "162.41"),
			inc("2080501", "行政单位离退休", "136.22"),
			inc("2080502", "事业单位离退休", "4.82"),
			inc("2080505", "机关事业单位基本养老保险缴费支出", "21.37"),
			inc("212", "城乡社区支出", "31.25"),
			inc("21208", "国有土地使用权出让收入安排的支出", "31.25"),
			inc("2120802", "土地开发支出", "31.25"),
			inc("221", "住房保障支出", "26.75"),
			inc("22102", "住房改革支出", "26.75"),
			inc("2210201", "住房公积金", "26.75"),
		},
	}
	exp := func(code classification.FuncCode, name, total, basic, project string) ExpenditureRow {
		return ExpenditureRow{Code: code, Name: name, ExpenditureColumns: ExpenditureColumns{Total: m(total), Basic: m(basic), Project: m(project),
			ToSuperior: z, Operating: z, ToAffiliated: z}}
	}
	t.Expenditure = &ExpenditureTable{
		Total: ExpenditureColumns{Total: m("630.78"), Basic: m("560.28"), Project: m("70.50"), ToSuperior: z, Operating: z, ToAffiliated: z},
		Rows: []ExpenditureRow{
			exp("201", "一般公共服务支出", "410.37", "339.87", "70.50"),
			exp("20103", "政府办公厅（室）及相关机构事务", "410.37", "339.87", "70.50"),
			exp("2010301", "行政运行", "339.87", "339.87", "0"),
			exp("2010302", "一般行政管理事务", "70.50", "0", "70.50"),
			exp("208", "社会保障和就业支出", "162.41", "162.41", "0"),
			exp("20805", "行政事业单位离退休", "162.41", "162.41", "0"),
			exp("2080501", "行政单位离退休", "136.22", "136.22", "0"),
			exp("2080502", "事业单位离退休", "4.82", "4.82", "0"),
			exp("2080505", "机关事业单位基本养老保险缴费支出", "21.37", "21.37", "0"),
			exp("212", "城乡社区支出", "31.25", "31.25", "0"),
			exp("21208", "国有土地使用权出让收入安排的支出", "31.25", "31.25", "0"),
			exp("2120802", "土地开发支出", "31.25", "31.25", "0"),
			exp("221", "住房保障支出", "26.75", "26.75", "0"),
			exp("22102", "住房改革支出", "26.75", "26.75", "0"),
			exp("2210201", "住房公积金", "26.75", "26.75", "0"),
		},
	}
	fund := func(total, gb, gf, sc string) FundColumns {
		return FundColumns{Total: m(total), GeneralBudget: m(gb), GovFund: m(gf), StateCapital: m(sc)}
	}
	t.FiscalSummary = &FiscalSummaryTable{
		Income: FiscalIncome{
			Current:          fund("630.78", "599.53", "31.25", "0"),
			BeginningBalance: fund("0", "0", "0", "0"),
			GrandTotal:       m("630.78"),
		},
		Expenditure: FiscalExpenditure{
			Rows: []FundRow{
				{Code: "201", Name: "一般公共服务支出", FundColumns: fund("410.37", "410.37", "0", "0")},
				{Code: "208", Name: "社会保障和就业支出", FundColumns: fund("162.41", "162.41", "0", "0")},
				{Code: "212", Name: "城乡社区支出", FundColumns: fund("31.25", "0", "31.25", "0")},
				{Code: "221", Name: "住房保障支出", FundColumns: fund("26.75", "26.75", "0", "0")},
			},
			Total:         fund("630.78", "599.53", "31.25", "0"),
			EndingBalance: fund("0", "0", "0", "0"),
			GrandTotal:    fund("630.78", "599.53", "31.25", "0"),
		},
	}
	econ := func(code classification.EconGovCode, name, total, basic, pers, pub, project string) EconomicRow {
		return EconomicRow{Code: code, Name: name, EconomicColumns: EconomicColumns{Total: m(total), Basic: m(basic),
			Personnel: m(pers), Public: m(pub), Project: m(project)}}
	}
	t.FiscalEconomic = &EconomicTable{
		Total: EconomicColumns{Total: m("630.78"), Basic: m("560.28"), Personnel: m("467.35"), Public: m("92.93"), Project: m("70.50")},
		Rows: []EconomicRow{
			econ("501", "机关工资福利支出", "300.00", "300.00", "300.00", "0", "0"),
			econ("50101", "工资奖金津补贴", "300.00", "300.00", "300.00", "0", "0"),
			econ("502", "机关商品和服务支出", "163.43", "92.93", "0", "92.93", "70.50"),
			econ("509", "对个人和家庭的补助", "167.35", "167.35", "167.35", "0", "0"),
		},
	}
	t.GeneralBudget = &SplitTable{
		Total: SplitColumns{Total: m("599.53"), Basic: m("529.03"), Project: m("70.50")},
		Rows: []SplitRow{
			{Code: "201", Name: "一般公共服务支出", SplitColumns: SplitColumns{m("410.37"), m("339.87"), m("70.50")}},
			{Code: "20103", Name: "政府办公厅（室）及相关机构事务", SplitColumns: SplitColumns{m("410.37"), m("339.87"), m("70.50")}},
			{Code: "2010301", Name: "行政运行", SplitColumns: SplitColumns{m("339.87"), m("339.87"), z}},
			{Code: "2010302", Name: "一般行政管理事务", SplitColumns: SplitColumns{m("70.50"), z, m("70.50")}},
			{Code: "208", Name: "社会保障和就业支出", SplitColumns: SplitColumns{m("162.41"), m("162.41"), z}},
			{Code: "20805", Name: "行政事业单位离退休", SplitColumns: SplitColumns{m("162.41"), m("162.41"), z}},
			{Code: "2080501", Name: "行政单位离退休", SplitColumns: SplitColumns{m("136.22"), m("136.22"), z}},
			{Code: "2080502", Name: "事业单位离退休", SplitColumns: SplitColumns{m("4.82"), m("4.82"), z}},
			{Code: "2080505", Name: "机关事业单位基本养老保险缴费支出", SplitColumns: SplitColumns{m("21.37"), m("21.37"), z}},
			{Code: "221", Name: "住房保障支出", SplitColumns: SplitColumns{m("26.75"), m("26.75"), z}},
			{Code: "22102", Name: "住房改革支出", SplitColumns: SplitColumns{m("26.75"), m("26.75"), z}},
			{Code: "2210201", Name: "住房公积金", SplitColumns: SplitColumns{m("26.75"), m("26.75"), z}},
		},
	}
	t.GeneralBudgetEconomic = &EconomicTable{
		Total: EconomicColumns{Total: m("599.53"), Basic: m("529.03"), Personnel: m("436.10"), Public: m("92.93"), Project: m("70.50")},
		Rows: []EconomicRow{
			econ("501", "机关工资福利支出", "300.00", "300.00", "300.00", "0", "0"),
			econ("502", "机关商品和服务支出", "163.43", "92.93", "0", "92.93", "70.50"),
			econ("509", "对个人和家庭的补助", "136.10", "136.10", "136.10", "0", "0"),
			econ("50901", "社会福利和救助", "136.10", "136.10", "136.10", "0", "0"),
		},
	}
	t.GeneralBudgetBasic = &EconDeptTable{
		Rows: []EconDeptRow{
			{Code: "301", Name: "工资福利支出", Amount: m("300.00")},
			{Code: "30101", Name: "基本工资", Amount: m("200.00")},
			{Code: "30102", Name: "津贴补贴", Amount: m("100.00")},
			{Code: "302", Name: "商品和服务支出", Amount: m("80.93")},
			{Code: "30201", Name: "办公费", Amount: m("30.00")},
			{Code: "30211", Name: "差旅费", Amount: m("5.19")},
			{Code: "30217", Name: "公务接待费", Amount: m("40.00")},
			{Code: "30231", Name: "公务用车运行维护费", Amount: m("5.74")},
			{Code: "303", Name: "对个人和家庭的补助", Amount: m("136.10")},
			{Code: "30301", Name: "离休费", Amount: m("136.10")},
			{Code: "310", Name: "资本性支出", Amount: m("12.00")},
			{Code: "31002", Name: "办公设备购置", Amount: m("12.00")},
		},
		Personnel: m("436.10"), Public: m("92.93"), Total: m("529.03"),
	}
	t.GeneralBudgetProject = &EconDeptTable{
		Rows: []EconDeptRow{
			{Code: "302", Name: "商品和服务支出", Amount: m("70.50")},
			{Code: "30201", Name: "办公费", Amount: m("64.50")},
			{Code: "30217", Name: "公务接待费", Amount: m("5.85")},
			{Code: "30231", Name: "公务用车运行维护费", Amount: m("0.15")},
		},
		Personnel: z, Public: m("70.50"), Total: m("70.50"),
	}
	t.ThreePublic = &ThreePublicTable{
		Budget: ThreePublicColumns{Total: m("264.13"), Abroad: z, Vehicle: m("7.70"), VehiclePurchase: z, VehicleOperation: m("7.70"), Reception: m("256.43")},
		Actual: ThreePublicColumns{Total: m("51.74"), Abroad: z, Vehicle: m("5.89"), VehiclePurchase: z, VehicleOperation: m("5.89"), Reception: m("45.85")},
	}
	t.GovFund = &FundTable{
		Total: FundFlowColumns{BeginningBalance: z, Income: m("31.25"), Expenditure: m("31.25"), Basic: m("31.25"), Project: z, EndingBalance: z},
		Rows: []FundFlowRow{
			{Code: "212", Name: "城乡社区支出", FundFlowColumns: FundFlowColumns{z, m("31.25"), m("31.25"), m("31.25"), z, z}},
			{Code: "21208", Name: "国有土地使用权出让收入安排的支出", FundFlowColumns: FundFlowColumns{z, m("31.25"), m("31.25"), m("31.25"), z, z}},
			{Code: "2120802", Name: "土地开发支出", FundFlowColumns: FundFlowColumns{z, m("31.25"), m("31.25"), m("31.25"), z, z}},
		},
	}
	t.GovFundThreePublic = &ThreePublicTable{Note: "本年度没有使用政府性基金预算财政拨款安排的“三公”经费支出，故本表无数据。"}
	t.StateCapital = &FundTable{Note: "本年度没有国有资本经营预算财政拨款收入、支出，故本表无数据。"}
	t.StateCapitalExpenditure = &SplitTable{Note: "本年度没有国有资本经营预算财政拨款支出，故本表无数据。"}

	z01 := *t.Summary
	z01.Expenditure.Rows = append([]FuncAmountRow(nil), t.Summary.Expenditure.Rows...)
	t.Z01 = &Z01Table{Actual: &z01}
	z011 := *t.FiscalSummary
	z011.Expenditure.Rows = append([]FundRow(nil), t.FiscalSummary.Expenditure.Rows...)
	t.Z011 = &Z011Table{Actual: &z011, Rows: []BudgetRow{
		{Code: "2010301", Name: "行政运行", Fund: GeneralBudgetFund, BudgetColumns: BudgetColumns{m("330.00"), m("339.87"), m("339.87")}},
		{Code: "2120802", Name: "土地开发支出", Fund: GovFundFund, BudgetColumns: BudgetColumns{Actual: m("31.25")}},
	}}
	t.Z07 = &Z07Table{
		Expenditure: SplitColumns{m("599.53"), m("529.03"), m("70.50")},
		Personnel:   m("436.10"), Public: m("92.93"),
		Rows: []EconDeptRow{
			{Code: "301", Name: "工资福利支出", Amount: m("300.00")},
			{Code: "30101", Name: "基本工资", Amount: m("200.00")},
			{Code: "30102", Name: "津贴补贴", Amount: m("100.00")},
		},
	}
	t.F03 = &F03Table{
		ThreePublic:   ThreePublicStats{DomesticReception: m("45.85"), ForeignAffairs: z, OverseasReception: z},
		OperatingCost: OperatingCost{Amount: m("92.93")},
		Procurement:   Procurement{Total: z, Goods: z, Works: z, Services: z},
	}
	r.PriorYear = &PriorYear{FiscalYear: 2019, EndingBalance: z, FiscalEndingBalance: fund("0", "0", "0", "0")}
	return r
}

// hit is a finding reduced to what the rule tests compare.
type hit struct {
	Rule     string
	Severity audit.Severity
	Path     string
}

func hits(fs audit.Findings) []hit {
	out := []hit{}
	for _, f := range fs {
		out = append(out, hit{f.Rule, f.Severity, f.Path})
	}
	return out
}

// lastReport is validReport as last year's document: of 2019, without
// prior-year figures. Its 年末 figures are this year's 年初 (all 0).
func lastReport() *Report {
	r := validReport()
	r.Unit.FiscalYear, r.PriorYear = 2019, nil
	return r
}

// withPrior returns the options of a rule case that validate against
// lastReport changed by mutate (which may be nil).
func withPrior(mutate func(p *Report)) func(o *Options) {
	return func(o *Options) {
		p := lastReport()
		if mutate != nil {
			mutate(p)
		}
		o.Prior = p
	}
}
