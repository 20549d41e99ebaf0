package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

func init() {
	register("rules", "list the audit rules of a profile (ID, severity, kind, title, source)", runRules)
}

const rulesUsage = `usage: juesuan rules [--profile P] [--format text|json]

Prints the rule catalogue a document of profile P (default sichuan-2020) is
checked with, sorted by ID, with the profile's severity changes applied and
its disabled rules left out.

Text output: one line per rule, tab-separated:
  ID  SEVERITY  KIND  TITLE  SOURCE
JSON output: {"profile": P, "rules": [{"id", "severity", "kind", "title",
"description", "source"}, ...]}.

Exit status: 0, or 2 on an unknown profile or bad usage.
`

// rulesOutput is the JSON shape of `juesuan rules --format json`.
type rulesOutput struct {
	Profile string       `json:"profile"`
	Rules   []audit.Rule `json:"rules"`
}

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("rules", rulesUsage, stderr)
	profile := fs.String("profile", sichuan2020.ID, "profile ID (registered: "+strings.Join(juesuan.ProfileIDs(), ", ")+")")
	format := fs.String("format", "text", "output format: text or json")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitInput
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "juesuan rules: unexpected argument %q\n", fs.Arg(0))
		return exitInput
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "juesuan rules: --format %q: want text or json\n", *format)
		return exitInput
	}
	p, err := juesuan.LookupProfile(*profile)
	if err != nil {
		fmt.Fprintf(stderr, "juesuan rules: %s\n", echoErr(err))
		return exitInput
	}
	rules := p.RuleCatalog()
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if rules == nil {
			rules = []audit.Rule{}
		}
		if err := enc.Encode(rulesOutput{Profile: p.ID, Rules: rules}); err != nil {
			fmt.Fprintf(stderr, "juesuan rules: %s\n", echoErr(err))
			return exitInput
		}
		return exitOK
	}
	for _, r := range rules {
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\n", echo(r.ID), r.Severity, echo(string(r.Kind)), echo(r.Title), echo(r.Source))
	}
	return exitOK
}
