package accounts

import (
	cmp2 "cmp"
	"flag"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

var verbose = flag.Bool("findings", false, "log every finding of the rule tests")

const (
	E = audit.Error
	W = audit.Warning
	I = audit.Info
)

// TestValidReportQuiet: the valid report draws no finding, and every rule
// made at least one complete comparison on it (so each rule's quiet case is
// a real pass, not a skip).
func TestValidReportQuiet(t *testing.T) {
	runs := map[string]int{}
	o := Options{Catalogs: editions(t, 2020)}
	o.trace = func(id string, n int) { runs[id] += n }
	o.Prior = lastReport()
	fs := Validate(validReport(), o)
	if diff := cmp.Diff([]hit{}, hits(fs)); diff != "" {
		t.Errorf("findings on the valid report (-want +got):\n%s", diff)
	}
	for _, r := range Rules() {
		if runs[r.ID] == 0 {
			t.Errorf("rule %s made no complete comparison on the valid report", r.ID)
		}
	}
}

type ruleCase struct {
	name   string
	mutate func(r *Report)
	opts   func(o *Options)
	want   []hit
}

func runCases(t *testing.T, base func() *Report, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := base()
			if tc.mutate != nil {
				tc.mutate(r)
			}
			o := Options{Catalogs: editions(t, r.Unit.FiscalYear)}
			if tc.opts != nil {
				tc.opts(&o)
			}
			fs := Validate(r, o)
			want := append([]hit{}, tc.want...)
			// Findings come sorted by path, then rule.
			slices.SortStableFunc(want, func(a, b hit) int {
				return cmp2.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Rule, b.Rule))
			})
			if diff := cmp.Diff(want, hits(fs)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
				for _, f := range fs {
					t.Log(f)
				}
			}
			for _, f := range fs {
				if *verbose {
					t.Log(f)
				}
				if f.Message == "" {
					t.Errorf("%s %s: empty message", f.Rule, f.Path)
				}
			}
		})
	}
}

