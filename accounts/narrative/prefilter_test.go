package narrative

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
		{`(?:x|y)z`, "z", "yz"},
		{`(?:x|y)[za]`, "xy", "ya"},
		{`^[^。]{0,9}(?:进行|作)评价$`, "评", "对项目作评价"},
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

// TestEndFilter checks that the pre-test of end-anchored patterns never
// skips a text they match: every label pattern and role-word pattern
// against the labels and subjects of the test narratives' claims, their
// tails, and a few hand-made cases.
func TestEndFilter(t *testing.T) {
	l, err := New(TestPatterns())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*.txt")
	files = append(files, "../../testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt")
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := parse(b, l.pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range l.extract(d, 2020, &meter{}, &skipped{left: MaxClaims}) {
			texts = append(texts, c.label, c.subj, strings.TrimSpace(c.label), c.whole)
		}
	}
	texts = append(texts, "", " ", "增长 ", "完成预算的", "2019年度", "本年度", "（含） ", "为\t")
	res := []endFilter{changeEnd, rateEnd, completionEnd, budgetEnd, cmpEnd, trailParen, fillerEnd, genericRe}
	for _, lp := range l.pat.labels {
		res = append(res, lp.re)
	}
	matched := 0
	for _, s := range texts {
		for _, re := range res {
			if re.MatchString(s) {
				matched++
				if !re.mayMatch(s) {
					t.Errorf("pre-test of %q skips %q", re, s)
				}
			}
		}
	}
	if matched == 0 {
		t.Error("no pattern matched")
	}
	for _, tc := range []struct {
		re   string
		skip string // a text the pre-test skips
		keep string // one it keeps
	}{
		{`(?:增加|减少)了?\s*$`, "增加了x", "减少了 "},
		{`^(?:其中)?(?:支出)?$`, "其中支出多余的字其中支出多余的字", ""},
		{`(?:a|b)$`, "c", "xa"},
	} {
		f := newEndFilter(regexp.MustCompile(tc.re))
		if f.mayMatch(tc.skip) {
			t.Errorf("%s: pre-test keeps %q", tc.re, tc.skip)
		}
		if !f.mayMatch(tc.keep) {
			t.Errorf("%s: pre-test skips %q", tc.re, tc.keep)
		}
	}
}

// TestWords checks the words one of which every match holds.
func TestWords(t *testing.T) {
	for _, tc := range []struct {
		re   string
		want []string
	}{
		{`abc`, []string{"abc"}},
		{`ab+c?d`, []string{"a"}},
		{`x[^y]{0,60}无数据`, []string{"无数据"}},
		{`(?:无|没有)三公经费|三公经费支出决算表`, []string{"三公经费", "三公经费支出决算表"}},
		{`甲乙|丙丁戊`, []string{"甲乙", "丙丁戊"}},
		{`甲乙|[丙丁]`, nil},
		{`a*`, nil},
		{`(?i)abc`, nil},
	} {
		got := newFiltered(regexp.MustCompile(tc.re)).lits
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.re, diff)
		}
		for _, w := range tc.want {
			if !newFiltered(regexp.MustCompile(tc.re)).holds("__" + w + "__") {
				t.Errorf("%s: holds(%q) = false", tc.re, w)
			}
		}
	}
}
