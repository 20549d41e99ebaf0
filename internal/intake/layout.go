// Package intake maps printed 决算 tables (cells of a sheet.Workbook) to the
// typed tables of package accounts, and writes those tables back as an
// .xlsx workbook. Both directions use one printed form per table, derived
// from accounts.Layouts() and the profile's table list (Spec.Tables): the
// titles, the multi-row column headers, the labelled lines and the coded
// rows. Nothing about a table's print is declared here that the table
// model does not already declare.
package intake

import (
	"reflect"
	"strings"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/classification"
)

// Table is one table of a profile, as the profile lists it.
type Table struct {
	Key    string // JSON key under /tables
	Number string // published number (一, 二, …); "" for internal tables
	Title  string // the profile's title
	// Internal marks 财决 tables that are not published; they are neither
	// recognised nor written.
	Internal bool
	// Sheet is the name Write gives the table's sheet; "" means the number
	// and title (一、收入支出决算总表). A sheet name is also a name the
	// table is recognised by.
	Sheet string
}

// form is the printed form of one table.
type form struct {
	key, number, title string
	sheet              string   // the sheet name Write uses, if not number、title
	titles             []string // normalised titles that name the table
	sides              []*side
	note               bool // the table has a note field (/note)
}

// side is one block of a printed table: label columns then value columns,
// and the items printed in it, top to bottom. Two-sided tables (收入 on the
// left, 支出 on the right) have two.
type side struct {
	title string
	cols  []col
	items []item
	coded bool // the side has coded rows (code and name label columns)
	rows  *item
}

// col is one value column of a side.
type col struct {
	name    string   // JSON name within a line ("fiscal"), a path for a crossed table ("budget/total"), "" for a figure side
	title   string   // the column's title
	header  []string // the printed header, top row first
	aliases []string
	count   bool
}

type itemKind uint8

const (
	lineItem itemKind = iota // a labelled line
	rowsItem                 // the coded rows of a part
)

// item is a labelled line or the coded rows of a side.
type item struct {
	kind    itemKind
	label   string   // printed label ("" for the one line of a crossed table)
	aliases []string // other printed labels
	ptr     string   // pointer below the table: the line's (its columns append /name) or the figure's
	figure  bool     // the line is one figure, at ptr
	group   int      // for a column of a transposed line: which line (≥1); 0 otherwise
	sub     bool     // a column of a transposed line, resolved by the line printed before it
	part    *accounts.PartLayout
	count   bool
}

// forms derives the printed forms of the public tables in ts.
func forms(ts []Table) []*form {
	var out []*form
	for _, t := range ts {
		if t.Internal {
			continue
		}
		tl := accounts.LayoutOf(t.Key)
		if tl == nil {
			continue
		}
		out = append(out, formOf(t, tl))
	}
	// A title also names its table without its trailing parenthesised
	// part, unless that is another table's title.
	taken := map[string]bool{}
	for _, f := range out {
		for _, t := range f.titles {
			taken[t] = true
		}
	}
	for _, f := range out {
		for _, t := range f.titles {
			if u := withoutParen(t); u != "" && !taken[u] {
				f.titles = append(f.titles, u)
			}
		}
	}
	return out
}

