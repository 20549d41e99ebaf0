package juesuan

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/internal/pdftable"
	"github.com/cnfiscal/juesuan/internal/pdftext"
	"github.com/cnfiscal/juesuan/sheet"
)

// Errors of reading a PDF file (matched with errors.Is; the error names the
// file and says more).
var (
	// ErrPDFNoText is a PDF without a text layer: a scan, or pages drawn
	// as images. Its figures cannot be read without OCR.
	ErrPDFNoText = errors.New("juesuan: PDF has no text layer (scanned?)")
	// ErrPDFEncrypted is an encrypted PDF that does not open without a
	// password.
	ErrPDFEncrypted = pdftext.ErrEncrypted
	// ErrPDFMalformed is a file the PDF reader cannot parse.
	ErrPDFMalformed = pdftext.ErrMalformed
	// ErrPDFTooLarge is a PDF past the reader's limits (64 MiB, 2,000
	// pages, 2 million characters, 4 million operators a page).
	ErrPDFTooLarge = pdftext.ErrTooLarge
	// ErrNoTable is a file in which no table of a registered profile is
	// recognised.
	ErrNoTable = errors.New("juesuan: no table of a registered profile recognised")
)

// IsPDFFile reports whether ImportFile and ValidateFile read the file of
// that name as a PDF: its extension is .pdf, in any case.
func IsPDFFile(name string) bool { return strings.EqualFold(fileExt(name), ".pdf") }

