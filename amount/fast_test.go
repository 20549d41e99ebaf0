package amount

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// ref is the decimal-only model of an Amount, as Amount was before it held
// fast figures as int64s: the value as a decimal, and the int64 micro-unit
// view (Micro) by the rules the fast path followed. It is written with
// decimal and big.Int only and shares no table or helper with the code
// under test.
type ref struct {
	d    decimal.Decimal
	set  bool
	fast bool
	m    int64 // d×10^6 when fast
}

var refMillion = decimal.New(1, 6)

// refOf is the stated d, on the fast path when its exponent is in [−6, 6],
// its coefficient has at most 18 digits and d×10^6 fits an int64.
func refOf(d decimal.Decimal) ref {
	r := ref{d: d, set: true}
	if e := d.Exponent(); e < -6 || e > 6 || d.NumDigits() > 18 {
		return r
	}
	if v := d.Mul(refMillion).BigInt(); v.IsInt64() { // exact: the exponent is ≥ 0
		r.m, r.fast = v.Int64(), true
	}
	return r
}

// refParse is parseDecimal's parse: the syntax check, then
// decimal.NewFromString.
func refParse(s string) (ref, bool) {
	if checkSyntax(s) != nil {
		return ref{}, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return ref{}, false
	}
	return refOf(d), true
}

// refSum is a+b (sign +1) or a−b (sign −1): fast when both are and the
// micro-unit result fits an int64 (and, for a difference, −b.m does).
func refSum(a, b ref, sign int) ref {
	if !a.set || !b.set {
		return ref{}
	}
	r := ref{set: true}
	s := new(big.Int)
	if sign > 0 {
		r.d = a.d.Add(b.d)
		s.Add(big.NewInt(a.m), big.NewInt(b.m))
	} else {
		r.d = a.d.Sub(b.d)
		s.Sub(big.NewInt(a.m), big.NewInt(b.m))
	}
	if a.fast && b.fast && s.IsInt64() && !(sign < 0 && b.m == math.MinInt64) {
		r.m, r.fast = s.Int64(), true
	}
	return r
}

func (r ref) places() int32 { return max(-r.d.Exponent(), 0) }

func (r ref) String() string {
	if !r.set {
		return "（未列示）"
	}
	return r.d.StringFixed(r.places())
}

// pair is an Amount and its model.
type pair struct {
	a Amount
	r ref
}

func (p pair) String() string {
	return fmt.Sprintf("%v (exp %d, model %s exp %d)", p.a, p.a.exponent(), p.r, p.r.d.Exponent())
}

// checkPair fails unless every observation of p.a agrees with the model.
func checkPair(t *testing.T, what string, p pair) {
	t.Helper()
	a, r := p.a, p.r
	d, set := a.Decimal()
	m, fast := a.Micro()
	var problems []string
	if set != r.set {
		problems = append(problems, fmt.Sprintf("set %v, model %v", set, r.set))
	}
	if r.set && (!d.Equal(r.d) || d.Exponent() != r.d.Exponent()) {
		problems = append(problems, fmt.Sprintf("decimal %s exp %d, model %s exp %d", d, d.Exponent(), r.d, r.d.Exponent()))
	}
	if fast != (r.set && r.fast) || (fast && m != r.m) {
		problems = append(problems, fmt.Sprintf("Micro %d %v, model %d %v", m, fast, r.m, r.fast))
	}
	if got, want := a.String(), r.String(); got != want {
		problems = append(problems, fmt.Sprintf("String %q, model %q", got, want))
	}
	if r.set {
		for _, places := range []int32{-2, 0, 1, 2, 3, 6, 7} {
			if got, want := a.StringFixed(places), r.d.StringFixed(places); got != want {
				problems = append(problems, fmt.Sprintf("StringFixed(%d) %q, model %q", places, got, want))
			}
		}
		if txt, err := a.MarshalText(); err != nil || string(txt) != r.String() {
			problems = append(problems, fmt.Sprintf("MarshalText %q %v, model %q", txt, err, r.String()))
		}
		if a.Places() != r.places() || a.Sign() != r.d.Sign() || a.IsNil() != (r.d.Sign() == 0) {
			problems = append(problems, fmt.Sprintf("Places %d Sign %d IsNil %v, model %d %d", a.Places(), a.Sign(), a.IsNil(), r.places(), r.d.Sign()))
		}
	} else if a.Sign() != 0 || a.IsNil() || a.StringFixed(2) != "" {
		problems = append(problems, "absent amount has a sign, is nil or formats")
	}
	if len(problems) > 0 {
		t.Fatalf("%s = %v:\n%s", what, p, strings.Join(problems, "\n"))
	}
}

