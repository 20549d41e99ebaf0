package juesuan

import (
	"fmt"
	"maps"
	"slices"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/indicators"
)

// Calculate fills the derivable figures of d that are absent (totals,
// subtotals, 类/款 from 项, balances, 人员/公用经费, execution rates) with
// the accounts options of the profile d names (Profile.Calculate). It never
// overwrites a stated figure and is idempotent. When d's profile is not
// registered, it uses the default accounts options; Validate then reports
// the unknown profile.
func (d *Document) Calculate() {
	if p, err := LookupProfile(d.Profile); err == nil {
		p.Calculate(d)
		return
	}
	d.Report.CalculateWith(accounts.Options{})
}

// Calculate fills the derivable figures of d that are absent with p's
// accounts options (Profile.Accounts: PersonnelClasses), whatever profile d
// names; see Document.Calculate.
func (p *Profile) Calculate(d *Document) {
	d.Report.CalculateWith(p.Accounts)
}

// Validate checks d against its profile and returns every finding. The error
// is non-nil only when d cannot be checked at all: its profile is not
// registered (ErrUnknownProfile), or no classification edition exists for
// the profile's year. Use Findings.Err to turn findings with errors into an
// error.
func Validate(d *Document) (audit.Findings, error) { return defaultRegistry.Validate(d) }

// Validate checks d against p. A document that names another profile is
// still checked, and rule S4 reports the mismatch.
func (p *Profile) Validate(d *Document) (audit.Findings, error) {
	fs, _, err := p.ValidateWith(d, ValidateOptions{})
	return fs, err
}

// Coverage is the coverage ledger of a validation (see accounts.Coverage):
// for each rule, the checks that ran, passed, were within the rounding
// bound or fired, each check that could not run with the JSON Pointers of
// the absent figures, and the rules that did not run and why.
type Coverage = accounts.Coverage

// ValidateOptions are what ValidateWith adds to Validate. The zero value
// validates as Validate does.
type ValidateOptions struct {
	// Coverage records the coverage ledger. It costs time and memory for
	// each check that cannot run, so it is off unless asked for.
	Coverage bool
	// Prior is last year's document, already calculated: rules B14
	// (this year's 年初 against last year's 年末) and B15 (the 上年数 this
	// document states against last year's tables) compare with it. Nil
	// leaves them idle.
	Prior *Document
}

// ValidateWith checks d against its profile as Validate does, with what
// o adds: last year's document and the coverage ledger (nil unless
// o.Coverage). The findings without o.Prior are those of Validate, byte
// for byte: the ledger only observes.
func ValidateWith(d *Document, o ValidateOptions) (audit.Findings, *Coverage, error) {
	p, err := defaultRegistry.Lookup(d.Profile)
	if err != nil {
		return nil, nil, err
	}
	return p.ValidateWith(d, o)
}

// ValidateWith checks d against p as Profile.Validate does, with what o
// adds (see ValidateWith). The ledger covers every rule Validate runs: the
// structural rules S*, the accounts rules and the profile's own (through
// accounts.RunChecks), then the indicator rules P0–P11 (idle, with the
// reason, when d has no performance section). The narrative rules are in
// the ledger of LintWith.
func (p *Profile) ValidateWith(d *Document, o ValidateOptions) (audit.Findings, *Coverage, error) {
	eds, err := p.editions(d)
	if err != nil {
		return nil, nil, err
	}
	var cov *Coverage
	if o.Coverage {
		cov = &Coverage{Rules: []accounts.RuleCoverage{}}
	}
	cfg := p.config(d)
	rep := audit.NewReporter(cfg)
	p.runRules(d, accounts.Options{Coverage: cov}, documentRules, rep)
	aopts := p.Accounts
	// Config is merged into rep's configuration (p.config); the rules are
	// p's (runRules).
	aopts.Catalogs, aopts.Rules, aopts.Config = eds, nil, nil
	aopts.Coverage = cov
	if o.Prior != nil {
		aopts.Prior = &o.Prior.Report
	}
	p.runRules(d, aopts, p.rules(), rep)
	if d.Performance != nil || cov != nil {
		// Reporting the findings into rep applies cfg again, which changes
		// nothing: the configuration is idempotent. Without a performance
		// section it only lists the rules idle in the ledger.
		io := indicators.Options{FrameworkID: p.Framework, ExpenditureUnit: d.Unit.AmountUnit, Config: cfg, Coverage: cov}
		if e := d.Tables.Expenditure; e != nil {
			io.ProjectExpenditure = e.Total.Project
			io.ProjectExpenditurePath = "/tables/expenditure/total/project"
		}
		for _, f := range indicators.Validate(d.Performance, io) {
			rep.Report(f)
		}
	}
	return rep.Findings(), cov, nil
}

