package juesuan_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/sheet"
)

// renderPDF regenerates testdata/pdf/rendered: go test -run TestRenderedPDF -render-pdf .
// It needs chromium and the fonts-noto-cjk package; the PDFs it writes are
// committed, so the tests themselves need neither.
var renderPDF = flag.Bool("render-pdf", false, "render testdata/pdf/rendered/*.pdf with headless chromium")

// pdfLayout is one way of printing a document's tables.
type pdfLayout struct {
	name string
	css  string
	// pageBreaks puts each table on a page of its own.
	pageBreaks bool
	// narrow gives the label columns a fixed narrow width, so that names wrap.
	narrow bool
	// headerFooter prints Chromium's page header and footer.
	headerFooter bool
}

var pdfLayouts = []pdfLayout{
	{name: "pages", pageBreaks: true},
	{name: "flow"},                 // tables one after another: two on a page, tables across pages with repeated headers
	{name: "narrow", narrow: true}, // names wrapped on two or three lines
	{name: "landscape", css: "@page { size: A4 landscape; margin: 15mm; }", pageBreaks: true},
	// Chromium's running header and footer: date, title, file URL, page N/M
	{name: "footer", css: "@page { margin: 12mm 15mm; }", pageBreaks: true, headerFooter: true},
}

// renderedCase reports whether document stem is printed in layout l: the
// first in every layout, the second (other figures, other names) narrow
// only, the broken one on pages only, to keep testdata small.
func renderedCase(stem string, l pdfLayout) bool {
	switch stem {
	case "central-s5":
		return !l.headerFooter
	case "central-s5-A8":
		return l.name == "pages" || l.headerFooter
	}
	return l.narrow
}

