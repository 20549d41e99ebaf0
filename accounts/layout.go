package accounts

import "github.com/cnfiscal/juesuan/classification"

// Table titles, for messages.
const (
	titleSummary                 = "收入支出决算总表"
	titleIncome                  = "收入决算表"
	titleExpenditure             = "支出决算表"
	titleFiscalSummary           = "财政拨款收入支出决算总表"
	titleFiscalEconomic          = "财政拨款支出决算明细表（政府经济分类科目）"
	titleGeneralBudget           = "一般公共预算财政拨款支出决算表"
	titleGeneralBudgetEconomic   = "一般公共预算财政拨款支出决算明细表"
	titleGeneralBudgetBasic      = "一般公共预算财政拨款基本支出决算表"
	titleGeneralBudgetProject    = "一般公共预算财政拨款项目支出决算表"
	titleThreePublic             = "“三公”经费支出决算表"
	titleGovFund                 = "政府性基金预算财政拨款收入支出决算表"
	titleGovFundThreePublic      = "政府性基金预算财政拨款“三公”经费支出决算表"
	titleStateCapital            = "国有资本经营预算财政拨款收入支出决算表"
	titleStateCapitalExpenditure = "国有资本经营预算财政拨款支出决算表"
	titleZ01Actual               = "财决Z01表（决算数）"
	titleZ01Budget               = "财决Z01表（预算数）"
	titleZ011                    = "财决Z01-1表"
	titleZ07                     = "财决07表"
	titleF03                     = "财决附03表"
)

var (
	classOnly    = []classification.Level{classification.Class}
	classSection = []classification.Level{classification.Class, classification.Section}
)

type (
	incomePart   = part[IncomeRow, classification.FuncCode, *IncomeRow]
	expPart      = part[ExpenditureRow, classification.FuncCode, *ExpenditureRow]
	splitPart    = part[SplitRow, classification.FuncCode, *SplitRow]
	fundPart     = part[FundFlowRow, classification.FuncCode, *FundFlowRow]
	fiscalPart   = part[FundRow, classification.FuncCode, *FundRow]
	summaryPart  = part[FuncAmountRow, classification.FuncCode, *FuncAmountRow]
	budgetPart   = part[BudgetRow, classification.FuncCode, *BudgetRow]
	economicPart = part[EconomicRow, classification.EconGovCode, *EconomicRow]
	deptPart     = part[EconDeptRow, classification.EconDeptCode, *EconDeptRow]
)

func newIncomePart(t *IncomeTable) *incomePart {
	return &incomePart{table: titleIncome, rows: t.Rows, rowsAt: "/tables/income/rows",
		total: &t.Total, totalAt: "/tables/income/total", totalName: "合计"}
}

func newExpPart(t *ExpenditureTable) *expPart {
	return &expPart{table: titleExpenditure, rows: t.Rows, rowsAt: "/tables/expenditure/rows",
		total: &t.Total, totalAt: "/tables/expenditure/total", totalName: "合计"}
}

func newGeneralBudgetPart(t *SplitTable) *splitPart {
	return &splitPart{table: titleGeneralBudget, rows: t.Rows, rowsAt: "/tables/generalBudget/rows",
		total: &t.Total, totalAt: "/tables/generalBudget/total", totalName: "合计"}
}

func newStateCapitalExpPart(t *SplitTable) *splitPart {
	return &splitPart{table: titleStateCapitalExpenditure, rows: t.Rows, rowsAt: "/tables/stateCapitalExpenditure/rows",
		total: &t.Total, totalAt: "/tables/stateCapitalExpenditure/total", totalName: "合计"}
}

func newGovFundPart(t *FundTable) *fundPart {
	return &fundPart{table: titleGovFund, rows: t.Rows, rowsAt: "/tables/govFund/rows",
		total: &t.Total, totalAt: "/tables/govFund/total", totalName: "合计"}
}

func newStateCapitalPart(t *FundTable) *fundPart {
	return &fundPart{table: titleStateCapital, rows: t.Rows, rowsAt: "/tables/stateCapital/rows",
		total: &t.Total, totalAt: "/tables/stateCapital/total", totalName: "合计"}
}

