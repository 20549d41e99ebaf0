package render

import "testing"

func TestFigure(t *testing.T) {
	for _, tc := range []struct {
		in    string
		count bool
		want  string
	}{
		{"", false, ""}, // absent is blank, never 0
		{"0", false, "0.00"},
		{"599.53", false, "599.53"},
		{"70.5", false, "70.50"},
		{"1234.5", false, "1,234.50"},
		{"1234567.125", false, "1,234,567.13"},
		{"-1234.5", false, "-1,234.50"},
		{"123456", true, "123,456"},
		{"4", true, "4"},
	} {
		if got := Figure(tc.in, tc.count); got != tc.want {
			t.Errorf("Figure(%q, %v) = %q, want %q", tc.in, tc.count, got, tc.want)
		}
	}
}

// TestFigureFast checks the fast path against package amount on every
// shape of figure it takes or refuses.
func TestFigureFast(t *testing.T) {
	var in []string
	for _, w := range []string{"0", "00", "7", "07", "599", "1234", "123456", "1234567", "999999999999", "9999999999999", "99999999999999", "999999999999999", "1000000000000000", "-0", "-12", "+5", "1e3", "１２", "1,234", " 5", "5 "} {
		for _, f := range []string{"", ".", ".0", ".5", ".50", ".53", ".535", ".999", ".x", ".00"} {
			in = append(in, w+f)
		}
	}
	for _, s := range in {
		for _, count := range []bool{false, true} {
			if got, want := Figure(s, count), figureSlow(s, count); got != want {
				t.Errorf("Figure(%q, %v) = %q, amount formats %q", s, count, got, want)
			}
		}
	}
}
