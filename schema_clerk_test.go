package juesuan

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/amount"
)

// clerkSchemas are the document schemas a form is built from: the
// neutral one and each built-in profile's, in both drafts.
func clerkSchemas(t *testing.T) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, id := range append([]string{""}, schBuiltins...) {
		var p *Profile
		if id != "" {
			var err error
			if p, err = LookupProfile(id); err != nil {
				t.Fatal(err)
			}
		}
		for _, d := range schDrafts {
			b, err := p.Schema(d, DocumentType)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			out[schemaFileName(id, d)] = m
		}
	}
	return out
}

// eachSchema calls fn on every subschema of s (objects under the subschema
// keywords), with its location.
func eachSchema(s map[string]any, at string, fn func(s map[string]any, at string)) {
	fn(s, at)
	for k, v := range s {
		switch k {
		case "properties", "$defs", "definitions", "patternProperties":
			m, _ := v.(map[string]any)
			for n, sub := range m {
				if o, ok := sub.(map[string]any); ok {
					eachSchema(o, at+"/"+k+"/"+n, fn)
				}
			}
		case "items", "additionalProperties", "not":
			if o, ok := v.(map[string]any); ok {
				eachSchema(o, at+"/"+k, fn)
			}
		case "allOf", "anyOf", "oneOf":
			a, _ := v.([]any)
			for i, e := range a {
				if o, ok := e.(map[string]any); ok {
					eachSchema(o, fmt.Sprintf("%s/%s/%d", at, k, i), fn)
				}
			}
		}
	}
}

// TestSchemaClerkText: each defect of issue 16 that a clerk would see in a
// form generated from the schemas, checked on every schema.
func TestSchemaClerkText(t *testing.T) {
	// Developer text that must not appear in a title or description.
	dev := []string{"JSON Pointer", "unit.amountUnit", "juesuan.Decode", "^(", "Decode", "（万元）"}
	for file, root := range clerkSchemas(t) {
		counts := map[string]int{}
		eachSchema(root, "#", func(s map[string]any, at string) {
			title, _ := s["title"].(string)
			desc, _ := s["description"].(string)
			for _, d := range dev {
				if strings.Contains(title, d) || strings.Contains(desc, d) {
					t.Errorf("%s %s: developer text %q in %q / %q", file, at, d, title, desc)
				}
			}
			if s["pattern"] == nil || s["type"] != "string" {
			} else if p, _ := s["pattern"].(string); p == amount.Pattern {
				counts["amount"]++
				if desc == "" || !strings.Contains(desc, "金额单位") && !strings.HasSuffix(at, "Percent") {
					t.Errorf("%s %s: amount without a description naming the unit: %q", file, at, desc)
				}
				if d := cmp.Diff([]any{amountExample}, s["examples"]); d != "" {
					t.Errorf("%s %s: amount examples (-want +got):\n%s", file, at, d)
				}
			}
			if _, ok := s["const"]; ok {
				counts["const"]++
				if s["readOnly"] != true {
					t.Errorf("%s %s: const without readOnly", file, at)
				}
			}
			if one, ok := s["oneOf"].([]any); ok {
				for _, e := range one {
					if o, _ := e.(map[string]any); o != nil && o["const"] != nil {
						t.Errorf("%s %s: a oneOf of consts (one error per alternative); use enum", file, at)
						break
					}
				}
			}
			if _, ok := s["enum"]; ok {
				counts["enum"]++
			}
			if s["type"] == "array" {
				it, _ := s["items"].(map[string]any)
				if it == nil || it["title"] == nil && it["$ref"] == nil {
					t.Errorf("%s %s: array items without a title", file, at)
				}
			}
		})
		if counts["amount"] < 100 || counts["enum"] == 0 {
			t.Errorf("%s: %d amounts, %d enums: the walk missed the tree", file, counts["amount"], counts["enum"])
		}
		if id, _, ok := strings.Cut(file, ".document."); ok && id != "document" {
			// profile, and fiscalYear when the profile covers one year
			// (a range is minimum/maximum, for the clerk to choose).
			want := 2
			if p, err := LookupProfile(id); err != nil {
				t.Fatal(err)
			} else if y := p.years(); y.First != y.Last {
				want = 1
			}
			if counts["const"] != want {
				t.Errorf("%s: %d consts, want %d (profile, and fiscalYear for a single year)", file, counts["const"], want)
			}
		}
		// The profile's own description names the profile, not another one.
		if id, _, ok := strings.Cut(file, ".document."); ok && id != "document" {
			prof := root["properties"].(map[string]any)["profile"].(map[string]any)
			if desc := prof["description"].(string); !strings.Contains(desc, id) || strings.Contains(desc, "例如") {
				t.Errorf("%s: profile description %q", file, desc)
			}
		}
	}
}
