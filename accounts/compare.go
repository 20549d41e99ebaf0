package accounts

import (
	"math"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
)

// loc is the JSON Pointer of a figure, assembled only when a finding is
// reported, so that the no-finding path builds no strings.
type loc struct {
	base string // e.g. "/tables/income/rows" or "/tables/income/total"
	sub  string // appended to base, e.g. "/income/current"; "" for none
	row  int    // row index under base+sub; -1 when it is not a row list
	col  string // JSON name of the column; "" for none
}

// at is the figure col under base (col may be "").
func at(base, col string) loc { return loc{base: base, row: -1, col: col} }

// atSub is the figure col under base+sub: a table's pointer and a path
// within it, joined only if a finding is reported.
func atSub(base, sub, col string) loc { return loc{base: base, sub: sub, row: -1, col: col} }

// rowAt is column col of row i of the row list base.
func rowAt(base string, i int, col string) loc { return loc{base: base, row: i, col: col} }

// String returns the JSON Pointer.
func (l loc) String() string {
	var b strings.Builder
	b.WriteString(l.base)
	b.WriteString(l.sub)
	if l.row >= 0 {
		b.WriteByte('/')
		b.WriteString(strconv.Itoa(l.row))
	}
	if l.col != "" {
		b.WriteByte('/')
		b.WriteString(l.col) // column names are escaped where they are made
	}
	return b.String()
}

// name returns the last token of the pointer: the column's JSON name.
func (l loc) name() string {
	if l.col != "" {
		return l.col[strings.LastIndexByte(l.col, '/')+1:]
	}
	if l.sub != "" {
		return l.sub[strings.LastIndexByte(l.sub, '/')+1:]
	}
	return l.base[strings.LastIndexByte(l.base, '/')+1:]
}

// label describes a figure in Chinese for messages: the table, the row (a
// code and name, or a fixed line such as 合计) and the column.
type label struct {
	table string // 收入决算表
	code  string // row code, or ""
	name  string // row name, or ""
	line  string // fixed line, e.g. 合计 or 本年收入合计, when code is ""
	col   string // column title, or ""
}

// String joins the parts: 收入决算表 2010301 行政运行·财政拨款收入.
func (l label) String() string {
	var b strings.Builder
	b.WriteString(l.table)
	row := l.line
	if l.code != "" {
		row = l.code
		if l.name != "" {
			row += " " + l.name
		}
	}
	if row != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(row)
	}
	if l.col != "" && l.col != l.line {
		if row != "" {
			b.WriteString("·")
		} else if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(l.col)
	}
	return b.String()
}

// exactSum is Σ plus − Σ minus in int64 micro-units (Amount.Micro), for
// the common case where a comparison holds exactly: it stays ok while
// every figure added is stated, on the int64 path, and the sum fits. Then
// "total equals the sum" is a comparison of two integers, which is what
// amount.Tolerance.CompareSum decides first too; when it is not ok, or the
// integers differ, the comparison goes through CompareSum.
type exactSum struct {
	m  int64
	ok bool
}

// add adds a.
func (s *exactSum) add(a *Amount) {
	m, fast := a.Micro()
	if !fast {
		s.ok = false
		return
	}
	s.addMicro(m)
}

// sub subtracts a.
func (s *exactSum) sub(a *Amount) {
	m, fast := a.Micro()
	if !fast || m == math.MinInt64 {
		s.ok = false
		return
	}
	s.addMicro(-m)
}

func (s *exactSum) addMicro(m int64) {
	t := s.m + m
	if (s.m^t)&(m^t) < 0 { // overflow
		s.ok = false
	}
	s.m = t
}

// sumOfMicro returns the exactSum of plus − minus.
func sumOfMicro(plus, minus []Amount) exactSum {
	s := exactSum{ok: true}
	for i := range plus {
		s.add(&plus[i])
	}
	for i := range minus {
		s.sub(&minus[i])
	}
	return s
}

// equals reports whether total is stated, on the int64 path, and equal to
// s exactly.
func (s *exactSum) equals(total *Amount) bool {
	m, fast := total.Micro()
	return s.ok && fast && m == s.m
}

// holds reports whether total = Σ plus − Σ minus holds exactly on the
// int64 path, counting the comparison when it does (as compare counts an
// Equal outcome). When it reports false, the caller compares in full.
func (c *Context) holds(total *Amount, plus, minus []Amount) bool {
	s := sumOfMicro(plus, minus)
	if s.equals(total) {
		c.checks++
		return true
	}
	return false
}

// compare compares total with Σ plus − Σ minus under the running rule's
// tolerance. The addend count is len(plus)+len(minus). An absent figure
// makes the comparison Incomplete.
func (c *Context) compare(total Amount, plus, minus []Amount) amount.Comparison {
	addends := plus
	if len(minus) > 0 {
		addends = make([]Amount, 0, len(plus)+len(minus))
		addends = append(addends, plus...)
		for _, a := range minus {
			addends = append(addends, a.Neg())
		}
	}
	r := c.Tolerance().CompareSum(c.Unit(), total, addends...)
	if r.Outcome != amount.Incomplete {
		c.checks++
	}
	return r
}

