package accounts

import (
	"errors"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
)

// Amount is the money type of every table: absent is not zero.
type Amount = amount.Amount

// Count is a stated whole number (团组数, 批次, 辆, 台（套）).
type Count = amount.Count

// Report is what the accounts rules check: a department's unit information,
// its 决算 tables, and optionally last year's figures.
type Report struct {
	Unit      Unit       `json:"unit" jsonschema:"title=单位信息"`
	Tables    Tables     `json:"tables" jsonschema:"title=决算报表"`
	PriorYear *PriorYear `json:"priorYear,omitempty" jsonschema:"title=上年数,description=上年决算数，用于同比核对；未列示的数不填"`
	// Disclosure holds the figures a disclosure states in its narrative
	// only (see Disclosure).
	Disclosure *Disclosure `json:"disclosure,omitempty" jsonschema:"title=公开说明事项,description=只在情况说明中列示、没有公开表的事项：人员编制、机关运行经费、政府采购、国有资产、预算绩效管理；未列示的数不填"`
}

// Unit identifies the reporting unit and the unit of its figures.
type Unit struct {
	Name string `json:"name" jsonschema:"title=单位名称,minLength=1"`
	// Code is the 单位代码 (agency_code in the 预算管理一体化 vocabulary).
	Code       string `json:"code,omitempty" jsonschema:"title=单位代码"`
	FiscalYear int    `json:"fiscalYear" jsonschema:"title=决算年度,minimum=2000,maximum=2100"`
	// Jurisdiction is the 财政区划, e.g. 四川省攀枝花市.
	Jurisdiction string `json:"jurisdiction,omitempty" jsonschema:"title=财政区划"`
	// Level is the 预算级次: 中央, 省, 市, 县, 乡.
	Level      string      `json:"level,omitempty" jsonschema:"title=预算级次"`
	AmountUnit amount.Unit `json:"amountUnit" jsonschema:"title=金额单位"`
}

// Tables holds the 决算 tables a document carries; nil means the table is not
// part of the document. Which tables a document must carry, and their public
// numbering, is the profile's business.
type Tables struct {
	// Public tables (公开表). Sichuan 2020 numbering S1–S14; central 2024 C1–C9.

	// Summary is 收入支出决算总表 (S1, C1; internal 财决01).
	Summary *SummaryTable `json:"summary,omitempty" jsonschema:"title=收入支出决算总表" fact:""`
	// Income is 收入决算表 (S2, C2; 财决03).
	Income *IncomeTable `json:"income,omitempty" jsonschema:"title=收入决算表" layout:"alias=收入总表" fact:""`
	// Expenditure is 支出决算表 (S3, C3; 财决04).
	Expenditure *ExpenditureTable `json:"expenditure,omitempty" jsonschema:"title=支出决算表" layout:"alias=支出总表" fact:""`
	// FiscalSummary is 财政拨款收入支出决算总表 (S4, C4; 财决01-1).
	FiscalSummary *FiscalSummaryTable `json:"fiscalSummary,omitempty" jsonschema:"title=财政拨款收入支出决算总表" fact:""`
	// FiscalEconomic is 财政拨款支出决算明细表（政府经济分类科目） (S5).
	FiscalEconomic *EconomicTable `json:"fiscalEconomic,omitempty" jsonschema:"title=财政拨款支出决算明细表（政府经济分类科目）"`
	// GeneralBudget is 一般公共预算财政拨款支出决算表 (S6, C5).
	GeneralBudget *SplitTable `json:"generalBudget,omitempty" jsonschema:"title=一般公共预算财政拨款支出决算表" fact:"total/total:generalBudget.total,一般公共预算财政拨款支出,prior=generalBudgetExpenditure,whole=summary.expenditure.total;total/basic:generalBudget.basic,一般公共预算财政拨款基本支出;total/project:generalBudget.project,一般公共预算财政拨款项目支出;rows/*/total:generalBudget.*,whole=generalBudget.total,budgets=generalBudget"`
	// GeneralBudgetEconomic is 一般公共预算财政拨款支出决算明细表 (S7).
	GeneralBudgetEconomic *EconomicTable `json:"generalBudgetEconomic,omitempty" jsonschema:"title=一般公共预算财政拨款支出决算明细表"`
	// GeneralBudgetBasic is 一般公共预算财政拨款基本支出决算表 (S8, C6).
	GeneralBudgetBasic *EconDeptTable `json:"generalBudgetBasic,omitempty" jsonschema:"title=一般公共预算财政拨款基本支出决算表" fact:"personnel:generalBudget.personnel,人员经费;public:generalBudget.public,公用经费;total:generalBudget.basic,一般公共预算财政拨款基本支出"`
	// GeneralBudgetProject is 一般公共预算财政拨款项目支出决算表 (S9).
	GeneralBudgetProject *EconDeptTable `json:"generalBudgetProject,omitempty" jsonschema:"title=一般公共预算财政拨款项目支出决算表"`
	// ThreePublic is the 三公 table: 一般公共预算财政拨款“三公”经费支出决算表
	// (S10) or 财政拨款“三公”经费支出决算表 (C7).
	ThreePublic *ThreePublicTable `json:"threePublic,omitempty" jsonschema:"title=“三公”经费支出决算表" layout:"alias=一般公共预算财政拨款“三公”经费支出决算表|财政拨款“三公”经费支出决算表" fact:"actual/total:threePublic.total,“三公”经费,prior=threePublic/total,budget=budget/total,initialBudget=budget/total;actual/abroad:threePublic.abroad,prior=threePublic/abroad,budget=budget/abroad,initialBudget=budget/abroad,whole=threePublic.total;actual/vehicle:threePublic.vehicle,prior=threePublic/vehicle,budget=budget/vehicle,initialBudget=budget/vehicle,whole=threePublic.total;actual/vehiclePurchase:threePublic.vehiclePurchase,prior=threePublic/vehiclePurchase,budget=budget/vehiclePurchase,initialBudget=budget/vehiclePurchase;actual/vehicleOperation:threePublic.vehicleOperation,prior=threePublic/vehicleOperation,budget=budget/vehicleOperation,initialBudget=budget/vehicleOperation;actual/reception:threePublic.reception,prior=threePublic/reception,budget=budget/reception,initialBudget=budget/reception,whole=threePublic.total"`
	// GovFund is 政府性基金预算财政拨款收入支出决算表 (S11, C8).
	GovFund *FundTable `json:"govFund,omitempty" jsonschema:"title=政府性基金预算财政拨款收入支出决算表" fact:"total/income:govFund.income,政府性基金预算财政拨款收入;total/expenditure:govFund.expenditure,政府性基金预算财政拨款支出;rows/*/expenditure:govFund.*"`
	// GovFundThreePublic is 政府性基金预算财政拨款“三公”经费支出决算表 (S12).
	GovFundThreePublic *ThreePublicTable `json:"govFundThreePublic,omitempty" jsonschema:"title=政府性基金预算财政拨款“三公”经费支出决算表" fact:"actual/total:govFundThreePublic.total,政府性基金预算财政拨款“三公”经费"`
	// StateCapital is 国有资本经营预算财政拨款收入支出决算表 (S13, C9).
	StateCapital *FundTable `json:"stateCapital,omitempty" jsonschema:"title=国有资本经营预算财政拨款收入支出决算表" fact:"total/income:stateCapital.income,国有资本经营预算财政拨款收入;total/expenditure:stateCapital.expenditure,国有资本经营预算财政拨款支出;rows/*/expenditure:stateCapital.*"`
	// StateCapitalExpenditure is 国有资本经营预算财政拨款支出决算表 (S14).
	StateCapitalExpenditure *SplitTable `json:"stateCapitalExpenditure,omitempty" jsonschema:"title=国有资本经营预算财政拨款支出决算表" fact:"total/total:stateCapital.expenditure,国有资本经营预算财政拨款支出,unless=stateCapital"`

	// Internal tables (财决) that narratives cite as their sources.

	// Z01 is 财决Z01 收入支出决算总表 with 预算数 and 决算数.
	Z01 *Z01Table `json:"z01,omitempty" jsonschema:"title=财决Z01表 收入支出决算总表" layout:"short=财决Z01表"`
	// Z011 is 财决Z01-1 财政拨款收入支出决算总表 with 预算数 and 决算数.
	Z011 *Z011Table `json:"z01_1,omitempty" jsonschema:"title=财决Z01-1表 财政拨款收入支出决算总表" layout:"short=财决Z01-1表"`
	// Z07 is 财决07 一般公共预算财政拨款收入支出决算表 (基本支出 by economic class).
	Z07 *Z07Table `json:"z07,omitempty" jsonschema:"title=财决07表 一般公共预算财政拨款收入支出决算表" layout:"short=财决07表" fact:""`
	// F03 is 财决附03 机构运行信息表.
	F03 *F03Table `json:"f03,omitempty" jsonschema:"title=财决附03表 机构运行信息表" layout:"short=财决附03表" fact:""`

	// Extra holds tables a profile adds, keyed by the profile's table ID.
	Extra map[string]*GenericTable `json:"extra,omitempty" jsonschema:"title=自定义报表"`

	// Excerpts marks tables printed only in part (摘录), by JSON key (such
	// as "generalBudget"), each with the note that says so (e.g. 仅列示
	// 主要支出科目). The rows of an excerpt need not add up to its totals:
	// the Σ-rows checks (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项) are skipped for
	// it and listed in the coverage ledger as SkipExcerpt; every other
	// check of its figures runs.
	Excerpts map[string]string `json:"excerpts,omitempty" jsonschema:"title=摘录表,description=只列示部分行的表：表键 → 说明；其各行不必加总为合计"`
}

