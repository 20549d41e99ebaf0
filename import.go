package juesuan

import (
	"fmt"
	"strings"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/internal/intake"
	"github.com/cnfiscal/juesuan/internal/pdftable"
	"github.com/cnfiscal/juesuan/sheet"
)

// ImportOptions say how Import reads a workbook.
type ImportOptions struct {
	// Profile is the ID of the profile the workbook follows; "" means the
	// registered profile most of whose table titles the workbook prints.
	Profile string
	// BlankAbsent reads a blank cell as a figure not stated. By default a
	// blank cell of a printed table is 0 (ImportReport.Blank lists them).
	BlankAbsent bool
	// DashBlank reads a cell printed "-" or "—" as blank; by default as 0.
	DashBlank bool
	// Unit is the document's 金额单位; "" means the unit the first table
	// states. Figures printed in another unit are converted exactly.
	Unit amount.Unit
}

// ImportReport is what Import found beside the document's figures.
type ImportReport struct {
	// Profile is the profile used.
	Profile string
	// Sources are the cells the figures were read from, by JSON Pointer
	// (/tables/income/rows/3/fiscal).
	Sources map[string]sheet.Location
	// Blank are the pointers of figures printed blank.
	Blank []string
	// Tables are the tables recognised, in reading order.
	Tables []ImportedTable
	// Unplaced are cells holding figures or headers that Import could not
	// place, and sheets it did not recognise.
	Unplaced []Unplaced
	// Notes are the notes printed with the tables, 填报说明, the cover's
	// lines, hidden sheets and what was assumed (a unit not stated, unit
	// information not found).
	Notes []ImportNote
	// Narrative is the text a PDF prints outside its tables (the 情况说明),
	// one printed line a line, a blank line between paragraphs, without
	// page headers, footers and page numbers; nil for a workbook. See
	// LintImported.
	Narrative []byte

	file        string
	places      map[sheet.Location]pdftable.Place // a PDF's cells
	narrativeAt [][]linePart                      // a PDF's narrative lines
}

// ImportedTable is one table Import recognised.
type ImportedTable struct {
	Key, Title string
	Sheets     []string    // the sheets it was read from
	Unit       amount.Unit // the unit it was printed in
}

// Unplaced is a cell Import could not place, and why.
type Unplaced struct {
	Location sheet.Location
	Text     string
	Reason   string
}

// ImportNote is a text found beside the tables. Kind is note (注：…),
// instructions (填报说明), cover, hidden, sheet, unit or unitInfo.
type ImportNote struct {
	Location sheet.Location
	Table    string
	Kind     string
	Text     string
}

// CellError is the error Import returns for a cell that must hold a figure
// and does not; its Location names the file, sheet and cell.
type CellError = intake.CellError

// Import reads a 决算 document from the printed tables of a workbook: each
// of the profile's public tables is recognised by its title (or sheet
// name), its columns by their headers and its rows by code or label.
// Unit information (name, year) is taken from a 封面 or a title line when
// the workbook states it and is otherwise left empty, with a note.
func Import(wb *sheet.Workbook, opts ImportOptions) (*Document, *ImportReport, error) {
	p, err := importProfile(wb, opts.Profile)
	if err != nil {
		return nil, nil, err
	}
	spec := intake.Spec{Tables: intakeTables(p, true), Unit: opts.Unit, BlankAbsent: opts.BlankAbsent, DashBlank: opts.DashBlank,
		ClassCode: classCodes(p)}
	rep, ir, err := intake.Map(wb, spec)
	out := &ImportReport{Profile: p.ID, file: wb.File}
	if ir != nil {
		out.Sources, out.Blank = ir.Sources, ir.Blank
		for _, t := range ir.Tables {
			out.Tables = append(out.Tables, ImportedTable(t))
		}
		for _, u := range ir.Unplaced {
			out.Unplaced = append(out.Unplaced, Unplaced(u))
		}
		for _, n := range ir.Notes {
			out.Notes = append(out.Notes, ImportNote(n))
		}
	}
	if err != nil {
		return nil, out, err
	}
	d := &Document{Profile: p.ID, Report: *rep}
	if d.Unit.Name == "" {
		out.Notes = append(out.Notes, ImportNote{Location: sheet.Location{File: wb.File}, Kind: "unitInfo", Text: "单位名称 not found: unit.name left empty"})
	}
	if d.Unit.FiscalYear == 0 {
		out.Notes = append(out.Notes, ImportNote{Location: sheet.Location{File: wb.File}, Kind: "unitInfo", Text: "决算年度 not found: unit.fiscalYear left 0"})
	}
	return d, out, nil
}

