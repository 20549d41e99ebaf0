package render

import (
	"bufio"
	"io"
	"strconv"

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
	// Where each merged block starts, and the cells it covers.
	starts := make(map[int]intake.Merge, len(g.Merges))
	covered := make([]bool, g.Rows()*g.Cols())
	for _, m := range g.Merges {
		k := m.R0*g.Cols() + m.C0
		if _, dup := starts[k]; !dup {
			starts[k] = m
		}
		for r := m.R0; r <= m.R1; r++ {
			for c := m.C0; c <= m.C1; c++ {
				if r != m.R0 || c != m.C0 {
					covered[r*g.Cols()+c] = true
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
	for r := g.HeadFirst; r <= g.BodyLast; r++ {
		if r == g.HeadLast+1 {
			b.WriteString("</thead>\n<tbody>\n")
		}
		b.WriteString("<tr>")
		for c := 0; c < g.Cols(); c++ {
			if covered[r*g.Cols()+c] {
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
			if m, ok := starts[r*g.Cols()+c]; ok {
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
