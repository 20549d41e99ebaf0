package intake

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/cnfiscal/juesuan/accounts"
)

// CellKind is what a cell of a printed table holds, and so how a back-end
// prints it.
type CellKind uint8

// The kinds of cell of a printed table.
const (
	BlankCell  CellKind = iota // nothing printed, no frame
	TitleCell                  // the table's title (first row, merged across)
	UnitCell                   // the 单位 line (second row, last column)
	HeadCell                   // a header cell (framed, centred, bold)
	LabelCell                  // a label column: code, name or line label (framed)
	FigureCell                 // an amount: "#,##0.00", right-aligned, blank when absent
	CountCell                  // a whole number (团组数, 辆): right-aligned, blank when absent
	NoteCell                   // the table's note under the rows (说明：…)
)

// Cell is one cell of a printed table.
type Cell struct {
	Kind CellKind
	// Text is the printed text, or for a Figure or Count the figure exactly
	// as the document states it ("" when the document does not state it).
	Text string
	// Ptr is, for a Figure or Count, the JSON Pointer of the figure below
	// the document root (/tables/summary/income/total).
	Ptr string
}

// Merge is a merged block of cells, top-left to bottom-right inclusive
// (zero-based rows and columns).
type Merge struct{ R0, C0, R1, C1 int }

// ColWidth sets the width (in characters) of columns From…To.
type ColWidth struct {
	From, To int
	Width    float64
}

// Grid is one public table as printed: its cells row by row, the merged
// blocks and the column widths. Row 0 is the title, row 1 the 单位 line,
// rows HeadFirst…HeadLast the header, then the body rows up to BodyLast
// and, when the table has a note, a Note row under them. Every back-end
// (the .xlsx writer, the HTML disclosure) prints this one grid.
type Grid struct {
	Key    string // the table's JSON key under /tables
	Number string // the published number (一, 二, …)
	Title  string // the table's title
	Sheet  string // the sheet name the workbook gives the table
	Unit   string // the amount unit (万元)
	Note   string // the table's note, "" when none

	Cells               [][]Cell // Rows × Cols
	Merges              []Merge  // in the order they were laid out
	Widths              []ColWidth
	HeadFirst, HeadLast int // header rows
	BodyLast            int // last body row (HeadLast when there is none)

	strs []pos // the cells written as text, in layout order
	hd   *head // the form's header it was laid out with, nil when none
}

// Head returns a value that is the same for every grid laid out from the
// same printed form, whose header rows (HeadFirst…HeadLast, their cells
// and the merged blocks starting there) are then the same as laid out; it
// is nil for a grid not laid out by this package.
func (g *Grid) Head() any {
	if g.hd == nil {
		return nil
	}
	return g.hd
}

type pos struct{ r, c int }

// Rows is the number of rows of g.
func (g *Grid) Rows() int { return len(g.Cells) }

// Cols is the number of columns of g.
func (g *Grid) Cols() int {
	if len(g.Cells) == 0 {
		return 0
	}
	return len(g.Cells[0])
}

// MergeAt returns the merged block whose top-left cell is r, c.
func (g *Grid) MergeAt(r, c int) (Merge, bool) {
	for _, m := range g.Merges {
		if m.R0 == r && m.C0 == c {
			return m, true
		}
	}
	return Merge{}, false
}

// Covered reports whether cell r, c lies inside a merged block but is not
// its top-left cell.
func (g *Grid) Covered(r, c int) bool {
	for _, m := range g.Merges {
		if r >= m.R0 && r <= m.R1 && c >= m.C0 && c <= m.C1 && (r != m.R0 || c != m.C0) {
			return true
		}
	}
	return false
}

// Grids lays out the public tables of ts that rep carries, in the order
// of ts (internal tables left out).
func Grids(rep *accounts.Report, ts []Table) ([]*Grid, error) {
	b, err := json.Marshal(rep.Tables)
	if err != nil {
		return nil, err
	}
	var tree map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	return GridsOf(tree, string(rep.Unit.AmountUnit), ts), nil
}