// ImportFile reads the workbook at path with sheet.Open (.xlsx, .csv,
// .html or .htm, chosen by the extension; a real .xls gives an error
// wrapping sheet.ErrLegacyXLS) and imports it with Import; a .pdf is read
// with ImportPDF. Every error names the file; a *CellError (errors.As) also
// names the sheet and cell.
func ImportFile(path string, opts ImportOptions) (*Document, *ImportReport, error) {
	if IsPDFFile(path) {
		return importPDFFile(path, opts)
	}
	wb, err := sheet.Open(path)
	if err != nil {
		return nil, nil, nameFile(path, err)
	}
	d, rep, err := Import(wb, opts)
	if err != nil {
		return nil, rep, nameFile(path, err)
	}
	return d, rep, nil
}

// nameFile returns err, prefixed with path when its text does not name it.
func nameFile(path string, err error) error {
	if strings.Contains(err.Error(), path) {
		return err
	}
	return fmt.Errorf("%s: %w", path, err)
}

// importProfile returns the profile named, or the one the workbook fits.
func importProfile(wb *sheet.Workbook, id string) (*Profile, error) {
	if id != "" {
		return LookupProfile(id)
	}
	var best *Profile
	score := 0
	titles := intake.TitlesOf(wb)
	for _, id := range ProfileIDs() {
		p, err := LookupProfile(id)
		if err != nil {
			continue
		}
		if n := titles.Score(intakeTables(p, true)); n > score {
			best, score = p, n
		}
	}
	if best == nil {
		return nil, fmt.Errorf("%w in %s; set ImportOptions.Profile", ErrNoTable, wb.File)
	}
	return best, nil
}

// intakeTables gives the importer p's tables; jiuqi sets each table's sheet
// name to its 久其 name (TableSpec.Jiuqi), which Import recognises and
// WriteWorkbook writes with WorkbookOptions.JiuqiNames.
func intakeTables(p *Profile, jiuqi bool) []intake.Table {
	out := make([]intake.Table, 0, len(p.Tables))
	for _, t := range p.Tables {
		if t.Extra() {
			continue
		}
		out = append(out, intake.Table{Key: t.Key, Number: t.Number, Title: t.Title, Internal: t.Internal})
		if jiuqi && t.Jiuqi != "" {
			out[len(out)-1].Sheet = t.Jiuqi
		}
	}
	return out
}

// classCodes looks up a 类 by its name in the profile's editions.
func classCodes(p *Profile) func(classification.Family, string) (string, bool) {
	var eds classification.Editions
	if p.Editions != nil {
		eds = *p.Editions
	} else if p.FiscalYear != 0 {
		eds, _ = classification.EditionsFor(p.FiscalYear)
	}
	names := map[classification.Family]map[string]string{}
	for _, f := range []classification.Family{classification.Functional, classification.EconDept, classification.EconGov} {
		c := eds.For(f)
		if c == nil {
			continue
		}
		m := map[string]string{}
		for e := range c.All() {
			if e.Level == classification.Class {
				m[foldName(e.Name)] = e.Code
			}
		}
		names[f] = m
	}
	return func(f classification.Family, name string) (string, bool) {
		code, ok := names[f][foldName(name)]
		return code, ok
	}
}

func foldName(s string) string {
	return strings.NewReplacer("（", "(", "）", ")", " ", "", "　", "").Replace(s)
}

// Annotate sets the Source of each finding on the imported document: the
// cell of its Path, or of the nearest ancestor of Path that was read, as
// Where writes it (FILE!SHEET!CELL, or FILE p.N [x0 y0 x1 y1] for a PDF).
func (r *ImportReport) Annotate(fs audit.Findings) {
	if r == nil {
		return
	}
	for i := range fs {
		for p := fs[i].Path; p != ""; {
			if l, ok := r.Sources[p]; ok {
				fs[i].Source = r.Where(l)
				break
			}
			k := strings.LastIndexByte(p, '/')
			if k < 0 {
				break
			}
			p = p[:k]
		}
	}
}
