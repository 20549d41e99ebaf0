package shaanxi2020

import (
	"fmt"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// rules runs the Sichuan template's rules (the built-in accounts rules, B8
// and B9) and SX1, and switches B8 off: B8 ties 表九 (项目支出决算表) to the
// other tables in a way the Sichuan template prints and this example does
// not claim for Shaanxi.
func rules() juesuan.RuleSet {
	list := append(juesuan.AccountsRules(), sichuan2020.Rules()...)
	list = append(list, juesuan.Rule{
		Rule: audit.Rule{ID: "SX1", Severity: audit.Error, Kind: audit.Intra,
			Title:       "“三公”经费及会议费、培训费合计",
			Description: "每一行的合计等于因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费、会议费与培训费之和。",
			Source:      "[I] 陕西2020公开表表样"},
		Check: checkMeetingTotals,
	})
	return juesuan.RuleSet{Rules: list, Disabled: []string{"B8"}}
}

// checkMeetingTotals is rule SX1: 合计 = Σ parts in every row of the added
// table, with the profile's rounding-aware tolerance.
func checkMeetingTotals(c *juesuan.Context) {
	d := c.Document
	t := d.Tables.Extra[MeetingTable]
	if t == nil {
		return // rule S1 reports the missing table
	}
	for i, row := range t.Rows {
		addends := make([]amount.Amount, len(Parts))
		for j, col := range Parts {
			addends[j] = row.Values[col.Key]
		}
		total := row.Values["total"]
		cmp := c.Tolerance().CompareSum(d.Unit.AmountUnit, total, addends...)
		path := audit.Pointer("tables", "extra", MeetingTable, "rows", i, "values", "total")
		switch cmp.Outcome {
		case amount.Mismatch:
			c.Add(audit.Finding{Path: path,
				Message:  fmt.Sprintf("%s合计为%s，各项之和为%s，相差%s", row.Name, total, cmp.Sum, cmp.Diff),
				Expected: cmp.Sum.String(), Actual: total.String()})
		case amount.Rounding:
			c.Add(audit.Finding{Severity: audit.Info, Path: path,
				Message:  fmt.Sprintf("%s合计为%s，各项之和为%s，舍入差异%s", row.Name, total, cmp.Sum, cmp.Diff),
				Expected: cmp.Sum.String(), Actual: total.String()})
		}
	}
}
