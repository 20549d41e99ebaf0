package audit

import (
	"strconv"
	"strings"
)

// Pointer builds an RFC 6901 JSON Pointer from reference tokens: strings are
// escapes (~ → ~0, / → ~1), ints are array indices.
func Pointer(tokens ...any) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		switch v := t.(type) {
		case string:
			b.WriteString(EscapeToken(v))
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			b.WriteString(EscapeToken(strings.TrimSpace(toString(v))))
		}
	}
	return b.String()
}

// EscapeToken escapes one JSON Pointer reference token.
func EscapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func toString(v any) string {
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	return ""
}
