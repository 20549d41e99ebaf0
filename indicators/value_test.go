package indicators

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// parsed is a Value with its number as a string, for readable diffs.
type parsed struct {
	Number, Unit, Comparator, Period string
	OK                               bool
}

func show(v Value) parsed {
	p := parsed{Unit: v.Unit, Comparator: v.Comparator.String(), Period: v.Period, OK: v.OK}
	if v.IsQuantity() {
		p.Number = v.Number.String()
	}
	return p
}

func TestParseValue(t *testing.T) {
	tests := []struct {
		in   string
		want parsed
	}{
		// Forms from the issue and the reference document.
		{"30万元", parsed{Number: "30", Unit: "万元", OK: true}},
		{"2.5万元", parsed{Number: "2.5", Unit: "万元", OK: true}},
		{"40.5万元", parsed{Number: "40.5", Unit: "万元", OK: true}},
		{"12期/年", parsed{Number: "12", Unit: "期/年", OK: true}},
		{"12期/年。", parsed{Number: "12", Unit: "期/年", OK: true}},
		{"90%左右", parsed{Number: "90", Unit: "%", Comparator: "≈", OK: true}},
		{"≥95%", parsed{Number: "95", Unit: "%", Comparator: "≥", OK: true}},
		{"全年", parsed{Period: "全年", OK: true}},
		{" 全年 ", parsed{Period: "全年", OK: true}},
		{"100%", parsed{Number: "100", Unit: "%", OK: true}},
		{"70.5 ", parsed{Number: "70.5", OK: true}},
		// Comparator words and symbols.
		{"≤5%", parsed{Number: "5", Unit: "%", Comparator: "≤", OK: true}},
		{"<=5%", parsed{Number: "5", Unit: "%", Comparator: "≤", OK: true}},
		{"不低于98%", parsed{Number: "98", Unit: "%", Comparator: "≥", OK: true}},
		{"不超过3天", parsed{Number: "3", Unit: "天", Comparator: "≤", OK: true}},
		{"约80%", parsed{Number: "80", Unit: "%", Comparator: "≈", OK: true}},
		{"2次以上", parsed{Number: "2", Unit: "次", Comparator: "≥", OK: true}},
		{"5个工作日以内", parsed{Number: "5", Unit: "个工作日", Comparator: "≤", OK: true}},
		{"=100%", parsed{Number: "100", Unit: "%", Comparator: "=", OK: true}},
		{"＞９０％", parsed{Number: "90", Unit: "%", Comparator: ">", OK: true}},
		{"840余册", parsed{Number: "840", Unit: "册", Comparator: ">", OK: true}},
		{"1,580,000.00元", parsed{Number: "1580000", Unit: "元", OK: true}},
		{"0万元", parsed{Number: "0", Unit: "万元", OK: true}},
		{"3181.8亩", parsed{Number: "3181.8", Unit: "亩", OK: true}},
		// Text: never guessed.
		{"", parsed{}},
		{"每年两次及以上。", parsed{}},
		{"我办应急接访的攀籍人员到蓉上访的人数，每年劝返率达90%左右。", parsed{}},
		{"劝返率≥90%", parsed{}},
		{"≤90%以上", parsed{}},
		{"0左右左右", parsed{}}, // the comparator twice: its canonical form would read back as ≈0
		{"90%以上以上", parsed{}},
		{"约840余册", parsed{}},
		{"007", parsed{}},
		{"1.", parsed{Number: "1", OK: true}}, // a closing full stop
		{"2020年全年", parsed{Period: "2020年全年", OK: true}},
		{"2020年上半年", parsed{}},
		{"5年", parsed{Number: "5", Unit: "年", OK: true}},
		{"70周年", parsed{Number: "70", Unit: "周年", OK: true}},
		{".5", parsed{}},
		{"12期//年", parsed{}},
		{"12/年", parsed{}}, // a bare "/年" is not a unit
		{"10起13人", parsed{}},
		{"1e9万元", parsed{}},
		{strings.Repeat("9", 25), parsed{}},
		{"\xff30万元", parsed{}},
	}
	for _, tt := range tests {
		got := show(ParseValue(tt.in))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseValue(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestValueString(t *testing.T) {
	for _, in := range []string{"≥95%", "90%左右", "30万元", "12期/年", "全年", "≤5天", "840余册"} {
		v := ParseValue(in)
		again := ParseValue(v.String())
		if diff := cmp.Diff(show(v), show(again)); diff != "" {
			t.Errorf("%q → %q does not parse back (-first +second):\n%s", in, v.String(), diff)
		}
	}
	if s := ParseValue("一些文字").String(); s != "" {
		t.Errorf("String of text = %q, want empty", s)
	}
}

func TestCommonScale(t *testing.T) {
	tests := []struct {
		a, b   string
		x, y   string
		wantOK bool
	}{
		{"30万元", "300000元", "300000", "300000", true},
		{"1亿元", "10000万元", "100000000", "100000000", true},
		{"12期/年", "7期", "12", "7", true},
		{"12期/年", "7期/月", "", "", false},
		{"5‰", "0.5%", "0.5", "0.5", true},
		{"30万元", "30%", "", "", false},
		{"12期", "12册", "", "", false},
		{"全年", "全年", "", "", false},
	}
	for _, tt := range tests {
		x, y, ok := commonScale(ParseValue(tt.a), ParseValue(tt.b))
		if ok != tt.wantOK {
			t.Errorf("commonScale(%s, %s) ok = %v, want %v", tt.a, tt.b, ok, tt.wantOK)
			continue
		}
		if ok && (!x.Equal(decimal.RequireFromString(tt.x)) || !y.Equal(decimal.RequireFromString(tt.y))) {
			t.Errorf("commonScale(%s, %s) = %s, %s; want %s, %s", tt.a, tt.b, x, y, tt.x, tt.y)
		}
	}
	if d, ok := ParseValue("2.5万元").InUnit("元"); !ok || !d.Equal(decimal.NewFromInt(25000)) {
		t.Errorf("2.5万元 in 元 = %s, %v", d, ok)
	}
	if _, ok := ParseValue("2.5万元").InUnit("%"); ok {
		t.Error("2.5万元 converts to %")
	}
}

func TestKeyedQuantities(t *testing.T) {
	type kq struct{ Key, Num, Unit string }
	got := func(s string) []kq {
		var out []kq
		for _, q := range keyedQuantities(s) {
			out = append(out, kq{q.key, decimal.RequireFromString(q.num).String(), q.unit})
		}
		return out
	}
	tests := []struct {
		in   string
		want []kq
	}{
		{"我办应急接访的攀籍人员到蓉上访的人数，每年劝返率达90%左右。", []kq{{"每年劝返率", "90", "%"}}},
		{"每年劝返率约达80%左右", []kq{{"每年劝返率", "80", "%"}}},
		{"向市委市政府信息科报送信息196期，共计556条；完成编印《省城信息》840余册",
			[]kq{{"向市委市政府信息科报送信息", "196", "期"}, {"完成编印《省城信息》", "840", "册"}}},
		{"编制印刷《省城信息专讯》12期/年。", []kq{{"编制印刷《省城信息专讯》", "12", "期/年"}}},
		{"成功处置到省非访事件10起13人", []kq{{"成功处置到省非访事件", "10", "起"}}},
		{"从2020年2月27日起", nil},
		{"出色完成了全年各类重要会议、建国70周年期间重大活动", nil},
		{"没有数字", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, got(tt.in)); diff != "" {
			t.Errorf("keyedQuantities(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	if !keysMatch("每年劝返率", "劝返率") || keysMatch("劝返率", "率") || keysMatch("报送信息", "编印信息") {
		t.Error("keysMatch")
	}
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"30万元", "12期/年", "90%左右", "≥95%", "全年", "2.5万元", "840余册", "1,580,000.00元", "＞９０％", "劝返率达90%", "\xff", strings.Repeat("1", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := ParseValue(s)
		_ = keyedQuantities(s)
		if !v.OK {
			if v != (Value{}) {
				t.Fatalf("ParseValue(%q) is not OK but not empty: %+v", s, v)
			}
			return
		}
		if v.Period == "" && !utf8.ValidString(v.Unit) {
			t.Fatalf("ParseValue(%q): invalid unit %q", s, v.Unit)
		}
		// The canonical form reads back to the same value.
		again := ParseValue(v.String())
		if !again.OK || again.Unit != v.Unit || again.Period != v.Period || !again.Number.Equal(v.Number) || again.Comparator != v.Comparator {
			t.Fatalf("ParseValue(%q) = %q, which reads back as %+v", s, v.String(), again)
		}
	})
}

// FuzzValidate decodes arbitrary JSON into a performance section and runs
// every rule and the scoring on it: nothing may panic.
func FuzzValidate(f *testing.F) {
	if b, err := os.ReadFile(fixturePath); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"projects":[{"name":"甲","funds":{"total":{"budget":"0","actual":"1","rate":"100%"}},"goal":{},"indicators":[{"level1":"项目完成","level2":"成本","name":"指标1：甲","target":"≤0万元","actual":"0元","rate":"0%"}]}],"evaluations":[{"projects":"甲、甲","funds":{},"indicators":[{"level1":"","level2":"","name":"指标1：甲","target":"全年","actual":"年内","rate":"1e9%"}]}],"department":{"operatingCost":{"current":"1","prior":"0","change":"1","changePercent":"5"}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Performance
		if json.Unmarshal(b, &p) != nil {
			return
		}
		for _, opts := range []Options{{}, referenceOptions(), {FrameworkID: National, ExpenditureUnit: "元", ProjectExpenditure: amount.MustParse("1")}} {
			_ = Validate(&p, opts)
		}
		for i := range p.Projects {
			_ = Score(&p.Projects[i], ScoreConfig{}).String()
		}
		for i := range p.Evaluations {
			_ = ScoreEvaluation(&p.Evaluations[i], ScoreConfig{}).String()
		}
	})
}

// TestParseNumber holds parseNumber to decimal.NewFromString: the same
// coefficient and exponent on both sides of the 18-digit int64 path.
func TestParseNumber(t *testing.T) {
	for _, s := range []string{
		"0", "7", "0.5", "95", "95.50", "100.000", "1234567890.12345678", "123456789012345678",
		"1234567890123456789", "999999999999999999.9", "12345678901234567890.1234", "0.000000000000000001",
	} {
		got, err := parseNumber(s)
		want, werr := decimal.NewFromString(s)
		if (err != nil) != (werr != nil) {
			t.Errorf("parseNumber(%q): error %v, NewFromString %v", s, err, werr)
			continue
		}
		if diff := cmp.Diff([2]string{want.Coefficient().String(), strconv.Itoa(int(want.Exponent()))},
			[2]string{got.Coefficient().String(), strconv.Itoa(int(got.Exponent()))}); diff != "" {
			t.Errorf("parseNumber(%q) (-NewFromString +got):\n%s", s, diff)
		}
	}
}
