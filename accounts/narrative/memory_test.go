package narrative

import (
	"runtime"
	"testing"
)

// maxAllocPerByte bounds the bytes Lint allocates per byte of a hostile
// shape of 256 KiB (issue 13: an 8 MiB text must lint in 256 MB). At that
// size neither MaxClaims nor MaxParagraphs is reached, so the figure is the
// size of the records kept per number, line or cell. Measured: at most
// 175 (countUnit, shares: a claim every 4 bytes), 110 for table cells,
// under 90 for the other shapes; a record per cell or claim twice as
// large exceeds it.
const maxAllocPerByte = 200

// maxAllocPerByteRace is the bound under the race detector, whose
// instrumentation makes many more values escape to the heap (and whose
// sync.Pool drops items at random): measured up to about 7,600 bytes per
// byte (purposes, 89.5 in the plain run; unitTitles 6,000, plain 59.7).
// It is looser, but still fails on a gross regression; the plain run
// holds the tight bound.
const maxAllocPerByteRace = 12000

// TestAllocPerByte checks the bytes Lint allocates for each hostile shape
// of 256 KiB.
func TestAllocPerByte(t *testing.T) {
	bound := maxAllocPerByte
	if raceEnabled {
		bound = maxAllocPerByteRace
	}
	facts := loadFacts(t)
	for _, h := range hostiles {
		text := h.make(hostileBenchSize)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, err := Lint(text, facts); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(text))
		t.Logf("%s: %.1f bytes allocated per byte", h.name, perByte)
		if perByte > float64(bound) {
			t.Errorf("%s: %.1f bytes allocated per byte of text, want at most %d", h.name, perByte, bound)
		}
	}
}
