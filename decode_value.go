package juesuan

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/go-json-experiment/json/jsontext"
)

// The decoder reads the input once, byte by byte, along the shape of
// Document: it checks the JSON grammar, UTF-8, keys, types, required fields
// and leaf values and fills the Go value as it goes. At the first problem it
// stops. A problem of the JSON text anywhere in the input wins over one of
// the shape, so checkText then reads the whole input again with a
// jsontext.Decoder to name it (only failing input pays for that); the
// scanner here need only accept exactly the JSON text that jsontext accepts
// (FuzzScanAgreesWithJSONText checks that it does).

type decoder struct {
	data              []byte
	pos               int // the next byte to read
	maxDepth, maxRows int
	depth             int    // open arrays and objects
	path              []step // from the document to the value being read
	buf               []byte // a string with its escapes resolved
}

// step is one token of path: an object key as written (quoted), or, where
// key is nil, an array index.
type step struct {
	key   []byte
	index int
}

// errText reports that the input has a problem of the JSON text, which
// checkText describes.
var errText = &DecodeError{}

// pointer is the JSON Pointer of path.
func pointer(path []step) string {
	var p jsontext.Pointer
	for _, s := range path {
		if s.key == nil {
			p = p.AppendToken(strconv.Itoa(s.index))
		} else {
			k, _ := jsontext.AppendUnquote(nil, s.key)
			p = p.AppendToken(string(k))
		}
	}
	return string(p)
}

// fail reports a problem with the value at byte off.
func (d *decoder) fail(off int, rule string, sentinel error, format string, args ...any) *DecodeError {
	return newDecodeError(rule, pointer(d.path), off, sentinel, format, args...)
}

func (d *decoder) valueError(off int, err error) *DecodeError {
	return &DecodeError{Pointer: pointer(d.path), Rule: "value", Offset: int64(off), Err: fmt.Errorf("%w: %w", ErrValue, err)}
}

// kindOf is the JSON type of the value raw: '{', '[', '"', 't', 'f', 'n'
// or '0' for a number.
func kindOf(raw []byte) byte {
	if c := raw[0]; c != '-' && (c < '0' || c > '9') {
		return c
	}
	return '0'
}

func kindName(k byte) string {
	switch k {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// space skips white space and returns the next byte, 0 at the end.
func (d *decoder) space() byte {
	data, i := d.data, d.pos
	for ; i < len(data); i++ {
		if c := data[i]; c > ' ' || c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			d.pos = i
			return c
		}
	}
	d.pos = i
	return 0
}

// open reads the '{' or '[' of a container.
func (d *decoder) open() bool {
	d.pos++
	d.depth++
	return d.depth <= d.maxDepth
}

// next moves to entry n of the open array or object that end closes: more
// is false when it has read end instead.
func (d *decoder) next(end byte, n int) (more, ok bool) {
	c := d.space()
	if c == end {
		d.pos++
		d.depth--
		return false, true
	}
	if n > 0 {
		if c != ',' {
			return false, false
		}
		d.pos++
		d.space()
	}
	return true, n < d.maxRows
}

// key reads an object key and the colon after it.
func (d *decoder) key() (raw []byte, esc, ok bool) {
	if d.pos == len(d.data) || d.data[d.pos] != '"' {
		return nil, false, false
	}
	if raw, esc, ok = d.str(); !ok || d.space() != ':' {
		return nil, false, false
	}
	d.pos++
	return raw, esc, true
}

// keyText reads an object key and the colon after it, and returns the key
// also with its escapes resolved.
func (d *decoder) keyText() (raw, key []byte, ok bool) {
	raw, esc, ok := d.key()
	if ok {
		key, ok = d.unquote(raw, esc)
	}
	return raw, key, ok
}

// read reads any value and returns it as written; esc says whether a
// string has escapes. ok is false if the text is not JSON.
func (d *decoder) read() (raw []byte, esc, ok bool) {
	c := d.space()
	start := d.pos
	switch c {
	case '"':
		return d.str()
	case '{', '[':
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		if !d.open() {
			return nil, false, false
		}
		for n := 0; ; n++ {
			more, ok := d.next(end, n)
			if !ok {
				return nil, false, false
			}
			if !more {
				return d.data[start:d.pos], false, true
			}
			if c == '{' {
				if _, _, ok := d.key(); !ok {
					return nil, false, false
				}
			}
			if _, _, ok := d.read(); !ok {
				return nil, false, false
			}
		}
	case 't', 'f', 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if lit[0] == c && bytes.HasPrefix(d.data[d.pos:], []byte(lit)) {
				d.pos += len(lit)
				return d.data[d.pos-len(lit) : d.pos], false, true
			}
		}
		return nil, false, false
	}
	return d.num()
}