func formOf(t Table, tl *accounts.TableLayout) *form {
	f := &form{key: t.Key, number: t.Number, title: t.Title, sheet: t.Sheet}
	title := t.Title
	if title == "" {
		title = tl.Title
		f.title = title
	}
	for _, s := range append([]string{title, tl.Title}, tl.Aliases...) {
		f.titles = append(f.titles, norm(s))
	}
	if t.Sheet != "" {
		f.titles = append(f.titles, norm(t.Sheet))
	}
	typ := tableType(t.Key)
	f.note = fieldTitle(typ, "note") != "" || hasField(typ, "note")
	parts := tl.Parts
	if crossed(parts) {
		s := &side{}
		for _, c := range parts[0].Columns {
			for _, p := range parts {
				s.cols = append(s.cols, col{name: strings.TrimPrefix(p.Path, "/") + "/" + c.Name, title: c.Title,
					header: append(append([]string(nil), c.Header...), p.Title), aliases: c.Aliases, count: c.Count})
			}
		}
		s.items = []item{{kind: lineItem}}
		f.sides = []*side{s}
		return f
	}
	// Sides: the first path segments, when some part sits two levels down.
	var order []string
	bySide := map[string][]accounts.PartLayout{}
	deep := false
	for _, p := range parts {
		if strings.Count(p.Path, "/") >= 2 {
			deep = true
		}
	}
	for _, p := range parts {
		seg := ""
		if deep {
			seg = strings.SplitN(strings.TrimPrefix(p.Path, "/"), "/", 2)[0]
		}
		if _, ok := bySide[seg]; !ok {
			order = append(order, seg)
		}
		bySide[seg] = append(bySide[seg], p)
	}
	for _, seg := range order {
		s := &side{}
		if seg != "" {
			s.title = fieldTitle(typ, seg)
		}
		ps := bySide[seg]
		for i := range ps {
			if ps[i].Kind == accounts.RowsPart && ps[i].Coded {
				s.cols = colsOf(ps[i].Columns)
				s.coded = true
				break
			}
		}
		if s.cols == nil {
			s.cols = []col{{title: "决算数", header: []string{"决算数"}, aliases: []string{"金额", "决算金额"}}}
		}
		group := 0
		for i := range ps {
			p := &ps[i]
			switch {
			case p.Kind == accounts.RowsPart && p.Coded:
				s.items = append(s.items, item{kind: rowsItem, label: p.Title, ptr: p.Path, part: p})
			case p.Kind == accounts.LinePart && s.coded || p.Kind == accounts.LinePart && len(p.Columns) == len(s.cols) && len(s.cols) > 1:
				s.items = append(s.items, item{label: p.Title, ptr: p.Path, aliases: []string{p.Title + "合计"}})
			case p.Kind == accounts.LinePart:
				// A line of several funds printed in a one-figure side: its
				// first column (合计) is the line, the others follow it.
				group++
				for k, c := range p.Columns {
					it := item{label: c.Title, aliases: c.Aliases, ptr: p.Path + "/" + c.Name, figure: true, group: group, sub: k > 0, count: c.Count}
					if k == 0 {
						it.label, it.aliases = p.Title, append([]string{p.Title + c.Title, p.Title + "合计"}, c.Aliases...)
					}
					s.items = append(s.items, it)
				}
			case p.Kind == accounts.LinesPart:
				for _, c := range p.Columns {
					s.items = append(s.items, item{label: c.Title, aliases: c.Aliases, ptr: p.Path + "/" + c.Name, figure: true, count: c.Count})
				}
			}
		}
		for i := range s.items {
			if s.items[i].kind == rowsItem {
				s.rows = &s.items[i]
			}
		}
		f.sides = append(f.sides, s)
	}
	return f
}

func colsOf(cs []accounts.Column) []col {
	out := make([]col, len(cs))
	for i, c := range cs {
		out[i] = col{name: c.Name, title: c.Title, header: c.Header, aliases: c.Aliases, count: c.Count}
	}
	return out
}

// crossed reports a table of lines with the same columns and nothing else
// (预算数 and 决算数 of the 三公 items): printed as one line whose columns
// are each item's 预算数 and 决算数.
func crossed(ps []accounts.PartLayout) bool {
	if len(ps) < 2 {
		return false
	}
	for _, p := range ps {
		if p.Kind != accounts.LinePart || strings.Count(p.Path, "/") != 1 || len(p.Columns) != len(ps[0].Columns) {
			return false
		}
		for i, c := range p.Columns {
			if c.Name != ps[0].Columns[i].Name {
				return false
			}
		}
	}
	return true
}

// tableType returns the struct type of the typed table with key.
func tableType(key string) reflect.Type {
	tt := reflect.TypeFor[accounts.Tables]()
	for i := range tt.NumField() {
		f := tt.Field(i)
		if k, _, _ := strings.Cut(f.Tag.Get("json"), ","); k == key && f.Type.Kind() == reflect.Pointer {
			return f.Type.Elem()
		}
	}
	return nil
}

func fieldOf(t reflect.Type, key string) (reflect.StructField, bool) {
	if t == nil {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if k, _, _ := strings.Cut(f.Tag.Get("json"), ","); k == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func hasField(t reflect.Type, key string) bool {
	f, ok := fieldOf(t, key)
	return ok && f.Type.Kind() == reflect.String
}

// fieldTitle is the jsonschema title of the field with JSON key of t.
func fieldTitle(t reflect.Type, key string) string {
	f, ok := fieldOf(t, key)
	if !ok {
		return ""
	}
	for kv := range strings.SplitSeq(f.Tag.Get("jsonschema"), ",") {
		if s, ok := strings.CutPrefix(kv, "title="); ok {
			return s
		}
	}
	return ""
}

// classLevel reports whether coded rows admit only 类.
func classOnly(p *accounts.PartLayout) bool {
	return len(p.Levels) == 1 && p.Levels[0] == classification.Class
}
