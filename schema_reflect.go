package juesuan

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/invopop/jsonschema"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

// leafKey marks, in a schema the Mapper returns, which leaf type it stands
// for; the converter replaces it with the leaf's schema from leafSchemas.
const leafKey = "x-juesuan-leaf"

// enumValue is one value of a small closed enum with its Chinese title.
type enumValue struct{ Const, Title string }

// enumSchema is a closed enum as a plain enum: one error for a bad value
// (a oneOf of consts gives one per alternative, worded against each
// alternative's value). The Chinese titles of the values are in
// enumTitles, from which the uiSchemas label the choices.
func enumSchema(vals []enumValue) *jobj {
	one := make([]any, len(vals))
	for i, v := range vals {
		one[i] = v.Const
	}
	return newObj().set("type", "string").set("enum", one)
}

// enumTitles maps the values of the closed enums of the schema to their
// Chinese titles (the values of the enums are distinct across enums).
var enumTitles = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, vals := range [][]enumValue{unitValues, severityValues(), fundValues} {
		for _, v := range vals {
			m[v.Const] = v.Title
		}
	}
	return m
})

var (
	unitValues = []enumValue{
		{string(amount.TenThousandYuan), "万元"},
		{string(amount.Yuan), "元"},
	}
	fundValues = []enumValue{
		{string(accounts.GeneralBudgetFund), accounts.GeneralBudgetFund.Title()},
		{string(accounts.GovFundFund), accounts.GovFundFund.Title()},
		{string(accounts.StateCapitalFund), accounts.StateCapitalFund.Title()},
	}
)

func severityValues() []enumValue {
	var vals []enumValue
	for _, s := range []audit.Severity{audit.Info, audit.Warning, audit.Error} {
		vals = append(vals, enumValue{s.String(), s.Title()})
	}
	return vals
}

// closedEnum is enumSchema when Decode rejects other values, that is when
// t has an UnmarshalText method. Otherwise Decode accepts any string, and so
// must the schema: the values are then only offered, as examples.
func closedEnum(t reflect.Type, vals []enumValue) *jobj {
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return enumSchema(vals)
	}
	var ex []any
	var desc []string
	for _, v := range vals {
		ex = append(ex, v.Const)
		desc = append(desc, v.Const+"（"+v.Title+"）")
	}
	return newObj().set("description", "取值："+strings.Join(desc, "、")).
		set("examples", ex).set("type", "string")
}

func patternSchema(p string) *jobj {
	return newObj().set("type", "string").set("pattern", p)
}

// leaf describes how one Go type with its own JSON encoding appears in the
// schema. Each one accepts exactly what the type's UnmarshalText or
// UnmarshalJSON accepts.
type leaf struct {
	name   string
	typ    reflect.Type
	schema func() *jobj
}

// leaves maps the types that encode themselves to their schemas. A type
// with a custom JSON encoding that is missing here makes schema generation
// fail, so that no type is exported as invopop's empty default (the
// "decimal as an empty object" pitfall).
var leaves = []leaf{
	{"amount", reflect.TypeFor[amount.Amount](), func() *jobj {
		return patternSchema(amount.Pattern).set("examples", []any{amountExample})
	}},
	{"count", reflect.TypeFor[amount.Count](), func() *jobj {
		return newObj().set("type", "integer").set("minimum", 0).set("maximum", int64(amount.MaxCount))
	}},
	{"amountUnit", reflect.TypeFor[amount.Unit](), func() *jobj {
		return enumSchema(unitValues)
	}},
	{"funcCode", reflect.TypeFor[classification.FuncCode](), func() *jobj {
		return patternSchema(classification.Functional.Pattern())
	}},
	{"econDeptCode", reflect.TypeFor[classification.EconDeptCode](), func() *jobj {
		return patternSchema(classification.EconDept.Pattern())
	}},
	{"econGovCode", reflect.TypeFor[classification.EconGovCode](), func() *jobj {
		return patternSchema(classification.EconGov.Pattern())
	}},
	{"severity", reflect.TypeFor[audit.Severity](), func() *jobj {
		return enumSchema(severityValues())
	}},
	{"fund", reflect.TypeFor[accounts.Fund](), func() *jobj {
		return closedEnum(reflect.TypeFor[accounts.Fund](), fundValues)
	}},
}

