package narrative

import (
	"errors"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
)

// MaxSize is the largest text Lint reads: 8 MiB, many times a real
// disclosure.
const MaxSize = 8 << 20

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
	r := &run{l: l, d: d, input: facts, unit: unit, ix: indexFacts(facts), year: facts.Year}
	r.claims = l.extract(d, facts.Year)
	r.index()
	l.tie(r.claims, r.ix, facts.Year)
	r.anchors()
	r.checkAmounts()
	r.checkChanges()
	r.checkShares()
	r.checkCompletions()
	r.checkTables()
	r.checkWording()
	r.checkEmpty()
	r.checkLeftovers()
	r.checkConsistency()
	r.checkTargets()
	r.listUnverified()
	out := r.out
	out.SortByPosition()
	return out, nil
}

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
	instr    []span // notes to the author found by checkLeftovers
	out      audit.Findings
}

// add reports a finding at byte off of p, quoting the sentence there.
func (r *run) add(rule string, p *para, off int, path, msg, expected, actual string) {
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
		Quote:    quote(p.text, sentenceAt(p, off), off),
	}
	r.out = append(r.out, f)
}

func (r *run) addClaim(rule string, c *claim, path, msg, expected, actual string) {
	r.add(rule, c.p, c.off, path, msg, expected, actual)
	c.reported = true
}

func sentenceAt(p *para, off int) [2]int {
	for _, s := range p.sents {
		if off >= s[0] && off < s[1] {
			return s
		}
	}
	return [2]int{0, len(p.text)}
}
