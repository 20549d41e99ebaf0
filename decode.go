package juesuan

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// Default limits of DecodeOptions.
const (
	// DefaultMaxSize is the default limit on an encoded document: 16 MiB.
	DefaultMaxSize = 16 << 20
	// DefaultMaxDepth is the default limit on the nesting of JSON arrays and
	// objects. A well-formed document nests less than 10 deep.
	DefaultMaxDepth = 32
	// DefaultMaxRows is the default limit on the entries of one JSON array or
	// object (table rows, map members).
	DefaultMaxRows = 200_000
)

// DecodeOptions bound what Decode accepts. The zero value applies the
// defaults.
//
// Decoding is strict. The input must be one JSON object in UTF-8, without
// byte order mark, NUL or lone surrogate, whose shape is exactly that of
// [Document]:
//
//   - keys match the Go json tags exactly (no case folding); an unknown key or
//     a key given twice is an error;
//   - a field without omitempty/omitzero in its json tag is required;
//   - null is never accepted: leave an absent field out;
//   - a string field takes a JSON string; a Go integer field a JSON number
//     whose value is an integer in range (2020, 2020.0 and 2.02e3 alike, as
//     JSON Schema's "integer" judges); a float field a JSON number in range;
//     a bool field true or false; a slice an array; a map or struct an
//     object;
//   - a leaf type with an UnmarshalText method (amounts, codes, the amount
//     unit, severities) takes a JSON string that the method accepts, so an
//     amount must match amount.Pattern and "1e999999999" is rejected before
//     any arithmetic; a leaf with an UnmarshalJSON method (amount.Count)
//     takes what that method accepts (amount.Count: an integral number,
//     passed on in plain digits);
//   - the constraints minLength, maxLength, pattern, enum, minimum, maximum,
//     exclusiveMinimum, exclusiveMaximum, minItems and maxItems written in a
//     field's jsonschema tag hold, as they do in the exported JSON Schema.
//
// Decode reports the first problem as a *DecodeError. Problems of the JSON
// text itself (size, empty, utf8, nul, syntax, depth, too-many,
// trailing-data) are reported before problems of the document's shape,
// wherever they are in the input: the first of them in the input wins. A message quotes at
// most 40 bytes of a key or value and says how long it was ("…(n bytes)").
type DecodeOptions struct {
	// MaxSize is the largest accepted input in bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// MaxDepth is the deepest accepted nesting of arrays and objects (the
	// document object itself is depth 1); 0 means DefaultMaxDepth.
	MaxDepth int
	// MaxRows is the largest accepted number of entries in one array or
	// object; 0 means DefaultMaxRows.
	MaxRows int
	// Wait bounds how long ReadFile and DecodeFile wait for data from a
	// special file (a named pipe, a terminal): each read, and a named
	// pipe's wait for a writer; 0 means DefaultWait.
	Wait time.Duration
}

func (o DecodeOptions) limits() (size int64, depth, rows int) {
	size, depth, rows = o.MaxSize, o.MaxDepth, o.MaxRows
	if size <= 0 {
		size = DefaultMaxSize
	}
	if depth <= 0 {
		depth = DefaultMaxDepth
	}
	if rows <= 0 {
		rows = DefaultMaxRows
	}
	return size, depth, rows
}

// ErrDecode is matched (errors.Is) by every error Decode returns for bad
// input.
var ErrDecode = errors.New("juesuan: cannot decode document")

// The sentinel errors of the decode rules. Each *DecodeError wraps the one
// of its rule, so errors.Is(err, ErrDuplicateKey) works as well as checking
// DecodeError.Rule.
var (
	// ErrTooLarge is rule "size": the input exceeds DecodeOptions.MaxSize.
	ErrTooLarge = errors.New("input too large")
	// ErrEmpty is rule "empty": the input is empty or white space.
	ErrEmpty = errors.New("empty input")
	// ErrInvalidUTF8 is rule "utf8": invalid UTF-8 or a lone surrogate.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrNUL is rule "nul": a NUL character, raw or escaped.
	ErrNUL = errors.New("NUL character")
	// ErrSyntax is rule "syntax": not JSON.
	ErrSyntax = errors.New("invalid JSON")
	// ErrTooDeep is rule "depth": nesting deeper than DecodeOptions.MaxDepth.
	ErrTooDeep = errors.New("nesting too deep")
	// ErrTooMany is rule "too-many": more entries than DecodeOptions.MaxRows.
	ErrTooMany = errors.New("too many entries")
	// ErrTrailingData is rule "trailing-data": more after the document.
	ErrTrailingData = errors.New("data after the document")
	// ErrDuplicateKey is rule "duplicate-key": a key given twice.
	ErrDuplicateKey = errors.New("duplicate key")
	// ErrUnknownField is rule "unknown-field": a key the Go type lacks.
	ErrUnknownField = errors.New("unknown field")
	// ErrRequired is rule "required": a required key is missing.
	ErrRequired = errors.New("required field missing")
	// ErrNull is rule "null": a null, which is never accepted.
	ErrNull = errors.New("null not allowed")
	// ErrType is rule "type": a value of the wrong JSON type.
	ErrType = errors.New("wrong JSON type")
	// ErrValue is rule "value": a value its type or tag constraints reject.
	ErrValue = errors.New("invalid value")
)

