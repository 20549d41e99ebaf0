package accounts

import "strings"

// Coverage is the ledger of one validation: for every rule, how many checks
// ran and how they came out, which checks could not run and why, and the
// rules that did not run at all. It is recorded only when asked
// (Options.Coverage); a plain Validate keeps none.
//
// A check is one comparison or test at one place (a figure against the sum
// of its addends, a figure against the same quantity in another table, a
// code against the catalogue). A comparison with an absent figure is not
// run: it is listed in Skipped with the JSON Pointer of each absent figure,
// so that a silent document can be told from a consistent one.
type Coverage struct {
	Rules []RuleCoverage `json:"rules"`
}

// Statuses of a RuleCoverage.
const (
	// StatusRan: the rule ran and made or skipped at least one check.
	StatusRan = "ran"
	// StatusIdle: the rule ran but found nothing to check; Reason names
	// the tables it reads that are absent, if any.
	StatusIdle = "idle"
	// StatusDisabled: the rule is switched off by the profile.
	StatusDisabled = "disabled"
)

// Reasons of a Skip.
const (
	// SkipAbsent: a figure the comparison needs is not stated.
	SkipAbsent = "absent"
	// SkipExcerpt: the table is marked as an excerpt (Tables.Excerpts), so
	// its rows need not add up to its totals.
	SkipExcerpt = "excerpt"
	// SkipUnreadable: a figure the check needs is stated as text it cannot
	// read as a number of the kind it compares (an indicator value such as
	// "≥95%" against an amount, "较好" against a percentage); Missing then
	// lists the JSON Pointers of those figures.
	SkipUnreadable = "unreadable"
)

// RuleCoverage is the ledger of one rule.
type RuleCoverage struct {
	Rule   string `json:"rule"`
	Status string `json:"status"` // StatusRan, StatusIdle or StatusDisabled
	// Reason says why a rule is idle or disabled.
	Reason string `json:"reason,omitempty"`
	// Ran counts the checks that ran: Passed held, Rounding held within
	// the rounding bound (an info finding, 舍入差异), Fired gave a finding.
	// A rule that reports findings outside Sum/Flow/Same/Equal counts each
	// as fired, so Passed is Ran − Rounding − Fired, never below 0.
	Ran      int `json:"ran"`
	Passed   int `json:"passed"`
	Rounding int `json:"rounding"`
	Fired    int `json:"fired"`
	// Skipped are the checks that could not run, in the order met.
	Skipped []Skip `json:"skipped,omitempty"`
}

// Skip is one check that could not run.
type Skip struct {
	// Path is the JSON Pointer of the figure checked (the total, or the
	// first figure of a pair); for an excerpt table, of its rows.
	Path string `json:"path"`
	// Reason is SkipAbsent or SkipExcerpt.
	Reason string `json:"reason"`
	// Missing are the JSON Pointers of the absent figures in the document.
	// A rule written with Context.Sum, Flow, Same or Equal passes values,
	// not places: for it, Missing names Path when the total (or first
	// figure) is absent, and Addends the positions of absent addends.
	Missing []string `json:"missing,omitempty"`
	// MissingPrior are the JSON Pointers of the absent figures in last
	// year's document (Options.Prior).
	MissingPrior []string `json:"missingPrior,omitempty"`
	// Addends are the 1-based positions of absent addends whose place is
	// not known (Context.Sum and Flow: plus first, then minus; Same and
	// Equal: 1 is the second figure).
	Addends []int `json:"addends,omitempty"`
	// Line and Column locate, for a narrative rule (Lint), the number or
	// the heading whose check could not run: its line and column (in
	// runes, from 1) in the text. Zero for a table rule.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// Fact, for a narrative rule, is the ID of the table figure the
	// sentence restates (narrative.Fact.ID), when the document does not
	// hold it at all (its table is absent), so that no JSON Pointer can
	// name it.
	Fact string `json:"fact,omitempty"`
}

// Totals returns how many checks ran and how many could not, over every
// rule.
func (c *Coverage) Totals() (ran, skipped int) {
	if c == nil {
		return 0, 0
	}
	for i := range c.Rules {
		ran += c.Rules[i].Ran
		skipped += len(c.Rules[i].Skipped)
	}
	return ran, skipped
}

// Rule returns the ledger of rule id, or nil when it is not listed.
func (c *Coverage) Rule(id string) *RuleCoverage {
	if c == nil {
		return nil
	}
	for i := range c.Rules {
		if c.Rules[i].Rule == id {
			return &c.Rules[i]
		}
	}
	return nil
}

