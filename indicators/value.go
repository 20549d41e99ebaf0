package indicators

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Comparator is the 计算符号 of a parsed value.
type Comparator uint8

const (
	// Plain: the figure is written without a comparator ("30万元"). Checks
	// treat it like EQ for actual values and like GE for targets (a plain
	// target is met by reaching it).
	Plain Comparator = iota
	// GE is ≥ (≥, >=, 不低于, 不少于, 至少, 达到, …以上).
	GE
	// LE is ≤ (≤, <=, 不高于, 不超过, 不多于, 至多, …以下, …以内).
	LE
	// EQ is = written out (=, 等于).
	EQ
	// Approx is ≈ (约, 大约, ≈, …左右).
	Approx
	// GT is > (>, 大于, 高于, 超过, N余).
	GT
	// LT is < (<, 小于, 低于).
	LT
)

var comparatorSymbols = [...]string{"", "≥", "≤", "=", "≈", ">", "<"}

// String returns the symbol: "", ≥, ≤, =, ≈, >, <.
func (c Comparator) String() string {
	if int(c) < len(comparatorSymbols) {
		return comparatorSymbols[c]
	}
	return "?"
}

// Upper reports whether the comparator bounds from above (≤ or <): a target
// that is met by staying below it, scored inversely.
func (c Comparator) Upper() bool { return c == LE || c == LT }

// Value is what ParseValue reads from a target or actual value as written.
// It is never stored on the wire: the text is, and the Value is derived from
// it whenever needed.
type Value struct {
	// Number is the figure (absent for a period).
	Number decimal.Decimal
	// Unit is the unit as written after the figure, normalised: "万元",
	// "%", "期/年", "" for a bare number.
	Unit string
	// Comparator is the 计算符号.
	Comparator Comparator
	// Period is set, instead of Number, when the value names a period such as
	// 全年 (see ParseValue).
	Period string
	// OK reports that the whole text was read. When it is false the value is
	// text: nothing is guessed from it.
	OK bool
}

// IsPeriod reports whether v is a period such as 全年.
func (v Value) IsPeriod() bool { return v.OK && v.Period != "" }

// IsQuantity reports whether v is a number with a unit.
func (v Value) IsQuantity() bool { return v.OK && v.Period == "" }

// String writes v back in canonical form, e.g. "≥95%", "≈90%", "30万元",
// "全年"; the empty string for a value that did not parse.
func (v Value) String() string {
	switch {
	case !v.OK:
		return ""
	case v.Period != "":
		return v.Period
	}
	return v.Comparator.String() + v.Number.String() + v.Unit
}

// periods are the texts read as a period rather than a figure. A time
// target of 全年 ("the whole year") is met by an actual value naming the same
// period; it has no number to compare or score proportionally.
var periods = []string{"全年", "全年度", "年内", "年度内", "当年", "本年", "本年度"}

// isPeriod reports whether t is a period, optionally after a year:
// 全年, 2020年全年.
func isPeriod(t string) bool {
	return slices.Contains(periods, withoutYear(t))
}

// samePeriod compares two periods, ignoring a leading year: in an annual
// table 全年 and 2020年全年 are the same.
func samePeriod(a, b string) bool {
	return withoutYear(a) == withoutYear(b)
}

// withoutYear drops a leading year ("2020年") from t, if something follows
// it.
func withoutYear(t string) string {
	if len(t) > 7 && isDigits(t, 0, 4) && strings.HasPrefix(t[4:], "年") {
		return t[4+len("年"):]
	}
	return t
}

// prefixes and suffixes are the comparators written as words.
var prefixes = []struct {
	s string
	c Comparator
}{
	{"大于等于", GE}, {"不低于", GE}, {"不少于", GE}, {"至少", GE}, {"达到", GE}, {">=", GE}, {"≥", GE},
	{"小于等于", LE}, {"不高于", LE}, {"不超过", LE}, {"不多于", LE}, {"至多", LE}, {"<=", LE}, {"≤", LE},
	{"大约", Approx}, {"约", Approx}, {"≈", Approx}, {"~", Approx},
	{"等于", EQ}, {"=", EQ},
	{"大于", GT}, {"高于", GT}, {"超过", GT}, {">", GT},
	{"小于", LT}, {"低于", LT}, {"<", LT},
}

var suffixes = []struct {
	s string
	c Comparator
}{
	{"及以上", GE}, {"以上", GE}, {"及以下", LE}, {"以下", LE}, {"以内", LE}, {"左右", Approx},
}

// maxValueLen bounds the text ParseValue tries to read; longer texts are
// sentences, not values.
const maxValueLen = 64

