package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/cnfiscal/juesuan/classification"
)

func init() {
	register("catalog", "look up 政府收支分类科目 codes and names", runCatalog)
}

const catalogUsage = `usage: juesuan catalog [--year 2020] [--kind functional|econ-dept|econ-gov] [--search TEXT] [CODE...]

Prints one line per code: code<TAB>name<TAB>level<TAB>path.
With --search, prints every code whose name contains TEXT.
With neither codes nor --search, prints the whole edition in code order.
An unknown or malformed code is reported on stderr and the exit status is 1.
The embedded 款/项 lists are incomplete: an unknown 款 or 项 may still be valid.
`

// runCatalog runs the catalog verb.
func runCatalog(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("catalog", catalogUsage, stderr)
	year := fs.Int("year", 2020, "fiscal year of the edition")
	kind := fs.String("kind", "functional", "code family: functional, econ-dept or econ-gov")
	search := fs.String("search", "", "print the codes whose name contains this text")

	// Accept flags after codes too: juesuan catalog 201 --year 2019.
	codes, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}

	fam, err := classification.ParseFamily(*kind)
	if err != nil {
		fmt.Fprintf(stderr, "juesuan catalog: --kind: %s\n", echoErr(err))
		return exitInput
	}
	c, err := classification.Edition(fam, *year)
	if err != nil {
		fmt.Fprintf(stderr, "juesuan catalog: %s\n", echoErr(err))
		return exitInput
	}

	print := func(e classification.Entry) {
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\n", echo(string(e.Code)), echo(e.Name), e.Level, echo(c.Path(e.Code)))
	}
	status := exitOK
	switch {
	case *search != "":
		found := c.Search(*search)
		for _, e := range found {
			print(e)
		}
		if len(found) == 0 {
			fmt.Fprintf(stderr, "juesuan catalog: no %s name in %d contains %q\n", fam, *year, *search)
			status = exitFinding
		}
	case len(codes) == 0:
		c.Walk(func(e classification.Entry) bool { print(e); return true })
	}
	for _, code := range codes {
		if err := c.Check(code); err != nil {
			msg := err.Error()
			if classification.IsWarning(err) {
				msg = "warning: " + msg
			}
			fmt.Fprintf(stderr, "juesuan catalog: %s\n", echoMessage(strings.TrimPrefix(msg, "classification: ")))
			status = exitFinding
			continue
		}
		e, _ := c.Lookup(code)
		print(e)
	}
	return status
}
