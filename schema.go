package juesuan

//go:generate go run ./cmd/juesuan schema --all --out schemas

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/cnfiscal/juesuan/indicators"
)

// Draft selects the JSON Schema dialect of an exported schema.
type Draft string

const (
	// Draft2020 is JSON Schema draft 2020-12, the canonical export.
	Draft2020 Draft = "2020-12"
	// Draft07 is JSON Schema draft-07, for consumers that support nothing
	// newer out of the box (rjsf's default validator, JSON Forms' createAjv).
	Draft07 Draft = "07"
)

// UnmarshalText reads a draft name: "2020-12" (also "draft-2020-12" and
// "") or "07" (also "draft-07", "7", "draft7"), so that a Draft can be a
// command-line flag (flag.TextVar) or a configuration field.
func (d *Draft) UnmarshalText(b []byte) error {
	switch string(b) {
	case "2020-12", "draft-2020-12", "":
		*d = Draft2020
	case "07", "7", "draft-07", "draft7":
		*d = Draft07
	default:
		return fmt.Errorf("%w: unknown draft %q (want 2020-12 or 07)", ErrSchema, b)
	}
	return nil
}

// name is the draft's name in file names and $id: "2020-12" or "draft-07".
func (d Draft) name() string {
	if d == Draft07 {
		return "draft-07"
	}
	return "2020-12"
}

// uri is the draft's meta-schema URI, the value of $schema.
func (d Draft) uri() string {
	if d == Draft07 {
		return "http://json-schema.org/draft-07/schema#"
	}
	return "https://json-schema.org/draft/2020-12/schema"
}

// schemaBaseURI is the prefix of every exported schema's $id.
const schemaBaseURI = "https://github.com/cnfiscal/juesuan/schemas"

// DocumentType is the schema type of a whole document.
const DocumentType = "document"

// Schema returns the JSON Schema of one type of a document of p, in the
// given draft, indented, as a single self-contained file. p need not be
// registered; a nil p gives the profile-neutral schema. For a registered
// profile, look it up first:
//
//	p, err := juesuan.LookupProfile("sichuan-2020")
//	…
//	b, err := p.Schema(juesuan.Draft07, "threePublic")
//
// WriteSchemas writes the document schemas committed in schemas/.
//
// typ is "document" (the whole document), a table key of the profile (for
// example "summary", "threePublic"; "extra.<key>" for a table the profile
// adds) or "performance". In the document schema every table, and the
// performance section, is a named entry of $defs under that same name, which
// the document's properties reference; a table schema is that entry
// exported on its own. Profile.SchemaTypes lists the types.
//
// The profile-neutral schema (nil p) is exactly what Decode accepts, for
// documents of any profile. A profile's schema adds what the
// structural rules S1–S5 check (SchemaRules): the profile name and fiscal
// year as constants, the profile's table set with its required tables, and
// the columns of the tables it adds. So a document that Decode accepts passes
// a profile's schema exactly when Validate with that profile reports none of
// S1–S5.
//
// The schema accepts exactly what Decode accepts, within what JSON Schema
// can see. It cannot see the JSON text: input size, nesting depth, entry
// counts, duplicate keys, invalid UTF-8, NUL characters and lone surrogates
// (Decode rejects them all), nor the range of the Go integer type (Decode,
// like JSON Schema's "integer", accepts 2020, 2020.0 and 2.02e3 alike, but
// rejects an integer beyond the Go type's range).
// Within that:
//   - amounts are {"type":"string","pattern":amount.Pattern}; codes carry
//     their family's pattern (classification.Family.Pattern), the format
//     their UnmarshalText checks (levels and catalogue membership are rules);
//   - a field is required exactly when its json tag has neither omitempty nor
//     omitzero; every struct object has additionalProperties false; maps
//     (tables.extra in the neutral schema, GenericTable total and values)
//     admit any key; null is accepted nowhere;
//   - small closed enums (amount unit, severity; the fund once Decode rejects
//     other values) are inline oneOf [{const, title}] with Chinese titles;
//   - the limits of jsonschema struct tags that Decode enforces too
//     (minLength, maxLength, pattern, enum, minimum, maximum,
//     exclusiveMinimum, exclusiveMaximum, minItems, maxItems) are exported;
//     a tag keyword Decode does not enforce makes generation fail, and a
//     default is never exported (a form would invent the figure: absent is
//     not zero);
//   - indicator 一级/二级 names are not restricted, because documents keep
//     them as printed (with line breaks and short forms) and Decode accepts
//     any text; the profile's framework names are given as examples and in
//     the description, and the indicators rules report unknown names.
//
// Titles: every property has a Chinese title (from the jsonschema struct
// tags; the profile's table titles; fieldTitles for types without tags).
// Nothing stands beside a $ref: tables are referenced by bare $ref and carry
// their title inside, everything else is inlined, and a recursive type (none
// in Document today) is referenced through allOf with the title outside.
//
// The $id is versioned: https://github.com/cnfiscal/juesuan/schemas/<profile>/<draft>/<type>-v<hash>.json
// (no <profile>/ segment for the neutral schema; <draft> is 2020-12 or
// draft-07),
// where hash is the first 8 hex digits of the SHA-256 of the schema without
// its $id, so it changes whenever the schema does (rjsf caches compiled
// schemas by $id).
func (p *Profile) Schema(draft Draft, typ string) ([]byte, error) {
	if p != nil {
		if err := p.check(); err != nil {
			return nil, err
		}
	}
	return schemaFor(p, draft, typ)
}

