package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan"
)

func TestRunSchema(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		title  string // of the printed schema
		schema string // its $schema
		stderr string // a part of stderr
	}{
		{"neutral", []string{}, exitOK, "部门决算文档", juesuan.Draft2020.URI(), ""},
		{"profile", []string{"--profile", "sichuan-2020"}, exitOK, "部门决算文档：四川省2020年度部门决算公开（14张表）", juesuan.Draft2020.URI(), ""},
		{"draft-07 table", []string{"--profile", "central-2024", "--draft", "07", "--type", "threePublic"}, exitOK, "财政拨款“三公”经费支出决算表", juesuan.Draft07.URI(), ""},
		{"sichuan 三公", []string{"--profile=sichuan-2020", "--type=threePublic"}, exitOK, "一般公共预算财政拨款“三公”经费支出决算表", juesuan.Draft2020.URI(), ""},
		{"unknown profile", []string{"--profile", "nope"}, exitInput, "", "", "unknown profile"},
		{"unknown type", []string{"--type", "nope"}, exitInput, "", "", "unknown type"},
		{"unknown draft", []string{"--draft", "04"}, exitInput, "", "", "unknown draft"},
		{"argument", []string{"extra"}, exitInput, "", "", "unexpected argument"},
		{"all without out", []string{"--all"}, exitInput, "", "", "--out"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append([]string{"schema"}, c.args...), &out, &errb); code != c.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, c.code, errb.String())
			}
			if !strings.Contains(errb.String(), c.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), c.stderr)
			}
			if c.code != exitOK {
				return
			}
			var s struct {
				Schema string `json:"$schema"`
				Title  string `json:"title"`
			}
			if err := json.Unmarshal(out.Bytes(), &s); err != nil {
				t.Fatal(err)
			}
			if s.Title != c.title || s.Schema != c.schema {
				t.Errorf("title %q $schema %q, want %q %q", s.Title, s.Schema, c.title, c.schema)
			}
		})
	}
}

// TestRunSchemaAll writes every document schema; they equal the committed
// ones in schemas/ (the root package's TestSchemaFilesUpToDate checks that
// those are current).
func TestRunSchemaAll(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"schema", "--all", "--out", dir}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	files, err := juesuan.SchemaFiles()
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for n, b := range files {
		want = append(want, filepath.Join(dir, n))
		w, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil || !bytes.Equal(w, b) {
			t.Errorf("%s: %v", n, err)
		}
	}
	got = strings.Fields(out.String())
	slices.Sort(want)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("printed paths (-want +got):\n%s", d)
	}
}

func TestRunSchemaList(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"schema", "--list", "--profile", "central-2024"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	want, _ := juesuan.SchemaTypes("central-2024")
	if d := cmp.Diff(want, strings.Fields(out.String())); d != "" {
		t.Errorf("types (-want +got):\n%s", d)
	}
}
