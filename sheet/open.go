package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Limits on what the readers accept. An input beyond one of them is
// rejected with an error that wraps [ErrTooLarge]; no reader panics, hangs
// or allocates without bound on a hostile file.
const (
	// MaxFileSize is the largest file, in bytes, a reader reads.
	MaxFileSize = 64 << 20
	// MaxUnzipSize is the largest total uncompressed size, in bytes, of
	// the parts of an .xlsx package (excelize's UnzipSizeLimit; every part
	// is kept in memory, so it is also its UnzipXMLSizeLimit).
	MaxUnzipSize = 256 << 20
	// MaxCells is the most cells a workbook may hold, counted over all its
	// sheets as the cells of the grid (blank cells before the last cell of
	// a row included) plus one for each row. Merged ranges count their
	// area within the rows read.
	MaxCells = 1 << 21
	// MaxFormulaCalls is how many formulas of one .xlsx workbook are
	// handed to excelize, to evaluate a formula that has no cached value
	// or to expand a shared formula's text. Past it, an uncached formula's
	// Value stays "" and a shared formula's Formula may be "". A workbook
	// with more than MaxFormulaCalls formula cells in all has none
	// evaluated, which bounds the depth of excelize's recursive evaluation.
	MaxFormulaCalls = 10000
)

// ErrTooLarge is wrapped by the error of a reader when the input is beyond
// one of the limits ([MaxFileSize], [MaxUnzipSize], [MaxCells]).
var ErrTooLarge = errors.New("sheet: input too large")

// ErrLegacyXLS is wrapped by the error for an Excel 97–2003 (.xls, BIFF8)
// workbook, which the package does not read: no pure-Go .xls reader is
// kept up well enough to trust with untrusted files. Open the file in
// Excel or WPS and save it as .xlsx. The same error is returned for an
// .xlsx that is an OLE2 compound file (a password-protected workbook).
var ErrLegacyXLS = errors.New("sheet: Excel 97-2003 .xls workbook not supported: save it as .xlsx")

// ErrUnknownFormat is wrapped by the error of [Open] for a file whose
// extension names no format the package reads.
var ErrUnknownFormat = errors.New("sheet: unknown file format (want .xlsx, .csv, .html or .htm)")

// Open reads the workbook at path, choosing the reader by the extension,
// case-insensitively: .xlsx and .xlsm with [ReadXLSX], .csv with
// [ReadCSV], .html and .htm with [ReadHTML]. The Workbook's File is path as
// given.
//
// A file named .xls is looked at first: many systems save an HTML table or
// an .xlsx package under that name, and those are read as what they are; a
// real Excel 97–2003 workbook gives an error wrapping [ErrLegacyXLS].
func Open(path string) (*Workbook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: %d bytes, more than %d: %w", path, fi.Size(), MaxFileSize, ErrTooLarge)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return ReadXLSX(f, path)
	case ".csv":
		return ReadCSV(f, path)
	case ".html", ".htm":
		return ReadHTML(f, path)
	case ".xls":
		b, err := readAll(f, path)
		if err != nil {
			return nil, err
		}
		switch {
		case bytes.HasPrefix(b, zipMagic):
			return ReadXLSX(bytes.NewReader(b), path)
		case looksLikeHTML(b):
			return ReadHTML(bytes.NewReader(b), path)
		}
		return nil, fmt.Errorf("%s: %w", path, ErrLegacyXLS)
	}
	return nil, fmt.Errorf("%s: %w", path, ErrUnknownFormat)
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// looksLikeHTML reports whether b starts, after a byte order mark and
// white space, with markup and holds a <table> in its first 64 KiB.
func looksLikeHTML(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 || b[0] != '<' {
		return false
	}
	if len(b) > 64<<10 {
		b = b[:64<<10]
	}
	return bytes.Contains(bytes.ToLower(b), []byte("<table"))
}

// readAll reads r to its end, at most MaxFileSize bytes.
func readAll(r io.Reader, file string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("%s: more than %d bytes: %w", file, MaxFileSize, ErrTooLarge)
	}
	return b, nil
}

// grid builds the rows of one sheet, counting cells against the
// workbook's budget.
type grid struct {
	rows   [][]Cell
	budget *int // cells left in the workbook
	file   string
	sheet  string
}

// take spends n cells of the budget.
func (g *grid) take(n int) error {
	*g.budget -= n
	if *g.budget < 0 {
		err := fmt.Errorf("sheet %q: more than %d cells: %w", g.sheet, MaxCells, ErrTooLarge)
		if g.file != "" {
			err = fmt.Errorf("%s: %w", g.file, err)
		}
		return err
	}
	return nil
}

// set puts c at row r, column col (0-based), growing the grid.
func (g *grid) set(r, col int, c Cell) error {
	if r >= len(g.rows) {
		if err := g.take(r + 1 - len(g.rows)); err != nil {
			return err
		}
		for len(g.rows) <= r {
			g.rows = append(g.rows, nil)
		}
	}
	row := g.rows[r]
	if col >= len(row) {
		if err := g.take(col + 1 - len(row)); err != nil {
			return err
		}
		if col < cap(row) {
			row = row[:col+1]
		} else {
			row = append(row, make([]Cell, col+1-len(row))...)
		}
		g.rows[r] = row
	}
	row[col] = c
	return nil
}

// done trims blank cells at the end of each row and blank rows at the
// end, and returns the rows.
func (g *grid) done() [][]Cell {
	last := -1
	for i, row := range g.rows {
		n := len(row)
		for n > 0 && row[n-1].Kind == Blank {
			n--
		}
		if n == 0 {
			g.rows[i] = nil
			continue
		}
		g.rows[i] = row[:n]
		last = i
	}
	return g.rows[:last+1]
}

// blankMerged blanks the cells of each merged range but its top-left one,
// so that a merged range's value is in one place; the area looked at is
// counted against the budget.
func (g *grid) blankMerged(merges []Range) error {
	for _, m := range merges {
		bottom := min(m.Bottom, len(g.rows)-1)
		if bottom < m.Top {
			continue
		}
		if err := g.take((bottom - m.Top + 1) * (m.Right - m.Left + 1)); err != nil {
			return err
		}
		for r := m.Top; r <= bottom; r++ {
			row := g.rows[r]
			for c := m.Left; c <= m.Right && c < len(row); c++ {
				if r != m.Top || c != m.Left {
					row[c] = Cell{}
				}
			}
		}
	}
	return nil
}

// textCell returns a Text cell of s, or a Blank one when s is only white
// space.
func textCell(s string) Cell {
	if strings.TrimSpace(s) == "" {
		return Cell{}
	}
	return Cell{Kind: Text, Value: s}
}
