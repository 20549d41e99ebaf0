package narrative

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrInput is matched (errors.Is) by the error Lint returns for text it
// cannot read.
var ErrInput = errors.New("narrative: unreadable text")

// InputError reports text that is not plain UTF-8.
type InputError struct {
	Line   int // 1-based line of the first bad byte
	Reason string
}

// Error names the line and what is wrong.
func (e *InputError) Error() string {
	return fmt.Sprintf("narrative: line %d: %s", e.Line, e.Reason)
}

// Is reports whether target is ErrInput.
func (e *InputError) Is(target error) bool { return target == ErrInput }

// loc is a position in the original text: 1-based line, 1-based column in
// runes.
type loc struct{ line, col int }

// para is a paragraph (or a table cell) with the original position of every
// byte of its cleaned text.
type para struct {
	text      string
	segs      []seg // where the bytes of text come from, in order of off
	end       seg   // the position after the last byte (off unused)
	cell      bool
	idx       int // index in document.paras
	row       int // index of the table row for a cell, -1 otherwise
	level     int // heading level 0–2, 3 for a numbered item heading, -1 for text
	ctx       string
	part      string
	sents     [][2]int // sentence spans (byte offsets)
	topic     string   // see topic
	topicDone bool

	// While the paragraph is being read: its text so far, how many
	// parentheses it leaves open and whether it holds a full stop.
	buf  []byte
	open int
	stop bool
}

// seg maps the bytes of a paragraph from off on to the bytes of a line from
// lo on.
type seg struct {
	off int
	li  *lineInfo
	lo  int
}

func (p *para) at(off int) loc {
	if off < 0 {
		off = 0
	}
	if off >= len(p.text) || len(p.segs) == 0 {
		if p.end.li == nil {
			return loc{}
		}
		return p.end.li.loc(p.end.lo)
	}
	i := sort.Search(len(p.segs), func(i int) bool { return p.segs[i].off > off }) - 1
	s := p.segs[max(i, 0)]
	return s.li.loc(s.lo + off - s.off)
}

// appendText adds t, which starts at byte lo of li, to the paragraph being
// read.
func (p *para) appendText(t string, li *lineInfo, lo int) {
	p.segs = append(p.segs, seg{off: len(p.buf), li: li, lo: lo})
	p.buf = append(p.buf, t...)
	p.end = seg{li: li, lo: lo + len(t)}
	for _, r := range t {
		switch r {
		case '（', '(':
			p.open++
		case '）', ')':
			if p.open > 0 {
				p.open--
			}
		case '。':
			p.stop = true
		}
	}
}

// trow is a table row: its cells in order, empty cells included.
type trow struct {
	cells []*para
}

type document struct {
	paras []*para
	rows  []*trow
	work  int // the work of reading the text (see meter)
	// Past MaxParagraphs: the first line not read, its number and the
	// number of lines not read (0 when the whole text was read).
	unreadLine  string
	unreadNum   int
	unreadLines int
}

// MaxParagraphs is the number of paragraphs (table cells included) Lint
// reads. Reading stops at the first line after them; one info finding
// (C18, "文本过长…") at that line counts the lines left unread.
const MaxParagraphs = 100_000

var (
	artifactRe = regexp.MustCompile(`\[(?:bookmark|image):[^\]\n]*\]`)
	partRe     = regexp.MustCompile(`^\s*第\s*[一二三四五六七八九十百0-9０-９]+\s*部分\s*`)
	level1Re   = regexp.MustCompile(`^\s*[一二三四五六七八九十]+\s*[、．.]\s*`)
	level2Re   = regexp.MustCompile(`^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*`)
	level3Re   = regexp.MustCompile(`^\s*(?:(?:[0-9]+|[０-９]+)\s*[．.、](?:[^0-9]|$)|[（(]\s*[0-9]+\s*[）)]|[①②③④⑤⑥⑦⑧⑨⑩])`)
)

// maxLine bounds the work on a single line; longer lines are still read,
// but headings and continuations are only looked for in short ones.
const maxHeadingRunes = 45

// lineInfo is a line of the input after artifacts are removed, with what it
// takes to find the original column of each of its bytes.
type lineInfo struct {
	num   int
	text  string  // artifacts removed
	cuts  []cut   // the artifacts removed, in order
	runes []int32 // runes[k] is the number of runes of text[:k*ckpt]
}

// cut is an artifact removed before byte at of the cleaned line; runes is
// the number of runes removed up to and including it.
type cut struct{ at, runes int }

