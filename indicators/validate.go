package indicators

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/shopspring/decimal"
)

// Options configure validation.
type Options struct {
	// Framework is the document's indicator framework. When nil, FrameworkID
	// is looked up; when that is empty too, DetectFramework picks the
	// registered framework that files the most indicators.
	Framework *Framework
	// FrameworkID names a registered framework (a profile's Framework). An
	// unknown ID is reported as P0.
	FrameworkID string
	// Required overrides the framework's required categories (rule P2); an
	// empty, non-nil slice requires nothing.
	Required []string
	// ProjectExpenditure is 项目支出 of the accounts tables (支出决算表), for
	// the document-level rule P9. Absent skips the rule.
	ProjectExpenditure Amount
	// ExpenditureUnit is the unit of ProjectExpenditure; "" means 万元, the
	// unit of the performance tables.
	ExpenditureUnit amount.Unit
	// ProjectExpenditurePath is the JSON Pointer of ProjectExpenditure in
	// the document, which the ledger names when it is absent; "" when not
	// known.
	ProjectExpenditurePath string
	// Config is the rule configuration (a profile's): rules switched off,
	// severities and tolerances changed, 出错说明 applied. Nil changes
	// nothing.
	Config *audit.Config
	// Coverage, when not nil, receives the ledger of the rules P0–P11
	// (one accounts.RuleCoverage each, appended in ID order; see
	// accounts.Coverage). A nil Performance lists them idle. The findings
	// are the same with or without it.
	Coverage *accounts.Coverage
}

// The rule IDs. Findings use them; profiles switch rules off or change their
// severity by ID.
const (
	RuleFramework     = "P0"
	RuleHierarchy     = "P1"
	RuleRequired      = "P2"
	RuleExecutionRate = "P3"
	RuleFundsSum      = "P4"
	RuleCostSum       = "P5"
	RuleCompletion    = "P6"
	RuleSameTarget    = "P7"
	RuleSameActual    = "P8"
	RuleProjectTotal  = "P9"
	RuleEvaluationSum = "P10"
	RuleDepartment    = "P11"
)

type rule struct {
	audit.Rule
	check func(*validator, *audit.Rule)
}

const srcRef = "参考文件 攀枝花市人民政府驻成都办事处2020年决算公开"

var rules = []rule{
	{audit.Rule{ID: RuleFramework, Severity: audit.Error, Kind: audit.Performance, Title: "指标框架未注册",
		Description: "配置指定的绩效指标框架必须已注册。",
		Source:      "[I] 本库约定"}, nil},
	{audit.Rule{ID: RuleHierarchy, Severity: audit.Error, Kind: audit.Performance, Title: "指标层级",
		Description: "二级指标必须属于所填一级指标（按文件所用指标框架，接受已登记的简称与别名）。",
		Source:      "domain.md §4.2 [V]；四川2020名称经" + srcRef + "核实"}, (*validator).checkHierarchy},
	{audit.Rule{ID: RuleRequired, Severity: audit.Warning, Kind: audit.Performance, Title: "必备指标类别",
		Description: "每个项目至少在框架要求的各二级（或一级）类别中设有一个指标；要求的类别可配置。",
		Source:      "[B] 绩效目标编制惯例（数量、质量、时效、成本、效益、满意度）"}, (*validator).checkRequired},
	{audit.Rule{ID: RuleExecutionRate, Severity: audit.Error, Kind: audit.Performance, Title: "预算执行率",
		Description: "执行率 = 执行数 ÷ 预算数 × 100%，按所填小数位（至多两位）四舍五入后应与填列数一致。",
		Source:      "domain.md §4.1 自评表 [B]；" + srcRef + " 评价结论表 [V]"}, (*validator).checkExecutionRate},
	{audit.Rule{ID: RuleFundsSum, Severity: audit.Error, Kind: audit.Performance, Title: "资金合计",
		Description: "年度资金总额 = 财政拨款 + 上年结转资金 + 其他资金（预算数、执行数分别核对；万元舍入容差）。",
		Source:      "domain.md §4.1 自评表 [B]"}, (*validator).checkFundsSum},
	{audit.Rule{ID: RuleCostSum, Severity: audit.Warning, Kind: audit.Performance, Title: "成本指标合计",
		Description: "一个项目的成本指标（指标值可读为金额时）合计应等于其预算数。",
		Source:      "[I] " + srcRef + "：30+3+5+2.5=40.5；14+16=30"}, (*validator).checkCostSum},
	{audit.Rule{ID: RuleCompletion, Severity: audit.Warning, Kind: audit.Performance, Title: "完成率与指标值一致",
		Description: "填列的完成率应与可读的指标值、实际完成值相符（“≤”类指标方向相反）；无法读取数值的不核对。",
		Source:      "[I] domain.md §4.1 定量指标计分方法"}, (*validator).checkCompletion},
	{audit.Rule{ID: RuleSameTarget, Severity: audit.Warning, Kind: audit.Performance, Title: "同一指标指标值一致",
		Description: "同一文件中同一项目的同一指标在不同表中的指标值应一致；评价结论表按项目汇总的行与完成情况表中同类指标的金额合计及带主语的数值比对。",
		Source:      "[I] 表间一致"}, (*validator).checkSameTarget},
	{audit.Rule{ID: RuleSameActual, Severity: audit.Warning, Kind: audit.Performance, Title: "同一指标实际完成值一致",
		Description: "同一指标在不同表中的实际完成值应一致（比对方法同 P7）。",
		Source:      "[I] 表间一致"}, (*validator).checkSameActual},
	{audit.Rule{ID: RuleProjectTotal, Severity: audit.Warning, Kind: audit.Performance, Title: "项目执行数与项目支出",
		Description: "各项目绩效目标完成情况表的执行数合计应等于决算表的项目支出（公开项目少于全部项目时可说明）；部门整体自评的项目支出亦应相等。",
		Source:      "[I] " + srcRef + "：40.50+30=70.50"}, (*validator).checkProjectTotal},
	{audit.Rule{ID: RuleEvaluationSum, Severity: audit.Warning, Kind: audit.Performance, Title: "评价结论资金与项目",
		Description: "评价结论表的全年预算数、实际完成数应等于其所列项目完成情况表的预算数、执行数合计。",
		Source:      "[I] " + srcRef + "：70.5=40.50+30"}, (*validator).checkEvaluationSum},
	{audit.Rule{ID: RuleDepartment, Severity: audit.Warning, Kind: audit.Performance, Title: "部门整体支出自评勾稽",
		Description: "部门整体支出自评中：收入明细合计=收入总计；基本支出+项目支出=支出合计；支出明细合计=支出合计；机关运行经费增减额与增减率；项目资金合计=项目支出。",
		Source:      "[I] " + srcRef}, (*validator).checkDepartment},
}