// str reads the string at pos.
func (d *decoder) str() (raw []byte, esc, ok bool) {
	data, i := d.data, d.pos+1
	var all byte // the bits of every byte: a byte from 0x80 on means UTF-8 to check
	for i < len(data) {
		for i < len(data) && plain[data[i]] {
			all |= data[i]
			i++
		}
		if i == len(data) {
			break
		}
		switch c := data[i]; {
		case c == '"':
			if raw = data[d.pos : i+1]; all >= utf8.RuneSelf && !utf8.Valid(raw) {
				return nil, false, false
			}
			d.pos = i + 1
			return raw, esc, true
		case c == '\\' && i+1 < len(data):
			esc = true
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
				continue
			case 'u':
				r, ok := hex4(data, i+2)
				if !ok {
					return nil, false, false
				}
				if i += 6; utf16.IsSurrogate(r) {
					r2, ok := rune(0), false
					if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
						r2, ok = hex4(data, i+2)
					}
					if !ok || utf16.DecodeRune(r, r2) == utf8.RuneError {
						return nil, false, false
					}
					i += 6
				}
				continue
			}
			return nil, false, false
		default: // a control character
			return nil, false, false
		}
	}
	return nil, false, false
}

// plain tells the bytes that stand for themselves in a JSON string.
var plain = func() (t [256]bool) {
	for c := ' '; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// num reads the number at pos.
func (d *decoder) num() (raw []byte, esc, ok bool) {
	data, i := d.data, d.pos
	digits := func(i int) int {
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
		return i
	}
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && data[i] >= '1' && data[i] <= '9':
		i = digits(i)
	default:
		return nil, false, false
	}
	if i < len(data) && data[i] == '.' {
		if j := digits(i + 1); j > i+1 {
			i = j
		} else {
			return nil, false, false
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		if i++; i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if j := digits(i); j > i {
			i = j
		} else {
			return nil, false, false
		}
	}
	raw, d.pos = data[d.pos:i], i
	return raw, false, true
}

// unquote returns the content of the JSON string raw, escapes resolved; ok
// is false for an escaped NUL, a problem of the text.
func (d *decoder) unquote(raw []byte, esc bool) (s []byte, ok bool) {
	if !esc {
		return raw[1 : len(raw)-1], true
	}
	d.buf, _ = jsontext.AppendUnquote(d.buf[:0], raw)
	return d.buf, bytes.IndexByte(d.buf, 0) < 0
}

// value decodes the next value into the Go value at p, which has shape sh;
// cons are the field's tag constraints.
func (d *decoder) value(sh *shape, p unsafe.Pointer, cons *constraints) *DecodeError {
	c := d.space()
	switch want := "object"; {
	case sh.kind >= kString || sh.kind == kUnsupported:
		return d.leaf(sh, p, cons)
	case c == 'n':
		return d.skipFail("null", ErrNull, "null is not allowed; leave the field out")
	case sh.kind == kPtr:
		pp := (*unsafe.Pointer)(p)
		if *pp == nil {
			*pp = reflect.New(sh.typ.Elem()).UnsafePointer()
		}
		return d.value(sh.elem, *pp, cons)
	case sh.kind == kStruct && c == '{':
		return d.object(sh, p)
	case sh.kind == kMap && c == '{':
		return d.mapObject(sh, reflect.NewAt(sh.typ, p).Elem())
	case (sh.kind == kSlice || sh.kind == kArray) && c == '[':
		return d.array(sh, p, cons)
	default:
		if sh.kind == kSlice || sh.kind == kArray {
			want = "array"
		}
		return d.skipFail("type", ErrType, "want %s, got %s", want, kindName(c))
	}
}

// skipFail skips the next value and reports a problem with it.
func (d *decoder) skipFail(rule string, sentinel error, format string, args ...any) *DecodeError {
	off := d.pos
	if _, _, ok := d.read(); !ok {
		return errText
	}
	return d.fail(off, rule, sentinel, format, args...)
}

// leaf decodes the next value, a scalar, into the Go value at p.
func (d *decoder) leaf(sh *shape, p unsafe.Pointer, cons *constraints) *DecodeError {
	off := d.pos
	raw, esc, ok := d.read()
	if !ok {
		return errText
	}
	k, want := kindOf(raw), ""
	switch {
	case k == 'n':
		return d.fail(off, "null", ErrNull, "null is not allowed; leave the field out")
	case sh.kind == kString || sh.kind == kText:
		if k != '"' {
			want = "string"
			break
		}
		s, ok := d.unquote(raw, esc)
		if !ok {
			return errText
		}
		if err := cons.checkString(s); err != nil {
			return d.valueError(off, err)
		}
		var err error
		switch {
		case sh.kind == kString:
			*(*string)(p) = string(s)
		case sh.typ == amountType:
			err = (*amount.Amount)(p).UnmarshalText(s)
		default:
			err = reflect.NewAt(sh.typ, p).Interface().(encoding.TextUnmarshaler).UnmarshalText(s)
		}
		if err != nil {
			return d.valueError(off, err)
		}
	case sh.kind == kBool:
		if k != 't' && k != 'f' {
			want = "boolean"
			break
		}
		*(*bool)(p) = k == 't'
	case sh.kind == kInt || sh.kind == kUint || sh.kind == kFloat:
		if k != '0' {
			want = "number"
			break
		}
		return d.setNumber(sh, reflect.NewAt(sh.typ, p).Elem(), raw, off, cons)
	case sh.kind == kJSON:
		if sh.jsonKind != 0 && sh.jsonKind != jsontext.Kind(k) {
			want = kindName(byte(sh.jsonKind))
			break
		}
		if k == '0' {
			// A leaf that takes a number gets an integral one in plain
			// digits, as JSON Schema's "integer" admits 1.0 and 1e2.
			if canon, ok := integerText(raw); ok {
				raw = []byte(canon)
			}
		} else if bytes.IndexByte(raw, '\\') >= 0 && badText(raw, 0, len(raw), "") != nil {
			return errText // an escaped NUL
		}
		if err := reflect.NewAt(sh.typ, p).Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			return d.valueError(off, err)
		}
	default:
		return d.fail(off, "type", ErrType, "the Go type %s cannot be decoded from JSON", sh.typ)
	}
	if want != "" {
		return d.fail(off, "type", ErrType, "want %s, got %s", want, kindName(k))
	}
	return nil
}