// sum checks *total = Σ *plus and reports under the running rule: Mismatch
// with the rule's severity, Rounding as info, Equal not at all, and
// Incomplete only in the ledger (Options.Coverage), naming the absent
// figures. what completes the sentence after the label, e.g.
// 应等于各项收入之和.
func (c *Context) sum(l loc, lb label, what string, total *Amount, plus ...*Amount) {
	var buf [8]Amount
	vals := buf[:0]
	for _, a := range plus {
		vals = append(vals, *a)
	}
	c.flow(l, lb, what, *total, vals, nil, func(dst []string) []string {
		return c.missingOf(c.missingOf(dst, total), plus...)
	})
}

// missing appends the JSON Pointers of the absent figures of a comparison
// that could not run to dst (see Context.skip).
type missing = func(dst []string) []string

// flow checks total = Σ plus − Σ minus. The message head is only put
// together for a finding; miss names the absent figures of an incomplete
// comparison in the ledger.
func (c *Context) flow(l loc, lb label, what string, total Amount, plus, minus []Amount, miss missing) {
	if c.holds(&total, plus, minus) {
		return
	}
	r := c.compare(total, plus, minus)
	switch r.Outcome {
	case amount.Mismatch, amount.Rounding:
		c.outcome(r, l, func() string { return lb.String() + what }, total)
	case amount.Incomplete:
		if c.led != nil {
			c.skip(l, SkipAbsent, miss)
		}
	}
}

// same checks that a equals b, the same quantity stated in another table
// (the 表间 rules). In a 万元 report the two figures are each rounded, so
// a gap within amount.Tolerance.RoundedBound(unit, k) is a 舍入差异 (info),
// where k counts the rounded figures on both sides: 1 for a stated figure,
// and for a figure that Calculate derived the count of figures it is the
// sum of (Amount.Rounded). Two stated figures may differ by 0.01 万元. A
// gap beyond the bound is reported with the rule's severity; in 元 the
// figures must be equal.
func (c *Context) same(l loc, lb label, a *Amount, other label, b *Amount) {
	c.equal(l, lb, a, other, b, true)
}

// sameIn checks that a equals b, two totals of one table (收入总计 = 支出总计).
// Two stated figures must be equal, as a total of one addend must be (the
// within-table rule of amount.Tolerance.Bound); when Calculate derived one
// of them, the gap may be that of the rounded figures it is made of, as in
// same.
func (c *Context) sameIn(l loc, lb label, a *Amount, other label, b *Amount) {
	c.equal(l, lb, a, other, b, false)
}

func (c *Context) equal(l loc, lb label, a *Amount, other label, b *Amount, across bool) {
	if m, fast := a.Micro(); fast {
		if n, fast := b.Micro(); fast && n == m {
			c.checks++
			return
		}
	}
	var r amount.Comparison
	if k := a.Rounded() + b.Rounded(); across || k > 2 {
		r = c.Tolerance().CompareRounded(c.Unit(), k, *a, *b)
		if r.Outcome != amount.Incomplete {
			c.checks++
		}
	} else {
		r = c.compare(*a, []Amount{*b}, nil)
	}
	switch r.Outcome {
	case amount.Mismatch, amount.Rounding:
		c.outcome(r, l, func() string { return lb.String() + "应等于" + other.String() }, *a)
	case amount.Incomplete:
		if c.led != nil {
			c.skipPair(l, a, b)
		}
	}
}

// outcome reports a comparison; subject builds the message head.
func (c *Context) outcome(r amount.Comparison, l loc, subject func() string, total Amount) {
	switch r.Outcome {
	case amount.Mismatch:
		c.report(c.rule.Severity, c.sumFinding(r, l, subject(), total, false))
	case amount.Rounding:
		c.reportRounding(c.sumFinding(r, l, subject(), total, true))
	}
}

func (c *Context) sumFinding(r amount.Comparison, l loc, subject string, total Amount, rounding bool) audit.Finding {
	u := string(c.Unit())
	diff := r.Diff
	if diff.Sign() < 0 {
		diff = diff.Neg()
	}
	var b strings.Builder
	if rounding {
		b.WriteString("舍入差异：")
	}
	b.WriteString(subject)
	b.WriteString("：应为")
	b.WriteString(r.Sum.String())
	b.WriteString(u)
	b.WriteString("，实为")
	b.WriteString(total.String())
	b.WriteString(u)
	b.WriteString("（差")
	b.WriteString(diff.String())
	switch {
	case rounding:
		b.WriteString("，在舍入容差")
		b.WriteString(r.Bound.String())
		b.WriteString("以内）")
	case r.Bound.Sign() > 0:
		b.WriteString("，超出舍入容差")
		b.WriteString(r.Bound.String())
		b.WriteString("）")
	default:
		b.WriteString("，须完全相等）")
	}
	return audit.Finding{Path: l.String(), Message: b.String(), Expected: r.Sum.String(), Actual: total.String()}
}
