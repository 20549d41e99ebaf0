package render

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"sync"

	"github.com/cnfiscal/juesuan/internal/intake"
)

// Table writes grid g as an HTML section: the title as a heading, the 单位
// line, a <table> whose header cells span their merged blocks (colspan,
// rowspan), label columns left-aligned, figures right-aligned as
// "#,##0.00" (counts as whole numbers, absent figures blank), and the
// note under it. Each figure cell carries its JSON Pointer (data-ptr).
func Table(w io.Writer, g *intake.Grid) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	writeTable(bw, g)
	return bw.Flush()
}

// writeTable writes g to b (see Table).
func writeTable(b *bufio.Writer, g *intake.Grid) {
	// Where each merged block starts (1 + its index, the first block
	// laid out at a cell winning) and the cells it covers (-1, covered
	// winning over a start).
	cols := g.Cols()
	mark := make([]int32, g.Rows()*cols)
	for i, m := range g.Merges {
		k := m.R0*cols + m.C0
		if mark[k] == 0 {
			mark[k] = int32(i) + 1
		}
		for r := m.R0; r <= m.R1; r++ {
			for c := m.C0; c <= m.C1; c++ {
				if r != m.R0 || c != m.C0 {
					mark[r*cols+c] = -1
				}
			}
		}
	}
	b.WriteString(`<section class="table" id="t-`)
	escTo(b, g.Key)
	b.WriteString("\">\n<h2>")
	if g.Number != "" {
		escTo(b, g.Number)
		b.WriteString("、")
	}
	escTo(b, g.Title)
	b.WriteString("</h2>\n<p class=\"unit\">单位：")
	escTo(b, g.Unit)
	b.WriteString("</p>\n<table>\n<thead>\n")
	r := g.HeadFirst
	if key := g.Head(); key != nil {
		// The header rows are the same for every grid of the form: written
		// once and kept.
		v, ok := headHTML.Load(key)
		if !ok {
			var buf bytes.Buffer
			hb := bufio.NewWriter(&buf)
			for r := g.HeadFirst; r <= g.HeadLast; r++ {
				writeRow(hb, g, mark, r)
			}
			hb.Flush()
			v, _ = headHTML.LoadOrStore(key, buf.String())
		}
		b.WriteString(v.(string))
		r = g.HeadLast + 1
	}
	for ; r <= g.BodyLast; r++ {
		if r == g.HeadLast+1 {
			b.WriteString("</thead>\n<tbody>\n")
		}
		writeRow(b, g, mark, r)
	}
	if g.BodyLast == g.HeadLast {
		b.WriteString("</thead>\n<tbody>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	if g.Note != "" {
		b.WriteString(`<p class="note">说明：`)
		escTo(b, g.Note)
		b.WriteString("</p>\n")
	}
	b.WriteString("</section>\n")
}

// headHTML keeps the header rows of each form's tables as written:
// Grid.Head → string.
var headHTML sync.Map

// writeRow writes row r of g (mark as writeTable derives it).
func writeRow(b *bufio.Writer, g *intake.Grid, mark []int32, r int) {
	cols := g.Cols()
	b.WriteString("<tr>")
	for c := 0; c < cols; c++ {
		mk := mark[r*cols+c]
		if mk < 0 {
			continue
		}
		cl := g.Cells[r][c]
		tag, class := "td", ""
		switch cl.Kind {
		case intake.HeadCell:
			tag = "th"
		case intake.LabelCell:
			class = "label"
		case intake.FigureCell, intake.CountCell:
			class = "num"
		}
		b.WriteByte('<')
		b.WriteString(tag)
		if class != "" {
			b.WriteString(` class="`)
			b.WriteString(class)
			b.WriteByte('"')
		}
		if mk > 0 {
			m := g.Merges[mk-1]
			if n := m.C1 - m.C0 + 1; n > 1 {
				b.WriteString(` colspan="`)
				b.WriteString(strconv.Itoa(n))
				b.WriteByte('"')
			}
			if n := m.R1 - m.R0 + 1; n > 1 {
				b.WriteString(` rowspan="`)
				b.WriteString(strconv.Itoa(n))
				b.WriteByte('"')
			}
		}
		text := cl.Text
		if cl.Kind == intake.FigureCell || cl.Kind == intake.CountCell {
			if cl.Ptr != "" {
				b.WriteString(` data-ptr="`)
				escTo(b, cl.Ptr)
				b.WriteByte('"')
			}
			text = Figure(cl.Text, cl.Kind == intake.CountCell)
		}
		b.WriteByte('>')
		escTo(b, text)
		b.WriteString("</")
		b.WriteString(tag)
		b.WriteByte('>')
	}
	b.WriteString("</tr>\n")
}

// escTo writes s to b escaped as html.EscapeString escapes it.
func escTo(b *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var e string
		switch s[i] {
		case '<':
			e = "&lt;"
		case '>':
			e = "&gt;"
		case '&':
			e = "&amp;"
		case '\'':
			e = "&#39;"
		case '"':
			e = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(e)
		last = i + 1
	}
	b.WriteString(s[last:])
}
