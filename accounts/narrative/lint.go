package narrative

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
)

// MaxSize is the largest text Lint reads: 8 MiB, many times a real
// disclosure.
const MaxSize = 8 << 20

// MaxFindingsPerRule is the number of findings Lint lists for one rule,
// the first ones by position. The rest are not dropped silently: one more
// finding of the rule, of severity info, at the first of them, says how
// many were left out ("另有N处同类问题未列出"; Actual holds the number).
const MaxFindingsPerRule = 500

// Linter checks narratives with one set of patterns. It is safe for
// concurrent use.
type Linter struct {
	pat *compiled
}

// New compiles p, the patterns of a narrative template (a profile's
// Narrative; the built-in ones are in package profiles). The error wraps
// ErrPattern and names the bad field; a nil p gives a PatternError for
// field "patterns".
func New(p *Patterns) (*Linter, error) {
	if p == nil {
		return nil, &PatternError{Field: "patterns", Err: errors.New("no patterns")}
	}
	c, err := compilePatterns(p)
	if err != nil {
		return nil, err
	}
	return &Linter{pat: c}, nil
}

// Lint checks text, the plain UTF-8 narrative of a 决算 disclosure, against
// facts. Every finding carries its rule, severity, the JSON Pointer of the
// table figure a claim restates (if any), a Chinese message with the
// expected and actual figures, and the line, column (in runes) and sentence
// of the claim. The error is non-nil only for text that cannot be read (not
// UTF-8, or larger than MaxSize); it wraps ErrInput.
func (l *Linter) Lint(text []byte, facts *Facts) (audit.Findings, error) {
	return l.lint(text, facts, nil)
}

// lint is Lint, recording the ledger into rec when not nil.
func (l *Linter) lint(text []byte, facts *Facts, rec Recorder) (audit.Findings, error) {
	if len(text) > MaxSize {
		return nil, &InputError{Line: 1, Reason: "text larger than 8 MiB"}
	}
	if facts == nil {
		facts = &Facts{}
	}
	d, err := parse(text, l.pat)
	if err != nil {
		return nil, err
	}
	unit := facts.Unit
	if unit == "" {
		unit = amount.TenThousandYuan
	}
	r := &run{l: l, d: d, input: facts, unit: unit, ix: indexFacts(facts), year: facts.Year, m: &meter{n: d.work}}
	sk := &skipped{left: MaxClaims}
	r.sk = sk
	r.claims = l.extract(d, facts.Year, r.m, sk)
	r.index()
	l.tie(r.claims, r.ix, facts.Year, r.m)
	r.anchors()
	r.checkAmounts()
	r.checkChanges()
	r.checkShares()
	r.checkCompletions()
	r.checkTables()
	r.checkWording()
	r.checkFlatAcross()
	r.checkRowNames()
	r.checkItemLists()
	r.checkUnitName()
	r.checkShareSign()
	r.checkPurposes()
	r.checkAsOf()
	r.checkEmpty()
	r.checkLeftovers()
	r.checkConsistency()
	r.checkTargets()
	r.listUnverified()
	out := append(r.findings(), r.missingSections()...)
	if rec != nil {
		r.record(rec)
	}
	if sk.n > 0 {
		at := sk.p.at(sk.off)
		out = append(out, audit.Finding{
			Rule:     RuleUnverified,
			Severity: audit.Info,
			Message:  fmt.Sprintf("数字过多：自此另有%d处数字未读取核对（每篇至多读取%d处）", sk.n, MaxClaims),
			Actual:   strconv.Itoa(sk.n),
			Line:     at.line,
			Column:   at.col,
			Quote:    quote(sk.p.text, sentenceAt(sk.p, sk.off), sk.off),
		})
	}
	if d.unreadLines > 0 {
		t := d.unreadLine
		out = append(out, audit.Finding{
			Rule:     RuleUnverified,
			Severity: audit.Info,
			Message:  fmt.Sprintf("文本过长：自此另有%d行未读取核对（每篇至多读取%d段）", d.unreadLines, MaxParagraphs),
			Actual:   strconv.Itoa(d.unreadLines),
			Line:     d.unreadNum,
			Column:   1,
			Quote:    quote(t, [2]int{0, len(t)}, 0),
		})
	}
	out.SortByPosition()
	if workHook != nil {
		workHook(r.m.n)
	}
	return out, nil
}

// workHook, when set (by tests only, before any Lint call), receives the
// work of every Lint call.
var workHook func(work int)

// meter counts the units of work of one Lint call: bytes read by scanners
// and regular expressions, and steps of loops over claims and findings.
// Tests check that it grows linearly with the text.
type meter struct {
	n int
	// Memos of pure functions of a label, which a text repeats.
	strip map[string]string
	label map[labelKey][]string
	row   map[rowKey]rowResult
}

type labelKey struct {
	subj, ctx, unit string
	k               kind
}

type rowKey struct{ subj, ctx string }

type rowResult struct {
	f       *Fact
	restate bool
}

// stripSubject is stripSubject, remembered.
func (m *meter) stripSubject(s string) string {
	m.add(len(s))
	if t, ok := m.strip[s]; ok {
		return t
	}
	if m.strip == nil {
		m.strip = map[string]string{}
	}
	t := stripSubject(s)
	m.add(16 * len(s))
	m.strip[s] = t
	return t
}

