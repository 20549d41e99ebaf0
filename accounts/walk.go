package accounts

import (
	"maps"
	"slices"

	"github.com/cnfiscal/juesuan/accounts/audit"
	"github.com/cnfiscal/juesuan/classification"
)

var escape = audit.EscapeToken

// visit is called with each amount of a table and its location.
type visit func(l loc, a *Amount)

func walkCols(base string, cs ColumnSet, fn visit) {
	for i, col := range cs.Columns() {
		fn(at(base, col.Name), cs.At(i))
	}
}

func walkRows[R any, C classification.Code, P rowPtr[R, C]](rows []R, rowsAt string, fn visit) {
	for i := range rows {
		r := P(&rows[i])
		for k, col := range r.Columns() {
			fn(rowAt(rowsAt, i, col.Name), r.At(k))
		}
	}
}

// tableKeys are the JSON keys of the typed tables, in document order.
var tableKeys = []string{
	"summary", "income", "expenditure", "fiscalSummary", "fiscalEconomic",
	"generalBudget", "generalBudgetEconomic", "generalBudgetBasic", "generalBudgetProject",
	"threePublic", "govFund", "govFundThreePublic", "stateCapital", "stateCapitalExpenditure",
	"z01", "z01_1", "z07", "f03",
}

// walkTable calls fn for every amount of the table key (a key of
// tableKeys), if present. It reports whether the table is present.
func (t *Tables) walkTable(key string, fn visit) bool {
	switch key {
	case "summary":
		if t.Summary == nil {
			return false
		}
		walkSummary(t.Summary, "/tables/summary", fn)
	case "income":
		if t.Income == nil {
			return false
		}
		walkCols("/tables/income/total", &t.Income.Total, fn)
		walkRows[IncomeRow, classification.FuncCode](t.Income.Rows, "/tables/income/rows", fn)
	case "expenditure":
		if t.Expenditure == nil {
			return false
		}
		walkCols("/tables/expenditure/total", &t.Expenditure.Total, fn)
		walkRows[ExpenditureRow, classification.FuncCode](t.Expenditure.Rows, "/tables/expenditure/rows", fn)
	case "fiscalSummary":
		if t.FiscalSummary == nil {
			return false
		}
		walkFiscal(t.FiscalSummary, "/tables/fiscalSummary", fn)
	case "fiscalEconomic":
		if t.FiscalEconomic == nil {
			return false
		}
		walkEconomic(t.FiscalEconomic, "/tables/fiscalEconomic", fn)
	case "generalBudget":
		if t.GeneralBudget == nil {
			return false
		}
		walkSplit(t.GeneralBudget, "/tables/generalBudget", fn)
	case "generalBudgetEconomic":
		if t.GeneralBudgetEconomic == nil {
			return false
		}
		walkEconomic(t.GeneralBudgetEconomic, "/tables/generalBudgetEconomic", fn)
	case "generalBudgetBasic":
		if t.GeneralBudgetBasic == nil {
			return false
		}
		walkDept(t.GeneralBudgetBasic, "/tables/generalBudgetBasic", fn)
	case "generalBudgetProject":
		if t.GeneralBudgetProject == nil {
			return false
		}
		walkDept(t.GeneralBudgetProject, "/tables/generalBudgetProject", fn)
	case "threePublic":
		if t.ThreePublic == nil {
			return false
		}
		walkCols("/tables/threePublic/budget", &t.ThreePublic.Budget, fn)
		walkCols("/tables/threePublic/actual", &t.ThreePublic.Actual, fn)
	case "govFund":
		if t.GovFund == nil {
			return false
		}
		walkCols("/tables/govFund/total", &t.GovFund.Total, fn)
		walkRows[FundFlowRow, classification.FuncCode](t.GovFund.Rows, "/tables/govFund/rows", fn)
	case "govFundThreePublic":
		if t.GovFundThreePublic == nil {
			return false
		}
		walkCols("/tables/govFundThreePublic/budget", &t.GovFundThreePublic.Budget, fn)
		walkCols("/tables/govFundThreePublic/actual", &t.GovFundThreePublic.Actual, fn)
	case "stateCapital":
		if t.StateCapital == nil {
			return false
		}
		walkCols("/tables/stateCapital/total", &t.StateCapital.Total, fn)
		walkRows[FundFlowRow, classification.FuncCode](t.StateCapital.Rows, "/tables/stateCapital/rows", fn)
	case "stateCapitalExpenditure":
		if t.StateCapitalExpenditure == nil {
			return false
		}
		walkSplit(t.StateCapitalExpenditure, "/tables/stateCapitalExpenditure", fn)
	case "z01":
		if t.Z01 == nil {
			return false
		}
		if t.Z01.Actual != nil {
			walkSummary(t.Z01.Actual, "/tables/z01/actual", fn)
		}
		if t.Z01.Budget != nil {
			walkSummary(t.Z01.Budget, "/tables/z01/budget", fn)
		}
	case "z01_1":
		if t.Z011 == nil {
			return false
		}
		if t.Z011.Actual != nil {
			walkFiscal(t.Z011.Actual, "/tables/z01_1/actual", fn)
		}
		walkRows[BudgetRow, classification.FuncCode](t.Z011.Rows, "/tables/z01_1/rows", fn)
	case "z07":
		if t.Z07 == nil {
			return false
		}
		walkCols("/tables/z07/expenditure", &t.Z07.Expenditure, fn)
		fn(at("/tables/z07/personnel", ""), &t.Z07.Personnel)
		fn(at("/tables/z07/public", ""), &t.Z07.Public)
		walkRows[EconDeptRow, classification.EconDeptCode](t.Z07.Rows, "/tables/z07/rows", fn)
	case "f03":
		if t.F03 == nil {
			return false
		}
		f := t.F03
		fn(at("/tables/f03/threePublic/domesticReception", ""), &f.ThreePublic.DomesticReception)
		fn(at("/tables/f03/threePublic/foreignAffairs", ""), &f.ThreePublic.ForeignAffairs)
		fn(at("/tables/f03/threePublic/overseasReception", ""), &f.ThreePublic.OverseasReception)
		fn(at("/tables/f03/operatingCost/amount", ""), &f.OperatingCost.Amount)
		p := &f.Procurement
		fn(at("/tables/f03/procurement/total", ""), &p.Total)
		fn(at("/tables/f03/procurement/goods", ""), &p.Goods)
		fn(at("/tables/f03/procurement/works", ""), &p.Works)
		fn(at("/tables/f03/procurement/services", ""), &p.Services)
		fn(at("/tables/f03/procurement/awardedSME", ""), &p.AwardedSME)
		fn(at("/tables/f03/procurement/awardedSmallMicro", ""), &p.AwardedSmallMicro)
		fn(at("/tables/f03/procurement/reservedSME", ""), &p.ReservedSME)
	default:
		return false
	}
	return true
}

