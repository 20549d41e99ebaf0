package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/indicators"
	"github.com/google/go-cmp/cmp"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "一般公共服务支出 /tables/x 630.78", "一般公共服务支出 /tables/x 630.78"},
		{"backslash kept", `C:\data\x.json`, `C:\data\x.json`},
		{"newline", "a\nb", `a\nb`},
		{"carriage return", "a\rb", `a\rb`},
		{"tab", "a\tb", `a\tb`},
		{"NUL", "a\x00b", `a\x00b`},
		{"ESC sequence", "\x1b[2J\x1b]0;title\x07", `\x1b[2J\x1b]0;title\x07`},
		{"unit separator", "\x1f", `\x1f`},
		{"DEL", "\x7f", `\x7f`},
		{"C1 NEL", "a\u0085b", `a\u0085b`},
		{"C1 CSI", "\u009b31m", `\u009b31m`},
		{"C1 bounds", "\u0080\u009f\u00a0", `\u0080\u009f` + "\u00a0"},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"paragraph separator", "a\u2029b", `a\u2029b`},
		{"bidi embeddings and overrides", "\u202a\u202b\u202c\u202d\u202e", `\u202a\u202b\u202c\u202d\u202e`},
		{"bidi isolates", "\u2066\u2067\u2068\u2069", `\u2066\u2067\u2068\u2069`},
		{"bidi neighbours kept", "\u2027\u202f\u2065\u206a", "\u2027\u202f\u2065\u206a"},
		{"invalid UTF-8", "a\xffb\xc3", `a\xffb\xc3`},
		{"raw C1 byte", "\x9b31m", `\x9b31m`},
		{"mixed", "表\n\u202e九\x1b", `表\n\u202e九\x1b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, escape(tt.in)); d != "" {
				t.Errorf("escape(%q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

// TestEscapeSafe checks every rune up to U+FFFF and every byte: what escape
// returns never holds a character it promises to escape.
func TestEscapeSafe(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r <= 0xffff; r++ {
		if r < 0xd800 || r > 0xdfff {
			b.WriteRune(r)
		}
	}
	for c := 0x80; c <= 0xff; c++ {
		b.WriteByte(byte(c))
	}
	out := escape(b.String())
	if !utf8.ValidString(out) {
		t.Fatal("escape returned invalid UTF-8")
	}
	for _, r := range out {
		if r < 0x20 || r == 0x7f || unsafeRune(r) {
			t.Errorf("escape left %U", r)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"short", "abc", 3, "abc"},
		{"empty", "", 3, ""},
		{"long ASCII", "abcdef", 3, "abc…(6 bytes)"},
		{"runes, not bytes", "一二三四", 3, "一二三…(12 bytes)"},
		{"exactly max runes", "一二三", 3, "一二三"},
		{"invalid bytes count as runes", "\xff\xfe\xfd\xfc", 2, "\xff\xfe…(4 bytes)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, clip(tt.in, tt.max)); d != "" {
				t.Errorf("clip(%q, %d) (-want +got):\n%s", tt.in, tt.max, d)
			}
		})
	}
	long := strings.Repeat("码", 1<<20)
	got := echo(long)
	if want := strings.Repeat("码", maxEcho) + "…(3145728 bytes)"; got != want {
		t.Errorf("echo of 1 Mi runes: %d bytes, want %d", len(got), len(want))
	}
	// Cut first, escaped after: the bound holds whatever the escaping.
	if got := echo(strings.Repeat("\x1b", 1000)); got != strings.Repeat(`\x1b`, maxEcho)+"…(1000 bytes)" {
		t.Errorf("echo of 1000 ESC: %q", got)
	}
}

// TestFindingText: for a finding without control characters the text line
// is the library's Finding.String; with them, the same line escaped.
func TestFindingText(t *testing.T) {
	tests := []audit.Finding{
		{Rule: "A1", Severity: audit.Error, Path: "/tables/summary/income/grandTotal", Message: "收入总计不平衡", Expected: "664.00", Actual: "665.00"},
		{Rule: "C5", Severity: audit.Warning, Path: "/x", Message: "表文不一致", Line: 48, Column: 18, Explanation: "已核实"},
		{Rule: "Z9", Severity: audit.Info, Message: "提示"},
	}
	for _, f := range tests {
		if d := cmp.Diff(f.String(), findingText(f)); d != "" {
			t.Errorf("%s (-String +findingText):\n%s", f.Rule, d)
		}
	}
	f := audit.Finding{Rule: "K2", Severity: audit.Warning, Path: "/tables/a\nb", Message: "名称“x\ny: error A1 /x: fake”", Explanation: "\u202e已说明"}
	want := `warning K2 /tables/a\nb: 名称“x\ny: error A1 /x: fake”（已说明：\u202e已说明）`
	if d := cmp.Diff(want, findingText(f)); d != "" {
		t.Errorf("hostile finding (-want +got):\n%s", d)
	}
}

// hostileDoc writes the reference document with the name of one of its
// rows (住房改革支出, which K2 quotes) replaced by name.
func hostileDoc(t *testing.T, name string) string {
	t.Helper()
	ref, err := os.ReadFile(referenceFixture)
	if err != nil {
		t.Fatal(err)
	}
	quoted, err := json.Marshal(name)
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Replace(ref, []byte(`"住房改革支出"`), quoted, 1)
	if bytes.Equal(data, ref) {
		t.Fatal("row 住房改革支出 not found in the reference")
	}
	p := filepath.Join(t.TempDir(), "hostile.json")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// textLine is the shape of every line validate prints in text mode.
var textLine = regexp.MustCompile(`^(.+: (error|warning|info) [A-Z]+[0-9]+ /\S*: .*|.+: input error: .*|\d+ file\(s\), .*|rules most often broken: .*)$`)

// TestNoForgedLines: a row name holding a newline, a fake finding line, an
// escape sequence and a bidi override comes out escaped, on the line of the
// finding that quotes it.
func TestNoForgedLines(t *testing.T) {
	name := "住房改革支出\nfile.json: error A1 /x: fake\x1b[2J\u202e"
	p := hostileDoc(t, name)
	var stdout, stderr bytes.Buffer
	runValidate([]string{p}, &stdout, &stderr)
	out := stdout.String()
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !strings.HasPrefix(line, p+": ") && !textLine.MatchString(line) || strings.HasPrefix(line, "file.json") {
			t.Errorf("forged or unexpected line %q", line)
		}
		if !textLine.MatchString(line) {
			t.Errorf("line %q has not the documented shape", line)
		}
	}
	if strings.ContainsAny(out, "\x1b\u202e\r") {
		t.Errorf("raw control characters in the output:\n%q", out)
	}
	if want := `住房改革支出\nfile.json: error A1 /x: fake\x1b[2J\u202e`; !strings.Contains(out, want) {
		t.Errorf("output lacks the escaped name %q:\n%s", want, out)
	}
	if n := strings.Count(out, "\n"); n != 5 { // K2, P7, P8, summary, top rules
		t.Errorf("%d lines, want 5:\n%s", n, out)
	}

	// The JSON output carries the name whole.
	stdout.Reset()
	runValidate([]string{"--format", "json", p}, &stdout, &stderr)
	var r validateReport
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, f := range r.Files[0].Findings {
		found = found || strings.Contains(f.Message, name)
	}
	if !found {
		t.Errorf("no JSON message holds the name whole: %+v", r.Files[0].Findings)
	}
}

// TestBoundedEcho: a document whose strings are huge is reported on lines
// of bounded length, in every verb that prints them.
func TestBoundedEcho(t *testing.T) {
	ref, err := os.ReadFile(referenceFixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	huge := strings.Repeat("x", 1<<20)
	profile := filepath.Join(dir, "profile.json")
	if err := os.WriteFile(profile, bytes.Replace(ref, []byte(`"sichuan-2020"`), []byte(`"`+huge+`"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	row := hostileDoc(t, strings.Repeat("住房", 1<<19))
	narrative := filepath.Join(dir, "n.txt")
	if err := os.WriteFile(narrative, []byte("2020年一般公共预算财政拨款支出559.53万元"+strings.Repeat("，", 2000)+"。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const bound = 4 * (maxMessage + 100) // bytes: runes of up to 3 bytes, plus the command's own words
	tests := []struct {
		name string
		args []string
		cut  bool // some string is cut
	}{
		{"validate: unknown profile", []string{"validate", profile}, true},
		{"validate: long row name", []string{"validate", row}, true},
		{"score: unknown profile", []string{"score", profile}, true},
		{"lint: unknown profile", []string{"lint", "--document", profile, narrative}, true},
		{"lint: long sentence", []string{"lint", "--document", referenceFixture, narrative}, false}, // the linter cuts its quotes
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			run(tt.args, &stdout, &stderr)
			all := stdout.String() + stderr.String()
			for _, line := range strings.Split(all, "\n") {
				if len(line) > bound {
					t.Errorf("line of %d bytes, want at most %d: %.100q…", len(line), bound, line)
				}
			}
			if tt.cut && !regexp.MustCompile(`…\(\d+ bytes\)`).MatchString(all) {
				t.Errorf("no cut string in the output:\n%.2000s", all)
			}
		})
	}
}

// TestEchoResult: the names of a score table are escaped, so each line of
// the text output is one of the breakdown.
func TestEchoResult(t *testing.T) {
	r := indicators.Result{
		Project:   "项目\n伪造",
		Execution: indicators.ItemScore{Name: "预算执行率"},
		Items: []indicators.ItemScore{
			{Level1: "产出指标\n", Level2: "数量指标\x1b", Name: "指标1\u202e", Note: "备注\r"},
		},
		Missing: []string{"满意度\n"},
	}
	got := echoResult(r).String()
	if n, want := strings.Count(got, "\n"), 4; n != want { // header, 预算执行率, the item, missing
		t.Errorf("%d lines, want %d:\n%s", n, want, got)
	}
	for _, want := range []string{`项目\n伪造`, `产出指标\n/数量指标\x1b/指标1\u202e`, `（备注\r）`, `缺少满意度\n类指标`} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if r.Items[0].Name != "指标1\u202e" {
		t.Error("echoResult changed the result it was given")
	}
}