// walk applies the operations ops encodes, three bytes each (operation,
// two operands), to the figures of pool and their models, checks every
// result against the model and adds it to the pool. It returns how many
// results were on the fast path.
func walk(t *testing.T, pool []pair, ops []byte) (fast int) {
	t.Helper()
	for i := 0; i+2 < len(ops); i += 3 {
		op, xi, yi := ops[i], int(ops[i+1])%len(pool), int(ops[i+2])%len(pool)
		x, y := pool[xi], pool[yi]
		var p pair
		var what string
		switch op % 9 {
		case 0:
			p, what = pair{x.a.Add(y.a), refSum(x.r, y.r, 1)}, fmt.Sprintf("(%v).Add(%v)", x, y)
		case 1:
			p, what = pair{x.a.Sub(y.a), refSum(x.r, y.r, -1)}, fmt.Sprintf("(%v).Sub(%v)", x, y)
		case 2:
			p, what = pair{x.a.Neg(), x.r}, fmt.Sprintf("(%v).Neg()", x)
			if x.r.set {
				p.r = refOf(x.r.d.Neg())
			}
		case 3:
			places := int32(ops[i+2]%19) - 9
			p, what = pair{x.a.Round(places), x.r}, fmt.Sprintf("(%v).Round(%d)", x, places)
			if x.r.set {
				p.r = refOf(x.r.d.Round(places))
			}
		case 4, 5:
			from, to, shift := Yuan, TenThousandYuan, int32(-4)
			if op%9 == 5 {
				from, to, shift = to, from, 4
			}
			p, what = pair{x.a.Convert(from, to), x.r}, fmt.Sprintf("(%v).Convert(%s, %s)", x, from, to)
			if x.r.set {
				p.r = refOf(x.r.d.Shift(shift))
			}
			if y.a.Convert(from, from) != y.a {
				t.Fatalf("(%v).Convert(%s, %s) changed it", y, from, from)
			}
		case 6:
			var plus, minus []Amount
			want := ref{}
			for k := range 1 + int(op>>4)%3 {
				q := pool[(xi+k)%len(pool)]
				plus = append(plus, q.a)
				if k == 0 {
					want = q.r
				} else {
					want = refSum(want, q.r, 1)
				}
			}
			for k := range int(op>>6) % 3 {
				q := pool[(yi+k)%len(pool)]
				minus = append(minus, q.a)
				want = refSum(want, q.r, -1)
			}
			p, what = pair{SumDiff(plus, minus), want}, fmt.Sprintf("SumDiff(%v, %v)", plus, minus)
		case 7:
			if got, want := x.a.Cmp(y.a), x.r.d.Cmp(y.r.d); got != want {
				t.Fatalf("(%v).Cmp(%v) = %d, model %d", x, y, got, want)
			}
			wantEq := x.r.set == y.r.set && (!x.r.set || x.r.d.Equal(y.r.d))
			if got := x.a.Equal(y.a); got != wantEq {
				t.Fatalf("(%v).Equal(%v) = %v, model %v", x, y, got, wantEq)
			}
			places := int32(op>>4) % 10
			got, ok := Ratio(x.a, y.a, places)
			wantOK := x.r.set && y.r.set && y.r.d.Sign() != 0
			if ok != wantOK {
				t.Fatalf("Ratio(%v, %v, %d) ok = %v, model %v", x, y, places, ok, wantOK)
			}
			if ok {
				want := x.r.d.Mul(decimal.NewFromInt(100)).DivRound(y.r.d, places)
				if !got.Equal(want) || got.Exponent() != want.Exponent() {
					t.Fatalf("Ratio(%v, %v, %d) = %s, model %s", x, y, places, got, want)
				}
			}
			continue
		case 8:
			if !x.r.set {
				continue
			}
			d, _ := x.a.Decimal()
			p, what = pair{New(d), refOf(x.r.d)}, fmt.Sprintf("New((%v).Decimal())", x)
		}
		checkPair(t, what, p)
		if _, ok := p.a.Micro(); ok {
			fast++
		}
		if len(pool) < 64 {
			pool = append(pool, p)
		} else {
			pool[int(op)%len(pool)] = p
		}
	}
	return fast
}

// parsed is the pair for a figure that must parse; ok is false if it does
// not, and it fails if Parse and the model disagree on that.
func parsed(t *testing.T, s string) (pair, bool) {
	t.Helper()
	a, err := Parse(s)
	r, ok := refParse(s)
	if (err == nil) != ok {
		t.Fatalf("Parse(%q) error %v, model parses %v", s, err, ok)
	}
	if !ok {
		return pair{}, false
	}
	p := pair{a, r}
	checkPair(t, fmt.Sprintf("Parse(%q)", s), p)
	return p, true
}

