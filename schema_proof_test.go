package juesuan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cnfiscal/juesuan/audit"
)

// The proofs that real consumers accept the exported schemas, and that the
// schemas and Decode agree:
//
//   - TestSchemaFixtures validates every testdata fixture against the
//     neutral schema and its profile's schema (both drafts) with
//     santhosh-tekuri/jsonschema and compares with Go;
//   - TestSchemaStructuralFixtures checks that testdata/invalid-structural/KEYWORD*.json
//     fail with KEYWORD;
//   - TestSchemaDifferential mutates the fixtures systematically and checks
//     that Decode and the schemas agree on every mutation;
//   - TestSchemaFormRoundTrip reads what schemas/nodecheck (ajv, rjsf,
//     JSON Forms) wrote and decodes it in Go.
//
// The relations checked are:
//
//	neutral schema accepts  ⇔  Decode accepts
//	profile schema accepts  ⇔  Decode accepts and rules S1–S5 (SchemaRules) report nothing
//
// except for input that Decode rejects for a property of the JSON text,
// which a schema never sees (schInputRules).

// schInputRules are the decode rules about the JSON text rather than the
// document's shape: JSON Schema validators see parsed values, after
// duplicate keys were merged and escapes resolved, and do not limit size,
// depth or entry counts.
var schInputRules = []string{"size", "empty", "utf8", "nul", "syntax", "depth", "too-many", "trailing-data", "duplicate-key"}

// schDecode decodes b; input reports that the error is about the JSON text.
func schDecode(b []byte) (d *Document, err error, input bool) {
	d, err = DecodeBytes(b)
	var de *DecodeError
	if errors.As(err, &de) && slices.Contains(schInputRules, de.Rule) {
		return d, err, true
	}
	return d, err, false
}

// schRuleFindings runs the rules the profile schema expresses (S1–S5).
func schRuleFindings(p *Profile, d *Document) audit.Findings {
	rep := audit.NewReporter(nil)
	runDocumentRules(d, p, rep)
	return rep.Findings()
}

// schFixture is a JSON file under testdata.
type schFixture struct {
	path string
	data []byte
}

// schFixtures returns the JSON files under testdata except expected results
// (*.expected.json, golden files), fuzz corpora and the structural fixtures
// (testdata/invalid-structural, checked by TestSchemaStructuralFixtures).
func schFixtures(t testing.TB) []schFixture {
	var out []schFixture
	err := filepath.WalkDir("testdata", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			if e.Name() == "fuzz" || path == filepath.Join("testdata", "invalid-structural") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".expected.json") ||
			strings.HasSuffix(path, "golden.json") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out = append(out, schFixture{path, b})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// schProfileOf returns the registered profile a decoded document names.
func schProfileOf(d *Document) *Profile {
	if d == nil {
		return nil
	}
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return nil
	}
	return p
}

// schVerdict compares Go and the schemas on one input. It returns "" when
// they agree, else a description of the disagreement.
func schVerdict(t testing.TB, b []byte, prof *Profile) string {
	t.Helper()
	d, derr, input := schDecode(b)
	if input {
		return ""
	}
	inst := schInstance(t, b)
	var msgs []string
	for _, dr := range schDrafts {
		serr := schCompiled(t, "", dr, DocumentType).Validate(inst)
		if (derr == nil) != (serr == nil) {
			msgs = append(msgs, fmt.Sprintf("neutral %s: Decode error %v; schema error %v", dr.name(), derr, schShort(serr)))
		}
		if prof == nil {
			continue
		}
		want := derr == nil
		var fired []string
		if d != nil && derr == nil {
			for _, f := range schRuleFindings(prof, d) {
				fired = append(fired, f.Rule+" "+f.Path)
			}
			want = len(fired) == 0
		}
		perr := schCompiled(t, prof.ID, dr, DocumentType).Validate(inst)
		if want != (perr == nil) {
			msgs = append(msgs, fmt.Sprintf("%s %s: Decode error %v, S-rules %v; schema error %v", prof.ID, dr.name(), derr, fired, schShort(perr)))
		}
	}
	return strings.Join(msgs, "\n")
}

