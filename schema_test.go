package juesuan

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

// schemaByID is the schema of the registered profile id ("" for the
// neutral schema), as the command prints it.
func schemaByID(id string, d Draft, typ string) ([]byte, error) {
	var p *Profile
	if id != "" {
		var err error
		if p, err = LookupProfile(id); err != nil {
			return nil, err
		}
	}
	return p.Schema(d, typ)
}

// schemaTypesByID lists the schema types of the registered profile id ("" for
// the neutral schema).
func schemaTypesByID(id string) ([]string, error) {
	var p *Profile
	if id != "" {
		var err error
		if p, err = LookupProfile(id); err != nil {
			return nil, err
		}
	}
	return p.SchemaTypes()
}

// schBuiltins are the profiles whose schemas are committed under schemas/.
var schBuiltins = []string{Central2024, Sichuan2020, Sichuan2023}

var schDrafts = []Draft{Draft2020, Draft07}

// schCache holds compiled schemas by profile, draft and type.
var schCache sync.Map

// schCompiled returns the compiled schema of profile/draft/type.
func schCompiled(t testing.TB, profile string, d Draft, typ string) *jsonschema.Schema {
	t.Helper()
	key := profile + "|" + string(d) + "|" + typ
	if s, ok := schCache.Load(key); ok {
		return s.(*jsonschema.Schema)
	}
	b, err := schemaByID(profile, d, typ)
	if err != nil {
		t.Fatalf("schemaByID(%q, %s, %s): %v", profile, d, typ, err)
	}
	s := schCompile(t, b)
	schCache.Store(key, s)
	return s
}

func schOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func schCompile(t testing.TB, b []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	const url = "mem:///schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return s
}

// schInstance parses JSON as the schema validator wants it.
func schInstance(t testing.TB, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("instance is not JSON: %v", err)
	}
	return v
}

