package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/audit"
	"github.com/google/go-cmp/cmp"
)

const (
	lintDoc  = "../../testdata/sichuan-2020/panzhihua-chengdu-office.json"
	lintText = "../../testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt"
)

func runLintArgs(args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = run(append([]string{"lint"}, args...), &o, &e)
	return o.String(), e.String(), code
}

// TestLintReference: the reference narrative has errors (exit 1); the text
// output gives each finding's position, rule and message and quotes the
// sentence on the next line.
func TestLintReference(t *testing.T) {
	out, errOut, code := runLintArgs("--document", lintDoc, lintText)
	if code != exitFinding || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := lintText + ":48:18: error C5 /tables/generalBudget/total/total 表文不一致：一般公共预算财政拨款支出文中为559.53万元，表中为599.53万元；所述占比95.05%与表中数相符（按文中数计算为88.70%）\n" +
		"    2020年一般公共预算财政拨款支出559.53万元，占本年支出合计的95.05%。\n"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks the C5 block:\n%s", want)
	}
	if !strings.Contains(out, lintText+":82:61: error C12 ") || !strings.Contains(out, "    因公出国（境）支出决算比2017年增加/减少0万元，增长/下降0%。\n") {
		t.Errorf("output lacks the C12 block and its quote")
	}
	last := out[strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n")+1:]
	if !strings.HasPrefix(last, "5 error(s), 30 warning(s)") {
		t.Errorf("summary line %q", last)
	}
}

// TestLintJSON: the JSON output has validate's shape, one file.
func TestLintJSON(t *testing.T) {
	out, _, code := runLintArgs("--format", "json", "--document", lintDoc, lintText)
	if code != exitFinding {
		t.Fatalf("exit %d", code)
	}
	var rep validateReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || rep.Files[0].File != lintText || rep.Summary.Errors != 5 || rep.Summary.Warnings != 30 {
		t.Fatalf("report: files %d, summary %+v", len(rep.Files), rep.Summary)
	}
	var c5 *audit.Finding
	for i, f := range rep.Files[0].Findings {
		if f.Rule == "C5" {
			c5 = &rep.Files[0].Findings[i]
		}
	}
	wantC5 := audit.Finding{Rule: "C5", Severity: audit.Error, Path: "/tables/generalBudget/total/total",
		Message:  "表文不一致：一般公共预算财政拨款支出文中为559.53万元，表中为599.53万元；所述占比95.05%与表中数相符（按文中数计算为88.70%）",
		Expected: "599.53万元", Actual: "559.53万元", Line: 48, Column: 18,
		Quote: "2020年一般公共预算财政拨款支出559.53万元，占本年支出合计的95.05%。"}
	if c5 == nil {
		t.Fatal("no C5 finding")
	}
	if diff := cmp.Diff(wantC5, *c5); diff != "" {
		t.Errorf("C5 (-want +got):\n%s", diff)
	}
}

func TestLintExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.txt")
	if err := os.WriteFile(clean, []byte("三、支出决算情况说明\n本年支出合计630.78万元，其中：基本支出560.28万元，占88.82%；项目支出70.50万元，占11.18%。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	warnOnly := filepath.Join(dir, "warn.txt")
	if err := os.WriteFile(warnOnly, []byte("主要原因：疫情影响，，支出减少。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	latin1 := filepath.Join(dir, "gbk.txt")
	if err := os.WriteFile(latin1, []byte{0xd6, 0xd0, 0xce, 0xc4}, 0o644); err != nil {
		t.Fatal(err)
	}
	badDoc := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(badDoc, []byte(`{"profile": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"consistent narrative", []string{"--document", lintDoc, clean}, exitOK, ""},
		{"warnings only", []string{"--document", lintDoc, warnOnly}, exitOK, ""},
		{"not UTF-8", []string{"--document", lintDoc, latin1}, exitInput, "not valid UTF-8"},
		{"missing narrative", []string{"--document", lintDoc, filepath.Join(dir, "none.txt")}, exitInput, "none.txt"},
		{"undecodable document", []string{"--document", badDoc, clean}, exitInput, "bad.json"},
		{"no document", []string{clean}, exitInput, "usage"},
		{"two narratives", []string{"--document", lintDoc, clean, clean}, exitInput, "usage"},
		{"bad format", []string{"--format", "xml", "--document", lintDoc, clean}, exitInput, "--format"},
		{"unknown profile", []string{"--profile", "nowhere", "--document", lintDoc, clean}, exitInput, "unknown profile"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := runLintArgs(tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d (want %d), stderr %q (want %q)", code, tc.code, errOut, tc.stderr)
			}
		})
	}
}