// specials are figures at the edges of the fast path, and off it.
func specials() []pair {
	ps := []pair{{Amount{}, ref{}}, {Zero, refOf(decimal.Zero)}}
	for _, v := range []int64{0, 1, -7, 999999999999, 1e12, 9223372036854, -9223372036855, math.MaxInt64, math.MinInt64} {
		ps = append(ps, pair{FromInt(v), refOf(decimal.NewFromInt(v))})
	}
	for _, d := range []decimal.Decimal{
		decimal.New(3, 19), decimal.New(-5, 7), decimal.New(1, -7), decimal.New(123456789, -12),
		decimal.New(math.MaxInt64, -6), decimal.New(math.MinInt64, -6), decimal.New(999999999999999999, -6),
		decimal.New(-999999999999999999, -1), decimal.New(9223372036854775, -3), decimal.New(25, 6),
	} {
		ps = append(ps, pair{New(d), refOf(d)})
	}
	return ps
}

// randomFigure is a figure matching Pattern.
func randomFigure(rng *rand.Rand) string {
	var b strings.Builder
	if rng.Intn(3) == 0 {
		b.WriteByte('-')
	}
	if n := rng.Intn(MaxIntegerDigits + 1); n == 0 {
		b.WriteByte('0')
	} else {
		b.WriteByte(byte('1' + rng.Intn(9)))
		for range n - 1 {
			b.WriteByte(byte('0' + rng.Intn(10)))
		}
	}
	if f := rng.Intn(MaxFractionDigits + 1); f > 0 {
		b.WriteByte('.')
		for range f {
			b.WriteByte(byte('0' + rng.Intn(10)))
		}
	}
	return b.String()
}

// TestFastMatchesDecimal holds the int64 representation to the
// decimal-only model over random walks of Parse, Add, Sub, SumDiff, Neg,
// Round, Convert, New, Cmp, Equal and Ratio, starting from parsed figures
// and figures at and beyond the edges of the fast path.
func TestFastMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	fast, total := 0, 0
	for range 300 {
		pool := specials()
		for len(pool) < 32 {
			if p, ok := parsed(t, randomFigure(rng)); ok {
				pool = append(pool, p)
			}
		}
		ops := make([]byte, 3*200)
		rng.Read(ops)
		fast += walk(t, pool, ops)
		total += 200
	}
	if fast < total/4 || fast == total {
		t.Fatalf("%d of %d results on the fast path: the walk does not cover both paths", fast, total)
	}
}

// FuzzFastMatchesDecimal is TestFastMatchesDecimal from two fuzzed figures
// and a fuzzed walk.
func FuzzFastMatchesDecimal(f *testing.F) {
	f.Add("630.78", "-0.005", []byte{0, 16, 17, 3, 18, 2, 5, 16, 0, 6, 17, 18, 7, 16, 17})
	f.Add("999999999999.999999", "-999999999999.999999", []byte{0, 16, 16, 0, 18, 18, 1, 17, 18, 2, 19, 0, 8, 20, 0})
	f.Add("0.5", "0", []byte{3, 16, 9, 3, 16, 8, 4, 16, 0, 4, 18, 0, 7, 16, 17, 71, 19, 16})
	f.Fuzz(func(t *testing.T, a, b string, ops []byte) {
		pool := specials()
		for _, s := range []string{a, b} {
			if p, ok := parsed(t, s); ok {
				pool = append(pool, p)
			}
		}
		walk(t, pool, ops)
	})
}

// TestAllocs: the fast path allocates no big.Int: parsing from bytes and
// arithmetic allocate nothing, formatting only its text.
func TestAllocs(t *testing.T) {
	a, b := MustParse("630.78"), MustParse("-599.5")
	text := []byte("123456.78")
	var sink Amount
	var sinkText string
	tests := []struct {
		name string
		want float64
		f    func()
	}{
		{"UnmarshalText", 0, func() { _ = sink.UnmarshalText(text) }},
		{"Parse", 0, func() { sink, _ = Parse("-0.000001") }},
		{"Add", 0, func() { sink = a.Add(b) }},
		{"Sub", 0, func() { sink = a.Sub(b) }},
		{"SumDiff", 0, func() { sink = SumDiff([]Amount{a, b, a}, []Amount{b}) }},
		{"Neg", 0, func() { sink = a.Neg() }},
		{"Round", 0, func() { sink = a.Round(0) }},
		{"Convert", 0, func() { sink = a.Convert(TenThousandYuan, Yuan) }},
		{"Cmp Equal Sign Places IsNil", 0, func() {
			if a.Cmp(b) == 0 || a.Equal(b) || a.Sign() == 0 || a.Places() != 2 || a.IsNil() {
				panic("wrong")
			}
		}},
		{"String", 1, func() { sinkText = a.String() }},
		{"StringFixed", 1, func() { sinkText = b.StringFixed(2) }},
		{"MarshalText", 1, func() { txt, _ := a.MarshalText(); sinkText = string(txt[:0]) }},
	}
	for _, tt := range tests {
		if got := testing.AllocsPerRun(100, tt.f); got != tt.want {
			t.Errorf("%s: %v allocations, want %v", tt.name, got, tt.want)
		}
	}
	_, _ = sink, sinkText
}
