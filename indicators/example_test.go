package indicators_test

import (
	"fmt"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/indicators"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

func ExampleParseValue() {
	for _, s := range []string{"30万元", "12期/年", "90%左右", "≥95%", "全年", "每年劝返率达90%左右。"} {
		v := indicators.ParseValue(s)
		switch {
		case v.IsPeriod():
			fmt.Printf("%s: period %s\n", s, v.Period)
		case v.OK:
			fmt.Printf("%s: number %s, unit %q, comparator %q\n", s, v.Number, v.Unit, v.Comparator)
		default:
			fmt.Printf("%s: text\n", s)
		}
	}
	// Output:
	// 30万元: number 30, unit "万元", comparator ""
	// 12期/年: number 12, unit "期/年", comparator ""
	// 90%左右: number 90, unit "%", comparator "≈"
	// ≥95%: number 95, unit "%", comparator "≥"
	// 全年: period 全年
	// 每年劝返率达90%左右。: text
}

func ExampleLookupFramework() {
	f, err := indicators.LookupFramework(sichuan2020.FrameworkID)
	if err != nil {
		panic(err)
	}
	// The 评价结论 table prints shortened names and a line break.
	ref, err := f.Resolve("项目效益", "经济效益\n指标")
	fmt.Println(ref.L1.Name, ref.L2.Name, ref.L1.Dimension, ref.L2.Aspect, err)

	_, err = f.Resolve("项目完成指标", "经济效益指标")
	fmt.Println(err)

	m, _ := indicators.LookupMapping(sichuan2020.FrameworkID, indicators.National)
	fmt.Println(m.Map("项目完成", "成本指标"))
	// Output:
	// 项目效益指标 经济效益指标 效益 经济效益 <nil>
	// 框架 sichuan-2020 中二级指标“经济效益指标”属于一级指标“项目效益指标”，不属于“项目完成指标”
	// 产出指标 成本指标 true
}

func ExampleScore() {
	p := indicators.ProjectTable{
		Name: "信息专刊",
		Funds: indicators.Funds{Total: indicators.FundsLine{
			Budget: amount.MustParse("3"), Actual: amount.MustParse("3")}},
		Indicators: []indicators.Indicator{
			{Level1: "项目完成指标", Level2: "数量指标", Name: "指标1：专刊", Target: "12期/年", Actual: "7期"},
			{Level1: "项目完成指标", Level2: "时效指标", Name: "指标1：专刊", Target: "全年", Actual: "全年"},
			{Level1: "项目效益指标", Level2: "社会效益指标", Name: "指标1：专刊", Target: "提供决策参考", Actual: "提供决策参考"},
			{Level1: "满意度指标", Level2: "满意度指标", Name: "指标1：专刊", Target: "领导肯定", Actual: "得到好评"},
		},
	}
	r := indicators.Score(&p, indicators.ScoreConfig{})
	fmt.Print(r)
	// Output:
	// 信息专刊：得分 79.58 / 100.00，等级 中（1 项未评分；如均得满分则 89.58，良）
	//    10.00 / 10.00  预算执行率    预算执行率（执行数 3 ÷ 预算数 3）
	//    14.58 / 25.00  按比例      项目完成指标/数量指标/指标1：专刊（实际 7期 ÷ 指标 12期/年）
	//    25.00 / 25.00  时段一致     项目完成指标/时效指标/指标1：专刊
	//    30.00 / 30.00  与指标值一致   项目效益指标/社会效益指标/指标1：专刊
	//        — / 10.00  未评分      满意度指标/满意度指标/指标1：专刊（定性指标：未填完成率100%，实际完成值与指标值文字不同）
}
