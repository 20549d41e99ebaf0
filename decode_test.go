package juesuan

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// base is a small valid document; the hostile inputs below are made from it.
const base = `{"profile":"sichuan-2020","unit":{"name":"单位","fiscalYear":2020,"amountUnit":"万元"},"tables":{}}`

// withUnit returns a document whose unit object holds fields.
func withUnit(fields string) string {
	return `{"profile":"sichuan-2020","unit":{` + fields + `},"tables":{}}`
}

// withTables returns a document whose tables object holds tables.
func withTables(tables string) string {
	return `{"profile":"sichuan-2020","unit":{"name":"单位","fiscalYear":2020,"amountUnit":"万元"},"tables":{` + tables + `}}`
}

// withRoot returns base with more root members.
func withRoot(members string) string {
	return strings.TrimSuffix(base, "}") + "," + members + "}"
}

// income returns a document whose 收入支出决算总表 income total is amt (raw JSON).
func income(amt string) string {
	return withTables(`"summary":{"income":{"total":` + amt + `},"expenditure":{}}`)
}

// gbRow returns a document with one 一般公共预算 row given as raw JSON.
func gbRow(row string) string {
	return withTables(`"generalBudget":{"total":{},"rows":[` + row + `]}`)
}

const unitOK = `"name":"单位","fiscalYear":2020,"amountUnit":"万元"`

type decodeCase struct {
	name    string
	in      string
	opts    DecodeOptions
	rule    string
	pointer string
	// also is an error the result must match with errors.Is, beyond the
	// rule's sentinel.
	also error
}

