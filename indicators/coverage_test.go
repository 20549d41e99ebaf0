package indicators

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/google/go-cmp/cmp"
)

// ledgerOf validates p with a ledger and checks that the findings are
// those of a plain Validate.
func ledgerOf(t *testing.T, p *Performance, opts Options) (*accounts.Coverage, audit.Findings) {
	t.Helper()
	plain := Validate(p, opts)
	cov := &accounts.Coverage{}
	opts.Coverage = cov
	fs := Validate(p, opts)
	a, _ := json.Marshal(plain)
	b, _ := json.Marshal(fs)
	if string(a) != string(b) {
		t.Errorf("findings differ with the ledger:\n%s\n%s", a, b)
	}
	return cov, fs
}

// TestCoverage: each indicator rule's ledger entry on the reference and
// on changes of it that make the rule fire, skip a check (a figure absent,
// a value it cannot read) or find nothing to check.
func TestCoverage(t *testing.T) {
	const p0 = "/performance/projects/0"
	tests := []struct {
		name   string
		rule   string
		opts   func(*Options)
		mutate func(*Performance)
		status string
		ran    int // -1: any number above 0
		fired  int
		skip   *accounts.Skip // a skipped check the entry must list
		reason string         // of an idle or disabled rule
	}{
		{name: "framework looked up", rule: RuleFramework, status: accounts.StatusRan, ran: 1},
		{name: "unknown framework", rule: RuleFramework, opts: func(o *Options) { o.FrameworkID = "nowhere" }, status: accounts.StatusRan, ran: 1, fired: 1},
		{name: "framework detected", rule: RuleFramework, opts: func(o *Options) { o.FrameworkID = "" }, status: accounts.StatusIdle, reason: "no framework named (detected: " + Sichuan2020 + ")"},
		{name: "hierarchy: one row per check", rule: RuleHierarchy, status: accounts.StatusRan, ran: 72},
		{name: "hierarchy fires", rule: RuleHierarchy, mutate: func(p *Performance) { p.Projects[0].Indicators[0].Level2 = "经济效益指标" },
			status: accounts.StatusRan, ran: 72, fired: 1},
		{name: "execution rate without its budget", rule: RuleExecutionRate,
			mutate: func(p *Performance) {
				p.Projects[0].Funds.Total.Rate = "100%"
				p.Projects[0].Funds.Total.Budget = Amount{}
			},
			status: accounts.StatusRan, ran: 2,
			skip: &accounts.Skip{Path: p0 + "/funds/total/rate", Reason: accounts.SkipAbsent, Missing: []string{p0 + "/funds/total/budget"}}},
		{name: "execution rate unreadable", rule: RuleExecutionRate,
			mutate: func(p *Performance) { p.Projects[0].Funds.Total.Rate = "全部" },
			status: accounts.StatusRan, ran: 2,
			skip: &accounts.Skip{Path: p0 + "/funds/total/rate", Reason: accounts.SkipUnreadable, Missing: []string{p0 + "/funds/total/rate"}}},
		{name: "funds sum with a part absent", rule: RuleFundsSum,
			mutate: func(p *Performance) { p.Projects[0].Funds.Fiscal.Actual = Amount{} },
			status: accounts.StatusRan, ran: 5,
			skip: &accounts.Skip{Path: p0 + "/funds/total/actual", Reason: accounts.SkipAbsent, Missing: []string{p0 + "/funds/fiscal/actual"}}},
		{name: "funds sum fires", rule: RuleFundsSum,
			mutate: func(p *Performance) { p.Projects[0].Funds.Fiscal.Actual = amount.MustParse("30") },
			status: accounts.StatusRan, ran: 6, fired: 1},
		{name: "cost target unreadable", rule: RuleCostSum,
			mutate: func(p *Performance) { p.Projects[0].Indicators[12].Target = "较低" },
			status: accounts.StatusRan, ran: 2,
			skip: &accounts.Skip{Path: p0 + "/funds/total/budget", Reason: accounts.SkipUnreadable, Missing: []string{p0 + "/indicators/12/target"}}},
		{name: "cost sum without the budget", rule: RuleCostSum,
			mutate: func(p *Performance) { p.Projects[0].Funds.Total.Budget = Amount{} },
			status: accounts.StatusRan, ran: 2,
			skip: &accounts.Skip{Path: p0 + "/funds/total/budget", Reason: accounts.SkipAbsent, Missing: []string{p0 + "/funds/total/budget"}}},
		{name: "completion rates that cannot be told", rule: RuleCompletion, status: accounts.StatusRan, ran: 4,
			skip: &accounts.Skip{Path: "/performance/evaluations/0/indicators/0/rate", Reason: accounts.SkipUnreadable,
				Missing: []string{"/performance/evaluations/0/indicators/0/target", "/performance/evaluations/0/indicators/0/actual"}}},
		{name: "same target fires (reference)", rule: RuleSameTarget, status: accounts.StatusRan, ran: -1, fired: 1},
		{name: "project total without 项目支出", rule: RuleProjectTotal,
			opts:   func(o *Options) { o.ProjectExpenditure = Amount{} },
			status: accounts.StatusRan, ran: 0,
			skip: &accounts.Skip{Path: "/tables/expenditure/total/project", Reason: accounts.SkipAbsent, Missing: []string{"/tables/expenditure/total/project"}}},
		{name: "project total with an actual absent", rule: RuleProjectTotal,
			mutate: func(p *Performance) { p.Projects[1].Funds.Total.Actual = Amount{} },
			status: accounts.StatusRan, ran: 1,
			skip: &accounts.Skip{Path: "/performance/projects", Reason: accounts.SkipAbsent, Missing: []string{"/performance/projects/1/funds/total/actual"}}},
		{name: "evaluation sum with an actual absent", rule: RuleEvaluationSum,
			mutate: func(p *Performance) { p.Projects[1].Funds.Total.Actual = Amount{} },
			status: accounts.StatusRan, ran: 1,
			skip: &accounts.Skip{Path: "/performance/evaluations/0/funds/total/actual", Reason: accounts.SkipAbsent, Missing: []string{"/performance/projects/1/funds/total/actual"}}},
		{name: "department without its 项目支出", rule: RuleDepartment,
			mutate: func(p *Performance) { p.Department.Expenditure.Project = Amount{} },
			status: accounts.StatusRan, ran: -1,
			skip: &accounts.Skip{Path: "/performance/department/expenditure/total", Reason: accounts.SkipAbsent, Missing: []string{"/performance/department/expenditure/project"}}},
		{name: "no department evaluation", rule: RuleDepartment, mutate: func(p *Performance) { p.Department = nil },
			status: accounts.StatusIdle, reason: "no 部门整体支出自评"},
		{name: "no tables at all", rule: RuleFundsSum, mutate: func(p *Performance) { *p = Performance{} },
			status: accounts.StatusIdle, reason: "no 绩效 tables"},
		{name: "switched off", rule: RuleSameActual, opts: func(o *Options) { o.Config = &audit.Config{Disabled: map[string]bool{RuleSameActual: true}} },
			status: accounts.StatusDisabled, reason: "switched off by the profile"},
	}
	for _, tt := range tests {
		t.Run(tt.rule+" "+tt.name, func(t *testing.T) {
			p := loadReference(t)
			if tt.mutate != nil {
				tt.mutate(p)
			}
			opts := referenceOptions()
			opts.ProjectExpenditurePath = "/tables/expenditure/total/project"
			if tt.opts != nil {
				tt.opts(&opts)
			}
			cov, fs := ledgerOf(t, p, opts)
			var ids []string
			for _, rc := range cov.Rules {
				ids = append(ids, rc.Rule)
			}
			var want []string
			for _, r := range Rules() {
				want = append(want, r.ID)
			}
			if diff := cmp.Diff(want, ids); diff != "" {
				t.Errorf("rules in the ledger (-want +got):\n%s", diff)
			}
			rc := cov.Rule(tt.rule)
			if rc.Status != tt.status || rc.Reason != tt.reason {
				t.Errorf("status %q reason %q, want %q %q", rc.Status, rc.Reason, tt.status, tt.reason)
			}
			if tt.ran >= 0 && rc.Ran != tt.ran || tt.ran < 0 && rc.Ran == 0 {
				t.Errorf("ran %d, want %d", rc.Ran, tt.ran)
			}
			if got := len(firing(fs, tt.rule)); rc.Fired+rc.Rounding != got || rc.Fired != tt.fired {
				t.Errorf("fired %d (+%d rounding), want %d; the rule made %d findings", rc.Fired, rc.Rounding, tt.fired, got)
			}
			if rc.Passed != rc.Ran-rc.Fired-rc.Rounding {
				t.Errorf("passed %d of %d", rc.Passed, rc.Ran)
			}
			if tt.skip != nil && !slices.ContainsFunc(rc.Skipped, func(s accounts.Skip) bool { return cmp.Equal(s, *tt.skip) }) {
				t.Errorf("ledger lacks %+v: %+v", *tt.skip, rc.Skipped)
			}
			if tt.skip == nil && tt.rule != RuleCompletion && len(rc.Skipped) > 0 {
				t.Errorf("unexpected skips %+v", rc.Skipped)
			}
		})
	}
}

// TestCoverageNilPerformance: without a performance section every rule is
// idle, and nothing is reported.
func TestCoverageNilPerformance(t *testing.T) {
	cov := &accounts.Coverage{}
	if fs := Validate(nil, Options{Coverage: cov}); len(fs) != 0 {
		t.Errorf("findings %v", fs)
	}
	if len(cov.Rules) != len(rules) {
		t.Fatalf("%d rules in the ledger, want %d", len(cov.Rules), len(rules))
	}
	for _, rc := range cov.Rules {
		if rc.Status != accounts.StatusIdle || rc.Reason != "no performance section (绩效 tables)" {
			t.Errorf("%+v", rc)
		}
	}
}
