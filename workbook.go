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
	if d == nil {
		return nil, ErrNilDocument
	}
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return nil, err
	}
	grids, err := intake.Grids(&d.Report, intakeTables(p, opts.JiuqiNames))
	if err != nil {
		return nil, err
	}
	return cellsOf(grids)
}

// WriteWorkbookCells is WriteWorkbook that also returns WorkbookCells of
// the workbook written, from the one layout (half the work of calling
// both).
func WriteWorkbookCells(w io.Writer, d *Document, opts WorkbookOptions) (map[string]sheet.Location, error) {
	if d == nil {
		return nil, ErrNilDocument
	}
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return nil, err
	}
	grids, err := intake.Grids(&d.Report, intakeTables(p, opts.JiuqiNames))
	if err != nil {
		return nil, err
	}
	if err := intake.WriteGrids(w, &d.Report, grids); err != nil {
		return nil, err
	}
	return cellsOf(grids)
}

// cellsOf maps the figures and notes of grids to their cells.
func cellsOf(grids []*intake.Grid) (map[string]sheet.Location, error) {
	out := map[string]sheet.Location{}
	for _, g := range grids {
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
				name, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					return nil, err
				}
				out[ptr] = sheet.Location{Sheet: g.Sheet, Cell: name}
			}
		}
	}
	return out, nil
}
