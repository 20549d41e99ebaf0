package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pdfDir holds the PDFs of the root package's tests.
var pdfDir = filepath.Join("..", "..", "testdata", "pdf")

// tinyPDF is a one-page PDF whose page draws content with resources res,
// with a correct cross-reference table.
func tinyPDF(content, res string) []byte {
	objs := []string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources " + res + "/Contents 4 0 R>>",
		"<</Length " + strconv.Itoa(len(content)) + ">>\nstream\n" + content + "\nendstream",
		"<</Type/XObject/Subtype/Image/Width 1/Height 1/ColorSpace/DeviceGray/BitsPerComponent 8/Length 1>>\nstream\n\x00\nendstream",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		b.WriteString(strconv.Itoa(i+1) + " 0 obj\n" + o + "\nendobj\n")
	}
	x := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(len(objs)+1) + "\n0000000000 65535 f \n")
	for _, o := range offs {
		s := strconv.Itoa(o)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<</Size " + strconv.Itoa(len(objs)+1) + "/Root 1 0 R>>\nstartxref\n" + strconv.Itoa(x) + "\n%%EOF\n")
	return []byte(b.String())
}

// TestPDFVerbs: import, validate and lint read a PDF alone; what cannot be
// read exits 2 with the reason.
func TestPDFVerbs(t *testing.T) {
	dir := t.TempDir()
	scan := filepath.Join(dir, "scan.pdf")
	if err := os.WriteFile(scan, tinyPDF("q 595 0 0 842 0 0 cm /Im1 Do Q", "<</XObject<</Im1 5 0 R>>>>"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.pdf")
	if err := os.WriteFile(broken, []byte("%PDF-1.4\nnot a pdf\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	flow := filepath.Join(pdfDir, "rendered", "central-s5-flow.pdf")
	budget := filepath.Join(pdfDir, "real", "shanghai-putuo-2026-unit-budget.pdf")
	broken8 := filepath.Join(pdfDir, "rendered", "central-s5-A8-pages.pdf")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout []string // substrings
		stderr []string
	}{
		{"import", []string{"import", "--blank-absent", flow}, exitOK, []string{`"profile": "central-2024"`, `"grandTotal": "649.20"`},
			[]string{flow + ": table summary 收入支出决算总表 (万元): p.1\n", flow + ": 9 table(s), 0 cell(s) not placed"}},
		{"scanned", []string{"import", scan}, exitInput, nil, []string{"PDF has no text layer (scanned?): 1 page(s), 1 image(s), no character"}},
		{"malformed", []string{"import", broken}, exitInput, nil, []string{"broken.pdf: pdftext: malformed PDF"}},
		{"no table recognised", []string{"import", budget}, exitInput, nil, []string{"no table of a registered profile recognised in " + budget}},
		{"validate", []string{"validate", flow}, exitOK, []string{"1 file(s), 0 unreadable, 0 with errors"}, nil},
		{"validate: the finding names page and box", []string{"validate", broken8}, exitFinding, []string{
			broken8 + ": error A8 /tables/income/rows/16/total [" + broken8 + " p.3 [232 454 254 463]]: 收入决算表 22102 住房改革支出·本年收入合计应等于其下各项之和"}, nil},
		{"validate json", []string{"validate", "--format", "json", broken8}, exitFinding, []string{`"source":"` + broken8 + ` p.3 [359 454 364 463]"`}, nil},
		{"lint", []string{"lint", flow}, exitFinding, []string{
			flow + " p.6 [67 156 175 165]: error C3 /tables/summary/expenditure/total 表文不一致：本年支出合计文中为642.93万元，表中为641.93万元\n    本年支出合计642.93万元。\n"}, nil},
		{"lint json", []string{"lint", "--format", "json", flow}, exitFinding, []string{`"source":"` + flow + ` p.6 [67 156 175 165]"`, `"quote":"本年支出合计642.93万元。"`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runArgs(tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			for _, s := range tc.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
		})
	}
}

// TestPDFImportExact: the document imported from a rendered PDF is the one
// it was printed from.
func TestPDFImportExact(t *testing.T) {
	want, err := os.ReadFile(filepath.Join(pdfDir, "rendered", "central-s5.json"))
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runArgs("import", "--blank-absent", filepath.Join(pdfDir, "rendered", "central-s5-narrow.pdf"))
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if d := cmp.Diff(string(want), stdout); d != "" {
		t.Errorf("imported (-want +got):\n%s", d)
	}
}
