package juesuan_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
)

// statedFigures walks the public tables of d (independently of the
// renderer) and returns each stated amount formatted "#,##0.00".
func statedFigures(t *testing.T, d *juesuan.Document) []string {
	t.Helper()
	var b bytes.Buffer
	if err := juesuan.Encode(&b, publicOnly(t, d)); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`"(\w+)": "(-?[0-9]+(?:\.[0-9]+)?)"`).FindAllStringSubmatch(b.String(), -1) {
		if m[1] == "code" {
			continue
		}
		a, err := amount.Parse(m[2])
		if err != nil {
			t.Fatal(err)
		}
		s := a.StringFixed(2)
		if w, f, _ := strings.Cut(s, "."); len(w) > 3 {
			for i := len(w) - 3; i > 0; i -= 3 {
				w = w[:i] + "," + w[i:]
			}
			s = w + "." + f
		}
		out = append(out, s)
	}
	return out
}

func TestRenderHTML(t *testing.T) {
	ref, text, _ := renderReference(t)
	// Only last year's 收入总计 (a test figure), so that 图1 is drawn with
	// one bar of its four absent.
	withPrior := *ref
	py := *ref.PriorYear
	py.IncomeGrandTotal = amount.MustParse("792.08")
	withPrior.PriorYear = &py
	for _, tc := range []struct {
		name    string
		doc     *juesuan.Document
		opts    juesuan.RenderOptions
		undrawn []string // the reasons of the charts not drawn
		marks   int      // marks drawn: stated figures of the drawn charts (pies: those above 0)
	}{
		// 图2: 599.53, 31.25 (the other six stated 0, 国有资本 absent); 图3: 560.28, 70.50;
		// 图6: 201, 208, 221 above 0; 图7: 5.89, 45.85 (因公出国 0).
		{name: "reference", undrawn: []string{"上年数未填报，图1未绘制", "上年数未填报，图4未绘制", "上年数未填报，图5未绘制"}, marks: 2 + 2 + 3 + 2},
		{name: "reference with narrative", opts: juesuan.RenderOptions{Narrative: text}, undrawn: []string{"上年数未填报，图1未绘制", "上年数未填报，图4未绘制", "上年数未填报，图5未绘制"}, marks: 9},
		// 图1 drawn: three bars (上年支出总计 absent, listed under it).
		{name: "prior income total", doc: &withPrior, undrawn: []string{"上年数未填报，图4未绘制", "上年数未填报，图5未绘制"}, marks: 9 + 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc
			if doc == nil {
				doc = ref
			}
			var b bytes.Buffer
			if err := juesuan.RenderHTML(&b, doc, tc.opts); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			p, _ := juesuan.LookupProfile(ref.Profile)
			for _, ts := range p.Tables {
				if ts.Internal || ts.Extra() {
					continue
				}
				if !strings.Contains(page, "<h2>"+ts.Number+"、"+ts.Title+"</h2>") {
					t.Errorf("table title %s、%s not in the page", ts.Number, ts.Title)
				}
			}
			for _, f := range statedFigures(t, ref) {
				if !strings.Contains(page, ">"+f+"<") {
					t.Errorf("figure %s not in the page", f)
				}
			}
			var undrawn []string
			for _, m := range regexp.MustCompile(`class="undrawn">([^<]*)<`).FindAllStringSubmatch(page, -1) {
				undrawn = append(undrawn, m[1])
			}
			if fmt.Sprint(undrawn) != fmt.Sprint(tc.undrawn) {
				t.Errorf("undrawn charts: got %q, want %q", undrawn, tc.undrawn)
			}
			if n := strings.Count(page, `<g class="mark"`); n != tc.marks {
				t.Errorf("marks: got %d, want %d", n, tc.marks)
			}
			if strings.Count(page, "<svg ") != 7-len(tc.undrawn) {
				t.Errorf("svg charts: got %d, want %d", strings.Count(page, "<svg "), 7-len(tc.undrawn))
			}
			for _, bad := range []string{"<script", "http://", "https://", "src="} {
				if strings.Contains(strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, ""), bad) {
					t.Errorf("page holds %q: not self-contained", bad)
				}
			}
		})
	}
}

