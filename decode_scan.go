package juesuan

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// The first pass checks the JSON text: RFC 8259 syntax, UTF-8, no NUL, no
// lone surrogate, nesting depth, entries per container, nothing after the
// document. It runs in time linear in the input with a stack bounded by
// MaxDepth, and builds a JSON Pointer only when it fails.

// frame is one open array or object.
type frame struct {
	array bool
	// n is, for an array, the index of the current element; for an object,
	// the number of members before the current one.
	n int
	// key0:key1 are the raw bytes (between the quotes) of the current
	// member's key; key1 == 0 before the first key.
	key0, key1 int
}

type scanner struct {
	data     []byte
	i        int
	stack    []frame
	maxDepth int
	maxRows  int
}

// checkJSON returns the first problem of the JSON text data, or nil.
func checkJSON(data []byte, maxDepth, maxRows int) *DecodeError {
	s := scanner{data: data, maxDepth: maxDepth, maxRows: maxRows}
	return s.run()
}

// strSafe marks the bytes a string holds as they are: printable ASCII other
// than the quote and the backslash.
var strSafe = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func (s *scanner) run() *DecodeError {
	if bytes.HasPrefix(s.data, []byte("\xef\xbb\xbf")) {
		return s.fail("syntax", 0, ErrSyntax, "byte order mark (U+FEFF) before the document")
	}
	s.ws()
	if s.i >= len(s.data) {
		return newDecodeError("empty", "", s.i, ErrEmpty, "")
	}
	for {
		complete, err := s.value()
		if err != nil {
			return err
		}
		if !complete {
			continue
		}
		done, err := s.next()
		if err != nil || done {
			return err
		}
	}
}

func (s *scanner) ws() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// value reads the value at s.i. A scalar or an empty container is complete;
// after a non-empty container is opened, s.i is at its first value.
func (s *scanner) value() (complete bool, err *DecodeError) {
	if s.i >= len(s.data) {
		return false, s.eof(len(s.stack))
	}
	switch c := s.data[s.i]; c {
	case '{', '[':
		if len(s.stack) >= s.maxDepth {
			return false, s.fail("depth", len(s.stack), ErrTooDeep, "more than %d nested arrays and objects", s.maxDepth)
		}
		s.stack = append(s.stack, frame{array: c == '['})
		s.i++
		s.ws()
		if s.i >= len(s.data) {
			return false, s.eof(len(s.stack) - 1)
		}
		if c == '[' {
			if s.data[s.i] == ']' {
				s.i++
				s.stack = s.stack[:len(s.stack)-1]
				return true, nil
			}
			return false, nil
		}
		if s.data[s.i] == '}' {
			s.i++
			s.stack = s.stack[:len(s.stack)-1]
			return true, nil
		}
		return false, s.key()
	case '"':
		return true, s.str(false)
	case 't':
		return true, s.literal("true")
	case 'f':
		return true, s.literal("false")
	case 'n':
		return true, s.literal("null")
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true, s.number()
	}
	return false, s.unexpected(len(s.stack), "a value")
}

// next moves past the separators after a complete value. It returns done at
// the end of the document; otherwise s.i is at the next value.
func (s *scanner) next() (done bool, err *DecodeError) {
	for {
		if len(s.stack) == 0 {
			s.ws()
			if s.i < len(s.data) {
				switch e := s.unexpected(0, ""); e.Rule {
				case "syntax":
					return true, s.fail("trailing-data", 0, ErrTrailingData, "%s after the document", describeByte(s.data, s.i))
				default:
					return true, e
				}
			}
			return true, nil
		}
		s.ws()
		top := len(s.stack) - 1
		if s.i >= len(s.data) {
			return false, s.eof(top)
		}
		f := &s.stack[top]
		switch c := s.data[s.i]; {
		case c == ',':
			s.i++
			f.n++
			if f.n >= s.maxRows {
				return false, s.fail("too-many", top, ErrTooMany, "more than %d entries", s.maxRows)
			}
			s.ws()
			if f.array {
				return false, nil
			}
			return false, s.key()
		case c == ']' && f.array, c == '}' && !f.array:
			s.i++
			s.stack = s.stack[:top]
		default:
			want := "',' or '}'"
			if f.array {
				want = "',' or ']'"
			}
			// Point at the value just read: what follows it is wrong.
			return false, s.unexpected(len(s.stack), want)
		}
	}
}

