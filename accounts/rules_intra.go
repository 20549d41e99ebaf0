package accounts

import (
	"github.com/cnfiscal/juesuan/classification"
)

// Checks of the 表内 rules A1–A15. Each runs on every table it applies to
// that is present; a figure that is absent is never treated as 0, so a
// comparison with an absent figure is skipped.

// summaryDocs returns the 收入支出决算总表 of the report.
func (c *Context) summaryDocs() []summaryDoc { return c.parts().sums }

// fiscalDocs returns the 财政拨款收入支出决算总表 of the report.
func (c *Context) fiscalDocs() []fiscalDoc { return c.parts().fiscals }

// A1 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余.
func checkA1(c *Context) {
	for _, s := range c.summaryDocs() {
		c.checkFormulas(&s.t.Income, summaryIncomeGrand, atSub(s.base, "/income", ""), label{table: s.title, line: "收入"})
	}
}

// A2 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
func checkA2(c *Context) {
	for _, s := range c.summaryDocs() {
		c.checkFormulas(&s.t.Expenditure, summaryExpGrand, atSub(s.base, "/expenditure", ""), label{table: s.title, line: "支出"})
	}
}

// A3 收入总计 = 支出总计.
func checkA3(c *Context) {
	for _, s := range c.summaryDocs() {
		c.sameIn(atSub(s.base, "/expenditure/grandTotal", ""), label{table: s.title, line: "支出总计"}, &s.t.Expenditure.GrandTotal,
			label{table: s.title, line: "收入总计"}, &s.t.Income.GrandTotal)
	}
}

// A4 本年收入合计 = Σ 一…八.
func checkA4(c *Context) {
	for _, s := range c.summaryDocs() {
		c.checkFormulas(&s.t.Income, summaryIncomeTotal, atSub(s.base, "/income", ""), label{table: s.title, line: "收入"})
	}
}

// A5 本年支出合计 = Σ 功能分类 类 rows, in 收入支出决算总表 and, column by
// column, in 财政拨款收入支出决算总表.
func checkA5(c *Context) {
	ps := c.parts()
	for i := range ps.sumParts {
		checkHierarchy(c, &ps.sumParts[i])
	}
	for i := range ps.fiscalParts {
		checkHierarchy(c, &ps.fiscalParts[i])
	}
}

// A6 收入决算表 each row: 本年收入合计 = Σ sources.
func checkA6(c *Context) {
	if c.Report.Tables.Income != nil {
		checkRows(c, &c.parts().income, incomeFormulas)
	}
}

// A7 支出决算表 each row: 本年支出合计 = Σ kinds.
func checkA7(c *Context) {
	if c.Report.Tables.Expenditure != nil {
		checkRows(c, &c.parts().expenditure, expenditureFormulas)
	}
}

// A8 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类 in 收入决算表, 支出决算表,
// 一般公共预算财政拨款支出决算表 and the economic-classification detail tables.
func checkA8(c *Context) {
	t, ps := &c.Report.Tables, c.parts()
	if t.Income != nil {
		checkHierarchy(c, &ps.income)
	}
	if t.Expenditure != nil {
		checkHierarchy(c, &ps.expenditure)
	}
	if t.GeneralBudget != nil {
		checkHierarchy(c, &ps.generalBudget)
	}
	if t.FiscalEconomic != nil {
		checkHierarchy(c, &ps.fiscalEconomic)
	}
	if t.GeneralBudgetEconomic != nil {
		checkHierarchy(c, &ps.generalBudgetEconomic)
	}
}

// A9 合计 = 基本支出 + 项目支出, each row of 一般公共预算财政拨款支出决算表 and of
// the economic detail tables, and in 财决07.
func checkA9(c *Context) {
	t, ps := &c.Report.Tables, c.parts()
	if t.GeneralBudget != nil {
		checkRows(c, &ps.generalBudget, splitFormulas)
	}
	if t.FiscalEconomic != nil {
		checkRows(c, &ps.fiscalEconomic, econTotalFormula)
	}
	if t.GeneralBudgetEconomic != nil {
		checkRows(c, &ps.generalBudgetEconomic, econTotalFormula)
	}
	if t.Z07 != nil {
		c.checkFormulas(&t.Z07.Expenditure, splitFormulas, at("/tables/z07/expenditure", ""), label{table: titleZ07, line: "一般公共预算财政拨款支出"})
	}
}

