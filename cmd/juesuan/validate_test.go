package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/google/go-cmp/cmp"
)

const referenceFixture = "../../testdata/sichuan-2020/panzhihua-chengdu-office.json"

// batchDir builds a directory holding documents and non-documents:
//
//	a-reference.json          the reference fixture
//	b-missing-table.json      the reference without 表九 (S1 error)
//	c-broken.json             not JSON
//	c-broken.expected.json    a fixture expectation (skipped)
//	golden.json               a golden file (skipped)
//	notes.txt                 not JSON (skipped)
//	sub/d-reference.json      the reference again, one level down
//	.hidden/e.json            in a hidden directory (skipped)
//	empty/                    a directory without documents
func batchDir(t *testing.T) string {
	t.Helper()
	ref, err := os.ReadFile(referenceFixture)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(ref, &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc["tables"].(map[string]any), "generalBudgetProject")
	missing, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"a-reference.json":       ref,
		"b-missing-table.json":   missing,
		"c-broken.json":          []byte(`{"profile": "sichuan-2020", "unit": `),
		"c-broken.expected.json": []byte(`[]`),
		"golden.json":            []byte(`{}`),
		"notes.txt":              []byte(`not a document`),
		"sub/d-reference.json":   ref,
		".hidden/e.json":         []byte(`nonsense`),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// libraryFindings checks file with the library directly: the oracle the
// command's output is compared with.
func libraryFindings(t *testing.T, file string) (audit.Findings, error) {
	t.Helper()
	d, err := juesuan.DecodeFile(file)
	if err != nil {
		return nil, err
	}
	d.Calculate()
	fs, err := juesuan.Validate(d)
	fs.Sort()
	return fs, err
}

func TestCollectFiles(t *testing.T) {
	dir := batchDir(t)
	in, skipped := collectFiles([]string{
		filepath.Join(dir, "sub"),
		dir,
		filepath.Join(dir, "golden.json"), // named explicitly: taken
		filepath.Join(dir, "missing.json"),
	})
	if len(skipped) != 0 {
		t.Errorf("skipped %v, want none", skipped)
	}
	var got []string
	for _, i := range in {
		rel, err := filepath.Rel(dir, i.file)
		if err != nil {
			t.Fatal(err)
		}
		s := filepath.ToSlash(rel)
		if i.err != nil {
			s += " (error)"
			if !errors.Is(i.err, fs.ErrNotExist) {
				t.Errorf("%s: error %v, want fs.ErrNotExist", s, i.err)
			}
		}
		got = append(got, s)
	}
	want := []string{
		"sub/d-reference.json",
		"a-reference.json",
		"b-missing-table.json",
		"c-broken.json",
		"sub/d-reference.json",
		"golden.json",
		"missing.json (error)",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("collectFiles (-want +got):\n%s", d)
	}
}

func TestIsDocumentName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"panzhihua-chengdu-office.json", true},
		{"A1-grand-total.json", true},
		{"sichuan-2020-42-0.expected.json", false},
		{"manifest.json", false},
		{"golden.json", false},
		{"golden-findings.json", false},
		{"document.schema.json", false},
		{".draft.json", false},
		{"narrative.txt", false},
		{"document.json.bak", false},
		{"收入决算表.xlsx", true},
		{"决算.XLSX", true},
		{"table.csv", true},
		{"公开表.html", true},
		{"公开表.htm", true},
		{"~$收入决算表.xlsx", false},
		{".收入决算表.xlsx", false},
		{"old.xls", false},
		{"book.xlsx.tmp", false},
	}
	for _, tt := range tests {
		if got := isDocumentName(tt.name); got != tt.want {
			t.Errorf("isDocumentName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRunValidateText(t *testing.T) {
	dir := batchDir(t)
	var stdout, stderr bytes.Buffer
	code := runValidate([]string{dir}, &stdout, &stderr)
	if code != exitInput {
		t.Errorf("exit %d, want %d (one file undecodable)", code, exitInput)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr not a terminal, want it quiet; got %q", stderr.String())
	}

	// Build the expected output from the library's own results.
	var want []string
	var errs, warns, expl, infos, bad int
	broken := map[string]int{}
	for _, name := range []string{"a-reference.json", "b-missing-table.json", "c-broken.json", "sub/d-reference.json"} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		fs, err := libraryFindings(t, file)
		if err != nil {
			bad++
			want = append(want, fmt.Sprintf("%s: input error: %v", file, err))
			continue
		}
		for _, f := range fs {
			want = append(want, file+": "+f.String())
			switch f.Severity {
			case audit.Error:
				errs++
			case audit.Warning:
				warns++
				if f.Explained() {
					expl++
				}
			default:
				infos++
			}
			if f.Severity >= audit.Warning {
				broken[f.Rule]++
			}
		}
	}
	filesWithErrors := 1 // b-missing-table.json
	if fs, _ := libraryFindings(t, filepath.Join(dir, "a-reference.json")); fs.HasErrors() {
		filesWithErrors += 2
	}
	want = append(want, fmt.Sprintf("4 file(s), %d unreadable, %d with errors: %d error(s), %d warning(s) (%d explained), %d info(s)",
		bad, filesWithErrors, errs, warns, expl, infos))
	got := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	// The last line lists the rules most often broken.
	last := got[len(got)-1]
	if !strings.HasPrefix(last, "rules most often broken: ") {
		t.Fatalf("last line %q, want the rules most often broken", last)
	}
	got = got[:len(got)-1]
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("text output (-want +got):\n%s", d)
	}
	if !strings.Contains(last, fmt.Sprintf("S1 ×%d", broken["S1"])) || broken["S1"] != 1 {
		t.Errorf("top rules %q, want S1 ×1 among them (broken %v)", last, broken)
	}
	if bad != 1 {
		t.Errorf("%d undecodable files, want 1", bad)
	}
}