// Add appends the ledger of one rule, recorded outside RunChecks (the
// indicator and narrative rules): its Passed is set from Ran, Rounding and
// Fired, and its Status to StatusIdle with reason idle when it made no
// check and skipped none (StatusRan otherwise; a StatusDisabled entry is
// kept as given).
func (c *Coverage) Add(r RuleCoverage, idle string) {
	if r.Status != StatusDisabled {
		r.Passed = max(r.Ran-r.Rounding-r.Fired, 0)
		r.Status = StatusRan
		if r.Ran == 0 && len(r.Skipped) == 0 {
			r.Status, r.Reason = StatusIdle, idle
		}
	}
	c.Rules = append(c.Rules, r)
}

// Merge appends the rules of o to c.
func (c *Coverage) Merge(o *Coverage) {
	if o != nil {
		c.Rules = append(c.Rules, o.Rules...)
	}
}

// ledger is the Context's state while a Coverage is recorded.
type ledger struct {
	cov *Coverage
	cur *RuleCoverage
	// addrs and prior map the address of each absent figure of the report
	// (and of last year's) to its JSON Pointer, built on the first skip
	// that asks.
	addrs, prior map[*Amount]string
}

// beginRule starts the ledger entry of rule id.
func (l *ledger) beginRule(id string) {
	l.cov.Rules = append(l.cov.Rules, RuleCoverage{Rule: id})
	l.cur = &l.cov.Rules[len(l.cov.Rules)-1]
}

// endRule closes the current entry after its check made checks
// comparisons; reads are the tables the rule reads (ruleTables).
func (l *ledger) endRule(c *Context, checks int) {
	r := l.cur
	r.Ran = checks
	r.Passed = max(r.Ran-r.Rounding-r.Fired, 0)
	r.Status = StatusRan
	if r.Ran == 0 && len(r.Skipped) == 0 {
		r.Status = StatusIdle
		r.Reason = idleReason(c, r.Rule)
	}
	l.cur = nil
}

// idleReason says why rule id found nothing to check.
func idleReason(c *Context, id string) string {
	if id == "B13" && c.Report.PriorYear == nil {
		return "no priorYear figures"
	}
	if (id == "B14" || id == "B15") && c.Options.Prior == nil {
		return "no prior-year document"
	}
	if id == "S5" && len(c.Report.Tables.Extra) == 0 {
		return "no added tables (/tables/extra)"
	}
	if id == "G1" && c.Report.Tables.GeneralBudget != nil && len(c.Report.Tables.GeneralBudget.Rows) == 0 {
		return "table lists no rows: generalBudget"
	}
	if id == "G2" && c.Report.Tables.GeneralBudgetBasic != nil && len(c.Report.Tables.GeneralBudgetBasic.Rows) == 0 {
		return "table lists no rows: generalBudgetBasic"
	}
	var absent []string
	for _, k := range ruleTables[id] {
		if !c.Report.Tables.Has(k) {
			absent = append(absent, k)
		}
	}
	if len(absent) > 0 {
		return "tables absent: " + strings.Join(absent, ", ")
	}
	return "nothing to check"
}

// ruleTables are the typed tables each built-in rule reads, for the
// reason of an idle rule.
var ruleTables = map[string][]string{
	"A1": {"summary", "z01"}, "A2": {"summary", "z01"}, "A3": {"summary", "z01"}, "A4": {"summary", "z01"},
	"A5": {"summary", "fiscalSummary", "z01", "z01_1"},
	"A6": {"income"}, "A7": {"expenditure"},
	"A8":  {"income", "expenditure", "generalBudget", "fiscalEconomic", "generalBudgetEconomic"},
	"A9":  {"generalBudget", "fiscalEconomic", "generalBudgetEconomic", "z07"},
	"A10": {"fiscalSummary", "z01_1"}, "A11": {"fiscalSummary", "z01_1"}, "A12": {"fiscalSummary", "z01_1"},
	"A13": {"generalBudgetBasic", "generalBudgetProject", "z07", "fiscalEconomic", "generalBudgetEconomic"},
	"A14": {"threePublic", "govFundThreePublic"},
	"A15": {"govFund", "stateCapital", "stateCapitalExpenditure"},
	"B1":  {"summary", "income"}, "B2": {"summary", "expenditure"}, "B3": {"income", "fiscalSummary", "summary"},
	"B4": {"fiscalSummary", "generalBudget"}, "B5": {"generalBudget", "generalBudgetBasic"},
	"B6": {"fiscalSummary"}, "B7": {"fiscalSummary", "govFund", "stateCapital", "stateCapitalExpenditure"},
	"B10": {"threePublic", "generalBudgetBasic"}, "B11": {"z01", "z01_1", "z07", "f03"},
	"B12": {"summary", "expenditure", "fiscalSummary"},
	"B13": {"summary", "fiscalSummary"}, "B14": {"summary", "fiscalSummary"},
	"E1": {"govFund", "stateCapital", "govFundThreePublic"},
	"G1": {"generalBudget"}, "G2": {"generalBudgetBasic"}, "G3": {"threePublic"}, "G4": {"f03"},
}

