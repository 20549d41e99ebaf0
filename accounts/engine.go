package accounts

import (
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

// DefaultPersonnelClasses are the 部门预算支出经济分类 类 whose 决算数 make up
// 人员经费 in the 基本支出 tables: 301 工资福利支出 and 303 对个人和家庭的补助
// (domain notes §1.2 T8 and rule A13, [V] S2 R33117). Every other 类 of the
// table is 公用经费, including 307 and 399, whose inclusion is only [B].
var DefaultPersonnelClasses = []classification.EconDeptCode{"301", "303"}

// Options configure Validate and CalculateWith.
type Options struct {
	// Catalogs are the classification editions of the document's fiscal
	// year. A nil catalogue skips the code checks of its family (K1, K2).
	Catalogs classification.Editions
	// Config switches rules off and changes severities and tolerances.
	Config *audit.Config
	// Rules is the rule set to run; nil runs Rules().
	Rules []Rule
	// PersonnelClasses are the economic 类 counted as 人员经费 (A13 and
	// Calculate); every other 类 of a 基本支出 table is 公用经费. Nil means
	// DefaultPersonnelClasses.
	PersonnelClasses []classification.EconDeptCode
	// NegativeAllowed lists JSON column names (such as "endingBalance")
	// whose figures may be negative; A16 flags every other negative figure.
	// The built-in default is empty: no source consulted says that any
	// figure of the public tables may be negative.
	NegativeAllowed []string

	// Coverage, when not nil, receives the ledger of the run: one
	// RuleCoverage per rule, appended in the order the rules run. Without
	// it nothing is recorded.
	Coverage *Coverage
	// Prior is last year's report, for the rules that compare with it
	// (B14, B15); nil skips them.
	Prior *Report

	// trace, when set (by tests), receives the number of comparisons each
	// rule made, to show that a quiet rule did run.
	trace func(rule string, checks int)
}

func (o *Options) personnel() []classification.EconDeptCode {
	if o == nil || o.PersonnelClasses == nil {
		return DefaultPersonnelClasses
	}
	return o.PersonnelClasses
}

func (o *Options) isPersonnel(class classification.EconDeptCode) bool {
	for _, p := range o.personnel() {
		if p == class {
			return true
		}
	}
	return false
}

// Rule is one accounts audit rule: its description and its check.
type Rule struct {
	audit.Rule
	// Check inspects c.Report and reports findings through c.
	Check func(c *Context)
}

// Context is what a rule's Check sees.
type Context struct {
	Report   *Report
	Catalogs classification.Editions
	// Options are the options Validate was called with.
	Options *Options

	rep    *audit.Reporter
	rule   *audit.Rule
	tol    amount.Tolerance // the running rule's tolerance
	checks int              // complete comparisons of the running rule (Options.trace)
	led    *ledger          // the coverage ledger, nil unless Options.Coverage
	// ps holds the coded parts of the report and their code indexes,
	// built when a rule first asks (see parts).
	ps *partSet
	// nz holds the non-zero figures of each table of model.tables, once
	// a walk has found them (see tableNonZero).
	nz []nonZeroOf
	// path is the walks' JSON Pointer buffer (see newWalker).
	path []token
	// scratch holds the addends of one figure Calculate fills (see set).
	scratch []Amount
}

// Unit returns the amount unit of the report.
func (c *Context) Unit() amount.Unit { return c.Report.Unit.AmountUnit }

// Tolerance returns the tolerance configured for the running rule.
func (c *Context) Tolerance() amount.Tolerance {
	return c.tol
}

// Add reports a finding for the running rule; Rule defaults to the running
// rule's ID, and a zero Severity to the rule's severity. Use AddInfo for an
// info finding of the running rule.
func (c *Context) Add(f audit.Finding) {
	s := f.Severity
	if s == 0 && (f.Rule == "" || f.Rule == c.rule.ID) {
		s = c.rule.Severity
	}
	c.report(s, f)
}

// Checked counts n checks made by the running rule that reports through
// Add rather than Sum, Flow, Same or Equal (which count their own): the
// coverage ledger shows a rule that counted none and reported nothing as
// idle rather than passed.
func (c *Context) Checked(n int) { c.checks += n }

// AddInfo reports an info finding (such as a 舍入差异) for the running rule.
func (c *Context) AddInfo(f audit.Finding) { c.report(audit.Info, f) }

// report is where every finding of a rule goes: Rule defaults to the
// running rule's ID. In the ledger it counts as fired.
func (c *Context) report(s audit.Severity, f audit.Finding) {
	if c.led != nil {
		c.led.cur.Fired++
	}
	c.emit(s, f)
}

// reportRounding reports a 舍入差异 (info), counted as such in the ledger.
func (c *Context) reportRounding(f audit.Finding) {
	if c.led != nil {
		c.led.cur.Rounding++
	}
	c.emit(audit.Info, f)
}

func (c *Context) emit(s audit.Severity, f audit.Finding) {
	if f.Rule == "" {
		f.Rule = c.rule.ID
	}
	f.Severity = s
	c.rep.Report(f)
}

// Sum checks that total equals the sum of addends under the running rule's
// tolerance, and reports what does not hold at path (the JSON Pointer of
// total): a difference beyond the tolerance with the rule's severity, one
// within it as info (舍入差异). subject is the head of the message, such as
// Describe(t, "合计", "")+"应等于各类之和"; the expected and actual figures,
// the difference and the unit follow it. A comparison with an absent figure
// is skipped. Sum returns the outcome.
func (c *Context) Sum(path, subject string, total Amount, addends ...Amount) amount.Outcome {
	return c.Flow(path, subject, total, addends, nil)
}

// Flow is Sum for total = Σ plus − Σ minus.
func (c *Context) Flow(path, subject string, total Amount, plus, minus []Amount) amount.Outcome {
	r := c.compare(total, plus, minus)
	if r.Outcome == amount.Incomplete && c.led != nil {
		c.skipValues(at(path, ""), total, plus, minus)
	}
	c.outcome(r, at(path, ""), func() string { return subject }, total)
	return r.Outcome
}

// Equal checks that a, at path, equals b, as Sum(path, subject, a, b)
// does: exactly, as a total of a single addend. For the same quantity
// stated in two tables use Same, which admits their rounding. subject is the head of the message,
// such as Describe(t1, "合计", "")+"应等于"+Describe(t2, "合计", "项目支出").
func (c *Context) Equal(path, subject string, a, b Amount) amount.Outcome {
	return c.Sum(path, subject, a, b)
}

// Same checks that a, at path, equals b, the same quantity stated in
// another table, as the built-in 表间 rules do: in a 万元 report a gap
// within the rounding bound is reported as info (舍入差异) and one beyond
// it with the rule's severity. The bound is amount.Tolerance.RoundedBound
// over the rounded figures of both sides: 0.01 万元 for two stated
// figures; a figure that Calculate derived from n rounded figures counts
// as n (Amount.Rounded). In 元 the figures must be equal. subject is the
// head of the message, as for Equal.
func (c *Context) Same(path, subject string, a, b Amount) amount.Outcome {
	if m, fast := a.Micro(); fast {
		if n, fast := b.Micro(); fast && n == m {
			c.checks++
			return amount.Equal
		}
	}
	r := c.Tolerance().CompareRounded(c.Unit(), a.Rounded()+b.Rounded(), a, b)
	if r.Outcome != amount.Incomplete {
		c.checks++
	} else if c.led != nil {
		c.skipValues(at(path, ""), a, []Amount{b}, nil)
	}
	c.outcome(r, at(path, ""), func() string { return subject }, a)
	return r.Outcome
}

// Describe names a figure in a message as the built-in rules do: the
// table's title (see TableLayout.Short), the line (合计, or a row's code and
// name) and the column, as in 收入决算表 合计·财政拨款收入. Empty parts are
// left out.
func Describe(table, line, column string) string {
	return label{table: table, line: line, col: column}.String()
}

// Validate runs the rules over r and returns every finding.
func Validate(r *Report, opts Options) audit.Findings {
	rep := audit.NewReporter(opts.Config)
	ValidateInto(r, opts, rep)
	return rep.Findings()
}

// ValidateInto runs the rules over r, reporting into rep (so that a caller
// can collect accounts, indicators and document findings in one list).
func ValidateInto(r *Report, opts Options, rep *audit.Reporter) {
	rules := opts.Rules
	if rules == nil {
		rules = builtinRules
	}
	RunChecks(r, opts, rep, len(rules), func(i int) *audit.Rule {
		if rules[i].Check == nil {
			return nil
		}
		return &rules[i].Rule
	}, func(c *Context, i int) { rules[i].Check(c) })
}

// RunChecks runs n checks over r, reporting into rep, as ValidateInto runs
// opts.Rules (which it ignores): for each i whose rule, rule(i), rep
// enables, check(c, i) is called with c set to that rule (its ID,
// severity and tolerance). One Context serves every check, so what one
// rule derives from the report (the code indexes, the non-zero figures) is
// shared by the checks after it. A package with a rule type of its own
// runs its rules with RunChecks without wrapping each; rule(i) returns nil
// for a rule that has no check.
func RunChecks(r *Report, opts Options, rep *audit.Reporter, n int, rule func(i int) *audit.Rule, check func(c *Context, i int)) {
	c := &Context{Report: r, Catalogs: opts.Catalogs, Options: &opts, rep: rep}
	if opts.Coverage != nil {
		c.led = &ledger{cov: opts.Coverage}
	}
	for i := range n {
		ru := rule(i)
		if ru == nil {
			continue
		}
		if !rep.Enabled(ru.ID) {
			if c.led != nil {
				c.led.disabled(ru.ID)
			}
			continue
		}
		c.rule, c.tol = ru, rep.Tolerance(ru.ID)
		c.checks = 0
		if c.led != nil {
			c.led.beginRule(ru.ID)
		}
		check(c, i)
		if c.led != nil {
			c.led.endRule(c, c.checks)
		}
		if opts.trace != nil {
			opts.trace(ru.ID, c.checks)
		}
	}
}
