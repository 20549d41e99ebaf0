package profiles_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/indicators"
	_ "github.com/cnfiscal/juesuan/profiles"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// TestRegistered: importing profiles registers every built-in profile as
// its package's Profile() builds it, with the framework and grade bands the
// profile names.
func TestRegistered(t *testing.T) {
	for _, tc := range []struct {
		id        string
		build     func() *juesuan.Profile
		framework string
		bands     string
	}{
		{sichuan2020.ID, sichuan2020.Profile, sichuan2020.FrameworkID, ""},
		{central.ID, central.Profile, indicators.National, central.BandsName},
	} {
		got, err := juesuan.LookupProfile(tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.build(), got, cmpopts.IgnoreUnexported(accounts.Options{}), cmpopts.IgnoreFields(juesuan.Rule{}, "Check")); diff != "" {
			t.Errorf("%s: registered profile differs from Profile() (-built +registered):\n%s", tc.id, diff)
		}
		if got.Framework != tc.framework {
			t.Errorf("%s: framework %q, want %q", tc.id, got.Framework, tc.framework)
		}
		if _, err := indicators.LookupFramework(got.Framework); err != nil {
			t.Errorf("%s: %v", tc.id, err)
		}
		if got.Narrative == nil || got.Places.Province == "" || len(got.Places.Local) == 0 {
			t.Errorf("%s: no narrative patterns or place names", tc.id)
		}
		if tc.bands != "" {
			b, err := indicators.BandsNamed(tc.bands)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(central.Bands(), b); diff != "" {
				t.Errorf("bands %s (-want +got):\n%s", tc.bands, diff)
			}
		}
	}
	if m, err := indicators.LookupMapping(sichuan2020.FrameworkID, indicators.National); err != nil || len(m.Pairs) != 9 {
		t.Errorf("sichuan-2020 → national mapping: %v, %v", m, err)
	}
	// Profile() is a fresh copy each time.
	a, b := sichuan2020.Profile(), sichuan2020.Profile()
	a.Tables[0].Title = "changed"
	if b.Tables[0].Title == "changed" {
		t.Error("sichuan2020.Profile() shares its tables")
	}
}