// editions returns the catalogues codes are checked against: the
// profile's own, or those of the document's fiscal year when p covers it,
// else those of p's FiscalYear (S2 reports the year).
func (p *Profile) editions(d *Document) (classification.Editions, error) {
	if p.Editions != nil {
		return *p.Editions, nil
	}
	year := d.Unit.FiscalYear
	if !p.Covers(year) {
		year = p.FiscalYear
	}
	eds, err := classification.EditionsFor(year)
	if err != nil {
		return classification.Editions{}, fmt.Errorf("juesuan: profile %s: %w", p.ID, err)
	}
	return eds, nil
}

// runDocumentRules runs the structural rules S1–S5 that rep enables.
func runDocumentRules(d *Document, p *Profile, rep *audit.Reporter) {
	p.runRules(d, accounts.Options{}, documentRules, rep)
}

// runRules runs rules over d with the accounts options opts, reporting into
// rep: each check sees one Context holding d and p, whose accounts context
// accounts.RunChecks sets to the running rule.
func (p *Profile) runRules(d *Document, opts accounts.Options, rules []Rule, rep *audit.Reporter) {
	c := Context{Document: d, Profile: p}
	accounts.RunChecks(&d.Report, opts, rep, len(rules), func(i int) *audit.Rule {
		if rules[i].Check == nil {
			return nil
		}
		return &rules[i].Rule
	}, func(ac *accounts.Context, i int) {
		c.Context = ac
		rules[i].Check(&c)
	})
}

// config returns the rule configuration of p for d: p.Rules, the accounts
// rules' entries of p.Accounts.Config under it, and d's explanations.
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
	if ac := p.Accounts.Config; ac != nil {
		mergeAccountsConfig(cfg, ac, p.rules())
	}
	return cfg
}

// mergeAccountsConfig adds to cfg the entries of ac that name one of
// rules; cfg's own entries win. The maps of cfg are copied before they are
// changed (they may be the profile's).
func mergeAccountsConfig(cfg, ac *audit.Config, rules []Rule) {
	ids := make(map[string]bool, len(rules))
	for _, r := range rules {
		ids[r.ID] = true
	}
	cfg.Disabled = mergeEntries(cfg.Disabled, ac.Disabled, ids)
	cfg.Severity = mergeEntries(cfg.Severity, ac.Severity, ids)
	cfg.Tolerance = mergeEntries(cfg.Tolerance, ac.Tolerance, ids)
	var ex []audit.Explanation
	for _, e := range ac.Explain {
		if ids[e.Rule] {
			ex = append(ex, e)
		}
	}
	if len(ex) > 0 {
		cfg.Explain = append(slices.Clip(cfg.Explain), ex...)
	}
}

// mergeEntries returns dst with the entries of src for ids that dst lacks,
// copying dst first when it changes.
func mergeEntries[V any](dst, src map[string]V, ids map[string]bool) map[string]V {
	copied := false
	for id, v := range src {
		if !ids[id] {
			continue
		}
		if _, ok := dst[id]; ok {
			continue
		}
		if !copied {
			dst, copied = maps.Clone(dst), true
			if dst == nil {
				dst = map[string]V{}
			}
		}
		dst[id] = v
	}
	return dst
}

// RuleCatalog lists every rule a document of profile p is checked with:
// the structural rules S1–S5, the profile's Rules.Rules (the accounts rules
// and its own), the indicator rules and the narrative rules,
// sorted by ID, with the profile's severity overrides applied. Rules the
// profile switches off are left out.
func (p *Profile) RuleCatalog() []audit.Rule {
	var out []audit.Rule
	for _, r := range documentRules {
		out = append(out, r.Rule)
	}
	for _, r := range p.rules() {
		out = append(out, r.Rule)
	}
	out = append(out, indicators.Rules()...)
	out = append(out, narrative.Rules()...)
	cfg := p.config(&Document{})
	kept := out[:0]
	for _, r := range out {
		if cfg.Disabled[r.ID] {
			continue
		}
		if s, ok := cfg.Severity[r.ID]; ok {
			r.Severity = s
		}
		kept = append(kept, r)
	}
	slices.SortStableFunc(kept, func(a, b audit.Rule) int { return audit.CompareRuleIDs(a.ID, b.ID) })
	return kept
}