func schShort(err error) string {
	if err == nil {
		return "<nil>"
	}
	s := err.Error()
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return strings.ReplaceAll(s, "\n", " | ")
}

// TestSchemaFixtures: every fixture is accepted or rejected alike by Go and
// by the schemas; fixtures of a profile's folder (testdata/<profile>/,
// rule-violating variants under invalid/ aside) pass that profile's schema.
func TestSchemaFixtures(t *testing.T) {
	schProfiles(t)
	fixtures := schFixtures(t)
	if len(fixtures) == 0 {
		t.Fatal("no fixtures under testdata")
	}
	for _, f := range fixtures {
		// A fixture rejected for its JSON text is outside what a schema
		// sees (the JSON parser rejects it first): no verdict to compare.
		if _, _, input := schDecode(f.data); input {
			continue
		}
		t.Run(f.path, func(t *testing.T) {
			d, derr, _ := schDecode(f.data)
			prof := schProfileOf(d)
			if msg := schVerdict(t, f.data, prof); msg != "" {
				t.Error(msg)
			}
			dir := strings.Split(filepath.ToSlash(f.path), "/")
			if len(dir) == 3 && derr == nil {
				if p, err := LookupProfile(dir[1]); err == nil {
					for _, dr := range schDrafts {
						if err := schCompiled(t, p.ID, dr, DocumentType).Validate(schInstance(t, f.data)); err != nil {
							t.Errorf("fixture of %s fails its schema (%s): %v", p.ID, dr.name(), err)
						}
					}
				}
			}
		})
	}
}

