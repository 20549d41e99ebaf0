package amount

import "fmt"

// negativeZero rejects "-0", "-0.0", … : a well-formed amount whose sign
// would be lost on the way through decimal (it decodes to 0).
func negativeZero[T string | []byte](s T) error {
	if len(s) == 0 || s[0] != '-' {
		return nil
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; c != '0' && c != '.' {
			return nil
		}
	}
	return &SyntaxError{Input: clip(s), Reason: "negative zero"}
}

// patternSummary says in words what Pattern admits, for error messages.
var patternSummary = fmt.Sprintf("a decimal string such as 630.78 or -12.5: "+
	"at most %d integer and %d fraction digits, no exponent, plus sign, leading zero or negative zero",
	MaxIntegerDigits, MaxFractionDigits)
