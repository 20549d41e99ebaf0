package render

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// SummarySheet is the name of the report workbook's summary sheet.
const SummarySheet = "汇总"

// maxSheetName is Excel's limit on a sheet name, in UTF-16 units.
const maxSheetName = 31

// maxCell is Excel's limit on the characters of a cell.
const maxCell = 32767

// The section titles of a document's sheet: each stands alone in column A,
// and its table's header follows on the next row.
const (
	SectionChecklist = "检查表"
	SectionFindings  = "审核发现"
	SectionSkipped   = "未运行的检查"
	SectionRules     = "未运行的规则"
)

// SheetNames gives each readable document of r its sheet name: its unit
// name (or its file's base name without extension), the characters Excel
// refuses in a sheet name (: \ / ? * [ ]) replaced by "_", a leading or
// trailing apostrophe dropped, cut to 31 UTF-16 units and made unique
// ignoring case (" (2)", " (3)", … within the 31), never SummarySheet. A
// document that could not be read has no sheet ("").
func (r *Report) SheetNames() []string {
	out := make([]string, len(r.Docs))
	used := map[string]bool{strings.ToLower(SummarySheet): true, "history": true}
	for i := range r.Docs {
		d := &r.Docs[i]
		if d.Error != "" {
			continue
		}
		base := d.Unit
		if strings.TrimSpace(base) == "" {
			base = strings.TrimSuffix(filepath.Base(d.File), filepath.Ext(d.File))
		}
		base = sheetSafe(base)
		name := cut(base, maxSheetName)
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := " (" + strconv.Itoa(n) + ")"
			name = strings.TrimRight(cut(base, maxSheetName-len(suffix)), "'") + suffix
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// sheetSafe is s with the characters a sheet name cannot hold replaced
// and its apostrophes at either end dropped; "Sheet" when nothing is left.
func sheetSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`:\/?*[]`, r), r < 0x20, bad(r):
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
	s = strings.Trim(s, "'")
	if s == "" {
		return "Sheet"
	}
	return s
}

// cut is s cut to at most n UTF-16 units, never inside a surrogate pair,
// without trailing space or apostrophe.
func cut(s string, n int) string {
	units := 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if units+w > n {
			return strings.TrimRight(s[:i], " '")
		}
		units += w
	}
	return s
}

// cell is s made fit for a cell: control characters replaced, at most
// maxCell characters (cut with "…").
func cell(s string) string {
	s = clean(s)
	if len(s) <= maxCell { // bytes ≥ characters
		return s
	}
	rs := []rune(s)
	if len(rs) <= maxCell {
		return s
	}
	return string(rs[:maxCell-1]) + "…"
}

// sheetRef is the hyperlink location of cell A1 of sheet name.
func sheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'!A1"
}

