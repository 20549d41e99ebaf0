package indicators

import (
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/google/go-cmp/cmp"
)

// projectOf returns a small project table in the Sichuan 2020 framework
// with one indicator in every category.
func projectOf(name string, budget, actual string) ProjectTable {
	return ProjectTable{
		Name: name,
		Funds: Funds{
			Total:  FundsLine{Budget: amount.MustParse(budget), Actual: amount.MustParse(actual)},
			Fiscal: FundsLine{Budget: amount.MustParse(budget), Actual: amount.MustParse(actual)},
			Other:  FundsLine{Budget: amount.Zero, Actual: amount.Zero},
		},
		Indicators: []Indicator{
			{Level1: "项目完成指标", Level2: "数量指标", Name: "指标1：信息专讯", Target: "12期/年", Actual: "12期"},
			{Level1: "项目完成指标", Level2: "质量指标", Name: "指标1：信息专讯", Target: "有价值", Actual: "有价值"},
			{Level1: "项目完成指标", Level2: "时效指标", Name: "指标1：信息专讯", Target: "全年", Actual: "全年"},
			{Level1: "项目完成指标", Level2: "成本指标", Name: "指标1：信息专讯", Target: budget + "万元", Actual: actual + "万元"},
			{Level1: "项目效益指标", Level2: "社会效益指标", Name: "指标1：信息专讯", Target: "提供参考", Actual: "提供参考"},
			{Level1: "满意度指标", Level2: "服务对象满意度指标", Name: "指标1：信息专讯", Target: "好评", Actual: "好评"},
		},
	}
}

