package main

import (
	"fmt"
	"io"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/audit"
)

func init() {
	register("lint", "check a 决算 narrative (情况说明) against its document (表文一致)", runLint)
}

const lintUsage = `usage: juesuan lint --document FILE.json [--format text|json] [--profile P] [--prior LAST] [--coverage] NARRATIVE.txt
       juesuan lint [--document FILE.json] [--format text|json] [--profile P] [--prior LAST] [--coverage] FILE.pdf

Checks the narrative, plain UTF-8 text of the 情况说明, against the tables,
prior-year figures and performance section of the document (decoded and
calculated as validate does), with the narrative patterns of the document's
profile (or of P). Rules C1–C27 and G5 (juesuan rules lists them).

--coverage records the coverage ledger of the narrative rules: after the
findings, one line per number whose check could not run (it restates a
figure the document does not state),
  NARRATIVE:LINE:COLUMN: skipped RULE REASON PATH [missing POINTER]
(PATH is "fact:ID" when the document has no place for the figure), then
"NARRATIVE: idle RULE: REASON" for each rule with nothing to check (G5 on
a text that is not a whole disclosure) and "disabled" for one the profile
switches off; the summary gains "coverage: N check(s) ran, M could not
run; …". In JSON the file gains a "coverage" member and the summary a
"coverage" object, as with validate --coverage.

--prior LAST names last year's document (JSON or workbook): the 上年数 the
document leaves out are taken from LAST's tables, so that the narrative's
同比 statements (增减额 and %) are checked against last year's figures.

Text output: one block per finding,
  NARRATIVE:LINE:COLUMN: SEVERITY RULE [PATH] MESSAGE
    quoted sentence
then a summary. Columns count characters (runes), from 1. Control
characters of the texts are escaped (\n, \x1b, \u202e) and long strings
cut ("…(N bytes)"), so that every line is one juesuan wrote.
FILE.json or NARRATIVE.txt (not both) may be - for standard input.

A PDF is read whole: its tables are the document (imported as juesuan
import reads them, unless --document names one) and the text outside them
is the narrative, without page headers, footers and page numbers. Each
finding then names the page and box of its line instead of LINE:COLUMN:
  FILE.pdf p.N [x0 y0 x1 y1]: SEVERITY RULE [PATH] MESSAGE
(points from the page's top-left corner; "source" in the JSON output).
JSON output (--format json) has the shape of validate's, with the narrative
as the one file.

Exit status: 0 no errors (warnings and infos allowed), 1 at least one finding
of severity error, 2 an unreadable or undecodable input, or bad usage.
`

func runLint(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("lint", lintUsage, stderr)
	docPath := fs.String("document", "", "the document (JSON) the narrative belongs to")
	format := fs.String("format", "text", "output format: text or json")
	profileID := fs.String("profile", "", "use this registered profile instead of the one the document names")
	priorFile := fs.String("prior", "", "last year's document: take the prior-year figures the document leaves out from it")
	coverage := fs.Bool("coverage", false, "list the narrative checks that could not run, and the rules that did not, with the reason")

	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "juesuan lint: --format %q: want text or json\n", *format)
		return exitInput
	}
	if len(paths) == 1 && juesuan.IsPDFFile(paths[0]) && paths[0] != stdinName {
		return lintPDF(paths[0], *docPath, *profileID, *priorFile, *format, *coverage, stdout, stderr)
	}
	if *docPath == "" || len(paths) != 1 {
		fs.Usage()
		return exitInput
	}
	file := paths[0]

	if *docPath == stdinName && file == stdinName {
		fmt.Fprintln(stderr, "juesuan lint: the document and the narrative cannot both be standard input (-)")
		return exitInput
	}

	d, err := decodeInput(*docPath)
	if err != nil {
		fmt.Fprintf(stderr, "juesuan lint: %s: %s\n", echo(*docPath), echoErr(err))
		return exitInput
	}
	d.Calculate()
	prof, err := juesuan.LookupProfile(d.Profile)
	if *profileID != "" {
		prof, err = juesuan.LookupProfile(*profileID)
	}
	if err != nil {
		fmt.Fprintf(stderr, "juesuan lint: %s\n", echoErr(err))
		return exitInput
	}
	if *priorFile != "" {
		last, err := readPrior(*priorFile, &batchConfig{})
		if err != nil {
			fmt.Fprintf(stderr, "juesuan lint: --prior: %s\n", echoErr(err))
			return exitInput
		}
		d.MergePrior(last)
	}
	text, err := readInput(file, narrative.MaxSize)
	if err == nil && int64(len(text)) > narrative.MaxSize {
		err = fmt.Errorf("larger than %d bytes", narrative.MaxSize)
	}
	if err != nil {
		fmt.Fprintf(stderr, "juesuan lint: %s: %s\n", echo(file), echoErr(err))
		return exitInput
	}
	found, cov, err := prof.LintWith(d, text, juesuan.LintOptions{Coverage: *coverage})
	if err != nil {
		fmt.Fprintf(stderr, "juesuan lint: %s: %s\n", echo(file), echoErr(err))
		return exitInput
	}

	return writeLint(file, found, cov, *format, stdout)
}

