package accounts

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/classification"
)

// TestTablesHas: each pointer field of Tables, set alone, is reported
// present under its JSON key and no other.
func TestTablesHas(t *testing.T) {
	typ := reflect.TypeFor[Tables]()
	var keys []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Type.Kind() != reflect.Pointer {
			continue
		}
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		keys = append(keys, key)
		var tb Tables
		reflect.ValueOf(&tb).Elem().Field(i).Set(reflect.New(f.Type.Elem()))
		for _, tl := range Layouts() {
			if got := tb.Has(tl.Key); got != (tl.Key == key) {
				t.Errorf("with only %s set, Has(%q) = %v", f.Name, tl.Key, got)
			}
		}
		if !tb.Present()[key] {
			t.Errorf("with only %s set, Present()[%q] is false", f.Name, key)
		}
	}
	var got []string
	for _, tl := range Layouts() {
		got = append(got, tl.Key)
	}
	if d := cmp.Diff(keys, got); d != "" {
		t.Errorf("layout keys (-Tables fields +Layouts):\n%s", d)
	}
	if (&Tables{}).Has("nosuch") || LayoutOf("nosuch") != nil {
		t.Error("an unknown key is known")
	}
}

// TestLayout spells out what the declarations give for a few tables.
func TestLayout(t *testing.T) {
	type part struct {
		Path, Title string
		Kind        PartKind
		Columns     []string // key: header
		Levels      []classification.Level
		Total       string
	}
	brief := func(tl *TableLayout) []part {
		var out []part
		for _, p := range tl.Parts {
			bp := part{Path: p.Path, Title: p.Title, Kind: p.Kind, Levels: p.Levels, Total: p.Total}
			for _, c := range p.Columns {
				bp.Columns = append(bp.Columns, c.Name+": "+strings.Join(c.Header, "/"))
			}
			out = append(out, bp)
		}
		return out
	}
	cases := []struct {
		key, title, short string
		parts             []part
	}{
		{"stateCapital", "国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表", []part{
			{Path: "/total", Title: "合计", Kind: LinePart, Columns: []string{"beginningBalance: 年初结转和结余", "income: 本年收入",
				"expenditure: 本年支出/合计", "basic: 本年支出/基本支出", "project: 本年支出/项目支出", "endingBalance: 年末结转和结余"}},
			{Path: "/rows", Title: "科目", Kind: RowsPart, Total: "/total", Columns: []string{"beginningBalance: 年初结转和结余", "income: 本年收入",
				"expenditure: 本年支出/合计", "basic: 本年支出/基本支出", "project: 本年支出/项目支出", "endingBalance: 年末结转和结余"}},
		}},
		{"generalBudgetBasic", "一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算表", []part{
			{Path: "/rows", Title: "科目", Kind: RowsPart, Columns: []string{"amount: 决算数"},
				Levels: []classification.Level{classification.Class, classification.Section}, Total: "/total"},
			{Kind: LinesPart, Columns: []string{"personnel: 人员经费合计", "public: 公用经费合计", "total: 合计"}},
		}},
		{"z01", "财决Z01表 收入支出决算总表", "财决Z01表", nil},
	}
	for _, tc := range cases {
		tl := LayoutOf(tc.key)
		if tl.Title != tc.title || tl.Short != tc.short {
			t.Errorf("%s: title %q short %q", tc.key, tl.Title, tl.Short)
		}
		if tc.parts == nil {
			continue
		}
		if d := cmp.Diff(tc.parts, brief(tl)); d != "" {
			t.Errorf("%s parts (-want +got):\n%s", tc.key, d)
		}
	}
	// the summary's income lines carry their printed aliases
	s := LayoutOf("summary")
	if p := s.Parts[0]; p.Path != "/income" || p.Kind != LinesPart || p.Columns[0].Aliases[0] != "一般公共预算财政拨款收入" {
		t.Errorf("summary income: %+v", p)
	}
	// Z01's columns are titled as sub-tables in messages
	for _, p := range LayoutOf("z01").Parts {
		if want := map[bool]string{true: "财决Z01表（预算数）", false: "财决Z01表（决算数）"}[strings.HasPrefix(p.Path, "/budget")]; p.short != want {
			t.Errorf("z01 %s: short %q, want %q", p.Path, p.short, want)
		}
	}
}

// TestColumnsOf: the columns of a line are its amount fields, in order,
// and At returns each field; rows expose their embedded columns.
func TestColumnsOf(t *testing.T) {
	r := &IncomeRow{IncomeColumns: IncomeColumns{Fiscal: m("1.50")}}
	var cs ColumnSet = r
	if got := cs.At(1).String(); got != "1.50" || cs.Columns()[1].Name != "fiscal" {
		t.Errorf("IncomeRow.At(1) = %s", got)
	}
	tp := &ThreePublicColumns{}
	c := ColumnsOf(tp)
	if c.At(5) != &tp.Reception || len(c.Columns()) != 6 {
		t.Errorf("ThreePublicColumns: At(5) is not Reception")
	}
	n := 0
	for range Amounts(&SummaryIncome{}) {
		n++
	}
	if n != 12 {
		t.Errorf("Amounts(SummaryIncome) yields %d, want 12", n)
	}
	defer func() {
		if recover() == nil {
			t.Error("ColumnsOf(*int) does not panic")
		}
	}()
	ColumnsOf(new(int))
}

// TestFormulas: a formula's names resolve to the columns of the lines it
// is checked on.
func TestFormulas(t *testing.T) {
	f := identity[FundFlowColumns]("endingBalance = beginningBalance + income - expenditure", "")
	cols := (&FundFlowColumns{}).Columns()
	name := func(ks []int) (out []string) {
		for _, k := range ks {
			out = append(out, cols[k].Name)
		}
		return out
	}
	if cols[f.total].Name != "endingBalance" || !slices.Equal(name(f.plus), []string{"beginningBalance", "income"}) ||
		!slices.Equal(name(f.minus), []string{"expenditure"}) {
		t.Errorf("identity: %+v", f)
	}
	defer func() {
		if recover() == nil {
			t.Error("a formula over a column the set lacks does not panic")
		}
	}()
	identity[SplitColumns]("total = basic + personnel", "")
}