func TestRunValidateJSON(t *testing.T) {
	dir := batchDir(t)
	var stdout, stderr bytes.Buffer
	code := runValidate([]string{"--format", "json", dir}, &stdout, &stderr)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	// The output decodes into the documented shape, and nothing else.
	dec := json.NewDecoder(&stdout)
	dec.DisallowUnknownFields()
	var got validateReport
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("output does not decode into the documented shape: %v\n%s", err, stdout.String())
	}
	if dec.More() {
		t.Error("data after the JSON report")
	}

	var want validateReport
	var sum summer
	for _, name := range []string{"a-reference.json", "b-missing-table.json", "c-broken.json", "sub/d-reference.json"} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		fs, err := libraryFindings(t, file)
		vf := validateFile{File: file, Findings: audit.Findings{}}
		if err != nil {
			vf.Error = err.Error()
			fs = nil
		}
		vf.Findings = append(vf.Findings, fs...)
		want.Files = append(want.Files, vf)
		sum.add(juesuan.FileResult{File: file, Err: err, Findings: fs})
	}
	want.Summary = sum.summary()
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("JSON output (-want +got):\n%s", d)
	}
	if got.Summary.Files != 4 || got.Summary.Unreadable != 1 || got.Summary.Errors < 1 {
		t.Errorf("summary %+v: want 4 files, 1 unreadable, ≥1 error", got.Summary)
	}
	if got.Files[2].Error == "" || !strings.Contains(got.Files[2].Error, "decode") {
		t.Errorf("undecodable file: error %q, want a decode error", got.Files[2].Error)
	}

	// Every finding object carries the six documented keys, even when empty.
	var raw struct {
		Files []struct {
			Findings []map[string]any `json:"findings"`
		} `json:"files"`
	}
	stdout.Reset()
	runValidate([]string{"--format=json", filepath.Join(dir, "b-missing-table.json")}, &stdout, &stderr)
	if err := json.Unmarshal(stdout.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw.Files) != 1 || len(raw.Files[0].Findings) == 0 {
		t.Fatalf("want findings for b-missing-table.json, got %s", stdout.String())
	}
	for _, f := range raw.Files[0].Findings {
		for _, k := range []string{"rule", "severity", "path", "message", "expected", "actual"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding %v lacks key %q", f, k)
			}
		}
	}
}

