package juesuan

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/indicators"
)

// Profile is a registered bundle for one jurisdiction and fiscal year: its
// classification editions, its table set and layout variants, its rule
// configuration and its indicator framework. Documents name their profile;
// Validate checks them with it and Schema exports its JSON Schema.
//
// To add a profile without forking, Clone a built-in one, change the copy
// (a new ID, a table with Columns, a rule added with AddRule, an ID in
// Rules.Disabled) and Register it. A registered profile must not be changed.
type Profile struct {
	ID           string // e.g. "sichuan-2020"
	Title        string // Chinese title
	Jurisdiction string // e.g. 四川省
	// FiscalYear is the year the profile's template was taken from: the
	// year of the documents package fixture generates, and the only year
	// the profile covers when Years is zero. 0 means any year.
	FiscalYear int
	// Years is the range of fiscal years whose documents the profile
	// checks (rule S2 reports any other year). Each document is checked
	// against the classification editions of its own year (unless Editions
	// is set). The zero value means FiscalYear alone.
	Years Years
	// Editions are the classification catalogues codes are checked against.
	// nil means the embedded (or classification.Register-ed) editions of
	// FiscalYear, or of the document's year when FiscalYear is 0. Set it to
	// check against a catalogue the user loaded (classification.LoadCSV).
	Editions *classification.Editions
	// Tables lists the tables of the profile's disclosure, in published
	// order. A document of the profile may carry only these tables.
	Tables []TableSpec
	// Framework is the ID of the indicator framework (indicators package).
	Framework string
	// Rules configures the rule set.
	Rules RuleSet
	// Accounts are the options of the accounts package for this profile.
	// Calculate and Validate both use them: PersonnelClasses decides which
	// economic 类 are 人员经费 when Calculate fills 人员经费合计 and
	// 公用经费合计 and when rule A13 checks them; NegativeAllowed is read by
	// rule A16. Rules must stay nil: the rules a profile runs are listed
	// in Rules.Rules (a profile setting Accounts.Rules is invalid). Config
	// is merged into the profile's rule configuration for the rules of
	// Rules.Rules only: a rule it disables is off, and its severities,
	// tolerances and explanations apply unless Rules (RuleSet) names the
	// same rule, which wins. Catalogs must
	// stay empty: the profile's catalogues are Editions (a profile setting
	// Catalogs is invalid).
	Accounts accounts.Options
	// Narrative are the wording patterns of the profile's 情况说明 template
	// that Lint ties narrative claims with. Lint fails for a profile
	// without them. Clone shares them: give a clone a fresh value to
	// change them.
	Narrative *narrative.Patterns
	// NarrativeStyle is the wording of the profile's 情况说明 template that
	// package fixture writes narratives in; nil when the profile has none.
	// Clone shares it.
	NarrativeStyle *NarrativeStyle
	// Places are the place names package fixture draws synthetic units
	// from. They do not affect checking.
	Places Places
	// ChecklistItems are the 公开完整性 checklist (检查表) of the profile's
	// template: what a published 决算 must show and the rules that decide
	// each item (see Checklist). Clone copies it.
	ChecklistItems []ChecklistItem
	// Charts are the standard charts of the profile's disclosure (图1 …),
	// which RenderHTML draws from the figures; none draws no chart. Clone
	// copies them.
	Charts []ChartSpec
}

// Places are the jurisdiction and place names of a profile's synthetic
// units (package fixture). The zero value names units after Jurisdiction
// alone.
type Places struct {
	// Province is the 省级 jurisdiction, e.g. 四川省 or 上海市; "" means
	// Jurisdiction.
	Province string
	// ProvinceLevel is the Level of a provincial department (省 for a
	// province, 市 for a municipality); "" means 省.
	ProvinceLevel string
	// Local are the places below Province (cities or districts) that a
	// small unit belongs to; none means Province itself.
	Local []string
	// LocalLevel is the Level of a unit in Local (市, 区).
	LocalLevel string
	// Prefix names local units with Province first (上海市黄浦区统计局)
	// rather than with the place alone (德阳市统计局).
	Prefix bool
	// Offices are the offices a small unit is (统计局, 档案馆 …), named
	// after its place; none means a general list of offices found in every
	// jurisdiction.
	Offices []string
}