// TestRulesFire breaks one figure (or one code) of the valid report per
// case and lists every finding that follows, with the rules a change
// cascades to. Every rule fires in at least one case (checked below).
func TestRulesFire(t *testing.T) {
	cases := []ruleCase{
		{"A1", func(r *Report) {
			r.Tables.Z01 = nil
			r.Tables.Summary.Income.NonFiscalBalanceUsed = m("0.10")
		}, nil, []hit{{"A1", E, "/tables/summary/income/grandTotal"}}},
		{"A2", func(r *Report) {
			r.Tables.Z01 = nil
			r.Tables.Summary.Expenditure.BalanceDistribution = m("0.10")
		}, nil, []hit{{"A2", E, "/tables/summary/expenditure/grandTotal"}}},
		{"A3", func(r *Report) {
			r.Tables.Z01, r.PriorYear = nil, nil
			r.Tables.Summary.Income.BeginningBalance = m("0.10")
			r.Tables.Summary.Income.GrandTotal = m("630.88")
		}, nil, []hit{{"A3", E, "/tables/summary/expenditure/grandTotal"}}},
		{"A4", func(r *Report) {
			r.Tables.Z01 = nil
			r.Tables.Summary.Income.Other = m("0.10")
		}, nil, []hit{{"A4", E, "/tables/summary/income/total"}}},
		{"A5 and B12", func(r *Report) {
			r.Tables.Z01 = nil
			r.Tables.Summary.Expenditure.Rows[0].Amount = m("410.47")
		}, nil, []hit{
			{"A5", E, "/tables/summary/expenditure/total"},
			{"B12", E, "/tables/summary/expenditure/rows/0/amount"},
		}},
		{"A6 and A8", func(r *Report) {
			r.Tables.Income.Rows[2].Other = m("0.10")
		}, nil, []hit{
			{"A8", E, "/tables/income/rows/1/other"},
			{"A6", E, "/tables/income/rows/2/total"},
		}},
		{"A7 and A8", func(r *Report) {
			r.Tables.Expenditure.Rows[3].Operating = m("0.10")
		}, nil, []hit{
			{"A8", E, "/tables/expenditure/rows/1/operating"},
			{"A7", E, "/tables/expenditure/rows/3/total"},
		}},
		{"A8", func(r *Report) {
			row := &r.Tables.Income.Rows[1]
			row.Fiscal, row.Total = m("410.47"), m("410.47")
		}, nil, []hit{
			{"A8", E, "/tables/income/rows/0/fiscal"},
			{"A8", E, "/tables/income/rows/0/total"},
			{"A8", E, "/tables/income/rows/1/fiscal"},
			{"A8", E, "/tables/income/rows/1/total"},
		}},
		{"A9 and A8", func(r *Report) {
			r.Tables.GeneralBudget.Rows[2].Basic = m("339.77")
		}, nil, []hit{
			{"A8", E, "/tables/generalBudget/rows/1/basic"},
			{"A9", E, "/tables/generalBudget/rows/2/total"},
		}},
		{"A10 and A5", func(r *Report) {
			r.Tables.Z011 = nil
			r.Tables.FiscalSummary.Expenditure.Rows[0].Total = m("410.47")
		}, nil, []hit{
			{"A10", E, "/tables/fiscalSummary/expenditure/rows/0/total"},
			{"A5", E, "/tables/fiscalSummary/expenditure/total/total"},
		}},
		{"A11 and A12", func(r *Report) {
			r.Tables.Z011 = nil
			e := &r.Tables.FiscalSummary.Expenditure.EndingBalance
			e.GeneralBudget, e.Total = m("0.10"), m("0.10")
		}, nil, []hit{
			{"A11", E, "/tables/fiscalSummary/expenditure/endingBalance/generalBudget"},
			{"A11", E, "/tables/fiscalSummary/expenditure/endingBalance/total"},
			{"A12", E, "/tables/fiscalSummary/expenditure/grandTotal/generalBudget"},
			{"A12", E, "/tables/fiscalSummary/expenditure/grandTotal/total"},
		}},
		{"A12", func(r *Report) {
			r.Tables.Z011 = nil
			r.Tables.FiscalSummary.Income.GrandTotal = m("630.88")
		}, nil, []hit{
			{"A12", E, "/tables/fiscalSummary/expenditure/grandTotal/total"},
			{"A12", E, "/tables/fiscalSummary/income/grandTotal"},
		}},
		{"A13", func(r *Report) {
			r.Tables.Z07 = nil
			r.Tables.GeneralBudgetBasic.Personnel = m("436.20")
		}, nil, []hit{
			{"A13", E, "/tables/generalBudgetBasic/personnel"},
			{"A13", E, "/tables/generalBudgetBasic/total"},
		}},
		{"A13 economic basic", func(r *Report) {
			row := &r.Tables.FiscalEconomic.Rows[3]
			row.Personnel = m("167.00")
		}, nil, []hit{
			{"A13", E, "/tables/fiscalEconomic/rows/3/basic"},
			{"A8", E, "/tables/fiscalEconomic/total/personnel"},
		}},
		{"A14", func(r *Report) {
			r.Tables.ThreePublic.Actual.VehiclePurchase = m("0.10")
		}, nil, []hit{{"A14", E, "/tables/threePublic/actual/vehicle"}}},
		{"A15", func(r *Report) {
			r.Tables.GovFund.Rows[2].EndingBalance = m("0.10")
		}, nil, []hit{
			{"A15", E, "/tables/govFund/rows/1/endingBalance"},
			{"A15", E, "/tables/govFund/rows/2/endingBalance"},
		}},
		{"A16", func(r *Report) {
			r.Tables.F03.Procurement.Goods = m("-1.00")
		}, nil, []hit{{"A16", E, "/tables/f03/procurement/goods"}}},
		{"A16 prior year", func(r *Report) {
			r.PriorYear.OperatingCost = m("-0.01")
		}, nil, []hit{{"A16", E, "/priorYear/operatingCost"}}},
		{"B1", func(r *Report) {
			r.Tables.Income.Total.Total = m("630.88")
		}, nil, []hit{
			{"A6", E, "/tables/income/total/total"},
			{"A8", E, "/tables/income/total/total"},
			{"B1", E, "/tables/income/total/total"},
		}},
		{"B2", func(r *Report) {
			r.Tables.Expenditure.Total.Total = m("630.88")
		}, nil, []hit{
			{"A7", E, "/tables/expenditure/total/total"},
			{"A8", E, "/tables/expenditure/total/total"},
			{"B2", E, "/tables/expenditure/total/total"},
		}},
		{"B3", func(r *Report) {
			r.Tables.Income.Total.Fiscal = m("630.88")
		}, nil, []hit{
			{"A8", E, "/tables/income/total/fiscal"},
			{"B3", E, "/tables/income/total/fiscal"},
			{"B3", E, "/tables/income/total/fiscal"},
			{"A6", E, "/tables/income/total/total"},
		}},
		{"B4", func(r *Report) {
			r.Tables.GeneralBudgetEconomic, r.Tables.Z07 = nil, nil
			r.Tables.GeneralBudget.Total.Total = m("599.63")
		}, nil, []hit{
			{"A8", E, "/tables/generalBudget/total/total"},
			{"A9", E, "/tables/generalBudget/total/total"},
			{"B4", E, "/tables/generalBudget/total/total"},
		}},
		{"B5", func(r *Report) {
			r.Tables.GeneralBudgetBasic.Total = m("529.13")
		}, nil, []hit{
			{"A13", E, "/tables/generalBudgetBasic/total"},
			{"A13", E, "/tables/generalBudgetBasic/total"},
			{"B5", E, "/tables/generalBudgetBasic/total"},
		}},
		{"B6 and E2", func(r *Report) {
			r.Tables.StateCapitalExpenditure.Total.Basic = m("1.00")
		}, nil, []hit{
			{"B6", E, "/tables/stateCapitalExpenditure/total/basic"},
			{"E2", E, "/tables/stateCapitalExpenditure/total/basic"},
		}},
		{"B7", func(r *Report) {
			r.Tables.GovFund.Total.Income = m("31.35")
		}, nil, []hit{
			{"A15", E, "/tables/govFund/total/endingBalance"},
			{"A15", E, "/tables/govFund/total/income"},
			{"B7", E, "/tables/govFund/total/income"},
		}},
		{"B10", func(r *Report) {
			rows := r.Tables.GeneralBudgetBasic.Rows
			rows[4].Amount, rows[6].Amount = m("25.00"), m("45.00") // 30201, 30217
		}, nil, []hit{
			{"B10", W, "/tables/threePublic/actual/reception"},
			{"B10", W, "/tables/threePublic/actual/total"},
		}},
		{"B11", func(r *Report) {
			r.Tables.Z07.Public = m("92.83")
		}, nil, []hit{
			{"B11", W, "/tables/f03/operatingCost/amount"},
			{"A13", E, "/tables/z07/expenditure/basic"},
			{"B11", E, "/tables/z07/public"},
		}},
		{"B11 z01_1 rows", func(r *Report) {
			r.Tables.Z011.Rows[1].Actual = m("31.15")
		}, nil, []hit{{"B11", E, "/tables/z01_1/rows/1/actual"}}},
		{"B11 z01_1 general budget row", func(r *Report) {
			r.Tables.Z011.Rows[0].Actual = m("339.77")
		}, nil, []hit{{"B11", E, "/tables/z01_1/rows/0/actual"}}},
		{"B11 z01_1 rows out of order", func(r *Report) {
			z := r.Tables.Z011
			z.Rows[0], z.Rows[1] = z.Rows[1], z.Rows[0]
			z.Rows[1].Actual = m("339.77")
		}, nil, []hit{{"B11", E, "/tables/z01_1/rows/1/actual"}}},
		{"B11 f03 reception", func(r *Report) {
			r.Tables.F03.ThreePublic.DomesticReception = m("45.80")
		}, nil, []hit{{"B11", E, "/tables/threePublic/actual/reception"}}},
		{"B12", func(r *Report) {
			r.Tables.Z01 = nil
			rows := r.Tables.Summary.Expenditure.Rows
			rows[0].Amount, rows[1].Amount = m("410.27"), m("162.51")
		}, nil, []hit{
			{"B12", E, "/tables/summary/expenditure/rows/0/amount"},
			{"B12", E, "/tables/summary/expenditure/rows/1/amount"},
		}},
		{"B13", func(r *Report) {
			r.PriorYear.EndingBalance = m("1.00")
		}, nil, []hit{{"B13", W, "/tables/summary/income/beginningBalance"}}},
		{"B13 other year is not compared", func(r *Report) {
			r.PriorYear.EndingBalance = m("1.00")
			r.PriorYear.FiscalYear = 2018
		}, nil, nil},
		{"B14 summary and B15 its restatement", nil, withPrior(func(p *Report) {
			p.Tables.Summary.Expenditure.EndingBalance = m("1.00")
		}), []hit{{"B14", W, "/tables/summary/income/beginningBalance"}, {"B15", W, "/priorYear/endingBalance"}}},
		{"B14 fund column", nil, withPrior(func(p *Report) {
			p.Tables.FiscalSummary.Expenditure.EndingBalance.GovFund = m("2.00")
		}), []hit{{"B14", W, "/tables/fiscalSummary/income/beginningBalance/govFund"}}},
		{"B14 fund table row, last year in 元", nil, withPrior(func(p *Report) {
			p.Unit.AmountUnit = amount.Yuan
			p.Tables.GovFund.Rows[2].EndingBalance = m("10000")
		}), []hit{{"B14", W, "/tables/govFund/rows/2/beginningBalance"}}},
		{"B14 last year's document of another year", nil, withPrior(func(p *Report) {
			p.Unit.FiscalYear = 2018
			p.Tables.Summary.Expenditure.EndingBalance = m("1.00")
		}), []hit{{"B14", W, "/unit/fiscalYear"}}},
		{"B15", func(r *Report) {
			r.PriorYear.IncomeTotal = m("600.00")
		}, withPrior(nil), []hit{{"B15", W, "/priorYear/incomeTotal"}}},
		{"B15 three public", func(r *Report) {
			r.PriorYear.ThreePublic.Reception = m("40.00")
		}, withPrior(nil), []hit{{"B15", W, "/priorYear/threePublic/reception"}}},
		{"D1", func(r *Report) {
			t := r.Tables.Income
			t.Rows = append(t.Rows, t.Rows[len(t.Rows)-1])
		}, nil, []hit{
			{"A8", E, "/tables/income/rows/13/fiscal"},
			{"A8", E, "/tables/income/rows/13/total"},
			{"D1", E, "/tables/income/rows/15/code"},
		}},
		{"D1 z01_1 by code and fund", func(r *Report) {
			z := r.Tables.Z011
			z.Rows = append(z.Rows, z.Rows[0])
		}, nil, []hit{{"D1", E, "/tables/z01_1/rows/2/code"}}},
		{"E1", func(r *Report) {
			r.Tables.GovFundThreePublic.Note = ""
		}, nil, []hit{{"E1", W, "/tables/govFundThreePublic/note"}}},
		{"E2", func(r *Report) {
			r.Tables.GovFundThreePublic.Actual.Total = m("1.00")
		}, nil, []hit{{"E2", E, "/tables/govFundThreePublic/actual/total"}}},
		{"K1 unknown 项 in an incomplete level", func(r *Report) {
			r.Tables.Income.Rows[14].Code = "2210299"
		}, nil, []hit{{"K1", W, "/tables/income/rows/14/code"}}},
		{"K1 unknown 类", func(r *Report) {
			r.Tables.Z07.Rows = append(r.Tables.Z07.Rows, EconDeptRow{Code: "398", Amount: z})
		}, nil, []hit{{"K1", E, "/tables/z07/rows/3/code"}}},
		{"K1 款 where only 类 is allowed", func(r *Report) {
			r.Tables.Z01 = nil
			s := &r.Tables.Summary.Expenditure
			s.Rows = append(s.Rows, FuncAmountRow{Code: "20103", Name: "政府办公厅（室）及相关机构事务"})
		}, nil, []hit{{"K1", E, "/tables/summary/expenditure/rows/4/code"}}},
		{"K2", func(r *Report) {
			r.Tables.Income.Rows[2].Name = "行政运行费"
		}, nil, []hit{{"K2", W, "/tables/income/rows/2/name"}}},
	}
	runCases(t, validReport, cases)

	fired := map[string]bool{}
	for _, tc := range cases {
		for _, h := range tc.want {
			fired[h.Rule] = true
		}
	}
	for _, r := range Rules() {
		if !fired[r.ID] {
			t.Errorf("no case makes rule %s fire", r.ID)
		}
	}
}

