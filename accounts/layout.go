package accounts

import (
	"strings"
	"unsafe"

	"github.com/cnfiscal/juesuan/classification"
)

// Table titles in messages, from the declarations (TableLayout.Short).
var (
	titleSummary                 = LayoutOf("summary").Short
	titleIncome                  = LayoutOf("income").Short
	titleExpenditure             = LayoutOf("expenditure").Short
	titleFiscalSummary           = LayoutOf("fiscalSummary").Short
	titleGeneralBudget           = LayoutOf("generalBudget").Short
	titleGeneralBudgetBasic      = LayoutOf("generalBudgetBasic").Short
	titleThreePublic             = LayoutOf("threePublic").Short
	titleGovFundThreePublic      = LayoutOf("govFundThreePublic").Short
	titleGovFund                 = LayoutOf("govFund").Short
	titleStateCapital            = LayoutOf("stateCapital").Short
	titleStateCapitalExpenditure = LayoutOf("stateCapitalExpenditure").Short
	titleZ011                    = LayoutOf("z01_1").Short
	titleZ07                     = LayoutOf("z07").Short
	titleF03                     = LayoutOf("f03").Short
	titleZ01Actual               = shortOf("/tables/z01/actual")
)

// shortOf returns the title in messages of the (sub-)table at ptr.
func shortOf(ptr string) string {
	key, rest := splitPointer(ptr)
	for _, p := range LayoutOf(key).Parts {
		if strings.HasPrefix(p.Path, rest+"/") {
			return p.short
		}
	}
	return LayoutOf(key).Short
}