// ReportXLSX writes r as one .xlsx workbook: the sheet SummarySheet with
// r's title in A1, SummaryHeader on row 2 and a row per document from row
// 3, whose unit cell (column B) links to the document's sheet; then a sheet
// per readable document (SheetNames): its heading in A1, file and profile
// in A2, a link back in A3, then from row 5 each section — its title
// (SectionChecklist, SectionFindings and, with Coverage, SectionSkipped and
// SectionRules) alone in column A, its header, its rows ("无" when none),
// and a blank row.
func ReportXLSX(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SummarySheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEEEEE"}},
		Border: []excelize.Border{{Type: "bottom", Color: "666666", Style: 1}}})
	if err != nil {
		return err
	}
	link, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	names := r.SheetNames()

	// The summary.
	s := SummarySheet
	if err := f.SetCellStr(s, "A1", cell(r.Title)); err != nil {
		return err
	}
	f.SetCellStyle(s, "A1", "A1", bold)
	h := r.SummaryHeader()
	if err := setRow(f, s, 2, h); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(h), 2)
	f.SetCellStyle(s, "A2", last, header)
	// The number, the year and the counts are numbers.
	numeric := func(c int) bool { return c == 0 || c == 2 || (c > 4 && c < len(h)-1) }
	for i := range r.Docs {
		row := r.SummaryRow(i)
		if err := setRowNum(f, s, i+3, row, numeric); err != nil {
			return err
		}
		if names[i] != "" {
			ref := "B" + strconv.Itoa(i+3)
			if r.Docs[i].Unit == "" {
				f.SetCellStr(s, ref, cell(r.Docs[i].File))
			}
			if err := f.SetCellHyperLink(s, ref, sheetRef(names[i]), "Location"); err != nil {
				return err
			}
			f.SetCellStyle(s, ref, ref, link)
		}
	}
	f.SetColWidth(s, "B", "B", 36)
	f.SetColWidth(s, "E", "E", 40)
	lastCol, _ := excelize.ColumnNumberToName(len(h))
	f.SetColWidth(s, lastCol, lastCol, 60)
	f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})

	// A sheet per document.
	for i := range r.Docs {
		d := &r.Docs[i]
		if names[i] == "" {
			continue
		}
		s := names[i]
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
		f.SetCellStr(s, "A1", cell(d.Heading()))
		f.SetCellStyle(s, "A1", "A1", bold)
		f.SetCellStr(s, "A2", cell("文件："+d.File+"　配置："+d.Profile))
		f.SetCellStr(s, "A3", "返回"+SummarySheet)
		f.SetCellHyperLink(s, "A3", sheetRef(SummarySheet), "Location")
		f.SetCellStyle(s, "A3", "A3", link)
		row := 5
		section := func(title string, h []string, n int, get func(int) []string) error {
			f.SetCellStr(s, "A"+strconv.Itoa(row), title)
			f.SetCellStyle(s, "A"+strconv.Itoa(row), "A"+strconv.Itoa(row), bold)
			row++
			if err := setRow(f, s, row, h); err != nil {
				return err
			}
			last, _ := excelize.CoordinatesToCellName(len(h), row)
			f.SetCellStyle(s, "A"+strconv.Itoa(row), last, header)
			row++
			if n == 0 {
				f.SetCellStr(s, "A"+strconv.Itoa(row), "无")
				row++
			}
			first := row
			for k := range n {
				if err := setRow(f, s, row, get(k)); err != nil {
					return err
				}
				row++
			}
			if n > 0 {
				last, _ := excelize.CoordinatesToCellName(len(h), row-1)
				f.SetCellStyle(s, "A"+strconv.Itoa(first), last, wrap)
			}
			row++
			return nil
		}
		if err := section(SectionChecklist, ChecklistHeader, len(d.Items), func(k int) []string { return d.Items[k].row() }); err != nil {
			return err
		}
		if err := section(SectionFindings, FindingsHeader, len(d.Findings), func(k int) []string { return d.Findings[k].row() }); err != nil {
			return err
		}
		if r.Coverage {
			if err := section(SectionSkipped, SkippedHeader, len(d.Skipped), func(k int) []string { return d.Skipped[k].row() }); err != nil {
				return err
			}
			if err := section(SectionRules, RulesHeader, len(d.Rules), func(k int) []string { return d.Rules[k].row() }); err != nil {
				return err
			}
		}
		f.SetColWidth(s, "A", "A", 10)
		f.SetColWidth(s, "B", "B", 40)
		f.SetColWidth(s, "C", "D", 30)
		f.SetColWidth(s, "E", "E", 60)
		f.SetColWidth(s, "F", "F", 40)
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// setRow writes the texts of row (1-based) of sheet from column A, each as
// a string (never a formula or a number).
func setRow(f *excelize.File, sheet string, row int, texts []string) error {
	return setRowNum(f, sheet, row, texts, nil)
}

// setRowNum is setRow writing the columns (0-based) numeric says as
// numbers when they are whole numbers.
func setRowNum(f *excelize.File, sheet string, row int, texts []string, numeric func(int) bool) error {
	for c, v := range texts {
		if v == "" {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(c+1, row)
		if err != nil {
			return err
		}
		if numeric != nil && numeric(c) {
			if n, err := strconv.Atoi(v); err == nil {
				if err := f.SetCellInt(sheet, ref, int64(n)); err != nil {
					return err
				}
				continue
			}
		}
		if err := f.SetCellStr(sheet, ref, cell(v)); err != nil {
			return err
		}
	}
	return nil
}
