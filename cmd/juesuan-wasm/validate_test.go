package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/cmd/internal/report"
)

// TestValidateLikeCLI: juesuan.validate returns, for every JSON fixture,
// the files[0] entry `juesuan validate --format json -` prints (the
// command's path: ValidateFile of stdin, through report.FileOf).
func TestValidateLikeCLI(t *testing.T) {
	var files []string
	for _, g := range []string{"*/*.json", "hostile/*.json", "invalid/*.json", "invalid-structural/*.json"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", g))
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("%d fixtures", len(files))
	}
	findings := 0
	for _, f := range files {
		doc, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := report.Marshal(report.FileOf(juesuan.ValidateFile("-", juesuan.BatchOptions{Stdin: bytes.NewReader(doc)})))
		got := validate(string(doc))
		if d := cmp.Diff(string(want), got); d != "" {
			t.Errorf("%s (-cli +wasm):\n%s", f, d)
		}
		findings += bytes.Count(want, []byte(`"rule":`))
	}
	if findings == 0 {
		t.Error("no finding on any fixture: the comparison proves nothing")
	}
}

// TestWarmUp: the warm-up validates a document of every profile without
// an error (a decode or catalogue error would leave the catalogues
// unloaded), through the rules.
func TestWarmUp(t *testing.T) {
	res := warmUp()
	if len(res) != len(juesuan.ProfileIDs()) || len(res) == 0 {
		t.Fatalf("%d results for %d profiles", len(res), len(juesuan.ProfileIDs()))
	}
	for _, r := range res {
		if r.Err != nil || r.File != "-" {
			t.Errorf("%s: %v", r.File, r.Err)
		}
	}
}