// maxDigits bounds the digits of a figure, so no hostile input builds a
// huge decimal.
const maxDigits = 24

// ParseValue reads a target or actual value as written: "30万元", "2.5万元",
// "12期/年", "≥95%", "90%左右" (≈), "约80%", "840余册" (> 840 册), "全年".
//
// A value is an optional comparator word or symbol, a figure (ASCII or
// full-width digits, optional decimal point and thousands commas), an
// optional unit of at most eight letters (CJK or Latin, % ‰ and one "/"
// for a rate such as 期/年), and an optional comparator suffix (以上 以下
// 以内 左右). Trailing 。 . ； ; and surrounding white space are ignored.
//
// 全年 and similar texts (全年度, 年内, 年度内, 当年, 本年, 本年度), optionally
// after a year (2020年全年), are read as a period: OK is true, Period holds
// the text and Number is zero. A period is not a number: a period target is
// met by an actual value naming the same period (a leading year ignored),
// and is never scored proportionally.
//
// Anything else — a sentence, a Chinese numeral (两次), a figure with a
// subject (劝返率达90%) — stays text: OK is false and nothing is guessed.
// ParseValue never panics.
func ParseValue(s string) Value {
	if len(s) > maxValueLen*4 || (len(s) > 48 && !hasDigit(s)) {
		return Value{} // a sentence: a period is short and a figure has digits
	}
	t := normalizeValueText(s)
	if t == "" || utf8.RuneCountInString(t) > maxValueLen {
		return Value{}
	}
	if isPeriod(t) {
		return Value{Period: t, OK: true}
	}
	var v Value
	for _, p := range prefixes {
		if strings.HasPrefix(t, p.s) {
			v.Comparator = p.c
			t = t[len(p.s):]
			break
		}
	}
	for _, x := range suffixes {
		if strings.HasSuffix(t, x.s) {
			if v.Comparator != Plain && v.Comparator != x.c {
				return Value{} // "≤90%以上": contradictory, stay text
			}
			v.Comparator = x.c
			t = t[:len(t)-len(x.s)]
			break
		}
	}
	num, rest, ok := readNumber(t)
	if !ok {
		return Value{}
	}
	if strings.HasPrefix(rest, "余") { // 840余册: more than 840
		if v.Comparator != Plain {
			return Value{}
		}
		v.Comparator = GT
		rest = rest[len("余"):]
	}
	if !validUnit(rest) || endsWithComparator(rest) {
		return Value{}
	}
	d, err := parseNumber(num)
	if err != nil {
		return Value{}
	}
	v.Number, v.Unit, v.OK = d, rest, true
	return v
}

// parseNumber returns the decimal num, digits with an optional fraction as
// readNumber gives them. A figure of at most 18 digits is read into an
// int64 coefficient, which is what decimal.NewFromString does too after
// joining the digits into a new string; a longer one goes through
// decimal.NewFromString. Both give the same coefficient and exponent.
func parseNumber(num string) (decimal.Decimal, error) {
	var coef int64
	var exp int32
	digits, point := 0, false
	for i := 0; i < len(num); i++ {
		c := num[i]
		switch {
		case c == '.' && !point:
			point = true
			continue
		case !isDigit(c):
			return decimal.NewFromString(num)
		}
		if digits++; digits > 18 {
			return decimal.NewFromString(num)
		}
		coef = coef*10 + int64(c-'0')
		if point {
			exp--
		}
	}
	if digits == 0 {
		return decimal.NewFromString(num)
	}
	return decimal.New(coef, exp), nil
}

// endsWithComparator reports whether unit ends with a comparator word (以上,
// 左右, …): "0左右左右" names the comparator twice and stays text, since its
// canonical form "≈0左右" would read back as ≈0.
func endsWithComparator(unit string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(unit, x.s) {
			return true
		}
	}
	return false
}

// hasDigit reports whether s holds an ASCII or full-width digit.
func hasDigit(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r >= '0' && r <= '9' || r >= '０' && r <= '９'
	})
}

// normalizeValueText drops white space, maps full-width digits, letters and
// symbols to their ASCII forms (and ≧ ≦ ﹪ to ≥ ≤ %), and trims trailing
// closing punctuation (。 . ; ,). Text that is not UTF-8 gives "".
func normalizeValueText(s string) string {
	invalid := false
	t := strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError:
			invalid = true
		case unicode.IsSpace(r):
			return -1
		case r >= '！' && r <= '～': // full-width ASCII block
			return r - ('！' - '!')
		case r == '≧':
			return '≥'
		case r == '≦':
			return '≤'
		case r == '﹪':
			return '%'
		}
		return r
	}, s)
	if invalid {
		return ""
	}
	return strings.TrimRight(t, "。.;,")
}

