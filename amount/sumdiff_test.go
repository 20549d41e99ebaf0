package amount

import (
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

// TestSumDiff: SumDiff gives what chaining Add and Sub gives: the same
// presence, value, exponent (so the same decimal places on the wire) and
// fast-path state, for figures on and off the fast path, in 万元 and
// converted from 元 (exponents down to −6 and up to +4).
func TestSumDiff(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pick := func() Amount {
		switch rng.Intn(9) {
		case 0:
			return Amount{}
		case 1:
			return Zero
		case 2:
			return New(decimal.New(rng.Int63n(9)+1, 19)) // off the fast path
		case 3:
			return MustParse("999999999999.999999")
		case 4:
			return MustParse("-0.5").Convert(Yuan, TenThousandYuan)
		case 5:
			return FromInt(rng.Int63n(100)).Convert(TenThousandYuan, Yuan)
		}
		v := rng.Int63n(2000000) - 1000000
		return New(decimal.New(v, -int32(rng.Intn(7))))
	}
	for range 20000 {
		plus, minus := make([]Amount, rng.Intn(4)), make([]Amount, rng.Intn(3))
		for i := range plus {
			plus[i] = pick()
		}
		for i := range minus {
			minus[i] = pick()
		}
		got := SumDiff(plus, minus)
		var want Amount
		if len(plus) > 0 {
			want = plus[0]
			for _, a := range plus[1:] {
				want = want.Add(a)
			}
			for _, a := range minus {
				want = want.Sub(a)
			}
		}
		gd, gs := got.Decimal()
		wd, ws := want.Decimal()
		gm, gf := got.Micro()
		wm, wf := want.Micro()
		if gs != ws || (gs && (!gd.Equal(wd) || gd.Exponent() != wd.Exponent() || gm != wm || gf != wf || got.String() != want.String())) {
			t.Fatalf("SumDiff(%v, %v) = %v (exp %d, micro %d %v), chain gives %v (exp %d, micro %d %v)",
				plus, minus, got, gd.Exponent(), gm, gf, want, wd.Exponent(), wm, wf)
		}
	}
}
