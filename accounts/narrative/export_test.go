package narrative

// TestPatterns returns the patterns the internal tests lint with; the
// external test package sets it (profiles_test.go) to those of a built-in
// profile, which this package cannot import.
var TestPatterns func() *Patterns
