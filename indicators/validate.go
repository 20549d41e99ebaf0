package indicators

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

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
	v := validators.Get().(*validator)
	defer v.release()
	v.p, v.opts, v.rep, v.fw = p, opts, rep, opts.Framework
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
	n        int    // index in Performance.Projects or Performance.Evaluations
	name     string // Name of the project table, Projects of the evaluation
	eval     bool
	projects []string // normalised project names covered
	funds    *Funds
	inds     []Indicator
	keys     []string // IndicatorKey of each row, once rowValues.hasKey (see key)
	refs     []Ref    // resolved categories (zero Ref when unresolved)
	errs     []error  // resolution errors
	// vals memoises the parsed target and actual of each row, indexed by
	// field; the cross-table checks read the same rows many times.
	vals []rowValues
	// runs are the runs of consecutive rows filed under one category, and
	// unresolved reports a row filed under none: rows come grouped by
	// category, so P2 looks at each category once and P7 and P8 find a
	// category's rows run by run.
	runs       []categoryRun
	unresolved bool
}

// categoryRun is rows start to end−1 of a table, all filed under ref
// (the zero Ref when unresolved), whose aspect is aspect (as in rowValues).
type categoryRun struct {
	ref        Ref
	aspect     int16
	start, end int32
}

// path is the JSON Pointer of the table. It and label are built only for a
// finding: most validations report nothing.
func (t *table) path() string {
	a, n := t.pathParts()
	return a + n
}

// pathParts are the parts of path, for building a longer string at once.
func (t *table) pathParts() (string, string) {
	if t.eval {
		return "/performance/evaluations/", strconv.Itoa(t.n)
	}
	return "/performance/projects/", strconv.Itoa(t.n)
}

// label is the table's Chinese label for messages.
func (t *table) label() string {
	a, b, c := t.labelParts()
	return a + b + c
}

