package narrative

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// workOf lints text and returns the work the linter counted.
func workOf(tb testing.TB, text []byte, facts *Facts) int {
	tb.Helper()
	if _, err := Lint(text, facts); err != nil {
		tb.Fatal(err)
	}
	return lastWork
}

// TestLinear checks that doubling each hostile shape at most doubles the
// work (×2.2 for rounding), with and without facts.
func TestLinear(t *testing.T) {
	facts := loadFacts(t)
	const n = 24 << 10
	for _, h := range hostiles {
		t.Run(h.name, func(t *testing.T) {
			for _, fs := range []*Facts{facts, nil} {
				small, large := h.make(n), h.make(2*n)
				a, b := workOf(t, small, fs), workOf(t, large, fs)
				if float64(b) > 2.2*float64(a) {
					t.Errorf("work %d at %d bytes, %d at %d bytes: ×%.2f", a, len(small), b, len(large), float64(b)/float64(a))
				}
				if limit := workPerByte*len(large) + workBase; b > limit {
					t.Errorf("work %d at %d bytes, over the bound %d", b, len(large), limit)
				}
			}
		})
	}
}

// The bound FuzzLintLinear checks: work(text) <= workPerByte*len(text) +
// workBase.
const (
	workPerByte = 200
	workBase    = 1 << 20
)

// FuzzLintLinear checks that the work of Lint is linear in the text.
func FuzzLintLinear(f *testing.F) {
	for _, h := range hostiles {
		f.Add(h.make(1 << 10))
	}
	facts := loadFacts(f)
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, fs := range []*Facts{facts, nil} {
			if _, err := Lint(text, fs); err != nil {
				continue
			}
			if w, limit := lastWork, workPerByte*len(text)+workBase; w > limit {
				t.Fatalf("work %d for %d bytes, over %d", w, len(text), limit)
			}
		}
	})
}

// TestFindingsCap checks that a rule lists MaxFindingsPerRule findings,
// the first ones, and counts the rest in one info finding.
func TestFindingsCap(t *testing.T) {
	const extra = 7
	var b strings.Builder
	for i := 0; i < MaxFindingsPerRule+extra; i++ {
		b.WriteString("某某\n")
	}
	fs, err := Lint([]byte(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Rule, Severity string
		Line           int
		Actual         string
	}
	var got []row
	for _, f := range fs {
		if f.Rule == RuleLeftover {
			got = append(got, row{f.Rule, f.Severity.String(), f.Line, f.Actual})
		}
	}
	var want []row
	for i := 1; i <= MaxFindingsPerRule; i++ {
		want = append(want, row{RuleLeftover, "error", i, "某某"})
	}
	want = append(want, row{RuleLeftover, "info", MaxFindingsPerRule + 1, fmt.Sprint(extra)})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// TestMaxClaims checks that the numbers past MaxClaims are counted in one
// finding.
func TestMaxClaims(t *testing.T) {
	const extra = 3
	text := strings.Repeat("1个，", MaxClaims+extra)
	fs, err := Lint([]byte(text), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		if strings.HasPrefix(f.Message, "数字过多") {
			got = append(got, fmt.Sprintf("%s %s %d:%d %s", f.Rule, f.Severity, f.Line, f.Column, f.Actual))
		}
	}
	want := []string{fmt.Sprintf("C18 info 1:%d %d", 3*MaxClaims+1, extra)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNumbers checks the number scanner against the expression it stands
// for.
func TestNumbers(t *testing.T) {
	re := regexp.MustCompile(`(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?`)
	cases := []string{"", "1", "1,234", "1234,567", "1,2345", "12,345,678.90", "1.", "1.5.6", ",123", "1,23", "0.5%和1,000,000元", "１２3"}
	for _, h := range hostiles {
		cases = append(cases, string(h.make(2<<10)))
	}
	for _, s := range cases {
		var want [][2]int
		for _, m := range re.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if diff := cmp.Diff(want, numbers(s)); diff != "" {
			t.Errorf("numbers(%.40q) (-want +got):\n%s", s, diff)
		}
	}
}

// TestMaxParagraphs checks that reading stops after MaxParagraphs
// paragraphs, and that one finding counts the lines left unread.
func TestMaxParagraphs(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string
	}{
		{
			name: "lines",
			text: strings.Repeat("一般公共预算\n", MaxParagraphs+3),
			want: []string{fmt.Sprintf("C18 info %d:1 3 一般公共预算", MaxParagraphs+1)},
		},
		{
			name: "cells",
			text: strings.Repeat("\t1\t2\n", MaxParagraphs/2+2) + "\n",
			want: []string{fmt.Sprintf("C18 info %d:1 3 1\t2", MaxParagraphs/2+1)}, // two rows and a blank line
		},
		{
			name: "blank lines after",
			text: strings.Repeat("一般公共预算\n", MaxParagraphs) + "\n\n",
			want: nil,
		},
		{
			name: "at the cap",
			text: strings.Repeat("一般公共预算\n", MaxParagraphs),
			want: nil,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs, err := Lint([]byte(tc.text), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				if strings.HasPrefix(f.Message, "文本过长") {
					got = append(got, fmt.Sprintf("%s %s %d:%d %s %s", f.Rule, f.Severity, f.Line, f.Column, f.Actual, f.Quote))
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
