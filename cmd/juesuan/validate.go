package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/cmd/internal/report"
)

func init() {
	register("validate", "decode, calculate and validate 决算 documents (files or directories)", runValidate)
}

const validateUsage = `usage: juesuan validate [--format text|json] [--profile P] [--blank-absent] [--coverage] [--prior LAST] FILE|DIR...

Decodes each document, fills its derivable totals (Calculate) and checks it
against its profile (the document's "profile" field, or P when --profile is
given). Documents are checked in parallel on all cores; the output is in input
order.

A workbook file (.xlsx, .csv, .html or .htm) is imported as juesuan import
does, with the profile P or else the one its tables fit, and then checked the
same way; each finding names the cell its figure was read from. A blank cell
of a printed table is read as 0, or as a figure not stated with
--blank-absent (as a workbook written by juesuan export prints one). The cells
holding figures that could not be placed are counted on stderr (juesuan
import FILE lists them). An .xls (Excel 97-2003) workbook is an input error:
save it as .xlsx.

A DIR is walked recursively for *.json, *.xlsx, *.csv, *.html and *.htm
files, skipping files that are not documents: fixture expectations
(*.expected.json) and package manifests (manifest.json), golden files
(golden*.json), JSON Schemas (*.schema.json),
Office lock files (~$*), hidden files, and hidden or node_modules directories.
A FILE named on the command line is always checked; - is standard input. A walk
reads regular files only: a named pipe, device or socket named *.json is
skipped and listed on stderr. A special file named on the command line is
read without ever blocking the batch: a named pipe waits at most 10 seconds
for a writer and then for each piece of data, and is otherwise an input
error. Every input is read up to the decoder's size limit (16 MiB).

When stderr is a terminal, a progress bar is drawn there while the batch
runs; with stdout on the same terminal it stays on the bottom row while
the results scroll above it.

Text output: one line per finding,
  FILE: SEVERITY RULE PATH: MESSAGE
(PATH [FILE!SHEET!CELL] for a workbook's figure), then a summary. An unreadable or undecodable file prints
  FILE: input error: REASON
Control characters of the document's strings (file names, paths, messages)
are escaped (\n, \x1b, \u202e) and long strings cut ("…(N bytes)"), so
that every line is one juesuan wrote.
JSON output (--format json) is documented in the README ("JSON output").

--coverage records the coverage ledger of each file (the table rules and
the indicator rules P0–P11; lint --coverage gives the narrative's): after
its findings,
  FILE: skipped RULE REASON PATH [missing POINTER, …]
for each check that could not run (REASON absent: a figure it needs is not
stated; excerpt: the table is marked as an excerpt; unreadable: an
indicator value it cannot read as the number it compares), grouped by rule
and reason, and
  FILE: idle RULE: REASON   or   FILE: disabled RULE: REASON
for each rule that found nothing to check or is switched off; the summary
gains a line "coverage: N check(s) ran, M could not run". In JSON each file
gains a "coverage" member and the summary a "coverage" object.

--prior LAST names last year's document (JSON or workbook, calculated like
the others): rules B14 and B15 compare this year's 年初 figures and 上年数
with it. It applies to every document of the batch.

Exit status: 0 no errors (warnings and infos allowed), 1 at least one finding
of severity error, 2 at least one file unreadable or undecodable, no document
found, or bad usage. One bad file never stops the batch.
`

