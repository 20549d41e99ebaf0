package accounts

import (
	"strconv"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

// Checks of the 表间 rules B1–B13 (B8 and B9 are in profiles/sichuan2020). A rule runs when the tables it relates
// are present; each comparison needs both figures stated.

// B1 收入支出决算总表 本年收入合计 = 收入决算表 合计·本年收入合计.
func checkB1(c *Context) {
	t := &c.Report.Tables
	if t.Summary == nil || t.Income == nil {
		return
	}
	c.same(at("/tables/income/total/total", ""), label{table: titleIncome, line: "合计", col: "本年收入合计"}, &t.Income.Total.Total,
		label{table: titleSummary, line: "本年收入合计"}, &t.Summary.Income.Total)
}

// B2 收入支出决算总表 本年支出合计 = 支出决算表 合计·本年支出合计.
func checkB2(c *Context) {
	t := &c.Report.Tables
	if t.Summary == nil || t.Expenditure == nil {
		return
	}
	c.same(at("/tables/expenditure/total/total", ""), label{table: titleExpenditure, line: "合计", col: "本年支出合计"}, &t.Expenditure.Total.Total,
		label{table: titleSummary, line: "本年支出合计"}, &t.Summary.Expenditure.Total)
}

// B3 收入决算表 合计·财政拨款收入 = 财政拨款收入支出决算总表 本年收入合计 =
// 收入支出决算总表 一 + 二 + 三; each fund line of the two 总表 agrees.
func checkB3(c *Context) {
	t := &c.Report.Tables
	fiscal := label{table: titleIncome, line: "合计", col: "财政拨款收入"}
	if t.Income != nil && t.FiscalSummary != nil {
		c.same(at("/tables/income/total/fiscal", ""), fiscal, &t.Income.Total.Fiscal,
			label{table: titleFiscalSummary, line: "本年收入合计"}, &t.FiscalSummary.Income.Current.Total)
	}
	if t.Income != nil && t.Summary != nil {
		s := &t.Summary.Income
		c.sum(at("/tables/income/total/fiscal", ""), fiscal, "应等于收入支出决算总表一、二、三项财政拨款收入之和",
			&t.Income.Total.Fiscal, &s.GeneralBudget, &s.GovFund, &s.StateCapital)
	}
	if t.Summary != nil && t.FiscalSummary != nil {
		s, f := &t.Summary.Income, &t.FiscalSummary.Income.Current
		for i, a := range []*Amount{&s.GeneralBudget, &s.GovFund, &s.StateCapital} {
			col := fundColumns[i+1]
			c.same(at("/tables/fiscalSummary/income/current", col.Name), label{table: titleFiscalSummary, line: "本年收入", col: col.Title}, f.At(i+1),
				label{table: titleSummary, line: summaryIncomeColumns[i].Title}, a)
		}
	}
}

// B4 财政拨款收入支出决算总表 一般公共预算 本年支出合计 = 一般公共预算财政拨款支出决算表 合计.
func checkB4(c *Context) {
	t := &c.Report.Tables
	if t.FiscalSummary == nil || t.GeneralBudget == nil {
		return
	}
	c.same(at("/tables/generalBudget/total/total", ""), label{table: titleGeneralBudget, line: "合计"}, &t.GeneralBudget.Total.Total,
		label{table: titleFiscalSummary, line: "本年支出合计", col: "一般公共预算财政拨款"}, &t.FiscalSummary.Expenditure.Total.GeneralBudget)
}

// B5 一般公共预算财政拨款支出决算表 合计·基本支出 = 基本支出决算表 合计.
func checkB5(c *Context) {
	t := &c.Report.Tables
	if t.GeneralBudget == nil || t.GeneralBudgetBasic == nil {
		return
	}
	c.same(at("/tables/generalBudgetBasic/total", ""), label{table: titleGeneralBudgetBasic, line: "合计"}, &t.GeneralBudgetBasic.Total,
		label{table: titleGeneralBudget, line: "合计", col: "基本支出"}, &t.GeneralBudget.Total.Basic)
}

// fundZero reports whether the fiscal summary shows fund column i as nil:
// its 支出总计 is a stated 0, or 本年收入, 年初, 本年支出 and 年末 are all
// stated 0s.
func fundZero(f *FiscalSummaryTable, i int) bool {
	if g := f.Expenditure.GrandTotal.At(i); g.IsNil() {
		return true
	}
	return f.Income.Current.At(i).IsNil() && f.Income.BeginningBalance.At(i).IsNil() &&
		f.Expenditure.Total.At(i).IsNil() && f.Expenditure.EndingBalance.At(i).IsNil()
}

// B6 a fund column of 0 in 财政拨款收入支出决算总表 means that fund's tables
// have no figures.
func checkB6(c *Context) {
	t := &c.Report.Tables
	if t.FiscalSummary == nil {
		return
	}
	for _, g := range []struct {
		col    int
		tables []string
	}{{2, []string{"govFund", "govFundThreePublic"}}, {3, []string{"stateCapital", "stateCapitalExpenditure"}}} {
		c.checks++
		if !fundZero(t.FiscalSummary, g.col) {
			continue
		}
		for _, k := range g.tables {
			c.checks++
			z, _, present := c.tableNonZero(k)
			if !present || z.n == 0 {
				continue
			}
			title, _, _ := t.noteOf(k)
			first := z.first(c)
			c.Add(audit.Finding{Path: first,
				Message: titleFiscalSummary + "中" + fundColumns[g.col].Title + "为0，" + title + "应无数据并加说明，但表中有" +
					strconv.Itoa(z.n) + "个非零数，" + first + "为" + z.a.String() + string(c.Unit()),
				Expected: "0", Actual: z.a.String()})
		}
	}
}

// B7 财政拨款收入支出决算总表 fund columns = the fund tables' 合计.
func checkB7(c *Context) {
	t := &c.Report.Tables
	f := t.FiscalSummary
	if f != nil {
		for _, g := range []struct {
			col   int
			table *FundTable
			title string
			base  string
		}{{2, t.GovFund, titleGovFund, "/tables/govFund/total/"}, {3, t.StateCapital, titleStateCapital, "/tables/stateCapital/total/"}} {
			if g.table == nil {
				continue
			}
			fund := fundColumns[g.col].Title
			tt := &g.table.Total
			c.same(atSub(g.base, "beginningBalance", ""), label{table: g.title, line: "合计", col: "年初结转和结余"}, &tt.BeginningBalance,
				label{table: titleFiscalSummary, line: "年初财政拨款结转和结余", col: fund}, f.Income.BeginningBalance.At(g.col))
			c.same(atSub(g.base, "income", ""), label{table: g.title, line: "合计", col: "本年收入"}, &tt.Income,
				label{table: titleFiscalSummary, line: "本年收入", col: fund}, f.Income.Current.At(g.col))
			c.same(atSub(g.base, "expenditure", ""), label{table: g.title, line: "合计", col: "本年支出合计"}, &tt.Expenditure,
				label{table: titleFiscalSummary, line: "本年支出合计", col: fund}, f.Expenditure.Total.At(g.col))
			c.same(atSub(g.base, "endingBalance", ""), label{table: g.title, line: "合计", col: "年末结转和结余"}, &tt.EndingBalance,
				label{table: titleFiscalSummary, line: "年末财政拨款结转和结余", col: fund}, f.Expenditure.EndingBalance.At(g.col))
		}
		if s := t.StateCapitalExpenditure; s != nil {
			c.same(at("/tables/stateCapitalExpenditure/total/total", ""), label{table: titleStateCapitalExpenditure, line: "合计"}, &s.Total.Total,
				label{table: titleFiscalSummary, line: "本年支出合计", col: fundColumns[3].Title}, &f.Expenditure.Total.StateCapital)
		}
	}
	if s, k := t.StateCapitalExpenditure, t.StateCapital; s != nil && k != nil {
		c.same(at("/tables/stateCapitalExpenditure/total/basic", ""), label{table: titleStateCapitalExpenditure, line: "合计", col: "基本支出"}, &s.Total.Basic,
			label{table: titleStateCapital, line: "合计", col: "基本支出"}, &k.Total.Basic)
		c.same(at("/tables/stateCapitalExpenditure/total/project", ""), label{table: titleStateCapitalExpenditure, line: "合计", col: "项目支出"}, &s.Total.Project,
			label{table: titleStateCapital, line: "合计", col: "项目支出"}, &k.Total.Project)
	}
}

// threePublicLines are the 部门预算支出经济分类 款 that hold 三公 spending, by
// ThreePublicColumns column.
var threePublicLines = []struct {
	col  string
	code classification.EconDeptCode
}{{"abroad", "30212"}, {"vehiclePurchase", "31013"}, {"vehicleOperation", "30231"}, {"reception", "30217"}}

// B10 三公 决算 ≥ the 三公 economic lines of the 基本支出 (and 项目支出) tables.
func checkB10(c *Context) {
	t := &c.Report.Tables
	tp := t.ThreePublic
	if tp == nil || t.GeneralBudgetBasic == nil {
		return
	}
	var sum Amount
	n := 0
	for _, ln := range threePublicLines {
		a, ok := econLine(t.GeneralBudgetBasic, ln.code)
		if !ok {
			continue
		}
		if t.GeneralBudgetProject != nil {
			if b, ok := econLine(t.GeneralBudgetProject, ln.code); ok {
				a = a.Add(b)
			}
		}
		if n == 0 {
			sum = a
		} else {
			sum = sum.Add(a)
		}
		n++
		c.atLeast(ln.col, *get(&tp.Actual, ln.col), a, string(ln.code))
	}
	if n > 0 {
		c.atLeast("total", tp.Actual.Total, sum, "30212、30217、30231、31013")
	}
}

// econLine returns the amount of 款 code in a 基本/项目支出 table.
func econLine(t *EconDeptTable, code classification.EconDeptCode) (Amount, bool) {
	for i := range t.Rows {
		if t.Rows[i].Code == code && t.Rows[i].Amount.IsSet() {
			return t.Rows[i].Amount, true
		}
	}
	return Amount{}, false
}

func (c *Context) atLeast(key string, actual, floor Amount, codes string) {
	col := Column{Name: key, Title: titleOf(&ThreePublicColumns{}, key)}
	if !actual.IsSet() || !floor.IsSet() {
		if c.led != nil {
			c.skip(at("/tables/threePublic/actual/"+col.Name, ""), SkipAbsent, func(dst []string) []string {
				return append(dst, "/tables/threePublic/actual/"+col.Name)
			})
		}
		return
	}
	c.checks++
	if actual.Cmp(floor) >= 0 {
		return
	}
	u := string(c.Unit())
	c.Add(audit.Finding{Path: "/tables/threePublic/actual/" + col.Name,
		Message: titleThreePublic + " 决算数·" + col.Title + "为" + actual.String() + u + "，小于基本支出（及项目支出）决算表中经济分类" +
			codes + "合计" + floor.String() + u + "；“三公”经费决算数应不小于这些科目之和",
		Expected: "≥" + floor.String(), Actual: actual.String()})
}

// B11 internal 财决 tables agree with the public ones.
func checkB11(c *Context) {
	t := &c.Report.Tables
	if t.Z01 != nil && t.Z01.Actual != nil && t.Summary != nil {
		sameCols(c, "/tables/z01/actual/income", label{table: titleZ01Actual, line: "收入"}, &t.Z01.Actual.Income,
			label{table: titleSummary, line: "收入"}, &t.Summary.Income)
		sameCols(c, "/tables/z01/actual/expenditure", label{table: titleZ01Actual, line: "支出"}, &t.Z01.Actual.Expenditure,
			label{table: titleSummary, line: "支出"}, &t.Summary.Expenditure)
		ps := c.parts()
		sameRows(c, ps.sumPart("/tables/z01/actual"), ps.sumPart("/tables/summary"))
	}
	if t.Z011 != nil && t.Z011.Actual != nil && t.FiscalSummary != nil {
		z, f := t.Z011.Actual, t.FiscalSummary
		sameCols(c, "/tables/z01_1/actual/income/current", label{table: titleZ011, line: "本年收入"}, &z.Income.Current, label{table: titleFiscalSummary, line: "本年收入"}, &f.Income.Current)
		sameCols(c, "/tables/z01_1/actual/income/beginningBalance", label{table: titleZ011, line: "年初财政拨款结转和结余"}, &z.Income.BeginningBalance, label{table: titleFiscalSummary, line: "年初财政拨款结转和结余"}, &f.Income.BeginningBalance)
		c.same(at("/tables/z01_1/actual/income/grandTotal", ""), label{table: titleZ011, line: "收入总计"}, &z.Income.GrandTotal,
			label{table: titleFiscalSummary, line: "收入总计"}, &f.Income.GrandTotal)
		sameCols(c, "/tables/z01_1/actual/expenditure/total", label{table: titleZ011, line: "本年支出合计"}, &z.Expenditure.Total, label{table: titleFiscalSummary, line: "本年支出合计"}, &f.Expenditure.Total)
		sameCols(c, "/tables/z01_1/actual/expenditure/endingBalance", label{table: titleZ011, line: "年末财政拨款结转和结余"}, &z.Expenditure.EndingBalance, label{table: titleFiscalSummary, line: "年末财政拨款结转和结余"}, &f.Expenditure.EndingBalance)
		sameCols(c, "/tables/z01_1/actual/expenditure/grandTotal", label{table: titleZ011, line: "支出总计"}, &z.Expenditure.GrandTotal, label{table: titleFiscalSummary, line: "支出总计"}, &f.Expenditure.GrandTotal)
		ps := c.parts()
		sameRows(c, ps.fiscalPart("/tables/z01_1/actual"), ps.fiscalPart("/tables/fiscalSummary"))
	}
	if t.Z011 != nil && len(t.Z011.Rows) > 0 {
		checkZ011Rows(c, t)
	}
	if z := t.Z07; z != nil {
		if t.GeneralBudget != nil {
			sameCols(c, "/tables/z07/expenditure", label{table: titleZ07, line: "一般公共预算财政拨款支出"}, &z.Expenditure, label{table: titleGeneralBudget, line: "合计"}, &t.GeneralBudget.Total)
		}
		if b := t.GeneralBudgetBasic; b != nil {
			c.same(at("/tables/z07/personnel", ""), label{table: titleZ07, line: "人员经费"}, &z.Personnel,
				label{table: titleGeneralBudgetBasic, line: "人员经费合计"}, &b.Personnel)
			c.same(at("/tables/z07/public", ""), label{table: titleZ07, line: "日常公用经费"}, &z.Public,
				label{table: titleGeneralBudgetBasic, line: "公用经费合计"}, &b.Public)
			ps := c.parts()
			sameRows(c, &ps.z07, &ps.basic)
		}
	}
	if f := t.F03; f != nil {
		if t.ThreePublic != nil {
			s := &f.ThreePublic
			c.sum(at("/tables/threePublic/actual/reception", ""), label{table: titleThreePublic, line: "决算数", col: "公务接待费"},
				"应等于财决附03表国内公务接待费与国（境）外公务接待费之和",
				&t.ThreePublic.Actual.Reception, &s.DomesticReception, &s.OverseasReception)
		}
		if t.Z07 != nil {
			// 机关运行经费 “应与财决07表保持一致” (2017 numbering, S3). It is
			// the 日常公用经费 of 行政单位 and 参公事业单位 only, so a
			// difference is a warning to be explained, not an error.
			oc, pub := &f.OperatingCost.Amount, &t.Z07.Public
			r := c.Tolerance().CompareRounded(c.Unit(), oc.Rounded()+pub.Rounded(), *oc, *pub)
			if r.Outcome != amount.Incomplete {
				c.checks++
			} else if c.led != nil {
				c.skipPair(at("/tables/f03/operatingCost/amount", ""), oc, pub)
			}
			switch r.Outcome {
			case amount.Rounding:
				c.reportRounding(c.sumFinding(r, at("/tables/f03/operatingCost/amount", ""),
					label{table: titleF03, line: "机关运行经费"}.String()+"应与"+label{table: titleZ07, line: "日常公用经费"}.String()+"一致",
					f.OperatingCost.Amount, true))
			case amount.Mismatch:
				fd := c.sumFinding(r, at("/tables/f03/operatingCost/amount", ""),
					label{table: titleF03, line: "机关运行经费"}.String()+"应与"+label{table: titleZ07, line: "日常公用经费"}.String()+"一致",
					f.OperatingCost.Amount, false)
				c.report(audit.Warning, fd)
			}
		}
	}
}

// sameCols compares every column stated in both sets; la and lb describe
// the lines (their col is set per column).
func sameCols(c *Context, base string, la label, a ColumnSet, lb label, b ColumnSet) {
	cols := a.Columns()
	for i, col := range cols {
		la.col, lb.col = col.Title, col.Title
		c.same(at(base, col.Name), la, a.At(i), lb, b.At(i))
	}
}

// sameRows compares the rows of a with the first row of b that has the
// same code, column by column.
func sameRows[R any, C classification.Code, P rowPtr[R, C]](c *Context, a, b *part[R, C, P]) {
	for i := range a.rows {
		j := b.find(string(a.code(i)))
		if j < 0 {
			continue
		}
		ra, rb := a.at(i), b.at(j)
		cols := ra.Columns()
		for k, col := range cols {
			lb := a.rowLabel(i, col.Title)
			ob := b.rowLabel(j, col.Title)
			if len(cols) == 1 {
				lb.col, ob.col = "", ""
			}
			c.same(rowAt(a.rowsAt, i, col.Name), lb, ra.At(k), ob, rb.At(k))
		}
	}
}

// checkZ011Rows compares the 决算数 of each 财决Z01-1 row with the public
// table of its fund: 一般公共预算 → 一般公共预算财政拨款支出决算表 合计,
// 政府性基金 → 政府性基金 table 本年支出合计, 国有资本经营 → 国有资本经营 table.
func checkZ011Rows(c *Context, t *Tables) {
	ps := c.parts()
	z := t.Z011
	for i := range z.Rows {
		r := &z.Rows[i]
		code := string(r.Code)
		var other *Amount
		var ob label
		switch {
		case r.Fund == GeneralBudgetFund && t.GeneralBudget != nil:
			p := &ps.generalBudget
			j := p.find(code)
			if j < 0 {
				continue
			}
			other, ob = &p.rows[j].Total, p.rowLabel(j, "合计")
		case r.Fund == GovFundFund && t.GovFund != nil:
			p := &ps.govFund
			j := p.find(code)
			if j < 0 {
				continue
			}
			other, ob = &p.rows[j].Expenditure, p.rowLabel(j, "本年支出合计")
		case r.Fund == StateCapitalFund && t.StateCapital != nil:
			p := &ps.stateCapital
			j := p.find(code)
			if j < 0 {
				continue
			}
			other, ob = &p.rows[j].Expenditure, p.rowLabel(j, "本年支出合计")
		default:
			continue
		}
		c.same(rowAt("/tables/z01_1/rows", i, "actual"), label{table: titleZ011, code: code, name: r.Name, col: "决算数"}, &r.Actual, ob, other)
	}
}

// B12 收入支出决算总表 function 类 = 支出决算表 类·本年支出合计; 财政拨款收入支出
// 决算总表 fund columns by 类 = the fund tables' 类 rows.
func checkB12(c *Context) {
	t, ps := &c.Report.Tables, c.parts()
	if t.Summary != nil && t.Expenditure != nil {
		s := &t.Summary.Expenditure
		e := &ps.expenditure
		for i := range s.Rows {
			if j := e.find(string(s.Rows[i].Code)); j >= 0 {
				c.same(rowAt("/tables/summary/expenditure/rows", i, "amount"), label{table: titleSummary, code: string(s.Rows[i].Code), name: s.Rows[i].Name},
					&s.Rows[i].Amount, e.rowLabel(j, "本年支出合计"), &e.rows[j].Total)
			}
		}
	}
	f := t.FiscalSummary
	if f == nil {
		return
	}
	fp := &fiscalPart{table: titleFiscalSummary, rows: f.Expenditure.Rows}
	for i := range f.Expenditure.Rows {
		r := &f.Expenditure.Rows[i]
		code := string(r.Code)
		if p := &ps.generalBudget; t.GeneralBudget != nil {
			if j := p.find(code); j >= 0 {
				c.same(rowAt("/tables/fiscalSummary/expenditure/rows", i, "generalBudget"), fp.rowLabel(i, fundColumns[1].Title), &r.GeneralBudget,
					p.rowLabel(j, "合计"), &p.rows[j].Total)
			}
		}
		if p := &ps.govFund; t.GovFund != nil {
			if j := p.find(code); j >= 0 {
				c.same(rowAt("/tables/fiscalSummary/expenditure/rows", i, "govFund"), fp.rowLabel(i, fundColumns[2].Title), &r.GovFund,
					p.rowLabel(j, "本年支出合计"), &p.rows[j].Expenditure)
			}
		}
		if p := &ps.stateCapital; t.StateCapital != nil {
			if j := p.find(code); j >= 0 {
				c.same(rowAt("/tables/fiscalSummary/expenditure/rows", i, "stateCapital"), fp.rowLabel(i, fundColumns[3].Title), &r.StateCapital,
					p.rowLabel(j, "本年支出合计"), &p.rows[j].Expenditure)
			}
		}
	}
}

// B13 年初结转和结余 = last year's 年末结转和结余.
func checkB13(c *Context) {
	p := c.Report.PriorYear
	if p == nil || (p.FiscalYear != 0 && c.Report.Unit.FiscalYear != 0 && p.FiscalYear != c.Report.Unit.FiscalYear-1) {
		return
	}
	t := &c.Report.Tables
	// the prior year's title is only formatted for a finding
	prior := func() string { return "上年（" + strconv.Itoa(c.Report.Unit.FiscalYear-1) + "年度）" }
	if t.Summary != nil {
		c.same(at("/tables/summary/income/beginningBalance", ""), label{table: titleSummary, line: "年初结转和结余"}, &t.Summary.Income.BeginningBalance,
			label{table: prior(), line: "年末结转和结余"}, &p.EndingBalance)
	}
	if t.FiscalSummary != nil {
		for i, col := range fundColumns {
			a, b := t.FiscalSummary.Income.BeginningBalance.At(i), p.FiscalEndingBalance.At(i)
			c.same(at("/tables/fiscalSummary/income/beginningBalance", col.Name), label{table: titleFiscalSummary, line: "年初财政拨款结转和结余", col: col.Title},
				a, label{table: prior(), line: "年末财政拨款结转和结余", col: col.Title}, b)
		}
	}
}
