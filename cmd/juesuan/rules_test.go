package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

func TestRunRules(t *testing.T) {
	for _, id := range []string{sichuan2020.ID, central.ID} {
		p, err := juesuan.LookupProfile(id)
		if err != nil {
			t.Fatal(err)
		}
		want := p.RuleCatalog()

		t.Run(id+"/text", func(t *testing.T) {
			var out, errb bytes.Buffer
			args := []string{"--profile", id}
			if id == sichuan2020.ID {
				args = nil // the default
			}
			if code := run(append([]string{"rules"}, args...), &out, &errb); code != exitOK {
				t.Fatalf("exit %d, stderr %s", code, errb.String())
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if len(lines) != len(want) {
				t.Fatalf("%d lines, want %d rules", len(lines), len(want))
			}
			for i, l := range lines {
				f := strings.Split(l, "\t")
				r := want[i]
				if d := cmp.Diff([]string{r.ID, r.Severity.String(), string(r.Kind), r.Title, r.Source}, f); d != "" {
					t.Errorf("line %d (-want +got):\n%s", i, d)
				}
			}
		})

		t.Run(id+"/json", func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run([]string{"rules", "--profile", id, "--format", "json"}, &out, &errb); code != exitOK {
				t.Fatalf("exit %d, stderr %s", code, errb.String())
			}
			var got rulesOutput
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(rulesOutput{Profile: id, Rules: want}, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}

	// The accounts rules are in the default catalogue, with their IDs.
	var out bytes.Buffer
	run([]string{"rules"}, &out, &bytes.Buffer{})
	for _, line := range []string{
		"A1\terror\t表内\t收入总计平衡\t",
		"B10\twarning\t表间\t",
		"K1\terror\t科目\t科目编码有效\t",
		"K2\twarning\t科目\t",
	} {
		if !strings.Contains(out.String(), "\n"+line) && !strings.HasPrefix(out.String(), line) {
			t.Errorf("output lacks a line starting %q", line)
		}
	}

	for _, bad := range [][]string{
		{"rules", "--profile", "nowhere-1999"},
		{"rules", "--format", "xml"},
		{"rules", "extra"},
	} {
		var out, errb bytes.Buffer
		if code := run(bad, &out, &errb); code != exitInput {
			t.Errorf("%v: exit %d, want %d", bad, code, exitInput)
		}
		if errb.Len() == 0 {
			t.Errorf("%v: no message on stderr", bad)
		}
	}
}
