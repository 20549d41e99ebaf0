package accounts

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/google/go-cmp/cmp"
)

// jsonAt resolves the JSON Pointer p in the decoded JSON v.
func jsonAt(v any, p string) (any, bool) {
	for _, k := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[k]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// TestNarrativeFactsPaths checks, on the reference report and on the
// report without the tables whose facts have fall-backs, that the pointer
// of every stated figure of every fact leads to that figure in the JSON of
// the report, that every Whole names a listed fact, and that IDs are
// unique.
func TestNarrativeFactsPaths(t *testing.T) {
	for _, tc := range []struct {
		name string
		drop func(*Tables)
	}{
		{"reference", func(*Tables) {}},
		{"no summary", func(t *Tables) { t.Summary = nil }},
		{"no fiscalSummary", func(t *Tables) { t.FiscalSummary = nil }},
		{"no stateCapital", func(t *Tables) { t.StateCapital = nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cloneReport(t, reference(t))
			tc.drop(&r.Tables)
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			f := NarrativeFacts(r)
			ids := map[string]bool{}
			for _, it := range f.Items {
				if ids[it.ID] {
					t.Errorf("%s listed twice", it.ID)
				}
				ids[it.ID] = true
			}
			stated := 0
			for _, it := range f.Items {
				if it.Whole != "" && !ids[it.Whole] {
					t.Errorf("%s: whole %s is not listed", it.ID, it.Whole)
				}
				for name, fig := range map[string]narrative.Figure{"value": it.Value, "prior": it.Prior, "budget": it.Budget, "initialBudget": it.InitialBudget} {
					if !fig.IsSet() {
						continue
					}
					stated++
					want := fig.Amount.String()
					if it.Count {
						want = fig.Count.String()
					}
					got, ok := jsonAt(doc, fig.Path)
					if !ok || strings.Trim(string(must(json.Marshal(got))), `"`) != want {
						t.Errorf("%s %s: %s holds %v, want %s", it.ID, name, fig.Path, got, want)
					}
				}
			}
			if stated < 50 {
				t.Errorf("only %d figures stated", stated)
			}
		})
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// TestNarrativeFactsFallbacks checks which table a fact with a fall-back
// is taken from.
func TestNarrativeFactsFallbacks(t *testing.T) {
	type got struct{ Path, Title string }
	for _, tc := range []struct {
		name string
		drop func(*Tables)
		want map[string]got
	}{
		{"reference", func(*Tables) {}, map[string]got{
			"summary.income.total":      {"/tables/summary/income/total", "本年收入合计"},
			"summary.expenditure.total": {"/tables/summary/expenditure/total", "本年支出合计"},
			"fiscal.income.total":       {"/tables/fiscalSummary/income/current/total", "财政拨款本年收入合计"},
			"generalBudget.basic":       {"/tables/generalBudget/total/basic", "一般公共预算财政拨款基本支出"},
		}},
		{"no summary", func(t *Tables) { t.Summary = nil }, map[string]got{
			"summary.income.total":      {"/tables/income/total/total", "本年收入合计"},
			"summary.expenditure.total": {"/tables/expenditure/total/total", "本年支出合计"},
		}},
		{"no fiscalSummary", func(t *Tables) { t.FiscalSummary = nil }, map[string]got{
			"fiscal.income.total": {"/tables/income/total/fiscal", "财政拨款收入"},
		}},
		{"no generalBudget", func(t *Tables) { t.GeneralBudget = nil }, map[string]got{
			"generalBudget.basic": {"/tables/generalBudgetBasic/total", "一般公共预算财政拨款基本支出"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cloneReport(t, reference(t))
			tc.drop(&r.Tables)
			have := map[string]got{}
			for _, it := range NarrativeFacts(r).Items {
				if _, ok := tc.want[it.ID]; ok {
					have[it.ID] = got{it.Value.Path, it.Title}
				}
			}
			if diff := cmp.Diff(tc.want, have); diff != "" {
				t.Errorf("facts (-want +got):\n%s", diff)
			}
		})
	}
}

// BenchmarkNarrativeFacts builds the facts of the reference report.
func BenchmarkNarrativeFacts(b *testing.B) {
	r := reference(b)
	for b.Loop() {
		NarrativeFacts(r)
	}
}