// TestSchemaStructuralFixtures: each file testdata/invalid-structural/KEYWORD[-what].json
// breaks the neutral schema (or, for the profile keywords const, and a
// required table, the profile schema) with KEYWORD, in both drafts, and
// Go agrees.
func TestSchemaStructuralFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "invalid-structural", "*.json"))
	if len(files) == 0 {
		t.Fatal("no structural fixtures")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			keyword, _, _ := strings.Cut(strings.TrimSuffix(filepath.Base(path), ".json"), "-")
			d, derr, _ := schDecode(b)
			var raw struct {
				Profile string `json:"profile"`
			}
			_ = json.Unmarshal(b, &raw)
			profileLevel := derr == nil
			var prof *Profile
			if profileLevel {
				prof = schProfileOf(d)
				if prof == nil {
					t.Fatalf("decodes, but names no registered profile (%q)", raw.Profile)
				}
				if len(schRuleFindings(prof, d)) == 0 {
					t.Fatalf("Decode accepts it and no rule S1–S5 fires: not structurally invalid")
				}
			}
			for _, dr := range schDrafts {
				id := ""
				if profileLevel {
					id = prof.ID
				}
				err := schCompiled(t, id, dr, DocumentType).Validate(schInstance(t, b))
				if err == nil {
					t.Errorf("%s schema %q accepts it", dr.name(), id)
					continue
				}
				if kws := schKeywords(err); !slices.Contains(kws, keyword) {
					t.Errorf("%s: failed with %v, want %s: %v", dr.name(), kws, keyword, err)
				}
			}
			if msg := schVerdict(t, b, schProfileOf(d)); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// schMutation is one systematic change of a fixture.
type schMutation struct {
	path string // JSON Pointer of the changed node
	kind string // null, type, delete, extra, value, empty
	doc  any
}

// schMutations returns the mutations of doc: for every node, null and a
// value of another JSON type; for every object member, its deletion; for
// every object, an extra member and {} in its place; for every string, values
// that break patterns and enums; for every number, other numbers; for every
// array, [] and an extra element.
func schMutations(doc any) []schMutation {
	var out []schMutation
	var walk func(v any, path []string)
	add := func(path []string, kind string, replace func(parent any, key string) bool) {
		c := schCloneJSON(doc)
		if len(path) == 0 {
			return
		}
		parent := schAt(c, path[:len(path)-1])
		if replace(parent, path[len(path)-1]) {
			out = append(out, schMutation{audit.Pointer(schTokens(path)...), kind, c})
		}
	}
	set := func(path []string, kind string, val func() any) {
		add(path, kind, func(parent any, key string) bool { return schSet(parent, key, val()) })
	}
	walk = func(v any, path []string) {
		if len(path) > 0 {
			set(path, "null", func() any { return nil })
		}
		switch v := v.(type) {
		case map[string]any:
			set(path, "type", func() any { return "x" })
			set(path, "type", func() any { return []any{} })
			set(path, "empty", func() any { return map[string]any{} })
			// an extra member
			c := schCloneJSON(doc)
			if m, ok := schAt(c, path).(map[string]any); ok {
				m["zzExtra"] = "1"
				out = append(out, schMutation{audit.Pointer(schTokens(append(slices.Clone(path), "zzExtra"))...), "extra", c})
			}
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				p := append(slices.Clone(path), k)
				add(p, "delete", func(parent any, key string) bool {
					m, ok := parent.(map[string]any)
					if ok {
						delete(m, key)
					}
					return ok
				})
				walk(v[k], p)
			}
		case []any:
			set(path, "type", func() any { return map[string]any{} })
			set(path, "type", func() any { return json.Number("1") })
			if len(v) > 0 {
				set(path, "empty", func() any { return []any{} })
				set(path, "value", func() any { return append(schCloneJSON(v).([]any), schCloneJSON(v[0])) })
				set(path, "value", func() any { return append(schCloneJSON(v).([]any), "x") })
			}
			for i, e := range v {
				walk(e, append(slices.Clone(path), fmt.Sprint(i)))
			}
		case string:
			set(path, "type", func() any { return json.Number("1") })
			set(path, "type", func() any { return true })
			for _, s := range []string{"", "x", "1e3", "01", "9", "20101", "万元", "元", "generalBudget"} {
				if s != v {
					set(path, "value", func() any { return s })
				}
			}
		case json.Number:
			set(path, "type", func() any { return v.String() })
			set(path, "type", func() any { return false })
			for _, n := range []string{"0", "-1", "1.5", "1999", "2020", "2024", "2101", "1000000000000001"} {
				if n != v.String() {
					set(path, "value", func() any { return json.Number(n) })
				}
			}
		case bool:
			set(path, "type", func() any { return "true" })
		}
	}
	walk(doc, nil)
	// One mutation of each kind and value per location: rows/0/code and
	// rows/1/code are the same location.
	seen := map[string]bool{}
	kept := out[:0]
	for _, m := range out {
		b, _ := json.Marshal(schAt(m.doc, schSplitPointer(m.path)))
		key := m.kind + " " + schGeneralize(m.path) + " " + string(b)
		switch {
		case m.kind == "delete":
			key = m.kind + " " + schGeneralize(m.path)
		case m.kind == "value" && testing.Short():
			// -short: each bad value once per field name.
			path := schSplitPointer(m.path)
			key = m.kind + " " + path[len(path)-1] + " " + string(b)
		}
		if !seen[key] {
			seen[key] = true
			kept = append(kept, m)
		}
	}
	return kept
}

var schIndex = regexp.MustCompile(`/[0-9]+(/|$)`)

// schGeneralize replaces array indices in a JSON Pointer by *.
func schGeneralize(p string) string {
	for {
		q := schIndex.ReplaceAllString(p, "/*$1")
		if q == p {
			return q
		}
		p = q
	}
}

func schSplitPointer(p string) []string {
	if p == "" {
		return nil
	}
	parts := strings.Split(p[1:], "/")
	for i, s := range parts {
		parts[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
	}
	return parts
}

// schTrim cuts every array of a fixture to its first two elements: every
// element schema is still exercised, and validation stays fast.
func schTrim(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = schTrim(e)
		}
	case []any:
		if len(v) > 2 {
			v = v[:2]
		}
		for i, e := range v {
			v[i] = schTrim(e)
		}
		return v
	}
	return v
}