// schKeywords returns the keywords of the leaf errors of a validation
// error (e.g. "required", "pattern", "additionalProperties").
func schKeywords(err error) []string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if p := e.ErrorKind.KeywordPath(); len(p) > 0 {
			seen[p[len(p)-1]] = true
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// schParsed returns the exported schema as a generic JSON value.
func schParsed(t testing.TB, profile string, d Draft, typ string) map[string]any {
	t.Helper()
	b, err := schemaByID(profile, d, typ)
	if err != nil {
		t.Fatalf("schemaByID(%q, %s, %s): %v", profile, d, typ, err)
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// schWalk calls fn on every subschema of s (s included), with its location.
func schWalk(s map[string]any, at string, fn func(s map[string]any, at string)) {
	fn(s, at)
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := s[k]
		switch {
		case slices.Contains(subschemaMapKeys, k):
			m, _ := v.(map[string]any)
			names := make([]string, 0, len(m))
			for n := range m {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				if sub, ok := m[n].(map[string]any); ok {
					schWalk(sub, at+"/"+k+"/"+n, fn)
				}
			}
		case slices.Contains(subschemaKeys, k) || slices.Contains(subschemaArrayKeys, k):
			switch v := v.(type) {
			case map[string]any:
				schWalk(v, at+"/"+k, fn)
			case []any:
				for i, e := range v {
					if sub, ok := e.(map[string]any); ok {
						schWalk(sub, fmt.Sprintf("%s/%s/%d", at, k, i), fn)
					}
				}
			}
		}
	}
}

// schResolve follows a local $ref.
func schResolve(root, s map[string]any) map[string]any {
	for i := 0; i < 10; i++ {
		r, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		parts := strings.Split(strings.TrimPrefix(r, "#/"), "/")
		var cur any = root
		for _, p := range parts {
			p = strings.NewReplacer("~1", "/", "~0", "~").Replace(p)
			m, _ := cur.(map[string]any)
			cur = m[p]
		}
		next, _ := cur.(map[string]any)
		if next == nil {
			return nil
		}
		s = next
	}
	return s
}

// schCustomProfile is a test profile that adds a table with columns, so
// that every schema test also covers added tables.
func schCustomProfile(t testing.TB) *Profile {
	t.Helper()
	p, err := LookupProfile(Sichuan2020)
	if err != nil {
		t.Fatal(err)
	}
	q := p.Clone()
	q.ID = "test-schema-custom"
	q.AddTable(TableSpec{Key: "meetings", Number: "十五", Title: "会议费、培训费支出决算表", Required: true,
		Columns: []ColumnSpec{{Key: "meeting", Title: "会议费"}, {Key: "training", Title: "培训费", Description: "含干部培训"}}})
	q.AddTable(TableSpec{Key: "notes", Title: "附注表", Columns: []ColumnSpec{{Key: "x", Title: "某数"}}})
	return q
}

var schRegisterCustom sync.Once

// schProfiles are the profile IDs the schema tests cover: the neutral
// schema, the built-ins and a registered custom profile.
func schProfiles(t testing.TB) []string {
	schRegisterCustom.Do(func() {
		if err := Register(schCustomProfile(t)); err != nil {
			t.Fatal(err)
		}
	})
	return []string{"", Central2024, Sichuan2020, "test-schema-custom"}
}

// TestWriteSchemas: WriteSchemas writes what TestSchemaFilesUpToDate
// compares with schemas/, and prints nothing when a schema fails.
func TestWriteSchemas(t *testing.T) {
	var builtins []*Profile
	for _, id := range schBuiltins {
		p, err := LookupProfile(id)
		if err != nil {
			t.Fatal(err)
		}
		builtins = append(builtins, p)
	}
	dir := filepath.Join(t.TempDir(), "out")
	paths, err := WriteSchemas(dir, builtins...)
	if err != nil {
		t.Fatal(err)
	}
	committed, _ := filepath.Glob(filepath.Join("schemas", "*.json"))
	var want []string
	for _, c := range committed {
		want = append(want, filepath.Join(dir, filepath.Base(c)))
		w, _ := os.ReadFile(c)
		if g, err := os.ReadFile(filepath.Join(dir, filepath.Base(c))); err != nil || !bytes.Equal(g, w) {
			t.Errorf("%s differs from %s (%v)", filepath.Base(c), c, err)
		}
	}
	if d := cmp.Diff(want, paths); d != "" {
		t.Errorf("paths (-want +got):\n%s", d)
	}

	bad := &Profile{ID: "x", Tables: []TableSpec{{Key: "nope"}}}
	dir2 := filepath.Join(t.TempDir(), "bad")
	if paths, err := WriteSchemas(dir2, bad); !errors.Is(err, ErrInvalidProfile) || paths != nil {
		t.Errorf("invalid profile: %v %v, want ErrInvalidProfile", paths, err)
	}
	if _, err := os.Stat(dir2); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("invalid profile: %s created (%v)", dir2, err)
	}
}

// TestSchemaFilesUpToDate regenerates the committed schemas in memory and
// compares them with schemas/ (go test -run SchemaFiles -update, or go
// generate, rewrites them).
func TestSchemaFilesUpToDate(t *testing.T) {
	var builtins []*Profile
	for _, id := range schBuiltins {
		p, err := LookupProfile(id)
		if err != nil {
			t.Fatal(err)
		}
		builtins = append(builtins, p)
	}
	files, err := schemaFiles(builtins...)
	if err != nil {
		t.Fatal(err)
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range files {
			if !yield(n) {
				return
			}
		}
	})
	want := []string{
		"central-2024.document.2020-12.json", "central-2024.document.draft-07.json",
		"document.2020-12.json", "document.draft-07.json",
		"sichuan-2020.document.2020-12.json", "sichuan-2020.document.draft-07.json",
		"sichuan-2023.document.2020-12.json", "sichuan-2023.document.draft-07.json",
	}
	if d := cmp.Diff(want, names); d != "" {
		t.Errorf("schema files (-want +got):\n%s", d)
	}
	for _, n := range names {
		path := filepath.Join("schemas", n)
		if *update {
			if err := os.WriteFile(path, files[n], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v (run go generate, or go test -run SchemaFilesUpToDate -update)", err)
			continue
		}
		if !bytes.Equal(got, files[n]) {
			t.Errorf("%s is stale: run go generate (or go test -run SchemaFilesUpToDate -update)", path)
		}
	}
	// No stray schema files: every committed document schema is generated.
	committed, _ := filepath.Glob(filepath.Join("schemas", "*.json"))
	for _, p := range committed {
		if _, ok := files[filepath.Base(p)]; !ok {
			t.Errorf("%s is committed but not generated", p)
		}
	}
}

// schKnownPatterns are the patterns a schema may contain: those of the leaf
// types, each equal to its Go constant.
func schKnownPatterns() map[string]string {
	return map[string]string{
		amount.Pattern:                      "amount.Pattern",
		classification.Functional.Pattern(): "classification.Functional.Pattern()",
		classification.EconDept.Pattern():   "classification.EconDept.Pattern()",
		classification.EconGov.Pattern():    "classification.EconGov.Pattern()",
	}
}

// TestSchemaPitfalls checks every exported schema for the measured
// invopop/jsonschema pitfalls and for what form generators need: a title on
// every property (none lost beside $ref: there is no sibling of $ref at
// all), no empty schema (an amount exported as {}), no default, no null,
// closed objects, patterns intact (not cut at a comma) and equal to the Go
// constants, resolvable references, and draft-07 free of 2020-12 keywords.
func TestSchemaPitfalls(t *testing.T) {
	known := schKnownPatterns()
	for _, tagPattern := range schTagPatterns(t) {
		known[tagPattern] = "jsonschema tag"
	}
	validating := []string{"type", "$ref", "const", "enum", "pattern", "allOf", "oneOf", "anyOf"}
	for _, prof := range schProfiles(t) {
		types, err := schemaTypesByID(prof)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range schDrafts {
			for _, typ := range types {
				name := fmt.Sprintf("%s/%s/%s", schOr(prof, "neutral"), d.name(), typ)
				t.Run(name, func(t *testing.T) {
					root := schParsed(t, prof, d, typ)
					if root["$schema"] != d.uri() {
						t.Errorf("$schema = %v, want %s", root["$schema"], d.uri())
					}
					schWalk(root, "#", func(s map[string]any, at string) {
						if len(s) == 0 {
							t.Errorf("%s: empty schema (accepts anything)", at)
						}
						if _, ok := s["$ref"]; ok && len(s) > 1 {
							t.Errorf("%s: $ref has siblings %v (lost in JSON Forms and draft-07)", at, s)
						}
						if r, ok := s["$ref"].(string); ok {
							if schResolve(root, s) == nil {
								t.Errorf("%s: dangling $ref %s", at, r)
							}
							if d == Draft07 && !strings.HasPrefix(r, "#/definitions/") {
								t.Errorf("%s: draft-07 $ref %s", at, r)
							}
						}
						if slices.IndexFunc(validating, func(k string) bool { _, ok := s[k]; return ok }) < 0 && !strings.Contains(at, "/$defs/") && !strings.Contains(at, "/definitions/") {
							t.Errorf("%s: schema validates nothing: %v", at, s)
						}
						if _, ok := s["default"]; ok {
							t.Errorf("%s: default (a form would invent the figure)", at)
						}
						switch ty := s["type"].(type) {
						case string:
							if ty == "null" {
								t.Errorf("%s: null type", at)
							}
						case nil:
						default:
							t.Errorf("%s: type %v is not a single type", at, ty)
						}
						if props, ok := s["properties"].(map[string]any); ok {
							if s["additionalProperties"] != false {
								t.Errorf("%s: object with properties is not closed", at)
							}
							for k, v := range props {
								p := schResolve(root, v.(map[string]any))
								if p == nil || p["title"] == nil || p["title"] == "" {
									t.Errorf("%s/properties/%s: no title", at, k)
								}
							}
						}
						if p, ok := s["pattern"].(string); ok {
							if _, err := regexp.Compile(p); err != nil {
								t.Errorf("%s: pattern %q does not compile: %v", at, p, err)
							}
							if _, ok := known[p]; !ok {
								t.Errorf("%s: pattern %q is no Go constant (cut at a comma?)", at, p)
							}
						}
						for _, k := range []string{"$defs", "prefixItems", "dependentRequired", "dependentSchemas", "unevaluatedProperties", "$anchor", "$dynamicRef"} {
							if _, ok := s[k]; ok && d == Draft07 {
								t.Errorf("%s: %s in draft-07", at, k)
							}
						}
						if _, ok := s["definitions"]; ok && d == Draft2020 {
							t.Errorf("%s: definitions in 2020-12", at)
						}
					})
				})
			}
		}
	}
}

// TestSchemaLeaves checks that each leaf accepts exactly what its Go type
// accepts: amounts, codes, the amount unit, the fund and severities, over
// a list of tricky candidate strings.
func TestSchemaLeaves(t *testing.T) {
	candidates := []string{
		"", "0", "-0", "00", "01", "1", "-1", "1.", ".5", "0.5", "-0.5", "1.50", "1.5000000", "1.123456",
		"123456789012", "1234567890123", "-123456789012.123456", "1e5", "1E5", "+1", " 1", "1 ", "1,000",
		"0x10", "NaN", "Infinity", "１２", "1\n", "-0.0", "-0.00", "-0.000001", "0.000000",
		"2", "20", "201", "2010", "20101", "201010", "2010101", "20101011", "301", "30101", "3010101", "abc",
		"万元", "元", " 元", "万 元", "千元", "generalBudget", "govFund", "stateCapital", "GeneralBudget",
		"info", "warning", "error", "Error", "fatal",
	}
	type leafCase struct {
		name  string
		typ   reflect.Type
		parse func(string) error
	}
	text := func(v any) func(string) error {
		return func(s string) error {
			u := reflect.New(reflect.TypeOf(v)).Interface()
			if tu, ok := u.(interface{ UnmarshalText([]byte) error }); ok {
				return tu.UnmarshalText([]byte(s))
			}
			return nil // no UnmarshalText: Decode accepts any string
		}
	}
	cases := []leafCase{
		{"amount", reflect.TypeFor[amount.Amount](), text(amount.Amount{})},
		{"amountUnit", reflect.TypeFor[amount.Unit](), text(amount.Unit(""))},
		{"funcCode", reflect.TypeFor[classification.FuncCode](), text(classification.FuncCode(""))},
		{"econDeptCode", reflect.TypeFor[classification.EconDeptCode](), text(classification.EconDeptCode(""))},
		{"econGovCode", reflect.TypeFor[classification.EconGovCode](), text(classification.EconGovCode(""))},
		{"severity", reflect.TypeFor[audit.Severity](), text(audit.Severity(0))},
		{"fund", reflect.TypeFor[accounts.Fund](), text(accounts.Fund(""))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, ok := leafByType(c.typ)
			if !ok {
				t.Fatalf("no leaf for %v", c.typ)
			}
			for _, d := range schDrafts {
				root := newObj().set("$schema", d.uri())
				for _, k := range l.schema().keys {
					root.set(k, l.schema().m[k])
				}
				b, err := writeJSON(root)
				if err != nil {
					t.Fatal(err)
				}
				s := schCompile(t, b)
				for _, cand := range candidates {
					js, _ := json.Marshal(cand)
					goOK := c.parse(cand) == nil
					schemaOK := s.Validate(schInstance(t, js)) == nil
					if goOK != schemaOK {
						t.Errorf("%s %q: Go accepts=%v, schema accepts=%v", d.name(), cand, goOK, schemaOK)
					}
				}
			}
		})
	}
	// Count: a JSON integer 0..MaxCount (Decode also rejects the spellings
	// 1.0 and 1e3, which JSON Schema cannot tell from 1 and 1000).
	l, _ := leafByType(reflect.TypeFor[amount.Count]())
	b, _ := writeJSON(l.schema().set("$schema", Draft2020.uri()))
	s := schCompile(t, b)
	for _, cand := range []string{"0", "1", "-1", "1.5", `"1"`, "1000000000000000", "1000000000000001", "true"} {
		var c amount.Count
		goOK := c.UnmarshalJSON([]byte(cand)) == nil
		schemaOK := s.Validate(schInstance(t, []byte(cand))) == nil
		if goOK != schemaOK {
			t.Errorf("count %s: Go accepts=%v, schema accepts=%v", cand, goOK, schemaOK)
		}
	}
}

