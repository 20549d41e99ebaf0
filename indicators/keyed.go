package indicators

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// keyedQuantity is a figure inside a sentence together with its subject:
// in "每年劝返率约达80%左右" the subject is 每年劝返率, the figure 80 and the
// unit %.
type keyedQuantity struct {
	key  string
	num  decimal.Decimal
	unit string
	raw  string // the subject, figure and unit as written
}

// fillers are words between a subject and its figure that are not part of
// the subject.
var fillers = []string{"约达", "达到", "约为", "共计", "合计", "约", "达", "为", "是", "在", "共", "计", "超过", "不低于", "不少于", "至少"}

// dateUnits are units that make a figure a date or an age, not a quantity.
var dateUnits = map[string]bool{"年": true, "月": true, "日": true, "周年": true, "号": true}

// keyedQuantities finds the figures of a sentence that have a subject of at
// least two characters right before them. Figures without one ("共计556条")
// are left alone: they cannot be tied to anything.
func keyedQuantities(s string) []keyedQuantity {
	if len(s) > 1<<16 || !hasASCIIDigit(s) {
		return nil // most indicator texts state no figure at all
	}
	// The scan works on byte offsets (no []rune copy of the text): digits,
	// '.', '%', '/' are ASCII; subjects and units are decoded rune by rune.
	var out []keyedQuantity
	for i := 0; i < len(s); {
		if !isASCIIDigitByte(s[i]) {
			i++
			continue
		}
		start := i
		for i < len(s) && isASCIIDigitByte(s[i]) {
			i++
		}
		if i+1 < len(s) && s[i] == '.' && isASCIIDigitByte(s[i+1]) {
			i++
			for i < len(s) && isASCIIDigitByte(s[i]) {
				i++
			}
		}
		num := s[start:i]
		if i-start > maxDigits {
			continue
		}
		// The subject: Han characters and book-title marks right before.
		k := start
		for k > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:k])
			if !(unicode.Is(unicode.Han, r) || r == '《' || r == '》') {
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
		if r, n := utf8.DecodeRuneInString(s[j:]); r == '余' {
			j += n
		}
		u := j
		if r, n := utf8.DecodeRuneInString(s[j:]); r == '%' || r == '％' {
			j += n
		} else {
			for c := 0; c < 2; c++ {
				r, n := utf8.DecodeRuneInString(s[j:])
				if n == 0 || !unicode.Is(unicode.Han, r) || r == '余' {
					break
				}
				j += n
			}
			if j+1 < len(s) && s[j] == '/' {
				if r, n := utf8.DecodeRuneInString(s[j+1:]); unicode.Is(unicode.Han, r) {
					j += 1 + n
				}
			}
		}
		unit := strings.ReplaceAll(s[u:j], "％", "%")
		i = max(i, j)
		if utf8.RuneCountInString(key) < 2 || dateUnits[baseUnit(unit)] {
			continue
		}
		d, err := decimal.NewFromString(num)
		if err != nil {
			continue
		}
		out = append(out, keyedQuantity{key: key, num: d, unit: unit, raw: s[k:j]})
	}
	return out
}

func isASCIIDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func hasASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// keysMatch reports whether two subjects name the same thing: one ends with
// the other ("每年劝返率" and "劝返率").
func keysMatch(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return utf8.RuneCountInString(b) >= 2 && strings.HasSuffix(a, b)
}
