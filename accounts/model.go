package accounts

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/cnfiscal/juesuan/classification"
)

// The table model. Each table is declared once, as its Go type in
// tables.go: the fields and their tags are the table's JSON keys
// (json), its published titles (jsonschema title) and what the layout
// adds (the layout tag, below). Everything else is derived from those
// types once, when the package is initialised: the layouts (Layouts,
// LayoutOf), the columns of a line (ColumnsOf), Tables.Has, the walk over
// every figure, the parts the rules check, and the titles in messages.
//
// The layout tag holds semicolon-separated settings; lists are separated
// by "|":
//
//	short=财决Z01-1表       the title in messages, when shorter than the published one (a table or sub-table)
//	alias=一般公共预算财政拨款收入|…  other printed labels of a table, column or line
//	header=本年支出|基本支出   the printed column header, top row first (default: the title)
//	levels=类|款            the code levels coded rows admit (default: any)
//	lines                   a struct of figures that are labelled lines, not the columns of one line
//
// A struct of figures is the columns of one line (a 合计 line, or the
// columns a row embeds) unless its field says lines; the figures a table
// struct holds directly (such as 人员经费合计) are labelled lines.

// Column describes one column of a line, or one labelled line of a part.
type Column struct {
	Name  string // JSON name, e.g. "fiscal"; "" for a part whose figure sits at the part's own pointer
	Title string // Chinese title, e.g. 财政拨款收入
	// Header is the printed column header, top row first, such as
	// [本年支出 基本支出]; [Title] unless the declaration says otherwise.
	Header []string
	// Aliases are other printed labels of the column or line.
	Aliases []string
	// Count is set for a whole number (amount.Count: 个, 人, 辆, 台（套）,
	// its unit in the title); other figures are amounts in the document's
	// 金额单位.
	Count bool
}

// PartKind tells what a part of a table is.
type PartKind uint8

const (
	// LinePart is one line of columns, such as a 合计 line or 三公 决算数.
	LinePart PartKind = iota + 1
	// LinesPart is a list of labelled lines of one figure each, such as
	// the income side of 收入支出决算总表.
	LinesPart
	// RowsPart is a list of rows: coded rows (类/款/项 of a code family)
	// or, without a family, rows keyed otherwise (车辆类别).
	RowsPart
)

// PartLayout is one part of a table.
type PartLayout struct {
	// Path is the JSON Pointer of the part below the table's, such as
	// "/total", "/rows" or "/income/current"; "" for the table's own
	// figures.
	Path  string
	Title string // the part's title, e.g. 合计 or 本年收入
	Kind  PartKind
	// Columns are the columns of a LinePart or of each row of a RowsPart,
	// or the lines of a LinesPart.
	Columns []Column
	// Family is the code family of coded rows; Levels the levels they
	// admit (nil: any). Coded is false for other parts.
	Coded  bool
	Family classification.Family
	Levels []classification.Level
	// Total is the Path of the part's 合计 (a LinePart, or a figure of a
	// LinesPart) for coded rows that have one; "" otherwise.
	Total string

	short string // the title in messages of the (sub-)table the part is in
}

// TableLayout is the layout of one typed table.
type TableLayout struct {
	Key     string   // JSON key under /tables, e.g. "income"
	Title   string   // published title, e.g. 收入决算表
	Short   string   // title in messages: Title, or a shorter form (财决Z01-1表)
	Aliases []string // other printed titles
	// Parts are the table's parts in document order.
	Parts []PartLayout
}

// Layouts returns the layouts of the typed tables in document order. The
// layouts are shared and read-only: do not modify them.
func Layouts() []*TableLayout { return append([]*TableLayout(nil), model.tables...) }

// LayoutOf returns the layout of the typed table with JSON key, or nil.
// The layout is shared and read-only.
func LayoutOf(key string) *TableLayout {
	if i, ok := model.byKey[key]; ok {
		return model.tables[i]
	}
	return nil
}

// model is derived from the declarations at initialisation and only read
// after.
var model = buildModel()

type tableModel struct {
	tables []*TableLayout
	byKey  map[string]int // table key → index in tables and field of Tables
	field  []int          // field index in Tables, by table
	lines  map[reflect.Type]*lineLayout
	keys   map[reflect.Type][]string       // the fields' JSON keys of the struct types (see jsonKeys)
	fields map[reflect.Type]map[string]int // the field index of each JSON key (see fieldByKey)
	specs  map[string]*partSpec            // the coded parts, by the pointer of their rows
}