// splitPointer splits /tables/key/rest into key and /rest.
func splitPointer(ptr string) (key, rest string) {
	s := strings.TrimPrefix(ptr, "/tables/")
	if i := strings.IndexByte(s, '/'); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

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

// partAt sets *dst to the coded part whose rows are at ptr (such as
// /tables/income/rows), with its title, levels and 合计 as the layout
// declares them (see partSpec), and reports whether its table is present.
// dst is left alone when the table is absent.
func partAt[R any, C classification.Code, P rowPtr[R, C]](dst *part[R, C, P], t *Tables, ptr string) bool {
	sp := model.specs[ptr]
	if sp == nil {
		panic("accounts: no coded rows at " + ptr)
	}
	tv, ok := t.table(sp.key)
	if !ok {
		return false
	}
	rv, ok := follow(tv, sp.rows)
	if !ok {
		return false
	}
	// rv is addressable (it is reached through the table's pointer): read
	// the slice header in place rather than through an interface.
	*dst = part[R, C, P]{table: sp.pl.short, rows: *(*[]R)(unsafe.Pointer(rv.UnsafeAddr())), rowsAt: ptr, levels: sp.pl.Levels}
	if sp.total == nil {
		return true
	}
	v, _ := follow(tv, sp.total)
	dst.totalAt, dst.totalName = sp.totalAt, sp.totalName
	if sp.figure {
		dst.total = (*bare)(unsafe.Pointer(v.UnsafeAddr()))
	} else {
		dst.total = v.Addr().Interface().(ColumnSet)
	}
	return true
}

// summaryDoc is one 收入支出决算总表 of the document: the public table or a
// column of 财决Z01.
type summaryDoc struct {
	t     *SummaryTable
	title string
	base  string // JSON Pointer of the table
	rows  string // JSON Pointer of its expenditure rows
}

// The places a 收入支出决算总表 or a 财政拨款收入支出决算总表 may sit, with
// their titles in messages.
var (
	summaryAt = [...]summaryDoc{
		{nil, shortOf("/tables/summary"), "/tables/summary", "/tables/summary/expenditure/rows"},
		{nil, shortOf("/tables/z01/actual"), "/tables/z01/actual", "/tables/z01/actual/expenditure/rows"},
		{nil, shortOf("/tables/z01/budget"), "/tables/z01/budget", "/tables/z01/budget/expenditure/rows"},
	}
	fiscalAt = [...]fiscalDoc{
		{nil, titleFiscalSummary, "/tables/fiscalSummary", "/tables/fiscalSummary/expenditure/rows"},
		{nil, shortOf("/tables/z01_1/actual"), "/tables/z01_1/actual", "/tables/z01_1/actual/expenditure/rows"},
	}
)

// summaries appends the 收入支出决算总表 of the report that are present to
// out.
func (r *Report) summaries(out []summaryDoc) []summaryDoc {
	t := &r.Tables
	add := func(s *SummaryTable, at summaryDoc) {
		if s != nil {
			at.t = s
			out = append(out, at)
		}
	}
	add(t.Summary, summaryAt[0])
	if t.Z01 != nil {
		add(t.Z01.Actual, summaryAt[1])
		add(t.Z01.Budget, summaryAt[2])
	}
	return out
}

// fiscalDoc is one 财政拨款收入支出决算总表: the public table or 财决Z01-1.
type fiscalDoc struct {
	t     *FiscalSummaryTable
	title string
	base  string
	rows  string
}

// fiscals appends the 财政拨款收入支出决算总表 of the report that are present
// to out.
func (r *Report) fiscals(out []fiscalDoc) []fiscalDoc {
	t := &r.Tables
	if t.FiscalSummary != nil {
		f := fiscalAt[0]
		f.t = t.FiscalSummary
		out = append(out, f)
	}
	if t.Z011 != nil && t.Z011.Actual != nil {
		f := fiscalAt[1]
		f.t = t.Z011.Actual
		out = append(out, f)
	}
	return out
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

	// the storage of the lists above
	sumsBuf      [len(summaryAt)]summaryDoc
	fiscalsBuf   [len(fiscalAt)]fiscalDoc
	sumPartsBuf  [len(summaryAt)]summaryPart
	fiscPartsBuf [len(fiscalAt)]fiscalPart

	income                                incomePart
	expenditure                           expPart
	fiscalEconomic, generalBudgetEconomic economicPart
	generalBudget, stateCapitalExp        splitPart
	basic, project, z07                   deptPart
	govFund, stateCapital                 fundPart
	z011                                  budgetPart
}

// sumPart returns the part of the 收入支出决算总表 at base, which is present.
func (ps *partSet) sumPart(base string) *summaryPart {
	for i := range ps.sums {
		if ps.sums[i].base == base {
			return &ps.sumParts[i]
		}
	}
	panic("accounts: no 收入支出决算总表 at " + base)
}

// fiscalPart returns the part of the 财政拨款收入支出决算总表 at base, which
// is present.
func (ps *partSet) fiscalPart(base string) *fiscalPart {
	for i := range ps.fiscals {
		if ps.fiscals[i].base == base {
			return &ps.fiscalParts[i]
		}
	}
	panic("accounts: no 财政拨款收入支出决算总表 at " + base)
}

// parts returns the partSet of the call, building it on first use.
func (c *Context) parts() *partSet {
	if c.ps != nil {
		return c.ps
	}
	r := c.Report
	t := &r.Tables
	ps := &partSet{}
	c.ps = ps
	ps.sums = r.summaries(ps.sumsBuf[:0])
	ps.fiscals = r.fiscals(ps.fiscalsBuf[:0])
	ps.sumParts = ps.sumPartsBuf[:len(ps.sums)]
	for i := range ps.sums {
		partAt(&ps.sumParts[i], t, ps.sums[i].rows)
	}
	ps.fiscalParts = ps.fiscPartsBuf[:len(ps.fiscals)]
	for i := range ps.fiscals {
		partAt(&ps.fiscalParts[i], t, ps.fiscals[i].rows)
	}
	load(&ps.income, t, "/tables/income/rows")
	load(&ps.expenditure, t, "/tables/expenditure/rows")
	load(&ps.fiscalEconomic, t, "/tables/fiscalEconomic/rows")
	load(&ps.generalBudgetEconomic, t, "/tables/generalBudgetEconomic/rows")
	load(&ps.generalBudget, t, "/tables/generalBudget/rows")
	load(&ps.stateCapitalExp, t, "/tables/stateCapitalExpenditure/rows")
	load(&ps.basic, t, "/tables/generalBudgetBasic/rows")
	load(&ps.project, t, "/tables/generalBudgetProject/rows")
	load(&ps.z07, t, "/tables/z07/rows")
	load(&ps.govFund, t, "/tables/govFund/rows")
	load(&ps.stateCapital, t, "/tables/stateCapital/rows")
	load(&ps.z011, t, "/tables/z01_1/rows")
	return ps
}

// load sets *dst to the part at ptr, or leaves it zero when its table is
// absent.
func load[R any, C classification.Code, P rowPtr[R, C]](dst *part[R, C, P], t *Tables, ptr string) {
	partAt(dst, t, ptr)
}

// formula is a row identity between named columns of a column set:
// total = Σ plus − Σ minus. The names are resolved to column indices of
// the set's layout when the formula is made.
type formula struct {
	total       int
	plus, minus []int
	what        string // completes the message after the figure's label
	names       string // the identity as written
}

// identity returns the formula written in eq over the columns of T, such
// as "endingBalance = beginningBalance + income - expenditure" (JSON
// column names, spaces around the operators). It panics on a name T does
// not have.
func identity[T any](eq, what string) formula {
	l := layoutOf[T]()
	col := func(name string) int {
		i, ok := l.byKey[name]
		if !ok {
			panic("accounts: formula " + eq + ": no column " + name)
		}
		return i
	}
	total, rhs, _ := strings.Cut(eq, " = ")
	f := formula{total: col(total), what: what, names: eq}
	sign := "+"
	for _, tok := range strings.Fields(rhs) {
		switch {
		case tok == "+" || tok == "-":
			sign = tok
		case sign == "+":
			f.plus = append(f.plus, col(tok))
		default:
			f.minus = append(f.minus, col(tok))
		}
	}
	return f
}

var (
	incomeFormulas = []formula{identity[IncomeColumns]("total = fiscal + superiorSubsidy + business + operating + affiliated + other",
		"应等于财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入与其他收入之和")}
	expenditureFormulas = []formula{identity[ExpenditureColumns]("total = basic + project + toSuperior + operating + toAffiliated",
		"应等于基本支出、项目支出、上缴上级支出、经营支出与对附属单位补助支出之和")}
	splitFormulas    = []formula{identity[SplitColumns]("total = basic + project", "应等于基本支出与项目支出之和")}
	econTotalFormula = []formula{identity[EconomicColumns]("total = basic + project", "应等于基本支出与项目支出之和")}
	econBasicFormula = []formula{identity[EconomicColumns]("basic = personnel + public", "应等于人员经费与公用经费之和")}
	fundFormulas     = []formula{identity[FundColumns]("total = generalBudget + govFund + stateCapital",
		"应等于一般公共预算、政府性基金预算与国有资本经营预算财政拨款之和")}
	fundFlowFormulas = []formula{
		identity[FundFlowColumns]("expenditure = basic + project", "应等于基本支出与项目支出之和"),
		identity[FundFlowColumns]("endingBalance = beginningBalance + income - expenditure", "应等于年初结转和结余加本年收入减本年支出"),
	}
	threePublicFormulas = []formula{
		identity[ThreePublicColumns]("vehicle = vehiclePurchase + vehicleOperation", "应等于公务用车购置费与公务用车运行维护费之和"),
		identity[ThreePublicColumns]("total = abroad + vehicle + reception", "应等于因公出国（境）费、公务用车购置及运行维护费与公务接待费之和"),
	}
	summaryIncomeTotal = []formula{identity[SummaryIncome]("total = generalBudget + govFund + stateCapital + superiorSubsidy + business + operating + affiliated + other",
		"应等于一至八项收入之和")}
	summaryIncomeGrand = []formula{identity[SummaryIncome]("grandTotal = total + nonFiscalBalanceUsed + beginningBalance",
		"应等于本年收入合计、使用非财政拨款结余与年初结转和结余之和")}
	summaryExpGrand = []formula{identity[SummaryExpenditure]("grandTotal = total + balanceDistribution + endingBalance",
		"应等于本年支出合计、结余分配与年末结转和结余之和")}
)

// amountsAt appends the figures of columns ks of cs to dst.
func amountsAt(dst []Amount, cs ColumnSet, ks []int) []Amount {
	for _, k := range ks {
		dst = append(dst, *cs.At(k))
	}
	return dst
}

// checkFormulas checks the identities fs on cs, whose figures sit at base
// (a row or a line; the column's JSON name is appended) and are described by
// lb (the column's title is appended).
func (c *Context) checkFormulas(cs ColumnSet, fs []formula, base loc, lb label) {
	for i := range fs {
		f := &fs[i]
		s := exactSum{ok: true}
		for _, k := range f.plus {
			s.add(cs.At(k))
		}
		for _, k := range f.minus {
			s.sub(cs.At(k))
		}
		if s.equals(cs.At(f.total)) {
			c.checks++
			continue
		}
		l, b := base, lb
		col := cs.Columns()[f.total]
		l.col, b.col = col.Name, col.Title
		var plus, minus [12]Amount
		c.flow(l, b, f.what, *cs.At(f.total), amountsAt(plus[:0], cs, f.plus), amountsAt(minus[:0], cs, f.minus), func(dst []string) []string {
			cols := cs.Columns()
			for _, k := range append(append([]int{f.total}, f.plus...), f.minus...) {
				if !cs.At(k).IsSet() {
					m := base
					m.col = cols[k].Name
					dst = append(dst, m.String())
				}
			}
			return dst
		})
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
	var buf [32]Amount // the children's figures of one column (flow keeps none)
	check := func(parent int, kids []int32) {
		var cs ColumnSet
		var base loc
		var lb label
		if parent >= 0 {
			cs, base, lb = p.at(parent), rowAt(p.rowsAt, parent, ""), p.rowLabel(parent, "")
		} else {
			cs, base, lb = p.total, at(p.totalAt, ""), p.totalLabel("")
		}
		what := sumOfWord(len(p.code(int(kids[0]))))
		cols := cs.Columns()
		for ci := range cols {
			s := exactSum{ok: true}
			for _, kid := range kids {
				s.add(p.at(int(kid)).At(ci))
			}
			if s.equals(cs.At(ci)) {
				c.checks++
				continue
			}
			plus := buf[:0]
			for _, kid := range kids {
				plus = append(plus, *p.at(int(kid)).At(ci))
			}
			l, b := base, lb
			l.col, b.col = cols[ci].Name, cols[ci].Title
			if len(cols) == 1 {
				b.col = ""
			}
			c.flow(l, b, what, *cs.At(ci), plus, nil, func(dst []string) []string {
				if !cs.At(ci).IsSet() {
					dst = append(dst, l.String())
				}
				for _, kid := range kids {
					if !p.at(int(kid)).At(ci).IsSet() {
						dst = append(dst, rowAt(p.rowsAt, int(kid), cols[ci].Name).String())
					}
				}
				return dst
			})
		}
	}
	if c.Report.excerptOf(p.rowsAt) {
		if c.led != nil {
			c.skip(at(p.rowsAt, ""), SkipExcerpt, nil)
		}
		return
	}
	p.children(check)
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