// The JSON output of `juesuan validate --format json` is an interface other
// tools parse. Its shape is stable; fields are only ever added:
//
//	{
//	  "files": [
//	    {
//	      "file": "testdata/x.json",        // the path as walked or given
//	      "error": "decode /unit [...]: …",  // only when the file is unreadable or undecodable
//	      "findings": [                      // always an array, [] when none
//	        {
//	          "rule": "A1",                  // stable rule ID (`juesuan rules`)
//	          "severity": "error",           // "error" | "warning" | "info"
//	          "path": "/tables/summary/income/grandTotal",  // JSON Pointer
//	          "source": "决算.xlsx!'Z01 收入支出决算总表'!D20", // optional: the cell of an imported figure
//	          "message": "…",                // Chinese, with the figures
//	          "expected": "664.00",          // "" when the rule has no figure
//	          "actual": "665.00",            // "" when the rule has no figure
//	          "explanation": "…",            // optional: the 出错说明 accepting this warning
//	          "line": 12, "column": 3,       // optional: narrative position
//	          "quote": "…"                   // optional: narrative sentence
//	        }
//	      ],
//	      "coverage": {"rules": [...]}       // only with --coverage: juesuan.Coverage (README "Coverage ledger")
//	    }
//	  ],
//	  "summary": {
//	    "files": 2,            // files checked, unreadable ones included
//	    "unreadable": 0,       // files with "error"
//	    "filesWithErrors": 1,  // files with at least one error finding
//	    "errors": 1,
//	    "warnings": 1,         // all warnings, explained ones included
//	    "explained": 1,        // warnings accepted by an 出错说明
//	    "infos": 0,
//	    "topRules": [{"rule": "A1", "count": 1}], // ≤ 5 rules most often broken (errors + warnings), by count then ID
//	    "coverage": {"ran": 438, "skipped": 114, "idle": 4, "disabled": 0} // only with --coverage
//	  }
//	}
//
// Files appear in input order: arguments in the order given, each directory's
// files in lexical order.

// validateReport is the JSON output of the validate verb.
type validateReport struct {
	Files   []validateFile  `json:"files"`
	Summary validateSummary `json:"summary"`
}

// validateFile is the result for one file (shared with cmd/juesuan-wasm).
type validateFile = report.File

// validateSummary totals a batch.
type validateSummary struct {
	Files           int         `json:"files"`
	Unreadable      int         `json:"unreadable"`
	FilesWithErrors int         `json:"filesWithErrors"`
	Errors          int         `json:"errors"`
	Warnings        int         `json:"warnings"`
	Explained       int         `json:"explained"`
	Infos           int         `json:"infos"`
	TopRules        []ruleCount `json:"topRules"`
	// Coverage totals the ledgers, only with --coverage.
	Coverage *coverageSummary `json:"coverage,omitempty"`
}

// coverageSummary totals the coverage ledgers of a batch.
type coverageSummary struct {
	Ran      int `json:"ran"`      // checks that ran
	Skipped  int `json:"skipped"`  // checks that could not run
	Idle     int `json:"idle"`     // rules (per file) that found nothing to check
	Disabled int `json:"disabled"` // rules (per file) switched off
}

// unplacedCount is what of one workbook or PDF file was not placed.
type unplacedCount struct {
	file string
	text string // unplacedText
}

// ruleCount is how often one rule was broken in a batch.
type ruleCount struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

// topRulesShown is how many rules the summary lists.
const topRulesShown = 5

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("validate", validateUsage, stderr)
	format := fs.String("format", "text", "output format: text or json")
	profileID := fs.String("profile", "", "check every document against this registered profile instead of the one it names")
	blankAbsent := fs.Bool("blank-absent", false, "read a workbook's blank cells as figures not stated, not as 0")
	coverage := fs.Bool("coverage", false, "list the checks that could not run, and the rules that did not, with the reason")
	priorFile := fs.String("prior", "", "last year's document: compare this year's 年初 figures and 上年数 with it (B14, B15)")

	// Accept flags after the paths too: juesuan validate DIR --format json.
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "juesuan validate: --format %q: want text or json\n", *format)
		return exitInput
	}
	if len(paths) == 0 {
		fs.Usage()
		return exitInput
	}
	prof := &batchConfig{blankAbsent: *blankAbsent}
	prof.validate.Coverage = *coverage
	if *profileID != "" {
		p, err := juesuan.LookupProfile(*profileID)
		if err != nil {
			fmt.Fprintf(stderr, "juesuan validate: --profile: %s\n", echoErr(err))
			return exitInput
		}
		prof.profile = p
	}
	if *priorFile != "" {
		d, err := readPrior(*priorFile, prof)
		if err != nil {
			fmt.Fprintf(stderr, "juesuan validate: --prior: %s\n", echoErr(err))
			return exitInput
		}
		prof.validate.Prior = d
	}

	files, skipped := collectFiles(paths)
	for _, e := range skipped {
		fmt.Fprintf(stderr, "juesuan validate: skipping %s: %s, not a regular file\n", echo(e.Path), e.Kind())
	}
	if len(files) == 0 {
		names := make([]string, len(paths))
		for i, p := range paths {
			names[i] = echo(p)
		}
		fmt.Fprintf(stderr, "juesuan validate: no document found in %s\n", strings.Join(names, " "))
		return exitInput
	}
	var bar *batchBar
	shared := isTerminal(stdout)
	if isTerminal(stderr) {
		bar = newBatchBar(stderr, len(files), shared)
		// On an interrupt, give the terminal back as it was (the scrolling
		// region, the bar's line) before dying of it.
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		defer func() {
			signal.Stop(sig)
			close(sig)
		}()
		go func() {
			if _, ok := <-sig; ok {
				bar.finish()
				os.Exit(130)
			}
		}()
	}
	s, unplaced := validateBatch(files, prof, *format, stdout, bar, shared)
	for _, u := range unplaced {
		fmt.Fprintf(stderr, "juesuan validate: %s: %s (juesuan import %s lists them)\n", echo(u.file), u.text, echo(u.file))
	}

	switch {
	case s.Unreadable > 0:
		return exitInput
	case s.Errors > 0:
		return exitFinding
	}
	return exitOK
}

