package accounts

import "iter"

// Column names one amount column of a row or of a table part: its JSON name
// (the last token of its JSON Pointer) and its Chinese title.
type Column struct {
	Name  string // JSON name, e.g. "fiscal"; "" for a part whose figure sits at the part's own pointer
	Title string // Chinese title, e.g. 财政拨款收入
}

// ColumnSet is implemented by pointers to the columns types of the tables
// (IncomeColumns, ExpenditureColumns, FundColumns, EconomicColumns,
// SplitColumns, ThreePublicColumns, FundFlowColumns, BudgetColumns), by the
// rows that embed them, and by the single-amount rows. It lets rules and
// Calculate walk rows generically without reflection.
type ColumnSet interface {
	// Columns lists the amount columns in JSON order. The slice is shared:
	// do not modify it.
	Columns() []Column
	// At returns a pointer to the amount of column i (0 ≤ i < len(Columns())).
	At(i int) *Amount
}

// Amounts iterates over the columns of cs with a pointer to each amount.
func Amounts(cs ColumnSet) iter.Seq2[Column, *Amount] {
	return func(yield func(Column, *Amount) bool) {
		for i, col := range cs.Columns() {
			if !yield(col, cs.At(i)) {
				return
			}
		}
	}
}

var incomeColumns = []Column{
	{"total", "本年收入合计"},
	{"fiscal", "财政拨款收入"},
	{"superiorSubsidy", "上级补助收入"},
	{"business", "事业收入"},
	{"operating", "经营收入"},
	{"affiliated", "附属单位上缴收入"},
	{"other", "其他收入"},
}

// Columns lists the columns of 收入决算表.
func (*IncomeColumns) Columns() []Column { return incomeColumns }

// At returns column i.
func (c *IncomeColumns) At(i int) *Amount {
	switch i {
	case 0:
		return &c.Total
	case 1:
		return &c.Fiscal
	case 2:
		return &c.SuperiorSubsidy
	case 3:
		return &c.Business
	case 4:
		return &c.Operating
	case 5:
		return &c.Affiliated
	case 6:
		return &c.Other
	}
	panic(colRange(i))
}

var expenditureColumns = []Column{
	{"total", "本年支出合计"},
	{"basic", "基本支出"},
	{"project", "项目支出"},
	{"toSuperior", "上缴上级支出"},
	{"operating", "经营支出"},
	{"toAffiliated", "对附属单位补助支出"},
}

// Columns lists the columns of 支出决算表.
func (*ExpenditureColumns) Columns() []Column { return expenditureColumns }

// At returns column i.
func (c *ExpenditureColumns) At(i int) *Amount {
	switch i {
	case 0:
		return &c.Total
	case 1:
		return &c.Basic
	case 2:
		return &c.Project
	case 3:
		return &c.ToSuperior
	case 4:
		return &c.Operating
	case 5:
		return &c.ToAffiliated
	}
	panic(colRange(i))
}

var fundColumns = []Column{
	{"total", "合计"},
	{"generalBudget", "一般公共预算财政拨款"},
	{"govFund", "政府性基金预算财政拨款"},
	{"stateCapital", "国有资本经营预算财政拨款"},
}

// Columns lists the fund columns.
func (*FundColumns) Columns() []Column { return fundColumns }

// At returns column i.
func (c *FundColumns) At(i int) *Amount {
	switch i {
	case 0:
		return &c.Total
	case 1:
		return &c.GeneralBudget
	case 2:
		return &c.GovFund
	case 3:
		return &c.StateCapital
	}
	panic(colRange(i))
}

var economicColumns = []Column{
	{"total", "合计"},
	{"basic", "基本支出"},
	{"personnel", "人员经费"},
	{"public", "公用经费"},
	{"project", "项目支出"},
}

// Columns lists the columns of the economic-classification detail tables.
func (*EconomicColumns) Columns() []Column { return economicColumns }

// At returns column i.
func (c *EconomicColumns) At(i int) *Amount {
	switch i {
	case 0:
		return &c.Total
	case 1:
		return &c.Basic
	case 2:
		return &c.Personnel
	case 3:
		return &c.Public
	case 4:
		return &c.Project
	}
	panic(colRange(i))
}

var splitColumns = []Column{
	{"total", "合计"},
	{"basic", "基本支出"},
	{"project", "项目支出"},
}

// Columns lists 合计, 基本支出 and 项目支出.
func (*SplitColumns) Columns() []Column { return splitColumns }

// At returns column i.
func (c *SplitColumns) At(i int) *Amount {
	switch i {
	case 0:
		return &c.Total
	case 1:
		return &c.Basic
	case 2:
		return &c.Project
	}
	panic(colRange(i))
}

var threePublicColumns = []Column{
	{"total", "合计"},
	{"abroad", "因公出国（境）费"},
	{"vehicle", "公务用车购置及运行维护费"},
	{"vehiclePurchase", "公务用车购置费"},
	{"vehicleOperation", "公务用车运行维护费"},
	{"reception", "公务接待费"},
}

// Columns lists the 三公 items.
func (*ThreePublicColumns) Columns() []Column { return threePublicColumns }