var amountType = reflect.TypeFor[amount.Amount]()

func (d *decoder) setNumber(sh *shape, v reflect.Value, num []byte, off int, cons *constraints) *DecodeError {
	var f float64
	switch sh.kind {
	case kInt, kUint:
		canon, ok := integerText(num)
		if !ok {
			return d.fail(off, "type", ErrType, "want integer, got number")
		}
		var err error
		if sh.kind == kInt {
			var n int64
			n, err = strconv.ParseInt(canon, 10, sh.bits)
			v.SetInt(n)
			f = float64(n)
		} else if canon[0] == '-' {
			return d.valueError(off, fmt.Errorf("integer %s is negative", clipBytes(num)))
		} else {
			var n uint64
			n, err = strconv.ParseUint(canon, 10, sh.bits)
			v.SetUint(n)
			f = float64(n)
		}
		if err != nil {
			return d.valueError(off, fmt.Errorf("integer %s out of range", clipBytes(num)))
		}
	default:
		x, err := strconv.ParseFloat(string(num), sh.bits)
		if err != nil || math.IsInf(x, 0) {
			return d.valueError(off, fmt.Errorf("number %s out of range", clipBytes(num)))
		}
		v.SetFloat(x)
		f = x
	}
	if err := cons.checkNumber(f, num); err != nil {
		return d.valueError(off, err)
	}
	return nil
}

