package narrative_test

import (
	"os"
	"testing"

	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// BenchmarkLint lints the reference narrative (1,461 lines, 150 KB) with
// its facts; BenchmarkLintNoFacts is the baseline that reads, cuts and
// classifies the same text with nothing to tie to, so the ratio of the two
// is the cost of tying and checking.
func BenchmarkLint(b *testing.B) {
	bench(b, readFacts(b, "testdata/golden-facts-panzhihua.json"))
}

func BenchmarkLintNoFacts(b *testing.B) { bench(b, nil) }

func bench(b *testing.B, facts *narrative.Facts) {
	text, err := os.ReadFile("../../testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt")
	if err != nil {
		b.Fatal(err)
	}
	l, err := narrative.New(sichuan2020.Patterns())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.Lint(text, facts); err != nil {
			b.Fatal(err)
		}
	}
}
