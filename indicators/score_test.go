package indicators

import (
	"testing"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestScore(t *testing.T) {
	type want struct {
		Total, Upper, Max string
		Grade, UpperGrade string
		Unscored          []int
		Missing           []string
		Methods           []Method
	}
	all := []Method{Proportional, SameText, PeriodMet, Proportional, SameText, SameText}
	tests := []struct {
		name   string
		mutate func(*ProjectTable)
		cfg    ScoreConfig
		want   want
	}{
		{name: "everything met", want: want{"100.00", "100.00", "100", "优", "优", nil, nil, all}},
		{name: "7 of 12 期: 12.5 × 7/12",
			mutate: func(p *ProjectTable) { p.Indicators[0].Actual = "7期" },
			// 100 − 12.5 + 12.5×7/12 = 94.7916…
			want: want{"94.79", "94.79", "100", "优", "优", nil, nil, all}},
		{name: "≤ target missed: 12.5 × 5/8",
			mutate: func(p *ProjectTable) { p.Indicators[0].Target, p.Indicators[0].Actual = "≤5天", "8天" },
			want: want{"95.31", "95.31", "100", "优", "优", nil, nil,
				[]Method{Inverse, SameText, PeriodMet, Proportional, SameText, SameText}}},
		{name: "≤ target met",
			mutate: func(p *ProjectTable) { p.Indicators[0].Target, p.Indicators[0].Actual = "≤5天", "3天" },
			want: want{"100.00", "100.00", "100", "优", "优", nil, nil,
				[]Method{Inverse, SameText, PeriodMet, Proportional, SameText, SameText}}},
		{name: "over-achievement capped",
			mutate: func(p *ProjectTable) { p.Indicators[0].Actual = "20期" },
			want:   want{"100.00", "100.00", "100", "优", "优", nil, nil, all}},
		{name: "qualitative text differs: unscored",
			mutate: func(p *ProjectTable) { p.Indicators[1].Actual = "较有价值" },
			want: want{"87.50", "100.00", "100", "良", "优", []int{1}, nil,
				[]Method{Proportional, Unscored, PeriodMet, Proportional, SameText, SameText}}},
		{name: "qualitative with 完成率 100%",
			mutate: func(p *ProjectTable) { p.Indicators[1].Actual, p.Indicators[1].Rate = "较有价值", "100%" },
			want: want{"100.00", "100.00", "100", "优", "优", nil, nil,
				[]Method{Proportional, StatedRate, PeriodMet, Proportional, SameText, SameText}}},
		{name: "custom qualitative judgement: half marks",
			mutate: func(p *ProjectTable) { p.Indicators[4].Actual = "部分" },
			cfg: ScoreConfig{Qualitative: func(in *Indicator) (decimal.Decimal, bool) {
				return dec("0.5"), true
			}},
			// 产出: 12.5 (数量) + 6.25 (质量 judged) + 12.5 + 12.5; 效益 15; 满意度 5; 执行 10.
			want: want{"73.75", "73.75", "100", "中", "中", nil, nil,
				[]Method{Proportional, Judged, PeriodMet, Proportional, Judged, Judged}}},
		{name: "execution 30 of 40.50",
			mutate: func(p *ProjectTable) { p.Funds.Total.Actual = amount.MustParse("30") },
			// 90 + 10 × 30/40.5 = 97.407…
			want: want{"97.41", "97.41", "100", "优", "优", nil, nil, all}},
		{name: "execution not stated",
			mutate: func(p *ProjectTable) { p.Funds.Total.Budget = amount.Amount{} },
			want:   want{"90.00", "100.00", "100", "优", "优", nil, nil, all}},
		{name: "no satisfaction indicator",
			mutate: func(p *ProjectTable) { p.Indicators = p.Indicators[:5] },
			want: want{"90.00", "90.00", "90", "优", "优", nil, []string{"满意度"},
				[]Method{Proportional, SameText, PeriodMet, Proportional, SameText}}},
		{name: "stated 分值 used",
			mutate: func(p *ProjectTable) {
				for i, w := range []string{"20", "10", "10", "10"} {
					p.Indicators[i].Weight = amount.MustParse(w)
				}
				p.Indicators[0].Actual = "6期" // 20 × 6/12 = 10
			},
			want: want{"90.00", "90.00", "100", "优", "优", nil, nil, all}},
		{name: "custom weights and Shanghai bands",
			mutate: func(p *ProjectTable) { p.Indicators[4].Actual, p.Indicators[5].Actual = "无", "无" },
			cfg: ScoreConfig{Weights: Weights{Output: dec("60"), Outcome: dec("20"), Satisfaction: dec("10"), Execution: dec("10")},
				Bands: ShanghaiBands()},
			want: want{"70.00", "100.00", "100", "合格", "优", []int{4, 5}, nil,
				[]Method{Proportional, SameText, PeriodMet, Proportional, Unscored, Unscored}}},
		{name: "unknown 一级: unscored",
			mutate: func(p *ProjectTable) { p.Indicators[5].Level1 = "决策指标" },
			want: want{"90.00", "90.00", "90", "优", "优", []int{5}, []string{"满意度"},
				[]Method{Proportional, SameText, PeriodMet, Proportional, SameText, Unscored}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := projectOf("业务运行费", "40.50", "40.50")
			if tt.mutate != nil {
				tt.mutate(&p)
			}
			r := Score(&p, tt.cfg)
			got := want{r.Total.StringFixed(2), r.Upper.StringFixed(2), r.Max.String(), r.Grade, r.UpperGrade, r.Unscored, r.Missing, nil}
			for _, it := range r.Items {
				got.Methods = append(got.Methods, it.Method)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Score (-want +got):\n%s\n%s", diff, r)
			}
		})
	}
}

func TestBands(t *testing.T) {
	tests := []struct {
		score         string
		def, shanghai string
	}{
		{"100", "优", "优"}, {"90", "优", "优"}, {"89.99", "良", "良"}, {"80", "良", "良"},
		{"79.99", "中", "合格"}, {"60", "中", "合格"}, {"59.99", "差", "不合格"}, {"0", "差", "不合格"},
	}
	sh, err := BandsNamed("优良合格不合格")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if g := DefaultBands().Grade(dec(tt.score)); g != tt.def {
			t.Errorf("default Grade(%s) = %s, want %s", tt.score, g, tt.def)
		}
		if g := sh.Grade(dec(tt.score)); g != tt.shanghai {
			t.Errorf("Shanghai Grade(%s) = %s, want %s", tt.score, g, tt.shanghai)
		}
	}
	if _, err := BandsNamed("ABCD"); err == nil {
		t.Error("BandsNamed(ABCD) succeeded")
	}
}