// firing returns the findings of rule id.
func firing(fs audit.Findings, id string) audit.Findings {
	var out audit.Findings
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

type finding struct {
	Path     string
	Severity audit.Severity
	Expected string
	Actual   string
}

func brief(fs audit.Findings) []finding {
	var out []finding
	for _, f := range fs {
		out = append(out, finding{f.Path, f.Severity, f.Expected, f.Actual})
	}
	return out
}

// TestRules runs every rule on a document where it fires and one where it
// stays quiet. Quiet cases start from the reference document (on which only
// P7 and P8 fire) or from a small clean table.
func TestRules(t *testing.T) {
	tests := []struct {
		name   string
		rule   string
		opts   func(*Options)
		mutate func(*Performance)
		want   []finding // nil: the rule stays quiet
	}{
		// P0
		{name: "unknown framework", rule: RuleFramework, opts: func(o *Options) { o.FrameworkID = "nowhere" },
			want: []finding{{"/performance", audit.Error, strings.Join(FrameworkIDs(), "、"), "nowhere"}}},
		{name: "registered framework", rule: RuleFramework},

		// P1
		{name: "二级 under another 一级", rule: RuleHierarchy,
			mutate: func(p *Performance) { p.Projects[0].Indicators[0].Level2 = "经济效益指标" },
			want:   []finding{{"/performance/projects/0/indicators/0/level2", audit.Error, "项目效益指标", "项目完成指标/经济效益指标"}}},
		{name: "national 一级 in a Sichuan document", rule: RuleHierarchy,
			mutate: func(p *Performance) { p.Evaluations[0].Indicators[3].Level1 = "产出指标" },
			want:   []finding{{"/performance/evaluations/0/indicators/3/level1", audit.Error, "项目完成指标、项目效益指标、满意度指标", "产出指标/质量指标"}}},
		{name: "reference hierarchy with shortened names", rule: RuleHierarchy},
		{name: "national document detected", rule: RuleHierarchy, opts: func(o *Options) { o.FrameworkID = "" },
			mutate: func(p *Performance) {
				m, _ := LookupMapping(Sichuan2020, National)
				remap := func(ins []Indicator) {
					for j := range ins {
						ins[j].Level1, ins[j].Level2, _ = m.Map(ins[j].Level1, ins[j].Level2)
					}
				}
				for i := range p.Projects {
					remap(p.Projects[i].Indicators)
				}
				for i := range p.Evaluations {
					remap(p.Evaluations[i].Indicators)
				}
			}},

		// P2
		{name: "project without 成本指标", rule: RuleRequired,
			mutate: func(p *Performance) {
				p.Projects[1].Indicators = removeLevel2(p.Projects[1].Indicators, "成本指标")
			},
			want: []finding{{"/performance/projects/1/indicators", audit.Warning, "成本指标", "（无）"}}},
		{name: "project without 满意度 (bare 满意度指标 counts)", rule: RuleRequired,
			mutate: func(p *Performance) {
				p.Projects[1].Indicators = removeLevel2(p.Projects[1].Indicators, "满意度指标")
			},
			want: []finding{{"/performance/projects/1/indicators", audit.Warning, "满意度指标", "（无）"}}},
		{name: "required set configured away", rule: RuleRequired, opts: func(o *Options) { o.Required = []string{} },
			mutate: func(p *Performance) {
				p.Projects[1].Indicators = removeLevel2(p.Projects[1].Indicators, "成本指标")
			}},
		{name: "reference has every category", rule: RuleRequired},

		// P3
		{name: "stated rate differs", rule: RuleExecutionRate,
			mutate: func(p *Performance) { p.Evaluations[0].Funds.Total.Rate = "99%" },
			want:   []finding{{"/performance/evaluations/0/funds/total/rate", audit.Error, "100%", "99%"}}},
		{name: "rate to two places", rule: RuleExecutionRate,
			mutate: func(p *Performance) {
				p.Evaluations[0].Funds.Fiscal.Actual = amount.MustParse("70.49")
				p.Evaluations[0].Funds.Fiscal.Rate = "99.98%"
			},
			want: []finding{{"/performance/evaluations/0/funds/fiscal/rate", audit.Error, "99.99%", "99.98%"}}},
		{name: "rate rounded 四舍五入 matches", rule: RuleExecutionRate,
			mutate: func(p *Performance) {
				p.Evaluations[0].Funds.Fiscal.Actual = amount.MustParse("70.49")
				p.Evaluations[0].Funds.Fiscal.Rate = "99.99%"
			}},
		{name: "reference 100% and a blank rate for 0/0", rule: RuleExecutionRate},

		// P4
		{name: "total is not fiscal + other", rule: RuleFundsSum,
			mutate: func(p *Performance) { p.Evaluations[0].Funds.Fiscal.Actual = amount.MustParse("70") },
			want:   []finding{{"/performance/evaluations/0/funds/total/actual", audit.Error, "70", "70.5"}}},
		{name: "difference within rounding is info", rule: RuleFundsSum,
			mutate: func(p *Performance) { p.Projects[0].Funds.Total.Budget = amount.MustParse("40.51") },
			want:   []finding{{"/performance/projects/0/funds/total/budget", audit.Info, "40.50", "40.51"}}},
		{name: "other funds not stated: nothing to say", rule: RuleFundsSum,
			mutate: func(p *Performance) {
				p.Projects[0].Funds.Other = FundsLine{}
				p.Projects[0].Funds.Total.Budget = amount.MustParse("45")
			}},
		{name: "reference funds add up", rule: RuleFundsSum},

		// P5
		{name: "cost indicators exceed the budget", rule: RuleCostSum,
			mutate: func(p *Performance) { p.Projects[0].Indicators[12].Target = "31万元" },
			want:   []finding{{"/performance/projects/0/funds/total/budget", audit.Warning, "41.5", "40.50"}}},
		{name: "cost in 元 converts exactly", rule: RuleCostSum,
			mutate: func(p *Performance) { p.Projects[0].Indicators[15].Target = "25000元" }},
		{name: "a cost target in words: cannot tell", rule: RuleCostSum,
			mutate: func(p *Performance) {
				p.Projects[0].Indicators[12].Target = "控制在预算内"
				p.Projects[0].Indicators[13].Target = "100万元"
			}},
		{name: "reference 30+3+5+2.5 = 40.5 and 14+16 = 30", rule: RuleCostSum},

		// P6
		{name: "12期 target, 7期 actual, 100%", rule: RuleCompletion,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[0]
				in.Target, in.Actual = "12期/年", "7期"
			},
			want: []finding{{"/performance/evaluations/0/indicators/0/rate", audit.Warning, "58%", "100%"}}},
		{name: "12期 target, 7期 actual, 58.33%", rule: RuleCompletion,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[0]
				in.Target, in.Actual, in.Rate = "12期/年", "7期", "58.33%"
			}},
		{name: "≤ target exceeded", rule: RuleCompletion,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[0]
				in.Target, in.Actual = "≤5%", "8%"
			},
			want: []finding{{"/performance/evaluations/0/indicators/0/rate", audit.Warning, "63%", "100%"}}},
		{name: "≤ target met: 100% is right", rule: RuleCompletion,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[0]
				in.Target, in.Actual = "≤5%", "3%"
			}},
		{name: "over-achievement may be capped at 100%", rule: RuleCompletion,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[0]
				in.Target, in.Actual = "12期/年", "14期"
			}},
		{name: "period not met", rule: RuleCompletion,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[4]
				in.Rate = "50%"
			},
			want: []finding{{"/performance/evaluations/0/indicators/4/rate", audit.Warning, "100%", "50%"}}},
		{name: "rounded once: 5000 of 100000001 is 0.0049999999…%, so 0.00%", rule: RuleCompletion,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[0]
				in.Target, in.Actual, in.Rate = "100000001次", "5000次", "0.00%"
			}},
		{name: "rounded once: 0.01% is wrong", rule: RuleCompletion,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[0]
				in.Target, in.Actual, in.Rate = "100000001次", "5000次", "0.01%"
			},
			want: []finding{{"/performance/evaluations/0/indicators/0/rate", audit.Warning, "0.00%", "0.01%"}}},
		{name: "≤ target with an actual of 0: met", rule: RuleCompletion,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[0]
				in.Target, in.Actual = "≤5次", "0次"
			}},
		{name: "text target: no finding", rule: RuleCompletion,
			mutate: func(p *Performance) { p.Evaluations[0].Indicators[2].Rate = "10%" }},
		{name: "reference rates", rule: RuleCompletion},

		// P7
		{name: "reference 劝返率 80% vs 90%", rule: RuleSameTarget,
			want: []finding{{"/performance/evaluations/0/indicators/2/target", audit.Warning, "每年劝返率达90%", "每年劝返率约达80%"}}},
		{name: "劝返率 agreed", rule: RuleSameTarget,
			mutate: func(p *Performance) {
				in := &p.Evaluations[0].Indicators[2]
				in.Target = strings.Replace(in.Target, "约达80%", "达90%", 1)
			}},
		{name: "evaluation cost row differs from the project's cost indicators", rule: RuleSameTarget,
			mutate: func(p *Performance) {
				fixQuitRate(p)
				p.Evaluations[0].Indicators[7].Target = "31万元"
			},
			want: []finding{{"/performance/evaluations/0/indicators/7/target", audit.Warning, "30", "31"}}},
		{name: "evaluation period row differs", rule: RuleSameTarget,
			mutate: func(p *Performance) {
				fixQuitRate(p)
				p.Evaluations[0].Indicators[4].Target = "年内"
			},
			want: []finding{{"/performance/evaluations/0/indicators/4/target", audit.Warning, "全年", "年内"}}},
		{name: "the same indicator in a second table of the project", rule: RuleSameTarget,
			mutate: func(p *Performance) {
				fixQuitRate(p)
				dup := p.Projects[1]
				dup.Indicators = append([]Indicator(nil), dup.Indicators...)
				dup.Indicators[0].Target = "组织开展并参与招商工作各项活动，每年三次及以上。"
				dup.Indicators[6].Target = "14.00万元" // same amount, other spelling
				p.Projects = append(p.Projects, dup)
			},
			want: []finding{{"/performance/projects/2/indicators/0/target", audit.Warning,
				"组织开展并参与招商工作各项活动，每年两次及以上。", "组织开展并参与招商工作各项活动，每年三次及以上。"}}},

		// P8
		{name: "reference 编印 840 vs 480 册", rule: RuleSameActual,
			want: []finding{{"/performance/evaluations/0/indicators/0/actual", audit.Warning, "编印《省城信息》480余册", "完成编印《省城信息》840余册"}}},
		{name: "册 agreed", rule: RuleSameActual,
			mutate: func(p *Performance) {
				in := &p.Projects[0].Indicators[1]
				in.Actual = strings.Replace(in.Actual, "480余册", "840余册", 1)
			}},

		// P9
		{name: "reference 40.50 + 30 = 70.50", rule: RuleProjectTotal},
		{name: "项目支出 in 元", rule: RuleProjectTotal, opts: func(o *Options) {
			o.ProjectExpenditure, o.ExpenditureUnit = amount.MustParse("705000.00"), amount.Yuan
		}},
		{name: "项目支出 differs", rule: RuleProjectTotal, opts: func(o *Options) { o.ProjectExpenditure = amount.MustParse("80.00") },
			want: []finding{
				{"/performance/department/expenditure/project", audit.Warning, "80.00", "70.50"},
				{"/performance/projects", audit.Warning, "70.50", "80.00"},
			}},
		{name: "项目支出 not given", rule: RuleProjectTotal, opts: func(o *Options) { o.ProjectExpenditure = amount.Amount{} },
			mutate: func(p *Performance) { p.Projects[0].Funds.Total.Actual = amount.MustParse("1") }},

		// P10
		{name: "evaluation budget differs from its projects", rule: RuleEvaluationSum,
			mutate: func(p *Performance) { p.Evaluations[0].Funds.Total.Budget = amount.MustParse("71") },
			want:   []finding{{"/performance/evaluations/0/funds/total/budget", audit.Warning, "70.50", "71"}}},
		{name: "a project without a table: cannot tell", rule: RuleEvaluationSum,
			mutate: func(p *Performance) {
				p.Evaluations[0].Funds.Total.Budget = amount.MustParse("71")
				p.Evaluations[0].Projects += "、两会经费"
			}},
		{name: "reference 70.5 = 40.50 + 30", rule: RuleEvaluationSum},

		// P11
		{name: "income items do not add up", rule: RuleDepartment,
			mutate: func(p *Performance) { p.Department.Income.Items[2].Amount = amount.MustParse("136.22") },
			want:   []finding{{"/performance/department/income/total", audit.Info, "630.77", "630.78"}}},
		{name: "expenditure split does not add up", rule: RuleDepartment,
			mutate: func(p *Performance) { p.Department.Expenditure.Basic = amount.MustParse("560") },
			want:   []finding{{"/performance/department/expenditure/total", audit.Warning, "630.50", "630.78"}}},
		{name: "operating cost change rate", rule: RuleDepartment,
			mutate: func(p *Performance) { p.Department.OperatingCost.ChangePercent = amount.MustParse("-62.78") },
			want:   []finding{{"/performance/department/operatingCost/changePercent", audit.Warning, "-62.79", "-62.78"}}},
		{name: "project funds against 项目支出", rule: RuleDepartment,
			mutate: func(p *Performance) { p.Department.ProjectFunds.Items[1].Amount = amount.MustParse("31") },
			want:   []finding{{"/performance/department/expenditure/project", audit.Warning, "71.50", "70.50"}}},
		{name: "reference self-evaluation figures agree", rule: RuleDepartment},
	}
	for _, tt := range tests {
		t.Run(tt.rule+" "+tt.name, func(t *testing.T) {
			p := loadReference(t)
			opts := referenceOptions()
			if tt.opts != nil {
				tt.opts(&opts)
			}
			if tt.mutate != nil {
				tt.mutate(p)
			}
			got := brief(firing(Validate(p, opts), tt.rule))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings of %s (-want +got):\n%s", tt.rule, diff)
			}
		})
	}
}

