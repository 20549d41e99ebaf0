// Package amount is the money type of juesuan: a shopspring decimal that
// knows whether it was stated at all.
//
// Absent is not zero. The zero Amount is a figure the source does not state;
// it encodes as nothing (use `json:",omitzero"`), formats as "（未列示）", and
// every sum that needs it is absent too. A stated zero is [Zero].
//
// On the wire amounts are JSON strings matching [Pattern], written with the
// decimal places they were read with. Conversion between 元 and 万元 is exact
// ([Amount.Convert]); rounding happens only where asked for ([Amount.Round],
// [Amount.StringFixed], [Ratio]) and is half away from zero (四舍五入).
//
// [CompareSum] is the rounding-aware comparison of a stated total with the sum
// of its stated addends that the audit rules use.
package amount
