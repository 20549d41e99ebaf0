package pdftable

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/internal/pdftext"
	"github.com/cnfiscal/juesuan/sheet"
)

// TestContinuedTable reads tables that RenderPDF printed across a page
// break (testdata/basic-continued-*.pdf, written by the root package's
// TestContinuedTablePDF -render-pdf): the second page holds only the
// repeated header and the table's tail, whose rows are label … figure with
// a wide gap (合计 … 347.19). They join the sheet of the table's title,
// without the repeated header, each cell on the page it was read from.
func TestContinuedTable(t *testing.T) {
	for _, tc := range []struct {
		file  string
		title string
		tail  [][]string // the last rows of the table's sheet
		page  int        // the page the tail's figures are on
	}{
		{"basic-continued-sichuan.pdf", "八、一般公共预算财政拨款基本支出决算表", [][]string{
			{"人员经费合计", "", "416.97"},
			{"公用经费合计", "", "67.88"},
			{"合计", "", "484.85"},
		}, 4},
		{"basic-continued-central.pdf", "六、一般公共预算财政拨款基本支出决算表", [][]string{
			{"人员经费合计", "", "270.80"},
			{"公用经费合计", "", "76.39"},
			{"合计", "", "347.19"},
		}, 4},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := pdftext.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			res := Read(doc, tc.file)
			var s *sheet.Sheet
			for _, sh := range res.Workbook.Sheets {
				if len(sh.Rows) > 0 && len(sh.Rows[0]) > 0 && sh.Rows[0][0].Value == tc.title {
					s = sh
				}
			}
			if s == nil {
				t.Fatalf("no sheet titled %s", tc.title)
			}
			var got [][]string
			for _, r := range s.Rows {
				var row []string
				for _, c := range r {
					row = append(row, c.Value)
				}
				got = append(got, row)
			}
			if len(got) < len(tc.tail) {
				t.Fatalf("sheet %s: %d rows", s.Name, len(got))
			}
			if diff := cmp.Diff(tc.tail, got[len(got)-len(tc.tail):]); diff != "" {
				t.Errorf("sheet %s, last rows (-want +got):\n%s", s.Name, diff)
			}
			heads := 0
			for _, row := range got {
				if strings.Join(row, "|") == "科目编码|科目名称|决算数" {
					heads++
				}
			}
			if heads != 1 {
				t.Errorf("sheet %s: the header 科目编码|科目名称|决算数 %d times, want once", s.Name, heads)
			}
			last := len(s.Rows) - 1
			pl := res.Places[sheet.Location{File: tc.file, Sheet: s.Name, Cell: sheet.Name(last, 2)}]
			if pl.Page != tc.page {
				t.Errorf("合计 read at %v, want page %d", pl, tc.page)
			}
			// nothing of the tail read as narrative
			for _, l := range res.Text {
				if strings.Contains(l.Text, tc.tail[len(tc.tail)-1][2]) {
					t.Errorf("narrative line %q at %v holds the table's 合计", l.Text, l.Place)
				}
			}
		})
	}
}
