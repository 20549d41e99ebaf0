package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const referenceNarrative = "../../testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt"

// TestRunChecklist: the 检查表 of the reference, with and without its
// narrative, in text and JSON, and the usage errors.
func TestRunChecklist(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		contains []string
		lacks    []string
	}{
		{"tables only", []string{referenceFixture}, exitOK, []string{"3\t合格\t一般公共预算支出公开到功能分类项级", "7\t未核对\t部门职责与机构设置", "4\t未核对\t基本支出公开到经济分类款级", "\t\tG2 未核对：table lists no rows: generalBudgetBasic", "合格 5 项，不合格 0 项，未核对 16 项"}, nil},
		{"with the narrative", []string{"--narrative", referenceNarrative, referenceFixture}, exitFinding,
			[]string{"12\t不合格\t一般公共预算财政拨款支出决算情况说明", "\t\tC5 表文不一致", "\t\tA14 有 6 处未能核对", "合格 18 项，不合格 2 项，未核对 1 项"}, nil},
		{"coverage", []string{"--coverage", referenceFixture}, exitOK,
			[]string{"4\t未核对\t基本支出公开到经济分类款级", ".json: skipped A14 absent /tables/threePublic/budget/vehicle", ".json: idle B14: no prior-year document", "coverage: "}, nil},
		{"no coverage without the flag", []string{referenceFixture}, exitOK, nil, []string{"skipped", "coverage: "}},
		// Last year's document given: B14 and B15 look at it (the reference
		// states neither 年初 nor 上年 figures they compare).
		{"prior", []string{"--coverage", "--prior", referenceFixture, referenceFixture}, exitOK,
			[]string{".json: idle B14: nothing to check", ".json: idle B15: nothing to check"}, []string{"no prior-year document"}},
		{"prior unreadable", []string{"--prior", "nowhere.json", referenceFixture}, exitInput, nil, nil},
		{"bad format", []string{"--format", "xml", referenceFixture}, exitInput, nil, nil},
		{"no file", nil, exitInput, nil, nil},
		{"unknown profile", []string{"--profile", "nowhere-1999", referenceFixture}, exitInput, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append([]string{"checklist"}, tc.args...), &out, &errb); code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errb.String())
			}
			for _, s := range tc.contains {
				if !strings.Contains(out.String(), s) {
					t.Errorf("output lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range tc.lacks {
				if strings.Contains(out.String(), s) {
					t.Errorf("output holds %q:\n%s", s, out.String())
				}
			}
		})
	}
	var out, errb bytes.Buffer
	if code := run([]string{"checklist", "--format", "json", "--narrative", referenceNarrative, referenceFixture}, &out, &errb); code != exitFinding {
		t.Fatalf("json: exit %d: %s", code, errb.String())
	}
	var r struct {
		Profile string
		Items   []struct {
			ID, Status string
			Findings   []struct{ Rule string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	var failed []string
	for _, it := range r.Items {
		if it.Status == "不合格" {
			failed = append(failed, it.ID+" "+it.Findings[0].Rule)
		}
	}
	if diff := cmp.Diff([]string{"12 C5", "20 C16"}, failed); diff != "" || r.Profile != "sichuan-2020" || len(r.Items) != 21 {
		t.Errorf("json: profile %q, %d items, failed (-want +got):\n%s", r.Profile, len(r.Items), diff)
	}
	if bytes.Contains(out.Bytes(), []byte(`"coverage"`)) {
		t.Error("json without --coverage holds a coverage member")
	}
	// With --coverage: the ledger of the table and the narrative rules.
	out.Reset()
	if code := run([]string{"checklist", "--format", "json", "--coverage", "--narrative", referenceNarrative, referenceFixture}, &out, &errb); code != exitFinding {
		t.Fatalf("json --coverage: exit %d: %s", code, errb.String())
	}
	var c struct {
		Coverage struct {
			Rules []struct {
				Rule, Status string
				Skipped      []struct{ Reason string }
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &c); err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	skipped := map[string]int{}
	for _, rc := range c.Coverage.Rules {
		status[rc.Rule] = rc.Status
		skipped[rc.Rule] = len(rc.Skipped)
	}
	if status["A1"] != "ran" || status["C1"] != "ran" || status["G2"] != "idle" || skipped["A14"] != 6 {
		t.Errorf("json --coverage: A1 %q, C1 %q, G2 %q, A14 skipped %d; want ran, ran, idle, 6", status["A1"], status["C1"], status["G2"], skipped["A14"])
	}
}
