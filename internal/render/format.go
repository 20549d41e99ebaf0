// Package render prints a 决算 document as its published disclosure: the
// public tables as HTML from the printed layout of package intake (the
// same grid the .xlsx writer prints), the 情况说明 narrative, and the
// standard charts as inline SVG drawn from the figures; and it prints a
// 检查表 report as HTML or .xlsx. It knows nothing of profiles: the root
// package hands it the grids, the chart set and the figures.
package render

import (
	"strings"

	"github.com/cnfiscal/juesuan/amount"
)

// Figure formats a figure as the tables print it, "#,##0.00": thousands
// separators and two decimal places, rounded half away from zero; a
// count prints as a whole number with separators. An absent figure ("")
// prints as "", never as 0; text that is not a figure prints as it is.
func Figure(s string, count bool) string {
	if s == "" {
		return ""
	}
	a, err := amount.Parse(s)
	if err != nil {
		return s
	}
	places := int32(2)
	if count {
		places = 0
	}
	return group(a.StringFixed(places))
}

// group inserts thousands separators into a plain decimal.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if len(whole) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	lead := len(whole) % 3
	if lead > 0 {
		b.WriteString(whole[:lead])
	}
	for i := lead; i < len(whole); i += 3 {
		if b.Len() > len(sign) {
			b.WriteByte(',')
		}
		b.WriteString(whole[i : i+3])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