// A10 财政拨款收入支出决算总表 each line: 合计 = Σ funds.
func checkA10(c *Context) {
	ps := c.parts()
	for i, f := range ps.fiscals {
		in, ex := &f.t.Income, &f.t.Expenditure
		checkRows(c, &ps.fiscalParts[i], fundFormulas)
		c.checkFormulas(&in.Current, fundFormulas, atSub(f.base, "/income/current", ""), label{table: f.title, line: "本年收入"})
		c.checkFormulas(&in.BeginningBalance, fundFormulas, atSub(f.base, "/income/beginningBalance", ""), label{table: f.title, line: "年初财政拨款结转和结余"})
		c.checkFormulas(&ex.EndingBalance, fundFormulas, atSub(f.base, "/expenditure/endingBalance", ""), label{table: f.title, line: "年末财政拨款结转和结余"})
		c.checkFormulas(&ex.GrandTotal, fundFormulas, atSub(f.base, "/expenditure/grandTotal", ""), label{table: f.title, line: "支出总计"})
	}
}

// A11 财政拨款收入支出决算总表 each fund column: 年末 = 年初 + 本年收入 − 本年支出.
func checkA11(c *Context) {
	for _, f := range c.fiscalDocs() {
		in, ex := &f.t.Income, &f.t.Expenditure
		for i, col := range fundColumns {
			end, beg, cur, spent := ex.EndingBalance.At(i), in.BeginningBalance.At(i), in.Current.At(i), ex.Total.At(i)
			c.flow(atSub(f.base, "/expenditure/endingBalance", col.Name),
				label{table: f.title, line: "年末财政拨款结转和结余", col: col.Title},
				"应等于年初财政拨款结转和结余加本年收入减本年支出",
				*end, []Amount{*beg, *cur}, []Amount{*spent},
				func(dst []string) []string { return c.missingOf(dst, end, beg, cur, spent) })
		}
	}
}

// A12 财政拨款收入支出决算总表: 收入总计 = 年初 + 本年收入; 支出总计 = 本年支出
// + 年末 (each fund); 收入总计 = 支出总计.
func checkA12(c *Context) {
	for _, f := range c.fiscalDocs() {
		in, ex := &f.t.Income, &f.t.Expenditure
		c.sum(atSub(f.base, "/income/grandTotal", ""), label{table: f.title, line: "收入总计"},
			"应等于本年收入合计与年初财政拨款结转和结余之和", &in.GrandTotal, &in.Current.Total, &in.BeginningBalance.Total)
		for i, col := range fundColumns {
			c.sum(atSub(f.base, "/expenditure/grandTotal", col.Name), label{table: f.title, line: "支出总计", col: col.Title},
				"应等于本年支出合计与年末财政拨款结转和结余之和", ex.GrandTotal.At(i), ex.Total.At(i), ex.EndingBalance.At(i))
		}
		c.sameIn(atSub(f.base, "/expenditure/grandTotal", "total"), label{table: f.title, line: "支出总计", col: "合计"}, &ex.GrandTotal.Total,
			label{table: f.title, line: "收入总计"}, &in.GrandTotal)
	}
}

// A13 基本支出 = 人员经费 + 公用经费; 人员经费合计 = Σ personnel 类; 公用经费合计
// = Σ other 类; 类 = Σ 款; 合计 = Σ 类 = 人员经费 + 公用经费.
func checkA13(c *Context) {
	t, ps := &c.Report.Tables, c.parts()
	if t.GeneralBudgetBasic != nil {
		checkDept(c, t.GeneralBudgetBasic, &ps.basic, "/tables/generalBudgetBasic")
	}
	if t.GeneralBudgetProject != nil {
		checkDept(c, t.GeneralBudgetProject, &ps.project, "/tables/generalBudgetProject")
	}
	if t.Z07 != nil {
		checkHierarchy(c, &ps.z07)
		c.sum(at("/tables/z07/expenditure/basic", ""), label{table: titleZ07, line: "基本支出"}, "应等于人员经费与日常公用经费之和",
			&t.Z07.Expenditure.Basic, &t.Z07.Personnel, &t.Z07.Public)
	}
	if t.FiscalEconomic != nil {
		checkRows(c, &ps.fiscalEconomic, econBasicFormula)
	}
	if t.GeneralBudgetEconomic != nil {
		checkRows(c, &ps.generalBudgetEconomic, econBasicFormula)
	}
}