func schTokens(path []string) []any {
	out := make([]any, len(path))
	for i, p := range path {
		out[i] = p
	}
	return out
}

func schAt(v any, path []string) any {
	for _, p := range path {
		switch c := v.(type) {
		case map[string]any:
			v = c[p]
		case []any:
			var i int
			fmt.Sscan(p, &i)
			v = c[i]
		default:
			return nil
		}
	}
	return v
}

func schSet(parent any, key string, val any) bool {
	switch c := parent.(type) {
	case map[string]any:
		c[key] = val
		return true
	case []any:
		var i int
		fmt.Sscan(key, &i)
		c[i] = val
		return true
	}
	return false
}

func schCloneJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		c := make(map[string]any, len(v))
		for k, e := range v {
			c[k] = schCloneJSON(e)
		}
		return c
	case []any:
		c := make([]any, len(v))
		for i, e := range v {
			c[i] = schCloneJSON(e)
		}
		return c
	}
	return v
}

// TestSchemaDifferential mutates the decodable fixtures node by node and
// checks, for each mutation, that Decode and the schemas agree (see the
// relations above). Arrays are first cut to two elements, and each kind of
// mutation is applied once per location (schMutations); the rule-breaking
// variants under testdata/invalid*, near copies of the reference fixture,
// are left to TestSchemaFixtures. -short applies each bad value once per
// field name; a -race build checks the first 300 mutations of each fixture.
func TestSchemaDifferential(t *testing.T) {
	schProfiles(t)
	var docs []schFixture
	for _, f := range schFixtures(t) {
		if strings.HasPrefix(filepath.ToSlash(f.path), "testdata/invalid") {
			continue
		}
		if _, err := DecodeBytes(f.data); err == nil {
			docs = append(docs, f)
		}
	}
	if len(docs) == 0 {
		t.Fatal("no decodable fixtures under testdata")
	}
	var total, bad atomic.Int64
	t.Cleanup(func() { t.Logf("%d mutations, %d disagreements", total.Load(), bad.Load()) })
	for _, f := range docs {
		t.Run(f.path, func(t *testing.T) {
			t.Parallel()
			dec := json.NewDecoder(bytes.NewReader(f.data))
			dec.UseNumber()
			var doc any
			if err := dec.Decode(&doc); err != nil {
				t.Fatal(err)
			}
			doc = schTrim(doc)
			trimmed, _ := json.Marshal(doc)
			if msg := schVerdict(t, trimmed, nil); msg != "" {
				t.Fatalf("the trimmed fixture: %s", msg)
			}
			d, _ := DecodeBytes(f.data)
			prof := schProfileOf(d)
			muts := schMutations(doc)
			if schRace && len(muts) > 300 {
				muts = muts[:300]
			}
			var report []string
			for _, m := range muts {
				b, err := json.Marshal(m.doc)
				if err != nil {
					t.Fatal(err)
				}
				total.Add(1)
				if msg := schVerdict(t, b, prof); msg != "" {
					bad.Add(1)
					report = append(report, fmt.Sprintf("%s %s:\n  %s", m.kind, m.path, strings.ReplaceAll(msg, "\n", "\n  ")))
				}
			}
			if len(report) > 0 {
				n := len(report)
				if n > 40 {
					report = append(report[:40], fmt.Sprintf("… and %d more", n-40))
				}
				t.Errorf("%d of %d mutations: Go and the schema disagree:\n%s", n, len(muts), strings.Join(report, "\n"))
			}
		})
	}
}

// schNodeOut is where schemas/nodecheck writes its results.
const schNodeOut = "schemas/nodecheck/out"

