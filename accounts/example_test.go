package accounts_test

import (
	"fmt"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
)

// Calculate fills the totals the document leaves out, from stated figures
// only: here 本年收入合计 and the 款 row of 一般公共预算财政拨款支出决算表.
func ExampleReport_Calculate() {
	m := amount.MustParse
	r := &accounts.Report{Unit: accounts.Unit{FiscalYear: 2020, AmountUnit: amount.TenThousandYuan}}
	r.Tables.Summary = &accounts.SummaryTable{Income: accounts.SummaryIncome{
		GeneralBudget: m("599.53"), GovFund: m("31.25"), StateCapital: amount.Zero,
		SuperiorSubsidy: amount.Zero, Business: amount.Zero, Operating: amount.Zero,
		Affiliated: amount.Zero, Other: amount.Zero,
	}}
	r.Tables.GeneralBudget = &accounts.SplitTable{Rows: []accounts.SplitRow{
		{Code: "20103", Name: "政府办公厅（室）及相关机构事务"},
		{Code: "2010301", Name: "行政运行", SplitColumns: accounts.SplitColumns{Total: m("339.87")}},
		{Code: "2010302", Name: "一般行政管理事务", SplitColumns: accounts.SplitColumns{Total: m("70.50")}},
	}}
	r.Calculate()
	fmt.Println("本年收入合计", r.Tables.Summary.Income.Total)
	fmt.Println("20103 合计", r.Tables.GeneralBudget.Rows[0].Total)
	fmt.Println("20103 基本支出", r.Tables.GeneralBudget.Rows[0].Basic) // not stated for the 项: stays absent
	// Output:
	// 本年收入合计 630.78
	// 20103 合计 410.37
	// 20103 基本支出 （未列示）
}

// Validate reports every broken rule with its path and figures; a
// difference within rounding is only information.
func ExampleValidate() {
	m := amount.MustParse
	r := &accounts.Report{Unit: accounts.Unit{FiscalYear: 2020, AmountUnit: amount.TenThousandYuan}}
	r.Tables.ThreePublic = &accounts.ThreePublicTable{Actual: accounts.ThreePublicColumns{
		Total: m("51.75"), Abroad: amount.Zero, Vehicle: m("5.89"), VehiclePurchase: amount.Zero,
		VehicleOperation: m("5.98"), Reception: m("45.85"),
	}}
	r.Tables.Summary = &accounts.SummaryTable{Expenditure: accounts.SummaryExpenditure{
		Rows: []accounts.FuncAmountRow{{Code: "201", Name: "一般公共服务支出（类）"}, {Code: "20103"}},
	}}
	eds, _ := classification.EditionsFor(2020)
	for _, f := range accounts.Validate(r, accounts.Options{Catalogs: eds}) {
		fmt.Println(f)
	}
	// Output:
	// error K1 /tables/summary/expenditure/rows/1/code: 收入支出决算总表只列类级科目，科目20103是款级
	// info A14 /tables/threePublic/actual/total: 舍入差异：“三公”经费支出决算表 决算数·合计应等于因公出国（境）费、公务用车购置及运行维护费与公务接待费之和：应为51.74万元，实为51.75万元（差0.01，在舍入容差0.02以内）
	// error A14 /tables/threePublic/actual/vehicle: “三公”经费支出决算表 决算数·公务用车购置及运行维护费应等于公务用车购置费与公务用车运行维护费之和：应为5.98万元，实为5.89万元（差0.09，超出舍入容差0.01）
}
