package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

func init() {
	register("fixture", "generate consistent 决算 documents, optionally with injected faults", runFixture)
}

const fixtureUsage = `usage: juesuan fixture --out DIR [--profile P] [--seed S] [--size small|large]
                       [--count K] [--faults N] [--break RULE,RULE] [--unit 万元|元]
                       [--package [--jiuqi] [--pdf] [--narrative-break F,F]]

Writes K documents (default 1) generated deterministically from the seed:
  DIR/<profile>-s<seed>-<index>.json           the document
  DIR/<profile>-s<seed>-<index>.expected.json  what juesuan validate must report
Runs with different seeds never overwrite each other; the same seed and index
always give the same bytes.

Without faults every document validates with zero errors. --break breaks the
listed rules, --faults N breaks N more rules chosen by the seed; the
.expected.json file then lists every finding of severity warning or error
the validator must report (rule, severity, path), in the shape of one entry
of "files" in the JSON output of juesuan validate, plus the broken rules:
  {"file": "...", "faults": ["A1"], "findings": [{"rule": ..., "severity": ...,
   "path": ..., "message": ..., "expected": "", "actual": ""}]}
Messages describe the injected fault, not the validator's wording.
Faults available for a profile: juesuan fixture --list [--profile P].

A large document (--size large) has thousands of 项 rows; the embedded
catalogue has only a few dozen 项, so the generator adds 项 codes the
catalogue lacks, and the expectation lists the K1 warning (incomplete
catalogue) each of them gets.

With --package, each document is written as a disclosure package:
  NAME.json            the document
  NAME.xlsx            its 公开表 as a workbook (juesuan import reads it back)
  NAME.narrative.txt   the 决算说明 (情况说明) written from the figures in the
                       profile's template style; --narrative-break writes the
                       listed faults into it: amount, percent, direction,
                       leftover, year, section (each fires its lint rule once)
  NAME.jiuqi.xlsx      with --jiuqi: the workbook with the 久其 sheet names
  NAME.html            the disclosure (tables and charts), as juesuan render
  NAME.pdf             the disclosure printed by Chromium, when one is installed
                       (--pdf: required, an error without Chromium)
  NAME.expected.json   the expected findings as above, plus per form ("forms":
                       json, workbook, jiuqi, narrative, html, pdf) each
                       finding with the place the form prints it: "source"
                       as juesuan validate FILE reports it (run in DIR,
                       blank cells read as absent), sheet and cell, HTML selector, PDF page
                       and box, narrative line and column (juesuan lint)
  DIR/manifest.json    the documents, their files, and whether PDFs were
                       written (or why not)
A printed form lists the findings on what it prints: the unit and the public
tables (not last year's figures, the performance tables or the internal 财决
tables).

Exit status: 0 written, 2 bad usage, a fault that cannot be injected, or a
package that cannot be written (no Chromium with --pdf, a file not written).
`

// expectedFile is the content of NAME.expected.json.
type expectedFile struct {
	File     string         `json:"file"`
	Faults   []string       `json:"faults"`
	Findings audit.Findings `json:"findings"`
}

