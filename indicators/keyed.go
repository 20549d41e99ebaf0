package indicators

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// keyedQuantity is a figure inside a sentence together with its subject:
// in "每年劝返率约达80%左右" the subject is 每年劝返率, the figure 80 and the
// unit %.
type keyedQuantity struct {
	key  string
	num  string // the figure as written: ASCII digits, an optional fraction
	unit string
	raw  string // the subject, figure and unit as written
}

// fillers are words between a subject and its figure that are not part of
// the subject.
var fillers = []string{"约达", "达到", "约为", "共计", "合计", "约", "达", "为", "是", "在", "共", "计", "超过", "不低于", "不少于", "至少"}

// isDateUnit reports whether a unit makes a figure a date or an age, not a
// quantity: 年 月 日 周年 号.
func isDateUnit(u string) bool {
	switch u {
	case "年", "月", "日", "周年", "号":
		return true
	}
	return false
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// keyedQuantities finds the figures of a sentence that have a subject of at
// least two characters right before them. Figures without one ("共计556条")
// are left alone: they cannot be tied to anything.
func keyedQuantities(s string) []keyedQuantity {
	if len(s) > 1<<16 {
		return nil
	}
	var out []keyedQuantity
	// Digits, '.', '%' and '/' are single bytes in UTF-8: the figure is
	// found byte by byte, the subject and the unit character by character.
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		// The figure: digits with an optional fraction.
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
			i++
			for i < len(s) && isDigit(s[i]) {
				i++
			}
		}
		if i-start > maxDigits {
			continue
		}
		num := s[start:i]
		// The subject: Han characters and book-title marks right before,
		// without a filler word at its end.
		k := start
		for k > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:k])
			if !isHan(r) && r != '《' && r != '》' {
				break
			}
			k -= n
		}
		key := s[k:start]
		for changed := true; changed; {
			changed = false
			for _, f := range fillers {
				if strings.HasSuffix(key, f) {
					key = strings.TrimSuffix(key, f)
					changed = true
				}
			}
		}
		// The unit: %, or up to two Han characters (after 余), with an
		// optional "/X".
		j := i
		if strings.HasPrefix(s[j:], "余") {
			j += len("余")
		}
		u := j
		if r, n := utf8.DecodeRuneInString(s[j:]); r == '%' || r == '％' {
			j += n
		} else {
			for c := 0; c < 2; c++ {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !isHan(r) || r == '余' {
					break
				}
				j += n
			}
			if rest, ok := strings.CutPrefix(s[j:], "/"); ok {
				if r, n := utf8.DecodeRuneInString(rest); isHan(r) {
					j += 1 + n
				}
			}
		}
		unit := strings.ReplaceAll(s[u:j], "％", "%")
		i = j
		if utf8.RuneCountInString(key) < 2 || isDateUnit(baseUnit(unit)) {
			continue // a subject of fewer than two characters, or a date
		}
		out = append(out, keyedQuantity{key: key, num: num, unit: unit, raw: s[k:j]})
	}
	return out
}

// sameNumber compares two figures as found by keyedQuantities (ASCII
// digits, an optional fraction) by value: "80", "080" and "80.0" are the
// same.
func sameNumber(a, b string) bool {
	aw, af, _ := strings.Cut(a, ".")
	bw, bf, _ := strings.Cut(b, ".")
	return strings.TrimLeft(aw, "0") == strings.TrimLeft(bw, "0") &&
		strings.TrimRight(af, "0") == strings.TrimRight(bf, "0")
}

// keysMatch reports whether two subjects name the same thing: one ends with
// the other, of at least two characters ("每年劝返率" and "劝返率").
func keysMatch(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return strings.HasSuffix(a, b) && utf8.RuneCountInString(b) >= 2
}
