package classification_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/classification"
)

func edition(t testing.TB, f classification.Family, year int) *classification.Catalog {
	t.Helper()
	c, err := classification.NewRegistry().Edition(f, year)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func codes(es []classification.Entry) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Code)
	}
	return out
}

func TestLookup(t *testing.T) {
	c := edition(t, classification.Functional, 2020)
	got, ok := c.Lookup("2010301")
	want := classification.Entry{Code: "2010301", Name: "行政运行", Level: classification.Item,
		Parent: "20103", Source: "doc:seed-sc2020"}
	if !ok {
		t.Fatal("Lookup(2010301) not found")
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Lookup(2010301) (-want +got):\n%s", d)
	}
	for _, code := range []string{"", "2", "999", "2010398", "20103011", "abc"} {
		if e, ok := c.Lookup(code); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", code, e)
		}
	}
	if got := c.Name("20103"); got != "政府办公厅（室）及相关机构事务" {
		t.Errorf("Name(20103) = %q", got)
	}
	if got := c.Name("999"); got != "" {
		t.Errorf("Name(999) = %q, want empty", got)
	}
}

// TestNameByYear checks that each edition answers with the name valid in
// its year.
func TestNameByYear(t *testing.T) {
	tests := []struct {
		code string
		year int
		want string
	}{
		{"210", 2018, "医疗卫生与计划生育支出"},
		{"210", 2019, "卫生健康支出"},
		{"210", 2020, "卫生健康支出"}, // the 2020 Sichuan document
		{"207", 2018, "文化体育与传媒支出"},
		{"207", 2019, "文化旅游体育与传媒支出"},
		{"220", 2018, "国土海洋气象等支出"},
		{"220", 2026, "自然资源海洋气象等支出"},
		{"215", 2019, "资源勘探信息等支出"},    // boundaries.csv
		{"215", 2020, "资源勘探工业信息等支出"},  // boundaries.csv
		{"215", 2024, "资源勘探工业信息等支出"},  // 2024 Shanghai
		{"20805", 2018, "行政事业单位离退休"},  //
		{"20805", 2020, "行政事业单位离退休"},  // the 2020 Sichuan document
		{"20805", 2021, "行政事业单位养老支出"}, //
		{"20805", 2024, "行政事业单位养老支出"}, // 2024 Shanghai
		{"2080501", 2024, "行政单位离退休"},  // 项 keep their names
		{"201", 2018, "一般公共服务支出"},     // no boundary: every year
		{"201", 2026, "一般公共服务支出"},     //
		{"224", 2018, ""}, // from 2019
		{"224", 2019, "灾害防治及应急管理支出"}, //
		{"234", 2019, ""}, // from 2020
		{"234", 2020, "抗疫特别国债安排的支出"}, //
		{"21301", 2018, ""},     // 农业农村 from 2019
		{"21301", 2019, "农业农村"}, //
	}
	for _, tt := range tests {
		if got := edition(t, classification.Functional, tt.year).Name(tt.code); got != tt.want {
			t.Errorf("%d edition: Name(%s) = %q, want %q", tt.year, tt.code, got, tt.want)
		}
	}
}

func TestNavigation(t *testing.T) {
	c := edition(t, classification.Functional, 2020)
	if got, want := c.Path("2010301"), "一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行"; got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
	if got, want := c.Path("201"), "一般公共服务支出"; got != want {
		t.Errorf("Path(201) = %q, want %q", got, want)
	}
	if got := c.Path("2019999"); got != "" {
		t.Errorf("Path(unknown) = %q, want empty", got)
	}
	tests := []struct {
		name string
		got  []classification.Entry
		want []string
	}{
		{"Children(20103)", c.Children("20103"), []string{"2010301", "2010302", "2010303", "2010350", "2010399"}},
		{"Children(221)", c.Children("221"), []string{"22101", "22102", "22103"}},
		{"Children(2010301)", c.Children("2010301"), []string{}},
		{"Children(999)", c.Children("999"), []string{}},
		{"Ancestors(2010301)", c.Ancestors("2010301"), []string{"201", "20103"}},
		{"Ancestors(201)", c.Ancestors("201"), []string{}},
		{"Ancestors(2019999)", c.Ancestors("2019999"), []string{"201", "20199"}},
		{"Search(住房)", c.Search("住房"), []string{"221", "22102", "2210201"}},
		{"Search(无此名称)", c.Search("无此名称"), []string{}},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, codes(tt.got)); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, d)
		}
	}
	var classes []string
	for _, e := range c.Children("") {
		classes = append(classes, e.Code)
	}
	if len(classes) != 30 || classes[0] != "201" || classes[len(classes)-1] != "234" {
		t.Errorf("Children(\"\") = %v, want the 30 类 of 2020 from 201 to 234", classes)
	}
}

