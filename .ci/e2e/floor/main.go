// Command floor is the decode-only floor of the end-to-end benchmark: it
// reads the same files `juesuan validate` reads and decodes each into the
// same struct, juesuan.Document, with github.com/goccy/go-json (the fastest
// Go JSON decoder measured for this), on GOMAXPROCS workers, and checks
// nothing. Whatever `juesuan validate` costs beyond this is the price of
// strict decoding, Calculate and every audit rule.
//
//	floor FILE|DIR...
//
// A directory is walked for *.json, skipping *.expected.json, as juesuan
// validate does. It prints the number of documents decoded; a file that
// does not decode is counted and named on stderr.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	gojson "github.com/goccy/go-json"

	"github.com/cnfiscal/juesuan"
)

func main() {
	var files []string
	for _, a := range os.Args[1:] {
		st, err := os.Stat(a)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(2)
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".expected.json") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(2)
		}
	}
	jobs := make(chan string)
	var mu sync.Mutex
	ok, bad := 0, 0
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range jobs {
				b, err := os.ReadFile(p)
				if err == nil {
					var d juesuan.Document
					err = gojson.Unmarshal(b, &d)
				}
				mu.Lock()
				if err != nil {
					bad++
					fmt.Fprintln(os.Stderr, "floor:", p, err)
				} else {
					ok++
				}
				mu.Unlock()
			}
		})
	}
	for _, p := range files {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("floor: %d decoded, %d failed\n", ok, bad)
	if bad > 0 {
		os.Exit(1)
	}
}
