package juesuan

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/cnfiscal/juesuan/internal/intake"
	"github.com/cnfiscal/juesuan/sheet"
)

// WorkbookOptions say how WriteWorkbook writes.
type WorkbookOptions struct {
	// JiuqiNames names the sheet of each table that has a 久其 counterpart
	// (TableSpec.Jiuqi) as the 久其 software's exports do, "Z03
	// 收入决算表(财决03表)", instead of by its public number and title.
	JiuqiNames bool
}

// WriteWorkbook writes the public tables of d's profile that d carries as
// an .xlsx workbook: a 封面 sheet with the unit, then one sheet per table
// named by its number and title (一、收入支出决算总表), with the title row,
// the 单位 line, the merged multi-row header, "#,##0.00" figures exactly as
// the document states them (a figure not stated is blank), column widths
// and landscape, fit-to-width print settings. Import reads it back to the
// same tables (with ImportOptions.BlankAbsent).
func WriteWorkbook(w io.Writer, d *Document, opts WorkbookOptions) error {
	if d == nil {
		return ErrNilDocument
	}
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return err
	}
	return intake.Write(w, &d.Report, intakeTables(p, opts.JiuqiNames))
}

// WorkbookCells returns where WriteWorkbook, with the same opts, prints
// each stated figure of d and each table note, by JSON Pointer below the
// document root (/tables/income/rows/3/fiscal, /tables/govFund/note): the
// sheet and cell, File left empty. It is the writer's own layout, so
// importing that workbook gives the same cells in ImportReport.Sources. A
// figure d does not state is printed blank and not listed.
func WorkbookCells(d *Document, opts WorkbookOptions) (map[string]sheet.Location, error) {
	grids, err := printedGrids(d, opts.JiuqiNames)
	if err != nil {
		return nil, err
	}
	return cellsOf(grids, false)
}

// printedGrids lays out the public tables of d's profile that d carries,
// as the workbook writer and the HTML disclosure print them.
func printedGrids(d *Document, jiuqi bool) ([]*intake.Grid, error) {
	if d == nil {
		return nil, ErrNilDocument
	}
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return nil, err
	}
	return intake.Grids(&d.Report, intakeTables(p, jiuqi))
}

// HTMLCells returns where ImportFile finds each stated figure of d and
// each table note in the page RenderHTML writes, by JSON Pointer as
// WorkbookCells does: the sheet is the table's heading (一、收入支出决算总表,
// as sheet.ReadHTML names a web page's table), the cell counts the table's
// own rows from its header, and a note, printed under its table, has no
// cell. File is left empty.
func HTMLCells(d *Document) (map[string]sheet.Location, error) {
	grids, err := printedGrids(d, false)
	if err != nil {
		return nil, err
	}
	return cellsOf(grids, true)
}

// WriteWorkbookCells is WriteWorkbook that also returns WorkbookCells of
// the workbook written, from the one layout (half the work of calling
// both).
func WriteWorkbookCells(w io.Writer, d *Document, opts WorkbookOptions) (map[string]sheet.Location, error) {
	grids, err := printedGrids(d, opts.JiuqiNames)
	if err != nil {
		return nil, err
	}
	if err := intake.WriteGrids(w, &d.Report, grids); err != nil {
		return nil, err
	}
	return cellsOf(grids, false)
}

// cellsOf maps the figures and notes of grids to their cells.
func cellsOf(grids []*intake.Grid, html bool) (map[string]sheet.Location, error) {
	out := map[string]sheet.Location{}
	for _, g := range grids {
		name, top := g.Sheet, 0
		if html { // render.Table's <h2> names the table, the <table> starts at the header
			name, top = g.Title, g.HeadFirst
			if g.Number != "" {
				name = g.Number + "、" + g.Title
			}
			if r := []rune(name); len(r) > 60 { // sheet.ReadHTML's cut
				name = string(r[:60])
			}
		}
		for r, row := range g.Cells {
			for c, cl := range row {
				ptr := cl.Ptr
				switch {
				case cl.Kind == intake.NoteCell && cl.Text != "":
					ptr = "/tables/" + g.Key + "/note"
				case (cl.Kind == intake.FigureCell || cl.Kind == intake.CountCell) && cl.Text != "" && ptr != "":
				default:
					continue
				}
				if html && cl.Kind == intake.NoteCell {
					out[ptr] = sheet.Location{Sheet: name}
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1-top)
				if err != nil {
					return nil, err
				}
				out[ptr] = sheet.Location{Sheet: name, Cell: cell}
			}
		}
	}
	return out, nil
}