// renderedDocs are the documents printed, by file stem.
func renderedDocs(t testing.TB) map[string]*juesuan.Document {
	t.Helper()
	out := map[string]*juesuan.Document{}
	for _, seed := range []uint64{5, 8} {
		d, _, err := fixture.Generate(fixture.Options{Profile: "central-2024", Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("central-s%d", seed)] = d
	}
	// one with a figure broken (A8: a 类 row is not the sum of its 款), so
	// that validate has a finding to place on a page
	d, _, err := fixture.Generate(fixture.Options{Profile: "central-2024", Seed: 5, Faults: []string{"A8"}})
	if err != nil {
		t.Fatal(err)
	}
	out["central-s5-A8"] = d
	return out
}

// narrativeOf is a short 情况说明 restating a few figures of d; one figure
// (the 本年支出合计) is written 1.00 too high, so that lint has a finding
// to place.
func narrativeOf(d *juesuan.Document) []string {
	s := d.Tables.Summary
	if s == nil {
		return nil
	}
	exp := s.Expenditure.Total
	wrong := exp.Add(amount.MustParse("1"))
	return []string{
		"第三部分 " + d.Unit.Name + fmt.Sprint(d.Unit.FiscalYear) + "年度部门决算情况说明",
		"一、收入支出决算总体情况说明",
		fmt.Sprintf("%s%d年度收入支出总计%s万元。", d.Unit.Name, d.Unit.FiscalYear, s.Income.GrandTotal.String()),
		"二、收入决算情况说明",
		fmt.Sprintf("本年收入合计%s万元。", s.Income.Total.String()),
		"三、支出决算情况说明",
		fmt.Sprintf("本年支出合计%s万元。", wrong.String()),
	}
}

func pageHTML(t testing.TB, d *juesuan.Document, wb *sheet.Workbook, l pdfLayout) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 9pt; }
.title { text-align: center; font-size: 14pt; margin: 14pt 0 4pt; }
.unit { text-align: right; margin-bottom: 2pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 16pt; }
td, th { border: 0.5pt solid #000; padding: 2pt 3pt; font-weight: normal; }
th { text-align: center; }
td.n { text-align: right; white-space: nowrap; }
.brk { break-before: page; }
p { text-indent: 2em; margin: 0 0 4pt; line-height: 1.6; }
td.narrow { width: 4.5em; }
tr { break-inside: avoid; }
`)
	b.WriteString(l.css)
	b.WriteString("</style></head><body>\n")
	for i, s := range wb.Sheets {
		if i == 0 { // the cover
			for _, r := range s.Rows {
				for _, c := range r {
					if c.Value != "" {
						fmt.Fprintf(&b, "<div class=\"title\">%s</div>\n", html.EscapeString(c.Value))
					}
				}
			}
			continue
		}
		writeSheetHTML(&b, s, l, i > 1 || l.pageBreaks)
	}
	b.WriteString("<div class=\"brk\"></div>\n")
	for _, p := range narrativeOf(d) {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

func writeSheetHTML(b *strings.Builder, s *sheet.Sheet, l pdfLayout, brk bool) {
	cls := "title"
	if brk && l.pageBreaks {
		cls += " brk"
	}
	fmt.Fprintf(b, "<div class=\"%s\">%s</div>\n", cls, html.EscapeString(s.At(0, 0).Value))
	unit := ""
	for _, c := range s.Rows[1] {
		if c.Value != "" {
			unit = c.Value
		}
	}
	fmt.Fprintf(b, "<div class=\"unit\">%s</div>\n<table>\n", html.EscapeString(unit))
	covered := map[[2]int]bool{}
	span := map[[2]int][2]int{}
	for _, m := range s.Merges {
		span[[2]int{m.Top, m.Left}] = [2]int{m.Bottom - m.Top + 1, m.Right - m.Left + 1}
		for r := m.Top; r <= m.Bottom; r++ {
			for c := m.Left; c <= m.Right; c++ {
				if r != m.Top || c != m.Left {
					covered[[2]int{r, c}] = true
				}
			}
		}
	}
	width := 0
	for _, r := range s.Rows {
		width = max(width, len(r))
	}
	head := true
	b.WriteString("<thead>\n")
	for r := 2; r < len(s.Rows); r++ {
		row := s.Rows[r]
		num := false
		for _, c := range row {
			num = num || c.Kind == sheet.Number
		}
		if head && num {
			head = false
			b.WriteString("</thead><tbody>\n")
		}
		b.WriteString("<tr>")
		for c := range width {
			if covered[[2]int{r, c}] {
				continue
			}
			cell := s.At(r, c)
			tag, class := "td", ""
			if head {
				tag = "th"
			} else if cell.Kind == sheet.Number {
				class = "n"
			} else if l.narrow && c <= 1 {
				class = "narrow"
			}
			attrs := ""
			if class != "" {
				attrs += ` class="` + class + `"`
			}
			if sp, ok := span[[2]int{r, c}]; ok {
				if sp[0] > 1 {
					attrs += fmt.Sprintf(` rowspan="%d"`, sp[0])
				}
				if sp[1] > 1 {
					attrs += fmt.Sprintf(` colspan="%d"`, sp[1])
				}
			}
			fmt.Fprintf(b, "<%s%s>%s</%s>", tag, attrs, html.EscapeString(cell.Value), tag)
		}
		b.WriteString("</tr>\n")
	}
	if head {
		b.WriteString("</thead><tbody>\n")
	}
	b.WriteString("</tbody></table>\n")
}

// renderAll writes testdata/pdf/rendered/STEM-LAYOUT.pdf and STEM.json.
func renderAll(t *testing.T) {
	dir := filepath.Join("testdata", "pdf", "rendered")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for stem, d := range renderedDocs(t) {
		var buf bytes.Buffer
		if err := juesuan.WriteWorkbook(&buf, d, juesuan.WorkbookOptions{}); err != nil {
			t.Fatal(err)
		}
		wb, err := sheet.ReadXLSX(bytes.NewReader(buf.Bytes()), "doc.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, stem+".json"), []byte(encode(t, publicOnly(t, d))), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, l := range pdfLayouts {
			if !renderedCase(stem, l) {
				continue
			}
			h := filepath.Join(tmp, stem+"-"+l.name+".html")
			if err := os.WriteFile(h, []byte(pageHTML(t, d, wb, l)), 0o644); err != nil {
				t.Fatal(err)
			}
			out, _ := filepath.Abs(filepath.Join(dir, stem+"-"+l.name+".pdf"))
			args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-pdf-tagging", "--print-to-pdf=" + out, "file://" + h}
			if !l.headerFooter {
				args = append(args, "--no-pdf-header-footer")
			}
			cmd := exec.Command("chromium", args...)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("chromium: %v\n%s", err, msg)
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			small, err := hollowType3(raw)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(out, small, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestRenderedPDF reads back the PDFs rendered from the library's own
// documents: every figure of every table must come back exact, and every
// figure's source names its page and box.
func TestRenderedPDF(t *testing.T) {
	if *renderPDF {
		renderAll(t)
	}
	for stem := range renderedDocs(t) {
		want, err := os.ReadFile(filepath.Join("testdata", "pdf", "rendered", stem+".json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range pdfLayouts {
			if !renderedCase(stem, l) {
				continue
			}
			t.Run(stem+"-"+l.name, func(t *testing.T) {
				file := filepath.Join("testdata", "pdf", "rendered", stem+"-"+l.name+".pdf")
				d, rep, err := juesuan.ImportFile(file, juesuan.ImportOptions{BlankAbsent: true})
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(want), encode(t, d)); diff != "" {
					t.Errorf("PDF → document (-want +got):\n%s", diff)
				}
				for _, u := range rep.Unplaced {
					t.Errorf("unplaced %s %q: %s", rep.Where(u.Location), u.Text, u.Reason)
				}
				// the narrative: without Chromium's running header and
				// footer, and linted with each finding on its page
				if n := string(rep.Narrative); strings.Contains(n, "file://") || strings.Contains(n, " PM") || strings.Contains(n, " AM") {
					t.Errorf("narrative holds the page header or footer:\n%s", n)
				}
				fs, err := juesuan.LintImported(d, rep)
				if err != nil {
					t.Fatal(err)
				}
				c3 := 0
				for _, f := range fs {
					if f.Rule == "C3" {
						c3++
						if !pdfPlace.MatchString(f.Source) || !strings.HasPrefix(f.Quote, "本年支出合计") {
							t.Errorf("C3 finding at %q quoting %q", f.Source, f.Quote)
						}
					}
				}
				if c3 != 1 {
					t.Errorf("%d C3 findings, want 1 (the 本年支出合计 written 1.00 too high): %v", c3, fs)
				}
				for ptr, loc := range rep.Sources {
					if w := rep.Where(loc); !pdfPlace.MatchString(w) {
						t.Errorf("%s: source %q, want FILE p.N [x0 y0 x1 y1]", ptr, w)
						break
					}
				}
			})
		}
	}
}

var pdfPlace = regexp.MustCompile(`^testdata/pdf/rendered/[^ ]+\.pdf p\.[0-9]+ \[[0-9]+ [0-9]+ [0-9]+ [0-9]+\]$`)

var (
	charProcsRE = regexp.MustCompile(`/CharProcs\s*<<([^>]*)>>`)
	refRE       = regexp.MustCompile(`(\d+) 0 R`)
	objRE       = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)
	trailerRE   = regexp.MustCompile(`(?s)trailer\s*(<<.*?>>)\s*startxref`)
)

// hollowType3 empties the glyph procedures of the Type 3 fonts Chromium
// writes for the CFF fonts of fonts-noto-cjk (their outlines are most of
// the file): the text layer — codes, widths, ToUnicode — is kept whole,
// the glyphs draw nothing. The file is rewritten with a new xref table.
func hollowType3(pdf []byte) ([]byte, error) {
	procs := map[string]bool{}
	for _, m := range charProcsRE.FindAllSubmatch(pdf, -1) {
		for _, r := range refRE.FindAllSubmatch(m[1], -1) {
			procs[string(r[1])] = true
		}
	}
	tr := trailerRE.FindSubmatch(pdf)
	locs := objRE.FindAllSubmatchIndex(pdf, -1)
	if tr == nil || len(locs) == 0 {
		return nil, fmt.Errorf("hollowType3: no trailer or objects")
	}
	var b bytes.Buffer
	b.Write(pdf[:locs[0][0]])
	offsets := map[int]int{}
	maxN := 0
	for i, l := range locs {
		end := len(pdf)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		obj := pdf[l[0]:end]
		if k := bytes.LastIndex(obj, []byte("endobj")); k >= 0 {
			obj = obj[:k+len("endobj\n")]
		}
		var n int
		fmt.Sscan(string(pdf[l[2]:l[3]]), &n)
		maxN = max(maxN, n)
		offsets[n] = b.Len()
		if procs[string(pdf[l[2]:l[3]])] {
			fmt.Fprintf(&b, "%d 0 obj\n<</Length 0>>\nstream\n\nendstream\nendobj\n", n)
			continue
		}
		b.Write(obj)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", maxN+1)
	for n := 1; n <= maxN; n++ {
		if off, ok := offsets[n]; ok {
			fmt.Fprintf(&b, "%010d 00000 n \n", off)
		} else {
			b.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", tr[1], xref)
	return b.Bytes(), nil
}

// TestImportTemplatePDF: the nine tables of the published Shanghai 2024
// template (printed empty) are recognised, each on its page; a scanned
// budget disclosure's tables are not 决算 tables (ErrNoTable).
func TestImportTemplatePDF(t *testing.T) {
	file := filepath.Join("testdata", "pdf", "real", "shanghai-2024-final-accounts-template.pdf")
	_, rep, err := juesuan.ImportFile(file, juesuan.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range rep.Tables {
		got = append(got, tb.Key+" "+strings.Join(tb.Sheets, ","))
	}
	want := []string{"summary p.5", "income p.6", "expenditure p.7", "fiscalSummary p.8", "generalBudget p.10",
		"generalBudgetBasic p.11", "threePublic p.12", "govFund p.13", "stateCapital p.14"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	if rep.Profile != "central-2024" {
		t.Errorf("profile %q", rep.Profile)
	}
	_, _, err = juesuan.ImportFile(filepath.Join("testdata", "pdf", "real", "shanghai-putuo-2026-dept-budget.pdf"), juesuan.ImportOptions{})
	if !errors.Is(err, juesuan.ErrNoTable) {
		t.Errorf("budget: %v, want ErrNoTable", err)
	}
}
