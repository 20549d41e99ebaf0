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
	"unicode/utf8"
	"unsafe"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/go-json-experiment/json/jsontext"
)

// The decoder reads the input once, token by token, with a jsontext.Decoder
// (which checks the JSON grammar and UTF-8), along the shape of Document: it
// checks keys, types, required fields and leaf values and fills the Go value
// as it goes. At the first problem it stops. A problem of the JSON text
// anywhere in the input wins over one of the shape, so checkText then reads
// the whole input again for one (only failing input pays for that).

type decoder struct {
	dec               *jsontext.Decoder
	data              []byte
	maxDepth, maxRows int
	buf               []byte // a string with its escapes resolved
}

// errText reports that the input has a problem of the JSON text, which
// checkText describes.
var errText = &DecodeError{}

// fail reports a problem with the value just read, of length n.
func (d *decoder) fail(n int, rule string, sentinel error, format string, args ...any) *DecodeError {
	return newDecodeError(rule, string(d.dec.StackPointer()), int(d.dec.InputOffset())-n, sentinel, format, args...)
}

// skipFail skips the next value and reports a problem with it.
func (d *decoder) skipFail(rule string, sentinel error, format string, args ...any) *DecodeError {
	off := nextToken(d.data, int(d.dec.InputOffset()))
	if d.dec.SkipValue() != nil {
		return errText
	}
	return newDecodeError(rule, string(d.dec.StackPointer()), off, sentinel, format, args...)
}

func (d *decoder) valueError(n int, err error) *DecodeError {
	return &DecodeError{Pointer: string(d.dec.StackPointer()), Rule: "value", Offset: d.dec.InputOffset() - int64(n),
		Err: fmt.Errorf("%w: %w", ErrValue, err)}
}