// key reads `"key" :` at s.i and leaves s.i at the member's value.
func (s *scanner) key() *DecodeError {
	top := len(s.stack) - 1
	if s.i >= len(s.data) {
		return s.eof(top)
	}
	if s.data[s.i] != '"' {
		return s.unexpected(top, "a key string")
	}
	start := s.i + 1
	if err := s.str(true); err != nil {
		return err
	}
	s.stack[top].key0, s.stack[top].key1 = start, s.i-1
	s.ws()
	if s.i >= len(s.data) {
		return s.eof(len(s.stack))
	}
	if s.data[s.i] != ':' {
		return s.unexpected(len(s.stack), "':'")
	}
	s.i++
	s.ws()
	return nil
}

// str reads the string at s.i (its opening quote). Problems in a key are
// reported at the object holding it.
func (s *scanner) str(key bool) *DecodeError {
	depth := len(s.stack)
	if key {
		depth--
	}
	data := s.data
	i := s.i + 1
	for {
		for i < len(data) && strSafe[data[i]] {
			i++
		}
		if i >= len(data) {
			s.i = i
			return s.eof(depth)
		}
		switch c := data[i]; {
		case c == '"':
			s.i = i + 1
			return nil
		case c == '\\':
			if i+1 >= len(data) {
				s.i = len(data)
				return s.eof(depth)
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				r, ok := hex4(data, i+2)
				if !ok {
					s.i = i
					if i+6 > len(data) && allHex(data[i+2:]) {
						return s.eof(depth)
					}
					return s.fail("syntax", depth, ErrSyntax, "invalid \\u escape in string")
				}
				switch {
				case r == 0:
					s.i = i
					return s.fail("nul", depth, ErrNUL, "\\u0000 in string")
				case utf16.IsSurrogate(r):
					r2, ok2 := rune(0), false
					if r < 0xDC00 && i+12 <= len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
						r2, ok2 = hex4(data, i+8)
					}
					if !ok2 || utf16.DecodeRune(r, r2) == utf8.RuneError {
						s.i = i
						return s.fail("utf8", depth, ErrInvalidUTF8, "lone surrogate \\u%04X in string", r)
					}
					i += 12
				default:
					i += 6
				}
			default:
				s.i = i
				return s.fail("syntax", depth, ErrSyntax, "invalid escape %s in string", describeByte(data, i+1))
			}
		case c < 0x20:
			s.i = i
			if c == 0 {
				return s.fail("nul", depth, ErrNUL, "NUL byte in string")
			}
			return s.fail("syntax", depth, ErrSyntax, "control character U+%04X in string (escape it)", c)
		default: // ≥ 0x80
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				s.i = i
				return s.fail("utf8", depth, ErrInvalidUTF8, "byte 0x%02X in string", c)
			}
			i += size
		}
	}
}

func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

