package sichuan2020

import (
	"slices"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/audit"
)

// rules is the rule configuration: the built-in accounts rules at their own
// severity and tolerance, the 公开完整性 rules G1–G4, and B8 and B9, which tie tables of the 14-table
// disclosure that other templates do not print (表九 项目支出决算表, 表五
// and 表七 the 经济分类明细表).
func rules() juesuan.RuleSet {
	return juesuan.RuleSet{Rules: slices.Concat(juesuan.AccountsRules(), Rules(), juesuan.DisclosureRules())}
}

// Rules returns the rules the profile adds to the built-in accounts rules:
// B8 and B9 (a fresh copy).
func Rules() []juesuan.Rule {
	return []juesuan.Rule{
		{Rule: audit.Rule{ID: "B8", Severity: audit.Error, Kind: audit.Inter,
			Title:       "项目支出表间一致",
			Description: "（四川）一般公共预算财政拨款支出决算表合计行项目支出 = 一般公共预算财政拨款项目支出决算表合计。" + acrossRounding,
			Source:      "[I]"}, Check: checkB8},
		{Rule: audit.Rule{ID: "B9", Severity: audit.Error, Kind: audit.Inter,
			Title:       "经济分类与功能分类合计一致",
			Description: "（四川）财政拨款支出决算明细表合计 = 财政拨款收入支出决算总表本年支出合计；一般公共预算财政拨款支出决算明细表合计、基本支出、项目支出 = 一般公共预算财政拨款支出决算表合计行。" + acrossRounding,
			Source:      "[I]"}, Check: checkB9},
	}
}

// short is the short title of table key in messages.
func short(key string) string { return accounts.LayoutOf(key).Short }

// The pointers and message heads of B8 and B9, put together once.
// acrossRounding ends the descriptions of B8 and B9, which compare the same
// quantity in two tables with Context.Same (the words of the built-in 表间
// rules).
const acrossRounding = "万元表逐格由元舍入，两表同一数额相差不超过0.01万元为舍入差异（提示），由计算补出的数按其所含舍入数个数k计（容差⌊k/2⌋×0.01万元），超出按本规则级别报告；以元为单位须完全相等。"

var (
	b8At      = audit.Pointer("tables", "generalBudgetProject", "total")
	b8Subject = accounts.Describe(short("generalBudgetProject"), "合计", "") + "应等于" + accounts.Describe(short("generalBudget"), "合计", "项目支出")
	b9At      = audit.Pointer("tables", "fiscalEconomic", "total", "total")
	b9Subject = accounts.Describe(short("fiscalEconomic"), "合计", "") + "应等于" + accounts.Describe(short("fiscalSummary"), "本年支出合计", "合计")
	// b9Columns are the columns of 一般公共预算财政拨款支出决算明细表's 合计
	// that B9 compares, with their pointers and message heads.
	b9Columns = func() (out [3]struct{ at, subject string }) {
		for i, col := range [3]struct{ name, title string }{{"total", "合计"}, {"basic", "基本支出"}, {"project", "项目支出"}} {
			out[i].at = audit.Pointer("tables", "generalBudgetEconomic", "total", col.name)
			out[i].subject = accounts.Describe(short("generalBudgetEconomic"), "合计", col.title) + "应等于" + accounts.Describe(short("generalBudget"), "合计", col.title)
		}
		return out
	}()
)

// checkB8 is rule B8: 一般公共预算财政拨款支出决算表 合计·项目支出 = 一般公共预算
// 财政拨款项目支出决算表 合计.
func checkB8(c *juesuan.Context) {
	t := &c.Report.Tables
	if t.GeneralBudget == nil || t.GeneralBudgetProject == nil {
		return
	}
	c.Same(b8At, b8Subject, t.GeneralBudgetProject.Total, t.GeneralBudget.Total.Project)
}

// checkB9 is rule B9: 财政拨款支出决算明细表 合计 = 财政拨款收入支出决算总表
// 本年支出合计, and each column of 一般公共预算财政拨款支出决算明细表's 合计 =
// that of 一般公共预算财政拨款支出决算表.
func checkB9(c *juesuan.Context) {
	t := &c.Report.Tables
	if t.FiscalEconomic != nil && t.FiscalSummary != nil {
		c.Same(b9At, b9Subject, t.FiscalEconomic.Total.Total, t.FiscalSummary.Expenditure.Total.Total)
	}
	if e, g := t.GeneralBudgetEconomic, t.GeneralBudget; e != nil && g != nil {
		for i, pair := range [3][2]accounts.Amount{
			{e.Total.Total, g.Total.Total},
			{e.Total.Basic, g.Total.Basic},
			{e.Total.Project, g.Total.Project},
		} {
			c.Same(b9Columns[i].at, b9Columns[i].subject, pair[0], pair[1])
		}
	}
}

// accountsOptions are the accounts options: 人员经费 are the default
// economic 类 (accounts.DefaultPersonnelClasses: 301 工资福利支出 and 303
// 对个人和家庭的补助), and no figure may be negative.
func accountsOptions() accounts.Options { return accounts.Options{} }
