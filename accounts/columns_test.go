package accounts

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestColumns checks each ColumnSet against its struct: every Amount field
// is listed, in order, with its JSON name and jsonschema title, and At
// returns that field.
func TestColumns(t *testing.T) {
	for _, cs := range []ColumnSet{
		&IncomeColumns{}, &ExpenditureColumns{}, &FundColumns{}, &EconomicColumns{},
		&SplitColumns{}, &ThreePublicColumns{}, &FundFlowColumns{}, &BudgetColumns{},
		&SummaryIncome{}, &SummaryExpenditure{}, &FuncAmountRow{}, &EconDeptRow{},
	} {
		v := reflect.ValueOf(cs).Elem()
		name := v.Type().Name()
		var want []Column
		var ptrs []uintptr
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Type != reflect.TypeOf(Amount{}) {
				continue
			}
			json, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			title := ""
			for _, kv := range strings.Split(f.Tag.Get("jsonschema"), ",") {
				if s, ok := strings.CutPrefix(kv, "title="); ok {
					title = s
				}
			}
			want = append(want, Column{json, title})
			ptrs = append(ptrs, v.Field(i).Addr().Pointer())
		}
		if d := cmp.Diff(want, cs.Columns()); d != "" {
			t.Errorf("%s.Columns() (-struct +method):\n%s", name, d)
		}
		for i := range ptrs {
			if got := reflect.ValueOf(cs.At(i)).Pointer(); got != ptrs[i] {
				t.Errorf("%s.At(%d) is not field %s", name, i, want[i].Name)
			}
		}
		n := 0
		for range Amounts(cs) {
			n++
		}
		if n != len(want) {
			t.Errorf("Amounts(%s) yields %d, want %d", name, n, len(want))
		}
	}
}

// TestRowsEmbedColumns: rows expose their columns through the embedded set.
func TestRowsEmbedColumns(t *testing.T) {
	r := &IncomeRow{IncomeColumns: IncomeColumns{Fiscal: m("1.50")}}
	var cs ColumnSet = r
	if got := cs.At(1).String(); got != "1.50" {
		t.Errorf("IncomeRow.At(1) = %s", got)
	}
}

// TestTablesHas checks that Has (and so Present) knows every typed table:
// each pointer field of Tables, set alone, is reported present under its
// JSON key and no other.
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
		for _, k := range tableKeys {
			if got := tb.Has(k); got != (k == key) {
				t.Errorf("with only %s set, Has(%q) = %v", f.Name, k, got)
			}
		}
		if !tb.Present()[key] {
			t.Errorf("with only %s set, Present()[%q] is false", f.Name, key)
		}
	}
	if diff := cmp.Diff(keys, tableKeys[:]); diff != "" {
		t.Errorf("tableKeys differ from the JSON keys of Tables' tables (-fields +tableKeys):\n%s", diff)
	}
}
