package juesuan

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cnfiscal/juesuan/accounts"
)

// UIKind names a form library whose uiSchema UISchema writes.
type UIKind string

const (
	// UIRJSF is a uiSchema for react-jsonschema-form (rjsf) 6.
	UIRJSF UIKind = "rjsf"
	// UIJSONForms is a UI schema for JSON Forms 3.
	UIJSONForms UIKind = "jsonforms"
)

// UIOptions select what a uiSchema shows.
type UIOptions struct {
	// Internal shows the internal 财决 tables (Z01, Z01-1, 07, 附03), which
	// are hidden otherwise.
	Internal bool
	// Extra shows the tables the profile adds (tables/extra), hidden
	// otherwise.
	Extra bool
}

// UIGridField is the rjsf field name (ui:field) of a row array in the rjsf
// uiSchemas: the app registers a field of that name (fields={{juesuanGrid:
// …}}) that renders the rows as a grid shaped like the printed table, from
// ui:options.juesuan.grid (the columns, their printed headers, the kind of
// each: code, text, enum, amount, count). examples/form/src/grid.jsx is one.
const UIGridField = "juesuanGrid"

// UISchema returns the uiSchema of typ (DocumentType, a table key or
// "performance", as Schema takes) of p for the form library kind, indented, derived from the
// table model (accounts.LayoutOf) and the profile's tables:
//
//   - the tables in the profile's published order, one tab (rjsf:
//     ui:options.juesuan.tabs on tables, read by the app's
//     ObjectFieldTemplate; JSON Forms: a Categorization with a Category per
//     table, labelled 附表N and the title);
//   - coded rows as a grid like the printed table (rjsf: ui:field
//     juesuanGrid, see UIGridField; JSON Forms: the table array control);
//     a line of columns (a 合计 line) and labelled lines are marked
//     ui:options.juesuan.layout "line" and "lines";
//   - profile and fiscal year read-only; long texts (说明, 原因, …) as
//     textareas; amounts with inputMode decimal (rjsf: ui:options.inputMode,
//     set on the input by the app's BaseInputTemplate);
//   - the internal 财决 tables and the profile's added tables hidden unless
//     opt asks for them (rjsf: ui:widget hidden; JSON Forms: left out).
//
// p must not be nil: the layout is a profile's.
func (p *Profile) UISchema(kind UIKind, typ string, opt UIOptions) ([]byte, error) {
	if p == nil {
		return nil, fmt.Errorf("%w: a uiSchema needs a profile", ErrSchema)
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	tree, err := buildSchema(p)
	if err != nil {
		return nil, err
	}
	g := &uiGen{p: p, tree: tree, defs: tree.obj("$defs"), opt: opt}
	var out *jobj
	switch kind {
	case UIRJSF:
		out, err = g.rjsf(typ)
	case UIJSONForms:
		out, err = g.jsonForms(typ)
	default:
		return nil, fmt.Errorf("%w: unknown uiSchema kind %q (want rjsf or jsonforms)", ErrSchema, kind)
	}
	if err != nil {
		return nil, err
	}
	return writeJSON(out)
}

type uiGen struct {
	p    *Profile
	tree *jobj
	defs *jobj
	opt  UIOptions
}

// resolve follows a $ref into $defs.
func (g *uiGen) resolve(s *jobj) *jobj {
	for s != nil {
		n, ok := strings.CutPrefix(s.str("$ref"), "#/$defs/")
		if !ok {
			return s
		}
		s = g.defs.obj(unescapeToken(n))
	}
	return s
}

// shown reports whether table t appears in the form.
func (g *uiGen) shown(t TableSpec) bool {
	switch {
	case t.Extra():
		return g.opt.Extra
	case t.Internal:
		return g.opt.Internal
	}
	return true
}

// tableTitle is the label of t's tab.
func tableTitle(t TableSpec) string {
	if t.Number != "" {
		return "附表" + t.Number + " " + t.Title
	}
	return t.Title
}

// longText reports whether the string field key titled title holds prose
// (a textarea rather than a line).
func longText(key, title string) bool {
	switch key {
	case "note", "text", "expected", "deviation", "overallGoal", "problems", "suggestions",
		"organisation", "staff", "conclusion", "reason", "functions", "budgetManagement":
		return true
	}
	for _, w := range []string{"说明", "原因", "问题", "建议", "目标", "结论", "概况", "措施", "职能", "情况"} {
		if strings.Contains(title, w) {
			return true
		}
	}
	return false
}

// partsOf returns the layout parts of table key by their path in the
// table ("/rows", "/income").
func partsOf(key string) map[string]accounts.PartLayout {
	m := map[string]accounts.PartLayout{}
	if l := accounts.LayoutOf(key); l != nil {
		for _, pl := range l.Parts {
			m[pl.Path] = pl
		}
	}
	return m
}

// gridColumns are the columns of a grid of rows whose item schema is item:
// its properties in order (code and name first, as printed), amounts
// flattened from a values object (an added table), headers from the
// layout's columns.
func gridColumns(item *jobj, cols []accounts.Column) []any {
	header := map[string][]string{}
	for _, c := range cols {
		header[c.Name] = c.Header
	}
	var out []any
	var add func(s *jobj, prefix string)
	add = func(s *jobj, prefix string) {
		props := s.obj("properties")
		if props == nil {
			return
		}
		for _, k := range props.keys {
			ps := props.obj(k)
			c := newObj().set("key", prefix+k).set("title", ps.str("title"))
			switch {
			case ps.str("type") == "object":
				add(ps, prefix+k+"/")
				continue
			case isAmount(ps):
				c.set("kind", "amount")
			case ps.str("type") == "integer":
				c.set("kind", "count")
			case ps.m["enum"] != nil:
				c.set("kind", "enum")
				var opts []any
				for _, v := range ps.m["enum"].([]any) {
					t := enumTitles()[fmt.Sprint(v)]
					if t == "" {
						t = fmt.Sprint(v)
					}
					opts = append(opts, newObj().set("value", v).set("title", t))
				}
				c.set("options", opts)
			case k == "code":
				c.set("kind", "code")
			default:
				c.set("kind", "text")
			}
			if h := header[k]; len(h) > 1 {
				c.set("header", toAny(h))
			}
			if p := ps.str("pattern"); p != "" && !isAmount(ps) {
				c.set("pattern", p)
			}
			if req, ok := s.get("required"); ok && prefix == "" {
				for _, r := range req.([]any) {
					if r == k {
						c.set("required", true)
					}
				}
			}
			out = append(out, c)
		}
	}
	add(item, "")
	return out
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// ---- rjsf

// amountUI is the rjsf uiSchema of an amount.
func amountUI() *jobj {
	return newObj().set("ui:options", newObj().set("inputMode", "decimal").set("juesuan", newObj().set("kind", "amount")))
}

func (g *uiGen) rjsf(typ string) (*jobj, error) {
	switch typ {
	case DocumentType:
		return g.rjsfDocument(), nil
	case "performance":
		return g.rjsfValue(g.defs.obj("performance"), "", nil), nil
	}
	t, ok := g.tableSpec(typ)
	if !ok {
		return nil, g.unknownType(typ)
	}
	return g.rjsfTable(t), nil
}

func (g *uiGen) tableSpec(typ string) (TableSpec, bool) {
	key, extra := strings.CutPrefix(typ, "extra.")
	for _, t := range g.p.Tables {
		if t.Key == key && t.Extra() == extra {
			return t, true
		}
	}
	return TableSpec{}, false
}

func (g *uiGen) unknownType(typ string) error {
	var types []string
	for _, t := range g.p.Tables {
		if t.Extra() {
			types = append(types, "extra."+t.Key)
		} else {
			types = append(types, t.Key)
		}
	}
	return fmt.Errorf("%w %q for a uiSchema (want %s, %s, performance)", ErrUnknownSchemaType, typ, DocumentType, strings.Join(types, ", "))
}

func (g *uiGen) rjsfDocument() *jobj {
	props := g.tree.obj("properties")
	ui := newObj()
	ui.set("ui:order", append(toAny(props.keys), "*"))
	for _, k := range props.keys {
		switch k {
		case "tables":
			ui.set(k, g.rjsfTables())
		default:
			if u := g.rjsfValue(g.resolve(props.obj(k)), k, nil); u != nil {
				ui.set(k, u)
			}
		}
	}
	return ui
}

func (g *uiGen) rjsfTables() *jobj {
	ui := newObj()
	var order, tabs []any
	extra := newObj()
	var extraOrder []any
	for _, t := range g.p.Tables {
		tab := newObj().set("key", t.Key).set("title", tableTitle(t))
		if t.Number != "" {
			tab.set("number", t.Number)
		}
		if t.Extra() {
			tab.set("key", "extra/"+t.Key)
			extraOrder = append(extraOrder, t.Key)
			u := g.rjsfTable(t)
			if !g.shown(t) {
				u = newObj().set("ui:widget", "hidden")
			}
			extra.set(t.Key, u)
		} else {
			order = append(order, t.Key)
			u := g.rjsfTable(t)
			if !g.shown(t) {
				u = newObj().set("ui:widget", "hidden")
			}
			ui.set(t.Key, u)
		}
		if g.shown(t) {
			tabs = append(tabs, tab)
		}
	}
	if len(extraOrder) > 0 {
		extra.set("ui:order", append(extraOrder, "*"))
		extra.order("ui:order")
		if !g.opt.Extra {
			extra = newObj().set("ui:widget", "hidden")
		}
		ui.set("extra", extra)
	} else {
		ui.set("extra", newObj().set("ui:widget", "hidden"))
	}
	ui.set("ui:order", append(append(order, "extra"), "*"))
	ui.set("ui:options", newObj().set("juesuan", newObj().set("layout", "tabs").set("tabs", tabs)))
	ui.order("ui:order", "ui:options")
	return ui
}

// rjsfTable is the uiSchema of table t.
func (g *uiGen) rjsfTable(t TableSpec) *jobj {
	var s *jobj
	var parts map[string]accounts.PartLayout
	if t.Extra() {
		s = g.defs.obj("extra." + t.Key)
		parts = map[string]accounts.PartLayout{"/rows": {Path: "/rows", Kind: accounts.RowsPart}, "/total": {Path: "/total", Kind: accounts.LinePart}}
	} else {
		s = g.resolve(g.defs.obj(t.Key))
		parts = partsOf(t.Key)
	}
	ui := g.rjsfValue(s, "", parts)
	if ui == nil {
		ui = newObj()
	}
	ui.set("ui:title", tableTitle(t))
	ui.order("ui:title", "ui:order")
	return ui
}

// rjsfValue is the uiSchema of the value of schema s at path (within its
// table, for parts) or nil when it needs none.
func (g *uiGen) rjsfValue(s *jobj, path string, parts map[string]accounts.PartLayout) *jobj {
	key := path[strings.LastIndexByte(path, '/')+1:]
	switch {
	case s == nil:
		return nil
	case isAmount(s):
		return amountUI()
	case s.m["const"] != nil:
		return newObj().set("ui:readonly", true)
	case s.str("type") == "string" && s.m["enum"] != nil:
		var names []any
		for _, v := range s.m["enum"].([]any) {
			t := enumTitles()[fmt.Sprint(v)]
			if t == "" {
				t = fmt.Sprint(v)
			}
			names = append(names, t)
		}
		return newObj().set("ui:enumNames", names)
	case s.str("type") == "string":
		if longText(key, s.str("title")) {
			return newObj().set("ui:widget", "textarea")
		}
		return nil
	case s.str("type") == "array":
		item := g.resolve(s.obj("items"))
		if pl, ok := parts[path]; ok && pl.Kind == accounts.RowsPart && item.str("type") == "object" {
			grid := newObj().set("columns", gridColumns(item, pl.Columns))
			if pl.Coded {
				var lv []any
				for _, l := range pl.Levels {
					lv = append(lv, l.String())
				}
				if lv != nil {
					grid.set("levels", lv)
				}
			}
			grid.set("unitFrom", "/unit/amountUnit")
			return newObj().set("ui:field", UIGridField).
				set("ui:options", newObj().set("juesuan", newObj().set("grid", grid)))
		}
		if item.str("type") == "string" && longText(key, s.str("title")) {
			return newObj().set("items", newObj().set("ui:widget", "textarea"))
		}
		if u := g.rjsfValue(item, path+"/*", parts); u != nil {
			return newObj().set("items", u)
		}
		return nil
	case s.str("type") == "object":
		props := s.obj("properties")
		if props == nil {
			if ap := s.obj("additionalProperties"); ap != nil {
				if u := g.rjsfValue(g.resolve(ap), path+"/*", parts); u != nil {
					return newObj().set("additionalProperties", u)
				}
			}
			return nil
		}
		ui := newObj()
		ui.set("ui:order", append(toAny(props.keys), "*"))
		for _, k := range props.keys {
			if u := g.rjsfValue(g.resolve(props.obj(k)), path+"/"+k, parts); u != nil {
				ui.set(k, u)
			}
		}
		if pl, ok := parts[path]; ok && path != "" {
			switch pl.Kind {
			case accounts.LinePart:
				ui.set("ui:options", newObj().set("juesuan", newObj().set("layout", "line")))
			case accounts.LinesPart:
				ui.set("ui:options", newObj().set("juesuan", newObj().set("layout", "lines")))
			}
		}
		if pl, ok := parts[path]; ok && path == "" && pl.Kind == accounts.LinesPart {
			ui.set("ui:options", newObj().set("juesuan", newObj().set("layout", "lines")))
		}
		ui.order("ui:order", "ui:options")
		return ui
	}
	return nil
}

// ---- JSON Forms

func (g *uiGen) jsonForms(typ string) (*jobj, error) {
	switch typ {
	case DocumentType:
		return g.jfDocument(), nil
	case "performance":
		return newObj().set("type", "VerticalLayout").set("elements", g.jfElements(g.defs.obj("performance"), "#", "", nil)), nil
	}
	t, ok := g.tableSpec(typ)
	if !ok {
		return nil, g.unknownType(typ)
	}
	s, parts := g.tableSchema(t)
	return newObj().set("type", "VerticalLayout").set("elements", g.jfElements(s, "#", "", parts)), nil
}

func (g *uiGen) tableSchema(t TableSpec) (*jobj, map[string]accounts.PartLayout) {
	if t.Extra() {
		return g.defs.obj("extra." + t.Key), map[string]accounts.PartLayout{"/rows": {Path: "/rows", Kind: accounts.RowsPart}}
	}
	return g.resolve(g.defs.obj(t.Key)), partsOf(t.Key)
}

func category(label string, elements []any) *jobj {
	return newObj().set("type", "Category").set("label", label).set("elements", elements)
}

func (g *uiGen) jfDocument() *jobj {
	props := g.tree.obj("properties")
	var cats []any
	unit := []any{newObj().set("type", "Control").set("scope", "#/properties/profile").set("options", newObj().set("readonly", true))}
	unit = append(unit, g.jfElements(g.resolve(props.obj("unit")), "#/properties/unit", "", nil)...)
	cats = append(cats, category("单位信息", unit))
	for _, t := range g.p.Tables {
		if !g.shown(t) {
			continue
		}
		s, parts := g.tableSchema(t)
		scope := "#/properties/tables/properties/" + t.Key
		if t.Extra() {
			scope = "#/properties/tables/properties/extra/properties/" + t.Key
		}
		cats = append(cats, category(tableTitle(t), g.jfElements(s, scope, "", parts)))
	}
	for _, k := range props.keys {
		switch k {
		case "profile", "unit", "tables":
			continue
		}
		ps := g.resolve(props.obj(k))
		var els []any
		if ps.str("type") == "object" {
			els = g.jfElements(ps, "#/properties/"+k, "", nil)
		} else {
			els = []any{newObj().set("type", "Control").set("scope", "#/properties/"+k)}
		}
		cats = append(cats, category(ps.str("title"), els))
	}
	return newObj().set("type", "Categorization").set("elements", cats)
}

// jfElements are the JSON Forms elements of the properties of object
// schema s at scope (path is its place in the table, for parts).
func (g *uiGen) jfElements(s *jobj, scope, path string, parts map[string]accounts.PartLayout) []any {
	var out []any
	props := s.obj("properties")
	if props == nil {
		return nil
	}
	for _, k := range props.keys {
		ps := g.resolve(props.obj(k))
		sc := scope + "/properties/" + k
		p := path + "/" + k
		ctl := newObj().set("type", "Control").set("scope", sc)
		switch {
		case isAmount(ps):
			ctl.set("options", newObj().set("inputMode", "decimal"))
		case ps.m["const"] != nil:
			ctl.set("options", newObj().set("readonly", true))
		case ps.str("type") == "string" && ps.m["enum"] == nil && longText(k, ps.str("title")):
			ctl.set("options", newObj().set("multi", true))
		case ps.str("type") == "object" && ps.obj("properties") != nil:
			grp := newObj().set("type", "Group").set("label", ps.str("title"))
			grp.set("elements", g.jfElements(ps, sc, p, parts))
			if pl, ok := parts[p]; ok && pl.Kind == accounts.LinePart {
				grp.set("elements", []any{newObj().set("type", "HorizontalLayout").set("elements", g.jfElements(ps, sc, p, parts))})
			}
			out = append(out, grp)
			continue
		case ps.str("type") == "array":
			if _, ok := parts[p]; ok {
				ctl.set("label", ps.str("title"))
			} else if item := g.resolve(ps.obj("items")); item.str("type") == "object" && nested(item) {
				// Rows with sub-objects: no table; each item by this layout.
				ctl.set("options", newObj().set("detail", newObj().set("type", "VerticalLayout").
					set("elements", g.jfElements(item, "#", "", nil))))
			}
		}
		out = append(out, ctl)
	}
	return out
}

// WriteFormFiles writes to dir what a form needs besides the schemas, for
// each of profiles (every registered profile when none is given):
// ui/PROFILE.rjsf.json and ui/PROFILE.jsonforms.json (UISchema of the
// document with the default UIOptions), messages/PROFILE.zh-CN.json
// (Messages) and messages/zh-CN.json for the neutral schema. It returns the
// paths written, in order; like WriteSchemas it generates everything
// before writing anything.
func WriteFormFiles(dir string, profiles ...*Profile) ([]string, error) {
	files, err := formFiles(profiles...)
	if err != nil {
		return nil, err
	}
	names := slices.Sorted(maps.Keys(files))
	paths := make([]string, 0, len(names))
	for _, n := range names {
		path := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return paths, err
		}
		if err := os.WriteFile(path, files[n], 0o644); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// formFiles returns what WriteFormFiles writes, keyed by slash-separated
// path below dir.
func formFiles(profiles ...*Profile) (map[string][]byte, error) {
	if len(profiles) == 0 {
		for _, id := range ProfileIDs() {
			p, err := LookupProfile(id)
			if err != nil {
				return nil, err
			}
			profiles = append(profiles, p)
		}
	}
	files := map[string][]byte{}
	b, err := (*Profile)(nil).Messages(MessagesLocale)
	if err != nil {
		return nil, err
	}
	files["messages/"+MessagesLocale+".json"] = b
	for _, p := range profiles {
		if b, err = p.Messages(MessagesLocale); err != nil {
			return nil, err
		}
		files["messages/"+p.ID+"."+MessagesLocale+".json"] = b
		for _, k := range []UIKind{UIRJSF, UIJSONForms} {
			if b, err = p.UISchema(k, DocumentType, UIOptions{}); err != nil {
				return nil, err
			}
			files["ui/"+p.ID+"."+string(k)+".json"] = b
		}
	}
	return files, nil
}

// nested reports whether object schema s has an object or array property.
func nested(s *jobj) bool {
	props := s.obj("properties")
	if props == nil {
		return false
	}
	for _, k := range props.keys {
		if t := props.obj(k).str("type"); t == "object" || t == "array" {
			return true
		}
	}
	return false
}
