package amount

import (
	"errors"
	"strconv"
)

// Count is a stated whole number that is not money: 团组数, 批次, 车辆数,
// 台（套）. Like Amount, its zero value is absent, not 0; on the wire it is a
// JSON integer (0 … 10^15), and fields should be tagged omitzero.
type Count struct {
	n   int64
	set bool
}

// MaxCount is the largest count accepted on the wire.
const MaxCount = 1_000_000_000_000_000

// NewCount returns the stated count n.
func NewCount(n int64) Count { return Count{n: n, set: true} }

// IsZero reports whether c is absent (for omitzero).
func (c Count) IsZero() bool { return !c.set }

// IsSet reports whether c is stated.
func (c Count) IsSet() bool { return c.set }

// Value returns the count and whether it is stated.
func (c Count) Value() (int64, bool) { return c.n, c.set }

// String formats c; an absent count formats as "（未列示）".
func (c Count) String() string {
	if !c.set {
		return "（未列示）"
	}
	return strconv.FormatInt(c.n, 10)
}

// MarshalJSON writes the integer.
func (c Count) MarshalJSON() ([]byte, error) {
	if !c.set {
		return nil, errors.New("amount: cannot encode an absent count; tag the field omitzero")
	}
	return strconv.AppendInt(nil, c.n, 10), nil
}

// ErrCount is returned for a count that is not an integer in [0, MaxCount].
var ErrCount = errors.New("count: want a JSON integer from 0 to 10^15")

// UnmarshalJSON reads a non-negative JSON integer without exponent or fraction.
func (c *Count) UnmarshalJSON(b []byte) error {
	if len(b) == 0 || len(b) > 16 {
		return ErrCount
	}
	if len(b) > 1 && b[0] == '0' {
		return ErrCount
	}
	for _, ch := range b {
		if ch < '0' || ch > '9' {
			return ErrCount
		}
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil || n > MaxCount {
		return ErrCount
	}
	*c = Count{n: n, set: true}
	return nil
}