// FuncAmountRow is one function-classified line with a single amount.
type FuncAmountRow struct {
	Code   classification.FuncCode `json:"code" jsonschema:"title=科目编码"`
	Name   string                  `json:"name,omitempty" jsonschema:"title=科目名称"`
	Amount Amount                  `json:"amount,omitzero" jsonschema:"title=决算数"`
}

// SummaryTable is 收入支出决算总表: two sides, income and expenditure.
type SummaryTable struct {
	Income      SummaryIncome      `json:"income" jsonschema:"title=收入" layout:"lines" fact:""`
	Expenditure SummaryExpenditure `json:"expenditure" jsonschema:"title=支出" fact:""`
}

// SummaryIncome is the income side of 收入支出决算总表.
type SummaryIncome struct {
	GeneralBudget        Amount `json:"generalBudget,omitzero" jsonschema:"title=一、一般公共预算财政拨款收入" layout:"alias=一般公共预算财政拨款收入" fact:"summary.income.generalBudget,一般公共预算财政拨款收入,prior=fiscalIncome/generalBudget,whole=summary.income.total"`
	GovFund              Amount `json:"govFund,omitzero" jsonschema:"title=二、政府性基金预算财政拨款收入" layout:"alias=政府性基金预算财政拨款收入" fact:"summary.income.govFund,政府性基金预算财政拨款收入,prior=fiscalIncome/govFund,whole=summary.income.total"`
	StateCapital         Amount `json:"stateCapital,omitzero" jsonschema:"title=三、国有资本经营预算财政拨款收入" layout:"alias=国有资本经营预算财政拨款收入" fact:"summary.income.stateCapital,国有资本经营预算财政拨款收入,prior=fiscalIncome/stateCapital,whole=summary.income.total"`
	SuperiorSubsidy      Amount `json:"superiorSubsidy,omitzero" jsonschema:"title=四、上级补助收入" layout:"alias=上级补助收入" fact:"summary.income.superiorSubsidy,上级补助收入,whole=summary.income.total"`
	Business             Amount `json:"business,omitzero" jsonschema:"title=五、事业收入" layout:"alias=事业收入" fact:"summary.income.business,事业收入,whole=summary.income.total"`
	Operating            Amount `json:"operating,omitzero" jsonschema:"title=六、经营收入" layout:"alias=经营收入" fact:"summary.income.operating,经营收入,whole=summary.income.total"`
	Affiliated           Amount `json:"affiliated,omitzero" jsonschema:"title=七、附属单位上缴收入" layout:"alias=附属单位上缴收入" fact:"summary.income.affiliated,附属单位上缴收入,whole=summary.income.total"`
	Other                Amount `json:"other,omitzero" jsonschema:"title=八、其他收入" layout:"alias=其他收入" fact:"summary.income.other,其他收入,whole=summary.income.total"`
	Total                Amount `json:"total,omitzero" jsonschema:"title=本年收入合计" fact:"summary.income.total,prior=incomeTotal"`
	NonFiscalBalanceUsed Amount `json:"nonFiscalBalanceUsed,omitzero" jsonschema:"title=使用非财政拨款结余" fact:"summary.income.nonFiscalBalanceUsed"`
	BeginningBalance     Amount `json:"beginningBalance,omitzero" jsonschema:"title=年初结转和结余" fact:"summary.income.beginningBalance"`
	GrandTotal           Amount `json:"grandTotal,omitzero" jsonschema:"title=总计" fact:"summary.income.grandTotal,收入总计,prior=incomeGrandTotal"`
}