// schTagPatterns returns the pattern= values of the jsonschema tags of all
// types reachable from Document (split on unescaped commas).
func schTagPatterns(t testing.TB) []string {
	var out []string
	schVisitFields(reflect.TypeFor[Document](), func(owner reflect.Type, f reflect.StructField) {
		for _, piece := range schTagPieces(f) {
			if v, ok := strings.CutPrefix(piece, "pattern="); ok {
				out = append(out, v)
			}
		}
	})
	return out
}

// schVisitFields calls fn for every struct field of every type reachable
// from t.
func schVisitFields(t reflect.Type, fn func(owner reflect.Type, f reflect.StructField)) {
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		if _, ok := leafByType(t); ok {
			return
		}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() && !f.Anonymous {
				continue
			}
			fn(t, f)
			visit(f.Type)
		}
	}
	visit(t)
}

// schTagPieces splits a field's jsonschema tag as the decoder and invopop
// do (splitTag); a field without the tag has no pieces.
func schTagPieces(f reflect.StructField) []string {
	tag := f.Tag.Get("jsonschema")
	if tag == "" {
		return nil
	}
	return splitTag(tag)
}

// TestSchemaTags guards against tag-comma truncation and against Go types
// the schema cannot mirror: every jsonschema tag piece is key=value with a
// known key (an unescaped ASCII comma inside a title, description or
// pattern would leave a piece without "=" or with an unknown key); no struct
// has two fields with one JSON name (encoding/json's dominance rules, which
// invopop does not follow); no map is keyed by a type with its own text
// encoding.
func TestSchemaTags(t *testing.T) {
	known := []string{"title", "description", "minLength", "maxLength", "pattern", "enum", "minimum", "maximum",
		"exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "example", "readOnly", "writeOnly", "required"}
	schVisitFields(reflect.TypeFor[Document](), func(owner reflect.Type, f reflect.StructField) {
		for _, piece := range schTagPieces(f) {
			k, _, ok := strings.Cut(piece, "=")
			if !ok || !slices.Contains(known, k) {
				t.Errorf("%v.%s: jsonschema tag piece %q (an unescaped comma? write \\, or use ，)", owner, f.Name, piece)
			}
		}
		if f.Type.Kind() == reflect.Map && customEncoding(f.Type.Key()) {
			t.Errorf("%v.%s: map keyed by %v, whose key format the schema does not express", owner, f.Name, f.Type.Key())
		}
	})
	seen := map[reflect.Type]bool{}
	schVisitFields(reflect.TypeFor[Document](), func(owner reflect.Type, f reflect.StructField) {
		if seen[owner] {
			return
		}
		seen[owner] = true
		names := map[string]string{}
		var collect func(st reflect.Type, prefix string)
		collect = func(st reflect.Type, prefix string) {
			for i := 0; i < st.NumField(); i++ {
				f := st.Field(i)
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if name == "-" {
					continue
				}
				if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
					collect(f.Type, prefix+f.Name+".")
					continue
				}
				if !f.IsExported() {
					continue
				}
				if name == "" {
					name = f.Name
				}
				if prev, ok := names[name]; ok {
					t.Errorf("%v: JSON name %q used by %s and %s", owner, name, prev, prefix+f.Name)
				}
				names[name] = prefix + f.Name
			}
		}
		collect(owner, "")
	})
}

