package amount

// Outcome is the result of comparing a stated total with its addends.
type Outcome uint8

const (
	// Incomplete: the total or an addend is absent, so nothing can be said.
	Incomplete Outcome = iota
	// Equal: the total equals the sum exactly.
	Equal
	// Rounding: the difference is within the rounding bound; it is reported
	// as rounding, never as an error.
	Rounding
	// Mismatch: the difference exceeds the bound.
	Mismatch
)

// String returns the outcome's English name.
func (o Outcome) String() string {
	switch o {
	case Equal:
		return "equal"
	case Rounding:
		return "rounding"
	case Mismatch:
		return "mismatch"
	}
	return "incomplete"
}

// ToleranceMode selects how a rule bounds the difference between a total and
// the sum of its addends.
type ToleranceMode uint8

const (
	// RoundingAware is the default: published 万元 figures are rounded to 0.01,
	// each rounding moves a figure by at most 0.005, so a total of n ≥ 2
	// addends may differ from their sum by at most ⌊(n+1)/2⌋ × 0.01 (see
	// Tolerance.RoundedBound). A total of a single addend must equal it,
	// and figures in 元 must match exactly.
	RoundingAware ToleranceMode = iota
	// Exact admits no difference at all.
	Exact
	// Fixed admits a fixed absolute difference (Tolerance.Fixed), whatever the
	// number of addends. A profile may choose it; the built-in rules do not,
	// because a fixed tolerance such as 0.5 万元 hides real errors.
	Fixed
)

// Tolerance is a rule's comparison tolerance. The zero value is RoundingAware.
type Tolerance struct {
	Mode  ToleranceMode // how a difference is judged
	Fixed Amount        // used by Fixed
}

// Bound returns the largest admissible |total − Σ addends| for n addends of
// figures stated in unit: under RoundingAware, RoundedBound(unit, n+1) for
// n ≥ 2 (the total and its n addends are n+1 rounded figures) and zero for
// a single addend.
func (t Tolerance) Bound(unit Unit, n int) Amount {
	if t.Mode == RoundingAware && n < 2 {
		return Zero
	}
	return t.RoundedBound(unit, n+1)
}

// RoundedBound returns the largest admissible difference between the two
// sides of an identity over k figures, each rounded to the last place of
// unit: under RoundingAware, each rounding moves a figure by at most half a
// unit of the last place (0.005 万元), so the sides differ by at most
// k × 0.005, which on the 0.01 grid is ⌊k/2⌋ × 0.01 万元. Two stated
// figures of the same quantity (k = 2) may differ by 0.01 万元; a total and
// its n addends (k = n+1) by ⌊(n+1)/2⌋ × 0.01 万元, the bound of Bound; a
// figure derived from n rounded figures counts as n of them. Figures in 元
// are exact: the bound is zero, as it is under Exact. Under Fixed it is
// t.Fixed whatever k is. This is the one place the rounding bound is
// defined.
func (t Tolerance) RoundedBound(unit Unit, k int) Amount {
	switch t.Mode {
	case Exact:
		return Zero
	case Fixed:
		if t.Fixed.IsSet() {
			return t.Fixed
		}
		return Zero
	}
	if unit == Yuan || k < 2 {
		return Zero
	}
	return Amount{m: int64(k/2) * 10000, exp: -2, set: true, fast: true} // ⌊k/2⌋ × 0.01
}

// Comparison is the result of CompareSum.
type Comparison struct {
	Outcome Outcome // equal, within rounding, a mismatch, or incomplete
	Sum     Amount  // Σ addends (absent when Incomplete)
	Diff    Amount  // total − Sum
	Bound   Amount  // the admissible |Diff|
}

// CompareSum compares a stated total with the sum of its addends under the
// default rounding-aware tolerance. Use Tolerance.CompareSum for another.
func CompareSum(unit Unit, total Amount, addends ...Amount) Comparison {
	return Tolerance{}.CompareSum(unit, total, addends...)
}

// CompareSum compares total with Σ addends under t. A negative addend is
// written as its Neg; the count of addends n is len(addends).
func (t Tolerance) CompareSum(unit Unit, total Amount, addends ...Amount) Comparison {
	return t.compare(unit, total, addends, -1)
}

// CompareRounded compares total with Σ addends as CompareSum does, but
// with the bound RoundedBound(unit, k): k is the number of rounded figures
// on both sides, counting a figure derived from m rounded figures as m.
// Two stated figures of the same quantity in two tables are compared with
// k = 2.
func (t Tolerance) CompareRounded(unit Unit, k int, total Amount, addends ...Amount) Comparison {
	return t.compare(unit, total, addends, k)
}

// compare is CompareSum (k < 0) and CompareRounded.
func (t Tolerance) compare(unit Unit, total Amount, addends []Amount, k int) Comparison {
	if !total.set {
		return Comparison{}
	}
	// Fast path: all figures as exact int64 micro-units.
	fast := total.fast
	var m int64
	for i := range addends {
		a := &addends[i]
		if !a.set {
			return Comparison{}
		}
		if fast && a.fast {
			var ok bool
			if m, ok = addInt(m, a.m); !ok {
				fast = false
			}
		} else {
			fast = false
		}
	}
	if fast && total.m == m {
		// The common case allocates nothing.
		return Comparison{Outcome: Equal}
	}
	sum := Zero
	for _, a := range addends {
		sum = sum.Add(a)
	}
	diff := total.Sub(sum)
	var bound Amount
	if k < 0 {
		bound = t.Bound(unit, len(addends))
	} else {
		bound = t.RoundedBound(unit, k)
	}
	c := Comparison{Sum: sum, Diff: diff, Bound: bound}
	switch {
	case diff.Sign() == 0:
		c.Outcome = Equal
	case abs(diff).Cmp(bound) <= 0:
		c.Outcome = Rounding
	default:
		c.Outcome = Mismatch
	}
	return c
}

func abs(a Amount) Amount {
	if a.Sign() < 0 {
		return a.Neg()
	}
	return a
}
