package intake

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/sheet"
)

var (
	rawNumbering = regexp.MustCompile(`^(第?[一二三四五六七八九十百零〇]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．)）]|[（(]\d{1,2}[)）])`)
	notePrefix   = regexp.MustCompile(`^(注|说明|备注|填报说明)\s*[:：]?\s*`)
)

// isNote reports a line beginning 注, 说明, 备注 or 填报说明.
func isNote(t string) bool {
	for _, p := range [...]string{"注", "说明", "备注", "填报说明"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// mayBeNumbered reports a text whose first rune may begin a numbering
// (一、 (一) 1. 第一、), before the regular expressions are asked.
func mayBeNumbered(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9' || r == '(' || r == '（' || strings.ContainsRune("第一二三四五六七八九十百零〇", r)
}

// nameText is a printed name without white space and numbering, its
// brackets as printed.
func nameText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
	for mayBeNumbered(s) {
		t := rawNumbering.ReplaceAllString(s, "")
		if t == s {
			return s
		}
		s = t
	}
	return s
}

// pending is a coded row read, placed when its region ends.
type pending struct {
	side  int
	block int
	code  string
	name  string
	cells []cellAt
}

type cellAt struct {
	col int // the side's column
	r   int
	c   int
}

func (m *mapper) tableReport(g *region, unit amount.Unit) {
	for i := range m.rep.Tables {
		t := &m.rep.Tables[i]
		if t.Key == g.f.key {
			if !strings.Contains(strings.Join(t.Sheets, "\x00"), g.s.Name) {
				t.Sheets = append(t.Sheets, g.s.Name)
			}
			return
		}
	}
	m.rep.Tables = append(m.rep.Tables, TableReport{Key: g.f.key, Title: g.f.title, Sheets: []string{g.s.Name}, Unit: unit})
}

// region reads the rows of one table on one sheet.
func (m *mapper) region(g *region) error {
	f, s := g.f, g.s
	tree := m.tables[f.key]
	if tree == nil {
		tree = map[string]any{}
		m.tables[f.key] = tree
	}
	unit := g.unit
	if unit == "" {
		unit = m.rep.Unit
		if g.titled {
			m.note(m.loc(s, g.top, 0), f.key, "unit", "no 单位 line: read as "+string(unit))
		}
	}
	m.tableReport(g, unit)
	if g.titled && f.note && strings.Contains(g.titleTxt, "无数据") {
		for _, p := range regexp.MustCompile(`[（(]([^（()）]*无数据[^（()）]*)[)）]`).FindAllStringSubmatch(g.titleTxt, -1) {
			if _, ok := tree["note"]; !ok {
				tree["note"] = p[1]
			}
		}
	}
	cm, start, ok := m.header(g)
	if !ok {
		cm = m.last[f.key]
		if cm == nil {
			m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(s, g.top, 0), Text: f.title, Reason: "no header found"})
			return nil
		}
	}
	m.last[f.key] = cm
	nblocks := 0
	for _, b := range cm.block {
		nblocks = max(nblocks, b+1)
	}
	ctx := make([]int, len(f.sides))
	// the parents of split codes carry over to a continuation sheet
	prev := m.parents[f.key]
	for len(prev) < nblocks {
		prev = append(prev, [3]string{})
	}
	m.parents[f.key] = prev
	var rows []pending
	crossed := len(f.sides) == 1 && len(f.sides[0].items) == 1 && f.sides[0].items[0].label == ""
	crossedDone := false
	var cols []int
	var texts []string
	for r := start; r < g.end; r++ {
		cols, texts = appendRowTexts(s, r, cols[:0], texts[:0])
		if len(texts) == 0 {
			if crossed && !crossedDone && !m.spec.BlankAbsent && r == start {
				// the one line of a crossed table, printed blank
			} else {
				continue
			}
		}
		if len(texts) > 0 {
			if isNote(texts[0]) && !rowHasFigure(s, r) {
				m.noteLine(f, tree, strings.Join(texts, ""), m.loc(s, r, cols[0]))
				continue
			}
			if _, ok := unitOf(texts[0]); ok && len(texts) <= 2 && !rowHasFigure(s, r) {
				continue
			}
		}
		for b := range nblocks {
			si := -1
			var code, name, item, lei, kuan, xiang string
			var vals []cellAt
			for c := range cm.role {
				if cm.block[c] != b {
					continue
				}
				si = cm.side[c]
				t := cellText(s.At(r, c))
				switch cm.role[c] {
				case roleCode:
					code = t
				case roleName:
					name = t
				case roleItem:
					item = t
				case roleLei:
					lei = t
				case roleKuan:
					kuan = t
				case roleXiang:
					xiang = t
				case roleValue:
					if cm.col[c] >= 0 {
						vals = append(vals, cellAt{col: cm.col[c], r: r, c: c})
					} else if t != "" {
						m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(s, r, c), Text: t, Reason: "column not understood"})
					}
				}
			}
			if si < 0 {
				continue
			}
			sd := f.sides[si]
			if crossed {
				if len(texts) == 0 && crossedDone {
					continue
				}
				crossedDone = true
				if err := m.line(g, tree, &sd.items[0], sd, vals); err != nil {
					return err
				}
				continue
			}
			if lei != "" || kuan != "" || xiang != "" {
				code = joinCode(lei, kuan, xiang, &prev[b])
			}
			lab := name
			if lab == "" {
				lab = item
			}
			if code == "" {
				for _, t := range []string{item, name} {
					if c, rest, ok := splitCode(strings.TrimSpace(t)); ok {
						code = c
						if rest != "" {
							lab = rest
						}
						break
					}
				}
			} else if c, rest, ok := splitCode(norm(code)); ok {
				code = c
				if rest != "" && name == "" {
					lab = rest // code and name in the code column
				}
			}
			if code != "" && !isCode(code) && lab == "" {
				lab, code = code, "" // a line label printed across the code and name columns
			}
			if code != "" && sd.rows != nil && isCode(code) {
				rows = append(rows, pending{side: si, block: b, code: code, name: nameText(lab), cells: vals})
				continue
			}
			if lab == "" {
				m.unplacedVals(s, vals, "figure without a row label")
				continue
			}
			it := m.lineFor(sd, label(lab), &ctx[si])
			if it != nil {
				if err := m.line(g, tree, it, sd, vals); err != nil {
					return err
				}
				continue
			}
			if sd.rows != nil && m.spec.ClassCode != nil && classOnly(sd.rows.part) {
				if c, ok := m.spec.ClassCode(sd.rows.part.Family, nameText(lab)); ok {
					rows = append(rows, pending{side: si, block: b, code: c, name: nameText(lab), cells: vals})
					continue
				}
			}
			m.unplacedVals(s, vals, "row not recognised: "+lab)
		}
		m.outside(s, r, cm)
	}
	// coded rows, block by block (a table printed in two halves side by
	// side lists its left half first)
	for b := range nblocks {
		for _, p := range rows {
			if p.block != b {
				continue
			}
			if err := m.row(g, tree, f.sides[p.side], p); err != nil {
				return err
			}
		}
	}
	// A web page prints the note under the table, after it.
	if g.end == len(s.Rows) {
		for _, t := range s.Below {
			if isNote(t) {
				m.noteLine(f, tree, t, sheet.Location{File: m.wb.File, Sheet: s.Name})
			}
		}
	}
	return nil
}