func leafByType(t reflect.Type) (leaf, bool) {
	for _, l := range leaves {
		if l.typ == t {
			return l, true
		}
	}
	return leaf{}, false
}

func leafByName(n string) (leaf, bool) {
	for _, l := range leaves {
		if l.name == n {
			return l, true
		}
	}
	return leaf{}, false
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonMarshaler   = reflect.TypeFor[json.Marshaler]()
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
)

func customEncoding(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
		p.Implements(jsonUnmarshaler) || p.Implements(textUnmarshaler)
}

// fieldTitles are the titles of fields of types outside this package whose
// struct tags carry none.
var fieldTitles = map[reflect.Type]map[string]string{
	reflect.TypeFor[audit.Explanation](): {
		"rule": "规则编号",
		"path": "位置",
		"text": "出错说明",
	},
}

// addFieldTitles gives the properties of a struct of type t that have no
// title the one fieldTitles holds.
func addFieldTitles(o *jobj, t reflect.Type) {
	titles := fieldTitles[t]
	props := o.obj("properties")
	if titles == nil || props == nil {
		return
	}
	for _, k := range props.keys {
		p := props.obj(k)
		if p != nil && p.str("title") == "" && titles[k] != "" {
			p.set("title", titles[k])
			p.order(keywordOrder...)
		}
	}
}

// ErrSchema is matched by the errors of schema generation: a Go type the
// exporter cannot describe exactly, an unknown draft or schema type.
var ErrSchema = errors.New("juesuan: schema")

// reflectType reflects t with invopop/jsonschema and converts the result
// into a self-contained schema: every $ref inlined except on recursion,
// leaves replaced by their exact schemas, struct objects closed, and only
// the keywords Decode also enforces kept. It returns the root and the
// definitions recursion needs.
func reflectType(t reflect.Type) (*jobj, *jobj, error) {
	var errs []error
	names := map[string]reflect.Type{}
	r := &jsonschema.Reflector{
		// Not ExpandedStruct: with a recursive root type it leaves a
		// dangling $ref (invopop #148). The converter inlines the root.
		// Not DoNotReference: it overflows the stack on recursive types
		// (invopop #165); the converter inlines all but recursive refs.
		Anonymous: true,
		// Qualify definition names by package so that same-named types of
		// two packages do not collide (invopop #42); a further clash gets
		// a numeric suffix.
		Namer: func(t reflect.Type) string {
			if t.Name() == "" {
				return ""
			}
			base := path.Base(t.PkgPath()) + "." + t.Name()
			n := base
			for i := 2; ; i++ {
				if u, ok := names[n]; !ok || u == t {
					break
				}
				n = fmt.Sprintf("%s_%d", base, i)
			}
			names[n] = t
			return n
		},
		Mapper: func(t reflect.Type) *jsonschema.Schema {
			if l, ok := leafByType(t); ok {
				js := "string"
				if l.schema().str("type") == "integer" {
					js = "integer"
				}
				// A fresh schema per use: invopop writes the field's tag
				// keywords into it.
				return &jsonschema.Schema{Type: js, Extras: map[string]any{leafKey: l.name}}
			}
			switch {
			case customEncoding(t):
				errs = append(errs, fmt.Errorf("%w: type %v encodes itself but has no schema mapping (add it to leaves)", ErrSchema, t))
			case t.Kind() == reflect.Interface:
				errs = append(errs, fmt.Errorf("%w: interface type %v cannot be described exactly", ErrSchema, t))
			}
			return nil
		},
	}
	var root *jsonschema.Schema
	func() {
		defer func() {
			if v := recover(); v != nil {
				errs = append(errs, fmt.Errorf("%w: reflecting %v: %v", ErrSchema, t, v))
			}
		}()
		root = r.ReflectFromType(t)
	}()
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	c := &converter{defs: root.Definitions, types: names, stack: map[string]bool{}, need: map[string]bool{}}
	out := c.convert(root, "")
	defs := newObj()
	for done := map[string]bool{}; ; {
		var todo []string
		for n := range c.need {
			if !done[n] {
				todo = append(todo, n)
			}
		}
		if len(todo) == 0 {
			break
		}
		slices.Sort(todo)
		for _, n := range todo {
			done[n] = true
			c.stack = map[string]bool{n: true}
			def := c.convert(c.defs[n], "#/$defs/"+n)
			addFieldTitles(def, c.types[n])
			defs.set(n, def)
		}
	}
	if len(c.errs) > 0 {
		return nil, nil, errors.Join(c.errs...)
	}
	return out, defs, nil
}

