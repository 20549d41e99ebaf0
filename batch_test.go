package juesuan_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/google/go-cmp/cmp"
)

// TestValidateFiles: results come back in input order whatever the number
// of workers; a missing or undecodable file is reported against its name
// and does not stop the batch; the findings are those of ValidateFile.
func TestValidateFiles(t *testing.T) {
	dir := t.TempDir()
	var files []string
	want := map[string][]fixture.Key{}
	for i := range 30 {
		name := filepath.Join(dir, fmt.Sprintf("doc-%02d.json", i))
		faults := i % 3 // 0, 1 or 2 broken rules
		d, exp, err := fixture.Generate(fixture.Options{Profile: []string{sichuan2020.ID, central.ID}[i%2],
			Seed: 3, Stream: uint64(i), RandomFaults: faults})
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := juesuan.Encode(f, d); err != nil {
			t.Fatal(err)
		}
		f.Close()
		files = append(files, name)
		want[name] = exp.Keys()
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"profile": 12}`), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.json")
	files = append(files[:10], append([]string{bad, missing}, files[10:]...)...)

	for _, workers := range []int{0, 1, 3, 64} {
		var order []string
		juesuan.ValidateFiles(files, juesuan.BatchOptions{Workers: workers}, func(r juesuan.FileResult) {
			order = append(order, r.File)
			switch r.File {
			case bad:
				if !errors.Is(r.Err, juesuan.ErrDecode) {
					t.Errorf("workers %d: bad file: err = %v", workers, r.Err)
				}
			case missing:
				if !errors.Is(r.Err, fs.ErrNotExist) {
					t.Errorf("workers %d: missing file: err = %v", workers, r.Err)
				}
			default:
				if r.Err != nil {
					t.Fatalf("workers %d: %s: %v", workers, r.File, r.Err)
				}
				if d := cmp.Diff(want[r.File], fixture.Keys(r.Findings)); d != "" {
					t.Errorf("workers %d: %s (-want +got):\n%s", workers, r.File, d)
				}
			}
		})
		if d := cmp.Diff(files, order); d != "" {
			t.Errorf("workers %d: order (-want +got):\n%s", workers, d)
		}
	}

	// An empty batch calls nothing.
	juesuan.ValidateFiles(nil, juesuan.BatchOptions{}, func(juesuan.FileResult) { t.Error("called for no file") })
}

// BatchOptions.Profile checks every document with that profile: a
// central-2024 document checked as sichuan-2020 breaks S4 (and more).
func TestValidateFileProfile(t *testing.T) {
	dir := t.TempDir()
	d, _, err := fixture.Generate(fixture.Options{Profile: central.ID, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "c.json")
	f, _ := os.Create(name)
	juesuan.Encode(f, d)
	f.Close()
	p, _ := juesuan.LookupProfile(sichuan2020.ID)
	r := juesuan.ValidateFile(name, juesuan.BatchOptions{Profile: p})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	found := false
	for _, f := range r.Findings {
		found = found || f.Rule == "S4"
	}
	if !found {
		t.Errorf("no S4 finding: %v", r.Findings)
	}
	if r := juesuan.ValidateFile(name, juesuan.BatchOptions{}); r.Err != nil || r.Findings.HasErrors() {
		t.Errorf("own profile: %v %v", r.Err, r.Findings)
	}
	// A rule that panics is reported against the file, not raised.
	panicky := p.Clone()
	panicky.ID = "batch-test-panicky"
	panicky.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "X1", Severity: audit.Error, Title: "panics"},
		Check: func(*juesuan.Context) { panic("rule bug") }})
	if r := juesuan.ValidateFile(name, juesuan.BatchOptions{Profile: panicky}); r.Err == nil || r.Findings != nil {
		t.Errorf("panicking rule: %v %v", r.Err, r.Findings)
	}
	// A size limit is applied.
	if r := juesuan.ValidateFile(name, juesuan.BatchOptions{Decode: juesuan.DecodeOptions{MaxSize: 10}}); !errors.Is(r.Err, juesuan.ErrDecode) {
		t.Errorf("MaxSize 10: err = %v", r.Err)
	}
}

// TestValidateFileStdin: with BatchOptions.Stdin, "-" reads it and gives
// the findings of the same document read from its file; without it, "-"
// is a file name like any other.
func TestValidateFileStdin(t *testing.T) {
	const file = "testdata/sichuan-2020/small-consistent.json"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := juesuan.ValidateFile(file, juesuan.BatchOptions{})
	if want.Err != nil {
		t.Fatal(want.Err)
	}
	tests := []struct {
		name  string
		stdin []byte
		limit int64
		want  func(r juesuan.FileResult) bool
	}{
		{"document", data, 0, func(r juesuan.FileResult) bool {
			return r.Err == nil && cmp.Equal(want.Findings, r.Findings)
		}},
		{"size limit", data, 10, func(r juesuan.FileResult) bool { return errors.Is(r.Err, juesuan.ErrTooLarge) }},
		{"empty", nil, 0, func(r juesuan.FileResult) bool { return errors.Is(r.Err, juesuan.ErrEmpty) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []juesuan.FileResult
			opts := juesuan.BatchOptions{Stdin: bytes.NewReader(tt.stdin), Decode: juesuan.DecodeOptions{MaxSize: tt.limit}}
			juesuan.ValidateFiles([]string{"-"}, opts, func(r juesuan.FileResult) { got = append(got, r) })
			if len(got) != 1 || got[0].File != "-" || !tt.want(got[0]) {
				t.Errorf("ValidateFiles(-) = %+v", got)
			}
		})
	}
	// Without Stdin, "-" is a file: here a missing one.
	if r := juesuan.ValidateFile("-", juesuan.BatchOptions{}); !errors.Is(r.Err, fs.ErrNotExist) {
		t.Errorf("ValidateFile(-) without Stdin: %v, want a missing file", r.Err)
	}
}