// GridsOf is Grids for tables already decoded as a JSON tree: tables is
// the /tables object of a report (decoded with json.Decoder.UseNumber),
// unit its amount unit. The printed forms of ts are derived once per
// table list and kept.
func GridsOf(tables map[string]any, unit string, ts []Table) []*Grid {
	return GridsFrom(treeSource(tables), unit, ts)
}

// GridsFrom is Grids for a report whose figures src reads: the public
// tables of ts that are objects in src (/tables/KEY), in the order of ts.
func GridsFrom(src Source, unit string, ts []Table) []*Grid {
	fs := cachedForms(ts)
	out := make([]*Grid, 0, len(fs))
	line := "单位：" + unit
	for _, f := range fs {
		if _, k := src.Value(ptrsOf(f).base); k != Object {
			continue
		}
		out = append(out, layout(f, src, unit, line))
	}
	return out
}

// formCache keeps the printed forms of each table list Grids was given
// (forms never change once derived): a string of the list → []*form.
var formCache sync.Map

func cachedForms(ts []Table) []*form {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.Key)
		b.WriteByte(0)
		b.WriteString(t.Number)
		b.WriteByte(0)
		b.WriteString(t.Title)
		b.WriteByte(0)
		b.WriteString(t.Sheet)
		b.WriteByte(0)
		if t.Internal {
			b.WriteByte(1)
		}
		b.WriteByte(0)
	}
	k := b.String()
	if v, ok := formCache.Load(k); ok {
		return v.([]*form)
	}
	fs := forms(ts)
	v, _ := formCache.LoadOrStore(k, fs)
	return v.([]*form)
}

// grower builds a grid cell by cell, growing it as needed. New rows are
// cut from chunk, one allocation for many rows.
type grower struct {
	g     *Grid
	chunk []Cell
}

func (gr *grower) at(r, c int) *Cell {
	g := gr.g
	w := 0
	if len(g.Cells) > 0 {
		w = len(g.Cells[0])
	}
	if c >= w {
		w = c + 1
		for i := range g.Cells {
			g.Cells[i] = append(g.Cells[i], make([]Cell, w-len(g.Cells[i]))...)
		}
	}
	for len(g.Cells) <= r {
		if len(gr.chunk) < w {
			gr.chunk = make([]Cell, 8*w)
		}
		g.Cells = append(g.Cells, gr.chunk[:w:w])
		gr.chunk = gr.chunk[w:]
	}
	return &g.Cells[r][c]
}

// str writes text into r, c.
func (gr *grower) str(r, c int, s string) {
	gr.at(r, c).Text = s
	gr.g.strs = append(gr.g.strs, pos{r, c})
}

// kind gives every cell of the block r0, c0 … r1, c1 kind k.
func (gr *grower) kind(r0, c0, r1, c1 int, k CellKind) {
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			gr.at(r, c).Kind = k
		}
	}
}

func (gr *grower) merge(r0, c0, r1, c1 int) {
	gr.at(r1, c1)
	gr.g.Merges = append(gr.g.Merges, Merge{r0, c0, r1, c1})
}

// value places a figure, exactly as the document states it.
func (gr *grower) value(r, c int, s string, k Kind, ptr string, count bool) {
	cl := gr.at(r, c)
	cl.Ptr = ptr
	if count {
		cl.Kind = CountCell
	}
	if k == String || k == Number {
		cl.Text = s
	}
}

// head is the part of a form's grid that does not depend on a document:
// the title, 单位 and header rows (cells, merges, text positions) and the
// column widths. It is laid out once per form and copied into each grid.
type head struct {
	once        sync.Once
	sheet       string
	width, hEnd int
	starts      []int
	cells       []Cell // rows 0…hEnd, row by row; the 单位 cell's text left ""
	merges      []Merge
	strs        []pos
	widths      []ColWidth
}

var formHeads sync.Map // *form → *head

// headOf returns the laid-out header of form f.
func headOf(f *form) *head {
	v, ok := formHeads.Load(f)
	if !ok {
		v, _ = formHeads.LoadOrStore(f, &head{})
	}
	h := v.(*head)
	h.once.Do(func() { h.layout(f) })
	return h
}

