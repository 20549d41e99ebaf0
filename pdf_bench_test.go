package juesuan_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/internal/pdftext"
)

// pdfBenchFiles are the PDFs the benchmarks read: two published ones and
// one printed by Chromium (Type 3 fonts, tables across pages).
var pdfBenchFiles = []string{
	"testdata/pdf/real/shanghai-putuo-2026-dept-budget.pdf",
	"testdata/pdf/real/shanghai-2024-final-accounts-template.pdf",
	"testdata/pdf/rendered/central-s5-flow.pdf",
}

// BenchmarkImportPDF reads each file whole — text layer, grid, import of
// every table — and reports pages per second (one core: run with -cpu 1).
func BenchmarkImportPDF(b *testing.B) {
	for _, f := range pdfBenchFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages := pdfPages(b, f)
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, _, err := juesuan.ImportPDF(data, f, juesuan.ImportOptions{Profile: "central-2024"})
				if err != nil && !isNoTable(err) {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkPdftotextLayout runs `pdftotext -layout FILE -` on the same
// files, the floor the import is compared with (benchstat, one run).
func BenchmarkPdftotextLayout(b *testing.B) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		b.Fatal("pdftotext not found: install poppler-utils (apt-get install poppler-utils), the floor this benchmark measures")
	}
	for _, f := range pdfBenchFiles {
		pages := pdfPages(b, f)
		b.Run(filepath.Base(f), func(b *testing.B) {
			for b.Loop() {
				if out, err := exec.Command(bin, "-layout", f, "-").Output(); err != nil || len(out) == 0 {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

func isNoTable(err error) bool { return errors.Is(err, juesuan.ErrNoTable) }

// pdfPages counts the pages of a PDF file.
func pdfPages(b *testing.B, f string) int {
	b.Helper()
	data, err := os.ReadFile(f)
	if err != nil {
		b.Fatal(err)
	}
	d, err := pdftext.Read(data)
	if err != nil {
		b.Fatal(err)
	}
	return len(d.Pages)
}
