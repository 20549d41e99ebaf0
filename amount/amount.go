package amount

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Unit is the amount unit a document states its figures in.
type Unit string

const (
	// TenThousandYuan is 万元, the unit of published 决算 tables.
	TenThousandYuan Unit = "万元"
	// Yuan is 元, the unit of the internal 财决 tables and of accounting records.
	Yuan Unit = "元"
)

// Valid reports whether u is one of the two known units.
func (u Unit) Valid() bool { return u == TenThousandYuan || u == Yuan }

// Places is the number of decimal places a published figure in u carries:
// 2 for both 万元 and 元.
func (u Unit) Places() int32 { return 2 }

// MaxIntegerDigits and MaxFractionDigits bound the amount pattern. Six
// fraction digits are enough to hold any 元 figure with fen exactly in 万元.
const (
	MaxIntegerDigits  = 12
	MaxFractionDigits = 6
)

// Pattern is the regular expression (ECMA 262 and RE2 compatible) that every
// amount on the wire matches, and that the JSON Schema export uses. It admits
// no exponent, no leading plus, no leading zeros and at most 12+6 digits (10^12 万元 is far beyond any budget, and every amount then fits the int64 fast path), so
// hostile inputs such as "1e999999999" are rejected before any arithmetic.
//
// It also admits no negative zero ("-0", "-0.00"): that would decode to 0
// and re-encode without its sign. The last alternative is -0.x with a
// non-zero digit among at most six fraction digits.
const Pattern = `^(-?[1-9][0-9]{0,11}(\.[0-9]{1,6})?|0(\.[0-9]{1,6})?|-0\.([1-9][0-9]{0,5}|0[1-9][0-9]{0,4}|00[1-9][0-9]{0,3}|000[1-9][0-9]{0,2}|0000[1-9][0-9]?|00000[1-9]))$`

// ErrSyntax is wrapped by every error Parse returns.
var ErrSyntax = errors.New("amount: not a decimal of the form -?DDD.DD")

// SyntaxError describes an amount that does not match Pattern.
type SyntaxError struct {
	Input  string // the input, cut to 40 bytes and its length (see clip)
	Reason string // what is wrong, in English
}

// Error quotes the input and says what is wrong and what is wanted.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("amount %q: %s (want %s)", e.Input, e.Reason, patternSummary)
}

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// Amount is one figure of a 决算 table. Its zero value is absent: a figure
// the source does not state. Absent is not zero; arithmetic on an absent
// figure yields an absent result and checks that need it are skipped.
//
// On the wire an Amount is a JSON string matching Pattern; it keeps the
// number of decimal places it was written with, so "40.50" re-encodes as
// "40.50". Struct fields of type Amount should carry `json:",omitzero"` so that
// an absent figure is omitted rather than written as null.
type Amount struct {
	// An Amount has one of two representations, and fast says which.
	//
	// fast: the value is m×10^−6 exactly, written with exponent exp (the
	// decimal coefficient m/10^(6+exp), which divides exactly), exp in
	// [−6, 6]; d is unused. Parse and every operation whose result fits
	// take this form, so most figures never build a big.Int: dec builds
	// the decimal only when asked (Decimal, or an operation that leaves
	// the int64 range and continues on decimals).
	//
	// !fast: d holds the value (a figure beyond the int64 range, or from
	// an operation on one); m and exp are unused.
	//
	// Either way the value, the exponent and whether Micro succeeds are
	// exactly those that the decimal-only computation gives (withDecimal
	// and fromCoef decide the form the way microOf does).
	d    decimal.Decimal
	m    int64
	exp  int32
	set  bool
	fast bool
	// rounded is, for a figure derived from rounded figures (see
	// WithRounded), how many of them it is made of; 0 for a stated
	// figure and for every result of arithmetic.
	rounded uint16
}

// WithRounded returns a marked as the sum of n rounded figures (n is
// capped at 65535), as accounts.Report.Calculate marks a figure it derived
// from stated 万元 figures, so that a comparison with it admits the
// rounding of all of them (Tolerance.RoundedBound). The mark does not
// change the value, its text or its JSON, and arithmetic drops it.
func (a Amount) WithRounded(n int) Amount {
	a.rounded = uint16(min(max(n, 0), math.MaxUint16))
	return a
}

