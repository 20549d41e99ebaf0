package classification

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

// The fiscal years for which editions are embedded.
const (
	FirstEmbeddedYear = 2018 // start of the 2018 economic-classification reform
	LastEmbeddedYear  = 2026
)

// embeddedComplete says at which levels the embedded editions are known to
// be complete. It follows internal/data/SOURCES.md:
//   - 类: complete in all families. SOURCES.md names no 类 left out; the
//     lists (30 functional, 10 econ-dept, 15 econ-gov codes) are the full
//     lists as recalled, though some rows are recalled, not documented.
//   - 款 and 项: incomplete in all families. func.csv "is not a complete
//     catalog"; econ_dept leaves out 31304, 39909 and 39910; econ_gov leaves
//     out 51004, 59909 and 59910.
var embeddedComplete = [Item + 1]bool{Class: true}

type editionKey struct {
	family Family
	year   int
}

// embedded holds the lazily built embedded editions. They are shared by
// every Registry.
var embedded [EconGov + 1][LastEmbeddedYear - FirstEmbeddedYear + 1]struct {
	once sync.Once
	c    *Catalog
}

func validFamily(f Family) bool { return f >= Functional && f <= EconGov }

// embeddedEdition returns the embedded edition, building it on first use,
// or nil when none is embedded.
func embeddedEdition(f Family, year int) *Catalog {
	if !validFamily(f) || year < FirstEmbeddedYear || year > LastEmbeddedYear {
		return nil
	}
	e := &embedded[f][year-FirstEmbeddedYear]
	e.once.Do(func() { e.c = buildEmbedded(f, year) })
	return e.c
}

// buildEmbedded builds an edition from the generated records.
func buildEmbedded(f Family, year int) *Catalog {
	lo := sort.Search(len(records), func(i int) bool { return records[i].family >= f })
	hi := sort.Search(len(records), func(i int) bool { return records[i].family > f })
	rows := make([]Entry, 0, hi-lo)
	for _, r := range records[lo:hi] {
		// A seen row belongs to its edition only; the other editions do not
		// know its code at all (not even as valid in other years).
		if r.edition != 0 && int(r.edition) != year {
			continue
		}
		rows = append(rows, Entry{
			Code:   r.code,
			Name:   r.name,
			Level:  levelOf(r.code),
			Parent: parentOf(r.code),
			Since:  int(r.since),
			Until:  int(r.until),
			Source: sources[r.source],
		})
	}
	c := newCatalog(f, year, "embedded "+DataVersion, rows)
	c.complete = embeddedComplete
	return c
}

// RegisterMode says how Register combines a catalogue with the edition
// already in use for its family and year.
type RegisterMode uint8

const (
	// Replace makes the catalogue the whole edition.
	Replace RegisterMode = iota + 1
	// Extend adds the catalogue's rows to the edition in use (the embedded
	// one, or one registered before). A row of the catalogue overrides the
	// edition's row for the same code. The result is complete at a level
	// when either side is.
	Extend
)

// String returns "replace" or "extend".
func (m RegisterMode) String() string {
	switch m {
	case Replace:
		return "replace"
	case Extend:
		return "extend"
	}
	return fmt.Sprintf("RegisterMode(%d)", uint8(m))
}

// A Registry maps (family, fiscal year) to an edition: a registered one, or
// else the embedded one. It is safe for concurrent use. The package-level
// functions use a default Registry; use NewRegistry for one of your own,
// for example in tests.
type Registry struct {
	mu   sync.RWMutex
	user map[editionKey]*Catalog
}

// NewRegistry returns a Registry that holds only the embedded editions.
func NewRegistry() *Registry { return &Registry{} }

var defaultRegistry = NewRegistry()

// Edition returns the edition of family f for the fiscal year: the
// registered one if any, else the embedded one (2018–2026). Otherwise the
// error wraps ErrNoEdition.
func (r *Registry) Edition(f Family, year int) (*Catalog, error) {
	if !validFamily(f) {
		return nil, fmt.Errorf("classification: %v: %w", f, ErrNoEdition)
	}
	r.mu.RLock()
	c := r.user[editionKey{f, year}]
	r.mu.RUnlock()
	if c != nil {
		return c, nil
	}
	if c := embeddedEdition(f, year); c != nil {
		return c, nil
	}
	return nil, fmt.Errorf("classification: %s for fiscal year %d: %w (embedded: %d–%d; register one)",
		f.Title(), year, ErrNoEdition, FirstEmbeddedYear, LastEmbeddedYear)
}