// partSpec is how a coded part is reached in its table: the field index
// paths of its rows and 合计 from the table struct, and the 合计's
// pointer and title.
type partSpec struct {
	key                string
	pl                 *PartLayout
	rows, total        []int
	totalAt, totalName string
	figure             bool // the 合计 is a single figure, not a line
}

// indexPath returns the field indices of path (JSON keys) from struct
// type t, through pointers, and the type it ends at.
func indexPath(t reflect.Type, path string) ([]int, reflect.Type) {
	var idx []int
	for key := range strings.SplitSeq(strings.TrimPrefix(path, "/"), "/") {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		i := -1
		for k, name := range keysOf(t) {
			if name == key {
				i = k
			}
		}
		if i < 0 {
			panic("accounts: no field " + key + " in " + t.String())
		}
		idx = append(idx, i)
		t = t.Field(i).Type
	}
	return idx, t
}

// follow returns the value at the field index path idx from v, following
// pointers; false on a nil pointer.
func follow(v reflect.Value, idx []int) (reflect.Value, bool) {
	for _, i := range idx {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}, false
		}
		v = v.Elem()
	}
	return v, true
}

func (m *tableModel) partSpecs() {
	m.specs = map[string]*partSpec{}
	tt := reflect.TypeFor[Tables]()
	for ti, tl := range m.tables {
		typ := tt.Field(m.field[ti]).Type.Elem()
		for i := range tl.Parts {
			pl := &tl.Parts[i]
			if !pl.Coded {
				continue
			}
			sp := &partSpec{key: tl.Key, pl: pl}
			sp.rows, _ = indexPath(typ, pl.Path)
			if pl.Total != "" {
				var tt reflect.Type
				sp.total, tt = indexPath(typ, pl.Total)
				sp.totalAt = "/tables/" + tl.Key + pl.Total
				sp.figure = tt == amountType
				for _, q := range tl.Parts {
					switch {
					case !sp.figure && q.Path == pl.Total:
						sp.totalName = q.Title
					case sp.figure && q.Kind == LinesPart:
						for _, col := range q.Columns {
							if q.Path+"/"+col.Name == pl.Total {
								sp.totalName = col.Title
							}
						}
					}
				}
			}
			m.specs["/tables/"+tl.Key+pl.Path] = sp
		}
	}
}

// lineLayout is how a struct type's figures are reached: its columns in
// order, each a field index path (through embedded structs), and for a
// row type its code, name and fund fields.
type lineLayout struct {
	cols []Column
	idx  [][]int
	// off are the columns' offsets in the struct, from idx: At reaches a
	// column by its offset, since reflect.Value.Addr costs about a third
	// of Calculate and Validate (see the package doc, Performance).
	off   []uintptr
	byKey map[string]int
	// code, name and fund are the field indices of the row's Code, Name
	// and Fund; nil when the type has none.
	code, name, fund []int
	family           classification.Family
	// flat is set when the struct holds no other struct than its
	// embedded columns: its figures are its columns (see walker.value).
	flat bool
}

var (
	amountType = reflect.TypeFor[Amount]()
	countType  = reflect.TypeFor[Count]()
	fundType   = reflect.TypeFor[Fund]()
	codeType   = reflect.TypeFor[interface{ Family() classification.Family }]()
)

// tags holds a field's JSON key, title and layout settings.
type tags struct {
	key, title string
	set        map[string]string
}

func tagsOf(f reflect.StructField) tags {
	t := tags{set: map[string]string{}}
	t.key, _, _ = strings.Cut(f.Tag.Get("json"), ",")
	for kv := range strings.SplitSeq(f.Tag.Get("jsonschema"), ",") {
		if s, ok := strings.CutPrefix(kv, "title="); ok {
			t.title = s
		}
	}
	if l := f.Tag.Get("layout"); l != "" {
		for kv := range strings.SplitSeq(l, ";") {
			k, v, _ := strings.Cut(kv, "=")
			t.set[k] = v
		}
	}
	return t
}

func (t tags) list(k string) []string {
	if v := t.set[k]; v != "" {
		return strings.Split(v, "|")
	}
	return nil
}

func (t tags) has(k string) bool { _, ok := t.set[k]; return ok }

