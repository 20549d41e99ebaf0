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
	if len(t) > 7 && isDigits(t, 0, 4) && strings.HasPrefix(t[4:], "年") {
		t = t[4+len("年"):]
	}
	for _, p := range periods {
		if t == p {
			return true
		}
	}
	return false
}

// samePeriod compares two periods, ignoring a leading year: in an annual
// table 全年 and 2020年全年 are the same.
func samePeriod(a, b string) bool {
	strip := func(t string) string {
		if len(t) > 7 && isDigits(t, 0, 4) && strings.HasPrefix(t[4:], "年") {
			return t[4+len("年"):]
		}
		return t
	}
	return strip(a) == strip(b)
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

// suffixEnds are the last characters of the suffixes.
var suffixEnds = func() *runeSet {
	m := &runeSet{}
	for _, x := range suffixes {
		r, _ := utf8.DecodeLastRuneInString(x.s)
		m.add(r)
	}
	return m
}()

// runeSet is a set of characters. Those of the Basic Multilingual Plane
// (every character of the tables it is built from) are bits of a bitmap,
// so membership costs one load where a map would hash.
type runeSet struct {
	bits []uint64
	more map[rune]bool // characters above U+FFFF
}

// add puts r in s.
func (s *runeSet) add(r rune) {
	if r < 0 || r > 0xFFFF {
		if s.more == nil {
			s.more = map[rune]bool{}
		}
		s.more[r] = true
		return
	}
	for int(r>>6) >= len(s.bits) {
		s.bits = append(s.bits, 0)
	}
	s.bits[r>>6] |= 1 << (r & 63)
}

// has reports whether r is in s.
func (s *runeSet) has(r rune) bool {
	if r >= 0 && r <= 0xFFFF {
		return int(r>>6) < len(s.bits) && s.bits[r>>6]&(1<<(r&63)) != 0
	}
	return s.more[r]
}

// all lists the members of s in increasing order.
func (s *runeSet) all() []rune {
	var out []rune
	for w, bits := range s.bits {
		for b := range 64 {
			if bits&(1<<b) != 0 {
				out = append(out, rune(w<<6|b))
			}
		}
	}
	for r := range s.more {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
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
	if len(s) > 0 && isDigit(s[0]) {
		if v, ok := readSimple(s); ok {
			return v // the common shape: "30万元", "12.5%", "7期"
		}
	}
	first := mayStartValue(s)
	if first == 0 {
		return Value{} // most texts are sentences: decide on the first character
	}
	if len(s) > maxValueLen*4 || (len(s) > 48 && !hasDigit(s)) {
		return Value{} // a sentence: a period is short and a figure has digits
	}
	if periodStarts.has(first) {
		return readPeriod(s) // only a period starts so (TestPeriodStarts)
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
		if isDigit(t[0]) {
			break // no comparator word starts with a digit
		}
		if strings.HasPrefix(t, p.s) {
			v.Comparator = p.c
			t = t[len(p.s):]
			break
		}
	}
	for _, x := range suffixes {
		if last, _ := utf8.DecodeLastRuneInString(t); !suffixEnds.has(last) {
			break
		}
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
	if !validUnit(rest) {
		return Value{}
	}
	d, err := parseFigure(num)
	if err != nil {
		return Value{}
	}
	v.Number, v.Unit, v.OK = d, rest, true
	return v
}

// readSimple reads the most common shape of a value as the rest of
// ParseValue would, with less work: ASCII digits (at most 18, no leading
// zero), an optional fraction, and no unit, "%", or one to four characters
// of the CJK Unified Ideographs block other than 余 and 年 (which start
// other readings) and the last characters of the comparator suffixes. ok
// is false for any other text, and ParseValue reads it in full. Such a
// text needs no normalising, is no period, has no comparator, and its unit
// is valid; TestParseValueMatchesOracle and FuzzParseValueOracle hold the
// shortcut to the full reading.
func readSimple(s string) (v Value, ok bool) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	digits := i
	if digits == 0 || (digits > 1 && s[0] == '0') {
		return Value{}, false
	}
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == i+1 {
			return Value{}, false // "30." : closing punctuation, read in full
		}
		digits += j - i - 1
		i = j
	}
	if digits > 18 {
		return Value{}, false
	}
	num, unit := s[:i], s[i:]
	if unit != "" && unit != "%" {
		if len(unit)%3 != 0 || len(unit) > 12 {
			return Value{}, false
		}
		for k := 0; k < len(unit); k += 3 {
			r, n := decodeRune(unit[k:])
			if n != 3 || r < 0x4E00 || r > 0x9FFF || r == '余' || r == '年' {
				return Value{}, false
			}
			if k == len(unit)-3 && suffixEnds.has(r) {
				return Value{}, false
			}
		}
	}
	d, err := parseFigure(num)
	if err != nil {
		return Value{}, false
	}
	return Value{Number: d, Unit: unit, OK: true}, true
}

// hasDigit reports whether s holds an ASCII or full-width digit.
func hasDigit(s string) bool {
	if hasASCIIDigit(s) {
		return true
	}
	// Full-width ０–９ is EF BC 90 – EF BC 99.
	for i := strings.Index(s, "\xEF\xBC"); i >= 0 && i+2 < len(s); {
		if c := s[i+2]; c >= 0x90 && c <= 0x99 {
			return true
		}
		j := strings.Index(s[i+2:], "\xEF\xBC")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}

// normalizeValueText trims white space and closing punctuation and maps
// full-width digits, letters and symbols to their ASCII forms.
func normalizeValueText(s string) string {
	t := s
	if needsNormalizing(s) {
		var b strings.Builder
		b.Grow(len(s))
		for _, r := range s {
			switch {
			case r == utf8.RuneError:
				return ""
			case unicode.IsSpace(r):
				continue
			case r >= '！' && r <= '～': // full-width ASCII block
				r -= '！' - '!'
			case r == '≧':
				r = '≥'
			case r == '≦':
				r = '≤'
			case r == '﹪':
				r = '%'
			}
			b.WriteRune(r)
		}
		t = b.String()
	}
	return trimClosing(t)
}

// readPeriod reads s, which starts with the first character of a period,
// as ParseValue would: white space is dropped and closing punctuation
// (。 . ； ; ， , and their full-width forms) may only end the text; what
// remains must be a period.
func readPeriod(s string) Value {
	for _, p := range periods {
		if s == p {
			return Value{Period: p, OK: true} // as written: nothing to drop
		}
	}
	var buf [16]byte
	out := buf[:0]
	closing := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			return Value{}
		case unicode.IsSpace(r):
		case r == '。' || r == '.' || r == '；' || r == ';' || r == '，' || r == ',' || r == '．':
			closing = true
		case closing || len(out) > maxPeriodLen:
			return Value{} // text after closing punctuation, or too long
		case periodRunes.has(r):
			out = utf8.AppendRune(out, r)
		default:
			return Value{}
		}
	}
	for _, p := range periods {
		if string(out) == p {
			return Value{Period: p, OK: true}
		}
	}
	return Value{}
}

