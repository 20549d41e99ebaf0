package accounts

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/cnfiscal/juesuan/audit"
)

var escape = audit.EscapeToken

// walker visits the figures of the tables in document order, following
// their declarations (see model.go). It counts the stated non-zero figures
// (B6, E1, E2), and reports the negative ones when negatives is set (A16).
// The pointer of a figure is only joined for a finding or, for the first
// non-zero figure, when a rule asks (nonZero.first).
type walker struct {
	c         *Context
	negatives bool
	z         nonZero // the stated non-zero figures
	path      []token // the JSON Pointer of the current figure
	// find, when set, is a figure whose pointer the walk stores in found.
	find  *Amount
	found string
	// addrs, when set, receives the pointer of every absent figure (the
	// ledger only looks absent figures up).
	addrs map[*Amount]string
}

// newWalker returns a walker whose path uses the Context's buffer.
func (c *Context) newWalker(negatives bool) walker {
	return walker{c: c, negatives: negatives, path: c.path[:0]}
}

// token is one token of a JSON Pointer: a key, or a row index when key
// is "".
type token struct {
	key string
	row int
}

// pointer joins the tokens of a JSON Pointer.
func pointer(path []token) string {
	var b strings.Builder
	for _, t := range path {
		b.WriteByte('/')
		if t.key != "" {
			b.WriteString(t.key)
		} else {
			b.WriteString(strconv.Itoa(t.row))
		}
	}
	return b.String()
}

// figure visits *a, a figure of the report, at the current path.
func (w *walker) figure(a *Amount) {
	sign := a.Sign()
	if w.negatives {
		w.c.checks++
		if sign < 0 {
			w.negative(a, nil)
		}
	}
	if sign != 0 {
		if w.z.n == 0 {
			w.z.a, w.z.addr = *a, a
		}
		w.z.n++
	}
	if a == w.find && w.found == "" {
		w.found, _ = w.at(nil)
	}
	if w.addrs != nil && !a.IsSet() {
		w.addrs[a] = pointer(w.path)
	}
}

// negative reports a, at l or else at the current path, under A16 unless
// its column may be negative.
func (w *walker) negative(a *Amount, l *loc) {
	ptr, name := w.at(l)
	if !slices.Contains(w.c.Options.NegativeAllowed, name) {
		w.c.negative(ptr, a)
	}
}

// figureAt visits a, whose pointer is l (a figure of an added table).
func (w *walker) figureAt(a Amount, l loc) {
	w.visit(a, &l)
	if a.Sign() != 0 && w.z.n == 1 {
		w.z.l, w.z.hasLoc = l, true
	}
}

// visit checks a, at l (A16), and counts it.
func (w *walker) visit(a Amount, l *loc) {
	if w.negatives {
		w.c.checks++
		if a.Sign() < 0 {
			w.negative(&a, l)
		}
	}
	if a.Sign() != 0 {
		if w.z.n == 0 {
			w.z.a = a
		}
		w.z.n++
	}
}

// at returns the pointer of the current figure and its last token.
func (w *walker) at(l *loc) (ptr, name string) {
	if l != nil {
		return l.String(), l.name()
	}
	return pointer(w.path), w.path[len(w.path)-1].key
}

// walkNode is how the figures of a value of one type are reached, derived
// from the type's declaration once (see nodeOf): a figure, a pointer, a
// slice or a struct; a type that holds no figure has no node. The walk
// follows the nodes through the report's memory, as lineLayout.at reaches
// a column, instead of going through reflect.Value for every figure.
type walkNode struct {
	kind   walkKind
	fields []walkField // of a struct: the fields that hold figures, in order
	elem   *walkNode   // of a pointer or a slice
	size   uintptr     // of a slice: the size of an element
}

type walkKind uint8

const (
	walkFigure walkKind = iota
	walkPointer
	walkSlice
	walkStruct
)

// walkField is a field of a struct node.
type walkField struct {
	key  string // JSON key; "" for embedded columns (no token)
	off  uintptr
	node *walkNode
}

// walkNodes are the nodes of the types walked, built at initialisation.
var walkNodes = map[reflect.Type]*walkNode{}

