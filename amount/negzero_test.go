package amount

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestNegativeZero(t *testing.T) {
	for _, in := range []string{"-0", "-0.0", "-0.00", "-0.000000"} {
		_, err := Parse(in)
		if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "negative zero") {
			t.Errorf("Parse(%q) = %v, want a negative-zero syntax error", in, err)
		}
	}
	for _, in := range []string{"0", "0.00", "-0.01", "-0.000001", "-0.100000", "-10", "-10.00"} {
		if _, err := Parse(in); err != nil {
			t.Errorf("Parse(%q) = %v", in, err)
		}
	}
}

// TestPatternMatchesParse checks that Pattern, which the JSON Schema export
// uses, accepts exactly what Parse accepts.
func TestPatternMatchesParse(t *testing.T) {
	re := regexp.MustCompile(Pattern)
	ins := []string{"", "-", "0", "-0", "00", "01", "1", "-1", ".5", "5.", "+1", "1e5", "0.0", "-0.0",
		"1.1234567", "1,000", " 1", "1 ", "１２", "-0.-1"}
	digits := []string{"0", "1", "9", "10", "100000000000", "999999999999", "1000000000000"}
	fracs := []string{"", ".", ".0", ".5", ".05", ".000001", ".000000", ".100000", ".0000001", ".1234567", ".00000", ".000010"}
	for _, sign := range []string{"", "-", "+"} {
		for _, d := range digits {
			for _, f := range fracs {
				ins = append(ins, sign+d+f)
			}
		}
	}
	for _, in := range ins {
		_, err := Parse(in)
		if re.MatchString(in) != (err == nil) {
			t.Errorf("%q: Pattern match = %v, Parse error = %v", in, re.MatchString(in), err)
		}
	}
}
