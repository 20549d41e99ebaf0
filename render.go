package juesuan

import (
	"bytes"
	"context"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/internal/intake"
	"github.com/cnfiscal/juesuan/internal/render"
)

// RenderOptions say what RenderHTML prints besides the tables.
type RenderOptions struct {
	// Narrative is the 情况说明 (plain UTF-8 text); nil prints none.
	Narrative []byte
}

// ErrNoChromium is returned by RenderPDF when no local Chromium is
// installed (see RenderPDF).
var ErrNoChromium = render.ErrNoChromium

// ChartKind is how a standard chart draws its figures.
type ChartKind uint8

// The kinds of chart.
const (
	ChartBars ChartKind = iota // one bar per figure, grouped by label, a series per year
	ChartPie                   // one slice per figure above 0: its share of their sum (the legend prints it as amount.Ratio rounds it)
)

// ChartSpec declares one standard chart of a profile's disclosure
// (Profile.Charts): what it draws, from which figures. RenderHTML draws it
// from the stated figures only; a chart whose figures are absent is not
// drawn and says why.
type ChartSpec struct {
	ID    string // 图1: how the narrative names it (图1：…)
	Title string // 收、支决算总计变动情况
	Kind  ChartKind
	// Marks are the figures drawn, in order.
	Marks []ChartMark
	// Rows, when set, adds a mark per coded row under this JSON Pointer
	// (/tables/generalBudget/rows) whose code has RowCodeLen digits (3: the
	// 类; 0: every row), labelled by the row's name, its figure the row's
	// RowValue field (total).
	Rows       string
	RowValue   string
	RowCodeLen int
	// Compare marks a chart of this year against the prior year: it is not
	// drawn when no prior-year figure is stated.
	Compare bool
}

// ChartMark is one figure of a chart.
type ChartMark struct {
	Label string // 收入总计
	Ptr   string // JSON Pointer of the figure below the document root
	Prior bool   // a prior-year figure (the 上年 series of a comparison)
}

// checkCharts is the check Register makes of a profile's charts.
func checkCharts(cs []ChartSpec) error {
	seen := map[string]bool{}
	for i, c := range cs {
		switch {
		case c.ID == "":
			return fmt.Errorf("chart %d has no ID (want 图1 …)", i)
		case seen[c.ID]:
			return fmt.Errorf("chart %s declared twice", c.ID)
		case c.Kind > ChartPie:
			return fmt.Errorf("chart %s has kind %d (want ChartBars or ChartPie)", c.ID, c.Kind)
		case len(c.Marks) == 0 && c.Rows == "":
			return fmt.Errorf("chart %s draws nothing (give Marks or Rows)", c.ID)
		case c.Rows != "" && (!strings.HasPrefix(c.Rows, "/") || c.RowValue == "" || strings.Contains(c.RowValue, "/")):
			return fmt.Errorf("chart %s: Rows %q with RowValue %q (want a JSON Pointer and a field name)", c.ID, c.Rows, c.RowValue)
		}
		seen[c.ID] = true
		for j, m := range c.Marks {
			if !strings.HasPrefix(m.Ptr, "/") || m.Label == "" {
				return fmt.Errorf("chart %s mark %d: label %q, pointer %q (want a label and a JSON Pointer)", c.ID, j, m.Label, m.Ptr)
			}
		}
	}
	return nil
}

func cloneCharts(cs []ChartSpec) []ChartSpec {
	if cs == nil {
		return nil
	}
	out := slices.Clone(cs)
	for i := range out {
		out[i].Marks = slices.Clone(out[i].Marks)
	}
	return out
}

// renderSpec is c as package render declares it.
func renderSpec(c ChartSpec) render.ChartSpec {
	s := render.ChartSpec{ID: c.ID, Title: c.Title, Kind: render.Bars, Rows: c.Rows, RowValue: c.RowValue, RowCodeLen: c.RowCodeLen, Compare: c.Compare}
	if c.Kind == ChartPie {
		s.Kind = render.Pie
	}
	s.Marks = make([]render.MarkSpec, len(c.Marks))
	for i, m := range c.Marks {
		s.Marks[i] = render.MarkSpec{Label: m.Label, Ptr: m.Ptr, Prior: m.Prior}
	}
	return s
}

// figureTree looks a document's figures up by JSON Pointer.
type figureTree map[string]any

func newFigureTree(d *Document) (figureTree, error) {
	if t, ok := reflectTree(reflect.ValueOf(&d.Report).Elem()); ok {
		return t.(map[string]any), nil
	}
	return jsonTree(&d.Report)
}

