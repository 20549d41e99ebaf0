package intake

import (
	"bytes"
	"encoding/json"
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
	b, err := json.Marshal(rep.Tables)
	if err != nil {
		return err
	}
	var tree map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return err
	}
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
	for _, f := range forms(ts) {
		t, ok := tree[f.key].(map[string]any)
		if !ok {
			continue
		}
		if err := wr.table(f, t, string(rep.Unit.AmountUnit)); err != nil {
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
func sheetName(f *form) string {
	n := f.title
	switch {
	case f.sheet != "":
		n = f.sheet
	case f.number != "":
		n = f.number + "、" + n
	}
	n = strings.NewReplacer(":", "：", "\\", "", "/", "", "?", "", "*", "", "[", "（", "]", "）").Replace(n)
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

func (wr *writer) table(f *form, t map[string]any, unit string) error {
	name := sheetName(f)
	if _, err := wr.x.NewSheet(name); err != nil {
		return err
	}
	x := wr.x
	// columns
	depth := 1
	for _, sd := range f.sides {
		for _, c := range sd.cols {
			depth = max(depth, len(c.header))
		}
	}
	top := 0
	if len(f.sides) > 1 {
		top = 1
	}
	width := 0
	starts := make([]int, len(f.sides))
	for i, sd := range f.sides {
		starts[i] = width
		if len(f.sides) > 1 || sd.items[0].label != "" {
			width += labelCols(sd)
		}
		width += len(sd.cols)
	}
	last := cell(0, width-1)
	wr.keep(x.SetCellStr(name, "A1", f.title))
	wr.keep(x.MergeCell(name, "A1", last))
	wr.keep(x.SetCellStyle(name, "A1", last, wr.title))
	wr.keep(x.SetCellStr(name, cell(1, width-1), "单位："+unit))
	h0 := 2
	hEnd := h0 + top + depth - 1 // last header row
	for i, sd := range f.sides {
		c0 := starts[i]
		if top == 1 {
			wr.keep(x.SetCellStr(name, cell(h0, c0), sd.title))
			end := c0 + labelCols(sd) + len(sd.cols) - 1
			if end > c0 {
				wr.keep(x.MergeCell(name, cell(h0, c0), cell(h0, end)))
			}
		}
		r0 := h0 + top
		c := c0
		if len(f.sides) > 1 || sd.items[0].label != "" {
			if labelCols(sd) == 2 {
				if depth > 1 {
					wr.keep(x.SetCellStr(name, cell(r0, c), "项目"))
					wr.keep(x.MergeCell(name, cell(r0, c), cell(r0, c+1)))
					r0++
				}
				wr.keep(x.SetCellStr(name, cell(r0, c), "科目编码"))
				wr.keep(x.SetCellStr(name, cell(r0, c+1), "科目名称"))
				if r0 < hEnd {
					wr.keep(x.MergeCell(name, cell(r0, c), cell(hEnd, c)))
					wr.keep(x.MergeCell(name, cell(r0, c+1), cell(hEnd, c+1)))
				}
				c += 2
			} else {
				wr.keep(x.SetCellStr(name, cell(r0, c), "项目"))
				if r0 < hEnd {
					wr.keep(x.MergeCell(name, cell(r0, c), cell(hEnd, c)))
				}
				c++
			}
		}
		r0 = h0 + top
		for k, col := range sd.cols {
			for lv, h := range col.header {
				// the same header over the columns before: merged
				if k > 0 && lv < len(col.header)-1 && len(sd.cols[k-1].header) > lv+1 && samePrefix(sd.cols[k-1].header, col.header, lv) {
					continue
				}
				wr.keep(x.SetCellStr(name, cell(r0+lv, c+k), h))
				span := k
				for span+1 < len(sd.cols) && lv < len(col.header)-1 && len(sd.cols[span+1].header) > lv+1 && samePrefix(sd.cols[span+1].header, col.header, lv) {
					span++
				}
				bottom := r0 + lv
				if lv == len(col.header)-1 {
					bottom = hEnd
				}
				if span > k || bottom > r0+lv {
					wr.keep(x.MergeCell(name, cell(r0+lv, c+k), cell(bottom, c+span)))
				}
			}
		}
	}
	wr.keep(x.SetCellStyle(name, cell(h0, 0), cell(hEnd, width-1), wr.head))
	// lines and rows
	maxRow := hEnd
	for i, sd := range f.sides {
		r := hEnd + 1
		c0 := starts[i]
		labels := 0
		if len(f.sides) > 1 || sd.items[0].label != "" {
			labels = labelCols(sd)
		}
		sub := 0
		for _, it := range sd.items {
			if it.kind == rowsItem {
				rows, _ := at(t, it.ptr).([]any)
				for k, rv := range rows {
					row, _ := rv.(map[string]any)
					code, _ := row["code"].(string)
					nm, _ := row["name"].(string)
					if labels == 2 {
						wr.keep(x.SetCellStr(name, cell(r, c0), code))
						wr.keep(x.SetCellStr(name, cell(r, c0+1), nm))
					} else {
						if nm == "" {
							nm = code
						}
						wr.keep(x.SetCellStr(name, cell(r, c0), nm))
					}
					for j, col := range sd.cols {
						wr.value(name, r, c0+labels+j, at(t, it.ptr+"/"+strconv.Itoa(k)+"/"+col.name), col.count)
					}
					r++
				}
				continue
			}
			lab := it.label
			if it.sub {
				lab = cnNumbers[sub%len(cnNumbers)] + "、" + lab
				sub++
			} else {
				sub = 0
			}
			if labels > 0 {
				wr.keep(x.SetCellStr(name, cell(r, c0), lab))
				if labels == 2 {
					wr.keep(x.MergeCell(name, cell(r, c0), cell(r, c0+1)))
				}
			}
			for j, col := range sd.cols {
				p := it.ptr
				if !it.figure {
					p += "/" + col.name
				}
				wr.value(name, r, c0+labels+j, at(t, p), col.count || it.count)
			}
			r++
		}
		maxRow = max(maxRow, r-1)
		for j := range sd.cols {
			wr.keep(x.SetCellStyle(name, cell(hEnd+1, c0+labels+j), cell(max(r-1, hEnd+1), c0+labels+j), wr.num))
		}
		if labels > 0 {
			wr.keep(x.SetCellStyle(name, cell(hEnd+1, c0), cell(max(r-1, hEnd+1), c0+labels-1), wr.text))
		}
	}
	if n, ok := t["note"].(string); ok && n != "" {
		wr.keep(x.SetCellStr(name, cell(maxRow+1, 0), "说明："+n))
	}
	for i, sd := range f.sides {
		c := starts[i]
		if len(f.sides) > 1 || sd.items[0].label != "" {
			if labelCols(sd) == 2 {
				wr.keep(x.SetColWidth(name, colName(c), colName(c), 12))
				c++
			}
			wr.keep(x.SetColWidth(name, colName(c), colName(c), 32))
			c++
		}
		wr.keep(x.SetColWidth(name, colName(c), colName(c+len(sd.cols)-1), 16))
	}
	land, one, zero, yes := "landscape", 1, 0, true
	wr.keep(x.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &land, FitToWidth: &one, FitToHeight: &zero}))
	wr.keep(x.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}))
	return nil
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

// value writes a figure as a number, exactly as the document states it.
func (wr *writer) value(sheetName string, r, c int, v any, count bool) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case json.Number:
		s = x.String()
	default:
		return
	}
	wr.keep(wr.x.SetCellDefault(sheetName, cell(r, c), s))
	if count {
		wr.keep(wr.x.SetCellStyle(sheetName, cell(r, c), cell(r, c), wr.cnt))
	}
}

// at returns the value at ptr below tree.
func at(tree map[string]any, ptr string) any {
	var cur any = tree
	for k := range strings.SplitSeq(strings.TrimPrefix(ptr, "/"), "/") {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[k]
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n >= len(x) {
				return nil
			}
			cur = x[n]
		default:
			return nil
		}
	}
	return cur
}