func TestRunValidateExitCodes(t *testing.T) {
	dir := batchDir(t)
	p := func(name string) string { return filepath.Join(dir, name) }
	var refErrors bool
	if fs, _ := libraryFindings(t, p("a-reference.json")); fs.HasErrors() {
		refErrors = true
	}
	refCode := exitOK
	if refErrors {
		refCode = exitFinding
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // substring
	}{
		{"clean document", []string{p("a-reference.json")}, refCode, ""},
		{"errors found", []string{p("b-missing-table.json")}, exitFinding, ""},
		{"errors and a clean document", []string{p("a-reference.json"), p("b-missing-table.json")}, exitFinding, ""},
		{"undecodable wins over errors", []string{p("b-missing-table.json"), p("c-broken.json")}, exitInput, ""},
		{"missing file", []string{p("nope.json")}, exitInput, ""},
		{"no document in directory", []string{p("empty")}, exitInput, "no document found"},
		{"flags after paths", []string{p("b-missing-table.json"), "--format", "json"}, exitFinding, ""},
		{"profile override", []string{"--profile", "central-2024", p("a-reference.json")}, exitFinding, ""},
		{"unknown profile", []string{"--profile", "nowhere-1999", p("a-reference.json")}, exitInput, "unknown profile"},
		{"bad format", []string{"--format", "xml", p("a-reference.json")}, exitInput, `--format "xml"`},
		{"no paths", nil, exitInput, "usage: juesuan validate"},
		{"bad flag", []string{"--nope"}, exitInput, "flag provided but not defined"},
		{"help", []string{"--help"}, exitOK, "usage: juesuan validate"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := runValidate(tt.args, &stdout, &stderr)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.name, code, tt.code, stdout.String(), stderr.String())
		}
		if tt.stderr != "" && !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("%s: stderr %q, want it to contain %q", tt.name, stderr.String(), tt.stderr)
		}
	}
}

// TestRunValidateProfileOverride checks that --profile replaces the profile a
// document names: the reference (2020) checked as sichuan-2023 (2023–2024)
// breaks S2 (year).
func TestRunValidateProfileOverride(t *testing.T) {
	var stdout, stderr bytes.Buffer
	runValidate([]string{"--profile", "sichuan-2023", "--format", "json", referenceFixture}, &stdout, &stderr)
	var r validateReport
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	var s2 bool
	for _, f := range r.Files[0].Findings {
		s2 = s2 || f.Rule == "S2"
	}
	if !s2 {
		t.Errorf("reference checked as sichuan-2023: no S2 finding in %+v", r.Files[0].Findings)
	}
}

// TestCheckFilesOrder checks that the output order is the input order
// whatever the number of workers.
func TestCheckFilesOrder(t *testing.T) {
	dir := batchDir(t)
	var in []input
	for i := 0; i < 40; i++ {
		name := []string{"a-reference.json", "b-missing-table.json", "c-broken.json", "nope.json"}[i%4]
		in = append(in, input{file: filepath.Join(dir, name)})
	}
	in = append(in, input{file: "walk error", err: errors.New("cannot walk")})
	render := func(workers int) string {
		var out bytes.Buffer
		w := &textWriter{w: &out}
		var sum summer
		checkFiles(in, nil, workers, nil, func(r juesuan.FileResult) { sum.add(r); w.file(r) })
		w.end(sum.summary())
		return out.String()
	}
	one := render(1)
	for _, n := range []int{2, 8, 100} {
		if d := cmp.Diff(one, render(n)); d != "" {
			t.Errorf("1 worker vs %d workers (-1 +%d):\n%s", n, n, d)
		}
	}
	if !strings.Contains(one, "41 file(s), 21 unreadable") {
		t.Errorf("summary of 41 files, 21 unreadable missing:\n%s", one)
	}
	if !strings.Contains(one, "\nwalk error: input error: cannot walk\n41 file(s)") {
		t.Errorf("the walk error is not the last file's line:\n%s", one)
	}
}

