package accounts_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
)

// projectTotals is rule B8 written outside the package, with its exported
// API only: the 项目支出 of 一般公共预算财政拨款支出决算表's 合计 equals the
// 合计 of 一般公共预算财政拨款项目支出决算表.
func projectTotals(c *accounts.Context) {
	t := &c.Report.Tables
	if t.GeneralBudget == nil || t.GeneralBudgetProject == nil {
		return
	}
	project, general := accounts.LayoutOf("generalBudgetProject").Short, accounts.LayoutOf("generalBudget").Short
	c.Equal("/tables/generalBudgetProject/total",
		accounts.Describe(project, "合计", "")+"应等于"+accounts.Describe(general, "合计", "项目支出"),
		t.GeneralBudgetProject.Total, t.GeneralBudget.Total.Project)
}

// TestRuleOutside: a rule written with the exported API reports what the
// built-in B8 reports, finding for finding, on a mismatch beyond rounding
// and on one of a cent.
func TestRuleOutside(t *testing.T) {
	outside := accounts.Rule{Rule: audit.Rule{ID: "B8", Severity: audit.Error, Kind: audit.Inter, Title: "项目支出表间一致"}, Check: projectTotals}
	var builtin accounts.Rule
	for _, r := range accounts.Rules() {
		if r.ID == "B8" {
			builtin = r
		}
	}
	for _, delta := range []string{"0.01", "5.00"} {
		m := amount.MustParse
		r := accounts.Report{Unit: accounts.Unit{FiscalYear: 2020, AmountUnit: amount.TenThousandYuan}}
		r.Tables.GeneralBudget = &accounts.SplitTable{Total: accounts.SplitColumns{Total: m("30.00"), Basic: m("10.00"), Project: m("20.00")}}
		r.Tables.GeneralBudgetProject = &accounts.EconDeptTable{Total: m("20.00").Add(m(delta))}
		want := accounts.Validate(&r, accounts.Options{Rules: []accounts.Rule{builtin}})
		got := accounts.Validate(&r, accounts.Options{Rules: []accounts.Rule{outside}})
		if len(want) == 0 {
			t.Fatalf("delta %s: B8 finds nothing", delta)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("delta %s (-built-in +outside):\n%s", delta, d)
		}
	}
}
