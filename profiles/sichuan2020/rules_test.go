package sichuan2020_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// b8b9Doc is a document of the profile whose tables B8 and B9 tie agree,
// changed by change.
func b8b9Doc(change func(t *accounts.Tables)) *juesuan.Document {
	m := amount.MustParse
	d := &juesuan.Document{Profile: sichuan2020.ID}
	d.Unit = accounts.Unit{Name: "测试单位", FiscalYear: 2020, AmountUnit: amount.TenThousandYuan}
	t := &d.Tables
	t.GeneralBudget = &accounts.SplitTable{Total: accounts.SplitColumns{Total: m("30.00"), Basic: m("10.00"), Project: m("20.00")}}
	t.GeneralBudgetProject = &accounts.EconDeptTable{Total: m("20.00")}
	t.GeneralBudgetEconomic = &accounts.EconomicTable{Total: accounts.EconomicColumns{Total: m("30.00"), Basic: m("10.00"), Project: m("20.00")}}
	t.FiscalSummary = &accounts.FiscalSummaryTable{}
	t.FiscalSummary.Expenditure.Total.Total = m("40.00")
	t.FiscalEconomic = &accounts.EconomicTable{Total: accounts.EconomicColumns{Total: m("40.00")}}
	if change != nil {
		change(t)
	}
	return d
}

