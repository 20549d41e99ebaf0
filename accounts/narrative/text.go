package narrative

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
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
	text  string
	pos   []loc // pos[i] is the position of the rune starting at byte i; pos[len(text)] is the end
	cell  bool
	row   int // index of the table row for a cell, -1 otherwise
	level int // heading level 0–2, 3 for a numbered item heading, -1 for text
	ctx   string
	part  string
	sents [][2]int // sentence spans (byte offsets)
	runes runeSet  // the runes of text, for pre-tests (see runeSet)
}

// runeSet returns the runes of the paragraph (computed once).
func (p *para) runeSet() runeSet {
	if p.runes == nil {
		p.runes = runesOf(p.text)
	}
	return p.runes
}

func (p *para) at(off int) loc {
	if off < 0 {
		off = 0
	}
	if off >= len(p.pos) {
		if len(p.pos) == 0 {
			return loc{}
		}
		return p.pos[len(p.pos)-1]
	}
	return p.pos[off]
}

// trow is a table row: its cells in order, empty cells included.
type trow struct {
	cells []*para
}

type document struct {
	paras []*para
	rows  []*trow
}

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

type rawLine struct {
	num   int
	raw   string // without the line ending
	text  string // artifacts removed
	pos   []loc
	tab   bool // starts with a tab: a table cell
	blank bool
}

// parse reads text into paragraphs, table rows, headings and sentences.
func parse(data []byte, pat *compiled) (*document, error) {
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte{'\n'})
		return nil, &InputError{Line: line, Reason: "not valid UTF-8 (convert the file from GB18030/GBK to UTF-8)"}
	}
	lines := splitLines(data)
	soft := doubleSpaced(lines)
	d := &document{}
	var cur *para      // the paragraph being extended by wrapped lines
	var lastCell *para // the last cell, for continuation lines
	var row *trow
	prevBlank := true
	for i := range lines {
		ln := &lines[i]
		if ln.blank {
			// In text extracted from PDF every line may be followed by a
			// blank one; there a single blank line does not end a paragraph.
			if !soft || prevBlank || i+1 < len(lines) && lines[i+1].blank {
				cur = nil
			}
			lastCell, row = nil, nil
			prevBlank = true
			continue
		}
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
			for _, c := range splitCells(ln) {
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
		case lastCell != nil && !prevBlank && isContinuation(ln.text):
			// A cell broken over lines: "一级" / "指标".
			lastCell.text += strings.TrimSpace(ln.text)
			lastCell.pos = appendTrimmedPos(lastCell.pos, ln)
		default:
			lastCell, row = nil, nil
			if cur != nil && (!prevBlank || soft) && joinable(cur) && !startsNumbered(ln.text) && !indented(ln.text) {
				cur.pos = cur.pos[:len(cur.pos)-1]
				t := strings.TrimLeft(ln.text, " \t\u3000")
				skip := len(ln.text) - len(t)
				cur.text += t
				cur.pos = append(cur.pos, ln.pos[skip:]...)
			} else {
				cur = &para{text: ln.text, pos: ln.pos, row: -1, level: -1}
				d.paras = append(d.paras, cur)
			}
		}
		prevBlank = false
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

func splitLines(data []byte) []rawLine {
	s := string(data)
	s = strings.TrimPrefix(s, "\uFEFF")
	parts := strings.Split(s, "\n")
	out := make([]rawLine, len(parts))
	for i, raw := range parts {
		raw = strings.TrimSuffix(raw, "\r")
		ln := rawLine{num: i + 1, raw: raw}
		ln.text, ln.pos = clean(i+1, raw)
		ln.tab = strings.HasPrefix(raw, "\t")
		if strings.TrimSpace(ln.text) == "" && !(ln.tab && strings.TrimSpace(raw) == "" && raw != "") {
			ln.blank = !ln.tab
		}
		if strings.TrimSpace(ln.text) == "" && !ln.tab {
			ln.blank = true
		}
		out[i] = ln
	}
	return out
}

// clean removes conversion artifacts ([bookmark: …], [image: …]) and
// records the original column of every remaining byte.
func clean(line int, raw string) (string, []loc) {
	cut := artifactRe.FindAllStringIndex(raw, -1)
	var b strings.Builder
	pos := make([]loc, 0, len(raw)+1)
	col := 1
	k := 0
	for i, r := range raw {
		for k < len(cut) && i >= cut[k][1] {
			k++
		}
		if k < len(cut) && i >= cut[k][0] && i < cut[k][1] {
			col++
			continue
		}
		n := utf8.RuneLen(r)
		if r == utf8.RuneError {
			n = 1
		}
		b.WriteRune(r)
		for j := 0; j < n; j++ {
			pos = append(pos, loc{line, col})
		}
		col++
	}
	pos = append(pos, loc{line, col})
	return b.String(), pos
}

// splitCells cuts a tabbed line into cells; a leading tab starts the line's
// first cell.
func splitCells(ln *rawLine) []*para {
	t := strings.TrimRight(ln.text, " \t\u3000")
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
		p := &para{text: seg, row: -1, level: -1}
		p.pos = append(p.pos, ln.pos[start+lead:start+lead+len(seg)]...)
		p.pos = append(p.pos, ln.pos[start+lead+len(seg)])
		out = append(out, p)
		if end == len(t) {
			break
		}
		start = end + 1
	}
	return out
}

func appendTrimmedPos(pos []loc, ln *rawLine) []loc {
	t := strings.TrimSpace(ln.text)
	lead := strings.Index(ln.text, t)
	pos = pos[:len(pos)-1]
	pos = append(pos, ln.pos[lead:lead+len(t)]...)
	return append(pos, ln.pos[lead+len(t)])
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
	t := strings.TrimRight(p.text, " \t\u3000")
	if openParens(t) > 0 {
		return true
	}
	if utf8.RuneCountInString(strings.TrimSpace(t)) < 15 || startsNumbered(t) && !strings.Contains(t, "。") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune("。！？!?；;：:…）)」』”\"》】", r) {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.IsDigit(r) || unicode.IsLetter(r) || strings.ContainsRune("，,、%％“（(《", r)
}

// openParens returns how many parentheses s leaves open.
func openParens(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case '（', '(':
			n++
		case '）', ')':
			if n > 0 {
				n--
			}
		}
	}
	return n
}

// indented reports whether a line starts with an indent of two or more
// blanks (or a full-width blank): the first line of a paragraph.
func indented(s string) bool {
	return strings.HasPrefix(s, "\u3000") || strings.HasPrefix(s, "  ")
}

// doubleSpaced reports whether nearly every text line is followed by a blank
// line, as in text extracted from some PDF files.
func doubleSpaced(lines []rawLine) bool {
	text, followed := 0, 0
	for i := range lines {
		if lines[i].blank || lines[i].tab {
			continue
		}
		text++
		if i+1 < len(lines) && lines[i+1].blank {
			followed++
		}
	}
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
