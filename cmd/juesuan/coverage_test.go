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

	"github.com/google/go-cmp/cmp"

	juesuan "github.com/cnfiscal/juesuan"
)

const smallFixture = "../../testdata/sichuan-2020/small-consistent.json"

// libraryCoverage is the oracle of the --coverage output: the ledger the
// library records for file.
func libraryCoverage(t *testing.T, file string, prior *juesuan.Document) *juesuan.Coverage {
	t.Helper()
	d, err := juesuan.DecodeFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d.Calculate()
	_, cov, err := juesuan.ValidateWith(d, juesuan.ValidateOptions{Coverage: true, Prior: prior})
	if err != nil {
		t.Fatal(err)
	}
	return cov
}

// TestRunValidateCoverageText: --coverage prints, after a file's findings,
// one line per skipped check grouped by rule and reason, then the idle and
// disabled rules, and a coverage line after the summary; without it the
// output is what it was.
func TestRunValidateCoverageText(t *testing.T) {
	var plain, stdout, stderr bytes.Buffer
	if code := runValidate([]string{smallFixture}, &plain, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if code := runValidate([]string{"--coverage", smallFixture}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	cov := libraryCoverage(t, smallFixture, nil)
	var want []string
	ran, skipped := cov.Totals()
	idle := 0
	for _, rc := range cov.Rules {
		for _, sk := range rc.Skipped {
			want = append(want, fmt.Sprintf("%s: skipped %s %s %s [missing %s]", smallFixture, rc.Rule, sk.Reason, sk.Path, strings.Join(sk.Missing, ", ")))
		}
	}
	for _, rc := range cov.Rules {
		if rc.Status != "ran" {
			want = append(want, fmt.Sprintf("%s: %s %s: %s", smallFixture, rc.Status, rc.Rule, rc.Reason))
			idle++
		}
	}
	lines := strings.Split(strings.TrimSuffix(plain.String(), "\n"), "\n")
	want = append(want, lines...)
	want = append(want, fmt.Sprintf("coverage: %d check(s) ran, %d could not run; %d rule(s) idle, 0 disabled", ran, skipped, idle))
	got := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("--coverage output (-want +got):\n%s", diff)
	}
	if skipped == 0 || idle == 0 {
		t.Errorf("the small document has %d skipped checks and %d idle rules; the test shows nothing", skipped, idle)
	}
}

// TestRunValidateCoverageJSON: --coverage --format json adds each file's
// ledger as "coverage" and the totals to the summary.
func TestRunValidateCoverageJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runValidate([]string{"--coverage", "--format", "json", smallFixture}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var out struct {
		Files []struct {
			File     string            `json:"file"`
			Coverage *juesuan.Coverage `json:"coverage"`
		} `json:"files"`
		Summary struct {
			Coverage *coverageSummary `json:"coverage"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	want := libraryCoverage(t, smallFixture, nil)
	if len(out.Files) != 1 {
		t.Fatalf("%d files", len(out.Files))
	}
	if diff := cmp.Diff(want, out.Files[0].Coverage); diff != "" {
		t.Errorf("coverage member (-library +output):\n%s", diff)
	}
	ran, skipped := want.Totals()
	if s := out.Summary.Coverage; s == nil || s.Ran != ran || s.Skipped != skipped {
		t.Errorf("summary coverage %+v, want ran %d skipped %d", s, ran, skipped)
	}

	// Without --coverage there is no coverage member at all.
	stdout.Reset()
	runValidate([]string{"--format", "json", smallFixture}, &stdout, &stderr)
	if strings.Contains(stdout.String(), `"coverage"`) {
		t.Errorf("coverage member without --coverage: %s", stdout.String())
	}
}

// TestRunValidatePrior: --prior LAST compares with last year's document
// (B14, B15); a bad LAST is a usage error.
func TestRunValidatePrior(t *testing.T) {
	raw, err := os.ReadFile(smallFixture)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	doc["unit"].(map[string]any)["fiscalYear"] = 2019
	delete(doc, "priorYear")
	doc["tables"].(map[string]any)["summary"].(map[string]any)["expenditure"].(map[string]any)["endingBalance"] = "61.00"
	last, _ := json.Marshal(doc)
	lastFile := filepath.Join(t.TempDir(), "last.json")
	if err := os.WriteFile(lastFile, last, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := runValidate([]string{"--prior", lastFile, smallFixture}, &stdout, &stderr)
	if code != exitOK { // B14 and B15 are warnings
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, w := range []string{
		smallFixture + ": warning B14 /tables/summary/income/beginningBalance: 收入支出决算总表 年初结转和结余应等于2019年度决算收入支出决算总表 年末结转和结余：应为61.00万元，实为60.00万元",
		smallFixture + ": warning B15 /priorYear/endingBalance: ",
	} {
		if !strings.Contains(stdout.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, stdout.String())
		}
	}

	stdout.Reset()
	stderr.Reset()
	if code := runValidate([]string{"--prior", filepath.Join(t.TempDir(), "none.json"), smallFixture}, &stdout, &stderr); code != exitInput {
		t.Errorf("missing --prior file: exit %d, want %d", code, exitInput)
	}
	if !strings.HasPrefix(stderr.String(), "juesuan validate: --prior: ") {
		t.Errorf("stderr %q", stderr.String())
	}
}

// TestRunLintPrior: lint --prior takes the 上年数 the document leaves out
// from last year's document, so the narrative's 同比 statement on 机关运行经费
// (249.72 → 92.93, 减少156.79万元, 下降62.79%) is checked against it: quiet
// when last year's 财决附03表 says 249.72, C10 on the 增减额 and the rate when
// it says 250.00.
func TestRunLintPrior(t *testing.T) {
	const narrativeFixture = "../../testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt"
	raw, err := os.ReadFile(referenceFixture)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f03 := doc["tables"].(map[string]any)["f03"].(map[string]any)
	writeLast := func(operatingCost string) string {
		f03["operatingCost"] = map[string]any{"amount": operatingCost}
		last, _ := json.Marshal(map[string]any{"profile": "sichuan-2019",
			"unit":   map[string]any{"name": "上年", "fiscalYear": 2019, "amountUnit": "万元"},
			"tables": map[string]any{"f03": f03}})
		p := filepath.Join(dir, "last-"+operatingCost+".json")
		if err := os.WriteFile(p, last, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	delete(doc["priorYear"].(map[string]any), "operatingCost")
	this, _ := json.Marshal(doc)
	thisFile := filepath.Join(dir, "this.json")
	if err := os.WriteFile(thisFile, this, 0o644); err != nil {
		t.Fatal(err)
	}
	yoy := func(args ...string) []string {
		var stdout, stderr bytes.Buffer
		runLint(append([]string{"--document", thisFile}, append(args, narrativeFixture)...), &stdout, &stderr)
		if stderr.Len() > 0 {
			t.Fatalf("stderr: %s", stderr.String())
		}
		var out []string
		for _, l := range strings.Split(stdout.String(), "\n") {
			if strings.HasPrefix(l, narrativeFixture+":661:") && !strings.Contains(l, "198.68") {
				out = append(out, strings.TrimPrefix(l, narrativeFixture+":"))
			}
		}
		return out
	}
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"without --prior", nil, []string{"661:35: info C18 未核对：机关运行经费（上年数）文中为249.72万元，表中未列示"}},
		{"last year agrees", []string{"--prior", writeLast("249.72")}, nil},
		{"last year differs", []string{"--prior", writeLast("250.00")}, []string{
			"661:35: error C17 /priorYear/operatingCost 表文不一致：机关运行经费（上年数）文中为249.72万元，表中为250.00万元",
			"661:52: error C10 /priorYear/operatingCost 同比增减额不符：机关运行经费本年92.93万元、上年250.00万元，应减少157.07万元，文中为156.79万元",
			"661:63: error C10 /priorYear/operatingCost 增减率不符：机关运行经费增减额156.79万元÷上年250.00万元×100=62.72%，文中为62.79%",
		}},
	} {
		if diff := cmp.Diff(tc.want, yoy(tc.args...)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

// libraryLintCoverage is the oracle of lint --coverage: the narrative
// ledger the library records for the reference.
func libraryLintCoverage(t *testing.T) *juesuan.Coverage {
	t.Helper()
	d, err := juesuan.DecodeFile(referenceFixture)
	if err != nil {
		t.Fatal(err)
	}
	d.Calculate()
	text, err := os.ReadFile(referenceNarrative)
	if err != nil {
		t.Fatal(err)
	}
	_, cov, err := juesuan.LintWith(d, text, juesuan.LintOptions{Coverage: true})
	if err != nil {
		t.Fatal(err)
	}
	return cov
}

// TestRunLintCoverageText: lint --coverage prints, after the findings, one
// line per number whose check could not run, with its line and column,
// then the idle rules, and a coverage line after the summary; without it
// the output is what it was.
func TestRunLintCoverageText(t *testing.T) {
	var plain, stdout, stderr bytes.Buffer
	args := []string{"--document", referenceFixture, referenceNarrative}
	if code := runLint(args, &plain, &stderr); code != exitFinding {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if code := runLint(append([]string{"--coverage"}, args...), &stdout, &stderr); code != exitFinding {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	cov := libraryLintCoverage(t)
	lines := strings.Split(strings.TrimSuffix(plain.String(), "\n"), "\n")
	want := slices.Clone(lines[:len(lines)-1]) // the findings
	ran, skipped := cov.Totals()
	idle := 0
	for _, rc := range cov.Rules {
		for _, sk := range rc.Skipped {
			where := sk.Path
			if where == "" {
				where = "fact:" + sk.Fact
			}
			miss := ""
			if len(sk.Missing) > 0 {
				miss = " [missing " + strings.Join(sk.Missing, ", ") + "]"
			}
			want = append(want, fmt.Sprintf("%s:%d:%d: skipped %s %s %s%s", referenceNarrative, sk.Line, sk.Column, rc.Rule, sk.Reason, where, miss))
		}
	}
	for _, rc := range cov.Rules {
		if rc.Status != "ran" {
			want = append(want, fmt.Sprintf("%s: %s %s: %s", referenceNarrative, rc.Status, rc.Rule, rc.Reason))
			idle++
		}
	}
	want = append(want, lines[len(lines)-1], fmt.Sprintf("coverage: %d check(s) ran, %d could not run; %d rule(s) idle, 0 disabled", ran, skipped, idle))
	got := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lint --coverage output (-want +got):\n%s", diff)
	}
	if skipped == 0 || idle == 0 {
		t.Errorf("the reference narrative has %d skipped checks and %d idle rules; the test shows nothing", skipped, idle)
	}
	if !strings.Contains(stdout.String(), referenceNarrative+":28:75: skipped C4 absent fact:fiscal.expenditure.total\n") {
		t.Errorf("no C4 skip at 28:75:\n%s", stdout.String())
	}
}

// TestRunLintCoverageJSON: lint --coverage --format json adds the ledger as
// the file's "coverage" and its totals to the summary.
func TestRunLintCoverageJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runLint([]string{"--coverage", "--format", "json", "--document", referenceFixture, referenceNarrative}, &stdout, &stderr); code != exitFinding {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var out struct {
		Files []struct {
			Coverage *juesuan.Coverage `json:"coverage"`
		} `json:"files"`
		Summary struct {
			Coverage *coverageSummary `json:"coverage"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	want := libraryLintCoverage(t)
	if len(out.Files) != 1 {
		t.Fatalf("%d files", len(out.Files))
	}
	if diff := cmp.Diff(want, out.Files[0].Coverage); diff != "" {
		t.Errorf("coverage member (-library +output):\n%s", diff)
	}
	ran, skipped := want.Totals()
	if s := out.Summary.Coverage; s == nil || s.Ran != ran || s.Skipped != skipped {
		t.Errorf("summary coverage %+v, want ran %d skipped %d", s, ran, skipped)
	}
	stdout.Reset()
	runLint([]string{"--format", "json", "--document", referenceFixture, referenceNarrative}, &stdout, &stderr)
	if strings.Contains(stdout.String(), `"coverage"`) {
		t.Error("coverage member without --coverage")
	}
}

// TestRunValidateCoverageIndicators: validate --coverage lists the
// indicator rules: the reference's 完成率 that cannot be compared with its
// values are skipped checks of P6.
func TestRunValidateCoverageIndicators(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runValidate([]string{"--coverage", referenceFixture}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	cov := libraryCoverage(t, referenceFixture, nil)
	p6 := cov.Rule("P6")
	if p6 == nil || len(p6.Skipped) == 0 {
		t.Fatalf("P6 %+v", p6)
	}
	for _, sk := range p6.Skipped {
		line := fmt.Sprintf("%s: skipped P6 unreadable %s [missing %s]\n", referenceFixture, sk.Path, strings.Join(sk.Missing, ", "))
		if !strings.Contains(stdout.String(), line) {
			t.Errorf("output lacks %q", line)
		}
	}
}