// Rules returns the indicator rules, in ID order.
func Rules() []audit.Rule {
	out := make([]audit.Rule, len(rules))
	for i, r := range rules {
		out[i] = r.Rule
	}
	slices.SortStableFunc(out, func(a, b audit.Rule) int { return audit.CompareRuleIDs(a.ID, b.ID) })
	return out
}

// Validate checks p with the rules P0–P11 under opts.Config and returns
// every finding, sorted. A nil p has nothing to check. The root package's
// Validate runs it on a document's performance section, with the
// document's profile.
func Validate(p *Performance, opts Options) audit.Findings {
	rep := audit.NewReporter(opts.Config)
	validateInto(p, opts, rep)
	return rep.Findings()
}

// validateInto checks p, reporting into rep, which applies the rule
// configuration. A nil p or rep has nothing to do.
func validateInto(p *Performance, opts Options, rep *audit.Reporter) {
	if rep == nil {
		return
	}
	if p == nil {
		if opts.Coverage != nil {
			idleAll(opts.Coverage, rep.Enabled, "no performance section (绩效 tables)")
		}
		return
	}
	v := &validator{p: p, opts: opts, rep: rep, fw: opts.Framework, cov: opts.Coverage}
	failed := false
	if v.fw == nil && opts.FrameworkID != "" {
		f, err := LookupFramework(opts.FrameworkID)
		failed = err != nil
		if err != nil {
			if rep.Enabled(RuleFramework) {
				rep.Report(audit.Finding{Rule: RuleFramework, Severity: audit.Error, Path: "/performance",
					Message:  concat("指标框架 ", strconv.Quote(opts.FrameworkID), " 未注册，指标层级与类别无法核对（已注册：", strings.Join(FrameworkIDs(), "、"), "）"),
					Expected: strings.Join(FrameworkIDs(), "、"), Actual: opts.FrameworkID})
			}
		} else {
			v.fw = f
		}
	} else if v.fw == nil {
		v.fw = DetectFramework(p)
	}
	v.index()
	v.framework(rep.Enabled(RuleFramework), failed)
	for i := range rules {
		r := &rules[i]
		if r.check == nil {
			continue
		}
		if !rep.Enabled(r.ID) {
			if v.cov != nil {
				v.cov.Add(accounts.RuleCoverage{Rule: r.ID, Status: accounts.StatusDisabled, Reason: "switched off by the profile"}, "")
			}
			continue
		}
		v.begin(r.ID)
		r.check(v, &r.Rule)
		v.end(v.idleReason(r.ID))
	}
}

// DetectFramework returns the registered framework that files the most of
// p's indicators (ties go to the first ID in order), or nil if none files
// any.
func DetectFramework(p *Performance) *Framework {
	if p == nil {
		return nil
	}
	var best *Framework
	bestN := 0
	for _, id := range FrameworkIDs() {
		f, err := LookupFramework(id)
		if err != nil {
			continue
		}
		n := 0
		count := func(ins []Indicator) {
			for i := range ins {
				if _, err := f.Resolve(ins[i].Level1, ins[i].Level2); err == nil {
					n++
				}
			}
		}
		for i := range p.Projects {
			count(p.Projects[i].Indicators)
		}
		for i := range p.Evaluations {
			count(p.Evaluations[i].Indicators)
		}
		if n > bestN {
			best, bestN = f, n
		}
	}
	return best
}

// table is a project table or an evaluation table seen the same way.
type table struct {
	n        int    // index in Performance.Projects or Performance.Evaluations
	name     string // Name of the project table, Projects of the evaluation
	eval     bool
	projects []string // normalised project names covered
	funds    *Funds
	inds     []Indicator
	rows     []row // what the rules read from each of inds
}

// row is what the rules read from an indicator row, once: its category
// under the framework, its IndicatorKey and its parsed target and actual
// value (indexed by field).
type row struct {
	ref   Ref   // the zero Ref when unresolved
	err   error // why it is unresolved
	key   string
	value [2]Value
}

// path is the JSON Pointer of the table.
func (t *table) path() string {
	if t.eval {
		return "/performance/evaluations/" + strconv.Itoa(t.n)
	}
	return "/performance/projects/" + strconv.Itoa(t.n)
}

// indPath is the JSON Pointer of field of row i.
func (t *table) indPath(i int, field string) string {
	return t.path() + "/indicators/" + strconv.Itoa(i) + "/" + field
}

