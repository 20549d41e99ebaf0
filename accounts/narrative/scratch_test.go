package narrative

import (
	"testing"
	"time"
)

func TestScratchScaling(t *testing.T) {
	f := loadFacts(t)
	for _, h := range hostiles {
		var ds []time.Duration
		var ws []int
		for _, n := range []int{64 << 10, 128 << 10, 256 << 10} {
			text := h.make(n)
			st := time.Now()
			if _, err := Lint(text, f); err != nil {
				t.Fatal(err)
			}
			ds = append(ds, time.Since(st).Round(time.Millisecond))
			ws = append(ws, lastWork)
		}
		t.Logf("%-24s %v %v", h.name, ds, ws)
	}
}
