package intake

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"
)

// Kind is what a Source finds at a JSON Pointer.
type Kind uint8

// The kinds of value a Source finds.
const (
	Absent Kind = iota // nothing (or null)
	String             // a string: its text
	Number             // a number: its text as written
	Object             // an object
	Other              // an array or a boolean
)

// Source is where the layout reads a report's figures: the value at a JSON
// Pointer below the report root (/tables/summary/income/total), as
// encoding/json would write it. GridsFrom reads through it; a back-end
// that holds the report as a Go value resolves the pointers straight from
// it rather than building a tree.
type Source interface {
	// Value is the value at ptr: its kind and, for a String or Number,
	// its text.
	Value(ptr string) (string, Kind)
	// Len is the number of elements of the array at ptr (0 when there is
	// no array).
	Len(ptr string) int
	// Elem is Value of field (a pointer below the element without its
	// leading slash: "total", "budget/total") in element k of the array
	// at ptr.
	Elem(ptr string, k int, field string) (string, Kind)
}

// treeSource is a Source over the /tables object of a report decoded as a
// JSON tree (json.Decoder.UseNumber).
type treeSource map[string]any

func (t treeSource) node(ptr string) any {
	rest, ok := strings.CutPrefix(ptr, "/tables")
	if !ok {
		return nil
	}
	if rest == "" {
		return map[string]any(t)
	}
	return at(t, rest)
}

func kindOf(v any) (string, Kind) {
	switch x := v.(type) {
	case string:
		return x, String
	case json.Number:
		return x.String(), Number
	case map[string]any:
		return "", Object
	case nil:
		return "", Absent
	}
	return "", Other
}

func (t treeSource) Value(ptr string) (string, Kind) { return kindOf(t.node(ptr)) }

func (t treeSource) Len(ptr string) int {
	a, _ := t.node(ptr).([]any)
	return len(a)
}

func (t treeSource) Elem(ptr string, k int, field string) (string, Kind) {
	a, _ := t.node(ptr).([]any)
	if k < 0 || k >= len(a) {
		return "", Absent
	}
	m, ok := a[k].(map[string]any)
	if !ok {
		return "", Absent
	}
	return kindOf(at(m, "/"+field))
}

// ptrs are the pointers of a form's cells, derived once: for each side and
// item, the pointer of each column's figure (static lines), and for rows
// items the pointers of each row as far as they were asked for.
type ptrs struct {
	once       sync.Once
	base, note string       // /tables/KEY, /tables/KEY/note
	static     [][][]string // side → item → column → pointer

	mu   sync.Mutex
	rows map[*item][][]string // row k → column → pointer
}

var formPtrs sync.Map // *form → *ptrs

func ptrsOf(f *form) *ptrs {
	v, ok := formPtrs.Load(f)
	if !ok {
		v, _ = formPtrs.LoadOrStore(f, &ptrs{})
	}
	p := v.(*ptrs)
	p.once.Do(func() {
		base := "/tables/" + f.key
		p.base, p.note = base, base+"/note"
		p.static = make([][][]string, len(f.sides))
		for i, sd := range f.sides {
			p.static[i] = make([][]string, len(sd.items))
			for j, it := range sd.items {
				if it.kind == rowsItem {
					continue
				}
				ps := make([]string, len(sd.cols))
				for k, col := range sd.cols {
					ps[k] = base + it.ptr
					if !it.figure {
						ps[k] += "/" + col.name
					}
				}
				p.static[i][j] = ps
			}
		}
		p.rows = map[*item][][]string{}
	})
	return p
}

// rowPtrs returns the pointers of the columns of row k of rows item it of
// side sd (base is /tables/KEY).
func (p *ptrs) rowPtrs(base string, sd *side, it *item, k int) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	rs := p.rows[it]
	for len(rs) <= k {
		n := len(rs)
		ps := make([]string, len(sd.cols))
		for j, col := range sd.cols {
			ps[j] = base + it.ptr + "/" + strconv.Itoa(n) + "/" + col.name
		}
		rs = append(rs, ps)
	}
	p.rows[it] = rs
	return rs[k]
}
