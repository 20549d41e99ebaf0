package amount

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    string // formatted back; "" when an error is expected
		wantErr string // substring of the error
	}{
		{in: "0", want: "0"},
		{in: "0.00", want: "0.00"},
		{in: "630.78", want: "630.78"},
		{in: "40.50", want: "40.50"},
		{in: "-12.3", want: "-12.3"},
		{in: "123456789012.123456", want: "123456789012.123456"},
		{in: "", wantErr: "empty"},
		{in: "-", wantErr: "no integer digits"},
		{in: ".5", wantErr: "no integer digits"},
		{in: "5.", wantErr: "no digits after the point"},
		{in: "+1", wantErr: "no integer digits"},
		{in: "01", wantErr: "leading zero"},
		{in: "1e5", wantErr: "unexpected 'e'"},
		{in: "1e999999999", wantErr: "unexpected 'e'"},
		{in: "1234567890123", wantErr: "more than 12 integer digits"},
		{in: strings.Repeat("9", 10000), wantErr: "more than 12 integer digits"},
		{in: "1.1234567", wantErr: "more than 6 fraction digits"},
		{in: "1,000", wantErr: "unexpected ','"},
		{in: " 1", wantErr: "no integer digits"},
		{in: "1 ", wantErr: "unexpected ' '"},
		{in: "１２", wantErr: "no integer digits"},
		{in: "1，000", wantErr: "unexpected U+FF0C '，'"},
		{in: "1.5万", wantErr: "unexpected U+4E07 '万'"},
		{in: "1\xff", wantErr: "unexpected byte 0xFF (not UTF-8)"},
		{in: strings.Repeat("1", 1<<20) + "x", wantErr: "…(1048577 bytes)"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		var u Amount
		if uerr := u.UnmarshalText([]byte(tt.in)); fmt.Sprint(uerr) != fmt.Sprint(err) || !sameAmount(u, got) {
			t.Errorf("UnmarshalText(%.20q) = %v, %v; Parse gives %v, %v", tt.in, u, uerr, got, err)
		}
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse(%.20q) error = %v, want containing %q", tt.in, err, tt.wantErr)
			}
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("Parse(%.20q) error does not wrap ErrSyntax", tt.in)
			}
			var se *SyntaxError
			if !errors.As(err, &se) || len(se.Input) > 64 || len(err.Error()) > 400 {
				t.Errorf("Parse(%.20q): want a *SyntaxError with a clipped input, got %v", tt.in, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q) = %v", tt.in, err)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got.String(), tt.want)
		}
	}
}

func TestAbsentIsNotZero(t *testing.T) {
	var absent Amount
	if absent.IsSet() || absent.IsNil() || !absent.IsZero() {
		t.Fatalf("zero Amount must be absent")
	}
	if !Zero.IsSet() || !Zero.IsNil() || Zero.IsZero() {
		t.Fatalf("Zero must be a stated 0")
	}
	if absent.Equal(Zero) || Zero.Equal(absent) {
		t.Errorf("absent must not equal a stated zero")
	}
	if got := absent.Add(Zero); got.IsSet() {
		t.Errorf("absent + 0 = %v, want absent", got)
	}
	if got := Zero.Sub(absent); got.IsSet() {
		t.Errorf("0 - absent = %v, want absent", got)
	}
	if absent.String() != "（未列示）" {
		t.Errorf("absent.String() = %q", absent.String())
	}
	if _, err := absent.MarshalText(); err == nil {
		t.Errorf("encoding an absent amount must fail")
	}
}

type row struct {
	A Amount `json:"a,omitzero"`
	B Amount `json:"b,omitzero"`
}