// jsonTree is the document tree as encoding/json writes it and decodes it
// (numbers as json.Number): the reference reflectTree must equal.
func jsonTree(rep *accounts.Report) (figureTree, error) {
	b, err := json.Marshal(rep)
	if err != nil {
		return nil, err
	}
	var t map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&t); err != nil {
		return nil, err
	}
	return t, nil
}

// reflectTree builds the tree jsonTree builds straight from the Go value,
// without writing and reading JSON: objects as map[string]any, arrays as
// []any, strings, booleans, and integers as json.Number; a text marshaler
// (amount.Amount) as its text, a JSON marshaler (amount.Count) as the
// number it writes. It follows encoding/json's field rules (tags,
// omitempty, omitzero, embedded structs) and reports ok false for anything
// it does not handle (maps not keyed by strings, floats, interfaces, ",string", a name two
// embedded fields share, a marshaler with a pointer receiver), in which
// case the caller goes through encoding/json. TestReflectTree checks it
// against jsonTree on every test document.
func reflectTree(v reflect.Value) (any, bool) {
	t := v.Type()
	if t == treeAmountType && v.CanAddr() {
		a := v.Addr().Interface().(*amount.Amount)
		if a.IsZero() {
			return nil, false // encoding/json fails on it
		}
		return a.StringFixed(a.Places()), true // its MarshalText
	}
	switch {
	case t.Implements(treeJSONMarshaler):
		if t.Kind() == reflect.Pointer && v.IsNil() {
			return nil, true
		}
		b, err := v.Interface().(json.Marshaler).MarshalJSON()
		if err != nil || len(b) == 0 || !(b[0] == '-' || b[0] >= '0' && b[0] <= '9') {
			return nil, false
		}
		for _, c := range b[1:] {
			if c < '0' || c > '9' {
				return nil, false
			}
		}
		return json.Number(b), true
	case t.Implements(treeTextMarshaler):
		if t.Kind() == reflect.Pointer && v.IsNil() {
			return nil, true
		}
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return nil, false
		}
		return string(b), true
	case reflect.PointerTo(t).Implements(treeJSONMarshaler), reflect.PointerTo(t).Implements(treeTextMarshaler):
		return nil, false
	}
	switch t.Kind() {
	case reflect.String:
		return v.String(), true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(v.Int(), 10)), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return json.Number(strconv.FormatUint(v.Uint(), 10)), true
	case reflect.Pointer:
		if v.IsNil() {
			return nil, true
		}
		return reflectTree(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return nil, true
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, false
		}
		out := make([]any, v.Len())
		for i := range out {
			x, ok := reflectTree(v.Index(i))
			if !ok {
				return nil, false
			}
			out[i] = x
		}
		return out, true
	case reflect.Map:
		if t.Key().Kind() != reflect.String || t.Key().Implements(treeTextMarshaler) {
			return nil, false
		}
		if v.IsNil() {
			return nil, true
		}
		out := make(map[string]any, v.Len())
		for it := v.MapRange(); it.Next(); {
			x, ok := reflectTree(it.Value())
			if !ok {
				return nil, false
			}
			out[it.Key().String()] = x
		}
		return out, true
	case reflect.Struct:
		fs, ok := fieldsOf(t)
		if !ok {
			return nil, false
		}
		out := make(map[string]any, len(fs))
	fields:
		for _, f := range fs {
			fv := v
			for _, i := range f.index[:len(f.index)-1] {
				fv = fv.Field(i)
				if fv.Kind() == reflect.Pointer {
					if fv.IsNil() {
						continue fields
					}
					fv = fv.Elem()
				}
			}
			fv = fv.Field(f.index[len(f.index)-1])
			if f.omitEmpty && emptyValue(fv) || f.omitZero && zeroValue(fv) {
				continue
			}
			x, ok := reflectTree(fv)
			if !ok {
				return nil, false
			}
			out[f.name] = x
		}
		return out, true
	}
	return nil, false
}

var (
	treeJSONMarshaler = reflect.TypeFor[json.Marshaler]()
	treeTextMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	isZeroer          = reflect.TypeFor[interface{ IsZero() bool }]()
	treeAmountType    = reflect.TypeFor[amount.Amount]()
)

// treeField is one field encoding/json writes: its name, where it is
// (through embedded structs) and its omit options.
type treeField struct {
	name                string
	index               []int
	omitEmpty, omitZero bool
}