type converter struct {
	defs  jsonschema.Definitions
	types map[string]reflect.Type // definition name → Go type
	stack map[string]bool         // definitions being inlined
	need  map[string]bool         // definitions referenced recursively
	errs  []error
}

func (c *converter) fail(at, format string, a ...any) {
	c.errs = append(c.errs, fmt.Errorf("%w: at %s: %s", ErrSchema, at, fmt.Sprintf(format, a...)))
}

// annotate copies the title and description invopop read from the field's
// tags onto out.
func annotate(out *jobj, s *jsonschema.Schema) {
	if s.Title != "" {
		out.set("title", s.Title)
	}
	if s.Description != "" {
		out.set("description", s.Description)
	}
}

func (c *converter) convert(s *jsonschema.Schema, at string) *jobj {
	if s == nil || s == jsonschema.TrueSchema || s == jsonschema.FalseSchema {
		c.fail(at, "boolean or missing schema")
		return newObj()
	}
	if s.Ref != "" {
		name, ok := strings.CutPrefix(s.Ref, "#/$defs/")
		def := c.defs[name]
		if !ok || def == nil {
			c.fail(at, "dangling $ref %q", s.Ref)
			return newObj()
		}
		if c.stack[name] {
			// Recursion: keep a reference. A title beside $ref is lost
			// in JSON Forms and ignored in draft-07, so wrap it.
			c.need[name] = true
			ref := newObj().set("$ref", "#/$defs/"+name)
			if s.Title == "" && s.Description == "" {
				return ref
			}
			out := newObj()
			annotate(out, s)
			return out.set("allOf", []any{ref})
		}
		c.stack[name] = true
		out := c.convert(def, at)
		delete(c.stack, name)
		addFieldTitles(out, c.types[name])
		annotate(out, s)
		out.order(keywordOrder...)
		return out
	}
	if n, ok := s.Extras[leafKey].(string); ok {
		l, _ := leafByName(n)
		out := l.schema()
		annotate(out, s)
		c.constraints(out, s, at)
		out.order(keywordOrder...)
		return out
	}
	out := newObj()
	annotate(out, s)
	c.checkKeywords(s, at)
	switch s.Type {
	case "object":
		out.set("type", "object")
		if s.AdditionalProperties == jsonschema.FalseSchema || s.Properties != nil && s.Properties.Len() > 0 {
			// A struct: closed, with its fields.
			props := newObj()
			if s.Properties != nil {
				for p := s.Properties.Oldest(); p != nil; p = p.Next() {
					props.set(p.Key, c.convert(p.Value, at+"/properties/"+p.Key))
				}
			}
			out.set("properties", props)
			var req []any
			for _, k := range s.Required {
				if _, ok := props.get(k); ok {
					req = append(req, k)
				}
			}
			if len(req) > 0 {
				out.set("required", req)
			}
			out.set("additionalProperties", false)
		} else {
			// A map with string keys.
			if s.AdditionalProperties == nil {
				c.fail(at, "map of interface values cannot be described exactly")
				break
			}
			out.set("additionalProperties", c.convert(s.AdditionalProperties, at+"/additionalProperties"))
		}
	case "array":
		out.set("type", "array")
		out.set("items", c.convert(s.Items, at+"/items"))
	case "string", "integer", "boolean", "number":
		out.set("type", s.Type)
	default:
		c.fail(at, "unsupported type %q", s.Type)
	}
	c.constraints(out, s, at)
	out.order(keywordOrder...)
	return out
}