// labelParts are the parts of label, for building a message at once.
func (t *table) labelParts() (string, string, string) {
	if t.eval {
		return "评价结论表（", NormalizeName(t.name), "）"
	}
	return "项目“", NormalizeName(t.name), "”完成情况表"
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

// rowValues locates what was read from one row's target and actual, each
// computed on first use: 1 + the index into validator.values and
// validator.keyedQs; 0 when not yet computed; -1 when computed and empty
// (text that is not a value, or states no figure with a subject — most
// rows). Indexes keep the per-row record small.
type rowValues struct {
	value [2]int32
	keyed [2]int32
	// aspect is the Aspect of the row's resolved 二级 category, or -1 when
	// the row is not resolved; sameCategory compares rows by it.
	aspect int16
	// hasKey reports that table.keys holds the row's IndicatorKey.
	hasKey bool
}

// key is IndicatorKey of row i's name, memoised for one validation: only
// the rows P7 and P8 match by name need it.
func (t *table) key(i int) string {
	if !t.vals[i].hasKey {
		t.keys[i], t.vals[i].hasKey = IndicatorKey(t.inds[i].Name), true
	}
	return t.keys[i]
}

type validator struct {
	p      *Performance
	opts   Options
	rep    *audit.Reporter
	fw     *Framework
	tables []table
	// byProject maps a normalised project name to its project tables.
	byProject map[string][]int
	// last is the last answer of Framework.Resolve: rows come grouped by
	// category, so consecutive rows usually repeat it.
	last resolution
	// values and keyedQs hold the memoised readings of rowValues.
	values  []Value
	keyedQs [][]keyedQuantity
	kqArena []keyedQuantity // holds the elements of keyedQs
	// cmps are the comparisons of P7 and P8 once compared is set; rowsArena
	// holds their rows, ptsArena the project tables of one evaluation.
	cmps      []comparison
	compared  bool
	rowsArena []int
	ptsArena  []int
	runs      []categoryRun // holds the tables' runs
	names     []string      // holds the tables' project names
	rowsBuf   []int         // scratch for costRows
	// lastText is the last text parse read, and lastTextValue its reading.
	lastText      string
	lastTextValue int32
	lastTextSet   bool
	// lastRate is the last 完成率 text rate read, and lastRateValue its
	// reading.
	lastRate      string
	lastRateValue Value
	lastRateSet   bool
	// The per-row arrays the tables' slices are cut from, kept for the
	// next validation (see validators).
	keys []string
	refs []Ref
	errs []error
	vals []rowValues
}

// validators recycles the validator and its scratch arrays: validating a
// document would otherwise allocate them afresh, and the garbage collector
// would spend as long on them as the rules spend checking. Nothing of one
// validation survives into the next: release clears every reference to the
// document before the validator goes back.
var validators = sync.Pool{New: func() any { return new(validator) }}

// release clears v and returns it to validators.
func (v *validator) release() {
	clear(v.tables)
	clear(v.values)
	clear(v.keyedQs)
	clear(v.kqArena)
	clear(v.keys)
	clear(v.refs)
	clear(v.errs)
	clear(v.vals)
	clear(v.byProject)
	clear(v.cmps)
	clear(v.names)
	*v = validator{
		tables: v.tables[:0], byProject: v.byProject,
		values: v.values[:0], keyedQs: v.keyedQs[:0], kqArena: v.kqArena[:0],
		cmps: v.cmps[:0], rowsArena: v.rowsArena[:0], ptsArena: v.ptsArena[:0],
		runs: v.runs[:0], names: v.names[:0], rowsBuf: v.rowsBuf[:0],
		keys: v.keys[:0], refs: v.refs[:0], errs: v.errs[:0], vals: v.vals[:0],
	}
	validators.Put(v)
}

// scratch returns s resized to n elements, all zero, reusing its array when
// it is large enough.
func scratch[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

type resolution struct {
	level1, level2 string
	ref            Ref
	err            error
	set            bool
}

// value is ParseValue of row i's field, memoised for one validation. The
// result is shared: callers only read it.
func (v *validator) value(t *table, i int, f field) *Value {
	rv := &t.vals[i]
	if rv.value[f] == 0 {
		rv.value[f] = v.parse(t, i, f)
	}
	if rv.value[f] < 0 {
		return &noValue
	}
	// An element of an earlier array, when values has grown since, holds
	// the same reading.
	return &v.values[rv.value[f]-1]
}

// noValue is the reading of a text that is not a value. It is never
// written.
var noValue Value

// parse reads row i's field for rowValues.value. The same text is read
// once: a row's target and actual value are often the same ("30万元",
// "全年"), and so are consecutive rows' (the 时效指标 rows' "全年").
func (v *validator) parse(t *table, i int, f field) int32 {
	s := f.text(&t.inds[i])
	o := 1 - f // the row's other field
	if k := t.vals[i].value[o]; k != 0 && o.text(&t.inds[i]) == s {
		return k
	}
	if v.lastTextSet && v.lastText == s {
		return v.lastTextValue
	}
	k := int32(-1)
	if x := ParseValue(s); x.OK {
		v.values = append(v.values, x)
		k = int32(len(v.values))
	}
	v.lastText, v.lastTextValue, v.lastTextSet = s, k, true
	return k
}

// rate is parseRate, remembering the last answer: the 完成率 of row after
// row is usually the same text ("100%").
func (v *validator) rate(s string) *Value {
	if s != v.lastRate || !v.lastRateSet {
		v.lastRate, v.lastRateValue, v.lastRateSet = s, parseRate(s), true
	}
	return &v.lastRateValue
}

// keyedOf is keyedQuantities of row i's field, memoised for one validation.
func (v *validator) keyedOf(t *table, i int, f field) []keyedQuantity {
	rv := &t.vals[i]
	if rv.keyed[f] == 0 {
		rv.keyed[f] = v.scan(t, i, f)
	}
	if rv.keyed[f] < 0 {
		return nil
	}
	return v.keyedQs[rv.keyed[f]-1]
}

// scan finds the keyed quantities of row i's field for rowValues.keyed.
// A row whose target and actual value are the same sentence is scanned
// once.
func (v *validator) scan(t *table, i int, f field) int32 {
	s := f.text(&t.inds[i])
	o := 1 - f // the row's other field
	if k := t.vals[i].keyed[o]; k != 0 && o.text(&t.inds[i]) == s {
		return k
	}
	k := int32(-1)
	n := len(v.kqArena)
	if v.kqArena = appendKeyedQuantities(v.kqArena, s); len(v.kqArena) > n {
		// The slice stays valid when the arena grows into a new array.
		v.keyedQs = append(v.keyedQs, v.kqArena[n:len(v.kqArena):len(v.kqArena)])
		k = int32(len(v.keyedQs))
	}
	return k
}

// resolve is v.fw.Resolve, memoised for one validation.
func (v *validator) resolve(level1, level2 string) (Ref, error) {
	// Rows come grouped by category: try the last answer first.
	if r := &v.last; r.set && r.level1 == level1 && r.level2 == level2 {
		return r.ref, r.err
	}
	ref, err := v.fw.Resolve(level1, level2)
	v.last = resolution{level1, level2, ref, err, true}
	return ref, err
}
func (v *validator) index() {
	if v.byProject == nil {
		v.byProject = make(map[string][]int, len(v.p.Projects))
	}
	n := 0
	for i := range v.p.Projects {
		n += len(v.p.Projects[i].Indicators)
	}
	for i := range v.p.Evaluations {
		n += len(v.p.Evaluations[i].Indicators)
	}
	// One backing array for every table's per-row slices.
	v.keys, v.refs, v.errs, v.vals = scratch(v.keys, n), scratch(v.refs, n), scratch(v.errs, n), scratch(v.vals, n)
	keys, refs, errs, vals := v.keys, v.refs, v.errs, v.vals
	v.tables = v.tables[:0]
	add := func(t table) {
		runs := len(v.runs)
		m := len(t.inds)
		t.keys, t.refs, t.errs, t.vals = keys[:m:m], refs[:m:m], errs[:m:m], vals[:m:m]
		keys, refs, errs, vals = keys[m:], refs[m:], errs[m:], vals[m:]
		for i := range t.inds {
			if v.fw != nil {
				t.refs[i], t.errs[i] = v.resolve(t.inds[i].Level1, t.inds[i].Level2)
			}
			a := int16(-1)
			if l2 := t.refs[i].L2; l2 != nil {
				a = int16(l2.Aspect)
			}
			t.vals[i].aspect = a
			t.unresolved = t.unresolved || a < 0
			if n := len(v.runs); i == 0 || v.runs[n-1].ref != t.refs[i] {
				v.runs = append(v.runs, categoryRun{ref: t.refs[i], aspect: a, start: int32(i), end: int32(i) + 1})
			} else {
				v.runs[n-1].end++
			}
		}
		// The slice stays valid when the arena grows into a new array.
		t.runs = v.runs[runs:len(v.runs):len(v.runs)]
		v.tables = append(v.tables, t)
	}
	for i := range v.p.Projects {
		pt := &v.p.Projects[i]
		n := NormalizeName(pt.Name)
		v.byProject[n] = append(v.byProject[n], len(v.tables))
		v.names = append(v.names, n)
		// The slice stays valid when the arena grows into a new array.
		add(table{n: i, name: pt.Name, projects: v.names[len(v.names)-1 : len(v.names) : len(v.names)], funds: &pt.Funds, inds: pt.Indicators})
	}
	for i := range v.p.Evaluations {
		e := &v.p.Evaluations[i]
		k := len(v.names)
		v.names = appendProjectNames(v.names, e.Projects)
		add(table{n: i, name: e.Projects, eval: true, projects: v.names[k:len(v.names):len(v.names)], funds: &e.Funds, inds: e.Indicators})
	}
}

func (v *validator) report(r *audit.Rule, sev audit.Severity, path, msg, expected, actual string) {
	v.rep.Report(audit.Finding{Rule: r.ID, Severity: sev, Path: path, Message: msg, Expected: expected, Actual: actual})
}

// indPath is the JSON Pointer of field of row i of t.
func indPath(t *table, i int, field string) string {
	a, n := t.pathParts()
	return a + n + "/indicators/" + strconv.Itoa(i) + "/" + field
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
				fmt.Sprintf("%s第%d行“%s”：%v", t.label(), i+1, NormalizeName(in.Name), err),
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
	// Each required name is a 一级 category or the 二级 categories so named;
	// a registered framework has its own requirements resolved already.
	var wants []requirement
	if ix := v.fw.index; ix != nil && v.opts.Required == nil {
		wants = ix.required
	} else {
		wants = v.fw.requirementsOf(req)
	}
	for ti := range v.tables {
		t := &v.tables[ti]
		for k, name := range req {
			have := false
			for ri := range t.runs {
				ref := &t.runs[ri].ref // each category once (see table.runs)
				if w := &wants[k]; w.l1 != nil {
					have = ref.L1 == w.l1
				} else {
					for _, x := range w.l2 {
						have = have || ref.L2 == x.L2
					}
				}
				if have {
					break
				}
			}
			if !have {
				v.report(r, r.Severity, t.path()+"/indicators",
					fmt.Sprintf("%s没有“%s”类绩效指标", t.label(), NormalizeName(name)),
					NormalizeName(name), "（无）")
			}
		}
	}
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
			v.report(r, r.Severity, t.path()+audit.Pointer("funds", row.key, "rate"),
				fmt.Sprintf("%s%s执行率填列 %s，执行数 %s ÷ 预算数 %s = %s%%", t.label(), row.label, l.Rate, l.Actual, l.Budget, want.StringFixed(places)),
				want.StringFixed(places)+"%", l.Rate)
		}
	}
}

