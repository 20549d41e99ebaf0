package juesuan

import (
	"io"

	"github.com/cnfiscal/juesuan/internal/intake"
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
