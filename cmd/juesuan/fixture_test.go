package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/google/go-cmp/cmp"
)

type findingKey struct{ Rule, Severity, Path string }

func keysOf(fs audit.Findings) []findingKey {
	var ks []findingKey
	for _, f := range fs {
		if f.Severity >= audit.Warning {
			ks = append(ks, findingKey{f.Rule, f.Severity.String(), f.Path})
		}
	}
	slices.SortFunc(ks, func(a, b findingKey) int {
		return strings.Compare(a.Path+"\x00"+a.Rule+"\x00"+a.Severity, b.Path+"\x00"+b.Rule+"\x00"+b.Severity)
	})
	return ks
}

func readExpected(t *testing.T, path string) expectedFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var e expectedFile
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return e
}

// TestFixtureVerb writes documents with faults, then runs `juesuan validate`
// on the directory: it skips the .expected.json files and reports, for every
// document, exactly the expected findings.
func TestFixtureVerb(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"fixture", "--profile", "central-2024", "--seed", "3", "--count", "12", "--faults", "2",
		"--break", "B13", "--out", dir}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(names) != 24 {
		t.Fatalf("%d files written, want 24: %v", len(names), names)
	}
	for _, want := range []string{"central-2024-s3-00.json", "central-2024-s3-00.expected.json", "central-2024-s3-11.json"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("missing %s", want)
		}
	}

	stdout.Reset()
	stderr.Reset()
	code = run([]string{"validate", "--format", "json", dir}, &stdout, &stderr)
	if code != exitFinding && code != exitOK {
		t.Fatalf("validate exit %d: %s", code, stderr.String())
	}
	var rep validateReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("validate output: %v\n%s", err, stdout.String())
	}
	if len(rep.Files) != 12 {
		t.Fatalf("validate checked %d files, want the 12 documents", len(rep.Files))
	}
	for _, f := range rep.Files {
		if f.Error != "" {
			t.Errorf("%s: %s", f.File, f.Error)
			continue
		}
		exp := readExpected(t, strings.TrimSuffix(f.File, ".json")+".expected.json")
		if exp.File != filepath.Base(f.File) {
			t.Errorf("%s: expectation names %s", f.File, exp.File)
		}
		if len(exp.Faults) != 3 || !slices.Contains(exp.Faults, "B13") {
			t.Errorf("%s: faults %v, want B13 and two more", f.File, exp.Faults)
		}
		if diff := cmp.Diff(keysOf(exp.Findings), keysOf(f.Findings)); diff != "" {
			t.Errorf("%s (-expected +validate):\n%s", f.File, diff)
		}
	}
}

func TestFixtureVerbDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"fixture", "--seed", "9", "--count", "2", "--out", dir}, &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	for _, name := range []string{"sichuan-2020-s9-0.json", "sichuan-2020-s9-1.expected.json"} {
		x, err1 := os.ReadFile(filepath.Join(a, name))
		y, err2 := os.ReadFile(filepath.Join(b, name))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", name, err1, err2)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	// Without faults a document expects nothing.
	e := readExpected(t, filepath.Join(a, "sichuan-2020-s9-0.expected.json"))
	if len(e.Findings) != 0 || len(e.Faults) != 0 {
		t.Errorf("fault-free document expects %v %v", e.Faults, e.Findings)
	}
	// Another seed writes other names into the same directory.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"fixture", "--seed", "10", "--out", a}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(a, "sichuan-2020-s10-0.json")); err != nil {
		t.Error(err)
	}
	if names, _ := filepath.Glob(filepath.Join(a, "*.json")); len(names) != 6 {
		t.Errorf("%d files, want 6", len(names))
	}
}

func TestFixtureVerbUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"no out", []string{"fixture"}, exitInput, "", "--out DIR is required"},
		{"bad size", []string{"fixture", "--out", dir, "--size", "huge"}, exitInput, "", "want small or large"},
		{"bad unit", []string{"fixture", "--out", dir, "--unit", "美元"}, exitInput, "", "want 万元 or 元"},
		{"bad count", []string{"fixture", "--out", dir, "--count", "0"}, exitInput, "", "want at least 1"},
		{"unknown rule", []string{"fixture", "--out", dir, "--break", "Z9"}, exitInput, "", "not a supported fault"},
		{"table not in profile", []string{"fixture", "--out", dir, "--profile", "central-2024", "--break", "B8"}, exitInput, "", "cannot inject fault B8"},
		{"unknown profile", []string{"fixture", "--out", dir, "--profile", "nowhere"}, exitInput, "", "unknown profile"},
		{"stray argument", []string{"fixture", "--out", dir, "extra"}, exitInput, "", "unexpected argument"},
		{"list", []string{"fixture", "--list", "--profile", "central-2024"}, exitOK, "A1 A2", ""},
		{"help", []string{"fixture", "-h"}, exitOK, "", "usage: juesuan fixture"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", tc.name, code, stdout.String(), stderr.String())
		}
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*")); len(names) != 0 {
		t.Errorf("failed runs wrote %v", names)
	}
}

