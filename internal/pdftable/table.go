package pdftable

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/internal/pdftext"
	"github.com/cnfiscal/juesuan/sheet"
)

// Place is where a cell or a sentence was read: the page (1-based) and
// the box, in points from the page's top-left corner.
type Place struct {
	Page int
	Box  pdftext.Box
}

// String formats the place as "p.N [x0 y0 x1 y1]".
func (p Place) String() string { return fmt.Sprintf("p.%d %s", p.Page, p.Box) }

// Result is the grid of a PDF file with where each cell was read.
type Result struct {
	Workbook *sheet.Workbook
	// Places are the cells' pages and boxes, by location.
	Places map[sheet.Location]Place
	// Text is the text outside the tables, in reading order (see Narrative).
	Text []Line

	inTable  bool     // the last page ended in a table body
	lastCols []span   // the columns of the last table
	carry    []rowOut // a title (and 单位 line) printed at the foot of the page before
	last     *sheet.Sheet
	lastHead [][]string // the header rows of the last table
}

// Line is one line of text with its place.
type Line struct {
	Text  string
	Place Place
	// Para reports that the line starts a paragraph (indented, or after a
	// gap, or on a new page after a full stop).
	Para bool
}

type word struct {
	text   string
	box    pdftext.Box
	size   float64
	figure bool
}

type line struct {
	words []word
	box   pdftext.Box
	size  float64
	base  float64
}

func (l *line) text(sep string) string {
	var b strings.Builder
	for i, w := range l.words {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(w.text)
	}
	return b.String()
}

var figureRE = regexp.MustCompile(`^[-−(（]?[0-9][0-9,，]*(\.[0-9]+)?[)）]?%?$|^[-−]?\.[0-9]+$`)

