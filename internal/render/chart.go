package render

import (
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/amount"
)

// ChartKind is how a chart draws its figures.
type ChartKind uint8

// The kinds of chart.
const (
	Bars ChartKind = iota // one bar per figure, grouped by label, a series per year
	Pie                   // one slice per figure, each figure's share of their sum
)

// ChartSpec declares one standard chart: what it draws, from which
// figures. The root package makes one from each juesuan.ChartSpec of a
// profile's Charts.
type ChartSpec struct {
	ID    string // 图1
	Title string // 收、支决算总计变动情况
	Kind  ChartKind
	// Marks are the figures drawn, in order.
	Marks []MarkSpec
	// Rows, when set, adds a mark per coded row under this JSON Pointer
	// (/tables/generalBudget/rows) whose code has RowCodeLen digits (3: the
	// 类), labelled by the row's name, its figure the row's RowValue field.
	Rows       string
	RowValue   string
	RowCodeLen int
	// Compare marks a chart of this year against the prior year: it is not
	// drawn when no prior-year figure is stated.
	Compare bool
}

// MarkSpec is one figure of a chart.
type MarkSpec struct {
	Label string // 收入总计
	Ptr   string // JSON Pointer below the document root
	Prior bool   // a prior-year figure (the 上年 series of a comparison)
}

// Figures looks figures up by JSON Pointer below the document root; ok
// is false for a figure the document does not state.
type Figures interface {
	Figure(ptr string) (s string, ok bool)
	// Rows lists the coded rows under ptr: each row's code, name and the
	// figure of field (absent: "").
	Rows(ptr, field string) []Row
}

// Row is one coded row of a table.
type Row struct{ Code, Name, Value string }

// Mark is one drawn (or undrawable) figure of a chart.
type Mark struct {
	Label  string
	Series string // 2020年, 2019年 (bars)
	Value  string // the figure as stated; "" absent
	Ptr    string
}

// Chart is a chart spec resolved against one document: the marks, and
// why it is not drawn when it is not.
type Chart struct {
	Spec   ChartSpec
	Marks  []Mark
	Absent []Mark // marks whose figures are absent: not drawn
	// Reason, when not "", says why the chart is not drawn.
	Reason string
}

// Resolve reads the figures of spec from fs; year is the fiscal year
// (for the series labels) and unit the amount unit.
func Resolve(spec ChartSpec, fs Figures, year int) Chart {
	ch := Chart{Spec: spec}
	add := func(m Mark) {
		if m.Value == "" {
			ch.Absent = append(ch.Absent, m)
			return
		}
		ch.Marks = append(ch.Marks, m)
	}
	prior := false
	for _, ms := range spec.Marks {
		m := Mark{Label: ms.Label, Ptr: ms.Ptr, Series: strconv.Itoa(year) + "年"}
		if ms.Prior {
			m.Series = strconv.Itoa(year-1) + "年"
		}
		m.Value, _ = fs.Figure(ms.Ptr)
		if ms.Prior && m.Value != "" {
			prior = true
		}
		add(m)
	}
	if spec.Rows != "" {
		for i, r := range fs.Rows(spec.Rows, spec.RowValue) {
			if spec.RowCodeLen > 0 && len(r.Code) != spec.RowCodeLen {
				continue
			}
			name := r.Name
			if name == "" {
				name = r.Code
			}
			add(Mark{Label: name, Value: r.Value, Ptr: spec.Rows + "/" + strconv.Itoa(i) + "/" + spec.RowValue})
		}
	}
	switch {
	case spec.Compare && !prior:
		ch.Reason = "上年数未填报，" + spec.ID + "未绘制"
	case len(ch.Marks) == 0:
		ch.Reason = "所需数据未填报，" + spec.ID + "未绘制"
	}
	if ch.Reason != "" {
		return ch
	}
	sum := amount.FromInt(0)
	for _, m := range ch.Marks {
		d := amt(m.Value)
		if d.Sign() < 0 {
			ch.Reason = m.Label + "为负数，" + spec.ID + "未绘制"
			return ch
		}
		sum = sum.Add(d)
	}
	if sum.Sign() == 0 {
		ch.Reason = "各项均为0，" + spec.ID + "未绘制"
	}
	return ch
}

// amt is the stated figure s as an amount, 0 for text that is none (the
// figures a Figures reads are amounts the document states).
func amt(s string) amount.Amount {
	a, err := amount.Parse(s)
	if err != nil {
		return amount.FromInt(0)
	}
	return a
}

// float is a as a float64, for a chart's geometry only (never a figure
// printed): exact to the float64 nearest a.
func float(a amount.Amount) float64 {
	if m, ok := a.Micro(); ok && m > -1<<53 && m < 1<<53 {
		return float64(m) / 1e6 // both exact: the division rounds once
	}
	d, _ := a.Decimal()
	f, _ := d.Float64()
	return f
}

