package indicators

import "testing"

func refTexts(t testing.TB) (texts []string, ins []Indicator) {
	p := loadReference(t)
	for _, pt := range p.Projects {
		for _, in := range pt.Indicators {
			texts = append(texts, in.Target, in.Actual)
			ins = append(ins, in)
		}
	}
	for _, e := range p.Evaluations {
		for _, in := range e.Indicators {
			texts = append(texts, in.Target, in.Actual)
			ins = append(ins, in)
		}
	}
	return
}

func BenchmarkZZParseAll(b *testing.B) {
	texts, _ := refTexts(b)
	for b.Loop() {
		for _, s := range texts {
			sink = ParseValue(s)
		}
	}
}

func BenchmarkZZKeyedAll(b *testing.B) {
	texts, _ := refTexts(b)
	for b.Loop() {
		for _, s := range texts {
			sink = keyedQuantities(s)
		}
	}
}

func BenchmarkZZResolveAll(b *testing.B) {
	_, ins := refTexts(b)
	fw, _ := LookupFramework(Sichuan2020)
	for b.Loop() {
		for i := range ins {
			sink, _ = fw.Resolve(ins[i].Level1, ins[i].Level2)
		}
	}
}

func BenchmarkZZKeyAll(b *testing.B) {
	_, ins := refTexts(b)
	for b.Loop() {
		for i := range ins {
			sink = IndicatorKey(ins[i].Name)
		}
	}
}
