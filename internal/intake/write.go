package intake

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/cnfiscal/juesuan/accounts"
)

var cnNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// Write writes the public tables of ts that rep carries as an .xlsx
// workbook: a 封面 sheet with the unit, then one sheet per table (named
// number、title) with its title row, 单位 line, merged multi-row header,
// the lines and coded rows, and the table's note (说明：…) under it.
func Write(w io.Writer, rep *accounts.Report, ts []Table) error {
	grids, err := Grids(rep, ts)
	if err != nil {
		return err
	}
	return WriteGrids(w, rep, grids)
}

// WriteGrids is Write of grids already laid out (Grids of rep).
func WriteGrids(w io.Writer, rep *accounts.Report, grids []*Grid) error {
	x := excelize.NewFile()
	defer x.Close()
	wr := &writer{x: x}
	if err := wr.styles(); err != nil {
		return err
	}
	if err := x.SetSheetName("Sheet1", "封面"); err != nil {
		return err
	}
	wr.cover(rep)
	for _, g := range grids {
		if err := wr.table(g); err != nil {
			return err
		}
	}
	if wr.err != nil {
		return wr.err
	}
	return x.Write(w)
}

type writer struct {
	x                           *excelize.File
	title, head, text, num, cnt int
	err                         error
}

func (wr *writer) keep(err error) {
	if err != nil && wr.err == nil {
		wr.err = err
	}
}

func (wr *writer) styles() error {
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	numFmt, cntFmt := "#,##0.00", "0"
	var err error
	if wr.title, err = wr.x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}}); err != nil {
		return err
	}
	if wr.head, err = wr.x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
		return err
	}
	if wr.text, err = wr.x.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return err
	}
	if wr.num, err = wr.x.NewStyle(&excelize.Style{Border: border, CustomNumFmt: &numFmt}); err != nil {
		return err
	}
	wr.cnt, err = wr.x.NewStyle(&excelize.Style{Border: border, CustomNumFmt: &cntFmt})
	return err
}

func (wr *writer) cover(rep *accounts.Report) {
	u := rep.Unit
	lines := []string{}
	if u.Name != "" && u.FiscalYear != 0 {
		lines = append(lines, fmt.Sprintf("%s%d年度部门决算", u.Name, u.FiscalYear))
	}
	add := func(k, v string) {
		if v != "" {
			lines = append(lines, k+"："+v)
		}
	}
	add("单位名称", u.Name)
	if u.FiscalYear != 0 {
		add("决算年度", strconv.Itoa(u.FiscalYear))
	}
	add("单位代码", u.Code)
	add("财政区划", u.Jurisdiction)
	add("预算级次", u.Level)
	for i, l := range lines {
		wr.keep(wr.x.SetCellStr("封面", cell(i, 0), l))
	}
	wr.keep(wr.x.SetColWidth("封面", "A", "A", 60))
}

func cell(r, c int) string { return nameRC(r, c) }

func nameRC(r, c int) string {
	n, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return n
}

// sheetName is the form's sheet, or 一、收入支出决算总表, cut to Excel's 31 characters and
// without the characters Excel forbids.
// sheetChars replaces the characters a sheet name may not hold.
var sheetChars = strings.NewReplacer(":", "：", "\\", "", "/", "", "?", "", "*", "", "[", "（", "]", "）")

func sheetName(f *form) string {
	n := f.title
	switch {
	case f.sheet != "":
		n = f.sheet
	case f.number != "":
		n = f.number + "、" + n
	}
	n = sheetChars.Replace(n)
	if r := []rune(n); len(r) > 31 {
		n = string(r[:31])
	}
	return n
}

// labelCols is the number of label columns a side prints.
func labelCols(sd *side) int {
	if sd.rows != nil && !classOnly(sd.rows.part) {
		return 2
	}
	return 1
}

// table writes grid g as a sheet.
func (wr *writer) table(g *Grid) error {
	name := g.Sheet
	if _, err := wr.x.NewSheet(name); err != nil {
		return err
	}
	x := wr.x
	for _, p := range g.strs {
		wr.keep(x.SetCellStr(name, cell(p.r, p.c), g.Cells[p.r][p.c].Text))
	}
	for r, row := range g.Cells {
		for c, cl := range row {
			if (cl.Kind == FigureCell || cl.Kind == CountCell) && cl.Text != "" {
				wr.keep(x.SetCellDefault(name, cell(r, c), cl.Text))
			}
		}
	}
	for _, m := range g.Merges {
		wr.keep(x.MergeCell(name, cell(m.R0, m.C0), cell(m.R1, m.C1)))
	}
	for r, row := range g.Cells {
		for c := 0; c < len(row); {
			s := wr.style(row[c].Kind)
			e := c
			for e+1 < len(row) && wr.style(row[e+1].Kind) == s {
				e++
			}
			if s != 0 {
				wr.keep(x.SetCellStyle(name, cell(r, c), cell(r, e), s))
			}
			c = e + 1
		}
	}
	for _, w := range g.Widths {
		wr.keep(x.SetColWidth(name, colName(w.From), colName(w.To), w.Width))
	}
	land, one, zero, yes := "landscape", 1, 0, true
	wr.keep(x.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &land, FitToWidth: &one, FitToHeight: &zero}))
	wr.keep(x.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}))
	return nil
}

// style is the workbook style of a kind of cell (0: none). A count is
// framed as a figure, "#,##0.00", as the workbook has always printed it.
func (wr *writer) style(k CellKind) int {
	switch k {
	case TitleCell:
		return wr.title
	case HeadCell:
		return wr.head
	case LabelCell:
		return wr.text
	case FigureCell, CountCell:
		return wr.num
	}
	return 0
}

func colName(c int) string { n, _ := excelize.ColumnNumberToName(c + 1); return n }

func samePrefix(a, b []string, lv int) bool {
	for i := 0; i <= lv; i++ {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			return false
		}
	}
	return true
}
