package juesuan

import (
	"testing"

	"github.com/cnfiscal/juesuan/classification"
)

// TestEditionsOfYear: a profile without Editions checks a document of a
// covered year against that year's embedded editions, and a document of
// another year (S2) against those of its FiscalYear.
func TestEditionsOfYear(t *testing.T) {
	p := &Profile{ID: "years", FiscalYear: 2024, Years: Years{First: 2018, Last: 2026}}
	for _, tc := range []struct{ doc, edition int }{
		{2018, 2018}, {2019, 2019}, {2024, 2024}, {2025, 2025}, {2026, 2026},
		{2017, 2024}, {2027, 2024}, {0, 2024},
	} {
		d := &Document{}
		d.Unit.FiscalYear = tc.doc
		got, err := p.editions(d)
		if err != nil {
			t.Fatal(err)
		}
		want, err := classification.EditionsFor(tc.edition)
		if err != nil {
			t.Fatal(err)
		}
		if got.Functional != want.Functional || got.EconDept != want.EconDept || got.EconGov != want.EconGov {
			t.Errorf("document of %d: not the %d editions", tc.doc, tc.edition)
		}
	}
}
