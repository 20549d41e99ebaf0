package render

import (
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/internal/intake"
)

// Table writes grid g as an HTML section: the title as a heading, the 单位
// line, a <table> whose header cells span their merged blocks (colspan,
// rowspan), label columns left-aligned, figures right-aligned as
// "#,##0.00" (counts as whole numbers, absent figures blank), and the
// note under it. Each figure cell carries its JSON Pointer (data-ptr).
func Table(w io.Writer, g *intake.Grid) error {
	var b strings.Builder
	esc := html.EscapeString
	b.WriteString(`<section class="table" id="t-` + esc(g.Key) + `">` + "\n")
	title := g.Title
	if g.Number != "" {
		title = g.Number + "、" + title
	}
	b.WriteString("<h2>" + esc(title) + "</h2>\n")
	b.WriteString(`<p class="unit">单位：` + esc(g.Unit) + "</p>\n<table>\n<thead>\n")
	for r := g.HeadFirst; r <= g.BodyLast; r++ {
		if r == g.HeadLast+1 {
			b.WriteString("</thead>\n<tbody>\n")
		}
		b.WriteString("<tr>")
		for c := 0; c < g.Cols(); c++ {
			if g.Covered(r, c) {
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
			b.WriteString("<" + tag)
			if class != "" {
				b.WriteString(` class="` + class + `"`)
			}
			if m, ok := g.MergeAt(r, c); ok {
				if n := m.C1 - m.C0 + 1; n > 1 {
					b.WriteString(` colspan="` + strconv.Itoa(n) + `"`)
				}
				if n := m.R1 - m.R0 + 1; n > 1 {
					b.WriteString(` rowspan="` + strconv.Itoa(n) + `"`)
				}
			}
			text := cl.Text
			if cl.Kind == intake.FigureCell || cl.Kind == intake.CountCell {
				if cl.Ptr != "" {
					b.WriteString(` data-ptr="` + esc(cl.Ptr) + `"`)
				}
				text = Figure(cl.Text, cl.Kind == intake.CountCell)
			}
			b.WriteString(">" + esc(text) + "</" + tag + ">")
		}
		b.WriteString("</tr>\n")
	}
	if g.BodyLast == g.HeadLast {
		b.WriteString("</thead>\n<tbody>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	if g.Note != "" {
		b.WriteString(`<p class="note">说明：` + esc(g.Note) + "</p>\n")
	}
	b.WriteString("</section>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