// outside lists the figures of row r that are in no column of cm.
func (m *mapper) outside(s *sheet.Sheet, r int, cm *colMap) {
	for c, cell := range s.Rows[r] {
		if (c >= len(cm.role) || cm.role[c] == roleNone) && isFigure(cell) {
			m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(s, r, c), Text: cellText(cell), Reason: "figure outside the table's columns"})
		}
	}
}

func (m *mapper) unplacedVals(s *sheet.Sheet, vals []cellAt, why string) {
	for _, v := range vals {
		if t := cellText(s.At(v.r, v.c)); t != "" {
			m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(s, v.r, v.c), Text: t, Reason: why})
		}
	}
}

// lineFor returns the line of sd labelled t; a column of a transposed line
// printed after its line (or before it, when first) goes by ctx.
func (m *mapper) lineFor(sd *side, t string, ctx *int) *item {
	var cands []*item
	for i := range sd.items {
		it := &sd.items[i]
		if it.kind == lineItem && it.label != "" && matchLabel(t, it) {
			cands = append(cands, it)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	pick := cands[0]
	for _, it := range cands {
		if it.sub && it.group == *ctx {
			pick = it
			break
		}
	}
	if pick.sub && *ctx == 0 {
		*ctx = pick.group
	}
	if !pick.sub && pick.group > 0 {
		*ctx = pick.group
	}
	return pick
}

func (m *mapper) noteLine(f *form, tree map[string]any, text string, l sheet.Location) {
	n := notePrefix.FindStringSubmatch(text)
	body := strings.TrimSpace(text[len(n[0]):])
	if f.note && (n[1] == "说明" || strings.Contains(body, "无数据")) {
		if old, ok := tree["note"].(string); ok && old != body {
			tree["note"] = old + "\n" + body
		} else {
			tree["note"] = body
		}
		m.rep.Sources["/tables/"+f.key+"/note"] = l
		return
	}
	kind := "note"
	if n[1] == "填报说明" {
		kind = "instructions"
	}
	m.note(l, f.key, kind, text)
}

// figure reads the cell of v, the figure at full (/tables/…): ok is false
// when there is nothing to place (already read, or blank and absent).
// fresh says that full cannot have been read (a new row's).
func (m *mapper) figure(g *region, full string, v cellAt, count, fresh bool) (val any, ok bool, err error) {
	s := g.s
	cell := s.At(v.r, v.c)
	if old, ok := m.rep.Sources[full]; ok && !fresh {
		if cellText(cell) != "" {
			m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(s, v.r, v.c), Text: cellText(cell), Reason: "already read at " + old.String()})
		}
		return nil, false, nil
	}
	l := m.loc(s, v.r, v.c)
	a, blank, err := parseFigure(cell, m.spec.DashBlank)
	if err != nil {
		return nil, false, &CellError{Location: l, Text: cellText(cell), Err: err}
	}
	if blank {
		m.rep.Blank = append(m.rep.Blank, full)
		if m.spec.BlankAbsent {
			return nil, false, nil
		}
		a = amount.Zero
	}
	if count {
		d, _ := a.Decimal()
		if !d.IsInteger() || d.Sign() < 0 {
			return nil, false, &CellError{Location: l, Text: cellText(cell), Err: ErrNotFigure}
		}
		val = json.Number(d.String())
	} else {
		tu := g.unit
		if tu == "" {
			tu = m.rep.Unit
		}
		val = a.Convert(tu, m.rep.Unit).String()
	}
	m.rep.Sources[full] = l
	return val, true, nil
}

