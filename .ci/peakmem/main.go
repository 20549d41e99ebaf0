// Command peakmem measures the peak memory (maximum resident set size) of
// batch validation: N generated small documents (default 10,000) are written
// to a temporary directory, then validated in child processes of their own,
// so that each figure is the high-water mark of one way of working and
// nothing else:
//
//	idle      start up, list the files, no decoding (the floor)
//	decode    read and decode every file, keep nothing (the plain loop)
//	validate  read, decode, Calculate and Validate every file, keep the
//	          findings counts (what `juesuan validate DIR` does)
//	retain    decode all N documents into memory first, then validate them
//	          (the worst case: a caller that holds the whole batch)
//
// Each mode runs its files on GOMAXPROCS workers. The peak is VmHWM of the
// child's /proc/self/status (Linux). It prints one line per mode:
//
//	peakmem mode=validate docs=10000 workers=2 peak_rss_kib=… heap_sys_kib=… allocs_per_doc=… bytes_per_doc=… errors=0 warnings=…
//
// Usage (from the module root; .ci is not part of ./...):
//
//	go run ./.ci/peakmem [-n 10000] [-modes idle,decode,validate,retain] [-dir DIR]
//
// It is run by .ci/bench.sh, which copies the lines into BENCHMARKS.md.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/fixture"
	_ "github.com/cnfiscal/juesuan/profiles" // the built-in profiles
)

func main() {
	n := flag.Int("n", 10000, "number of documents")
	modes := flag.String("modes", "idle,decode,validate,retain", "comma-separated modes to measure")
	dir := flag.String("dir", "", "directory of documents to use (default: generate N into a temporary directory)")
	child := flag.String("child", "", "internal: run one mode in this process")
	flag.Parse()

	if *child != "" {
		if err := runChild(*child, *dir); err != nil {
			fmt.Fprintln(os.Stderr, "peakmem:", err)
			os.Exit(1)
		}
		return
	}

	d := *dir
	if d == "" {
		tmp, err := os.MkdirTemp("", "juesuan-peakmem-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(tmp)
		if err := generate(tmp, *n); err != nil {
			os.RemoveAll(tmp)
			fail(err)
		}
		d = tmp
	}
	self, err := os.Executable()
	if err != nil {
		fail(err)
	}
	for _, m := range strings.Split(*modes, ",") {
		cmd := exec.Command(self, "-child", m, "-dir", d)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			fail(fmt.Errorf("mode %s: %w", m, err))
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "peakmem:", err)
	os.Exit(1)
}

// generate writes n small sichuan-2020 documents (seed 8, streams 0…n-1)
// into dir.
func generate(dir string, n int) error {
	var buf bytes.Buffer
	for i := range n {
		d, _, err := fixture.Generate(fixture.Options{Seed: 8, Stream: uint64(i)})
		if err != nil {
			return err
		}
		buf.Reset()
		if err := juesuan.Encode(&buf, d); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc-%05d.json", i)), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func files(dir string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	kept := names[:0]
	for _, n := range names {
		if !strings.HasSuffix(n, ".expected.json") {
			kept = append(kept, n)
		}
	}
	sort.Strings(kept)
	return kept, nil
}

// tally counts findings by severity.
type tally struct{ errors, warnings, infos atomic.Int64 }

func (t *tally) add(fs audit.Findings) {
	for _, f := range fs {
		switch f.Severity {
		case audit.Error:
			t.errors.Add(1)
		case audit.Warning:
			t.warnings.Add(1)
		default:
			t.infos.Add(1)
		}
	}
}

func check(d *juesuan.Document, t *tally) error {
	d.Calculate()
	fs, err := juesuan.Validate(d)
	if err != nil {
		return err
	}
	t.add(fs)
	return nil
}

// parallel runs fn over 0…n-1 on workers goroutines and returns the first
// error.
func parallel(n, workers int, fn func(i int) error) error {
	var (
		next  atomic.Int64
		first error
		once  sync.Once
		wg    sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					once.Do(func() { first = err })
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

func runChild(mode, dir string) error {
	names, err := files(dir)
	if err != nil {
		return err
	}
	workers := runtime.GOMAXPROCS(0)
	var t tally
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	switch mode {
	case "idle":
	case "decode":
		err = parallel(len(names), workers, func(i int) error {
			_, err := juesuan.DecodeFile(names[i])
			return err
		})
	case "validate":
		err = parallel(len(names), workers, func(i int) error {
			d, err := juesuan.DecodeFile(names[i])
			if err != nil {
				return err
			}
			return check(d, &t)
		})
	case "retain":
		docs := make([]*juesuan.Document, len(names))
		err = parallel(len(names), workers, func(i int) error {
			d, err := juesuan.DecodeFile(names[i])
			docs[i] = d
			return err
		})
		if err == nil {
			err = parallel(len(docs), workers, func(i int) error { return check(docs[i], &t) })
		}
		runtime.KeepAlive(docs)
	default:
		return fmt.Errorf("unknown mode %q", mode)
	}
	if err != nil {
		return err
	}

	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	hwm, err := peakRSS()
	if err != nil {
		return err
	}
	n := max(len(names), 1)
	fmt.Printf("peakmem mode=%s docs=%d workers=%d peak_rss_kib=%d heap_sys_kib=%d allocs_per_doc=%d bytes_per_doc=%d errors=%d warnings=%d\n",
		mode, len(names), workers, hwm, after.HeapSys>>10,
		(after.Mallocs-before.Mallocs)/uint64(n), (after.TotalAlloc-before.TotalAlloc)/uint64(n),
		t.errors.Load(), t.warnings.Load())
	return nil
}

// peakRSS returns the high-water mark of this process's resident set in
// KiB: VmHWM of /proc/self/status. getrusage's ru_maxrss is not used: on
// Linux it carries over the parent's peak across fork and exec (os/exec
// starts the child in the parent's address space), so a child smaller than
// its parent would report the parent's figure.
func peakRSS() (int64, error) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		}
	}
	return 0, errors.New("no VmHWM in /proc/self/status")
}
