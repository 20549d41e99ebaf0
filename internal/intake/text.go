package intake

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldRune is how norm prints r: the rune to write, or −1 to drop it
// (white space is dropped here; fold decides about it).
func foldRune(r rune) rune {
	if r >= '！' && r <= '～' {
		r -= 0xFEE0
	}
	switch r {
	case '“', '”', '"', '‘', '’', '\'', '「', '」':
		return -1
	case '【', '[':
		return '('
	case '】', ']':
		return ')'
	}
	return r
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// norm folds a printed text for comparison: full-width ASCII to half-width,
// no white space (line breaks inside a cell included), no quotes, （） as
// (), ：as :. A text that needs no folding is returned as it is.
func norm(s string) string { return fold(s, false) }

// fold is norm; with spaces, a run of white space becomes one space (none
// at the ends) instead of nothing.
func fold(s string, spaces bool) string {
	clean := true
	for i, r := range s {
		if r < utf8.RuneSelf {
			if r == ' ' && spaces && i > 0 && i < len(s)-1 && s[i-1] != ' ' {
				continue
			}
			if r <= ' ' || r == '"' || r == '\'' || r == '[' || r == ']' {
				clean = false
				break
			}
			continue
		}
		if isSpace(r) || foldRune(r) != r {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = spaces && b.Len() > 0
			continue
		}
		if r = foldRune(r); r < 0 {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	numbering = regexp.MustCompile(`^(第?[一二三四五六七八九十百零〇]+[、.]|\(?[一二三四五六七八九十]+\)|\d{1,2}[、.)]|\(\d{1,2}\))`)
	// Table numbering and 久其 codes before a title (after fold with
	// spaces): 表一, 公开01表, 附表1, 财决公开11表, 附件2, Z03, F03-1, 01,
	// 六、. A numbering in Chinese numerals must be followed by a space or
	// a separator: 表六 一般… is 表六 and 一般…, never 表六一.
	tablePrefix = regexp.MustCompile(`^(?:(?:附?表[一二三四五六七八九十]+|第?[一二三四五六七八九十]+)[ 、.:]+|(?:财决)?公开\d+表[ 、.:]*|(?:附?表\d+|附件\d+|[A-Z]\d{1,2}(?:-\d+)?|\d{1,2}(?:-\d+)?)(?:[ 、.:]+|\b|$))`)
	// 表 and a number in Chinese numerals written against the title: which
	// numerals are the number is decided by the titles (titleCandidates).
	tableNumber   = regexp.MustCompile(`^附?表[一二三四五六七八九十]+`)
	trailingParen = regexp.MustCompile(`\([^()]*\)$`)
	unitText      = regexp.MustCompile(`(金额)?单位:(万元|元)`)
	headerUnit    = regexp.MustCompile(`\((万元|元)\)$`)
)

// stripNumbering removes a leading 一、 (一) 1. from a normalised label.
func stripNumbering(s string) string {
	for mayBeNumbered(s) {
		t := numbering.ReplaceAllString(s, "")
		if t == s {
			return s
		}
		s = t
	}
	return s
}

// titleCandidates returns the normalised forms of a printed title to look
// up, longest first: without numbering prefixes (stripped before the
// spaces are, so that the space after a number ends it), and with
// trailing parenthesised notes ((财决03表), （此表无数据）, (续)) and 续表
// removed one by one. A 表 number written against the title (表六一般…)
// gives one form per way of reading it (表六|一般…, 表|六一般…).
func titleCandidates(s string) []string {
	s = fold(s, true)
	for {
		t := strings.TrimLeft(tablePrefix.ReplaceAllString(s, ""), " ")
		if t == s || t == "" {
			break
		}
		s = t
	}
	s = norm(s)
	bases := []string{s}
	if n := tableNumber.FindString(s); n != "" && len(n) < len(s) {
		bases = bases[:0]
		num := strings.TrimPrefix(strings.TrimPrefix(n, "附"), "表")
		for k := len(num); k > 0; k -= len("一") {
			bases = append(bases, s[len(n)-len(num)+k:])
		}
		bases = append(bases, s)
	}
	var out []string
	for _, s := range bases {
		out = append(out, s)
		for {
			t := trailingParen.ReplaceAllString(s, "")
			t = strings.TrimSuffix(strings.TrimSuffix(t, "续表"), "续")
			if t == s || t == "" {
				break
			}
			s = t
			out = append(out, s)
		}
	}
	return out
}

// withoutParen is a normalised title without its trailing parenthesised
// part (财政拨款支出决算明细表(政府经济分类科目) → 财政拨款支出决算明细表),
// or "" when it has none: 久其 sheet names, capped at 31 characters, and
// short titles leave it out.
func withoutParen(t string) string {
	u := trailingParen.ReplaceAllString(t, "")
	if u == t {
		return ""
	}
	return u
}

// label folds a line label: normalised, numbering removed, a trailing
// unit removed.
func label(s string) string {
	return headerUnit.ReplaceAllString(stripNumbering(norm(s)), "")
}