// Drawn is the number of marks Chart draws: every stated figure of a bar
// chart, every stated figure above 0 of a pie (a 0 is listed in the
// legend, it has no area); 0 for a chart that is not drawn.
func (ch Chart) Drawn() int {
	if ch.Reason != "" {
		return 0
	}
	if ch.Spec.Kind == Bars {
		return len(ch.Marks)
	}
	n := 0
	for _, m := range ch.Marks {
		if amt(m.Value).Sign() > 0 {
			n++
		}
	}
	return n
}

var palette = []string{"#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47", "#264478", "#9e480e", "#636363", "#997300", "#255e91", "#43682b"}

// Write writes ch as a <figure>: its caption, the chart as inline SVG
// (each mark with a <title> naming its label and figure) and a note of the
// absent figures; a chart that is not drawn is its caption and the reason.
func (ch Chart) Write(w io.Writer, unit string) error {
	var b svg
	ch.write(&b, unit)
	_, err := w.Write(b)
	return err
}

// svg is a byte buffer with the few writes a chart needs.
type svg []byte

func (b *svg) s(parts ...string) {
	for _, p := range parts {
		*b = append(*b, p...)
	}
}

// e appends s escaped as html.EscapeString escapes it.
func (b *svg) e(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '"':
			r = "&#34;"
		default:
			continue
		}
		*b = append(append(*b, s[last:i]...), r...)
		last = i + 1
	}
	*b = append(*b, s[last:]...)
}

// f appends x with two decimals.
func (b *svg) f(x float64) { *b = strconv.AppendFloat(*b, x, 'f', 2, 64) }

func (ch Chart) write(b *svg, unit string) {
	id := strings.TrimPrefix(ch.Spec.ID, "图")
	b.s(`<figure class="chart" id="chart-`)
	b.e(id)
	b.s("\">\n<figcaption>")
	b.e(ch.Spec.ID)
	b.s("：")
	b.e(ch.Spec.Title)
	b.s("</figcaption>\n")
	if ch.Reason != "" {
		b.s(`<p class="undrawn">`)
		b.e(ch.Reason)
		b.s("</p>\n</figure>\n")
		return
	}
	if ch.Spec.Kind == Bars {
		ch.bars(b, unit)
	} else {
		ch.pie(b, unit)
	}
	if len(ch.Absent) > 0 {
		b.s(`<p class="absent">未填报，未绘制：`)
		for i, m := range ch.Absent {
			if i > 0 {
				b.s("、")
			}
			if ch.Spec.Kind == Bars {
				b.e(m.Series)
			}
			b.e(m.Label)
		}
		b.s("</p>\n")
	}
	b.s("</figure>\n")
}

func num(s string) float64 { return float(amt(s)) }