func isFigure(s string) bool {
	return figureRE.MatchString(s) && strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// lines groups a page's characters into lines of words.
func lines(p *pdftext.Page) []line {
	cs := slices.Clone(p.Chars)
	slices.SortStableFunc(cs, func(a, b pdftext.Char) int {
		if d := a.Base - b.Base; math.Abs(d) > 0.01 {
			if d < 0 {
				return -1
			}
			return 1
		}
		return 0
	})
	var out []line
	for i := 0; i < len(cs); {
		j := i + 1
		for j < len(cs) && cs[j].Base-cs[i].Base < 0.4*max(cs[i].Size, 1) {
			j++
		}
		lc := cs[i:j]
		slices.SortStableFunc(lc, func(a, b pdftext.Char) int {
			if a.Box.X0 < b.Box.X0 {
				return -1
			} else if a.Box.X0 > b.Box.X0 {
				return 1
			}
			return 0
		})
		var l line
		var cur word
		var b strings.Builder
		flush := func() {
			if b.Len() > 0 {
				cur.text = b.String()
				cur.figure = isFigure(cur.text)
				l.words = append(l.words, cur)
			}
			b.Reset()
			cur = word{}
		}
		for k, c := range lc {
			if k > 0 && (c.Box.X0-lc[k-1].Box.X1 > 0.45*max(c.Size, lc[k-1].Size) || wordBreak(lc[k-1].Text, c.Text)) {
				flush()
			}
			cur.box = cur.box.Union(c.Box)
			cur.size = max(cur.size, c.Size)
			b.WriteString(c.Text)
			l.box = l.box.Union(c.Box)
			l.size = max(l.size, c.Size)
			l.base = c.Base
		}
		flush()
		out = append(out, l)
		i = j
	}
	return out
}

// wordBreak: a figure never runs into a CJK character (金额 written
// straight after a name in a cramped cell).
func wordBreak(prev, next string) bool {
	p, _ := lastRune(prev)
	n, _ := firstRune(next)
	return unicode.IsDigit(p) && unicode.Is(unicode.Han, n)
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

var pageNumberRE = regexp.MustCompile(`^(-|—|－)?\s*(第)?\s*[0-9]+\s*(页)?\s*(-|—|－)?$|^[0-9]+\s*/\s*[0-9]+$|^第[0-9]+页(共[0-9]+页)?$`)

// margins drops page numbers in the top and bottom 8 % of the page.
func margins(ls []line, h float64) []line {
	out := ls[:0]
	for _, l := range ls {
		t := l.text("")
		if (l.box.Y1 > 0.92*h || l.box.Y0 < 0.08*h) && pageNumberRE.MatchString(strings.TrimSpace(t)) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func isUnitLine(l *line) bool {
	for _, w := range l.words {
		if strings.Contains(w.text, "单位：") || strings.Contains(w.text, "单位:") || strings.HasPrefix(w.text, "单位") && len(l.words) > 1 {
			return true
		}
	}
	return false
}

// centred reports a line whose middle is near the page's.
func centred(l *line, w float64) bool {
	mid := (l.box.X0 + l.box.X1) / 2
	return math.Abs(mid-w/2) < 0.12*w && l.box.X1-l.box.X0 < 0.8*w
}

// Read turns the pages of doc into a workbook named file.
func Read(doc *pdftext.Document, file string) *Result {
	res := &Result{Workbook: &sheet.Workbook{File: file}, Places: map[sheet.Location]Place{}}
	pages := make([][]line, len(doc.Pages))
	for i := range doc.Pages {
		pages[i] = margins(lines(&doc.Pages[i]), doc.Pages[i].Height)
	}
	running(pages, doc.Pages)
	for i := range doc.Pages {
		res.page(&doc.Pages[i], pages[i])
	}
	return res
}

var digitsRE = regexp.MustCompile(`[0-9]+`)

// running drops the running headers and footers: a line in the top or
// bottom 8 % of the page whose text, digits aside (page numbers, dates),
// recurs in the margin of at least half the pages (three or more).
func running(pages [][]line, ps []pdftext.Page) {
	if len(pages) < 3 {
		return
	}
	key := func(l *line, h float64) (string, bool) {
		if l.box.Y1 <= 0.92*h && l.box.Y0 >= 0.08*h {
			return "", false
		}
		top := "b"
		if l.box.Y0 < 0.08*h {
			top = "t"
		}
		return top + digitsRE.ReplaceAllString(l.text(" "), "#"), true
	}
	count := map[string]int{}
	for i, ls := range pages {
		seen := map[string]bool{}
		for j := range ls {
			if k, ok := key(&ls[j], ps[i].Height); ok && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for i, ls := range pages {
		out := ls[:0]
		for j := range ls {
			if k, ok := key(&ls[j], ps[i].Height); ok && count[k] >= 3 && 2*count[k] >= len(pages) {
				continue
			}
			out = append(out, ls[j])
		}
		pages[i] = out
	}
}

type rowOut struct {
	cells  []sheet.Cell
	places []Place
	merges []sheet.Range // columns only; rows filled in later
}

// Bounds that keep hostile pages linear enough: the bridging-word check
// is quadratic in a block's words, the cell geometry is words × rules.
const (
	maxBridgeWords = 3000
	maxRules       = 5000
)

func (res *Result) page(p *pdftext.Page, ls []line) {
	if len(p.Rules) > maxRules {
		p.Rules = nil // laid out from the text alone
	}
	if res.carry != nil && (len(ls) == 0 || paragraphs(ls[:min(len(ls), 3)], p.Width)) {
		res.sheet(fmt.Sprintf("p.%d", p.Number-1)+" 表头", res.carry) // a title with no table after it
		res.carry = nil
	}
	var rows []rowOut
	// block starts: title lines
	var titles []int
	for i := range ls {
		if !centred(&ls[i], p.Width) || isUnitLine(&ls[i]) {
			continue
		}
		for j := i + 1; j <= i+2 && j < len(ls); j++ {
			if isUnitLine(&ls[j]) {
				titles = append(titles, i)
				break
			}
		}
		// a title at the foot of the page, its table on the next
		if t := strings.TrimSpace(ls[i].text("")); i == len(ls)-1 && !hasFigure(&ls[i]) && strings.HasSuffix(t, "表") && !noteStart.MatchString(t) &&
			(len(titles) == 0 || titles[len(titles)-1] != i) {
			titles = append(titles, i)
		}
	}
	// two title lines in a row (上海市XX局2024年度部门决算表 / 收入支出决算总表) are one block
	var starts []int
	for k, t := range titles {
		if k > 0 && titles[k-1] == t-1 {
			continue
		}
		starts = append(starts, t)
	}
	first := len(ls)
	if len(starts) > 0 {
		first = starts[0]
	} else if !res.inTable || paragraphs(ls, p.Width) {
		res.inTable = false
	}
	// text before the first table: narrative (or a table continued from the page before)
	if first > 0 {
		pre := ls[:first]
		if looksTabular(pre) || res.inTable && !paragraphs(pre, p.Width) && continues(pre, p.Rules, p.Width) {
			ro, cols := body(pre, p.Number, res.lastCols, p.Rules)
			res.lastCols = cols
			if res.carry != nil {
				rows = append(rows, res.carry...)
				rows = append(rows, ro...)
				res.carry = nil
				res.lastHead = headOf(ro)
			} else {
				// the rest of the table on the page before: its rows join
				// that sheet, without the header repeated
				res.extend(ro)
			}
		} else {
			for i := range pre {
				if p.Number == 1 || len(starts) > 0 {
					// the cover, and the lines above a table (编制单位),
					// may name the unit; other text is narrative only
					rows = append(rows, textRow(&pre[i], p.Number))
				}
				res.Text = append(res.Text, Line{Text: pre[i].text(""), Place: Place{p.Number, pre[i].box}, Para: i == 0 || paraStart(pre, i)})
			}
		}
	}
	for k, st := range starts {
		end := len(ls)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		blk := ls[st:end]
		u := 0
		for u < len(blk) && u < 4 && !isUnitLine(&blk[u]) {
			u++
		}
		if u == len(blk) || u == 4 {
			u = 0
		}
		var head []rowOut
		for i := 0; i <= u && i < len(blk); i++ {
			head = append(head, textRow(&blk[i], p.Number))
		}
		rest := blk[min(u+1, len(blk)):]
		if len(rest) == 0 && k == len(starts)-1 {
			// the title at the foot of the page, the table on the next
			res.carry = head
			res.inTable = true
			res.lastCols = nil
			continue
		}
		rows = append(rows, head...)
		// notes under the table: 注：… and what follows
		n := len(rest)
		for i := range rest {
			if t := rest[i].text(""); strings.HasPrefix(t, "注") || strings.HasPrefix(t, "说明：") {
				n = i
				break
			}
		}
		// a heading after the figures, over running text, ends the table
		fig := false
		for i := range rest[:n] {
			if fig && centred(&rest[i], p.Width) && !hasFigure(&rest[i]) && runningText(rest[i+1:min(n, i+4)], p.Width) {
				n = i
				break
			}
			fig = fig || hasFigure(&rest[i])
		}
		// a table drawn with borders ends at its last rule
		if _, ys := ruling(rest[:n], p.Rules); ys != nil {
			last := ys[len(ys)-1]
			for i := range rest[:n] {
				if rest[i].box.Y0 > last-1 && !(hasFigure(&rest[i]) && len(rest[i].words) >= 2) {
					n = i
					break
				}
			}
		}
		ro, cols := body(rest[:n], p.Number, nil, p.Rules)
		rows = append(rows, ro...)
		res.lastHead = headOf(ro)
		res.lastCols = cols
		res.inTable = n == len(rest)
		for i := n; i < len(rest); i++ {
			if centred(&rest[i], p.Width) && !strings.HasPrefix(rest[i].text(""), "注") {
				// text after the table and its notes: narrative
				for j := i; j < len(rest); j++ {
					res.Text = append(res.Text, Line{Text: rest[j].text(""), Place: Place{p.Number, rest[j].box}, Para: j == i || paraStart(rest, j)})
				}
				res.inTable = false
				break
			}
			ro := textRow(&rest[i], p.Number)
			// a note wrapped on the lines below it is one cell
			for i+1 < len(rest) && len(ro.cells) == 1 && len(rest[i+1].words) > 0 && rest[i+1].box.Y0-rest[i].box.Y1 < 0.8*rest[i].size &&
				!noteStart.MatchString(rest[i+1].text("")) && rest[i].box.X1 > rest[i+1].box.X1-2*rest[i].size {
				i++
				ro.cells[0].Value += rest[i].text("")
				ro.places[0].Box = ro.places[0].Box.Union(rest[i].box)
			}
			rows = append(rows, ro)
		}
	}
	res.sheet(fmt.Sprintf("p.%d", p.Number), rows)
}

var noteStart = regexp.MustCompile(`^(注|说明|[0-9]+[.、．]|[一二三四五六七八九十]+、|（)`)

// headOf is the texts of the header rows of a table: those before its
// first row with a figure.
func headOf(rows []rowOut) [][]string {
	var out [][]string
	for _, ro := range rows {
		var t []string
		for _, c := range ro.cells {
			if c.Kind == sheet.Number {
				return out
			}
			t = append(t, strings.Join(strings.Fields(c.Value), ""))
		}
		out = append(out, t)
	}
	return out
}

// extend appends the rows of a table continued from the page before to the
// last sheet, dropping the header rows it repeats.
func (res *Result) extend(rows []rowOut) {
	if res.last == nil {
		res.sheet("p.0", nil)
	}
	for _, h := range res.lastHead {
		if len(rows) == 0 {
			break
		}
		got := headOf(rows[:1])
		if len(got) == 0 || !slices.Equal(got[0], h) {
			break
		}
		rows = rows[1:]
	}
	res.addRows(res.last, rows)
}

// sheet appends a sheet of rows named name.
func (res *Result) sheet(name string, rows []rowOut) {
	s := &sheet.Sheet{Name: name}
	res.addRows(s, rows)
	res.Workbook.Sheets = append(res.Workbook.Sheets, s)
	res.last = s
}

func (res *Result) addRows(s *sheet.Sheet, rows []rowOut) {
	base := len(s.Rows)
	for r, ro := range rows {
		r += base
		s.Rows = append(s.Rows, ro.cells)
		for c, pl := range ro.places {
			if pl.Page != 0 {
				res.Places[sheet.Location{File: res.Workbook.File, Sheet: s.Name, Cell: sheet.Name(r, c)}] = pl
			}
		}
		for _, m := range ro.merges {
			m.Top, m.Bottom = r, r
			s.Merges = append(s.Merges, m)
		}
	}
}

func paraStart(ls []line, i int) bool {
	if i == 0 {
		return true
	}
	prev, cur := &ls[i-1], &ls[i]
	return cur.box.X0-ls[0].box.X0 > 1.5*cur.size || cur.box.Y0-prev.box.Y1 > 1.2*cur.size ||
		strings.HasSuffix(prev.text(""), "。") && prev.box.X1 < cur.box.X1-3*cur.size
}

// paragraphs reports lines of running text: most are long lines ending
// near the right margin of the text. A line whose words stand apart (a
// table row such as 合计 … 347.19, its label at the left and its figure at
// the right) is not running text.
func paragraphs(ls []line, w float64) bool {
	long := 0
	for i := range ls {
		if len(ls[i].words) <= 2 && ls[i].box.X1-ls[i].box.X0 > 0.6*w && maxGap(&ls[i]) < 2*ls[i].size {
			long++
		}
	}
	return long > 0 && 2*long >= len(ls)
}

// runningText reports a long line of text among ls (a paragraph).
func runningText(ls []line, w float64) bool {
	for i := range ls {
		if ls[i].box.X1-ls[i].box.X0 > 0.5*w && maxGap(&ls[i]) < 2*ls[i].size {
			return true
		}
	}
	return false
}

// maxGap is the widest gap between two words of l.
func maxGap(l *line) float64 {
	g := 0.0
	for k := 1; k < len(l.words); k++ {
		g = max(g, l.words[k].box.X0-l.words[k-1].box.X1)
	}
	return g
}

// continues reports whether the lines at the top of a page may continue a
// table: they are drawn in ruled cells, or start with a header, or their
// first line has a figure among two or more words.
func continues(ls []line, rules []pdftext.Box, w float64) bool {
	if len(ls) == 0 {
		return false
	}
	if runningText(ls[:min(len(ls), 8)], w) {
		return false // a heading over paragraphs
	}
	if c, _ := ruling(ls[:min(len(ls), 4)], rules); c != nil {
		return true
	}
	return hasHeader(ls) || len(ls[0].words) >= 2 && hasFigure(&ls[0])
}

// looksTabular reports lines that continue a table: most have a figure and
// more than two words.
func looksTabular(ls []line) bool {
	n := 0
	for i := range ls {
		f := 0
		for _, w := range ls[i].words {
			if w.figure {
				f++
			}
		}
		if f > 0 && len(ls[i].words) >= 3 && maxGap(&ls[i]) > 2*ls[i].size {
			n++
		}
	}
	return n >= 2 && 2*n >= len(ls)
}

// textRow splits a line into cells at gaps wider than twice its size.
func textRow(l *line, page int) rowOut {
	var ro rowOut
	var cur []word
	flush := func() {
		if len(cur) == 0 {
			return
		}
		var b strings.Builder
		var box pdftext.Box
		for i, w := range cur {
			if i > 0 && needSpace(cur[i-1].text, w.text) {
				b.WriteByte(' ')
			}
			b.WriteString(w.text)
			box = box.Union(w.box)
		}
		ro.cells = append(ro.cells, cell(b.String()))
		ro.places = append(ro.places, Place{page, box})
		cur = cur[:0]
	}
	for i, w := range l.words {
		if i > 0 && w.box.X0-l.words[i-1].box.X1 > 2*l.size {
			flush()
		}
		cur = append(cur, w)
	}
	flush()
	return ro
}

// needSpace keeps a space between two Latin words or figures.
func needSpace(a, b string) bool {
	x, _ := lastRune(a)
	y, _ := firstRune(b)
	return x < 0x3000 && y < 0x3000 && (unicode.IsLetter(x) || unicode.IsDigit(x)) && (unicode.IsLetter(y) || unicode.IsDigit(y))
}

func cell(t string) sheet.Cell {
	if t == "" {
		return sheet.Cell{}
	}
	if isFigure(t) {
		return sheet.Cell{Kind: sheet.Number, Value: t}
	}
	return sheet.Cell{Kind: sheet.Text, Value: t}
}

func hasFigure(l *line) bool {
	for _, w := range l.words {
		if w.figure {
			return true
		}
	}
	return false
}

var numbered = regexp.MustCompile(`^([一二三四五六七八九十]+、|[0-9]+[、.．]|（[一二三四五六七八九十0-9]+）|\([0-9一二三四五六七八九十]+\)|合计|总计|小计)`)

var headerWord = regexp.MustCompile(`^项\s*目$|科目|决算数|预算数|^金\s*额$|^收\s*入$|^支\s*出$|^合计$|小计$|^本年|^年[初末]`)

// hasHeader reports a header in the first lines of a table body.
func hasHeader(ls []line) bool {
	for i := 0; i < len(ls) && i < 5; i++ {
		for _, w := range ls[i].words {
			if headerWord.MatchString(w.text) && utf8.RuneCountInString(w.text) <= 10 && !hasFigure(&ls[i]) {
				return true
			}
		}
	}
	return false
}

// headerEnd is the line after the header words of the first lines.
func headerEnd(ls []line) int {
	last := -1
	for i := 0; i < len(ls) && i < 8; i++ {
		for _, w := range ls[i].words {
			if headerWord.MatchString(w.text) {
				last = i
			}
		}
	}
	if last < 0 {
		return len(ls)
	}
	end := last + 1
	for end < len(ls) && ls[end].box.Y0-ls[end-1].box.Y1 < 0.4*ls[end].size && !hasFigure(&ls[end]) {
		end++
	}
	return end
}

type span struct{ x0, x1 float64 }

// columns merges overlapping x-ranges into columns, left to right.
func columns(sp []span) []span {
	sp = slices.Clone(sp)
	slices.SortFunc(sp, func(a, b span) int {
		if a.x0 < b.x0 {
			return -1
		} else if a.x0 > b.x0 {
			return 1
		}
		return 0
	})
	var cols []span
	for _, x := range sp {
		if n := len(cols); n > 0 && x.x0 < cols[n-1].x1-0.5 {
			cols[n-1].x1 = max(cols[n-1].x1, x.x1)
			continue
		}
		cols = append(cols, x)
	}
	return cols
}

// body lays the lines of a table body (header and data) out in columns.
func body(ls []line, page int, prev []span, rules []pdftext.Box) ([]rowOut, []span) {
	if len(ls) == 0 {
		return nil, prev
	}
	// header zone: the lines before the first with a figure
	head := len(ls)
	for i := range ls {
		if hasFigure(&ls[i]) {
			head = i
			break
		}
	}
	if prev != nil && !hasHeader(ls) {
		head = 0
	}
	// an empty table: the header ends after the last of its first lines
	// with a header word, and the lines wrapped close under it
	if hz := headerEnd(ls); hz < head {
		head = hz
	}
	spanning := make([][]bool, len(ls))
	var leaves []span
	for i := range ls {
		spanning[i] = make([]bool, len(ls[i].words))
		for k, w := range ls[i].words {
			if i < head {
				for j := i + 1; j < len(ls) && j <= i+5 && j < head+1; j++ {
					n := 0
					mid := (w.box.X0 + w.box.X1) / 2
					left, right, inside := false, false, false
					for _, v := range ls[j].words {
						if v.box.X0 < w.box.X1-1 && v.box.X1 > w.box.X0+1 {
							n++
							inside = true
						}
						if v.box.X1 <= mid && mid-v.box.X1 < 4*w.size {
							left = true
						}
						if v.box.X0 >= mid && v.box.X0-mid < 4*w.size {
							right = true
						}
					}
					// over two or more words of a header line below, or
					// centred over the gap between two of them
					if n >= 2 || !inside && left && right {
						spanning[i][k] = true
						break
					}
				}
			}
			if !spanning[i][k] {
				leaves = append(leaves, span{w.box.X0, w.box.X1})
			}
		}
	}
	cols := columns(leaves)
	// a word that bridges two columns others keep apart (合计 across code
	// and name, a wide header leaf) is a merged cell, not a column
	words := 0
	for i := range ls {
		words += len(ls[i].words)
	}
	for pass, changed := 0, words <= maxBridgeWords; changed && pass < 4; pass++ {
		changed = false
		for i := range ls {
			for k, w := range ls[i].words {
				if spanning[i][k] {
					continue
				}
				var rest []span
				for i2 := range ls {
					for k2, v := range ls[i2].words {
						if (i2 != i || k2 != k) && !spanning[i2][k2] && v.box.X1 > w.box.X0 && v.box.X0 < w.box.X1 {
							rest = append(rest, span{v.box.X0, v.box.X1})
						}
					}
				}
				parts := columns(rest)
				n := 0
				for _, p := range parts {
					if p.x0 >= w.box.X0-0.5 && p.x1 <= w.box.X1+0.5 || min(p.x1, w.box.X1)-max(p.x0, w.box.X0) > 0 {
						n++
					}
				}
				if n >= 2 {
					spanning[i][k] = true
					changed = true
				}
			}
		}
		if changed {
			leaves = leaves[:0]
			for i := range ls {
				for k, w := range ls[i].words {
					if !spanning[i][k] {
						leaves = append(leaves, span{w.box.X0, w.box.X1})
					}
				}
			}
			cols = columns(leaves)
		}
	}
	if prev != nil && head == 0 {
		// a continued table without its header: the columns of the page before
		cols = slices.Clone(prev)
	}
	rc, bands := ruling(ls, rules)
	if rc != nil {
		// the table's borders: columns between its vertical rules
		cols = rc
		for i := range ls {
			for k, w := range ls[i].words {
				n := 0
				for _, sp := range cols {
					if min(w.box.X1, sp.x1)-max(w.box.X0, sp.x0) > 1 {
						n++
					}
				}
				spanning[i][k] = n >= 2
			}
		}
	}
	colOf := func(b pdftext.Box) (c0, c1 int) {
		c0, c1 = -1, -1
		best, bc := 0.0, -1
		for c, sp := range cols {
			ov := min(b.X1, sp.x1) - max(b.X0, sp.x0)
			if ov > 1 || ov > 0 && rc == nil {
				if c0 < 0 {
					c0 = c
				}
				c1 = c
			}
			if ov > best {
				best, bc = ov, c
			}
		}
		if bc >= 0 && best >= 0.8*(b.X1-b.X0) {
			return bc, bc // inside one column (a word touching a rule)
		}
		if c0 < 0 { // in a gap: the nearest column
			d := math.Inf(1)
			for c, sp := range cols {
				if e := math.Abs((b.X0+b.X1)/2 - (sp.x0+sp.x1)/2); e < d {
					d, c0, c1 = e, c, c
				}
			}
		}
		return
	}
	// a filled table: most body lines carry figures, so a line without
	// any, under a line with some, continues its row's names
	textCol := make([]bool, len(cols))
	{
		figs, texts := make([]int, len(cols)), make([]int, len(cols))
		for i := head; i < len(ls); i++ {
			for _, w := range ls[i].words {
				c, _ := colOf(w.box)
				if w.figure {
					figs[c]++
				} else {
					texts[c]++
				}
			}
		}
		for c := range cols {
			textCol[c] = texts[c] > figs[c]
		}
	}
	onlyText := func(l *line) bool {
		for _, w := range l.words {
			if c, _ := colOf(w.box); w.figure || !textCol[c] {
				return false
			}
		}
		return true
	}
	// rows: lines close under each other join unless both carry figures
	type acc struct {
		texts  []strings.Builder
		boxes  []pdftext.Box
		merges map[int]int
		fig    bool
		last   pdftext.Box
		size   float64
	}
	newAcc := func() *acc {
		return &acc{texts: make([]strings.Builder, len(cols)), boxes: make([]pdftext.Box, len(cols)), merges: map[int]int{}}
	}
	var out []rowOut
	emit := func(a *acc) {
		var ro rowOut
		n := len(cols)
		for n > 0 && a.texts[n-1].Len() == 0 {
			n--
		}
		for c := range n {
			ro.cells = append(ro.cells, cell(a.texts[c].String()))
			if a.texts[c].Len() > 0 {
				ro.places = append(ro.places, Place{page, a.boxes[c]})
			} else {
				ro.places = append(ro.places, Place{})
			}
		}
		for c0, c1 := range a.merges {
			ro.merges = append(ro.merges, sheet.Range{Left: c0, Right: c1})
		}
		slices.SortFunc(ro.merges, func(x, y sheet.Range) int { return x.Left - y.Left })
		out = append(out, ro)
	}
	if bands != nil {
		return bandRows(ls, bands, cols, rules, spanning, colOf, page), cols
	}
	out = append(out, headerRows(ls[:head], spanning, len(cols), colOf, page)...)
	// wraps: each word of l sits in a column whose text in the row runs to
	// the column's right edge (a name wrapped in its cell)
	wraps := func(a *acc, l *line) bool {
		for _, w := range l.words {
			c, _ := colOf(w.box)
			if a.texts[c].Len() == 0 || a.boxes[c].X1 < cols[c].x1-1.5*w.size || w.box.X1-w.box.X0 > a.boxes[c].X1-a.boxes[c].X0 {
				return false
			}
		}
		return len(l.words) > 0
	}
	var cur *acc
	pull := false
	for i := head; i < len(ls); i++ {
		l := &ls[i]
		fig := hasFigure(l)
		if cur != nil {
			gap := l.box.Y0 - cur.last.Y1
			sz := max(l.size, cur.size)
			join := gap < 0.15*sz && !(fig && cur.fig) ||
				!fig && gap < 0.8*sz && onlyText(l) && !numbered.MatchString(l.text("")) && wraps(cur, l)
			if pull && gap < 0.8*sz {
				join = true
			}
			pull = false
			if join && !fig && i+1 < len(ls) && hasFigure(&ls[i+1]) && ls[i+1].box.Y0-l.box.Y1 < gap {
				join = false // the first line of a name wrapped around its code
				pull = true
			}
			if !join {
				emit(cur)
				cur = nil
			}
		}
		if cur == nil {
			cur = newAcc()
		}
		for k, w := range l.words {
			c0, c1 := colOf(w.box)
			if spanning[i][k] && c1 > c0 {
				cur.merges[c0] = max(cur.merges[c0], c1)
			}
			t := &cur.texts[c0]
			if t.Len() > 0 && needSpace(t.String(), w.text) {
				t.WriteByte(' ')
			}
			t.WriteString(w.text)
			cur.boxes[c0] = cur.boxes[c0].Union(w.box)
		}
		cur.fig = cur.fig || fig
		cur.last = l.box
		cur.size = max(cur.size, l.size)
	}
	if cur != nil {
		emit(cur)
	}
	return out, cols
}

// hcell is one header cell: the words of one column (or span) on
// consecutive lines closer than 0.4 × their size (a wrapped header).
type hcell struct {
	c0, c1 int
	text   strings.Builder
	box    pdftext.Box
	size   float64
}

// headerRows lays out the header lines: a column's words on lines close
// under each other are one cell, and cells whose boxes overlap vertically
// are one row (a one-line header centred beside a three-line one).
func headerRows(ls []line, spanning [][]bool, ncols int, colOf func(pdftext.Box) (int, int), page int) []rowOut {
	var cells []*hcell
	open := map[[2]int]*hcell{}
	for i := range ls {
		for k, w := range ls[i].words {
			c0, c1 := colOf(w.box)
			if !spanning[i][k] {
				c1 = c0
			}
			key := [2]int{c0, c1}
			h := open[key]
			if h != nil && (w.box.Y0-h.box.Y1 >= 0.4*max(w.size, h.size) || w.box.Y0 >= h.box.Y1 && false) {
				h = nil
			}
			if h == nil {
				h = &hcell{c0: c0, c1: c1}
				cells = append(cells, h)
				open[key] = h
			} else if h.box.Y1 > w.box.Y0 && needSpace(h.text.String(), w.text) {
				h.text.WriteByte(' ')
			}
			h.text.WriteString(w.text)
			h.box = h.box.Union(w.box)
			h.size = max(h.size, w.size)
		}
	}
	slices.SortStableFunc(cells, func(a, b *hcell) int {
		if a.box.Y0 < b.box.Y0 {
			return -1
		} else if a.box.Y0 > b.box.Y0 {
			return 1
		}
		return 0
	})
	var out []rowOut
	for i := 0; i < len(cells); {
		bottom := cells[i].box.Y1
		j := i + 1
		for j < len(cells) && cells[j].box.Y0 < bottom-0.1*cells[j].size {
			bottom = max(bottom, cells[j].box.Y1)
			j++
		}
		ro := rowOut{cells: make([]sheet.Cell, ncols), places: make([]Place, ncols)}
		used := 0
		for _, h := range cells[i:j] {
			if ro.cells[h.c0].Value != "" {
				ro.cells[h.c0].Value += h.text.String()
			} else {
				ro.cells[h.c0] = cell(h.text.String())
			}
			ro.places[h.c0] = Place{page, ro.places[h.c0].Box.Union(h.box)}
			if h.c1 > h.c0 {
				ro.merges = append(ro.merges, sheet.Range{Left: h.c0, Right: h.c1})
			}
			used = max(used, h.c0+1)
		}
		ro.cells, ro.places = ro.cells[:used], ro.places[:used]
		out = append(out, ro)
		i = j
	}
	return out
}

// ruling returns the columns between the vertical rules that cross the
// lines ls, and the y of the horizontal rules between them, when the table
// is drawn with borders (at least two columns); nil otherwise. Columns
// without any word are dropped.
func ruling(ls []line, rules []pdftext.Box) ([]span, []float64) {
	if len(ls) == 0 || len(rules) == 0 {
		return nil, nil
	}
	var box pdftext.Box
	for i := range ls {
		box = box.Union(ls[i].box)
	}
	var xs, ys []float64
	for _, r := range rules {
		w, h := r.X1-r.X0, r.Y1-r.Y0
		switch {
		case w <= 2.5 && h > 4 && r.Y0 < box.Y1 && r.Y1 > box.Y0 && r.X0 > box.X0-40 && r.X1 < box.X1+40:
			xs = append(xs, (r.X0+r.X1)/2)
		case h <= 2.5 && w > 4 && r.X0 < box.X1 && r.X1 > box.X0 && r.Y0 > box.Y0-20 && r.Y1 < box.Y1+20:
			ys = append(ys, (r.Y0+r.Y1)/2)
		}
	}
	xs, ys = cluster(xs), cluster(ys)
	if len(xs) < 3 {
		return nil, nil
	}
	var cols []span
	for i := 0; i+1 < len(xs); i++ {
		sp := span{xs[i], xs[i+1]}
		used := false
		for j := range ls {
			for _, w := range ls[j].words {
				if c := (w.box.X0 + w.box.X1) / 2; c > sp.x0 && c < sp.x1 {
					used = true
				}
			}
		}
		if used {
			cols = append(cols, sp)
		}
	}
	if len(cols) < 2 {
		return nil, nil
	}
	if len(ys) < 3 {
		ys = nil
	}
	return cols, ys
}

// cluster sorts v and merges values within 2 points.
func cluster(v []float64) []float64 {
	slices.Sort(v)
	var out []float64
	for _, x := range v {
		if n := len(out); n > 0 && x-out[n-1] < 2 {
			continue
		}
		out = append(out, x)
	}
	return out
}

// bandRows lays out a table drawn with horizontal rules. A cell is the
// area between the rules around a word: the vertical rules that cross its
// line, and the horizontal rules that cross its column (a cell merged
// down, such as 年初结转和结余 beside two header rows, has no rule inside).
// Its words join in reading order, and it is placed in the row of its top
// rule, as a merged cell's value sits in its top-left cell.
func bandRows(ls []line, bands []float64, cols []span, rules []pdftext.Box, spanning [][]bool, colOf func(pdftext.Box) (int, int), page int) []rowOut {
	ncols := len(cols)
	// cellOf is the columns of the cell around box b: between the nearest
	// vertical rules that cross its line (a merged cell has none inside)
	cellOf := func(b pdftext.Box) (int, int, bool) {
		mid := (b.Y0 + b.Y1) / 2
		left, right := math.Inf(-1), math.Inf(1)
		for _, r := range rules {
			if r.X1-r.X0 > 2.5 || r.Y0 > mid || r.Y1 < mid {
				continue
			}
			x := (r.X0 + r.X1) / 2
			if x <= b.X0+1 && x > left {
				left = x
			}
			if x >= b.X1-1 && x < right {
				right = x
			}
		}
		if math.IsInf(left, 0) || math.IsInf(right, 0) {
			return 0, 0, false
		}
		c0, c1 := -1, -1
		for c, sp := range cols {
			if sp.x0 >= left-2 && sp.x1 <= right+2 {
				if c0 < 0 {
					c0 = c
				}
				c1 = c
			}
		}
		return c0, c1, c0 >= 0
	}
	// rowOf is the row of the cell around b: the band below the nearest
	// horizontal rule above it that crosses its middle
	rowOf := func(b pdftext.Box) int {
		mid, xc := (b.Y0+b.Y1)/2, (b.X0+b.X1)/2
		top := math.Inf(-1)
		for _, r := range rules {
			if r.Y1-r.Y0 > 2.5 || r.X0 > xc || r.X1 < xc {
				continue
			}
			if y := (r.Y0 + r.Y1) / 2; y <= mid && y > top {
				top = y
			}
		}
		if math.IsInf(top, 0) {
			return 0
		}
		k, _ := slices.BinarySearch(bands, top-1)
		return k + 1
	}
	type cellKey struct{ row, col int }
	texts := map[cellKey]*strings.Builder{}
	boxes := map[cellKey]pdftext.Box{}
	merges := map[int][]sheet.Range{}
	maxRow := 0
	for i := range ls {
		for k, w := range ls[i].words {
			c0, c1, ok := cellOf(w.box)
			if !ok {
				c0, c1 = colOf(w.box)
				if !spanning[i][k] {
					c1 = c0
				}
			}
			key := cellKey{rowOf(w.box), c0}
			maxRow = max(maxRow, key.row)
			if c1 > c0 && !slices.Contains(merges[key.row], sheet.Range{Left: c0, Right: c1}) {
				merges[key.row] = append(merges[key.row], sheet.Range{Left: c0, Right: c1})
			}
			t := texts[key]
			if t == nil {
				t = &strings.Builder{}
				texts[key] = t
			}
			if t.Len() > 0 && needSpace(t.String(), w.text) {
				t.WriteByte(' ')
			}
			t.WriteString(w.text)
			boxes[key] = boxes[key].Union(w.box)
		}
	}
	var out []rowOut
	for r := 0; r <= maxRow; r++ {
		n := 0
		for c := range ncols {
			if texts[cellKey{r, c}] != nil {
				n = c + 1
			}
		}
		if n == 0 {
			continue // a row printed empty
		}
		ro := rowOut{cells: make([]sheet.Cell, n), places: make([]Place, n), merges: merges[r]}
		for c := range n {
			if t := texts[cellKey{r, c}]; t != nil {
				ro.cells[c] = cell(t.String())
				ro.places[c] = Place{page, boxes[cellKey{r, c}]}
			}
		}
		out = append(out, ro)
	}
	return out
}
