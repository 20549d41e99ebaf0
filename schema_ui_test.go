package juesuan

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFormFilesUpToDate regenerates schemas/ui and schemas/messages in
// memory and compares them with the committed files (go generate, or
// go test -run FormFilesUpToDate -update, rewrites them).
func TestFormFilesUpToDate(t *testing.T) {
	var builtins []*Profile
	for _, id := range schBuiltins {
		p, err := LookupProfile(id)
		if err != nil {
			t.Fatal(err)
		}
		builtins = append(builtins, p)
	}
	files, err := formFiles(builtins...)
	if err != nil {
		t.Fatal(err)
	}
	for n, b := range files {
		path := filepath.Join("schemas", filepath.FromSlash(n))
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s is stale or missing (%v): run go generate (or go test -run FormFilesUpToDate -update)", path, err)
		}
	}
	for _, dir := range []string{"ui", "messages"} {
		committed, _ := filepath.Glob(filepath.Join("schemas", dir, "*.json"))
		for _, p := range committed {
			if _, ok := files[dir+"/"+filepath.Base(p)]; !ok {
				t.Errorf("%s is committed but not generated", p)
			}
		}
	}
}

func uiOf(t *testing.T, id string, kind UIKind, typ string, opt UIOptions) map[string]any {
	t.Helper()
	p, err := LookupProfile(id)
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.UISchema(kind, typ, opt)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// dig returns the value at the slash-separated keys of m.
func dig(m any, path string) any {
	for _, k := range strings.Split(path, "/") {
		o, _ := m.(map[string]any)
		m = o[k]
	}
	return m
}

// TestUISchemaRJSF: tabs in published order without the internal tables
// (unless asked), rows as the grid field with the printed columns,
// read-only constants, textareas, decimal input for amounts.
func TestUISchemaRJSF(t *testing.T) {
	ui := uiOf(t, Sichuan2020, UIRJSF, DocumentType, UIOptions{})
	var tabs []string
	for _, tab := range dig(ui, "tables/ui:options/juesuan/tabs").([]any) {
		tabs = append(tabs, tab.(map[string]any)["key"].(string))
	}
	want := []string{"summary", "income", "expenditure", "fiscalSummary", "fiscalEconomic", "generalBudget",
		"generalBudgetEconomic", "generalBudgetBasic", "generalBudgetProject", "threePublic", "govFund",
		"govFundThreePublic", "stateCapital", "stateCapitalExpenditure"}
	if d := cmp.Diff(want, tabs); d != "" {
		t.Errorf("tabs (-want +got):\n%s", d)
	}
	var cols, headers []string
	for _, c := range dig(ui, "tables/govFund/rows/ui:options/juesuan/grid/columns").([]any) {
		c := c.(map[string]any)
		cols = append(cols, c["key"].(string)+":"+c["kind"].(string))
		if h, ok := c["header"].([]any); ok {
			headers = append(headers, h[0].(string)+"|"+h[1].(string))
		}
	}
	if d := cmp.Diff([]string{"code:code", "name:text", "beginningBalance:amount", "income:amount", "expenditure:amount",
		"basic:amount", "project:amount", "endingBalance:amount"}, cols); d != "" {
		t.Errorf("govFund grid columns (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"本年支出|合计", "本年支出|基本支出", "本年支出|项目支出"}, headers); d != "" {
		t.Errorf("govFund grid headers (-want +got):\n%s", d)
	}
	for path, want := range map[string]any{
		"tables/govFund/rows/ui:field":                     UIGridField,
		"tables/govFund/ui:title":                          "附表十一 政府性基金预算财政拨款收入支出决算表",
		"profile/ui:readonly":                              true,
		"unit/fiscalYear/ui:readonly":                      true,
		"tables/govFund/note/ui:widget":                    "textarea",
		"tables/z01/ui:widget":                             "hidden",
		"tables/f03/ui:widget":                             "hidden",
		"tables/summary/income/total/ui:options/inputMode": "decimal",
		"tables/summary/income/ui:options/juesuan/layout":  "lines",
		"tables/income/total/ui:options/juesuan/layout":    "line",
		"unit/amountUnit/ui:enumNames":                     []any{"万元", "元"},
		"explanations/items/text/ui:widget":                "textarea",
	} {
		if d := cmp.Diff(want, dig(ui, path)); d != "" {
			t.Errorf("%s (-want +got):\n%s", path, d)
		}
	}
	in := uiOf(t, Sichuan2020, UIRJSF, DocumentType, UIOptions{Internal: true})
	if dig(in, "tables/z01/ui:widget") != nil || dig(in, "tables/z01_1/rows/ui:field") != UIGridField {
		t.Errorf("Internal: z01 %v, z01_1 rows %v", dig(in, "tables/z01"), dig(in, "tables/z01_1/rows/ui:field"))
	}
	if n := len(dig(in, "tables/ui:options/juesuan/tabs").([]any)); n != 18 {
		t.Errorf("Internal: %d tabs, want 18", n)
	}
	one := uiOf(t, Sichuan2020, UIRJSF, "threePublic", UIOptions{})
	if d := cmp.Diff("附表十 一般公共预算财政拨款“三公”经费支出决算表", one["ui:title"]); d != "" {
		t.Errorf("--type threePublic title (-want +got):\n%s", d)
	}
}

// TestUISchemaJSONForms: one Category per shown table in order, read-only
// constants, the internal tables only when asked for.
func TestUISchemaJSONForms(t *testing.T) {
	ui := uiOf(t, Central2024, UIJSONForms, DocumentType, UIOptions{})
	if ui["type"] != "Categorization" {
		t.Fatalf("type %v", ui["type"])
	}
	var labels []string
	var scopes []string
	var walk func(e any)
	walk = func(e any) {
		m, _ := e.(map[string]any)
		if s, ok := m["scope"].(string); ok {
			scopes = append(scopes, s)
		}
		if els, ok := m["elements"].([]any); ok {
			for _, x := range els {
				walk(x)
			}
		}
	}
	for _, c := range ui["elements"].([]any) {
		labels = append(labels, c.(map[string]any)["label"].(string))
		walk(c)
	}
	want := []string{"单位信息", "附表一 收入支出决算总表", "附表二 收入决算表", "附表三 支出决算表", "附表四 财政拨款收入支出决算总表",
		"附表五 一般公共预算财政拨款支出决算表", "附表六 一般公共预算财政拨款基本支出决算表", "附表七 财政拨款“三公”经费支出决算表",
		"附表八 政府性基金预算财政拨款收入支出决算表", "附表九 国有资本经营预算财政拨款收入支出决算表", "上年数", "公开说明事项", "预算绩效", "出错说明"}
	if d := cmp.Diff(want, labels); d != "" {
		t.Errorf("categories (-want +got):\n%s", d)
	}
	for _, s := range scopes {
		if strings.Contains(s, "/z01") || strings.Contains(s, "/f03") {
			t.Errorf("internal table shown: %s", s)
		}
	}
	if !slices.Contains(scopes, "#/properties/tables/properties/income/properties/rows") {
		t.Errorf("no rows control for 收入决算表 in %v", scopes)
	}
	first := dig(ui["elements"].([]any)[0], "elements").([]any)[0].(map[string]any)
	if d := cmp.Diff(map[string]any{"type": "Control", "scope": "#/properties/profile", "options": map[string]any{"readonly": true}}, first); d != "" {
		t.Errorf("profile control (-want +got):\n%s", d)
	}
	in := uiOf(t, Central2024, UIJSONForms, DocumentType, UIOptions{Internal: true})
	if n := len(in["elements"].([]any)); n != len(want)+4 {
		t.Errorf("Internal: %d categories, want %d", n, len(want)+4)
	}
	p, _ := LookupProfile(Central2024)
	perf := uiOf(t, Central2024, UIJSONForms, "performance", UIOptions{})
	if perf["type"] != "VerticalLayout" || len(perf["elements"].([]any)) == 0 {
		t.Errorf("performance: %v", perf)
	}
	if _, err := p.UISchema(UIJSONForms, "nope", UIOptions{}); !errors.Is(err, ErrUnknownSchemaType) {
		t.Errorf("unknown type: %v", err)
	}
	if _, err := p.UISchema("vue", DocumentType, UIOptions{}); !errors.Is(err, ErrSchema) {
		t.Errorf("unknown kind: %v", err)
	}
	if _, err := (*Profile)(nil).UISchema(UIRJSF, DocumentType, UIOptions{}); !errors.Is(err, ErrSchema) {
		t.Errorf("nil profile: %v", err)
	}
}
