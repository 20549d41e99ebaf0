package sheet

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Limits of an HTML table cell's spans, those browsers apply.
const (
	maxColspan = 1000
	maxRowspan = 65534
	maxNameLen = 60 // runes of a sheet name taken from text before a table
)

// ReadHTML reads the tables of an HTML page from r, each <table> a Sheet
// in the order the tables start; a table inside another's cell is a sheet
// of its own, after the outer one. file names the workbook.
//
// Rows are the table's <tr> elements (in <thead>, <tbody> and <tfoot> as
// they come) and cells its <td> and <th> elements. A cell spanning rows or
// columns (rowspan, colspan) is a merged range: its text is in the
// top-left cell and the cells it covers are blank. A cell's text has its
// white space collapsed to single spaces, a <br> (or the start or end of a
// <p>, <div> or <li> in it) breaks the line ("\n"); every cell that is not
// blank is Text, as in [ReadCSV].
//
// A sheet is named by the table's <caption>; else by the text of the
// nearest heading (<h1>–<h6>) before the table that no other table took,
// or failing one the nearest paragraph or <title>, cut to 60 characters;
// else "table N", N counting the tables from 1. The texts before and
// after a table are also kept (Sheet.Above, Sheet.Below), and the page's
// <title> (Workbook.Title).
//
// The page's encoding is taken from a byte order mark or a <meta>
// charset (gbk and gb2312 are read as GB18030, their superset); a page
// that declares none is UTF-8 when its bytes are valid UTF-8 and GB18030
// otherwise.
func ReadHTML(r io.Reader, file string) (*Workbook, error) {
	b, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	text, err := decodeHTML(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	p := &htmlReader{wb: &Workbook{File: file}, budget: MaxCells}
	if err := p.read(text); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return p.wb, nil
}

// decodeHTML returns the page as UTF-8.
func decodeHTML(b []byte) (string, error) {
	_, name, certain := charset.DetermineEncoding(b, "")
	switch {
	case certain: // a byte order mark
		return decodeText(b)
	case name == "gbk" || name == "gb18030":
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		return string(out), err
	case name == "utf-8" || name == "windows-1252":
		// a declared or guessed UTF-8, or nothing declared: decide on all
		// the bytes, not the first KiB
		return decodeText(b)
	}
	e, _ := charset.Lookup(name)
	if e == nil {
		return decodeText(b)
	}
	out, err := e.NewDecoder().Bytes(b)
	return string(out), err
}

type htmlReader struct {
	wb     *Workbook
	budget int
	stack  []*htable
	ntable int

	skip       int // inside <script> or <style>
	blockDepth int // inside a heading, paragraph or title outside cells
	block      strings.Builder
	blockTag   string   // the element the current block started with
	recent     []string // the latest headings and paragraphs not yet taken (at most maxAbove)
	heading    []bool   // which of recent are headings (<h1>–<h6>)
	ended      *Sheet   // the last table ended at the top level, taking Below until the next starts
	titleSeen  bool
}

// maxAbove bounds Sheet.Above.
const maxAbove = 4

// htable is a table being read.
type htable struct {
	sheet    *Sheet
	g        *grid
	n        int // 1-based number among the page's tables
	fallback string
	above    []string

	inCaption bool
	caption   strings.Builder

	row   int // current row, -1 before the first
	inRow bool
	col   int
	carry []int // rows still covered, below the current one, per column
	occ   []bool

	inCell       bool
	cellR, cellC int
	rs, cs       int
	text         strings.Builder
}

func (p *htmlReader) top() *htable {
	if len(p.stack) == 0 {
		return nil
	}
	return p.stack[len(p.stack)-1]
}

func (p *htmlReader) read(text string) error {
	z := html.NewTokenizer(strings.NewReader(text))
	z.SetMaxBuf(4 << 20)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			err := z.Err()
			if !errors.Is(err, io.EOF) {
				return err
			}
			for len(p.stack) > 0 {
				if err := p.endTable(); err != nil {
					return err
				}
			}
			return nil
		case html.TextToken:
			if p.skip > 0 {
				continue
			}
			p.text(string(z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			var attrs map[string]string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if s := string(k); s == "rowspan" || s == "colspan" {
					if attrs == nil {
						attrs = map[string]string{}
					}
					attrs[s] = string(v)
				}
			}
			if err := p.start(string(name), attrs, tt == html.SelfClosingTagToken); err != nil {
				return err
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if err := p.end(string(name)); err != nil {
				return err
			}
		}
	}
}

// target returns where text goes now, nil for nowhere.
func (p *htmlReader) target() *strings.Builder {
	if t := p.top(); t != nil {
		switch {
		case t.inCaption:
			return &t.caption
		case t.inCell:
			return &t.text
		}
		if p.blockDepth == 0 {
			return nil
		}
	}
	if p.blockDepth > 0 {
		return &p.block
	}
	return nil
}

func (p *htmlReader) text(s string) {
	if b := p.target(); b != nil {
		b.WriteString(strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == '\t' || r == '\f' {
				return ' '
			}
			return r
		}, s))
	}
}

