package narrative_test

import (
	"fmt"

	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// Lint a 说明 against the figures of its tables: the amount is right, the
// share is truncated instead of rounded, and a template alternative was
// never chosen.
func ExampleLinter_Lint() {
	facts := &narrative.Facts{Year: 2024, Unit: amount.TenThousandYuan, Items: []narrative.Fact{
		{ID: "summary.expenditure.total", Title: "本年支出合计",
			Value: narrative.Figure{Amount: amount.MustParse("1180.00"), Path: "/tables/summary/expenditure/total"}},
		{ID: "expenditure.basic", Title: "基本支出", Whole: "summary.expenditure.total",
			Value: narrative.Figure{Amount: amount.MustParse("900.00"), Path: "/tables/expenditure/total/basic"},
			Prior: narrative.Figure{Amount: amount.MustParse("1000.00"), Path: "/priorYear/basic"}},
	}}
	text := "三、支出决算情况说明\n" +
		"本年支出合计1,180.00万元，其中：基本支出900.00万元，占76.26%，比上年增加（减少）100.00万元。\n"
	l, err := narrative.New(sichuan2020.Patterns()) // the patterns of a profile's template
	if err != nil {
		fmt.Println(err)
		return
	}
	findings, err := l.Lint([]byte(text), facts)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%d:%d %s %s %s\n", f.Line, f.Column, f.Severity, f.Rule, f.Message)
	}
	// Output:
	// 2:35 error C3 占比与金额不符：基本支出900.00万元÷1180.00万元×100=76.27%，文中为76.26%
	// 2:45 error C11 模板备选词未选定：“增加（减少）”
}