// readNumber reads digits with an optional fraction and optional thousands
// commas from the start of s: num is the figure without its commas.
func readNumber(s string) (num, rest string, ok bool) {
	i, digits := 0, 0
	for i < len(s) {
		c := s[i]
		if isDigit(c) {
			digits++
			i++
			if digits > maxDigits {
				return "", "", false
			}
			continue
		}
		// A thousands separator: exactly three digits follow.
		if c == ',' && digits > 0 && isDigits(s, i+1, 3) && (i+4 == len(s) || !isDigit(s[i+4])) {
			i++
			continue
		}
		break
	}
	if digits == 0 {
		return "", "", false
	}
	if digits > 1 && s[0] == '0' {
		return "", "", false // leading zero: "007" is a code, not a figure
	}
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == i+1 || digits+(j-i-1) > maxDigits {
			return "", "", false
		}
		i = j
	}
	return strings.ReplaceAll(s[:i], ",", ""), s[i:], true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string, from, n int) bool {
	if from+n > len(s) {
		return false
	}
	for k := from; k < from+n; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

// validUnit accepts "", or up to eight letters (CJK ideographs or Latin),
// % and ‰, with at most one "/" between two non-empty parts. 年 may only
// end a part (年, 周年, 人/年), so dates such as 2020年全年 or 2020年上半年
// stay text.
func validUnit(u string) bool {
	if u == "" {
		return true
	}
	if utf8.RuneCountInString(u) > 8 || strings.Contains(u, "余") {
		return false
	}
	a, b, rate := strings.Cut(u, "/")
	if rate && (a == "" || b == "" || strings.Contains(b, "/")) {
		return false
	}
	for _, part := range []string{a, b} {
		if i := strings.Index(part, "年"); i >= 0 && i != len(part)-len("年") {
			return false
		}
	}
	for _, r := range u {
		switch {
		case r == '/' || r == '%' || r == '‰':
		case unicode.Is(unicode.Han, r), r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		default:
			return false
		}
	}
	return true
}

// unitScale places money and percentage units on one scale so that values
// written in different units compare: 元/万元/亿元 and %/‰.
var unitScale = map[string]struct {
	family string
	exp    int32 // value in the family's base unit = number × 10^exp
}{
	"元":  {"money", 0},
	"万元": {"money", 4},
	"亿元": {"money", 8},
	"%":  {"percent", 0},
	"‰":  {"percent", -1},
}

// baseUnit is the unit before "/": 期/年 → 期.
func baseUnit(u string) string {
	b, _, _ := strings.Cut(u, "/")
	return b
}

// comparable returns a and b as numbers on a common scale, if their units
// allow: the same money or percentage family, or the same base unit (期/年
// and 期 compare: the tables are annual). Periods never compare as numbers.
func commonScale(a, b Value) (x, y decimal.Decimal, ok bool) {
	if !a.IsQuantity() || !b.IsQuantity() {
		return decimal.Decimal{}, decimal.Decimal{}, false
	}
	sa, oka := unitScale[a.Unit]
	sb, okb := unitScale[b.Unit]
	switch {
	case oka && okb && sa.family == sb.family:
		return a.Number.Shift(sa.exp), b.Number.Shift(sb.exp), true
	case oka || okb:
		return decimal.Decimal{}, decimal.Decimal{}, false
	}
	pa, pb := a.Unit, b.Unit
	_, ra, _ := strings.Cut(pa, "/")
	_, rb, _ := strings.Cut(pb, "/")
	if baseUnit(pa) != baseUnit(pb) || (ra != "" && rb != "" && ra != rb) {
		return decimal.Decimal{}, decimal.Decimal{}, false
	}
	return a.Number, b.Number, true
}

// InUnit returns v's figure expressed in unit, when v's unit converts to it
// exactly (元 ↔ 万元 ↔ 亿元, % ↔ ‰, or the same unit).
func (v Value) InUnit(unit string) (decimal.Decimal, bool) {
	if !v.IsQuantity() {
		return decimal.Decimal{}, false
	}
	if v.Unit == unit {
		return v.Number, true
	}
	sa, oka := unitScale[v.Unit]
	sb, okb := unitScale[unit]
	if !oka || !okb || sa.family != sb.family {
		return decimal.Decimal{}, false
	}
	return v.Number.Shift(sa.exp - sb.exp), true
}
