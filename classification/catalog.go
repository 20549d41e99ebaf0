package classification

//go:generate go run gen.go

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
)

// Entry is one row of a catalogue: a code with its name in a fiscal year.
//
// (The type is not called Item because Item is already the 项 Level.)
type Entry struct {
	Code   string // 3, 5 or 7 ASCII digits
	Name   string // as written in the source, with full-width （）
	Level  Level  // from the code's length
	Parent string // the code minus its last two digits; "" for a 类
	// Since and Until are the first and last fiscal years in which the row
	// is valid. 0 means that no boundary is asserted, not "valid forever".
	Since, Until int
	// Source is the provenance of the code and its name: an id from
	// internal/data/SOURCES.md ("doc:…" or "recalled") for embedded rows, or
	// what the loader of a CSV file supplied.
	Source string
}

// ValidIn reports whether the row is valid in the fiscal year.
func (e Entry) ValidIn(year int) bool {
	return (e.Since == 0 || e.Since <= year) && (e.Until == 0 || year <= e.Until)
}

// Years describes the fiscal years of the row in words, for messages:
// "2019–2020", "from 2019", "until 2018" or "no year boundary asserted".
func (e Entry) Years() string {
	switch {
	case e.Since != 0 && e.Until != 0 && e.Since == e.Until:
		return strconv.Itoa(e.Since)
	case e.Since != 0 && e.Until != 0:
		return fmt.Sprintf("%d–%d", e.Since, e.Until)
	case e.Since != 0:
		return fmt.Sprintf("from %d", e.Since)
	case e.Until != 0:
		return fmt.Sprintf("until %d", e.Until)
	}
	return "no year boundary asserted"
}

// record is one generated row of tables.go.
type record struct {
	family       Family
	code, name   string
	since, until int16
	// edition is the only fiscal year whose edition holds the row, for a
	// row seen in that year's documents (internal/data/func_seen.csv); 0
	// for a row of every edition its since/until allow.
	edition int16
	source  uint8
}

// A Catalog is one edition: the codes of one family valid in one fiscal
// year. A Catalog is immutable and safe for concurrent use.
type Catalog struct {
	family Family
	year   int
	source string
	codes  []string // sorted; codes[i] == entries[i].Code
	keys   []uint32 // keys[i] == codeKey(codes[i]), in the same order
	// entries holds the rows valid in year, one per code.
	entries []Entry
	// others holds the rows of the family valid only in other years, sorted
	// by code and since, to tell ErrNotInYear from ErrUnknown.
	others   []Entry
	complete [Item + 1]bool
}

// newCatalog splits rows into those valid in year and the others. The rows
// must not hold two rows of one code valid in year.
func newCatalog(f Family, year int, source string, rows []Entry) *Catalog {
	c := &Catalog{family: f, year: year, source: source}
	for _, e := range rows {
		if e.ValidIn(year) {
			c.entries = append(c.entries, e)
		} else {
			c.others = append(c.others, e)
		}
	}
	slices.SortFunc(c.entries, func(a, b Entry) int { return strings.Compare(a.Code, b.Code) })
	slices.SortStableFunc(c.others, func(a, b Entry) int {
		if c := strings.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return a.Since - b.Since
	})
	c.codes = make([]string, len(c.entries))
	c.keys = make([]uint32, len(c.entries))
	for i, e := range c.entries {
		c.codes[i] = e.Code
		c.keys[i], _ = codeKey(e.Code)
	}
	return c
}

// codeKey packs a code of up to 7 ASCII digits into an integer that sorts
// like the code: each digit d becomes d+1 in base 11, and a shorter code is
// padded with zeros, so that 201 < 20101 < 2010101 < 20102. It reports
// false for anything else.
func codeKey(code string) (uint32, bool) {
	if len(code) == 0 || len(code) > 7 {
		return 0, false
	}
	var k uint32
	for i := 0; i < len(code); i++ {
		d := code[i] - '0'
		if d > 9 {
			return 0, false
		}
		k = k*11 + uint32(d) + 1
	}
	for i := len(code); i < 7; i++ {
		k *= 11
	}
	return k, true
}

