package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"
)

const (
	reportSmallFixture = "../../testdata/sichuan-2020/small-consistent.json"
	strayWorkbook      = "../../testdata/workbooks/sichuan-stray.xlsx"
	renderedPDF        = "../../testdata/pdf/rendered/central-s5-A8-pages.pdf"
	missingFixture     = "../../testdata/report/no-such-file.json"
	badCell            = "../../testdata/report/bad-cell.csv" // a figure printed 四百一十
)

// summaryOf reads the 汇总 sheet of a report workbook: per document, its
// file and its 合格/不合格/未核对 counts, or "error: " and its error.
func summaryOf(t *testing.T, b []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, r := range rows[2:] {
		r = append(r, make([]string, len(rows[1]))...)[:len(rows[1])]
		if e := r[len(r)-1]; e != "" {
			out = append(out, []string{r[4], "error: " + e})
			continue
		}
		out = append(out, []string{r[4], r[5], r[6], r[7]})
	}
	return out
}

// TestRunReport: the exit status, the narrative found beside the document
// or in --narrative-dir, unreadable files as rows, and the usage errors.
func TestRunReport(t *testing.T) {
	emptyDir := t.TempDir()
	narrDir := t.TempDir()
	text, err := os.ReadFile(referenceNarrative)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(narrDir, "panzhihua-chengdu-office.narrative.txt"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	// A document whose narrative is a directory: a row with the error.
	badDir := t.TempDir()
	doc, err := os.ReadFile(reportSmallFixture)
	if err != nil {
		t.Fatal(err)
	}
	badDoc := filepath.Join(badDir, "bad.json")
	if err := os.WriteFile(badDoc, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(badDir, "bad.narrative.txt"), 0o755); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name    string
		args    []string
		code    int
		want    [][]string // the summary (xlsx runs)
		stderr  []string
		noWrite bool
	}{
		{"reference, narrative beside it", []string{referenceFixture}, exitFinding,
			[][]string{{referenceFixture, "18", "2", "1"}}, nil, false},
		{"reference, no narrative in the dir", []string{"--narrative-dir", emptyDir, referenceFixture}, exitOK,
			[][]string{{referenceFixture, "5", "0", "16"}}, nil, false},
		{"reference, narrative in the dir", []string{"--narrative-dir", narrDir, referenceFixture}, exitFinding,
			[][]string{{referenceFixture, "18", "2", "1"}}, nil, false},
		{"consistent", []string{reportSmallFixture}, exitOK, [][]string{{reportSmallFixture, "6", "0", "15"}}, nil, false},
		{"workbook", []string{strayWorkbook}, exitFinding, [][]string{{strayWorkbook, "3", "1", "17"}}, nil, false},
		{"pdf and its own narrative", []string{renderedPDF}, exitFinding, [][]string{{renderedPDF, "5", "1", "15"}}, nil, false},
		{"a missing file is a row", []string{reportSmallFixture, missingFixture}, exitInput,
			[][]string{{reportSmallFixture, "6", "0", "15"}, {missingFixture, "error: stat " + missingFixture + ": no such file or directory"}}, []string{missingFixture + ": input error"}, false},
		{"a cell that is not a figure is a row naming it", []string{"--profile", "sichuan-2020", badCell}, exitInput,
			[][]string{{badCell, "error: " + badCell + `!bad-cell!C6: "四百一十" is not a figure: not a number`}}, []string{badCell + "!bad-cell!C6"}, false},
		{"an unreadable narrative is a row", []string{badDoc}, exitInput,
			[][]string{{badDoc, "error: " + badDoc + ": narrative " + filepath.Join(badDir, "bad.narrative.txt") + ": directory, not a regular file"}}, []string{"bad.narrative.txt"}, false},
		{"a directory", []string{"../../testdata/sichuan-2020"}, exitFinding,
			[][]string{{"../../testdata/sichuan-2020/panzhihua-chengdu-office.json", "18", "2", "1"}, {"../../testdata/sichuan-2020/small-consistent.json", "6", "0", "15"}}, nil, false},
		{"coverage", []string{"--coverage", reportSmallFixture}, exitOK, [][]string{{reportSmallFixture, "6", "0", "15"}}, nil, false},
		{"bad format", []string{"--format", "pdf", reportSmallFixture}, exitInput, nil, []string{"want html or xlsx"}, true},
		{"no file", nil, exitInput, nil, []string{"usage: juesuan report"}, true},
		{"no document found", []string{emptyDir}, exitInput, nil, []string{"no document found"}, true},
		{"bad narrative dir", []string{"--narrative-dir", missingFixture, reportSmallFixture}, exitInput, nil, []string{"--narrative-dir"}, true},
		{"unknown profile", []string{"--profile", "nowhere-1999", reportSmallFixture}, exitInput, nil, []string{"--profile"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "report.xlsx")
			args := []string{"report", "--format", "xlsx", "--out", out}
			if tc.name == "bad format" {
				args = []string{"report", "--out", out}
			}
			var stdout, stderr bytes.Buffer
			if code := run(append(args, tc.args...), &stdout, &stderr); code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, stderr.String())
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
			b, err := os.ReadFile(out)
			if tc.noWrite {
				if err == nil {
					t.Errorf("%s written", out)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, summaryOf(t, b)); diff != "" {
				t.Errorf("summary (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRunReportHTML: the HTML report on standard output, one summary row
// per document linking to its section, and standard input as a document.
func TestRunReportHTML(t *testing.T) {
	data, err := os.ReadFile(reportSmallFixture)
	if err != nil {
		t.Fatal(err)
	}
	old := stdin
	stdin = bytes.NewReader(data)
	t.Cleanup(func() { stdin = old })
	var stdout, stderr bytes.Buffer
	if code := run([]string{"report", "--coverage", referenceFixture, "-", strayWorkbook}, &stdout, &stderr); code != exitFinding {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	page := stdout.String()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	var links []string
	var rows int
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "id":
				ids[a.Val] = true
			case a.Key == "href" && n.Parent != nil && n.Parent.Data == "td":
				links = append(links, a.Val)
			}
		}
		if n.Data == "tr" && n.Parent.Data == "tbody" && n.Parent.Parent != nil {
			for _, a := range n.Parent.Parent.Attr {
				if a.Key == "id" && a.Val == "summary" {
					rows++
				}
			}
		}
	}
	if rows != 3 || len(links) != 3 {
		t.Fatalf("%d summary rows, %d links; want 3 and 3", rows, len(links))
	}
	for _, l := range links {
		if !ids[strings.TrimPrefix(l, "#")] {
			t.Errorf("link %q leads nowhere", l)
		}
	}
	for _, s := range []string{"sichuan-stray.xlsx!一般公共预算财政拨款支出决算表!C5", "panzhihua-chengdu-office.narrative.txt:", "未运行的检查"} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %q", s)
		}
	}
}
