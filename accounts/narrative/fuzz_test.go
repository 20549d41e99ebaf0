package narrative_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/accounts/narrative"
)

// FuzzLint checks that Lint never panics and that every finding points into
// the text: a line of it, a column within that line, and a quote. It is
// seeded with the test narratives and the reference narrative.
func FuzzLint(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.txt")
	seeds = append(seeds, "../../testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		// Small slices too: the fuzzer mutates short inputs faster.
		for _, line := range strings.Split(string(b), "\n")[:min(40, len(strings.Split(string(b), "\n")))] {
			f.Add([]byte(line))
		}
	}
	f.Add([]byte("（（（（"))
	f.Add([]byte("\t\t\n\t100%\n\t完成率\n\t100%"))
	facts := readFacts(f, "testdata/golden-facts-panzhihua.json")
	facts2 := readFacts(f, "testdata/golden-facts-central-2024.json")
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, fs := range []*narrative.Facts{facts, facts2, nil} {
			found, err := lint(text, fs)
			if err != nil {
				if utf8.Valid(text) && len(text) <= narrative.MaxSize {
					t.Fatalf("valid text rejected: %v", err)
				}
				continue
			}
			lines := strings.Split(strings.TrimPrefix(string(text), "\uFEFF"), "\n")
			for _, fi := range found {
				if fi.Line < 1 || fi.Line > len(lines) {
					t.Fatalf("%s at line %d of %d", fi.Rule, fi.Line, len(lines))
				}
				n := utf8.RuneCountInString(strings.TrimSuffix(lines[fi.Line-1], "\r"))
				if fi.Column < 1 || fi.Column > n {
					t.Fatalf("%s at %d:%d, the line has %d characters", fi.Rule, fi.Line, fi.Column, n)
				}
				if fi.Quote == "" || fi.Message == "" || fi.Rule == "" {
					t.Fatalf("incomplete finding %+v", fi)
				}
			}
		}
	})
}