func checkDept(c *Context, t *EconDeptTable, p *deptPart, base string) {
	checkHierarchy(c, p)
	c.sum(atSub(base, "/total", ""), label{table: p.table, line: "合计"}, "应等于人员经费合计与公用经费合计之和", &t.Total, &t.Personnel, &t.Public)
	if c.Report.excerptOf(base) {
		// 人员经费合计 and 公用经费合计 are sums of the 类 rows too.
		if c.led != nil {
			c.skip(atSub(base, "/personnel", ""), SkipExcerpt, nil)
			c.skip(atSub(base, "/public", ""), SkipExcerpt, nil)
		}
		return
	}
	var persBuf, pubBuf [16]*Amount
	pers, pub, ok := deptSplit(c, p, persBuf[:0], pubBuf[:0], addressOf)
	if !ok {
		return
	}
	if len(pers) > 0 {
		c.sum(atSub(base, "/personnel", ""), label{table: p.table, line: "人员经费合计"}, "应等于人员经费各类之和", &t.Personnel, pers...)
	}
	if len(pub) > 0 {
		c.sum(atSub(base, "/public", ""), label{table: p.table, line: "公用经费合计"}, "应等于公用经费各类之和", &t.Public, pub...)
	}
}

// deptSplit appends the 类 amounts of a 基本/项目支出 table, whose part is
// p, to pers and pub, split into 人员经费 and 公用经费 classes. ok is false
// when a class that has 款 rows lacks its 类 row: then the split cannot be
// told. get gives what is appended for a row's amount: the value (the
// rules) or its address (Calculate).
func deptSplit[T any](c *Context, p *deptPart, pers, pub []T, get func(*Amount) T) (_, _ []T, ok bool) {
	// Every row that is not a 类 needs the row of its 类 (its first three
	// digits). In code order a code's 类 comes before it, and every code
	// in between starts with the 类, so the last 类 row seen is the only
	// one that can be it. A code shorter than a 类 has none.
	class := ""
	for _, i := range p.index().order {
		code := string(p.rows[i].Code)
		switch {
		case len(code) == 3:
			class = code
		case len(code) < 3 || code[:3] != class:
			return nil, nil, false
		}
	}
	for i := range p.rows {
		r := &p.rows[i]
		switch {
		case r.Code.Level() != classification.Class:
		case c.Options.isPersonnel(r.Code):
			pers = append(pers, get(&r.Amount))
		default:
			pub = append(pub, get(&r.Amount))
		}
	}
	return pers, pub, true
}

// addressOf is a itself.
func addressOf(a *Amount) *Amount { return a }

// A14 三公: 合计 = 出国 + 用车 + 接待; 用车小计 = 购置 + 运行维护 (预算数, 决算数).
func checkA14(c *Context) {
	t := &c.Report.Tables
	if t.ThreePublic != nil {
		checkThreePublic(c, t.ThreePublic, titleThreePublic, "/tables/threePublic")
	}
	if t.GovFundThreePublic != nil {
		checkThreePublic(c, t.GovFundThreePublic, titleGovFundThreePublic, "/tables/govFundThreePublic")
	}
}

func checkThreePublic(c *Context, t *ThreePublicTable, title, base string) {
	c.checkFormulas(&t.Budget, threePublicFormulas, atSub(base, "/budget", ""), label{table: title, line: "预算数"})
	c.checkFormulas(&t.Actual, threePublicFormulas, atSub(base, "/actual", ""), label{table: title, line: "决算数"})
}

// A15 政府性基金 / 国有资本经营: 年末 = 年初 + 收入 − 支出; 支出 = 基本 + 项目;
// 类 = Σ 款 … 合计 = Σ 类.
func checkA15(c *Context) {
	t, ps := &c.Report.Tables, c.parts()
	if t.GovFund != nil {
		checkRows(c, &ps.govFund, fundFlowFormulas)
		checkHierarchy(c, &ps.govFund)
	}
	if t.StateCapital != nil {
		checkRows(c, &ps.stateCapital, fundFlowFormulas)
		checkHierarchy(c, &ps.stateCapital)
	}
	if t.StateCapitalExpenditure != nil {
		checkRows(c, &ps.stateCapitalExp, splitFormulas)
		checkHierarchy(c, &ps.stateCapitalExp)
	}
}
