package juesuan_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/google/go-cmp/cmp"
)

// The -update flag (update_test.go) rewrites golden files: go test -run
// TestGolden -update.

const (
	invalidDir     = "testdata/invalid"
	goldenFile     = "testdata/invalid/golden.json"
	referenceFile  = "testdata/sichuan-2020/panzhihua-chengdu-office.json"
	smallFile      = "testdata/sichuan-2020/small-consistent.json"
	narrativeFile  = "testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt"
	goldenDocument = "golden.json"
)

// goldenFinding is what the golden file records of a finding: which rule
// fired, how severe, where, and whether an 出错说明 accepted it.
type goldenFinding struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Path      string `json:"path"`
	Explained bool   `json:"explained,omitempty"`
}

func (g goldenFinding) String() string {
	s := g.Severity + " " + g.Rule + " " + g.Path
	if g.Explained {
		s += " (explained)"
	}
	return s
}

// checkFixture decodes, calculates and validates one file.
func checkFixture(t *testing.T, file string) (*juesuan.Document, audit.Findings) {
	t.Helper()
	d, err := juesuan.DecodeFile(file)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	d.Calculate()
	fs, err := juesuan.Validate(d)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return d, fs
}

func toGolden(fs audit.Findings) []goldenFinding {
	out := make([]goldenFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, goldenFinding{Rule: f.Rule, Severity: f.Severity.String(), Path: f.Path, Explained: f.Explained()})
	}
	return out
}

// invalidVariants lists testdata/invalid/*.json, the golden file excepted.
func invalidVariants(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(invalidDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if filepath.Base(f) != goldenDocument {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// needAccountsRules fails a test whose expectations need the accounts rule
// set when it is empty.
func needAccountsRules(t *testing.T) {
	t.Helper()
	if len(accounts.Rules()) == 0 {
		t.Fatal("accounts.Rules() is empty: the golden findings need the 表内/表间 rules")
	}
}

// TestGolden validates every rule-breaking variant in testdata/invalid and
// compares the findings (rule, severity, path, explained) with
// testdata/invalid/golden.json. Refresh with go test -run TestGolden -update,
// then read the diff: every change must be intended.
func TestGolden(t *testing.T) {
	needAccountsRules(t)
	got := map[string][]goldenFinding{}
	for _, f := range invalidVariants(t) {
		_, fs := checkFixture(t, f)
		got[filepath.Base(f)] = toGolden(fs)
	}
	if juesuan.Updating() {
		if err := os.WriteFile(goldenFile, encodeGolden(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d variants)", goldenFile, len(got))
		return
	}
	data, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (create it with go test -run TestGolden -update)", err)
	}
	var want map[string][]goldenFinding
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", goldenFile, err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings of testdata/invalid (-golden +got); if intended, refresh with go test -run TestGolden -update:\n%s", d)
	}
}

// encodeGolden writes the golden map as JSON with one finding per line, so
// that a diff of the file reads finding by finding.
func encodeGolden(m map[string][]goldenFinding) []byte {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.WriteString("{\n")
	for i, n := range names {
		fmt.Fprintf(&b, "  %s: [", jsonString(n))
		for j, f := range m[n] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n    ")
			b.Write(jsonLine(f))
		}
		if len(m[n]) > 0 {
			b.WriteString("\n  ")
		}
		b.WriteByte(']')
		if i < len(names)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func jsonString(s string) string { return string(jsonLine(s)) }

// jsonLine marshals v on one line without HTML escaping.
func jsonLine(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // not reached: strings and flat structs
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// baseOf names the consistent document a variant was copied from, by its
// unit name.
var baseOf = map[string]string{
	"攀枝花市人民政府驻成都办事处": referenceFile,
	"测试单位（虚构，非真实部门）": smallFile,
}

// intendedRules reads the rules a variant is meant to break from its file
// name: the part before the first "-", rule IDs joined by "+"
// (K2+A14-explained-warning-not-error.json breaks K2 and A14).
func intendedRules(file string) []string {
	prefix, _, _ := strings.Cut(filepath.Base(file), "-")
	return strings.Split(prefix, "+")
}

func findingKey(f audit.Finding) string {
	return fmt.Sprintf("%s %s %s", f.Severity, f.Rule, f.Path)
}

// TestInvalidVariantsBreakTheirRule checks each variant against the document
// it was copied from: the findings the variant adds must all be of the
// rules its name gives, and each of those rules must fire. So every variant
// breaks its rule and nothing else.
func TestInvalidVariantsBreakTheirRule(t *testing.T) {
	needAccountsRules(t)
	files := invalidVariants(t)
	if len(files) < 15 {
		t.Errorf("%d variants in %s, want at least 15", len(files), invalidDir)
	}
	baseFindings := map[string]map[string]int{}
	for _, b := range baseOf {
		_, fs := checkFixture(t, b)
		m := map[string]int{}
		for _, f := range fs {
			m[findingKey(f)]++
		}
		baseFindings[b] = m
	}
	for _, file := range files {
		d, fs := checkFixture(t, file)
		base, ok := baseOf[d.Unit.Name]
		if !ok {
			t.Errorf("%s: unit %q is not the unit of a base document", file, d.Unit.Name)
			continue
		}
		seen := map[string]int{}
		fired := map[string]bool{}
		var added []string
		for _, f := range fs {
			k := findingKey(f)
			seen[k]++
			if seen[k] <= baseFindings[base][k] {
				continue // the base document has this finding too
			}
			fired[f.Rule] = true
			added = append(added, f.String())
		}
		want := intendedRules(file)
		for _, id := range want {
			if !fired[id] {
				t.Errorf("%s: rule %s does not fire; added findings:\n  %s", file, id, strings.Join(added, "\n  "))
			}
		}
		for id := range fired {
			if !containsString(want, id) {
				t.Errorf("%s: unintended rule %s fires; added findings:\n  %s", file, id, strings.Join(added, "\n  "))
			}
		}
	}
}

func containsString(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestSmallConsistent checks the small fully-stated document: it states
// every figure (Calculate has nothing to fill) and breaks no rule at all, not
// even within rounding. The invalid variants copied from it therefore run
// every sum rule.
func TestSmallConsistent(t *testing.T) {
	d, err := juesuan.DecodeFile(smallFile)
	if err != nil {
		t.Fatal(err)
	}
	var before, after bytes.Buffer
	if err := juesuan.Encode(&before, d); err != nil {
		t.Fatal(err)
	}
	d.Calculate()
	if err := juesuan.Encode(&after, d); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before.String(), after.String()); diff != "" {
		t.Errorf("Calculate filled figures in %s, want every figure stated (-before +after):\n%s", smallFile, diff)
	}
	fs, err := juesuan.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Errorf("%s: %s", smallFile, f)
	}
}
