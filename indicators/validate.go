package indicators

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/cnfiscal/juesuan/accounts/amount"
	"github.com/cnfiscal/juesuan/accounts/audit"
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
	sort.SliceStable(out, func(i, j int) bool { return ruleOrder(out[i].ID) < ruleOrder(out[j].ID) })
	return out
}

func ruleOrder(id string) int {
	n := 0
	for _, c := range strings.TrimPrefix(id, "P") {
		n = n*10 + int(c-'0')
	}
	return n
}

// Validate checks p and returns every finding, sorted.
func Validate(p *Performance, opts Options) audit.Findings {
	rep := audit.NewReporter(nil)
	ValidateInto(p, opts, rep)
	return rep.Findings()
}

// ValidateInto checks p, reporting into rep, which applies the profile's
// rule configuration. A nil p has nothing to check.
func ValidateInto(p *Performance, opts Options, rep *audit.Reporter) {
	if p == nil || rep == nil {
		return
	}
	v := &validator{p: p, opts: opts, rep: rep, fw: opts.Framework}
	if v.fw == nil && opts.FrameworkID != "" {
		f, err := LookupFramework(opts.FrameworkID)
		if err != nil {
			if rep.Enabled(RuleFramework) {
				rep.Report(audit.Finding{Rule: RuleFramework, Severity: audit.Error, Path: "/performance",
					Message:  fmt.Sprintf("指标框架 %q 未注册，指标层级与类别无法核对（已注册：%s）", opts.FrameworkID, strings.Join(FrameworkIDs(), "、")),
					Expected: strings.Join(FrameworkIDs(), "、"), Actual: opts.FrameworkID})
			}
		} else {
			v.fw = f
		}
	} else if v.fw == nil {
		v.fw = DetectFramework(p)
	}
	v.index()
	for i := range rules {
		r := &rules[i]
		if r.check != nil && rep.Enabled(r.ID) {
			r.check(v, &r.Rule)
		}
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
	path     string // JSON Pointer of the table
	label    string // Chinese label for messages
	eval     bool
	projects []string // normalised project names covered
	funds    *Funds
	inds     []Indicator
	keys     []string // IndicatorKey of each row
	refs     []Ref    // resolved categories (zero Ref when unresolved)
	errs     []error  // resolution errors
}

type validator struct {
	p      *Performance
	opts   Options
	rep    *audit.Reporter
	fw     *Framework
	tables []table
	// byProject maps a normalised project name to its project tables.
	byProject map[string][]int
	// values and keyedQs memoise the parsing of indicator texts: the
	// cross-table checks compare the same texts many times.
	values  map[string]Value
	keyedQs map[string][]keyedQuantity
}

// parse is ParseValue, memoised for one validation.
func (v *validator) parse(s string) Value {
	if x, ok := v.values[s]; ok {
		return x
	}
	if v.values == nil {
		v.values = map[string]Value{}
	}
	x := ParseValue(s)
	v.values[s] = x
	return x
}

// rate is parseRate, memoised for one validation.
func (v *validator) rate(s string) Value {
	x := v.parse(s)
	if !x.IsQuantity() || x.Unit != "%" {
		return Value{}
	}
	return x
}

// keyedOf is keyedQuantities, memoised for one validation.
func (v *validator) keyedOf(s string) []keyedQuantity {
	if x, ok := v.keyedQs[s]; ok {
		return x
	}
	if v.keyedQs == nil {
		v.keyedQs = map[string][]keyedQuantity{}
	}
	x := keyedQuantities(s)
	v.keyedQs[s] = x
	return x
}

func (v *validator) index() {
	v.byProject = map[string][]int{}
	add := func(t table) {
		t.keys = make([]string, len(t.inds))
		for i := range t.inds {
			t.keys[i] = IndicatorKey(t.inds[i].Name)
		}
		t.refs = make([]Ref, len(t.inds))
		t.errs = make([]error, len(t.inds))
		if v.fw != nil {
			for i := range t.inds {
				t.refs[i], t.errs[i] = v.fw.Resolve(t.inds[i].Level1, t.inds[i].Level2)
			}
		}
		v.tables = append(v.tables, t)
	}
	for i := range v.p.Projects {
		pt := &v.p.Projects[i]
		n := NormalizeName(pt.Name)
		v.byProject[n] = append(v.byProject[n], len(v.tables))
		add(table{path: audit.Pointer("performance", "projects", i), label: fmt.Sprintf("项目“%s”完成情况表", n),
			projects: []string{n}, funds: &pt.Funds, inds: pt.Indicators})
	}
	for i := range v.p.Evaluations {
		e := &v.p.Evaluations[i]
		add(table{path: audit.Pointer("performance", "evaluations", i), label: fmt.Sprintf("评价结论表（%s）", NormalizeName(e.Projects)),
			eval: true, projects: e.ProjectNames(), funds: &e.Funds, inds: e.Indicators})
	}
}

func (v *validator) report(r *audit.Rule, sev audit.Severity, path, msg, expected, actual string) {
	v.rep.Report(audit.Finding{Rule: r.ID, Severity: sev, Path: path, Message: msg, Expected: expected, Actual: actual})
}

func indPath(t *table, i int, field string) string {
	return t.path + audit.Pointer("indicators", i, field)
}

// P1.
func (v *validator) checkHierarchy(r *audit.Rule) {
	if v.fw == nil {
		return
	}
	for ti := range v.tables {
		t := &v.tables[ti]
		for i, err := range t.errs {
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
			v.report(r, r.Severity, indPath(t, i, field),
				fmt.Sprintf("%s第%d行“%s”：%v", t.label, i+1, NormalizeName(in.Name), err),
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
			have := false
			if l1 := v.fw.Level1Named(name); l1 != nil {
				for _, ref := range t.refs {
					if ref.L1 == l1 {
						have = true
					}
				}
			} else {
				for _, want := range v.fw.level2Named(name) {
					for _, ref := range t.refs {
						if ref.L2 == want.L2 {
							have = true
						}
					}
				}
			}
			if !have {
				v.report(r, r.Severity, t.path+"/indicators",
					fmt.Sprintf("%s没有“%s”类绩效指标", t.label, NormalizeName(name)),
					NormalizeName(name), "（无）")
			}
		}
	}
}

type fundsRow struct {
	key, label string
	line       *FundsLine
}

func fundsRows(f *Funds) []fundsRow {
	return []fundsRow{
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
			if l.Rate == "" || !l.Budget.IsSet() || !l.Actual.IsSet() || l.Budget.Sign() == 0 {
				continue
			}
			rv := l.RateValue()
			if !rv.OK {
				continue
			}
			places := min(decimals(rv.Number), 2)
			want, ok := amount.Ratio(l.Actual, l.Budget, places)
			if !ok || want.Equal(rv.Number) {
				continue
			}
			v.report(r, r.Severity, t.path+audit.Pointer("funds", row.key, "rate"),
				fmt.Sprintf("%s%s执行率填列 %s，执行数 %s ÷ 预算数 %s = %s%%", t.label, row.label, l.Rate, l.Actual, l.Budget, want.StringFixed(places)),
				want.StringFixed(places)+"%", l.Rate)
		}
	}
}

// sumCheck compares a total with its addends under the rule's tolerance and
// reports a mismatch with sev, a difference within rounding as info.
func (v *validator) sumCheck(r *audit.Rule, sev audit.Severity, path, what string, total Amount, addends []Amount, formula string) {
	c := v.rep.Tolerance(r.ID).CompareSum(amount.TenThousandYuan, total, addends...)
	switch c.Outcome {
	case amount.Mismatch:
		v.report(r, sev, path, fmt.Sprintf("%s %s，%s = %s，相差 %s", what, total, formula, c.Sum, c.Diff), c.Sum.String(), total.String())
	case amount.Rounding:
		v.report(r, audit.Info, path, fmt.Sprintf("舍入差异：%s %s，%s = %s，相差 %s（容差 %s）", what, total, formula, c.Sum, c.Diff, c.Bound), c.Sum.String(), total.String())
	}
}

// P4.
func (v *validator) checkFundsSum(r *audit.Rule) {
	for ti := range v.tables {
		t := &v.tables[ti]
		f := t.funds
		cols := []struct {
			key, label string
			get        func(*FundsLine) Amount
		}{
			{"initial", "年初预算数", func(l *FundsLine) Amount { return l.Initial }},
			{"budget", "预算数", func(l *FundsLine) Amount { return l.Budget }},
			{"actual", "执行数", func(l *FundsLine) Amount { return l.Actual }},
		}
		for _, c := range cols {
			total, fiscal, other := c.get(&f.Total), c.get(&f.Fiscal), c.get(&f.Other)
			if !total.IsSet() || !fiscal.IsSet() || !other.IsSet() {
				continue // a part not stated: nothing can be said
			}
			addends := []Amount{fiscal}
			formula := "财政拨款 " + fiscal.String()
			if co := c.get(&f.CarryOver); co.IsSet() {
				addends = append(addends, co)
				formula += " + 上年结转资金 " + co.String()
			}
			addends = append(addends, other)
			formula += " + 其他资金 " + other.String()
			v.sumCheck(r, r.Severity, t.path+audit.Pointer("funds", "total", c.key),
				t.label+"年度资金总额"+c.label, total, addends, formula)
		}
	}
}

// moneyOf reads a value as an amount in 万元, exactly.
func (v *validator) moneyOf(s string) (Amount, bool) {
	d, ok := v.parse(s).InUnit("万元")
	if !ok {
		return Amount{}, false
	}
	return amount.New(d), true
}

// costRows returns the indexes of a table's 成本指标 rows.
func costRows(t *table) []int {
	var out []int
	for i, ref := range t.refs {
		if ref.L2 != nil && ref.L2.Aspect == Cost {
			out = append(out, i)
		}
	}
	return out
}

// P5.
func (v *validator) checkCostSum(r *audit.Rule) {
	for ti := range v.tables {
		t := &v.tables[ti]
		rows := costRows(t)
		budget := t.funds.Total.Budget
		if len(rows) == 0 || !budget.IsSet() {
			continue
		}
		var addends []Amount
		var parts []string
		for _, i := range rows {
			a, ok := v.moneyOf(t.inds[i].Target)
			if !ok {
				addends = nil // a cost target that is not an amount: cannot tell
				break
			}
			addends = append(addends, a)
			parts = append(parts, a.String())
		}
		if addends == nil {
			continue
		}
		v.sumCheck(r, r.Severity, t.path+"/funds/total/budget", t.label+"预算数", budget, addends,
			"成本指标合计 "+strings.Join(parts, "+"))
	}
}

// completion computes the 完成率 (percent) that target and actual imply,
// and whether the target is met. ok is false when they cannot be compared.
func completion(target, actual Value) (pct decimal.Decimal, met, ok bool) {
	hundred := decimal.NewFromInt(100)
	if target.IsPeriod() || actual.IsPeriod() {
		if target.IsPeriod() && actual.IsPeriod() && samePeriod(target.Period, actual.Period) {
			return hundred, true, true
		}
		return decimal.Decimal{}, false, false
	}
	if actual.Comparator != Plain && actual.Comparator != EQ {
		return decimal.Decimal{}, false, false // an approximate or bounded actual value
	}
	x, y, ok := commonScale(target, actual)
	if !ok {
		return decimal.Decimal{}, false, false
	}
	if target.Comparator.Upper() {
		if y.Cmp(x) <= 0 {
			if y.Sign() == 0 {
				return hundred, true, true
			}
			return x.Mul(hundred).DivRound(y, 10), true, true
		}
		return x.Mul(hundred).DivRound(y, 10), false, true
	}
	if x.Sign() <= 0 {
		return decimal.Decimal{}, false, false
	}
	p := y.Mul(hundred).DivRound(x, 10)
	return p, p.Cmp(hundred) >= 0, true
}

// P6.
func (v *validator) checkCompletion(r *audit.Rule) {
	hundred := decimal.NewFromInt(100)
	for ti := range v.tables {
		t := &v.tables[ti]
		for i := range t.inds {
			in := &t.inds[i]
			rv := v.rate(in.Rate)
			if !rv.OK {
				continue
			}
			pct, met, ok := completion(v.parse(in.Target), v.parse(in.Actual))
			if !ok {
				continue
			}
			places := min(decimals(rv.Number), 2)
			want := pct.Round(places)
			if want.Equal(rv.Number) || (met && rv.Number.Equal(hundred)) {
				continue
			}
			v.report(r, r.Severity, indPath(t, i, "rate"),
				fmt.Sprintf("%s“%s”完成率填列 %s，但指标值“%s”、实际完成值“%s”对应完成率 %s%%",
					t.label, NormalizeName(in.Name), in.Rate, in.Target, in.Actual, want.StringFixed(places)),
				want.StringFixed(places)+"%", in.Rate)
		}
	}
}

// P7.
func (v *validator) checkSameTarget(r *audit.Rule) {
	v.crossCheck(r, func(in *Indicator) string { return in.Target }, "指标值", "target")
}

// P8.
func (v *validator) checkSameActual(r *audit.Rule) {
	v.crossCheck(r, func(in *Indicator) string { return in.Actual }, "实际完成值", "actual")
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
func (v *validator) crossCheck(r *audit.Rule, field func(*Indicator) string, what, key string) {
	// Project table against project table.
	for _, idx := range v.byProject {
		for k := 1; k < len(idx); k++ {
			b := &v.tables[idx[k]]
			for j := range b.inds {
				if at, ai, ok := v.findDirect(idx[:1], b, j); ok {
					v.direct(r, field, what, key, at, ai, b, j)
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
			if e.refs[j].L2 == nil {
				continue
			}
			if idx, ok := v.byProject[e.keys[j]]; ok && contains(e.projects, e.keys[j]) {
				v.aggregate(r, field, what, key, e, j, &v.tables[idx[0]])
				continue
			}
			if at, ai, ok := v.findDirect(pts, e, j); ok {
				v.direct(r, field, what, key, at, ai, e, j)
			}
		}
		// Evaluation against an earlier evaluation of the same rows.
		for tj := 0; tj < ti; tj++ {
			o := &v.tables[tj]
			if !o.eval {
				continue
			}
			for j := range e.inds {
				if at, ai, ok := v.findDirect([]int{tj}, e, j); ok {
					v.direct(r, field, what, key, at, ai, e, j)
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sameCategory reports whether two rows are filed under the same 二级
// category (by aspect when resolved, else by normalised name).
func sameCategory(a *table, i int, b *table, j int) bool {
	ra, rb := a.refs[i], b.refs[j]
	if ra.L2 != nil && rb.L2 != nil {
		return ra.L2.Aspect == rb.L2.Aspect && ra.L2.Aspect != NoAspect
	}
	return NormalizeName(a.inds[i].Level2) == NormalizeName(b.inds[j].Level2)
}

// findDirect finds the row of tables idx that is the same indicator as row j
// of b.
func (v *validator) findDirect(idx []int, b *table, j int) (*table, int, bool) {
	k := b.keys[j]
	if k == "" {
		return nil, 0, false
	}
	for _, ti := range idx {
		a := &v.tables[ti]
		if a == b {
			continue
		}
		for i := range a.inds {
			if a.keys[i] == k && sameCategory(a, i, b, j) {
				return a, i, true
			}
		}
	}
	return nil, 0, false
}

// sameText compares two values as written, white space ignored; two values
// that parse to the same quantity or period are the same.
func (v *validator) sameText(x, y string) bool {
	nx, ny := NormalizeName(x), NormalizeName(y)
	if nx == ny {
		return true
	}
	vx, vy := v.parse(x), v.parse(y)
	if vx.OK && vy.OK {
		if vx.IsPeriod() || vy.IsPeriod() {
			return samePeriod(vx.Period, vy.Period)
		}
		a, b, ok := commonScale(vx, vy)
		return ok && a.Equal(b) && vx.Comparator == vy.Comparator
	}
	return false
}

func (v *validator) direct(r *audit.Rule, field func(*Indicator) string, what, key string, a *table, i int, b *table, j int) {
	x, y := field(&a.inds[i]), field(&b.inds[j])
	if v.sameText(x, y) {
		return
	}
	v.report(r, r.Severity, indPath(b, j, key),
		fmt.Sprintf("%s“%s”的%s“%s”与%s（%s）同一指标的%s“%s”不一致",
			b.label, NormalizeName(b.inds[j].Name), what, y, a.label, indPath(a, i, key), what, x),
		x, y)
}

// aggregate compares evaluation row j of e, which sums up project table pt's
// rows of the same category.
func (v *validator) aggregate(r *audit.Rule, field func(*Indicator) string, what, key string, e *table, j int, pt *table) {
	var rows []int
	for i := range pt.inds {
		if sameCategory(pt, i, e, j) {
			rows = append(rows, i)
		}
	}
	if len(rows) == 0 {
		return
	}
	in := &e.inds[j]
	text := field(in)
	val := v.parse(text)
	switch {
	case e.refs[j].L2.Aspect == Cost:
		total, ok := v.moneyOf(text)
		if !ok {
			return
		}
		var addends []Amount
		for _, i := range rows {
			a, ok := v.moneyOf(field(&pt.inds[i]))
			if !ok {
				return
			}
			addends = append(addends, a)
		}
		if v.rep.Tolerance(r.ID).CompareSum(amount.TenThousandYuan, total, addends...).Outcome == amount.Equal {
			return // the common case: build no message
		}
		parts := make([]string, len(addends))
		for k, a := range addends {
			parts[k] = a.String()
		}
		v.sumCheck(r, r.Severity, indPath(e, j, key), fmt.Sprintf("%s“%s”成本%s（万元）", e.label, NormalizeName(in.Name), what),
			total, addends, pt.label+"成本指标"+what+"合计 "+strings.Join(parts, "+"))
	case val.IsPeriod():
		for _, i := range rows {
			o := v.parse(field(&pt.inds[i]))
			if o.IsPeriod() && !samePeriod(o.Period, val.Period) {
				v.report(r, r.Severity, indPath(e, j, key),
					fmt.Sprintf("%s“%s”的%s“%s”与%s（%s）的%s“%s”不一致", e.label, NormalizeName(in.Name), what, text, pt.label, indPath(pt, i, key), what, field(&pt.inds[i])),
					field(&pt.inds[i]), text)
				return
			}
		}
	case val.OK:
		// A bare quantity of a non-cost category does not sum: nothing to say.
	default:
		v.keyed(r, what, key, e, j, text, pt, rows, field)
	}
}

// keyed compares the figures with a subject in text against the same
// subjects' figures in the project rows.
func (v *validator) keyed(r *audit.Rule, what, key string, e *table, j int, text string, pt *table, rows []int, field func(*Indicator) string) {
	qs := v.keyedOf(text)
	if len(qs) == 0 {
		return
	}
	others := make([][]keyedQuantity, len(rows))
	for k, i := range rows {
		others[k] = v.keyedOf(field(&pt.inds[i]))
	}
	seen := map[string]bool{}
	for _, q := range qs {
		var conflict *keyedQuantity
		var conflictRow int
		agree := false
		for k, i := range rows {
			for _, o := range others[k] {
				if !keysMatch(q.key, o.key) || q.unit != o.unit {
					continue
				}
				if q.num.Equal(o.num) {
					agree = true
				} else if conflict == nil {
					oc := o
					conflict, conflictRow = &oc, i
				}
			}
		}
		if agree || conflict == nil || seen[q.key] {
			continue
		}
		seen[q.key] = true
		in := &e.inds[j]
		v.report(r, r.Severity, indPath(e, j, key),
			fmt.Sprintf("%s“%s”的%s写“%s”，%s（%s，%s）同一事项写“%s”",
				e.label, NormalizeName(in.Name), what, q.raw, pt.label, indPath(pt, conflictRow, key),
				NormalizeName(pt.inds[conflictRow].Name), conflict.raw),
			conflict.raw, q.raw)
	}
}

// P9.
func (v *validator) checkProjectTotal(r *audit.Rule) {
	pe := v.opts.ProjectExpenditure
	if !pe.IsSet() {
		return
	}
	if v.opts.ExpenditureUnit == amount.Yuan {
		pe = pe.Convert(amount.Yuan, amount.TenThousandYuan).Round(2)
	}
	if len(v.p.Projects) > 0 {
		var addends []Amount
		var parts []string
		for i := range v.p.Projects {
			a := v.p.Projects[i].Funds.Total.Actual
			if !a.IsSet() {
				addends = nil
				break
			}
			addends = append(addends, a)
			parts = append(parts, a.String())
		}
		if addends != nil {
			v.sumCheck(r, r.Severity, "/performance/projects", "决算表项目支出", pe, addends,
				"各项目绩效目标完成情况表执行数合计 "+strings.Join(parts, "+"))
		}
	}
	if d := v.p.Department; d != nil && d.Expenditure.Project.IsSet() && !d.Expenditure.Project.Equal(pe) {
		v.report(r, r.Severity, "/performance/department/expenditure/project",
			fmt.Sprintf("部门整体支出自评的项目支出 %s 与决算表项目支出 %s 不一致", d.Expenditure.Project, pe),
			pe.String(), d.Expenditure.Project.String())
	}
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
				pts = nil
				break
			}
			pts = append(pts, &v.tables[idx[0]])
		}
		if pts == nil {
			continue
		}
		for _, c := range []struct {
			key, label, plabel string
			get                func(*FundsLine) Amount
		}{
			{"budget", "全年预算数", "预算数", func(l *FundsLine) Amount { return l.Budget }},
			{"actual", "实际完成数", "执行数", func(l *FundsLine) Amount { return l.Actual }},
		} {
			total := c.get(&e.funds.Total)
			var addends []Amount
			var parts []string
			for _, pt := range pts {
				a := c.get(&pt.funds.Total)
				if !a.IsSet() {
					addends = nil
					break
				}
				addends = append(addends, a)
				parts = append(parts, a.String())
			}
			if addends == nil {
				continue
			}
			v.sumCheck(r, r.Severity, e.path+audit.Pointer("funds", "total", c.key), e.label+c.label, total, addends,
				"所列项目完成情况表"+c.plabel+"合计 "+strings.Join(parts, "+"))
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
	items := func(list []NamedAmount) ([]Amount, string) {
		var out []Amount
		var parts []string
		for _, it := range list {
			if !it.Amount.IsSet() {
				return nil, ""
			}
			out = append(out, it.Amount)
			parts = append(parts, it.Amount.String())
		}
		return out, strings.Join(parts, "+")
	}
	if a, f := items(d.Income.Items); len(a) > 0 {
		v.sumCheck(r, r.Severity, base+"/income/total", "部门整体支出自评财政资金收入总计", d.Income.Total, a, "收入明细合计 "+f)
	}
	x := &d.Expenditure
	if x.Basic.IsSet() && x.Project.IsSet() {
		v.sumCheck(r, r.Severity, base+"/expenditure/total", "部门整体支出自评财政资金支出", x.Total,
			[]Amount{x.Basic, x.Project}, fmt.Sprintf("基本支出 %s + 项目支出 %s", x.Basic, x.Project))
	}
	if a, f := items(x.Items); len(a) > 0 {
		v.sumCheck(r, r.Severity, base+"/expenditure/total", "部门整体支出自评财政资金支出", x.Total, a, "支出明细合计 "+f)
	}
	oc := &d.OperatingCost
	if oc.Current.IsSet() && oc.Prior.IsSet() && oc.Change.IsSet() {
		v.sumCheck(r, r.Severity, base+"/operatingCost/change", "机关运行经费本年数", oc.Current,
			[]Amount{oc.Prior, oc.Change}, fmt.Sprintf("上年数 %s + 增减额 %s", oc.Prior, oc.Change))
	}
	if oc.ChangePercent.IsSet() && oc.Prior.IsSet() && oc.Current.IsSet() {
		dp, _ := oc.ChangePercent.Decimal()
		places := min(decimals(dp), 2)
		if want, ok := amount.Ratio(oc.Current.Sub(oc.Prior), oc.Prior, places); ok && !want.Equal(dp) {
			v.report(r, r.Severity, base+"/operatingCost/changePercent",
				fmt.Sprintf("机关运行经费增减率填列 %s%%，(%s − %s) ÷ %s = %s%%", oc.ChangePercent, oc.Current, oc.Prior, oc.Prior, want.StringFixed(places)),
				want.StringFixed(places), oc.ChangePercent.String())
		}
	}
	if a, f := items(d.ProjectFunds.Items); len(a) > 0 && x.Project.IsSet() {
		v.sumCheck(r, r.Severity, base+"/expenditure/project", "部门整体支出自评项目支出", x.Project, a, "项目资金合计 "+f)
	}
}