// disabled lists rule id as switched off.
func (l *ledger) disabled(id string) {
	l.cov.Rules = append(l.cov.Rules, RuleCoverage{Rule: id, Status: StatusDisabled, Reason: "switched off by the profile"})
}

// skip records a check at l that could not run for reason; missing, when
// not nil, appends the pointers of the absent figures.
func (c *Context) skip(l loc, reason string, missing func(dst []string) []string) {
	s := Skip{Path: l.String(), Reason: reason}
	if missing != nil {
		s.Missing = missing(nil)
	}
	c.led.cur.Skipped = append(c.led.cur.Skipped, s)
}

// skipPair records a comparison of a (at l) with b that could not run;
// the pointer of b is found by its address, in the report or in last
// year's document.
func (c *Context) skipPair(l loc, a, b *Amount) {
	s := Skip{Path: l.String(), Reason: SkipAbsent}
	if !a.IsSet() {
		if p := c.pointerOf(a, false); p != "" {
			s.Missing = append(s.Missing, p)
		} else {
			s.Missing = append(s.Missing, s.Path)
		}
	}
	if !b.IsSet() {
		if p := c.pointerOf(b, false); p != "" {
			s.Missing = append(s.Missing, p)
		} else if p := c.pointerOf(b, true); p != "" {
			s.MissingPrior = append(s.MissingPrior, p)
		} else {
			s.Addends = append(s.Addends, 1)
		}
	}
	c.led.cur.Skipped = append(c.led.cur.Skipped, s)
}

// pointerOf returns the JSON Pointer of the absent figure at address a in
// the report (prior false) or in last year's document (prior true), or "".
func (c *Context) pointerOf(a *Amount, prior bool) string {
	m := &c.led.addrs
	r := c.Report
	if prior {
		m, r = &c.led.prior, c.Options.Prior
		if r == nil {
			return ""
		}
	}
	if *m == nil {
		*m = addressesOf(c, r)
	}
	return (*m)[a]
}

// addressesOf maps the address of every absent figure of r's tables and
// prior-year figures to its JSON Pointer.
func addressesOf(c *Context, r *Report) map[*Amount]string {
	out := map[*Amount]string{}
	w := c.newWalker(false)
	w.addrs = out
	for i := range model.tables {
		r.Tables.walkTableAt(i, &w)
	}
	if r.PriorYear != nil {
		walkPrior(&w, r.PriorYear)
	}
	return out
}

// missingOf appends to dst the pointers of the absent figures among figs,
// found by their addresses (see pointerOf); a figure whose place is not
// known is left out.
func (c *Context) missingOf(dst []string, figs ...*Amount) []string {
	for _, a := range figs {
		if a.IsSet() {
			continue
		}
		if p := c.pointerOf(a, false); p != "" {
			dst = append(dst, p)
		}
	}
	return dst
}

// skipValues records a comparison of values (Context.Sum, Flow, Same,
// Equal) at l that could not run: total is the figure at l, addends the
// others, whose places are not known.
func (c *Context) skipValues(l loc, total Amount, plus, minus []Amount) {
	s := Skip{Path: l.String(), Reason: SkipAbsent}
	if !total.IsSet() {
		s.Missing = []string{s.Path}
	}
	for i := range plus {
		if !plus[i].IsSet() {
			s.Addends = append(s.Addends, i+1)
		}
	}
	for i := range minus {
		if !minus[i].IsSet() {
			s.Addends = append(s.Addends, len(plus)+i+1)
		}
	}
	c.led.cur.Skipped = append(c.led.cur.Skipped, s)
}

// excerptOf reports whether the table whose JSON Pointer is base
// (/tables/KEY/…) is marked as an excerpt.
func (r *Report) excerptOf(base string) bool {
	if len(r.Tables.Excerpts) == 0 {
		return false
	}
	key, ok := strings.CutPrefix(base, "/tables/")
	if !ok {
		return false
	}
	if i := strings.IndexByte(key, '/'); i >= 0 {
		key = key[:i]
	}
	_, ok = r.Tables.Excerpts[key]
	return ok
}
