package juesuan

import "flag"

// update is the one -update flag of the package's tests: it rewrites the
// golden files (testdata/invalid/golden.json, the lint goldens, schemas/)
// instead of comparing with them.
var update = flag.Bool("update", false, "rewrite golden files instead of comparing with them")

// Updating reports whether -update was given (for the external tests).
func Updating() bool { return *update }
