package amount

import "testing"

// benchFigures are typical 万元 figures of a table.
var benchFigures = []string{"630.78", "599.53", "31.25", "0", "12.5", "123456.78", "-5.43", "0.01"}

func BenchmarkUnmarshalText(b *testing.B) {
	texts := make([][]byte, len(benchFigures))
	for i, s := range benchFigures {
		texts[i] = []byte(s)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			var a Amount
			if err := a.UnmarshalText(t); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchAmounts() []Amount {
	as := make([]Amount, len(benchFigures))
	for i, s := range benchFigures {
		as[i] = MustParse(s)
	}
	return as
}

func BenchmarkAddChain(b *testing.B) {
	as := benchAmounts()
	b.ReportAllocs()
	for b.Loop() {
		s := Zero
		for _, a := range as {
			s = s.Add(a).Sub(a.Round(1))
		}
		if !s.IsSet() {
			b.Fatal("absent")
		}
	}
}

func BenchmarkSumDiff(b *testing.B) {
	as := benchAmounts()
	b.ReportAllocs()
	for b.Loop() {
		if s := SumDiff(as[:5], as[5:]); !s.IsSet() {
			b.Fatal("absent")
		}
	}
}

func BenchmarkString(b *testing.B) {
	as := benchAmounts()
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			if a.String() == "" {
				b.Fatal("empty")
			}
		}
	}
}