// ckpt is the distance in bytes between the rune counts a lineInfo keeps,
// so that finding a column reads at most that many bytes.
const ckpt = 512

func newLineInfo(num int, raw string) *lineInfo {
	li := &lineInfo{num: num}
	ms := artifactRe.FindAllStringIndex(raw, -1)
	if len(ms) == 0 {
		li.text = raw
	} else {
		var b strings.Builder
		prev, removed := 0, 0
		for _, m := range ms {
			b.WriteString(raw[prev:m[0]])
			removed += utf8.RuneCountInString(raw[m[0]:m[1]])
			li.cuts = append(li.cuts, cut{at: b.Len(), runes: removed})
			prev = m[1]
		}
		b.WriteString(raw[prev:])
		li.text = b.String()
	}
	li.runes = make([]int32, len(li.text)/ckpt+1)
	n := 0
	for i := 0; i < len(li.text); i++ {
		if i%ckpt == 0 {
			li.runes[i/ckpt] = int32(n)
		}
		if utf8.RuneStart(li.text[i]) {
			n++
		}
	}
	return li
}

// loc returns the position of the rune holding byte j of the cleaned line
// (the end of the line for j = len(text)).
func (li *lineInfo) loc(j int) loc {
	j = clamp(j, 0, len(li.text))
	for j > 0 && j < len(li.text) && !utf8.RuneStart(li.text[j]) {
		j--
	}
	k := j / ckpt
	n := int(li.runes[k])
	for i := k * ckpt; i < j; i++ {
		if utf8.RuneStart(li.text[i]) {
			n++
		}
	}
	if i := sort.Search(len(li.cuts), func(i int) bool { return li.cuts[i].at > j }); i > 0 {
		n += li.cuts[i-1].runes
	}
	return loc{li.num, 1 + n}
}

type rawLine struct {
	raw   string // without the line ending
	li    *lineInfo
	tab   bool // starts with a tab: a table cell
	blank bool
}

// lineKind reports whether a line starts with a tab and whether it is blank
// (nothing but blanks once artifacts are removed).
func lineKind(raw string) (tab, blank bool) {
	tab = strings.HasPrefix(raw, "\t")
	if tab {
		return true, false
	}
	t := strings.TrimSpace(raw)
	if t != "" && strings.IndexByte(t, '[') >= 0 {
		t = strings.TrimSpace(artifactRe.ReplaceAllString(t, ""))
	}
	return false, t == ""
}

// eachLine calls yield with every line of s (without its ending), its
// 1-based number and the text from the line on, until yield returns false.
func eachLine(s string, yield func(num int, raw, rest string) bool) {
	for num := 1; ; num++ {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			yield(num, strings.TrimSuffix(s, "\r"), s)
			return
		}
		if !yield(num, strings.TrimSuffix(s[:i], "\r"), s) {
			return
		}
		s = s[i+1:]
	}
}