// label is the table's Chinese label for messages.
func (t *table) label() string {
	if t.eval {
		return "评价结论表（" + NormalizeName(t.name) + "）"
	}
	return "项目“" + NormalizeName(t.name) + "”完成情况表"
}

// key is IndicatorKey of row i's name.
func (t *table) key(i int) string { return t.rows[i].key }

// aspect is the Aspect of row i's 二级 category; ok is false when the row is
// not filed under one.
func (t *table) aspect(i int) (a Aspect, ok bool) {
	if l2 := t.rows[i].ref.L2; l2 != nil {
		return l2.Aspect, true
	}
	return NoAspect, false
}

// field selects the target or the actual value of an indicator row.
type field uint8

const (
	fieldTarget field = iota
	fieldActual
)

// text returns the field of in as written.
func (f field) text(in *Indicator) string {
	if f == fieldTarget {
		return in.Target
	}
	return in.Actual
}

// key is the field's JSON name, for paths.
func (f field) key() string {
	if f == fieldTarget {
		return "target"
	}
	return "actual"
}

// value is ParseValue of row i's field.
func (t *table) value(i int, f field) Value { return t.rows[i].value[f] }

// validator is one validation: the document, its options and its tables.
type validator struct {
	p      *Performance
	opts   Options
	rep    *audit.Reporter
	fw     *Framework
	tables []table
	// byProject maps a normalised project name to its project tables.
	byProject map[string][]int
	// cov is the ledger (Options.Coverage) and cur the entry of the
	// running rule; both nil unless a ledger is recorded.
	cov *accounts.Coverage
	cur *accounts.RuleCoverage
}

// index lists the tables and files their rows under the framework.
func (v *validator) index() {
	v.byProject = make(map[string][]int, len(v.p.Projects))
	v.tables = make([]table, 0, len(v.p.Projects)+len(v.p.Evaluations))
	// The rows of every table, in one allocation.
	n := 0
	for i := range v.p.Projects {
		n += len(v.p.Projects[i].Indicators)
	}
	for i := range v.p.Evaluations {
		n += len(v.p.Evaluations[i].Indicators)
	}
	rows := make([]row, n)
	add := func(t table) {
		t.rows, rows = rows[:len(t.inds):len(t.inds)], rows[len(t.inds):]
		for i := range t.inds {
			in, r := &t.inds[i], &t.rows[i]
			if v.fw != nil {
				r.ref, r.err = v.fw.Resolve(in.Level1, in.Level2)
			}
			r.key = IndicatorKey(in.Name)
			r.value = [2]Value{in.TargetValue(), in.ActualValue()}
		}
		v.tables = append(v.tables, t)
	}
	for i := range v.p.Projects {
		pt := &v.p.Projects[i]
		n := NormalizeName(pt.Name)
		v.byProject[n] = append(v.byProject[n], len(v.tables))
		add(table{n: i, name: pt.Name, projects: []string{n}, funds: &pt.Funds, inds: pt.Indicators})
	}
	for i := range v.p.Evaluations {
		e := &v.p.Evaluations[i]
		add(table{n: i, name: e.Projects, eval: true, projects: e.ProjectNames(), funds: &e.Funds, inds: e.Indicators})
	}
}

func (v *validator) report(r *audit.Rule, sev audit.Severity, path, msg, expected, actual string) {
	if v.cur != nil {
		if sev == audit.Info {
			v.cur.Rounding++
		} else {
			v.cur.Fired++
		}
	}
	v.rep.Report(audit.Finding{Rule: r.ID, Severity: sev, Path: path, Message: msg, Expected: expected, Actual: actual})
}

// P1.
func (v *validator) checkHierarchy(r *audit.Rule) {
	if v.fw == nil {
		return
	}
	for ti := range v.tables {
		t := &v.tables[ti]
		for i := range t.rows {
			v.ran()
			err := t.rows[i].err
			if err == nil {
				continue
			}
			in := &t.inds[i]
			field, expected := "level2", ""
			var le *LevelError
			if errors.As(err, &le) {
				switch {
				case errors.Is(err, ErrUnknownLevel1):
					field = "level1"
					expected = v.level1Names()
				case errors.Is(err, ErrWrongParent):
					expected = strings.Join(le.Parents, "、")
				case errors.Is(err, ErrEmptyLevel):
					if NormalizeName(in.Level1) == "" {
						field = "level1"
					}
				}
			}
			v.report(r, r.Severity, t.indPath(i, field),
				concat(t.label(), "第", strconv.Itoa(i+1), "行“", NormalizeName(in.Name), "”：", err.Error()),
				expected, NormalizeName(in.Level1)+"/"+NormalizeName(in.Level2))
		}
	}
}

func (v *validator) level1Names() string {
	var ns []string
	for _, l1 := range v.fw.Level1 {
		ns = append(ns, l1.Name)
	}
	return strings.Join(ns, "、")
}

// P2.
func (v *validator) checkRequired(r *audit.Rule) {
	if v.fw == nil {
		return
	}
	req := v.fw.Required
	if v.opts.Required != nil {
		req = v.opts.Required
	}
	for ti := range v.tables {
		t := &v.tables[ti]
		for _, name := range req {
			v.ran()
			if !v.hasCategory(t, name) {
				v.report(r, r.Severity, t.path()+"/indicators",
					concat(t.label(), "没有“", NormalizeName(name), "”类绩效指标"),
					NormalizeName(name), "（无）")
			}
		}
	}
}