// SchemaTypes lists the schema types of p (nil p: the neutral schema), the
// values Schema takes for typ: "document", then its tables in the
// profile's order, then "performance".
func (p *Profile) SchemaTypes() ([]string, error) {
	if p != nil {
		if err := p.check(); err != nil {
			return nil, err
		}
	}
	tree, err := buildSchema(p)
	if err != nil {
		return nil, err
	}
	return append([]string{DocumentType}, tree.obj("$defs").keysWithout(recursionDef)...), nil
}

// WriteSchemas writes to dir (created if missing) the document schemas of
// the neutral schema and of each of profiles (every registered profile when
// none is given), in both drafts, and returns the paths written, in file
// name order. The files are named PROFILE.document.DRAFT.json
// ("sichuan-2020.document.2020-12.json"), document.DRAFT.json for the
// neutral schema; `go generate` writes schemas/ this way. Every schema is
// generated before any file is written, so a generation error (matching
// ErrSchema, or the profile's own error) leaves dir untouched.
func WriteSchemas(dir string, profiles ...*Profile) ([]string, error) {
	files, err := schemaFiles(profiles...)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	names := slices.Sorted(maps.Keys(files))
	paths := make([]string, 0, len(names))
	for _, n := range names {
		path := filepath.Join(dir, n)
		if err := os.WriteFile(path, files[n], 0o644); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// schemaFileName is the name of the file holding the document schema of
// profile id ("" for the neutral schema) in draft d.
func schemaFileName(id string, d Draft) string {
	if id == "" {
		return DocumentType + "." + d.name() + ".json"
	}
	return id + "." + DocumentType + "." + d.name() + ".json"
}

// schemaFiles returns what WriteSchemas writes, keyed by file name.
func schemaFiles(profiles ...*Profile) (map[string][]byte, error) {
	if len(profiles) == 0 {
		for _, id := range ProfileIDs() {
			p, err := LookupProfile(id)
			if err != nil { // unregistered meanwhile
				return nil, err
			}
			profiles = append(profiles, p)
		}
	}
	files := map[string][]byte{}
	for _, p := range append([]*Profile{nil}, profiles...) {
		id := ""
		if p != nil {
			id = p.ID
		}
		for _, d := range []Draft{Draft2020, Draft07} {
			b, err := p.Schema(d, DocumentType)
			if err != nil {
				return nil, err
			}
			files[schemaFileName(id, d)] = b
		}
	}
	return files, nil
}

func schemaFor(p *Profile, draft Draft, typ string) ([]byte, error) {
	if draft != Draft2020 && draft != Draft07 {
		return nil, fmt.Errorf("%w: unknown draft %q (want 2020-12 or 07)", ErrSchema, draft)
	}
	tree, err := buildSchema(p)
	if err != nil {
		return nil, err
	}
	out := tree
	if typ != DocumentType {
		out, err = extractType(tree, typ)
		if err != nil {
			return nil, err
		}
	}
	if draft == Draft07 {
		if err := toDraft07(out, "#"); err != nil {
			return nil, err
		}
	}
	out.set("$schema", draft.uri())
	out.set("$id", "")
	out.order("$schema", "$id")
	if defs, ok := out.get(defsKey(draft)); ok {
		out.del(defsKey(draft))
		out.set(defsKey(draft), defs)
	}
	out.del("$id")
	body, err := writeJSON(out)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	seg := "document"
	if p != nil {
		seg = p.ID
	}
	out.set("$id", fmt.Sprintf("%s/%s/%s/%s-v%s.json", schemaBaseURI, seg, draft.name(), typ, hex.EncodeToString(sum[:4])))
	out.order("$schema", "$id")
	return writeJSON(out)
}

func defsKey(d Draft) string {
	if d == Draft07 {
		return "definitions"
	}
	return "$defs"
}

// recursionDef reports whether a $defs name is a Go type kept as a
// definition because it is recursive ("pkg.Type"), not a schema type.
func recursionDef(name string) bool {
	return strings.Contains(name, ".") && !strings.HasPrefix(name, "extra.")
}

func (o *jobj) keysWithout(skip func(string) bool) []string {
	var out []string
	if o == nil {
		return nil
	}
	for _, k := range o.keys {
		if !skip(k) {
			out = append(out, k)
		}
	}
	return out
}

// ErrUnknownSchemaType is matched by the error for a schema type the
// profile does not have.
var ErrUnknownSchemaType = fmt.Errorf("%w: unknown type", ErrSchema)

// extractType returns $defs/typ of tree as a standalone schema, with the
// recursive definitions it references.
func extractType(tree *jobj, typ string) (*jobj, error) {
	defs := tree.obj("$defs")
	var def *jobj
	if defs != nil && !recursionDef(typ) {
		def = defs.obj(typ)
	}
	if def == nil {
		return nil, fmt.Errorf("%w %q (want %s)", ErrUnknownSchemaType, typ,
			strings.Join(append([]string{DocumentType}, defs.keysWithout(recursionDef)...), ", "))
	}
	out := def.clone()
	need := map[string]bool{}
	var walk func(o *jobj, at string) error
	walk = func(o *jobj, at string) error {
		if r := o.str("$ref"); strings.HasPrefix(r, "#/$defs/") {
			n := strings.TrimPrefix(r, "#/$defs/")
			if !need[n] && defs.obj(n) != nil {
				need[n] = true
				walk(defs.obj(n), r)
			}
		}
		return eachSubschema(o, at, walk)
	}
	walk(out, "#")
	if len(need) > 0 {
		sub := newObj()
		for _, k := range defs.keys {
			if need[k] {
				sub.set(k, defs.obj(k).clone())
			}
		}
		out.set("$defs", sub)
	}
	return out, nil
}

// baseTree reflects Document once; callers clone it.
var baseTree = sync.OnceValues(func() (*jobj, error) {
	root, defs, err := reflectType(reflect.TypeFor[Document]())
	if err != nil {
		return nil, err
	}
	if len(defs.keys) > 0 {
		root.set("$defs", defs)
	}
	return root, nil
})

const amountNote = "金额为字符串（例如 \"40.50\"），单位见 unit.amountUnit；未列示的数不填，不填不等于 0。"

func ref(name string) *jobj { return newObj().set("$ref", "#/$defs/"+escapeToken(name)) }

func escapeToken(s string) string { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }

// buildSchema returns the draft 2020-12 document schema of p (nil for the
// neutral one), without $schema and $id, with tables and the performance
// section as named $defs.
func buildSchema(p *Profile) (*jobj, error) {
	base, err := baseTree()
	if err != nil {
		return nil, err
	}
	root := base.clone()
	recDefs := root.obj("$defs")
	root.del("$defs")
	defs := newObj()
	props := root.obj("properties")
	tables := props.obj("tables")
	tprops := tables.obj("properties")
	baseExtra := tprops.obj("extra").obj("additionalProperties")

	root.set("title", "部门决算文档")
	if p == nil {
		root.set("description", "部门决算文档（任一配置）：与 juesuan.Decode 接受的内容完全一致。"+amountNote)
		for _, k := range tprops.keys {
			if k == "extra" {
				continue
			}
			defs.set(k, tprops.obj(k))
			tprops.set(k, ref(k))
		}
		g := baseExtra.clone()
		g.set("title", "自定义报表")
		g.set("description", "配置增加的报表：合计与各行数值以列标识为键。")
		g.order(keywordOrder...)
		defs.set("extra", g)
		tprops.obj("extra").set("additionalProperties", ref("extra"))
	} else {
		root.set("title", "部门决算文档："+p.Title)
		root.set("description", fmt.Sprintf("部门决算文档，配置 %s（%s，%s年度）。%s", p.ID, p.Jurisdiction, p.years(), amountNote))
		prof := props.obj("profile")
		prof.set("const", p.ID)
		prof.order(keywordOrder...)
		if y := p.years(); y != (Years{}) {
			fy := props.obj("unit").obj("properties").obj("fiscalYear")
			if y.First == y.Last {
				fy.set("const", y.First)
			} else {
				fy.set("minimum", y.First)
				fy.set("maximum", y.Last)
			}
			fy.order(keywordOrder...)
		}
		np := newObj()
		var req []any
		extra := newObj()
		var extraReq []any
		for _, t := range p.Tables {
			desc := tableDescription(p, t)
			if t.Extra() {
				name := "extra." + t.Key
				defs.set(name, extraTableSchema(baseExtra, t, desc))
				extra.set(t.Key, ref(name))
				if t.Required {
					extraReq = append(extraReq, t.Key)
				}
				continue
			}
			def := tprops.obj(t.Key).clone()
			def.set("title", t.Title)
			def.set("description", desc)
			def.order(keywordOrder...)
			defs.set(t.Key, def)
			np.set(t.Key, ref(t.Key))
			if t.Required {
				req = append(req, t.Key)
			}
		}
		eo := newObj().set("title", tprops.obj("extra").str("title")).
			set("description", "配置增加的报表，键为配置定义的报表标识。").
			set("type", "object").set("properties", extra)
		if len(extraReq) > 0 {
			eo.set("required", extraReq)
			req = append(req, "extra")
		}
		eo.set("additionalProperties", false)
		np.set("extra", eo)
		tables.set("properties", np)
		if len(req) > 0 {
			tables.set("required", req)
		} else {
			tables.del("required")
		}
		tables.order(keywordOrder...)
	}
	perf := props.obj("performance")
	if p != nil && p.Framework != "" {
		fw, err := indicators.LookupFramework(p.Framework)
		if err != nil {
			return nil, fmt.Errorf("juesuan: profile %s: %w", p.ID, err)
		}
		annotateIndicators(perf, fw)
	}
	defs.set("performance", perf)
	props.set("performance", ref("performance"))
	root.order(keywordOrder...)
	for _, k := range recDefs.keysWithout(func(string) bool { return false }) {
		defs.set(k, recDefs.obj(k))
	}
	root.set("$defs", defs)
	return root, nil
}

func tableDescription(p *Profile, t TableSpec) string {
	var s string
	switch {
	case t.Internal:
		s = "内部报表（财决），不公开"
	case t.Number != "":
		s = fmt.Sprintf("%s 附表%s", p.Title, t.Number)
	default:
		s = p.Title
	}
	if t.Required {
		s += "；必须公开"
	}
	if t.Description != "" {
		s += "。" + t.Description
	}
	return s
}

// extraTableSchema specialises the GenericTable schema for an added table:
// its total and row values are keyed by the table's columns.
func extraTableSchema(generic *jobj, t TableSpec, desc string) *jobj {
	g := generic.clone()
	g.set("title", t.Title)
	g.set("description", desc)
	cols := func(title string) *jobj {
		props := newObj()
		for _, c := range t.Columns {
			l, _ := leafByName("amount")
			s := l.schema().set("title", c.Title)
			if c.Description != "" {
				s.set("description", c.Description)
			}
			s.order(keywordOrder...)
			props.set(c.Key, s)
		}
		return newObj().set("title", title).set("type", "object").
			set("properties", props).set("additionalProperties", false)
	}
	gp := g.obj("properties")
	gp.set("total", cols(gp.obj("total").str("title")))
	row := gp.obj("rows").obj("items")
	rp := row.obj("properties")
	rp.set("values", cols(rp.obj("values").str("title")))
	g.order(keywordOrder...)
	return g
}

// annotateIndicators adds the framework's 一级/二级 names to every
// indicator row of the performance schema, as examples (form generators
// offer them) and in the description. They are not enforced: see Schema.
func annotateIndicators(perf *jobj, fw *indicators.Framework) {
	var l1, l2 []any
	var l1s, l2s []string
	for _, a := range fw.Level1 {
		l1 = append(l1, a.Name)
		l1s = append(l1s, a.Name)
		for _, b := range a.Level2 {
			if !slices.Contains(l2s, b.Name) {
				l2 = append(l2, b.Name)
				l2s = append(l2s, b.Name)
			}
		}
	}
	var walk func(o *jobj, at string) error
	walk = func(o *jobj, at string) error {
		if ps := o.obj("properties"); ps != nil {
			if a, b := ps.obj("level1"), ps.obj("level2"); a != nil && b != nil && a.str("type") == "string" && b.str("type") == "string" {
				a.set("description", fmt.Sprintf("按原文填写；%s的一级指标：%s", fw.Title, strings.Join(l1s, "、")))
				a.set("examples", l1)
				a.order(keywordOrder...)
				b.set("description", fmt.Sprintf("按原文填写；%s的二级指标：%s", fw.Title, strings.Join(l2s, "、")))
				b.set("examples", l2)
				b.order(keywordOrder...)
			}
		}
		return eachSubschema(o, at, walk)
	}
	walk(perf, "#")
}

// toDraft07 rewrites a draft 2020-12 schema tree as draft-07 in place:
// $defs becomes definitions and references follow, prefixItems/items become
// items/additionalItems, dependentRequired/dependentSchemas become
// dependencies. Keywords draft-07 lacks ($anchor, $dynamicRef,
// unevaluated*) make it fail.
func toDraft07(o *jobj, at string) error {
	for _, k := range []string{"$anchor", "$dynamicRef", "$dynamicAnchor", "unevaluatedProperties", "unevaluatedItems", "dependentSchemas", "minContains", "maxContains"} {
		if _, ok := o.get(k); ok {
			return fmt.Errorf("%w: %s/%s has no draft-07 equivalent", ErrSchema, at, k)
		}
	}
	if r := o.str("$ref"); r != "" {
		if len(o.keys) > 1 {
			return fmt.Errorf("%w: %s: $ref with siblings is ignored in draft-07", ErrSchema, at)
		}
		if n, ok := strings.CutPrefix(r, "#/$defs/"); ok {
			o.set("$ref", "#/definitions/"+n)
		}
	}
	if pi, ok := o.get("prefixItems"); ok {
		items, has := o.get("items")
		o.del("items")
		o.rename("prefixItems", "items")
		o.m["items"] = pi
		if has {
			o.set("additionalItems", items)
		}
	}
	if dr, ok := o.get("dependentRequired"); ok {
		o.rename("dependentRequired", "dependencies")
		o.m["dependencies"] = dr
	}
	o.rename("$defs", "definitions")
	return eachSubschema(o, at, toDraft07)
}

// Keywords whose value is a subschema, an object of subschemas or an array
// of subschemas.
var (
	subschemaKeys      = []string{"items", "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems"}
	subschemaMapKeys   = []string{"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
	subschemaArrayKeys = []string{"allOf", "anyOf", "oneOf", "prefixItems", "items"}
)

// eachSubschema calls fn on every direct subschema of o (not on annotation
// values such as examples or const, nor on property names), stopping at the
// first error.
func eachSubschema(o *jobj, at string, fn func(s *jobj, at string) error) error {
	for _, k := range o.keys {
		v := o.m[k]
		switch {
		case slices.Contains(subschemaMapKeys, k):
			m, _ := v.(*jobj)
			if m == nil {
				continue
			}
			for _, n := range m.keys {
				if s, ok := m.m[n].(*jobj); ok {
					if err := fn(s, at+"/"+k+"/"+escapeToken(n)); err != nil {
						return err
					}
				}
			}
		case slices.Contains(subschemaKeys, k):
			if s, ok := v.(*jobj); ok {
				if err := fn(s, at+"/"+k); err != nil {
					return err
				}
				continue
			}
			fallthrough
		case slices.Contains(subschemaArrayKeys, k):
			a, _ := v.([]any)
			for i, e := range a {
				if s, ok := e.(*jobj); ok {
					if err := fn(s, fmt.Sprintf("%s/%s/%d", at, k, i)); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}