func TestIsTerminal(t *testing.T) {
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is not a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a regular file is not a terminal")
	}
}

func TestSummaryTopRules(t *testing.T) {
	var m summer
	var fs audit.Findings
	for i, id := range []string{"A1", "B2", "A1", "C3", "D1", "E1", "F1", "B2", "A1"} {
		fs = append(fs, audit.Finding{Rule: id, Severity: audit.Error, Path: fmt.Sprint("/", i)})
	}
	fs = append(fs,
		audit.Finding{Rule: "Z9", Severity: audit.Info},
		audit.Finding{Rule: "K2", Severity: audit.Warning, Explanation: "已核实"},
	)
	m.add(juesuan.FileResult{File: "x", Findings: fs})
	m.add(juesuan.FileResult{File: "y", Err: errors.New("bad")})
	got := m.summary()
	want := validateSummary{
		Files: 2, Unreadable: 1, FilesWithErrors: 1, Errors: 9, Warnings: 1, Explained: 1, Infos: 1,
		TopRules: []ruleCount{{"A1", 3}, {"B2", 2}, {"C3", 1}, {"D1", 1}, {"E1", 1}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("summary (-want +got):\n%s", d)
	}
}

func TestRunDispatchesValidate(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"validate", "--format", "json", referenceFixture}, &stdout, &stderr)
	if code == exitInput || !strings.HasPrefix(stdout.String(), `{"files":[`) {
		t.Errorf("run validate: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}

// BenchmarkValidateBatch compares the validate verb on 200 copies of the
// reference fixture with a plain loop that only reads and decodes them
// (BenchmarkDecodeLoop); the ratio of the two is the batch overhead.
func BenchmarkValidateBatch(b *testing.B) {
	dir := benchDir(b, 200)
	b.ResetTimer()
	for b.Loop() {
		var out bytes.Buffer
		if code := runValidate([]string{"--format", "json", dir}, &out, &out); code == exitInput {
			b.Fatal(out.String())
		}
	}
}

// BenchmarkDecodeLoop reads and decodes the files of BenchmarkValidateBatch
// one after the other.
func BenchmarkDecodeLoop(b *testing.B) {
	dir := benchDir(b, 200)
	b.ResetTimer()
	for b.Loop() {
		entries, err := os.ReadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			if _, err := juesuan.DecodeFile(filepath.Join(dir, e.Name())); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchDir(b *testing.B, n int) string {
	b.Helper()
	ref, err := os.ReadFile(referenceFixture)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc-%04d.json", i)), ref, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// TestCheckFileUnknownProfile checks that a document naming a profile that is
// not registered is an input error naming the profile.
func TestCheckFileUnknownProfile(t *testing.T) {
	ref, err := os.ReadFile(referenceFixture)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "x.json")
	data := bytes.Replace(ref, []byte(`"sichuan-2020"`), []byte(`"hainan-2031"`), 1)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runValidate([]string{p}, &stdout, &stderr); code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	if !strings.Contains(stdout.String(), p+": input error: ") || !strings.Contains(stdout.String(), "hainan-2031") {
		t.Errorf("output %q: want an input error naming the profile", stdout.String())
	}
}

// writeCounter counts the writes made to it.
type writeCounter struct {
	bytes.Buffer
	writes int
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// TestRunValidateBuffered: without a progress bar the results of a batch
// reach stdout in few large writes, not one write per finding or per file.
func TestRunValidateBuffered(t *testing.T) {
	dir := batchDir(t)
	for _, format := range []string{"text", "json"} {
		var stdout writeCounter
		var stderr bytes.Buffer
		runValidate([]string{"--format", format, dir}, &stdout, &stderr)
		lines := strings.Count(stdout.String(), "\n")
		if lines < 7 {
			t.Fatalf("%s: %d lines of output, want a batch with findings (at least 7)", format, lines)
		}
		if stdout.writes != 1 {
			t.Errorf("%s: %d lines in %d writes, want 1 write (the output is under 64 KiB)", format, lines, stdout.writes)
		}
	}
}
