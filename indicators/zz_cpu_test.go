package indicators

import (
	"fmt"
	"os"
	"syscall"
	"testing"
)

func cpuNow() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func cpuPerOp(f func()) float64 {
	best := 1e18
	for round := 0; round < 5; round++ {
		n := 0
		t0 := cpuNow()
		for cpuNow()-t0 < 200e6 {
			for k := 0; k < 50; k++ {
				f()
			}
			n += 50
		}
		if v := float64(cpuNow()-t0) / float64(n); v < best {
			best = v
		}
	}
	return best
}

func TestZZCPU(t *testing.T) {
	if os.Getenv("ZZCPU") == "" {
		t.Skip()
	}
	texts, ins := refTexts(t)
	p := loadReference(t)
	opts := referenceOptions()
	fw, _ := LookupFramework(Sichuan2020)
	cases := []struct {
		name string
		f    func()
	}{
		{"Validate", func() { sink = Validate(p, opts) }},
		{"ParseAll", func() {
			for _, s := range texts {
				sink = ParseValue(s)
			}
		}},
		{"KeyedAll", func() {
			for _, s := range texts {
				sink = keyedQuantities(s)
			}
		}},
		{"ResolveAll", func() {
			for i := range ins {
				sink, _ = fw.Resolve(ins[i].Level1, ins[i].Level2)
			}
		}},
		{"KeyAll", func() {
			for i := range ins {
				sink = IndicatorKey(ins[i].Name)
			}
		}},
		{"Score", func() { sink = Score(&p.Projects[0], ScoreConfig{Framework: fw}) }},
	}
	for _, c := range cases {
		fmt.Printf("%-12s %10.0f cpu-ns/op\n", c.name, cpuPerOp(c.f))
	}
}
