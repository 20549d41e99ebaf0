package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	juesuan "github.com/cnfiscal/juesuan"
)

func init() {
	register("import", "read a 决算 document from a workbook (.xlsx, .csv, .html) or a PDF", runImport)
}

const importUsage = `usage: juesuan import [--profile P] [--out F.json] [--blank-absent] FILE

Reads the printed 公开表 of a workbook (.xlsx, .csv, .html or .htm) or of a
PDF with a text layer (.pdf) and
prints the 决算 document they hold as JSON on stdout, or writes it to F.json
with --out. Each table is recognised by its title or sheet name, its columns
by their headers and its rows by code or label, for the profile P or else
the registered profile whose tables the workbook prints. A blank cell of a
printed table is read as 0, or as a figure not stated with --blank-absent
(as a workbook written by juesuan export prints one).

The import report goes to stderr: the profile, each table found with the
sheets it was read from and the unit it was printed in, every cell holding
a figure or header that could not be placed (FILE!SHEET!CELL, its text and
why), and the notes found beside the tables (注, 填报说明, cover and hidden
sheets, what was assumed). The internal 财决 tables, the narrative and the
performance section are not read from a workbook.

An .xls (Excel 97-2003) workbook is not read: open it in Excel or WPS and
save it as .xlsx. A PDF's cells are named by page and box,
FILE p.N [x0 y0 x1 y1] (points from the page's top-left corner); a scanned
PDF (no text layer), an encrypted one or one without a recognised table is
not importable (exit 2, the reason on stderr).

Exit status: 0 imported, 2 not importable (unreadable, no table of a
profile recognised, a cell that must hold a figure does not: the message
names the file, sheet and cell) or bad usage.
`

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", importUsage, stderr)
	profile := fs.String("profile", "", "the registered profile the workbook follows (default: the one its tables fit)")
	out := fs.String("out", "", "write the document to this file instead of stdout")
	blankAbsent := fs.Bool("blank-absent", false, "read blank cells as figures not stated, not as 0")
	args, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(args) != 1 {
		fs.Usage()
		return exitInput
	}
	file := args[0]
	if file == stdinName {
		fmt.Fprintln(stderr, "juesuan import: a workbook is read from a named file, not standard input")
		return exitInput
	}
	if *profile != "" {
		if _, err := juesuan.LookupProfile(*profile); err != nil {
			fmt.Fprintf(stderr, "juesuan import: --profile: %s\n", echoErr(err))
			return exitInput
		}
	}
	d, rep, err := juesuan.ImportFile(file, juesuan.ImportOptions{Profile: *profile, BlankAbsent: *blankAbsent})
	if rep != nil {
		writeImportReport(stderr, file, rep)
	}
	if err != nil {
		fmt.Fprintf(stderr, "juesuan import: %s\n", echoErr(err))
		return exitInput
	}
	var b bytes.Buffer
	if err := juesuan.Encode(&b, d); err != nil {
		fmt.Fprintf(stderr, "juesuan import: %s: %s\n", echo(file), echoErr(err))
		return exitInput
	}
	if *out == "" {
		stdout.Write(b.Bytes())
		return exitOK
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "juesuan import: %s\n", echoErr(err))
		return exitInput
	}
	return exitOK
}

// writeImportReport prints what Import found beside the figures:
//
//	FILE: profile P
//	FILE: table KEY TITLE (UNIT): SHEET, SHEET
//	FILE: unplaced FILE!SHEET!CELL "TEXT": REASON
//	FILE: note KIND FILE!SHEET!CELL: TEXT
//	FILE: N table(s), N cell(s) not placed[, N sheet(s)|page(s) not recognised], N figure(s) printed blank
func writeImportReport(w io.Writer, file string, rep *juesuan.ImportReport) {
	name := echo(file)
	if rep.Profile != "" {
		fmt.Fprintf(w, "%s: profile %s\n", name, echo(rep.Profile))
	}
	for _, t := range rep.Tables {
		sheets := make([]string, len(t.Sheets))
		for i, s := range t.Sheets {
			sheets[i] = echo(s)
		}
		fmt.Fprintf(w, "%s: table %s %s (%s): %s\n", name, echo(t.Key), echo(t.Title), echo(string(t.Unit)), strings.Join(sheets, ", "))
	}
	for _, u := range rep.Unplaced {
		fmt.Fprintf(w, "%s: unplaced %s %q: %s\n", name, echo(rep.Where(u.Location)), clip(u.Text, maxEcho), echoMessage(u.Reason))
	}
	for _, n := range rep.Notes {
		loc := rep.Where(n.Location)
		if n.Location.Sheet == "" {
			loc = n.Location.File
		}
		fmt.Fprintf(w, "%s: note %s %s: %s\n", name, echo(n.Kind), echo(loc), echoMessage(n.Text))
	}
	fmt.Fprintf(w, "%s: %d table(s), %s, %d figure(s) printed blank\n", name, len(rep.Tables), unplacedText(file, rep.Unplaced), len(rep.Blank))
}

// unplacedText counts what of a workbook or PDF could not be placed: "N
// cell(s) not placed", then, when some are, the sheets (a PDF's pages)
// in which no table was recognised, such as a disclosure's chart pages.
func unplacedText(file string, us []juesuan.Unplaced) string {
	cells, sheets := 0, 0
	for _, u := range us {
		if u.Location.Cell == "" {
			sheets++
		} else {
			cells++
		}
	}
	s := strconv.Itoa(cells) + " cell(s) not placed"
	if sheets > 0 {
		what := " sheet(s)"
		if juesuan.IsPDFFile(file) {
			what = " page(s)"
		}
		s += ", " + strconv.Itoa(sheets) + what + " not recognised"
	}
	return s
}
