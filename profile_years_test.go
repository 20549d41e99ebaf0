package juesuan_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/cnfiscal/juesuan/profiles/sichuan2023"
)

// TestProfileYears: a built-in profile checks documents of every year of
// its range without S2 (issue 15 item 8), and reports S2 for the years
// around it. Each case generates a fault-free fixture of the profile,
// moves it to the year and validates it: the only finding that may appear
// or go is S2 — codes are checked against that year's catalogue edition,
// and the generated codes are in every edition of the range.
func TestProfileYears(t *testing.T) {
	for _, tc := range []struct {
		profile     string
		first, last int
	}{
		{central.ID, 2018, 2026},
		{sichuan2020.ID, 2020, 2020},
		{sichuan2023.ID, 2023, 2024},
	} {
		d, _, err := fixture.Generate(fixture.Options{Profile: tc.profile, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		base, err := juesuan.Validate(d)
		if err != nil {
			t.Fatal(err)
		}
		if base.HasErrors() {
			t.Fatalf("%s: the fault-free fixture has errors: %v", tc.profile, base)
		}
		for year := tc.first - 1; year <= tc.last+1; year++ {
			d.Unit.FiscalYear = year
			got, err := juesuan.Validate(d)
			if err != nil {
				t.Fatalf("%s %d: %v", tc.profile, year, err)
			}
			var want []string
			if year < tc.first || year > tc.last {
				want = []string{"S2 /unit/fiscalYear"}
			}
			if diff := cmp.Diff(want, errorsOf(got)); diff != "" {
				t.Errorf("%s, year %d: errors (-want +got):\n%s", tc.profile, year, diff)
			}
		}
	}
}

// errorsOf lists the error findings of fs as "RULE PATH".
func errorsOf(fs audit.Findings) []string {
	var out []string
	for _, f := range fs {
		if f.Severity == audit.Error {
			out = append(out, f.Rule+" "+f.Path)
		}
	}
	return out
}

// TestProfileYearsS2Message: S2 names the profile's range.
func TestProfileYearsS2Message(t *testing.T) {
	d, _, err := fixture.Generate(fixture.Options{Profile: central.ID, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	d.Unit.FiscalYear = 2017
	fs, err := juesuan.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	var got []audit.Finding
	for _, f := range fs {
		if f.Rule == "S2" {
			got = append(got, f)
		}
	}
	want := []audit.Finding{{Rule: "S2", Severity: audit.Error, Path: "/unit/fiscalYear",
		Message: "决算年度为2017，配置central-2024适用于2018–2026年度", Expected: "2018–2026", Actual: "2017"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("S2 (-want +got):\n%s", diff)
	}
}

// TestProfileYearsInvalid: Register refuses a malformed range.
func TestProfileYearsInvalid(t *testing.T) {
	for _, tc := range []struct {
		name       string
		fiscalYear int
		years      juesuan.Years
		ok         bool
	}{
		{"range", 2024, juesuan.Years{First: 2018, Last: 2026}, true},
		{"single year", 2020, juesuan.Years{First: 2020, Last: 2020}, true},
		{"no fiscal year", 0, juesuan.Years{First: 2018, Last: 2026}, true},
		{"reversed", 2020, juesuan.Years{First: 2026, Last: 2018}, false},
		{"first only", 2020, juesuan.Years{First: 2020}, false},
		{"fiscal year outside", 2017, juesuan.Years{First: 2018, Last: 2026}, false},
	} {
		p := central.Profile()
		p.ID = "years-test"
		p.FiscalYear, p.Years = tc.fiscalYear, tc.years
		err := juesuan.NewRegistry().Register(p)
		if got := err == nil; got != tc.ok || (err != nil && !errors.Is(err, juesuan.ErrInvalidProfile)) {
			t.Errorf("%s: Register = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}

// TestCovers: which years a profile covers.
func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		fiscalYear int
		years      juesuan.Years
		want       map[int]bool
	}{
		{2020, juesuan.Years{}, map[int]bool{2019: false, 2020: true, 2021: false}},
		{0, juesuan.Years{}, map[int]bool{0: true, 1999: true, 2030: true}},
		{2024, juesuan.Years{First: 2018, Last: 2026}, map[int]bool{2017: false, 2018: true, 2024: true, 2026: true, 2027: false}},
	} {
		p := &juesuan.Profile{FiscalYear: tc.fiscalYear, Years: tc.years}
		for year, want := range tc.want {
			if got := p.Covers(year); got != want {
				t.Errorf("FiscalYear %d, Years %v: Covers(%d) = %v, want %v", tc.fiscalYear, tc.years, year, got, want)
			}
		}
	}
}

// ExampleYears shows the range a built-in profile covers.
func ExampleYears() {
	p, err := juesuan.LookupProfile("central-2024")
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Years, p.Covers(2019), p.Covers(2017))
	// Output: 2018–2026 true false
}
