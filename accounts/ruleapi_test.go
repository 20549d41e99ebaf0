package accounts_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
)

// basicTotals is rule B5 written outside the package, with its exported
// API only: the 基本支出 of 一般公共预算财政拨款支出决算表's 合计 equals the
// 合计 of 一般公共预算财政拨款基本支出决算表.
func basicTotals(c *accounts.Context) {
	t := &c.Report.Tables
	if t.GeneralBudget == nil || t.GeneralBudgetBasic == nil {
		return
	}
	basic, general := accounts.LayoutOf("generalBudgetBasic").Short, accounts.LayoutOf("generalBudget").Short
	c.Same("/tables/generalBudgetBasic/total",
		accounts.Describe(basic, "合计", "")+"应等于"+accounts.Describe(general, "合计", "基本支出"),
		t.GeneralBudgetBasic.Total, t.GeneralBudget.Total.Basic)
}

// TestRuleOutside: a rule written with the exported API reports what the
// built-in B5 reports, finding for finding, on a match, on a mismatch of a
// cent (舍入差异 in 万元, an error in 元) and on one beyond rounding.
func TestRuleOutside(t *testing.T) {
	outside := accounts.Rule{Rule: audit.Rule{ID: "B5", Severity: audit.Error, Kind: audit.Inter, Title: "基本支出表间一致"}, Check: basicTotals}
	var builtin accounts.Rule
	for _, r := range accounts.Rules() {
		if r.ID == "B5" {
			builtin = r
		}
	}
	for _, tc := range []struct {
		unit  amount.Unit
		delta string
		n     int // findings expected
	}{{amount.TenThousandYuan, "0.00", 0}, {amount.TenThousandYuan, "0.01", 1}, {amount.TenThousandYuan, "5.00", 1}, {amount.Yuan, "0.01", 1}} {
		m := amount.MustParse
		r := accounts.Report{Unit: accounts.Unit{FiscalYear: 2020, AmountUnit: tc.unit}}
		r.Tables.GeneralBudget = &accounts.SplitTable{Total: accounts.SplitColumns{Total: m("30.00"), Basic: m("10.00"), Project: m("20.00")}}
		r.Tables.GeneralBudgetBasic = &accounts.EconDeptTable{Total: m("10.00").Add(m(tc.delta))}
		want := accounts.Validate(&r, accounts.Options{Rules: []accounts.Rule{builtin}})
		got := accounts.Validate(&r, accounts.Options{Rules: []accounts.Rule{outside}})
		if len(want) != tc.n {
			t.Fatalf("delta %s: B5 finds %d, want %d: %v", tc.delta, len(want), tc.n, want)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("delta %s (-built-in +outside):\n%s", tc.delta, d)
		}
	}
}