// clipBytes cuts b to at most 40 bytes, at a character boundary, for a
// message, and says how long it was: a 1 MB key or code does not come back
// whole.
func clipBytes(b []byte) string {
	if len(b) <= 40 {
		return string(b)
	}
	n := 40
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return fmt.Sprintf("%s…(%d bytes)", b[:n], len(b))
}

// object decodes a JSON object into the struct at p.
func (d *decoder) object(sh *shape, p unsafe.Pointer) *DecodeError {
	if !d.open() {
		return errText
	}
	var seen uint64
	var seenMore []bool
	if len(sh.fields) > 64 {
		seenMore = make([]bool, len(sh.fields))
	}
	d.path = append(d.path, step{})
	at, next := len(d.path)-1, 0 // documents list the keys in field order: try the next field first
	for n := 0; ; n++ {
		more, ok := d.next('}', n)
		if !more && ok {
			break
		}
		off, fi, found := d.pos, next, next < len(sh.fields) && bytes.HasPrefix(d.data[d.pos:], sh.fields[next].quoted)
		var raw, key []byte
		if found { // the expected key, written plainly
			raw, d.pos = sh.fields[next].quoted, d.pos+len(sh.fields[next].quoted)
			key = raw[1 : len(raw)-1]
		}
		if !found && ok {
			raw, key, ok = d.keyText()
			fi, found = sh.byName[string(key)]
		} else if ok && d.space() == ':' {
			d.pos++
		} else {
			ok = false
		}
		if !ok {
			return errText
		}
		d.path[at].key = raw
		next = fi + 1
		switch {
		case !found && len(sh.fields) == 0:
			return d.fail(off, "unknown-field", ErrUnknownField, "%q: this object takes no keys", clipBytes(key))
		case !found:
			return d.fail(off, "unknown-field", ErrUnknownField, "%q is not a key of %s", clipBytes(key), typeLabel(sh.typ))
		case seenMore != nil && seenMore[fi] || seenMore == nil && seen&(1<<uint(fi)) != 0:
			return d.fail(off, "duplicate-key", ErrDuplicateKey, "%q given twice", clipBytes(key))
		case seenMore != nil:
			seenMore[fi] = true
		default:
			seen |= 1 << uint(fi)
		}
		f := &sh.fields[fi]
		fp := unsafe.Add(p, f.offset)
		if f.viaPtr {
			fp = fieldByIndex(reflect.NewAt(sh.typ, p).Elem(), f.index).Addr().UnsafePointer()
		}
		if err := d.value(f.shape, fp, f.cons); err != nil {
			return err
		}
	}
	d.path = d.path[:at]
	for _, ri := range sh.required {
		if seenMore != nil && !seenMore[ri] || seenMore == nil && seen&(1<<uint(ri)) == 0 {
			name := sh.fields[ri].name
			return newDecodeError("required", string(jsontext.Pointer(pointer(d.path)).AppendToken(name)), d.pos-1,
				ErrRequired, "%q is required in %s", name, typeLabel(sh.typ))
		}
	}
	return nil
}

func typeLabel(t reflect.Type) string {
	if t.Name() != "" {
		return t.String()
	}
	return "this object"
}

// fieldByIndex is reflect.Value.FieldByIndex that allocates nil embedded
// struct pointers on the way.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	for k, i := range index {
		if k > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return v
}

