// Command reference builds the 2020 决算 document of 攀枝花市人民政府驻成都办事处
// (the library's reference case) in Go code, fills its derivable totals,
// validates it and prints the findings.
//
// Every figure is one the published narrative states (see
// testdata/sichuan-2020/PROVENANCE.md); a figure the narrative does not state
// is left absent, never 0. The performance section (项目绩效目标完成情况表 and
// the self-evaluations, indicators/testdata/panzhihua-performance.json) is not
// built here. Run it from the repository root:
//
//	go run ./examples/reference
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
	_ "github.com/cnfiscal/juesuan/profiles" // the built-in profiles
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "reference:", err)
		os.Exit(1)
	}
}

// run builds, calculates and validates the reference document and prints
// one line per finding and a count by severity. It returns an error when the
// document cannot be validated or has findings of severity error.
func run(w io.Writer) error {
	d := referenceDocument()
	d.Calculate()
	findings, err := juesuan.Validate(d)
	if err != nil {
		return err
	}
	for _, f := range findings {
		fmt.Fprintln(w, f)
	}
	fmt.Fprintf(w, "%s: %d error(s), %d warning(s), %d info(s)\n", d.Unit.Name,
		findings.Count(audit.Error), findings.Count(audit.Warning), findings.Count(audit.Info))
	return findings.Err()
}

// a is a stated figure in 万元, written as the narrative writes it.
func a(s string) amount.Amount { return amount.MustParse(s) }

// n is a stated count.
func n(v int64) amount.Count { return amount.NewCount(v) }

