package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// ReadCSV reads a CSV file from r as a workbook of one sheet, named after
// file's base name without its extension; file names the workbook.
//
// The text is UTF-8, with or without a byte order mark; UTF-16 with a
// byte order mark (Excel's "Unicode text"); or, when the bytes are not
// valid UTF-8, GB18030 (a superset of GBK and GB2312), as Excel saves
// CSV on Chinese Windows. Fields are separated by commas, or by tabs when
// the first line has tabs and no comma; quotes are read leniently and
// rows may have any number of fields.
//
// CSV has no types: every cell that is not blank is Text, its Value the
// field as written ("1,234.50" stays so); telling figures from labels is
// left to the caller. A field of only white space is Blank. Row i of the
// sheet is the i-th record: empty lines are skipped, as encoding/csv does,
// and a quoted field may span lines.
func ReadCSV(r io.Reader, file string) (*Workbook, error) {
	b, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	text, err := decodeText(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	name := filepath.Base(file)
	name = strings.TrimSuffix(name, filepath.Ext(name))
	sh := &Sheet{Name: name}
	budget := MaxCells
	g := &grid{budget: &budget, file: file, sheet: name}
	cr := csv.NewReader(strings.NewReader(text))
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	first, _, _ := strings.Cut(text, "\n")
	if strings.Contains(first, "\t") && !strings.Contains(first, ",") {
		cr.Comma = '\t'
	}
	for row := 0; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		for col, field := range rec {
			if c := textCell(field); c.Kind != Blank {
				if err := g.set(row, col, c); err != nil {
					return nil, err
				}
			}
		}
	}
	sh.Rows = g.done()
	return &Workbook{File: file, Sheets: []*Sheet{sh}}, nil
}

// decodeText returns b as UTF-8: b itself without a UTF-8 byte order
// mark, UTF-16 decoded when it starts with a UTF-16 byte order mark,
// GB18030 decoded when it is not valid UTF-8.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		return string(b[3:]), nil
	case bytes.HasPrefix(b, []byte("\xFF\xFE")), bytes.HasPrefix(b, []byte("\xFE\xFF")):
		d := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := d.Bytes(b)
		return string(out), err
	case utf8.Valid(b):
		return string(b), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	return string(out), err
}