// Years is an inclusive range of fiscal years, First through Last.
type Years struct {
	First, Last int
}

// Contains reports whether year lies in the range.
func (y Years) Contains(year int) bool { return y.First <= year && year <= y.Last }

// String formats the range as 2018–2026 (or 2020 for a single year).
func (y Years) String() string {
	if y.First == y.Last {
		return strconv.Itoa(y.First)
	}
	return strconv.Itoa(y.First) + "–" + strconv.Itoa(y.Last)
}

// Covers reports whether p checks documents of fiscal year year: year lies
// in p.Years, or, when Years is zero, year is p.FiscalYear (any year when
// that is 0 too).
func (p *Profile) Covers(year int) bool {
	if y := p.years(); y != (Years{}) {
		return y.Contains(year)
	}
	return true
}

// years returns the range p covers: Years, or FiscalYear alone; zero when
// p covers every year.
func (p *Profile) years() Years {
	if p.Years != (Years{}) {
		return p.Years
	}
	return Years{p.FiscalYear, p.FiscalYear}
}

// TableSpec places one table in a profile.
type TableSpec struct {
	// Key is the table's JSON key under "tables" (e.g. "summary"), or, for a
	// table the profile adds (one with Columns), its key under
	// "tables/extra".
	Key string
	// Number is the published number (e.g. "一" or "公开01"); "" for internal
	// tables.
	Number string
	// Title is the table's name in this profile; layouts vary by
	// jurisdiction (e.g. 财政拨款“三公”经费支出决算表 in the central template,
	// 一般公共预算财政拨款“三公”经费支出决算表 in Sichuan 2020).
	Title string
	// Description is shown by form generators under the title.
	Description string
	// Required tables must be present in a document of this profile (rule S1).
	Required bool
	// Internal marks 财决 tables that are not published.
	Internal bool
	// Jiuqi is the name of the sheet of the 久其 部门决算 software whose
	// table has this layout, as its exports name sheets ("Z03
	// 收入决算表(财决03表)"); "" when the profile knows none. WriteWorkbook
	// uses it with WorkbookOptions.JiuqiNames, and Import recognises it.
	Jiuqi string
	// Columns defines the columns of an added table: a table with Columns
	// lives in tables/extra/<Key> as an accounts.GenericTable whose total and
	// values are keyed by the column keys.
	Columns []ColumnSpec
}

// Extra reports whether t is a table the profile adds (under tables/extra).
func (t TableSpec) Extra() bool { return len(t.Columns) > 0 }

// Pointer returns the JSON Pointer of the table in a document.
func (t TableSpec) Pointer() string {
	if t.Extra() {
		return audit.Pointer("tables", "extra", t.Key)
	}
	return audit.Pointer("tables", t.Key)
}

// ColumnSpec is one amount column of an added table.
type ColumnSpec struct {
	Key         string
	Title       string
	Description string
}

// RuleSet is a profile's rule configuration: the rules it runs, the rules
// switched off, and severities and tolerances changed. Every map is keyed
// by rule ID (S1, A1, B8, …; see RuleCatalog).
type RuleSet struct {
	// Rules are the rules the profile runs on top of the structural rules
	// S1–S5, the indicator rules (P…) and the narrative rules (C…, run by
	// Lint): the accounts rules and the profile's own, as one list. nil
	// means AccountsRules(), the built-in accounts rules; a profile adds a
	// rule with AddRule, or sets the list whole, e.g. to
	// append(AccountsRules(), myRule), and replaces a built-in one by
	// listing its own rule under that ID instead. A rule ID appears once,
	// and no rule reuses an ID of S1–S5, of an indicator or of a narrative
	// rule.
	Rules     []Rule
	Disabled  []string
	Severity  map[string]audit.Severity
	Tolerance map[string]amount.Tolerance
}

// Rule is a rule a profile runs: its descriptor (ID, severity, kind,
// title, source) and its Check. The built-in accounts rules are Rules too
// (AccountsRules), and so are the structural rules S1–S5.
type Rule struct {
	audit.Rule
	// Check inspects the document and reports findings through c.
	Check func(c *Context)
}