// TestScoreReference scores the reference tables. The 评价结论 table states
// 完成率 100% on every row, so it scores full marks; the 完成情况表 state no
// 完成率, so their qualitative rows whose actual text differs from the target
// are unscored, and the upper bound restores them.
func TestScoreReference(t *testing.T) {
	p := loadReference(t)
	fw, _ := LookupFramework(Sichuan2020)
	cfg := ScoreConfig{Framework: fw}
	e := ScoreEvaluation(&p.Evaluations[0], cfg)
	if e.Total.StringFixed(2) != "100.00" || e.Grade != "优" || len(e.Unscored) != 0 {
		t.Errorf("评价结论 table: %s", e)
	}
	for i := range p.Projects {
		r := Score(&p.Projects[i], cfg)
		sumUnscored := decimal.Zero
		for _, k := range r.Unscored {
			it := r.Items[k]
			sumUnscored = sumUnscored.Add(it.Weight)
			in := p.Projects[i].Indicators[k]
			if NormalizeName(in.Target) == NormalizeName(in.Actual) {
				t.Errorf("project %d row %d unscored although actual = target", i, k)
			}
		}
		// Total and Upper are each rounded to 0.01.
		if r.Total.Add(sumUnscored).Sub(r.Upper).Abs().GreaterThan(dec("0.01")) {
			t.Errorf("project %d: Total %s + unscored %s ≠ Upper %s", i, r.Total, sumUnscored, r.Upper)
		}
		if r.Execution.Score.StringFixed(2) != "10.00" {
			t.Errorf("project %d execution score %s, want 10 (执行数 = 预算数)", i, r.Execution.Score)
		}
		if r.Upper.StringFixed(2) != "100.00" {
			t.Errorf("project %d upper %s, want 100", i, r.Upper)
		}
	}
	if r := Score(nil, cfg); r.Project != "" || ScoreEvaluation(nil, cfg).Project != "" {
		t.Error("nil tables")
	}
}
