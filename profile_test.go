package juesuan_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/indicators"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// TestBuiltinTables compares the built-in table sets with their sources,
// transcribed here: the 附表 list of the reference disclosure (第五部分, with
// the names 收入决算表/支出决算表 for its 收入总表/支出总表) and the
// table list of the 2024 central/Shanghai template.
func TestBuiltinTables(t *testing.T) {
	type row struct{ Key, Number, Title string }
	list := func(id string) (public, internal []row) {
		p, err := juesuan.LookupProfile(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range p.Tables {
			if s.Internal {
				internal = append(internal, row{s.Key, s.Number, s.Title})
				if s.Required {
					t.Errorf("%s: internal table %s is required", id, s.Key)
				}
				continue
			}
			public = append(public, row{s.Key, s.Number, s.Title})
			if !s.Required {
				t.Errorf("%s: public table %s is not required", id, s.Key)
			}
		}
		return public, internal
	}
	// Reference disclosure, 第五部分 附表.
	sichuan := []row{
		{"summary", "一", "收入支出决算总表"},
		{"income", "二", "收入决算表"},
		{"expenditure", "三", "支出决算表"},
		{"fiscalSummary", "四", "财政拨款收入支出决算总表"},
		{"fiscalEconomic", "五", "财政拨款支出决算明细表（政府经济分类科目）"},
		{"generalBudget", "六", "一般公共预算财政拨款支出决算表"},
		{"generalBudgetEconomic", "七", "一般公共预算财政拨款支出决算明细表"},
		{"generalBudgetBasic", "八", "一般公共预算财政拨款基本支出决算表"},
		{"generalBudgetProject", "九", "一般公共预算财政拨款项目支出决算表"},
		{"threePublic", "十", "一般公共预算财政拨款“三公”经费支出决算表"},
		{"govFund", "十一", "政府性基金预算财政拨款收入支出决算表"},
		{"govFundThreePublic", "十二", "政府性基金预算财政拨款“三公”经费支出决算表"},
		{"stateCapital", "十三", "国有资本经营预算财政拨款收入支出决算表"},
		{"stateCapitalExpenditure", "十四", "国有资本经营预算财政拨款支出决算表"},
	}
	// shanghai-2024-template.txt, 第二部分 部门决算表.
	central9 := []row{
		{"summary", "一", "收入支出决算总表"},
		{"income", "二", "收入决算表"},
		{"expenditure", "三", "支出决算表"},
		{"fiscalSummary", "四", "财政拨款收入支出决算总表"},
		{"generalBudget", "五", "一般公共预算财政拨款支出决算表"},
		{"generalBudgetBasic", "六", "一般公共预算财政拨款基本支出决算表"},
		{"threePublic", "七", "财政拨款“三公”经费支出决算表"},
		{"govFund", "八", "政府性基金预算财政拨款收入支出决算表"},
		{"stateCapital", "九", "国有资本经营预算财政拨款收入支出决算表"},
	}
	// The internal 财决 tables the reference narrative cites.
	internal := []row{
		{"z01", "", "财决Z01表 收入支出决算总表"},
		{"z01_1", "", "财决Z01-1表 财政拨款收入支出决算总表"},
		{"z07", "", "财决07表 一般公共预算财政拨款收入支出决算表"},
		{"f03", "", "财决附03表 机构运行信息表"},
	}
	for _, c := range []struct {
		id   string
		want []row
	}{{sichuan2020.ID, sichuan}, {central.ID, central9}} {
		pub, in := list(c.id)
		if d := cmp.Diff(c.want, pub); d != "" {
			t.Errorf("%s public tables (-source +profile):\n%s", c.id, d)
		}
		if d := cmp.Diff(internal, in); d != "" {
			t.Errorf("%s internal tables (-want +profile):\n%s", c.id, d)
		}
	}
}

func TestBuiltinProfiles(t *testing.T) {
	want := map[string]struct {
		year      int
		framework string
		disabled  []string
	}{
		sichuan2020.ID: {2020, sichuan2020.FrameworkID, nil},
		central.ID:     {2024, indicators.National, nil}, // B8 and B9 are sichuan-2020's own rules
	}
	for id, w := range want {
		p, err := juesuan.LookupProfile(id)
		if err != nil {
			t.Fatal(err)
		}
		if p.FiscalYear != w.year || p.Framework != w.framework || !slices.Equal(p.Rules.Disabled, w.disabled) {
			t.Errorf("%s: year %d framework %q disabled %v", id, p.FiscalYear, p.Framework, p.Rules.Disabled)
		}
		if _, err := indicators.LookupFramework(p.Framework); err != nil {
			t.Errorf("%s: %v", id, err)
		}
		if _, err := classification.EditionsFor(p.FiscalYear); err != nil {
			t.Errorf("%s: %v", id, err)
		}
		// Every rule the profile configures is one it runs.
		all := map[string]bool{}
		every := p.Clone()
		every.Rules.Disabled = nil
		for _, r := range every.RuleCatalog() {
			all[r.ID] = true
		}
		ids := slices.Clone(p.Rules.Disabled)
		for id := range p.Rules.Severity {
			ids = append(ids, id)
		}
		for id := range p.Rules.Tolerance {
			ids = append(ids, id)
		}
		for _, rid := range ids {
			if !all[rid] && len(accounts.Rules()) > 0 {
				t.Errorf("%s configures unknown rule %s", id, rid)
			}
		}
	}
	s, _ := juesuan.LookupProfile(sichuan2020.ID)
	if tp, ok := s.Table("threePublic"); !ok || tp.Number != "十" || tp.Pointer() != "/tables/threePublic" || tp.Extra() {
		t.Errorf("Table(threePublic) = %+v, %v", tp, ok)
	}
	if _, ok := s.Table("nope"); ok {
		t.Errorf("Table(nope) found")
	}
	if got := juesuan.ProfileIDs(); !slices.Contains(got, sichuan2020.ID) || !slices.Contains(got, central.ID) || !slices.IsSorted(got) {
		t.Errorf("ProfileIDs() = %v", got)
	}
}

func TestUnknownProfile(t *testing.T) {
	_, err := juesuan.LookupProfile("no-such-profile")
	if !errors.Is(err, juesuan.ErrUnknownProfile) {
		t.Fatalf("LookupProfile: %v, want ErrUnknownProfile", err)
	}
	for _, id := range []string{`"no-such-profile"`, sichuan2020.ID, central.ID} {
		if !strings.Contains(err.Error(), id) {
			t.Errorf("error %q does not name %s", err, id)
		}
	}
	d := &juesuan.Document{Profile: "no-such-profile"}
	if _, err := juesuan.Validate(d); !errors.Is(err, juesuan.ErrUnknownProfile) {
		t.Errorf("Validate: %v, want ErrUnknownProfile", err)
	}
	if _, err := juesuan.Validate(&juesuan.Document{}); !errors.Is(err, juesuan.ErrUnknownProfile) {
		t.Errorf("Validate without a profile: %v, want ErrUnknownProfile", err)
	}
}

// TestUnknownProfileQuoted: the unknown-profile error and the invalid-ID
// error quote at most 40 bytes of the ID, cut at a character boundary, and
// say how long it was, as the decoder's messages do.
func TestUnknownProfileQuoted(t *testing.T) {
	long := strings.Repeat("x", 100)
	wide := strings.Repeat("决", 20) // 60 bytes: 40 cuts inside the 14th character
	for _, tc := range []struct {
		name, id string
		quoted   string // what the errors quote
	}{
		{"short", "no-such-profile", `"no-such-profile"`},
		{"40 bytes", strings.Repeat("y", 40), `"` + strings.Repeat("y", 40) + `"`},
		{"long", long, `"` + strings.Repeat("x", 40) + `…(100 bytes)"`},
		{"multi-byte", wide, `"` + strings.Repeat("决", 13) + `…(60 bytes)"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := juesuan.NewRegistry().Lookup(tc.id)
			if !errors.Is(err, juesuan.ErrUnknownProfile) {
				t.Fatalf("Lookup: %v, want ErrUnknownProfile", err)
			}
			if !strings.Contains(err.Error(), tc.quoted) {
				t.Errorf("error %q does not quote %s", err, tc.quoted)
			}
			if len(tc.id) > 40 && strings.Contains(err.Error(), tc.id) {
				t.Errorf("error %q echoes the whole ID", err)
			}
			p := testProfile("x")
			p.ID = tc.id + " " // not a valid ID
			err = juesuan.NewRegistry().Register(p)
			if !errors.Is(err, juesuan.ErrInvalidProfile) {
				t.Fatalf("Register: %v, want ErrInvalidProfile", err)
			}
			if len(tc.id) > 40 && strings.Contains(err.Error(), tc.id) {
				t.Errorf("Register error %q echoes the whole ID", err)
			}
		})
	}
}

// testProfile returns a clone of sichuan-2020 with an added table.
func testProfile(id string) *juesuan.Profile {
	p, _ := juesuan.LookupProfile(sichuan2020.ID)
	q := p.Clone()
	q.ID = id
	q.AddTable(juesuan.TableSpec{Key: "meetings", Title: "会议费、培训费支出决算表", Required: true,
		Columns: []juesuan.ColumnSpec{{Key: "meeting", Title: "会议费"}, {Key: "training", Title: "培训费"}}})
	return q
}

func TestRegisterErrors(t *testing.T) {
	noop := func(*juesuan.Context) {}
	cases := []struct {
		name   string
		change func(p *juesuan.Profile)
		want   error
	}{
		{"no ID", func(p *juesuan.Profile) { p.ID = "" }, juesuan.ErrInvalidProfile},
		{"ID with a slash", func(p *juesuan.Profile) { p.ID = "shaanxi/2020" }, juesuan.ErrInvalidProfile},
		{"bad key", func(p *juesuan.Profile) { p.Tables[0].Key = "a/b" }, juesuan.ErrInvalidProfile},
		{"empty key", func(p *juesuan.Profile) { p.Tables[0].Key = "" }, juesuan.ErrInvalidProfile},
		{"unknown typed table", func(p *juesuan.Profile) { p.AddTable(juesuan.TableSpec{Key: "meetingz", Title: "x"}) }, juesuan.ErrInvalidProfile},
		{"table twice", func(p *juesuan.Profile) { p.AddTable(p.Tables[0]) }, juesuan.ErrInvalidProfile},
		{"added table twice", func(p *juesuan.Profile) { p.AddTable(p.Tables[len(p.Tables)-1]) }, juesuan.ErrInvalidProfile},
		{"column twice", func(p *juesuan.Profile) {
			p.AddTable(juesuan.TableSpec{Key: "x", Columns: []juesuan.ColumnSpec{{Key: "a"}, {Key: "a"}}})
		}, juesuan.ErrInvalidProfile},
		{"column without key", func(p *juesuan.Profile) {
			p.AddTable(juesuan.TableSpec{Key: "x", Columns: []juesuan.ColumnSpec{{Title: "a"}}})
		}, juesuan.ErrInvalidProfile},
		{"rule without ID", func(p *juesuan.Profile) { p.AddRule(juesuan.Rule{Check: noop}) }, juesuan.ErrInvalidProfile},
		{"rule without check", func(p *juesuan.Profile) { p.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "X1"}}) }, juesuan.ErrInvalidProfile},
		{"rule reuses S1", func(p *juesuan.Profile) { p.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "S1"}, Check: noop}) }, juesuan.ErrInvalidProfile},
		{"rule reuses A1", func(p *juesuan.Profile) { p.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "A1"}, Check: noop}) }, juesuan.ErrInvalidProfile},
		{"rule reuses P7", func(p *juesuan.Profile) { p.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "P7"}, Check: noop}) }, juesuan.ErrInvalidProfile},
		{"rule reuses C5", func(p *juesuan.Profile) { p.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "C5"}, Check: noop}) }, juesuan.ErrInvalidProfile},
		{"rule twice", func(p *juesuan.Profile) {
			p.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "X1"}, Check: noop})
			p.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "X1"}, Check: noop})
		}, juesuan.ErrInvalidProfile},
		{"unknown framework", func(p *juesuan.Profile) { p.Framework = "no-such-framework" }, juesuan.ErrInvalidProfile},
		{"registered ID", func(p *juesuan.Profile) { p.ID = sichuan2020.ID }, juesuan.ErrDuplicateProfile},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := testProfile("test-register-errors")
			c.change(p)
			err := juesuan.Register(p)
			if !errors.Is(err, c.want) {
				t.Errorf("Register: %v, want %v", err, c.want)
			}
		})
	}
	if err := juesuan.Register(nil); !errors.Is(err, juesuan.ErrInvalidProfile) {
		t.Errorf("Register(nil): %v", err)
	}
	if _, err := juesuan.LookupProfile("test-register-errors"); !errors.Is(err, juesuan.ErrUnknownProfile) {
		t.Errorf("a refused profile was registered")
	}
}

// TestClone: a clone shares nothing that changing it could alter in the
// original, and Register keeps its own copy.
func TestClone(t *testing.T) {
	p := testProfile("test-clone")
	p.SetSeverity("A1", audit.Warning)
	p.SetTolerance("A4", amount.Tolerance{Mode: amount.Exact})
	p.Disable("B9")
	p.Accounts.PersonnelClasses = []classification.EconDeptCode{"301"}
	before := p.Clone()
	opts := []cmp.Option{cmpopts.IgnoreFields(juesuan.Rule{}, "Check"), cmpopts.IgnoreUnexported(accounts.Options{}),
		cmp.Comparer(func(a, b accounts.Rule) bool { return a.ID == b.ID }), cmp.Comparer(func(a, b amount.Amount) bool { return a.Equal(b) })}
	if d := cmp.Diff(p, before, opts...); d != "" {
		t.Fatalf("clone differs:\n%s", d)
	}
	q := p.Clone()
	q.Tables[0].Title = "改"
	q.Tables[len(q.Tables)-1].Columns[0].Title = "改"
	q.Rules.Severity["A1"] = audit.Error
	q.Rules.Tolerance["A4"] = amount.Tolerance{}
	q.Rules.Disabled[0] = "B1"
	q.Accounts.PersonnelClasses[0] = "302"
	q.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "X9"}, Check: func(*juesuan.Context) {}})
	if d := cmp.Diff(before, p, opts...); d != "" {
		t.Errorf("changing a clone changed the original:\n%s", d)
	}
	registerTemp(t, p)
	p.Tables[0].Title = "注册后修改"
	reg, _ := juesuan.LookupProfile("test-clone")
	if reg.Tables[0].Title != before.Tables[0].Title {
		t.Errorf("changing p after Register changed the registered profile")
	}
}

// schDoc returns a minimal document of profile id (fiscal year 2020).
func structDoc(id string) *juesuan.Document {
	return &juesuan.Document{Profile: id, Report: accounts.Report{Unit: accounts.Unit{Name: "测试单位", FiscalYear: 2020, AmountUnit: amount.TenThousandYuan}}}
}

// allTables fills every typed table the profile lists with an empty table.
func allTables(t *testing.T, p *juesuan.Profile, d *juesuan.Document) {
	t.Helper()
	for _, s := range p.Tables {
		if s.Extra() {
			continue
		}
		b := []byte(fmt.Sprintf(`{"profile":%q,"unit":{"name":"x","fiscalYear":2020,"amountUnit":"万元"},"tables":{%q:%s}}`, p.ID, s.Key, emptyTable[s.Key]))
		x, err := juesuan.DecodeBytes(b)
		if err != nil {
			t.Fatalf("%s: %v", s.Key, err)
		}
		setTable(&d.Tables, &x.Tables, s.Key)
	}
}

// emptyTable is the smallest JSON of each typed table.
var emptyTable = map[string]string{
	"summary": `{"income":{},"expenditure":{}}`, "income": `{"total":{}}`, "expenditure": `{"total":{}}`,
	"fiscalSummary":  `{"income":{"current":{},"beginningBalance":{}},"expenditure":{"total":{},"endingBalance":{},"grandTotal":{}}}`,
	"fiscalEconomic": `{"total":{}}`, "generalBudget": `{"total":{}}`, "generalBudgetEconomic": `{"total":{}}`,
	"generalBudgetBasic": `{}`, "generalBudgetProject": `{}`, "threePublic": `{"budget":{},"actual":{}}`,
	"govFund": `{"total":{}}`, "govFundThreePublic": `{"budget":{},"actual":{}}`, "stateCapital": `{"total":{}}`,
	"stateCapitalExpenditure": `{"total":{}}`, "z01": `{}`, "z01_1": `{}`, "z07": `{"expenditure":{}}`,
	"f03": `{"threePublic":{},"operatingCost":{},"procurement":{},"assets":{}}`,
}

// setTable copies table key from src to dst.
func setTable(dst, src *accounts.Tables, key string) {
	switch key {
	case "summary":
		dst.Summary = src.Summary
	case "income":
		dst.Income = src.Income
	case "expenditure":
		dst.Expenditure = src.Expenditure
	case "fiscalSummary":
		dst.FiscalSummary = src.FiscalSummary
	case "fiscalEconomic":
		dst.FiscalEconomic = src.FiscalEconomic
	case "generalBudget":
		dst.GeneralBudget = src.GeneralBudget
	case "generalBudgetEconomic":
		dst.GeneralBudgetEconomic = src.GeneralBudgetEconomic
	case "generalBudgetBasic":
		dst.GeneralBudgetBasic = src.GeneralBudgetBasic
	case "generalBudgetProject":
		dst.GeneralBudgetProject = src.GeneralBudgetProject
	case "threePublic":
		dst.ThreePublic = src.ThreePublic
	case "govFund":
		dst.GovFund = src.GovFund
	case "govFundThreePublic":
		dst.GovFundThreePublic = src.GovFundThreePublic
	case "stateCapital":
		dst.StateCapital = src.StateCapital
	case "stateCapitalExpenditure":
		dst.StateCapitalExpenditure = src.StateCapitalExpenditure
	case "z01":
		dst.Z01 = src.Z01
	case "z01_1":
		dst.Z011 = src.Z011
	case "z07":
		dst.Z07 = src.Z07
	case "f03":
		dst.F03 = src.F03
	}
}

type brief struct {
	Rule     string
	Severity audit.Severity
	Path     string
}

func briefs(fs audit.Findings, rules ...string) []brief {
	var out []brief
	for _, f := range fs {
		if len(rules) == 0 || slices.Contains(rules, f.Rule) {
			out = append(out, brief{f.Rule, f.Severity, f.Path})
		}
	}
	return out
}

// TestStructuralRules: each of S1–S5 fires on its fault and stays quiet on
// a document that has none.
func TestStructuralRules(t *testing.T) {
	p := testProfile("test-structural")
	registerTemp(t, p)
	complete := func() *juesuan.Document {
		d := structDoc(p.ID)
		allTables(t, p, d)
		d.Tables.Extra = map[string]*accounts.GenericTable{"meetings": {
			Total: map[string]amount.Amount{"meeting": amount.MustParse("1.00")},
			Rows:  []accounts.GenericRow{{Code: "1", Values: map[string]amount.Amount{"training": amount.Zero}}},
		}}
		return d
	}
	E := audit.Error
	cases := []struct {
		name   string
		change func(d *juesuan.Document)
		want   []brief
	}{
		{"complete", func(d *juesuan.Document) {}, nil},
		{"S1 typed", func(d *juesuan.Document) { d.Tables.GovFund = nil }, []brief{{"S1", E, "/tables/govFund"}}},
		{"S1 added", func(d *juesuan.Document) { delete(d.Tables.Extra, "meetings") }, []brief{{"S1", E, "/tables/extra/meetings"}}},
		{"S1 internal not required", func(d *juesuan.Document) { d.Tables.Z01 = nil }, nil},
		{"S2", func(d *juesuan.Document) { d.Unit.FiscalYear = 2021 }, []brief{{"S2", E, "/unit/fiscalYear"}}},
		{"S3 extra", func(d *juesuan.Document) { d.Tables.Extra["other"] = &accounts.GenericTable{} }, []brief{{"S3", E, "/tables/extra/other"}}},
		{"S4", func(d *juesuan.Document) { d.Profile = sichuan2020.ID }, []brief{{"S4", E, "/profile"}}},
		{"S5 total", func(d *juesuan.Document) { d.Tables.Extra["meetings"].Total["lunch"] = amount.Zero },
			[]brief{{"S5", E, "/tables/extra/meetings/total/lunch"}}},
		{"S5 row", func(d *juesuan.Document) { d.Tables.Extra["meetings"].Rows[0].Values["a/b"] = amount.Zero },
			[]brief{{"S5", E, "/tables/extra/meetings/rows/0/values/a~1b"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := complete()
			c.change(d)
			fs, err := p.Validate(d)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, briefs(fs, juesuan.SchemaRules()...)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			for _, f := range fs {
				if slices.Contains(juesuan.SchemaRules(), f.Rule) && !strings.Contains(f.Message, p.ID) && f.Rule != "S4" {
					t.Errorf("message %q does not name the profile", f.Message)
				}
			}
		})
	}
	// S3 for a typed table outside the profile's set: central-2024 has no
	// 表五 财政拨款支出决算明细表.
	c, _ := juesuan.LookupProfile(central.ID)
	d := structDoc(central.ID)
	d.Unit.FiscalYear = 2024
	allTables(t, c, d)
	fs, err := c.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	if got := briefs(fs, juesuan.SchemaRules()...); len(got) != 0 {
		t.Errorf("complete central document: %v", got)
	}
	x := structDoc(sichuan2020.ID)
	allTables(t, testProfile("x"), x)
	d.Tables.FiscalEconomic = x.Tables.FiscalEconomic
	fs, _ = c.Validate(d)
	if diff := cmp.Diff([]brief{{"S3", E, "/tables/fiscalEconomic"}}, briefs(fs, juesuan.SchemaRules()...)); diff != "" {
		t.Errorf("central-2024 with 表五 (-want +got):\n%s", diff)
	}
	if got := juesuan.SchemaRules(); !slices.Equal(got, []string{"S1", "S2", "S3", "S4", "S5"}) {
		t.Errorf("SchemaRules() = %v", got)
	}
}

// invalidFixture decodes testdata/invalid/name; a missing fixture fails.
func invalidFixture(t *testing.T, name string) *juesuan.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/invalid/" + name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := juesuan.DecodeBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRuleConfiguration: a profile switches an accounts rule off, changes
// its severity, and adds its own rule with a tolerance; Validate and
// RuleCatalog follow.
func TestRuleConfiguration(t *testing.T) {
	if len(accounts.Rules()) == 0 {
		t.Fatal("accounts.Rules() is empty")
	}
	d := invalidFixture(t, "B8-project-total.json")
	base, _ := juesuan.LookupProfile(sichuan2020.ID)
	fs, err := base.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	if got := briefs(fs, "B8"); len(got) != 1 || got[0].Severity != audit.Error {
		t.Fatalf("B8 under sichuan-2020: %v", got)
	}

	off := base.Clone()
	off.ID = "test-b8-off"
	off.Disable("B8")
	fs, _ = off.Validate(d)
	if got := briefs(fs, "B8"); len(got) != 0 {
		t.Errorf("B8 switched off still fires: %v", got)
	}
	if slices.ContainsFunc(off.RuleCatalog(), func(r audit.Rule) bool { return r.ID == "B8" }) {
		t.Errorf("RuleCatalog lists a switched-off rule")
	}

	warn := base.Clone()
	warn.ID = "test-b8-warning"
	warn.SetSeverity("B8", audit.Warning)
	fs, _ = warn.Validate(d)
	if got := briefs(fs, "B8"); len(got) != 1 || got[0].Severity != audit.Warning {
		t.Errorf("B8 with severity warning: %v", got)
	}
	i := slices.IndexFunc(warn.RuleCatalog(), func(r audit.Rule) bool { return r.ID == "B8" })
	if i < 0 || warn.RuleCatalog()[i].Severity != audit.Warning {
		t.Errorf("RuleCatalog does not apply the severity override")
	}

	// An added rule sees its tolerance, and can be switched off like any.
	var seen []amount.Tolerance
	own := base.Clone()
	own.ID = "test-own-rule"
	own.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "X1", Severity: audit.Warning, Kind: audit.Logic, Title: "测试"},
		Check: func(c *juesuan.Context) {
			d := c.Document
			seen = append(seen, c.Tolerance())
			c.Add(audit.Finding{Path: "/unit/name", Message: "测试规则：" + d.Unit.Name})
		}})
	fixed := amount.Tolerance{Mode: amount.Fixed, Fixed: amount.MustParse("0.50")}
	own.SetTolerance("X1", fixed)
	fs, _ = own.Validate(d)
	if diff := cmp.Diff([]brief{{"X1", audit.Warning, "/unit/name"}}, briefs(fs, "X1")); diff != "" {
		t.Errorf("added rule (-want +got):\n%s", diff)
	}
	if len(seen) != 1 || seen[0].Mode != amount.Fixed || !seen[0].Fixed.Equal(fixed.Fixed) {
		t.Errorf("added rule saw tolerance %v", seen)
	}
	if !slices.ContainsFunc(own.RuleCatalog(), func(r audit.Rule) bool { return r.ID == "X1" }) {
		t.Errorf("RuleCatalog lacks the added rule")
	}
	own.Disable("X1")
	fs, _ = own.Validate(d)
	if got := briefs(fs, "X1"); len(got) != 0 || len(seen) != 1 {
		t.Errorf("switched-off added rule ran: %v", got)
	}
}

// TestRuleCatalog: the catalogue holds the structural, accounts, indicator
// and added rules once each, in natural order (A2 before A10), without the
// switched-off ones.
func TestRuleCatalog(t *testing.T) {
	p, _ := juesuan.LookupProfile(central.ID)
	cat := p.RuleCatalog()
	var ids []string
	for _, r := range cat {
		ids = append(ids, r.ID)
	}
	if !slices.IsSortedFunc(ids, audit.CompareRuleIDs) {
		t.Errorf("not in natural order: %v", ids)
	}
	for i, want := range []string{"A1", "A2"} {
		if ids[i] != want {
			t.Errorf("ids[%d] = %s, want %s (A2 before A10)", i, ids[i], want)
		}
	}
	if len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("duplicate IDs: %v", ids)
	}
	for _, want := range juesuan.SchemaRules() {
		if !slices.Contains(ids, want) {
			t.Errorf("%s missing", want)
		}
	}
	for _, r := range indicators.Rules() {
		if !slices.Contains(ids, r.ID) {
			t.Errorf("indicator rule %s missing", r.ID)
		}
	}
	for _, r := range accounts.Rules() {
		if got := slices.Contains(ids, r.ID); got == slices.Contains(p.Rules.Disabled, r.ID) {
			t.Errorf("accounts rule %s listed=%v, disabled=%v", r.ID, got, !got)
		}
	}
	for _, r := range cat {
		if r.Title == "" || r.Description == "" {
			t.Errorf("%s: no title or description", r.ID)
		}
	}
}

// TestProfileEditions: a profile carries its own catalogue (a user-loaded
// one); Validate checks codes against it and added rules can look codes up.
func TestProfileEditions(t *testing.T) {
	if len(accounts.Rules()) == 0 {
		t.Fatal("accounts.Rules() is empty")
	}
	d := invalidFixture(t, "K1-unknown-code.json")
	base, _ := juesuan.LookupProfile(sichuan2020.ID)
	fs, err := base.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	k1 := briefs(fs, "K1")
	if len(k1) == 0 {
		t.Fatal("K1 does not fire on K1-unknown-code.json")
	}
	eds, err := classification.EditionsFor(2020)
	if err != nil {
		t.Fatal(err)
	}
	// The user's catalogue: the embedded 2020 one plus 类 298.
	var buf strings.Builder
	w := csv.NewWriter(&buf)
	w.Write([]string{"code", "name", "level", "source"})
	for e := range eds.Functional.All() {
		if e.ValidIn(2020) {
			w.Write([]string{e.Code, e.Name, e.Level.String(), "user"})
		}
	}
	w.Write([]string{"298", "用户目录中的类", "类", "user"})
	w.Flush()
	cat, err := classification.LoadCSV(strings.NewReader(buf.String()), classification.Functional, 2020, "user")
	if err != nil {
		t.Fatal(err)
	}
	own := base.Clone()
	own.ID = "test-own-editions"
	own.Editions = &classification.Editions{Functional: cat, EconDept: eds.EconDept, EconGov: eds.EconGov}
	var looked string
	own.AddRule(juesuan.Rule{Rule: audit.Rule{ID: "X2", Severity: audit.Info, Kind: audit.Catalog, Title: "测试"},
		Check: func(c *juesuan.Context) { looked = c.Catalogs.Functional.Name("298") }})
	fs, err = own.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	if got := briefs(fs, "K1"); len(got) >= len(k1) {
		t.Errorf("K1 with the user's catalogue: %v (embedded: %v)", got, k1)
	}
	if looked != "用户目录中的类" {
		t.Errorf("the added rule looked up %q", looked)
	}
}

// smallConsistent decodes testdata/sichuan-2020/small-consistent.json, a
// document without findings under sichuan-2020. Its 基本支出 table states
// 301 工资福利支出 240.00, 302 商品和服务支出 80.00 and 303
// 对个人和家庭的补助 60.00, and 人员经费 300.00 (301 + 303), 公用经费 80.00.
func smallConsistent(t *testing.T) *juesuan.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/sichuan-2020/small-consistent.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := juesuan.DecodeBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// dropPersonnelTotals removes the stated 人员经费 and 公用经费 totals, which
// Calculate then derives from the economic 类 rows.
func dropPersonnelTotals(d *juesuan.Document) {
	d.Tables.GeneralBudgetBasic.Personnel, d.Tables.GeneralBudgetBasic.Public = accounts.Amount{}, accounts.Amount{}
	d.Tables.Z07.Personnel, d.Tables.Z07.Public = accounts.Amount{}, accounts.Amount{}
}

// registerTemp registers p in the default registry for the test only.
func registerTemp(t *testing.T, p *juesuan.Profile) {
	t.Helper()
	if err := juesuan.Register(p); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { juesuan.Unregister(p.ID) })
}

// TestProfileAccountsOptions: every field of Profile.Accounts reaches
// Calculate and Validate, through each entry point: Profile.Calculate and
// Profile.Validate, Document.Calculate and Validate (the profile the
// document names), and ValidateFile with and without BatchOptions.Profile.
func TestProfileAccountsOptions(t *testing.T) {
	if len(accounts.Rules()) == 0 {
		t.Fatal("accounts.Rules() is empty")
	}
	base, err := juesuan.LookupProfile(sichuan2020.ID)
	if err != nil {
		t.Fatal(err)
	}
	a13 := func(path string) brief { return brief{"A13", audit.Error, path} }
	onlyA13 := func() []juesuan.Rule {
		for _, r := range juesuan.AccountsRules() {
			if r.ID == "A13" {
				return []juesuan.Rule{r}
			}
		}
		t.Fatal("no rule A13")
		return nil
	}()
	tests := []struct {
		name    string
		profile func(p *juesuan.Profile)
		doc     func(d *juesuan.Document)
		rules   []string // the rules whose findings are compared
		want    []brief
		// personnel is the 人员经费 of 基本支出 after Calculate ("" to skip).
		personnel string
		// explained says whether the compared findings carry an 出错说明.
		explained bool
	}{
		{name: "defaults: 301 and 303 are 人员经费",
			doc: dropPersonnelTotals, rules: []string{"A13"}, personnel: "300.00"},
		// The stated totals count 303 as 人员经费; with only 301 they are
		// wrong (A13).
		{name: "PersonnelClasses 301, stated totals",
			profile: func(p *juesuan.Profile) { p.Accounts.PersonnelClasses = []classification.EconDeptCode{"301"} },
			rules:   []string{"A13"},
			want:    []brief{a13("/tables/generalBudgetBasic/personnel"), a13("/tables/generalBudgetBasic/public")}},
		// The repro: without stated totals, Calculate derives them
		// with the profile's classes (240.00 = 301), so A13 agrees.
		{name: "PersonnelClasses 301, derived totals",
			profile:   func(p *juesuan.Profile) { p.Accounts.PersonnelClasses = []classification.EconDeptCode{"301"} },
			doc:       dropPersonnelTotals,
			rules:     []string{"A13"},
			personnel: "240.00"},
		{name: "NegativeAllowed: without it a negative 年末结转和结余 is A16",
			doc:   func(d *juesuan.Document) { d.Tables.Summary.Expenditure.EndingBalance = amount.MustParse("-1.00") },
			rules: []string{"A16"},
			want:  []brief{{"A16", audit.Error, "/tables/summary/expenditure/endingBalance"}}},
		{name: "NegativeAllowed endingBalance",
			profile: func(p *juesuan.Profile) { p.Accounts.NegativeAllowed = []string{"endingBalance"} },
			doc:     func(d *juesuan.Document) { d.Tables.Summary.Expenditure.EndingBalance = amount.MustParse("-1.00") },
			rules:   []string{"A16"}},
		{name: "Rules.Rules: only A13 runs",
			profile: func(p *juesuan.Profile) { p.Rules.Rules = onlyA13 },
			doc:     func(d *juesuan.Document) { d.Tables.Summary.Expenditure.EndingBalance = amount.MustParse("-1.00") },
			rules:   []string{"A13", "A16"}},
		{name: "Accounts.Config disables A13",
			profile: func(p *juesuan.Profile) {
				p.Accounts.PersonnelClasses = []classification.EconDeptCode{"301"}
				p.Accounts.Config = &audit.Config{Disabled: map[string]bool{"A13": true}}
			},
			rules: []string{"A13"}},
		{name: "Accounts.Config changes A13's severity",
			profile: func(p *juesuan.Profile) {
				p.Accounts.PersonnelClasses = []classification.EconDeptCode{"301"}
				p.Accounts.Config = &audit.Config{Severity: map[string]audit.Severity{"A13": audit.Warning}}
			},
			rules: []string{"A13"},
			want: []brief{{"A13", audit.Warning, "/tables/generalBudgetBasic/personnel"},
				{"A13", audit.Warning, "/tables/generalBudgetBasic/public"}}},
		{name: "Accounts.Config changes A13's tolerance",
			profile: func(p *juesuan.Profile) {
				p.Accounts.PersonnelClasses = []classification.EconDeptCode{"301"}
				p.Accounts.Config = &audit.Config{Tolerance: map[string]amount.Tolerance{
					"A13": {Mode: amount.Fixed, Fixed: amount.MustParse("100.00")}}}
			},
			// The 60.00 differences are within the tolerance: infos, not errors.
			rules: []string{"A13"},
			want: []brief{{"A13", audit.Info, "/tables/generalBudgetBasic/personnel"},
				{"A13", audit.Info, "/tables/generalBudgetBasic/public"}}},
		{name: "Accounts.Config explains A13",
			profile: func(p *juesuan.Profile) {
				p.Accounts.PersonnelClasses = []classification.EconDeptCode{"301"}
				p.Accounts.Config = &audit.Config{Severity: map[string]audit.Severity{"A13": audit.Warning},
					Explain: []audit.Explanation{{Rule: "A13", Text: "本单位按301类计人员经费"}}}
			},
			rules: []string{"A13"},
			want: []brief{{"A13", audit.Warning, "/tables/generalBudgetBasic/personnel"},
				{"A13", audit.Warning, "/tables/generalBudgetBasic/public"}},
			explained: true},
		{name: "Rules.Severity wins over Accounts.Config",
			profile: func(p *juesuan.Profile) {
				p.Accounts.PersonnelClasses = []classification.EconDeptCode{"301"}
				p.Accounts.Config = &audit.Config{Severity: map[string]audit.Severity{"A13": audit.Warning}}
				p.SetSeverity("A13", audit.Info)
			},
			rules: []string{"A13"},
			want: []brief{{"A13", audit.Info, "/tables/generalBudgetBasic/personnel"},
				{"A13", audit.Info, "/tables/generalBudgetBasic/public"}}},
		{name: "Accounts.Config applies to the accounts rules only",
			profile: func(p *juesuan.Profile) { p.Accounts.Config = &audit.Config{Disabled: map[string]bool{"S1": true}} },
			doc:     func(d *juesuan.Document) { d.Tables.Summary = nil },
			rules:   []string{"S1"},
			want:    []brief{{"S1", audit.Error, "/tables/summary"}}},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := base.Clone()
			p.ID = fmt.Sprintf("test-accounts-options-%d", i)
			if tc.profile != nil {
				tc.profile(p)
			}
			registerTemp(t, p)
			prepared := func() *juesuan.Document {
				d := smallConsistent(t)
				d.Profile = p.ID
				if tc.doc != nil {
					tc.doc(d)
				}
				return d
			}
			check := func(how string, d *juesuan.Document, fs audit.Findings) {
				t.Helper()
				if diff := cmp.Diff(tc.want, briefs(fs, tc.rules...)); diff != "" {
					t.Errorf("%s (-want +got):\n%s", how, diff)
				}
				for _, f := range fs {
					if slices.Contains(tc.rules, f.Rule) && f.Explained() != tc.explained {
						t.Errorf("%s: %v explained %v, want %v", how, f, f.Explained(), tc.explained)
					}
				}
				if d != nil && tc.personnel != "" {
					if got := d.Tables.GeneralBudgetBasic.Personnel.String(); got != tc.personnel {
						t.Errorf("%s: Calculate filled 人员经费 %s, want %s", how, got, tc.personnel)
					}
				}
			}

			d := prepared()
			p.Calculate(d)
			fs, err := p.Validate(d)
			if err != nil {
				t.Fatal(err)
			}
			check("Profile.Calculate, Profile.Validate", d, fs)

			d = prepared()
			d.Calculate()
			if fs, err = juesuan.Validate(d); err != nil {
				t.Fatal(err)
			}
			check("Document.Calculate, Validate", d, fs)

			file := filepath.Join(t.TempDir(), "doc.json")
			var buf bytes.Buffer
			if err := juesuan.Encode(&buf, prepared()); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			res := juesuan.ValidateFile(file, juesuan.BatchOptions{})
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			check("ValidateFile", nil, res.Findings)
			res = juesuan.ValidateFile(file, juesuan.BatchOptions{Profile: p})
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			check("ValidateFile with BatchOptions.Profile", nil, res.Findings)

			cat := map[string]audit.Severity{}
			for _, r := range p.RuleCatalog() {
				cat[r.ID] = r.Severity
			}
			for _, id := range tc.rules {
				_, listed := cat[id]
				list := p.Rules.Rules
				if list == nil {
					list = juesuan.AccountsRules()
				}
				runs := !(p.Accounts.Config != nil && p.Accounts.Config.Disabled[id] && id != "S1") &&
					(id == "S1" || slices.ContainsFunc(list, func(r juesuan.Rule) bool { return r.ID == id }))
				if listed != runs {
					t.Errorf("RuleCatalog lists %s: %v, want %v", id, listed, runs)
				}
			}
		})
	}
}

// TestProfileAccountsOptionsInvalid: options that would be ignored make
// the profile invalid.
func TestProfileAccountsOptionsInvalid(t *testing.T) {
	base, err := juesuan.LookupProfile(sichuan2020.ID)
	if err != nil {
		t.Fatal(err)
	}
	eds, err := classification.EditionsFor(2020)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func(p *juesuan.Profile)
	}{
		{"Accounts.Catalogs", func(p *juesuan.Profile) { p.Accounts.Catalogs = eds }},
		{"Accounts.Rules", func(p *juesuan.Profile) { p.Accounts.Rules = accounts.Rules() }},
	} {
		p := base.Clone()
		p.ID = "test-invalid-accounts-options"
		tc.change(p)
		if err := juesuan.NewRegistry().Register(p); !errors.Is(err, juesuan.ErrInvalidProfile) {
			t.Errorf("%s: Register gave %v, want ErrInvalidProfile", tc.name, err)
		}
	}
}

// TestRegistry: a scoped registry holds its own profiles, apart from the
// default one; Unregister frees an ID for registering again (so that a test
// run with -count=3 never meets its own profile of the run before).
func TestRegistry(t *testing.T) {
	reg := juesuan.NewRegistry()
	if got := reg.IDs(); len(got) != 0 {
		t.Fatalf("new registry lists %v", got)
	}
	base, err := juesuan.LookupProfile(sichuan2020.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"test-scoped-b", "test-scoped-a", sichuan2020.ID} {
		p := base.Clone()
		p.ID = id
		if err := reg.Register(p); err != nil {
			t.Fatalf("Register(%s): %v", id, err)
		}
	}
	if diff := cmp.Diff([]string{sichuan2020.ID, "test-scoped-a", "test-scoped-b"}, reg.IDs()); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
	if _, err := juesuan.LookupProfile("test-scoped-a"); !errors.Is(err, juesuan.ErrUnknownProfile) {
		t.Errorf("the default registry sees a scoped profile: %v", err)
	}
	dup := base.Clone()
	dup.ID = "test-scoped-a"
	if err := reg.Register(dup); !errors.Is(err, juesuan.ErrDuplicateProfile) {
		t.Errorf("Register twice: %v, want ErrDuplicateProfile", err)
	}

	// The registry's Calculate, Validate and Lint use the profile the
	// document names in that registry.
	d := smallConsistent(t)
	d.Profile = "test-scoped-a"
	dropPersonnelTotals(d)
	if err := reg.Calculate(d); err != nil {
		t.Fatal(err)
	}
	if got := d.Tables.GeneralBudgetBasic.Personnel.String(); got != "300.00" {
		t.Errorf("Registry.Calculate: 人员经费 %s, want 300.00", got)
	}
	fs, err := reg.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	if got := briefs(fs, "S4"); len(got) != 0 {
		t.Errorf("Registry.Validate checked with another profile: %v", got)
	}
	if _, err := reg.Lint(d, []byte("一、收入支出决算总体情况说明\n")); err != nil {
		t.Errorf("Registry.Lint: %v", err)
	}
	d.Profile = "test-scoped-none"
	if _, err := reg.Validate(d); !errors.Is(err, juesuan.ErrUnknownProfile) {
		t.Errorf("Registry.Validate, unknown profile: %v", err)
	}
	if err := reg.Calculate(d); !errors.Is(err, juesuan.ErrUnknownProfile) {
		t.Errorf("Registry.Calculate, unknown profile: %v", err)
	}

	// Unregister, then register the ID again; a profile looked up before
	// stays usable.
	held, err := reg.Lookup("test-scoped-a")
	if err != nil {
		t.Fatal(err)
	}
	if !reg.Unregister("test-scoped-a") {
		t.Error("Unregister of a registered ID reported false")
	}
	if reg.Unregister("test-scoped-a") {
		t.Error("Unregister of a dropped ID reported true")
	}
	if _, err := reg.Lookup("test-scoped-a"); !errors.Is(err, juesuan.ErrUnknownProfile) {
		t.Errorf("Lookup after Unregister: %v", err)
	}
	if held.ID != "test-scoped-a" || len(held.Tables) != len(base.Tables) {
		t.Errorf("a profile looked up before Unregister changed: %s, %d tables", held.ID, len(held.Tables))
	}
	if err := reg.Register(dup); err != nil {
		t.Errorf("Register after Unregister: %v", err)
	}

	// The default registry: Unregister frees an ID the same way.
	p := base.Clone()
	p.ID = "test-default-unregister"
	if err := juesuan.Register(p); err != nil {
		t.Fatal(err)
	}
	if !juesuan.Unregister(p.ID) {
		t.Error("Unregister reported false")
	}
	if err := juesuan.Register(p); err != nil {
		t.Errorf("Register after Unregister: %v", err)
	}
	juesuan.Unregister(p.ID)
	if juesuan.DefaultRegistry().Unregister(p.ID) {
		t.Error("DefaultRegistry is not the registry of Register")
	}
}

// TestLintNeedsPatterns: a profile without narrative patterns cannot lint.
func TestLintNeedsPatterns(t *testing.T) {
	base, err := juesuan.LookupProfile(sichuan2020.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := base.Clone()
	p.Narrative = nil
	if _, err := p.Lint(smallConsistent(t), []byte("一、收入支出决算总体情况说明\n")); !errors.Is(err, juesuan.ErrNoNarrative) {
		t.Errorf("Lint without patterns: %v, want ErrNoNarrative", err)
	}
}