// lintPDF lints the narrative of a PDF against its own tables, or against
// the document at docPath when given, with last year's document at
// priorFile (if any) filling the prior-year figures.
func lintPDF(file, docPath, profileID, priorFile, format string, coverage bool, stdout, stderr io.Writer) int {
	opts := juesuan.ImportOptions{Profile: profileID}
	d, rep, err := juesuan.ImportFile(file, opts)
	if docPath != "" {
		if rep == nil {
			fmt.Fprintf(stderr, "juesuan lint: %s\n", echoErr(err))
			return exitInput
		}
		d, err = decodeInput(docPath)
		if err != nil {
			fmt.Fprintf(stderr, "juesuan lint: %s: %s\n", echo(docPath), echoErr(err))
			return exitInput
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "juesuan lint: %s\n", echoErr(err))
		return exitInput
	}
	d.Calculate()
	prof, err := juesuan.LookupProfile(d.Profile)
	if profileID != "" {
		prof, err = juesuan.LookupProfile(profileID)
	}
	if err != nil {
		fmt.Fprintf(stderr, "juesuan lint: %s\n", echoErr(err))
		return exitInput
	}
	if priorFile != "" {
		last, err := readPrior(priorFile, &batchConfig{})
		if err != nil {
			fmt.Fprintf(stderr, "juesuan lint: --prior: %s\n", echoErr(err))
			return exitInput
		}
		d.MergePrior(last)
	}
	found, cov, err := prof.LintWith(d, rep.Narrative, juesuan.LintOptions{Coverage: coverage})
	if err != nil {
		fmt.Fprintf(stderr, "juesuan lint: %s: %s\n", echo(file), echoErr(err))
		return exitInput
	}
	rep.AnnotateNarrative(found)
	return writeLint(file, found, cov, format, stdout)
}

// writeLint prints the findings of a narrative and, when cov is not nil,
// its coverage ledger, and returns the exit status.
func writeLint(file string, found audit.Findings, cov *juesuan.Coverage, format string, stdout io.Writer) int {
	sum := summer{coverage: cov != nil}
	res := juesuan.FileResult{File: file, Findings: found, Coverage: cov}
	sum.add(res)
	s := sum.summary()
	if format == "json" {
		w := &jsonWriter{w: stdout}
		w.begin()
		w.file(res)
		w.end(s)
	} else {
		for _, f := range found {
			writeLintFinding(stdout, file, f)
		}
		if cov != nil {
			writeCoverage(stdout, echo(file), cov)
		}
		fmt.Fprintf(stdout, "%d error(s), %d warning(s) (%d explained), %d info(s)\n", s.Errors, s.Warnings, s.Explained, s.Infos)
		if c := s.Coverage; c != nil {
			fmt.Fprintf(stdout, "coverage: %d check(s) ran, %d could not run; %d rule(s) idle, %d disabled\n", c.Ran, c.Skipped, c.Idle, c.Disabled)
		}
	}
	if s.Errors > 0 {
		return exitFinding
	}
	return exitOK
}

// writeLintFinding prints one finding as a block: the located message, then
// the quoted sentence; the strings of the document and the narrative are
// cut and escaped (echo).
func writeLintFinding(w io.Writer, file string, f audit.Finding) {
	path := ""
	if f.Path != "" {
		path = " " + echo(f.Path)
	}
	expl := ""
	if f.Explanation != "" {
		expl = "（已说明：" + echo(f.Explanation) + "）"
	}
	if f.Source != "" {
		fmt.Fprintf(w, "%s: %s %s%s %s%s\n", echo(f.Source), f.Severity, echo(f.Rule), path, echoMessage(f.Message), expl)
	} else {
		fmt.Fprintf(w, "%s:%d:%d: %s %s%s %s%s\n", echo(file), f.Line, f.Column, f.Severity, echo(f.Rule), path, echoMessage(f.Message), expl)
	}
	if f.Quote != "" {
		fmt.Fprintf(w, "    %s\n", echo(f.Quote))
	}
}
