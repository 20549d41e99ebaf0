package profiles_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/indicators"
	_ "github.com/cnfiscal/juesuan/profiles"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/cnfiscal/juesuan/profiles/sichuan2023"
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
		{sichuan2023.ID, sichuan2023.Profile, indicators.National, ""},
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

var update = flag.Bool("update", false, "rewrite testdata/catalogue.json from the profiles' rule catalogues")

// TestRuleCatalogue: the rule catalogue of each built-in profile (what
// `juesuan rules` prints) is, rule for rule and in order, the one
// testdata/catalogue.json records: IDs, severities, kinds, titles,
// descriptions and sources. The file was written from the catalogue before
// B8 and B9 moved from package accounts to profiles/sichuan2020; a change
// of the catalogue on purpose (such as the 表间 rules' rounding, issue 15)
// rewrites it with `go test -run TestRuleCatalogue -update ./profiles/`,
// and the diff is read before it is committed.
func TestRuleCatalogue(t *testing.T) {
	if *update {
		cat := map[string][]audit.Rule{}
		for _, id := range []string{sichuan2020.ID, central.ID, sichuan2023.ID} {
			p, err := juesuan.LookupProfile(id)
			if err != nil {
				t.Fatal(err)
			}
			cat[id] = p.RuleCatalog()
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(cat); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "catalogue.json"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.Join("testdata", "catalogue.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string][]audit.Rule
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id       string
		has, not []string // rules the catalogue must list or leave out
	}{
		{sichuan2020.ID, []string{"S1", "A1", "B8", "B9", "P1", "C1"}, nil},
		{central.ID, []string{"S1", "A1", "B7", "B10"}, []string{"B8", "B9"}},
		{sichuan2023.ID, []string{"S1", "A1", "B8", "B9", "P1", "C1"}, nil},
	} {
		p, err := juesuan.LookupProfile(tc.id)
		if err != nil {
			t.Fatal(err)
		}
		got := p.RuleCatalog()
		if diff := cmp.Diff(want[tc.id], got); diff != "" {
			t.Errorf("%s catalogue (-want +got):\n%s", tc.id, diff)
		}
		ids := map[string]bool{}
		for _, r := range got {
			ids[r.ID] = true
		}
		for _, id := range tc.has {
			if !ids[id] {
				t.Errorf("%s: catalogue lacks %s", tc.id, id)
			}
		}
		for _, id := range tc.not {
			if ids[id] {
				t.Errorf("%s: catalogue lists %s", tc.id, id)
			}
		}
	}
	if len(want) != 3 {
		t.Errorf("testdata/catalogue.json has %d profiles, want 3", len(want))
	}
}
