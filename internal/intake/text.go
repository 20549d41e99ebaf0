package intake

import (
	"regexp"
	"strings"
	"unicode"
)

// norm folds a printed text for comparison: full-width ASCII to half-width,
// no white space (line breaks inside a cell included), no quotes, （） as ().
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u3000':
			continue
		case r >= '！' && r <= '～':
			r -= 0xFEE0
		}
		switch r {
		case '“', '”', '"', '‘', '’', '\'', '「', '」':
			continue
		case '【', '[':
			r = '('
		case '】', ']':
			r = ')'
		case '：':
			r = ':'
		case '、':
			r = '、'
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	numbering = regexp.MustCompile(`^(第?[一二三四五六七八九十百零〇]+[、.．]|\(?[一二三四五六七八九十]+\)|\d{1,2}[、.．)]|\(\d{1,2}\))`)
	// table numbering and 久其 codes before a title: 表一, 公开01表, 附表1,
	// 财决公开11表, Z03, F03-1, 01.
	tablePrefix   = regexp.MustCompile(`^(附?表[一二三四五六七八九十\d]+[、.:]?|(财决)?公开\d+表[、.:]?|附件\d+[、.:]?|[A-Z]\d{1,2}(-\d+)?[、.:]?|\d{1,2}(-\d+)?[、.:]?|[一二三四五六七八九十]+[、.:])`)
	trailingParen = regexp.MustCompile(`\([^()]*\)$`)
	unitText      = regexp.MustCompile(`(金额)?单位:(万元|元)`)
	headerUnit    = regexp.MustCompile(`\((万元|元)\)$`)
)

// stripNumbering removes a leading 一、 (一) 1. from a normalised label.
func stripNumbering(s string) string {
	for {
		t := numbering.ReplaceAllString(s, "")
		if t == s {
			return s
		}
		s = t
	}
}

// titleCandidates returns the normalised forms of a printed title to look
// up: without numbering prefixes, and with trailing parenthesised notes
// ((财决03表), （此表无数据）, (续)) removed one by one.
func titleCandidates(s string) []string {
	s = norm(s)
	for {
		t := tablePrefix.ReplaceAllString(s, "")
		if t == s || t == "" {
			break
		}
		s = t
	}
	out := []string{s}
	for {
		t := trailingParen.ReplaceAllString(s, "")
		t = strings.TrimSuffix(strings.TrimSuffix(t, "续表"), "续")
		if t == s || t == "" {
			break
		}
		s = t
		out = append(out, s)
	}
	return out
}

// label folds a line label: normalised, numbering removed, a trailing
// unit removed.
func label(s string) string {
	return headerUnit.ReplaceAllString(stripNumbering(norm(s)), "")
}

// isContinued reports a title marked as continued: (续), 续表.
func isContinued(s string) bool {
	n := norm(s)
	return strings.Contains(n, "(续)") || strings.HasSuffix(n, "续表") || strings.HasSuffix(n, "续")
}