// TestSchemaNamer: same-named types of two packages (accounts.OperatingCost
// and indicators.OperatingCost) keep their own shapes.
func TestSchemaNamer(t *testing.T) {
	root := schParsed(t, "", Draft2020, DocumentType)
	f03 := schResolve(root, root["properties"].(map[string]any)["tables"].(map[string]any)["properties"].(map[string]any)["f03"].(map[string]any))
	oc := f03["properties"].(map[string]any)["operatingCost"].(map[string]any)["properties"].(map[string]any)
	if _, ok := oc["amount"]; !ok {
		t.Errorf("f03 operatingCost properties %v, want accounts.OperatingCost (amount)", slices.Sorted(func(y func(string) bool) {
			for k := range oc {
				y(k)
			}
		}))
	}
	perf := schResolve(root, root["properties"].(map[string]any)["performance"].(map[string]any))
	dep := perf["properties"].(map[string]any)["department"].(map[string]any)["properties"].(map[string]any)
	poc := dep["operatingCost"].(map[string]any)["properties"].(map[string]any)
	if _, ok := poc["current"]; !ok {
		t.Errorf("department operatingCost is not indicators.OperatingCost")
	}

	type pair struct {
		A accounts.OperatingCost `json:"a" jsonschema:"title=甲"`
		B schOperatingCost       `json:"b" jsonschema:"title=乙"`
	}
	out, _, err := reflectType(reflect.TypeFor[pair]())
	if err != nil {
		t.Fatal(err)
	}
	a := out.obj("properties").obj("a").obj("properties")
	b := out.obj("properties").obj("b").obj("properties")
	if _, ok := a.get("amount"); !ok {
		t.Errorf("a: %v", a.keys)
	}
	if _, ok := b.get("other"); !ok {
		t.Errorf("b: %v", b.keys)
	}
}