// Editions bundles the three families' editions for one fiscal year.
type Editions struct {
	Functional, EconDept, EconGov *Catalog // one edition per Family
}

// For returns the edition of family f, or nil for an unknown family.
func (e Editions) For(f Family) *Catalog {
	switch f {
	case Functional:
		return e.Functional
	case EconDept:
		return e.EconDept
	case EconGov:
		return e.EconGov
	}
	return nil
}

// EditionsFor returns the three editions for the fiscal year. It fails
// unless all three exist.
func (r *Registry) EditionsFor(year int) (Editions, error) {
	var e Editions
	var errs []error
	var err error
	if e.Functional, err = r.Edition(Functional, year); err != nil {
		errs = append(errs, err)
	}
	if e.EconDept, err = r.Edition(EconDept, year); err != nil {
		errs = append(errs, err)
	}
	if e.EconGov, err = r.Edition(EconGov, year); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Editions{}, errors.Join(errs...)
	}
	return e, nil
}

// Register makes c the edition for its family and year (Replace), or merges
// it into the edition in use (Extend). Catalogues are immutable, so editions
// handed out before stay as they were.
func (r *Registry) Register(c *Catalog, mode RegisterMode) error {
	if c == nil || !validFamily(c.family) {
		return errors.New("classification: Register: no catalogue")
	}
	if mode != Replace && mode != Extend {
		return fmt.Errorf("classification: Register: bad mode %v", mode)
	}
	k := editionKey{c.family, c.year}
	r.mu.Lock()
	defer r.mu.Unlock()
	if mode == Extend {
		base := r.user[k]
		if base == nil {
			base = embeddedEdition(c.family, c.year)
		}
		if base != nil {
			c = merge(base, c)
		}
	}
	if r.user == nil {
		r.user = map[editionKey]*Catalog{}
	}
	r.user[k] = c
	return nil
}

// Unregister drops the registered edition for the family and year, so that
// the embedded one (if any) is used again.
func (r *Registry) Unregister(f Family, year int) {
	r.mu.Lock()
	delete(r.user, editionKey{f, year})
	r.mu.Unlock()
}

// Check validates code against the edition of family f for the fiscal year;
// see Catalog.Check. A missing edition gives an error wrapping ErrNoEdition.
func (r *Registry) Check(f Family, year int, code string, allowed ...Level) error {
	c, err := r.Edition(f, year)
	if err != nil {
		return err
	}
	return c.Check(code, allowed...)
}

// merge returns base extended by the rows of ext. The rows of ext replace
// all of base's rows (of any year) for the codes that ext mentions.
func merge(base, ext *Catalog) *Catalog {
	mentioned := make(map[string]bool, len(ext.entries)+len(ext.others))
	var rows []Entry
	for _, set := range [][]Entry{ext.entries, ext.others} {
		for _, e := range set {
			mentioned[e.Code] = true
			rows = append(rows, e)
		}
	}
	for _, set := range [][]Entry{base.entries, base.others} {
		for _, e := range set {
			if !mentioned[e.Code] {
				rows = append(rows, e)
			}
		}
	}
	c := newCatalog(base.family, base.year, base.source+" + "+ext.source, rows)
	for l := range c.complete {
		c.complete[l] = base.complete[l] || ext.complete[l]
	}
	return c
}

// Edition returns the edition of family f for the fiscal year from the
// default registry; see Registry.Edition.
func Edition(f Family, year int) (*Catalog, error) { return defaultRegistry.Edition(f, year) }

// EditionsFor returns the three editions for the fiscal year from the
// default registry; see Registry.EditionsFor.
func EditionsFor(year int) (Editions, error) { return defaultRegistry.EditionsFor(year) }

// Register registers c in the default registry; see Registry.Register.
func Register(c *Catalog, mode RegisterMode) error { return defaultRegistry.Register(c, mode) }

// Check validates code against the default registry's edition of family f
// for the fiscal year; see Catalog.Check.
func Check(f Family, year int, code string, allowed ...Level) error {
	return defaultRegistry.Check(f, year, code, allowed...)
}