// nodeOf returns the walk node of type t, or nil when t holds no figure.
// It follows the rules of the declarations: a Count is not a figure, the
// figures of a flat line are its columns (lineLayout), and the fields of
// any other struct are visited in order, under their JSON keys.
func nodeOf(t reflect.Type) *walkNode {
	if n, ok := walkNodes[t]; ok {
		return n
	}
	var n *walkNode
	switch {
	case t == amountType:
		n = &walkNode{kind: walkFigure}
	case t == countType:
	case t.Kind() == reflect.Pointer:
		if e := nodeOf(t.Elem()); e != nil {
			n = &walkNode{kind: walkPointer, elem: e}
		}
	case t.Kind() == reflect.Slice:
		if e := nodeOf(t.Elem()); e != nil {
			n = &walkNode{kind: walkSlice, elem: e, size: t.Elem().Size()}
		}
	case t.Kind() == reflect.Struct:
		n = &walkNode{kind: walkStruct}
		if l := model.lines[t]; l != nil && l.flat {
			fig := nodeOf(amountType)
			for k := range l.cols {
				n.fields = append(n.fields, walkField{key: l.cols[k].Name, off: l.off[k], node: fig})
			}
		} else {
			for i, key := range jsonKeys(t) {
				if sub := nodeOf(t.Field(i).Type); sub != nil {
					n.fields = append(n.fields, walkField{key: key, off: t.Field(i).Offset, node: sub})
				}
			}
		}
		if len(n.fields) == 0 {
			n = nil
		}
	}
	walkNodes[t] = n
	return n
}

// walk visits the figures of the value at p, of node n, whose pointer is
// w.path.
func (w *walker) walk(n *walkNode, p unsafe.Pointer) {
	switch n.kind {
	case walkFigure:
		w.figure((*Amount)(p))
	case walkPointer:
		if q := *(*unsafe.Pointer)(p); q != nil {
			w.walk(n.elem, q)
		}
	case walkSlice:
		s := *(*[]byte)(p) // the slice header: its data and length
		data := unsafe.Pointer(unsafe.SliceData(s))
		for i := range len(s) {
			w.path = append(w.path, token{row: i})
			w.walk(n.elem, unsafe.Add(data, uintptr(i)*n.size))
			w.path = w.path[:len(w.path)-1]
		}
	case walkStruct:
		for i := range n.fields {
			f := &n.fields[i]
			if f.key == "" {
				w.walk(f.node, unsafe.Add(p, f.off))
				continue
			}
			w.path = append(w.path, token{key: f.key})
			w.walk(f.node, unsafe.Add(p, f.off))
			w.path = w.path[:len(w.path)-1]
		}
	}
}

// jsonKeys returns the JSON keys of the fields of struct type t, "" for an
// embedded struct.
func jsonKeys(t reflect.Type) []string {
	if ks, ok := model.keys[t]; ok {
		return ks
	}
	return keysOf(t)
}

func keysOf(t reflect.Type) []string {
	ks := make([]string, t.NumField())
	for i := range ks {
		if f := t.Field(i); !f.Anonymous {
			ks[i], _, _ = strings.Cut(f.Tag.Get("json"), ",")
		}
	}
	return ks
}

// tableNodes are the walk nodes of the typed tables, by index in
// model.tables, and the offsets of their pointers in Tables; priorNode is
// that of PriorYear.
var tableNodes, tableOffs, priorNode = func() ([]*walkNode, []uintptr, *walkNode) {
	tt := reflect.TypeFor[Tables]()
	nodes := make([]*walkNode, len(model.tables))
	offs := make([]uintptr, len(model.tables))
	for i := range model.tables {
		f := tt.Field(model.field[i])
		nodes[i], offs[i] = nodeOf(f.Type.Elem()), f.Offset
	}
	return nodes, offs, nodeOf(reflect.TypeFor[PriorYear]())
}()

// walkTable visits every amount of the typed table with key, if present.
// It reports whether the table is present.
func (t *Tables) walkTable(key string, w *walker) bool {
	i, ok := model.byKey[key]
	return ok && t.walkTableAt(i, w)
}

// walkTableAt visits every amount of table i of model.tables, if present.
// It reports whether the table is present.
func (t *Tables) walkTableAt(i int, w *walker) bool {
	p := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(t), tableOffs[i]))
	if p == nil {
		return false
	}
	if n := tableNodes[i]; n != nil {
		w.path = append(w.path[:0], token{key: "tables"}, token{key: model.tables[i].Key})
		w.walk(n, p)
		w.c.path = w.path[:0] // keep a grown buffer for the next walk
	}
	return true
}

// walkExtra visits every amount of the added table key.
func walkExtra(w *walker, key string, g *GenericTable) {
	base := "/tables/extra/" + escape(key)
	for _, k := range slices.Sorted(maps.Keys(g.Total)) {
		w.figureAt(g.Total[k], loc{base: base + "/total", row: -1, col: k})
	}
	for i := range g.Rows {
		r := &g.Rows[i]
		for _, k := range slices.Sorted(maps.Keys(r.Values)) {
			w.figureAt(r.Values[k], loc{base: base + "/rows", row: i, col: "values/" + escape(k)})
		}
	}
}

// walkPrior visits every amount of the prior-year figures.
func walkPrior(w *walker, p *PriorYear) {
	w.path = append(w.path[:0], token{key: "priorYear"})
	w.walk(priorNode, unsafe.Pointer(p))
	w.c.path = w.path[:0]
}