func TestWalk(t *testing.T) {
	c := edition(t, classification.Functional, 2024)
	var all []string
	c.Walk(func(e classification.Entry) bool { all = append(all, e.Code); return true })
	if len(all) != c.Len() {
		t.Fatalf("Walk visited %d, Len = %d", len(all), c.Len())
	}
	for i := 1; i < len(all); i++ {
		if all[i-1] >= all[i] {
			t.Fatalf("Walk not in code order: %s then %s", all[i-1], all[i])
		}
	}
	// Code order is depth first: every 款/项 follows its parent.
	seen := map[string]bool{}
	for _, code := range all {
		if p := code[:len(code)-2]; len(code) > 3 && !seen[p] {
			t.Errorf("%s visited before its parent %s", code, p)
		}
		seen[code] = true
	}
	var first []string
	c.Walk(func(e classification.Entry) bool { first = append(first, e.Code); return len(first) < 3 })
	if d := cmp.Diff([]string{"201", "20101", "20102"}, first); d != "" {
		t.Errorf("Walk stopped early (-want +got):\n%s", d)
	}
	n := 0
	for e := range c.All() {
		if e.Code != all[n] {
			t.Fatalf("All()[%d] = %s, want %s", n, e.Code, all[n])
		}
		n++
	}
	if n != len(all) {
		t.Errorf("All yielded %d, want %d", n, len(all))
	}
}

// checkResult is the comparable part of a Check error.
type checkResult struct {
	Sentinel   error
	Detail     string // substring of the detail
	Incomplete bool
	Warning    bool
}

func TestCheck(t *testing.T) {
	sentinels := []error{classification.ErrMalformed, classification.ErrUnknown,
		classification.ErrNotInYear, classification.ErrWrongLevel}
	F, D, G := classification.Functional, classification.EconDept, classification.EconGov
	C, S, I := classification.Class, classification.Section, classification.Item
	tests := []struct {
		f       classification.Family
		year    int
		code    string
		allowed []classification.Level
		want    *checkResult // nil: no error
	}{
		{F, 2020, "2010301", nil, nil},
		{F, 2020, "2010301", []classification.Level{I}, nil},
		{F, 2020, "201", []classification.Level{C, S}, nil},
		{D, 2020, "30101", nil, nil},
		{G, 2020, "50101", nil, nil},
		// malformed
		{F, 2020, "", nil, &checkResult{Sentinel: classification.ErrMalformed, Detail: "want 3, 5 or 7 digits"}},
		{F, 2020, "2010", nil, &checkResult{Sentinel: classification.ErrMalformed, Detail: "want 3, 5 or 7 digits"}},
		{F, 2020, "20103011", nil, &checkResult{Sentinel: classification.ErrMalformed}},
		{F, 2020, "2O1", nil, &checkResult{Sentinel: classification.ErrMalformed, Detail: "non-digit"}},
		{F, 2020, "２０１", nil, &checkResult{Sentinel: classification.ErrMalformed}},
		{D, 2020, "3010101", nil, &checkResult{Sentinel: classification.ErrMalformed, Detail: "want 3 or 5 digits"}},
		{G, 2020, "5010101", nil, &checkResult{Sentinel: classification.ErrMalformed}},
		// wrong level, checked before the catalogue
		{F, 2020, "2010301", []classification.Level{C, S}, &checkResult{Sentinel: classification.ErrWrongLevel, Detail: "a 项 where 类 or 款 is expected"}},
		{F, 2020, "201", []classification.Level{I}, &checkResult{Sentinel: classification.ErrWrongLevel}},
		{F, 2020, "2019999", []classification.Level{C}, &checkResult{Sentinel: classification.ErrWrongLevel}},
		{D, 2020, "301", []classification.Level{S}, &checkResult{Sentinel: classification.ErrWrongLevel}},
		// not in year
		{F, 2018, "224", nil, &checkResult{Sentinel: classification.ErrNotInYear, Detail: "灾害防治及应急管理支出 from 2019"}},
		{F, 2019, "234", nil, &checkResult{Sentinel: classification.ErrNotInYear, Detail: "from 2020"}},
		{F, 2018, "21301", nil, &checkResult{Sentinel: classification.ErrNotInYear, Detail: "农业农村 from 2019"}},
		// unknown at a complete level: an error
		{F, 2020, "999", nil, &checkResult{Sentinel: classification.ErrUnknown}},
		{F, 2020, "218", nil, &checkResult{Sentinel: classification.ErrUnknown}},
		{D, 2020, "308", nil, &checkResult{Sentinel: classification.ErrUnknown}},
		{G, 2020, "515", nil, &checkResult{Sentinel: classification.ErrUnknown}},
		// unknown at an incomplete level: a warning
		{F, 2020, "20137", nil, &checkResult{Sentinel: classification.ErrUnknown, Detail: "款 list", Incomplete: true, Warning: true}},
		{F, 2020, "2019999", nil, &checkResult{Sentinel: classification.ErrUnknown, Detail: "项 list", Incomplete: true, Warning: true}},
		{D, 2020, "31304", nil, &checkResult{Sentinel: classification.ErrUnknown, Incomplete: true, Warning: true}},
		{G, 2020, "51004", nil, &checkResult{Sentinel: classification.ErrUnknown, Incomplete: true, Warning: true}},
	}
	for _, tt := range tests {
		name := tt.f.String() + "/" + tt.code
		c := edition(t, tt.f, tt.year)
		err := c.Check(tt.code, tt.allowed...)
		if tt.want == nil {
			if err != nil {
				t.Errorf("%s: Check = %v, want nil", name, err)
			}
			continue
		}
		var ce *classification.CodeError
		if !errors.As(err, &ce) {
			t.Errorf("%s: Check = %v, want a *CodeError", name, err)
			continue
		}
		n := 0
		for _, s := range sentinels {
			if errors.Is(err, s) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %v wraps %d sentinels, want exactly 1", name, err, n)
		}
		got := &checkResult{Sentinel: ce.Err, Detail: tt.want.Detail, Incomplete: ce.Incomplete, Warning: classification.IsWarning(err)}
		if !strings.Contains(ce.Detail, tt.want.Detail) {
			got.Detail = ce.Detail
		}
		if d := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); d != "" {
			t.Errorf("%s: Check = %v (-want +got):\n%s", name, err, d)
		}
		if ce.Code != tt.code || ce.Family != tt.f || ce.Year != tt.year {
			t.Errorf("%s: CodeError{Code %q, Family %v, Year %d}", name, ce.Code, ce.Family, ce.Year)
		}
		wantIncomplete := false
		if !errors.Is(err, classification.ErrMalformed) {
			wantIncomplete = !c.Complete(classification.Level((len(tt.code) - 1) / 2))
		}
		if got := c.Incomplete(tt.code); got != wantIncomplete {
			t.Errorf("%s: Incomplete = %v, want %v", name, got, wantIncomplete)
		}
	}
	if classification.IsWarning(nil) || classification.IsWarning(errors.New("x")) {
		t.Error("IsWarning of a non-CodeError is true")
	}
}