// TestRulesQuiet: variants that look suspicious but break no rule.
func TestRulesQuiet(t *testing.T) {
	runCases(t, validReport, []ruleCase{
		{"B14 and B15 agree with last year's document", func(r *Report) {
			r.PriorYear.IncomeTotal = m("630.78")
			r.PriorYear.ThreePublic.Reception = m("45.85")
		}, withPrior(nil), nil},
		{"B14 and B15 last year in 元", func(r *Report) {
			r.PriorYear.IncomeTotal = m("630.78")
		}, withPrior(func(p *Report) {
			p.Unit.AmountUnit = amount.Yuan
			p.Tables.Summary.Income.Total = m("6307800")
		}), nil},
		{"B14 and B15 without last year's document", func(r *Report) {
			r.PriorYear.IncomeTotal = m("1.00")
		}, nil, nil},
		{"K2 name variants", func(r *Report) {
			r.Tables.Summary.Expenditure.Rows[0].Name = "一、一般公共服务支出"
			r.Tables.Income.Rows[0].Name = "一般公共服务支出（类）"
			r.Tables.Income.Rows[1].Name = "政府办公厅(室)及相关机构事务"
			r.Tables.Income.Rows[2].Name = " 行政运行 "
			r.Tables.Z01.Actual.Expenditure.Rows[0].Name = "（一）一般公共服务支出"
		}, nil, nil},
		{"K2 no name", func(r *Report) { r.Tables.Income.Rows[2].Name = "" }, nil, nil},
		{"K1 no catalogue", func(r *Report) { r.Tables.Income.Rows[14].Code = "2210299" },
			func(o *Options) { o.Catalogs = classification.Editions{} }, nil},
		{"A16 negative allowed by option", func(r *Report) { r.Tables.F03.Procurement.Goods = m("-1.00") },
			func(o *Options) { o.NegativeAllowed = []string{"goods"} }, nil},
		{"A16 rule disabled", func(r *Report) { r.Tables.F03.Procurement.Goods = m("-1.00") },
			func(o *Options) { o.Config = &audit.Config{Disabled: map[string]bool{"A16": true}} }, nil},
		{"B10 equality is fine", func(r *Report) {
			// the 三公 lines of the two tables sum exactly to the 三公 决算
			r.Tables.GeneralBudgetProject = nil
			rows := r.Tables.GeneralBudgetBasic.Rows
			rows[4].Amount, rows[6].Amount = m("24.15"), m("45.85") // 30201, 30217
			rows[7].Amount = m("5.89")                              // 30231
			rows[5].Amount = m("5.04")                              // 30211: 302 stays 80.93
		}, nil, nil},
		{"E1 empty table without a note but absent", func(r *Report) { r.Tables.GovFundThreePublic = nil }, nil, nil},
		{"D1 rows out of order are not duplicates", func(r *Report) {
			rows := r.Tables.GeneralBudgetBasic.Rows
			rows[0], rows[11] = rows[11], rows[0]
		}, nil, nil},
		{"A13 personnel classes option", func(r *Report) {
			b := r.Tables.GeneralBudgetBasic
			b.Personnel, b.Public = m("300.00"), m("229.03")
			r.Tables.Z07 = nil
		}, func(o *Options) { o.PersonnelClasses = []classification.EconDeptCode{"301"} }, nil},
	})
}

