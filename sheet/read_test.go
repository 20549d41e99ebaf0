package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func ptr[T any](v T) *T { return &v }

func num(v string) Cell   { return Cell{Kind: Number, Value: v} }
func txt(v string) Cell   { return Cell{Kind: Text, Value: v} }
func fx(f, v string) Cell { return Cell{Kind: Formula, Value: v, Formula: f} }

// must fails the test on an error of excelize while building a file.
func must(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// xlsxBytes builds a workbook with excelize, the way other programs do.
func xlsxBytes(t *testing.T, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	build(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rawXLSX builds a minimal package around the given worksheet XML
// (sheetData and after), so that tests can hold cells excelize does not
// write: inline strings, errors, numbers in exponent form.
func rawXLSX(t *testing.T, sst string, sheets ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	ct := `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`
	var wbs, rels strings.Builder
	for i, s := range sheets {
		n := i + 1
		ct += fmt.Sprintf(`<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&wbs, `<sheet name="S%d" sheetId="%d" r:id="rId%d"/>`, n, n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", n), `<?xml version="1.0"?><worksheet `+ns+`>`+s+`</worksheet>`)
	}
	if sst != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>`)
		put("xl/sharedStrings.xml", `<?xml version="1.0"?><sst `+ns+`>`+sst+`</sst>`)
	}
	put("[Content_Types].xml", ct+`</Types>`)
	put("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0"?><workbook `+ns+`><sheets>`+wbs.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSX(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want []*Sheet
	}{{
		name: "excelize",
		data: xlsxBytes(t, func(f *excelize.File) {
			must(t, f.SetSheetName("Sheet1", "Z01 收入支出决算总表(财决01表)"))
			s := "Z01 收入支出决算总表(财决01表)"
			must(t,
				f.SetCellStr(s, "A1", "收入支出决算总表"),
				f.MergeCell(s, "A1", "D1"),
				f.SetCellStr(s, "A2", "单位：万元"),
				f.SetCellStr(s, "A3", "项目"), f.SetCellStr(s, "B3", "金额"),
				f.SetCellStr(s, "C3", "科目编码"), f.SetCellStr(s, "D3", "两倍"),
				f.SetCellStr(s, "A4", "一般公共服务支出"),
				f.SetCellFloat(s, "B4", 1234.5, -1, 64),
				f.SetCellStr(s, "C4", "201"), // a code stored as text
				f.SetCellValue(s, "D4", 2469),
				f.SetCellFormula(s, "D4", "B4*2"), // cached value 2469
				f.SetCellStr(s, "A5", "合计"),
				f.SetCellInt(s, "B5", 12),
				f.SetCellFormula(s, "D5", "B5*2"), // no cached value
				f.SetCellFormula(s, "B6", "SUM(B4:B5)", excelize.FormulaOpts{Type: ptr("shared"), Ref: ptr("B6:C6")}),
				f.SetCellFormula(s, "E4", "NOSUCHFUNC(1)"), // cannot be evaluated
				f.SetCellStr(s, "A7", "   "),
			)
			_, err := f.NewSheet("空表")
			must(t, err)
			_, err = f.NewSheet("隐藏")
			must(t, err, f.SetCellStr("隐藏", "B2", "x"), f.SetSheetVisible("隐藏", false))
		}),
		want: []*Sheet{{
			Name: "Z01 收入支出决算总表(财决01表)",
			Rows: [][]Cell{
				{txt("收入支出决算总表")},
				{txt("单位：万元")},
				{txt("项目"), txt("金额"), txt("科目编码"), txt("两倍")},
				{txt("一般公共服务支出"), num("1234.5"), txt("201"), fx("B4*2", "2469"), fx("NOSUCHFUNC(1)", "")},
				{txt("合计"), num("12"), {}, fx("B5*2", "24")},
				{{}, fx("SUM(B4:B5)", "1246.5"), fx("SUM(C4:C5)", "0")},
			},
			Merges: []Range{{0, 0, 0, 3}},
		}, {
			Name: "空表",
		}, {
			Name: "隐藏", Hidden: true, Rows: [][]Cell{nil, {{}, txt("x")}},
		}},
	}, {
		name: "raw",
		data: rawXLSX(t,
			`<si><t>共享</t></si><si><r><t>富</t></r><r><t>文本</t></r><rPh><t>フ</t></rPh></si>`,
			`<sheetData>
			<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><t>内联</t></is></c><c r="E2" t="s"><v>0</v></c></row>
			<row><c><v>1.5E-3</v></c><c t="e"><v>#DIV/0!</v></c><c t="b"><v>0</v></c><c s="1"/><c><v></v></c><c t="n"><v> 7 </v></c></row>
			<row r="5"><c r="A5"><f>1/0</f><v>#DIV/0!</v></c><c r="C5" t="str"><f>""</f><v></v></c><c r="B5" t="s"><v>0</v></c></row>
			</sheetData><mergeCells count="1"><mergeCell ref="D2:E2"/></mergeCells>`,
			`<sheetData/>`),
		want: []*Sheet{{
			Name: "S1",
			Rows: [][]Cell{
				nil,
				{{}, txt("共享"), txt("富文本"), txt("内联")},
				{num("1.5E-3"), txt("#DIV/0!"), txt("FALSE"), {}, {}, num("7")},
				nil,
				{fx("1/0", "#DIV/0!"), txt("共享"), fx(`""`, "")},
			},
			Merges: []Range{{1, 3, 1, 4}},
		}, {Name: "S2"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb, err := ReadXLSX(bytes.NewReader(tt.data), "t.xlsx")
			if err != nil {
				t.Fatal(err)
			}
			want := &Workbook{File: "t.xlsx", Sheets: tt.want}
			if d := cmp.Diff(want, wb); d != "" {
				t.Errorf("ReadXLSX (-want +got):\n%s", d)
			}
		})
	}
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadCSV(t *testing.T) {
	const table = "项目,金额\n\"一般公共服务支出\",\"1,234.50\"\n合计,  ,\n\n,2010101,\"a \"\"q\"\" b\",x\"y\n"
	want := [][]Cell{
		{txt("项目"), txt("金额")},
		{txt("一般公共服务支出"), txt("1,234.50")},
		{txt("合计")},
		{{}, txt("2010101"), txt(`a "q" b`), txt(`x"y`)},
	}
	tests := []struct {
		name string
		data []byte
		want [][]Cell
	}{
		{"utf-8", []byte(table), want},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), table...), want},
		{"gbk", gbk(t, table), want},
		{"gb18030 beyond gbk", func() []byte {
			b, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("€,𠀀\n"))
			return b
		}(), [][]Cell{{txt("€"), txt("𠀀")}}},
		{"utf-16 tabs", []byte("\xFF\xFEa\x00\t\x00b\x00\n\x00"), [][]Cell{{txt("a"), txt("b")}}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb, err := ReadCSV(bytes.NewReader(tt.data), "dir/收入决算表.csv")
			if err != nil {
				t.Fatal(err)
			}
			want := &Workbook{File: "dir/收入决算表.csv", Sheets: []*Sheet{{Name: "收入决算表", Rows: tt.want}}}
			if d := cmp.Diff(want, wb); d != "" {
				t.Errorf("ReadCSV (-want +got):\n%s", d)
			}
		})
	}
}