// DecodeRule describes one rule of the strict decoder.
type DecodeRule struct {
	ID          string // stable ID, as in DecodeError.Rule
	Err         error  // the sentinel the DecodeError wraps
	Description string // what the rule rejects
}

var decodeRules = []DecodeRule{
	{"size", ErrTooLarge, "the input is larger than DecodeOptions.MaxSize"},
	{"empty", ErrEmpty, "the input is empty or only white space"},
	{"utf8", ErrInvalidUTF8, "the input is not valid UTF-8, or a string escapes a lone surrogate"},
	{"nul", ErrNUL, "a NUL character, raw or escaped as \\u0000"},
	{"syntax", ErrSyntax, "the input is not JSON (RFC 8259), or starts with a byte order mark"},
	{"depth", ErrTooDeep, "arrays and objects nest deeper than DecodeOptions.MaxDepth"},
	{"too-many", ErrTooMany, "an array or object has more entries than DecodeOptions.MaxRows"},
	{"trailing-data", ErrTrailingData, "something other than white space follows the document"},
	{"duplicate-key", ErrDuplicateKey, "an object names the same key twice"},
	{"unknown-field", ErrUnknownField, "an object has a key its Go type does not define"},
	{"required", ErrRequired, "a required key (json tag without omitempty/omitzero) is missing"},
	{"null", ErrNull, "null appears anywhere; absent fields are left out instead"},
	{"type", ErrType, "a value has the wrong JSON type (e.g. a number where an amount string belongs)"},
	{"value", ErrValue, "a value of the right type is rejected: by the leaf type's UnmarshalText/UnmarshalJSON (amount pattern, code format, unit, severity), by a jsonschema tag constraint, or out of range"},
}

// DecodeRules lists the rules of the strict decoder, in the order of the
// checks: the first eight concern the JSON text, the rest the document's
// shape.
func DecodeRules() []DecodeRule { return append([]DecodeRule(nil), decodeRules...) }

// DecodeError reports input that is not a well-formed document: the first
// problem found.
type DecodeError struct {
	// Pointer is the RFC 6901 JSON Pointer of the offending value ("" for the
	// whole input). For a missing required field it points at the missing
	// key; for a duplicate or unknown key, at that key; for a key that is not
	// valid UTF-8 or holds a NUL, at the object holding it.
	Pointer string
	// Rule is a stable ID; see DecodeRules: "size", "empty", "utf8", "nul",
	// "syntax", "depth", "too-many", "trailing-data", "duplicate-key",
	// "unknown-field", "required", "null", "type", "value".
	Rule string
	// Offset is the byte offset in the input where the problem was found.
	Offset int64
	// Err is the cause. It wraps the rule's sentinel (ErrSyntax, ErrValue,
	// …) and, for "value", the leaf type's own error, such as an
	// *amount.SyntaxError.
	Err error
}

// Error names the pointer, the rule, the byte offset, the Chinese message
// for a clerk (Message; the forms show the same text) and the cause. The
// decoder's own messages quote at most 40 bytes of the input ("…(n bytes)"
// says how long it was); the pointer and the cause are cut to 256 bytes
// each, so that no key or leaf error echoes a huge input whole.
func (e *DecodeError) Error() string {
	p := e.Pointer
	if p == "" {
		p = "/"
	}
	if m := e.Message(); m != "" {
		return fmt.Sprintf("decode %s [%s] at byte %d: %s（%s）", cutMessage(p), e.Rule, e.Offset, cutMessage(m), cutMessage(e.Err.Error()))
	}
	return fmt.Sprintf("decode %s [%s] at byte %d: %s", cutMessage(p), e.Rule, e.Offset, cutMessage(e.Err.Error()))
}

// cutMessage cuts s to 256 bytes, at a character boundary.
func cutMessage(s string) string {
	if len(s) <= 256 {
		return s
	}
	n := 256
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return fmt.Sprintf("%s…(%d bytes)", s[:n], len(s))
}

// Unwrap returns the cause.
func (e *DecodeError) Unwrap() error { return e.Err }

