package accounts

import (
	"iter"
	"reflect"
	"unsafe"
)

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

// The methods of the column sets below hold no layout of their own: they
// read the layout derived from the type's declaration (see model.go).

// Columns lists the columns of 收入决算表.
func (c *IncomeColumns) Columns() []Column { return incomeColumnsLayout.cols }

// At returns column i.
func (c *IncomeColumns) At(i int) *Amount { return incomeColumnsLayout.at(unsafe.Pointer(c), i) }

// Columns lists the columns of 支出决算表.
func (c *ExpenditureColumns) Columns() []Column { return expenditureColumnsLayout.cols }

// At returns column i.
func (c *ExpenditureColumns) At(i int) *Amount {
	return expenditureColumnsLayout.at(unsafe.Pointer(c), i)
}

// Columns lists the fund columns.
func (c *FundColumns) Columns() []Column { return fundColumnsLayout.cols }

// At returns column i.
func (c *FundColumns) At(i int) *Amount { return fundColumnsLayout.at(unsafe.Pointer(c), i) }

// Columns lists the columns of the economic-classification detail tables.
func (c *EconomicColumns) Columns() []Column { return economicColumnsLayout.cols }

// At returns column i.
func (c *EconomicColumns) At(i int) *Amount { return economicColumnsLayout.at(unsafe.Pointer(c), i) }

// Columns lists 合计, 基本支出 and 项目支出.
func (c *SplitColumns) Columns() []Column { return splitColumnsLayout.cols }

// At returns column i.
func (c *SplitColumns) At(i int) *Amount { return splitColumnsLayout.at(unsafe.Pointer(c), i) }

// Columns lists the 三公 items.
func (c *ThreePublicColumns) Columns() []Column { return threePublicColumnsLayout.cols }

// At returns column i.
func (c *ThreePublicColumns) At(i int) *Amount {
	return threePublicColumnsLayout.at(unsafe.Pointer(c), i)
}

// Columns lists the columns of the 政府性基金 and 国有资本经营 tables.
func (c *FundFlowColumns) Columns() []Column { return fundFlowColumnsLayout.cols }

// At returns column i.
func (c *FundFlowColumns) At(i int) *Amount { return fundFlowColumnsLayout.at(unsafe.Pointer(c), i) }

// Columns lists 年初预算数, 调整预算数 and 决算数.
func (c *BudgetColumns) Columns() []Column { return budgetColumnsLayout.cols }

// At returns column i.
func (c *BudgetColumns) At(i int) *Amount { return budgetColumnsLayout.at(unsafe.Pointer(c), i) }

// Columns lists the lines of the income side of 收入支出决算总表.
func (c *SummaryIncome) Columns() []Column { return summaryIncomeLayout.cols }

// At returns column i.
func (c *SummaryIncome) At(i int) *Amount { return summaryIncomeLayout.at(unsafe.Pointer(c), i) }

// Columns lists the total lines of the expenditure side of 收入支出决算总表 (its 类 rows are in Rows).
func (c *SummaryExpenditure) Columns() []Column { return summaryExpenditureLayout.cols }

// At returns column i.
func (c *SummaryExpenditure) At(i int) *Amount {
	return summaryExpenditureLayout.at(unsafe.Pointer(c), i)
}

// Columns lists the single column of the row, "amount".
func (c *FuncAmountRow) Columns() []Column { return funcAmountRowLayout.cols }

// At returns column i.
func (c *FuncAmountRow) At(i int) *Amount { return funcAmountRowLayout.at(unsafe.Pointer(c), i) }

// Columns lists the single column of the row, "amount".
func (c *EconDeptRow) Columns() []Column { return econDeptRowLayout.cols }

// At returns column i.
func (c *EconDeptRow) At(i int) *Amount { return econDeptRowLayout.at(unsafe.Pointer(c), i) }

// The layouts of the column sets, looked up once.
var (
	incomeColumnsLayout      = layoutOf[IncomeColumns]()
	expenditureColumnsLayout = layoutOf[ExpenditureColumns]()
	fundColumnsLayout        = layoutOf[FundColumns]()
	economicColumnsLayout    = layoutOf[EconomicColumns]()
	splitColumnsLayout       = layoutOf[SplitColumns]()
	threePublicColumnsLayout = layoutOf[ThreePublicColumns]()
	fundFlowColumnsLayout    = layoutOf[FundFlowColumns]()
	budgetColumnsLayout      = layoutOf[BudgetColumns]()
	summaryIncomeLayout      = layoutOf[SummaryIncome]()
	summaryExpenditureLayout = layoutOf[SummaryExpenditure]()
	funcAmountRowLayout      = layoutOf[FuncAmountRow]()
	econDeptRowLayout        = layoutOf[EconDeptRow]()
)

// columnsOf returns the columns of the struct p points to.
func columnsOf(p any) []Column { return model.lines[reflect.TypeOf(p).Elem()].cols }

// Column lists of the column sets the rules name, by column index.
var (
	fundColumns          = columnsOf((*FundColumns)(nil))
	summaryIncomeColumns = columnsOf((*SummaryIncome)(nil))
)

// bare is a single amount that sits at its part's own pointer, such as the
// 合计 of 一般公共预算财政拨款基本支出决算表 (/tables/generalBudgetBasic/total).
type bare Amount

var bareColumns = []Column{{Title: "合计", Header: []string{"合计"}}}

func (*bare) Columns() []Column { return bareColumns }

func (b *bare) At(i int) *Amount {
	if i != 0 {
		panic(colRange(i))
	}
	return (*Amount)(b)
}

type colRange int

func (i colRange) Error() string { return "accounts: column index out of range" }
