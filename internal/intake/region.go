package intake

import (
	"slices"
	"strings"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/sheet"
)

type role uint8

const (
	roleNone  role = iota
	roleValue      // a value column of a side
	roleCode       // 科目编码
	roleName       // 科目名称
	roleItem       // 项目: a line label, or code and name in one cell
	roleLei        // 类
	roleKuan       // 款
	roleXiang      // 项
)

// colMap is how the columns of a region are read.
type colMap struct {
	role  []role
	side  []int // the side of each column (−1 none)
	col   []int // the side's column of a value column
	block []int // the block of each column
}

// isCode reports a 类, 款 or 项 code: 3, 5 or 7 digits.
func isCode(s string) bool {
	n := leadingDigits(s)
	return n == len(s) && (n == 3 || n == 5 || n == 7)
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// splitCode splits a printed "code name" (2010301 行政运行, 201一般公共服务支出):
// the longest code of 3, 5 or 7 digits the text begins with, and the rest
// without leading spaces; ok is false when the text begins with no code.
func splitCode(s string) (code, rest string, ok bool) {
	n := leadingDigits(s)
	switch {
	case n >= 7:
		n = 7
	case n >= 5:
		n = 5
	case n >= 3:
		n = 3
	default:
		return "", "", false
	}
	return s[:n], strings.TrimLeft(s[n:], " \t\n\f\r"), true
}

// labelRole tells a label column by its header.
func labelRole(stack []string) role {
	if len(stack) == 0 {
		return roleNone
	}
	last := stack[len(stack)-1]
	switch {
	case strings.Contains(last, "编码") || strings.Contains(last, "代码"):
		return roleCode
	case strings.Contains(last, "名称"):
		return roleName
	case last == "类":
		return roleLei
	case last == "款":
		return roleKuan
	case last == "项":
		return roleXiang
	case last == "项目" || last == "科目" || last == "支出项目" || last == "收入项目":
		return roleItem
	}
	return roleNone
}

// headerWords are the normalised header texts of a form.
func headerWords(f *form) map[string]bool {
	w := map[string]bool{"项目": true, "科目编码": true, "科目名称": true, "类": true, "款": true, "项": true, "编码": true, "名称": true}
	for _, s := range f.sides {
		if s.title != "" {
			w[norm(s.title)] = true
		}
		for _, c := range s.cols {
			for _, h := range c.header {
				w[label(h)] = true
			}
			w[label(c.title)] = true
			for _, a := range c.aliases {
				w[label(a)] = true
			}
		}
	}
	return w
}

func isHeaderText(t string, words map[string]bool) bool {
	n := label(t)
	if words[n] {
		return true
	}
	return strings.Contains(n, "编码") || strings.Contains(n, "科目名称") || strings.Contains(n, "功能分类") || strings.Contains(n, "经济分类")
}

// mergedAt returns the merged range covering r, c.
func mergedAt(s *sheet.Sheet, r, c int) (sheet.Range, bool) {
	for _, g := range s.Merges {
		if g.Contains(r, c) {
			return g, true
		}
	}
	return sheet.Range{}, false
}

// headerCell is the text a header cell shows: its own, or its merged
// range's.
func headerCell(s *sheet.Sheet, r, c int) string {
	if t := cellText(s.At(r, c)); t != "" {
		return t
	}
	if g, ok := mergedAt(s, r, c); ok {
		return cellText(s.At(g.Top, g.Left))
	}
	return ""
}

// stack is the header texts over column c in rows h0..h1-1, normalised,
// without repeats; fill takes a blank from the left (a span without merge).
func stack(s *sheet.Sheet, h0, h1, c int, fill bool) []string {
	var out []string
	for r := h0; r < h1; r++ {
		if isFigure(s.At(r, c)) {
			continue // a stray figure, listed by header
		}
		t := headerCell(s, r, c)
		if t == "" && fill && r < h1-1 {
			for k := c - 1; k >= 0 && t == ""; k-- {
				t = headerCell(s, r, k)
			}
		}
		if t == "" {
			continue
		}
		if n := label(t); len(out) == 0 || out[len(out)-1] != n {
			out = append(out, n)
		}
	}
	return out
}

// headerText is the header over column c in rows h0..h1-1 as printed,
// the rows' texts joined by "|".
func headerText(s *sheet.Sheet, h0, h1, c int) string {
	var out []string
	for r := h0; r < h1; r++ {
		if t := headerCell(s, r, c); t != "" && !isFigure(s.At(r, c)) && (len(out) == 0 || out[len(out)-1] != t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, "|")
}

// matchCol scores how column c's header matches printed header st.
func matchCol(st []string, c col) int {
	if len(st) == 0 {
		return 0
	}
	exp := make([]string, len(c.header))
	for i, h := range c.header {
		exp[i] = label(h)
	}
	if len(exp) <= len(st) && slices.Equal(st[len(st)-len(exp):], exp) {
		return 2 * len(exp)
	}
	last := st[len(st)-1]
	if last == label(c.title) {
		return 1
	}
	for _, a := range c.aliases {
		if last == label(a) {
			return 1
		}
	}
	return 0
}

// bestCol returns the side's column that matches st best, or −1.
func bestCol(st []string, s *side) int {
	best, score := -1, 0
	for i, c := range s.cols {
		if k := matchCol(st, c); k > score {
			best, score = i, k
		}
	}
	return best
}

// header finds the header rows of a region and maps its columns; h1 is
// the first row after the header.
func (m *mapper) header(g *region) (cm *colMap, h1 int, ok bool) {
	s, f := g.s, g.f
	words := headerWords(f)
	start := g.top
	if g.titled {
		start++
	}
	h0 := -1
	for r := start; r < g.end && r < start+12; r++ {
		_, texts := rowTexts(s, r)
		for _, t := range texts {
			if isHeaderText(t, words) {
				h0 = r
				break
			}
		}
		if h0 >= 0 || rowHasFigure(s, r) {
			break
		}
	}
	if h0 < 0 {
		return nil, start, false
	}
	h1 = h0 + 1
	bottom := h0
	labels := map[int]bool{}
	addRow := func(r int) {
		for _, mg := range s.Merges {
			if mg.Top == r && mg.Bottom > bottom {
				bottom = mg.Bottom
			}
		}
		for c := range s.Rows[r] {
			if t := headerCell(s, r, c); t != "" && labelRole([]string{label(t)}) != roleNone {
				labels[c] = true
			}
		}
	}
	addRow(h0)
	for ; h1 < g.end; h1++ {
		if h1 > bottom {
			if rowHasFigure(s, h1) {
				break
			}
			_, texts := rowTexts(s, h1)
			if len(texts) == 0 {
				break
			}
			head := true
			for _, t := range texts {
				if !isHeaderText(t, words) {
					head = false
				}
			}
			if !head || m.isDataLabel(g, h1, labels) {
				break
			}
		}
		addRow(h1)
	}
	// figures beside the title or in the header rows are no header
	for r := g.top; r < h1; r++ {
		if r >= start && r < h0 {
			continue
		}
		for c, cell := range s.Rows[r] {
			if isFigure(cell) {
				m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(s, r, c), Text: cellText(cell), Reason: "figure beside the title or the header"})
			}
		}
	}
	width := 0
	for r := h0; r < g.end; r++ {
		width = max(width, len(s.Rows[r]))
	}
	cm = &colMap{role: make([]role, width), side: make([]int, width), col: make([]int, width), block: make([]int, width)}
	stacks := make([][]string, width)
	block := -1
	prevValue := true
	for c := range width {
		cm.side[c], cm.col[c] = -1, -1
		st := stack(s, h0, h1, c, false)
		stacks[c] = st
		if r := labelRole(st); r != roleNone {
			cm.role[c] = r
			if prevValue {
				block++
			}
			prevValue = false
		} else if len(st) > 0 {
			cm.role[c] = roleValue
			if block < 0 {
				block = 0
			}
			prevValue = true
		}
		cm.block[c] = max(block, 0)
	}
	// Each block is one side: the side most of its value columns match.
	used := map[int]bool{}
	for b := 0; b <= block; b++ {
		bestSide, bestN := -1, 0
		for si, sd := range f.sides {
			n := 0
			for c := range width {
				if cm.block[c] == b && cm.role[c] == roleValue {
					if bestCol(stacks[c], sd) >= 0 || bestCol(stack(s, h0, h1, c, true), sd) >= 0 {
						n++
					}
				}
			}
			if n > bestN || n == bestN && n > 0 && used[bestSide] && !used[si] {
				bestSide, bestN = si, n
			}
		}
		if bestSide < 0 && len(f.sides) == 1 {
			bestSide = 0
		}
		used[bestSide] = true
		for c := range width {
			if cm.block[c] != b {
				continue
			}
			cm.side[c] = bestSide
			if cm.role[c] != roleValue || bestSide < 0 {
				continue
			}
			sd := f.sides[bestSide]
			k := bestCol(stacks[c], sd)
			if k < 0 {
				k = bestCol(stack(s, h0, h1, c, true), sd)
			}
			cm.col[c] = k
			if k < 0 {
				m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(s, h1-1, c), Text: headerText(s, h0, h1, c), Reason: "header not understood"})
			}
		}
	}
	return cm, h1, true
}

