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
// The pointer of a figure is only joined for a finding or the first
// non-zero figure.
type walker struct {
	c         *Context
	negatives bool
	z         nonZero // the stated non-zero figures
	path      []token // the JSON Pointer of the current figure
}

// token is one token of a JSON Pointer: a key, or a row index when key
// is "".
type token struct {
	key string
	row int
}

// figure visits a at the current path; l, when not nil, is its pointer
// instead.
func (w *walker) figure(a *Amount, l *loc) {
	if w.negatives {
		w.c.checks++
		if a.Sign() < 0 {
			ptr, name := w.at(l)
			if !slices.Contains(w.c.Options.NegativeAllowed, name) {
				w.c.negative(ptr, a)
			}
		}
	}
	if a.Sign() != 0 {
		if w.z.n == 0 {
			w.z.first, _ = w.at(l)
			w.z.a = *a
		}
		w.z.n++
	}
}

// at returns the pointer of the current figure and its last token.
func (w *walker) at(l *loc) (ptr, name string) {
	if l != nil {
		return l.String(), l.name()
	}
	var b strings.Builder
	for _, t := range w.path {
		b.WriteByte('/')
		if t.key != "" {
			b.WriteString(t.key)
		} else {
			b.WriteString(strconv.Itoa(t.row))
		}
	}
	return b.String(), w.path[len(w.path)-1].key
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
			w.figure((*Amount)(unsafe.Pointer(v.UnsafeAddr())), nil)
			return
		}
		if t == countType {
			return
		}
		if l := model.lines[t]; l != nil && l.flat {
			p := unsafe.Pointer(v.UnsafeAddr())
			for k := range l.cols {
				w.path = append(w.path, token{key: l.cols[k].Name})
				w.figure(l.at(p, k), nil)
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
	return true
}

// walkExtra visits every amount of the added table key.
func walkExtra(w *walker, key string, g *GenericTable) {
	base := "/tables/extra/" + escape(key)
	for _, k := range slices.Sorted(maps.Keys(g.Total)) {
		a := g.Total[k]
		w.figure(&a, &loc{base: base + "/total", row: -1, col: k})
	}
	for i := range g.Rows {
		r := &g.Rows[i]
		for _, k := range slices.Sorted(maps.Keys(r.Values)) {
			a := r.Values[k]
			w.figure(&a, &loc{base: base + "/rows", row: i, col: "values/" + escape(k)})
		}
	}
}

// walkPrior visits every amount of the prior-year figures.
func walkPrior(w *walker, p *PriorYear) {
	w.path = append(w.path[:0], token{key: "priorYear"})
	w.value(reflect.ValueOf(p).Elem())
}
