package juesuan

// The built-in profiles.
const (
	// Sichuan2020 is the profile of the reference disclosure: the 14 public
	// tables of a Sichuan 2020 部门决算公开 (its 第五部分 附表 list, where
	// tables 二 and 三 are printed as 收入总表 and 支出总表), the internal
	// 财决 tables its narrative cites, and the Sichuan indicator names.
	Sichuan2020 = "sichuan-2020"
	// Central2024 is the 9-table central/Shanghai 2024 template (表七 is
	// 财政拨款“三公”经费支出决算表, one table for all funds) with the
	// national indicator names. Rules B8 and B9, which need Sichuan-only
	// tables, are switched off.
	Central2024 = "central-2024"
)

func init() {
	for _, p := range []*Profile{sichuan2020(), central2024()} {
		if err := Register(p); err != nil {
			panic(err) // unreachable: distinct IDs at init
		}
	}
}

func sichuan2020() *Profile {
	return &Profile{
		ID:           Sichuan2020,
		Title:        "四川省2020年度部门决算公开（14张表）",
		Jurisdiction: "四川省",
		FiscalYear:   2020,
		Framework:    "sichuan-2020",
		Tables: []TableSpec{
			{Key: "summary", Number: "一", Title: "收入支出决算总表", Required: true},
			{Key: "income", Number: "二", Title: "收入决算表", Required: true},
			{Key: "expenditure", Number: "三", Title: "支出决算表", Required: true},
			{Key: "fiscalSummary", Number: "四", Title: "财政拨款收入支出决算总表", Required: true},
			{Key: "fiscalEconomic", Number: "五", Title: "财政拨款支出决算明细表（政府经济分类科目）", Required: true},
			{Key: "generalBudget", Number: "六", Title: "一般公共预算财政拨款支出决算表", Required: true},
			{Key: "generalBudgetEconomic", Number: "七", Title: "一般公共预算财政拨款支出决算明细表", Required: true},
			{Key: "generalBudgetBasic", Number: "八", Title: "一般公共预算财政拨款基本支出决算表", Required: true},
			{Key: "generalBudgetProject", Number: "九", Title: "一般公共预算财政拨款项目支出决算表", Required: true},
			{Key: "threePublic", Number: "十", Title: "一般公共预算财政拨款“三公”经费支出决算表", Required: true},
			{Key: "govFund", Number: "十一", Title: "政府性基金预算财政拨款收入支出决算表", Required: true},
			{Key: "govFundThreePublic", Number: "十二", Title: "政府性基金预算财政拨款“三公”经费支出决算表", Required: true},
			{Key: "stateCapital", Number: "十三", Title: "国有资本经营预算财政拨款收入支出决算表", Required: true},
			{Key: "stateCapitalExpenditure", Number: "十四", Title: "国有资本经营预算财政拨款支出决算表", Required: true},
			{Key: "z01", Title: "财决Z01表 收入支出决算总表", Internal: true},
			{Key: "z01_1", Title: "财决Z01-1表 财政拨款收入支出决算总表", Internal: true},
			{Key: "z07", Title: "财决07表 一般公共预算财政拨款收入支出决算表", Internal: true},
			{Key: "f03", Title: "财决附03表 机构运行信息表", Internal: true},
		},
	}
}

func central2024() *Profile {
	return &Profile{
		ID:           Central2024,
		Title:        "中央/上海2024年度部门决算公开（9张表）",
		Jurisdiction: "中央（上海模板）",
		FiscalYear:   2024,
		Framework:    "national",
		Tables: []TableSpec{
			{Key: "summary", Number: "一", Title: "收入支出决算总表", Required: true},
			{Key: "income", Number: "二", Title: "收入决算表", Required: true},
			{Key: "expenditure", Number: "三", Title: "支出决算表", Required: true},
			{Key: "fiscalSummary", Number: "四", Title: "财政拨款收入支出决算总表", Required: true},
			{Key: "generalBudget", Number: "五", Title: "一般公共预算财政拨款支出决算表", Required: true},
			{Key: "generalBudgetBasic", Number: "六", Title: "一般公共预算财政拨款基本支出决算表", Required: true},
			{Key: "threePublic", Number: "七", Title: "财政拨款“三公”经费支出决算表", Required: true},
			{Key: "govFund", Number: "八", Title: "政府性基金预算财政拨款收入支出决算表", Required: true},
			{Key: "stateCapital", Number: "九", Title: "国有资本经营预算财政拨款收入支出决算表", Required: true},
			{Key: "z01", Title: "财决Z01表 收入支出决算总表", Internal: true},
			{Key: "z01_1", Title: "财决Z01-1表 财政拨款收入支出决算总表", Internal: true},
			{Key: "z07", Title: "财决07表 一般公共预算财政拨款收入支出决算表", Internal: true},
			{Key: "f03", Title: "财决附03表 机构运行信息表", Internal: true},
		},
		// B8 and B9 tie the Sichuan-only tables 九 (项目支出决算表) and
		// 五/七 (经济分类明细表) to the others; the 9-table template has
		// neither.
		Rules: RuleSet{Disabled: []string{"B8", "B9"}},
	}
}