// TestReadHTMLAbove: the headings and paragraphs between two tables, the
// last four, are the second table's Above (a web page's title and 单位
// line), and the name is the nearest heading.
func TestReadHTMLAbove(t *testing.T) {
	const page = `<title>某局决算</title><h1>某局2020年度部门决算</h1><table><tr><td>1</td></tr></table>
<p>第一段</p><p>第二段</p><h2>一、收入支出决算总表</h2><p>公开01表</p><p class="unit">单位：万元</p>
<table><tr><td>2</td></tr></table><table><tr><td>3</td></tr></table><p>说明：本表无数据。</p>`
	wb, err := ReadHTML(strings.NewReader(page), "p.html")
	if err != nil {
		t.Fatal(err)
	}
	want := []*Sheet{
		{Name: "某局2020年度部门决算", Above: []string{"某局决算", "某局2020年度部门决算"}, Rows: [][]Cell{{txt("1")}},
			Below: []string{"第一段", "第二段", "一、收入支出决算总表", "公开01表"}},
		{Name: "一、收入支出决算总表", Above: []string{"第二段", "一、收入支出决算总表", "公开01表", "单位：万元"}, Rows: [][]Cell{{txt("2")}}},
		{Name: "table 3", Rows: [][]Cell{{txt("3")}}, Below: []string{"说明：本表无数据。"}},
	}
	if d := cmp.Diff(&Workbook{File: "p.html", Title: "某局决算", Sheets: want}, wb); d != "" {
		t.Errorf("ReadHTML (-want +got):\n%s", d)
	}
}