// summaryIncome is a report with only the income side of 收入支出决算总表.
func summaryIncome(unit amount.Unit, total string) *Report {
	return &Report{Unit: Unit{FiscalYear: 2020, AmountUnit: unit}, Tables: Tables{Summary: &SummaryTable{Income: SummaryIncome{
		GeneralBudget: m("599.53"), GovFund: m("31.25"), StateCapital: z, SuperiorSubsidy: z,
		Business: z, Operating: z, Affiliated: z, Other: z, Total: m(total),
	}}}}
}

// TestRounding: a 万元 total of n ≥ 2 stated addends may differ by
// ⌊(n+1)/2⌋×0.01 (info 舍入差异); beyond that it is an error; a single
// addend must be equal; 元 must be exact; absent figures are not compared.
func TestRounding(t *testing.T) {
	one := func(s string) func() *Report {
		return func() *Report {
			r := &Report{Unit: Unit{FiscalYear: 2020, AmountUnit: amount.TenThousandYuan}}
			r.Tables.Income = &IncomeTable{Rows: []IncomeRow{
				{Code: "221", IncomeColumns: IncomeColumns{Fiscal: m(s)}},
				{Code: "22102", IncomeColumns: IncomeColumns{Fiscal: m("26.75")}},
			}}
			return r
		}
	}
	cases := []struct {
		name string
		r    func() *Report
		opts func(o *Options)
		want []hit
		msg  string // a substring of the first finding's message
	}{
		{"equal", func() *Report { return summaryIncome(amount.TenThousandYuan, "630.78") }, nil, nil, ""},
		{"within bound: info", func() *Report { return summaryIncome(amount.TenThousandYuan, "630.82") }, nil,
			[]hit{{"A4", I, "/tables/summary/income/total"}}, "舍入差异：收入支出决算总表 收入·本年收入合计应等于一至八项收入之和：应为630.78万元，实为630.82万元（差0.04，在舍入容差0.04以内）"},
		{"beyond bound: error", func() *Report { return summaryIncome(amount.TenThousandYuan, "630.83") }, nil,
			[]hit{{"A4", E, "/tables/summary/income/total"}}, "应为630.78万元，实为630.83万元（差0.05，超出舍入容差0.04）"},
		{"below by the bound: info", func() *Report { return summaryIncome(amount.TenThousandYuan, "630.74") }, nil,
			[]hit{{"A4", I, "/tables/summary/income/total"}}, "差0.04"},
		{"元 exact", func() *Report { return summaryIncome(amount.Yuan, "630.79") }, nil,
			[]hit{{"A4", E, "/tables/summary/income/total"}}, "应为630.78元，实为630.79元（差0.01，须完全相等）"},
		{"single addend exact", one("26.76"), nil,
			[]hit{{"A8", E, "/tables/income/rows/0/fiscal"}}, "收入决算表 221·财政拨款收入应等于其下各款之和：应为26.75万元，实为26.76万元（差0.01，须完全相等）"},
		{"single addend equal", one("26.75"), nil, nil, ""},
		{"exact tolerance by config", func() *Report { return summaryIncome(amount.TenThousandYuan, "630.79") },
			func(o *Options) {
				o.Config = &audit.Config{Tolerance: map[string]amount.Tolerance{"A4": {Mode: amount.Exact}}}
			}, []hit{{"A4", E, "/tables/summary/income/total"}}, "须完全相等"},
		{"severity override keeps rounding info", func() *Report { return summaryIncome(amount.TenThousandYuan, "630.79") },
			func(o *Options) { o.Config = &audit.Config{Severity: map[string]audit.Severity{"A4": audit.Warning}} },
			[]hit{{"A4", I, "/tables/summary/income/total"}}, "舍入差异"},
		{"absent addend: nothing", func() *Report {
			r := summaryIncome(amount.TenThousandYuan, "999.99")
			r.Tables.Summary.Income.Other = Amount{}
			return r
		}, nil, nil, ""},
		{"absent total: nothing", func() *Report {
			r := summaryIncome(amount.TenThousandYuan, "1")
			r.Tables.Summary.Income.Total = Amount{}
			return r
		}, nil, nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := Options{}
			if tc.opts != nil {
				tc.opts(&o)
			}
			fs := Validate(tc.r(), o)
			want := tc.want
			if want == nil {
				want = []hit{}
			}
			if diff := cmp.Diff(want, hits(fs)); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
			if tc.msg != "" && !strings.Contains(fs[0].Message, tc.msg) {
				t.Errorf("message %q lacks %q", fs[0].Message, tc.msg)
			}
		})
	}
}

