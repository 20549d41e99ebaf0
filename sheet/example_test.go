package sheet_test

import (
	"fmt"
	"strings"

	"github.com/cnfiscal/juesuan/sheet"
)

// Reading an HTML attachment: each table is a sheet, named by its caption
// or the heading before it; a cell spanning columns is a merged range.
func ExampleReadHTML() {
	page := `<h3>收入决算表</h3>
<table>
<tr><th rowspan="2">项目</th><th colspan="2">本年收入</th></tr>
<tr><th>财政拨款</th><th>其他收入</th></tr>
<tr><td>合计</td><td>1,234.50</td><td></td></tr>
</table>`
	wb, err := sheet.ReadHTML(strings.NewReader(page), "公开.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := wb.Sheets[0]
	fmt.Println(s.Name, s.Merges)
	for r, row := range s.Rows {
		for c, cell := range row {
			if cell.Kind != sheet.Blank {
				loc := sheet.Location{File: wb.File, Sheet: s.Name, Cell: sheet.Name(r, c)}
				fmt.Printf("%s %s %q\n", loc, cell.Kind, cell.Value)
			}
		}
	}
	// Output:
	// 收入决算表 [{0 0 1 0} {0 1 0 2}]
	// 公开.html!收入决算表!A1 text "项目"
	// 公开.html!收入决算表!B1 text "本年收入"
	// 公开.html!收入决算表!B2 text "财政拨款"
	// 公开.html!收入决算表!C2 text "其他收入"
	// 公开.html!收入决算表!A3 text "合计"
	// 公开.html!收入决算表!B3 text "1,234.50"
}

// CSV has no types: every cell is Text, whatever it holds.
func ExampleReadCSV() {
	wb, err := sheet.ReadCSV(strings.NewReader("项目,金额\n合计,\"1,234.50\"\n"), "data/收入.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := wb.Sheets[0]
	fmt.Println(s.Name, s.At(1, 1).Kind, s.At(1, 1).Value)
	// Output:
	// 收入 text 1,234.50
}

// A published web page prints a table's title and 单位 line above it and
// its note under it: they are kept beside the table's cells.
func ExampleReadHTML_page() {
	page := `<title>某局2020年度部门决算</title>
<p>十三、国有资本经营预算财政拨款收入支出决算表</p>
<p>单位：万元</p>
<table><tr><td>项目</td><td>本年收入</td></tr><tr><td>合计</td><td></td></tr></table>
<p>说明：本单位本年度无国有资本经营预算财政拨款收支，故本表无数据。</p>`
	wb, err := sheet.ReadHTML(strings.NewReader(page), "公开.html")
	if err != nil {
		panic(err)
	}
	s := wb.Sheets[0]
	fmt.Println(wb.Title)
	fmt.Println(s.Name)
	fmt.Println(s.Above)
	fmt.Println(s.Below)
	// Output:
	// 某局2020年度部门决算
	// 单位：万元
	// [某局2020年度部门决算 十三、国有资本经营预算财政拨款收入支出决算表 单位：万元]
	// [说明：本单位本年度无国有资本经营预算财政拨款收支，故本表无数据。]
}