// hasCategory reports whether a row of t is filed under the category called
// name: the 一级 category so named, or else a 二级 category so named.
func (v *validator) hasCategory(t *table, name string) bool {
	l1 := v.fw.Level1Named(name)
	var l2s []Ref
	if l1 == nil {
		l2s = v.fw.level2Named(name)
	}
	for _, row := range t.rows {
		ref := row.ref
		if l1 != nil && ref.L1 == l1 {
			return true
		}
		for _, x := range l2s {
			if ref.L2 == x.L2 {
				return true
			}
		}
	}
	return false
}

type fundsRow struct {
	key, label string
	line       *FundsLine
}

func fundsRows(f *Funds) [4]fundsRow {
	return [4]fundsRow{
		{"total", "年度资金总额", &f.Total},
		{"fiscal", "财政拨款", &f.Fiscal},
		{"carryOver", "上年结转资金", &f.CarryOver},
		{"other", "其他资金", &f.Other},
	}
}

// decimals returns the number of decimal places d is written with.
func decimals(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// P3.
func (v *validator) checkExecutionRate(r *audit.Rule) {
	for ti := range v.tables {
		t := &v.tables[ti]
		for _, row := range fundsRows(t.funds) {
			l := row.line
			if !l.Budget.IsSet() || !l.Actual.IsSet() || l.Budget.Sign() == 0 {
				if l.Rate != "" && (!l.Budget.IsSet() || !l.Actual.IsSet()) {
					base := t.path() + "/funds/" + row.key
					v.skipAbsent(base+"/rate", base, []string{"/budget", "/actual"}, []Amount{l.Budget, l.Actual})
				}
				continue
			}
			rv := l.RateValue()
			if !rv.OK {
				if l.Rate != "" {
					p := t.path() + audit.Pointer("funds", row.key, "rate")
					v.skip(p, accounts.SkipUnreadable, p)
				}
				continue
			}
			v.ran()
			places := min(decimals(rv.Number), 2)
			want, ok := amount.Ratio(l.Actual, l.Budget, places)
			if !ok || want.Equal(rv.Number) {
				continue
			}
			v.report(r, r.Severity, t.path()+audit.Pointer("funds", row.key, "rate"),
				concat(t.label(), row.label, "执行率填列 ", l.Rate, "，执行数 ", l.Actual.String(), " ÷ 预算数 ", l.Budget.String(), " = ", want.StringFixed(places), "%"),
				want.StringFixed(places)+"%", l.Rate)
		}
	}
}

// sumCheck compares a total with its addends under the rule's tolerance and
// reports a mismatch with the rule's severity, a difference within rounding
// as info. path and what locate and name the total.
func (v *validator) sumCheck(r *audit.Rule, path, what string, total Amount, s sum) {
	c := v.rep.Tolerance(r.ID).CompareSum(amount.TenThousandYuan, total, s.addends...)
	if c.Outcome == amount.Incomplete {
		v.skip(path, accounts.SkipAbsent, path) // the total: the callers check the addends
		return
	}
	v.ran()
	switch c.Outcome {
	case amount.Mismatch:
		v.report(r, r.Severity, path, concat(what, " ", total.String(), "，", s.String(), " = ", c.Sum.String(), "，相差 ", c.Diff.String()), c.Sum.String(), total.String())
	case amount.Rounding:
		v.report(r, audit.Info, path, concat("舍入差异：", what, " ", total.String(), "，", s.String(), " = ", c.Sum.String(), "，相差 ", c.Diff.String(), "（容差 ", c.Bound.String(), "）"), c.Sum.String(), total.String())
	}
}

// sum is the addends of a total, as a sumCheck message writes them: after
// label, joined with "+" ("成本指标合计 30+3+5"), or, when names is set,
// each after its name, joined with " + " ("财政拨款 10 + 其他资金 2").
type sum struct {
	label   string
	names   []string
	addends []Amount
}

// String writes the formula.
func (s sum) String() string {
	parts := make([]string, len(s.addends))
	for k, a := range s.addends {
		parts[k] = a.String()
		if s.names != nil {
			parts[k] = s.names[k] + " " + parts[k]
		}
	}
	if s.names != nil {
		return strings.Join(parts, " + ")
	}
	return s.label + strings.Join(parts, "+")
}

// fundsColumns are the columns of the funds table P4 adds up.
var fundsColumns = [...]struct {
	key, label string
	get        func(*FundsLine) Amount
}{
	{"initial", "年初预算数", func(l *FundsLine) Amount { return l.Initial }},
	{"budget", "预算数", func(l *FundsLine) Amount { return l.Budget }},
	{"actual", "执行数", func(l *FundsLine) Amount { return l.Actual }},
}

// P4.
func (v *validator) checkFundsSum(r *audit.Rule) {
	for ti := range v.tables {
		t := &v.tables[ti]
		f := t.funds
		for _, c := range fundsColumns {
			total, fiscal, other := c.get(&f.Total), c.get(&f.Fiscal), c.get(&f.Other)
			if !total.IsSet() || !fiscal.IsSet() || !other.IsSet() {
				// A part not stated: nothing can be said. The ledger
				// lists a column that states some of them.
				if total.IsSet() || fiscal.IsSet() || other.IsSet() || c.get(&f.CarryOver).IsSet() {
					base := t.path() + "/funds/"
					v.skipAbsent(base+"total/"+c.key, base, []string{"total/" + c.key, "fiscal/" + c.key, "other/" + c.key}, []Amount{total, fiscal, other})
				}
				continue
			}
			s := sum{names: []string{"财政拨款"}, addends: []Amount{fiscal}}
			if co := c.get(&f.CarryOver); co.IsSet() {
				s.names, s.addends = append(s.names, "上年结转资金"), append(s.addends, co)
			}
			s.names, s.addends = append(s.names, "其他资金"), append(s.addends, other)
			v.sumCheck(r, t.path()+"/funds/total/"+c.key, t.label()+"年度资金总额"+c.label, total, s)
		}
	}
}

// moneyOf reads row i's field as an amount in 万元, exactly.
func moneyOf(t *table, i int, f field) (Amount, bool) {
	d, ok := t.value(i, f).InUnit("万元")
	if !ok {
		return Amount{}, false
	}
	return amount.New(d), true
}

// moneyOfRows reads field f of the given rows of t as amounts in 万元; ok
// is false if one of them is not an amount.
func moneyOfRows(t *table, rows []int, f field) (addends []Amount, ok bool) {
	for _, i := range rows {
		a, ok := moneyOf(t, i, f)
		if !ok {
			return nil, false
		}
		addends = append(addends, a)
	}
	return addends, true
}

// P5.
func (v *validator) checkCostSum(r *audit.Rule) {
	for ti := range v.tables {
		t := &v.tables[ti]
		var rows []int
		for i := range t.inds {
			if a, ok := t.aspect(i); ok && a == Cost {
				rows = append(rows, i)
			}
		}
		budget := t.funds.Total.Budget
		if len(rows) == 0 {
			continue
		}
		if !budget.IsSet() {
			v.skip(t.path()+"/funds/total/budget", accounts.SkipAbsent, t.path()+"/funds/total/budget")
			continue
		}
		addends, ok := moneyOfRows(t, rows, fieldTarget)
		if !ok {
			// A cost target that is not an amount: cannot tell.
			if v.cur != nil {
				v.skip(t.path()+"/funds/total/budget", accounts.SkipUnreadable, unreadableRows(t, rows, fieldTarget)...)
			}
			continue
		}
		v.sumCheck(r, t.path()+"/funds/total/budget", t.label()+"预算数", budget, sum{label: "成本指标合计 ", addends: addends})
	}
}

// completion computes the 完成率 (percent) that target and actual imply,
// rounded half away from zero to places decimal places, and whether the
// target is met. ok is false when they cannot be compared.
func completion(target, actual Value, places int32) (pct decimal.Decimal, met, ok bool) {
	x, y, met, ok := completionMet(target, actual)
	switch {
	case !ok:
		return decimal.Decimal{}, false, false
	case target.IsPeriod(): // and actual: the same period
		return hundred, true, true
	case target.Comparator.Upper():
		// An upper bound x: met when y ≤ x, and 完成率 is x ÷ y.
		if met && (y.Sign() == 0 || x.Equal(y)) {
			return hundred, true, true
		}
		return x.Mul(hundred).DivRound(y, places), met, true
	}
	return y.Mul(hundred).DivRound(x, places), met, true
}

// completionMet is completion without the rate: the target and actual
// figures on a common scale (x and y), whether the target is met, and
// whether a rate can be told. A period target is met by the same period.
func completionMet(target, actual Value) (x, y decimal.Decimal, met, ok bool) {
	if target.IsPeriod() || actual.IsPeriod() {
		ok = target.IsPeriod() && actual.IsPeriod() && samePeriod(target.Period, actual.Period)
		return x, y, ok, ok
	}
	if actual.Comparator != Plain && actual.Comparator != EQ {
		return x, y, false, false // an approximate or bounded actual value
	}
	if x, y, ok = commonScale(target, actual); !ok {
		return x, y, false, false
	}
	if target.Comparator.Upper() {
		met = y.Cmp(x) <= 0
		if !met && y.Sign() == 0 {
			return x, y, false, false // nothing to divide by
		}
		return x, y, met, true
	}
	if x.Sign() <= 0 {
		return x, y, false, false
	}
	return x, y, y.Cmp(x) >= 0, true
}

// hundred is 100, for percentages.
var hundred = decimal.NewFromInt(100)

// P6.
func (v *validator) checkCompletion(r *audit.Rule) {
	for ti := range v.tables {
		t := &v.tables[ti]
		for i := range t.inds {
			in := &t.inds[i]
			rv := in.RateValue()
			if !rv.OK {
				continue
			}
			target, actual := t.value(i, fieldTarget), t.value(i, fieldActual)
			// A met target stated as 100% needs no division.
			_, _, met, ok := completionMet(target, actual)
			if !ok {
				if v.cur != nil {
					v.skip(t.indPath(i, "rate"), accounts.SkipUnreadable, t.indPath(i, "target"), t.indPath(i, "actual"))
				}
				continue
			}
			if met && rv.Number.Equal(hundred) {
				v.ran()
				continue
			}
			places := min(decimals(rv.Number), 2)
			want, _, _ := completion(target, actual, places)
			if want.Equal(rv.Number) {
				v.ran()
				continue
			}
			v.ran()
			v.report(r, r.Severity, t.indPath(i, "rate"),
				concat(t.label(), "“", NormalizeName(in.Name), "”完成率填列 ", in.Rate, "，但指标值“", in.Target,
					"”、实际完成值“", in.Actual, "”对应完成率 ", want.StringFixed(places), "%"),
				want.StringFixed(places)+"%", in.Rate)
		}
	}
}

// P7.
func (v *validator) checkSameTarget(r *audit.Rule) {
	v.crossCheck(r, fieldTarget, "指标值")
}

// P8.
func (v *validator) checkSameActual(r *audit.Rule) {
	v.crossCheck(r, fieldActual, "实际完成值")
}

// crossCheck compares one field (target or actual) of the same indicator
// across the tables of the document:
//
//   - two project tables of one project: rows with the same 二级 category
//     and the same IndicatorKey must read the same;
//   - an evaluation row named after a project ("指标1：业务运行费") sums up
//     that project's rows of its 二级 category: for 成本指标 its amount must
//     equal their sum; for a period (全年) every row must name the same
//     period; otherwise every figure with a subject ("劝返率…80%") must agree
//     with the same subject's figure in those rows, if they state one;
//   - an evaluation row named like an indicator of its projects compares
//     with that row directly.
//
// Text that cannot be read is never compared beyond exact equality.
func (v *validator) crossCheck(r *audit.Rule, f field, what string) {
	for _, c := range v.comparisons() {
		if c.rows != nil {
			v.aggregate(r, f, what, c.b, c.j, c.a, c.rows)
		} else {
			v.direct(r, f, what, c.a, c.i, c.b, c.j)
		}
	}
}

// comparison is one comparison crossCheck makes, the same for the target
// and the actual value: row j of b against row i of a (direct), or against
// a's rows of its category (aggregate: rows is not nil).
type comparison struct {
	a    *table
	i    int
	b    *table
	j    int
	rows []int
}

// comparisons returns the rows P7 and P8 compare: which rows are the same
// indicator does not depend on the field compared.
func (v *validator) comparisons() []comparison {
	var cmps []comparison
	// Project table against project table.
	for _, idx := range v.byProject {
		for k := 1; k < len(idx); k++ {
			b := &v.tables[idx[k]]
			for j := range b.inds {
				if a, i, ok := v.findDirect(idx[:1], b, j); ok {
					cmps = append(cmps, comparison{a: a, i: i, b: b, j: j})
				}
			}
		}
	}
	for ti := range v.tables {
		e := &v.tables[ti]
		if !e.eval {
			continue
		}
		var pts []int
		for _, n := range e.projects {
			pts = append(pts, v.byProject[n]...)
		}
		for j := range e.inds {
			if e.rows[j].ref.L2 == nil {
				continue
			}
			if idx, ok := v.byProject[e.key(j)]; ok && slices.Contains(e.projects, e.key(j)) {
				// A row named after a project sums up that project's rows
				// of its category.
				pt := &v.tables[idx[0]]
				rows := make([]int, 0, len(pt.inds))
				for i := range pt.inds {
					if sameCategory(pt, i, e, j) {
						rows = append(rows, i)
					}
				}
				if len(rows) > 0 {
					cmps = append(cmps, comparison{a: pt, b: e, j: j, rows: rows})
				}
				continue
			}
			if a, i, ok := v.findDirect(pts, e, j); ok {
				cmps = append(cmps, comparison{a: a, i: i, b: e, j: j})
			}
		}
		// Evaluation against an earlier evaluation of the same rows.
		for tj := 0; tj < ti; tj++ {
			if !v.tables[tj].eval {
				continue
			}
			for j := range e.inds {
				if a, i, ok := v.findDirect([]int{tj}, e, j); ok {
					cmps = append(cmps, comparison{a: a, i: i, b: e, j: j})
				}
			}
		}
	}
	return cmps
}

// sameCategory reports whether two rows are filed under the same 二级
// category (by aspect when resolved, else by normalised name).
func sameCategory(a *table, i int, b *table, j int) bool {
	x, okx := a.aspect(i)
	y, oky := b.aspect(j)
	if okx && oky {
		return x == y && x != NoAspect
	}
	return NormalizeName(a.inds[i].Level2) == NormalizeName(b.inds[j].Level2)
}

// findDirect finds the row of tables idx that is the same indicator as row j
// of b.
func (v *validator) findDirect(idx []int, b *table, j int) (*table, int, bool) {
	k := b.key(j)
	if k == "" {
		return nil, 0, false
	}
	for _, ti := range idx {
		a := &v.tables[ti]
		if a == b {
			continue
		}
		for i := range a.inds {
			if a.key(i) == k && sameCategory(a, i, b, j) {
				return a, i, true
			}
		}
	}
	return nil, 0, false
}

// sameText compares field f of row i of a and row j of b as written, white
// space ignored; two values that parse to the same quantity or period are
// the same.
func sameText(f field, a *table, i int, b *table, j int) bool {
	if NormalizeName(f.text(&a.inds[i])) == NormalizeName(f.text(&b.inds[j])) {
		return true
	}
	vx, vy := a.value(i, f), b.value(j, f)
	if vx.OK && vy.OK {
		if vx.IsPeriod() || vy.IsPeriod() {
			return samePeriod(vx.Period, vy.Period)
		}
		x, y, ok := commonScale(vx, vy)
		return ok && x.Equal(y) && vx.Comparator == vy.Comparator
	}
	return false
}

func (v *validator) direct(r *audit.Rule, f field, what string, a *table, i int, b *table, j int) {
	v.ran()
	if sameText(f, a, i, b, j) {
		return
	}
	x, y, key := f.text(&a.inds[i]), f.text(&b.inds[j]), f.key()
	v.report(r, r.Severity, b.indPath(j, key),
		concat(b.label(), "“", NormalizeName(b.inds[j].Name), "”的", what, "“", y, "”与", a.label(), "（", a.indPath(i, key),
			"）同一指标的", what, "“", x, "”不一致"),
		x, y)
}

// aggregate compares evaluation row j of e, which sums up rows of project
// table pt (its rows of the same category).
func (v *validator) aggregate(r *audit.Rule, f field, what string, e *table, j int, pt *table, rows []int) {
	in := &e.inds[j]
	text, key := f.text(in), f.key()
	val := e.value(j, f)
	switch {
	case e.rows[j].ref.L2.Aspect == Cost:
		total, ok := moneyOf(e, j, f)
		if !ok {
			v.skip(e.indPath(j, key), accounts.SkipUnreadable, e.indPath(j, key))
			return
		}
		addends, ok := moneyOfRows(pt, rows, f)
		if !ok {
			if v.cur != nil {
				v.skip(e.indPath(j, key), accounts.SkipUnreadable, unreadableRows(pt, rows, f)...)
			}
			return
		}
		v.sumCheck(r, e.indPath(j, key), concat(e.label(), "“", NormalizeName(in.Name), "”成本", what, "（万元）"),
			total, sum{label: pt.label() + "成本指标" + what + "合计 ", addends: addends})
	case val.IsPeriod():
		v.ran()
		for _, i := range rows {
			if o := pt.value(i, f); o.IsPeriod() && !samePeriod(o.Period, val.Period) {
				other := f.text(&pt.inds[i])
				v.report(r, r.Severity, e.indPath(j, key),
					concat(e.label(), "“", NormalizeName(in.Name), "”的", what, "“", text, "”与", pt.label(), "（", pt.indPath(i, key),
						"）的", what, "“", other, "”不一致"),
					other, text)
				return
			}
		}
	case val.OK:
		// A bare quantity of a non-cost category does not sum: nothing to say.
	default:
		v.keyed(r, f, what, e, j, pt, rows)
	}
}

// keyed compares the figures with a subject in evaluation row j of e
// against the same subjects' figures in the project rows.
func (v *validator) keyed(r *audit.Rule, f field, what string, e *table, j int, pt *table, rows []int) {
	in := &e.inds[j]
	key := f.key()
	qs := keyedQuantities(f.text(in))
	if len(qs) == 0 {
		return
	}
	v.ran()
	others := make([][]keyedQuantity, len(rows)) // the project rows' figures
	for k, i := range rows {
		others[k] = keyedQuantities(f.text(&pt.inds[i]))
	}
	var seen []string // subjects already reported
	for _, q := range qs {
		var conflict keyedQuantity
		conflictRow := -1
		agree := false
		for k, i := range rows {
			for _, o := range others[k] {
				if !keysMatch(q.key, o.key) || q.unit != o.unit {
					continue
				}
				if sameNumber(q.num, o.num) {
					agree = true
				} else if conflictRow < 0 {
					conflict, conflictRow = o, i
				}
			}
		}
		if agree || conflictRow < 0 || slices.Contains(seen, q.key) {
			continue
		}
		seen = append(seen, q.key)
		v.report(r, r.Severity, e.indPath(j, key),
			concat(e.label(), "“", NormalizeName(in.Name), "”的", what, "写“", q.raw, "”，", pt.label(), "（", pt.indPath(conflictRow, key),
				"，", NormalizeName(pt.inds[conflictRow].Name), "）同一事项写“", conflict.raw, "”"),
			conflict.raw, q.raw)
	}
}

// P9.
func (v *validator) checkProjectTotal(r *audit.Rule) {
	pe := v.opts.ProjectExpenditure
	if !pe.IsSet() {
		if p := v.opts.ProjectExpenditurePath; p != "" && (len(v.p.Projects) > 0 || v.p.Department != nil) {
			v.skip(p, accounts.SkipAbsent, p)
		}
		return
	}
	if v.opts.ExpenditureUnit == amount.Yuan {
		pe = pe.Convert(amount.Yuan, amount.TenThousandYuan).Round(2)
	}
	var actuals []Amount
	for i := range v.p.Projects {
		actuals = append(actuals, v.p.Projects[i].Funds.Total.Actual)
	}
	if allSet(actuals) {
		v.sumCheck(r, "/performance/projects", "决算表项目支出", pe, sum{label: "各项目绩效目标完成情况表执行数合计 ", addends: actuals})
	} else if v.cur != nil && len(actuals) > 0 {
		var missing []string
		for i, a := range actuals {
			if !a.IsSet() {
				missing = append(missing, audit.Pointer("performance", "projects", i, "funds", "total", "actual"))
			}
		}
		v.skip("/performance/projects", accounts.SkipAbsent, missing...)
	}
	if d := v.p.Department; d != nil && d.Expenditure.Project.IsSet() {
		v.ran()
	}
	if d := v.p.Department; d != nil && d.Expenditure.Project.IsSet() && !d.Expenditure.Project.Equal(pe) {
		v.report(r, r.Severity, "/performance/department/expenditure/project",
			concat("部门整体支出自评的项目支出 ", d.Expenditure.Project.String(), " 与决算表项目支出 ", pe.String(), " 不一致"),
			pe.String(), d.Expenditure.Project.String())
	}
}

// allSet reports whether there are amounts and every one is set.
func allSet(amounts []Amount) bool {
	if len(amounts) == 0 {
		return false
	}
	for _, a := range amounts {
		if !a.IsSet() {
			return false
		}
	}
	return true
}

// evaluationColumns are the columns P10 compares.
var evaluationColumns = [...]struct {
	key, label, plabel string
	get                func(*FundsLine) Amount
}{
	{"budget", "全年预算数", "预算数", func(l *FundsLine) Amount { return l.Budget }},
	{"actual", "实际完成数", "执行数", func(l *FundsLine) Amount { return l.Actual }},
}

// P10.
func (v *validator) checkEvaluationSum(r *audit.Rule) {
	for ti := range v.tables {
		e := &v.tables[ti]
		if !e.eval || len(e.projects) == 0 {
			continue
		}
		var pts []*table
		for _, n := range e.projects {
			idx, ok := v.byProject[n]
			if !ok {
				pts = nil // a project without its table: nothing to add up
				break
			}
			pts = append(pts, &v.tables[idx[0]])
		}
		if pts == nil {
			if v.cur != nil {
				for _, c := range evaluationColumns {
					v.skip(e.path()+"/funds/total/"+c.key, accounts.SkipAbsent)
				}
			}
			continue
		}
		for _, c := range evaluationColumns {
			var addends []Amount
			for _, pt := range pts {
				addends = append(addends, c.get(&pt.funds.Total))
			}
			if !allSet(addends) {
				if v.cur != nil {
					var missing []string
					for k, a := range addends {
						if !a.IsSet() {
							missing = append(missing, pts[k].path()+"/funds/total/"+c.key)
						}
					}
					v.skip(e.path()+"/funds/total/"+c.key, accounts.SkipAbsent, missing...)
				}
				continue
			}
			v.sumCheck(r, e.path()+"/funds/total/"+c.key, e.label()+c.label, c.get(&e.funds.Total),
				sum{label: "所列项目完成情况表" + c.plabel + "合计 ", addends: addends})
		}
	}
}

// P11.
func (v *validator) checkDepartment(r *audit.Rule) {
	d := v.p.Department
	if d == nil {
		return
	}
	const base = "/performance/department"
	// items are the amounts of a breakdown, or nil if one is not stated;
	// the ledger lists a breakdown with an absent amount, at path.
	items := func(list []NamedAmount, at, path string) []Amount {
		var out []Amount
		for _, it := range list {
			out = append(out, it.Amount)
		}
		if !allSet(out) {
			if v.cur != nil && len(out) > 0 {
				var missing []string
				for i, a := range out {
					if !a.IsSet() {
						missing = append(missing, at+"/"+strconv.Itoa(i)+"/amount")
					}
				}
				v.skip(path, accounts.SkipAbsent, missing...)
			}
			return nil
		}
		return out
	}
	// partial lists, for the ledger, a check at path some of whose
	// figures (keys below base) are stated and some not.
	partial := func(path string, keys []string, figs ...Amount) {
		if v.cur == nil {
			return
		}
		some := false
		for _, a := range figs {
			some = some || a.IsSet()
		}
		if some && !allSet(figs) {
			v.skipAbsent(path, base, keys, figs)
		}
	}
	if a := items(d.Income.Items, base+"/income/items", base+"/income/total"); a != nil {
		v.sumCheck(r, base+"/income/total", "部门整体支出自评财政资金收入总计", d.Income.Total, sum{label: "收入明细合计 ", addends: a})
	}
	x := &d.Expenditure
	if x.Basic.IsSet() && x.Project.IsSet() {
		v.sumCheck(r, base+"/expenditure/total", "部门整体支出自评财政资金支出", x.Total,
			sum{names: []string{"基本支出", "项目支出"}, addends: []Amount{x.Basic, x.Project}})
	} else {
		partial(base+"/expenditure/total", []string{"/expenditure/basic", "/expenditure/project"}, x.Basic, x.Project)
	}
	if a := items(x.Items, base+"/expenditure/items", base+"/expenditure/total"); a != nil {
		v.sumCheck(r, base+"/expenditure/total", "部门整体支出自评财政资金支出", x.Total, sum{label: "支出明细合计 ", addends: a})
	}
	oc := &d.OperatingCost
	if oc.Current.IsSet() && oc.Prior.IsSet() && oc.Change.IsSet() {
		v.sumCheck(r, base+"/operatingCost/change", "机关运行经费本年数", oc.Current,
			sum{names: []string{"上年数", "增减额"}, addends: []Amount{oc.Prior, oc.Change}})
	} else {
		partial(base+"/operatingCost/change", []string{"/operatingCost/current", "/operatingCost/prior", "/operatingCost/change"}, oc.Current, oc.Prior, oc.Change)
	}
	if oc.ChangePercent.IsSet() && oc.Prior.IsSet() && oc.Current.IsSet() {
		dp, _ := oc.ChangePercent.Decimal()
		places := min(decimals(dp), 2)
		want, ok := amount.Ratio(oc.Current.Sub(oc.Prior), oc.Prior, places)
		if ok {
			v.ran()
		}
		if ok && !want.Equal(dp) {
			v.report(r, r.Severity, base+"/operatingCost/changePercent",
				concat("机关运行经费增减率填列 ", oc.ChangePercent.String(), "%，(", oc.Current.String(), " − ", oc.Prior.String(), ") ÷ ", oc.Prior.String(), " = ", want.StringFixed(places), "%"),
				want.StringFixed(places), oc.ChangePercent.String())
		}
	} else if oc.ChangePercent.IsSet() {
		partial(base+"/operatingCost/changePercent", []string{"/operatingCost/changePercent", "/operatingCost/current", "/operatingCost/prior"}, oc.ChangePercent, oc.Current, oc.Prior)
	}
	if a := items(d.ProjectFunds.Items, base+"/projectFunds/items", base+"/expenditure/project"); a != nil {
		if x.Project.IsSet() {
			v.sumCheck(r, base+"/expenditure/project", "部门整体支出自评项目支出", x.Project, sum{label: "项目资金合计 ", addends: a})
		} else {
			v.skip(base+"/expenditure/project", accounts.SkipAbsent, base+"/expenditure/project")
		}
	}
}

// concat joins the pieces of a finding's message: findings are built
// without fmt, so that a document with many findings pays only for its
// strings.
func concat(parts ...string) string { return strings.Join(parts, "") }
