package juesuan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// The scan pass reads the input token by token with jsontext, which checks
// the syntax (RFC 8259, UTF-8, no lone surrogate). It adds what neither
// jsontext nor json.Unmarshal checks: the byte order mark, NUL, the depth
// and entry limits and, along the node of the Go type, null, required keys
// and tag constraints. Problems of the text are returned at once; the first
// problem of the shape is kept and scanning goes on, since a later problem
// of the text wins over it.

// frame is one open array or object.
type frame struct {
	node  *node
	cons  *constraints // the array's tag constraints
	start int64        // offset of the opening bracket
	n     int          // entries so far
	seen  uint64       // required members given
	array bool
	// next and nextCons apply to the value that comes next.
	next     *node
	nextCons *constraints
}

type scanner struct {
	dec              *jsontext.Decoder
	data             []byte
	stack            []frame
	maxDepth, maxRow int
	shape            *DecodeError
}

// scan checks data along root. It returns the first problem of the JSON
// text, or else the first problem of the shape it can see (or nil).
func scan(data []byte, root *node, maxDepth, maxRows int) (text, shape *DecodeError) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return newDecodeError("syntax", "", 0, ErrSyntax, "byte order mark (U+FEFF) before the document"), nil
	}
	if len(bytes.Trim(data, " \t\r\n")) == 0 {
		return newDecodeError("empty", "", len(data), ErrEmpty, ""), nil
	}
	s := scanner{dec: jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowDuplicateNames(true)),
		data: data, maxDepth: maxDepth, maxRow: maxRows}
	s.stack = append(make([]frame, 0, 16), frame{array: true, next: root})
	err := s.run()
	return err, s.shape
}

func (s *scanner) run() *DecodeError {
	dec := s.dec
	for {
		kind := dec.PeekKind()
		top := &s.stack[len(s.stack)-1]
		if len(s.stack) == 1 && top.n == 1 { // after the document
			if kind == 0 {
				if _, err := dec.ReadToken(); err == io.EOF {
					return nil
				} else {
					return s.syntax(err, true)
				}
			}
			return newDecodeError("trailing-data", "", int(dec.InputOffset()), ErrTrailingData, "more after the document")
		}
		if kind == 0 {
			_, err := dec.ReadToken()
			return s.syntax(err, false)
		}
		if !top.array && kind != '}' && !s.needValue() { // a member's name
			if err := s.entry(top); err != nil {
				return err
			}
			raw, err := dec.ReadValue()
			if err != nil {
				return s.syntax(err, false)
			}
			if hasNUL(raw) {
				return s.fail("nul", s.container(), len(raw), ErrNUL, "\\u0000 in a key")
			}
			top.next, top.nextCons = nil, nil
			if top.node != nil {
				name := raw[1 : len(raw)-1]
				if bytes.IndexByte(name, '\\') >= 0 {
					name, _ = jsontext.AppendUnquote(nil, raw)
				}
				if top.node.members == nil { // a map
					top.next = top.node.elem
				} else if m := top.node.members[string(name)]; m != nil {
					top.next, top.nextCons = m.node, m.cons
					top.seen |= m.bit
				}
			}
			continue
		}
		if kind == '}' || kind == ']' {
			if _, err := dec.ReadToken(); err != nil {
				return s.syntax(err, false)
			}
			s.close(top)
			s.stack = s.stack[:len(s.stack)-1]
			continue
		}
		if top.array {
			if err := s.entry(top); err != nil {
				return err
			}
		}
		nd, cons := top.next, top.nextCons
		switch kind {
		case '{', '[':
			if len(s.stack) > s.maxDepth {
				return s.fail("depth", s.nextPointer(), 0, ErrTooDeep, "more than %d nested arrays and objects", s.maxDepth)
			}
			start := dec.InputOffset()
			if _, err := dec.ReadToken(); err != nil {
				return s.syntax(err, false)
			}
			f := frame{node: nd, start: start, array: kind == '['}
			if nd != nil && nd.list != f.array {
				f.node = nil // the wrong type: json.Unmarshal reports it
			}
			if f.array {
				f.cons = cons
				if f.node != nil {
					f.next = f.node.elem
				}
				if cons != nil {
					f.nextCons = cons.items
				}
			}
			s.stack = append(s.stack, f)
			continue
		}
		raw, err := dec.ReadValue()
		if err != nil {
			return s.syntax(err, false)
		}
		switch kind {
		case 'n':
			s.shapeErr("null", s.pointer(), len(raw), ErrNull, "null is not allowed; leave the field out")
		case '"':
			if hasNUL(raw) {
				return s.fail("nul", s.pointer(), len(raw), ErrNUL, "\\u0000 in a string")
			}
			if cons != nil && s.shape == nil {
				str := raw[1 : len(raw)-1]
				if bytes.IndexByte(str, '\\') >= 0 {
					str, _ = jsontext.AppendUnquote(nil, raw)
				}
				if err := cons.checkString(str); err != nil {
					s.shapeErr("value", s.pointer(), len(raw), ErrValue, "%w", err)
				}
			}
		case '0':
			if cons != nil && s.shape == nil {
				if f, err := strconv.ParseFloat(string(raw), 64); err == nil {
					if err := cons.checkNumber(f, raw); err != nil {
						s.shapeErr("value", s.pointer(), len(raw), ErrValue, "%w", err)
					}
				}
			}
		}
	}
}