// schOperatingCost has the name of accounts.OperatingCost (after the
// package prefix the Namer adds, juesuan.schOperatingCost vs
// accounts.OperatingCost) — see TestSchemaNamer.
type schOperatingCost struct {
	Other string `json:"other" jsonschema:"title=其他"`
}

// schTree is recursive (invopop #165/#148: DoNotReference overflows the
// stack, ExpandedStruct leaves a dangling $ref).
type schTree struct {
	Name     string    `json:"name" jsonschema:"title=名称"`
	Children []schTree `json:"children,omitempty" jsonschema:"title=下级"`
	Parent   *schTree  `json:"parent,omitempty" jsonschema:"title=上级"`
}

func TestSchemaRecursion(t *testing.T) {
	out, defs, err := reflectType(reflect.TypeFor[schTree]())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := defs.get("juesuan.schTree"); !ok {
		t.Fatalf("recursive type not kept as a definition: %v", defs.keys)
	}
	out.set("$schema", Draft2020.uri()).set("$defs", defs)
	b, err := writeJSON(out)
	if err != nil {
		t.Fatal(err)
	}
	root := map[string]any{}
	if err := json.Unmarshal(b, &root); err != nil {
		t.Fatal(err)
	}
	schWalk(root, "#", func(s map[string]any, at string) {
		if _, ok := s["$ref"]; ok && len(s) > 1 {
			t.Errorf("%s: $ref with siblings", at)
		}
		if props, ok := s["properties"].(map[string]any); ok {
			for k, v := range props {
				if p := schResolve(root, v.(map[string]any)); p["title"] == nil {
					t.Errorf("%s/%s: no title", at, k)
				}
			}
		}
	})
	s := schCompile(t, b)
	for _, c := range []struct {
		doc string
		ok  bool
	}{
		{`{"name":"a","children":[{"name":"b","children":[{"name":"c","parent":{"name":"a"}}]}]}`, true},
		{`{"name":"a","children":[{"name":"b","children":[{"nom":"c"}]}]}`, false},
		{`{"name":"a","parent":{"name":1}}`, false},
	} {
		if got := s.Validate(schInstance(t, []byte(c.doc))) == nil; got != c.ok {
			t.Errorf("%s: schema accepts=%v, want %v", c.doc, got, c.ok)
		}
	}
	d2 := newObj()
	for _, k := range out.keys {
		d2.set(k, out.m[k])
	}
	if err := toDraft07(d2, "#"); err != nil {
		t.Fatal(err)
	}
	d2.set("$schema", Draft07.uri())
	b7, _ := writeJSON(d2)
	schCompile(t, b7)
}