// validateBatch checks the files and prints the results in input order in
// the format ("text" or "json") to stdout, stepping bar (which may be nil)
// after each; shared tells that stdout is on the bar's screen, so the
// results are written through batchBar.screen, which keeps them from
// erasing the bar. It also returns the workbook files that had cells it
// could not place, in input order.
func validateBatch(files []input, prof *batchConfig, format string, stdout io.Writer, bar *batchBar, shared bool) (validateSummary, []unplacedCount) {
	if shared {
		stdout = bar.screen(stdout)
	}
	// The results are buffered; with a progress bar on screen they are
	// flushed after each file, so that the bar is drawn between whole lines.
	w := bufio.NewWriterSize(stdout, 64<<10)
	defer w.Flush()
	var out resultWriter
	if format == "json" {
		out = &jsonWriter{w: w}
	} else {
		out = &textWriter{w: w}
	}
	sum := summer{coverage: prof != nil && prof.validate.Coverage}
	out.begin()
	checkFiles(files, prof, runtime.GOMAXPROCS(0), bar, func(r juesuan.FileResult) {
		sum.add(r)
		out.file(r)
		if bar != nil {
			w.Flush()
		}
	})
	bar.finish()
	s := sum.summary()
	out.end(s)
	return s, sum.unplaced
}

// input is one entry of the batch: a file to check, or a path that could
// not be walked.
type input struct {
	file string
	err  error
}

// errStdinTwice is the error for a second "-" on the command line.
var errStdinTwice = errors.New("standard input is read only once")

