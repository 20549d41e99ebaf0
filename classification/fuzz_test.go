package classification

import (
	"errors"
	"testing"
)

// FuzzParseCode checks that code parsing never panics, that every accepted
// code has a consistent level and parent, and that Check on an edition
// always answers with one of the documented sentinels.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"201", "20103", "2010301", "30101", "501", "2", "2010", "20103011", "2a1", "", "٢٠١", "99999"} {
		f.Add(s)
	}
	cat, err := Edition(Functional, 2020)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fc, err := ParseFuncCode(s)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("ParseFuncCode(%q): %v does not wrap ErrMalformed", s, err)
			}
		} else {
			if fc.Level().Digits() != len(s) {
				t.Fatalf("%q: level %v has %d digits", s, fc.Level(), fc.Level().Digits())
			}
			if p := fc.Parent(); fc.Level() > Class && (p.Level() != fc.Level()-1 || string(fc)[:len(p)] != string(p)) {
				t.Fatalf("%q: parent %q", s, p)
			}
		}
		if _, err := ParseEconDeptCode(s); err == nil && len(s) == 7 {
			t.Fatalf("econ code %q of 7 digits accepted", s)
		}
		if err := cat.Check(s); err != nil {
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrUnknown) &&
				!errors.Is(err, ErrNotInYear) && !errors.Is(err, ErrWrongLevel) {
				t.Fatalf("Check(%q) = %v: not a documented sentinel", s, err)
			}
		}
	})
}
