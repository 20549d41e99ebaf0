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
	w.visit(*a, nil)
	if a.Sign() != 0 && w.z.n == 1 {
		w.z.addr = a
	}
	if a == w.find && w.found == "" {
		w.found, _ = w.at(nil)
	}
}

// figureAt visits a, whose pointer is l (a figure of an added table).
func (w *walker) figureAt(a Amount, l loc) {
	w.visit(a, &l)
	if a.Sign() != 0 && w.z.n == 1 {
		w.z.l, w.z.hasLoc = l, true
	}
}

// visit checks a, at l or else at the current path (A16), and counts it.
func (w *walker) visit(a Amount, l *loc) {
	if w.negatives {
		w.c.checks++
		if a.Sign() < 0 {
			ptr, name := w.at(l)
			if !slices.Contains(w.c.Options.NegativeAllowed, name) {
				w.c.negative(ptr, &a)
			}
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

// value visits the figures of v, whose pointer is w.path.
func (w *walker) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			w.value(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			w.path = append(w.path, token{row: i})
			w.value(v.Index(i))
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Struct:
		t := v.Type()
		if t == amountType {
			w.figure((*Amount)(unsafe.Pointer(v.UnsafeAddr())))
			return
		}
		if t == countType {
			return
		}
		if l := model.lines[t]; l != nil && l.flat {
			p := unsafe.Pointer(v.UnsafeAddr())
			for k := range l.cols {
				w.path = append(w.path, token{key: l.cols[k].Name})
				w.figure(l.at(p, k))
				w.path = w.path[:len(w.path)-1]
			}
			return
		}
		for i, key := range jsonKeys(t) {
			if key == "" { // embedded columns
				w.value(v.Field(i))
				continue
			}
			w.path = append(w.path, token{key: key})
			w.value(v.Field(i))
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

// walkTable visits every amount of the typed table with key, if present.
// It reports whether the table is present.
func (t *Tables) walkTable(key string, w *walker) bool {
	v, ok := t.table(key)
	if !ok {
		return false
	}
	w.path = append(w.path[:0], token{key: "tables"}, token{key: key})
	w.value(v)
	w.c.path = w.path[:0] // keep a grown buffer for the next walk
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
	w.value(reflect.ValueOf(p).Elem())
	w.c.path = w.path[:0]
}