func buildModel() *tableModel {
	m := &tableModel{byKey: map[string]int{}, lines: map[reflect.Type]*lineLayout{}, keys: map[reflect.Type][]string{}}
	typ := reflect.TypeFor[Tables]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Type.Kind() != reflect.Pointer {
			continue
		}
		tg := tagsOf(f)
		tl := &TableLayout{Key: tg.key, Title: tg.title, Short: tg.title, Aliases: tg.list("alias")}
		if s := tg.set["short"]; s != "" {
			tl.Short = s
		}
		tl.Parts = m.parts(f.Type.Elem(), "", nil, tl.Short)
		m.byKey[tl.Key] = len(m.tables)
		m.tables = append(m.tables, tl)
		m.field = append(m.field, i)
	}
	m.lineOf(reflect.TypeFor[PriorYear]())
	for t := range m.lines {
		m.keys[t] = keysOf(t)
	}
	m.fields = map[reflect.Type]map[string]int{}
	for t, ks := range m.keys {
		byKey := map[string]int{}
		for i, k := range ks {
			if k != "" {
				byKey[k] = i
			}
		}
		m.fields[t] = byKey
	}
	m.partSpecs()
	return m
}

// parts lists the parts of struct type t at path (within its table).
func (m *tableModel) parts(t reflect.Type, path string, self *tags, short string) []PartLayout {
	m.keys[t] = keysOf(t)
	var out []PartLayout
	lines := PartLayout{Path: path, Kind: LinesPart, short: short}
	if self != nil {
		lines.Title = self.title
	}
	for i := range t.NumField() {
		f := t.Field(i)
		tg := tagsOf(f)
		ft := f.Type
		p := path + "/" + tg.key
		switch {
		case ft == amountType || ft == countType:
			lines.Columns = append(lines.Columns, column(tg, ft == countType))
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			sub := short
			if s := tg.set["short"]; s != "" {
				sub = s
			}
			out = append(out, m.parts(ft.Elem(), p, &tg, sub)...)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			rl := m.lineOf(ft.Elem())
			rp := PartLayout{Path: p, Title: tg.title, Kind: RowsPart, Columns: rl.cols, Coded: rl.code != nil, Family: rl.family, short: short}
			for _, l := range tg.list("levels") {
				rp.Levels = append(rp.Levels, levelNamed(l))
			}
			if tf, ok := t.FieldByName("Total"); ok && rp.Coded {
				rp.Total = path + "/" + tagsOf(tf).key
			}
			out = append(out, rp)
		case ft.Kind() == reflect.Struct && !tg.has("lines") && allFigures(ft):
			out = append(out, PartLayout{Path: p, Title: tg.title, Kind: LinePart, Columns: m.lineOf(ft).cols, short: short})
		case ft.Kind() == reflect.Struct:
			m.lineOf(ft)
			out = append(out, m.parts(ft, p, &tg, short)...)
		}
	}
	if len(lines.Columns) > 0 {
		out = append(out, lines)
	}
	return out
}

func column(tg tags, count bool) Column {
	h := tg.list("header")
	if h == nil {
		h = []string{tg.title}
	}
	return Column{Name: tg.key, Title: tg.title, Header: h, Aliases: tg.list("alias"), Count: count}
}

// allFigures reports whether every field of struct type t is an amount or
// a count.
func allFigures(t reflect.Type) bool {
	for i := range t.NumField() {
		if ft := t.Field(i).Type; ft != amountType && ft != countType {
			return false
		}
	}
	return true
}

func levelNamed(s string) classification.Level {
	for _, l := range []classification.Level{classification.Class, classification.Section, classification.Item} {
		if l.String() == s {
			return l
		}
	}
	panic("accounts: unknown level " + s + " in a layout tag")
}