// SummaryExpenditure is the expenditure side of 收入支出决算总表: one row per
// function 类, then the totals.
type SummaryExpenditure struct {
	Rows                []FuncAmountRow `json:"rows,omitempty" jsonschema:"title=功能分类（类）" layout:"levels=类"`
	Total               Amount          `json:"total,omitzero" jsonschema:"title=本年支出合计" fact:"summary.expenditure.total,prior=expenditureTotal"`
	BalanceDistribution Amount          `json:"balanceDistribution,omitzero" jsonschema:"title=结余分配" fact:"summary.expenditure.balanceDistribution"`
	EndingBalance       Amount          `json:"endingBalance,omitzero" jsonschema:"title=年末结转和结余" fact:"summary.expenditure.endingBalance,prior=endingBalance"`
	GrandTotal          Amount          `json:"grandTotal,omitzero" jsonschema:"title=总计" fact:"summary.expenditure.grandTotal,支出总计,prior=expenditureGrandTotal"`
}

// IncomeColumns are the columns of 收入决算表.
type IncomeColumns struct {
	Total           Amount `json:"total,omitzero" jsonschema:"title=本年收入合计" fact:"summary.income.total,unless=summary,prior=incomeTotal"`
	Fiscal          Amount `json:"fiscal,omitzero" jsonschema:"title=财政拨款收入" fact:"fiscal.income.total,unless=fiscalSummary,prior=fiscalIncome/total"`
	SuperiorSubsidy Amount `json:"superiorSubsidy,omitzero" jsonschema:"title=上级补助收入"`
	Business        Amount `json:"business,omitzero" jsonschema:"title=事业收入"`
	Operating       Amount `json:"operating,omitzero" jsonschema:"title=经营收入"`
	Affiliated      Amount `json:"affiliated,omitzero" jsonschema:"title=附属单位上缴收入"`
	Other           Amount `json:"other,omitzero" jsonschema:"title=其他收入"`
}

// IncomeRow is one 类/款/项 row of 收入决算表.
type IncomeRow struct {
	Code classification.FuncCode `json:"code" jsonschema:"title=科目编码"`
	Name string                  `json:"name,omitempty" jsonschema:"title=科目名称"`
	IncomeColumns
}

// IncomeTable is 收入决算表: the 合计 row and 类/款/项 rows.
type IncomeTable struct {
	Total IncomeColumns `json:"total" jsonschema:"title=合计" fact:""`
	Rows  []IncomeRow   `json:"rows,omitempty" jsonschema:"title=科目"`
}

// ExpenditureColumns are the columns of 支出决算表.
type ExpenditureColumns struct {
	Total        Amount `json:"total,omitzero" jsonschema:"title=本年支出合计" fact:"summary.expenditure.total,unless=summary,prior=expenditureTotal"`
	Basic        Amount `json:"basic,omitzero" jsonschema:"title=基本支出" fact:"expenditure.basic,whole=summary.expenditure.total"`
	Project      Amount `json:"project,omitzero" jsonschema:"title=项目支出" fact:"expenditure.project,prior=projectExpenditure,whole=summary.expenditure.total"`
	ToSuperior   Amount `json:"toSuperior,omitzero" jsonschema:"title=上缴上级支出" fact:"expenditure.toSuperior,whole=summary.expenditure.total"`
	Operating    Amount `json:"operating,omitzero" jsonschema:"title=经营支出" fact:"expenditure.operating,whole=summary.expenditure.total"`
	ToAffiliated Amount `json:"toAffiliated,omitzero" jsonschema:"title=对附属单位补助支出" fact:"expenditure.toAffiliated,whole=summary.expenditure.total"`
}

// ExpenditureRow is one 类/款/项 row of 支出决算表.
type ExpenditureRow struct {
	Code classification.FuncCode `json:"code" jsonschema:"title=科目编码"`
	Name string                  `json:"name,omitempty" jsonschema:"title=科目名称"`
	ExpenditureColumns
}

// ExpenditureTable is 支出决算表.
type ExpenditureTable struct {
	Total ExpenditureColumns `json:"total" jsonschema:"title=合计" fact:""`
	Rows  []ExpenditureRow   `json:"rows,omitempty" jsonschema:"title=科目"`
}

// FundColumns split a figure by 财政拨款 fund: the total and the three budgets.
type FundColumns struct {
	Total         Amount `json:"total,omitzero" jsonschema:"title=合计"`
	GeneralBudget Amount `json:"generalBudget,omitzero" jsonschema:"title=一般公共预算财政拨款"`
	GovFund       Amount `json:"govFund,omitzero" jsonschema:"title=政府性基金预算财政拨款"`
	StateCapital  Amount `json:"stateCapital,omitzero" jsonschema:"title=国有资本经营预算财政拨款"`
}

