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
	if f, ok := figureFast(s, count); ok {
		return f
	}
	return figureSlow(s, count)
}

// figureFast formats the common case without parsing: a plain
// non-negative decimal without leading zeros, at most 12 whole digits and
// at most 2 decimals (none for a count), which Figure only pads and
// groups. ok is false for anything else (figureSlow formats it).
func figureFast(s string, count bool) (string, bool) {
	whole, frac, dot := strings.Cut(s, ".")
	if len(whole) == 0 || len(whole) > 12 || whole[0] == '0' && len(whole) > 1 || dot && (count || len(frac) == 0 || len(frac) > 2) {
		return "", false
	}
	for i := 0; i < len(whole); i++ {
		if whole[i] < '0' || whole[i] > '9' {
			return "", false
		}
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return "", false
		}
	}
	if count {
		if len(whole) <= 3 {
			return s, true
		}
		return group(s), true
	}
	switch len(frac) {
	case 0:
		s += ".00"
	case 1:
		s += "0"
	}
	if len(whole) <= 3 {
		return s, true
	}
	return group(s), true
}

// figureSlow is Figure through package amount.
func figureSlow(s string, count bool) string {
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