// referenceDocument returns the document as the narrative states it, before
// Calculate.
func referenceDocument() *juesuan.Document {
	zero := a("0")
	noData := "此表无数据"
	return &juesuan.Document{
		Profile: sichuan2020.ID,
		Report: accounts.Report{
			Unit: accounts.Unit{
				Name:         "攀枝花市人民政府驻成都办事处",
				FiscalYear:   2020,
				Jurisdiction: "四川省攀枝花市",
				Level:        "市",
				AmountUnit:   amount.TenThousandYuan,
			},
			Tables: accounts.Tables{
				// 一、收入支出决算总表
				Summary: &accounts.SummaryTable{
					Income: accounts.SummaryIncome{
						GeneralBudget:   a("599.53"),
						GovFund:         a("31.25"),
						SuperiorSubsidy: zero,
						Business:        zero,
						Operating:       zero,
						Affiliated:      zero,
						Other:           zero,
						Total:           a("630.78"),
						GrandTotal:      a("630.78"),
					},
					Expenditure: accounts.SummaryExpenditure{
						Total:      a("630.78"),
						GrandTotal: a("630.78"),
					},
				},
				// 二、收入决算表
				Income: &accounts.IncomeTable{
					Total: accounts.IncomeColumns{
						Total: a("630.78"), Fiscal: a("630.78"),
						SuperiorSubsidy: zero, Business: zero, Operating: zero, Affiliated: zero, Other: zero,
					},
				},
				// 三、支出决算表
				Expenditure: &accounts.ExpenditureTable{
					Total: accounts.ExpenditureColumns{
						Total: a("630.78"), Basic: a("560.28"), Project: a("70.50"),
						ToSuperior: zero, Operating: zero, ToAffiliated: zero,
					},
				},
				// 四、财政拨款收入支出决算总表
				FiscalSummary: &accounts.FiscalSummaryTable{
					Income: accounts.FiscalIncome{
						Current:    accounts.FundColumns{Total: a("630.78"), GeneralBudget: a("599.53"), GovFund: a("31.25")},
						GrandTotal: a("630.78"),
					},
					Expenditure: accounts.FiscalExpenditure{
						Rows: []accounts.FundRow{
							{Code: "201", Name: "一般公共服务支出", FundColumns: accounts.FundColumns{GeneralBudget: a("410.37")}},
							{Code: "205", Name: "教育支出", FundColumns: accounts.FundColumns{GeneralBudget: zero}},
							{Code: "206", Name: "科学技术支出", FundColumns: accounts.FundColumns{GeneralBudget: zero}},
							{Code: "208", Name: "社会保障和就业支出", FundColumns: accounts.FundColumns{GeneralBudget: a("162.41")}},
							{Code: "210", Name: "卫生健康支出", FundColumns: accounts.FundColumns{GeneralBudget: zero}},
							{Code: "212", Name: "城乡社区支出", FundColumns: accounts.FundColumns{GovFund: a("31.25")}},
							{Code: "221", Name: "住房保障支出", FundColumns: accounts.FundColumns{GeneralBudget: a("26.75")}},
						},
						Total:      accounts.FundColumns{Total: a("630.78"), GeneralBudget: a("599.53"), GovFund: a("31.25"), StateCapital: zero},
						GrandTotal: accounts.FundColumns{Total: a("630.78")},
					},
				},
				// 五、财政拨款支出决算明细表（政府经济分类科目）: no figure stated.
				FiscalEconomic: &accounts.EconomicTable{},
				// 六、一般公共预算财政拨款支出决算表
				GeneralBudget: &accounts.SplitTable{
					Total: accounts.SplitColumns{Total: a("599.53"), Basic: a("529.03")},
					Rows: []accounts.SplitRow{
						{Code: "201", Name: "一般公共服务支出", SplitColumns: accounts.SplitColumns{Total: a("410.37")}},
						{Code: "20103", Name: "政府办公厅（室）及相关机构事务"},
						{Code: "2010301", Name: "行政运行", SplitColumns: accounts.SplitColumns{Total: a("339.87")}},
						{Code: "2010302", Name: "一般行政管理事务", SplitColumns: accounts.SplitColumns{Total: a("70.50")}},
						{Code: "205", Name: "教育支出", SplitColumns: accounts.SplitColumns{Total: zero}},
						{Code: "206", Name: "科学技术支出", SplitColumns: accounts.SplitColumns{Total: zero}},
						{Code: "208", Name: "社会保障和就业支出", SplitColumns: accounts.SplitColumns{Total: a("162.41")}},
						{Code: "20805", Name: "行政事业单位离退休"},
						{Code: "2080501", Name: "行政单位离退休", SplitColumns: accounts.SplitColumns{Total: a("136.22")}},
						{Code: "2080502", Name: "事业单位离退休", SplitColumns: accounts.SplitColumns{Total: a("4.82")}},
						{Code: "2080505", Name: "机关事业单位基本养老保险缴费支出", SplitColumns: accounts.SplitColumns{Total: a("21.37")}},
						{Code: "210", Name: "卫生健康支出", SplitColumns: accounts.SplitColumns{Total: zero}},
						{Code: "221", Name: "住房保障支出", SplitColumns: accounts.SplitColumns{Total: a("26.75")}},
						{Code: "22102", Name: "住房改革支出"},
						{Code: "2210201", Name: "住房公积金", SplitColumns: accounts.SplitColumns{Total: a("26.75")}},
					},
				},
				// 七、一般公共预算财政拨款支出决算明细表: no figure stated.
				GeneralBudgetEconomic: &accounts.EconomicTable{},
				// 八、一般公共预算财政拨款基本支出决算表
				GeneralBudgetBasic: &accounts.EconDeptTable{
					Personnel: a("436.10"),
					Public:    a("92.93"),
					Total:     a("529.03"),
				},
				// 九、一般公共预算财政拨款项目支出决算表: no figure stated.
				GeneralBudgetProject: &accounts.EconDeptTable{},
				// 十、一般公共预算财政拨款“三公”经费支出决算表: only the 决算数.
				ThreePublic: &accounts.ThreePublicTable{
					Actual: accounts.ThreePublicColumns{
						Total: a("51.74"), Abroad: zero, Vehicle: a("5.89"),
						VehiclePurchase: zero, VehicleOperation: a("5.89"), Reception: a("45.85"),
					},
				},
				// 十一、政府性基金预算财政拨款收入支出决算表
				GovFund: &accounts.FundTable{
					Total: accounts.FundFlowColumns{Income: a("31.25"), Expenditure: a("31.25"), Basic: a("31.25")},
					Rows: []accounts.FundFlowRow{
						{Code: "212", Name: "城乡社区支出"},
						{Code: "21208", Name: "国有土地使用权出让收入安排的支出"},
						{Code: "2120802", Name: "土地开发支出", FundFlowColumns: accounts.FundFlowColumns{Expenditure: a("31.25"), Basic: a("31.25")}},
					},
				},
				// 十二 to 十四: 此表无数据.
				GovFundThreePublic: &accounts.ThreePublicTable{Note: noData},
				StateCapital: &accounts.FundTable{
					Total: accounts.FundFlowColumns{Expenditure: zero},
					Note:  noData,
				},
				StateCapitalExpenditure: &accounts.SplitTable{
					Total: accounts.SplitColumns{Total: zero},
					Note:  noData,
				},
				// 财决Z01-1: 说明五（三） compares each 项 with its 调整预算数 (持平).
				Z011: &accounts.Z011Table{Rows: []accounts.BudgetRow{
					budgetRow("2010301", "行政运行", "339.87"),
					budgetRow("2010302", "一般行政管理事务", "70.50"),
					budgetRow("2080501", "行政单位离退休", "136.22"),
					budgetRow("2080502", "事业单位离退休", "4.82"),
					budgetRow("2080505", "机关事业单位基本养老保险缴费支出", "21.37"),
					budgetRow("2210201", "住房公积金", "26.75"),
				}},
				// 财决07: 基本支出, 人员经费, 日常公用经费.
				Z07: &accounts.Z07Table{
					Expenditure: accounts.SplitColumns{Basic: a("529.03")},
					Personnel:   a("436.10"),
					Public:      a("92.93"),
				},
				// 财决附03: 三公 counts, 机关运行经费, 政府采购, 国有资产.
				F03: &accounts.F03Table{
					ThreePublic: accounts.ThreePublicStats{
						AbroadGroups: n(0), AbroadPersons: n(0),
						VehiclesPurchased: n(0), VehiclesHeld: n(4),
						DomesticReception: a("45.85"), ForeignAffairs: zero,
						DomesticBatches: n(473), DomesticPersons: n(1311),
						ForeignAffairsBatches: n(0), ForeignAffairsPersons: n(0),
					},
					OperatingCost: accounts.OperatingCost{Amount: a("92.93")},
					Procurement: accounts.Procurement{
						Total: zero, Goods: zero, Works: zero, Services: zero,
						AwardedSME: zero, AwardedSmallMicro: zero,
					},
					Assets: accounts.Assets{
						Vehicles: n(4),
						VehiclesByKind: []accounts.VehicleCount{
							{Category: "主要领导干部用车", Count: n(0)},
							{Category: "机要通信用车", Count: n(0)},
							{Category: "应急保障用车", Count: n(0)},
							{Category: "其他用车", Count: n(4)},
						},
						GeneralEquipment: n(0),
						SpecialEquipment: n(0),
					},
				},
			},
			PriorYear: &accounts.PriorYear{
				FiscalYear:    2019,
				IncomeTotal:   a("792.08"),
				FiscalIncome:  accounts.FundColumns{Total: a("790.21"), GeneralBudget: a("790.21")},
				OperatingCost: a("249.72"),
			},
		},
	}
}

// budgetRow is a 一般公共预算 项 of 财决Z01-1 whose 决算数 equals its
// 调整预算数 (the narrative: 决算数与预算数持平).
func budgetRow(code, name, actual string) accounts.BudgetRow {
	return accounts.BudgetRow{
		Code: classification.FuncCode(code), Name: name, Fund: accounts.GeneralBudgetFund,
		BudgetColumns: accounts.BudgetColumns{AdjustedBudget: a(actual), Actual: a(actual)},
	}
}