func TestJSONRoundTrip(t *testing.T) {
	for _, in := range []string{
		`{"a":"40.50","b":"0"}`,
		`{"a":"0.00"}`,
		`{}`,
		`{"a":"-1.000001","b":"123456789012"}`,
	} {
		var r row
		if err := json.Unmarshal([]byte(in), &r); err != nil {
			t.Fatalf("Unmarshal(%s): %v", in, err)
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		if diff := cmp.Diff(in, string(out)); diff != "" {
			t.Errorf("round trip (-in +out):\n%s", diff)
		}
	}
	var r row
	if err := json.Unmarshal([]byte(`{"a":"1e3"}`), &r); !errors.Is(err, ErrSyntax) {
		t.Errorf("Unmarshal of 1e3: err = %v, want ErrSyntax", err)
	}
}

func TestArithmetic(t *testing.T) {
	m := MustParse
	tests := []struct {
		name string
		got  Amount
		want string
	}{
		{"add", m("599.53").Add(m("31.25")), "630.78"},
		{"sub", m("630.78").Sub(m("599.53")), "31.25"},
		{"neg", m("5.43").Neg(), "-5.43"},
		{"round half up", m("0.125").Round(2), "0.13"},
		{"round half away from zero", m("-0.125").Round(2), "-0.13"},
		{"round down", m("0.124").Round(2), "0.12"},
		{"yuan to wan exact", m("1580000.01").Convert(Yuan, TenThousandYuan), "158.000001"},
		{"wan to yuan exact", m("630.78").Convert(TenThousandYuan, Yuan), "6307800"},
		{"same unit", m("1.5").Convert(Yuan, Yuan), "1.5"},
	}
	for _, tt := range tests {
		if got := tt.got.String(); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, got, tt.want)
		}
	}
	if !m("40.5").Equal(m("40.50")) {
		t.Errorf("40.5 must equal 40.50")
	}
	if m("1").Cmp(m("2")) != -1 || m("2").Cmp(m("1")) != 1 || m("2").Cmp(m("2.00")) != 0 {
		t.Errorf("Cmp is wrong")
	}
	if a, ok := m("-1").Micro(); !ok || a != -1000000 {
		t.Errorf("Micro(-1) = %d, %v", a, ok)
	}
}

func TestRatio(t *testing.T) {
	m := MustParse
	tests := []struct {
		a, b string
		want string
		ok   bool
	}{
		{"599.53", "630.78", "95.05", true},
		{"31.25", "630.78", "4.95", true},
		{"25.01", "70.86", "35.29", true},   // 35.29495…
		{"161.30", "792.08", "20.36", true}, // 20.3641…
		{"1", "8", "12.50", true},           // exactly 12.5
		{"-1", "8", "-12.50", true},         // half away from zero
		{"1", "-8", "-12.50", true},
		{"-1", "-8", "12.50", true},
		// 0.0049999999500000005…: rounded once this is 0.00. Rounding first
		// to ten places (0.0050000000) and then to two gave 0.01.
		{"5000", "100000001", "0.00", true},
		// The quotient needs more than 64 bits: the decimal path.
		{"999999999999", "0.000001", "99999999999900000000.00", true},
		{"1", "0", "", false},
	}
	for _, tt := range tests {
		got, ok := Ratio(m(tt.a), m(tt.b), 2)
		if ok != tt.ok {
			t.Errorf("Ratio(%s,%s) ok = %v", tt.a, tt.b, ok)
			continue
		}
		if ok && got.StringFixed(2) != tt.want {
			t.Errorf("Ratio(%s,%s) = %s, want %s", tt.a, tt.b, got.StringFixed(2), tt.want)
		}
	}
	if _, ok := Ratio(Amount{}, m("1"), 2); ok {
		t.Errorf("Ratio of an absent amount must not be ok")
	}
}

