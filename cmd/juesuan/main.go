// Command juesuan types, calculates and validates 部门决算 documents.
//
// Usage:
//
//	juesuan <verb> [flags] [args]
//
// Run `juesuan help` for the list of verbs.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	_ "github.com/cnfiscal/juesuan/profiles" // the built-in profiles
)

// Exit codes shared by the verbs.
const (
	exitOK      = 0 // no errors
	exitFinding = 1 // findings of severity error, or a lookup that failed
	exitInput   = 2 // unreadable or undecodable input, or bad usage
)

// verb is one sub-command.
type verb struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// verbs is filled by each verb file's init.
var verbs = map[string]verb{}

func register(name, summary string, run func(args []string, stdout, stderr io.Writer) int) {
	verbs[name] = verb{summary: summary, run: run}
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return exitInput
		}
		return exitOK
	}
	v, ok := verbs[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "juesuan: unknown verb %q\n", args[0])
		usage(stderr)
		return exitInput
	}
	return v.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: juesuan <verb> [flags] [args]")
	fmt.Fprintln(w, "verbs:")
	names := make([]string, 0, len(verbs))
	for n := range verbs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, verbs[n].summary)
	}
}

// parseInterspersed parses flags that may stand before, between or after the
// positional arguments (juesuan validate DIR --format json) and returns the
// positional ones. When ok is false the verb returns code: exitOK after
// -h, exitInput after a bad flag (the flag package has printed why).
func parseInterspersed(fs *flag.FlagSet, args []string) (positional []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitInput, false
		}
		if fs.NArg() == 0 {
			return positional, exitOK, true
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