// parse reads text into paragraphs, table rows, headings and sentences.
func parse(data []byte, pat *compiled) (*document, error) {
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte{'\n'})
		return nil, &InputError{Line: line, Reason: "not valid UTF-8 (convert the file from GB18030/GBK to UTF-8)"}
	}
	s := strings.TrimPrefix(string(data), "\uFEFF")
	soft := doubleSpaced(s)
	d := &document{}
	var cur *para      // the paragraph being extended by wrapped lines
	var lastCell *para // the last cell, for continuation lines
	var row *trow
	prevBlank := true
	// Lines are read one ahead: a blank line needs to know whether the
	// next one is blank too.
	var pending *rawLine
	step := func(ln, next *rawLine) {
		if ln.blank {
			// In text extracted from PDF every line may be followed by a
			// blank one; there a single blank line does not end a paragraph.
			if !soft || prevBlank || next != nil && next.blank {
				cur = nil
			}
			lastCell, row = nil, nil
			prevBlank = true
			return
		}
		li := ln.li
		switch {
		case ln.tab || strings.Contains(strings.TrimSpace(ln.raw), "\t"):
			cur = nil
			if !ln.tab {
				row = nil // an inline-tabbed line is a row of its own
			}
			if row == nil {
				row = &trow{}
				d.rows = append(d.rows, row)
			}
			for _, c := range splitCells(li) {
				c.cell = true
				c.row = len(d.rows) - 1
				c.level = -1
				row.cells = append(row.cells, c)
				d.paras = append(d.paras, c)
				lastCell = c
			}
			if !ln.tab {
				row, lastCell = nil, nil
			}
		case lastCell != nil && !prevBlank && isContinuation(li.text):
			// A cell broken over lines: "一级" / "指标".
			t := strings.TrimSpace(li.text)
			lastCell.appendText(t, li, strings.Index(li.text, t))
		default:
			lastCell, row = nil, nil
			if cur != nil && (!prevBlank || soft) && joinable(cur) && !startsNumbered(li.text) && !indented(li.text) {
				t := strings.TrimLeft(li.text, " \t\u3000")
				cur.appendText(t, li, len(li.text)-len(t))
			} else {
				cur = &para{row: -1, level: -1}
				cur.appendText(li.text, li, 0)
				d.paras = append(d.paras, cur)
			}
		}
		prevBlank = false
	}
	eachLine(s, func(num int, raw, rest string) bool {
		d.work += len(raw) + 1
		ln := &rawLine{raw: raw}
		ln.tab, ln.blank = lineKind(raw)
		if !ln.blank {
			ln.li = newLineInfo(num, raw)
		}
		if pending != nil {
			step(pending, ln)
		}
		if len(d.paras) >= MaxParagraphs {
			d.unreadLine, d.unreadNum = raw, num
			d.unreadLines = 1 + strings.Count(rest, "\n")
			if strings.HasSuffix(rest, "\n") {
				d.unreadLines-- // no line after the last line break
			}
			if strings.TrimSpace(rest) == "" {
				d.unreadLines = 0 // only blank lines are left
			}
			pending = nil
			return false
		}
		pending = ln
		return true
	})
	if pending != nil {
		step(pending, nil)
	}
	for i, p := range d.paras {
		p.text = string(p.buf)
		p.buf = nil
		p.idx = i
	}
	d.sections(pat)
	for _, p := range d.paras {
		p.sents = splitSentences(p.text)
	}
	return d, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// splitCells cuts a tabbed line into cells; a leading tab starts the line's
// first cell.
func splitCells(li *lineInfo) []*para {
	t := strings.TrimRight(li.text, " \t\u3000")
	var out []*para
	start := 0
	if strings.HasPrefix(t, "\t") {
		start = 1
	}
	for start <= len(t) {
		end := strings.IndexByte(t[start:], '\t')
		if end < 0 {
			end = len(t)
		} else {
			end += start
		}
		seg := t[start:end]
		lead := len(seg) - len(strings.TrimLeft(seg, " \u3000"))
		seg = strings.TrimSpace(seg)
		p := &para{row: -1, level: -1}
		p.appendText(seg, li, start+lead)
		out = append(out, p)
		if end == len(t) {
			break
		}
		start = end + 1
	}
	return out
}

// isContinuation reports whether a line directly below a cell continues it.
func isContinuation(s string) bool {
	t := strings.TrimSpace(s)
	return t != "" && utf8.RuneCountInString(t) <= 12 && !strings.ContainsAny(t, "。！？") && !partRe.MatchString(t) && !level1Re.MatchString(t) && !level2Re.MatchString(t)
}

func startsNumbered(s string) bool {
	return partRe.MatchString(s) || level1Re.MatchString(s) || level2Re.MatchString(s) || level3Re.MatchString(s)
}