func (p *htmlReader) start(name string, attrs map[string]string, selfClosing bool) error {
	t := p.top()
	switch name {
	case "script", "style", "template":
		if !selfClosing {
			p.skip++
		}
	case "br":
		if b := p.target(); b != nil {
			b.WriteByte('\n')
		}
	case "h1", "h2", "h3", "h4", "h5", "h6", "p", "title", "div", "li":
		if t != nil && (t.inCell || t.inCaption) {
			p.target().WriteByte('\n')
			return nil
		}
		if name == "div" || name == "li" {
			return nil
		}
		if p.blockDepth == 0 {
			p.block.Reset()
			p.blockTag = name
		}
		p.blockDepth++
	case "table":
		p.endBlock()
		p.ntable++
		if t == nil {
			p.ended = nil
		}
		nt := &htable{sheet: &Sheet{}, n: p.ntable, above: p.recent, row: -1}
		nt.fallback = cut(nameAbove(p.recent, p.heading), maxNameLen)
		nt.g = &grid{budget: &p.budget, sheet: "table " + strconv.Itoa(p.ntable)}
		p.recent, p.heading = nil, nil
		p.wb.Sheets = append(p.wb.Sheets, nt.sheet)
		p.stack = append(p.stack, nt)
	case "caption":
		if t != nil {
			t.inCaption = true
		}
	case "tr":
		if t != nil {
			if err := t.endCell(); err != nil {
				return err
			}
			t.startRow()
		}
	case "td", "th":
		if t == nil {
			return nil
		}
		if err := t.endCell(); err != nil {
			return err
		}
		if !t.inRow {
			t.startRow()
		}
		cs := spanAttr(attrs["colspan"], maxColspan)
		rs := spanAttr(attrs["rowspan"], maxRowspan)
		for t.col < len(t.occ) && t.occ[t.col] {
			t.col++
		}
		if err := t.g.take(cs); err != nil {
			return err
		}
		t.inCell, t.cellR, t.cellC, t.rs, t.cs = true, t.row, t.col, rs, cs
		t.text.Reset()
		for len(t.carry) < t.col+cs {
			t.carry = append(t.carry, 0)
		}
		for j := t.col; j < t.col+cs; j++ {
			t.carry[j] = max(t.carry[j], rs-1)
		}
		t.col += cs
	}
	return nil
}

