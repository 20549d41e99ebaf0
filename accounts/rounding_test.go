package accounts

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
)

// TestRoundingAcross: every 表间 rule that compares two stated figures of
// the same quantity (issue 15 item 1). In 万元 a gap of 0.01 is a 舍入差异
// (info), 0.02 is beyond the bound 0.01 (the rule's severity), no gap is
// quiet; in 元 the same 0.01 is the rule's severity (exact).
func TestRoundingAcross(t *testing.T) {
	for _, tc := range []struct {
		rule string
		sev  string // the rule's severity, as in hit
		path string // where the finding is reported
		fig  func(r *Report) *Amount
	}{
		{"B1", "error", "/tables/income/total/total", func(r *Report) *Amount { return &r.Tables.Income.Total.Total }},
		{"B2", "error", "/tables/expenditure/total/total", func(r *Report) *Amount { return &r.Tables.Expenditure.Total.Total }},
		{"B3", "error", "/tables/fiscalSummary/income/current/govFund", func(r *Report) *Amount { return &r.Tables.FiscalSummary.Income.Current.GovFund }},
		{"B4", "error", "/tables/generalBudget/total/total", func(r *Report) *Amount { return &r.Tables.GeneralBudget.Total.Total }},
		{"B5", "error", "/tables/generalBudgetBasic/total", func(r *Report) *Amount { return &r.Tables.GeneralBudgetBasic.Total }},
		{"B7", "error", "/tables/govFund/total/income", func(r *Report) *Amount { return &r.Tables.GovFund.Total.Income }},
		{"B11", "error", "/tables/z07/personnel", func(r *Report) *Amount { return &r.Tables.Z07.Personnel }},
		{"B12", "error", "/tables/summary/expenditure/rows/0/amount", func(r *Report) *Amount { return &r.Tables.Summary.Expenditure.Rows[0].Amount }},
		{"B13", "warning", "/tables/summary/income/beginningBalance", func(r *Report) *Amount { return &r.Tables.Summary.Income.BeginningBalance }},
	} {
		for _, c := range []struct {
			name  string
			unit  amount.Unit
			delta string
			sev   string // "" for quiet, "rule" for the rule's severity
			msg   string
		}{
			{"equal", amount.TenThousandYuan, "0", "", ""},
			{"a cent: rounding", amount.TenThousandYuan, "0.01", "info", "，在舍入容差0.01以内）"},
			{"a cent below: rounding", amount.TenThousandYuan, "-0.01", "info", "，在舍入容差0.01以内）"},
			{"two cents: beyond", amount.TenThousandYuan, "0.02", "rule", "（差0.02，超出舍入容差0.01）"},
			{"元 exact", amount.Yuan, "0.01", "rule", "（差0.01，须完全相等）"},
		} {
			t.Run(tc.rule+"/"+c.name, func(t *testing.T) {
				r := validReport()
				r.Unit.AmountUnit = c.unit
				a := tc.fig(r)
				*a = a.Add(m(c.delta))
				want := []hit{}
				switch c.sev {
				case "info":
					want = append(want, hit{tc.rule, I, tc.path})
				case "rule":
					want = append(want, hit{tc.rule, sevOf(tc.sev), tc.path})
				}
				fs := Validate(r, Options{Rules: only(t, tc.rule)})
				if d := cmp.Diff(want, hits(fs)); d != "" {
					t.Fatalf("(-want +got):\n%s", d)
				}
				if c.msg != "" && !strings.Contains(fs[0].Message, c.msg) {
					t.Errorf("message %q lacks %q", fs[0].Message, c.msg)
				}
				if c.sev == "info" && !strings.HasPrefix(fs[0].Message, "舍入差异：") {
					t.Errorf("message %q is not a 舍入差异", fs[0].Message)
				}
			})
		}
	}
}