// mapObject decodes a JSON object into the map v.
func (d *decoder) mapObject(sh *shape, v reflect.Value) *DecodeError {
	if !d.open() {
		return errText
	}
	t := sh.typ
	if v.IsNil() {
		v.Set(reflect.MakeMap(t))
	}
	kv, ev := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
	d.path = append(d.path, step{})
	at := len(d.path) - 1
	for n := 0; ; n++ {
		more, ok := d.next('}', n)
		if !more && ok {
			break
		}
		off := d.pos
		raw, key, ok2 := d.keyText()
		if !ok || !ok2 {
			return errText
		}
		d.path[at].key = raw
		var err error
		switch sh.key {
		case kText:
			kv.SetZero()
			err = kv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(key)
		case kString:
			kv.SetString(string(key))
		case kInt:
			var i int64
			i, err = strconv.ParseInt(string(key), 10, t.Key().Bits())
			kv.SetInt(i)
		case kUint:
			var u uint64
			u, err = strconv.ParseUint(string(key), 10, t.Key().Bits())
			kv.SetUint(u)
		}
		if err != nil {
			return d.valueError(off, fmt.Errorf("key: %w", err))
		}
		if v.MapIndex(kv).IsValid() {
			return d.fail(off, "duplicate-key", ErrDuplicateKey, "%q given twice", clipBytes(key))
		}
		ev.SetZero()
		if err := d.value(sh.elem, ev.Addr().UnsafePointer(), nil); err != nil {
			return err
		}
		v.SetMapIndex(kv, ev)
	}
	d.path = d.path[:at]
	return nil
}

// sliceHeader is the layout of a Go slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// array decodes a JSON array into the slice or array at p.
func (d *decoder) array(sh *shape, p unsafe.Pointer, cons *constraints) *DecodeError {
	start := d.pos
	if !d.open() {
		return errText
	}
	var items *constraints
	if cons != nil {
		items = cons.items
	}
	slice := sh.kind == kSlice
	var h *sliceHeader
	var sv reflect.Value
	if slice {
		h, sv = (*sliceHeader)(p), reflect.NewAt(sh.typ, p).Elem()
		sv.SetZero() // grown memory is zeroed
	}
	size := sh.elem.typ.Size()
	d.path = append(d.path, step{})
	at, n := len(d.path)-1, 0
	for ; ; n++ {
		more, ok := d.next(']', n)
		if !more && ok {
			break
		} else if !ok {
			return errText
		}
		var ep unsafe.Pointer
		switch {
		case slice:
			if n == h.cap {
				sv.Grow(max(n, 4))
			}
			h.len = n + 1
			ep = unsafe.Add(h.data, uintptr(n)*size)
		case n >= sh.n:
			return newDecodeError("value", pointer(d.path[:at]), d.pos, ErrValue, "more than %d elements", sh.n)
		default:
			ep = unsafe.Add(p, uintptr(n)*size)
		}
		d.path[at].index = n
		if err := d.value(sh.elem, ep, items); err != nil {
			return err
		}
	}
	d.path = d.path[:at]
	var err error
	switch {
	case !slice && n != sh.n:
		err = fmt.Errorf("%d elements, want %d", n, sh.n)
	case slice && h.data == nil:
		sv.Set(reflect.MakeSlice(sh.typ, 0, 0))
	}
	if err == nil {
		err = cons.checkItems(n)
	}
	if err != nil {
		return d.valueError(start, err)
	}
	return nil
}

// checkString applies the string keywords of c to s.
func (c *constraints) checkString(s []byte) error {
	if c == nil {
		return nil
	}
	if c.minLength >= 0 || c.maxLength >= 0 {
		n := utf8.RuneCount(s)
		if c.minLength >= 0 && n < c.minLength {
			return fmt.Errorf("%d characters, want at least %d (minLength)", n, c.minLength)
		}
		if c.maxLength >= 0 && n > c.maxLength {
			return fmt.Errorf("%d characters, want at most %d (maxLength)", n, c.maxLength)
		}
	}
	if c.pattern != nil && !c.pattern.Match(s) {
		return fmt.Errorf("%q does not match %s (pattern)", clipBytes(s), c.patternSrc)
	}
	if len(c.enum) > 0 {
		for _, e := range c.enum {
			if e == string(s) {
				return nil
			}
		}
		return fmt.Errorf("%q is not one of %q (enum)", clipBytes(s), c.enum)
	}
	return nil
}