func fileExt(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || strings.ContainsAny(name[i:], `/\`) {
		return ""
	}
	return name[i:]
}

// ImportPDF reads a 决算 document from the text layer of a published PDF:
// each page becomes a grid of cells (rows by baseline, columns by the
// header's x-ranges, wrapped cells joined, tables continued across pages),
// which is imported as Import imports a workbook. The report's Sources name
// sheets "p.N"; ImportReport.Where and Annotate give a cell's page and box,
// "FILE p.N [x0 y0 x1 y1]" in points from the page's top-left corner. The
// text outside the tables — the 情况说明 — is ImportReport.Narrative, for
// LintImported.
//
// A PDF without characters gives an error wrapping ErrPDFNoText, an
// encrypted one ErrPDFEncrypted, one in which no table is recognised
// ErrNoTable. A malformed file never panics: the error wraps
// ErrPDFMalformed.
func ImportPDF(data []byte, file string, opts ImportOptions) (d *Document, rep *ImportReport, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, rep, err = nil, nil, fmt.Errorf("%s: %w: %v", file, ErrPDFMalformed, r)
		}
	}()
	doc, err := pdftext.Read(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	if doc.Chars() == 0 {
		images := 0
		for _, p := range doc.Pages {
			images += p.Images
		}
		if images > 0 {
			return nil, nil, fmt.Errorf("%s: %w: %d page(s), %d image(s), no character", file, ErrPDFNoText, len(doc.Pages), images)
		}
		return nil, nil, fmt.Errorf("%s: %w: %d page(s), no character", file, ErrPDFNoText, len(doc.Pages))
	}
	res := pdftable.Read(doc, file)
	d, rep, err = Import(res.Workbook, opts)
	if rep != nil {
		rep.places = res.Places
		rep.Narrative, rep.narrativeAt = narrativeText(res.Text)
		for _, p := range doc.Pages {
			if p.Err != nil {
				rep.Notes = append(rep.Notes, ImportNote{Location: sheet.Location{File: file, Sheet: fmt.Sprintf("p.%d", p.Number)}, Kind: "pdf", Text: p.Err.Error()})
			}
		}
	}
	if err != nil {
		return nil, rep, err
	}
	return d, rep, nil
}

// importPDFFile is ImportFile of a .pdf.
func importPDFFile(path string, opts ImportOptions) (*Document, *ImportReport, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if st.Size() > pdftext.MaxFileSize {
		return nil, nil, fmt.Errorf("%s: %w: %d bytes (limit %d)", path, ErrPDFTooLarge, st.Size(), pdftext.MaxFileSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	d, rep, err := ImportPDF(data, path, opts)
	if err != nil {
		return nil, rep, nameFile(path, err)
	}
	return d, rep, nil
}

// narrativeText joins the lines outside the tables, a blank line between
// paragraphs, and keeps where each piece of a text line was read. A line
// the page wrapped — one that reaches the right margin of the page's text
// without ending a sentence, followed by one that does not start a
// paragraph — goes on with the next: the linter then reads the sentence
// whole ("社会保障和就业支出（类）" / "30.99万元").
func narrativeText(ls []pdftable.Line) ([]byte, [][]linePart) {
	right := map[int]float64{} // page → right edge of its text
	for _, l := range ls {
		right[l.Place.Page] = max(right[l.Place.Page], l.Place.Box.X1)
	}
	var b strings.Builder
	var at [][]linePart
	col := 0 // runes on the current output line
	for i, l := range ls {
		if i > 0 && !l.Para && wrapped(ls[i-1], right) {
			at[len(at)-1] = append(at[len(at)-1], linePart{col + 1, l.Place})
			b.WriteString(l.Text)
			col += utf8.RuneCountInString(l.Text)
			continue
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		if l.Para && i > 0 {
			b.WriteByte('\n')
			at = append(at, nil)
		}
		b.WriteString(l.Text)
		at = append(at, []linePart{{1, l.Place}})
		col = utf8.RuneCountInString(l.Text)
	}
	if len(ls) > 0 {
		b.WriteByte('\n')
	}
	return []byte(b.String()), at
}

// linePart is where the text of a narrative line from column col on was
// read.
type linePart struct {
	col   int
	place pdftable.Place
}

// wrapped reports whether the page wrapped line l: it reaches within a
// character or so of the right edge of its page's text and does not end a
// sentence.
func wrapped(l pdftable.Line, right map[int]float64) bool {
	t := strings.TrimSpace(l.Text)
	if t == "" {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(t); strings.ContainsRune("。！？!?；;：:", r) {
		return false
	}
	bx := l.Place.Box
	return bx.X1 >= right[l.Place.Page]-1.5*(bx.Y1-bx.Y0)
}

// Where returns where the cell at l was read: "FILE p.N [x0 y0 x1 y1]"
// for a PDF, l.String() (FILE!SHEET!CELL) for a workbook.
func (r *ImportReport) Where(l sheet.Location) string {
	if r != nil {
		if p, ok := r.places[l]; ok {
			return l.File + " " + p.String()
		}
	}
	return l.String()
}

// LintImported checks the narrative of an imported PDF (rep.Narrative)
// against d, as Lint does, and sets each finding's Source to the page and
// box of its line ("FILE p.N [x0 y0 x1 y1]"). Line and Column are those of
// rep.Narrative; Quote is the sentence.
func LintImported(d *Document, rep *ImportReport) (audit.Findings, error) {
	fs, err := Lint(d, rep.Narrative)
	if err != nil {
		return nil, err
	}
	rep.AnnotateNarrative(fs)
	return fs, nil
}

// AnnotateNarrative sets the Source of narrative findings (those with a
// Line) to the page and box of that line of r.Narrative: of the printed
// line its Column falls in, for a line the page wrapped.
func (r *ImportReport) AnnotateNarrative(fs audit.Findings) {
	if r == nil {
		return
	}
	for i := range fs {
		l := fs[i].Line - 1
		if l < 0 || l >= len(r.narrativeAt) {
			continue
		}
		// The piece of the line the finding's column falls in.
		for _, p := range slices.Backward(r.narrativeAt[l]) {
			if p.col <= max(fs[i].Column, 1) {
				fs[i].Source = r.file + " " + p.place.String()
				break
			}
		}
	}
}
