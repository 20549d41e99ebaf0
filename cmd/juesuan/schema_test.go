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
		{"neutral", []string{}, exitOK, "部门决算文档", draft2020URI, ""},
		{"profile", []string{"--profile", "sichuan-2020"}, exitOK, "部门决算文档：四川省2020年度部门决算公开（14张表）", draft2020URI, ""},
		{"draft-07 table", []string{"--profile", "central-2024", "--draft", "07", "--type", "threePublic"}, exitOK, "财政拨款“三公”经费支出决算表", draft07URI, ""},
		{"sichuan 三公", []string{"--profile=sichuan-2020", "--type=threePublic"}, exitOK, "一般公共预算财政拨款“三公”经费支出决算表", draft2020URI, ""},
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

// The $schema of each draft.
const (
	draft2020URI = "https://json-schema.org/draft/2020-12/schema"
	draft07URI   = "http://json-schema.org/draft-07/schema#"
)

// TestRunSchemaAll writes every document schema: the files, and the
// paths printed, are those committed in schemas/ with the uiSchemas and
// message catalogues (the root package's TestSchemaFilesUpToDate and
// TestFormFilesUpToDate check that those are current).
func TestRunSchemaAll(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"schema", "--all", "--out", dir}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	committed, err := filepath.Glob(filepath.Join("..", "..", "schemas", "*.json"))
	if err != nil || len(committed) == 0 {
		t.Fatalf("no committed schema: %v", err)
	}
	forms, _ := filepath.Glob(filepath.Join("..", "..", "schemas", "*", "*.json"))
	for _, f := range forms {
		if d := filepath.Base(filepath.Dir(f)); d == "ui" || d == "messages" {
			committed = append(committed, f)
		}
	}
	var want []string
	for _, c := range committed {
		n, _ := filepath.Rel(filepath.Join("..", "..", "schemas"), c)
		want = append(want, filepath.Join(dir, n))
		w, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		if g, err := os.ReadFile(filepath.Join(dir, n)); err != nil || !bytes.Equal(g, w) {
			t.Errorf("%s differs from schemas/%s (%v)", filepath.Join(dir, n), n, err)
		}
	}
	got := strings.Fields(out.String())
	slices.Sort(want)
	slices.Sort(got)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("printed paths (-want +got):\n%s", d)
	}
}

// TestRunSchemaErrors: a bad --all directory, an unknown draft (reported
// before the profile is looked up), profile or type.
func TestRunSchemaErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--all", "--out", filepath.Join(file, "sub")}, exitInput, "juesuan schema: mkdir "},
		{[]string{"--draft", "2019-09", "--profile", "nope"}, exitInput, "juesuan schema: juesuan: schema: unknown draft \"2019-09\" (want 2020-12 or 07)\n"},
		{[]string{"--profile", "nope"}, exitInput, "juesuan schema: "},
		{[]string{"--list", "--profile", "nope"}, exitInput, "juesuan schema: "},
		{[]string{"--type", "nope"}, exitInput, "juesuan schema: juesuan: schema: unknown type \"nope\""},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(append([]string{"schema"}, tt.args...), &out, &errb)
		if code != tt.code || !strings.HasPrefix(errb.String(), tt.err) || out.Len() != 0 {
			t.Errorf("schema %v: exit %d, stdout %q, stderr %q; want exit %d, stderr %q…", tt.args, code, out.String(), errb.String(), tt.code, tt.err)
		}
	}
}

func TestRunSchemaList(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"schema", "--list", "--profile", "central-2024"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	p, err := juesuan.LookupProfile("central-2024")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := p.SchemaTypes()
	if d := cmp.Diff(want, strings.Fields(out.String())); d != "" {
		t.Errorf("types (-want +got):\n%s", d)
	}
}

// TestRunSchemaForms: --ui and --messages print what the library
// generates, byte for byte (the committed files under schemas/).
func TestRunSchemaForms(t *testing.T) {
	p, err := juesuan.LookupProfile("sichuan-2020")
	if err != nil {
		t.Fatal(err)
	}
	rjsfIncome, _ := p.UISchema(juesuan.UIRJSF, "income", juesuan.UIOptions{})
	jfInternal, _ := p.UISchema(juesuan.UIJSONForms, "document", juesuan.UIOptions{Internal: true})
	msgs, _ := p.Messages("zh-CN")
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		want   []byte
		stderr string
	}{
		{"rjsf table", []string{"--profile", "sichuan-2020", "--ui", "rjsf", "--type", "income"}, exitOK, rjsfIncome, ""},
		{"jsonforms internal", []string{"--profile", "sichuan-2020", "--ui", "jsonforms", "--internal"}, exitOK, jfInternal, ""},
		{"messages", []string{"--profile", "sichuan-2020", "--messages", "zh-CN"}, exitOK, msgs, ""},
		{"ui without profile", []string{"--ui", "rjsf"}, exitInput, nil, "--ui needs --profile"},
		{"unknown ui", []string{"--profile", "sichuan-2020", "--ui", "vue"}, exitInput, nil, "unknown uiSchema kind"},
		{"unknown locale", []string{"--messages", "en"}, exitInput, nil, "no messages for locale"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append([]string{"schema"}, c.args...), &out, &errb); code != c.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, c.code, errb.String())
			}
			if !strings.Contains(errb.String(), c.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), c.stderr)
			}
			if c.code == exitOK && !bytes.Equal(out.Bytes(), c.want) {
				t.Errorf("output differs from the library's (%d vs %d bytes)", out.Len(), len(c.want))
			}
		})
	}
}
