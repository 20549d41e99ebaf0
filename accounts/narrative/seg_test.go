package narrative

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSegmented checks that running a pattern on the runs of its alphabet
// finds what running it on the whole text finds.
func TestSegmented(t *testing.T) {
	l, err := New(TestPatterns())
	if err != nil {
		t.Fatal(err)
	}
	res := []*regexp.Regexp{yearMark, l.pat.alternatives, l.pat.punctuation}
	for _, p := range l.pat.placeholders {
		res = append(res, p.Regexp)
	}
	for _, y := range l.pat.years {
		res = append(res, y.re.Regexp)
	}
	files, _ := filepath.Glob("testdata/*.txt")
	files = append(files, referenceText)
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, h := range hostiles {
		texts = append(texts, string(h.make(4<<10)))
	}
	texts = append(texts, "比 2019 年增加/ 减少", "XXX某某□□", "、，，")
	used := 0
	for _, re := range res {
		seg := newSegmented(re)
		if seg == nil {
			continue
		}
		used++
		for _, s := range texts {
			if diff := cmp.Diff(re.FindAllStringSubmatchIndex(s, -1), seg.findAll(s)); diff != "" {
				t.Errorf("%s on %.30q (-whole +runs):\n%s", re, s, diff)
			}
		}
	}
	if used < 5 {
		t.Errorf("only %d patterns run by runs", used)
	}
	for _, re := range []string{`a*`, `\bab`, `[^x]y`, `(?i)ab`} {
		if newSegmented(regexp.MustCompile(re)) != nil {
			t.Errorf("%s run by runs", re)
		}
	}
}
