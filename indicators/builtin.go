package indicators

// Built-in framework IDs.
const (
	// National is the national framework used by the 财政部 templates and
	// most 预算管理一体化 systems: 产出指标 / 效益指标 / 满意度指标.
	National = "national"
	// Sichuan2020 is the 2018–2020 Sichuan variant the reference document
	// prints: 项目完成指标 / 项目效益指标 / 满意度指标.
	Sichuan2020 = "sichuan-2020"
)

// The 二级 categories common to both built-in frameworks. Every category
// accepts its short form (数量 for 数量指标), the form the issue and the
// 情况说明 tables of the reference document use.
func outputLevel2() []Level2 {
	return []Level2{
		{Name: "数量指标", Aliases: []string{"数量", "产出数量"}, Aspect: Quantity},
		{Name: "质量指标", Aliases: []string{"质量", "产出质量"}, Aspect: Quality},
		{Name: "时效指标", Aliases: []string{"时效", "产出时效"}, Aspect: Timeliness},
		{Name: "成本指标", Aliases: []string{"成本", "产出成本"}, Aspect: Cost},
	}
}

func outcomeLevel2() []Level2 {
	return []Level2{
		{Name: "经济效益指标", Aliases: []string{"经济效益"}, Aspect: Economic},
		{Name: "社会效益指标", Aliases: []string{"社会效益"}, Aspect: Social},
		{Name: "生态效益指标", Aliases: []string{"生态效益"}, Aspect: Ecological},
		{Name: "可持续影响指标", Aliases: []string{"可持续影响"}, Aspect: Sustainable},
	}
}

// defaultRequired is the built-in P2 set: the four 产出 aspects, some 效益
// indicator and some 满意度 indicator. It is background practice [B], not a
// verified rule; profiles and Options.Required change it.
func defaultRequired(output, outcome, satisfaction string) []string {
	return []string{"数量指标", "质量指标", "时效指标", "成本指标", outcome, satisfaction}
}

// NationalFramework returns a fresh copy of the built-in national framework.
//
// Names as confirmed in open-source 绩效指标 code (domain.md §4.2 [V] S12):
// 产出指标 → 数量/质量/时效/成本指标; 效益指标 → 经济/社会/生态效益指标,
// 可持续影响指标; 满意度指标 → 服务对象满意度指标. The short forms and the
// 财预〔2020〕10号 names 产出数量/产出质量/产出时效/产出成本 (domain.md §4.1
// [B]) are aliases.
func NationalFramework() *Framework {
	return &Framework{
		ID:     National,
		Title:  "项目支出绩效指标体系（全国通用）",
		Source: "domain.md §4.2: OSS 绩效指标代码 [V]; 短名与 财预〔2020〕10号 名称为别名 [B]",
		Level1: []Level1{
			{Name: "产出指标", Aliases: []string{"产出"}, Dimension: Output, Level2: outputLevel2()},
			{Name: "效益指标", Aliases: []string{"效益"}, Dimension: Outcome, Level2: outcomeLevel2()},
			{Name: "满意度指标", Aliases: []string{"满意度"}, Dimension: Satisfaction, Level2: []Level2{
				{Name: "服务对象满意度指标", Aliases: []string{"服务对象满意度"}, Aspect: ServiceSatisfaction},
			}},
		},
		Required: defaultRequired("产出指标", "效益指标", "满意度指标"),
	}
}

// Sichuan2020Framework returns a fresh copy of the built-in Sichuan 2020
// framework, the one the reference document's 项目绩效目标完成情况表 prints
// (domain.md §4.2, verified by the reference disclosure itself).
//
// Aliases cover what the reference prints: the 评价结论 table shortens the
// 一级 names to 项目完成 and 项目效益, and both that table and the second
// 完成情况表 print the bare 二级 name 满意度指标 under 满意度指标.
func Sichuan2020Framework() *Framework {
	return &Framework{
		ID:     Sichuan2020,
		Title:  "四川省项目支出绩效指标体系（2018—2020年）",
		Source: "domain.md §4.2: 参考文件 攀枝花市人民政府驻成都办事处2020年决算公开 [V]; 旧版四川名称 [B]",
		Level1: []Level1{
			{Name: "项目完成指标", Aliases: []string{"项目完成"}, Dimension: Output, Level2: outputLevel2()},
			{Name: "项目效益指标", Aliases: []string{"项目效益"}, Dimension: Outcome, Level2: outcomeLevel2()},
			{Name: "满意度指标", Aliases: []string{"满意度"}, Dimension: Satisfaction, Level2: []Level2{
				{Name: "服务对象满意度指标", Aliases: []string{"服务对象满意度", "满意度指标", "满意度"}, Aspect: ServiceSatisfaction},
			}},
		},
		Required: defaultRequired("项目完成指标", "项目效益指标", "满意度指标"),
	}
}

// Sichuan2020ToNational returns the built-in mapping between the Sichuan
// 2020 and national frameworks, one pair per 二级 category (they correspond
// 1:1, domain.md §4.2). LookupMapping also serves the inverse.
func Sichuan2020ToNational() *Mapping {
	const s1, s2, s3 = "项目完成指标", "项目效益指标", "满意度指标"
	const n1, n2, n3 = "产出指标", "效益指标", "满意度指标"
	return &Mapping{From: Sichuan2020, To: National, Pairs: []MappingPair{
		{s1, "数量指标", n1, "数量指标"},
		{s1, "质量指标", n1, "质量指标"},
		{s1, "时效指标", n1, "时效指标"},
		{s1, "成本指标", n1, "成本指标"},
		{s2, "经济效益指标", n2, "经济效益指标"},
		{s2, "社会效益指标", n2, "社会效益指标"},
		{s2, "生态效益指标", n2, "生态效益指标"},
		{s2, "可持续影响指标", n2, "可持续影响指标"},
		{s3, "服务对象满意度指标", n3, "服务对象满意度指标"},
	}}
}

func init() {
	for _, f := range []*Framework{NationalFramework(), Sichuan2020Framework()} {
		if err := RegisterFramework(f); err != nil {
			panic(err) // a broken built-in is a programming error
		}
	}
	if err := RegisterMapping(Sichuan2020ToNational()); err != nil {
		panic(err)
	}
}