type treeFields struct {
	fs []treeField
	ok bool
}

var fieldCache sync.Map // reflect.Type → treeFields

// fieldsOf lists the fields encoding/json writes for struct type t, in
// order; ok is false for a struct whose fields reflectTree does not handle.
func fieldsOf(t reflect.Type) ([]treeField, bool) {
	if c, ok := fieldCache.Load(t); ok {
		tf := c.(treeFields)
		return tf.fs, tf.ok
	}
	var fs []treeField
	ok := collectFields(t, nil, &fs, 0)
	seen := map[string]bool{}
	for _, f := range fs {
		ok = ok && !seen[f.name]
		seen[f.name] = true
	}
	fieldCache.Store(t, treeFields{fs, ok})
	return fs, ok
}

func collectFields(t reflect.Type, index []int, out *[]treeField, depth int) bool {
	if depth > 8 {
		return false
	}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		idx := append(slices.Clone(index), i)
		if sf.Anonymous && name == "" {
			et := sf.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				if !collectFields(et, idx, out, depth+1) {
					return false
				}
				continue
			}
			if !sf.IsExported() {
				continue
			}
		} else if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		f := treeField{name: name, index: idx}
		for o := range strings.SplitSeq(opts, ",") {
			switch o {
			case "omitempty":
				f.omitEmpty = true
			case "omitzero":
				f.omitZero = true
				if !sf.Type.Implements(isZeroer) && reflect.PointerTo(sf.Type).Implements(isZeroer) {
					return false
				}
			case "":
			default:
				return false // ",string" and the like
			}
		}
		*out = append(*out, f)
	}
	return true
}

// emptyValue is encoding/json's omitempty test.
func emptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// zeroValue is encoding/json's omitzero test.
func zeroValue(v reflect.Value) bool {
	if v.CanAddr() && v.Kind() != reflect.Pointer {
		if z, ok := v.Addr().Interface().(interface{ IsZero() bool }); ok {
			return z.IsZero() // no copy of v
		}
	}
	if v.Type().Implements(isZeroer) {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return true
		}
		return v.Interface().(interface{ IsZero() bool }).IsZero()
	}
	return v.IsZero()
}

func (t figureTree) at(ptr string) any {
	var cur any = map[string]any(t)
	for k := range strings.SplitSeq(strings.TrimPrefix(ptr, "/"), "/") {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[k]
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || n >= len(x) {
				return nil
			}
			cur = x[n]
		default:
			return nil
		}
	}
	return cur
}

// Figure implements render.Figures.
func (t figureTree) Figure(ptr string) (string, bool) {
	s, ok := t.at(ptr).(string)
	return s, ok && s != ""
}

// Rows implements render.Figures.
func (t figureTree) Rows(ptr, field string) []render.Row {
	rows, _ := t.at(ptr).([]any)
	out := make([]render.Row, 0, len(rows))
	for _, rv := range rows {
		r, _ := rv.(map[string]any)
		code, _ := r["code"].(string)
		name, _ := r["name"].(string)
		v, _ := r[field].(string)
		out = append(out, render.Row{Code: code, Name: name, Value: v})
	}
	return out
}

// page builds the disclosure of d.
func page(d *Document, opts RenderOptions) (*render.Page, error) {
	if d == nil {
		return nil, ErrNilDocument
	}
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return nil, err
	}
	its := intakeTables(p, false)
	unit := string(d.Unit.AmountUnit)
	// The figures straight from the Go value; through the tree when that
	// meets something it does not handle.
	var figs render.Figures
	src := &valueSource{root: reflect.ValueOf(&d.Report).Elem()}
	grids := intake.GridsFrom(src, unit, its)
	charts := make([]render.Chart, len(p.Charts))
	for i, s := range p.Charts {
		charts[i] = render.Resolve(renderSpec(s), src, d.Unit.FiscalYear)
	}
	if src.failed {
		t, err := newFigureTree(d)
		if err != nil {
			return nil, err
		}
		tables, _ := t["tables"].(map[string]any)
		grids = intake.GridsOf(tables, unit, its)
		figs = t
	}
	heading := d.Unit.Name
	if d.Unit.FiscalYear != 0 {
		heading += strconv.Itoa(d.Unit.FiscalYear) + "年度"
	}
	heading += "部门决算"
	pg := &render.Page{Heading: heading, Unit: string(d.Unit.AmountUnit), Grids: grids, Narrative: opts.Narrative}
	if figs != nil {
		for i, s := range p.Charts {
			charts[i] = render.Resolve(renderSpec(s), figs, d.Unit.FiscalYear)
		}
	}
	if len(charts) > 0 {
		pg.Charts = charts
	}
	return pg, nil
}