func newFiscalEconomicPart(t *EconomicTable) *economicPart {
	return &economicPart{table: titleFiscalEconomic, rows: t.Rows, rowsAt: "/tables/fiscalEconomic/rows",
		total: &t.Total, totalAt: "/tables/fiscalEconomic/total", totalName: "合计", levels: classSection}
}

func newGeneralBudgetEconomicPart(t *EconomicTable) *economicPart {
	return &economicPart{table: titleGeneralBudgetEconomic, rows: t.Rows, rowsAt: "/tables/generalBudgetEconomic/rows",
		total: &t.Total, totalAt: "/tables/generalBudgetEconomic/total", totalName: "合计", levels: classSection}
}

func newBasicPart(t *EconDeptTable) *deptPart {
	return &deptPart{table: titleGeneralBudgetBasic, rows: t.Rows, rowsAt: "/tables/generalBudgetBasic/rows",
		total: (*bare)(&t.Total), totalAt: "/tables/generalBudgetBasic/total", totalName: "合计", levels: classSection}
}

func newProjectPart(t *EconDeptTable) *deptPart {
	return &deptPart{table: titleGeneralBudgetProject, rows: t.Rows, rowsAt: "/tables/generalBudgetProject/rows",
		total: (*bare)(&t.Total), totalAt: "/tables/generalBudgetProject/total", totalName: "合计", levels: classSection}
}

func newZ07Part(t *Z07Table) *deptPart {
	return &deptPart{table: titleZ07, rows: t.Rows, rowsAt: "/tables/z07/rows", levels: classSection}
}

func newZ011Part(t *Z011Table) *budgetPart {
	return &budgetPart{table: titleZ011, rows: t.Rows, rowsAt: "/tables/z01_1/rows"}
}

// summaryDoc is one 收入支出决算总表 of the document: the public table or a
// column of 财决Z01.
type summaryDoc struct {
	t     *SummaryTable
	title string
	base  string // JSON Pointer of the table
	rows  string // base + /expenditure/rows
	total string // base + /expenditure/total
}

// summaries lists the 收入支出决算总表 of the report that are present.
func (r *Report) summaries(buf []summaryDoc) []summaryDoc {
	t := &r.Tables
	if t.Summary != nil {
		buf = append(buf, summaryDoc{t.Summary, titleSummary, "/tables/summary", "/tables/summary/expenditure/rows", "/tables/summary/expenditure/total"})
	}
	if t.Z01 != nil && t.Z01.Actual != nil {
		buf = append(buf, summaryDoc{t.Z01.Actual, titleZ01Actual, "/tables/z01/actual", "/tables/z01/actual/expenditure/rows", "/tables/z01/actual/expenditure/total"})
	}
	if t.Z01 != nil && t.Z01.Budget != nil {
		buf = append(buf, summaryDoc{t.Z01.Budget, titleZ01Budget, "/tables/z01/budget", "/tables/z01/budget/expenditure/rows", "/tables/z01/budget/expenditure/total"})
	}
	return buf
}

func (s *summaryDoc) part() summaryPart {
	return summaryPart{table: s.title, rows: s.t.Expenditure.Rows, rowsAt: s.rows,
		total: (*bare)(&s.t.Expenditure.Total), totalAt: s.total, totalName: "本年支出合计", levels: classOnly}
}

// fiscalDoc is one 财政拨款收入支出决算总表: the public table or 财决Z01-1.
type fiscalDoc struct {
	t     *FiscalSummaryTable
	title string
	base  string
	rows  string
	total string
}

func (r *Report) fiscals(buf []fiscalDoc) []fiscalDoc {
	t := &r.Tables
	if t.FiscalSummary != nil {
		buf = append(buf, fiscalDoc{t.FiscalSummary, titleFiscalSummary, "/tables/fiscalSummary", "/tables/fiscalSummary/expenditure/rows", "/tables/fiscalSummary/expenditure/total"})
	}
	if t.Z011 != nil && t.Z011.Actual != nil {
		buf = append(buf, fiscalDoc{t.Z011.Actual, titleZ011, "/tables/z01_1/actual", "/tables/z01_1/actual/expenditure/rows", "/tables/z01_1/actual/expenditure/total"})
	}
	return buf
}