// lineOf returns the lineLayout of struct type t, building it (and those
// of the struct types below it) on first use. It is only called while the
// model is built.
func (m *tableModel) lineOf(t reflect.Type) *lineLayout {
	if l, ok := m.lines[t]; ok {
		return l
	}
	l := &lineLayout{byKey: map[string]int{}, flat: true}
	m.lines[t] = l
	t0 := t
	var add func(t reflect.Type, prefix []int)
	add = func(t reflect.Type, prefix []int) {
		for i := range t.NumField() {
			f := t.Field(i)
			ix := append(append([]int(nil), prefix...), i)
			ft := f.Type
			switch {
			case f.Anonymous && ft.Kind() == reflect.Struct:
				add(ft, ix)
			case ft == amountType:
				l.byKey[tagsOf(f).key] = len(l.cols)
				l.cols = append(l.cols, column(tagsOf(f), false))
				l.idx = append(l.idx, ix)
				off := uintptr(0)
				for k := range ix {
					off += t0.FieldByIndex(ix[:k+1]).Offset
				}
				l.off = append(l.off, off)
			case f.Name == "Code" && ft.Implements(codeType):
				l.code = ix
				l.family = reflect.Zero(ft).Interface().(interface{ Family() classification.Family }).Family()
			case f.Name == "Name" && ft.Kind() == reflect.String:
				l.name = ix
			case ft == fundType:
				l.fund = ix
			case ft.Kind() == reflect.Struct && ft != countType:
				l.flat = false
				m.lineOf(ft)
			case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
				l.flat = false
				m.lineOf(ft.Elem())
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
				l.flat = false
				m.lineOf(ft.Elem())
			case ft.Kind() == reflect.Map || ft.Kind() == reflect.Slice || ft.Kind() == reflect.Pointer:
				l.flat = false
			}
		}
	}
	add(t, nil)
	return l
}

// line is the ColumnSet of a struct value: its amounts as laid out by
// its lineLayout.
type line struct {
	v reflect.Value // an addressable struct
	l *lineLayout
}

func (x line) Columns() []Column { return x.l.cols }

func (x line) At(i int) *Amount { return x.l.at(unsafe.Pointer(x.v.UnsafeAddr()), i) }

// at returns column i of the struct at p.
func (l *lineLayout) at(p unsafe.Pointer, i int) *Amount { return (*Amount)(unsafe.Add(p, l.off[i])) }

// ColumnsOf returns the amount columns of p, a pointer to a line or row of
// the tables (such as *IncomeColumns, *IncomeRow, *SummaryIncome or
// *EconDeptRow). It panics for another type.
func ColumnsOf(p any) ColumnSet {
	if cs, ok := p.(ColumnSet); ok {
		return cs
	}
	v := reflect.ValueOf(p)
	l := model.lines[v.Type().Elem()]
	if v.Kind() != reflect.Pointer || l == nil {
		panic("accounts: ColumnsOf of a " + v.Type().String())
	}
	return line{v.Elem(), l}
}

// layoutOf returns the lineLayout of T.
func layoutOf[T any]() *lineLayout { return model.lines[reflect.TypeFor[T]()] }

// get returns the amount of column key of cs, or nil.
func get(cs ColumnSet, key string) *Amount {
	if x, ok := cs.(line); ok {
		if i, ok := x.l.byKey[key]; ok {
			return x.At(i)
		}
		return nil
	}
	if v := reflect.ValueOf(cs); v.Kind() == reflect.Pointer {
		if l := model.lines[v.Type().Elem()]; l != nil {
			if i, ok := l.byKey[key]; ok {
				return l.at(unsafe.Pointer(v.Pointer()), i)
			}
			return nil
		}
	}
	for i, c := range cs.Columns() {
		if c.Name == key {
			return cs.At(i)
		}
	}
	return nil
}

// titleOf returns the title of column key of cs.
func titleOf(cs ColumnSet, key string) string {
	for _, c := range cs.Columns() {
		if c.Name == key {
			return c.Title
		}
	}
	return ""
}

// Has reports whether the typed table with JSON key is present.
func (t *Tables) Has(key string) bool {
	i, ok := model.byKey[key]
	return ok && !reflect.ValueOf(t).Elem().Field(model.field[i]).IsNil()
}

// Present reports, by JSON key, which of the typed tables are present
// (added tables are in Extra).
func (t *Tables) Present() map[string]bool {
	out := make(map[string]bool, len(model.tables))
	for _, tl := range model.tables {
		out[tl.Key] = t.Has(tl.Key)
	}
	return out
}

// table returns the typed table with key as a struct value, and whether
// it is present.
func (t *Tables) table(key string) (reflect.Value, bool) {
	i, ok := model.byKey[key]
	if !ok {
		return reflect.Value{}, false
	}
	p := reflect.ValueOf(t).Elem().Field(model.field[i])
	if p.IsNil() {
		return reflect.Value{}, false
	}
	return p.Elem(), true
}

// fieldByKey returns the index of the field of struct type t with JSON
// key, or −1.
func fieldByKey(t reflect.Type, key string) int {
	if byKey, ok := model.fields[t]; ok {
		if i, ok := byKey[key]; ok {
			return i
		}
		return -1
	}
	for i := range t.NumField() {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); k == key {
			return i
		}
	}
	return -1
}
