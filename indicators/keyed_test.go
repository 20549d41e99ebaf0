package indicators

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// keyedQuantitiesRunes is the original []rune implementation of
// keyedQuantities, kept as the reference the byte-offset version must match.
func keyedQuantitiesRunes(s string) []keyedQuantity {
	if len(s) > 1<<16 || !hasASCIIDigit(s) {
		return nil // most indicator texts state no figure at all
	}
	var out []keyedQuantity
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isASCIIDigit(rs[i]) {
			i++
			continue
		}
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
		num := string(rs[start:i])
		if i-start > maxDigits {
			continue
		}
		// The subject: Han characters and book-title marks right before.
		k := start
		for k > 0 && (unicode.Is(unicode.Han, rs[k-1]) || rs[k-1] == '《' || rs[k-1] == '》') {
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
		switch {
		case j < len(rs) && (rs[j] == '%' || rs[j] == '％'):
			j++
		default:
			for j < len(rs) && j-u < 2 && unicode.Is(unicode.Han, rs[j]) && rs[j] != '余' {
				j++
			}
			if j+1 < len(rs) && rs[j] == '/' && unicode.Is(unicode.Han, rs[j+1]) {
				j += 2
			}
		}
		unit := strings.ReplaceAll(string(rs[u:j]), "％", "%")
		i = max(i, j)
		if utf8.RuneCountInString(key) < 2 || isDateUnit(baseUnit(unit)) {
			continue
		}
		if _, err := decimal.NewFromString(num); err != nil {
			continue
		}
		out = append(out, keyedQuantity{key: key, num: num, unit: unit, raw: string(rs[k:j])})
	}
	return out
}

func sameKeyed(a, b []keyedQuantity) string {
	return cmp.Diff(a, b, cmp.AllowUnexported(keyedQuantity{}))
}

func TestKeyedQuantitiesMatchesRuneVersion(t *testing.T) {
	texts := []string{
		"每年劝返率约达80%左右", "编印《省城信息》840余册", "12期/年", "共计556条", "劝返率达90%以上",
		"2020年全年", "向市委市政府信息科报送信息196期，共计556条；完成编印《省城信息》840余册",
		"３０％", "a1b2", "", "1.", "1.5万元", "成本30万元/年", "余余1余", "《》12%",
		"䷀䷁12%", "㐀㐁12%", "䶿一12%", "\u9fff\u9ffe5%", "丁丂3个", "\xe4\xb8\x805%",
	}
	texts = append(texts, referenceTexts(t)...)
	for _, s := range texts {
		if d := sameKeyed(keyedQuantitiesRunes(s), keyedQuantities(s)); d != "" {
			t.Errorf("keyedQuantities(%q) differs (-runes +bytes):\n%s", s, d)
		}
	}
}

func FuzzKeyedQuantities(f *testing.F) {
	for _, s := range []string{"每年劝返率约达80%左右", "编印《省城信息》840余册", "12期/年", "\xff1\xfe", "率1％"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := sameKeyed(keyedQuantitiesRunes(s), keyedQuantities(s)); d != "" {
			t.Fatalf("differs for %q:\n%s", s, d)
		}
	})
}

var _ = strings.HasSuffix
var _ = unicode.Is
var _ = utf8.RuneCountInString

// referenceTexts returns every target and actual of the reference fixture.
func referenceTexts(t testing.TB) []string {
	p := loadReference(t)
	var out []string
	for _, pt := range p.Projects {
		for _, in := range pt.Indicators {
			out = append(out, in.Target, in.Actual)
		}
	}
	for _, e := range p.Evaluations {
		for _, in := range e.Indicators {
			out = append(out, in.Target, in.Actual)
		}
	}
	return out
}

// bytePositionTexts puts every byte value at every position of a Chinese
// text long enough for the 32-, 8- and 1-byte steps of the word-at-a-time
// scans (nextDigit, hasSpace), and adds each text's prefix through it.
func bytePositionTexts() []string {
	var texts []string
	for b := 0; b < 256; b++ {
		for pos := 0; pos < 75; pos++ {
			s := []byte(strings.Repeat("\xe4\xb8\x80", 25))
			s[pos] = byte(b)
			texts = append(texts, string(s), string(s[:pos+1]))
		}
	}
	return texts
}

func TestNextDigit(t *testing.T) {
	naive := func(s string) int {
		for i := 0; i < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' {
				return i
			}
		}
		return len(s)
	}
	texts := append(bytePositionTexts(), "", "/:", "劝返率达90%", strings.Repeat("说", 40)+"8")
	for _, s := range texts {
		if got, want := nextDigit(s), naive(s); got != want {
			t.Errorf("nextDigit(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestFillerEnds(t *testing.T) {
	for _, f := range fillers {
		if !endsLikeFiller(f) {
			t.Errorf("endsLikeFiller(%q) = false", f)
		}
	}
	ends := map[rune]bool{}
	for _, f := range fillers {
		r, _ := utf8.DecodeLastRuneInString(f)
		ends[r] = true
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if endsLikeFiller(string(r)) != ends[r] {
			t.Errorf("endsLikeFiller(%q) = %v", string(r), !ends[r])
		}
	}
	// Whatever comes before, and endings of other lengths or invalid ones.
	for _, key := range []string{"", "达", "约达", "劝返率约达", "x达", "达x", "达é", "é达", "达𠮷", "𠮷达", "达\xff", "\xff达", "\x8f\xbe", "共计", "《省城信息》"} {
		r, _ := utf8.DecodeLastRuneInString(key)
		if got := endsLikeFiller(key); got != ends[r] {
			t.Errorf("endsLikeFiller(%q) = %v, want %v", key, got, ends[r])
		}
	}
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// TestDecodeRune holds decodeRune to utf8.DecodeRuneInString over every
// three-byte sequence with a lead byte E0–EF (valid or not), and over
// shorter and other inputs.
func TestDecodeRune(t *testing.T) {
	b := make([]byte, 4)
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0; c1 < 256; c1++ {
			for c2 := 0; c2 < 256; c2++ {
				b[0], b[1], b[2], b[3] = byte(c0), byte(c1), byte(c2), 'x'
				for _, s := range []string{string(b), string(b[:3]), string(b[:2])} {
					r, n := decodeRune(s)
					wr, wn := utf8.DecodeRuneInString(s)
					if r != wr || n != wn {
						t.Fatalf("decodeRune(% x) = %U, %d; utf8 says %U, %d", s, r, n, wr, wn)
					}
				}
			}
		}
	}
	for _, s := range []string{"", "a", "％", "余", "𠮷", "\xff", "é"} {
		r, n := decodeRune(s)
		if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
			t.Errorf("decodeRune(%q) = %U, %d; utf8 says %U, %d", s, r, n, wr, wn)
		}
	}
}

// TestKeysMatchDefinition holds keysMatch to its definition: one subject
// ends with the other, which has at least two characters (as
// utf8.RuneCountInString counts them, an invalid byte being one).
func TestKeysMatchDefinition(t *testing.T) {
	subjects := []string{"", "率", "劝返率", "每年劝返率", "返率", "a", "ab", "\xff", "\xff\xfe", "率\xff", "x劝返率", "劝返率 "}
	for _, a := range subjects {
		for _, b := range subjects {
			long, short := a, b
			if len(long) < len(short) {
				long, short = short, long
			}
			want := utf8.RuneCountInString(short) >= 2 && strings.HasSuffix(long, short)
			if got := keysMatch(a, b); got != want {
				t.Errorf("keysMatch(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}