func kindName(k jsontext.Kind) string {
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

// container is the pointer of the innermost open array or object.
func (d *decoder) container() string {
	p := d.dec.StackPointer()
	if _, n := d.dec.StackIndex(d.dec.StackDepth()); n > 0 {
		p = p.Parent()
	}
	return string(p)
}

// unquote returns the content of the JSON string raw, escapes resolved; ok
// is false for an escaped NUL, a problem of the text.
func (d *decoder) unquote(raw []byte) (s []byte, ok bool) {
	if s = raw[1 : len(raw)-1]; bytes.IndexByte(s, '\\') < 0 {
		return s, true // jsontext rejects a raw NUL
	}
	d.buf, _ = jsontext.AppendUnquote(d.buf[:0], raw)
	return d.buf, bytes.IndexByte(d.buf, 0) < 0
}

// open reads the '{' or '[' of a container.
func (d *decoder) open() bool {
	_, err := d.dec.ReadToken()
	return err == nil && d.dec.StackDepth() <= d.maxDepth
}

// value decodes the next value into the Go value at p, which has shape sh;
// cons are the field's tag constraints.
func (d *decoder) value(sh *shape, p unsafe.Pointer, cons *constraints) *DecodeError {
	if sh.kind >= kString || sh.kind == kUnsupported {
		raw, err := d.dec.ReadValue()
		if err != nil {
			return errText
		}
		return d.leaf(sh, p, raw, cons)
	}
	k := d.dec.PeekKind()
	switch want := "object"; {
	case k == 0:
		return errText
	case k == 'n':
		return d.skipFail("null", ErrNull, "null is not allowed; leave the field out")
	case sh.kind == kPtr:
		pp := (*unsafe.Pointer)(p)
		if *pp == nil {
			*pp = reflect.New(sh.typ.Elem()).UnsafePointer()
		}
		return d.value(sh.elem, *pp, cons)
	case sh.kind == kStruct && k == '{':
		return d.object(sh, p)
	case sh.kind == kMap && k == '{':
		return d.mapObject(sh, reflect.NewAt(sh.typ, p).Elem())
	case (sh.kind == kSlice || sh.kind == kArray) && k == '[':
		return d.array(sh, p, cons)
	default:
		if sh.kind == kSlice || sh.kind == kArray {
			want = "array"
		}
		return d.skipFail("type", ErrType, "want %s, got %s", want, kindName(k))
	}
}

// leaf decodes the scalar raw into the Go value at p.
func (d *decoder) leaf(sh *shape, p unsafe.Pointer, raw []byte, cons *constraints) *DecodeError {
	n, k := len(raw), jsontext.Value(raw).Kind()
	want := ""
	switch {
	case k == 'n':
		return d.fail(n, "null", ErrNull, "null is not allowed; leave the field out")
	case sh.kind == kString || sh.kind == kText:
		if k != '"' {
			want = "string"
			break
		}
		s, ok := d.unquote(raw)
		if !ok {
			return errText
		}
		if err := cons.checkString(s); err != nil {
			return d.valueError(n, err)
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
			return d.valueError(n, err)
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
		return d.setNumber(sh, reflect.NewAt(sh.typ, p).Elem(), raw, cons)
	case sh.kind == kJSON:
		if sh.jsonKind != 0 && sh.jsonKind != k {
			want = kindName(sh.jsonKind)
			break
		}
		if k == '0' {
			// A leaf that takes a number gets an integral one in plain
			// digits, as JSON Schema's "integer" admits 1.0 and 1e2.
			if canon, ok := integerText(raw); ok {
				raw = []byte(canon)
			}
		}
		if err := reflect.NewAt(sh.typ, p).Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			return d.valueError(n, err)
		}
	default:
		return d.fail(n, "type", ErrType, "the Go type %s cannot be decoded from JSON", sh.typ)
	}
	if want != "" {
		return d.fail(n, "type", ErrType, "want %s, got %s", want, kindName(k))
	}
	return nil
}

var amountType = reflect.TypeFor[amount.Amount]()

func (d *decoder) setNumber(sh *shape, v reflect.Value, num []byte, cons *constraints) *DecodeError {
	var f float64
	switch sh.kind {
	case kInt, kUint:
		canon, ok := integerText(num)
		if !ok {
			return d.fail(len(num), "type", ErrType, "want integer, got number")
		}
		var err error
		if sh.kind == kInt {
			var n int64
			n, err = strconv.ParseInt(canon, 10, sh.bits)
			v.SetInt(n)
			f = float64(n)
		} else if canon[0] == '-' {
			return d.valueError(len(num), fmt.Errorf("integer %s is negative", clipBytes(num)))
		} else {
			var n uint64
			n, err = strconv.ParseUint(canon, 10, sh.bits)
			v.SetUint(n)
			f = float64(n)
		}
		if err != nil {
			return d.valueError(len(num), fmt.Errorf("integer %s out of range", clipBytes(num)))
		}
	default:
		x, err := strconv.ParseFloat(string(num), sh.bits)
		if err != nil || math.IsInf(x, 0) {
			return d.valueError(len(num), fmt.Errorf("number %s out of range", clipBytes(num)))
		}
		v.SetFloat(x)
		f = x
	}
	if err := cons.checkNumber(f, num); err != nil {
		return d.valueError(len(num), err)
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
	isSeen := func(i int) bool { return seenMore != nil && seenMore[i] || seenMore == nil && seen&(1<<uint(i)) != 0 }
	next, ok := 0, true // documents list the keys in field order: try the next field first
	for n := 0; d.dec.PeekKind() != '}'; n++ {
		raw, err := d.dec.ReadValue()
		if err != nil || n >= d.maxRows {
			return errText
		}
		key, kn := raw[1:len(raw)-1], len(raw)
		fi, found := next, next < len(sh.fields) && sh.fields[next].name == string(key)
		if !found {
			if key, ok = d.unquote(raw); !ok {
				return errText
			}
			fi, found = sh.byName[string(key)]
		}
		next = fi + 1
		switch {
		case !found && len(sh.fields) == 0:
			return d.fail(kn, "unknown-field", ErrUnknownField, "%q: this object takes no keys", clipBytes(key))
		case !found:
			return d.fail(kn, "unknown-field", ErrUnknownField, "%q is not a key of %s", clipBytes(key), typeLabel(sh.typ))
		case isSeen(fi):
			return d.fail(kn, "duplicate-key", ErrDuplicateKey, "%q given twice", clipBytes(key))
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
	if _, err := d.dec.ReadToken(); err != nil {
		return errText
	}
	for _, ri := range sh.required {
		if !isSeen(ri) {
			name := sh.fields[ri].name
			return newDecodeError("required", string(d.dec.StackPointer().AppendToken(name)), int(d.dec.InputOffset())-1,
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
	for n := 0; d.dec.PeekKind() != '}'; n++ {
		raw, err := d.dec.ReadValue()
		key, ok := []byte(nil), false
		if err == nil {
			key, ok = d.unquote(raw)
		}
		if !ok || n >= d.maxRows {
			return errText
		}
		kn := len(raw)
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
			return d.valueError(kn, fmt.Errorf("key: %w", err))
		}
		if v.MapIndex(kv).IsValid() {
			return d.fail(kn, "duplicate-key", ErrDuplicateKey, "%q given twice", clipBytes(key))
		}
		ev.SetZero()
		if err := d.value(sh.elem, ev.Addr().UnsafePointer(), nil); err != nil {
			return err
		}
		v.SetMapIndex(kv, ev)
	}
	if _, err := d.dec.ReadToken(); err != nil {
		return errText
	}
	return nil
}

// sliceHeader is the layout of a Go slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// array decodes a JSON array into the slice or array at p.
func (d *decoder) array(sh *shape, p unsafe.Pointer, cons *constraints) *DecodeError {
	if !d.open() {
		return errText
	}
	start := int(d.dec.InputOffset()) - 1
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
	n := 0
	for ; d.dec.PeekKind() != ']'; n++ {
		if n >= d.maxRows {
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
			return newDecodeError("value", d.container(), nextToken(d.data, int(d.dec.InputOffset())), ErrValue,
				"more than %d elements", sh.n)
		default:
			ep = unsafe.Add(p, uintptr(n)*size)
		}
		if err := d.value(sh.elem, ep, items); err != nil {
			return err
		}
	}
	if _, err := d.dec.ReadToken(); err != nil {
		return errText
	}
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
		return d.valueError(int(d.dec.InputOffset())-start, err)
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