// FundRow is one function 类 row of the expenditure side of
// 财政拨款收入支出决算总表.
type FundRow struct {
	Code classification.FuncCode `json:"code" jsonschema:"title=科目编码"`
	Name string                  `json:"name,omitempty" jsonschema:"title=科目名称"`
	FundColumns
}

// FiscalSummaryTable is 财政拨款收入支出决算总表.
type FiscalSummaryTable struct {
	Income      FiscalIncome      `json:"income" jsonschema:"title=收入" fact:""`
	Expenditure FiscalExpenditure `json:"expenditure" jsonschema:"title=支出" fact:""`
}

// FiscalIncome is the income side: 本年收入 by fund (Total is 本年收入合计),
// 年初财政拨款结转和结余 by fund, and 总计.
type FiscalIncome struct {
	Current          FundColumns `json:"current" jsonschema:"title=本年收入" fact:"total:fiscal.income.total,财政拨款本年收入合计,prior=fiscalIncome/total;generalBudget:fiscal.income.generalBudget,一般公共预算财政拨款收入,prior=fiscalIncome/generalBudget,whole=fiscal.income.total;govFund:fiscal.income.govFund,政府性基金预算财政拨款收入,prior=fiscalIncome/govFund,whole=fiscal.income.total;stateCapital:fiscal.income.stateCapital,国有资本经营预算财政拨款收入,prior=fiscalIncome/stateCapital,whole=fiscal.income.total"`
	BeginningBalance FundColumns `json:"beginningBalance" jsonschema:"title=年初财政拨款结转和结余" layout:"alias=年初结转和结余"`
	GrandTotal       Amount      `json:"grandTotal,omitzero" jsonschema:"title=总计" fact:"fiscal.income.grandTotal,财政拨款收入总计,prior=fiscalGrandTotal"`
}

// FiscalExpenditure is the expenditure side: function 类 rows, 本年支出合计,
// 年末财政拨款结转和结余 and 总计, each split by fund.
type FiscalExpenditure struct {
	Rows          []FundRow   `json:"rows,omitempty" jsonschema:"title=功能分类（类）" layout:"levels=类"`
	Total         FundColumns `json:"total" jsonschema:"title=本年支出合计" fact:"generalBudget:fiscal.expenditure.generalBudget,一般公共预算财政拨款支出,whole=fiscal.expenditure.total;govFund:fiscal.expenditure.govFund,政府性基金预算财政拨款支出,whole=fiscal.expenditure.total;stateCapital:fiscal.expenditure.stateCapital,国有资本经营预算财政拨款支出,whole=fiscal.expenditure.total;total:fiscal.expenditure.total,财政拨款本年支出合计"`
	EndingBalance FundColumns `json:"endingBalance" jsonschema:"title=年末财政拨款结转和结余"`
	GrandTotal    FundColumns `json:"grandTotal" jsonschema:"title=总计" fact:"total:fiscal.expenditure.grandTotal,财政拨款支出总计,prior=fiscalGrandTotal"`
}

// EconomicColumns are the columns of the economic-classification detail
// tables (S5, S7). The layout is not published (domain notes §1.2, gap);
// this library's choice is 合计 = 基本支出 + 项目支出 and 基本支出 = 人员经费 +
// 公用经费, which makes rules A9/A13 and B9 expressible.
type EconomicColumns struct {
	Total     Amount `json:"total,omitzero" jsonschema:"title=合计"`
	Basic     Amount `json:"basic,omitzero" jsonschema:"title=基本支出" layout:"header=基本支出|小计"`
	Personnel Amount `json:"personnel,omitzero" jsonschema:"title=人员经费" layout:"header=基本支出|人员经费"`
	Public    Amount `json:"public,omitzero" jsonschema:"title=公用经费" layout:"header=基本支出|公用经费"`
	Project   Amount `json:"project,omitzero" jsonschema:"title=项目支出"`
}

// EconomicRow is one 政府预算支出经济分类 类/款 row.
type EconomicRow struct {
	Code classification.EconGovCode `json:"code" jsonschema:"title=科目编码"`
	Name string                     `json:"name,omitempty" jsonschema:"title=科目名称"`
	EconomicColumns
}

// EconomicTable is 财政拨款支出决算明细表（政府经济分类科目） (S5) or
// 一般公共预算财政拨款支出决算明细表 (S7).
type EconomicTable struct {
	Total EconomicColumns `json:"total" jsonschema:"title=合计"`
	Rows  []EconomicRow   `json:"rows,omitempty" jsonschema:"title=科目" layout:"levels=类|款"`
	Note  string          `json:"note,omitempty" jsonschema:"title=说明"`
}

// SplitColumns are 合计 = 基本支出 + 项目支出.
type SplitColumns struct {
	Total   Amount `json:"total,omitzero" jsonschema:"title=合计"`
	Basic   Amount `json:"basic,omitzero" jsonschema:"title=基本支出"`
	Project Amount `json:"project,omitzero" jsonschema:"title=项目支出"`
}

// SplitRow is one function 类/款/项 row split into 基本/项目.
type SplitRow struct {
	Code classification.FuncCode `json:"code" jsonschema:"title=科目编码"`
	Name string                  `json:"name,omitempty" jsonschema:"title=科目名称"`
	SplitColumns
}

// SplitTable is 一般公共预算财政拨款支出决算表 (S6, C5) and
// 国有资本经营预算财政拨款支出决算表 (S14).
type SplitTable struct {
	Total SplitColumns `json:"total" jsonschema:"title=合计"`
	Rows  []SplitRow   `json:"rows,omitempty" jsonschema:"title=科目"`
	// Note is the statement printed under an empty table, e.g.
	// 本年度没有国有资本经营预算财政拨款支出，故本表无数据。
	Note string `json:"note,omitempty" jsonschema:"title=说明"`
}

// EconDeptRow is one 部门预算支出经济分类 类/款 row with its 决算数.
type EconDeptRow struct {
	Code   classification.EconDeptCode `json:"code" jsonschema:"title=科目编码"`
	Name   string                      `json:"name,omitempty" jsonschema:"title=科目名称"`
	Amount Amount                      `json:"amount,omitzero" jsonschema:"title=决算数"`
}

