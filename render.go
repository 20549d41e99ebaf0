package juesuan

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/internal/intake"
	"github.com/cnfiscal/juesuan/internal/render"
)

// RenderOptions say what RenderHTML prints besides the tables.
type RenderOptions struct {
	// Narrative is the 情况说明 (plain UTF-8 text); nil prints none.
	Narrative []byte
}

// ErrNoChromium is returned by RenderPDF when no local Chromium is
// installed (see RenderPDF).
var ErrNoChromium = render.ErrNoChromium

// standardCharts are the seven charts of the Sichuan 2020 reference
// narrative (图1–图7); the central template's text refers to the same set.
var standardCharts = []render.ChartSpec{
	{ID: "图1", Title: "收、支决算总计变动情况", Kind: render.Bars, Compare: true, Marks: []render.MarkSpec{
		{Label: "收入总计", Ptr: "/tables/summary/income/grandTotal"},
		{Label: "收入总计", Ptr: "/priorYear/incomeGrandTotal", Prior: true},
		{Label: "支出总计", Ptr: "/tables/summary/expenditure/grandTotal"},
		{Label: "支出总计", Ptr: "/priorYear/expenditureGrandTotal", Prior: true},
	}},
	{ID: "图2", Title: "收入决算结构", Kind: render.Pie, Marks: []render.MarkSpec{
		{Label: "一般公共预算财政拨款收入", Ptr: "/tables/summary/income/generalBudget"},
		{Label: "政府性基金预算财政拨款收入", Ptr: "/tables/summary/income/govFund"},
		{Label: "国有资本经营预算财政拨款收入", Ptr: "/tables/summary/income/stateCapital"},
		{Label: "上级补助收入", Ptr: "/tables/summary/income/superiorSubsidy"},
		{Label: "事业收入", Ptr: "/tables/summary/income/business"},
		{Label: "经营收入", Ptr: "/tables/summary/income/operating"},
		{Label: "附属单位上缴收入", Ptr: "/tables/summary/income/affiliated"},
		{Label: "其他收入", Ptr: "/tables/summary/income/other"},
	}},
	{ID: "图3", Title: "支出决算结构", Kind: render.Pie, Marks: []render.MarkSpec{
		{Label: "基本支出", Ptr: "/tables/expenditure/total/basic"},
		{Label: "项目支出", Ptr: "/tables/expenditure/total/project"},
		{Label: "上缴上级支出", Ptr: "/tables/expenditure/total/toSuperior"},
		{Label: "经营支出", Ptr: "/tables/expenditure/total/operating"},
		{Label: "对附属单位补助支出", Ptr: "/tables/expenditure/total/toAffiliated"},
	}},
	{ID: "图4", Title: "财政拨款收、支决算总计变动情况", Kind: render.Bars, Compare: true, Marks: []render.MarkSpec{
		{Label: "财政拨款收入总计", Ptr: "/tables/fiscalSummary/income/grandTotal"},
		{Label: "财政拨款收入总计", Ptr: "/priorYear/fiscalGrandTotal", Prior: true},
		{Label: "财政拨款支出总计", Ptr: "/tables/fiscalSummary/expenditure/grandTotal/total"},
		{Label: "财政拨款支出总计", Ptr: "/priorYear/fiscalGrandTotal", Prior: true},
	}},
	{ID: "图5", Title: "一般公共预算财政拨款支出决算变动情况", Kind: render.Bars, Compare: true, Marks: []render.MarkSpec{
		{Label: "一般公共预算财政拨款支出", Ptr: "/tables/generalBudget/total/total"},
		{Label: "一般公共预算财政拨款支出", Ptr: "/priorYear/generalBudgetExpenditure", Prior: true},
	}},
	{ID: "图6", Title: "一般公共预算财政拨款支出决算结构", Kind: render.Pie, Rows: "/tables/generalBudget/rows", RowValue: "total", RowCodeLen: 3},
	{ID: "图7", Title: "“三公”经费财政拨款支出结构", Kind: render.Pie, Marks: []render.MarkSpec{
		{Label: "因公出国（境）费", Ptr: "/tables/threePublic/actual/abroad"},
		{Label: "公务用车购置及运行维护费", Ptr: "/tables/threePublic/actual/vehicle"},
		{Label: "公务接待费", Ptr: "/tables/threePublic/actual/reception"},
	}},
}