// needValue reports whether the object at the top has read a name whose
// value comes next.
func (s *scanner) needValue() bool {
	_, n := s.dec.StackIndex(s.dec.StackDepth())
	return n%2 == 1
}

// entry counts one entry of the container top.
func (s *scanner) entry(top *frame) *DecodeError {
	top.n++
	if len(s.stack) > 1 && top.n > s.maxRow {
		return s.fail("too-many", s.container(), 0, ErrTooMany, "more than %d entries", s.maxRow)
	}
	return nil
}

// close checks a container that has just ended: required keys, minItems and
// maxItems.
func (s *scanner) close(f *frame) {
	if s.shape != nil || f.node == nil {
		return
	}
	if f.array && f.cons != nil {
		if err := f.cons.checkItems(f.n); err != nil {
			s.shape = &DecodeError{Pointer: string(s.dec.StackPointer()), Rule: "value", Offset: f.start,
				Err: fmt.Errorf("%w: %w", ErrValue, err)}
		}
	}
	if !f.array && f.node.members != nil {
		for i, name := range f.node.required {
			if f.seen&(1<<i) == 0 {
				s.shapeErr("required", string(s.dec.StackPointer().AppendToken(name)), 1, ErrRequired,
					"%q is required", name)
				return
			}
		}
	}
}

// pointer is the JSON Pointer of the value just read; container that of
// the innermost open container; nextPointer that of the value to come.
func (s *scanner) pointer() string { return string(s.dec.StackPointer()) }

func (s *scanner) container() string {
	p := s.dec.StackPointer()
	if _, n := s.dec.StackIndex(s.dec.StackDepth()); n > 0 {
		p = p.Parent()
	}
	return string(p)
}

func (s *scanner) nextPointer() string {
	if s.stack[len(s.stack)-1].array {
		_, n := s.dec.StackIndex(s.dec.StackDepth())
		return s.container() + "/" + strconv.FormatInt(n, 10)
	}
	return s.pointer()
}

// fail reports a problem of the text; back is the length of the token just
// read, to point at its start.
func (s *scanner) fail(rule, ptr string, back int, sentinel error, format string, args ...any) *DecodeError {
	return newDecodeError(rule, ptr, int(s.dec.InputOffset())-back, sentinel, format, args...)
}

// shapeErr keeps the first problem of the shape.
func (s *scanner) shapeErr(rule, ptr string, back int, sentinel error, format string, args ...any) {
	if s.shape == nil {
		s.shape = s.fail(rule, ptr, back, sentinel, format, args...)
	}
}

// syntax names the rule of an error of jsontext by the bytes it points at.
func (s *scanner) syntax(err error, after bool) *DecodeError {
	var se *jsontext.SyntacticError
	if !errors.As(err, &se) {
		return newDecodeError("syntax", "", 0, ErrSyntax, "%v", err)
	}
	off := int(min(se.ByteOffset, int64(len(s.data))))
	rule, sentinel := "syntax", ErrSyntax
	rest := s.data[off:]
	r, size := utf8.DecodeRune(rest)
	switch {
	case errors.Is(se.Err, io.ErrUnexpectedEOF):
	case len(rest) > 0 && rest[0] == 0:
		rule, sentinel = "nul", ErrNUL
	case r == utf8.RuneError && size == 1, bytes.HasPrefix(rest, []byte(`\ud`)) || bytes.HasPrefix(rest, []byte(`\uD`)):
		rule, sentinel = "utf8", ErrInvalidUTF8
	case after:
		rule, sentinel = "trailing-data", ErrTrailingData
	}
	return newDecodeError(rule, s.syntaxPointer(off, errors.Is(se.Err, io.ErrUnexpectedEOF)), off, sentinel, "%v", se.Err)
}

// syntaxPointer points at the value a syntax error at off is in or after:
// the value just read when what follows it is wrong, the container when the
// input ends after a complete value or a key is wrong.
func (s *scanner) syntaxPointer(off int, eof bool) string {
	depth := s.dec.StackDepth()
	if depth == 0 {
		return ""
	}
	start := min(int(s.dec.InputOffset()), off)
	gap := bytes.TrimLeft(s.data[start:off], " \t\r\n")
	var sep byte // the separator after the last token, if any
	if rest := bytes.TrimLeft(s.data[start:], " \t\r\n"); len(rest) > 0 && (rest[0] == ',' || rest[0] == ':') {
		sep = rest[0]
	}
	kind, n := s.dec.StackIndex(depth)
	switch {
	case sep == ':':
		return s.pointer()
	case sep == ',' && kind == '{':
		return s.container()
	case sep == ',' || kind == '[' && len(gap) > 0 || kind == '[' && n == 0 && !eof:
		return s.container() + "/" + strconv.FormatInt(n, 10)
	case len(gap) == 0 && (eof || n == 0) && (kind == '[' || n%2 == 0):
		return s.container()
	}
	return s.pointer()
}

// hasNUL reports whether the raw JSON string s escapes a NUL (a raw NUL is
// a syntax error jsontext reports).
func hasNUL(s []byte) bool {
	for {
		k := bytes.Index(s, []byte(`\u0000`))
		if k < 0 {
			return false
		}
		b := k
		for b > 0 && s[b-1] == '\\' {
			b--
		}
		if (k-b)%2 == 0 {
			return true
		}
		s = s[k+1:]
	}
}