// EconDeptTable is 一般公共预算财政拨款基本支出决算表 (S8, C6) with its
// 人员经费合计 and 公用经费合计, and, with the same shape, the Sichuan
// 一般公共预算财政拨款项目支出决算表 (S9, layout not published; this library
// chose economic-class rows and a 合计).
type EconDeptTable struct {
	Rows []EconDeptRow `json:"rows,omitempty" jsonschema:"title=科目" layout:"levels=类|款"`
	// Personnel is 人员经费合计 (301 + 303).
	Personnel Amount `json:"personnel,omitzero" jsonschema:"title=人员经费合计"`
	// Public is 公用经费合计 (302 + 310, and 307/399 where the profile says).
	Public Amount `json:"public,omitzero" jsonschema:"title=公用经费合计"`
	Total  Amount `json:"total,omitzero" jsonschema:"title=合计"`
}

// ThreePublicColumns are the 三公 items.
type ThreePublicColumns struct {
	Total            Amount `json:"total,omitzero" jsonschema:"title=合计"`
	Abroad           Amount `json:"abroad,omitzero" jsonschema:"title=因公出国（境）费"`
	Vehicle          Amount `json:"vehicle,omitzero" jsonschema:"title=公务用车购置及运行维护费" layout:"header=公务用车购置及运行维护费|小计"`
	VehiclePurchase  Amount `json:"vehiclePurchase,omitzero" jsonschema:"title=公务用车购置费" layout:"header=公务用车购置及运行维护费|公务用车购置费"`
	VehicleOperation Amount `json:"vehicleOperation,omitzero" jsonschema:"title=公务用车运行维护费" layout:"header=公务用车购置及运行维护费|公务用车运行维护费"`
	Reception        Amount `json:"reception,omitzero" jsonschema:"title=公务接待费"`
}

// ThreePublicTable is a “三公”经费支出决算表: 预算数 and 决算数 per item.
type ThreePublicTable struct {
	Budget ThreePublicColumns `json:"budget" jsonschema:"title=预算数"`
	Actual ThreePublicColumns `json:"actual" jsonschema:"title=决算数"`
	Note   string             `json:"note,omitempty" jsonschema:"title=说明"`
}

// FundFlowColumns are the columns of the 政府性基金 and 国有资本经营 tables:
// 年末 = 年初 + 本年收入 − 本年支出, 本年支出 = 基本 + 项目.
type FundFlowColumns struct {
	BeginningBalance Amount `json:"beginningBalance,omitzero" jsonschema:"title=年初结转和结余"`
	Income           Amount `json:"income,omitzero" jsonschema:"title=本年收入"`
	Expenditure      Amount `json:"expenditure,omitzero" jsonschema:"title=本年支出合计" layout:"header=本年支出|合计"`
	Basic            Amount `json:"basic,omitzero" jsonschema:"title=基本支出" layout:"header=本年支出|基本支出"`
	Project          Amount `json:"project,omitzero" jsonschema:"title=项目支出" layout:"header=本年支出|项目支出"`
	EndingBalance    Amount `json:"endingBalance,omitzero" jsonschema:"title=年末结转和结余"`
}

// FundFlowRow is one function 类/款/项 row.
type FundFlowRow struct {
	Code classification.FuncCode `json:"code" jsonschema:"title=科目编码"`
	Name string                  `json:"name,omitempty" jsonschema:"title=科目名称"`
	FundFlowColumns
}

// FundTable is 政府性基金预算财政拨款收入支出决算表 or
// 国有资本经营预算财政拨款收入支出决算表. An empty table keeps its place
// and carries Note (本年度没有…，故本表无数据).
type FundTable struct {
	Total FundFlowColumns `json:"total" jsonschema:"title=合计"`
	Rows  []FundFlowRow   `json:"rows,omitempty" jsonschema:"title=科目"`
	Note  string          `json:"note,omitempty" jsonschema:"title=说明"`
}

// Z01Table is 财决Z01 收入支出决算总表 with both columns the internal table
// carries. Actual must agree with the public 收入支出决算总表.
type Z01Table struct {
	Budget *SummaryTable `json:"budget,omitempty" jsonschema:"title=预算数" layout:"short=财决Z01表（预算数）"`
	Actual *SummaryTable `json:"actual,omitempty" jsonschema:"title=决算数" layout:"short=财决Z01表（决算数）"`
}

// Fund names a 财政拨款 fund.
type Fund string

const (
	GeneralBudgetFund Fund = "generalBudget" // 一般公共预算
	GovFundFund       Fund = "govFund"       // 政府性基金预算
	StateCapitalFund  Fund = "stateCapital"  // 国有资本经营预算
)

// BudgetColumns are 预算数 and 决算数 of one line; 调整预算数 is the 预算
// that Sichuan narratives compare with (完成预算 %).
type BudgetColumns struct {
	InitialBudget  Amount `json:"initialBudget,omitzero" jsonschema:"title=年初预算数"`
	AdjustedBudget Amount `json:"adjustedBudget,omitzero" jsonschema:"title=调整预算数"`
	Actual         Amount `json:"actual,omitzero" jsonschema:"title=决算数"`
}

// BudgetRow is one function 类/款/项 line of one fund with budget and actual.
type BudgetRow struct {
	Code classification.FuncCode `json:"code" jsonschema:"title=科目编码"`
	Name string                  `json:"name,omitempty" jsonschema:"title=科目名称"`
	Fund Fund                    `json:"fund" jsonschema:"title=资金性质"`
	BudgetColumns
}

// BudgetTotalRow is the 合计 line of one fund in 财决Z01-1: 年初预算数,
// 调整预算数 (the 全年预算数: 年初预算 plus the adjustments of the year)
// and 决算数 of the fund's whole expenditure, the figures "一般公共预算财政拨款
// 支出年初预算为…，支出决算为…，完成年初预算的…%" restates.
type BudgetTotalRow struct {
	Fund Fund `json:"fund" jsonschema:"title=资金性质"`
	BudgetColumns
}

