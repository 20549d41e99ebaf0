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