func (f *fiscalDoc) part() fiscalPart {
	return fiscalPart{table: f.title, rows: f.t.Expenditure.Rows, rowsAt: f.rows,
		total: &f.t.Expenditure.Total, totalAt: f.total, totalName: "本年支出合计", levels: classOnly}
}

// partSet holds the 总表 and the coded parts of the report's tables for
// one Validate call. It is built when a rule first asks (Context.parts)
// and shared by the rules after it, so that each part builds its code
// index once per call. The rules inspect the report without changing it,
// so the set stays valid for the call. A part whose table is absent is
// zero and unused: the rules test the table first.
type partSet struct {
	sums        []summaryDoc
	fiscals     []fiscalDoc
	sumParts    []summaryPart // the parts of sums, in order
	fiscalParts []fiscalPart  // the parts of fiscals, in order

	income                                incomePart
	expenditure                           expPart
	fiscalEconomic, generalBudgetEconomic economicPart
	generalBudget, stateCapitalExp        splitPart
	basic, project, z07                   deptPart
	govFund, stateCapital                 fundPart
	z011                                  budgetPart
}

// parts returns the partSet of the call, building it on first use.
func (c *Context) parts() *partSet {
	if c.ps != nil {
		return c.ps
	}
	ps := &partSet{}
	c.ps = ps
	r := c.Report
	t := &r.Tables
	ps.sums = r.summaries(nil)
	for i := range ps.sums {
		ps.sumParts = append(ps.sumParts, ps.sums[i].part())
	}
	ps.fiscals = r.fiscals(nil)
	for i := range ps.fiscals {
		ps.fiscalParts = append(ps.fiscalParts, ps.fiscals[i].part())
	}
	if t.Income != nil {
		ps.income = *newIncomePart(t.Income)
	}
	if t.Expenditure != nil {
		ps.expenditure = *newExpPart(t.Expenditure)
	}
	if t.FiscalEconomic != nil {
		ps.fiscalEconomic = *newFiscalEconomicPart(t.FiscalEconomic)
	}
	if t.GeneralBudgetEconomic != nil {
		ps.generalBudgetEconomic = *newGeneralBudgetEconomicPart(t.GeneralBudgetEconomic)
	}
	if t.GeneralBudget != nil {
		ps.generalBudget = *newGeneralBudgetPart(t.GeneralBudget)
	}
	if t.StateCapitalExpenditure != nil {
		ps.stateCapitalExp = *newStateCapitalExpPart(t.StateCapitalExpenditure)
	}
	if t.GeneralBudgetBasic != nil {
		ps.basic = *newBasicPart(t.GeneralBudgetBasic)
	}
	if t.GeneralBudgetProject != nil {
		ps.project = *newProjectPart(t.GeneralBudgetProject)
	}
	if t.Z07 != nil {
		ps.z07 = *newZ07Part(t.Z07)
	}
	if t.GovFund != nil {
		ps.govFund = *newGovFundPart(t.GovFund)
	}
	if t.StateCapital != nil {
		ps.stateCapital = *newStateCapitalPart(t.StateCapital)
	}
	if t.Z011 != nil {
		ps.z011 = *newZ011Part(t.Z011)
	}
	return ps
}

// formula is a row identity: column total = Σ plus − Σ minus.
type formula struct {
	total       int
	plus, minus []int
	what        string // completes the message after the figure's label
}

// newFormula returns the identity total = Σ plus − Σ minus.
func newFormula(total int, plus, minus []int, what string) formula {
	return formula{total: total, plus: plus, minus: minus, what: what}
}