// sumCheck compares a total with its addends under the rule's tolerance and
// reports a mismatch with sev, a difference within rounding as info. The
// finding's path and subject (where) and the formula for the message
// ("财政拨款 10 + 其他资金 2") are built only when there is something to
// report.
func (v *validator) sumCheck(r *audit.Rule, sev audit.Severity, where func() (path, what string), total Amount, addends []Amount, formula func() string) {
	c := v.rep.Tolerance(r.ID).CompareSum(amount.TenThousandYuan, total, addends...)
	if c.Outcome != amount.Mismatch && c.Outcome != amount.Rounding {
		return
	}
	path, what := where()
	switch c.Outcome {
	case amount.Mismatch:
		v.report(r, sev, path, fmt.Sprintf("%s %s，%s = %s，相差 %s", what, total, formula(), c.Sum, c.Diff), c.Sum.String(), total.String())
	case amount.Rounding:
		v.report(r, audit.Info, path, fmt.Sprintf("舍入差异：%s %s，%s = %s，相差 %s（容差 %s）", what, total, formula(), c.Sum, c.Diff, c.Bound), c.Sum.String(), total.String())
	}
}

// joinAmounts writes label and the addends joined with "+", the formula
// of a sumCheck message: "成本指标合计 30+3+5".
func joinAmounts(label string, addends []Amount) string {
	var b strings.Builder
	b.WriteString(label)
	for k, a := range addends {
		if k > 0 {
			b.WriteByte('+')
		}
		b.WriteString(a.String())
	}
	return b.String()
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
				continue // a part not stated: nothing can be said
			}
			co := c.get(&f.CarryOver)
			var buf [3]Amount
			addends := append(buf[:0], fiscal)
			if co.IsSet() {
				addends = append(addends, co)
			}
			addends = append(addends, other)
			formula := func() string {
				s := "财政拨款 " + fiscal.String()
				if co.IsSet() {
					s += " + 上年结转资金 " + co.String()
				}
				return s + " + 其他资金 " + other.String()
			}
			v.sumCheck(r, r.Severity, func() (string, string) {
				return t.path() + "/funds/total/" + c.key, t.label() + "年度资金总额" + c.label
			}, total, addends, formula)
		}
	}
}

