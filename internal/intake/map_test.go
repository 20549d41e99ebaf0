package intake

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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

var testTables = []Table{
	{Key: "generalBudget", Number: "六", Title: "一般公共预算财政拨款支出决算表"},
	{Key: "threePublic", Number: "十", Title: "一般公共预算财政拨款“三公”经费支出决算表"},
}

// generalBudget is 表六 on one sheet; extra cells are set on its rows
// (row, column, value as grid reads it).
func generalBudget(name, title string, extra ...[3]any) *sheet.Sheet {
	s := grid(name,
		row(title),
		row("", "", "", "单位：万元"),
		row("项目", "", "合计", "基本支出", "项目支出"),
		row("功能分类\n科目编码", "科目名称", "", "", ""),
		row("201", "一般公共服务支出", "#410.37", "#339.87", "#70.50"),
		row("20103", "政府办公厅（室）及相关机构事务", "#410.37", "#339.87", "#70.50"),
		row("2010301", "行政运行", "#339.87", "#339.87"),
		row("2010302", "一般行政管理事务", "#70.50", "", "#70.50"),
		row("合计", "", "#410.37", "#339.87", "#70.50"),
	)
	s.Merges = []sheet.Range{{Top: 2, Left: 0, Bottom: 2, Right: 1}, {Top: 2, Left: 2, Bottom: 3, Right: 2},
		{Top: 2, Left: 3, Bottom: 3, Right: 3}, {Top: 2, Left: 4, Bottom: 3, Right: 4}}
	for _, e := range extra {
		r, c, v := e[0].(int), e[1].(int), e[2].(string)
		for len(s.Rows[r]) <= c {
			s.Rows[r] = append(s.Rows[r], sheet.Cell{})
		}
		s.Rows[r][c] = grid("", row(v)).Rows[0][0]
	}
	return s
}

// TestMapUnplaced checks that the figures Map cannot place and the sheets
// it does not recognise are listed, with their whole text, and that a
// sheet continues a table only on evidence.
func TestMapUnplaced(t *testing.T) {
	const title = "表六 一般公共预算财政拨款支出决算表"
	for _, c := range []struct {
		name   string
		sheets []*sheet.Sheet
		want   []string // sheet!cell text (reason)
		tables map[string][]string
	}{
		{
			name:   "clean",
			sheets: []*sheet.Sheet{generalBudget("表六", title)},
			tables: map[string][]string{"generalBudget": {"表六"}},
		},
		{
			name: "figure on the cover",
			sheets: []*sheet.Sheet{grid("封面", row("XX局2020年度部门决算"), row("单位名称：", "XX局"), row("决算年度：", "#2020"),
				row(), row(), row(), row(), row(), row("", "", "", "#12.5")), generalBudget("表六", title)},
			want:   []string{"封面!D9 12.5 (figure on the cover)"},
			tables: map[string][]string{"generalBudget": {"表六"}},
		},
		{
			name:   "sheet without a title",
			sheets: []*sheet.Sheet{generalBudget("表六", title), grid("Sheet3", row("其他"), row("说明文字", "#7"))},
			want:   []string{"Sheet3! Sheet3 (sheet not recognised)"},
			tables: map[string][]string{"generalBudget": {"表六"}},
		},
		{
			name:   "stray figure in the header rows",
			sheets: []*sheet.Sheet{generalBudget("表六", title, [3]any{2, 12, "#12.5"})},
			want:   []string{"表六!M3 12.5 (figure beside the title or the header)"},
			tables: map[string][]string{"generalBudget": {"表六"}},
		},
		{
			name:   "stray figure beside the title",
			sheets: []*sheet.Sheet{generalBudget("表六", title, [3]any{0, 6, "#3"})},
			want:   []string{"表六!G1 3 (figure beside the title or the header)"},
			tables: map[string][]string{"generalBudget": {"表六"}},
		},
		{
			name:   "stray figure beside a row",
			sheets: []*sheet.Sheet{generalBudget("表六", title, [3]any{6, 7, "#12.34"})},
			want:   []string{"表六!H7 12.34 (figure outside the table's columns)"},
			tables: map[string][]string{"generalBudget": {"表六"}},
		},
		{
			name: "continued without a header",
			sheets: []*sheet.Sheet{generalBudget("表六", title),
				grid("Sheet2", row("205", "教育支出", "#1", "#1"), row("20501", "教育管理事务", "#1", "#1"))},
			tables: map[string][]string{"generalBudget": {"表六", "Sheet2"}},
		},
		{
			name: "continued with the header",
			sheets: []*sheet.Sheet{generalBudget("表六", title),
				grid("Sheet2", row("功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"), row("205", "教育支出", "#1", "#1"))},
			tables: map[string][]string{"generalBudget": {"表六", "Sheet2"}},
		},
		{
			name: "another header is no continuation",
			sheets: []*sheet.Sheet{generalBudget("表六", title),
				grid("Sheet2", row("科目名称", "预算数", "决算数"), row("教育支出", "#1", "#1"))},
			want:   []string{"Sheet2! Sheet2 (sheet not recognised)"},
			tables: map[string][]string{"generalBudget": {"表六"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			wb := &sheet.Workbook{File: "t.xlsx", Sheets: c.sheets}
			_, rep, err := Map(wb, Spec{Tables: testTables})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range rep.Unplaced {
				if u.Location.File != "t.xlsx" {
					t.Errorf("unplaced %+v: file %q", u, u.Location.File)
				}
				got = append(got, u.Location.Sheet+"!"+u.Location.Cell+" "+u.Text+" ("+u.Reason+")")
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("unplaced (-want +got):\n%s", diff)
			}
			tables := map[string][]string{}
			for _, tr := range rep.Tables {
				tables[tr.Key] = tr.Sheets
			}
			if diff := cmp.Diff(c.tables, tables); diff != "" {
				t.Errorf("tables (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTitlesScore(t *testing.T) {
	for _, c := range []struct {
		name   string
		sheets []*sheet.Sheet
		want   int
	}{
		{"title row", []*sheet.Sheet{generalBudget("Sheet1", "表六 一般公共预算财政拨款支出决算表")}, 1},
		{"sheet name", []*sheet.Sheet{grid("F01 一般公共预算财政拨款“三公”经费支出决算表")}, 1},
		{"two tables", []*sheet.Sheet{generalBudget("Sheet1", "表六 一般公共预算财政拨款支出决算表"), grid("表十 一般公共预算财政拨款“三公”经费支出决算表")}, 2},
		{"a title deep in a sheet", []*sheet.Sheet{grid("Sheet1", row(), row(), row(), row(), row(), row(), row(), row(), row(), row(), row(), row("表十 一般公共预算财政拨款“三公”经费支出决算表"))}, 1},
		{"no title", []*sheet.Sheet{grid("Sheet1", row("收入"), row("一般公共预算财政拨款支出", "#1", "#2"))}, 0},
	} {
		if got := TitlesOf(&sheet.Workbook{Sheets: c.sheets}).Score(testTables); got != c.want {
			t.Errorf("%s: Score = %d, want %d", c.name, got, c.want)
		}
	}
}
