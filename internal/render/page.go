package render

import (
	"bufio"
	"bytes"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/internal/intake"
)

// Page is one disclosure to print.
type Page struct {
	Heading   string         // 攀枝花市人民政府驻成都办事处2020年度部门决算
	Unit      string         // the amount unit of the figures
	Grids     []*intake.Grid // the public tables, in published order
	Narrative []byte         // the 情况说明, plain UTF-8; nil for none
	Charts    []Chart
}

// css is the page's style: screen and print (A4 landscape, each table and
// the charts on a new page, header rows repeated on every page).
const css = `body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC","Source Han Sans SC","Microsoft YaHei","SimSun",sans-serif;margin:2em;color:#000}
h1{text-align:center;font-size:22px}
h2{text-align:center;font-size:18px;margin:.6em 0 .2em}
p.unit{text-align:right;margin:0 0 .3em}
table{border-collapse:collapse;width:100%;font-size:12px}
th,td{border:1px solid #000;padding:2px 4px}
th{font-weight:bold;text-align:center;vertical-align:middle}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.label{text-align:left}
p.note{margin:.3em 0}
section.narrative p{text-indent:2em;line-height:1.7;margin:.2em 0}
figure.chart{margin:1em auto;text-align:center;break-inside:avoid;page-break-inside:avoid}
figure.chart figcaption{font-weight:bold}
p.undrawn,p.absent{color:#555;font-size:13px}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0}section.table{break-before:page;page-break-before:always}section.charts{break-before:page;page-break-before:always}
thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}}
`

// HTML writes p as one self-contained HTML file: inline CSS, inline SVG,
// no script and no external resource. The narrative comes first, a
// paragraph per line escaped, with its line number (data-line="12", as a
// linter's NARRATIVE:12:COLUMN counts), each chart after the paragraph
// that names it (图1：);
// charts the narrative does not name follow it; then the tables.
func HTML(w io.Writer, p *Page) error {
	bw := bufio.NewWriter(w)
	esc := html.EscapeString
	bw.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(p.Heading) + "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n")
	bw.WriteString("<h1>" + esc(p.Heading) + "</h1>\n")
	placed := make([]bool, len(p.Charts))
	if p.Narrative != nil {
		bw.WriteString("<section class=\"narrative\">\n")
		n := 0
		for line := range bytes.Lines(p.Narrative) {
			n++
			s := strings.TrimSpace(strings.TrimPrefix(string(line), "\ufeff"))
			if s == "" {
				continue
			}
			// data-line: the line of the narrative, where a linter's
			// finding (NARRATIVE:LINE:COLUMN) points.
			bw.WriteString("<p data-line=\"" + strconv.Itoa(n) + "\">" + esc(s) + "</p>\n")
			for i, ch := range p.Charts {
				if !placed[i] && (strings.Contains(s, ch.Spec.ID+"：") || strings.Contains(s, ch.Spec.ID+":")) {
					placed[i] = true
					if err := ch.Write(bw, p.Unit); err != nil {
						return err
					}
				}
			}
		}
		bw.WriteString("</section>\n")
	}
	rest := false
	for i := range p.Charts {
		rest = rest || !placed[i]
	}
	if rest {
		bw.WriteString("<section class=\"charts\">\n")
		for i, ch := range p.Charts {
			if !placed[i] {
				if err := ch.Write(bw, p.Unit); err != nil {
					return err
				}
			}
		}
		bw.WriteString("</section>\n")
	}
	for _, g := range p.Grids {
		writeTable(bw, g)
	}
	bw.WriteString("</body>\n</html>\n")
	return bw.Flush()
}