// chartSets is each built-in profile's chart set, declared once here. A
// profile not listed draws no chart.
var chartSets = map[string][]render.ChartSpec{
	"sichuan-2020": standardCharts,
	"sichuan-2023": standardCharts,
	"central-2024": standardCharts,
}

// figureTree looks a document's figures up by JSON Pointer.
type figureTree map[string]any

func newFigureTree(d *Document) (figureTree, error) {
	b, err := json.Marshal(&d.Report)
	if err != nil {
		return nil, err
	}
	var t map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&t); err != nil {
		return nil, err
	}
	return t, nil
}

func (t figureTree) at(ptr string) any {
	var cur any = map[string]any(t)
	for k := range strings.SplitSeq(strings.TrimPrefix(ptr, "/"), "/") {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[k]
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || n >= len(x) {
				return nil
			}
			cur = x[n]
		default:
			return nil
		}
	}
	return cur
}

// Figure implements render.Figures.
func (t figureTree) Figure(ptr string) (string, bool) {
	s, ok := t.at(ptr).(string)
	return s, ok && s != ""
}

// Rows implements render.Figures.
func (t figureTree) Rows(ptr, field string) []render.Row {
	rows, _ := t.at(ptr).([]any)
	out := make([]render.Row, 0, len(rows))
	for _, rv := range rows {
		r, _ := rv.(map[string]any)
		code, _ := r["code"].(string)
		name, _ := r["name"].(string)
		v, _ := r[field].(string)
		out = append(out, render.Row{Code: code, Name: name, Value: v})
	}
	return out
}

// page builds the disclosure of d.
func page(d *Document, opts RenderOptions) (*render.Page, error) {
	if d == nil {
		return nil, ErrNilDocument
	}
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return nil, err
	}
	grids, err := intake.Grids(&d.Report, intakeTables(p, false))
	if err != nil {
		return nil, err
	}
	heading := d.Unit.Name
	if d.Unit.FiscalYear != 0 {
		heading += strconv.Itoa(d.Unit.FiscalYear) + "年度"
	}
	heading += "部门决算"
	pg := &render.Page{Heading: heading, Unit: string(d.Unit.AmountUnit), Grids: grids, Narrative: opts.Narrative}
	if specs := chartSets[p.ID]; len(specs) > 0 {
		t, err := newFigureTree(d)
		if err != nil {
			return nil, err
		}
		for _, s := range specs {
			pg.Charts = append(pg.Charts, render.Resolve(s, t, d.Unit.FiscalYear))
		}
	}
	return pg, nil
}

// RenderHTML writes d as its published disclosure, one self-contained HTML
// file (inline CSS and SVG, no script, no external resource): the
// narrative of opts (escaped, a paragraph per line) with each standard
// chart of d's profile after the paragraph that names it (图1：…), the
// charts it does not name after it, then the profile's 公开表 that d
// carries in published order (internal 财决 tables left out) as printed:
// title, 单位 line, merged header, figures right-aligned as "#,##0.00"
// (counts as whole numbers, absent figures blank), notes. The tables are
// laid out by the same code as WriteWorkbook. A chart is drawn from the
// stated figures only: one mark per figure, each with a <title> naming its
// label and figure; a chart whose figures are absent (a comparison without
// any prior-year figure, a structure with nothing stated or all 0) is not
// drawn and says why ("上年数未填报，图1未绘制"), and the absent figures
// of a drawn chart are listed under it. Print CSS puts each table on its
// own A4 landscape page.
func RenderHTML(w io.Writer, d *Document, opts RenderOptions) error {
	pg, err := page(d, opts)
	if err != nil {
		return err
	}
	return render.HTML(w, pg)
}

// RenderPDF prints the disclosure RenderHTML writes to PDF through a local
// headless Chromium (the JUESUAN_CHROMIUM environment variable, or
// chromium, chromium-browser, google-chrome or headless_shell on PATH,
// run as chromium --headless --print-to-pdf). Without one it returns an
// error matching ErrNoChromium. ctx bounds the Chromium run.
func RenderPDF(ctx context.Context, w io.Writer, d *Document, opts RenderOptions) error {
	var b bytes.Buffer
	if err := RenderHTML(&b, d, opts); err != nil {
		return err
	}
	pdf, err := render.PDF(ctx, b.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(pdf)
	return err
}