// bars draws one bar per mark, grouped by label, one colour per series.
func (ch Chart) bars(b *svg, unit string) {
	const W, H, top, bottom, left = 640.0, 300.0, 30.0, 50.0, 20.0
	var groups, series []string
	for _, ms := range [][]Mark{ch.Marks, ch.Absent} {
		for _, m := range ms {
			if !slices.Contains(groups, m.Label) {
				groups = append(groups, m.Label)
			}
			if !slices.Contains(series, m.Series) {
				series = append(series, m.Series)
			}
		}
	}
	maxV := 0.0
	for _, m := range ch.Marks {
		maxV = math.Max(maxV, num(m.Value))
	}
	plot := H - top - bottom
	gw := (W - 2*left) / float64(len(groups))
	bw := gw * 0.7 / float64(len(series))
	b.s(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	b.f(W)
	b.s(" ")
	b.f(H)
	b.s(`" width="`)
	b.f(W)
	b.s(`" height="`)
	b.f(H)
	b.s(`" role="img" aria-label="`)
	b.e(ch.Spec.Title)
	b.s("\">\n", `<line x1="`)
	b.f(left)
	b.s(`" y1="`)
	b.f(H - bottom)
	b.s(`" x2="`)
	b.f(W - left)
	b.s(`" y2="`)
	b.f(H - bottom)
	b.s("\" stroke=\"#333\"/>\n")
	for gi, g := range groups {
		x0 := left + float64(gi)*gw + gw*0.15
		b.s(`<text x="`)
		b.f(left + float64(gi)*gw + gw/2)
		b.s(`" y="`)
		b.f(H - bottom + 18)
		b.s(`" text-anchor="middle" font-size="13">`)
		b.e(g)
		b.s("</text>\n")
		for si, s := range series {
			for _, m := range ch.Marks {
				if m.Label != g || m.Series != s {
					continue
				}
				h := 0.0
				if maxV > 0 {
					h = num(m.Value) / maxV * plot
				}
				x := x0 + float64(si)*bw
				v := Figure(m.Value, false)
				b.s(`<g class="mark" data-ptr="`)
				b.e(m.Ptr)
				b.s(`"><title>`)
				b.e(s)
				b.e(g)
				b.s("：", v)
				b.e(unit)
				b.s(`</title><rect x="`)
				b.f(x)
				b.s(`" y="`)
				b.f(H - bottom - h)
				b.s(`" width="`)
				b.f(bw * 0.9)
				b.s(`" height="`)
				b.f(h)
				b.s(`" fill="`, palette[si%len(palette)], `"/><text x="`)
				b.f(x + bw*0.45)
				b.s(`" y="`)
				b.f(H - bottom - h - 4)
				b.s(`" text-anchor="middle" font-size="12">`, v, "</text></g>\n")
			}
		}
	}
	for si, s := range series {
		x := left + float64(si)*110
		b.s(`<rect x="`)
		b.f(x)
		b.s(`" y="`)
		b.f(H - 18)
		b.s(`" width="12" height="12" fill="`, palette[si%len(palette)], `"/><text x="`)
		b.f(x + 16)
		b.s(`" y="`)
		b.f(H - 8)
		b.s(`" font-size="12">`)
		b.e(s)
		b.s("</text>\n")
	}
	b.s(`<text x="`)
	b.f(W - left)
	b.s(`" y="16" text-anchor="end" font-size="12">单位：`)
	b.e(unit)
	b.s("</text>\n</svg>\n")
}

// pie draws one slice per mark above 0; every mark is in the legend with
// its figure and share.
func (ch Chart) pie(b *svg, unit string) {
	sum := amount.FromInt(0)
	ds := make([]amount.Amount, len(ch.Marks))
	for i, m := range ch.Marks {
		ds[i] = amt(m.Value)
		sum = sum.Add(ds[i])
	}
	total := float(sum)
	const cx, cy, r = 150.0, 150.0, 120.0
	legendH := 22 * float64(len(ch.Marks)+1)
	H := math.Max(300, legendH+20)
	b.s(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 `)
	b.f(H)
	b.s(`" width="640" height="`)
	b.f(H)
	b.s(`" role="img" aria-label="`)
	b.e(ch.Spec.Title)
	b.s("\">\n")
	start := -math.Pi / 2
	var label svg
	for i, m := range ch.Marks {
		d := ds[i]
		pct, _ := amount.Ratio(d, sum, 2) // the share as the narrative states it
		label = label[:0]
		label.e(m.Label)
		label.s("：", Figure(m.Value, false))
		label.e(unit)
		label.s("（", pct.StringFixed(2), "%）")
		col := palette[i%len(palette)]
		ly := 30 + 22*float64(i)
		b.s(`<rect x="310" y="`)
		b.f(ly - 10)
		b.s(`" width="12" height="12" fill="`, col, `"/><text x="328" y="`)
		b.f(ly)
		b.s(`" font-size="12">`)
		*b = append(*b, label...)
		b.s("</text>\n")
		if d.Sign() <= 0 {
			continue
		}
		frac := float(d) / total
		end := start + frac*2*math.Pi
		b.s(`<g class="mark" data-ptr="`)
		b.e(m.Ptr)
		b.s(`"><title>`)
		*b = append(*b, label...)
		b.s(`</title><path d="`)
		if frac >= 0.999999 {
			b.s("M ")
			b.f(cx)
			b.s(" ")
			b.f(cy - r)
			b.s(" A ")
			b.f(r)
			b.s(" ")
			b.f(r)
			b.s(" 0 1 1 ")
			b.f(cx)
			b.s(" ")
			b.f(cy + r)
			b.s(" A ")
			b.f(r)
			b.s(" ")
			b.f(r)
			b.s(" 0 1 1 ")
			b.f(cx)
			b.s(" ")
			b.f(cy - r)
			b.s(" Z")
		} else {
			large := "0"
			if end-start > math.Pi {
				large = "1"
			}
			b.s("M ")
			b.f(cx)
			b.s(" ")
			b.f(cy)
			b.s(" L ")
			b.f(cx + r*math.Cos(start))
			b.s(" ")
			b.f(cy + r*math.Sin(start))
			b.s(" A ")
			b.f(r)
			b.s(" ")
			b.f(r)
			b.s(" 0 ", large, " 1 ")
			b.f(cx + r*math.Cos(end))
			b.s(" ")
			b.f(cy + r*math.Sin(end))
			b.s(" Z")
		}
		b.s(`" fill="`, col, "\" stroke=\"#fff\"/></g>\n")
		start = end
	}
	b.s(`<text x="310" y="`)
	b.f(30 + 22*float64(len(ch.Marks)))
	b.s(`" font-size="12">合计：`, Figure(sum.String(), false))
	b.e(unit)
	b.s("</text>\n</svg>\n")
}