// Context is what a Rule's Check sees. It embeds the accounts rule
// context, so a check reads c.Report (the document's tables and unit) and
// c.Catalogs (the classification editions the document is checked
// against: the profile's Editions or those of its year), and reports with
// c.Add, c.AddInfo and the comparisons c.Sum, c.Flow, c.Equal and c.Same
// (the same quantity in two tables, admitting its rounding), which use
// the running rule's tolerance (c.Tolerance) and word the message as the
// built-in rules do (see accounts.Describe). Document and Profile give the
// rest: the performance section, the explanations, the profile's tables.
// A Context is valid only during the Check it is passed to; the document
// and the profile are shared and must not be changed.
type Context struct {
	*accounts.Context
	// Document is the document being checked (Context.Report is
	// &Document.Report).
	Document *Document
	// Profile is the profile the document is checked with.
	Profile *Profile
}

// AccountsRules returns the built-in accounts rules (accounts.Rules) as
// Rules, in catalogue order: the rule set of a profile whose Rules.Rules is
// nil. The slice is a fresh copy.
func AccountsRules() []Rule {
	ar := accounts.Rules()
	out := make([]Rule, len(ar))
	for i, r := range ar {
		check := r.Check
		out[i] = Rule{Rule: r.Rule, Check: func(c *Context) { check(c.Context) }}
	}
	return out
}

// ErrUnknownProfile is matched by the error for a profile ID that is not
// registered.
var ErrUnknownProfile = errors.New("juesuan: unknown profile")

// ErrDuplicateProfile is returned when registering an ID twice.
var ErrDuplicateProfile = errors.New("juesuan: profile already registered")

// ErrInvalidProfile is matched by the error Register returns for a profile
// that is not well formed (no ID, an unknown table key, duplicate tables or
// columns, an unregistered indicator framework, an added rule without a
// check, listed twice or with the ID of a structural, indicator or
// narrative rule …).
var ErrInvalidProfile = errors.New("juesuan: invalid profile")

// tableKey is the form of a table key: it names a $defs entry of the
// schema and a segment of JSON Pointers, so it is kept plain.
var tableKey = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// profileID is the form of a profile ID: it names schema files and a
// segment of the schemas' $id.
var profileID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Registry maps profile IDs to registered profiles. It is safe for
// concurrent use. The package-level functions (Register, Unregister,
// LookupProfile, ProfileIDs, Validate, Lint, Schema …) use a default
// Registry, which the built-in profiles (package profiles) register into;
// use NewRegistry for one of your own, for example in a test that
// registers and drops profiles without touching the default one.
type Registry struct {
	mu sync.RWMutex
	m  map[string]*Profile
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry { return &Registry{} }

var defaultRegistry = NewRegistry()

// DefaultRegistry returns the registry the package-level functions use.
func DefaultRegistry() *Registry { return defaultRegistry }

// Register checks p and adds a copy of it to the default registry; see
// Registry.Register.
func Register(p *Profile) error { return defaultRegistry.Register(p) }

// Unregister drops profile id from the default registry; see
// Registry.Unregister.
func Unregister(id string) bool { return defaultRegistry.Unregister(id) }

// Register checks p and adds a copy of it to r (later changes to p do not
// affect the registered profile). An ID registered already gives an error
// matching ErrDuplicateProfile; a malformed profile one matching
// ErrInvalidProfile.
func (r *Registry) Register(p *Profile) error {
	if p == nil {
		return fmt.Errorf("%w: nil profile", ErrInvalidProfile)
	}
	if err := p.check(); err != nil {
		return err
	}
	q := p.Clone()
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.m[q.ID]; ok {
		return fmt.Errorf("%w: %q", ErrDuplicateProfile, q.ID)
	}
	if r.m == nil {
		r.m = map[string]*Profile{}
	}
	r.m[q.ID] = q
	return nil
}

// Unregister drops profile id from r and reports whether it was
// registered, so that the ID can be registered again (a test registering
// its own profile drops it in t.Cleanup). A profile looked up before stays
// usable.
func (r *Registry) Unregister(id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.m[id]
	delete(r.m, id)
	return ok
}

// Lookup returns the profile id registered in r; see LookupProfile.
func (r *Registry) Lookup(id string) (*Profile, error) {
	r.mu.RLock()
	p, ok := r.m[id]
	r.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q (registered: %v)", ErrUnknownProfile, clipBytes([]byte(id)), r.IDs())
	}
	return p, nil
}

