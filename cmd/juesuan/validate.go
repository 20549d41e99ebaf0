package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
)

func init() {
	register("validate", "decode, calculate and validate 决算 documents (files or directories)", runValidate)
}

const validateUsage = `usage: juesuan validate [--format text|json] [--profile P] FILE|DIR...

Decodes each document, fills its derivable totals (Calculate) and checks it
against its profile (the document's "profile" field, or P when --profile is
given). Documents are checked in parallel on all cores; the output is in input
order.

A DIR is walked recursively for *.json files, skipping files that are not
documents: fixture expectations (*.expected.json), golden files (golden*.json),
JSON Schemas (*.schema.json), and hidden or node_modules directories. A FILE
named on the command line is always checked.

Text output: one line per finding,
  FILE: SEVERITY RULE PATH: MESSAGE
then a summary. An unreadable or undecodable file prints
  FILE: input error: REASON
JSON output (--format json) is documented in the README ("JSON output").

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
//	          "message": "…",                // Chinese, with the figures
//	          "expected": "664.00",          // "" when the rule has no figure
//	          "actual": "665.00",            // "" when the rule has no figure
//	          "explanation": "…",            // optional: the 出错说明 accepting this warning
//	          "line": 12, "column": 3,       // optional: narrative position
//	          "quote": "…"                   // optional: narrative sentence
//	        }
//	      ]
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
//	    "topRules": [{"rule": "A1", "count": 1}]  // ≤ 5 rules most often broken (errors + warnings), by count then ID
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

// validateFile is the result for one file.
type validateFile struct {
	File     string            `json:"file"`
	Error    string            `json:"error,omitempty"`
	Findings []validateFinding `json:"findings"`
}

// validateFinding is one finding on the wire. It mirrors audit.Finding, but
// is declared here so that the command's interface does not change when the
// library's type gains fields.
type validateFinding struct {
	Rule        string `json:"rule"`
	Severity    string `json:"severity"`
	Path        string `json:"path"`
	Message     string `json:"message"`
	Expected    string `json:"expected"`
	Actual      string `json:"actual"`
	Explanation string `json:"explanation,omitempty"`
	Line        int    `json:"line,omitempty"`
	Column      int    `json:"column,omitempty"`
	Quote       string `json:"quote,omitempty"`
}

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
}

// ruleCount is how often one rule was broken in a batch.
type ruleCount struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

// topRulesShown is how many rules the summary lists.
const topRulesShown = 5

// fileResult is the outcome of checking one file.
type fileResult struct {
	file     string
	err      error // unreadable, undecodable or uncheckable
	findings audit.Findings
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, validateUsage)
		fs.PrintDefaults()
	}
	format := fs.String("format", "text", "output format: text or json")
	profileID := fs.String("profile", "", "check every document against this registered profile instead of the one it names")

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
	var prof *juesuan.Profile
	if *profileID != "" {
		p, err := juesuan.LookupProfile(*profileID)
		if err != nil {
			fmt.Fprintf(stderr, "juesuan validate: --profile: %v\n", err)
			return exitInput
		}
		prof = p
	}

	files := collectFiles(paths)
	if len(files) == 0 {
		fmt.Fprintf(stderr, "juesuan validate: no document found in %s\n", strings.Join(paths, " "))
		return exitInput
	}
	var progress io.Writer
	if isTerminal(stderr) {
		progress = stderr
	}

	var out resultWriter
	if *format == "json" {
		out = &jsonWriter{w: stdout}
	} else {
		out = &textWriter{w: stdout}
	}
	var sum summer
	out.begin()
	emit := func(r fileResult) {
		sum.add(r)
		out.file(r)
	}
	checkFiles(files, prof, runtime.GOMAXPROCS(0), progress, emit)
	s := sum.summary()
	out.end(s)

	switch {
	case s.Unreadable > 0:
		return exitInput
	case s.Errors > 0:
		return exitFinding
	}
	return exitOK
}

// input is one entry of the batch: a file to check, or a path that could
// not be walked.
type input struct {
	file string
	err  error
}

// collectFiles expands paths into the files to check, in input order.
func collectFiles(paths []string) []input {
	var in []input
	for _, p := range paths {
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
			if isDocumentName(de.Name()) {
				in = append(in, input{file: path})
			}
			return nil
		})
		if err != nil { // not reached: the walk function never fails
			in = append(in, input{file: p, err: err})
		}
	}
	return in
}

// skipDir reports whether a directory met while walking is skipped.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules"
}

// isDocumentName reports whether a file met while walking a directory is
// taken as a document: *.json, but not *.expected.json (fixture
// expectations), golden*.json (golden files) or *.schema.json (schemas).
func isDocumentName(name string) bool {
	switch {
	case !strings.HasSuffix(name, ".json"),
		strings.HasSuffix(name, ".expected.json"),
		strings.HasSuffix(name, ".schema.json"),
		strings.HasPrefix(name, "golden"),
		strings.HasPrefix(name, "."):
		return false
	}
	return true
}

// checkFiles checks the inputs with n workers (juesuan.ValidateFiles) and
// calls emit once per input, in input order; inputs that could not be
// walked are emitted as errors in their place. When progress is non-nil a
// progress bar is drawn there between results.
func checkFiles(in []input, prof *juesuan.Profile, n int, progress io.Writer, emit func(fileResult)) {
	var files []string
	for _, x := range in {
		if x.err == nil {
			files = append(files, x.file)
		}
	}
	var bar *progressBar
	if progress != nil && len(in) > 0 {
		bar = &progressBar{w: progress, total: len(in)}
	}
	k := 0 // the next input to emit
	out := func(r fileResult) {
		bar.clear()
		emit(r)
		k++
		bar.step()
	}
	flushErrors := func() {
		for k < len(in) && in[k].err != nil {
			out(fileResult{file: in[k].file, err: in[k].err})
		}
	}
	juesuan.ValidateFiles(files, juesuan.BatchOptions{Workers: n, Profile: prof}, func(r juesuan.FileResult) {
		flushErrors()
		out(fileResult{file: r.File, err: r.Err, findings: r.Findings})
	})
	flushErrors()
	bar.clear()
}

// progressBar is a one-line progress bar on a terminal, redrawn at most ten
// times a second.
type progressBar struct {
	w     io.Writer
	done  int
	total int
	drawn bool
	last  time.Time
}

const progressWidth = 30

// step counts one checked file and redraws the bar when it is due; a nil bar
// does nothing.
func (b *progressBar) step() {
	if b == nil {
		return
	}
	b.done++
	if now := time.Now(); b.done == b.total || now.Sub(b.last) >= 100*time.Millisecond {
		b.last = now
		b.draw()
	}
}

// draw redraws the bar; a nil bar draws nothing.
func (b *progressBar) draw() {
	if b == nil {
		return
	}
	filled := b.done * progressWidth / b.total
	fmt.Fprintf(b.w, "\rvalidating [%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(".", progressWidth-filled), b.done, b.total)
	b.drawn = true
}

// clear blanks the bar's line if it is drawn; a nil bar does nothing.
func (b *progressBar) clear() {
	if b == nil || !b.drawn {
		return
	}
	fmt.Fprintf(b.w, "\r%s\r", strings.Repeat(" ", progressWidth+40))
	b.drawn = false
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// summer accumulates the summary of a batch.
type summer struct {
	s      validateSummary
	broken map[string]int
}

func (m *summer) add(r fileResult) {
	m.s.Files++
	if r.err != nil {
		m.s.Unreadable++
		return
	}
	if r.findings.HasErrors() {
		m.s.FilesWithErrors++
	}
	for _, f := range r.findings {
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

// resultWriter prints a batch's results as they come, in input order.
type resultWriter interface {
	begin()
	file(fileResult)
	end(validateSummary)
}

// textWriter prints one line per finding and a summary.
type textWriter struct{ w io.Writer }

func (t *textWriter) begin() {}

func (t *textWriter) file(r fileResult) {
	if r.err != nil {
		fmt.Fprintf(t.w, "%s: input error: %v\n", r.file, r.err)
		return
	}
	for _, f := range r.findings {
		fmt.Fprintf(t.w, "%s: %s\n", r.file, f)
	}
}

func (t *textWriter) end(s validateSummary) {
	fmt.Fprintf(t.w, "%d file(s), %d unreadable, %d with errors: %d error(s), %d warning(s) (%d explained), %d info(s)\n",
		s.Files, s.Unreadable, s.FilesWithErrors, s.Errors, s.Warnings, s.Explained, s.Infos)
	if len(s.TopRules) > 0 {
		parts := make([]string, len(s.TopRules))
		for i, rc := range s.TopRules {
			parts[i] = fmt.Sprintf("%s ×%d", rc.Rule, rc.Count)
		}
		fmt.Fprintf(t.w, "rules most often broken: %s\n", strings.Join(parts, ", "))
	}
}

// jsonWriter streams the validateReport shape: one file object per line.
type jsonWriter struct {
	w io.Writer
	n int
}

func (j *jsonWriter) begin() { io.WriteString(j.w, "{\"files\":[") }

func (j *jsonWriter) file(r fileResult) {
	vf := validateFile{File: r.file, Findings: make([]validateFinding, 0, len(r.findings))}
	if r.err != nil {
		vf.Error = r.err.Error()
	}
	for _, f := range r.findings {
		vf.Findings = append(vf.Findings, validateFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Path: f.Path, Message: f.Message,
			Expected: f.Expected, Actual: f.Actual, Explanation: f.Explanation,
			Line: f.Line, Column: f.Column, Quote: f.Quote,
		})
	}
	sep := ",\n"
	if j.n == 0 {
		sep = "\n"
	}
	j.n++
	io.WriteString(j.w, sep)
	j.w.Write(marshal(vf))
}

func (j *jsonWriter) end(s validateSummary) {
	io.WriteString(j.w, "\n],\n\"summary\":")
	j.w.Write(marshal(s))
	io.WriteString(j.w, "}\n")
}

// marshal encodes v without HTML escaping (messages are Chinese text with
// quotes and symbols a reader wants to see as they are).
func marshal(v any) []byte {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil { // not reached: plain structs of strings and ints
		panic(err)
	}
	return []byte(strings.TrimSuffix(b.String(), "\n"))
}
