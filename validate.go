package juesuan

import (
	"fmt"
	"slices"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/indicators"
)

// Calculate fills the derivable figures of d that are absent (totals,
// subtotals, 类/款 from 项, balances, 人员/公用经费, execution rates). It never
// overwrites a stated figure and is idempotent.
func (d *Document) Calculate() {
	d.Report.Calculate()
}

// Validate checks d against its profile and returns every finding. The error
// is non-nil only when d cannot be checked at all: its profile is not
// registered (ErrUnknownProfile), or no classification edition exists for
// the profile's year. Use Findings.Err to turn findings with errors into an
// error.
func Validate(d *Document) (audit.Findings, error) {
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return nil, err
	}
	return p.Validate(d)
}

// Validate checks d against p. A document that names another profile is
// still checked, and rule S4 reports the mismatch.
func (p *Profile) Validate(d *Document) (audit.Findings, error) {
	eds, err := p.editions(d)
	if err != nil {
		return nil, err
	}
	rep := audit.NewReporter(p.config(d))
	runDocumentRules(d, p, rep)
	aopts := p.Accounts
	aopts.Catalogs, aopts.Rules, aopts.Config = eds, p.Rules.Accounts, nil
	accounts.ValidateInto(&d.Report, aopts, rep)
	if d.Performance != nil {
		indicators.ValidateInto(d.Performance, indicators.Options{FrameworkID: p.Framework, ProjectExpenditure: func() (a accounts.Amount) {
			if e := d.Tables.Expenditure; e != nil {
				a = e.Total.Project
			}
			return
		}(), ExpenditureUnit: d.Unit.AmountUnit}, rep)
	}
	for i := range p.Rules.Extra {
		r := &p.Rules.Extra[i]
		if rep.Enabled(r.ID) && r.Check != nil {
			r.Check(d, &Checker{rule: r, rep: rep, eds: eds})
		}
	}
	return rep.Findings(), nil
}

// editions returns the catalogues codes are checked against: the
// profile's own, or those of its fiscal year (the document's when the
// profile has none).
func (p *Profile) editions(d *Document) (classification.Editions, error) {
	if p.Editions != nil {
		return *p.Editions, nil
	}
	year := p.FiscalYear
	if year == 0 {
		year = d.Unit.FiscalYear
	}
	eds, err := classification.EditionsFor(year)
	if err != nil {
		return classification.Editions{}, fmt.Errorf("juesuan: profile %s: %w", p.ID, err)
	}
	return eds, nil
}

func (p *Profile) config(d *Document) *audit.Config {
	cfg := &audit.Config{
		Severity:  p.Rules.Severity,
		Tolerance: p.Rules.Tolerance,
		Explain:   d.Explanations,
	}
	if len(p.Rules.Disabled) > 0 {
		cfg.Disabled = make(map[string]bool, len(p.Rules.Disabled))
		for _, id := range p.Rules.Disabled {
			cfg.Disabled[id] = true
		}
	}
	return cfg
}

// docRule is a built-in document-level rule; it also sees the profile.
type docRule struct {
	audit.Rule
	check func(d *Document, p *Profile, c *Checker)
}

// runDocumentRules runs the structural rules S1–S5 that rep enables.
func runDocumentRules(d *Document, p *Profile, rep *audit.Reporter) {
	dc := Checker{rep: rep}
	for i := range documentRules {
		if r := &documentRules[i]; rep.Enabled(r.ID) {
			dc.rule = &documentRuleWrappers[i]
			r.check(d, p, &dc)
		}
	}
}

// documentRuleWrappers holds documentRules as Rules, for their Checkers.
var documentRuleWrappers = func() []Rule {
	out := make([]Rule, len(documentRules))
	for i, r := range documentRules {
		out[i] = Rule{Rule: r.Rule}
	}
	return out
}()

// RuleCatalog lists every rule a document of profile p is checked with:
// document rules, accounts rules, indicator rules and the profile's own,
// sorted by ID, with the profile's severity overrides applied. Rules the
// profile switches off are left out.
func (p *Profile) RuleCatalog() []audit.Rule {
	var out []audit.Rule
	for _, r := range documentRules {
		out = append(out, r.Rule)
	}
	ar := p.Rules.Accounts
	if ar == nil {
		ar = accounts.Rules()
	}
	for _, r := range ar {
		out = append(out, r.Rule)
	}
	out = append(out, indicators.Rules()...)
	out = append(out, narrative.Rules()...)
	for _, r := range p.Rules.Extra {
		out = append(out, r.Rule)
	}
	disabled := map[string]bool{}
	for _, id := range p.Rules.Disabled {
		disabled[id] = true
	}
	kept := out[:0]
	for _, r := range out {
		if disabled[r.ID] {
			continue
		}
		if s, ok := p.Rules.Severity[r.ID]; ok {
			r.Severity = s
		}
		kept = append(kept, r)
	}
	slices.SortStableFunc(kept, func(a, b audit.Rule) int { return audit.CompareRuleIDs(a.ID, b.ID) })
	return kept
}