// Z011Table is 财决Z01-1 财政拨款收入支出决算总表: the public
// 财政拨款收入支出决算总表 figures (Actual) plus 预算 against 决算 by 项, the
// source narratives cite for 说明五（三）.
type Z011Table struct {
	Actual *FiscalSummaryTable `json:"actual,omitempty" jsonschema:"title=决算数"`
	Rows   []BudgetRow         `json:"rows,omitempty" jsonschema:"title=预算与决算（项）"`
	// Totals are the 合计 lines of the funds (预决算对比 of the whole
	// expenditure of a fund).
	Totals []BudgetTotalRow `json:"totals,omitempty" jsonschema:"title=预算与决算（合计）"`
}

// Z07Table is 财决07 一般公共预算财政拨款收入支出决算表 as narratives cite it
// for 基本支出: totals and the 人员经费 / 日常公用经费 split. Its full layout
// is not published (domain notes §0); this is the part the rules use.
type Z07Table struct {
	Expenditure SplitColumns  `json:"expenditure" jsonschema:"title=一般公共预算财政拨款支出" fact:"basic:generalBudget.basic,一般公共预算财政拨款基本支出"`
	Personnel   Amount        `json:"personnel,omitzero" jsonschema:"title=人员经费" fact:"generalBudget.personnel"`
	Public      Amount        `json:"public,omitzero" jsonschema:"title=日常公用经费" fact:"generalBudget.public,公用经费"`
	Rows        []EconDeptRow `json:"rows,omitempty" jsonschema:"title=经济分类科目" layout:"levels=类|款"`
}

// F03Table is 财决附03 机构运行信息表 as narratives cite it. Its row list is not
// published (domain notes §2, gap); the fields follow the 2017
// 部门决算相关信息统计表 and the 2024 narrative template.
type F03Table struct {
	ThreePublic   ThreePublicStats `json:"threePublic" jsonschema:"title=“三公”经费相关统计数" layout:"lines" fact:""`
	OperatingCost OperatingCost    `json:"operatingCost" jsonschema:"title=机关运行经费" layout:"lines" fact:""`
	Procurement   Procurement      `json:"procurement" jsonschema:"title=政府采购" layout:"lines" fact:""`
	Assets        Assets           `json:"assets" jsonschema:"title=国有资产占用情况" layout:"lines" fact:""`
}

// ThreePublicStats are the 三公 counts and the 接待 split.
type ThreePublicStats struct {
	AbroadGroups          Count  `json:"abroadGroups,omitzero" jsonschema:"title=因公出国（境）团组数（个）" fact:"threePublic.abroadGroups,因公出国（境）团组数"`
	AbroadPersons         Count  `json:"abroadPersons,omitzero" jsonschema:"title=因公出国（境）人次数（人）" fact:"threePublic.abroadPersons,因公出国（境）人次数"`
	VehiclesPurchased     Count  `json:"vehiclesPurchased,omitzero" jsonschema:"title=公务用车购置数（辆）" fact:"threePublic.vehiclesPurchased,公务用车购置数"`
	VehiclesHeld          Count  `json:"vehiclesHeld,omitzero" jsonschema:"title=公务用车保有量（辆）" fact:"threePublic.vehiclesHeld,公务用车保有量"`
	DomesticReception     Amount `json:"domesticReception,omitzero" jsonschema:"title=国内公务接待费" fact:"reception.domestic"`
	ForeignAffairs        Amount `json:"foreignAffairs,omitzero" jsonschema:"title=其中：外事接待费" fact:"reception.foreignAffairs,外事接待费"`
	OverseasReception     Amount `json:"overseasReception,omitzero" jsonschema:"title=国（境）外公务接待费" fact:"reception.overseas"`
	DomesticBatches       Count  `json:"domesticBatches,omitzero" jsonschema:"title=国内公务接待批次（个）" fact:"reception.domesticBatches,国内公务接待批次"`
	DomesticPersons       Count  `json:"domesticPersons,omitzero" jsonschema:"title=国内公务接待人次（人）" fact:"reception.domesticPersons,国内公务接待人次"`
	ForeignAffairsBatches Count  `json:"foreignAffairsBatches,omitzero" jsonschema:"title=其中：外事接待批次（个）" fact:"reception.foreignAffairsBatches,外事接待批次"`
	ForeignAffairsPersons Count  `json:"foreignAffairsPersons,omitzero" jsonschema:"title=其中：外事接待人次（人）" fact:"reception.foreignAffairsPersons,外事接待人次"`
	OverseasBatches       Count  `json:"overseasBatches,omitzero" jsonschema:"title=国（境）外公务接待批次（个）" fact:"reception.overseasBatches,国（境）外公务接待批次"`
	OverseasPersons       Count  `json:"overseasPersons,omitzero" jsonschema:"title=国（境）外公务接待人次（人）" fact:"reception.overseasPersons,国（境）外公务接待人次"`
}

// OperatingCost is 机关运行经费, with the prior year when stated.
type OperatingCost struct {
	Amount Amount `json:"amount,omitzero" jsonschema:"title=机关运行经费" fact:"operatingCost,prior=operatingCost"`
}

