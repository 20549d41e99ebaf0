package juesuan_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// TestRuleList: a profile's Rules.Rules is the one list of the rules it
// runs on top of S1–S5 and the indicator rules: nil runs the built-in
// accounts rules, a list runs what it holds (a built-in rule replaced by
// one of the profile's under the same ID, an ID no built-in rule has any
// more, such as B8 in a profile based on central-2024), and a rule's Check
// sees the document, the profile, the catalogues and its tolerance
// through its Context.
func TestRuleList(t *testing.T) {
	type seen struct {
		doc, profile, report, catalogs bool
		tolerance                      amount.ToleranceMode
	}
	var got seen
	probe := func(id string) juesuan.Rule {
		return juesuan.Rule{Rule: audit.Rule{ID: id, Severity: audit.Warning, Kind: audit.Logic, Title: "测试"},
			Check: func(c *juesuan.Context) {
				got = seen{doc: c.Document != nil && c.Document.Unit.Name != "", profile: c.Profile != nil && c.Profile.ID == c.Document.Profile,
					report: c.Report == &c.Document.Report, catalogs: c.Catalogs.Functional != nil, tolerance: c.Tolerance().Mode}
				// 1 + 1 = 3 is a mismatch, reported at the rule's severity.
				c.Sum("/unit/name", "测试", amount.MustParse("3.00"), amount.MustParse("1.00"), amount.MustParse("1.00"))
			}}
	}
	without := func(id string) []juesuan.Rule {
		return slices.DeleteFunc(juesuan.AccountsRules(), func(r juesuan.Rule) bool { return r.ID == id })
	}
	for _, tc := range []struct {
		name    string
		base    string
		change  func(p *juesuan.Profile)
		listed  []string // rule IDs the catalogue must list
		absent  []string // and must not
		want    []brief  // findings of the probed rules
		checked bool     // the probe ran
	}{
		{name: "nil runs the built-in accounts rules", base: central.ID,
			listed: []string{"S1", "A1", "B7", "K2", "P1"}, absent: []string{"B8", "B9"}},
		{name: "sichuan-2020 adds B8 and B9", base: sichuan2020.ID,
			listed: []string{"A1", "B7", "B8", "B9", "B10"}},
		{name: "an empty list runs no accounts rule", base: central.ID,
			change: func(p *juesuan.Profile) { p.Rules.Rules = []juesuan.Rule{} },
			listed: []string{"S1", "P1"}, absent: []string{"A1", "B1", "K1"}},
		{name: "AddRule adds to the built-in rules", base: central.ID,
			change: func(p *juesuan.Profile) { p.AddRule(probe("X1")) },
			listed: []string{"A1", "X1"}, want: []brief{{"X1", audit.Warning, "/unit/name"}}, checked: true},
		{name: "B8 is free in a profile based on central-2024", base: central.ID,
			change: func(p *juesuan.Profile) { p.AddRule(probe("B8")) },
			listed: []string{"B8"}, want: []brief{{"B8", audit.Warning, "/unit/name"}}, checked: true},
		{name: "a built-in rule replaced", base: sichuan2020.ID,
			change: func(p *juesuan.Profile) { p.Rules.Rules = append(without("A1"), probe("A1")) },
			listed: []string{"A1", "A2"}, want: []brief{{"A1", audit.Warning, "/unit/name"}}, checked: true},
		{name: "a listed rule switched off", base: sichuan2020.ID,
			change: func(p *juesuan.Profile) { p.AddRule(probe("X1")); p.Disable("X1") },
			absent: []string{"X1"}},
		{name: "a listed rule's tolerance", base: sichuan2020.ID,
			change: func(p *juesuan.Profile) {
				p.AddRule(probe("X1"))
				p.SetTolerance("X1", amount.Tolerance{Mode: amount.Fixed, Fixed: amount.MustParse("5.00")})
			},
			listed: []string{"X1"}, want: []brief{{"X1", audit.Info, "/unit/name"}}, checked: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base, err := juesuan.LookupProfile(tc.base)
			if err != nil {
				t.Fatal(err)
			}
			p := base.Clone()
			p.ID = "test-rule-list"
			if tc.change != nil {
				tc.change(p)
			}
			if err := juesuan.NewRegistry().Register(p); err != nil {
				t.Fatal(err)
			}
			ids := map[string]bool{}
			for _, r := range p.RuleCatalog() {
				ids[r.ID] = true
			}
			for _, id := range tc.listed {
				if !ids[id] {
					t.Errorf("catalogue lacks %s", id)
				}
			}
			for _, id := range tc.absent {
				if ids[id] {
					t.Errorf("catalogue lists %s", id)
				}
			}
			d := smallConsistent(t)
			d.Profile = p.ID
			got = seen{}
			fs, err := p.Validate(d)
			if err != nil {
				t.Fatal(err)
			}
			var probed []brief
			for _, f := range fs {
				if f.Path == "/unit/name" {
					probed = append(probed, brief{f.Rule, f.Severity, f.Path})
				}
			}
			if diff := cmp.Diff(tc.want, probed); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if !tc.checked {
				return
			}
			want := seen{doc: true, profile: true, report: true, catalogs: true, tolerance: amount.RoundingAware}
			if tc.name == "a listed rule's tolerance" {
				want.tolerance = amount.Fixed
			}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(seen{})); diff != "" {
				t.Errorf("the check's Context (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAccountsRules: AccountsRules lists the built-in accounts rules in
// catalogue order, each with a Check, as a fresh copy.
func TestAccountsRules(t *testing.T) {
	rs := juesuan.AccountsRules()
	if len(rs) == 0 || rs[0].ID != "A1" {
		t.Fatalf("AccountsRules = %v", rs)
	}
	for _, r := range rs {
		if r.Check == nil || r.ID == "B8" || r.ID == "B9" {
			t.Errorf("rule %s: Check %v (B8 and B9 are sichuan-2020's)", r.ID, r.Check != nil)
		}
	}
	rs[0].ID = "changed"
	if juesuan.AccountsRules()[0].ID != "A1" {
		t.Error("AccountsRules shares its slice")
	}
}