// collectFiles expands paths into the files to check, in input order; "-"
// is standard input. It also returns the document-named files a walk met
// that are not regular files (named pipes, devices, sockets, links to
// them), which are not read.
func collectFiles(paths []string) (in []input, skipped []*juesuan.NotRegularError) {
	stdinSeen := false
	for _, p := range paths {
		if p == stdinName {
			if stdinSeen {
				in = append(in, input{file: p, err: errStdinTwice})
				continue
			}
			stdinSeen = true
			in = append(in, input{file: p})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			in = append(in, input{file: p, err: err})
			continue
		}
		if !st.IsDir() {
			in = append(in, input{file: p})
			continue
		}
		err = filepath.WalkDir(p, func(path string, de fs.DirEntry, err error) error {
			if err != nil {
				in = append(in, input{file: path, err: err})
				if de != nil && de.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if de.IsDir() {
				if path != p && skipDir(de.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			if !isDocumentName(de.Name()) {
				return nil
			}
			mode := de.Type()
			if mode&fs.ModeSymlink != 0 {
				st, err := os.Stat(path)
				if err != nil {
					in = append(in, input{file: path, err: err})
					return nil
				}
				mode = st.Mode()
			}
			if !mode.IsRegular() {
				skipped = append(skipped, &juesuan.NotRegularError{Path: path, Mode: mode})
				return nil
			}
			in = append(in, input{file: path})
			return nil
		})
		if err != nil { // not reached: the walk function never fails
			in = append(in, input{file: p, err: err})
		}
	}
	return in, skipped
}

// skipDir reports whether a directory met while walking is skipped.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules"
}

// isDocumentName reports whether a file met while walking a directory is
// taken as a document: *.json, but not *.expected.json (fixture
// expectations), golden*.json (golden files) or *.schema.json (schemas);
// and workbooks (*.xlsx, *.csv, *.html, *.htm, in any case), but not Office
// lock files (~$*). Hidden files are never taken.
func isDocumentName(name string) bool {
	if isWalkedWorkbook(name) {
		return !strings.HasPrefix(name, "~$") && !strings.HasPrefix(name, ".")
	}
	switch {
	case !strings.HasSuffix(name, ".json"),
		strings.HasSuffix(name, ".expected.json"),
		name == "manifest.json",
		strings.HasSuffix(name, ".schema.json"),
		strings.HasPrefix(name, "golden"),
		strings.HasPrefix(name, "."):
		return false
	}
	return true
}

// isWalkedWorkbook reports whether a name met while walking is a workbook's:
// .xlsx, .csv, .html or .htm. (An .xls is taken only when named, for the
// error that says to save it as .xlsx.)
func isWalkedWorkbook(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".csv", ".html", ".htm", ".pdf":
		return true
	}
	return false
}

// batchConfig is how a batch checks its files: against profile when not
// nil (else the profile each document names or each workbook fits), with
// a workbook's blank cells read as absent when blankAbsent is set. A nil
// *batchConfig is the zero one.
type batchConfig struct {
	profile     *juesuan.Profile
	blankAbsent bool
	validate    juesuan.ValidateOptions // --coverage, --prior
}

// readPrior reads last year's document (a JSON document or a workbook) and
// calculates it with c's profile, or else its own.
func readPrior(file string, c *batchConfig) (*juesuan.Document, error) {
	var d *juesuan.Document
	var err error
	if juesuan.IsWorkbookFile(file) {
		iopts := juesuan.ImportOptions{BlankAbsent: c.blankAbsent}
		if c.profile != nil {
			iopts.Profile = c.profile.ID
		}
		d, _, err = juesuan.ImportFile(file, iopts)
	} else {
		d, err = decodeOptions().DecodeFile(file)
	}
	if err != nil {
		return nil, err
	}
	// Last year's profile may not be registered (a year no profile
	// covers): Document.Calculate then uses the default options.
	if c.profile != nil {
		c.profile.Calculate(d)
	} else {
		d.Calculate()
	}
	return d, nil
}

// options returns the BatchOptions of c with n workers.
func (c *batchConfig) options(n int) juesuan.BatchOptions {
	opts := juesuan.BatchOptions{Workers: n, Decode: decodeOptions(), Stdin: stdin}
	if c != nil {
		opts.Profile = c.profile
		opts.Import.BlankAbsent = c.blankAbsent
		opts.Validate = c.validate
	}
	return opts
}

// checkFiles checks the inputs with n workers (juesuan.ValidateFiles, "-"
// reading stdin) and calls emit once per input, in input order, from the
// calling goroutine; inputs that could not be walked are emitted as errors
// in their place. The bar, when not nil, steps after each result.
func checkFiles(in []input, prof *batchConfig, n int, bar *batchBar, emit func(juesuan.FileResult)) {
	var files []string
	for _, x := range in {
		if x.err == nil {
			files = append(files, x.file)
		}
	}
	next := 0 // the first input not yet emitted
	// flush emits the inputs that could not be walked up to the next file.
	flush := func() {
		for next < len(in) && in[next].err != nil {
			emit(juesuan.FileResult{File: in[next].file, Err: in[next].err})
			bar.step()
			next++
		}
	}
	opts := prof.options(n)
	juesuan.ValidateFiles(files, opts, func(r juesuan.FileResult) {
		flush()
		next++ // in[next] is r's input
		emit(r)
		bar.step()
	})
	flush()
}

// summer accumulates the summary of a batch.
type summer struct {
	s        validateSummary
	broken   map[string]int
	unplaced []unplacedCount // workbooks with cells not placed
	coverage bool            // total the ledgers (--coverage)
	cov      coverageSummary
}

func (m *summer) add(r juesuan.FileResult) {
	m.s.Files++
	if r.Import != nil && len(r.Import.Unplaced) > 0 {
		m.unplaced = append(m.unplaced, unplacedCount{file: r.File, text: unplacedText(r.File, r.Import.Unplaced)})
	}
	if r.Err != nil {
		m.s.Unreadable++
		return
	}
	if r.Coverage != nil {
		ran, skipped := r.Coverage.Totals()
		m.cov.Ran += ran
		m.cov.Skipped += skipped
		for _, rc := range r.Coverage.Rules {
			switch rc.Status {
			case accounts.StatusIdle:
				m.cov.Idle++
			case accounts.StatusDisabled:
				m.cov.Disabled++
			}
		}
	}
	if r.Findings.HasErrors() {
		m.s.FilesWithErrors++
	}
	for _, f := range r.Findings {
		switch f.Severity {
		case audit.Error:
			m.s.Errors++
		case audit.Warning:
			m.s.Warnings++
			if f.Explained() {
				m.s.Explained++
			}
		default:
			m.s.Infos++
		}
		if f.Severity >= audit.Warning {
			if m.broken == nil {
				m.broken = map[string]int{}
			}
			m.broken[f.Rule]++
		}
	}
}

func (m *summer) summary() validateSummary {
	s := m.s
	if m.coverage {
		c := m.cov
		s.Coverage = &c
	}
	s.TopRules = []ruleCount{}
	for id, n := range m.broken {
		s.TopRules = append(s.TopRules, ruleCount{Rule: id, Count: n})
	}
	sort.Slice(s.TopRules, func(i, j int) bool {
		a, b := s.TopRules[i], s.TopRules[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Rule < b.Rule
	})
	if len(s.TopRules) > topRulesShown {
		s.TopRules = s.TopRules[:topRulesShown]
	}
	return s
}

// resultWriter prints a batch's results as they come, in input order. Each
// call leaves the output at the start of a line, so that a progress bar
// drawn on the same screen between two calls never lands in the middle of
// a line.
type resultWriter interface {
	begin()
	file(juesuan.FileResult)
	end(validateSummary)
}

// textWriter prints one line per finding and a summary. Every
// document-supplied string is cut and escaped (echo), so that each line
// printed is one the command wrote.
type textWriter struct{ w io.Writer }

func (t *textWriter) begin() {}

func (t *textWriter) file(r juesuan.FileResult) {
	file := echo(r.File)
	if r.Err != nil {
		fmt.Fprintf(t.w, "%s: input error: %s\n", file, echoErr(r.Err))
		return
	}
	for _, f := range r.Findings {
		fmt.Fprintf(t.w, "%s: %s\n", file, findingText(f))
	}
	if r.Coverage != nil {
		writeCoverage(t.w, file, r.Coverage)
	}
}

// writeCoverage prints the checks of a ledger that could not run, grouped
// by rule (in the order the rules ran) and reason, then the rules that are
// idle or disabled. file is already escaped.
func writeCoverage(w io.Writer, file string, c *juesuan.Coverage) {
	for _, rc := range c.Rules {
		var reasons []string
		for _, sk := range rc.Skipped {
			if !slices.Contains(reasons, sk.Reason) {
				reasons = append(reasons, sk.Reason)
			}
		}
		for _, reason := range reasons {
			for _, sk := range rc.Skipped {
				if sk.Reason != reason {
					continue
				}
				at, path := file, echo(sk.Path)
				if sk.Line > 0 { // a narrative check
					at += ":" + strconv.Itoa(sk.Line) + ":" + strconv.Itoa(sk.Column)
				}
				if sk.Path == "" && sk.Fact != "" {
					path = "fact:" + echo(sk.Fact)
				}
				fmt.Fprintf(w, "%s: skipped %s %s %s%s\n", at, echo(rc.Rule), echo(reason), path, missingText(sk))
			}
		}
	}
	for _, rc := range c.Rules {
		if rc.Status != accounts.StatusRan {
			fmt.Fprintf(w, "%s: %s %s: %s\n", file, rc.Status, echo(rc.Rule), echo(rc.Reason))
		}
	}
}

// missingText lists the absent figures of a skipped check:
// " [missing P, …; last year's P, …; addend N, …]", or "".
func missingText(sk accounts.Skip) string {
	var parts []string
	for _, p := range sk.Missing {
		parts = append(parts, echo(p))
	}
	for _, p := range sk.MissingPrior {
		parts = append(parts, "last year's "+echo(p))
	}
	for _, n := range sk.Addends {
		parts = append(parts, "addend "+strconv.Itoa(n))
	}
	if len(parts) == 0 {
		return ""
	}
	return " [missing " + strings.Join(parts, ", ") + "]"
}

// findingText is f.String() with the strings of the document cut and
// escaped, and the source of an imported figure after the pointer:
// SEVERITY RULE PATH[ [SOURCE]][ LINE:COLUMN]: MESSAGE[（已说明：EXPLANATION）].
func findingText(f audit.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", f.Severity, echo(f.Rule), echo(f.Path))
	if f.Source != "" {
		fmt.Fprintf(&b, " [%s]", echo(f.Source))
	}
	if f.Line > 0 {
		fmt.Fprintf(&b, " %d:%d", f.Line, f.Column)
	}
	b.WriteString(": ")
	b.WriteString(echoMessage(f.Message))
	if f.Explanation != "" {
		b.WriteString("（已说明：")
		b.WriteString(echo(f.Explanation))
		b.WriteString("）")
	}
	return b.String()
}

func (t *textWriter) end(s validateSummary) {
	fmt.Fprintf(t.w, "%d file(s), %d unreadable, %d with errors: %d error(s), %d warning(s) (%d explained), %d info(s)\n",
		s.Files, s.Unreadable, s.FilesWithErrors, s.Errors, s.Warnings, s.Explained, s.Infos)
	if len(s.TopRules) > 0 {
		parts := make([]string, len(s.TopRules))
		for i, rc := range s.TopRules {
			parts[i] = fmt.Sprintf("%s ×%d", echo(rc.Rule), rc.Count)
		}
		fmt.Fprintf(t.w, "rules most often broken: %s\n", strings.Join(parts, ", "))
	}
	if c := s.Coverage; c != nil {
		fmt.Fprintf(t.w, "coverage: %d check(s) ran, %d could not run; %d rule(s) idle, %d disabled\n", c.Ran, c.Skipped, c.Idle, c.Disabled)
	}
}

// jsonWriter streams the validateReport shape, one file object per line.
// It holds back the last object until it knows whether another follows
// (and so whether the object's line ends with a comma), so that every call
// ends a line.
type jsonWriter struct {
	w       io.Writer
	started bool   // the opening `{"files":[` is written
	held    []byte // the last file object, not yet written
}

func (j *jsonWriter) begin() {}

func (j *jsonWriter) file(r juesuan.FileResult) {
	if j.held != nil {
		j.flush(",\n")
	}
	j.held = marshal(report.FileOf(r))
}

// flush writes the opening if not yet written, the held object and then
// tail.
func (j *jsonWriter) flush(tail string) {
	var b []byte
	if !j.started {
		b = append(b, "{\"files\":[\n"...)
		j.started = true
	}
	b = append(b, j.held...)
	b = append(b, tail...)
	j.w.Write(b)
	j.held = nil
}

func (j *jsonWriter) end(s validateSummary) {
	tail := "\n],\n\"summary\":" + string(marshal(s)) + "}\n"
	if j.held == nil { // no file
		io.WriteString(j.w, "{\"files\":["+tail)
		return
	}
	j.flush(tail)
}

// marshal encodes v on one line without HTML escaping (report.Marshal).
func marshal(v any) []byte { return report.Marshal(v) }