// TestFindingFigures: Expected and Actual hold the figures as strings.
func TestFindingFigures(t *testing.T) {
	fs := Validate(summaryIncome(amount.TenThousandYuan, "630.70"), Options{})
	want := audit.Findings{{Rule: "A4", Severity: audit.Error, Path: "/tables/summary/income/total",
		Message:  "收入支出决算总表 收入·本年收入合计应等于一至八项收入之和：应为630.78万元，实为630.70万元（差0.08，超出舍入容差0.04）",
		Expected: "630.78", Actual: "630.70"}}
	if diff := cmp.Diff(want, fs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCatalogue covers the code checks the valid report cannot: a code of
// another year, a malformed code.
func TestCatalogue(t *testing.T) {
	year := func(y int, code classification.FuncCode, name string) func() *Report {
		return func() *Report {
			return &Report{Unit: Unit{FiscalYear: y, AmountUnit: amount.TenThousandYuan}, Tables: Tables{
				Summary: &SummaryTable{Expenditure: SummaryExpenditure{Rows: []FuncAmountRow{{Code: code, Name: name}}}}}}
		}
	}
	for _, tc := range []struct {
		name string
		r    func() *Report
		want []hit
		msg  string
	}{
		{"valid in its year", year(2020, "234", "抗疫特别国债安排的支出"), nil, ""},
		{"not yet valid", year(2019, "234", "抗疫特别国债安排的支出"),
			[]hit{{"K1", E, "/tables/summary/expenditure/rows/0/code"}}, "在2019年度支出功能分类中无效"},
		{"renamed", year(2019, "207", "文化体育与传媒支出"),
			[]hit{{"K2", W, "/tables/summary/expenditure/rows/0/name"}}, "文化旅游体育与传媒支出"},
		{"old name in its year", year(2018, "207", "文化体育与传媒支出"), nil, ""},
		{"malformed", year(2020, "20A", ""),
			[]hit{{"K1", E, "/tables/summary/expenditure/rows/0/code"}}, "格式错误"},
		{"unknown 类", year(2020, "298", ""),
			[]hit{{"K1", E, "/tables/summary/expenditure/rows/0/code"}}, "不在2020年度支出功能分类中"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r()
			fs := Validate(r, Options{Catalogs: editions(t, r.Unit.FiscalYear)})
			want := tc.want
			if want == nil {
				want = []hit{}
			}
			if diff := cmp.Diff(want, hits(fs)); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
			if tc.msg != "" && !strings.Contains(fs[0].Message, tc.msg) {
				t.Errorf("message %q lacks %q", fs[0].Message, tc.msg)
			}
		})
	}
}

// TestRuleCatalogue: IDs are unique, and each rule is fully described.
func TestRuleCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		seen[r.ID] = true
		if r.Title == "" || r.Description == "" || r.Source == "" || r.Kind == "" || r.Check == nil {
			t.Errorf("rule %s is not fully described: %+v", r.ID, r.Rule)
		}
		if !strings.ContainsAny(r.Source, "[") {
			t.Errorf("rule %s source %q has no confidence label", r.ID, r.Source)
		}
	}
	var want []string
	for i := 1; i <= 16; i++ {
		want = append(want, "A"+strconv.Itoa(i))
	}
	for i := 1; i <= 15; i++ {
		if i != 8 && i != 9 { // B8 and B9 are Sichuan's (profiles/sichuan2020)
			want = append(want, "B"+strconv.Itoa(i))
		}
	}
	want = append(want, "D1", "E1", "E2", "K1", "K2")
	var got []string
	for _, r := range Rules() {
		got = append(got, r.ID)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rule IDs (-want +got):\n%s", diff)
	}
	// Rules returns a copy.
	rs := Rules()
	rs[0].Severity = audit.Info
	if Rules()[0].Severity != audit.Error {
		t.Error("Rules() shares its slice")
	}
}