// Procurement is 政府采购支出 by 货物/工程/服务 and the 中小企业 shares. The
// 2024 central template splits the awards to 中小企业 by the kind of project
// (面向中小企业/小微企业预留的项目 and 其他项目) and states the 预留 budgets:
// AwardedSME is then AwardedSMEReserved + AwardedSMEOther.
type Procurement struct {
	Total             Amount `json:"total,omitzero" jsonschema:"title=政府采购支出总额" fact:"procurement.total"`
	Goods             Amount `json:"goods,omitzero" jsonschema:"title=政府采购货物支出" fact:"procurement.goods,whole=procurement.total"`
	Works             Amount `json:"works,omitzero" jsonschema:"title=政府采购工程支出" fact:"procurement.works,whole=procurement.total"`
	Services          Amount `json:"services,omitzero" jsonschema:"title=政府采购服务支出" fact:"procurement.services,whole=procurement.total"`
	AwardedSME        Amount `json:"awardedSME,omitzero" jsonschema:"title=授予中小企业合同金额" fact:"procurement.awardedSME,whole=procurement.total"`
	AwardedSmallMicro Amount `json:"awardedSmallMicro,omitzero" jsonschema:"title=其中：授予小微企业合同金额" fact:"procurement.awardedSmallMicro,授予小微企业合同金额,whole=procurement.total"`
	ReservedSME       Amount `json:"reservedSME,omitzero" jsonschema:"title=面向中小企业预留金额" fact:"procurement.reservedSME"`
	// ReservedSmallMicro is 面向小微企业预留政府采购项目预算金额.
	ReservedSmallMicro Amount `json:"reservedSmallMicro,omitzero" jsonschema:"title=面向小微企业预留金额" fact:"procurement.reservedSmallMicro"`
	// AwardedSMEReserved is what 中小企业 won in the projects reserved for
	// 中小企业 (面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的采购金额).
	AwardedSMEReserved Amount `json:"awardedSMEReserved,omitzero" jsonschema:"title=预留项目中授予中小企业合同金额" fact:"procurement.awardedSMEReserved"`
	// AwardedSmallMicroReserved is what 小微企业 won in the projects
	// reserved for 小微企业.
	AwardedSmallMicroReserved Amount `json:"awardedSmallMicroReserved,omitzero" jsonschema:"title=小微企业预留项目中授予小微企业合同金额" fact:"procurement.awardedSmallMicroReserved"`
	// AwardedSMEOther is what 中小企业 won in the other projects
	// (在其他政府采购项目中，由中小企业供应商中标或成交的采购金额).
	AwardedSMEOther Amount `json:"awardedSMEOther,omitzero" jsonschema:"title=其他项目中授予中小企业合同金额" fact:"procurement.awardedSMEOther"`
}

// VehicleCount is the number of vehicles of one category.
type VehicleCount struct {
	Category string `json:"category" jsonschema:"title=车辆类别"`
	Count    Count  `json:"count,omitzero" jsonschema:"title=数量（辆）"`
}

// Assets is 国有资产占用情况: vehicles by category and large equipment, as
// of AsOf (截至 2024年12月31日: the end of the fiscal year, as rule C12
// checks in the narrative).
type Assets struct {
	// AsOf is the date the figures are taken at (截至日期), YYYY-MM-DD.
	AsOf             string         `json:"asOf,omitempty" jsonschema:"title=截至日期,pattern=^[0-9]{4}-[0-9]{2}-[0-9]{2}$"`
	Vehicles         Count          `json:"vehicles,omitzero" jsonschema:"title=车辆数合计（辆）" fact:"assets.vehicles,车辆数"`
	VehiclesByKind   []VehicleCount `json:"vehiclesByKind,omitempty" jsonschema:"title=车辆分类" fact:"*/count:assets.vehicles.*"`
	GeneralEquipment Count          `json:"generalEquipment,omitzero" jsonschema:"title=单价50万元以上通用设备（台，套）" fact:"assets.generalEquipment,单价50万元以上通用设备"`
	SpecialEquipment Count          `json:"specialEquipment,omitzero" jsonschema:"title=单价100万元以上专用设备（台，套）" fact:"assets.specialEquipment,单价100万元以上专用设备"`
	Equipment100     Count          `json:"equipment100,omitzero" jsonschema:"title=单价100万元（含）以上设备（不含车辆）（台，套）" fact:"assets.equipment100,单价100万元（含）以上设备"`
}

// Disclosure holds what a disclosure states in its narrative only. The
// central/Shanghai 2024 template prints no table for 机关运行经费, 政府采购
// and 国有资产 (其他重要事项), for the 预算绩效管理 summary or for the
// staffing of 机构设置; the internal 财决附03 table (Tables.F03) holds the
// first three where a document carries it. They sit here, beside the tables
// rather than among them, because they are no table: nothing prints them as
// rows and columns, no 表内 or 表间 identity holds within them, and the
// workbook import and export leave them alone. The narrative linter ties
// the sentences that restate them (the same fact IDs as F03's; F03's
// figure wins where both state one). Every figure is optional: absent is
// not zero.
type Disclosure struct {
	Staffing      *Staffing           `json:"staffing,omitempty" jsonschema:"title=人员编制和机构设置" fact:""`
	OperatingCost *OperatingCost      `json:"operatingCost,omitempty" jsonschema:"title=机关运行经费" fact:""`
	Procurement   *Procurement        `json:"procurement,omitempty" jsonschema:"title=政府采购" fact:""`
	Assets        *Assets             `json:"assets,omitempty" jsonschema:"title=国有资产占用情况" fact:""`
	Performance   *PerformanceSummary `json:"performance,omitempty" jsonschema:"title=预算绩效管理情况" fact:""`
}

// Staffing is 人员编制 and 内设机构 as 机构设置 (部门职责) states them.
type Staffing struct {
	// Authorized is 编制数 (核定编制), Actual 实有人数 (在职人员).
	Authorized Count `json:"authorized,omitzero" jsonschema:"title=编制数（人）" fact:"staff.authorized,编制数"`
	Actual     Count `json:"actual,omitzero" jsonschema:"title=实有人数（人）" fact:"staff.actual,实有人数"`
	// Retired is 离退休人员 where the text states it.
	Retired Count `json:"retired,omitzero" jsonschema:"title=离退休人员（人）" fact:"staff.retired,离退休人员数"`
	// Departments is the number of 内设机构, DepartmentNames their names.
	Departments     Count    `json:"departments,omitzero" jsonschema:"title=内设机构数（个）" fact:"staff.departments,内设机构数"`
	DepartmentNames []string `json:"departmentNames,omitempty" jsonschema:"title=内设机构"`
}