// line places the figures of a labelled line.
func (m *mapper) line(g *region, tree map[string]any, it *item, sd *side, vals []cellAt) error {
	for _, v := range vals {
		c := sd.cols[v.col]
		ptr := it.ptr
		if !it.figure {
			ptr += "/" + c.name
		}
		val, ok, err := m.figure(g, "/tables/"+g.f.key+ptr, v, c.count || it.count, false)
		if err != nil {
			return err
		}
		if ok {
			setPath(tree, ptr, val)
		}
	}
	if len(vals) == 0 && it.ptr != "" && !it.figure {
		ensure(tree, it.ptr)
	}
	return nil
}

// row places a coded row.
func (m *mapper) row(g *region, tree map[string]any, sd *side, p pending) error {
	it := sd.rows
	if err := checkCode(it, p.code); err != nil {
		m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(g.s, p.cells0(), 0), Text: p.code, Reason: err.Error()})
	}
	parent := ensureList(tree, it.ptr)
	row := map[string]any{"code": p.code}
	if p.name != "" {
		row["name"] = p.name
	}
	*parent = append(*parent, row)
	idx := len(*parent) - 1
	prefix := "/tables/" + g.f.key + it.ptr + "/" + strconv.Itoa(idx) + "/"
	for _, v := range p.cells {
		c := sd.cols[v.col]
		val, ok, err := m.figure(g, prefix+c.name, v, c.count, true)
		if err != nil {
			return err
		}
		switch {
		case !ok:
		case strings.Contains(c.name, "/"):
			setPath(row, c.name, val)
		default:
			row[c.name] = val
		}
	}
	return nil
}

func (p pending) cells0() int {
	if len(p.cells) > 0 {
		return p.cells[0].r
	}
	return 0
}

func checkCode(it *item, code string) error {
	switch it.part.Family {
	case classification.Functional:
		_, err := classification.ParseFuncCode(code)
		return err
	case classification.EconDept:
		_, err := classification.ParseEconDeptCode(code)
		return err
	}
	return nil
}

// setPath sets the value at ptr (/a/b/3/c) in tree, making maps on the way.
func setPath(tree map[string]any, ptr string, v any) {
	keys := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	var cur any = tree
	for i, k := range keys {
		last := i == len(keys)-1
		switch x := cur.(type) {
		case map[string]any:
			if last {
				x[k] = v
				return
			}
			next, ok := x[k]
			if !ok {
				next = map[string]any{}
				x[k] = next
			}
			cur = next
		case *[]any:
			n, _ := strconv.Atoi(k)
			if last {
				(*x)[n] = v
				return
			}
			cur = (*x)[n]
		}
	}
}

func ensure(tree map[string]any, ptr string) {
	cur := tree
	for k := range strings.SplitSeq(strings.TrimPrefix(ptr, "/"), "/") {
		next, ok := cur[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[k] = next
		}
		cur = next
	}
}

// ensureList returns the list at ptr, making it.
func ensureList(tree map[string]any, ptr string) *[]any {
	keys := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	cur := tree
	for _, k := range keys[:len(keys)-1] {
		next, ok := cur[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[k] = next
		}
		cur = next
	}
	l, ok := cur[keys[len(keys)-1]].(*[]any)
	if !ok {
		l = &[]any{}
		cur[keys[len(keys)-1]] = l
	}
	return l
}
