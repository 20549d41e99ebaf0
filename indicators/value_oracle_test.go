package indicators

// The oracle is ParseValue as first written (a normalised copy of the text,
// prefix and suffix tables tried in order, a copied digit buffer). The
// production ParseValue takes shortcuts (an early verdict on the first
// character, no copy when the text needs no normalising); the tests and
// FuzzParseValueOracle hold it to the oracle's answer on every input.

import (
	"slices"
	"testing"

	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func parseValueOracle(s string) Value {
	if len(s) > maxValueLen*4 || (len(s) > 48 && !hasDigit(s)) {
		return Value{} // a sentence: a period is short and a figure has digits
	}
	t := normalizeValueTextOracle(s)
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
	num, rest, ok := readNumberOracle(t)
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
	d, err := decimal.NewFromString(num)
	if err != nil {
		return Value{}
	}
	v.Number, v.Unit, v.OK = d, rest, true
	return v
}

func normalizeValueTextOracle(s string) string {
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
	t := b.String()
	for {
		u := strings.TrimRight(t, "。.；;，,")
		if u == t {
			break
		}
		t = u
	}
	return t
}

func readNumberOracle(s string) (num, rest string, ok bool) {
	b := make([]byte, 0, 16)
	i, digits := 0, 0
	for i < len(s) {
		c := s[i]
		if isDigit(c) {
			b = append(b, c)
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
	if len(b) > 1 && b[0] == '0' {
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
		b = append(b, s[i:j]...)
		i = j
	}
	return string(b), s[i:], true
}

// sameValue compares two results of ParseValue field by field (decimal by
// value and by exponent, so "30.0" and "30" differ as they print).
func sameValue(a, b Value) bool {
	return a.OK == b.OK && a.Unit == b.Unit && a.Comparator == b.Comparator && a.Period == b.Period &&
		a.Number.Equal(b.Number) && a.Number.Exponent() == b.Number.Exponent()
}

// oracleInputs are texts that exercise every branch of the grammar.
var oracleInputs = []string{
	"", " ", "30万元", "2.5万元", "12期/年", "90%左右", "≥95%", "≧95％", "全年", "2020年全年", "2020年上半年",
	"840余册", "1,580,000.00元", "1,58,000元", "＞９０％", "劝返率达90%", "\xff", "不低于90%", "大于等于3次",
	"≤90%以上", "约80%", "约 80 %", "80%。", "80%；。", "007", "0.5", ".5", "5.", "三次", "达到100%",
	"我办应急接访的攀籍人员到蓉上访的人数，每年劝返率达90%左右。", "１２期／年", "100‰", "5人/年", "5年/人",
	"30万元以内", "30万元及以上", "30余万元", "~3天", "=3", "等于3次", "高于1", "低于2%", "小于3", "超过4次", "至多5人",
	"\u3000３０万元\u3000", "不超过5万元以下", "本年度", "年内。", "1/2", "5a/b/c", "12345678901234567890123456",
	"〇", "全年度；", " 大约 12 期 ", "2020年", "3年", "10周年", "5.5.5元",
	"全 年", "全年。。", "全年，年", "全年．", "本年度；", "年内 。", "全年\xff", "当年度", "全年全年", "全\u3000年", "全年﹪", "全年成功处置到省非访事件10起13人，来办事处群访事件8起130余人。",
	// Around readSimple's shortcut: its shapes, and texts just outside them.
	"40.5万元", "12.50%", "7期", "0", "00", "0.50万元", "30.", "30..5", "30.5.", "30万元。", "30万元 ", "30万元\xff",
	"123456789012345678", "1234567890123456789", "12345678901234567.8", "1234567890123456.78万元",
	"5次以上", "5人左右", "5次上", "3万元以下", "12万余", "12余万", "5年", "5周年", "2020年全年", "5人年",
	"5万元元元元", "5万元元元元元", "5ab", "5％", "5‰", "5\u4e00", "5\u9fff", "5\u3400", "5\U00020000", "5\xe4\xb8",
}

func TestParseValueMatchesOracle(t *testing.T) {
	for _, s := range oracleInputs {
		if got, want := ParseValue(s), parseValueOracle(s); !sameValue(got, want) {
			t.Errorf("ParseValue(%q) = %+v, oracle says %+v", s, got, want)
		}
	}
}

// FuzzParseValueOracle holds ParseValue to the oracle on arbitrary text.
func FuzzParseValueOracle(f *testing.F) {
	for _, s := range oracleInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ParseValue(s), parseValueOracle(s); !sameValue(got, want) {
			t.Fatalf("ParseValue(%q) = %+v, oracle says %+v", s, got, want)
		}
	})
}

// TestPeriodStarts checks what ParseValue's period shortcut assumes: no
// period starts with a digit or with the first character of a comparator
// word or symbol, so a text starting like a period can only be one.
func TestPeriodStarts(t *testing.T) {
	if len(periodStarts.all()) == 0 {
		t.Fatal("no period starts")
	}
	for _, r := range periodStarts.all() {
		if valueStarts.has(r) || r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			t.Errorf("period start %q also starts a figure or comparator", r)
		}
	}
	for _, p := range periods {
		if got := ParseValue(p + "。"); !got.IsPeriod() || got.Period != p {
			t.Errorf("ParseValue(%q) = %+v, want the period %q", p+"。", got, p)
		}
	}
}

// TestParseFigure holds parseFigure to decimal.NewFromString: the same
// value written with the same places, for figures on both sides of its
// 18-digit fast path.
func TestParseFigure(t *testing.T) {
	for _, num := range []string{"0", "7", "30", "40.5", "2.50", "0.001", "100000001",
		"123456789012345678", "1234567890123456789", "12345678901234567.8", "1234567890123456789.5",
		"999999999999999999", "9999999999999999999", "0.000000000000000001", "1.", "", ".", "1.2.3", "1e9"} {
		got, gotErr := parseFigure(num)
		want, wantErr := decimal.NewFromString(num)
		if (gotErr != nil) != (wantErr != nil) {
			t.Errorf("parseFigure(%q) error %v, decimal.NewFromString %v", num, gotErr, wantErr)
			continue
		}
		if gotErr == nil && (!got.Equal(want) || got.Exponent() != want.Exponent()) {
			t.Errorf("parseFigure(%q) = %s (exponent %d), want %s (exponent %d)", num, got, got.Exponent(), want, want.Exponent())
		}
	}
}

// TestRuneSet checks the bitmap set against a map, over the Basic
// Multilingual Plane's edges and beyond it.
func TestRuneSet(t *testing.T) {
	members := []rune{0, 'a', '全', '～', 0xFFFF, 0x10000, 0x20BB7, -1}
	var s runeSet
	want := map[rune]bool{}
	for _, r := range members {
		s.add(r)
		want[r] = true
	}
	for _, r := range append(members, 'b', '年', 0xFFFE, 0x10001, utf8.MaxRune, -2) {
		if got := s.has(r); got != want[r] {
			t.Errorf("has(%U) = %v, want %v", r, got, want[r])
		}
	}
	all := s.all()
	slices.Sort(members)
	if diff := cmp.Diff(members, all); diff != "" {
		t.Errorf("all() (-want +got):\n%s", diff)
	}
}
