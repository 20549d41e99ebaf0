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

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// keyedQuantities finds the figures of a sentence that have a subject of at
// least two characters right before them. Figures without one ("共计556条")
// are left alone: they cannot be tied to anything.
func keyedQuantities(s string) []keyedQuantity {
	if len(s) > 1<<16 {
		return nil
	}
	var out []keyedQuantity
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isASCIIDigit(rs[i]) {
			i++
			continue
		}
		// The figure: digits with an optional fraction.
		start := i
		for i < len(rs) && isASCIIDigit(rs[i]) {
			i++
		}
		if i+1 < len(rs) && rs[i] == '.' && isASCIIDigit(rs[i+1]) {
			i++
			for i < len(rs) && isASCIIDigit(rs[i]) {
				i++
			}
		}
		if i-start > maxDigits {
			continue
		}
		num := string(rs[start:i])
		// The subject: Han characters and book-title marks right before,
		// without a filler word at its end.
		k := start
		for k > 0 && (isHan(rs[k-1]) || rs[k-1] == '《' || rs[k-1] == '》') {
			k--
		}
		key := string(rs[k:start])
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
		if j < len(rs) && rs[j] == '余' {
			j++
		}
		u := j
		if j < len(rs) && (rs[j] == '%' || rs[j] == '％') {
			j++
		} else {
			for j < len(rs) && j-u < 2 && isHan(rs[j]) && rs[j] != '余' {
				j++
			}
			if j+1 < len(rs) && rs[j] == '/' && isHan(rs[j+1]) {
				j += 2
			}
		}
		unit := strings.ReplaceAll(string(rs[u:j]), "％", "%")
		i = j
		if utf8.RuneCountInString(key) < 2 || isDateUnit(baseUnit(unit)) {
			continue // a subject of fewer than two characters, or a date
		}
		out = append(out, keyedQuantity{key: key, num: num, unit: unit, raw: string(rs[k:j])})
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