// At returns column i.
func (c *ThreePublicColumns) At(i int) *Amount {
	switch i {
	case 0:
		return &c.Total
	case 1:
		return &c.Abroad
	case 2:
		return &c.Vehicle
	case 3:
		return &c.VehiclePurchase
	case 4:
		return &c.VehicleOperation
	case 5:
		return &c.Reception
	}
	panic(colRange(i))
}

var fundFlowColumns = []Column{
	{"beginningBalance", "年初结转和结余"},
	{"income", "本年收入"},
	{"expenditure", "本年支出合计"},
	{"basic", "基本支出"},
	{"project", "项目支出"},
	{"endingBalance", "年末结转和结余"},
}

// Columns lists the columns of the 政府性基金 and 国有资本经营 tables.
func (*FundFlowColumns) Columns() []Column { return fundFlowColumns }

// At returns column i.
func (c *FundFlowColumns) At(i int) *Amount {
	switch i {
	case 0:
		return &c.BeginningBalance
	case 1:
		return &c.Income
	case 2:
		return &c.Expenditure
	case 3:
		return &c.Basic
	case 4:
		return &c.Project
	case 5:
		return &c.EndingBalance
	}
	panic(colRange(i))
}

var budgetColumns = []Column{
	{"initialBudget", "年初预算数"},
	{"adjustedBudget", "调整预算数"},
	{"actual", "决算数"},
}

// Columns lists 年初预算数, 调整预算数 and 决算数.
func (*BudgetColumns) Columns() []Column { return budgetColumns }

// At returns column i.
func (c *BudgetColumns) At(i int) *Amount {
	switch i {
	case 0:
		return &c.InitialBudget
	case 1:
		return &c.AdjustedBudget
	case 2:
		return &c.Actual
	}
	panic(colRange(i))
}

var summaryIncomeColumns = []Column{
	{"generalBudget", "一、一般公共预算财政拨款收入"},
	{"govFund", "二、政府性基金预算财政拨款收入"},
	{"stateCapital", "三、国有资本经营预算财政拨款收入"},
	{"superiorSubsidy", "四、上级补助收入"},
	{"business", "五、事业收入"},
	{"operating", "六、经营收入"},
	{"affiliated", "七、附属单位上缴收入"},
	{"other", "八、其他收入"},
	{"total", "本年收入合计"},
	{"nonFiscalBalanceUsed", "使用非财政拨款结余"},
	{"beginningBalance", "年初结转和结余"},
	{"grandTotal", "总计"},
}

// Columns lists the lines of the income side of 收入支出决算总表.
func (*SummaryIncome) Columns() []Column { return summaryIncomeColumns }

// At returns line i.
func (c *SummaryIncome) At(i int) *Amount {
	switch i {
	case 0:
		return &c.GeneralBudget
	case 1:
		return &c.GovFund
	case 2:
		return &c.StateCapital
	case 3:
		return &c.SuperiorSubsidy
	case 4:
		return &c.Business
	case 5:
		return &c.Operating
	case 6:
		return &c.Affiliated
	case 7:
		return &c.Other
	case 8:
		return &c.Total
	case 9:
		return &c.NonFiscalBalanceUsed
	case 10:
		return &c.BeginningBalance
	case 11:
		return &c.GrandTotal
	}
	panic(colRange(i))
}

var summaryExpenditureColumns = []Column{
	{"total", "本年支出合计"},
	{"balanceDistribution", "结余分配"},
	{"endingBalance", "年末结转和结余"},
	{"grandTotal", "总计"},
}

// Columns lists the total lines of the expenditure side of 收入支出决算总表
// (its 类 rows are in Rows).
func (*SummaryExpenditure) Columns() []Column { return summaryExpenditureColumns }

// At returns line i.
func (c *SummaryExpenditure) At(i int) *Amount {
	switch i {
	case 0:
		return &c.Total
	case 1:
		return &c.BalanceDistribution
	case 2:
		return &c.EndingBalance
	case 3:
		return &c.GrandTotal
	}
	panic(colRange(i))
}

var amountColumns = []Column{{"amount", "决算数"}}

// Columns lists the single column of the row, "amount".
func (*FuncAmountRow) Columns() []Column { return amountColumns }

// At returns the row's amount (i must be 0).
func (r *FuncAmountRow) At(i int) *Amount {
	if i != 0 {
		panic(colRange(i))
	}
	return &r.Amount
}

// Columns lists the single column of the row, "amount".
func (*EconDeptRow) Columns() []Column { return amountColumns }

// At returns the row's amount (i must be 0).
func (r *EconDeptRow) At(i int) *Amount {
	if i != 0 {
		panic(colRange(i))
	}
	return &r.Amount
}

// bare is a single amount that sits at its part's own pointer, such as the
// 合计 of 一般公共预算财政拨款基本支出决算表 (/tables/generalBudgetBasic/total).
type bare Amount

var bareColumns = []Column{{"", "合计"}}

func (*bare) Columns() []Column { return bareColumns }

func (b *bare) At(i int) *Amount {
	if i != 0 {
		panic(colRange(i))
	}
	return (*Amount)(b)
}

type colRange int

func (i colRange) Error() string { return "accounts: column index out of range" }