// renderReference returns the reference document, its narrative, and a
// copy that states four prior-year totals — test figures, not the
// department's, which the reference does not state — so that the bar
// charts 图1, 图4 and 图5 are drawn.
func renderReference(t *testing.T) (*juesuan.Document, []byte, *juesuan.Document) {
	t.Helper()
	ref, err := juesuan.DecodeFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt")
	if err != nil {
		t.Fatal(err)
	}
	w := *ref
	py := *ref.PriorYear
	py.IncomeGrandTotal = amount.MustParse("792.08")
	py.ExpenditureGrandTotal = amount.MustParse("790.00")
	py.GeneralBudgetExpenditure = amount.MustParse("602.10")
	py.FiscalGrandTotal = amount.MustParse("620.00")
	w.PriorYear = &py
	return ref, text, &w
}

// TestRenderHTMLGolden pins the rendered reference byte for byte
// (testdata/render/*.html; refresh with go test -run TestRenderHTMLGolden
// -update). What the pages hold is checked independently by TestRenderHTML.
func TestRenderHTMLGolden(t *testing.T) {
	ref, text, withPrior := renderReference(t)
	for _, tc := range []struct {
		golden string
		doc    *juesuan.Document
		opts   juesuan.RenderOptions
	}{
		{golden: "reference.html", doc: ref},
		{golden: "reference-narrative.html", doc: ref, opts: juesuan.RenderOptions{Narrative: text}},
		{golden: "reference-prior.html", doc: withPrior, opts: juesuan.RenderOptions{Narrative: text}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := juesuan.RenderHTML(&b, tc.doc, tc.opts); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "render", tc.golden)
			if juesuan.Updating() {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (create it with go test -run TestRenderHTMLGolden -update)", err)
			}
			if d := cmp.Diff(string(want), b.String()); d != "" {
				t.Errorf("%s (-golden +got); if intended, refresh with go test -run TestRenderHTMLGolden -update:\n%s", path, d)
			}
		})
	}
}

// TestProfileCharts checks that Register refuses a malformed chart set,
// naming the chart, and that a profile's own charts are the ones drawn.
func TestProfileCharts(t *testing.T) {
	base, err := juesuan.LookupProfile("sichuan-2020")
	if err != nil {
		t.Fatal(err)
	}
	pie := juesuan.ChartSpec{ID: "图2", Title: "收入决算结构", Kind: juesuan.ChartPie, Marks: []juesuan.ChartMark{{Label: "事业收入", Ptr: "/tables/summary/income/business"}}}
	for _, tc := range []struct {
		name   string
		charts []juesuan.ChartSpec
		want   string // in the error; "" for none
	}{
		{name: "none", charts: nil},
		{name: "one", charts: []juesuan.ChartSpec{pie}},
		{name: "no ID", charts: []juesuan.ChartSpec{{Title: "x", Marks: pie.Marks}}, want: "chart 0 has no ID"},
		{name: "twice", charts: []juesuan.ChartSpec{pie, pie}, want: "chart 图2 declared twice"},
		{name: "kind", charts: []juesuan.ChartSpec{{ID: "图9", Kind: 7, Marks: pie.Marks}}, want: "chart 图9 has kind 7"},
		{name: "nothing", charts: []juesuan.ChartSpec{{ID: "图9"}}, want: "chart 图9 draws nothing"},
		{name: "pointer", charts: []juesuan.ChartSpec{{ID: "图9", Marks: []juesuan.ChartMark{{Label: "x", Ptr: "tables/summary"}}}}, want: "chart 图9 mark 0"},
		{name: "rows", charts: []juesuan.ChartSpec{{ID: "图9", Rows: "/tables/generalBudget/rows"}}, want: "chart 图9: Rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := base.Clone()
			p.ID = "test-charts"
			p.Charts = tc.charts
			r := juesuan.NewRegistry()
			err := r.Register(p)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, juesuan.ErrInvalidProfile) || !strings.Contains(fmt.Sprint(err), tc.want) {
				t.Fatalf("Register: %v, want ErrInvalidProfile with %q", err, tc.want)
			}
		})
	}
	// Clone copies the charts.
	q := base.Clone()
	q.Charts[0].Marks[0].Label = "changed"
	if base.Charts[0].Marks[0].Label == "changed" {
		t.Error("Clone shares the charts' marks")
	}
}