func walkSummary(s *SummaryTable, base string, fn visit) {
	walkCols(base+"/income", &s.Income, fn)
	walkRows[FuncAmountRow, classification.FuncCode](s.Expenditure.Rows, base+"/expenditure/rows", fn)
	walkCols(base+"/expenditure", &s.Expenditure, fn)
}

func walkFiscal(f *FiscalSummaryTable, base string, fn visit) {
	walkCols(base+"/income/current", &f.Income.Current, fn)
	walkCols(base+"/income/beginningBalance", &f.Income.BeginningBalance, fn)
	fn(at(base+"/income/grandTotal", ""), &f.Income.GrandTotal)
	walkRows[FundRow, classification.FuncCode](f.Expenditure.Rows, base+"/expenditure/rows", fn)
	walkCols(base+"/expenditure/total", &f.Expenditure.Total, fn)
	walkCols(base+"/expenditure/endingBalance", &f.Expenditure.EndingBalance, fn)
	walkCols(base+"/expenditure/grandTotal", &f.Expenditure.GrandTotal, fn)
}

func walkEconomic(t *EconomicTable, base string, fn visit) {
	walkCols(base+"/total", &t.Total, fn)
	walkRows[EconomicRow, classification.EconGovCode](t.Rows, base+"/rows", fn)
}

func walkSplit(t *SplitTable, base string, fn visit) {
	walkCols(base+"/total", &t.Total, fn)
	walkRows[SplitRow, classification.FuncCode](t.Rows, base+"/rows", fn)
}

func walkDept(t *EconDeptTable, base string, fn visit) {
	walkRows[EconDeptRow, classification.EconDeptCode](t.Rows, base+"/rows", fn)
	fn(at(base+"/personnel", ""), &t.Personnel)
	fn(at(base+"/public", ""), &t.Public)
	fn(at(base+"/total", ""), &t.Total)
}

// walkExtra calls fn for every amount of the added table key.
func walkExtra(key string, g *GenericTable, fn visit) {
	base := "/tables/extra/" + escape(key)
	for _, k := range slices.Sorted(maps.Keys(g.Total)) {
		a := g.Total[k]
		fn(at(base+"/total", k), &a)
	}
	for i := range g.Rows {
		r := &g.Rows[i]
		for _, k := range slices.Sorted(maps.Keys(r.Values)) {
			a := r.Values[k]
			fn(loc{base: base + "/rows", row: i, col: "values/" + escape(k)}, &a)
		}
	}
}

// walkPrior calls fn for every amount of the prior-year figures.
func walkPrior(p *PriorYear, fn visit) {
	fn(at("/priorYear/incomeTotal", ""), &p.IncomeTotal)
	fn(at("/priorYear/expenditureTotal", ""), &p.ExpenditureTotal)
	fn(at("/priorYear/incomeGrandTotal", ""), &p.IncomeGrandTotal)
	fn(at("/priorYear/expenditureGrandTotal", ""), &p.ExpenditureGrandTotal)
	fn(at("/priorYear/endingBalance", ""), &p.EndingBalance)
	walkCols("/priorYear/fiscalIncome", &p.FiscalIncome, fn)
	fn(at("/priorYear/fiscalGrandTotal", ""), &p.FiscalGrandTotal)
	walkCols("/priorYear/fiscalEndingBalance", &p.FiscalEndingBalance, fn)
	fn(at("/priorYear/generalBudgetExpenditure", ""), &p.GeneralBudgetExpenditure)
	walkCols("/priorYear/threePublic", &p.ThreePublic, fn)
	fn(at("/priorYear/operatingCost", ""), &p.OperatingCost)
	fn(at("/priorYear/projectExpenditure", ""), &p.ProjectExpenditure)
}
