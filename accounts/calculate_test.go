package accounts

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
)

// byValue compares amounts by value and statedness (40.5 = 40.50).
var byValue = cmp.Options{
	cmp.Comparer(func(a, b Amount) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b Count) bool { return a == b }),
}

// exactly compares amounts also by their written decimal places.
var exactly = cmp.Options{
	cmp.Comparer(func(a, b Amount) bool { return a.Equal(b) && a.String() == b.String() }),
	cmp.Comparer(func(a, b Count) bool { return a == b }),
}

func unset(as ...*Amount) {
	for _, a := range as {
		*a = Amount{}
	}
}

func clearCols(cs ColumnSet) {
	for i := range cs.Columns() {
		*cs.At(i) = Amount{}
	}
}

// stripDerived removes from a valid report every figure that Calculate
// can derive from the others.
func stripDerived(r *Report) {
	t := &r.Tables
	for _, s := range []*SummaryTable{t.Summary, t.Z01.Actual} {
		unset(&s.Income.Total, &s.Income.GrandTotal, &s.Expenditure.Total, &s.Expenditure.EndingBalance, &s.Expenditure.GrandTotal)
	}
	for _, f := range []*FiscalSummaryTable{t.FiscalSummary, t.Z011.Actual} {
		for i := range f.Expenditure.Rows {
			unset(&f.Expenditure.Rows[i].Total)
		}
		unset(&f.Income.Current.Total, &f.Income.BeginningBalance.Total, &f.Income.GrandTotal)
		clearCols(&f.Expenditure.Total)
		clearCols(&f.Expenditure.EndingBalance)
		clearCols(&f.Expenditure.GrandTotal)
	}
	for i := range t.Income.Rows {
		r := &t.Income.Rows[i]
		if r.Code.Level() < classification.Item {
			clearCols(r)
		}
		unset(&r.Total)
	}
	clearCols(&t.Income.Total)
	for i := range t.Expenditure.Rows {
		r := &t.Expenditure.Rows[i]
		if r.Code.Level() < classification.Item {
			clearCols(r)
		}
		unset(&r.Total)
	}
	clearCols(&t.Expenditure.Total)
	for i := range t.GeneralBudget.Rows {
		r := &t.GeneralBudget.Rows[i]
		if r.Code.Level() < classification.Item {
			clearCols(r)
		}
		unset(&r.Total)
	}
	clearCols(&t.GeneralBudget.Total)
	for _, e := range []*EconomicTable{t.FiscalEconomic, t.GeneralBudgetEconomic} {
		for i := range e.Rows {
			r := &e.Rows[i]
			if hasChild(e, r.Code) {
				clearCols(r)
			}
			unset(&r.Total, &r.Basic)
		}
		clearCols(&e.Total)
	}
	for _, d := range []*EconDeptTable{t.GeneralBudgetBasic, t.GeneralBudgetProject} {
		for i := range d.Rows {
			if d.Rows[i].Code.Level() == classification.Class {
				unset(&d.Rows[i].Amount)
			}
		}
		unset(&d.Public, &d.Total)
		if d == t.GeneralBudgetBasic {
			unset(&d.Personnel)
		}
	}
	unset(&t.ThreePublic.Budget.Total, &t.ThreePublic.Budget.Vehicle, &t.ThreePublic.Actual.Total, &t.ThreePublic.Actual.Vehicle)
	for i := range t.GovFund.Rows {
		r := &t.GovFund.Rows[i]
		if r.Code.Level() < classification.Item {
			clearCols(r)
		}
		unset(&r.Expenditure, &r.EndingBalance)
	}
	clearCols(&t.GovFund.Total)
	unset(&t.Z07.Rows[0].Amount, &t.Z07.Expenditure.Total, &t.Z07.Expenditure.Basic)
}

func hasChild(e *EconomicTable, code classification.EconGovCode) bool {
	for _, r := range e.Rows {
		if r.Code.Parent() == code {
			return true
		}
	}
	return false
}

// TestCalculateRestores: stripping every derivable figure from the valid
// report and calculating gives the valid report back.
func TestCalculateRestores(t *testing.T) {
	want := validReport()
	r := validReport()
	stripDerived(r)
	if d := cmp.Diff(want, r, byValue); d == "" {
		t.Fatal("stripDerived removed nothing")
	}
	r.Calculate()
	if d := cmp.Diff(want, r, byValue); d != "" {
		t.Errorf("Calculate (-want +got):\n%s", d)
	}
	if fs := Validate(r, Options{Catalogs: editions(t, 2020)}); len(fs) != 0 {
		t.Errorf("calculated report has findings: %v", fs)
	}
}