// A profile of your own declares its own standard charts.
func ExampleChartSpec() {
	base, err := juesuan.LookupProfile("sichuan-2020")
	if err != nil {
		panic(err)
	}
	p := base.Clone()
	p.ID = "example-charts"
	p.Charts = []juesuan.ChartSpec{{
		ID: "图1", Title: "“三公”经费财政拨款支出结构", Kind: juesuan.ChartPie,
		Marks: []juesuan.ChartMark{
			{Label: "公务用车购置及运行维护费", Ptr: "/tables/threePublic/actual/vehicle"},
			{Label: "公务接待费", Ptr: "/tables/threePublic/actual/reception"},
		},
	}}
	if err := juesuan.Register(p); err != nil {
		panic(err)
	}
	defer juesuan.Unregister(p.ID)
	d, err := juesuan.DecodeFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		panic(err)
	}
	d.Profile = p.ID
	var b bytes.Buffer
	if err := juesuan.RenderHTML(&b, d, juesuan.RenderOptions{}); err != nil {
		panic(err)
	}
	fmt.Println(strings.Count(b.String(), "<svg "), strings.Count(b.String(), `<g class="mark"`))
	fmt.Println(regexp.MustCompile(`<title>公务接待费[^<]*`).FindString(b.String()))
	// Output:
	// 1 2
	// <title>公务接待费：45.85万元（88.62%）
}

func ExampleRenderHTML() {
	d, err := juesuan.DecodeFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := juesuan.RenderHTML(&b, d, juesuan.RenderOptions{}); err != nil {
		panic(err)
	}
	fmt.Println(strings.Contains(b.String(), "<h2>一、收入支出决算总表</h2>"))
	fmt.Println(regexp.MustCompile(`class="undrawn">[^<]*`).FindString(b.String()))
	// Output:
	// true
	// class="undrawn">上年数未填报，图1未绘制
}

// BenchmarkRenderVsValidate compares, in one run, rendering the reference
// to HTML with validating it as `juesuan validate` does (Profile.Calculate,
// then Profile.ValidateWith; issue 18: render ≤ validate). Each iteration
// renders and validates once, interleaved, so that both sides see the same
// load; render-ns/op and validate-ns/op are the medians of the single
// times, and render/validate their ratio, the figure that counts (a median
// is robust to the bursts of a shared machine). Two sub-benchmarks:
//
//   - doc: both sides from the decoded, calculated *Document;
//   - file: both sides from the file's bytes, decoding included, as the two
//     commands (juesuan render, juesuan validate) do.
func BenchmarkRenderVsValidate(b *testing.B) {
	raw, err := os.ReadFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		b.Fatal(err)
	}
	decode := func(b *testing.B) *juesuan.Document {
		d, err := juesuan.DecodeBytes(raw)
		if err != nil {
			b.Fatal(err)
		}
		return d
	}
	validate := func(b *testing.B, d *juesuan.Document) {
		p, err := juesuan.LookupProfile(d.Profile)
		if err != nil {
			b.Fatal(err)
		}
		p.Calculate(d)
		if _, _, err := p.ValidateWith(d, juesuan.ValidateOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	var buf bytes.Buffer
	render := func(b *testing.B, d *juesuan.Document) {
		buf.Reset()
		if err := juesuan.RenderHTML(&buf, d, juesuan.RenderOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	d := decode(b)
	d.Calculate()
	for _, fromFile := range []bool{false, true} {
		name := "doc"
		if fromFile {
			name = "file"
		}
		b.Run(name, func(b *testing.B) {
			tr := make([]time.Duration, 0, 1<<16)
			tv := make([]time.Duration, 0, 1<<16)
			for b.Loop() {
				t0 := time.Now()
				rd := d
				if fromFile {
					rd = decode(b)
				}
				render(b, rd)
				t1 := time.Now()
				vd := d
				if fromFile {
					vd = decode(b)
				}
				validate(b, vd)
				tv = append(tv, time.Since(t1))
				tr = append(tr, t1.Sub(t0))
			}
			mr, mv := medianDuration(tr), medianDuration(tv)
			b.ReportMetric(float64(mr.Nanoseconds()), "render-ns/op")
			b.ReportMetric(float64(mv.Nanoseconds()), "validate-ns/op")
			b.ReportMetric(float64(mr)/float64(mv), "render/validate")
		})
	}
}

// medianDuration is the median of ds (which it sorts).
func medianDuration(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}