// Is reports whether target is ErrDecode.
func (e *DecodeError) Is(target error) bool { return target == ErrDecode }

func newDecodeError(rule string, ptr string, off int, sentinel error, format string, args ...any) *DecodeError {
	var err error
	if format == "" {
		err = sentinel
	} else {
		err = fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)
	}
	return &DecodeError{Pointer: ptr, Rule: rule, Offset: int64(off), Err: err}
}

// Decode reads one document from r with the default options.
func Decode(r io.Reader) (*Document, error) { return DecodeOptions{}.Decode(r) }

// DecodeFile reads one document from a file with the default options.
func DecodeFile(path string) (*Document, error) { return DecodeOptions{}.DecodeFile(path) }

// DecodeFile reads one document from a file with ReadFile and decodes it.
// Like Decode, it reads at most MaxSize+1 bytes, so an oversized file is
// rejected without being loaded; a named pipe or device is read without
// ever blocking for ever (see ReadFile).
func (o DecodeOptions) DecodeFile(path string) (*Document, error) {
	data, err := o.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return o.DecodeBytes(data)
}

// DecodeBytes decodes one document held in memory with the default options.
func DecodeBytes(data []byte) (*Document, error) { return DecodeOptions{}.DecodeBytes(data) }

// Decode reads one document from r. It reads at most MaxSize+1 bytes: a
// larger input is rejected with rule "size" without reading it all. Errors
// from r itself are returned as they are.
func (o DecodeOptions) Decode(r io.Reader) (*Document, error) {
	max, _, _ := o.limits()
	data, err := io.ReadAll(io.LimitReader(r, min(max, math.MaxInt64-1)+1))
	if err != nil {
		return nil, err
	}
	return o.DecodeBytes(data)
}

// DecodeBytes decodes one document held in memory. It does not retain data.
func (o DecodeOptions) DecodeBytes(data []byte) (*Document, error) {
	d := new(Document)
	if err := o.decodeInto(data, documentShape(), reflect.ValueOf(d).Elem()); err != nil {
		return nil, err
	}
	return d, nil
}

// decodeInto checks data and fills v, whose shape is sh.
func (o DecodeOptions) decodeInto(data []byte, sh *shape, v reflect.Value) *DecodeError {
	if v.Type() != sh.typ || !v.CanAddr() {
		panic("juesuan: decodeInto needs an addressable " + sh.typ.String())
	}
	max, depth, rows := o.limits()
	if int64(len(data)) > max {
		return newDecodeError("size", "", int(max), ErrTooLarge, "input exceeds %d bytes", max)
	}
	d := decoder{data: data, maxDepth: depth, maxRows: rows}
	err := d.value(sh, v.Addr().UnsafePointer(), nil)
	if err == nil && d.space() == 0 && d.pos == len(data) {
		return nil
	}
	if text := checkText(data, depth, rows); text != nil || err == nil || err == errText {
		return cmp.Or(text, newDecodeError("syntax", "", len(data), ErrSyntax, "not a JSON document"))
	}
	return err
}

// documentShape is the shape of Document, derived once.
var documentShape = sync.OnceValue(func() *shape {
	return newShapeBuilder().build(reflect.TypeFor[Document]())
})

// nextToken skips white space and one ',' or ':' from i.
func nextToken(data []byte, i int) int {
	i = skipSpace(data, i)
	if i < len(data) && (data[i] == ',' || data[i] == ':') {
		i = skipSpace(data, i+1)
	}
	return i
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// checkText reads the whole of data for a problem of the JSON text and
// returns the first, or nil.
func checkText(data []byte, maxDepth, maxRows int) *DecodeError {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return newDecodeError("syntax", "", 0, ErrSyntax, "byte order mark (U+FEFF) before the document")
	}
	dec := jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowDuplicateNames(true))
	for {
		depth := dec.StackDepth()
		kind, n := dec.StackIndex(depth)
		at := skipSpace(data, int(dec.InputOffset()))
		switch {
		case depth == 0 && n == 0 && at == len(data):
			return newDecodeError("empty", "", at, ErrEmpty, "")
		case depth == 0 && n > 0 && at == len(data):
			return nil
		case depth == 0 && n > 0:
			if e := badText(data, at, at+1, ""); e != nil {
				return e
			}
			return newDecodeError("trailing-data", "", at, ErrTrailingData, "%s after the document", describeByte(data, at))
		case at < len(data) && data[at] == ',' && (kind == '[' && n >= int64(maxRows) || kind == '{' && n/2 >= int64(maxRows)):
			return newDecodeError("too-many", string(dec.StackPointer().Parent()), at, ErrTooMany, "more than %d entries", maxRows)
		}
		var err error
		switch dec.PeekKind() {
		case '{', '[':
			if depth >= maxDepth {
				return newDecodeError("depth", textPointer(dec, data, false), nextToken(data, at), ErrTooDeep,
					"more than %d nested arrays and objects", maxDepth)
			}
			_, err = dec.ReadToken()
		case '"':
			var raw jsontext.Value
			if raw, err = dec.ReadValue(); err == nil {
				p := dec.StackPointer()
				if _, n := dec.StackIndex(dec.StackDepth()); n%2 == 1 && kind == '{' {
					p = p.Parent() // a key: report the object
				}
				start := int(dec.InputOffset()) - len(raw)
				if e := badText(data, start, start+len(raw), string(p)); e != nil {
					return e
				}
			}
		default:
			_, err = dec.ReadToken()
		}
		if err != nil {
			return syntaxError(dec, data, err)
		}
	}
}

