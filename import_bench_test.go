package juesuan_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/sheet"
)

// largeWorkbook is the workbook WriteWorkbook writes for a large generated
// document (fixture Size Large with largeRows 项, seed 2020), and the
// options it imports with. It fails b unless the document read back has
// at least largeRows 项 rows in one table (issue 14: "≥ 2,000 项 rows per
// table").
func largeWorkbook(b testing.TB) ([]byte, juesuan.ImportOptions) {
	b.Helper()
	d, _, err := fixture.Generate(fixture.Options{Seed: 2020, Size: fixture.Large, Items: largeRows})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := juesuan.WriteWorkbook(&buf, d, juesuan.WorkbookOptions{}); err != nil {
		b.Fatal(err)
	}
	// The profile is recognised, as for a user's file; blank cells are
	// absent, as the writer prints a figure not stated.
	opts := juesuan.ImportOptions{BlankAbsent: true}
	wb, err := sheet.ReadXLSX(bytes.NewReader(buf.Bytes()), "large.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	// Checked with the profile named: tests of the package register more
	// profiles (copies of the built-in ones), which recognition may pick.
	named := opts
	named.Profile = d.Profile
	got, rep, err := juesuan.Import(wb, named)
	if err != nil {
		b.Fatal(err)
	}
	if len(rep.Unplaced) > 0 {
		b.Fatalf("import: %d cells unplaced", len(rep.Unplaced))
	}
	if n := maxItemRows(got); n < largeRows {
		b.Fatalf("the large workbook has at most %d 项 rows in a table, want ≥ %d", n, largeRows)
	}
	return buf.Bytes(), opts
}

// maxItemRows is the most 项 rows (7-digit function codes) of one of the
// tables 收入决算表, 支出决算表 and 一般公共预算财政拨款支出决算表.
func maxItemRows(d *juesuan.Document) int {
	items := func(codes []classification.FuncCode) int {
		n := 0
		for _, c := range codes {
			if c.Level() == classification.Item {
				n++
			}
		}
		return n
	}
	var in, ex, gb []classification.FuncCode
	t := &d.Tables
	if t.Income != nil {
		for _, r := range t.Income.Rows {
			in = append(in, r.Code)
		}
	}
	if t.Expenditure != nil {
		for _, r := range t.Expenditure.Rows {
			ex = append(ex, r.Code)
		}
	}
	if t.GeneralBudget != nil {
		for _, r := range t.GeneralBudget.Rows {
			gb = append(gb, r.Code)
		}
	}
	return max(items(in), items(ex), items(gb))
}

// BenchmarkImportWorkbook is issue 14's speed target: importing the
// workbook of a large document (sheet.ReadXLSX then Import, the profile
// recognised) against what excelize itself needs to read every cell of it
// (OpenReader, then GetRows of every sheet, raw values: the floor). Target
// (.ci/benchratio): import ÷ excelize-getrows ≤ 1.5.
func BenchmarkImportWorkbook(b *testing.B) {
	data, opts := largeWorkbook(b)
	b.Run("excelize-getrows", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			cells := 0
			for _, s := range f.GetSheetList() {
				rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range rows {
					cells += len(r)
				}
			}
			f.Close()
			if cells == 0 {
				b.Fatal("no cell read")
			}
		}
	})
	importWith := func(opts juesuan.ImportOptions) func(b *testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				wb, err := sheet.ReadXLSX(bytes.NewReader(data), "large.xlsx")
				if err != nil {
					b.Fatal(err)
				}
				if _, _, err := juesuan.Import(wb, opts); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Run("import", importWith(opts))
	// For information: the same with the profile named, which skips
	// recognising it among the registered profiles.
	named := opts
	named.Profile = fixture.DefaultProfile
	b.Run("import-profile-named", importWith(named))
	// For information: reading the cells alone (package sheet).
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := sheet.ReadXLSX(bytes.NewReader(data), "large.xlsx"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestLargeWorkbookSize runs the benchmark's setup as a test, so that a
// change making the large workbook too small or not importable is seen by
// go test.
func TestLargeWorkbookSize(t *testing.T) {
	if data, _ := largeWorkbook(t); len(data) == 0 {
		t.Fatal("empty workbook")
	}
}
