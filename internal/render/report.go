package render

import (
	"bufio"
	"html"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Report is a 检查表 report over a batch of documents: a summary row per
// document and a section (HTML) or sheet (xlsx) per document, in input
// order. It is plain text: the caller has decided every verdict, count and
// location.
type Report struct {
	// Title heads the page or the summary sheet.
	Title string
	// Coverage says that the skipped checks were recorded: the summary
	// gains their count and each document a table of them.
	Coverage bool
	Docs     []ReportDoc
}

// ReportDoc is one input of a Report.
type ReportDoc struct {
	File    string // the input's name
	Unit    string // 单位名称; "" when not stated
	Year    int    // 决算年度; 0 when not stated
	Profile string // the profile it was checked with
	// Error, when not "", is why the input could not be read or checked
	// (naming the file and where); the other fields are then empty and the
	// document has a summary row only.
	Error string

	Items    []ReportItem    // the 检查表
	Findings []ReportFinding // every finding, with its location
	Skipped  []ReportSkip    // the checks that could not run (Coverage)
	Rules    []ReportRule    // the rules that did not run (Coverage)

	// The counts of the summary row.
	Passed, Failed, Unchecked int // items 合格, 不合格, 未核对
	Errors, Warnings, Infos   int // findings by severity
	SkippedChecks             int // checks that could not run
}

// ReportItem is one line of a 检查表.
type ReportItem struct {
	ID, Title, Status string
	Reasons           []string
}

// ReportFinding is one finding, with the places it is known by.
type ReportFinding struct {
	Severity string // 错误, 警告 or 提示
	Rule     string
	Path     string // the JSON Pointer
	// Where is where it was read: FILE!SHEET!CELL, "FILE p.N [x0 y0 x1
	// y1]" or NARRATIVE:LINE:COLUMN; "" for a figure of a JSON document.
	Where       string
	Message     string
	Quote       string // the narrative sentence
	Explanation string // the 出错说明 accepting it
}

// ReportSkip is one check of the coverage ledger that could not run.
type ReportSkip struct {
	Rule, Reason, Path string
	Where              string // the cell or page of Path, when imported
	Missing            string // the absent figures, joined
}

// ReportRule is a rule of the coverage ledger that found nothing to check
// or is switched off.
type ReportRule struct{ Rule, Status, Reason string }

// The verdicts whose cells the report colours.
const (
	statusPass      = "合格"
	statusFail      = "不合格"
	statusUnchecked = "未核对"
)

// SummaryHeader is the header of the summary table and sheet, one column a
// name; the skipped-checks column is there only with Report.Coverage.
func (r *Report) SummaryHeader() []string {
	h := []string{"序号", "单位名称", "决算年度", "配置", "文件", statusPass, statusFail, statusUnchecked, "错误", "警告", "提示"}
	if r.Coverage {
		h = append(h, "未运行的检查")
	}
	return append(h, "无法读取或核对")
}

// SummaryRow is the summary row of document i (0-based) as text, in the
// columns of SummaryHeader. A document that could not be read has only
// its number, file and error.
func (r *Report) SummaryRow(i int) []string {
	d := &r.Docs[i]
	row := []string{strconv.Itoa(i + 1), d.Unit, year(d.Year), d.Profile, d.File}
	if d.Error != "" {
		for range len(r.SummaryHeader()) - len(row) - 1 {
			row = append(row, "")
		}
		return append(row, d.Error)
	}
	for _, n := range []int{d.Passed, d.Failed, d.Unchecked, d.Errors, d.Warnings, d.Infos} {
		row = append(row, strconv.Itoa(n))
	}
	if r.Coverage {
		row = append(row, strconv.Itoa(d.SkippedChecks))
	}
	return append(row, "")
}

// ChecklistHeader, FindingsHeader, SkippedHeader and RulesHeader are the
// headers of a document's tables.
var (
	ChecklistHeader = []string{"序号", "检查项", "结论", "原因"}
	FindingsHeader  = []string{"级别", "规则", "JSON Pointer", "位置", "说明", "原文"}
	SkippedHeader   = []string{"规则", "原因", "JSON Pointer", "位置", "缺少的数"}
	RulesHeader     = []string{"规则", "状态", "原因"}
)

func (it *ReportItem) row() []string {
	return []string{it.ID, it.Title, it.Status, strings.Join(it.Reasons, "\n")}
}

func (f *ReportFinding) row() []string {
	msg := f.Message
	if f.Explanation != "" {
		msg += "（已说明：" + f.Explanation + "）"
	}
	return []string{f.Severity, f.Rule, f.Path, f.Where, msg, f.Quote}
}

func (s *ReportSkip) row() []string { return []string{s.Rule, s.Reason, s.Path, s.Where, s.Missing} }

func (u *ReportRule) row() []string { return []string{u.Rule, u.Status, u.Reason} }

// Heading is the heading of document d: its unit and year, or its file.
func (d *ReportDoc) Heading() string {
	h := d.Unit
	if h == "" {
		h = d.File
	}
	if d.Year != 0 {
		h += " " + strconv.Itoa(d.Year) + "年度"
	}
	return h
}

func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// clean replaces the control characters of s other than newline and tab
// (which neither a page nor a workbook's XML can carry) with U+FFFD.
func clean(s string) string {
	if strings.IndexFunc(s, bad) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if bad(r) {
			return unicode.ReplacementChar
		}
		return r
	}, s)
}

func bad(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfffe || r == 0xffff
}

