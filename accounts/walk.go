package accounts

import (
	"maps"
	"slices"

	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

var escape = audit.EscapeToken

// walker visits the figures of the tables. It counts the stated non-zero
// figures (B6, E1, E2), and reports the negative ones when negatives is
// set (A16).
type walker struct {
	c         *Context
	negatives bool
	z         nonZero // the stated non-zero figures
}

// one visits the figure at l.
func (w *walker) one(l loc, a *Amount) {
	if w.negatives {
		w.c.negative(l, a)
	}
	w.z.visit(l, a)
}

// cols visits the figures of a line; l is its pointer (col is set per
// figure).
func (w *walker) cols(l loc, cs ColumnSet) {
	for i, col := range cs.Columns() {
		l.col = col.Name
		w.one(l, cs.At(i))
	}
}

// walkRows visits the figures of rows; l is the pointer of the row list
// (row and col are set per figure).
func walkRows[R any, C classification.Code, P rowPtr[R, C]](w *walker, rows []R, l loc) {
	for i := range rows {
		l.row = i
		w.cols(l, P(&rows[i]))
	}
}

// tableID names a typed table by its position in tableKeys.
type tableID uint8

// The typed tables, in document order.
const (
	tSummary tableID = iota
	tIncome
	tExpenditure
	tFiscalSummary
	tFiscalEconomic
	tGeneralBudget
	tGeneralBudgetEconomic
	tGeneralBudgetBasic
	tGeneralBudgetProject
	tThreePublic
	tGovFund
	tGovFundThreePublic
	tStateCapital
	tStateCapitalExpenditure
	tZ01
	tZ011
	tZ07
	tF03
	numTables // the number of typed tables
)

// tableKeys are the JSON keys of the typed tables, by tableID.
var tableKeys = [numTables]string{
	tSummary: "summary", tIncome: "income", tExpenditure: "expenditure", tFiscalSummary: "fiscalSummary",
	tFiscalEconomic: "fiscalEconomic", tGeneralBudget: "generalBudget", tGeneralBudgetEconomic: "generalBudgetEconomic",
	tGeneralBudgetBasic: "generalBudgetBasic", tGeneralBudgetProject: "generalBudgetProject", tThreePublic: "threePublic",
	tGovFund: "govFund", tGovFundThreePublic: "govFundThreePublic", tStateCapital: "stateCapital",
	tStateCapitalExpenditure: "stateCapitalExpenditure", tZ01: "z01", tZ011: "z01_1", tZ07: "z07", tF03: "f03",
}

// key returns the table's JSON key.
func (id tableID) key() string { return tableKeys[id] }

// walkTable visits every amount of table id, if present. It reports
// whether the table is present.
func (t *Tables) walkTable(id tableID, w *walker) bool {
	switch id {
	case tSummary:
		if t.Summary == nil {
			return false
		}
		walkSummary(w, t.Summary, "/tables/summary")
	case tIncome:
		if t.Income == nil {
			return false
		}
		w.cols(at("/tables/income/total", ""), &t.Income.Total)
		walkRows[IncomeRow, classification.FuncCode](w, t.Income.Rows, at("/tables/income/rows", ""))
	case tExpenditure:
		if t.Expenditure == nil {
			return false
		}
		w.cols(at("/tables/expenditure/total", ""), &t.Expenditure.Total)
		walkRows[ExpenditureRow, classification.FuncCode](w, t.Expenditure.Rows, at("/tables/expenditure/rows", ""))
	case tFiscalSummary:
		if t.FiscalSummary == nil {
			return false
		}
		walkFiscal(w, t.FiscalSummary, "/tables/fiscalSummary")
	case tFiscalEconomic:
		if t.FiscalEconomic == nil {
			return false
		}
		walkEconomic(w, t.FiscalEconomic, "/tables/fiscalEconomic")
	case tGeneralBudget:
		if t.GeneralBudget == nil {
			return false
		}
		walkSplit(w, t.GeneralBudget, "/tables/generalBudget")
	case tGeneralBudgetEconomic:
		if t.GeneralBudgetEconomic == nil {
			return false
		}
		walkEconomic(w, t.GeneralBudgetEconomic, "/tables/generalBudgetEconomic")
	case tGeneralBudgetBasic:
		if t.GeneralBudgetBasic == nil {
			return false
		}
		walkDept(w, t.GeneralBudgetBasic, "/tables/generalBudgetBasic")
	case tGeneralBudgetProject:
		if t.GeneralBudgetProject == nil {
			return false
		}
		walkDept(w, t.GeneralBudgetProject, "/tables/generalBudgetProject")
	case tThreePublic:
		if t.ThreePublic == nil {
			return false
		}
		w.cols(at("/tables/threePublic/budget", ""), &t.ThreePublic.Budget)
		w.cols(at("/tables/threePublic/actual", ""), &t.ThreePublic.Actual)
	case tGovFund:
		if t.GovFund == nil {
			return false
		}
		w.cols(at("/tables/govFund/total", ""), &t.GovFund.Total)
		walkRows[FundFlowRow, classification.FuncCode](w, t.GovFund.Rows, at("/tables/govFund/rows", ""))
	case tGovFundThreePublic:
		if t.GovFundThreePublic == nil {
			return false
		}
		w.cols(at("/tables/govFundThreePublic/budget", ""), &t.GovFundThreePublic.Budget)
		w.cols(at("/tables/govFundThreePublic/actual", ""), &t.GovFundThreePublic.Actual)
	case tStateCapital:
		if t.StateCapital == nil {
			return false
		}
		w.cols(at("/tables/stateCapital/total", ""), &t.StateCapital.Total)
		walkRows[FundFlowRow, classification.FuncCode](w, t.StateCapital.Rows, at("/tables/stateCapital/rows", ""))
	case tStateCapitalExpenditure:
		if t.StateCapitalExpenditure == nil {
			return false
		}
		walkSplit(w, t.StateCapitalExpenditure, "/tables/stateCapitalExpenditure")
	case tZ01:
		if t.Z01 == nil {
			return false
		}
		if t.Z01.Actual != nil {
			walkSummary(w, t.Z01.Actual, "/tables/z01/actual")
		}
		if t.Z01.Budget != nil {
			walkSummary(w, t.Z01.Budget, "/tables/z01/budget")
		}
	case tZ011:
		if t.Z011 == nil {
			return false
		}
		if t.Z011.Actual != nil {
			walkFiscal(w, t.Z011.Actual, "/tables/z01_1/actual")
		}
		walkRows[BudgetRow, classification.FuncCode](w, t.Z011.Rows, at("/tables/z01_1/rows", ""))
	case tZ07:
		if t.Z07 == nil {
			return false
		}
		w.cols(at("/tables/z07/expenditure", ""), &t.Z07.Expenditure)
		w.one(at("/tables/z07/personnel", ""), &t.Z07.Personnel)
		w.one(at("/tables/z07/public", ""), &t.Z07.Public)
		walkRows[EconDeptRow, classification.EconDeptCode](w, t.Z07.Rows, at("/tables/z07/rows", ""))
	case tF03:
		if t.F03 == nil {
			return false
		}
		f := t.F03
		w.one(at("/tables/f03/threePublic/domesticReception", ""), &f.ThreePublic.DomesticReception)
		w.one(at("/tables/f03/threePublic/foreignAffairs", ""), &f.ThreePublic.ForeignAffairs)
		w.one(at("/tables/f03/threePublic/overseasReception", ""), &f.ThreePublic.OverseasReception)
		w.one(at("/tables/f03/operatingCost/amount", ""), &f.OperatingCost.Amount)
		p := &f.Procurement
		w.one(at("/tables/f03/procurement/total", ""), &p.Total)
		w.one(at("/tables/f03/procurement/goods", ""), &p.Goods)
		w.one(at("/tables/f03/procurement/works", ""), &p.Works)
		w.one(at("/tables/f03/procurement/services", ""), &p.Services)
		w.one(at("/tables/f03/procurement/awardedSME", ""), &p.AwardedSME)
		w.one(at("/tables/f03/procurement/awardedSmallMicro", ""), &p.AwardedSmallMicro)
		w.one(at("/tables/f03/procurement/reservedSME", ""), &p.ReservedSME)
	default:
		return false
	}
	return true
}

// The table walkers join a table's pointer and the path within it only
// when a finding is reported (loc.sub), so that a walk allocates nothing.

func walkSummary(w *walker, s *SummaryTable, base string) {
	w.cols(atSub(base, "/income", ""), &s.Income)
	walkRows[FuncAmountRow, classification.FuncCode](w, s.Expenditure.Rows, atSub(base, "/expenditure/rows", ""))
	w.cols(atSub(base, "/expenditure", ""), &s.Expenditure)
}

func walkFiscal(w *walker, f *FiscalSummaryTable, base string) {
	w.cols(atSub(base, "/income/current", ""), &f.Income.Current)
	w.cols(atSub(base, "/income/beginningBalance", ""), &f.Income.BeginningBalance)
	w.one(atSub(base, "/income/grandTotal", ""), &f.Income.GrandTotal)
	walkRows[FundRow, classification.FuncCode](w, f.Expenditure.Rows, atSub(base, "/expenditure/rows", ""))
	w.cols(atSub(base, "/expenditure/total", ""), &f.Expenditure.Total)
	w.cols(atSub(base, "/expenditure/endingBalance", ""), &f.Expenditure.EndingBalance)
	w.cols(atSub(base, "/expenditure/grandTotal", ""), &f.Expenditure.GrandTotal)
}

func walkEconomic(w *walker, t *EconomicTable, base string) {
	w.cols(atSub(base, "/total", ""), &t.Total)
	walkRows[EconomicRow, classification.EconGovCode](w, t.Rows, atSub(base, "/rows", ""))
}

func walkSplit(w *walker, t *SplitTable, base string) {
	w.cols(atSub(base, "/total", ""), &t.Total)
	walkRows[SplitRow, classification.FuncCode](w, t.Rows, atSub(base, "/rows", ""))
}

func walkDept(w *walker, t *EconDeptTable, base string) {
	walkRows[EconDeptRow, classification.EconDeptCode](w, t.Rows, atSub(base, "/rows", ""))
	w.one(atSub(base, "/personnel", ""), &t.Personnel)
	w.one(atSub(base, "/public", ""), &t.Public)
	w.one(atSub(base, "/total", ""), &t.Total)
}

// walkExtra visits every amount of the added table key.
func walkExtra(w *walker, key string, g *GenericTable) {
	base := "/tables/extra/" + escape(key)
	for _, k := range slices.Sorted(maps.Keys(g.Total)) {
		a := g.Total[k]
		w.one(at(base+"/total", k), &a)
	}
	for i := range g.Rows {
		r := &g.Rows[i]
		for _, k := range slices.Sorted(maps.Keys(r.Values)) {
			a := r.Values[k]
			w.one(loc{base: base + "/rows", row: i, col: "values/" + escape(k)}, &a)
		}
	}
}

// walkPrior visits every amount of the prior-year figures.
func walkPrior(w *walker, p *PriorYear) {
	w.one(at("/priorYear/incomeTotal", ""), &p.IncomeTotal)
	w.one(at("/priorYear/expenditureTotal", ""), &p.ExpenditureTotal)
	w.one(at("/priorYear/incomeGrandTotal", ""), &p.IncomeGrandTotal)
	w.one(at("/priorYear/expenditureGrandTotal", ""), &p.ExpenditureGrandTotal)
	w.one(at("/priorYear/endingBalance", ""), &p.EndingBalance)
	w.cols(at("/priorYear/fiscalIncome", ""), &p.FiscalIncome)
	w.one(at("/priorYear/fiscalGrandTotal", ""), &p.FiscalGrandTotal)
	w.cols(at("/priorYear/fiscalEndingBalance", ""), &p.FiscalEndingBalance)
	w.one(at("/priorYear/generalBudgetExpenditure", ""), &p.GeneralBudgetExpenditure)
	w.cols(at("/priorYear/threePublic", ""), &p.ThreePublic)
	w.one(at("/priorYear/operatingCost", ""), &p.OperatingCost)
	w.one(at("/priorYear/projectExpenditure", ""), &p.ProjectExpenditure)
}