// constraints copies the validation keywords of a field's jsonschema tag
// that Decode enforces as well (see DecodeOptions): minLength, maxLength,
// pattern and enum on strings (leaf types with UnmarshalText included);
// minimum, maximum, exclusiveMinimum, exclusiveMaximum and enum on numbers;
// minItems and maxItems on arrays (the other keywords of an array field's
// tag apply to its items). Examples are kept as annotations. A default is
// dropped: a form would pre-fill it and invent a figure (absent is not
// zero). Keywords Decode does not enforce make generation fail.
func (c *converter) constraints(out *jobj, s *jsonschema.Schema, at string) {
	typ := out.str("type")
	var bad []string
	str := func(name string, ok bool) {
		if ok && typ != "string" {
			bad = append(bad, name)
		}
	}
	str("minLength", s.MinLength != nil)
	str("maxLength", s.MaxLength != nil)
	str("pattern", s.Pattern != "")
	if s.MinLength != nil {
		out.set("minLength", int64(*s.MinLength))
	}
	if s.MaxLength != nil {
		out.set("maxLength", int64(*s.MaxLength))
	}
	if s.Pattern != "" {
		if _, has := out.get("pattern"); has {
			// The leaf's own pattern and the tag's both hold.
			out.set("allOf", []any{newObj().set("pattern", s.Pattern)})
		} else {
			out.set("pattern", s.Pattern)
		}
	}
	_, leaf := s.Extras[leafKey]
	num := func(name string, v json.Number) {
		if v == "" {
			return
		}
		if (typ != "integer" && typ != "number") || leaf {
			bad = append(bad, name)
			return
		}
		out.set(name, v)
	}
	num("minimum", s.Minimum)
	num("maximum", s.Maximum)
	num("exclusiveMinimum", s.ExclusiveMinimum)
	num("exclusiveMaximum", s.ExclusiveMaximum)
	if len(s.Enum) > 0 {
		if typ == "string" || (typ == "integer" || typ == "number") && !leaf {
			out.set("enum", s.Enum)
		} else {
			bad = append(bad, "enum")
		}
	}
	if s.MinItems != nil || s.MaxItems != nil {
		if typ != "array" {
			bad = append(bad, "minItems/maxItems")
		}
		if s.MinItems != nil {
			out.set("minItems", int64(*s.MinItems))
		}
		if s.MaxItems != nil {
			out.set("maxItems", int64(*s.MaxItems))
		}
	}
	if s.MultipleOf != "" || s.UniqueItems || s.Format != "" || s.MinProperties != nil || s.MaxProperties != nil || s.MinContains != nil || s.MaxContains != nil {
		bad = append(bad, "multipleOf/uniqueItems/format/minProperties/maxProperties/minContains/maxContains (not enforced by Decode)")
	}
	if len(s.Examples) > 0 {
		out.set("examples", s.Examples)
	}
	if s.ReadOnly {
		out.set("readOnly", true)
	}
	if s.WriteOnly {
		out.set("writeOnly", true)
	}
	if s.Deprecated {
		out.set("deprecated", true)
	}
	if len(bad) > 0 {
		c.fail(at, "keywords that Decode does not enforce here: %s", strings.Join(bad, ", "))
	}
}

// checkKeywords rejects the keywords of a non-leaf schema that the
// converter does not carry over (and that Decode does not enforce), so that
// nothing is dropped silently.
func (c *converter) checkKeywords(s *jsonschema.Schema, at string) {
	var bad []string
	if len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 || s.Not != nil {
		bad = append(bad, "allOf/anyOf/oneOf/not")
	}
	if s.If != nil || s.Then != nil || s.Else != nil || len(s.DependentSchemas)+len(s.DependentRequired) > 0 {
		bad = append(bad, "conditional")
	}
	if len(s.PrefixItems) > 0 || s.Contains != nil || len(s.PatternProperties) > 0 || s.PropertyNames != nil {
		bad = append(bad, "prefixItems/contains/patternProperties/propertyNames")
	}
	if s.Const != nil {
		bad = append(bad, "const")
	}
	if s.Items != nil && s.Type != "array" {
		bad = append(bad, "items on a non-array")
	}
	if s.ContentEncoding != "" || s.ContentMediaType != "" || s.ContentSchema != nil || len(s.Extras) > 0 {
		bad = append(bad, "content encoding ([]byte)")
	}
	if len(bad) > 0 {
		c.fail(at, "unsupported keywords: %s", strings.Join(bad, ", "))
	}
}
