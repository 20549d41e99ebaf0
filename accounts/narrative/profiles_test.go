package narrative_test

import (
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// The patterns of the built-in templates belong to their profiles; the
// tests lint with those of sichuan-2020 (the same set as central-2024's).
func init() { narrative.TestPatterns = sichuan2020.Patterns }

// testLinter is compiled once for the tests.
var testLinter = func() *narrative.Linter {
	l, err := narrative.New(sichuan2020.Patterns())
	if err != nil {
		panic(err)
	}
	return l
}()

// lint checks text against facts with the sichuan-2020 patterns.
func lint(text []byte, facts *narrative.Facts) (audit.Findings, error) {
	return testLinter.Lint(text, facts)
}
