package render

import (
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

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
// figures. A profile's chart set is a list of these (data, declared once).
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
	sum := decimal.Zero
	for _, m := range ch.Marks {
		d := dec(m.Value)
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

func dec(s string) decimal.Decimal {
	a, err := amount.Parse(s)
	if err != nil {
		return decimal.Zero
	}
	d, _ := a.Decimal()
	return d
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
		if dec(m.Value).Sign() > 0 {
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
	var b strings.Builder
	esc := html.EscapeString
	id := strings.TrimPrefix(ch.Spec.ID, "图")
	fmt.Fprintf(&b, `<figure class="chart" id="chart-%s">`+"\n", esc(id))
	fmt.Fprintf(&b, "<figcaption>%s：%s</figcaption>\n", esc(ch.Spec.ID), esc(ch.Spec.Title))
	if ch.Reason != "" {
		fmt.Fprintf(&b, `<p class="undrawn">%s</p>`+"\n</figure>\n", esc(ch.Reason))
		_, err := io.WriteString(w, b.String())
		return err
	}
	if ch.Spec.Kind == Bars {
		ch.bars(&b, unit)
	} else {
		ch.pie(&b, unit)
	}
	if len(ch.Absent) > 0 {
		var ls []string
		for _, m := range ch.Absent {
			l := m.Label
			if ch.Spec.Kind == Bars {
				l = m.Series + l
			}
			ls = append(ls, l)
		}
		fmt.Fprintf(&b, `<p class="absent">未填报，未绘制：%s</p>`+"\n", esc(strings.Join(ls, "、")))
	}
	b.WriteString("</figure>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func f2(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

func num(s string) float64 { f, _ := dec(s).Float64(); return f }

// bars draws one bar per mark, grouped by label, one colour per series.
func (ch Chart) bars(b *strings.Builder, unit string) {
	esc := html.EscapeString
	const W, H, top, bottom, left = 640.0, 300.0, 30.0, 50.0, 20.0
	var groups, series []string
	seen := map[string]bool{}
	for _, m := range append(append([]Mark(nil), ch.Marks...), ch.Absent...) {
		if !seen["g"+m.Label] {
			seen["g"+m.Label] = true
			groups = append(groups, m.Label)
		}
		if !seen["s"+m.Series] {
			seen["s"+m.Series] = true
			series = append(series, m.Series)
		}
	}
	maxV := 0.0
	for _, m := range ch.Marks {
		maxV = math.Max(maxV, num(m.Value))
	}
	plot := H - top - bottom
	gw := (W - 2*left) / float64(len(groups))
	bw := gw * 0.7 / float64(len(series))
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s">`+"\n",
		f2(W), f2(H), f2(W), f2(H), esc(ch.Spec.Title))
	fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333"/>`+"\n", f2(left), f2(H-bottom), f2(W-left), f2(H-bottom))
	for gi, g := range groups {
		x0 := left + float64(gi)*gw + gw*0.15
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle" font-size="13">%s</text>`+"\n", f2(left+float64(gi)*gw+gw/2), f2(H-bottom+18), esc(g))
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
				fmt.Fprintf(b, `<g class="mark" data-ptr="%s"><title>%s%s：%s%s</title><rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+
					`<text x="%s" y="%s" text-anchor="middle" font-size="12">%s</text></g>`+"\n",
					esc(m.Ptr), esc(s), esc(g), v, esc(unit), f2(x), f2(H-bottom-h), f2(bw*0.9), f2(h), palette[si%len(palette)],
					f2(x+bw*0.45), f2(H-bottom-h-4), v)
			}
		}
	}
	for si, s := range series {
		x := left + float64(si)*110
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="12" height="12" fill="%s"/><text x="%s" y="%s" font-size="12">%s</text>`+"\n",
			f2(x), f2(H-18), palette[si%len(palette)], f2(x+16), f2(H-8), esc(s))
	}
	fmt.Fprintf(b, `<text x="%s" y="16" text-anchor="end" font-size="12">单位：%s</text>`+"\n", f2(W-left), esc(unit))
	b.WriteString("</svg>\n")
}

// pie draws one slice per mark above 0; every mark is in the legend with
// its figure and share.
func (ch Chart) pie(b *strings.Builder, unit string) {
	esc := html.EscapeString
	sum := decimal.Zero
	for _, m := range ch.Marks {
		sum = sum.Add(dec(m.Value))
	}
	const cx, cy, r = 150.0, 150.0, 120.0
	legendH := 22 * float64(len(ch.Marks)+1)
	H := math.Max(300, legendH+20)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 %s" width="640" height="%s" role="img" aria-label="%s">`+"\n",
		f2(H), f2(H), esc(ch.Spec.Title))
	start := -math.Pi / 2
	for i, m := range ch.Marks {
		d := dec(m.Value)
		share := d.Div(sum).Mul(decimal.NewFromInt(100)).StringFixed(2)
		label := fmt.Sprintf("%s：%s%s（%s%%）", esc(m.Label), Figure(m.Value, false), esc(unit), share)
		col := palette[i%len(palette)]
		ly := 30 + 22*float64(i)
		fmt.Fprintf(b, `<rect x="310" y="%s" width="12" height="12" fill="%s"/><text x="328" y="%s" font-size="12">%s</text>`+"\n", f2(ly-10), col, f2(ly), label)
		if d.Sign() <= 0 {
			continue
		}
		frac, _ := d.Div(sum).Float64()
		end := start + frac*2*math.Pi
		var path string
		if frac >= 0.999999 {
			path = fmt.Sprintf("M %s %s A %s %s 0 1 1 %s %s A %s %s 0 1 1 %s %s Z", f2(cx), f2(cy-r), f2(r), f2(r), f2(cx), f2(cy+r), f2(r), f2(r), f2(cx), f2(cy-r))
		} else {
			large := 0
			if end-start > math.Pi {
				large = 1
			}
			path = fmt.Sprintf("M %s %s L %s %s A %s %s 0 %d 1 %s %s Z", f2(cx), f2(cy), f2(cx+r*math.Cos(start)), f2(cy+r*math.Sin(start)),
				f2(r), f2(r), large, f2(cx+r*math.Cos(end)), f2(cy+r*math.Sin(end)))
		}
		fmt.Fprintf(b, `<g class="mark" data-ptr="%s"><title>%s</title><path d="%s" fill="%s" stroke="#fff"/></g>`+"\n", esc(m.Ptr), label, path, col)
		start = end
	}
	fmt.Fprintf(b, `<text x="310" y="%s" font-size="12">合计：%s%s</text>`+"\n", f2(30+22*float64(len(ch.Marks))), Figure(sum.String(), false), esc(unit))
	b.WriteString("</svg>\n")
}
