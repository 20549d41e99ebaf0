package narrative

import "github.com/cnfiscal/juesuan/audit"

// TestPatterns returns the patterns the internal tests lint with; the
// external test package sets it (profiles_test.go) to those of a built-in
// profile, which this package cannot import.
var TestPatterns func() *Patterns

// Lint checks text against facts with the TestPatterns patterns: the
// package-level entry point the internal tests use.
func Lint(text []byte, facts *Facts) (audit.Findings, error) {
	l, err := New(TestPatterns())
	if err != nil {
		return nil, err
	}
	return l.Lint(text, facts)
}