// moneyOf reads row i's field as an amount in 万元, exactly.
func (v *validator) moneyOf(t *table, i int, f field) (Amount, bool) {
	d, ok := v.value(t, i, f).InUnit("万元")
	if !ok {
		return Amount{}, false
	}
	return amount.New(d), true
}

// costRows appends the indexes of a table's 成本指标 rows to out.
func costRows(out []int, t *table) []int {
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
		rows := costRows(v.rowsBuf[:0], t)
		v.rowsBuf = rows
		budget := t.funds.Total.Budget
		if len(rows) == 0 || !budget.IsSet() {
			continue
		}
		var buf [8]Amount
		addends := buf[:0]
		for _, i := range rows {
			a, ok := v.moneyOf(t, i, fieldTarget)
			if !ok {
				addends = nil // a cost target that is not an amount: cannot tell
				break
			}
			addends = append(addends, a)
		}
		if addends == nil {
			continue
		}
		v.sumCheck(r, r.Severity, func() (string, string) { return t.path() + "/funds/total/budget", t.label() + "预算数" }, budget, addends,
			func() string { return joinAmounts("成本指标合计 ", addends) })
	}
}

// completion computes the 完成率 (percent) that target and actual imply,
// rounded half away from zero to places decimal places, and whether the
// target is met. ok is false when they cannot be compared.
func completion(target, actual *Value, places int32) (pct decimal.Decimal, met, ok bool) {
	if target.IsPeriod() || actual.IsPeriod() {
		if target.IsPeriod() && actual.IsPeriod() && samePeriod(target.Period, actual.Period) {
			return hundred, true, true
		}
		return decimal.Decimal{}, false, false
	}
	if actual.Comparator != Plain && actual.Comparator != EQ {
		return decimal.Decimal{}, false, false // an approximate or bounded actual value
	}
	x, y := target.Number, actual.Number // in one unit: a ratio needs no scaling
	if !target.IsQuantity() || !actual.IsQuantity() || target.Unit != actual.Unit {
		if x, y, ok = commonScale(*target, *actual); !ok {
			return decimal.Decimal{}, false, false
		}
	}
	if target.Comparator.Upper() {
		// An upper bound x: met when y ≤ x, and 完成率 is x ÷ y.
		met := y.Cmp(x) <= 0
		switch {
		case met && (y.Sign() == 0 || x.Equal(y)):
			return hundred, true, true
		case y.Sign() == 0:
			return decimal.Decimal{}, false, false // nothing to divide by
		}
		return x.Mul(hundred).DivRound(y, places), met, true
	}
	if x.Sign() <= 0 {
		return decimal.Decimal{}, false, false
	}
	if x.Equal(y) {
		return hundred, true, true // the common case, exactly 100
	}
	return y.Mul(hundred).DivRound(x, places), y.Cmp(x) >= 0, true
}

