package juesuan_test

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	rpt "github.com/cnfiscal/juesuan/internal/render"
	_ "github.com/cnfiscal/juesuan/profiles"
)

// The inputs of the report tests: the reference with its narrative and
// again without, a small consistent document, a workbook (figures located
// by sheet and cell), a PDF (page and box, its own narrative) and a file
// that does not exist.
const (
	reportReference = "testdata/sichuan-2020/panzhihua-chengdu-office.json"
	reportNarrative = "testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt"
	reportSmall     = "testdata/sichuan-2020/small-consistent.json"
	reportWorkbook  = "testdata/workbooks/sichuan-stray.xlsx"
	reportPDF       = "testdata/pdf/rendered/central-s5-A8-pages.pdf"
	reportMissing   = "testdata/report/no-such-file.json"
)

// reportCase is an input and its narrative; profile, for a workbook or a
// PDF, pins the profile it is imported with (other tests of the package
// register profiles that a workbook may fit as well).
type reportCase struct{ file, narrative, profile string }

var reportCases = []reportCase{
	{reportReference, reportNarrative, ""},
	{reportSmall, "", ""},
	{reportWorkbook, "", "sichuan-2020"},
	{reportPDF, "", "central-2024"},
	{reportMissing, "", ""},
	{reportReference, "", ""},
}

// reportInputs reads the cases as the command does.
func reportInputs(t testing.TB, cases []reportCase) []juesuan.ReportInput {
	t.Helper()
	var out []juesuan.ReportInput
	for _, c := range cases {
		in := juesuan.ReadReportInput(c.file, juesuan.BatchOptions{Import: juesuan.ImportOptions{Profile: c.profile}})
		if c.narrative != "" && in.Err == nil {
			text, err := os.ReadFile(c.narrative)
			if err != nil {
				t.Fatal(err)
			}
			in.Narrative, in.NarrativeFile = text, c.narrative
		}
		out = append(out, in)
	}
	return out
}

// wantDoc is what the report must say of one input, computed here from
// the library's parts (ImportFile or DecodeFile, Calculate, Checklist,
// ValidateWith, Annotate) rather than from the report's code.
type wantDoc struct {
	summary  []string   // the summary row
	items    [][]string // ID, title, status, reasons joined by "\n"
	findings [][]string // rule, JSON Pointer, location
	skipped  int
	err      bool
}

func expectReport(t *testing.T, i int, c reportCase, coverage bool) wantDoc {
	t.Helper()
	var d *juesuan.Document
	var rep *juesuan.ImportReport
	var err error
	imported := juesuan.IsWorkbookFile(c.file) || juesuan.IsPDFFile(c.file)
	if imported {
		d, rep, err = juesuan.ImportFile(c.file, juesuan.ImportOptions{Profile: c.profile})
	} else {
		d, err = juesuan.DecodeFile(c.file)
	}
	n := strconv.Itoa(i + 1)
	if err != nil {
		row := []string{n, "", "", "", c.file, "", "", "", "", "", ""}
		if coverage {
			row = append(row, "")
		}
		return wantDoc{summary: append(row, "ERROR"), err: true}
	}
	var text []byte
	if c.narrative != "" {
		if text, err = os.ReadFile(c.narrative); err != nil {
			t.Fatal(err)
		}
	} else if juesuan.IsPDFFile(c.file) {
		text = rep.Narrative
	}
	d.Calculate()
	entries, fs, err := juesuan.Checklist(d, text)
	if err != nil {
		t.Fatal(err)
	}
	locate := func(fs audit.Findings) {
		for k := range fs {
			if fs[k].Line > 0 {
				if c.narrative == "" {
					rep.AnnotateNarrative(fs[k : k+1])
				}
			} else {
				rep.Annotate(fs[k : k+1])
			}
		}
	}
	var w wantDoc
	count := map[juesuan.Status]int{}
	for _, e := range entries {
		count[e.Status]++
		reasons := e.Reasons
		if imported && len(e.Findings) > 0 {
			// The findings' reasons, located, then the ledger's notes.
			locate(e.Findings)
			reasons = append([]string(nil), e.Reasons...)
			for k, f := range e.Findings {
				at := f.Path
				switch {
				case f.Source != "":
					at = f.Source
				case f.Line > 0:
					at = "第" + strconv.Itoa(f.Line) + "行"
				}
				reasons[k] = f.Rule + " " + f.Message + "（" + at + "）"
			}
		}
		w.items = append(w.items, []string{e.ID, e.Title, string(e.Status), strings.Join(reasons, "\n")})
	}
	if imported {
		locate(fs)
	}
	for _, f := range fs {
		at := f.Source
		if at == "" && f.Line > 0 {
			at = c.narrative + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
		}
		w.findings = append(w.findings, []string{f.Rule, f.Path, at})
	}
	year := ""
	if d.Unit.FiscalYear != 0 {
		year = strconv.Itoa(d.Unit.FiscalYear)
	}
	w.summary = []string{n, d.Unit.Name, year, d.Profile, c.file,
		strconv.Itoa(count[juesuan.Pass]), strconv.Itoa(count[juesuan.Fail]), strconv.Itoa(count[juesuan.Unchecked]),
		strconv.Itoa(fs.Count(audit.Error)), strconv.Itoa(fs.Count(audit.Warning)), strconv.Itoa(fs.Count(audit.Info))}
	if coverage {
		_, cov, err := juesuan.ValidateWith(d, juesuan.ValidateOptions{Coverage: true})
		if err != nil {
			t.Fatal(err)
		}
		_, w.skipped = cov.Totals()
		if text != nil {
			_, lcov, err := juesuan.LintWith(d, text, juesuan.LintOptions{Coverage: true})
			if err != nil {
				t.Fatal(err)
			}
			_, n := lcov.Totals()
			w.skipped += n
		}
		w.summary = append(w.summary, strconv.Itoa(w.skipped))
	}
	w.summary = append(w.summary, "")
	return w
}