func (m *meter) add(n int) { m.n += n + 1 }

// run is the state of one Lint call.
type run struct {
	l        *Linter
	d        *document
	input    *Facts
	unit     amount.Unit
	ix       *factIndex
	year     int
	claims   []*claim
	rowRates []*rowRate
	bySent   map[sentKey][]*claim
	priors   map[*para][]*claim
	priorIx  map[*para]*priorsOf
	instr    map[*para]*instrSpans // notes to the author found by checkLeftovers, by paragraph
	flats    []flatAt              // 持平 statements, for checkFlatAcross
	byRule   map[string]*ruleFindings
	m        *meter
	sk       *skipped
	runes    runeSet // the runes of the paragraph being checked (see runeSet.refill)
}

// pending is a finding before its quote is taken.
type pending struct {
	f   audit.Finding
	p   *para
	off int
}

// ruleFindings are the findings of one rule: at most 2×MaxFindingsPerRule
// pending ones, and the count and first position of those left out.
type ruleFindings struct {
	list    []pending
	limit   loc  // once pruned, a finding after this position is left out
	pruned  bool // limit is set
	omitted int
	first   pending // the first finding left out
}

func before(a, b loc) bool { return a.line < b.line || a.line == b.line && a.col < b.col }

func byPos(a, b pending) int {
	if c := cmp.Compare(a.f.Line, b.f.Line); c != 0 {
		return c
	}
	return cmp.Compare(a.f.Column, b.f.Column)
}

// omit records a finding left out.
func (rf *ruleFindings) omit(p pending) {
	if rf.omitted == 0 || before(loc{p.f.Line, p.f.Column}, loc{rf.first.f.Line, rf.first.f.Column}) {
		rf.first = p
	}
	rf.omitted++
}

// prune keeps the first MaxFindingsPerRule findings by position.
func (rf *ruleFindings) prune() {
	slices.SortStableFunc(rf.list, byPos)
	if len(rf.list) <= MaxFindingsPerRule {
		return
	}
	for _, p := range rf.list[MaxFindingsPerRule:] {
		rf.omit(p)
	}
	rf.list = rf.list[:MaxFindingsPerRule]
	last := rf.list[len(rf.list)-1].f
	rf.limit, rf.pruned = loc{last.Line, last.Column}, true
}

// full reports whether a finding of rule at byte off of p would be left
// out, and counts it if so; the caller then need not build it.
func (r *run) full(rule string, p *para, off int) bool {
	rf := r.byRule[rule]
	if rf == nil || !rf.pruned {
		return false
	}
	at := p.at(off)
	if !before(rf.limit, at) {
		return false
	}
	rf.omit(pending{f: audit.Finding{Rule: rule, Line: at.line, Column: at.col}, p: p, off: off})
	return true
}

// findings returns the findings listed and, for each rule with more than
// MaxFindingsPerRule, one that counts the rest.
func (r *run) findings() audit.Findings {
	var out audit.Findings
	rules := make([]string, 0, len(r.byRule))
	for id := range r.byRule {
		rules = append(rules, id)
	}
	sort.Strings(rules)
	for _, id := range rules {
		rf := r.byRule[id]
		rf.prune()
		for _, p := range rf.list {
			r.m.add(0)
			p.f.Quote = quote(p.p.text, sentenceAt(p.p, p.off), p.off)
			out = append(out, p.f)
		}
		if rf.omitted > 0 {
			p := rf.first
			out = append(out, audit.Finding{
				Rule:     id,
				Severity: audit.Info,
				Message:  fmt.Sprintf("另有%d处同类问题未列出（每条规则至多列出%d处）", rf.omitted, MaxFindingsPerRule),
				Actual:   strconv.Itoa(rf.omitted),
				Line:     p.f.Line,
				Column:   p.f.Column,
				Quote:    quote(p.p.text, sentenceAt(p.p, p.off), p.off),
			})
		}
	}
	return out
}

// add reports a finding at byte off of p, quoting the sentence there.
func (r *run) add(rule string, p *para, off int, path, msg, expected, actual string) {
	r.m.add(0)
	if r.full(rule, p, off) {
		return
	}
	at := p.at(off)
	f := audit.Finding{
		Rule:     rule,
		Severity: ruleInfo(rule).Severity,
		Path:     path,
		Message:  msg,
		Expected: expected,
		Actual:   actual,
		Line:     at.line,
		Column:   at.col,
	}
	if r.byRule == nil {
		r.byRule = map[string]*ruleFindings{}
	}
	rf := r.byRule[rule]
	if rf == nil {
		rf = &ruleFindings{}
		r.byRule[rule] = rf
	}
	rf.list = append(rf.list, pending{f: f, p: p, off: off})
	if len(rf.list) >= 2*MaxFindingsPerRule {
		rf.prune()
	}
}

func (r *run) addClaim(rule string, c *claim, path, msg, expected, actual string) {
	r.add(rule, c.p, c.off, path, msg, expected, actual)
	c.reported = true
}

func sentenceAt(p *para, off int) [2]int {
	i := sort.Search(len(p.sents), func(i int) bool { return p.sents[i][1] > off })
	if i < len(p.sents) && off >= p.sents[i][0] {
		return p.sents[i]
	}
	return [2]int{0, len(p.text)}
}
