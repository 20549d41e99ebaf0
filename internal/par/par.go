// Package par runs a loop body on several goroutines: the one worker pool
// that the batch, report and fixture writers share.
package par

import (
	"runtime"
	"sync"
)

// Each calls fn(i) for every i in [0, n) on at most workers goroutines
// (runtime.GOMAXPROCS(0) when workers <= 0) and returns when all calls
// have returned. Each i is handed out once, in order, to whichever worker
// is free, so fn should write its result to slot i of a slice it owns.
func Each(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, n))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