// IDs lists the profiles registered in r, sorted.
func (r *Registry) IDs() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return slices.Sorted(maps.Keys(r.m))
}

// Validate checks d against the profile of r that d names; see the
// package-level Validate.
func (r *Registry) Validate(d *Document) (audit.Findings, error) {
	p, err := r.Lookup(d.Profile)
	if err != nil {
		return nil, err
	}
	return p.Validate(d)
}

// Calculate fills the derivable figures of d with the options of the
// profile of r that d names; see the package-level Calculate.
func (r *Registry) Calculate(d *Document) error {
	p, err := r.Lookup(d.Profile)
	if err != nil {
		return err
	}
	p.Calculate(d)
	return nil
}

// check reports the first structural problem of p.
func (p *Profile) check() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w %q: %s", ErrInvalidProfile, p.ID, fmt.Sprintf(format, a...))
	}
	if !profileID.MatchString(p.ID) {
		return fmt.Errorf("%w: profile ID %q (want letters, digits, '.', '_' and '-', as in sichuan-2020)", ErrInvalidProfile, clipBytes([]byte(p.ID)))
	}
	if y := p.Years; y != (Years{}) {
		switch {
		case y.First <= 0 || y.Last < y.First:
			return bad("years %d–%d (want First ≤ Last, both set)", y.First, y.Last)
		case p.FiscalYear != 0 && !y.Contains(p.FiscalYear):
			return bad("fiscal year %d is outside its years %s", p.FiscalYear, y)
		}
	}
	if err := checkCharts(p.Charts); err != nil {
		return bad("%v", err)
	}
	typed := (&accounts.Tables{}).Present()
	seen := map[string]bool{}
	for i, t := range p.Tables {
		if !tableKey.MatchString(t.Key) {
			return bad("table %d has key %q (want letters, digits and _, starting with a letter)", i, t.Key)
		}
		id := t.Pointer()
		if seen[id] {
			return bad("table %s listed twice", id)
		}
		seen[id] = true
		if !t.Extra() {
			if _, ok := typed[t.Key]; !ok {
				return bad("table %q is not a typed table (%v); give an added table Columns", t.Key, slices.Sorted(maps.Keys(typed)))
			}
			continue
		}
		cols := map[string]bool{}
		for j, c := range t.Columns {
			if c.Key == "" {
				return bad("table %q column %d has no key", t.Key, j)
			}
			if cols[c.Key] {
				return bad("table %q has column %q twice", t.Key, c.Key)
			}
			cols[c.Key] = true
		}
	}
	switch {
	case p.Accounts.Rules != nil:
		return bad("Accounts.Rules is set; list the rules in Rules.Rules instead")
	case p.Accounts.Catalogs != (classification.Editions{}):
		return bad("Accounts.Catalogs is set; set Editions instead")
	}
	if p.Framework != "" {
		if _, err := indicators.LookupFramework(p.Framework); err != nil {
			return bad("%v", err)
		}
	}
	reserved := map[string]bool{}
	for _, r := range documentRules {
		reserved[r.ID] = true
	}
	for _, r := range indicators.Rules() {
		reserved[r.ID] = true
	}
	for _, r := range narrative.Rules() {
		reserved[r.ID] = true
	}
	listed := map[string]bool{}
	for _, r := range p.Rules.Rules {
		switch {
		case r.ID == "":
			return bad("a rule has no ID")
		case r.Check == nil:
			return bad("rule %s has no Check", r.ID)
		case reserved[r.ID]:
			return bad("rule %s reuses the ID of a structural, indicator or narrative rule", r.ID)
		case listed[r.ID]:
			return bad("rule %s listed twice", r.ID)
		}
		listed[r.ID] = true
	}
	return nil
}

// LookupProfile returns the profile id of the default registry. The
// result is shared: do not change it (Clone it instead). An unregistered id
// gives an error matching ErrUnknownProfile that lists the registered IDs.
// The built-in profiles are registered by importing package profiles (or
// one of its sub-packages).
func LookupProfile(id string) (*Profile, error) { return defaultRegistry.Lookup(id) }