// TestB8B9: the profile's rules B8 and B9, written with the exported rule
// API, report what they reported as built-in accounts rules (the wanted
// findings were recorded from the built-in rules before they moved here),
// but for the rounding between tables (issue 15): a gap of 0.01 万元 is a
// 舍入差异, one beyond it an error against the bound 0.01.
func TestB8B9(t *testing.T) {
	m := amount.MustParse
	f := func(rule, path, msg, exp, act string) audit.Finding {
		return audit.Finding{Rule: rule, Severity: audit.Error, Path: path, Message: msg, Expected: exp, Actual: act}
	}
	// info is a 舍入差异: a gap within the 0.01 万元 two stated figures of
	// two tables may differ by.
	info := func(rule, path, msg, exp, act string) audit.Finding {
		return audit.Finding{Rule: rule, Severity: audit.Info, Path: path, Message: "舍入差异：" + msg, Expected: exp, Actual: act}
	}
	for _, tc := range []struct {
		name   string
		change func(t *accounts.Tables)
		want   []audit.Finding
	}{
		{"consistent", nil, nil},
		{"B8 beyond rounding", func(t *accounts.Tables) { t.GeneralBudgetProject.Total = m("25.00") }, []audit.Finding{
			f("B8", "/tables/generalBudgetProject/total", "一般公共预算财政拨款项目支出决算表 合计应等于一般公共预算财政拨款支出决算表 合计·项目支出：应为20.00万元，实为25.00万元（差5.00，超出舍入容差0.01）", "20.00", "25.00")}},
		{"B8 a cent: rounding", func(t *accounts.Tables) { t.GeneralBudgetProject.Total = m("20.01") }, []audit.Finding{
			info("B8", "/tables/generalBudgetProject/total", "一般公共预算财政拨款项目支出决算表 合计应等于一般公共预算财政拨款支出决算表 合计·项目支出：应为20.00万元，实为20.01万元（差0.01，在舍入容差0.01以内）", "20.00", "20.01")}},
		{"B8 two cents", func(t *accounts.Tables) { t.GeneralBudgetProject.Total = m("20.02") }, []audit.Finding{
			f("B8", "/tables/generalBudgetProject/total", "一般公共预算财政拨款项目支出决算表 合计应等于一般公共预算财政拨款支出决算表 合计·项目支出：应为20.00万元，实为20.02万元（差0.02，超出舍入容差0.01）", "20.00", "20.02")}},
		{"B8 without the project table", func(t *accounts.Tables) {
			t.GeneralBudgetProject = nil
			t.GeneralBudget.Total.Project = m("21.00")
		}, []audit.Finding{
			f("B9", "/tables/generalBudgetEconomic/total/project", "一般公共预算财政拨款支出决算明细表 合计·项目支出应等于一般公共预算财政拨款支出决算表 合计·项目支出：应为21.00万元，实为20.00万元（差1.00，超出舍入容差0.01）", "21.00", "20.00")}},
		{"B9 fiscal economic total", func(t *accounts.Tables) { t.FiscalEconomic.Total.Total = m("41.00") }, []audit.Finding{
			f("B9", "/tables/fiscalEconomic/total/total", "财政拨款支出决算明细表（政府经济分类科目） 合计应等于财政拨款收入支出决算总表 本年支出合计·合计：应为40.00万元，实为41.00万元（差1.00，超出舍入容差0.01）", "40.00", "41.00")}},
		{"B9 general economic columns", func(t *accounts.Tables) {
			t.GeneralBudgetEconomic.Total.Basic, t.GeneralBudgetEconomic.Total.Project = m("11.00"), m("19.00")
		}, []audit.Finding{
			f("B9", "/tables/generalBudgetEconomic/total/basic", "一般公共预算财政拨款支出决算明细表 合计·基本支出应等于一般公共预算财政拨款支出决算表 合计·基本支出：应为10.00万元，实为11.00万元（差1.00，超出舍入容差0.01）", "10.00", "11.00"),
			f("B9", "/tables/generalBudgetEconomic/total/project", "一般公共预算财政拨款支出决算明细表 合计·项目支出应等于一般公共预算财政拨款支出决算表 合计·项目支出：应为20.00万元，实为19.00万元（差1.00，超出舍入容差0.01）", "20.00", "19.00")}},
		{"B9 general economic total: rounding", func(t *accounts.Tables) { t.GeneralBudgetEconomic.Total.Total = m("30.01") }, []audit.Finding{
			info("B9", "/tables/generalBudgetEconomic/total/total", "一般公共预算财政拨款支出决算明细表 合计应等于一般公共预算财政拨款支出决算表 合计：应为30.00万元，实为30.01万元（差0.01，在舍入容差0.01以内）", "30.00", "30.01")}},
		{"B9 without the fiscal summary", func(t *accounts.Tables) {
			t.FiscalSummary = nil
			t.FiscalEconomic.Total.Total = m("41.00")
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := juesuan.LookupProfile(sichuan2020.ID)
			if err != nil {
				t.Fatal(err)
			}
			fs, err := p.Validate(b8b9Doc(tc.change))
			if err != nil {
				t.Fatal(err)
			}
			var got []audit.Finding
			for _, f := range fs {
				if f.Rule == "B8" || f.Rule == "B9" {
					got = append(got, f)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("B8/B9 findings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRules: Rules lists B8 and B9, fully described, as a fresh copy, and
// the profile runs them on top of the built-in accounts rules.
func TestRules(t *testing.T) {
	rs := sichuan2020.Rules()
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
		if r.Title == "" || r.Description == "" || r.Source == "" || r.Kind != audit.Inter || r.Severity != audit.Error || r.Check == nil {
			t.Errorf("rule %s is not fully described: %+v", r.ID, r.Rule)
		}
	}
	if diff := cmp.Diff([]string{"B8", "B9"}, ids); diff != "" {
		t.Errorf("Rules (-want +got):\n%s", diff)
	}
	rs[0].ID = "changed"
	if sichuan2020.Rules()[0].ID != "B8" {
		t.Error("Rules shares its slice")
	}
	p := sichuan2020.Profile()
	var want []string
	for _, r := range juesuan.AccountsRules() {
		want = append(want, r.ID)
	}
	want = append(want, "B8", "B9", "G1", "G2", "G3", "G4")
	var got []string
	for _, r := range p.Rules.Rules {
		got = append(got, r.ID)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("profile rules (-want +got):\n%s", diff)
	}
}