var schIDPattern = regexp.MustCompile(`^https://github\.com/cnfiscal/juesuan/schemas/([A-Za-z0-9._-]+/)?(2020-12|draft-07)/([A-Za-z0-9_.]+)-v([0-9a-f]{8})\.json$`)

// TestSchemaID: the $id follows the documented scheme, its hash is that of
// the schema without its $id, and it changes when the schema changes.
func TestSchemaID(t *testing.T) {
	for _, prof := range schProfiles(t) {
		for _, d := range schDrafts {
			for _, typ := range []string{DocumentType, "performance"} {
				b, err := schemaByID(prof, d, typ)
				if err != nil {
					t.Fatal(err)
				}
				var m map[string]any
				if err := json.Unmarshal(b, &m); err != nil {
					t.Fatal(err)
				}
				id, _ := m["$id"].(string)
				sub := schIDPattern.FindStringSubmatch(id)
				if sub == nil {
					t.Errorf("%s %s %s: $id %q does not follow the scheme", prof, d, typ, id)
					continue
				}
				if want := prof + "/"; prof != "" && sub[1] != want {
					t.Errorf("$id %q: profile segment %q", id, sub[1])
				}
				if sub[2] != d.name() || sub[3] != typ {
					t.Errorf("$id %q: draft %q type %q", id, sub[2], sub[3])
				}
				line := fmt.Sprintf("  \"$id\": %q,\n", id)
				body := bytes.Replace(b, []byte(line), nil, 1)
				sum := sha256.Sum256(body)
				if got := hex.EncodeToString(sum[:4]); got != sub[4] {
					t.Errorf("$id %q: hash of the schema without $id is %s", id, got)
				}
			}
		}
	}
	idOf := func(p *Profile) string {
		b, err := p.Schema(Draft2020, DocumentType)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		return m["$id"].(string)
	}
	p, _ := LookupProfile(Sichuan2020)
	a := idOf(p)
	if b := idOf(p.Clone()); a != b {
		t.Errorf("same schema, different $id: %s, %s", a, b)
	}
	q := p.Clone()
	q.Tables[0].Title += "（修订）"
	if b := idOf(q); a == b {
		t.Errorf("a changed schema kept its $id %s", a)
	}
}