func TestReadHTML(t *testing.T) {
	const long = "附表：这是一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的标题"
	const page = `<!DOCTYPE html><html><head><meta charset="%s"><title>部门决算公开</title>
<style>td { color: red }</style><script>var x = "<table>";</script></head><body>
<h2>  一、收入决算表 </h2>
<table border=1>
<thead><tr><th rowspan="2">项目</th><th colspan="2">本年收入</th><th rowspan=3>备注</th></tr>
<tr><th>财政<br>拨款</th><th>其他 &nbsp; 收入</th></tr></thead>
<tbody><tr><td>合计<td>1,234.50<td></tr>
<tr><td colspan=2 rowspan=9>注：本表无数据</td><td>x</td></tr></tbody>
</table>
<table><caption>表二 支出决算表</caption><tr><td>外<td><table><tr><td>内</td></tr></table></td></tr></table>
<p>` + long + `</p>
<table><tr><td>y</td></tr></table>
<table></table>
</body></html>`
	want := []*Sheet{{
		Name:  "一、收入决算表",
		Above: []string{"部门决算公开", "一、收入决算表"},
		Rows: [][]Cell{
			{txt("项目"), txt("本年收入"), {}, txt("备注")},
			{{}, txt("财政\n拨款"), txt("其他 收入")},
			{txt("合计"), txt("1,234.50")},
			{txt("注：本表无数据"), {}, txt("x")},
		},
		Merges: []Range{{0, 0, 1, 0}, {0, 1, 0, 2}, {0, 3, 2, 3}, {3, 0, 3, 1}},
	}, {
		Name:  "表二 支出决算表",
		Rows:  [][]Cell{{txt("外")}}, // the inner table is a sheet of its own
		Below: []string{long},
	}, {
		Name: "table 3",
		Rows: [][]Cell{{txt("内")}},
	}, {
		Name:  string([]rune(long)[:60]),
		Above: []string{long},
		Rows:  [][]Cell{{txt("y")}},
	}, {
		Name: "table 5",
	}}
	tests := []struct {
		name string
		data []byte
	}{
		{"utf-8", fmt.Appendf(nil, page, "utf-8")},
		{"gbk meta", gbk(t, fmt.Sprintf(page, "gbk"))},
		{"gb2312 meta", gbk(t, fmt.Sprintf(page, "gb2312"))},
		{"gbk without meta", gbk(t, fmt.Sprintf(page, ""))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb, err := ReadHTML(bytes.NewReader(tt.data), "p.html")
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(&Workbook{File: "p.html", Title: "部门决算公开", Sheets: want}, wb); d != "" {
				t.Errorf("ReadHTML (-want +got):\n%s", d)
			}
		})
	}
}
