package indicators

import "testing"

var sink any

func BenchmarkParseValue(b *testing.B) {
	inputs := []string{"30万元", "12期/年", "90%左右", "≥95%", "全年", "我办应急接访的攀籍人员到蓉上访的人数，每年劝返率达90%左右。"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sink = ParseValue(inputs[i%len(inputs)])
	}
}

// BenchmarkValidateReference validates the reference performance section
// (72 indicator rows, two project tables, one 评价结论 table).
func BenchmarkValidateReference(b *testing.B) {
	p := loadReference(b)
	opts := referenceOptions()
	b.ReportAllocs()
	for b.Loop() {
		sink = Validate(p, opts)
	}
}

func BenchmarkScoreReference(b *testing.B) {
	p := loadReference(b)
	fw, _ := LookupFramework(Sichuan2020)
	cfg := ScoreConfig{Framework: fw}
	b.ReportAllocs()
	for b.Loop() {
		sink = Score(&p.Projects[0], cfg)
	}
}