func TestCompareSum(t *testing.T) {
	m := MustParse
	tests := []struct {
		name    string
		unit    Unit
		tol     Tolerance
		total   Amount
		addends []Amount
		want    Outcome
		bound   string
	}{
		{"equal", TenThousandYuan, Tolerance{}, m("630.78"), []Amount{m("599.53"), m("31.25")}, Equal, ""},
		{"two addends off by 0.01 is rounding", TenThousandYuan, Tolerance{}, m("630.79"), []Amount{m("599.53"), m("31.25")}, Rounding, "0.01"},
		{"two addends off by 0.02 is a mismatch", TenThousandYuan, Tolerance{}, m("630.80"), []Amount{m("599.53"), m("31.25")}, Mismatch, "0.01"},
		{"three addends allow 0.02", TenThousandYuan, Tolerance{}, m("3.02"), []Amount{m("1"), m("1"), m("1")}, Rounding, "0.02"},
		{"five addends allow 0.03", TenThousandYuan, Tolerance{}, m("5.03"), []Amount{m("1"), m("1"), m("1"), m("1"), m("1")}, Rounding, "0.03"},
		{"single addend must be equal", TenThousandYuan, Tolerance{}, m("1.01"), []Amount{m("1")}, Mismatch, "0"},
		{"yuan must be exact", Yuan, Tolerance{}, m("3.01"), []Amount{m("1"), m("1"), m("1")}, Mismatch, "0"},
		{"exact mode", TenThousandYuan, Tolerance{Mode: Exact}, m("2.01"), []Amount{m("1"), m("1")}, Mismatch, "0"},
		{"fixed mode", TenThousandYuan, Tolerance{Mode: Fixed, Fixed: m("0.5")}, m("2.40"), []Amount{m("1"), m("1")}, Rounding, "0.5"},
		{"absent total", TenThousandYuan, Tolerance{}, Amount{}, []Amount{m("1")}, Incomplete, ""},
		{"absent addend", TenThousandYuan, Tolerance{}, m("2"), []Amount{m("1"), {}}, Incomplete, ""},
		{"negative addend", TenThousandYuan, Tolerance{}, m("1"), []Amount{m("3"), m("2").Neg()}, Equal, ""},
	}
	for _, tt := range tests {
		c := tt.tol.CompareSum(tt.unit, tt.total, tt.addends...)
		if c.Outcome != tt.want {
			t.Errorf("%s: outcome %v, want %v", tt.name, c.Outcome, tt.want)
		}
		if tt.bound != "" && c.Bound.String() != tt.bound && !c.Bound.Equal(MustParse(tt.bound)) {
			t.Errorf("%s: bound %v, want %s", tt.name, c.Bound, tt.bound)
		}
	}
}

func TestCount(t *testing.T) {
	type s struct {
		N Count `json:"n,omitzero"`
	}
	for _, tt := range []struct {
		in, out string
		err     bool
	}{
		{in: `{"n":0}`, out: `{"n":0}`},
		{in: `{"n":1311}`, out: `{"n":1311}`},
		{in: `{}`, out: `{}`},
		{in: `{"n":-1}`, err: true},
		{in: `{"n":1.5}`, err: true},
		{in: `{"n":1e3}`, err: true},
		{in: `{"n":"3"}`, err: true},
		{in: `{"n":01}`, err: true},
		{in: `{"n":10000000000000000}`, err: true},
	} {
		var v s
		err := json.Unmarshal([]byte(tt.in), &v)
		if (err != nil) != tt.err {
			t.Errorf("Unmarshal(%s) err = %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if tt.err {
			continue
		}
		out, _ := json.Marshal(v)
		if string(out) != tt.out {
			t.Errorf("round trip %s → %s", tt.in, out)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "630.78", "-1.5", "1e999999999", "01", "9999999999999999", "1.1234567", "", "-0.000001", "123456789012.123456", "-999999999999.999999", "0.10", "1，000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("error %v does not wrap ErrSyntax", err)
			}
			return
		}
		// A parsed amount re-parses to the same value, and its text is stable.
		txt, err := a.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(string(txt))
		if err != nil || !a.Equal(b) {
			t.Fatalf("re-parse of %q (%q): %v, equal=%v", s, txt, err, a.Equal(b))
		}
		if txt2, _ := b.MarshalText(); string(txt2) != string(txt) {
			t.Fatalf("unstable text %q → %q", txt, txt2)
		}
		if _, ok := a.Micro(); !ok {
			t.Fatalf("%q: every pattern-conforming amount fits the fast path", s)
		}
		// The direct parse equals the general one in value, places and
		// fast path, from a string and from bytes.
		var u Amount
		if err := u.UnmarshalText([]byte(s)); err != nil || !sameAmount(u, a) {
			t.Fatalf("UnmarshalText(%q) = %+v, %v; Parse = %+v", s, u, err, a)
		}
		g, err := parseDecimal(s)
		if err != nil || !sameAmount(a, g) {
			t.Fatalf("Parse(%q) = %+v, parseDecimal = %+v, %v", s, a, g, err)
		}
	})
}

