package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/examples/custom-profile/shaanxi2020"
	"github.com/cnfiscal/juesuan/fixture"
)

// TestRun runs the example and checks its output: SX1 fires on the 决算数
// row only, the other tables are reported missing, B8 is off, and the added
// table has a schema whose row values are the profile's columns.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		"error SX1 /tables/extra/threePublicMeetingTraining/rows/1/values/total: 决算数合计为10.50，各项之和为10.40，相差0.10",
		"S1: 14 required tables missing",
		"B8 switched off",
	}
	if d := cmp.Diff(want, lines[:len(lines)-1]); d != "" {
		t.Errorf("output (-want +got):\n%s", d)
	}
	if !strings.HasPrefix(lines[len(lines)-1], "schema extra.threePublicMeetingTraining: ") {
		t.Errorf("last line %q", lines[len(lines)-1])
	}

	p, err := juesuan.LookupProfile(shaanxi2020.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Schema(juesuan.Draft2020, "extra."+shaanxi2020.MeetingTable)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Title      string `json:"title"`
		Properties struct {
			Rows struct {
				Items struct {
					Properties struct {
						Values struct {
							Properties           map[string]struct{ Title string } `json:"properties"`
							AdditionalProperties bool                              `json:"additionalProperties"`
						} `json:"values"`
					} `json:"properties"`
				} `json:"items"`
			} `json:"rows"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if s.Title != "“三公”经费及会议费、培训费支出决算表" {
		t.Errorf("schema title %q", s.Title)
	}
	vals := s.Properties.Rows.Items.Properties.Values
	if len(vals.Properties) != 7 || vals.Properties["meeting"].Title != "会议费" || vals.AdditionalProperties {
		t.Errorf("row values schema: %+v", vals)
	}

	// The import registered the profile; a second registration of the same
	// ID is refused.
	if err := juesuan.Register(shaanxi2020.Profile()); !errors.Is(err, juesuan.ErrDuplicateProfile) {
		t.Errorf("registering shaanxi-2020 twice: %v, want ErrDuplicateProfile", err)
	}
}

// TestFixture: the fixture generator reads the profile's place names and
// table set, so a synthetic shaanxi-2020 document is a Shaanxi unit with the
// added table, and it validates without errors.
func TestFixture(t *testing.T) {
	d, _, err := fixture.Generate(fixture.Options{Profile: shaanxi2020.ID, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Unit.Jurisdiction, "陕西省") || d.Tables.Extra[shaanxi2020.MeetingTable] == nil {
		t.Errorf("unit %+v, extra tables %v", d.Unit, d.Tables.Extra)
	}
	d.Calculate()
	fs, err := juesuan.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.Err(); err != nil {
		t.Errorf("synthetic shaanxi-2020 document: %v", err)
	}
}
