package sichuan2020

import "github.com/cnfiscal/juesuan/indicators"

// FrameworkID is the ID of the Sichuan 2018–2020 indicator framework the
// profile checks performance sections with.
const FrameworkID = "sichuan-2020"

// Framework returns a fresh copy of the Sichuan 2018–2020 framework the
// reference document's 项目绩效目标完成情况表 prints: 项目完成指标 /
// 项目效益指标 / 满意度指标 (domain.md §4.2, verified by the reference
// disclosure itself), with the national 二级 categories.
//
// Aliases cover what the reference prints: the 评价结论 table shortens the
// 一级 names to 项目完成 and 项目效益, and both that table and the second
// 完成情况表 print the bare 二级 name 满意度指标 under 满意度指标.
func Framework() *indicators.Framework {
	return &indicators.Framework{
		ID:     FrameworkID,
		Title:  "四川省项目支出绩效指标体系（2018—2020年）",
		Source: "domain.md §4.2: 参考文件 攀枝花市人民政府驻成都办事处2020年决算公开 [V]; 旧版四川名称 [B]",
		Level1: []indicators.Level1{
			{Name: "项目完成指标", Aliases: []string{"项目完成"}, Dimension: indicators.Output, Level2: indicators.OutputLevel2()},
			{Name: "项目效益指标", Aliases: []string{"项目效益"}, Dimension: indicators.Outcome, Level2: indicators.OutcomeLevel2()},
			{Name: "满意度指标", Aliases: []string{"满意度"}, Dimension: indicators.Satisfaction, Level2: []indicators.Level2{
				{Name: "服务对象满意度指标", Aliases: []string{"服务对象满意度", "满意度指标", "满意度"}, Aspect: indicators.ServiceSatisfaction},
			}},
		},
		Required: indicators.DefaultRequired("项目完成指标", "项目效益指标", "满意度指标"),
	}
}

// ToNational returns the mapping between the Sichuan 2020 and national
// frameworks, one pair per 二级 category (they correspond 1:1, domain.md
// §4.2). indicators.LookupMapping also serves the inverse.
func ToNational() *indicators.Mapping {
	const s1, s2, s3 = "项目完成指标", "项目效益指标", "满意度指标"
	const n1, n2, n3 = "产出指标", "效益指标", "满意度指标"
	return &indicators.Mapping{From: FrameworkID, To: indicators.National, Pairs: []indicators.MappingPair{
		{FromLevel1: s1, FromLevel2: "数量指标", ToLevel1: n1, ToLevel2: "数量指标"},
		{FromLevel1: s1, FromLevel2: "质量指标", ToLevel1: n1, ToLevel2: "质量指标"},
		{FromLevel1: s1, FromLevel2: "时效指标", ToLevel1: n1, ToLevel2: "时效指标"},
		{FromLevel1: s1, FromLevel2: "成本指标", ToLevel1: n1, ToLevel2: "成本指标"},
		{FromLevel1: s2, FromLevel2: "经济效益指标", ToLevel1: n2, ToLevel2: "经济效益指标"},
		{FromLevel1: s2, FromLevel2: "社会效益指标", ToLevel1: n2, ToLevel2: "社会效益指标"},
		{FromLevel1: s2, FromLevel2: "生态效益指标", ToLevel1: n2, ToLevel2: "生态效益指标"},
		{FromLevel1: s2, FromLevel2: "可持续影响指标", ToLevel1: n2, ToLevel2: "可持续影响指标"},
		{FromLevel1: s3, FromLevel2: "服务对象满意度指标", ToLevel1: n3, ToLevel2: "服务对象满意度指标"},
	}}
}