// layout lays out the rows of f above the body.
func (hd *head) layout(f *form) {
	g := &Grid{}
	gr := &grower{g: g}
	depth := 1
	for _, sd := range f.sides {
		for _, c := range sd.cols {
			depth = max(depth, len(c.header))
		}
	}
	top := 0
	if len(f.sides) > 1 {
		top = 1
	}
	width := 0
	starts := make([]int, len(f.sides))
	for i, sd := range f.sides {
		starts[i] = width
		if len(f.sides) > 1 || sd.items[0].label != "" {
			width += labelCols(sd)
		}
		width += len(sd.cols)
	}
	gr.at(0, width-1)
	gr.str(0, 0, f.title)
	gr.merge(0, 0, 0, width-1)
	gr.kind(0, 0, 0, width-1, TitleCell)
	gr.str(1, width-1, "")
	gr.at(1, width-1).Kind = UnitCell
	h0 := 2
	hEnd := h0 + top + depth - 1 // last header row
	for i, sd := range f.sides {
		c0 := starts[i]
		if top == 1 {
			gr.str(h0, c0, sd.title)
			end := c0 + labelCols(sd) + len(sd.cols) - 1
			if end > c0 {
				gr.merge(h0, c0, h0, end)
			}
		}
		r0 := h0 + top
		c := c0
		if len(f.sides) > 1 || sd.items[0].label != "" {
			if labelCols(sd) == 2 {
				if depth > 1 {
					gr.str(r0, c, "项目")
					gr.merge(r0, c, r0, c+1)
					r0++
				}
				gr.str(r0, c, "科目编码")
				gr.str(r0, c+1, "科目名称")
				if r0 < hEnd {
					gr.merge(r0, c, hEnd, c)
					gr.merge(r0, c+1, hEnd, c+1)
				}
				c += 2
			} else {
				gr.str(r0, c, "项目")
				if r0 < hEnd {
					gr.merge(r0, c, hEnd, c)
				}
				c++
			}
		}
		r0 = h0 + top
		for k, col := range sd.cols {
			for lv, h := range col.header {
				// the same header over the columns before: merged
				if k > 0 && lv < len(col.header)-1 && len(sd.cols[k-1].header) > lv+1 && samePrefix(sd.cols[k-1].header, col.header, lv) {
					continue
				}
				gr.str(r0+lv, c+k, h)
				span := k
				for span+1 < len(sd.cols) && lv < len(col.header)-1 && len(sd.cols[span+1].header) > lv+1 && samePrefix(sd.cols[span+1].header, col.header, lv) {
					span++
				}
				bottom := r0 + lv
				if lv == len(col.header)-1 {
					bottom = hEnd
				}
				if span > k || bottom > r0+lv {
					gr.merge(r0+lv, c+k, bottom, c+span)
				}
			}
		}
	}
	gr.kind(h0, 0, hEnd, width-1, HeadCell)
	gr.at(hEnd, width-1)
	for i, sd := range f.sides {
		c := starts[i]
		if len(f.sides) > 1 || sd.items[0].label != "" {
			if labelCols(sd) == 2 {
				hd.widths = append(hd.widths, ColWidth{c, c, 12})
				c++
			}
			hd.widths = append(hd.widths, ColWidth{c, c, 32})
			c++
		}
		hd.widths = append(hd.widths, ColWidth{c, c + len(sd.cols) - 1, 16})
	}
	hd.sheet = sheetName(f)
	hd.width, hd.hEnd, hd.starts = width, hEnd, starts
	hd.cells = make([]Cell, 0, (hEnd+1)*width)
	for _, row := range g.Cells {
		hd.cells = append(hd.cells, row...)
	}
	hd.merges, hd.strs = g.Merges, g.strs
}

