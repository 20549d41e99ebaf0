package indicators

import "github.com/cnfiscal/juesuan/accounts"

// The indicator rules' ledger (Options.Coverage). A check is one
// comparison at one place: a row filed under the framework (P1), a
// required category of a table (P2), a stated 执行率 (P3), a column of a
// funds table (P4), the cost rows of a table (P5), a stated 完成率 (P6), a
// pair of rows that are the same indicator (P7, P8), the 项目支出 and the
// department's own (P9), a column of an evaluation table (P10), a sum of
// the department's evaluation (P11). A check whose figure is not stated
// is skipped with reason accounts.SkipAbsent and the JSON Pointers of the
// absent figures; one whose figure is text it cannot read as the number
// it compares (a cost target "≤30万元左右", a 完成率 against "较好") with
// accounts.SkipUnreadable and the pointers of that text.

// begin starts the ledger entry of rule id, when a ledger is recorded.
func (v *validator) begin(id string) {
	if v.cov != nil {
		v.cur = &accounts.RuleCoverage{Rule: id}
	}
}

// end closes the current entry; idle is the reason when it made no check.
func (v *validator) end(idle string) {
	if v.cur != nil {
		v.cov.Add(*v.cur, idle)
		v.cur = nil
	}
}

// ran counts one check that ran.
func (v *validator) ran() {
	if v.cur != nil {
		v.cur.Ran++
	}
}

// skip records a check at path that could not run for reason, naming the
// figures in missing.
func (v *validator) skip(path, reason string, missing ...string) {
	if v.cur != nil {
		v.cur.Skipped = append(v.cur.Skipped, accounts.Skip{Path: path, Reason: reason, Missing: missing})
	}
}

// skipAbsent records a check at path whose figures named by keys (below
// base) are absent: those of figs that are not set.
func (v *validator) skipAbsent(path, base string, keys []string, figs []Amount) {
	if v.cur == nil {
		return
	}
	var missing []string
	for i, a := range figs {
		if !a.IsSet() {
			missing = append(missing, base+keys[i])
		}
	}
	v.skip(path, accounts.SkipAbsent, missing...)
}

// idleReason says why rule id of v found nothing to check.
func (v *validator) idleReason(id string) string {
	if len(v.tables) == 0 && v.p.Department == nil {
		return "no 绩效 tables"
	}
	switch id {
	case RuleHierarchy, RuleRequired:
		if v.fw == nil {
			return "no indicator framework"
		}
		if id == RuleRequired && len(v.tables) == 0 {
			return "no project or evaluation tables"
		}
		return "no indicator rows"
	case RuleExecutionRate:
		return "no 执行率 stated"
	case RuleFundsSum:
		return "no 年度资金总额 stated"
	case RuleCostSum:
		return "no 成本指标 rows"
	case RuleCompletion:
		return "no 完成率 stated"
	case RuleSameTarget, RuleSameActual:
		return "no indicator in two tables"
	case RuleProjectTotal:
		if len(v.p.Projects) == 0 {
			return "no project tables"
		}
		return "no 项目支出 in the accounts tables"
	case RuleEvaluationSum:
		return "no evaluation tables naming their projects"
	case RuleDepartment:
		if v.p.Department == nil {
			return "no 部门整体支出自评"
		}
	}
	return "nothing to check"
}

// idleAll lists every rule as idle for reason (no performance section),
// or disabled when rep switches it off.
func idleAll(cov *accounts.Coverage, enabled func(string) bool, reason string) {
	for i := range rules {
		id := rules[i].ID
		if !enabled(id) {
			cov.Add(accounts.RuleCoverage{Rule: id, Status: accounts.StatusDisabled, Reason: "switched off by the profile"}, "")
			continue
		}
		cov.Add(accounts.RuleCoverage{Rule: id}, reason)
	}
}

// framework records P0: the framework named is looked up (one check) or
// none is named.
func (v *validator) framework(enabled bool, failed bool) {
	if v.cov == nil {
		return
	}
	if !enabled {
		v.cov.Add(accounts.RuleCoverage{Rule: RuleFramework, Status: accounts.StatusDisabled, Reason: "switched off by the profile"}, "")
		return
	}
	r := accounts.RuleCoverage{Rule: RuleFramework}
	idle := "no framework named"
	switch {
	case v.opts.Framework != nil:
		idle = "framework given"
	case v.opts.FrameworkID != "":
		r.Ran = 1
		if failed {
			r.Fired = 1
		}
	}
	if idle == "no framework named" && v.fw != nil {
		idle += " (detected: " + v.fw.ID + ")"
	}
	v.cov.Add(r, idle)
}

// unreadableRows returns the JSON Pointers of field f of the rows of t that
// are not amounts.
func unreadableRows(t *table, rows []int, f field) []string {
	var out []string
	for _, i := range rows {
		if _, ok := moneyOf(t, i, f); !ok {
			out = append(out, t.indPath(i, f.key()))
		}
	}
	return out
}
