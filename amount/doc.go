// Package amount is the money type of juesuan: a decimal that knows whether
// it was stated at all. A figure that fits is held as an int64 of
// micro-units and its decimal places, without a big integer; beyond that,
// as a shopspring decimal.
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
//
// # Where to start
//
// [Parse] reads an amount ([MustParse] in tests and tables, [FromInt], [New]
// from a decimal); a malformed one is a *[SyntaxError]. [Amount.IsSet]
// tells a stated figure, [Amount.Add] and [SumDiff] add without inventing
// zeros, and [Unit] is the amount unit of a document (万元 or 元). [Count] is
// a stated count (团组数, 车辆数), absent likewise. [Tolerance] chooses how
// CompareSum judges a difference; its [Comparison] says whether the sum
// holds exactly, within rounding or not at all, or cannot be judged because
// a figure is absent ([Outcome]).
package amount