// trimClosing trims trailing 。 . ; , from normalised text t (the full-width
// ； and ， have become ; and , by then).
func trimClosing(t string) string {
	for len(t) > 0 {
		switch {
		case t[len(t)-1] == '.' || t[len(t)-1] == ';' || t[len(t)-1] == ',':
			t = t[:len(t)-1]
		case strings.HasSuffix(t, "。"):
			t = t[:len(t)-len("。")]
		default:
			return t
		}
	}
	return t
}

// needsNormalizing reports whether normalizeValueText must rewrite s: it
// holds white space, a full-width form, ≧ ≦ ﹪, or a byte that is not UTF-8.
func needsNormalizing(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || (c >= '\t' && c <= '\r') {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError, unicode.IsSpace(r), r >= '！' && r <= '～', r == '≧', r == '≦', r == '﹪':
			return true
		}
		i += n
	}
	return false
}

// mayStartValue returns the first character of s (after white space) if it
// can begin a value, else 0. A value begins with: a digit, the first character of a comparator
// word or symbol, or of a period. Anything else — the first character of a
// sentence — cannot, and ParseValue answers at once. The test
// TestParseValueMatchesOracle and FuzzParseValueOracle hold this shortcut
// to the full reading.
func mayStartValue(s string) rune {
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' || valueStarts.has(r) || periodStarts.has(r) {
			return r
		}
		return 0
	}
	return 0
}

// valueStarts holds the first characters of the comparator words and
// symbols (prefixes), as written before normalising: with the full-width
// forms of ASCII symbols and ≧ ≦ for ≥ ≤. periodStarts holds the first
// characters of periods, periodRunes every character of one, and
// maxPeriodLen the length of the longest in bytes. They are derived from the
// tables, so that a word added there is read.
var valueStarts, periodStarts, periodRunes, maxPeriodLen = func() (starts, pstarts, prunes *runeSet, maxLen int) {
	starts, pstarts, prunes = &runeSet{}, &runeSet{}, &runeSet{}
	for _, p := range prefixes {
		r, _ := utf8.DecodeRuneInString(p.s)
		starts.add(r)
		if r >= '!' && r <= '~' {
			starts.add(r + '！' - '!') // its full-width form
		}
	}
	if starts.has('≥') {
		starts.add('≧')
	}
	if starts.has('≤') {
		starts.add('≦')
	}
	for _, p := range periods {
		r, _ := utf8.DecodeRuneInString(p)
		pstarts.add(r)
		for _, r := range p {
			prunes.add(r)
		}
		maxLen = max(maxLen, len(p))
	}
	return starts, pstarts, prunes, maxLen
}()

// readNumber reads digits with an optional fraction and optional thousands
// commas from the start of s.
func readNumber(s string) (num, rest string, ok bool) {
	i, digits, commas := 0, 0, false
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
			commas = true
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
	end := i
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
	if !commas {
		return s[:i], s[i:], true
	}
	return strings.ReplaceAll(s[:end], ",", "") + s[end:i], s[i:], true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// parseFigure converts num, ASCII digits with an optional fraction as
// readNumber returns them, to a decimal with the places it is written with:
// what decimal.NewFromString gives, without its general string handling
// for a figure of up to 18 digits (most).
func parseFigure(num string) (decimal.Decimal, error) {
	var v int64
	var exp int32
	digits, point := 0, false
	for i := 0; i < len(num); i++ {
		switch c := num[i]; {
		case isDigit(c) && digits < 18:
			v = v*10 + int64(c-'0')
			digits++
			if point {
				exp--
			}
		case c == '.' && !point:
			point = true
		default:
			return decimal.NewFromString(num) // 19 digits or more, or not a figure
		}
	}
	if digits == 0 {
		return decimal.NewFromString(num)
	}
	return decimal.New(v, exp), nil
}

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
	slash := strings.Count(u, "/")
	if slash > 1 {
		return false
	}
	if slash == 1 {
		a, b, _ := strings.Cut(u, "/")
		if a == "" || b == "" {
			return false
		}
	}
	for part, rest, more := strings.Cut(u, "/"); ; part, rest, more = strings.Cut(rest, "/") {
		if i := strings.Index(part, "年"); i >= 0 && i != len(part)-len("年") {
			return false
		}
		if !more {
			break
		}
	}
	for _, r := range u {
		switch {
		case r == '/' || r == '%' || r == '‰':
		case isHan(r), r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
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