func BenchmarkCompareSumEqual(b *testing.B) {
	total := MustParse("630.78")
	parts := []Amount{MustParse("599.53"), MustParse("31.25"), Zero, Zero}
	b.ReportAllocs()
	for b.Loop() {
		if CompareSum(TenThousandYuan, total, parts...).Outcome != Equal {
			b.Fatal("not equal")
		}
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("123456.78"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRatioMicro holds the int64 fast path of Ratio to the exact rational
// quotient, rounded half away from zero, over figures of every size and sign.
func TestRatioMicro(t *testing.T) {
	figures := []string{"0", "0.000001", "1", "-1", "3", "7", "8", "-8", "31.25", "599.53", "630.78",
		"5000", "100000001", "-0.333333", "999999999999.999999", "-999999999999.999999", "123456.789012"}
	fast := 0
	for _, as := range figures {
		for _, bs := range figures {
			a, b := MustParse(as), MustParse(bs)
			for places := int32(0); places <= 4; places++ {
				got, ok := Ratio(a, b, places)
				want, wantOK := ratioRat(as, bs, places)
				if ok != wantOK {
					t.Errorf("Ratio(%s, %s, %d) ok = %v, want %v", as, bs, places, ok, wantOK)
					continue
				}
				if !ok {
					continue
				}
				if _, isFast := ratioMicro(a, b, places); isFast {
					fast++
				}
				if diff := cmp.Diff(want, got.StringFixed(places)); diff != "" {
					t.Errorf("Ratio(%s, %s, %d) (-exact +got):\n%s", as, bs, places, diff)
				}
			}
		}
	}
	if fast == 0 {
		t.Fatal("no case took the fast path")
	}
}

// ratioRat is a/b×100 rounded half away from zero to places, in big.Rat.
func ratioRat(as, bs string, places int32) (string, bool) {
	a, _ := new(big.Rat).SetString(as)
	b, _ := new(big.Rat).SetString(bs)
	if b.Sign() == 0 {
		return "", false
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	q := new(big.Rat).Quo(a, b)
	q.Mul(q, new(big.Rat).SetInt(new(big.Int).Mul(big.NewInt(100), scale)))
	num, den := new(big.Int).Abs(q.Num()), q.Denom()
	n, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Lsh(r, 1).Cmp(den) >= 0 {
		n.Add(n, big.NewInt(1))
	}
	if q.Sign() < 0 {
		n.Neg(n)
	}
	return decimal.NewFromBigInt(n, -places).StringFixed(places), true
}

// BenchmarkParseDecimal is the general parse Parse replaced, for comparison.
func BenchmarkParseDecimal(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseDecimal("123456.78"); err != nil {
			b.Fatal(err)
		}
	}
}

// sameAmount reports whether a and b hold the same value with the same
// exponent in the same representation.
func sameAmount(a, b Amount) bool {
	return a.set == b.set && a.fast == b.fast && a.m == b.m && a.exponent() == b.exponent() && a.dec().Equal(b.dec())
}