// search returns the index of the first code ≥ code.
func (c *Catalog) search(code string) int {
	lo, hi := 0, len(c.codes)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.codes[m] < code {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Lookup returns the entry for code valid in the edition's year. It is a
// binary search over packed integer keys and does not allocate.
func (c *Catalog) Lookup(code string) (Entry, bool) {
	k, ok := codeKey(code)
	if !ok {
		return Entry{}, false
	}
	lo, hi := 0, len(c.keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.keys[m] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(c.keys) && c.keys[lo] == k {
		return c.entries[lo], true
	}
	return Entry{}, false
}

// Name returns the name of code in the edition's year, or "" when the code
// is not in the edition.
func (c *Catalog) Name(code string) string {
	e, _ := c.Lookup(code)
	return e.Name
}

// Children returns the entries one level below code, in code order.
// Children("") returns the 类.
func (c *Catalog) Children(code string) []Entry {
	var out []Entry
	for i := c.search(code); i < len(c.entries) && strings.HasPrefix(c.codes[i], code); i++ {
		if len(c.codes[i]) == len(code)+2 || (code == "" && len(c.codes[i]) == 3) {
			out = append(out, c.entries[i])
		}
	}
	return out
}

// Ancestors returns the entries above code, outermost (类) first. A parent
// missing from the edition is skipped. The code need not be in the edition.
func (c *Catalog) Ancestors(code string) []Entry {
	var out []Entry
	for n := 3; n < len(code); n += 2 {
		if e, ok := c.Lookup(code[:n]); ok {
			out = append(out, e)
		}
	}
	return out
}

// Path returns the names from the 类 down to code joined by " > ", for
// example 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行. A parent
// missing from the edition is shown by its code. Path returns "" when code
// is not in the edition.
func (c *Catalog) Path(code string) string {
	e, ok := c.Lookup(code)
	if !ok {
		return ""
	}
	var b strings.Builder
	for n := 3; n < len(code); n += 2 {
		if p, ok := c.Lookup(code[:n]); ok {
			b.WriteString(p.Name)
		} else {
			b.WriteString(code[:n])
		}
		b.WriteString(" > ")
	}
	b.WriteString(e.Name)
	return b.String()
}

// Search returns the entries whose name contains substr, in code order.
func (c *Catalog) Search(substr string) []Entry {
	var out []Entry
	for _, e := range c.entries {
		if strings.Contains(e.Name, substr) {
			out = append(out, e)
		}
	}
	return out
}

// Walk calls fn for every entry in code order, which is depth first: each
// 类 is followed by its 款, each 款 by its 项. It stops when fn returns false.
func (c *Catalog) Walk(fn func(Entry) bool) {
	for _, e := range c.entries {
		if !fn(e) {
			return
		}
	}
}

// All returns an iterator over the entries in code order, like Walk.
func (c *Catalog) All() iter.Seq[Entry] { return c.Walk }

// Len returns the number of codes in the edition.
func (c *Catalog) Len() int { return len(c.entries) }

// Year returns the edition's fiscal year.
func (c *Catalog) Year() int { return c.year }

// Family returns the edition's code family.
func (c *Catalog) Family() Family { return c.family }

// Source describes where the edition came from: "embedded <DataVersion>"
// or the source given to LoadCSV.
func (c *Catalog) Source() string { return c.source }

// Complete reports whether the edition is known to list every code of the
// level. When it is not, a code missing from the edition may still be a
// valid code: Check then marks ErrUnknown as a warning (CodeError.Incomplete).
//
// The embedded editions are complete at 类 and incomplete at 款 and 项, in
// all three families; see the package documentation.
func (c *Catalog) Complete(level Level) bool {
	return level >= Class && level <= Item && c.complete[level]
}

// Incomplete reports whether the edition is not known to be complete at the
// level of code (taken from its length), so that a code unknown to the
// edition is a warning rather than an error. It is false for a malformed
// code.
func (c *Catalog) Incomplete(code string) bool {
	if parse(c.family, code) != nil {
		return false
	}
	return !c.Complete(levelOf(code))
}

// WithComplete returns a copy of the edition that declares itself complete
// at the given levels, for an official full catalogue loaded with LoadCSV.
// The copy shares the entries; c is not changed.
func (c *Catalog) WithComplete(levels ...Level) *Catalog {
	d := *c
	for _, l := range levels {
		if l >= Class && l <= c.family.MaxLevel() {
			d.complete[l] = true
		}
	}
	return &d
}

// Check validates code for use where the levels in allowed are accepted (any
// level when allowed is empty). It returns nil or a *CodeError wrapping
// exactly one of:
//
//   - ErrMalformed: not 3/5/7 digits, or a level the family lacks;
//   - ErrWrongLevel: well formed, at a level not in allowed (this is checked
//     before the catalogue, since it holds whatever the catalogue says);
//   - ErrNotInYear: in the catalogue, but valid only in other fiscal years
//     (the Detail says which);
//   - ErrUnknown: not in the catalogue for any year. CodeError.Incomplete is
//     set when the edition is not complete at that level: then the result
//     is a warning, not an error (see IsWarning).
func (c *Catalog) Check(code string, allowed ...Level) error {
	if err := parse(c.family, code); err != nil {
		ce := err.(*CodeError)
		ce.Year = c.year
		return ce
	}
	lv := levelOf(code)
	if len(allowed) > 0 && !slices.Contains(allowed, lv) {
		names := make([]string, len(allowed))
		for i, l := range allowed {
			names[i] = l.String()
		}
		return &CodeError{Family: c.family, Code: code, Year: c.year, Err: ErrWrongLevel,
			Detail: fmt.Sprintf("a %s where %s is expected", lv, strings.Join(names, " or "))}
	}
	if _, ok := c.Lookup(code); ok {
		return nil
	}
	i, _ := slices.BinarySearchFunc(c.others, code, func(e Entry, code string) int { return strings.Compare(e.Code, code) })
	var years []string
	for ; i < len(c.others) && c.others[i].Code == code; i++ {
		years = append(years, fmt.Sprintf("%s %s", c.others[i].Name, c.others[i].Years()))
	}
	if len(years) > 0 {
		return &CodeError{Family: c.family, Code: code, Year: c.year, Err: ErrNotInYear,
			Detail: "valid as " + strings.Join(years, "; ")}
	}
	e := &CodeError{Family: c.family, Code: code, Year: c.year, Err: ErrUnknown}
	if !c.Complete(lv) {
		e.Incomplete = true
		e.Detail = fmt.Sprintf("the %s list of this edition is incomplete, so this is a warning, not an error; register the official catalogue to check it", lv)
	}
	return e
}

// IsWarning reports whether err is only a warning: an ErrUnknown *CodeError
// for a level at which the edition is not known to be complete.
func IsWarning(err error) bool {
	var ce *CodeError
	return errors.As(err, &ce) && ce.Incomplete && errors.Is(ce.Err, ErrUnknown)
}