// Rounded returns how many rounded figures a stands for: the count given
// to WithRounded, or 1 for a figure without a mark (a stated figure).
func (a Amount) Rounded() int {
	if a.rounded == 0 {
		return 1
	}
	return int(a.rounded)
}

// New returns a present amount holding d.
func New(d decimal.Decimal) Amount { return withDecimal(d) }

// withDecimal is the present amount d, on the fast path when microOf
// admits it.
func withDecimal(d decimal.Decimal) Amount {
	if m, ok := microOf(d); ok {
		return Amount{m: m, exp: d.Exponent(), set: true, fast: true}
	}
	return Amount{d: d, set: true}
}

// fromCoef is withDecimal(decimal.New(coef, exp)) without building the
// decimal when the result is on the fast path: microOf admits exponents in
// [−6, 6] and coefficients of at most 18 digits whose value×10^6 fits.
func fromCoef(coef int64, exp int32) Amount {
	const lim = 1_000_000_000_000_000_000 // 10^18: 19 digits
	if exp >= -MaxFractionDigits && exp <= 6 && coef > -lim && coef < lim {
		if p := pow10[MaxFractionDigits+exp]; coef <= math.MaxInt64/p && coef >= math.MinInt64/p {
			return Amount{m: coef * p, exp: exp, set: true, fast: true}
		}
	}
	return Amount{d: decimal.New(coef, exp), set: true}
}

// coef is the decimal coefficient of a fast amount.
func (a Amount) coef() int64 { return a.m / pow10[MaxFractionDigits+a.exp] }

// dec is the value as a decimal; for a fast amount it is built here.
func (a Amount) dec() decimal.Decimal {
	if a.fast {
		return decimal.New(a.coef(), a.exp)
	}
	return a.d
}

// exponent is the decimal exponent of a, without building the decimal.
func (a Amount) exponent() int32 {
	if a.fast {
		return a.exp
	}
	return a.d.Exponent()
}

// Zero is a stated zero, as in "上级补助收入0万元".
var Zero = Amount{set: true, fast: true}

// FromInt returns the present amount v.
func FromInt(v int64) Amount { return fromCoef(v, 0) }

// Parse reads s, which must match Pattern. The empty string is an error;
// use the zero Amount for an absent figure.
//
// Pattern admits at most 18 digits, so the coefficient always fits an
// int64: Parse reads it straight from the digits, without the big-integer
// parse of decimal.NewFromString (parseDecimal, which FuzzParse holds it
// equal to), and builds no decimal.
func Parse(s string) (Amount, error) { return parse(s) }

// parse is Parse for a string or, from UnmarshalText, the bytes themselves
// (no conversion, and no allocation unless the text is malformed).
func parse[T string | []byte](s T) (Amount, error) {
	if err := checkSyntax(s); err != nil {
		return Amount{}, err
	}
	var coef int64
	scale := int32(-1) // digits after the point; -1 before the point
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '-':
		case '.':
			scale = 0
		default:
			coef = coef*10 + int64(c-'0')
			if scale >= 0 {
				scale++
			}
		}
	}
	scale = max(scale, 0)
	if s[0] == '-' {
		coef = -coef
	}
	return Amount{m: coef * pow10[MaxFractionDigits-scale], exp: -scale, set: true, fast: true}, nil
}

// parseDecimal is Parse by decimal.NewFromString: the general parse, kept
// for FuzzParse.
func parseDecimal(s string) (Amount, error) {
	if err := checkSyntax(s); err != nil {
		return Amount{}, err
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Amount{}, &SyntaxError{Input: clip(s), Reason: err.Error()}
	}
	return withDecimal(d), nil
}