// A large document carries thousands of 项 rows and expects the K1
// warnings of the codes the embedded catalogue lacks.
func TestFixtureVerbLarge(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"fixture", "--size", "large", "--out", dir}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	e := readExpected(t, filepath.Join(dir, "sichuan-2020-s1-0.expected.json"))
	if len(e.Findings) < 1000 {
		t.Errorf("%d expected K1 warnings", len(e.Findings))
	}
	for _, f := range e.Findings {
		if f.Rule != "K1" || f.Severity != audit.Warning {
			t.Fatalf("unexpected %+v", f)
		}
	}
}

// TestFixturePackage writes disclosure packages without Chromium (the PDF
// is left out, and the manifest says why), then checks the workbooks with
// `juesuan validate --blank-absent` and the narratives with `juesuan lint`:
// exactly the expected findings, at the expected cells and lines.
func TestFixturePackage(t *testing.T) {
	t.Setenv("JUESUAN_CHROMIUM", filepath.Join(t.TempDir(), "no-chromium"))
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"fixture", "--package", "--jiuqi", "--seed", "4", "--count", "2", "--break", "A8,A14",
		"--narrative-break", "amount,leftover", "--out", dir}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "wrote 2 package(s)") || !strings.Contains(stdout.String(), "PDF: omitted: JUESUAN_CHROMIUM=") {
		t.Errorf("stdout %q", stdout.String())
	}
	var m fixture.Manifest
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, "manifest.json")), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Documents) != 2 || !strings.HasPrefix(m.PDF, "omitted: ") {
		t.Fatalf("manifest %+v", m)
	}
	for _, doc := range m.Documents {
		var forms []string
		for f, name := range doc.Files {
			forms = append(forms, f)
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Error(err)
			}
		}
		slices.Sort(forms)
		if want := []string{"html", "jiuqi", "json", "narrative", "workbook"}; !slices.Equal(forms, want) {
			t.Errorf("%s: forms %v, want %v", doc.Name, forms, want)
		}
		var pe fixture.PackageExpected
		if err := json.Unmarshal(readFile(t, filepath.Join(dir, doc.Expected)), &pe); err != nil {
			t.Fatal(err)
		}
		for _, form := range []string{"workbook", "jiuqi"} {
			fe := pe.Forms[form]
			stdout.Reset()
			stderr.Reset()
			code := run([]string{"validate", "--blank-absent", "--format", "json", filepath.Join(dir, fe.File)}, &stdout, &stderr)
			if code != exitFinding {
				t.Fatalf("validate %s: exit %d: %s", fe.File, code, stderr.String())
			}
			var rep validateReport
			if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			var got, want []string
			for _, f := range rep.Files[0].Findings {
				if f.Severity >= audit.Warning {
					got = append(got, f.Rule+" "+f.Path+" "+strings.TrimPrefix(f.Source, dir+string(filepath.Separator)))
				}
			}
			for _, f := range fe.Findings {
				want = append(want, f.Rule+" "+f.Path+" "+f.Source)
			}
			slices.Sort(got)
			slices.Sort(want)
			if diff := cmp.Diff(want, got); diff != "" || len(want) < 3 {
				t.Errorf("%s: findings (-expected +validate):\n%s", fe.File, diff)
			}
		}
		fe := pe.Forms["narrative"]
		stdout.Reset()
		stderr.Reset()
		run([]string{"lint", "--format", "json", "--document", filepath.Join(dir, doc.Files["json"]), filepath.Join(dir, fe.File)}, &stdout, &stderr)
		var lint validateReport
		if err := json.Unmarshal(stdout.Bytes(), &lint); err != nil || len(lint.Files) != 1 {
			t.Fatalf("lint output: %v\n%s%s", err, stdout.String(), stderr.String())
		}
		var got, want []string
		for _, f := range lint.Files[0].Findings {
			if f.Severity >= audit.Warning {
				got = append(got, fmt.Sprintf("%s %s %d:%d", f.Rule, f.Path, f.Line, f.Column))
			}
		}
		for _, f := range fe.Findings {
			want = append(want, fmt.Sprintf("%s %s %d:%d", f.Rule, f.Path, f.Line, f.Column))
		}
		if diff := cmp.Diff(want, got); diff != "" || len(want) != 2 {
			t.Errorf("%s: lint (-expected +lint):\n%s", fe.File, diff)
		}
	}

	stderr.Reset()
	if code := run([]string{"fixture", "--package", "--pdf", "--out", t.TempDir()}, &stdout, &stderr); code != exitInput ||
		!strings.Contains(stderr.String(), "Chromium") {
		t.Errorf("--pdf without Chromium: exit %d, stderr %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"fixture", "--jiuqi", "--out", t.TempDir()}, &stdout, &stderr); code != exitInput ||
		!strings.Contains(stderr.String(), "need --package") {
		t.Errorf("--jiuqi without --package: exit %d, stderr %q", code, stderr.String())
	}
}