// reportDoc is what a written report says of one input.
type reportDoc struct {
	summary  []string
	link     string     // the section or sheet the summary row links to
	items    [][]string // the checklist rows
	findings [][]string // the findings rows (all columns)
	skipped  int
}

// TestWriteReport writes the report of the cases in both formats, with
// and without the ledger, reads it back (excelize; golang.org/x/net/html)
// and compares each summary row and each document's 检查表 with what the
// library's parts give, and checks the locations: sheet and cell of the
// workbook, page and box of the PDF, line and column of the narrative.
func TestWriteReport(t *testing.T) {
	for _, tc := range []struct {
		format   juesuan.ReportFormat
		coverage bool
		read     func(t *testing.T, b []byte, n int) []reportDoc
	}{
		{juesuan.ReportXLSX, false, readXLSXReport},
		{juesuan.ReportXLSX, true, readXLSXReport},
		{juesuan.ReportHTML, false, readHTMLReport},
		{juesuan.ReportHTML, true, readHTMLReport},
	} {
		t.Run(string(tc.format)+"/coverage="+strconv.FormatBool(tc.coverage), func(t *testing.T) {
			var b bytes.Buffer
			opts := juesuan.ReportOptions{Format: tc.format, Coverage: tc.coverage}
			if err := juesuan.WriteReport(&b, reportInputs(t, reportCases), opts); err != nil {
				t.Fatal(err)
			}
			got := tc.read(t, b.Bytes(), len(reportCases))
			links := map[string]int{}
			for i, c := range reportCases {
				want := expectReport(t, i, c, tc.coverage)
				g := got[i]
				if want.err {
					msg := g.summary[len(g.summary)-1]
					if !strings.Contains(msg, c.file) || !strings.Contains(msg, "no such file") {
						t.Errorf("%s: error cell %q does not name the file and the error", c.file, msg)
					}
					g.summary[len(g.summary)-1] = "ERROR"
					if g.link != "" {
						t.Errorf("%s: an unreadable file links to %q", c.file, g.link)
					}
				}
				if diff := cmp.Diff(want.summary, g.summary); diff != "" {
					t.Errorf("%s: summary row (-want +got):\n%s", c.file, diff)
				}
				if want.err {
					continue
				}
				if prev, dup := links[g.link]; dup || g.link == "" {
					t.Errorf("%s: links to %q (also row %d)", c.file, g.link, prev+1)
				}
				links[g.link] = i
				if diff := cmp.Diff(want.items, g.items); diff != "" {
					t.Errorf("%s: 检查表 (-want +got):\n%s", c.file, diff)
				}
				var located [][]string
				for _, f := range g.findings {
					located = append(located, []string{f[1], f[2], f[3]})
				}
				if diff := cmp.Diff(want.findings, located); diff != "" {
					t.Errorf("%s: findings (-want +got):\n%s", c.file, diff)
				}
				if tc.coverage && g.skipped != want.skipped {
					t.Errorf("%s: %d skipped checks listed, want %d", c.file, g.skipped, want.skipped)
				}
			}
			// Fixed anchors, independent of the computation above.
			for _, a := range []struct {
				doc  int
				cell string // a location that must be in the findings
			}{
				{2, reportWorkbook + "!一般公共预算财政拨款支出决算表!C5"},
				{3, reportPDF + " p.3 [359 454 364 463]"},
				{3, reportPDF + " p.11 ["}, // the narrative's C3, on the page of its line
				{0, reportNarrative + ":"},
			} {
				found := false
				for _, f := range got[a.doc].findings {
					found = found || strings.HasPrefix(f[3], a.cell)
				}
				if !found {
					t.Errorf("%s: no finding located at %q", reportCases[a.doc].file, a.cell)
				}
			}
			// Item 4 (G2) is 未核对 on the reference: its 基本支出 table lists
			// no rows.
			if s := got[0].summary; s[5] != "18" || s[6] != "2" || s[7] != "1" {
				t.Errorf("reference with narrative: 合格/不合格/未核对 %v, want 18 2 1", s[5:8])
			}
			if s := got[5].summary; s[5] != "5" || s[6] != "0" || s[7] != "16" {
				t.Errorf("reference without narrative: 合格/不合格/未核对 %v, want 5 0 16", s[5:8])
			}
		})
	}
}

