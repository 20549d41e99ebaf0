package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/indicators"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/google/go-cmp/cmp"
)

const performanceFixture = "../../indicators/testdata/panzhihua-performance.json"

// scoreDoc writes a document of profile sichuan-2020 with a minimal unit
// and the reference performance section, and returns its path and the
// decoded performance section.
func scoreDoc(t *testing.T) (string, *indicators.Performance) {
	t.Helper()
	perf, err := os.ReadFile(performanceFixture)
	if err != nil {
		t.Fatal(err)
	}
	var p indicators.Performance
	if err := json.Unmarshal(perf, &p); err != nil {
		t.Fatal(err)
	}
	doc := `{"profile": "sichuan-2020",
		"unit": {"name": "攀枝花市人民政府驻成都办事处", "fiscalYear": 2020, "amountUnit": "万元"},
		"tables": {},
		"performance": ` + string(perf) + `}`
	path := filepath.Join(t.TempDir(), "doc.json")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, &p
}

// expected scores the tables the way the command must, through the library.
func expected(t *testing.T, p *indicators.Performance, bands indicators.Bands) []indicators.Result {
	t.Helper()
	fw, err := indicators.LookupFramework(sichuan2020.FrameworkID)
	if err != nil {
		t.Fatal(err)
	}
	cfg := indicators.ScoreConfig{Framework: fw, Bands: bands}
	var out []indicators.Result
	for i := range p.Projects {
		out = append(out, indicators.Score(&p.Projects[i], cfg))
	}
	for i := range p.Evaluations {
		out = append(out, indicators.ScoreEvaluation(&p.Evaluations[i], cfg))
	}
	return out
}

func TestScoreText(t *testing.T) {
	path, p := scoreDoc(t)
	for _, tt := range []struct {
		flag  string
		bands indicators.Bands
	}{
		{"", indicators.DefaultBands()},
		{"优良合格不合格", central.Bands()},
	} {
		args := []string{"score", path}
		if tt.flag != "" {
			args = []string{"score", "--bands", tt.flag, path}
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitOK {
			t.Fatalf("%v: exit %d, stderr %s", args, code, stderr.String())
		}
		out := stdout.String()
		for _, r := range expected(t, p, tt.bands) {
			head := strings.SplitN(r.String(), "\n", 2)[0]
			if !strings.Contains(out, head+"\n") {
				t.Errorf("%v: output lacks %q:\n%s", args, head, out)
			}
			if len(r.Items) == 0 {
				t.Errorf("no breakdown for %s", r.Project)
			}
		}
		for _, want := range []string{"项目绩效目标完成情况表 /performance/projects/0", "项目绩效目标完成情况表 /performance/projects/1",
			"评价结论表 /performance/evaluations/0", "预算执行率", "项目完成指标/成本指标/指标1：成都火车站服务费"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: output lacks %q", args, want)
			}
		}
		if got, want := strings.Count(out, "\n"), 3*3+(36+18+18); got != want {
			t.Errorf("%v: %d lines, want %d (3 tables × (kind, score, 执行率) + 72 rows)", args, got, want)
		}
	}
}

func TestScoreJSON(t *testing.T) {
	path, p := scoreDoc(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"score", "--format", "json", "--bands", "优良合格不合格", path}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got []struct {
		File      string `json:"file"`
		Framework string `json:"framework"`
		Tables    []struct {
			Kind string `json:"kind"`
			Path string `json:"path"`
			indicators.Result
		} `json:"tables"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	if len(got) != 1 || got[0].File != path || got[0].Framework != sichuan2020.FrameworkID {
		t.Fatalf("output header: %+v", got)
	}
	want := expected(t, p, central.Bands())
	if len(got[0].Tables) != len(want) {
		t.Fatalf("%d tables, want %d", len(got[0].Tables), len(want))
	}
	kinds := []string{"project", "project", "evaluation"}
	for i, tb := range got[0].Tables {
		if tb.Kind != kinds[i] {
			t.Errorf("table %d kind %s, want %s", i, tb.Kind, kinds[i])
		}
		type summary struct {
			Project, Total, Upper, Max, Grade, UpperGrade string
			Unscored                                      []int
			Items                                         int
		}
		sum := func(r indicators.Result) summary {
			return summary{r.Project, r.Total.String(), r.Upper.String(), r.Max.String(), r.Grade, r.UpperGrade, r.Unscored, len(r.Items)}
		}
		if diff := cmp.Diff(sum(want[i]), sum(tb.Result)); diff != "" {
			t.Errorf("table %d (-want +got):\n%s", i, diff)
		}
	}
}

func TestScoreBadInput(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`{"profile": "sichuan-2020", "unit": `), 0o644); err != nil {
		t.Fatal(err)
	}
	path, _ := scoreDoc(t)
	for _, args := range [][]string{
		{"score", broken},
		{"score", filepath.Join(dir, "missing.json")},
		{"score"},
		{"score", "--bands", "ABCD", path},
		{"score", "--format", "xml", path},
		{"score", path, broken}, // one bad file: exit 2, the good one still scored
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitInput {
			t.Errorf("%v: exit %d, want %d", args, code, exitInput)
		}
		if stderr.Len() == 0 {
			t.Errorf("%v: no message on stderr", args)
		}
		if args[len(args)-1] == broken && len(args) == 3 && !strings.Contains(stdout.String(), "评价结论表") {
			t.Errorf("%v: the good file was not scored", args)
		}
	}
	// A document without a performance section scores nothing, successfully.
	empty := filepath.Join(dir, "empty.json")
	doc := `{"profile": "sichuan-2020", "unit": {"name": "甲", "fiscalYear": 2020, "amountUnit": "万元"}, "tables": {}}`
	if err := os.WriteFile(empty, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"score", empty}, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "无绩效表") {
		t.Errorf("empty document: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}
