package classification

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CSVError is a fault in one row (or the header) of a catalogue CSV file.
type CSVError struct {
	Line   int    // 1-based line of the file
	Column int    // 1-based column (field number); 0 when the whole row is at fault
	Field  string // the column's header name, "" when not known
	Err    error  // the cause; a *CodeError for a bad code, ErrDuplicate for a duplicate
}

// Error reports the line, the column and the cause.
func (e *CSVError) Error() string {
	switch {
	case e.Column > 0 && e.Field != "":
		return fmt.Sprintf("line %d, column %d (%s): %v", e.Line, e.Column, e.Field, e.Err)
	case e.Column > 0:
		return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

// Unwrap returns the cause.
func (e *CSVError) Unwrap() error { return e.Err }

// csvColumns are the column names LoadCSV accepts.
var csvColumns = []string{"code", "name", "level", "parent", "since", "until", "source"}

// LoadCSV reads a catalogue of family f in the CSV format described in the
// package documentation and returns its edition for the fiscal year. Rows
// valid only in other years are kept, so that Check can report
// ErrNotInYear. source describes the file in Catalog.Source and is the
// Entry.Source of rows whose source column is empty or absent.
//
// All bad rows are reported, each as a *CSVError naming its line and
// column, joined with errors.Join in line order: errors.As finds the first,
// and the returned error's Unwrap() []error lists them all.
//
// The result declares no level complete; use WithComplete for an official
// full catalogue. Pass it to Register to use it as an edition.
func LoadCSV(r io.Reader, f Family, year int, source string) (*Catalog, error) {
	if !validFamily(f) {
		return nil, fmt.Errorf("classification: LoadCSV: bad family %v", f)
	}
	if source == "" {
		source = "csv"
	}
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3) // UTF-8 byte-order mark, as spreadsheet programs write
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1

	hdr, err := cr.Read()
	if err == io.EOF {
		return nil, &CSVError{Line: 1, Err: errors.New("empty file; want the header " + strings.Join(csvColumns, ","))}
	}
	if err != nil {
		return nil, csvReadError(err)
	}
	col := map[string]int{} // column name → index
	var errs []error
	for i, h := range hdr {
		h = strings.ToLower(strings.TrimSpace(h))
		hdr[i] = h
		switch _, dup := col[h]; {
		case !slices.Contains(csvColumns, h):
			errs = append(errs, &CSVError{Line: 1, Column: i + 1, Field: h,
				Err: fmt.Errorf("unknown column %q (want %s)", h, strings.Join(csvColumns, ", "))})
		case dup:
			errs = append(errs, &CSVError{Line: 1, Column: i + 1, Field: h, Err: fmt.Errorf("column %q twice", h)})
		default:
			col[h] = i
		}
	}
	for _, h := range csvColumns[:2] {
		if _, ok := col[h]; !ok {
			errs = append(errs, &CSVError{Line: 1, Field: h, Err: fmt.Errorf("missing column %q", h)})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	type lined struct {
		Entry
		line int
	}
	var rows []lined
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, err
			}
			errs = append(errs, csvReadError(err))
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(hdr) {
			errs = append(errs, &CSVError{Line: line, Err: fmt.Errorf("%d fields, want %d", len(rec), len(hdr))})
			continue
		}
		bad := func(name string, err error) {
			errs = append(errs, &CSVError{Line: line, Column: col[name] + 1, Field: name, Err: err})
		}
		get := func(name string) (string, bool) {
			i, ok := col[name]
			if !ok {
				return "", false
			}
			s := strings.TrimSpace(rec[i])
			if !utf8.ValidString(s) {
				bad(name, errors.New("not valid UTF-8 (save the file as UTF-8, not GBK)"))
				return "", false
			}
			return s, s != ""
		}
		n := len(errs)
		var e Entry
		e.Code, _ = get("code")
		if err := parse(f, e.Code); err != nil {
			bad("code", err)
		} else {
			e.Level, e.Parent = levelOf(e.Code), parentOf(e.Code)
		}
		m := len(errs)
		var ok bool
		if e.Name, ok = get("name"); !ok && len(errs) == m {
			bad("name", errors.New("empty name"))
		}
		if s, ok := get("level"); ok && e.Level != 0 {
			if l, err := parseLevelField(s); err != nil {
				bad("level", err)
			} else if l != e.Level {
				bad("level", fmt.Errorf("level %s, but a %d-digit code is a %s", l, len(e.Code), e.Level))
			}
		}
		if s, ok := get("parent"); ok && e.Level != 0 && s != e.Parent {
			bad("parent", fmt.Errorf("parent %q, but the parent of %s is %q", s, e.Code, e.Parent))
		}
		if s, ok := get("since"); ok {
			if e.Since, err = parseYear(s); err != nil {
				bad("since", err)
			}
		}
		if s, ok := get("until"); ok {
			if e.Until, err = parseYear(s); err != nil {
				bad("until", err)
			} else if e.Since != 0 && e.Until < e.Since {
				bad("until", fmt.Errorf("until %d is before since %d", e.Until, e.Since))
			}
		}
		if e.Source, ok = get("source"); !ok {
			e.Source = source
		}
		if len(errs) == n {
			rows = append(rows, lined{e, line})
		}
	}

	// Two rows of one code must not be valid in the same year.
	byCode := map[string][]lined{}
	for _, x := range rows {
		for _, y := range byCode[x.Code] {
			if overlaps(x.Entry, y.Entry) {
				errs = append(errs, &CSVError{Line: x.line, Column: col["code"] + 1, Field: "code",
					Err: fmt.Errorf("%w %s: line %d has it for the same years", ErrDuplicate, x.Code, y.line)})
				break
			}
		}
		byCode[x.Code] = append(byCode[x.Code], x)
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b error) int {
			x, y := a.(*CSVError), b.(*CSVError)
			if x.Line != y.Line {
				return x.Line - y.Line
			}
			return x.Column - y.Column
		})
		return nil, errors.Join(errs...)
	}
	entries := make([]Entry, len(rows))
	for i, x := range rows {
		entries[i] = x.Entry
	}
	c := newCatalog(f, year, source, entries)
	if c.Len() == 0 {
		return nil, fmt.Errorf("classification: %s: no %s rows valid in fiscal year %d", source, f, year)
	}
	return c, nil
}

// csvReadError turns an error of encoding/csv into a *CSVError.
func csvReadError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &CSVError{Line: pe.StartLine, Err: fmt.Errorf("line %d, byte %d: %w", pe.Line, pe.Column, pe.Err)}
	}
	return err
}

// overlaps reports whether two rows are valid in a common year.
func overlaps(a, b Entry) bool {
	lo := func(y int) int {
		if y == 0 {
			return -1 << 30
		}
		return y
	}
	hi := func(y int) int {
		if y == 0 {
			return 1 << 30
		}
		return y
	}
	return lo(a.Since) <= hi(b.Until) && lo(b.Since) <= hi(a.Until)
}

// parseLevelField reads 类/款/项 or 1/2/3.
func parseLevelField(s string) (Level, error) {
	switch s {
	case "1", "2", "3":
		return Level(s[0] - '0'), nil
	}
	return ParseLevel(s)
}

// parseYear reads a four-digit fiscal year.
func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 9999 {
		return 0, fmt.Errorf("year %q is not a four-digit year", s)
	}
	return y, nil
}
