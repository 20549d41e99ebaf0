package indicators_test

// Importing the built-in profiles registers the Sichuan 2020 framework and
// the Shanghai bands the tests use (see profiles_internal_test.go).
import _ "github.com/cnfiscal/juesuan/profiles"
