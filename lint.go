package juesuan

import (
	"errors"
	"fmt"
	"sync"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/indicators"
)

// Lint checks the narrative of d — the plain UTF-8 text of its 情况说明 —
// against d's tables, prior-year figures and performance section (表文一致),
// with the narrative patterns of d's profile. Findings carry the claim's
// line, column and sentence; rules C1–C18 are listed by narrative.Rules.
// The error is non-nil when d's profile is not registered or the text cannot
// be read (it then wraps narrative.ErrInput).
func Lint(d *Document, text []byte) (audit.Findings, error) { return defaultRegistry.Lint(d, text) }

// Lint checks the narrative of d with the profile of r that d names; see
// the package-level Lint.
func (r *Registry) Lint(d *Document, text []byte) (audit.Findings, error) {
	p, err := r.Lookup(d.Profile)
	if err != nil {
		return nil, err
	}
	return p.Lint(d, text)
}

// Lint checks d's narrative with p's patterns and rule configuration (rules
// switched off, severities changed, 出错说明 applied), whatever profile d
// names.
func (p *Profile) Lint(d *Document, text []byte) (audit.Findings, error) {
	fs, _, err := p.LintWith(d, text, LintOptions{})
	return fs, err
}

// LintOptions are what LintWith adds to Lint. The zero value lints as Lint
// does.
type LintOptions struct {
	// Coverage records the coverage ledger of the narrative rules.
	Coverage bool
}

// LintWith checks the narrative of d as Lint does and, when o.Coverage,
// returns the coverage ledger of the narrative rules C1–C27 and G5 (in ID
// order; see narrative.Recorder for what a check is). A number that
// restates a figure d does not state is a skipped check with reason
// "absent", the JSON Pointer of the blank figure (or, when its table is
// absent, the Fact ID) and its line and column; a rule with nothing to
// check is idle with the reason (G5 on a text that is not a whole
// disclosure); a rule p switches off is disabled. The findings are those
// of Lint. The ledger is nil unless asked for.
func LintWith(d *Document, text []byte, o LintOptions) (audit.Findings, *Coverage, error) {
	return defaultRegistry.LintWith(d, text, o)
}

// LintWith is LintWith with the profile of r that d names.
func (r *Registry) LintWith(d *Document, text []byte, o LintOptions) (audit.Findings, *Coverage, error) {
	p, err := r.Lookup(d.Profile)
	if err != nil {
		return nil, nil, err
	}
	return p.LintWith(d, text, o)
}

// LintWith is Profile.Lint with what o adds; see the package-level
// LintWith.
func (p *Profile) LintWith(d *Document, text []byte, o LintOptions) (audit.Findings, *Coverage, error) {
	l, err := p.narrativeLinter()
	if err != nil {
		return nil, nil, fmt.Errorf("juesuan: profile %s: %w", p.ID, err)
	}
	cfg := p.config(d)
	var rec *narrativeLedger
	var found audit.Findings
	if o.Coverage {
		rec = &narrativeLedger{cov: &Coverage{Rules: []accounts.RuleCoverage{}}, disabled: cfg.Disabled}
		found, err = l.LintWith(text, narrativeFacts(d), rec)
	} else {
		found, err = l.Lint(text, narrativeFacts(d))
	}
	if err != nil {
		return nil, nil, err
	}
	rep := audit.NewReporter(cfg)
	for _, f := range found {
		rep.Report(f)
	}
	out := rep.Findings()
	out.SortByPosition()
	if rec != nil {
		return out, rec.cov, nil
	}
	return out, nil, nil
}

// narrativeLedger records the narrative rules' ledger (narrative.Recorder)
// into cov; a rule in disabled is listed as switched off.
type narrativeLedger struct {
	cov      *Coverage
	disabled map[string]bool
	skips    map[string][]accounts.Skip
}

// Skip implements narrative.Recorder.
func (n *narrativeLedger) Skip(id, reason, path, fact string, line, col int) {
	if n.skips == nil {
		n.skips = map[string][]accounts.Skip{}
	}
	s := accounts.Skip{Path: path, Reason: reason, Fact: fact, Line: line, Column: col}
	if path != "" {
		s.Missing = []string{path}
	}
	n.skips[id] = append(n.skips[id], s)
}

// Rule implements narrative.Recorder.
func (n *narrativeLedger) Rule(id string, ran, fired int, idle string) {
	if n.disabled[id] {
		n.cov.Add(accounts.RuleCoverage{Rule: id, Status: accounts.StatusDisabled, Reason: "switched off by the profile"}, "")
		return
	}
	n.cov.Add(accounts.RuleCoverage{Rule: id, Ran: ran, Fired: fired, Skipped: n.skips[id]}, idle)
}

// NarrativePatterns returns the narrative patterns of p (p.Narrative; nil
// when the profile has none).
func (p *Profile) NarrativePatterns() *narrative.Patterns { return p.Narrative }

// ErrNoNarrative is matched by the error Lint returns for a profile
// without narrative patterns.
var ErrNoNarrative = errors.New("juesuan: no narrative patterns")

// linters caches the compiled patterns of each profile's Patterns value
// (a registered profile must not change).
var linters sync.Map // *narrative.Patterns → *narrative.Linter

func (p *Profile) narrativeLinter() (*narrative.Linter, error) {
	if p.Narrative == nil {
		return nil, ErrNoNarrative
	}
	if l, ok := linters.Load(p.Narrative); ok {
		return l.(*narrative.Linter), nil
	}
	l, err := narrative.New(p.Narrative)
	if err != nil {
		return nil, err
	}
	linters.Store(p.Narrative, l)
	return l, nil
}

// narrativeFacts lists the figures of d that a narrative may restate: the
// table figures accounts.NarrativeFacts derives from the table model, and
// the performance indicators with a stated 完成率.
func narrativeFacts(d *Document) *narrative.Facts {
	f := accounts.NarrativeFacts(&d.Report)
	if d.Performance != nil {
		f.Indicators = indicatorFacts(d.Performance)
	}
	return f
}

// indicatorFacts lists the performance indicators with a stated 完成率.
func indicatorFacts(p *indicators.Performance) []narrative.Indicator {
	var out []narrative.Indicator
	add := func(path string, project string, in *indicators.Indicator) {
		v := in.RateValue()
		if !v.IsQuantity() {
			return
		}
		out = append(out, narrative.Indicator{
			Path: path, Project: project, Name: in.Name, Target: in.Target, Actual: in.Actual,
			Rate: amount.New(v.Number),
		})
	}
	for i := range p.Projects {
		pt := &p.Projects[i]
		for j := range pt.Indicators {
			add(audit.Pointer("performance", "projects", i, "indicators", j, "rate"), pt.Name, &pt.Indicators[j])
		}
	}
	for i := range p.Evaluations {
		ev := &p.Evaluations[i]
		for j := range ev.Indicators {
			add(audit.Pointer("performance", "evaluations", i, "indicators", j, "rate"), ev.Projects, &ev.Indicators[j])
		}
	}
	return out
}