// TestCalculateIdempotent: Calculate twice equals Calculate once.
func TestCalculateIdempotent(t *testing.T) {
	for name, r := range map[string]*Report{"stripped": validReport(), "valid": validReport(), "reference": reference(t)} {
		if name == "stripped" {
			stripDerived(r)
		}
		r.Calculate()
		snap := cloneReport(t, r)
		r.Calculate()
		if d := cmp.Diff(snap, r, exactly); d != "" {
			t.Errorf("%s: second Calculate changed (-once +twice):\n%s", name, d)
		}
	}
}

// TestCalculateNeverOverwrites: a stated figure stays, even when wrong.
func TestCalculateNeverOverwrites(t *testing.T) {
	r := validReport()
	r.Tables.Income.Total.Total = m("999.99")
	r.Tables.GeneralBudgetBasic.Personnel = m("1.00")
	r.Calculate()
	if got := r.Tables.Income.Total.Total.String(); got != "999.99" {
		t.Errorf("income total = %s, want 999.99", got)
	}
	if got := r.Tables.GeneralBudgetBasic.Personnel.String(); got != "1.00" {
		t.Errorf("personnel = %s, want 1.00", got)
	}
}

// TestCalculateNeverInvents: a total with an absent addend stays absent,
// and so does everything that depends on it.
func TestCalculateNeverInvents(t *testing.T) {
	r := validReport()
	stripDerived(r)
	unset(&r.Tables.Income.Rows[2].Other) // 2010301 其他收入
	unset(&r.Tables.Summary.Income.Other)
	r.Calculate()
	in := r.Tables.Income
	for _, a := range []struct {
		name string
		a    Amount
	}{
		{"2010301 total", in.Rows[2].Total},
		{"20103 total", in.Rows[1].Total},
		{"20103 other", in.Rows[1].Other},
		{"201 total", in.Rows[0].Total},
		{"合计 total", in.Total.Total},
		{"合计 other", in.Total.Other},
		{"summary income total", r.Tables.Summary.Income.Total},
		{"summary income grand total", r.Tables.Summary.Income.GrandTotal},
		{"summary ending balance", r.Tables.Summary.Expenditure.EndingBalance},
	} {
		if a.a.IsSet() {
			t.Errorf("%s = %s, want absent", a.name, a.a)
		}
	}
	// what does not depend on the absent figure is still derived
	for _, a := range []struct {
		name string
		a    Amount
		want string
	}{
		{"20103 fiscal", in.Rows[1].Fiscal, "410.37"},
		{"合计 fiscal", in.Total.Fiscal, "630.78"},
		{"2010302 total", in.Rows[3].Total, "70.50"},
	} {
		if a.a.String() != a.want {
			t.Errorf("%s = %s, want %s", a.name, a.a, a.want)
		}
	}
}

// TestCalculatePersonnelClasses: the 人员经费 classes are an option.
func TestCalculatePersonnelClasses(t *testing.T) {
	r := validReport()
	stripDerived(r)
	r.CalculateWith(Options{PersonnelClasses: []classification.EconDeptCode{"301"}})
	b := r.Tables.GeneralBudgetBasic
	if got := [3]string{b.Personnel.String(), b.Public.String(), b.Total.String()}; got != [3]string{"300.00", "229.03", "529.03"} {
		t.Errorf("personnel, public, total = %v", got)
	}
}

// TestCalculateYuan: sums in 元 keep their places.
func TestCalculateYuan(t *testing.T) {
	r := &Report{Unit: Unit{AmountUnit: amount.Yuan}}
	r.Tables.ThreePublic = &ThreePublicTable{Actual: ThreePublicColumns{Abroad: m("0"), VehiclePurchase: m("1200.50"),
		VehicleOperation: m("58900.25"), Reception: m("458500")}}
	r.Calculate()
	a := r.Tables.ThreePublic.Actual
	if a.Vehicle.String() != "60100.75" || a.Total.String() != "518600.75" {
		t.Errorf("vehicle %s, total %s", a.Vehicle, a.Total)
	}
}

func cmpDiff(a, b *Report) string { return cmp.Diff(a, b, exactly) }
