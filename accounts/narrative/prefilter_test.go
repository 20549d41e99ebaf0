package narrative

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPrefilter checks that the pre-test never skips text a pattern matches:
// every default pattern against every line of the test narratives, and a few
// hand-made cases.
func TestPrefilter(t *testing.T) {
	l, err := New(TestPatterns())
	if err != nil {
		t.Fatal(err)
	}
	var res []filtered
	for _, e := range l.pat.empty {
		res = append(res, e.re)
	}
	res = append(res, l.pat.placeholders...)
	for _, in := range l.pat.instructions {
		res = append(res, in.re)
	}
	for _, y := range l.pat.years {
		res = append(res, y.re)
	}
	files, _ := filepath.Glob("testdata/*.txt")
	files = append(files, "../../testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt")
	var lines []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	matched := 0
	for _, line := range lines {
		set := runesOf(line)
		for _, re := range res {
			if re.MatchString(line) {
				matched++
				if !re.mayMatch(set) {
					t.Errorf("pre-test of %q skips %q", re, line)
				}
			}
		}
	}
	if matched == 0 {
		t.Error("no pattern matched the test narratives")
	}
	for _, tc := range []struct {
		re     string
		need   string // "" when no pre-test is possible
		sample string
	}{
		{`a+b`, "a", "aab"},
		{`(?:x|y)z`, "xy", "yz"},
		{`^[^。]{0,9}(?:进行|作)评价$`, "进作", "对项目作评价"},
		{`.*`, "", ""},
		{`a?b?`, "", ""},
		{`[^a]b`, "b", "cb"},
	} {
		f := newFiltered(regexp.MustCompile(tc.re))
		got := map[rune]bool{}
		for _, r := range f.need {
			got[r] = true
		}
		want := map[rune]bool{}
		for _, r := range tc.need {
			want[r] = true
		}
		if len(got) != len(want) {
			t.Errorf("%s: need %q, want %q", tc.re, string(f.need), tc.need)
			continue
		}
		for r := range want {
			if !got[r] {
				t.Errorf("%s: need %q, want %q", tc.re, string(f.need), tc.need)
			}
		}
		if !f.mayMatch(runesOf(tc.sample)) {
			t.Errorf("%s: pre-test skips %q", tc.re, tc.sample)
		}
	}
}