func TestComplete(t *testing.T) {
	type levels struct{ Class, Section, Item bool }
	for _, f := range []classification.Family{classification.Functional, classification.EconDept, classification.EconGov} {
		c := edition(t, f, 2020)
		got := levels{c.Complete(classification.Class), c.Complete(classification.Section), c.Complete(classification.Item)}
		if d := cmp.Diff(levels{Class: true}, got); d != "" {
			t.Errorf("%v: Complete (-want +got):\n%s", f, d)
		}
		if c.Complete(0) || c.Complete(9) {
			t.Errorf("%v: Complete of a bad level is true", f)
		}
		all := c.WithComplete(classification.Class, classification.Section, classification.Item)
		want := levels{true, true, f == classification.Functional}
		got = levels{all.Complete(classification.Class), all.Complete(classification.Section), all.Complete(classification.Item)}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%v: WithComplete (-want +got):\n%s", f, d)
		}
		if c.Complete(classification.Section) {
			t.Errorf("%v: WithComplete changed its receiver", f)
		}
	}
}

func TestEntryYears(t *testing.T) {
	tests := []struct {
		e    classification.Entry
		want string
	}{
		{classification.Entry{}, "no year boundary asserted"},
		{classification.Entry{Since: 2019}, "from 2019"},
		{classification.Entry{Until: 2018}, "until 2018"},
		{classification.Entry{Since: 2019, Until: 2020}, "2019–2020"},
		{classification.Entry{Since: 2020, Until: 2020}, "2020"},
	}
	for _, tt := range tests {
		if got := tt.e.Years(); got != tt.want {
			t.Errorf("%+v.Years() = %q, want %q", tt.e, got, tt.want)
		}
	}
}

func TestEmbeddedProvenance(t *testing.T) {
	for _, f := range []classification.Family{classification.Functional, classification.EconDept, classification.EconGov} {
		for y := classification.FirstEmbeddedYear; y <= classification.LastEmbeddedYear; y++ {
			c := edition(t, f, y)
			if c.Year() != y || c.Family() != f || c.Source() != "embedded "+classification.DataVersion {
				t.Errorf("edition %v %d: Year %d Family %v Source %q", f, y, c.Year(), c.Family(), c.Source())
			}
			c.Walk(func(e classification.Entry) bool {
				if e.Source != "recalled" && !strings.HasPrefix(e.Source, "doc:") {
					t.Errorf("%v %d %s: source %q", f, y, e.Code, e.Source)
				}
				if !e.ValidIn(y) {
					t.Errorf("%v %d %s: not valid in its edition's year", f, y, e.Code)
				}
				return true
			})
		}
	}
}