// TestSchemaFormRoundTrip decodes the documents that schemas/nodecheck
// passed through rjsf's form layer (default form state merged with the
// fixture, then rjsf's validator) and compares each with the Go-decoded
// fixture. It also checks the verdicts of ajv, rjsf and JSON Forms on every
// fixture against Go. Run schemas/nodecheck/run.sh first; without its
// output (or with output for other schemas) the test is skipped, or fails
// when JUESUAN_NODECHECK=required:
//
//	bash schemas/nodecheck/run.sh && JUESUAN_NODECHECK=required go test -run TestSchemaFormRoundTrip .
func TestSchemaFormRoundTrip(t *testing.T) {
	// With JUESUAN_NODECHECK=required (set by .ci/run after
	// schemas/nodecheck/run.sh) missing or stale results fail; otherwise
	// they skip the test.
	skip := t.Skipf
	if os.Getenv("JUESUAN_NODECHECK") == "required" {
		skip = t.Fatalf
	}
	results, err := os.ReadFile(filepath.Join(schNodeOut, "results.json"))
	if err != nil {
		skip("no node results (run schemas/nodecheck/run.sh): %v", err)
		return
	}
	var res struct {
		Schemas  map[string]string `json:"schemas"` // file → $id
		Fixtures []struct {
			File     string          `json:"file"`
			Verdicts map[string]bool `json:"verdicts"` // "validator schema-file" → valid
			FormData string          `json:"formData"` // file under out/, "" when not round-tripped
		} `json:"fixtures"`
	}
	if err := json.Unmarshal(results, &res); err != nil {
		t.Fatal(err)
	}
	// The node run must have used the current schemas.
	for file, id := range res.Schemas {
		b, err := os.ReadFile(filepath.Join("schemas", file))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			ID string `json:"$id"`
		}
		_ = json.Unmarshal(b, &m)
		if m.ID != id {
			skip("node results are for %s %s, the committed schema is %s: rerun schemas/nodecheck/run.sh", file, id, m.ID)
			return
		}
	}
	schProfiles(t)
	roundTrips := 0
	for _, f := range res.Fixtures {
		t.Run(f.File, func(t *testing.T) {
			b, err := os.ReadFile(f.File)
			if err != nil {
				t.Fatal(err)
			}
			d, derr, input := schDecode(b)
			if input {
				return
			}
			prof := schProfileOf(d)
			for key, valid := range f.Verdicts {
				_, file, _ := strings.Cut(key, " ")
				want := derr == nil
				if file != schemaFileName("", Draft2020) && file != schemaFileName("", Draft07) {
					if prof == nil || !strings.HasPrefix(file, prof.ID+".") {
						continue
					}
					want = want && len(schRuleFindings(prof, d)) == 0
				}
				if valid != want {
					t.Errorf("%s: valid=%v, Go says %v (Decode error %v)", key, valid, want, derr)
				}
			}
			if f.FormData == "" {
				return
			}
			roundTrips++
			fb, err := os.ReadFile(filepath.Join(schNodeOut, f.FormData))
			if err != nil {
				t.Fatal(err)
			}
			got, err := DecodeBytes(fb)
			if err != nil {
				t.Fatalf("the form layer's output does not decode: %v", err)
			}
			if diff := cmp.Diff(d, got, cmpopts.EquateEmpty(), cmp.Exporter(func(reflect.Type) bool { return true })); diff != "" {
				t.Errorf("form round trip changed the document (-fixture +form):\n%s", diff)
			}
			var x, y bytes.Buffer
			if err := Encode(&x, d); err != nil {
				t.Fatal(err)
			}
			if err := Encode(&y, got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(x.Bytes(), y.Bytes()) {
				t.Errorf("form round trip: re-encodings differ")
			}
		})
	}
	if _, err := os.Stat(schReferencePath); err == nil {
		found := false
		for _, f := range res.Fixtures {
			found = found || (filepath.ToSlash(f.File) == schReferencePath && f.FormData != "")
		}
		if !found {
			t.Errorf("node results lack the form round trip of %s", schReferencePath)
		}
	}
	t.Logf("%d fixtures checked, %d form round trips", len(res.Fixtures), roundTrips)
}
