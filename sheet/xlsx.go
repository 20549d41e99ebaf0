package sheet

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads an Excel workbook (.xlsx, Office Open XML) from r; file
// names it in the Workbook and in errors.
//
// Every sheet is read, in the workbook's order, with its name, and hidden
// ones ("hidden" or "veryHidden") with Hidden set; a chart sheet has no
// rows. A cell is:
//   - Number for a numeric cell, its Value the number as stored in the
//     file ("1234.5", "1.5E-3"), never the display-formatted text;
//   - Text for a string (shared, inline), a boolean ("TRUE"/"FALSE"), an
//     error ("#DIV/0!") or a date stored as text;
//   - Formula for a cell with a formula: Formula is its text without "="
//     and Value the result Excel cached in the file. A formula with no
//     cached result is evaluated with excelize's CalcCellValue; when that
//     fails, or the workbook is beyond [MaxFormulaCalls], Value is "" and
//     the reader does not fail;
//   - Blank for a cell that is empty or only white space.
//
// Merged ranges are in Merges; their value is in the top-left cell and
// the other cells are blank. The input is limited by [MaxFileSize],
// [MaxUnzipSize] and [MaxCells].
func ReadXLSX(r io.Reader, file string) (wb *Workbook, err error) {
	b, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(b, oleMagic) {
		return nil, fmt.Errorf("%s: an OLE2 compound file, not an .xlsx package (an .xls workbook or a password-protected one): %w", file, ErrLegacyXLS)
	}
	if !bytes.HasPrefix(b, zipMagic) {
		return nil, fmt.Errorf("%s: not an .xlsx workbook (no zip header)", file)
	}
	defer func() {
		if p := recover(); p != nil {
			wb, err = nil, fmt.Errorf("%s: malformed workbook: %v", file, p)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    MaxUnzipSize,
		UnzipXMLSizeLimit: MaxUnzipSize,
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, fmt.Errorf("%s: %v: %w", file, err, ErrTooLarge)
		}
		return nil, fmt.Errorf("%s: not a readable .xlsx workbook: %w", file, err)
	}
	defer f.Close()
	x := &xlsxReader{f: f, file: file, budget: MaxCells}
	return x.read()
}

type xlsxReader struct {
	f      *excelize.File
	file   string
	budget int
	calls  int // formula calls to excelize so far
	nform  int // formula cells in the workbook
}

// part returns the bytes of a package part, matching its name
// case-insensitively when no part has it exactly.
func (x *xlsxReader) part(name string) []byte {
	name = strings.TrimPrefix(name, "/")
	if v, ok := x.f.Pkg.Load(name); ok {
		b, _ := v.([]byte)
		return b
	}
	var found []byte
	x.f.Pkg.Range(func(k, v any) bool {
		if s, _ := k.(string); strings.EqualFold(s, name) {
			found, _ = v.([]byte)
			return false
		}
		return true
	})
	return found
}

type xRels struct {
	Rel []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// xRel is a relationship: the target part's name and the kind of target
// (the last element of its type: "worksheet", "sharedStrings").
type xRel struct{ target, kind string }

// rels reads the relationships of a part, with their targets resolved to
// part names, by id and by kind (the first of each kind).
func (x *xlsxReader) rels(part string) (map[string]xRel, map[string]string, error) {
	dir, base := path.Split(part)
	var rs xRels
	if b := x.part(dir + "_rels/" + base + ".rels"); len(b) > 0 {
		if err := xml.Unmarshal(b, &rs); err != nil {
			return nil, nil, fmt.Errorf("%s: relationships of %s: %w", x.file, part, err)
		}
	}
	byID, byType := map[string]xRel{}, map[string]string{}
	for _, r := range rs.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		kind := r.Type[strings.LastIndex(r.Type, "/")+1:]
		byID[r.ID] = xRel{t, kind}
		if _, ok := byType[kind]; !ok {
			byType[kind] = t
		}
	}
	return byID, byType, nil
}