func hostileCases() []decodeCase {
	deepArrays := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	deepObjects := `{"x":` + strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10001)
	manyRows := `{"profile":[` + strings.Repeat("0,", 200_000) + `0]}`
	rows11 := strings.TrimSuffix(strings.Repeat(`{"code":"201"},`, 11), ",")
	return []decodeCase{
		// The JSON text.
		{name: "empty input", in: "", rule: "empty"},
		{name: "only white space", in: " \n\t\r ", rule: "empty"},
		{name: "over the size limit", in: base, opts: DecodeOptions{MaxSize: 10}, rule: "size"},
		{name: "byte order mark", in: "\xef\xbb\xbf" + base, rule: "syntax"},
		{name: "10,000 nested arrays", in: deepArrays, rule: "depth", pointer: strings.Repeat("/0", DefaultMaxDepth)},
		{name: "10,000 nested objects under an unknown key", in: deepObjects, rule: "depth",
			pointer: "/x" + strings.Repeat("/a", DefaultMaxDepth-1)},
		{name: "nesting deeper than a small MaxDepth", in: base, opts: DecodeOptions{MaxDepth: 1}, rule: "depth", pointer: "/unit"},
		{name: "200,001 array entries", in: manyRows, rule: "too-many", pointer: "/profile"},
		{name: "rows over a small MaxRows", in: gbRow(rows11), opts: DecodeOptions{MaxRows: 10}, rule: "too-many",
			pointer: "/tables/generalBudget/rows"},
		{name: "map members over a small MaxRows", in: withTables(`"extra":{"a":{},"b":{},"c":{},"d":{}}`),
			opts: DecodeOptions{MaxRows: 3}, rule: "too-many", pointer: "/tables/extra"},
		{name: "invalid UTF-8 in a key", in: `{"pro` + "\xff" + `file":"x"}`, rule: "utf8"},
		{name: "invalid UTF-8 in a nested key", in: `{"profile":"x","unit":{"n` + "\xfe" + `":1}}`, rule: "utf8", pointer: "/unit"},
		{name: "invalid UTF-8 in a value", in: withUnit(`"name":"单` + "\xff" + `位"`), rule: "utf8", pointer: "/unit/name"},
		{name: "truncated UTF-8 sequence in a value", in: withUnit(`"name":"` + "\xe5\x8d" + `"`), rule: "utf8", pointer: "/unit/name"},
		{name: "overlong UTF-8 in a value", in: withUnit(`"name":"` + "\xc0\xaf" + `"`), rule: "utf8", pointer: "/unit/name"},
		{name: "UTF-8 encoded surrogate", in: withUnit(`"name":"` + "\xed\xa0\x80" + `"`), rule: "utf8", pointer: "/unit/name"},
		{name: "lone surrogate escape", in: withUnit(`"name":"\ud800x"`), rule: "utf8", pointer: "/unit/name"},
		{name: "reversed surrogate pair", in: withUnit(`"name":"\udc00\ud800"`), rule: "utf8", pointer: "/unit/name"},
		{name: "invalid UTF-8 between tokens", in: `{"profile":` + "\xff" + `}`, rule: "utf8", pointer: "/profile"},
		{name: "raw NUL in a value", in: withUnit(`"name":"a` + "\x00" + `b"`), rule: "nul", pointer: "/unit/name"},
		{name: "escaped NUL in a value", in: withUnit(`"name":"a\u0000b"`), rule: "nul", pointer: "/unit/name"},
		{name: "escaped NUL in a key", in: `{"profile\u0000":"x"}`, rule: "nul"},
		{name: "raw NUL between tokens", in: `{"profile":"x",` + "\x00" + `}`, rule: "nul"},
		{name: "NUL after the document", in: base + "\x00", rule: "nul"},
		{name: "a second document", in: base + " {}", rule: "trailing-data"},
		{name: "garbage after the document", in: base + "x", rule: "trailing-data"},
		{name: "a comma after the document", in: base + " ,", rule: "trailing-data"},
		{name: "a colon after the document", in: base + ":", rule: "trailing-data"},
		{name: "truncated in a string", in: `{"profile":"sich`, rule: "syntax", pointer: "/profile"},
		{name: "truncated after a member", in: `{"profile":"sichuan-2020",`, rule: "syntax"},
		{name: "truncated after a colon", in: `{"profile":`, rule: "syntax", pointer: "/profile"},
		{name: "truncated in a row", in: strings.TrimSuffix(gbRow(`{"code":"201"}`), "]}}}"), rule: "syntax",
			pointer: "/tables/generalBudget/rows"},
		{name: "syntax error wins over an earlier unknown key", in: `{"foo":1,`, rule: "syntax"},
		{name: "single quotes", in: `{'profile':'x'}`, rule: "syntax"},
		{name: "unquoted key", in: `{profile:"x"}`, rule: "syntax"},
		{name: "trailing comma in an object", in: `{"profile":"x",}`, rule: "syntax"},
		{name: "trailing comma in an array", in: gbRow(`{"code":"201"},`), rule: "syntax", pointer: "/tables/generalBudget/rows/1"},
		{name: "missing comma", in: `{"profile":"x" "unit":{}}`, rule: "syntax", pointer: "/profile"},
		{name: "comment", in: "// 决算\n" + base, rule: "syntax"},
		{name: "leading zero in a JSON number", in: withUnit(`"fiscalYear":02020`), rule: "syntax", pointer: "/unit/fiscalYear"},
		{name: "plus sign on a JSON number", in: withUnit(`"fiscalYear":+2020`), rule: "syntax", pointer: "/unit/fiscalYear"},
		{name: "NaN", in: withUnit(`"fiscalYear":NaN`), rule: "syntax", pointer: "/unit/fiscalYear"},
		{name: "raw tab in a string", in: withUnit(`"name":"a` + "\t" + `b"`), rule: "syntax", pointer: "/unit/name"},
		{name: "invalid escape", in: withUnit(`"name":"a\xb"`), rule: "syntax", pointer: "/unit/name"},

		// The document's shape.
		{name: "duplicate key at the root", in: withRoot(`"profile":"central-2024"`), rule: "duplicate-key", pointer: "/profile"},
		{name: "duplicate key in unit", in: withUnit(unitOK + `,"name":"另一个"`), rule: "duplicate-key", pointer: "/unit/name"},
		{name: "duplicate key in a row", in: gbRow(`{"code":"201","total":"1","code":"205"}`), rule: "duplicate-key",
			pointer: "/tables/generalBudget/rows/0/code"},
		{name: "duplicate key in a promoted field", in: gbRow(`{"code":"201","total":"1","total":"1"}`), rule: "duplicate-key",
			pointer: "/tables/generalBudget/rows/0/total"},
		{name: "duplicate table in a map", in: withTables(`"extra":{"t1":{},"t1":{}}`), rule: "duplicate-key", pointer: "/tables/extra/t1"},
		{name: "duplicate key deep in a map", in: withTables(`"extra":{"t1":{"total":{"a":"1","a":"2"}}}`), rule: "duplicate-key",
			pointer: "/tables/extra/t1/total/a"},
		{name: "unknown key at the root", in: withRoot(`"foo":1`), rule: "unknown-field", pointer: "/foo"},
		{name: "key in another case", in: `{"Profile":"sichuan-2020"}`, rule: "unknown-field", pointer: "/Profile"},
		{name: "unknown key in unit", in: withUnit(unitOK + `,"amount_unit":"元"`), rule: "unknown-field", pointer: "/unit/amount_unit"},
		{name: "unknown table", in: withTables(`"summery":{}`), rule: "unknown-field", pointer: "/tables/summery"},
		{name: "unknown key in a row", in: gbRow(`{"code":"201","totl":"1"}`), rule: "unknown-field", pointer: "/tables/generalBudget/rows/0/totl"},
		{name: "unknown key with pointer escapes", in: withRoot(`"a/b~c":1`), rule: "unknown-field", pointer: "/a~1b~0c"},
		{name: "null document", in: "null", rule: "null"},
		{name: "null profile", in: `{"profile":null}`, rule: "null", pointer: "/profile"},
		{name: "null optional table", in: withTables(`"summary":null`), rule: "null", pointer: "/tables/summary"},
		{name: "null optional section", in: withRoot(`"performance":null`), rule: "null", pointer: "/performance"},
		{name: "null amount", in: income("null"), rule: "null", pointer: "/tables/summary/income/total"},
		{name: "null row", in: gbRow("null"), rule: "null", pointer: "/tables/generalBudget/rows/0"},
		{name: "null rows", in: withTables(`"generalBudget":{"total":{},"rows":null}`), rule: "null", pointer: "/tables/generalBudget/rows"},
		{name: "null explanation", in: withRoot(`"explanations":[null]`), rule: "null", pointer: "/explanations/0"},
		{name: "missing profile", in: `{"unit":{` + unitOK + `},"tables":{}}`, rule: "required", pointer: "/profile"},
		{name: "missing unit", in: `{"profile":"sichuan-2020","tables":{}}`, rule: "required", pointer: "/unit"},
		{name: "missing fiscal year", in: withUnit(`"name":"单位","amountUnit":"万元"`), rule: "required", pointer: "/unit/fiscalYear"},
		{name: "missing amount unit", in: withUnit(`"name":"单位","fiscalYear":2020`), rule: "required", pointer: "/unit/amountUnit"},
		{name: "missing row code", in: gbRow(`{"name":"一般公共服务支出"}`), rule: "required", pointer: "/tables/generalBudget/rows/0/code"},
		{name: "missing table part", in: withTables(`"summary":{"expenditure":{}}`), rule: "required", pointer: "/tables/summary/income"},
		{name: "missing explanation text", in: withRoot(`"explanations":[{"rule":"A1"}]`), rule: "required", pointer: "/explanations/0/text"},
		{name: "missing prior fiscal year", in: withRoot(`"priorYear":{}`), rule: "required", pointer: "/priorYear/fiscalYear"},
		{name: "array document", in: "[]", rule: "type"},
		{name: "string document", in: `"决算"`, rule: "type"},
		{name: "number profile", in: `{"profile":2020}`, rule: "type", pointer: "/profile"},
		{name: "array for tables", in: `{"profile":"x","unit":{` + unitOK + `},"tables":[]}`, rule: "type", pointer: "/tables"},
		{name: "object for rows", in: withTables(`"generalBudget":{"total":{},"rows":{}}`), rule: "type", pointer: "/tables/generalBudget/rows"},
		{name: "array for a row", in: gbRow(`["201"]`), rule: "type", pointer: "/tables/generalBudget/rows/0"},
		{name: "string fiscal year", in: withUnit(`"fiscalYear":"2020"`), rule: "type", pointer: "/unit/fiscalYear"},
		{name: "fractional fiscal year", in: withUnit(`"fiscalYear":2020.5`), rule: "type", pointer: "/unit/fiscalYear"},
		{name: "tiny exponent fiscal year", in: withUnit(`"fiscalYear":2020e-999999999`), rule: "type", pointer: "/unit/fiscalYear"},
		{name: "huge exponent fiscal year", in: withUnit(`"fiscalYear":1e999999999`), rule: "value", pointer: "/unit/fiscalYear"},
		{name: "boolean fiscal year", in: withUnit(`"fiscalYear":true`), rule: "type", pointer: "/unit/fiscalYear"},
		{name: "number for an amount", in: income("630.78"), rule: "type", pointer: "/tables/summary/income/total"},
		{name: "exponent number for an amount", in: income("1e999999999"), rule: "type", pointer: "/tables/summary/income/total"},
		{name: "number for a code", in: gbRow(`{"code":201}`), rule: "type", pointer: "/tables/generalBudget/rows/0/code"},
		{name: "string for a count", in: withTables(`"f03":{"threePublic":{"abroadGroups":"1"},"operatingCost":{},"procurement":{},"assets":{}}`),
			rule: "type", pointer: "/tables/f03/threePublic/abroadGroups"},
		{name: "number for a note", in: withTables(`"generalBudget":{"total":{},"note":1}`), rule: "type", pointer: "/tables/generalBudget/note"},
		{name: "amount with exponent", in: income(`"1e999999999"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "10,000-digit amount", in: income(`"` + strings.Repeat("9", 10000) + `"`), rule: "value",
			pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "10,000 fraction digits", in: income(`"0.` + strings.Repeat("1", 10000) + `"`), rule: "value",
			pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "negative zero", in: income(`"-0"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "negative zero with places", in: income(`"-0.00"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "leading zeros", in: income(`"00.5"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "leading zero", in: income(`"0630.78"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "plus sign", in: income(`"+1"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "no integer digits", in: income(`".5"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "no fraction digits", in: income(`"5."`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "seven fraction digits", in: income(`"1.0000001"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "thousands separator", in: income(`"1,000.00"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "blank amount", in: income(`""`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "amount with spaces", in: income(`" 1"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "full-width digits", in: income(`"１２"`), rule: "value", pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "escaped digits stay digits, exponent still rejected", in: income(`"\u0031e5"`), rule: "value",
			pointer: "/tables/summary/income/total", also: amount.ErrSyntax},
		{name: "four-digit function code", in: gbRow(`{"code":"2011"}`), rule: "value", pointer: "/tables/generalBudget/rows/0/code",
			also: classification.ErrMalformed},
		{name: "letters in a code", in: gbRow(`{"code":"20a"}`), rule: "value", pointer: "/tables/generalBudget/rows/0/code",
			also: classification.ErrMalformed},
		{name: "seven-digit economic code", in: withTables(`"generalBudgetBasic":{"rows":[{"code":"3010101"}]}`), rule: "value",
			pointer: "/tables/generalBudgetBasic/rows/0/code", also: classification.ErrMalformed},
		{name: "unknown amount unit", in: withUnit(`"name":"单位","fiscalYear":2020,"amountUnit":"千元"`), rule: "value",
			pointer: "/unit/amountUnit", also: amount.ErrUnit},
		{name: "empty unit name", in: withUnit(`"name":"","fiscalYear":2020,"amountUnit":"万元"`), rule: "value", pointer: "/unit/name"},
		{name: "fiscal year below the minimum", in: withUnit(`"name":"单位","fiscalYear":1999,"amountUnit":"万元"`), rule: "value",
			pointer: "/unit/fiscalYear"},
		{name: "fiscal year out of int range", in: withUnit(`"fiscalYear":99999999999999999999`), rule: "value", pointer: "/unit/fiscalYear"},
		{name: "negative count", in: withTables(`"f03":{"threePublic":{"abroadGroups":-1},"operatingCost":{},"procurement":{},"assets":{}}`),
			rule: "value", pointer: "/tables/f03/threePublic/abroadGroups", also: amount.ErrCount},
		{name: "fractional count", in: withTables(`"f03":{"threePublic":{"abroadGroups":1.5},"operatingCost":{},"procurement":{},"assets":{}}`),
			rule: "value", pointer: "/tables/f03/threePublic/abroadGroups", also: amount.ErrCount},
		{name: "huge count", in: withTables(`"f03":{"threePublic":{"abroadGroups":1e999999999},"operatingCost":{},"procurement":{},"assets":{}}`),
			rule: "value", pointer: "/tables/f03/threePublic/abroadGroups", also: amount.ErrCount},
	}
}

func TestDecodeHostile(t *testing.T) {
	sentinels := map[string]error{}
	for _, r := range DecodeRules() {
		sentinels[r.ID] = r.Err
	}
	cases := hostileCases()
	if len(cases) < 50 {
		t.Fatalf("only %d hostile inputs, want at least 50", len(cases))
	}
	seen := map[string]bool{}
	for _, tc := range cases {
		key := fmt.Sprint(tc.opts, tc.in)
		if seen[key] {
			t.Errorf("%s: the same input appears twice", tc.name)
		}
		seen[key] = true
		t.Run(tc.name, func(t *testing.T) {
			d, err := tc.opts.DecodeBytes([]byte(tc.in))
			if err == nil {
				t.Fatalf("decoded %+v, want a %s error", d, tc.rule)
			}
			if d != nil {
				t.Errorf("returned a document with the error")
			}
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %v is not a *DecodeError", err)
			}
			type result struct{ Rule, Pointer string }
			if diff := cmp.Diff(result{tc.rule, tc.pointer}, result{de.Rule, de.Pointer}); diff != "" {
				t.Errorf("(-want +got):\n%s\nerror: %v", diff, clipErr(err))
			}
			if !errors.Is(err, ErrDecode) {
				t.Errorf("errors.Is(err, ErrDecode) = false")
			}
			if s := sentinels[tc.rule]; !errors.Is(err, s) {
				t.Errorf("errors.Is(err, %v) = false for rule %s", s, tc.rule)
			}
			if tc.also != nil && !errors.Is(err, tc.also) {
				t.Errorf("errors.Is(err, %v) = false: %v", tc.also, clipErr(err))
			}
			msg := err.Error()
			wantPtr := tc.pointer
			if wantPtr == "" {
				wantPtr = "/"
			}
			if !strings.Contains(msg, " "+wantPtr+" ") || !strings.Contains(msg, "["+tc.rule+"]") {
				t.Errorf("message %q does not name pointer %q and rule [%s]", clipErr(err), wantPtr, tc.rule)
			}
			if de.Offset < 0 || de.Offset > int64(len(tc.in)) {
				t.Errorf("offset %d outside the input (%d bytes)", de.Offset, len(tc.in))
			}
			// Decoding the same bytes from a reader gives the same error.
			_, err2 := tc.opts.Decode(strings.NewReader(tc.in))
			if err2 == nil || err2.Error() != err.Error() {
				t.Errorf("Decode(reader) = %v, DecodeBytes = %v", clipErr(err2), clipErr(err))
			}
		})
	}
}

func clipErr(err error) string {
	if err == nil {
		return "<nil>"
	}
	s := err.Error()
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// TestDecodeHostileBases checks that the builders of hostile inputs start
// from documents that decode: each case breaks exactly one thing.
func TestDecodeHostileBases(t *testing.T) {
	for _, in := range []string{
		base, withUnit(unitOK), withTables(""), withRoot(`"explanations":[{"rule":"A1","text":"说明"}]`),
		income(`"630.78"`), gbRow(`{"code":"201"}`), withTables(`"extra":{"t1":{"total":{"a":"1"}}}`),
		withTables(`"f03":{"threePublic":{"abroadGroups":1},"operatingCost":{},"procurement":{},"assets":{}}`),
		withTables(`"generalBudgetBasic":{"rows":[{"code":"30101"}]}`),
		withRoot(`"priorYear":{"fiscalYear":2019}`),
		withUnit(`"name":"单\u4f4d\ud83d\ude00","fiscalYear":2100,"amountUnit":"元"`),
		// JSON Schema's "integer" admits integral numbers in any notation;
		// so does Decode.
		withUnit(`"name":"单位","fiscalYear":2020.0,"amountUnit":"元"`),
		withUnit(`"name":"单位","fiscalYear":2.02e3,"amountUnit":"元"`),
		withUnit(`"name":"单位","fiscalYear":202000E-2,"amountUnit":"元"`),
		withTables(`"f03":{"threePublic":{"abroadGroups":1.0,"abroadPersons":-0,"vehiclesHeld":1e15},"operatingCost":{},"procurement":{},"assets":{}}`),
	} {
		if _, err := DecodeBytes([]byte(in)); err != nil {
			t.Errorf("DecodeBytes(%s) = %v", in, err)
		}
	}
}

func TestIntegerText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"0", "0", true},
		{"-0", "0", true},
		{"-0.0e5", "0", true},
		{"2020", "2020", true},
		{"-2020", "-2020", true},
		{"2020.0", "2020", true},
		{"2020.000", "2020", true},
		{"2.02e3", "2020", true},
		{"2.02E+3", "2020", true},
		{"202000e-2", "2020", true},
		{"0.2020e4", "2020", true},
		{"1e2", "100", true},
		{"-1.5e1", "-15", true},
		{"1.5", "", false},
		{"2020.5", "", false},
		{"1e-1", "", false},
		{"2020e-999999999", "", false},
		{"1e999999999", strings.Repeat("9", maxIntegerText+1), true},
		{"-1e25", "-" + strings.Repeat("9", maxIntegerText+1), true},
		{"123456789012345678901", "123456789012345678901", true},
		{"0.000e999999999", "0", true},
		{"1" + strings.Repeat("0", 10000) + "e-10000", "1", true},
	} {
		got, ok := integerText([]byte(tc.in))
		if got != tc.want || ok != tc.ok {
			t.Errorf("integerText(%.30s) = %.30q, %v; want %.30q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDecodeValid(t *testing.T) {
	d, err := DecodeFile(filepath.Join("testdata", "hostile", "valid-minimal.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := &Document{Profile: "sichuan-2020"}
	want.Unit.Name = "示例单位"
	want.Unit.FiscalYear = 2020
	want.Unit.AmountUnit = amount.TenThousandYuan
	if diff := cmp.Diff(want, d, cmpDocument); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// Escapes are resolved; amounts keep their places; counts and codes
	// reach their types.
	d, err = DecodeBytes([]byte(withTables(`"generalBudget":{"total":{"total":"40.50"},"rows":[{"code":"2010301","name":"a\"\\\/\n\u4e2d\ud83d\ude00"}]},` +
		`"f03":{"threePublic":{"abroadGroups":0},"operatingCost":{},"procurement":{},"assets":{}}`)))
	if err != nil {
		t.Fatal(err)
	}
	gb := d.Tables.GeneralBudget
	if got := gb.Total.Total.String(); got != "40.50" {
		t.Errorf("total = %s, want 40.50", got)
	}
	if got, want := gb.Rows[0].Name, "a\"\\/\n中😀"; got != want {
		t.Errorf("name = %q, want %q", got, want)
	}
	if got := gb.Rows[0].Code; got != "2010301" || got.Level() != classification.Item {
		t.Errorf("code = %q (level %v)", got, got.Level())
	}
	if n, ok := d.Tables.F03.ThreePublic.AbroadGroups.Value(); !ok || n != 0 {
		t.Errorf("abroadGroups = %d, %v; want a stated 0", n, ok)
	}
	if d.Tables.F03.ThreePublic.AbroadPersons.IsSet() {
		t.Errorf("an absent count decoded as stated")
	}
}

func TestDecodeFileMissing(t *testing.T) {
	_, err := DecodeFile(filepath.Join("testdata", "hostile", "no-such-file.json"))
	if !errors.Is(err, os.ErrNotExist) || errors.Is(err, ErrDecode) {
		t.Errorf("DecodeFile(missing) = %v, want a not-exist error that is not ErrDecode", err)
	}
}

func TestDecodeReaderStopsAtTheLimit(t *testing.T) {
	r := &countingReader{limit: 1 << 30}
	_, err := DecodeOptions{MaxSize: 1 << 10}.Decode(r)
	var de *DecodeError
	if !errors.As(err, &de) || de.Rule != "size" {
		t.Fatalf("err = %v, want rule size", err)
	}
	if r.read > 1<<12 {
		t.Errorf("read %d bytes of an endless input with MaxSize 1 KiB", r.read)
	}
}

// countingReader yields spaces forever (up to limit) and counts them.
type countingReader struct{ read, limit int }

func (r *countingReader) Read(p []byte) (int, error) {
	n := min(len(p), r.limit-r.read)
	for i := range p[:n] {
		p[i] = ' '
	}
	r.read += n
	return n, nil
}

func TestDecodeRulesDocumented(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range DecodeRules() {
		if r.ID == "" || r.Err == nil || r.Description == "" || ids[r.ID] {
			t.Errorf("bad or duplicate rule %+v", r)
		}
		ids[r.ID] = true
	}
	fired := map[string]bool{}
	for _, tc := range hostileCases() {
		if !ids[tc.rule] {
			t.Errorf("%s: rule %q is not in DecodeRules", tc.name, tc.rule)
		}
		fired[tc.rule] = true
	}
	for id := range ids {
		if !fired[id] {
			t.Errorf("rule %q never fires in the hostile table", id)
		}
	}
}

func TestDecodeErrorFormat(t *testing.T) {
	_, err := DecodeBytes([]byte(income(`"1e5"`)))
	want := `decode /tables/summary/income/total [value] at byte `
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), `amount "1e5"`) {
		t.Errorf("error = %v, want it to start %q and quote the amount", err, want)
	}
	var se *amount.SyntaxError
	if !errors.As(err, &se) || se.Input != "1e5" {
		t.Errorf("errors.As(*amount.SyntaxError) failed: %v", err)
	}
	in := []byte(income(`"1e5"`))
	var de *DecodeError
	errors.As(err, &de)
	if got := string(in[de.Offset : de.Offset+5]); got != `"1e5"` {
		t.Errorf("offset %d points at %q, want the value", de.Offset, got)
	}
}

// TestDecodePrefixes decodes every prefix of a valid document: each must
// fail (a prefix of an object is never complete) without panicking.
func TestDecodePrefixes(t *testing.T) {
	full, err := os.ReadFile(filepath.Join("testdata", "hostile", "valid-leaves.json"))
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(bytes.TrimSpace(full)) {
		if _, err := DecodeBytes(full[:n]); err == nil {
			t.Fatalf("prefix of %d bytes decoded", n)
		} else if !errors.Is(err, ErrDecode) {
			t.Fatalf("prefix of %d bytes: %v is not ErrDecode", n, err)
		}
	}
}

// Types for the generic decoder paths that Document does not use today.
type (
	embedA struct {
		A    string `json:"a"`
		Dup  int    `json:",omitempty"`
		Hide string `json:",omitempty"`
	}
	embedB struct {
		Dup  int    `json:",omitempty"`
		Hide string `json:",omitempty"`
	}
	EmbedP struct {
		P string `json:"p,omitempty"`
	}
	hidden struct {
		H string `json:"h,omitempty"`
	}
	kinds struct {
		embedA
		embedB
		*EmbedP
		hidden
		Hide   string            `json:",omitempty"` // shallower: wins over both embedded
		F      float64           `json:"f,omitempty"`
		U8     uint8             `json:"u8,omitempty"`
		I8     int8              `json:"i8,omitempty"`
		B      bool              `json:"b,omitempty"`
		Arr    [2]int            `json:"arr,omitzero"`
		Bytes  []byte            `json:"bytes,omitempty"` // not supported
		Any    any               `json:"any,omitempty"`   // not supported
		IntKey map[int]string    `json:"intKey,omitempty"`
		Ptr    **string          `json:"ptr,omitempty"`
		Self   *kinds            `json:"self,omitempty"`
		Tags   []string          `json:"tags,omitempty" jsonschema:"minItems=1,maxItems=2,enum=x,enum=y"`
		Code   string            `json:"code,omitempty" jsonschema:"pattern=^[0-9]+$,maxLength=3"`
		Pct    float64           `json:"pct,omitempty" jsonschema:"exclusiveMinimum=0,maximum=100"`
		Codes  map[string]string `json:"codes,omitempty"`
		NoTag  string            `json:",omitempty"`
		Skip   string            `json:"-"`
		secret string            //lint:ignore U1000 the decoder must pass over an unexported field
		Ch     chan int          `json:"ch,omitempty"`
	}
)

func TestDecodeGenericKinds(t *testing.T) {
	sh := newShapeBuilder().build(reflect.TypeFor[kinds]())
	decode := func(in string) (*kinds, *DecodeError) {
		var k kinds
		err := DecodeOptions{}.decodeInto([]byte(in), sh, reflect.ValueOf(&k).Elem())
		return &k, err
	}
	k, err := decode(`{"a":"x","p":"y","h":"z","Hide":"top","f":-1.5e2,"u8":255,"i8":-128,"b":true,"arr":[1,2],` +
		`"intKey":{"-3":"m"},"ptr":"pp","self":{"a":"inner"},"tags":["x"],` +
		`"code":"123","pct":100,"codes":{"":"empty key"},"NoTag":"n"}`)
	if err != nil {
		t.Fatal(err)
	}
	if k.A != "x" || k.EmbedP == nil || k.P != "y" || k.H != "z" || k.Hide != "top" || k.embedA.Hide != "" || k.F != -150 ||
		k.U8 != 255 || k.I8 != -128 || !k.B || k.Arr != [2]int{1, 2} ||
		k.IntKey[-3] != "m" || **k.Ptr != "pp" || k.Self == nil || k.Self.A != "inner" || k.Codes[""] != "empty key" || k.NoTag != "n" {
		t.Errorf("decoded %+v", k)
	}

	for _, tc := range []struct{ in, rule, pointer string }{
		{`{"Dup":1}`, "unknown-field", "/Dup"}, // ambiguous between embedA and embedB
		{`{"Skip":"x"}`, "unknown-field", "/Skip"},
		{`{"secret":"x"}`, "unknown-field", "/secret"},
		{`{"a":"x","a":"y"}`, "duplicate-key", "/a"},
		{`{}`, "required", "/a"},
		{`{"a":"x","u8":256}`, "value", "/u8"},
		{`{"a":"x","u8":-1}`, "value", "/u8"},
		{`{"a":"x","i8":-129}`, "value", "/i8"},
		{`{"a":"x","f":1e400}`, "value", "/f"},
		{`{"a":"x","f":"1"}`, "type", "/f"},
		{`{"a":"x","b":1}`, "type", "/b"},
		{`{"a":"x","arr":[1]}`, "value", "/arr"},
		{`{"a":"x","arr":[1,2,3]}`, "value", "/arr"},
		{`{"a":"x","bytes":"AQI="}`, "type", "/bytes"},
		{`{"a":"x","any":{"k":1}}`, "type", "/any"},
		{`{"a":"x","intKey":{"x":"m"}}`, "value", "/intKey/x"},
		{`{"a":"x","intKey":{"1":"m","01":"n"}}`, "duplicate-key", "/intKey/01"},
		{`{"a":"x","ptr":null}`, "null", "/ptr"},
		{`{"a":"x","self":{"a":"y","self":{"f":true}}}`, "type", "/self/self/f"},
		{`{"a":"x","tags":[]}`, "value", "/tags"},
		{`{"a":"x","tags":["x","y","x"]}`, "value", "/tags"},
		{`{"a":"x","tags":["z"]}`, "value", "/tags/0"},
		{`{"a":"x","code":"12a"}`, "value", "/code"},
		{`{"a":"x","code":"1234"}`, "value", "/code"},
		{`{"a":"x","pct":0}`, "value", "/pct"},
		{`{"a":"x","pct":100.5}`, "value", "/pct"},
		{`{"a":"x","ch":1}`, "type", "/ch"},
		{`{"a":"x","any":null}`, "null", "/any"},
	} {
		_, err := decode(tc.in)
		if err == nil {
			t.Errorf("%s: decoded, want %s at %s", tc.in, tc.rule, tc.pointer)
			continue
		}
		type result struct{ Rule, Pointer string }
		if diff := cmp.Diff(result{tc.rule, tc.pointer}, result{err.Rule, err.Pointer}); diff != "" {
			t.Errorf("%s (-want +got):\n%s\n%v", tc.in, diff, err)
		}
	}
}

func ExampleDecodeError() {
	_, err := DecodeBytes([]byte(`{"profile":"sichuan-2020","unit":{"name":"单位","fiscalYear":2020,"amountUnit":"万元"},` +
		`"tables":{"summary":{"income":{"total":"1e999999999"},"expenditure":{}}}}`))
	var de *DecodeError
	if errors.As(err, &de) {
		fmt.Println(de.Rule, de.Pointer)
	}
	fmt.Println(errors.Is(err, amount.ErrSyntax))
	// Output:
	// value /tables/summary/income/total
	// true
}

// TestDecodeMessagesBounded: a message quotes at most a bounded part of the
// input and says how long it was; a non-ASCII character is named as such.
func TestDecodeMessagesBounded(t *testing.T) {
	mb := strings.Repeat("9", 1<<20)
	for _, tc := range []struct {
		name, in, rule string
		want           []string // substrings of the message
	}{
		{"1 MB code", gbRow(`{"code":"` + mb + `"}`), "value", []string{"…(1048576 bytes)"}},
		{"1 MB amount", income(`"` + mb + `"`), "value", []string{"…(1048576 bytes)"}},
		{"10 MB unknown key", withRoot(`"` + strings.Repeat("键", 10<<20/3) + `":1`), "unknown-field", []string{"…(10485759 bytes)"}},
		{"10 MB name, year below the minimum", withUnit(`"name":"` + strings.Repeat("a", 10<<20) + `","fiscalYear":1e1`), "value", nil},
		{"1 MB fiscal year", withUnit(`"name":"单位","fiscalYear":2` + mb + `,"amountUnit":"元"`), "value", []string{"…(1048577 bytes)"}},
		{"Chinese comma in an amount", income(`"1，000.00"`), "value", []string{`U+FF0C '，'`, `amount "1，000.00"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeBytes([]byte(tc.in))
			var de *DecodeError
			if !errors.As(err, &de) || de.Rule != tc.rule {
				t.Fatalf("err = %v, want rule %s", clipErr(err), tc.rule)
			}
			msg := err.Error()
			if len(msg) > 800 {
				t.Errorf("message of %d bytes: %s", len(msg), clipErr(err))
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not contain %q", msg, w)
				}
			}
		})
	}
}

// TestDecodeIntegerRule: an integer field takes a JSON number whose value is
// an integer, in any spelling, as JSON Schema's "integer" does (the rule of
// DecodeOptions and of the Schema doc); a fraction is the wrong type. The
// exported schema gives the same verdict.
func TestDecodeIntegerRule(t *testing.T) {
	raw, err := schemaByID("", Draft2020, DocumentType)
	if err != nil {
		t.Fatal(err)
	}
	sdoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("document.json", sdoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("document.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		num  string
		want int    // the fiscal year decoded
		rule string // or the rule of the error
	}{
		{"2020", 2020, ""},
		{"2020.0", 2020, ""},
		{"2020.000", 2020, ""},
		{"2.02e3", 2020, ""},
		{"2.02E+3", 2020, ""},
		{"202000e-2", 2020, ""},
		{"2020.5", 0, "type"},
		{"2.0205e3", 0, "type"},
		{"1e400", 0, "value"},
	} {
		in := []byte(withUnit(`"name":"单位","fiscalYear":` + tc.num + `,"amountUnit":"元"`))
		inst, jerr := jsonschema.UnmarshalJSON(bytes.NewReader(in))
		if jerr != nil {
			t.Fatal(jerr)
		}
		d, err := DecodeBytes(in)
		if serr := sch.Validate(inst); (serr == nil) != (err == nil) {
			t.Errorf("fiscalYear %s: Decode says %v, the schema %v", tc.num, err, serr)
		}
		var de *DecodeError
		switch {
		case tc.rule == "" && err != nil:
			t.Errorf("fiscalYear %s: %v", tc.num, err)
		case tc.rule == "" && d.Unit.FiscalYear != tc.want:
			t.Errorf("fiscalYear %s decoded as %d, want %d", tc.num, d.Unit.FiscalYear, tc.want)
		case tc.rule != "" && (!errors.As(err, &de) || de.Rule != tc.rule || de.Pointer != "/unit/fiscalYear"):
			t.Errorf("fiscalYear %s: err = %v, want rule %s at /unit/fiscalYear", tc.num, err, tc.rule)
		}
	}
}

// FuzzScanAgreesWithJSONText: the decoder's scanner accepts exactly the JSON
// texts that jsontext accepts (duplicate names allowed, UTF-8 checked), and
// reads the same value, so that checkText finds a problem of the text
// wherever the scanner finds one.
func FuzzScanAgreesWithJSONText(f *testing.F) {
	for _, tc := range hostileCases() {
		if len(tc.in) <= 4096 {
			f.Add([]byte(tc.in))
		}
	}
	for _, s := range []string{`"\ud83d\ude00"`, `[1,-0.5e+3,true,false,null,{}]`, `"\u00e9\/\b"`, `"\uDFFF"`, `"\ud800\u0041"`,
		"\"\xef\xbf\xbd\"", `[1.]`, `[-]`, `[01]`, `[1e]`, `{"a":1 "b":2}`, `tru`, `nul`, `[1,]`, `{"a"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := decoder{data: data, maxDepth: 1000, maxRows: 1 << 30}
		raw, _, ok := d.read()
		ok = ok && d.space() == 0 && d.pos == len(data)
		dec := jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowDuplicateNames(true))
		want, err := dec.ReadValue()
		wantOK := err == nil && dec.StackDepth() == 0 && skipSpace(data, int(dec.InputOffset())) == len(data)
		if bytes.Count(data, []byte("["))+bytes.Count(data, []byte("{")) >= 1000 {
			wantOK = wantOK && ok // deeper than the scanner's limit here
		}
		if ok != wantOK || ok && !bytes.Equal(raw, want) {
			t.Fatalf("scanner: %v %q; jsontext: %v %q (%v)", ok, raw, wantOK, want, err)
		}
	})
}