// layout lays out form f with the figures src reads; line is the 单位
// line ("单位："+unit).
func layout(f *form, src Source, unit, line string) *Grid {
	hd := headOf(f)
	g := &Grid{Key: f.key, Number: f.number, Title: f.title, Sheet: hd.sheet, Unit: unit, hd: hd}
	gr := &grower{g: g}
	fp := ptrsOf(f)
	base := fp.base
	width, hEnd, starts := hd.width, hd.hEnd, hd.starts
	// The grid's size, to allocate it at once: the header, the longest
	// side's body, the note.
	body := 0
	sideRows := make([]int, len(f.sides))
	for i, sd := range f.sides {
		n := 0
		for _, it := range sd.items {
			if it.kind == rowsItem {
				n += src.Len(base + it.ptr)
			} else {
				n++
			}
		}
		body = max(body, n)
		sideRows[i] = n
	}
	rows := hEnd + 1 + body + 1
	chunk := make([]Cell, rows*width)
	copy(chunk, hd.cells)
	chunk[width+width-1].Text = line
	g.Cells = make([][]Cell, hEnd+1, rows)
	for r := range hEnd + 1 {
		g.Cells[r] = chunk[r*width : (r+1)*width : (r+1)*width]
	}
	gr.chunk = chunk[(hEnd+1)*width:]
	g.Merges = append(make([]Merge, 0, len(hd.merges)+body), hd.merges...)
	g.strs = append(make([]pos, 0, len(hd.strs)+body*2+1), hd.strs...)
	g.Widths = append([]ColWidth(nil), hd.widths...)
	g.HeadFirst, g.HeadLast = 2, hEnd
	// lines and rows
	maxRow := hEnd
	for i, sd := range f.sides {
		r := hEnd + 1
		c0 := starts[i]
		labels := 0
		if len(f.sides) > 1 || sd.items[0].label != "" {
			labels = labelCols(sd)
		}
		// The kinds of the body first, then each figure where it goes
		// (a count's kind over the figure's).
		last := max(hEnd+sideRows[i], hEnd+1)
		gr.kind(hEnd+1, c0+labels, last, c0+labels+len(sd.cols)-1, FigureCell)
		if labels > 0 {
			gr.kind(hEnd+1, c0, last, c0+labels-1, LabelCell)
		}
		sub := 0
		for ii := range sd.items {
			it := &sd.items[ii]
			if it.kind == rowsItem {
				rp := base + it.ptr
				n := src.Len(rp)
				for k := range n {
					code, ck := src.Elem(rp, k, "code")
					if ck != String {
						code = ""
					}
					nm, nk := src.Elem(rp, k, "name")
					if nk != String {
						nm = ""
					}
					if labels == 2 {
						gr.str(r, c0, code)
						gr.str(r, c0+1, nm)
					} else {
						if nm == "" {
							nm = code
						}
						gr.str(r, c0, nm)
					}
					ps := fp.rowPtrs(base, sd, it, k)
					for j, col := range sd.cols {
						s, sk := src.Elem(rp, k, col.name)
						gr.value(r, c0+labels+j, s, sk, ps[j], col.count)
					}
					r++
				}
				continue
			}
			lab := it.label
			if it.sub {
				lab = cnNumbers[sub%len(cnNumbers)] + "、" + lab
				sub++
			} else {
				sub = 0
			}
			if labels > 0 {
				gr.str(r, c0, lab)
				if labels == 2 {
					gr.merge(r, c0, r, c0+1)
				}
			}
			for j, col := range sd.cols {
				p := fp.static[i][ii][j]
				s, sk := src.Value(p)
				gr.value(r, c0+labels+j, s, sk, p, col.count || it.count)
			}
			r++
		}
		maxRow = max(maxRow, r-1)
	}
	g.BodyLast = maxRow
	if n, k := src.Value(fp.note); k == String && n != "" {
		g.Note = n
		gr.str(maxRow+1, 0, "说明："+n)
		gr.at(maxRow+1, 0).Kind = NoteCell
	}
	return g
}

// at returns the value at ptr below tree.
func at(tree map[string]any, ptr string) any {
	var cur any = tree
	for k := range strings.SplitSeq(strings.TrimPrefix(ptr, "/"), "/") {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[k]
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n >= len(x) {
				return nil
			}
			cur = x[n]
		default:
			return nil
		}
	}
	return cur
}