// TestSchemaTypes: every type of every profile exports a standalone schema
// that compiles, and the reference fixture's parts validate against them.
func TestSchemaTypes(t *testing.T) {
	got, err := schemaTypesByID(Central2024)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{DocumentType, "summary", "income", "expenditure", "fiscalSummary", "generalBudget",
		"generalBudgetBasic", "threePublic", "govFund", "stateCapital", "z01", "z01_1", "z07", "f03", "performance"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("schemaTypesByID(central-2024) (-want +got):\n%s", d)
	}
	schProfiles(t) // registers test-schema-custom
	custom, err := schemaTypesByID("test-schema-custom")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(custom, "extra.meetings") || !slices.Contains(custom, "extra.notes") {
		t.Errorf("custom profile types %v lack the added tables", custom)
	}
	ref := schReferenceFixture(t)
	for _, prof := range schProfiles(t) {
		types, _ := schemaTypesByID(prof)
		for _, d := range schDrafts {
			for _, typ := range types {
				s := schCompiled(t, prof, d, typ)
				var part any
				switch {
				case typ == DocumentType || ref == nil:
					continue
				case typ == "performance":
					part = ref["performance"]
				default:
					part = ref["tables"].(map[string]any)[typ]
				}
				if part == nil {
					continue
				}
				if err := s.Validate(part); err != nil {
					t.Errorf("%s %s %s rejects the reference fixture's part: %v", prof, d.name(), typ, err)
				}
			}
		}
	}
}

const schReferencePath = "testdata/sichuan-2020/panzhihua-chengdu-office.json"

// schReferenceFixture returns the reference fixture as a generic value, or
// nil when it is not there yet.
func schReferenceFixture(t testing.TB) map[string]any {
	b, err := os.ReadFile(schReferencePath)
	if err != nil {
		return nil
	}
	m, _ := schInstance(t, b).(map[string]any)
	return m
}

