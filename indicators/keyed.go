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

// keyedQuantities finds the figures of a sentence that have a subject of at
// least two characters right before them. Figures without one ("共计556条")
// are left alone: they cannot be tied to anything.
func keyedQuantities(s string) []keyedQuantity {
	var buf [8]keyedQuantity
	out := appendKeyedQuantities(buf[:0], s)
	if len(out) == 0 {
		return nil
	}
	return append([]keyedQuantity(nil), out...) // one allocation of the right size
}

// appendKeyedQuantities appends the keyed quantities of s to out.
func appendKeyedQuantities(out []keyedQuantity, s string) []keyedQuantity {
	if len(s) > 1<<16 {
		return out
	}
	// The scan works on byte offsets (no []rune copy of the text): digits,
	// '.', '%', '/' are ASCII; subjects and units are decoded rune by rune.
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i += nextDigit(s[i:])
			continue
		}
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
		num := s[start:i]
		if i-start > maxDigits {
			continue
		}
		// The subject: Han characters and book-title marks right before.
		k := start
		for k > 0 {
			// A character of the CJK Unified Ideographs block (U+4E00–U+9FFF)
			// is three bytes, E4 B8 80 to E9 BF BF: no need to decode it.
			if w := s[:k]; len(w) >= 3 {
				c0, c1, c2 := w[len(w)-3], w[len(w)-2], w[len(w)-1]
				if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && ((c0 >= 0xE5 && c0 <= 0xE9) || (c0 == 0xE4 && c1 >= 0xB8)) {
					k -= 3
					continue
				}
			}
			r, n := utf8.DecodeLastRuneInString(s[:k])
			if !(isHan(r) || r == '《' || r == '》') {
				break
			}
			k -= n
		}
		key := s[k:start]
		for changed := endsLikeFiller(key); changed; {
			changed = false
			for _, f := range fillers {
				// strings.HasSuffix, ruling most fillers out on the last byte.
				if n := len(key) - len(f); n >= 0 && key[len(key)-1] == f[len(f)-1] && key[n:] == f {
					key = key[:n]
					changed = true
				}
			}
		}
		// The unit: %, or up to two Han characters (after 余), with an
		// optional "/X".
		j := i
		if r, n := decodeRune(s[j:]); r == '余' {
			j += n
		}
		u := j
		if r, n := decodeRune(s[j:]); r == '%' || r == '％' {
			j += n
		} else {
			for c := 0; c < 2; c++ {
				r, n := decodeRune(s[j:])
				if n == 0 || !isHan(r) || r == '余' {
					break
				}
				j += n
			}
			if j+1 < len(s) && s[j] == '/' {
				if r, n := decodeRune(s[j+1:]); isHan(r) {
					j += 1 + n
				}
			}
		}
		unit := s[u:j]
		if unit == "％" { // the only unit that can hold a full-width ％
			unit = "%"
		}
		i = max(i, j)
		if _, n := decodeRune(key); n == len(key) || isDateUnit(baseUnit(unit)) {
			// A subject of fewer than two characters, or a date.
			continue
		}
		out = append(out, keyedQuantity{key: key, num: num, unit: unit, raw: s[k:j]})
	}
	return out
}

// isHan is unicode.Is(unicode.Han, r), answering at once for the CJK
// Unified Ideographs block that holds almost every character of the text.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// endsLikeFiller reports whether key ends with the last character of a
// filler, so that a subject that cannot end in one skips the filler loop.
// TestFillerEnds keeps the list in step with fillers.
func endsLikeFiller(key string) bool {
	// Every filler ends with a three-byte character: decode the last three
	// bytes, which are the last character if it is one.
	if len(key) < 3 {
		return false
	}
	r, n := decodeRune(key[len(key)-3:])
	if n != 3 {
		return false
	}
	switch r {
	case '为', '于', '共', '到', '在', '少', '是', '约', '计', '达', '过':
		return true
	}
	return false
}

// sameNumber compares two figures as found by keyedQuantities (ASCII
// digits, an optional fraction) by value: "80", "080" and "80.0" are the
// same. It allocates nothing.
func sameNumber(a, b string) bool {
	aw, af, _ := strings.Cut(a, ".")
	bw, bf, _ := strings.Cut(b, ".")
	return strings.TrimLeft(aw, "0") == strings.TrimLeft(bw, "0") &&
		strings.TrimRight(af, "0") == strings.TrimRight(bf, "0")
}

func hasASCIIDigit(s string) bool { return nextDigit(s) < len(s) }

// nextDigit returns the offset of the first ASCII digit of s, or len(s).
// It tests eight bytes at a time: Chinese text holds few digits, and this
// scan is most of the cost of keyedQuantities.
func nextDigit(s string) int {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	i := 0
	// Bytes of multi-byte characters (every byte 80–FF) hold no ASCII
	// digit: skip them 32 at a time.
	for ; i+32 <= len(s); i += 32 {
		if w := s[i : i+32]; word(w[:8])&word(w[8:16])&word(w[16:24])&word(w[24:32])&high != high {
			break
		}
	}
	for ; i+8 <= len(s); i += 8 {
		x := word(s[i : i+8])
		if x&high == high {
			continue // eight bytes of multi-byte characters: no ASCII digit
		}
		// With each byte's top bit cleared (y ≤ 0x7F), y+0x50 sets the top
		// bit exactly when y ≥ '0' and y+0x46 when y > '9', with no carry
		// between bytes. A byte that had its top bit set is not ASCII.
		y := x &^ high
		ge0 := y + (0x80-'0')*ones
		gt9 := y + (0x80-'9'-1)*ones
		if ge0&^gt9&^x&high != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return i
		}
	}
	return len(s)
}

// keysMatch reports whether two subjects name the same thing: one ends with
// the other ("每年劝返率" and "劝返率").
func keysMatch(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if !strings.HasSuffix(a, b) {
		return false
	}
	_, n := decodeRune(b)
	return n < len(b) // at least two characters (utf8.RuneCountInString(b) >= 2)
}

// word reads the eight bytes of w as a little-endian uint64. The compiler
// turns it into one load; slicing the eight bytes first leaves one bounds
// check instead of eight.
func word(w string) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// decodeRune is utf8.DecodeRuneInString, decoding the three-byte characters
// that make up Chinese text (lead byte E0–EF) inline; anything else, and
// any invalid sequence, goes to utf8.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 {
		c0, c1, c2 := s[0], s[1], s[2]
		if c0&0xF0 == 0xE0 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) { // not overlong, not a surrogate
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s)
}