// fixQuitRate removes the reference's genuine 劝返率 discrepancy so that a
// test sees only what it introduces.
func fixQuitRate(p *Performance) {
	in := &p.Evaluations[0].Indicators[2]
	in.Target = strings.Replace(in.Target, "约达80%", "达90%", 1)
}

func removeLevel2(ins []Indicator, level2 string) []Indicator {
	var out []Indicator
	for _, in := range ins {
		if NormalizeName(in.Level2) != level2 {
			out = append(out, in)
		}
	}
	return out
}

// TestRulesSmallTable checks a clean hand-made table stays quiet under every
// rule, and that a nil performance section is fine.
func TestRulesSmallTable(t *testing.T) {
	p := &Performance{Projects: []ProjectTable{projectOf("业务运行费", "40.50", "40.50")}}
	if fs := Validate(p, Options{FrameworkID: Sichuan2020, ProjectExpenditure: amount.MustParse("40.50")}); len(fs) != 0 {
		t.Errorf("clean table: %v", fs)
	}
	if fs := Validate(nil, Options{}); len(fs) != 0 {
		t.Errorf("nil performance: %v", fs)
	}
	validateInto(p, Options{}, nil) // no reporter: nothing to do, no panic
}

// TestRuleConfig checks that Options.Config applies: a rule switched off
// does not run, and an explanation marks a warning.
func TestRuleConfig(t *testing.T) {
	p := loadReference(t)
	opts := referenceOptions()
	opts.Config = &audit.Config{
		Disabled: map[string]bool{RuleSameActual: true},
		Explain:  []audit.Explanation{{Rule: RuleSameTarget, Text: "评价结论表为汇总口径"}},
	}
	fs := Validate(p, opts)
	if diff := cmp.Diff([]string{RuleSameTarget}, fs.Rules(0)); diff != "" {
		t.Fatalf("rules (-want +got):\n%s", diff)
	}
	if !fs[0].Explained() {
		t.Error("explanation not applied")
	}
}

func TestRulesCatalog(t *testing.T) {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
		if r.Kind != audit.Performance || r.Title == "" || r.Description == "" || r.Source == "" {
			t.Errorf("rule %s is incomplete: %+v", r.ID, r)
		}
	}
	want := []string{"P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("rule IDs (-want +got):\n%s", diff)
	}
}