// ProfileIDs lists the profiles of the default registry, sorted.
func ProfileIDs() []string { return defaultRegistry.IDs() }

// Clone returns a deep copy of p that can be changed and registered under a
// new ID. Catalogues (Editions) and rule Check functions are shared: they
// are not changed by anyone.
func (p *Profile) Clone() *Profile {
	q := *p
	if p.Editions != nil {
		e := *p.Editions
		q.Editions = &e
	}
	q.Tables = make([]TableSpec, len(p.Tables))
	for i, t := range p.Tables {
		t.Columns = slices.Clone(t.Columns)
		q.Tables[i] = t
	}
	if p.Tables == nil {
		q.Tables = nil
	}
	q.ChecklistItems = slices.Clone(p.ChecklistItems)
	for i := range q.ChecklistItems {
		q.ChecklistItems[i].Rules = slices.Clone(q.ChecklistItems[i].Rules)
	}
	q.Rules.Disabled = slices.Clone(p.Rules.Disabled)
	q.Rules.Severity = maps.Clone(p.Rules.Severity)
	q.Rules.Tolerance = maps.Clone(p.Rules.Tolerance)
	q.Rules.Rules = slices.Clone(p.Rules.Rules)
	q.Accounts.Rules = slices.Clone(p.Accounts.Rules)
	q.Accounts.PersonnelClasses = slices.Clone(p.Accounts.PersonnelClasses)
	q.Accounts.NegativeAllowed = slices.Clone(p.Accounts.NegativeAllowed)
	if c := p.Accounts.Config; c != nil {
		q.Accounts.Config = &audit.Config{Disabled: maps.Clone(c.Disabled), Severity: maps.Clone(c.Severity),
			Tolerance: maps.Clone(c.Tolerance), Explain: slices.Clone(c.Explain)}
	}
	q.Charts = cloneCharts(p.Charts)
	q.Places.Local = slices.Clone(p.Places.Local)
	q.Places.Offices = slices.Clone(p.Places.Offices)
	return &q
}

// Table returns the spec of the table with JSON key key (a typed table key
// or an added table's key), and whether the profile has it.
func (p *Profile) Table(key string) (TableSpec, bool) {
	for _, t := range p.Tables {
		if t.Key == key {
			return t, true
		}
	}
	return TableSpec{}, false
}

// Disable switches rule IDs off (it changes p: call it on a Clone before
// Register).
func (p *Profile) Disable(ids ...string) {
	for _, id := range ids {
		if !slices.Contains(p.Rules.Disabled, id) {
			p.Rules.Disabled = append(p.Rules.Disabled, id)
		}
	}
}

// SetSeverity changes the severity of rule id (on a Clone, before Register).
func (p *Profile) SetSeverity(id string, s audit.Severity) {
	if p.Rules.Severity == nil {
		p.Rules.Severity = map[string]audit.Severity{}
	}
	p.Rules.Severity[id] = s
}

// SetTolerance changes the tolerance of rule id (on a Clone, before
// Register).
func (p *Profile) SetTolerance(id string, t amount.Tolerance) {
	if p.Rules.Tolerance == nil {
		p.Rules.Tolerance = map[string]amount.Tolerance{}
	}
	p.Rules.Tolerance[id] = t
}

// AddTable appends a table to the profile (on a Clone, before Register).
func (p *Profile) AddTable(t TableSpec) { p.Tables = append(p.Tables, t) }

// AddRule appends r to the rules p runs (on a Clone, before Register):
// to AccountsRules() when p lists none yet.
func (p *Profile) AddRule(r Rule) { p.Rules.Rules = append(p.rules(), r) }

// rules returns the rules p runs on top of S1–S5 and the indicator rules:
// Rules.Rules, or AccountsRules() when it is nil. The result may be the
// profile's own slice: do not change it in place.
func (p *Profile) rules() []Rule {
	if p.Rules.Rules != nil {
		return slices.Clip(p.Rules.Rules)
	}
	return builtinAccountsRules
}

// builtinAccountsRules is AccountsRules(), shared by the profiles that run
// the built-in accounts rules; it is never changed (rules clips it).
var builtinAccountsRules = slices.Clip(AccountsRules())