func rowHasFigure(s *sheet.Sheet, r int) bool {
	if r >= len(s.Rows) {
		return false
	}
	for _, c := range s.Rows[r] {
		if isFigure(c) {
			return true
		}
	}
	return false
}

// isFigure reports a cell holding a number, a formula or a text that reads
// as an amount (not as a code).
func isFigure(c sheet.Cell) bool {
	switch c.Kind {
	case sheet.Number, sheet.Formula:
		return true
	case sheet.Text:
		if t, ok := figureText(cellText(c)); ok {
			if _, err := amount.Parse(t); err == nil && !isCode(t) {
				return true
			}
		}
	}
	return false
}

// isDataLabel reports a row whose first cell, in a label column, is a
// line label or a code.
func (m *mapper) isDataLabel(g *region, r int, labels map[int]bool) bool {
	cols, texts := rowTexts(g.s, r)
	if len(texts) == 0 || !labels[cols[0]] {
		return false
	}
	if _, _, ok := splitCode(norm(texts[0])); ok {
		return true
	}
	t := label(texts[0])
	for _, sd := range g.f.sides {
		for _, it := range sd.items {
			if it.kind == lineItem && it.label != "" && matchLabel(t, &it) {
				return true
			}
		}
	}
	return false
}

func matchLabel(t string, it *item) bool {
	if t == label(it.label) {
		return true
	}
	for _, a := range it.aliases {
		if t == label(a) {
			return true
		}
	}
	return false
}

// joinCode joins split 类/款/项 cells: a 款 or 项 printed without its
// parent's digits takes them from the row's (or the rows above's) parent.
func joinCode(lei, kuan, xiang string, prev *[3]string) string {
	parts := [3]string{norm(lei), norm(kuan), norm(xiang)}
	code := ""
	for i, p := range parts {
		if p == "" {
			continue
		}
		want := 3 + 2*i
		switch {
		case len(p) == want:
		case len(p) == 2 && i > 0:
			parent := code
			if parent == "" {
				parent = prev[i-1]
			}
			p = parent + p
		}
		code = p
		prev[i] = p
		for k := i + 1; k < 3; k++ {
			prev[k] = ""
		}
	}
	return code
}