// textPointer is the pointer of what comes after the last token dec read,
// where the grammar expects a value, a key (the object's pointer) or a
// delimiter (the pointer of the value just read; at the end of the input,
// of its container).
func textPointer(dec *jsontext.Decoder, data []byte, eof bool) string {
	depth := dec.StackDepth()
	if depth == 0 {
		return ""
	}
	kind, n := dec.StackIndex(depth)
	p := dec.StackPointer()
	at := skipSpace(data, int(dec.InputOffset()))
	comma := at < len(data) && data[at] == ','
	parent := p
	if n > 0 {
		parent = p.Parent()
	}
	switch {
	case kind == '{' && n%2 == 1: // after a key
		return string(p)
	case kind == '{' && (n == 0 || comma): // a key
		return string(parent)
	case n == 0 && eof:
		return string(p)
	case n == 0 || comma: // an element
		return string(parent) + "/" + strconv.FormatInt(n, 10)
	case eof:
		return string(parent)
	}
	return string(p)
}

// syntaxError reports the error dec returned: a NUL, invalid UTF-8 or a
// lone surrogate that it found as bad syntax, or else a syntax error.
func syntaxError(dec *jsontext.Decoder, data []byte, err error) *DecodeError {
	var se *jsontext.SyntacticError
	eof := !errors.As(err, &se) || errors.Is(se.Err, io.ErrUnexpectedEOF)
	ptr := textPointer(dec, data, eof)
	// In a string, the first bad character may come before where dec
	// stopped; elsewhere it is where dec stopped.
	i, end := nextToken(data, int(dec.InputOffset())), len(data)
	if !eof {
		end = min(int(se.ByteOffset)+1, len(data))
	}
	at, off := i, int(se.ByteOffset) // a string's problem is inside it; another's where it starts
	switch {
	case i < len(data) && data[i] == '"':
		at = off
	case eof || data[end-1] == '\\':
		i = end
	default:
		i = end - 1
	}
	if e := badText(data, i, end, ptr); e != nil {
		return e
	}
	if eof {
		return newDecodeError("syntax", ptr, len(data), ErrSyntax, "unexpected end of input")
	}
	return newDecodeError("syntax", ptr, at, ErrSyntax, "%s", strings.TrimPrefix(se.Err.Error(), "jsontext: "))
}

// badText returns the first NUL (raw or escaped), invalid UTF-8 or lone
// surrogate escape in data[i:end], or nil.
func badText(data []byte, i, end int, ptr string) *DecodeError {
	for i < end {
		c := data[i]
		switch {
		case c == 0:
			return newDecodeError("nul", ptr, i, ErrNUL, "NUL byte")
		case c == '\\' && i+1 < len(data) && data[i+1] == 'u':
			r, ok := hex4(data, i+2)
			switch {
			case ok && r == 0:
				return newDecodeError("nul", ptr, i, ErrNUL, "\\u0000 in string")
			case ok && utf16.IsSurrogate(r):
				r2, ok2 := rune(0), false
				if i+12 <= len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
					r2, ok2 = hex4(data, i+8)
				}
				if !ok2 || utf16.DecodeRune(r, r2) == utf8.RuneError {
					return newDecodeError("utf8", ptr, i, ErrInvalidUTF8, "lone surrogate \\u%04X in string", r)
				}
				i += 6
			}
			i += 2
		case c == '\\':
			i += 2
		case c >= 0x80:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				return newDecodeError("utf8", ptr, i, ErrInvalidUTF8, "byte 0x%02X", c)
			}
			i += size
		default:
			i++
		}
	}
	return nil
}

func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// describeByte names the character at i for a message.
func describeByte(data []byte, i int) string {
	r, size := utf8.DecodeRune(data[i:])
	if r == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("byte 0x%02X", data[i])
	}
	return fmt.Sprintf("%q", r)
}
