package sheet

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// bigWorkbook is 14 sheets of 2,000 rows of a code, a label and 8 figures
// with a merged two-row header, about the largest document the importer
// is meant for.
func bigWorkbook(b *testing.B) []byte {
	f := excelize.NewFile()
	for s := range 14 {
		name := fmt.Sprintf("Z%02d 表", s+1)
		if s == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			b.Fatal(err)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			b.Fatal(err)
		}
		sw.MergeCell("A1", "J1")
		sw.SetRow("A1", []any{"收入支出决算表"})
		sw.SetRow("A2", []any{"科目编码", "科目名称", "合计", "财政拨款", "上级补助", "事业收入", "经营收入", "附属单位", "其他收入", "年初结转"})
		for r := 3; r < 2003; r++ {
			row := []any{fmt.Sprintf("2%06d", r), "一般公共服务支出"}
			for c := range 8 {
				row = append(row, float64(r*100+c)+0.25)
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			sw.SetRow(cell, row)
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkXLSX(b *testing.B) {
	data := bigWorkbook(b)
	b.Run("ReadXLSX", func(b *testing.B) {
		for b.Loop() {
			if _, err := ReadXLSX(bytes.NewReader(data), "big.xlsx"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("excelizeGetRows", func(b *testing.B) {
		for b.Loop() {
			f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range f.GetSheetList() {
				if _, err := f.GetRows(s, excelize.Options{RawCellValue: true}); err != nil {
					b.Fatal(err)
				}
			}
			f.Close()
		}
	})
}