// joinable reports whether the next line may continue p (text extracted
// from PDF breaks sentences across lines).
func joinable(p *para) bool {
	if p.open > 0 {
		return true
	}
	t := bytes.TrimRight(p.buf, " \t\u3000")
	if shorterThan(bytes.TrimSpace(t), 15) {
		return false
	}
	// The heading patterns are anchored at the start: a prefix will do.
	if head := t[:min(len(t), 1024)]; startsNumbered(string(head)) && !p.stop {
		return false
	}
	r, _ := utf8.DecodeLastRune(t)
	if strings.ContainsRune("。！？!?；;：:…）)」』”\"》】", r) {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.IsDigit(r) || unicode.IsLetter(r) || strings.ContainsRune("，,、%％“（(《", r)
}

// shorterThan reports whether b holds fewer than n runes.
func shorterThan(b []byte, n int) bool {
	if len(b) >= n*utf8.UTFMax {
		return false
	}
	return utf8.RuneCount(b) < n
}

// indented reports whether a line starts with an indent of two or more
// blanks (or a full-width blank): the first line of a paragraph.
func indented(s string) bool {
	return strings.HasPrefix(s, "\u3000") || strings.HasPrefix(s, "  ")
}

// doubleSpaced reports whether nearly every text line is followed by a blank
// line, as in text extracted from some PDF files.
func doubleSpaced(s string) bool {
	text, followed := 0, 0
	prevText := false // the line before was a text line
	eachLine(s, func(_ int, raw, _ string) bool {
		tab, blank := lineKind(raw)
		if prevText && blank {
			followed++
		}
		prevText = !blank && !tab
		if prevText {
			text++
		}
		return true
	})
	return text >= 10 && followed*10 >= text*8
}

// unknownCtx is the context of text under a heading no pattern knows. Text
// before any heading has the empty context, where every pattern applies
// (a fragment of a narrative).
const unknownCtx = "?"

// sections finds headings and gives every paragraph its context.
func (d *document) sections(pat *compiled) {
	part, section := "", ""
	ctx := ""
	for _, p := range d.paras {
		if p.cell {
			p.ctx, p.part = ctx, part
			continue
		}
		t := strings.TrimSpace(p.text)
		level, rest := -1, ""
		switch {
		case partRe.MatchString(t):
			level, rest = 0, partRe.ReplaceAllString(t, "")
		case level1Re.MatchString(t):
			level, rest = 1, level1Re.ReplaceAllString(t, "")
		case level2Re.MatchString(t):
			level, rest = 2, level2Re.ReplaceAllString(t, "")
		case level3Re.MatchString(t):
			level, rest = 3, level3Re.ReplaceAllString(t, "")
		default:
			if utf8.RuneCountInString(t) <= 40 && !strings.ContainsAny(t, "。，；") {
				for _, h := range pat.headings {
					if h.Level == 0 && h.Unnumbered && h.re.MatchString(t) {
						level, rest = 0, t
						part, section, ctx = h.Context, "", unknownCtx
						break
					}
				}
				if level == 0 {
					p.level = 0
					p.ctx, p.part = ctx, part
					continue
				}
				level = -1
			}
		}
		rest = strings.TrimSpace(rest)
		body := strings.TrimSuffix(rest, "。")
		isHeading := level >= 0 && utf8.RuneCountInString(rest) <= maxHeadingRunes && !strings.Contains(body, "。")
		if isHeading {
			p.level = level
			switch level {
			case 0:
				part, section = "", ""
				for _, h := range pat.headings {
					if h.Level == 0 && h.re.MatchString(body) {
						part = h.Context
						break
					}
				}
				ctx = unknownCtx
			case 1:
				section = ""
				for _, h := range pat.headings {
					if h.Level == 1 && h.re.MatchString(body) {
						section = h.Context
						break
					}
				}
				ctx = section
				if ctx == "" {
					ctx = unknownCtx
				}
			case 2:
				ctx = section
				if ctx == "" {
					ctx = unknownCtx
				}
				if section != "" {
					for _, h := range pat.headings {
						if h.Level == 2 && (h.Parent == "" || h.Parent == section) && h.re.MatchString(body) {
							ctx = h.Context
							break
						}
					}
				}
			}
		}
		p.ctx, p.part = ctx, part
	}
}

// splitSentences cuts text at 。！？ (the terminator stays with its
// sentence); leading blanks are skipped.
func splitSentences(s string) [][2]int {
	var out [][2]int
	start := 0
	flush := func(end int) {
		for start < end {
			r, n := utf8.DecodeRuneInString(s[start:])
			if r != ' ' && r != '\t' && r != '\u3000' {
				break
			}
			start += n
		}
		if start < end {
			out = append(out, [2]int{start, end})
		}
		start = end
	}
	for i, r := range s {
		switch r {
		case '。', '！', '？', '!', '?':
			flush(i + utf8.RuneLen(r))
		case '，', '；':
			// A sentence without a full stop is cut at a clause break once
			// it is very long, so that work per sentence stays bounded.
			if i-start > maxSentence {
				flush(i + utf8.RuneLen(r))
			}
		}
		if i-start > 2*maxSentence {
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// maxSentence is the length (bytes) beyond which a sentence is cut at its
// next clause break.
const maxSentence = 1500

// quote returns the sentence around [off, end), cut to a readable window.
func quote(s string, span [2]int, off int) string {
	q := strings.TrimSpace(s[span[0]:span[1]])
	const max = 160
	if utf8.RuneCountInString(q) <= max {
		return q
	}
	// A window of max runes around off.
	rs := []rune(s[span[0]:span[1]])
	at := utf8.RuneCountInString(s[span[0]:clamp(off, span[0], span[1])])
	from := at - max/2
	if from < 0 {
		from = 0
	}
	to := from + max
	if to > len(rs) {
		to = len(rs)
		from = to - max
	}
	out := string(rs[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(rs) {
		out += "…"
	}
	return strings.TrimSpace(out)
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
