package render

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/amount"
)

// figs is a Figures over a map of pointer → figure.
type figs map[string]string

func (f figs) Figure(ptr string) (string, bool) { s, ok := f[ptr]; return s, ok && s != "" }
func (f figs) Rows(string, string) []Row        { return nil }

// TestPieShares checks the shares a pie's legend prints: each figure's
// share of their sum rounded once to two places, half away from zero, as
// amount.Ratio gives it (the rule the narrative's 占比 follow).
func TestPieShares(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []string
		want   []string // the legend's shares
	}{
		{name: "thirds", values: []string{"1", "2"}, want: []string{"33.33", "66.67"}},
		{name: "eighths", values: []string{"1.00", "7.00"}, want: []string{"12.50", "87.50"}},
		{name: "half away from zero", values: []string{"1", "7999"}, want: []string{"0.01", "99.99"}},
		{name: "zero slice", values: []string{"0", "5.89", "45.85"}, want: []string{"0.00", "11.38", "88.62"}},
		// 100×123450.000448/1000000.003629 = 12.3449999999963…: 12.34. A
		// quotient first rounded to 16 places (12.345) would print 12.35.
		{name: "rounded once", values: []string{"123450.000448", "876550.003181"}, want: []string{"12.34", "87.66"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := ChartSpec{ID: "图9", Title: "结构", Kind: Pie}
			fs := figs{}
			sum := amount.FromInt(0)
			for i, v := range tc.values {
				p := "/tables/x/" + string(rune('a'+i))
				spec.Marks = append(spec.Marks, MarkSpec{Label: "项" + string(rune('A'+i)), Ptr: p})
				fs[p] = v
				sum = sum.Add(amount.MustParse(v))
			}
			ch := Resolve(spec, fs, 2020)
			var b bytes.Buffer
			if err := ch.Write(&b, "万元"); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range regexp.MustCompile(`<text x="328" y="[0-9.]+" font-size="12">[^<]*（([0-9.]+)%）</text>`).FindAllStringSubmatch(b.String(), -1) {
				got = append(got, m[1])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("legend shares (-want +got):\n%s", diff)
			}
			for i, v := range tc.values {
				r, _ := amount.Ratio(amount.MustParse(v), sum, 2)
				if i < len(got) && r.StringFixed(2) != got[i] {
					t.Errorf("share of %s: legend %s, amount.Ratio %s", v, got[i], r.StringFixed(2))
				}
			}
		})
	}
}
