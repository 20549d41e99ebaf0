package intake

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/sheet"
)

// CellError is a cell that must hold a figure and does not.
type CellError struct {
	Location sheet.Location
	Text     string // the cell's text
	Err      error
}

func (e *CellError) Error() string {
	return fmt.Sprintf("%s: %q is not a figure: %v", e.Location, e.Text, e.Err)
}

func (e *CellError) Unwrap() error { return e.Err }

// ErrNotFigure is wrapped by CellError for text that is no number.
var ErrNotFigure = errors.New("not a number")

// cellText returns the text of a cell, trimmed.
func cellText(c sheet.Cell) string { return strings.TrimSpace(c.Value) }

// isDash reports a cell printed as a dash: -, —, －, ——.
func isDash(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '-' && r != '—' && r != '－' && r != '–' && r != '─' {
			return false
		}
	}
	return true
}

// figureText folds a printed figure: full-width digits, thousands
// separators, spaces, (123) for a negative. ok is false when s holds
// something else than a decimal.
func figureText(s string) (string, bool) {
	var b strings.Builder
	neg := false
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") || strings.HasPrefix(s, "（") && strings.HasSuffix(s, "）") {
		s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(s, "("), "（"), ")"), "）")
		neg = true
	}
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		case r == '．':
			b.WriteByte('.')
		case r == '－' || r == '−':
			b.WriteByte('-')
		case r == ',' || r == '，' || r == ' ' || r == '\u00a0' || r == '\u3000' || r == '\'' || r == '¥' || r == '￥':
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	if t == "" {
		return "", false
	}
	if neg {
		t = "-" + t
	}
	return t, true
}

// parseFigure reads a figure: blank reports a cell printed blank (or a
// dash when dashBlank).
func parseFigure(c sheet.Cell, dashBlank bool) (a amount.Amount, blank bool, err error) {
	s := cellText(c)
	if c.Kind == sheet.Blank || s == "" {
		return amount.Amount{}, true, nil
	}
	if isDash(s) {
		if dashBlank {
			return amount.Amount{}, true, nil
		}
		return amount.Zero, false, nil
	}
	t, ok := figureText(s)
	if !ok {
		return amount.Amount{}, false, ErrNotFigure
	}
	if a, err := amount.Parse(t); err == nil {
		return a, false, nil
	}
	if len(t) > 40 {
		return amount.Amount{}, false, ErrNotFigure
	}
	d, err := decimal.NewFromString(t)
	if err != nil || d.Exponent() > 12 || d.Abs().GreaterThanOrEqual(decimal.New(1, amount.MaxIntegerDigits)) {
		return amount.Amount{}, false, ErrNotFigure
	}
	if d.Exponent() < -amount.MaxFractionDigits {
		// a binary floating-point artefact such as 4.1500000000000004
		d = d.Round(amount.MaxFractionDigits)
	}
	return amount.New(d), false, nil
}