func TestSchemaErrors(t *testing.T) {
	if _, err := schemaByID("no-such-profile", Draft2020, DocumentType); !errors.Is(err, ErrUnknownProfile) {
		t.Errorf("unknown profile: %v, want ErrUnknownProfile", err)
	}
	if _, err := schemaByID(Sichuan2020, Draft2020, "nope"); !errors.Is(err, ErrUnknownSchemaType) || !errors.Is(err, ErrSchema) {
		t.Errorf("unknown type: %v, want ErrUnknownSchemaType", err)
	}
	if _, err := schemaByID(Central2024, Draft2020, "generalBudgetProject"); !errors.Is(err, ErrUnknownSchemaType) {
		t.Errorf("central-2024 has no 项目支出决算表: %v", err)
	}
	if _, err := schemaByID("", "06", DocumentType); !errors.Is(err, ErrSchema) {
		t.Errorf("unknown draft: %v, want ErrSchema", err)
	}
	var dr Draft
	if err := dr.UnmarshalText([]byte("2019-09")); !errors.Is(err, ErrSchema) {
		t.Errorf("UnmarshalText(2019-09): %v", err)
	}
	for in, want := range map[string]Draft{"2020-12": Draft2020, "": Draft2020, "draft-2020-12": Draft2020, "07": Draft07, "draft-07": Draft07, "7": Draft07, "draft7": Draft07} {
		if err := dr.UnmarshalText([]byte(in)); err != nil || dr != want {
			t.Errorf("UnmarshalText(%q) = %v, %v", in, dr, err)
		}
	}
	// A nil profile is the neutral schema.
	var neutral *Profile
	if b, err := neutral.Schema(Draft2020, DocumentType); err != nil || !bytes.Contains(b, []byte(`"$id": "`+schemaBaseURI+"/document/2020-12/document-v")) {
		t.Errorf("nil profile: %v", err)
	}
	bad := &Profile{ID: "x", Tables: []TableSpec{{Key: "nope"}}}
	if _, err := bad.Schema(Draft2020, DocumentType); !errors.Is(err, ErrInvalidProfile) {
		t.Errorf("invalid profile: %v", err)
	}
	unknownFW := &Profile{ID: "x", Framework: "no-such-framework"}
	if _, err := unknownFW.Schema(Draft2020, DocumentType); err == nil {
		t.Errorf("unknown framework: no error")
	}
	type bad1 struct {
		X any `json:"x"`
	}
	if _, _, err := reflectType(reflect.TypeFor[bad1]()); !errors.Is(err, ErrSchema) {
		t.Errorf("interface field: %v, want ErrSchema", err)
	}
	type bad2 struct {
		X schSelfEncoding `json:"x"`
	}
	if _, _, err := reflectType(reflect.TypeFor[bad2]()); !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), "no schema mapping") {
		t.Errorf("unmapped self-encoding type: %v, want ErrSchema", err)
	}
	type bad3 struct {
		X string `json:"x" jsonschema:"title=x,format=email"`
	}
	if _, _, err := reflectType(reflect.TypeFor[bad3]()); !errors.Is(err, ErrSchema) {
		t.Errorf("format (not enforced by Decode): %v, want ErrSchema", err)
	}
	type ok1 struct {
		X string   `json:"x" jsonschema:"title=x,minLength=2,maxLength=3,pattern=^[a-z]{2\\,3}$,enum=ab,enum=abc,default=ab"`
		N int      `json:"n" jsonschema:"title=n,minimum=1,exclusiveMaximum=9"`
		L []string `json:"l" jsonschema:"title=l,minItems=1,maxItems=2"`
	}
	out, _, err := reflectType(reflect.TypeFor[ok1]())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := writeJSON(out)
	for _, want := range []string{`"minLength": 2`, `"maxLength": 3`, `"pattern": "^[a-z]{2,3}$"`, `"enum": ["ab", "abc"]`,
		`"minimum": 1`, `"exclusiveMaximum": 9`, `"minItems": 1`, `"maxItems": 2`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("tag keyword %s not exported:\n%s", want, b)
		}
	}
	if bytes.Contains(b, []byte("default")) {
		t.Errorf("default exported:\n%s", b)
	}
}

type schSelfEncoding struct{ v int }

func (s schSelfEncoding) MarshalText() ([]byte, error) { return []byte(fmt.Sprint(s.v)), nil }

// BenchmarkSchema measures exporting one profile's document schema (the Go
// reflection is done once per process; each call specialises and writes).
func BenchmarkSchema(b *testing.B) {
	for _, d := range schDrafts {
		b.Run(d.name(), func(b *testing.B) {
			for b.Loop() {
				if _, err := schemaByID(Sichuan2020, d, DocumentType); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
