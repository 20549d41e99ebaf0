package shared

import "github.com/cnfiscal/juesuan"

// Charts returns the seven standard charts of the Sichuan 2020 reference
// narrative (图1–图7), which the central/Shanghai 2024 template's text
// refers to as well: bars for the year-on-year totals, pies for the
// structures. The result is a fresh copy that the caller may change.
func Charts() []juesuan.ChartSpec {
	return []juesuan.ChartSpec{
		{ID: "图1", Title: "收、支决算总计变动情况", Kind: juesuan.ChartBars, Compare: true, Marks: []juesuan.ChartMark{
			{Label: "收入总计", Ptr: "/tables/summary/income/grandTotal"},
			{Label: "收入总计", Ptr: "/priorYear/incomeGrandTotal", Prior: true},
			{Label: "支出总计", Ptr: "/tables/summary/expenditure/grandTotal"},
			{Label: "支出总计", Ptr: "/priorYear/expenditureGrandTotal", Prior: true},
		}},
		{ID: "图2", Title: "收入决算结构", Kind: juesuan.ChartPie, Marks: []juesuan.ChartMark{
			{Label: "一般公共预算财政拨款收入", Ptr: "/tables/summary/income/generalBudget"},
			{Label: "政府性基金预算财政拨款收入", Ptr: "/tables/summary/income/govFund"},
			{Label: "国有资本经营预算财政拨款收入", Ptr: "/tables/summary/income/stateCapital"},
			{Label: "上级补助收入", Ptr: "/tables/summary/income/superiorSubsidy"},
			{Label: "事业收入", Ptr: "/tables/summary/income/business"},
			{Label: "经营收入", Ptr: "/tables/summary/income/operating"},
			{Label: "附属单位上缴收入", Ptr: "/tables/summary/income/affiliated"},
			{Label: "其他收入", Ptr: "/tables/summary/income/other"},
		}},
		{ID: "图3", Title: "支出决算结构", Kind: juesuan.ChartPie, Marks: []juesuan.ChartMark{
			{Label: "基本支出", Ptr: "/tables/expenditure/total/basic"},
			{Label: "项目支出", Ptr: "/tables/expenditure/total/project"},
			{Label: "上缴上级支出", Ptr: "/tables/expenditure/total/toSuperior"},
			{Label: "经营支出", Ptr: "/tables/expenditure/total/operating"},
			{Label: "对附属单位补助支出", Ptr: "/tables/expenditure/total/toAffiliated"},
		}},
		{ID: "图4", Title: "财政拨款收、支决算总计变动情况", Kind: juesuan.ChartBars, Compare: true, Marks: []juesuan.ChartMark{
			{Label: "财政拨款收入总计", Ptr: "/tables/fiscalSummary/income/grandTotal"},
			{Label: "财政拨款收入总计", Ptr: "/priorYear/fiscalGrandTotal", Prior: true},
			{Label: "财政拨款支出总计", Ptr: "/tables/fiscalSummary/expenditure/grandTotal/total"},
			{Label: "财政拨款支出总计", Ptr: "/priorYear/fiscalGrandTotal", Prior: true},
		}},
		{ID: "图5", Title: "一般公共预算财政拨款支出决算变动情况", Kind: juesuan.ChartBars, Compare: true, Marks: []juesuan.ChartMark{
			{Label: "一般公共预算财政拨款支出", Ptr: "/tables/generalBudget/total/total"},
			{Label: "一般公共预算财政拨款支出", Ptr: "/priorYear/generalBudgetExpenditure", Prior: true},
		}},
		{ID: "图6", Title: "一般公共预算财政拨款支出决算结构", Kind: juesuan.ChartPie, Rows: "/tables/generalBudget/rows", RowValue: "total", RowCodeLen: 3},
		{ID: "图7", Title: "“三公”经费财政拨款支出结构", Kind: juesuan.ChartPie, Marks: []juesuan.ChartMark{
			{Label: "因公出国（境）费", Ptr: "/tables/threePublic/actual/abroad"},
			{Label: "公务用车购置及运行维护费", Ptr: "/tables/threePublic/actual/vehicle"},
			{Label: "公务接待费", Ptr: "/tables/threePublic/actual/reception"},
		}},
	}
}