type xWorkbook struct {
	Sheets []struct {
		Name  string `xml:"name,attr"`
		State string `xml:"state,attr"`
		RID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"sheets>sheet"`
}

func (x *xlsxReader) read() (*Workbook, error) {
	_, top, err := x.rels("")
	if err != nil {
		return nil, err
	}
	wbPart := top["officeDocument"]
	if wbPart == "" {
		wbPart = "xl/workbook.xml"
	}
	wbXML := x.part(wbPart)
	if len(wbXML) == 0 {
		return nil, fmt.Errorf("%s: not an .xlsx workbook (no %s)", x.file, wbPart)
	}
	var xw xWorkbook
	if err := xml.Unmarshal(wbXML, &xw); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", x.file, wbPart, err)
	}
	byID, byType, err := x.rels(wbPart)
	if err != nil {
		return nil, err
	}
	sst, err := x.sharedStrings(byType["sharedStrings"])
	if err != nil {
		return nil, err
	}
	wb := &Workbook{File: x.file, Sheets: make([]*Sheet, 0, len(xw.Sheets))}
	var parsed []*xSheet
	for _, s := range xw.Sheets {
		sh := &Sheet{Name: s.Name, Hidden: s.State == "hidden" || s.State == "veryHidden"}
		wb.Sheets = append(wb.Sheets, sh)
		rel := byID[s.RID]
		if rel.kind != "worksheet" {
			continue // a chart sheet or a dialog sheet: no cells
		}
		data := x.part(rel.target)
		if len(data) == 0 {
			return nil, fmt.Errorf("%s: sheet %q: part %s missing or unreadable", x.file, s.Name, rel.target)
		}
		ps, err := x.parseSheet(sh, data, sst)
		if err != nil {
			return nil, err
		}
		parsed = append(parsed, ps)
	}
	for _, ps := range parsed {
		x.formulas(ps)
	}
	return wb, nil
}

// sharedStrings reads the shared string table.
func (x *xlsxReader) sharedStrings(part string) ([]string, error) {
	if part == "" {
		part = "xl/sharedStrings.xml"
	}
	b := x.part(part)
	if len(b) == 0 {
		return nil, nil
	}
	var sst []string
	d := newXMLReader(b)
	var text strings.Builder
	inT, inPh, inSI := false, 0, false
	for {
		tok, err := d.next()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: shared strings: %w", x.file, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				text.Reset()
			case "t":
				inT = inSI && inPh == 0
			case "rPh":
				inPh++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				if len(sst) >= MaxCells {
					return nil, fmt.Errorf("%s: more than %d shared strings: %w", x.file, MaxCells, ErrTooLarge)
				}
				sst = append(sst, text.String())
			case "t":
				inT = false
			case "rPh":
				inPh--
			}
		case xml.CharData:
			if inT {
				text.Write(t)
			}
		}
	}
}

// xSheet is a parsed worksheet with the formula cells still to complete.
type xSheet struct {
	sheet    *Sheet
	shared   []xRef // cells of a shared formula whose text is the master's
	uncached []xRef // formula cells with no cached value
}

type xRef struct{ r, c int }

// xCell is one <c> element being read.
type xCell struct {
	ref, typ   string
	v, f, is   strings.Builder
	hasV, hasF bool
	fShared    bool
}

func (x *xlsxReader) parseSheet(sh *Sheet, data []byte, sst []string) (*xSheet, error) {
	g := &grid{budget: &x.budget, file: x.file, sheet: sh.Name}
	ps := &xSheet{sheet: sh}
	d := newXMLReader(data)
	row, col := -1, -1
	var c *xCell
	var cur *strings.Builder // where character data goes
	inIS, inPh := false, 0
	fail := func(err error) (*xSheet, error) {
		return nil, fmt.Errorf("%s: sheet %q: %w", x.file, sh.Name, err)
	}
	for {
		tok, err := d.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				row++
				if s := attr(t, "r"); s != "" {
					n, err := strconv.Atoi(s)
					if err != nil || n < 1 || n > excelize.TotalRows {
						return fail(fmt.Errorf("bad row number %q", s))
					}
					row = n - 1
				}
				col = -1
			case "c":
				c = &xCell{ref: attr(t, "r"), typ: attr(t, "t")}
				col++
				if c.ref != "" {
					r, cc, ok := parseRef(c.ref)
					if !ok {
						return fail(fmt.Errorf("bad cell reference %q", c.ref))
					}
					row, col = r, cc
				}
				if row < 0 {
					row = 0
				}
			case "v":
				if c != nil {
					c.hasV, cur = true, &c.v
				}
			case "f":
				if c != nil {
					c.hasF, cur = true, &c.f
					c.fShared = attr(t, "t") == "shared"
				}
			case "is":
				inIS = true
			case "rPh":
				inPh++
			case "t":
				if c != nil && inIS && inPh == 0 {
					cur = &c.is
				}
			case "mergeCell":
				m, ok := parseRange(attr(t, "ref"))
				if !ok {
					return fail(fmt.Errorf("bad merged range %q", attr(t, "ref")))
				}
				sh.Merges = append(sh.Merges, m)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "c":
				if c == nil {
					continue
				}
				cell, err := x.cell(c, sst)
				if err != nil {
					return fail(fmt.Errorf("cell %s: %w", Name(row, col), err))
				}
				if cell.Kind != Blank {
					if err := g.set(row, col, cell); err != nil {
						return nil, err
					}
				}
				if cell.Kind == Formula {
					x.nform++
					if c.fShared && cell.Formula == "" {
						ps.shared = append(ps.shared, xRef{row, col})
					}
					if !c.hasV || (c.v.Len() == 0 && c.typ != "str") {
						ps.uncached = append(ps.uncached, xRef{row, col})
					}
				}
				c, cur = nil, nil
			case "v", "f", "t":
				cur = nil
			case "is":
				inIS = false
			case "rPh":
				inPh--
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(t)
			}
		}
	}
	if err := g.blankMerged(sh.Merges); err != nil {
		return nil, err
	}
	sh.Rows = g.done()
	return ps, nil
}

// cell makes the Cell of a <c> element.
func (x *xlsxReader) cell(c *xCell, sst []string) (Cell, error) {
	v := c.v.String()
	switch c.typ {
	case "s":
		if c.hasV {
			i, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || i < 0 || i >= len(sst) {
				return Cell{}, fmt.Errorf("bad shared string index %q", v)
			}
			v = sst[i]
		}
	case "inlineStr":
		v = c.is.String()
	case "b":
		switch strings.TrimSpace(v) {
		case "1":
			v = "TRUE"
		case "0":
			v = "FALSE"
		}
	}
	if c.hasF {
		return Cell{Kind: Formula, Value: v, Formula: c.f.String()}, nil
	}
	switch c.typ {
	case "", "n":
		if strings.TrimSpace(v) == "" {
			return Cell{}, nil
		}
		return Cell{Kind: Number, Value: strings.TrimSpace(v)}, nil
	}
	return textCell(v), nil
}

// formulas completes the formula cells of a parsed sheet through
// excelize: the text of shared formulas, the value of uncached ones.
func (x *xlsxReader) formulas(ps *xSheet) {
	sh := ps.sheet
	for _, p := range ps.shared {
		if x.calls >= MaxFormulaCalls {
			break
		}
		if sh.At(p.r, p.c).Kind != Formula {
			continue // blanked inside a merged range
		}
		x.calls++
		if s, err := x.call(func() (string, error) { return x.f.GetCellFormula(sh.Name, Name(p.r, p.c)) }); err == nil {
			sh.Rows[p.r][p.c].Formula = strings.TrimPrefix(s, "=")
		}
	}
	if x.nform > MaxFormulaCalls {
		return
	}
	for _, p := range ps.uncached {
		if sh.At(p.r, p.c).Kind != Formula {
			continue
		}
		cell := &sh.Rows[p.r][p.c]
		if x.calls >= MaxFormulaCalls || !calcBounded(cell.Formula) {
			continue
		}
		x.calls++
		s, err := x.call(func() (string, error) {
			return x.f.CalcCellValue(sh.Name, Name(p.r, p.c), excelize.Options{RawCellValue: true})
		})
		if err == nil {
			cell.Value = s
		}
	}
}

// call runs an excelize call, turning a panic into an error.
func (x *xlsxReader) call(fn func() (string, error)) (s string, err error) {
	defer func() {
		if p := recover(); p != nil {
			s, err = "", fmt.Errorf("excelize: %v", p)
		}
	}()
	return fn()
}

var (
	areaRef = regexp.MustCompile(`\$?([A-Za-z]{1,3})\$?([0-9]{1,7}):\$?([A-Za-z]{1,3})\$?([0-9]{1,7})`)
	rowsRef = regexp.MustCompile(`(?:^|[^A-Za-z0-9_.$])\$?([0-9]{1,7}):\$?([0-9]{1,7})`)
)

// calcBounded reports whether a formula references no area larger than
// MaxCells (whole columns are fine: excelize cuts them to the rows that
// exist), so that evaluating it cannot run for long.
func calcBounded(formula string) bool {
	for _, m := range areaRef.FindAllStringSubmatch(formula, -1) {
		c1, c2 := colIndex(m[1]), colIndex(m[3])
		r1, _ := strconv.Atoi(m[2])
		r2, _ := strconv.Atoi(m[4])
		if (abs(c2-c1)+1)*(abs(r2-r1)+1) > MaxCells {
			return false
		}
	}
	for _, m := range rowsRef.FindAllStringSubmatch(formula, -1) {
		r1, _ := strconv.Atoi(m[1])
		r2, _ := strconv.Atoi(m[2])
		if (abs(r2-r1)+1)*64 > MaxCells {
			return false
		}
	}
	return true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// colIndex returns the 0-based index of column letters, -1 if bad.
func colIndex(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		b := s[i] | 0x20
		if b < 'a' || b > 'z' {
			return -1
		}
		n = n*26 + int(b-'a'+1)
	}
	return n - 1
}

// parseRef parses an A1-style reference ("C7", "$C$7") to 0-based row and
// column.
func parseRef(s string) (r, c int, ok bool) {
	s = strings.ReplaceAll(s, "$", "")
	i := 0
	for i < len(s) && (s[i]|0x20) >= 'a' && (s[i]|0x20) <= 'z' {
		i++
	}
	if i == 0 || i > 3 || i == len(s) {
		return 0, 0, false
	}
	c = colIndex(s[:i])
	n, err := strconv.Atoi(s[i:])
	if err != nil || n < 1 || n > excelize.TotalRows || c < 0 || c >= excelize.MaxColumns {
		return 0, 0, false
	}
	return n - 1, c, true
}

// parseRange parses "A1:C2" (or a single cell) into a Range.
func parseRange(s string) (Range, bool) {
	a, b, _ := strings.Cut(s, ":")
	if b == "" {
		b = a
	}
	r1, c1, ok1 := parseRef(a)
	r2, c2, ok2 := parseRef(b)
	if !ok1 || !ok2 {
		return Range{}, false
	}
	return Range{Top: min(r1, r2), Left: min(c1, c2), Bottom: max(r1, r2), Right: max(c1, c2)}, true
}

// xmlReader reads the tokens of a part with encoding/xml's RawToken (no
// namespace translation, which the parts do not need), checking that
// elements nest and are all closed, which RawToken leaves to the caller.
type xmlReader struct {
	d     *xml.Decoder
	stack []string
}

func newXMLReader(b []byte) *xmlReader {
	return &xmlReader{d: xml.NewDecoder(bytes.NewReader(b))}
}

func (x *xmlReader) next() (xml.Token, error) {
	tok, err := x.d.RawToken()
	if err == io.EOF && len(x.stack) > 0 {
		return nil, fmt.Errorf("XML ends inside <%s>", x.stack[len(x.stack)-1])
	}
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		x.stack = append(x.stack, t.Name.Local)
	case xml.EndElement:
		n := len(x.stack)
		if n == 0 || x.stack[n-1] != t.Name.Local {
			return nil, fmt.Errorf("XML element </%s> closes nothing open", t.Name.Local)
		}
		x.stack = x.stack[:n-1]
	}
	return tok, nil
}
