package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRunCatalog(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stdout string
		stderr []string // substrings, one per line of stderr
		code   int
	}{
		{
			name:   "default year and kind",
			args:   []string{"2010301", "210", "20805"},
			stdout: "2010301\t行政运行\t项\t一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行\n210\t卫生健康支出\t类\t卫生健康支出\n20805\t行政事业单位离退休\t款\t社会保障和就业支出 > 行政事业单位离退休\n",
		},
		{
			name:   "year 2018, flags after codes",
			args:   []string{"210", "--year", "2018"},
			stdout: "210\t医疗卫生与计划生育支出\t类\t医疗卫生与计划生育支出\n",
		},
		{
			name:   "year 2024",
			args:   []string{"--year=2024", "20805"},
			stdout: "20805\t行政事业单位养老支出\t款\t社会保障和就业支出 > 行政事业单位养老支出\n",
		},
		{
			name:   "econ-dept",
			args:   []string{"--kind", "econ-dept", "30101"},
			stdout: "30101\t基本工资\t款\t工资福利支出 > 基本工资\n",
		},
		{
			name:   "econ-gov",
			args:   []string{"-kind", "econ-gov", "501"},
			stdout: "501\t机关工资福利支出\t类\t机关工资福利支出\n",
		},
		{
			name:   "search",
			args:   []string{"--search", "住房"},
			stdout: "221\t住房保障支出\t类\t住房保障支出\n22102\t住房改革支出\t款\t住房保障支出 > 住房改革支出\n2210201\t住房公积金\t项\t住房保障支出 > 住房改革支出 > 住房公积金\n",
		},
		{
			name:   "search without result",
			args:   []string{"--search", "无此名称"},
			stderr: []string{`no functional name in 2020 contains "无此名称"`},
			code:   1,
		},
		{
			name:   "bad codes; the good one still printed",
			args:   []string{"999", "2O1", "201", "2019999", "--year", "2018", "224"},
			stdout: "201\t一般公共服务支出\t类\t一般公共服务支出\n",
			stderr: []string{
				`functional code "999": code unknown to this edition (2018)`,
				`functional code "2O1": malformed code (2018): non-digit character`,
				`warning: functional code "2019999": code unknown to this edition (2018): the 项 list of this edition is incomplete`,
				`functional code "224": code not valid in this fiscal year (2018): valid as 灾害防治及应急管理支出 from 2019`,
			},
			code: 1,
		},
		{
			name:   "econ code too long",
			args:   []string{"--kind", "econ-dept", "3010101"},
			stderr: []string{`econ-dept code "3010101": malformed code (2020): want 3 or 5 digits`},
			code:   1,
		},
		{
			name:   "bad kind",
			args:   []string{"--kind", "econ", "201"},
			stderr: []string{`--kind: classification: unknown family "econ"`},
			code:   2,
		},
		{
			name:   "year without edition",
			args:   []string{"--year", "2030", "201"},
			stderr: []string{"fiscal year 2030: no catalogue edition"},
			code:   2,
		},
		{
			name:   "bad flag",
			args:   []string{"--nope"},
			stderr: []string{"flag provided but not defined: -nope", "usage: juesuan catalog"},
			code:   2,
		},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := runCatalog(tt.args, &stdout, &stderr)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d; stderr:\n%s", tt.name, code, tt.code, stderr.String())
		}
		if d := cmp.Diff(tt.stdout, stdout.String()); d != "" {
			t.Errorf("%s: stdout (-want +got):\n%s", tt.name, d)
		}
		lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
		if stderr.Len() == 0 {
			lines = nil
		}
		var got []string
		for i, l := range lines {
			if i < len(tt.stderr) && strings.Contains(l, tt.stderr[i]) {
				l = tt.stderr[i]
			}
			got = append(got, l)
		}
		if tt.name == "bad flag" {
			got = got[:min(len(got), 2)]
		}
		if d := cmp.Diff(tt.stderr, got); d != "" {
			t.Errorf("%s: stderr (-want +got):\n%s", tt.name, d)
		}
	}
}

func TestRunCatalogWholeEdition(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runCatalog([]string{"--kind", "econ-gov", "--year", "2024"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 75 || !strings.HasPrefix(lines[0], "501\t机关工资福利支出\t类\t") {
		t.Errorf("whole econ-gov edition: %d lines, first %q", len(lines), lines[0])
	}
}

func TestRunDispatchesCatalog(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"catalog", "201"}, &stdout, &stderr); code != 0 || stdout.String() != "201\t一般公共服务支出\t类\t一般公共服务支出\n" {
		t.Errorf("run catalog 201: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}
