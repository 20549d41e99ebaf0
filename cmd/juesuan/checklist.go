package main

import (
	"encoding/json"
	"fmt"
	"io"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts/narrative"
)

func init() {
	register("checklist", "the 公开完整性 检查表 of a document (and its 情况说明)", runChecklist)
}

const checklistUsage = `usage: juesuan checklist [--narrative NARRATIVE.txt] [--format text|json] [--profile P] [--coverage] [--prior LAST] FILE.json

Prints the 检查表 of the document: each 公开完整性 item of its profile (or of
P) 合格, 不合格 with the findings that fail it, or 未核对 with the reason
(no narrative given, a narrative that is not a whole disclosure, a table
the item needs absent, or, from the coverage ledger, rules that could check
nothing: "G2 未核对：table lists no rows: generalBudgetBasic"). An item some
of whose checks could not run lists them ("A14 有 6 处未能核对（…）") and keeps
the verdict of the checks that ran. The document is decoded and calculated
as validate does; with --narrative its 情况说明 (plain UTF-8) is linted too.

--coverage prints, after the items, the coverage ledger the verdicts were
decided with (the table and indicator rules, then the narrative rules):
each check that could not run and each rule that did not, as validate
--coverage and lint --coverage print them, and a line "coverage: N
check(s) ran, M could not run; …". In JSON the output gains a "coverage"
member (juesuan.Coverage).

--prior LAST names last year's document (JSON or workbook): rules B14 and
B15 then compare this year's 年初 figures and 上年数 with it, as with
validate --prior, and may fail an item.

Exit status: 0 every item 合格 or 未核对, 1 at least one item 不合格, 2 an
unreadable or undecodable input, or bad usage.
`

func runChecklist(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("checklist", checklistUsage, stderr)
	narrPath := fs.String("narrative", "", "the 情况说明 (plain UTF-8 text) of the document")
	format := fs.String("format", "text", "output format: text or json")
	profileID := fs.String("profile", "", "use this registered profile instead of the one the document names")
	coverage := fs.Bool("coverage", false, "print the coverage ledger: the checks that could not run, and the rules that did not, with the reason")
	priorFile := fs.String("prior", "", "last year's document: compare this year's 年初 figures and 上年数 with it (B14, B15)")
	paths, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "juesuan checklist: --format %q: want text or json\n", *format)
		return exitInput
	}
	if len(paths) != 1 {
		fs.Usage()
		return exitInput
	}
	file := paths[0]
	d, err := decodeInput(file)
	if err != nil {
		fmt.Fprintf(stderr, "juesuan checklist: %s: %s\n", echo(file), echoErr(err))
		return exitInput
	}
	d.Calculate()
	id := d.Profile
	if *profileID != "" {
		id = *profileID
	}
	prof, err := juesuan.LookupProfile(id)
	if err != nil {
		fmt.Fprintf(stderr, "juesuan checklist: %s\n", echoErr(err))
		return exitInput
	}
	var text []byte
	if *narrPath != "" {
		if text, err = readInput(*narrPath, narrative.MaxSize); err != nil {
			fmt.Fprintf(stderr, "juesuan checklist: %s: %s\n", echo(*narrPath), echoErr(err))
			return exitInput
		}
	}
	opts := juesuan.ChecklistOptions{Coverage: *coverage}
	if *priorFile != "" {
		if opts.Prior, err = readPrior(*priorFile, &batchConfig{}); err != nil {
			fmt.Fprintf(stderr, "juesuan checklist: --prior: %s\n", echoErr(err))
			return exitInput
		}
	}
	items, _, cov, err := prof.ChecklistWith(d, text, opts)
	if err != nil {
		fmt.Fprintf(stderr, "juesuan checklist: %s\n", echoErr(err))
		return exitInput
	}
	n := map[juesuan.Status]int{}
	for _, it := range items {
		n[it.Status]++
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			File     string                   `json:"file"`
			Profile  string                   `json:"profile"`
			Items    []juesuan.ChecklistEntry `json:"items"`
			Coverage *juesuan.Coverage        `json:"coverage,omitempty"`
		}{file, prof.ID, items, cov}); err != nil {
			fmt.Fprintf(stderr, "juesuan checklist: %s\n", echoErr(err))
			return exitInput
		}
	} else {
		fmt.Fprintf(stdout, "检查表：%s（配置 %s）\n", echo(file), echo(prof.ID))
		for _, it := range items {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", it.ID, it.Status, it.Title)
			for _, r := range it.Reasons {
				fmt.Fprintf(stdout, "\t\t%s\n", echo(r))
			}
		}
		fmt.Fprintf(stdout, "合格 %d 项，不合格 %d 项，未核对 %d 项\n", n[juesuan.Pass], n[juesuan.Fail], n[juesuan.Unchecked])
		if cov != nil {
			writeCoverage(stdout, echo(file), cov)
			sum := summer{coverage: true}
			sum.add(juesuan.FileResult{File: file, Coverage: cov})
			c := sum.summary().Coverage
			fmt.Fprintf(stdout, "coverage: %d check(s) ran, %d could not run; %d rule(s) idle, %d disabled\n", c.Ran, c.Skipped, c.Idle, c.Disabled)
		}
	}
	if n[juesuan.Fail] > 0 {
		return exitFinding
	}
	return exitOK
}