// MustParse is Parse for literals in tests and examples; it panics on a
// malformed literal, like regexp.MustCompile.
func MustParse(s string) Amount {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// clip cuts s to at most 40 bytes, at a character boundary, for a message,
// and says how long it was: "123…(1048576 bytes)".
func clip[T string | []byte](s T) string {
	if len(s) <= 40 {
		return string(s)
	}
	n := 40
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return fmt.Sprintf("%s…(%d bytes)", s[:n], len(s))
}

// unexpected names the character at s[i]: "unexpected U+FF0C '，'" for a
// non-ASCII one, not its first byte.
func unexpected[T string | []byte](s T, i int) string {
	r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
	switch {
	case r == utf8.RuneError && size <= 1:
		return fmt.Sprintf("unexpected byte 0x%02X (not UTF-8)", s[i])
	case r >= utf8.RuneSelf:
		return fmt.Sprintf("unexpected %U %q", r, r)
	}
	return fmt.Sprintf("unexpected %q", r)
}

// checkSyntax matches Pattern by hand: it is on the decode hot path. Only
// an error converts s.
func checkSyntax[T string | []byte](s T) error {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n := i - start
	switch {
	case n == 0:
		if len(s) == 0 {
			return &SyntaxError{Input: "", Reason: "empty"}
		}
		return &SyntaxError{Input: clip(s), Reason: "no integer digits"}
	case n > 1 && s[start] == '0':
		return &SyntaxError{Input: clip(s), Reason: "leading zero"}
	case n > MaxIntegerDigits:
		return &SyntaxError{Input: clip(s), Reason: fmt.Sprintf("more than %d integer digits", MaxIntegerDigits)}
	}
	if i == len(s) {
		return negativeZero(s)
	}
	if s[i] != '.' {
		return &SyntaxError{Input: clip(s), Reason: unexpected(s, i)}
	}
	i++
	fs := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	f := i - fs
	switch {
	case f == 0:
		return &SyntaxError{Input: clip(s), Reason: "no digits after the point"}
	case f > MaxFractionDigits:
		return &SyntaxError{Input: clip(s), Reason: fmt.Sprintf("more than %d fraction digits", MaxFractionDigits)}
	case i != len(s):
		return &SyntaxError{Input: clip(s), Reason: unexpected(s, i)}
	}
	return negativeZero(s)
}

// IsZero reports whether a is absent (the Go zero value). It exists for the
// `omitzero` struct tag. To ask whether a stated figure is 0, use IsNil or
// Sign.
func (a Amount) IsZero() bool { return !a.set }

// IsSet reports whether the figure is stated.
func (a Amount) IsSet() bool { return a.set }

// IsNil reports whether a is a stated zero.
func (a Amount) IsNil() bool { return a.set && a.Sign() == 0 }

// Sign returns -1, 0 or +1; an absent amount has sign 0.
func (a Amount) Sign() int {
	switch {
	case !a.set:
		return 0
	case !a.fast:
		return a.d.Sign()
	case a.m < 0:
		return -1
	case a.m > 0:
		return 1
	}
	return 0
}

// Decimal returns the value and whether it is stated. For a figure on the
// int64 fast path the decimal is built here.
func (a Amount) Decimal() (decimal.Decimal, bool) { return a.dec(), a.set }

// Places returns the number of decimal places a was written with.
func (a Amount) Places() int32 {
	if e := a.exponent(); e < 0 {
		return -e
	}
	return 0
}

// String formats a with the decimal places it was written with; an absent
// amount formats as "（未列示）" (not stated).
func (a Amount) String() string {
	if !a.set {
		return "（未列示）"
	}
	return a.StringFixed(a.Places())
}

// StringFixed formats a with exactly places decimal places (rounding half
// away from zero, 四舍五入). An absent amount formats as "".
func (a Amount) StringFixed(places int32) string {
	if !a.set {
		return ""
	}
	if a.fast && places >= 0 && places <= MaxFractionDigits {
		var buf [fixedLen]byte
		return string(a.fixed(&buf, places))
	}
	return a.dec().StringFixed(places)
}

// fixedLen bounds the text of a fast amount: a sign, 19 digits and a point.
const fixedLen = 24

// fixed writes a fast amount rounded to places (0…6) decimal places, half
// away from zero, as decimal.StringFixed does: no sign when the rounded
// value is 0. It returns the end of buf.
func (a Amount) fixed(buf *[fixedLen]byte, places int32) []byte {
	q := roundDiv(a.m, pow10[MaxFractionDigits-places])
	u := uint64(q)
	if q < 0 {
		u = -u
	}
	i := len(buf)
	for range places {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if places > 0 {
		i--
		buf[i] = '.'
	}
	for {
		i--
		buf[i] = byte('0' + u%10)
		if u /= 10; u == 0 {
			break
		}
	}
	if q < 0 {
		i--
		buf[i] = '-'
	}
	return buf[i:]
}

// roundDiv is x/p rounded half away from zero, for p ≥ 1.
func roundDiv(x, p int64) int64 {
	q, r := x/p, x%p
	if r < 0 {
		r = -r
	}
	if r >= p-r { // 2|r| ≥ p: the dropped part is at least one half
		if x < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

// MarshalText encodes a stated amount; it is an error to encode an absent
// one (use omitzero).
func (a Amount) MarshalText() ([]byte, error) {
	if !a.set {
		return nil, errors.New("amount: cannot encode an absent amount; tag the field omitzero")
	}
	if a.fast {
		var buf [fixedLen]byte
		return append([]byte(nil), a.fixed(&buf, a.Places())...), nil
	}
	return []byte(a.d.StringFixed(a.Places())), nil
}

// UnmarshalText decodes an amount matching Pattern. It reads b in place and
// allocates nothing unless b is malformed.
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := parse(b)
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// Equal reports whether a and b are both absent, or both stated and equal in
// value (40.5 equals 40.50).
func (a Amount) Equal(b Amount) bool {
	if a.set != b.set {
		return false
	}
	if !a.set {
		return true
	}
	if a.fast && b.fast {
		return a.m == b.m
	}
	return a.dec().Equal(b.dec())
}

// Cmp compares two stated amounts; absent amounts compare as 0.
func (a Amount) Cmp(b Amount) int {
	if a.fast && b.fast {
		switch {
		case a.m < b.m:
			return -1
		case a.m > b.m:
			return 1
		}
		return 0
	}
	return a.dec().Cmp(b.dec())
}

// Add returns a+b, absent if either is absent. Its exponent is the smaller
// of the two, as decimal.Add gives.
func (a Amount) Add(b Amount) Amount {
	if !a.set || !b.set {
		return Amount{}
	}
	if a.fast && b.fast {
		if m, ok := addInt(a.m, b.m); ok {
			return Amount{m: m, exp: min(a.exp, b.exp), set: true, fast: true}
		}
	}
	return Amount{d: a.dec().Add(b.dec()), set: true}
}

// Sub returns a−b, absent if either is absent.
func (a Amount) Sub(b Amount) Amount {
	if !a.set || !b.set {
		return Amount{}
	}
	if a.fast && b.fast && b.m != math.MinInt64 {
		if m, ok := addInt(a.m, -b.m); ok {
			return Amount{m: m, exp: min(a.exp, b.exp), set: true, fast: true}
		}
	}
	return Amount{d: a.dec().Sub(b.dec()), set: true}
}

// SumDiff returns plus[0] + … + plus[n−1] − minus[0] − … − minus[m−1]:
// exactly the amount that adding and subtracting them one by one with Add
// and Sub gives, in value and in decimal places (those of the addend with
// the most). It is absent when plus is empty or any figure is absent. When
// every figure is on the int64 fast path it computes there and builds no
// decimal.
func SumDiff(plus, minus []Amount) Amount {
	if len(plus) == 0 {
		return Amount{}
	}
	exp, fast := plus[0].exponent(), true
	var m int64
	for i, a := range plus {
		if !a.set {
			return Amount{}
		}
		exp = min(exp, a.exponent())
		if i == 0 {
			m, fast = a.m, a.fast
		} else if fast {
			if fast = a.fast; fast {
				m, fast = addInt(m, a.m)
			}
		}
	}
	for _, a := range minus {
		if !a.set {
			return Amount{}
		}
		exp = min(exp, a.exponent())
		if fast {
			if fast = a.fast && a.m != math.MinInt64; fast {
				m, fast = addInt(m, -a.m)
			}
		}
	}
	if fast {
		// Every figure is fast, so exp is in [−6, 6] and m a whole
		// multiple of 10^(6+exp).
		return Amount{m: m, exp: exp, set: true, fast: true}
	}
	s := plus[0]
	for _, a := range plus[1:] {
		s = s.Add(a)
	}
	for _, a := range minus {
		s = s.Sub(a)
	}
	return s
}

// pow10[i] is 10^i.
var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13}

// Neg returns −a.
func (a Amount) Neg() Amount {
	if !a.set {
		return a
	}
	if a.fast {
		if c := a.coef(); c != math.MinInt64 {
			return fromCoef(-c, a.exp)
		}
	}
	return withDecimal(a.dec().Neg())
}

// Round rounds a to places decimal places, half away from zero (四舍五入).
// Rounding is never implicit: only Round and StringFixed round.
func (a Amount) Round(places int32) Amount {
	if !a.set {
		return a
	}
	if a.fast {
		switch {
		case a.exp == -places:
			// decimal.Round returns such a value unchanged; fromCoef
			// re-derives the path, as withDecimal did.
			return fromCoef(a.coef(), a.exp)
		case places >= -6 && places <= MaxFractionDigits:
			return fromCoef(roundDiv(a.m, pow10[MaxFractionDigits-places]), -places)
		}
	}
	return withDecimal(a.dec().Round(places))
}

// Convert re-expresses a, stated in from, in unit to. The conversion is exact:
// 1 元 = 0.0001 万元, and no rounding takes place. Round the result
// explicitly if a published precision is wanted.
func (a Amount) Convert(from, to Unit) Amount {
	if !a.set || from == to {
		return a
	}
	var shift int32
	switch {
	case from == Yuan && to == TenThousandYuan:
		shift = -4
	case from == TenThousandYuan && to == Yuan:
		shift = 4
	default:
		return Amount{}
	}
	if a.fast {
		return fromCoef(a.coef(), a.exp+shift)
	}
	return withDecimal(a.d.Shift(shift))
}

// Ratio returns a/b×100 rounded to places decimal places (a percentage, as
// printed in narratives: two places, 四舍五入, half away from zero). The
// exact quotient is rounded once. ok is false when either is absent or b is
// zero.
func Ratio(a, b Amount, places int32) (pct decimal.Decimal, ok bool) {
	if !a.set || !b.set || b.Sign() == 0 {
		return decimal.Decimal{}, false
	}
	if q, ok := ratioMicro(a, b, places); ok {
		return decimal.New(q, -places), true
	}
	return a.dec().Mul(hundred).DivRound(b.dec(), places), true
}

var hundred = decimal.NewFromInt(100)

// ratioMicro is Ratio on the int64 fast path: a/b×100×10^places rounded
// half away from zero, in 128-bit integer arithmetic. ok is false when a
// figure is not on the fast path, places is outside 0…8, or the result
// does not fit an int64; Ratio then divides decimals.
func ratioMicro(a, b Amount, places int32) (int64, bool) {
	if !a.fast || !b.fast || b.m == 0 || places < 0 || places > 8 {
		return 0, false
	}
	x, y := uint64(a.m), uint64(b.m)
	if a.m < 0 {
		x = -x
	}
	if b.m < 0 {
		y = -y
	}
	hi, lo := bits.Mul64(x, 100*uint64(pow10[places]))
	if hi >= y {
		return 0, false // the quotient needs more than 64 bits
	}
	q, r := bits.Div64(hi, lo, y)
	if r >= y-r { // 2r ≥ y: the dropped part is at least one half
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	if (a.m < 0) != (b.m < 0) {
		return -int64(q), true
	}
	return int64(q), true
}

// Micro returns a×10^6 as an int64 when that is exact and fits, the fast
// path used by sums and comparisons.
func (a Amount) Micro() (int64, bool) { return a.m, a.set && a.fast }

func microOf(d decimal.Decimal) (int64, bool) {
	e := d.Exponent()
	if e < -MaxFractionDigits || e > 6 {
		return 0, false
	}
	if d.NumDigits() > 18 {
		return 0, false // the coefficient may not fit an int64
	}
	v := d.CoefficientInt64() // exact: at most 18 digits, and no copy of the big.Int
	for k := e + MaxFractionDigits; k > 0; k-- {
		if v > math.MaxInt64/10 || v < math.MinInt64/10 {
			return 0, false
		}
		v *= 10
	}
	return v, true
}

func addInt(x, y int64) (int64, bool) {
	s := x + y
	if (x > 0 && y > 0 && s < 0) || (x < 0 && y < 0 && s >= 0) {
		return 0, false
	}
	return s, true
}
