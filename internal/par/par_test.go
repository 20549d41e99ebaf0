package par_test

import (
	"sync/atomic"
	"testing"

	"github.com/cnfiscal/juesuan/internal/par"
	"github.com/google/go-cmp/cmp"
)

// TestEach checks that every index is visited exactly once and that no
// more than the asked number of calls run at once.
func TestEach(t *testing.T) {
	for _, tc := range []struct{ n, workers, maxBusy int }{
		{0, 0, 0}, {1, 0, 1}, {10, 1, 1}, {100, 3, 3}, {5, 50, 5},
	} {
		seen := make([]int32, tc.n)
		var busy, peak atomic.Int32
		par.Each(tc.n, tc.workers, func(i int) {
			b := busy.Add(1)
			for {
				p := peak.Load()
				if b <= p || peak.CompareAndSwap(p, b) {
					break
				}
			}
			atomic.AddInt32(&seen[i], 1)
			busy.Add(-1)
		})
		want := make([]int32, tc.n)
		for i := range want {
			want[i] = 1
		}
		if diff := cmp.Diff(want, seen); diff != "" {
			t.Errorf("n=%d workers=%d: visits (-want +got):\n%s", tc.n, tc.workers, diff)
		}
		if tc.workers > 0 && int(peak.Load()) > tc.maxBusy {
			t.Errorf("n=%d workers=%d: %d calls at once, want at most %d", tc.n, tc.workers, peak.Load(), tc.maxBusy)
		}
	}
}