func runFixture(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("fixture", fixtureUsage, stderr)
	profile := fs.String("profile", sichuan2020.ID, "registered profile ID")
	seed := fs.Uint64("seed", 1, "random seed")
	size := fs.String("size", "small", "small (an office) or large (a provincial department)")
	count := fs.Int("count", 1, "number of documents")
	faults := fs.Int("faults", 0, "number of random rules to break in each document")
	breakList := fs.String("break", "", "comma-separated rule IDs to break in each document")
	unit := fs.String("unit", "万元", "amount unit: 万元 or 元")
	out := fs.String("out", "", "output directory (created if missing)")
	list := fs.Bool("list", false, "list the faults available for the profile and exit")
	pkg := fs.Bool("package", false, "write disclosure packages: workbook, HTML, PDF and per-form expectations")
	jiuqi := fs.Bool("jiuqi", false, "with --package: also write the 久其 workbook")
	pdf := fs.Bool("pdf", false, "with --package: require the PDF (an error without Chromium)")
	narrBreak := fs.String("narrative-break", "", "with --package: comma-separated narrative faults")
	extra, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(extra) > 0 {
		fmt.Fprintf(stderr, "juesuan fixture: unexpected argument %q\n", extra[0])
		return exitInput
	}
	u := amount.Unit(*unit)
	if !u.Valid() {
		fmt.Fprintf(stderr, "juesuan fixture: --unit %q: want 万元 or 元\n", *unit)
		return exitInput
	}
	if *list {
		ids, err := fixture.ProfileFaults(*profile, u)
		if err != nil {
			fmt.Fprintf(stderr, "juesuan fixture: %s\n", echoErr(err))
			return exitInput
		}
		fmt.Fprintln(stdout, strings.Join(ids, " "))
		return exitOK
	}
	sz, err := fixture.ParseSize(*size)
	if err != nil {
		fmt.Fprintf(stderr, "juesuan fixture: --size: %s\n", echoErr(err))
		return exitInput
	}
	switch {
	case *out == "":
		fmt.Fprintln(stderr, "juesuan fixture: --out DIR is required")
		fs.Usage()
		return exitInput
	case *count < 1:
		fmt.Fprintf(stderr, "juesuan fixture: --count %d: want at least 1\n", *count)
		return exitInput
	case *faults < 0:
		fmt.Fprintf(stderr, "juesuan fixture: --faults %d: want 0 or more\n", *faults)
		return exitInput
	case (*jiuqi || *pdf || *narrBreak != "") && !*pkg:
		fmt.Fprintln(stderr, "juesuan fixture: --jiuqi, --pdf and --narrative-break need --package")
		return exitInput
	}
	var rules []string
	for _, r := range strings.Split(*breakList, ",") {
		if r = strings.TrimSpace(r); r != "" {
			rules = append(rules, r)
		}
	}
	var narrFaults []string
	for _, f := range strings.Split(*narrBreak, ",") {
		if f = strings.TrimSpace(f); f != "" {
			narrFaults = append(narrFaults, f)
		}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "juesuan fixture: %s\n", echoErr(err))
		return exitInput
	}

	base := fixture.Options{Profile: *profile, Seed: *seed, Size: sz, Unit: u, Faults: rules, RandomFaults: *faults,
		NarrativeFaults: narrFaults}
	if *pkg {
		po := fixture.PackageOptions{Options: base, Count: *count, Jiuqi: *jiuqi}
		if *pdf {
			po.PDF = fixture.PDFRequired
		}
		m, err := fixture.WritePackage(*out, po)
		if err != nil {
			fmt.Fprintf(stderr, "juesuan fixture: %s\n", echoErr(err))
			return exitInput
		}
		fmt.Fprintf(stdout, "wrote %d package(s) to %s (PDF: %s)\n", len(m.Documents), echo(*out), m.PDF)
		return exitOK
	}
	width := len(strconv.Itoa(*count - 1))
	errs := make([]error, *count)
	var wg sync.WaitGroup
	n := min(runtime.GOMAXPROCS(0), *count)
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < *count; i += n {
				name := fmt.Sprintf("%s-s%d-%0*d", *profile, *seed, width, i)
				o := base
				o.Stream = uint64(i)
				errs[i] = writeFixture(*out, name, o)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			fmt.Fprintf(stderr, "juesuan fixture: %s\n", echoErr(err))
			return exitInput
		}
	}
	fmt.Fprintf(stdout, "wrote %d document(s) and their expectations to %s\n", *count, echo(*out))
	return exitOK
}

// writeFixture generates one document and writes it and its expectation.
func writeFixture(dir, name string, opts fixture.Options) error {
	d, exp, err := fixture.Generate(opts)
	if err != nil {
		return err
	}
	var doc bytes.Buffer
	if err := juesuan.Encode(&doc, d); err != nil {
		return err
	}
	e := expectedFile{File: name + ".json", Faults: exp.Faults, Findings: audit.Findings{}}
	if e.Faults == nil {
		e.Faults = []string{}
	}
	for _, f := range exp.Findings {
		e.Findings = append(e.Findings, audit.Finding{Rule: f.Rule, Severity: f.Severity, Path: f.Path,
			Message: f.Message, Expected: f.Expected, Actual: f.Actual})
	}
	var ej bytes.Buffer
	enc := json.NewEncoder(&ej)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, name+".json"), doc.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name+".expected.json"), ej.Bytes(), 0o644)
}
