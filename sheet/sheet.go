package sheet

import (
	"fmt"
	"strconv"
)

// Workbook is the cells of one file.
type Workbook struct {
	// File is the name the workbook was read from, as given to the reader;
	// it appears in every Location.
	File   string
	Sheets []*Sheet
	// Title is, for an HTML page, the text of its <title> ("" for none or
	// for another format).
	Title string
}

// Sheet is one grid of cells: a worksheet, the one table of a CSV file, or
// one <table> of an HTML page.
type Sheet struct {
	// Name is the worksheet's name; for a CSV file the file's base name;
	// for an HTML table its caption or the heading (else the paragraph)
	// before it, or "table N" (1-based) when it has neither.
	Name string
	// Above are, for an HTML table, the texts of the headings and
	// paragraphs between the table before it (or the page's start) and
	// it, the last four at most, in page order: where
	// a web page prints a table's title and its 单位 line. Nil for a
	// worksheet or a CSV file.
	Above []string
	// Below are, for an HTML table not inside another, the texts of the
	// headings and paragraphs after it, up to the next table, the first
	// four at most, in page order: where a page prints a table's note.
	// Nil for a worksheet or a CSV file.
	Below []string
	// Hidden reports a worksheet hidden in the workbook.
	Hidden bool
	// Rows are the cells, row by row from the top; a row may be shorter
	// than others (its missing cells are blank). Row i, column j is the
	// cell named Name(i, j).
	Rows [][]Cell
	// Merges are the merged ranges. The value of a merged range is in its
	// top-left cell; the others are blank.
	Merges []Range
}

// Kind tells what a cell held in its source.
type Kind uint8

// The kinds of cell.
const (
	Blank   Kind = iota // nothing, or only white space
	Text                // a string
	Number              // a numeric value (Value is its text as the file stores it, without display formatting)
	Formula             // a formula; Value is its cached or computed result
)

// String names the kind.
func (k Kind) String() string {
	switch k {
	case Blank:
		return "blank"
	case Text:
		return "text"
	case Number:
		return "number"
	case Formula:
		return "formula"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Cell is one cell.
type Cell struct {
	Kind Kind
	// Value is the cell's text: the string, the number as stored (for
	// example "1234.5"), or a formula's result; "" for a blank cell.
	Value string
	// Formula is the formula of a Formula cell, without the leading "=".
	Formula string
}

// Range is a rectangle of cells, 0-based and inclusive: rows Top..Bottom,
// columns Left..Right.
type Range struct {
	Top, Left, Bottom, Right int
}

// Contains reports whether row r, column c lies in the range.
func (g Range) Contains(r, c int) bool {
	return r >= g.Top && r <= g.Bottom && c >= g.Left && c <= g.Right
}

// At returns the cell at row r, column c (0-based); a cell outside the
// rows read is blank.
func (s *Sheet) At(r, c int) Cell {
	if r < 0 || r >= len(s.Rows) || c < 0 || c >= len(s.Rows[r]) {
		return Cell{}
	}
	return s.Rows[r][c]
}

// Name returns the A1-style name of row r, column c (0-based): Name(6, 2)
// is "C7".
func Name(r, c int) string {
	var col []byte
	for c++; c > 0; c = (c - 1) / 26 {
		col = append([]byte{byte('A' + (c-1)%26)}, col...)
	}
	return string(col) + strconv.Itoa(r+1)
}

// Location is where a value was read: the file, the sheet and the cell.
type Location struct {
	File  string `json:"file"`
	Sheet string `json:"sheet"`
	Cell  string `json:"cell"` // A1-style, e.g. "C7"
}

// String formats the location as FILE!SHEET!CELL, the sheet quoted when it
// holds a space or "!": 决算.xlsx!'Z03 收入决算表'!C7.
func (l Location) String() string {
	s := l.Sheet
	for _, r := range s {
		if r == ' ' || r == '!' || r == '\'' {
			s = "'" + quoteSheet(s) + "'"
			break
		}
	}
	return fmt.Sprintf("%s!%s!%s", l.File, s, l.Cell)
}

func quoteSheet(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			b = append(b, '\'')
		}
		b = append(b, s[i])
	}
	return string(b)
}