// PerformanceSummary is the 预算绩效管理情况 of the 2024 central template:
// the projects with 绩效目标, under 绩效跟踪 and self-evaluated, the money
// they involve, the average score and the projects by grade, and the
// problems found and rectified.
type PerformanceSummary struct {
	TargetProjects    Count  `json:"targetProjects,omitzero" jsonschema:"title=编报绩效目标的项目数（个）" fact:"performance.targetProjects,编报绩效目标的项目数"`
	TargetAmount      Amount `json:"targetAmount,omitzero" jsonschema:"title=编报绩效目标的项目涉及预算金额" fact:"performance.targetAmount,编报绩效目标的项目涉及预算金额"`
	MonitoredProjects Count  `json:"monitoredProjects,omitzero" jsonschema:"title=绩效跟踪评价的项目数（个）" fact:"performance.monitoredProjects,绩效跟踪评价的项目数"`
	MonitoredAmount   Amount `json:"monitoredAmount,omitzero" jsonschema:"title=绩效跟踪评价的项目涉及预算金额" fact:"performance.monitoredAmount,绩效跟踪评价的项目涉及预算金额"`
	EvaluatedProjects Count  `json:"evaluatedProjects,omitzero" jsonschema:"title=绩效自评的项目数（个）" fact:"performance.evaluatedProjects,绩效自评的项目数"`
	EvaluatedAmount   Amount `json:"evaluatedAmount,omitzero" jsonschema:"title=绩效自评的项目涉及预算金额" fact:"performance.evaluatedAmount,绩效自评的项目涉及预算金额"`
	// AverageScore is the 平均得分 of the self-evaluated projects (a score
	// out of 100 with decimals, not money).
	AverageScore Amount `json:"averageScore,omitzero" jsonschema:"title=平均得分（分）"`
	// Grades are the self-evaluated projects by grade (优, 良, 合格, 不合格;
	// 优, 良, 中, 差 in other frameworks).
	Grades []GradeCount `json:"grades,omitempty" jsonschema:"title=绩效评级"`
	// Problems found in the self-evaluations, those rectified and those
	// being rectified.
	Problems   Count `json:"problems,omitzero" jsonschema:"title=发现问题数（个）" fact:"performance.problems,绩效自评发现问题数"`
	Rectified  Count `json:"rectified,omitzero" jsonschema:"title=已完成整改数（个）" fact:"performance.rectified,已完成整改的问题数"`
	Rectifying Count `json:"rectifying,omitzero" jsonschema:"title=正在整改数（个）" fact:"performance.rectifying,正在整改的问题数"`
}

// GradeCount is the number of projects of one 绩效评级.
type GradeCount struct {
	Grade    string `json:"grade" jsonschema:"title=评级,minLength=1"`
	Projects Count  `json:"projects,omitzero" jsonschema:"title=项目数（个）"`
}

// GenericRow is one row of a profile-defined table.
type GenericRow struct {
	Code   string            `json:"code" jsonschema:"title=编码"`
	Name   string            `json:"name,omitempty" jsonschema:"title=名称"`
	Values map[string]Amount `json:"values,omitempty" jsonschema:"title=数值"`
}

// GenericTable is a table a profile adds; its columns are the profile's
// TableDef columns.
type GenericTable struct {
	Total map[string]Amount `json:"total,omitempty" jsonschema:"title=合计"`
	Rows  []GenericRow      `json:"rows,omitempty" jsonschema:"title=行"`
	Note  string            `json:"note,omitempty" jsonschema:"title=说明"`
}

// PriorYear holds last year's figures, each only where the source states it.
type PriorYear struct {
	FiscalYear int `json:"fiscalYear" jsonschema:"title=上年度"`
	// From 收入支出决算总表.
	IncomeTotal           Amount `json:"incomeTotal,omitzero" jsonschema:"title=本年收入合计"`
	ExpenditureTotal      Amount `json:"expenditureTotal,omitzero" jsonschema:"title=本年支出合计"`
	IncomeGrandTotal      Amount `json:"incomeGrandTotal,omitzero" jsonschema:"title=收入总计"`
	ExpenditureGrandTotal Amount `json:"expenditureGrandTotal,omitzero" jsonschema:"title=支出总计"`
	EndingBalance         Amount `json:"endingBalance,omitzero" jsonschema:"title=年末结转和结余"`
	// From 财政拨款收入支出决算总表.
	FiscalIncome        FundColumns `json:"fiscalIncome,omitzero" jsonschema:"title=财政拨款本年收入"`
	FiscalGrandTotal    Amount      `json:"fiscalGrandTotal,omitzero" jsonschema:"title=财政拨款收支总计"`
	FiscalEndingBalance FundColumns `json:"fiscalEndingBalance,omitzero" jsonschema:"title=年末财政拨款结转和结余"`
	// Other restated figures.
	GeneralBudgetExpenditure Amount             `json:"generalBudgetExpenditure,omitzero" jsonschema:"title=一般公共预算财政拨款支出"`
	ThreePublic              ThreePublicColumns `json:"threePublic,omitzero" jsonschema:"title=“三公”经费决算数"`
	OperatingCost            Amount             `json:"operatingCost,omitzero" jsonschema:"title=机关运行经费"`
	ProjectExpenditure       Amount             `json:"projectExpenditure,omitzero" jsonschema:"title=项目支出"`
}

// ErrFund is returned when decoding a fund name that is not one of the three.
var ErrFund = errors.New(`accounts: unknown fund (want "generalBudget", "govFund" or "stateCapital")`)

// Title returns the fund's Chinese name.
func (f Fund) Title() string {
	switch f {
	case GeneralBudgetFund:
		return "一般公共预算"
	case GovFundFund:
		return "政府性基金预算"
	case StateCapitalFund:
		return "国有资本经营预算"
	}
	return string(f)
}

// UnmarshalText accepts only the three fund names.
func (f *Fund) UnmarshalText(b []byte) error {
	switch v := Fund(b); v {
	case GeneralBudgetFund, GovFundFund, StateCapitalFund:
		*f = v
		return nil
	}
	return ErrFund
}