func allHex(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func (s *scanner) literal(lit string) *DecodeError {
	for k := 0; k < len(lit); k++ {
		if s.i >= len(s.data) {
			return s.eof(len(s.stack))
		}
		if s.data[s.i] != lit[k] {
			return s.unexpected(len(s.stack), fmt.Sprintf("%q", lit))
		}
		s.i++
	}
	return nil
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; what follows
// it is checked by next.
func (s *scanner) number() *DecodeError {
	d := len(s.stack)
	if s.data[s.i] == '-' {
		s.i++
	}
	if s.i >= len(s.data) {
		return s.eof(d)
	}
	switch c := s.data[s.i]; {
	case c == '0':
		s.i++
	case '1' <= c && c <= '9':
		s.digits()
	default:
		return s.unexpected(d, "a digit")
	}
	if s.i < len(s.data) && s.data[s.i] == '.' {
		s.i++
		if err := s.someDigits(d); err != nil {
			return err
		}
	}
	if s.i < len(s.data) && (s.data[s.i] == 'e' || s.data[s.i] == 'E') {
		s.i++
		if s.i < len(s.data) && (s.data[s.i] == '+' || s.data[s.i] == '-') {
			s.i++
		}
		if err := s.someDigits(d); err != nil {
			return err
		}
	}
	return nil
}

func (s *scanner) digits() {
	for s.i < len(s.data) && '0' <= s.data[s.i] && s.data[s.i] <= '9' {
		s.i++
	}
}

func (s *scanner) someDigits(depth int) *DecodeError {
	if s.i >= len(s.data) {
		return s.eof(depth)
	}
	if c := s.data[s.i]; c < '0' || c > '9' {
		return s.unexpected(depth, "a digit")
	}
	s.digits()
	return nil
}

// unexpected reports the byte at s.i: a NUL, invalid UTF-8 or a syntax
// error.
func (s *scanner) unexpected(depth int, want string) *DecodeError {
	c := s.data[s.i]
	switch {
	case c == 0:
		return s.fail("nul", depth, ErrNUL, "NUL byte")
	case c >= 0x80:
		if r, size := utf8.DecodeRune(s.data[s.i:]); r == utf8.RuneError && size <= 1 {
			return s.fail("utf8", depth, ErrInvalidUTF8, "byte 0x%02X", c)
		}
	}
	if want == "" {
		return s.fail("syntax", depth, ErrSyntax, "unexpected %s", describeByte(s.data, s.i))
	}
	return s.fail("syntax", depth, ErrSyntax, "unexpected %s, want %s", describeByte(s.data, s.i), want)
}

func (s *scanner) eof(depth int) *DecodeError {
	return s.fail("syntax", depth, ErrSyntax, "unexpected end of input")
}

// fail reports a problem at s.i, with the pointer made of the first depth
// open containers.
func (s *scanner) fail(rule string, depth int, sentinel error, format string, args ...any) *DecodeError {
	return newDecodeError(rule, s.pointer(depth), s.i, sentinel, format, args...)
}

// pointer builds the JSON Pointer of the current value of the first depth
// open containers.
func (s *scanner) pointer(depth int) string {
	toks := make([]token, 0, depth)
	for _, f := range s.stack[:depth] {
		switch {
		case f.array:
			toks = append(toks, token{idx: f.n})
		case f.key1 > 0:
			toks = append(toks, token{name: string(unquote(s.data[f.key0:f.key1])), idx: -1})
		default:
			return pointerOf(toks) // an object before its first key
		}
	}
	return pointerOf(toks)
}

// describeByte names the character at i for a message.
func describeByte(data []byte, i int) string {
	if i >= len(data) {
		return "end of input"
	}
	r, size := utf8.DecodeRune(data[i:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("byte 0x%02X", data[i])
	}
	return fmt.Sprintf("%q", r)
}

// unquote resolves the escapes of raw, the bytes between the quotes of a
// string that passed the scanner. It returns raw itself when there are none.
func unquote(raw []byte) []byte {
	k := bytes.IndexByte(raw, '\\')
	if k < 0 {
		return raw
	}
	out := make([]byte, k, len(raw))
	copy(out, raw[:k])
	for i := k; i < len(raw); {
		c := raw[i]
		if c != '\\' || i+1 >= len(raw) {
			out = append(out, c)
			i++
			continue
		}
		switch e := raw[i+1]; e {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(raw, i+2)
			if !ok {
				out = append(out, c)
				i++
				continue
			}
			i += 6
			if utf16.IsSurrogate(r) && i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
				if r2, ok := hex4(raw, i+2); ok {
					if dr := utf16.DecodeRune(r, r2); dr != utf8.RuneError {
						r = dr
						i += 6
					}
				}
			}
			out = utf8.AppendRune(out, r)
			continue
		default: // '"', '\\', '/'
			out = append(out, e)
		}
		i += 2
	}
	return out
}
