package accounts

import (
	"sync"

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

	rep  *audit.Reporter
	rule *Rule
	// tol is the running rule's tolerance once tolKnown is set (see
	// tolerance).
	tol      amount.Tolerance
	tolKnown bool
	checks   int
	// opts holds the Options of a Validate call (Options points to it),
	// so that the call allocates one object for both.
	opts Options

	*scratch // set while Validate or Calculate runs
}

// scratch is the working memory of one Validate or Calculate call: the
// buffers the no-finding path reuses instead of allocating. Scratch
// memory is pooled across calls and emptied (see release) before it goes
// back, so nothing of one call's report reaches another; it holds no
// results, only space.
type scratch struct {
	plus, minus, tmp []Amount
	kids             []int32
	links            links        // see part.children
	indexes          []*codeIndex // the code index of each part met (see part.index)
	ixArena          []codeIndex  // storage for indexes (see newIndex)
	keyArena         []uint64
	pv, kv           micros     // a parent (or line) and a row on the fast path
	memo             [4]catMemo // K1 and K2 lookups, by classification.Family
	pos              []int32    // each row's answer in a memo lookup
	ansArena         []catHit   // storage for the answers of the indexes (see answers)
	// counted holds, by tableID, the non-zero figures of each table
	// walked so far (see Tables.tableNonZero).
	counted [numTables]tableCount
	partSet partSet // see Context.parts
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// acquire gives c scratch memory from the pool; release returns it.
func (c *Context) acquire() { c.scratch = scratchPool.Get().(*scratch) }

// release empties c's scratch memory, keeping its capacity, and returns it
// to the pool: every reference into the report or the catalogues is
// dropped.
func (c *Context) release() {
	s := c.scratch
	c.scratch = nil
	clear(s.plus[:cap(s.plus)])
	clear(s.minus[:cap(s.minus)])
	clear(s.tmp[:cap(s.tmp)])
	s.plus, s.minus, s.tmp = s.plus[:0], s.minus[:0], s.tmp[:0]
	clear(s.indexes[:cap(s.indexes)])
	clear(s.ixArena[:cap(s.ixArena)])
	s.indexes, s.ixArena, s.keyArena = s.indexes[:0], s.ixArena[:0], s.keyArena[:0]
	for i := range s.memo {
		m := &s.memo[i]
		clear(m.hits[:cap(m.hits)])
		clear(m.fresh[:cap(m.fresh)])
		m.cat, m.hits, m.fresh = nil, m.hits[:0], m.fresh[:0]
	}
	clear(s.ansArena[:cap(s.ansArena)])
	s.ansArena = s.ansArena[:0]
	s.counted = [numTables]tableCount{}
	if s.partSet.ready {
		s.partSet = partSet{}
	}
	scratchPool.Put(s)
}

// Unit returns the amount unit of the report.
func (c *Context) Unit() amount.Unit { return c.Report.Unit.AmountUnit }

// Tolerance returns the tolerance configured for the running rule.
func (c *Context) Tolerance() amount.Tolerance { return c.tolerance() }

// tolerance returns the running rule's tolerance, asking the reporter the
// first time a rule needs it: most rules settle every comparison on the
// micro fast path, which needs none.
func (c *Context) tolerance() amount.Tolerance {
	if !c.tolKnown {
		if c.rep != nil && c.rule != nil {
			c.tol = c.rep.Tolerance(c.rule.ID)
		}
		c.tolKnown = true
	}
	return c.tol
}

// Add reports a finding for the running rule; Rule defaults to the running
// rule's ID, and a zero Severity to the rule's severity. Use AddInfo for an
// info finding of the running rule.
func (c *Context) Add(f audit.Finding) {
	if f.Rule == "" {
		f.Rule = c.rule.ID
	}
	if f.Severity == 0 && f.Rule == c.rule.ID {
		f.Severity = c.rule.Severity
	}
	c.rep.Report(f)
}

// AddInfo reports an info finding (such as a 舍入差异) for the running rule.
func (c *Context) AddInfo(f audit.Finding) {
	if f.Rule == "" {
		f.Rule = c.rule.ID
	}
	f.Severity = audit.Info
	c.rep.Report(f)
}

// add reports f with severity s.
func (c *Context) add(s audit.Severity, f audit.Finding) {
	f.Rule = c.rule.ID
	f.Severity = s
	c.rep.Report(f)
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
	c := &Context{Report: r, Catalogs: opts.Catalogs, rep: rep, opts: opts}
	c.Options = &c.opts
	c.acquire()
	defer c.release()
	for i := range rules {
		ru := &rules[i]
		if !rep.Enabled(ru.ID) || ru.Check == nil {
			continue
		}
		c.rule = ru
		c.tol, c.tolKnown = amount.Tolerance{}, false
		c.checks = 0
		ru.Check(c)
		if opts.trace != nil {
			opts.trace(ru.ID, c.checks)
		}
	}
}
