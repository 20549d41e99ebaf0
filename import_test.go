package juesuan_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/sheet"
)

// grid builds a sheet: a cell "#123" is a number, "" blank, other text.
func grid(name string, rows ...[]string) *sheet.Sheet {
	s := &sheet.Sheet{Name: name}
	for _, r := range rows {
		cells := make([]sheet.Cell, len(r))
		for i, v := range r {
			switch {
			case v == "":
			case strings.HasPrefix(v, "#"):
				cells[i] = sheet.Cell{Kind: sheet.Number, Value: v[1:]}
			default:
				cells[i] = sheet.Cell{Kind: sheet.Text, Value: v}
			}
		}
		s.Rows = append(s.Rows, cells)
	}
	return s
}

func row(v ...string) []string { return v }

// referenceTables are the reference fixture's tables of keys.
func referenceTables(t *testing.T, keys ...string) accounts.Tables {
	t.Helper()
	data, err := os.ReadFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := juesuan.DecodeBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	var out accounts.Tables
	for _, k := range keys {
		copyTable(&out, &d.Tables, k)
	}
	return out
}

// generalBudget万元 is 一般公共预算财政拨款支出决算表 as the central template
// prints it: 项目 over code and name, joined codes, 合计 at the bottom.
func generalBudgetJoined(title string) []*sheet.Sheet {
	s := grid("Sheet1",
		row(title),
		row("", "", "", "单位：万元"),
		row("项目", "", "合计", "基本支出", "项目支出"),
		row("功能分类\n科目编码", "科目名称", "", "", ""),
		row("201", "一般公共服务支出", "#410.37"),
		row("20103", "政府办公厅（室）及相关机构事务"),
		row("2010301", "行政运行", "#339.87"),
		row("2010302", "一般行政管理事务", "#70.50"),
		row("205", "教育支出", "#0"),
		row("206", "科学技术支出", "#0"),
		row("208", "社会保障和就业支出", "#162.41"),
		row("20805", "行政事业单位离退休"),
		row("2080501", "行政单位离退休", "#136.22"),
		row("2080502", "事业单位离退休", "#4.82"),
		row("2080505", "机关事业单位基本养老保险缴费支出", "#21.37"),
		row("210", "卫生健康支出", "#0"),
		row("221", "住房保障支出", "#26.75"),
		row("22102", "住房改革支出"),
		row("2210201", "住房公积金", "#26.75"),
		row("合计", "", "#599.53", "#529.03"),
		row("注：本表反映部门本年度一般公共预算财政拨款支出情况。"),
	)
	s.Merges = []sheet.Range{{Top: 0, Left: 0, Bottom: 0, Right: 4}, {Top: 2, Left: 0, Bottom: 2, Right: 1},
		{Top: 2, Left: 2, Bottom: 3, Right: 2}, {Top: 2, Left: 3, Bottom: 3, Right: 3}, {Top: 2, Left: 4, Bottom: 3, Right: 4}}
	return []*sheet.Sheet{s}
}

// generalBudgetSplit is the same table in 元, with split 类/款/项 columns
// printed without the parent's digits, text amounts with separators and
// full-width digits, continued on a second sheet.
func generalBudgetSplit() []*sheet.Sheet {
	head := [][]string{
		row("类", "款", "项", "科目名称", "合计（元）", "基本支出（元）", "项目支出（元）"),
	}
	a := grid("Z06 一般公共预算财政拨款支出决算表(财决06表)", append([][]string{row("金额单位：元")}, append(head,
		row("201", "", "", "一般公共服务支出", "4,103,700.00"),
		row("", "03", "", "政府办公厅（室）及相关机构事务"),
		row("", "", "01", "行政运行", "３，３９８，７００"),
		row("", "", "02", "一般行政管理事务", "705,000"),
		row("205", "", "", "教育支出", "-"),
		row("206", "", "", "科学技术支出", "—"),
		row("208", "", "", "社会保障和就业支出", "1,624,100.00"),
		row("", "05", "", "行政事业单位离退休"),
	)...)...)
	b := grid("Z06 一般公共预算财政拨款支出决算表(续)", append(head,
		row("", "", "01", "行政单位离退休", "1362200"),
		row("", "", "02", "事业单位离退休", "48200"),
		row("", "", "05", "机关事业单位基本养老保险缴费支出", "213700"),
		row("210", "", "", "卫生健康支出", "0"),
		row("", "", "", ""),
		row("221", "", "", "住房保障支出", "267500"),
		row("", "02", "", "住房改革支出"),
		row("", "", "01", "住房公积金", "267500"),
		row("合计", "", "", "", "5995300", "5290300"),
	)...)
	return []*sheet.Sheet{a, b}
}