func (p *htmlReader) end(name string) error {
	t := p.top()
	switch name {
	case "script", "style", "template":
		if p.skip > 0 {
			p.skip--
		}
	case "h1", "h2", "h3", "h4", "h5", "h6", "p", "title", "div", "li":
		if t != nil && (t.inCell || t.inCaption) {
			p.target().WriteByte('\n')
			return nil
		}
		if name == "div" || name == "li" || p.blockDepth == 0 {
			return nil
		}
		p.blockDepth--
		if p.blockDepth == 0 {
			p.endBlock()
		}
	case "caption":
		if t != nil {
			t.inCaption = false
		}
	case "td", "th":
		if t != nil {
			return t.endCell()
		}
	case "tr":
		if t != nil {
			if err := t.endCell(); err != nil {
				return err
			}
			t.inRow = false
		}
	case "table":
		if t != nil {
			return p.endTable()
		}
	}
	return nil
}

// nameAbove is the name a table takes from the texts above it: the
// nearest heading, else the nearest text.
func nameAbove(above []string, heading []bool) string {
	for i := len(above) - 1; i >= 0; i-- {
		if heading[i] {
			return above[i]
		}
	}
	if len(above) > 0 {
		return above[len(above)-1]
	}
	return ""
}

// endBlock takes the text of the heading or paragraph just read as the
// name for the next table.
func (p *htmlReader) endBlock() {
	if p.blockDepth > 0 || p.block.Len() > 0 {
		if s := strings.ReplaceAll(collapse(p.block.String()), "\n", " "); s != "" {
			if p.blockTag == "title" && !p.titleSeen {
				p.titleSeen = true
				p.wb.Title = s
			}
			if len(p.recent) == maxAbove {
				p.recent = append(p.recent[:0], p.recent[1:]...)
				p.heading = append(p.heading[:0], p.heading[1:]...)
			}
			p.recent = append(p.recent, s)
			p.heading = append(p.heading, len(p.blockTag) == 2 && p.blockTag[0] == 'h')
			if p.ended != nil && len(p.ended.Below) < maxAbove {
				p.ended.Below = append(p.ended.Below, s)
			}
		}
	}
	p.blockDepth = 0
	p.block.Reset()
}

func (p *htmlReader) endTable() error {
	t := p.top()
	p.stack = p.stack[:len(p.stack)-1]
	if err := t.endCell(); err != nil {
		return err
	}
	sh := t.sheet
	sh.Above = t.above
	if len(p.stack) == 0 {
		p.ended = sh
	}
	switch c := strings.ReplaceAll(collapse(t.caption.String()), "\n", " "); {
	case c != "":
		sh.Name = cut(c, maxNameLen)
	case t.fallback != "":
		sh.Name = t.fallback
	default:
		sh.Name = "table " + strconv.Itoa(t.n)
	}
	last := t.row
	for i, m := range sh.Merges {
		m.Bottom = min(m.Bottom, last)
		sh.Merges[i] = m
		if err := t.g.take((m.Bottom - m.Top) * (m.Right - m.Left + 1)); err != nil {
			return err
		}
	}
	sh.Rows = t.g.done()
	return nil
}

func (t *htable) startRow() {
	t.row++
	t.inRow = true
	t.col = 0
	t.occ = t.occ[:0]
	for j, n := range t.carry {
		t.occ = append(t.occ, n > 0)
		if n > 0 {
			t.carry[j] = n - 1
		}
	}
}

func (t *htable) endCell() error {
	if !t.inCell {
		return nil
	}
	t.inCell = false
	if t.rs > 1 || t.cs > 1 {
		t.sheet.Merges = append(t.sheet.Merges, Range{Top: t.cellR, Left: t.cellC, Bottom: t.cellR + t.rs - 1, Right: t.cellC + t.cs - 1})
	}
	if c := textCell(collapse(t.text.String())); c.Kind != Blank {
		return t.g.set(t.cellR, t.cellC, c)
	}
	return nil
}

// spanAttr parses a rowspan or colspan: 1 when absent, bad or below 1
// (rowspan="0" is read as 1), at most hi.
func spanAttr(s string, hi int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, hi)
}

// collapse collapses the white space of each line of s to single spaces
// and drops blank lines.
func collapse(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Join(f, " "))
	}
	return b.String()
}

// cut returns s cut to n runes.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