// RenderHTML writes d as its published disclosure, one self-contained HTML
// file (inline CSS and SVG, no script, no external resource): the
// narrative of opts (escaped, a paragraph per line, numbered as the
// linter numbers lines: <p data-line="12">) with each standard
// chart of d's profile (Profile.Charts) after the paragraph that names it
// (图1：…), the
// charts it does not name after it, then the profile's 公开表 that d
// carries in published order (internal 财决 tables left out) as printed:
// title, 单位 line, merged header, figures right-aligned as "#,##0.00"
// (counts as whole numbers, absent figures blank), notes. The tables are
// laid out by the same code as WriteWorkbook. A chart is drawn from the
// stated figures only: one mark per figure, each with a <title> naming its
// label and figure; a chart whose figures are absent (a comparison without
// any prior-year figure, a structure with nothing stated or all 0) is not
// drawn and says why ("上年数未填报，图1未绘制"), and the absent figures
// of a drawn chart are listed under it. Print CSS puts each table on its
// own A4 landscape page.
func RenderHTML(w io.Writer, d *Document, opts RenderOptions) error {
	pg, err := page(d, opts)
	if err != nil {
		return err
	}
	return render.HTML(w, pg)
}

// RenderPDF prints the disclosure RenderHTML writes to PDF through a local
// headless Chromium (the JUESUAN_CHROMIUM environment variable, or
// chromium, chromium-browser, google-chrome or headless_shell on PATH,
// run as chromium --headless --print-to-pdf). Without one it returns an
// error matching ErrNoChromium. ctx bounds the Chromium run.
func RenderPDF(ctx context.Context, w io.Writer, d *Document, opts RenderOptions) error {
	var b bytes.Buffer
	if err := RenderHTML(&b, d, opts); err != nil {
		return err
	}
	pdf, err := render.PDF(ctx, b.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(pdf)
	return err
}

// valueSource resolves JSON Pointers straight from the Go value of a report,
// as reflectTree would build them (intake.Source, render.Figures), without
// building the tree: each pointer is compiled once per type into a list of
// field and index steps. A pointer through something reflectTree does not
// handle sets failed, and the caller goes through the tree instead.
type valueSource struct {
	root   reflect.Value // the report, addressable
	failed bool

	lastPtr   string // the last slice asked for
	lastPath  *vpath
	lastSlice reflect.Value
	lastOK    bool
}

// vstep is one step of a compiled pointer: through pointers (nil: absent),
// then a field (its index path through embedded structs, omitted as
// encoding/json omits it: absent) or an element of a slice (absent when out
// of range).
type vstep struct {
	field               []int
	index               int
	isIndex             bool
	key                 reflect.Value // the key, for an element of a map
	omitEmpty, omitZero bool
}

// leafClass is how a compiled pointer's value is read.
type leafClass uint8

const (
	leafTree   leafClass = iota // reflectTree (marshalers, amounts)
	leafObject                  // a struct: an object
	leafSlice                   // an array (nil: absent)
	leafMap                     // an object (nil: absent)
	leafString
	leafBool
	leafInt
	leafUint
	leafAbsent // nothing there (an unknown field, a scalar's member)
	leafFail   // not handled: go through the tree
)

type vpath struct {
	steps  []vstep
	leaf   leafClass
	derefs int // pointers followed at the end before the leaf is read
	// For a slice of plain structs (or pointers to them): the pointers
	// followed to an element, its type and the compiled paths below it.
	elemDerefs int
	elemType   reflect.Type
	elemPaths  sync.Map // string → *vpath
}

type vkey struct {
	t   reflect.Type
	ptr string
}

var vpathCache sync.Map // vkey → *vpath

// marshals reports whether reflectTree takes values of t as a marshaler or
// an amount rather than by kind.
func marshals(t reflect.Type) bool {
	return t == treeAmountType || t.Implements(treeJSONMarshaler) || t.Implements(treeTextMarshaler) ||
		reflect.PointerTo(t).Implements(treeJSONMarshaler) || reflect.PointerTo(t).Implements(treeTextMarshaler)
}

// compilePath compiles ptr (segments separated by /, no leading slash; ""
// for t itself) below type t.
func compilePath(t reflect.Type, ptr string) *vpath {
	k := vkey{t, ptr}
	if p, ok := vpathCache.Load(k); ok {
		return p.(*vpath)
	}
	p := &vpath{}
	rest, more := ptr, ptr != ""
	for more {
		var seg string
		seg, rest, more = strings.Cut(rest, "/")
		for t.Kind() == reflect.Pointer && !marshals(t) {
			t = t.Elem()
		}
		if marshals(t) {
			p.leaf = leafFail
			break
		}
		switch t.Kind() {
		case reflect.Struct:
			fs, ok := fieldsOf(t)
			if !ok {
				p.leaf = leafFail
				break
			}
			var f *treeField
			for i := range fs {
				if fs[i].name == seg {
					f = &fs[i]
					break
				}
			}
			if f == nil {
				p.leaf = leafAbsent
				break
			}
			p.steps = append(p.steps, vstep{field: f.index, omitEmpty: f.omitEmpty, omitZero: f.omitZero})
			ft := t
			for _, i := range f.index {
				for ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				ft = ft.Field(i).Type
			}
			t = ft
			continue
		case reflect.Slice:
			n, err := strconv.Atoi(seg)
			switch {
			case t.Elem().Kind() == reflect.Uint8:
				p.leaf = leafFail
			case err != nil || n < 0:
				p.leaf = leafAbsent
			default:
				p.steps = append(p.steps, vstep{index: n, isIndex: true})
				t = t.Elem()
				continue
			}
		case reflect.Map:
			if t.Key().Kind() != reflect.String || t.Key().Implements(treeTextMarshaler) {
				p.leaf = leafFail
				break
			}
			p.steps = append(p.steps, vstep{key: reflect.ValueOf(seg).Convert(t.Key())})
			t = t.Elem()
			continue
		case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			p.leaf = leafAbsent // a scalar has no members
		default:
			p.leaf = leafFail
		}
		break
	}
	if !more && p.leaf == leafTree {
		for t.Kind() == reflect.Pointer && !marshals(t) {
			t = t.Elem()
			p.derefs++
		}
		switch {
		case marshals(t):
			p.leaf = leafTree
		case t.Kind() == reflect.Struct:
			if _, ok := fieldsOf(t); ok {
				p.leaf = leafObject
			} else {
				p.leaf = leafFail
			}
		case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
			p.leaf = leafSlice
			et := t.Elem()
			for et.Kind() == reflect.Pointer && !marshals(et) {
				et = et.Elem()
				p.elemDerefs++
			}
			if et.Kind() == reflect.Struct && !marshals(et) {
				p.elemType = et
			}
		case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && !t.Key().Implements(treeTextMarshaler):
			p.leaf = leafMap
		case t.Kind() == reflect.String:
			p.leaf = leafString
		case t.Kind() == reflect.Bool:
			p.leaf = leafBool
		case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
			p.leaf = leafInt
		case t.Kind() >= reflect.Uint && t.Kind() <= reflect.Uint64:
			p.leaf = leafUint
		default:
			p.leaf = leafFail
		}
	}
	v, _ := vpathCache.LoadOrStore(k, p)
	return v.(*vpath)
}

// eval walks p from v: the value at its end, ok false when absent.
func (p *vpath) eval(v reflect.Value) (reflect.Value, bool) {
	for _, s := range p.steps {
		for v.Kind() == reflect.Pointer { // no marshaler in the middle of a compiled path
			if v.IsNil() {
				return v, false
			}
			v = v.Elem()
		}
		if s.key.IsValid() {
			if v = v.MapIndex(s.key); !v.IsValid() {
				return v, false
			}
			continue
		}
		if s.isIndex {
			if v.IsNil() || s.index >= v.Len() {
				return v, false
			}
			v = v.Index(s.index)
			continue
		}
		for _, i := range s.field[:len(s.field)-1] {
			v = v.Field(i)
			if v.Kind() == reflect.Pointer {
				if v.IsNil() {
					return v, false
				}
				v = v.Elem()
			}
		}
		v = v.Field(s.field[len(s.field)-1])
		if s.omitEmpty && emptyValue(v) || s.omitZero && zeroValue(v) {
			return v, false
		}
	}
	return v, true
}

// value reads v, the end of p.
func (s *valueSource) value(p *vpath, v reflect.Value) (string, intake.Kind) {
	if p.leaf == leafFail {
		s.failed = true
		return "", intake.Absent
	}
	if p.leaf == leafAbsent {
		return "", intake.Absent
	}
	for range p.derefs {
		if v.IsNil() {
			return "", intake.Absent
		}
		v = v.Elem()
	}
	switch p.leaf {
	case leafObject:
		return "", intake.Object
	case leafSlice:
		if v.IsNil() {
			return "", intake.Absent
		}
		return "", intake.Other
	case leafMap:
		if v.IsNil() {
			return "", intake.Absent
		}
		return "", intake.Object
	case leafString:
		return v.String(), intake.String
	case leafBool:
		return "", intake.Other
	case leafInt:
		return strconv.FormatInt(v.Int(), 10), intake.Number
	case leafUint:
		return strconv.FormatUint(v.Uint(), 10), intake.Number
	}
	if v.Type() == treeAmountType && v.CanAddr() {
		if a := v.Addr().Interface().(*amount.Amount); !a.IsZero() {
			return a.StringFixed(a.Places()), intake.String
		}
	}
	x, ok := reflectTree(v)
	if !ok {
		s.failed = true
		return "", intake.Absent
	}
	switch x := x.(type) {
	case string:
		return x, intake.String
	case json.Number:
		return string(x), intake.Number
	case nil:
		return "", intake.Absent
	}
	return "", intake.Other
}

func (s *valueSource) at(ptr string) (*vpath, reflect.Value, bool) {
	p := compilePath(s.root.Type(), strings.TrimPrefix(ptr, "/"))
	v, ok := p.eval(s.root)
	return p, v, ok
}

// Value implements intake.Source.
func (s *valueSource) Value(ptr string) (string, intake.Kind) {
	p, v, ok := s.at(ptr)
	if !ok {
		if p.leaf == leafFail {
			s.failed = true
		}
		return "", intake.Absent
	}
	return s.value(p, v)
}

// slice is the slice at ptr and its compiled path, ok false when there is
// none. The last one is kept: the layout asks for the elements of one
// slice in turn.
func (s *valueSource) slice(ptr string) (*vpath, reflect.Value, bool) {
	if s.lastOK && ptr == s.lastPtr {
		return s.lastPath, s.lastSlice, true
	}
	p, v, ok := s.at(ptr)
	switch {
	case p.leaf == leafFail:
		s.failed = true
		return p, v, false
	case !ok || p.leaf != leafSlice:
		return p, v, false
	}
	for range p.derefs {
		if v.IsNil() {
			return p, v, false
		}
		v = v.Elem()
	}
	if v.IsNil() {
		return p, v, false
	}
	s.lastPtr, s.lastPath, s.lastSlice, s.lastOK = ptr, p, v, true
	return p, v, true
}

// Len implements intake.Source.
func (s *valueSource) Len(ptr string) int {
	_, v, ok := s.slice(ptr)
	if !ok {
		return 0
	}
	return v.Len()
}

// Elem implements intake.Source.
func (s *valueSource) Elem(ptr string, k int, field string) (string, intake.Kind) {
	sp, v, ok := s.slice(ptr)
	if !ok || k < 0 || k >= v.Len() {
		return "", intake.Absent
	}
	if sp.elemType == nil {
		s.failed = true // rows that are not plain objects: not met
		return "", intake.Absent
	}
	e := v.Index(k)
	for range sp.elemDerefs {
		if e.IsNil() {
			return "", intake.Absent
		}
		e = e.Elem()
	}
	var p *vpath
	if x, ok := sp.elemPaths.Load(field); ok {
		p = x.(*vpath)
	} else {
		p = compilePath(sp.elemType, field)
		sp.elemPaths.Store(field, p)
	}
	fv, ok := p.eval(e)
	if !ok {
		if p.leaf == leafFail {
			s.failed = true
		}
		return "", intake.Absent
	}
	return s.value(p, fv)
}

// Figure implements render.Figures.
func (s *valueSource) Figure(ptr string) (string, bool) {
	v, k := s.Value(ptr)
	return v, k == intake.String && v != ""
}

// Rows implements render.Figures.
func (s *valueSource) Rows(ptr, field string) []render.Row {
	n := s.Len(ptr)
	out := make([]render.Row, 0, n)
	for k := range n {
		var r render.Row
		var kind intake.Kind
		if r.Code, kind = s.Elem(ptr, k, "code"); kind != intake.String {
			r.Code = ""
		}
		if r.Name, kind = s.Elem(ptr, k, "name"); kind != intake.String {
			r.Name = ""
		}
		if r.Value, kind = s.Elem(ptr, k, field); kind != intake.String {
			r.Value = ""
		}
		out = append(out, r)
	}
	return out
}
