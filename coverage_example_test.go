package juesuan_test

import (
	"fmt"
	"os"

	"github.com/cnfiscal/juesuan"
)

// ExampleLintWith lists the numbers of the reference narrative that could
// not be checked, because the figure they restate is not stated, with
// their line and column, and a rule with nothing to check.
func ExampleLintWith() {
	d, err := juesuan.DecodeFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	d.Calculate()
	text, err := os.ReadFile("testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, cov, err := juesuan.LintWith(d, text, juesuan.LintOptions{Coverage: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rc := range cov.Rules {
		for _, s := range rc.Skipped {
			fmt.Printf("%s %d:%d %s %s%s\n", rc.Rule, s.Line, s.Column, s.Reason, s.Path, s.Fact)
		}
	}
	c20 := cov.Rule("C20")
	fmt.Println("C20", c20.Status+":", c20.Reason)
	g5 := cov.Rule("G5")
	fmt.Printf("G5 %d sections looked for, %d missing\n", g5.Ran, g5.Fired)
	// Output:
	// C4 28:75 absent fiscal.expenditure.total
	// C8 75:111 absent threePublic.reception
	// C20 idle: the 基本支出 table lists no 经济分类 rows
	// G5 15 sections looked for, 0 missing
}

// ExampleChecklistWith builds the 检查表 with the ledger it was decided
// from: the tables' rules (with the indicator rules P0–P11) and the
// narrative's. An item none of whose rules could check anything is 未核对
// with the ledger's reason.
func ExampleChecklistWith() {
	d, err := juesuan.DecodeFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	d.Calculate()
	items, _, cov, err := juesuan.ChecklistWith(d, nil, juesuan.ChecklistOptions{Coverage: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(items[3].ID, items[3].Status, items[3].Reasons)
	p6 := cov.Rule("P6")
	fmt.Printf("P6: %d ran, %d skipped (%s)\n", p6.Ran, len(p6.Skipped), p6.Skipped[0].Reason)
	// Output:
	// 4 未核对 [G2 未核对：table lists no rows: generalBudgetBasic]
	// P6: 4 ran, 14 skipped (unreadable)
}
