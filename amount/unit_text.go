package amount

import (
	"errors"
	"fmt"
)

// ErrUnit is wrapped by the error UnmarshalText returns for an unknown unit.
var ErrUnit = errors.New("amount: unknown unit (want 万元 or 元)")

// UnmarshalText accepts exactly "万元" or "元", so a document cannot state
// its figures in an unknown unit.
func (u *Unit) UnmarshalText(b []byte) error {
	switch string(b) {
	case string(TenThousandYuan):
		*u = TenThousandYuan
	case string(Yuan):
		*u = Yuan
	default:
		return fmt.Errorf("%w: %q", ErrUnit, clip(b))
	}
	return nil
}
