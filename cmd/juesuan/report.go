package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/internal/par"
)

func init() {
	register("report", "the 检查表 report of a batch (HTML or xlsx): a summary row and a section per department", runReport)
}

const reportUsage = `usage: juesuan report --format html|xlsx [--coverage] [--narrative-dir DIR] [--profile P] [--blank-absent] [--out F] FILE|DIR...

Writes the 检查表 report of the documents: a summary with one row per
document (单位名称, 决算年度, profile, the checklist items 合格 / 不合格 /
未核对, the findings' errors / warnings / infos and, with --coverage, the
checks that could not run), each row linking to the document's part, which
gives its 检查表 (each 公开完整性 item with the reasons of its verdict), every
finding with its location (JSON Pointer; FILE!SHEET!CELL of a workbook's
figure, FILE p.N [x0 y0 x1 y1] of a PDF's; NARRATIVE:LINE:COLUMN of a
narrative's claim) and, with --coverage, the checks of the coverage ledger
that could not run (naming the absent figures) and the rules that did not.

--format html writes one self-contained HTML page (a section per document);
--format xlsx one workbook: a 汇总 sheet whose unit cells link to one sheet
per document, named from its unit (made unique, at most 31 characters,
: \ / ? * [ ] replaced by _). The output goes to --out, or to standard
output (not for xlsx on a terminal).

The inputs are those of juesuan validate: JSON documents, workbooks (.xlsx,
.csv, .html, .htm) and PDFs, and directories walked as validate walks them;
- is standard input. Each is read and checked as validate reads and checks
it. Its 情况说明 is DOC.narrative.txt beside DOC (DOC's name without its
extension), or DIR/DOC.narrative.txt with --narrative-dir DIR, when that file
exists; a PDF without one is checked against its own text. Without a
narrative the items only the narrative settles are 未核对. A file that cannot
be read is a summary row with its error, never dropped, and is listed on
stderr.

Exit status: 0 no errors (warnings and infos allowed), 1 at least one finding
of severity error, 2 at least one file unreadable or undecodable, no document
found, a report that cannot be written, or bad usage.
`

// narrativeSuffix is what replaces a document's extension in the name of
// its 情况说明.
const narrativeSuffix = ".narrative.txt"

func runReport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("report", reportUsage, stderr)
	format := fs.String("format", "html", "output format: html or xlsx")
	coverage := fs.Bool("coverage", false, "add the checks that could not run (the coverage ledger) to each document")
	narrDir := fs.String("narrative-dir", "", "the directory holding each document's DOC.narrative.txt (default: beside DOC)")
	profileID := fs.String("profile", "", "check every document against this registered profile instead of the one it names")
	blankAbsent := fs.Bool("blank-absent", false, "read a workbook's blank cells as figures not stated, not as 0")
	out := fs.String("out", "", "the file to write (default: standard output)")
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if *format != "html" && *format != "xlsx" {
		fmt.Fprintf(stderr, "juesuan report: --format %q: want html or xlsx\n", *format)
		return exitInput
	}
	if len(paths) == 0 {
		fs.Usage()
		return exitInput
	}
	if *narrDir != "" {
		if st, err := os.Stat(*narrDir); err != nil || !st.IsDir() {
			if err == nil {
				err = errors.New("not a directory")
			}
			fmt.Fprintf(stderr, "juesuan report: --narrative-dir %s: %s\n", echo(*narrDir), echoErr(err))
			return exitInput
		}
	}
	if *out == "" && *format == "xlsx" && isTerminal(stdout) {
		fmt.Fprintln(stderr, "juesuan report: --format xlsx writes a workbook: name the file with --out")
		return exitInput
	}
	cfg := &batchConfig{blankAbsent: *blankAbsent}
	opts := juesuan.ReportOptions{Format: juesuan.ReportFormat(*format), Coverage: *coverage}
	if *profileID != "" {
		p, err := juesuan.LookupProfile(*profileID)
		if err != nil {
			fmt.Fprintf(stderr, "juesuan report: --profile: %s\n", echoErr(err))
			return exitInput
		}
		cfg.profile, opts.Profile = p, p
	}

	files, skipped := collectFiles(paths)
	for _, e := range skipped {
		fmt.Fprintf(stderr, "juesuan report: skipping %s: %s, not a regular file\n", echo(e.Path), e.Kind())
	}
	if len(files) == 0 {
		names := make([]string, len(paths))
		for i, p := range paths {
			names[i] = echo(p)
		}
		fmt.Fprintf(stderr, "juesuan report: no document found in %s\n", strings.Join(names, " "))
		return exitInput
	}

	bopts := cfg.options(runtime.GOMAXPROCS(0))
	docs := make([]juesuan.ReportDocument, len(files))
	par.Each(len(files), 0, func(i int) {
		in := readReportInput(files[i], *narrDir, bopts)
		docs[i] = juesuan.CheckReport(in, opts)
	})

	unreadable, withErrors := 0, 0
	for _, d := range docs {
		switch {
		case d.Err != nil:
			unreadable++
			fmt.Fprintf(stderr, "juesuan report: %s: input error: %s\n", echo(d.File), echoErr(d.Err))
		case d.Findings.HasErrors():
			withErrors++
		}
	}

	var b bytes.Buffer
	if err := juesuan.WriteReportDocuments(&b, docs, opts); err != nil {
		fmt.Fprintf(stderr, "juesuan report: %s\n", echoErr(err))
		return exitInput
	}
	var err error
	if *out == "" {
		_, err = stdout.Write(b.Bytes())
	} else {
		err = os.WriteFile(*out, b.Bytes(), 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "juesuan report: %s\n", echoErr(err))
		return exitInput
	}
	fmt.Fprintf(stderr, "juesuan report: %d document(s), %d unreadable, %d with errors\n", len(docs), unreadable, withErrors)
	switch {
	case unreadable > 0:
		return exitInput
	case withErrors > 0:
		return exitFinding
	}
	return exitOK
}

// readReportInput reads one input of the batch and its 情况说明 (see
// narrativeOf); a narrative that exists but cannot be read makes the
// input unreadable, naming the narrative.
func readReportInput(x input, narrDir string, opts juesuan.BatchOptions) juesuan.ReportInput {
	if x.err != nil {
		return juesuan.ReportInput{File: x.file, Err: x.err}
	}
	in := juesuan.ReadReportInput(x.file, opts)
	if in.Err != nil {
		return in
	}
	name := narrativeOf(x.file, narrDir)
	if name == "" {
		return in
	}
	text, err := readInput(name, narrative.MaxSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return in
	case err == nil && int64(len(text)) > narrative.MaxSize:
		err = fmt.Errorf("larger than %d bytes", narrative.MaxSize)
	}
	if err != nil {
		if !strings.Contains(err.Error(), name) {
			err = fmt.Errorf("%s: %w", name, err)
		}
		return juesuan.ReportInput{File: x.file, Err: fmt.Errorf("narrative %w", err)}
	}
	in.Narrative, in.NarrativeFile = text, name
	return in
}

// narrativeOf is the name of the 情况说明 of the document file:
// DOC.narrative.txt beside it, or in dir when dir is not ""; "" for
// standard input.
func narrativeOf(file, dir string) string {
	if file == stdinName {
		return ""
	}
	base := strings.TrimSuffix(file, filepath.Ext(file)) + narrativeSuffix
	if dir != "" {
		return filepath.Join(dir, filepath.Base(base))
	}
	return base
}