// govFundAndThreePublic prints two tables on one sheet, central headers.
func govFundAndThreePublic() *sheet.Sheet {
	s := grid("公开表",
		row("公开10表  一般公共预算财政拨款“三公”经费支出决算表"),
		row("单位：万元"),
		row("财政拨款“三公”经费"),
		row("合计", "", "因公出国\n（境）费", "", "公务用车购置及运行维护费", "", "", "", "", "", "公务接待费"),
		row("", "", "", "", "小计", "", "公务用车\n购置费", "", "公务用车\n运行维护费"),
		row("预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"),
		row("", "#51.74", "", "#0", "", "#5.89", "", "#0", "", "#5.89", "", "#45.85"),
		row(""),
		row("表十一 政府性基金预算财政拨款收入支出决算表"),
		row("单位：万元"),
		row("项目", "", "年初结转和\n结余", "本年收入", "本年支出", "", "", "年末结转和\n结余"),
		row("功能分类\n科目编码", "科目名称", "", "", "合计", "基本支出", "项目支出"),
		row("", "合计", "", "#31.25", "#31.25", "#31.25"),
		row("212", "城乡社区支出"),
		row("21208", "国有土地使用权出让收入安排的支出"),
		row("2120802", "土地开发支出", "", "", "#31.25", "#31.25"),
	)
	s.Merges = []sheet.Range{{Top: 2, Left: 0, Bottom: 2, Right: 11}, {Top: 3, Left: 0, Bottom: 4, Right: 1}, {Top: 3, Left: 2, Bottom: 4, Right: 3},
		{Top: 3, Left: 4, Bottom: 3, Right: 9}, {Top: 4, Left: 4, Bottom: 4, Right: 5}, {Top: 4, Left: 6, Bottom: 4, Right: 7},
		{Top: 4, Left: 8, Bottom: 4, Right: 9}, {Top: 3, Left: 10, Bottom: 4, Right: 11},
		{Top: 10, Left: 0, Bottom: 10, Right: 1}, {Top: 10, Left: 2, Bottom: 11, Right: 2}, {Top: 10, Left: 3, Bottom: 11, Right: 3},
		{Top: 10, Left: 4, Bottom: 10, Right: 6}, {Top: 10, Left: 7, Bottom: 11, Right: 7}}
	return s
}

// summarySichuan is 收入支出决算总表 with 类 rows by name only.
func summarySichuan() *sheet.Sheet {
	return grid("收入支出决算总表",
		row("攀枝花市人民政府驻成都办事处2020年度部门决算"),
		row("附表1 收入支出决算总表"),
		row("", "", "", "单位：万元"),
		row("收入", "", "支出"),
		row("项目", "决算数", "项目", "决算数"),
		row("一、一般公共预算财政拨款收入", "#599.53", "", ""),
		row("二、政府性基金预算财政拨款收入", "#31.25"),
		row("三、国有资本经营预算财政拨款收入"),
		row("四、上级补助收入", "#0"),
		row("五、事业收入", "#0"),
		row("六、经营收入", "#0"),
		row("七、附属单位上缴收入", "#0"),
		row("八、其他收入", "#0"),
		row("本年收入合计", "#630.78", "本年支出合计", "#630.78"),
		row("使用非财政拨款结余", "", "结余分配"),
		row("年初结转和结余", "", "年末结转和结余"),
		row("总计", "#630.78", "总计", "#630.78"),
	)
}