// reportCSS is the style of the HTML report, screen and print.
const reportCSS = `body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","SimSun",sans-serif;margin:2em;color:#000}
h1{font-size:22px}h2{font-size:18px;margin-top:1.6em;border-bottom:1px solid #888}h3{font-size:15px}
table{border-collapse:collapse;font-size:12px;margin-bottom:1em}
th,td{border:1px solid #666;padding:2px 5px;vertical-align:top;text-align:left}
th{background:#eee}
table#summary th{white-space:nowrap}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.s-合格{color:#060}td.s-不合格{color:#b00;font-weight:bold}td.s-未核对{color:#a60}
td.sev-错误{color:#b00;font-weight:bold}td.sev-警告{color:#a60}
td.err{color:#b00}
td.pre{white-space:pre-wrap}
p.meta{color:#444;margin:.2em 0}
@media print{section.doc{break-before:page;page-break-before:always}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}}
`

// DocAnchor is the id of document i's section in the HTML report.
func DocAnchor(i int) string { return "doc-" + strconv.Itoa(i+1) }

// ReportHTML writes r as one self-contained HTML page (inline CSS, no
// script, no external resource): the summary table (id "summary"), a row
// per document whose unit links to the document's section, then per
// document readable a section (id DocAnchor) with its 检查表 (class
// "checklist"), its findings ("findings") and, with Coverage, its skipped
// checks ("skipped") and the rules that did not run ("rules"). Every text
// is escaped.
func ReportHTML(w io.Writer, r *Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	esc := func(s string) string { return html.EscapeString(clean(s)) }
	bw.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(r.Title) + "</title>\n<style>\n" + reportCSS + "</style>\n</head>\n<body>\n")
	bw.WriteString("<h1>" + esc(r.Title) + "</h1>\n")
	bw.WriteString("<table id=\"summary\">\n<thead>")
	head(bw, r.SummaryHeader(), esc)
	bw.WriteString("</thead>\n<tbody>\n")
	unitCol, errCol := 1, len(r.SummaryHeader())-1
	for i := range r.Docs {
		row := r.SummaryRow(i)
		bw.WriteString("<tr>")
		for c, v := range row {
			switch {
			case c == unitCol && r.Docs[i].Error == "":
				text := v
				if text == "" {
					text = r.Docs[i].File
				}
				bw.WriteString(`<td><a href="#` + DocAnchor(i) + `">` + esc(text) + "</a></td>")
			case c == errCol && v != "":
				bw.WriteString(`<td class="err">` + esc(v) + "</td>")
			case c == 0 || (c > 4 && c < errCol):
				bw.WriteString(`<td class="n">` + esc(v) + "</td>")
			default:
				bw.WriteString("<td>" + esc(v) + "</td>")
			}
		}
		bw.WriteString("</tr>\n")
	}
	bw.WriteString("</tbody>\n</table>\n")
	for i := range r.Docs {
		d := &r.Docs[i]
		if d.Error != "" {
			continue
		}
		bw.WriteString(`<section class="doc" id="` + DocAnchor(i) + `">` + "\n<h2>" + esc(d.Heading()) + "</h2>\n")
		bw.WriteString(`<p class="meta">文件：` + esc(d.File) + "　配置：" + esc(d.Profile) + "</p>\n")
		bw.WriteString("<h3>检查表</h3>\n")
		table(bw, "checklist", ChecklistHeader, len(d.Items), func(k int) []string { return d.Items[k].row() }, esc, func(c int, v string) string {
			switch c {
			case 2:
				return "s-" + v
			case 3:
				return "pre"
			}
			return ""
		})
		bw.WriteString("<h3>审核发现（" + strconv.Itoa(len(d.Findings)) + "）</h3>\n")
		table(bw, "findings", FindingsHeader, len(d.Findings), func(k int) []string { return d.Findings[k].row() }, esc, func(c int, v string) string {
			if c == 0 {
				return "sev-" + v
			}
			return ""
		})
		if r.Coverage {
			bw.WriteString("<h3>未运行的检查（" + strconv.Itoa(len(d.Skipped)) + "）</h3>\n")
			table(bw, "skipped", SkippedHeader, len(d.Skipped), func(k int) []string { return d.Skipped[k].row() }, esc, nil)
			bw.WriteString("<h3>未运行的规则（" + strconv.Itoa(len(d.Rules)) + "）</h3>\n")
			table(bw, "rules", RulesHeader, len(d.Rules), func(k int) []string { return d.Rules[k].row() }, esc, nil)
		}
		bw.WriteString("<p><a href=\"#summary\">返回汇总</a></p>\n</section>\n")
	}
	bw.WriteString("</body>\n</html>\n")
	return bw.Flush()
}

func head(bw *bufio.Writer, h []string, esc func(string) string) {
	bw.WriteString("<tr>")
	for _, v := range h {
		bw.WriteString("<th>" + esc(v) + "</th>")
	}
	bw.WriteString("</tr>")
}

// table writes a <table class=class> of n rows; class, when not nil, gives
// a cell's class from its column and text.
func table(bw *bufio.Writer, class string, h []string, n int, row func(int) []string, esc func(string) string, cellClass func(int, string) string) {
	if n == 0 {
		bw.WriteString(`<p class="none ` + class + `">无</p>` + "\n")
		return
	}
	bw.WriteString(`<table class="` + class + `">` + "\n<thead>")
	head(bw, h, esc)
	bw.WriteString("</thead>\n<tbody>\n")
	for k := range n {
		bw.WriteString("<tr>")
		for c, v := range row(k) {
			cl := ""
			if cellClass != nil {
				cl = cellClass(c, v)
			}
			if cl != "" {
				bw.WriteString(`<td class="` + esc(cl) + `">`)
			} else {
				bw.WriteString("<td>")
			}
			bw.WriteString(esc(v) + "</td>")
		}
		bw.WriteString("</tr>\n")
	}
	bw.WriteString("</tbody>\n</table>\n")
}