// hundred is 100, for percentages.
var hundred = decimal.NewFromInt(100)

// P6.
func (v *validator) checkCompletion(r *audit.Rule) {
	for ti := range v.tables {
		t := &v.tables[ti]
		for i := range t.inds {
			in := &t.inds[i]
			if in.Rate == "" {
				continue // no 完成率 (parseRate reads nothing in "")
			}
			rv := v.rate(in.Rate)
			if !rv.OK {
				continue
			}
			places := min(decimals(rv.Number), 2)
			want, met, ok := completion(v.value(t, i, fieldTarget), v.value(t, i, fieldActual), places)
			if !ok {
				continue
			}
			if want.Equal(rv.Number) || (met && rv.Number.Equal(hundred)) {
				continue
			}
			v.report(r, r.Severity, indPath(t, i, "rate"),
				fmt.Sprintf("%s“%s”完成率填列 %s，但指标值“%s”、实际完成值“%s”对应完成率 %s%%",
					t.label(), NormalizeName(in.Name), in.Rate, in.Target, in.Actual, want.StringFixed(places)),
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

// comparisons returns the rows P7 and P8 compare, found on first use: which
// rows are the same indicator does not depend on the field compared.
func (v *validator) comparisons() []comparison {
	if v.compared {
		return v.cmps
	}
	v.compared = true
	// Project table against project table.
	for _, idx := range v.byProject {
		for k := 1; k < len(idx); k++ {
			b := &v.tables[idx[k]]
			for j := range b.inds {
				if a, i, ok := v.findDirect(idx[:1], b, j); ok {
					v.cmps = append(v.cmps, comparison{a: a, i: i, b: b, j: j})
				}
			}
		}
	}
	for ti := range v.tables {
		e := &v.tables[ti]
		if !e.eval {
			continue
		}
		pts := v.ptsArena[:0]
		for _, n := range e.projects {
			pts = append(pts, v.byProject[n]...)
		}
		v.ptsArena = pts
		for j := range e.inds {
			if e.refs[j].L2 == nil {
				continue
			}
			if idx, ok := v.byProject[e.key(j)]; ok && contains(e.projects, e.key(j)) {
				// A row named after a project sums up that project's rows
				// of its category.
				pt := &v.tables[idx[0]]
				n := len(v.rowsArena)
				if ea := e.vals[j].aspect; ea >= 0 && !pt.unresolved {
					// Every row resolved: sameCategory compares aspects,
					// and a run at a time will do.
					for _, run := range pt.runs {
						if run.aspect == ea && ea != int16(NoAspect) {
							for i := run.start; i < run.end; i++ {
								v.rowsArena = append(v.rowsArena, int(i))
							}
						}
					}
				} else {
					for i := range pt.inds {
						if sameCategory(pt, i, e, j) {
							v.rowsArena = append(v.rowsArena, i)
						}
					}
				}
				if len(v.rowsArena) > n {
					// The slice stays valid when the arena grows into a new array.
					v.cmps = append(v.cmps, comparison{a: pt, b: e, j: j, rows: v.rowsArena[n:len(v.rowsArena):len(v.rowsArena)]})
				}
				continue
			}
			if a, i, ok := v.findDirect(pts, e, j); ok {
				v.cmps = append(v.cmps, comparison{a: a, i: i, b: e, j: j})
			}
		}
		// Evaluation against an earlier evaluation of the same rows.
		for tj := 0; tj < ti; tj++ {
			if !v.tables[tj].eval {
				continue
			}
			for j := range e.inds {
				if a, i, ok := v.findDirect([]int{tj}, e, j); ok {
					v.cmps = append(v.cmps, comparison{a: a, i: i, b: e, j: j})
				}
			}
		}
	}
	return v.cmps
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
	if x, y := a.vals[i].aspect, b.vals[j].aspect; x >= 0 && y >= 0 {
		return x == y && x != int16(NoAspect)
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
func (v *validator) sameText(f field, a *table, i int, b *table, j int) bool {
	x, y := f.text(&a.inds[i]), f.text(&b.inds[j])
	if x == y || equalIgnoringSpace(x, y) {
		return true
	}
	vx, vy := v.value(a, i, f), v.value(b, j, f)
	if vx.OK && vy.OK {
		if vx.IsPeriod() || vy.IsPeriod() {
			return samePeriod(vx.Period, vy.Period)
		}
		a, b, ok := commonScale(*vx, *vy)
		return ok && a.Equal(b) && vx.Comparator == vy.Comparator
	}
	return false
}

// equalIgnoringSpace reports whether NormalizeName(x) == NormalizeName(y),
// without building either.
func equalIgnoringSpace(x, y string) bool {
	if !hasSpace(x) && !hasSpace(y) {
		return x == y
	}
	return NormalizeName(x) == NormalizeName(y)
}

func (v *validator) direct(r *audit.Rule, f field, what string, a *table, i int, b *table, j int) {
	if v.sameText(f, a, i, b, j) {
		return
	}
	x, y, key := f.text(&a.inds[i]), f.text(&b.inds[j]), f.key()
	// One concatenation builds the message, with no label or path of its
	// own in between.
	b1, b2, b3 := b.labelParts()
	a1, a2, a3 := a.labelParts()
	ap, an := a.pathParts()
	v.report(r, r.Severity, indPath(b, j, key),
		b1+b2+b3+"“"+NormalizeName(b.inds[j].Name)+"”的"+what+"“"+y+"”与"+a1+a2+a3+"（"+ap+an+"/indicators/"+strconv.Itoa(i)+"/"+key+"）同一指标的"+what+"“"+x+"”不一致",
		x, y)
}

// aggregate compares evaluation row j of e, which sums up rows of project
// table pt (its rows of the same category).
func (v *validator) aggregate(r *audit.Rule, f field, what string, e *table, j int, pt *table, rows []int) {
	in := &e.inds[j]
	text, key := f.text(in), f.key()
	val := v.value(e, j, f)
	switch {
	case e.refs[j].L2.Aspect == Cost:
		total, ok := v.moneyOf(e, j, f)
		if !ok {
			return
		}
		var abuf [16]Amount
		addends := abuf[:0]
		for _, i := range rows {
			a, ok := v.moneyOf(pt, i, f)
			if !ok {
				return
			}
			addends = append(addends, a)
		}
		if v.rep.Tolerance(r.ID).CompareSum(amount.TenThousandYuan, total, addends...).Outcome == amount.Equal {
			return // the common case: build no message
		}
		addends = append([]Amount(nil), addends...)
		v.sumCheck(r, r.Severity, func() (string, string) {
			return indPath(e, j, key), fmt.Sprintf("%s“%s”成本%s（万元）", e.label(), NormalizeName(in.Name), what)
		},
			total, addends, func() string { return joinAmounts(pt.label()+"成本指标"+what+"合计 ", addends) })
	case val.IsPeriod():
		for _, i := range rows {
			o := v.value(pt, i, f)
			if o.IsPeriod() && !samePeriod(o.Period, val.Period) {
				other := f.text(&pt.inds[i])
				e1, e2, e3 := e.labelParts()
				p1, p2, p3 := pt.labelParts()
				pp, pn := pt.pathParts()
				v.report(r, r.Severity, indPath(e, j, key),
					e1+e2+e3+"“"+NormalizeName(in.Name)+"”的"+what+"“"+text+"”与"+p1+p2+p3+"（"+pp+pn+"/indicators/"+strconv.Itoa(i)+"/"+key+"）的"+what+"“"+other+"”不一致",
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

// keyed compares the figures with a subject in text against the same
// subjects' figures in the project rows.
func (v *validator) keyed(r *audit.Rule, f field, what string, e *table, j int, pt *table, rows []int) {
	qs := v.keyedOf(e, j, f)
	if len(qs) == 0 {
		return
	}
	key := f.key()
	var seenBuf [4]string
	seen := seenBuf[:0] // subjects already reported
	for _, q := range qs {
		var conflict keyedQuantity
		conflictRow := -1
		agree := false
		for _, i := range rows {
			for _, o := range v.keyedOf(pt, i, f) {
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
		if agree || conflictRow < 0 || contains(seen, q.key) {
			continue
		}
		seen = append(seen, q.key)
		in := &e.inds[j]
		e1, e2, e3 := e.labelParts()
		p1, p2, p3 := pt.labelParts()
		pp, pn := pt.pathParts()
		v.report(r, r.Severity, indPath(e, j, key),
			e1+e2+e3+"“"+NormalizeName(in.Name)+"”的"+what+"写“"+q.raw+"”，"+p1+p2+p3+"（"+pp+pn+"/indicators/"+strconv.Itoa(conflictRow)+"/"+key+"，"+
				NormalizeName(pt.inds[conflictRow].Name)+"）同一事项写“"+conflict.raw+"”",
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
		var abuf [8]Amount
		addends := abuf[:0]
		for i := range v.p.Projects {
			a := v.p.Projects[i].Funds.Total.Actual
			if !a.IsSet() {
				addends = nil
				break
			}
			addends = append(addends, a)
		}
		if addends != nil {
			v.sumCheck(r, r.Severity, func() (string, string) { return "/performance/projects", "决算表项目支出" }, pe, addends,
				func() string { return joinAmounts("各项目绩效目标完成情况表执行数合计 ", addends) })
		}
	}
	if d := v.p.Department; d != nil && d.Expenditure.Project.IsSet() && !d.Expenditure.Project.Equal(pe) {
		v.report(r, r.Severity, "/performance/department/expenditure/project",
			fmt.Sprintf("部门整体支出自评的项目支出 %s 与决算表项目支出 %s 不一致", d.Expenditure.Project, pe),
			pe.String(), d.Expenditure.Project.String())
	}
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
		var pbuf [4]*table
		pts := pbuf[:0]
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
		for _, c := range evaluationColumns {
			total := c.get(&e.funds.Total)
			var abuf [4]Amount
			addends := abuf[:0]
			for _, pt := range pts {
				a := c.get(&pt.funds.Total)
				if !a.IsSet() {
					addends = nil
					break
				}
				addends = append(addends, a)
			}
			if addends == nil {
				continue
			}
			v.sumCheck(r, r.Severity, func() (string, string) { return e.path() + "/funds/total/" + c.key, e.label() + c.label }, total, addends,
				func() string { return joinAmounts("所列项目完成情况表"+c.plabel+"合计 ", addends) })
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
	var buf [8]Amount
	items := func(list []NamedAmount) []Amount {
		out := buf[:0]
		for _, it := range list {
			if !it.Amount.IsSet() {
				return nil
			}
			out = append(out, it.Amount)
		}
		return out
	}
	if a := items(d.Income.Items); len(a) > 0 {
		v.sumCheck(r, r.Severity, func() (string, string) {
			return base + "/income/total", "部门整体支出自评财政资金收入总计"
		}, d.Income.Total, a,
			func() string { return joinAmounts("收入明细合计 ", a) })
	}
	x := &d.Expenditure
	if x.Basic.IsSet() && x.Project.IsSet() {
		v.sumCheck(r, r.Severity, func() (string, string) {
			return base + "/expenditure/total", "部门整体支出自评财政资金支出"
		}, x.Total,
			[]Amount{x.Basic, x.Project}, func() string { return fmt.Sprintf("基本支出 %s + 项目支出 %s", x.Basic, x.Project) })
	}
	if a := items(x.Items); len(a) > 0 {
		v.sumCheck(r, r.Severity, func() (string, string) {
			return base + "/expenditure/total", "部门整体支出自评财政资金支出"
		}, x.Total, a,
			func() string { return joinAmounts("支出明细合计 ", a) })
	}
	oc := &d.OperatingCost
	if oc.Current.IsSet() && oc.Prior.IsSet() && oc.Change.IsSet() {
		v.sumCheck(r, r.Severity, func() (string, string) { return base + "/operatingCost/change", "机关运行经费本年数" }, oc.Current,
			[]Amount{oc.Prior, oc.Change}, func() string { return fmt.Sprintf("上年数 %s + 增减额 %s", oc.Prior, oc.Change) })
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
	if a := items(d.ProjectFunds.Items); len(a) > 0 && x.Project.IsSet() {
		v.sumCheck(r, r.Severity, func() (string, string) { return base + "/expenditure/project", "部门整体支出自评项目支出" }, x.Project, a,
			func() string { return joinAmounts("项目资金合计 ", a) })
	}
}
