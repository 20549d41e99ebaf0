package indicators

// National is the ID of the built-in national framework used by the 财政部
// templates and most 预算管理一体化 systems: 产出指标 / 效益指标 / 满意度指标.
// Provincial frameworks are registered by their profiles (package
// profiles).
const National = "national"

// OutputLevel2 returns the national 二级 categories of 产出指标: 数量, 质量,
// 时效 and 成本指标. Every category accepts its short form (数量 for
// 数量指标), the form the 情况说明 tables use, and the 财预〔2020〕10号 name
// (产出数量). Provincial frameworks that keep these categories under their
// own 一级 name reuse them.
func OutputLevel2() []Level2 {
	return []Level2{
		{Name: "数量指标", Aliases: []string{"数量", "产出数量"}, Aspect: Quantity},
		{Name: "质量指标", Aliases: []string{"质量", "产出质量"}, Aspect: Quality},
		{Name: "时效指标", Aliases: []string{"时效", "产出时效"}, Aspect: Timeliness},
		{Name: "成本指标", Aliases: []string{"成本", "产出成本"}, Aspect: Cost},
	}
}

// OutcomeLevel2 returns the national 二级 categories of 效益指标: 经济, 社会
// and 生态效益指标 and 可持续影响指标, with their short forms.
func OutcomeLevel2() []Level2 {
	return []Level2{
		{Name: "经济效益指标", Aliases: []string{"经济效益"}, Aspect: Economic},
		{Name: "社会效益指标", Aliases: []string{"社会效益"}, Aspect: Social},
		{Name: "生态效益指标", Aliases: []string{"生态效益"}, Aspect: Ecological},
		{Name: "可持续影响指标", Aliases: []string{"可持续影响"}, Aspect: Sustainable},
	}
}

// DefaultRequired returns the built-in P2 set of a framework whose 一级
// categories are named output, outcome and satisfaction: the four 产出
// aspects, some 效益 indicator and some 满意度 indicator. It is background
// practice [B], not a verified rule; profiles and Options.Required change
// it.
func DefaultRequired(output, outcome, satisfaction string) []string {
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
			{Name: "产出指标", Aliases: []string{"产出"}, Dimension: Output, Level2: OutputLevel2()},
			{Name: "效益指标", Aliases: []string{"效益"}, Dimension: Outcome, Level2: OutcomeLevel2()},
			{Name: "满意度指标", Aliases: []string{"满意度"}, Dimension: Satisfaction, Level2: []Level2{
				{Name: "服务对象满意度指标", Aliases: []string{"服务对象满意度"}, Aspect: ServiceSatisfaction},
			}},
		},
		Required: DefaultRequired("产出指标", "效益指标", "满意度指标"),
	}
}

func init() {
	if err := RegisterFramework(NationalFramework()); err != nil {
		panic(err) // a broken built-in is a programming error
	}
}