// readXLSXReport reads the summary sheet and each linked sheet back.
func readXLSXReport(t *testing.T, b []byte, n int) []reportDoc {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.GetSheetList()[0] != rpt.SummarySheet {
		t.Fatalf("first sheet %q, want %q", f.GetSheetList()[0], rpt.SummarySheet)
	}
	rows, err := f.GetRows(rpt.SummarySheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n+2 {
		t.Fatalf("summary has %d rows, want title, header and %d", len(rows), n)
	}
	width := len(rows[1])
	var out []reportDoc
	for i := range n {
		row := append(rows[i+2], make([]string, width)...)[:width]
		var d reportDoc
		d.summary = row
		ok, target, err := f.GetCellHyperLink(rpt.SummarySheet, "B"+strconv.Itoa(i+3))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			d.link = target
			name := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(target, "'"), "'!A1"), "''", "'")
			if d.summary[1] == "" {
				t.Errorf("row %d: unit cell empty", i+3)
			}
			if d.summary[1] == d.summary[4] { // the file stands in for an unknown unit
				d.summary[1] = ""
			}
			sheet, err := f.GetRows(name)
			if err != nil {
				t.Fatalf("row %d links to %q: %v", i+3, target, err)
			}
			d.items = section(t, sheet, rpt.SectionChecklist, rpt.ChecklistHeader)
			d.findings = section(t, sheet, rpt.SectionFindings, rpt.FindingsHeader)
			if rows := section(t, sheet, rpt.SectionSkipped, rpt.SkippedHeader); rows != nil {
				d.skipped = len(rows)
			}
		}
		out = append(out, d)
	}
	return out
}

// section returns the rows of a document sheet's section title (nil when
// the sheet has none), each padded to the header, checking the header.
func section(t *testing.T, rows [][]string, title string, header []string) [][]string {
	t.Helper()
	for i, r := range rows {
		if len(r) != 1 || r[0] != title {
			continue
		}
		if diff := cmp.Diff(header, rows[i+1]); diff != "" {
			t.Errorf("%s header (-want +got):\n%s", title, diff)
		}
		out := [][]string{}
		for _, r := range rows[i+2:] {
			if len(r) == 0 {
				break
			}
			if len(r) == 1 && r[0] == "无" {
				continue
			}
			out = append(out, append(r, make([]string, len(header))...)[:len(header)])
		}
		return out
	}
	return nil
}

// readHTMLReport parses the page and reads the summary table and each
// linked section back.
func readHTMLReport(t *testing.T, b []byte, n int) []reportDoc {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && (n.Data == "script" || (n.Data == "link" && attr(n, "rel") == "stylesheet") || attr(n, "src") != "") {
			t.Errorf("the page is not self-contained: <%s>", n.Data)
		}
	}
	summary := byID(root, "summary")
	if summary == nil {
		t.Fatal("no table#summary")
	}
	trs := rowsOf(summary)
	if len(trs) != n {
		t.Fatalf("summary has %d rows, want %d", len(trs), n)
	}
	var out []reportDoc
	for _, tr := range trs {
		var d reportDoc
		for td := range tr.ChildNodes() {
			if td.Type == html.ElementNode && td.Data == "td" {
				d.summary = append(d.summary, text(td))
				for a := range td.Descendants() {
					if a.Type == html.ElementNode && a.Data == "a" {
						d.link = attr(a, "href")
					}
				}
			}
		}
		if d.link != "" {
			if d.summary[1] == d.summary[4] {
				d.summary[1] = ""
			}
			sec := byID(root, strings.TrimPrefix(d.link, "#"))
			if sec == nil {
				t.Fatalf("summary links to %q, which is not in the page", d.link)
			}
			d.items = cellsOf(byClass(sec, "checklist"))
			d.findings = cellsOf(byClass(sec, "findings"))
			d.skipped = len(cellsOf(byClass(sec, "skipped")))
		}
		out = append(out, d)
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func byID(root *html.Node, id string) *html.Node {
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && attr(n, "id") == id {
			return n
		}
	}
	return nil
}