// checkNumber applies the numeric keywords of c to the value f, written num.
func (c *constraints) checkNumber(f float64, num []byte) error {
	if c == nil {
		return nil
	}
	switch {
	case c.minimum != nil && f < *c.minimum:
		return fmt.Errorf("%s is less than %v (minimum)", clipBytes(num), *c.minimum)
	case c.maximum != nil && f > *c.maximum:
		return fmt.Errorf("%s is greater than %v (maximum)", clipBytes(num), *c.maximum)
	case c.exclusiveMinimum != nil && f <= *c.exclusiveMinimum:
		return fmt.Errorf("%s is not greater than %v (exclusiveMinimum)", clipBytes(num), *c.exclusiveMinimum)
	case c.exclusiveMaximum != nil && f >= *c.exclusiveMaximum:
		return fmt.Errorf("%s is not less than %v (exclusiveMaximum)", clipBytes(num), *c.exclusiveMaximum)
	}
	if len(c.enum) > 0 {
		for _, e := range c.enum {
			if x, err := strconv.ParseFloat(e, 64); err == nil && x == f {
				return nil
			}
		}
		return fmt.Errorf("%s is not one of %v (enum)", clipBytes(num), c.enum)
	}
	return nil
}

// checkItems applies minItems and maxItems.
func (c *constraints) checkItems(n int) error {
	if c == nil {
		return nil
	}
	if c.minItems >= 0 && n < c.minItems {
		return fmt.Errorf("%d items, want at least %d (minItems)", n, c.minItems)
	}
	if c.maxItems >= 0 && n > c.maxItems {
		return fmt.Errorf("%d items, want at most %d (maxItems)", n, c.maxItems)
	}
	return nil
}

// maxIntegerText bounds the digits integerText writes: more than any int64
// or uint64 has, so that a longer result is out of range anyway.
const maxIntegerText = 21

// integerText returns the JSON number num in plain decimal digits when its
// value is an integer, as JSON Schema's "integer" type judges it: 2020,
// 2020.0, 2.02e3 and 202000e-2 are all 2020, and -0 is 0. A fraction gives
// ok false. An integer too long for any Go integer type is returned as a
// string of maxIntegerText+1 digits, which the caller's parse rejects as
// out of range. It runs in time linear in len(num) and never expands an
// exponent beyond maxIntegerText digits, so "1e999999999" costs nothing.
func integerText(num []byte) (string, bool) {
	if !bytes.ContainsAny(num, ".eE") {
		if string(num) == "-0" {
			return "0", true
		}
		return string(num), true // JSON admits no leading zeros
	}
	neg := num[0] == '-'
	if neg {
		num = num[1:]
	}
	mantissa, expPart, _ := bytes.Cut(bytes.ToLower(num), []byte("e"))
	intPart, frac, _ := bytes.Cut(mantissa, []byte("."))
	// The mantissa's digits without the point; the point moves exp places right.
	mant := bytes.TrimLeft(append(intPart, frac...), "0")
	exp := -len(frac)
	if len(expPart) > 0 {
		eneg := expPart[0] == '-'
		e := 0
		for _, c := range bytes.TrimLeft(expPart, "+-") {
			if e < 1e9 {
				e = e*10 + int(c-'0')
			}
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	for len(mant) > 0 && mant[len(mant)-1] == '0' {
		mant = mant[:len(mant)-1]
		exp++
	}
	switch {
	case len(mant) == 0:
		return "0", true
	case exp < 0:
		return "", false
	case len(mant)+exp > maxIntegerText:
		mant, exp = []byte(strings.Repeat("9", maxIntegerText+1)), 0
	}
	sign := ""
	if neg {
		sign = "-"
	}
	return sign + string(mant) + strings.Repeat("0", exp), true
}