func TestImportVariants(t *testing.T) {
	cover := grid("封面", row("单位名称：", "攀枝花市人民政府驻成都办事处"), row("决算年度：", "2020"))
	hidden := grid("数据源", row("x", "#1"))
	hidden.Hidden = true
	for _, tc := range []struct {
		name   string
		sheets []*sheet.Sheet
		keys   []string
		unit   bool // the cover states the unit
	}{
		{"joined codes, merged header, 万元", generalBudgetJoined("一般公共预算财政拨款支出决算表"), []string{"generalBudget"}, false},
		{"title with 公开06表", generalBudgetJoined("公开06表 一般公共预算财政拨款支出决算表"), []string{"generalBudget"}, false},
		{"split codes, 元, separators, over two sheets, 久其 names", generalBudgetSplit(), []string{"generalBudget"}, false},
		{"two tables on one sheet", []*sheet.Sheet{govFundAndThreePublic()}, []string{"govFund", "threePublic"}, false},
		{"summary with classes by name", []*sheet.Sheet{summarySichuan()}, []string{"summary"}, true},
		{"cover and hidden sheet", append([]*sheet.Sheet{cover, hidden}, generalBudgetSplit()...), []string{"generalBudget"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wb := &sheet.Workbook{File: "t.xlsx", Sheets: tc.sheets}
			d, rep, err := juesuan.Import(wb, juesuan.ImportOptions{Profile: "sichuan-2020", BlankAbsent: true, Unit: "万元"})
			if err != nil {
				t.Fatal(err)
			}
			want := referenceTables(t, tc.keys...)
			if diff := cmp.Diff(want, d.Tables); diff != "" {
				t.Errorf("tables (-want +got):\n%s", diff)
			}
			if len(rep.Unplaced) > 0 {
				t.Errorf("unplaced: %v", rep.Unplaced)
			}
			if tc.unit && (d.Unit.Name != "攀枝花市人民政府驻成都办事处" || d.Unit.FiscalYear != 2020) {
				t.Errorf("unit = %+v", d.Unit)
			}
		})
	}
}

func TestImportBadCell(t *testing.T) {
	s := generalBudgetJoined("一般公共预算财政拨款支出决算表")[0]
	s.Rows[6][2] = sheet.Cell{Kind: sheet.Text, Value: "三百"}
	_, _, err := juesuan.Import(&sheet.Workbook{File: "t.xlsx", Sheets: []*sheet.Sheet{s}}, juesuan.ImportOptions{Profile: "sichuan-2020"})
	var ce *juesuan.CellError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a CellError", err)
	}
	if want := (sheet.Location{File: "t.xlsx", Sheet: "Sheet1", Cell: "C7"}); ce.Location != want {
		t.Errorf("location = %v, want %v", ce.Location, want)
	}
}

func TestAnnotate(t *testing.T) {
	rep := &juesuan.ImportReport{Sources: map[string]sheet.Location{
		"/tables/income/rows/3/fiscal": {File: "a.xlsx", Sheet: "收入决算表", Cell: "D7"},
		"/tables/summary/income/total": {File: "a.xlsx", Sheet: "S1", Cell: "B9"},
	}}
	fs := audit.Findings{{Path: "/tables/income/rows/3/fiscal"}, {Path: "/tables/summary/income/total/x"}, {Path: "/tables/expenditure"}}
	rep.Annotate(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Source)
	}
	if diff := cmp.Diff([]string{"a.xlsx!收入决算表!D7", "a.xlsx!S1!B9", ""}, got); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
}