// TestRoundingDerived: a figure that Calculate derived from rounded addends
// carries their rounding; compared with a stated figure of another table it
// admits ⌊k/2⌋ × 0.01 万元, k the rounded figures of both sides (issue 15:
// "a figure that Calculate derived from rounded addends is also compared
// exactly with a stated one, which made a false error on a document that
// is right"). Here 基本支出决算表's 合计 is left blank and derived from
// 人员经费合计 (301 + 303) and 公用经费合计 (302 + 310), each derived from its
// 类: 4 rounded figures, against the stated 基本支出 of the general budget
// table, k = 5, bound 0.02.
func TestRoundingDerived(t *testing.T) {
	for _, tc := range []struct {
		name   string
		unit   amount.Unit
		basic  string // 一般公共预算财政拨款支出决算表 合计·基本支出 (the derived 合计 is 529.03)
		stated bool   // 合计, 人员经费合计 and 公用经费合计 stated instead of derived
		want   []hit
		msg    string
	}{
		{"derived, equal", amount.TenThousandYuan, "529.03", false, []hit{}, ""},
		{"derived, two cents: rounding", amount.TenThousandYuan, "529.05", false,
			[]hit{{"B5", I, "/tables/generalBudgetBasic/total"}}, "舍入差异：一般公共预算财政拨款基本支出决算表 合计应等于一般公共预算财政拨款支出决算表 合计·基本支出：应为529.05万元，实为529.03万元（差0.02，在舍入容差0.02以内）"},
		{"derived, three cents: error", amount.TenThousandYuan, "529.00", false,
			[]hit{{"B5", E, "/tables/generalBudgetBasic/total"}}, "（差0.03，超出舍入容差0.02）"},
		{"stated, two cents: error", amount.TenThousandYuan, "529.05", true,
			[]hit{{"B5", E, "/tables/generalBudgetBasic/total"}}, "（差0.02，超出舍入容差0.01）"},
		{"derived in 元, a cent: error", amount.Yuan, "529.04", false,
			[]hit{{"B5", E, "/tables/generalBudgetBasic/total"}}, "（差0.01，须完全相等）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := validReport()
			r.Unit.AmountUnit = tc.unit
			b := r.Tables.GeneralBudgetBasic
			if !tc.stated {
				b.Total, b.Personnel, b.Public = Amount{}, Amount{}, Amount{}
			}
			r.Tables.GeneralBudget.Total.Basic = m(tc.basic)
			r.Calculate()
			if got := b.Total.String(); got != "529.03" {
				t.Fatalf("合计 %s, want 529.03", got)
			}
			fs := Validate(r, Options{Rules: only(t, "B5")})
			if d := cmp.Diff(tc.want, hits(fs)); d != "" {
				t.Fatalf("(-want +got):\n%s", d)
			}
			if tc.msg != "" && !strings.Contains(fs[0].Message, tc.msg) {
				t.Errorf("message %q lacks %q", fs[0].Message, tc.msg)
			}
		})
	}
}

// TestRoundedMarks: Calculate marks what it derived with the count of
// rounded figures (a derived addend with its own count), in 万元 only, and
// leaves stated figures unmarked.
func TestRoundedMarks(t *testing.T) {
	for _, tc := range []struct {
		unit                    amount.Unit
		total, personnel, stays int
	}{{amount.TenThousandYuan, 4, 2, 1}, {amount.Yuan, 1, 1, 1}} {
		r := validReport()
		r.Unit.AmountUnit = tc.unit
		b := r.Tables.GeneralBudgetBasic
		b.Total, b.Personnel, b.Public = Amount{}, Amount{}, Amount{}
		r.Calculate()
		got := [3]int{b.Total.Rounded(), b.Personnel.Rounded(), r.Tables.GeneralBudget.Total.Basic.Rounded()}
		if want := [3]int{tc.total, tc.personnel, tc.stays}; got != want {
			t.Errorf("%s: rounded counts (合计, 人员经费合计, a stated figure) %v, want %v", tc.unit, got, want)
		}
	}
}

// only is the built-in rule id alone, as an Options.Rules.
func only(t *testing.T, id string) []Rule {
	t.Helper()
	for _, ru := range Rules() {
		if ru.ID == id {
			return []Rule{ru}
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}

func sevOf(s string) audit.Severity {
	if s == "warning" {
		return W
	}
	return E
}