var (
	incomeFormulas = []formula{newFormula(0, []int{1, 2, 3, 4, 5, 6}, nil,
		"应等于财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入与其他收入之和")}
	expenditureFormulas = []formula{newFormula(0, []int{1, 2, 3, 4, 5}, nil,
		"应等于基本支出、项目支出、上缴上级支出、经营支出与对附属单位补助支出之和")}
	splitFormulas    = []formula{newFormula(0, []int{1, 2}, nil, "应等于基本支出与项目支出之和")}
	econTotalFormula = []formula{newFormula(0, []int{1, 4}, nil, "应等于基本支出与项目支出之和")}
	econBasicFormula = []formula{newFormula(1, []int{2, 3}, nil, "应等于人员经费与公用经费之和")}
	fundFormulas     = []formula{newFormula(0, []int{1, 2, 3}, nil,
		"应等于一般公共预算、政府性基金预算与国有资本经营预算财政拨款之和")}
	fundFlowFormulas = []formula{
		newFormula(2, []int{3, 4}, nil, "应等于基本支出与项目支出之和"),
		newFormula(5, []int{0, 1}, []int{2}, "应等于年初结转和结余加本年收入减本年支出"),
	}
	threePublicFormulas = []formula{
		newFormula(2, []int{3, 4}, nil, "应等于公务用车购置费与公务用车运行维护费之和"),
		newFormula(0, []int{1, 2, 5}, nil, "应等于因公出国（境）费、公务用车购置及运行维护费与公务接待费之和"),
	}
	summaryIncomeTotal = []formula{newFormula(8, []int{0, 1, 2, 3, 4, 5, 6, 7}, nil, "应等于一至八项收入之和")}
	summaryIncomeGrand = []formula{newFormula(11, []int{8, 9, 10}, nil, "应等于本年收入合计、使用非财政拨款结余与年初结转和结余之和")}
	summaryExpGrand    = []formula{newFormula(3, []int{0, 1, 2}, nil, "应等于本年支出合计、结余分配与年末结转和结余之和")}
)

// amountsAt returns the figures of columns ks of cs.
func amountsAt(cs ColumnSet, ks []int) []Amount {
	out := make([]Amount, len(ks))
	for i, k := range ks {
		out[i] = *cs.At(k)
	}
	return out
}

// checkFormulas checks the identities fs on cs, whose figures sit at base
// (a row or a line; the column's JSON name is appended) and are described by
// lb (the column's title is appended).
func (c *Context) checkFormulas(cs ColumnSet, fs []formula, base loc, lb label) {
	cols := cs.Columns()
	for i := range fs {
		f := &fs[i]
		l, b := base, lb
		l.col, b.col = cols[f.total].Name, cols[f.total].Title
		c.flow(l, b, f.what, *cs.At(f.total), amountsAt(cs, f.plus), amountsAt(cs, f.minus))
	}
}

// checkRows checks fs on every row of p and on its 合计.
func checkRows[R any, C classification.Code, P rowPtr[R, C]](c *Context, p *part[R, C, P], fs []formula) {
	for i := range p.rows {
		c.checkFormulas(p.at(i), fs, rowAt(p.rowsAt, i, ""), p.rowLabel(i, ""))
	}
	if p.total != nil {
		c.checkFormulas(p.total, fs, at(p.totalAt, ""), p.totalLabel(""))
	}
}

// checkHierarchy checks that every listed parent equals the sum of its
// listed children, column by column: 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类.
func checkHierarchy[R any, C classification.Code, P rowPtr[R, C]](c *Context, p *part[R, C, P]) {
	p.children(func(parent int, kids []int) {
		cs, base, lb := p.total, at(p.totalAt, ""), p.totalLabel("")
		if parent >= 0 {
			cs, base, lb = p.at(parent), rowAt(p.rowsAt, parent, ""), p.rowLabel(parent, "")
		}
		what := sumOfWord(len(p.code(kids[0])))
		cols := cs.Columns()
		for ci := range cols {
			plus := make([]Amount, len(kids))
			for k, kid := range kids {
				plus[k] = *p.at(kid).At(ci)
			}
			l, b := base, lb
			l.col, b.col = cols[ci].Name, cols[ci].Title
			if len(cols) == 1 {
				b.col = ""
			}
			c.flow(l, b, what, *cs.At(ci), plus, nil)
		}
	})
}

// sumOfWord completes a message about a parent whose children have n digits.
func sumOfWord(n int) string {
	switch n {
	case 3:
		return "应等于各类之和"
	case 5:
		return "应等于其下各款之和"
	case 7:
		return "应等于其下各项之和"
	}
	return "应等于其下各级之和"
}