func byClass(root *html.Node, class string) *html.Node {
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.Data == "table" && attr(n, "class") == class {
			return n
		}
	}
	return nil
}

// rowsOf returns the <tr> of table's <tbody>.
func rowsOf(table *html.Node) []*html.Node {
	var out []*html.Node
	if table == nil {
		return nil
	}
	for n := range table.Descendants() {
		if n.Type == html.ElementNode && n.Data == "tr" && n.Parent.Data == "tbody" {
			out = append(out, n)
		}
	}
	return out
}

func cellsOf(table *html.Node) [][]string {
	var out [][]string
	for _, tr := range rowsOf(table) {
		var row []string
		for td := range tr.ChildNodes() {
			if td.Type == html.ElementNode && td.Data == "td" {
				row = append(row, text(td))
			}
		}
		out = append(out, row)
	}
	return out
}

func text(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// TestReportSheetNames: sheet names from units, made valid and unique.
func TestReportSheetNames(t *testing.T) {
	long := strings.Repeat("四川省", 12) // 36 characters
	for _, tc := range []struct {
		name string
		docs []rpt.ReportDoc
		want []string
	}{
		{"plain", []rpt.ReportDoc{{Unit: "攀枝花市人民政府驻成都办事处"}}, []string{"攀枝花市人民政府驻成都办事处"}},
		{"invalid characters", []rpt.ReportDoc{{Unit: "a:b\\c/d?e*f[g]h"}}, []string{"a_b_c_d_e_f_g_h"}},
		{"apostrophes at the ends", []rpt.ReportDoc{{Unit: "'单位'"}}, []string{"单位"}},
		{"too long", []rpt.ReportDoc{{Unit: long}}, []string{long[:31*3]}},
		{"duplicates", []rpt.ReportDoc{{Unit: "单位"}, {Unit: "单位"}, {Unit: "单位"}}, []string{"单位", "单位 (2)", "单位 (3)"}},
		{"duplicates cut", []rpt.ReportDoc{{Unit: long}, {Unit: long}}, []string{long[:31*3], long[:27*3] + " (2)"}},
		{"case", []rpt.ReportDoc{{Unit: "Bureau"}, {Unit: "BUREAU"}}, []string{"Bureau", "BUREAU (2)"}},
		{"the summary's name", []rpt.ReportDoc{{Unit: "汇总"}}, []string{"汇总 (2)"}},
		{"no unit: the file", []rpt.ReportDoc{{File: "dir/a.b.xlsx"}, {File: "x/[1].json"}}, []string{"a.b", "_1_"}},
		{"unreadable: none", []rpt.ReportDoc{{File: "a.json", Error: "a.json: bad"}, {Unit: "单位"}}, []string{"", "单位"}},
		{"control characters", []rpt.ReportDoc{{Unit: "单\x01位\n"}}, []string{"单_位"}},
		{"outside the BMP", []rpt.ReportDoc{{Unit: strings.Repeat("𠀀", 20)}}, []string{strings.Repeat("𠀀", 15)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &rpt.Report{Docs: tc.docs}
			got := r.SheetNames()
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
			// Excel accepts every name: excelize checks them as it does.
			f := excelize.NewFile()
			defer f.Close()
			for _, name := range got {
				if name == "" {
					continue
				}
				if _, err := f.NewSheet(name); err != nil {
					t.Errorf("%q: %v", name, err)
				}
			}
		})
	}
}

// TestWriteReportErrors: an unknown format is an error; an input with an
// unknown profile and a hostile string are rows, not failures.
func TestWriteReportErrors(t *testing.T) {
	var b bytes.Buffer
	if err := juesuan.WriteReport(&b, nil, juesuan.ReportOptions{Format: "pdf"}); !errors.Is(err, juesuan.ErrReportFormat) {
		t.Fatalf("format pdf: %v, want ErrReportFormat", err)
	}
	d, err := juesuan.DecodeFile(reportSmall)
	if err != nil {
		t.Fatal(err)
	}
	d.Unit.Name = `<script>alert(1)</script>'单位'` + "\x00"
	unknown := *d
	unknown.Profile = "nowhere-1999"
	in := []juesuan.ReportInput{{File: "hostile.json", Document: d}, {File: "unknown.json", Document: &unknown}}
	for _, f := range []juesuan.ReportFormat{juesuan.ReportHTML, juesuan.ReportXLSX} {
		b.Reset()
		if err := juesuan.WriteReport(&b, in, juesuan.ReportOptions{Format: f}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if f == juesuan.ReportHTML {
			if strings.Contains(b.String(), "<script>") {
				t.Errorf("html: the unit name is not escaped")
			}
			if !strings.Contains(b.String(), "unknown.json") || !strings.Contains(b.String(), "nowhere-1999") {
				t.Errorf("html: the unknown profile's row does not name the file and the profile")
			}
			continue
		}
		x, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := x.GetRows(rpt.SummarySheet)
		if got := rows[2][1]; got != `<script>alert(1)</script>'单位'`+"\uFFFD" {
			t.Errorf("xlsx: unit %q", got)
		}
		if last := rows[3][len(rows[3])-1]; !strings.Contains(last, "unknown.json") || !strings.Contains(last, "nowhere-1999") {
			t.Errorf("xlsx: error cell %q", last)
		}
		x.Close()
	}
}

// BenchmarkReport writes the 检查表 report of the reference (with its
// narrative), the small document, a workbook and a PDF, reading the files
// each time, against the floors measured in the same run: Validate,
// juesuan validate's work on the same files (ValidateFiles), and
// ValidateLint, that plus linting the narratives (what the 检查表 needs at
// least, on as many goroutines as files); Render/… is the writing alone,
// of documents already checked. Compare with benchstat; the ratios are
// Report/… over Validate.
func BenchmarkReport(b *testing.B) {
	cases := reportCases[:4]
	files := make([]string, len(cases))
	for i, c := range cases {
		files[i] = c.file
	}
	narr, err := os.ReadFile(reportNarrative)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Validate", func(b *testing.B) {
		for b.Loop() {
			juesuan.ValidateFiles(files, juesuan.BatchOptions{}, func(r juesuan.FileResult) {
				if r.Err != nil {
					b.Fatal(r.Err)
				}
			})
		}
	})
	b.Run("ValidateLint", func(b *testing.B) {
		for b.Loop() {
			var wg sync.WaitGroup
			for _, c := range cases {
				wg.Go(func() {
					var d *juesuan.Document
					var rep *juesuan.ImportReport
					var err error
					if juesuan.IsWorkbookFile(c.file) || juesuan.IsPDFFile(c.file) {
						d, rep, err = juesuan.ImportFile(c.file, juesuan.ImportOptions{Profile: c.profile})
					} else {
						d, err = juesuan.DecodeFile(c.file)
					}
					if err != nil {
						b.Error(err)
						return
					}
					d.Calculate()
					if _, err := juesuan.Validate(d); err != nil {
						b.Error(err)
					}
					switch {
					case c.narrative != "":
						_, err = juesuan.Lint(d, narr)
					case juesuan.IsPDFFile(c.file):
						_, err = juesuan.LintImported(d, rep)
					}
					if err != nil {
						b.Error(err)
					}
				})
			}
			wg.Wait()
		}
	})
	checked := make([]juesuan.ReportDocument, len(cases))
	for i, in := range reportInputs(b, cases) {
		checked[i] = juesuan.CheckReport(in, juesuan.ReportOptions{Coverage: true})
	}
	for _, f := range []juesuan.ReportFormat{juesuan.ReportHTML, juesuan.ReportXLSX} {
		b.Run("Render/"+string(f), func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := juesuan.WriteReportDocuments(&buf, checked, juesuan.ReportOptions{Format: f, Coverage: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, bc := range []struct {
		name string
		opts juesuan.ReportOptions
	}{
		{"Report/html", juesuan.ReportOptions{Format: juesuan.ReportHTML}},
		{"Report/xlsx", juesuan.ReportOptions{Format: juesuan.ReportXLSX}},
		{"Report/html-coverage", juesuan.ReportOptions{Format: juesuan.ReportHTML, Coverage: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := juesuan.WriteReport(&buf, reportInputs(b, cases), bc.opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/report")
		})
	}
}
