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
)

// The second pass walks the input, which the first pass found to be
// well-formed JSON, along the shape of Document: it checks keys, types,
// required fields and leaf values, and fills the Go value as it goes.

type valueDecoder struct {
	data []byte
	i    int
	path []token
}

func (d *valueDecoder) decode(sh *shape, v reflect.Value) *DecodeError {
	d.ws()
	return d.value(sh, v, nil)
}

func (d *valueDecoder) ws() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *valueDecoder) fail(rule string, sentinel error, format string, args ...any) *DecodeError {
	return newDecodeError(rule, pointerOf(d.path), d.i, sentinel, format, args...)
}

// failKey reports a problem with key name of the object at d.path.
func (d *valueDecoder) failKey(rule string, at int, name string, sentinel error, format string, args ...any) *DecodeError {
	d.path = append(d.path, token{name: name, idx: -1})
	e := newDecodeError(rule, pointerOf(d.path), at, sentinel, format, args...)
	d.path = d.path[:len(d.path)-1]
	return e
}

func (d *valueDecoder) typeError(want string) *DecodeError {
	return d.fail("type", ErrType, "want %s, got %s", want, jsonTypeName(d.data[d.i]))
}

func (d *valueDecoder) valueError(err error) *DecodeError {
	return &DecodeError{Pointer: pointerOf(d.path), Rule: "value", Offset: int64(d.i),
		Err: fmt.Errorf("%w: %w", ErrValue, err)}
}

func jsonTypeName(c byte) string {
	switch c {
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

// value decodes the value at d.i into v, which has shape sh; cons are the
// field's tag constraints.
func (d *valueDecoder) value(sh *shape, v reflect.Value, cons *constraints) *DecodeError {
	c := d.data[d.i]
	if c == 'n' {
		return d.fail("null", ErrNull, "null is not allowed; leave the field out")
	}
	switch sh.kind {
	case kPtr:
		if v.IsNil() {
			v.Set(reflect.New(sh.typ.Elem()))
		}
		return d.value(sh.elem, v.Elem(), cons)
	case kStruct:
		return d.object(sh, v)
	case kMap:
		return d.mapObject(sh, v)
	case kSlice, kArray:
		return d.array(sh, v, cons)
	case kString:
		if c != '"' {
			return d.typeError("string")
		}
		start := d.i
		s := d.str()
		if err := cons.checkString(s); err != nil {
			d.i = start
			return d.valueError(err)
		}
		v.SetString(string(s))
	case kText:
		if c != '"' {
			return d.typeError("string")
		}
		start := d.i
		s := d.str()
		end := d.i
		d.i = start
		if err := cons.checkString(s); err != nil {
			return d.valueError(err)
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
			return d.valueError(err)
		}
		d.i = end
	case kBool:
		switch c {
		case 't':
			v.SetBool(true)
			d.i += 4
		case 'f':
			v.SetBool(false)
			d.i += 5
		default:
			return d.typeError("boolean")
		}
	case kInt, kUint, kFloat:
		if c != '-' && (c < '0' || c > '9') {
			return d.typeError("number")
		}
		start := d.i
		num := d.number()
		end := d.i
		d.i = start
		if err := d.setNumber(sh, v, num, cons); err != nil {
			return err
		}
		d.i = end
	case kJSON:
		if want := sh.jsonKind; want != 0 && kindByte(c) != want {
			return d.typeError(kindName(want))
		}
		start := d.i
		raw := d.skip()
		end := d.i
		d.i = start
		if sh.jsonKind == 'n' {
			// A leaf that takes a number gets an integral one in plain
			// digits, as JSON Schema's "integer" admits 1.0 and 1e2.
			if canon, ok := integerText(raw); ok {
				raw = []byte(canon)
			}
		}
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			return d.valueError(err)
		}
		d.i = end
	default:
		return d.fail("type", ErrType, "the Go type %s cannot be decoded from JSON", sh.typ)
	}
	return nil
}

// kindByte classifies a value by its first byte.
func kindByte(c byte) byte {
	switch c {
	case '{':
		return 'o'
	case '[':
		return 'a'
	case '"':
		return 's'
	case 't', 'f':
		return 'b'
	}
	return 'n'
}

func kindName(k byte) string {
	switch k {
	case 'o':
		return "object"
	case 'a':
		return "array"
	case 's':
		return "string"
	case 'b':
		return "boolean"
	}
	return "number"
}

func (d *valueDecoder) setNumber(sh *shape, v reflect.Value, num []byte, cons *constraints) *DecodeError {
	var f float64
	switch sh.kind {
	case kInt:
		canon, ok := integerText(num)
		if !ok {
			return d.typeError("integer")
		}
		n, err := strconv.ParseInt(canon, 10, sh.bits)
		if err != nil {
			return d.valueError(fmt.Errorf("integer %s out of range", clipBytes(num)))
		}
		v.SetInt(n)
		f = float64(n)
	case kUint:
		canon, ok := integerText(num)
		if !ok {
			return d.typeError("integer")
		}
		if canon[0] == '-' {
			return d.valueError(fmt.Errorf("integer %s is negative", clipBytes(num)))
		}
		n, err := strconv.ParseUint(canon, 10, sh.bits)
		if err != nil {
			return d.valueError(fmt.Errorf("integer %s out of range", clipBytes(num)))
		}
		v.SetUint(n)
		f = float64(n)
	default:
		x, err := strconv.ParseFloat(string(num), sh.bits)
		if err != nil || math.IsInf(x, 0) {
			return d.valueError(fmt.Errorf("number %s out of range", clipBytes(num)))
		}
		v.SetFloat(x)
		f = x
	}
	if err := cons.checkNumber(f, num); err != nil {
		return d.valueError(err)
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

// object decodes a JSON object into the struct v.
func (d *valueDecoder) object(sh *shape, v reflect.Value) *DecodeError {
	if d.data[d.i] != '{' {
		return d.typeError("object")
	}
	var seen uint64
	var seenMore []bool
	if len(sh.fields) > 64 {
		seenMore = make([]bool, len(sh.fields))
	}
	isSeen := func(i int) bool {
		if seenMore != nil {
			return seenMore[i]
		}
		return seen&(1<<uint(i)) != 0
	}
	d.i++
	d.ws()
	if d.data[d.i] == '}' {
		d.i++
	} else {
		for {
			at := d.i
			key := d.str()
			fi, ok := sh.byName[string(key)]
			if !ok {
				d.i = at
				if len(sh.fields) == 0 {
					return d.failKey("unknown-field", at, string(key), ErrUnknownField, "%q: this object takes no keys", clipBytes(key))
				}
				return d.failKey("unknown-field", at, string(key), ErrUnknownField, "%q is not a key of %s", clipBytes(key), typeLabel(sh.typ))
			}
			if isSeen(fi) {
				d.i = at
				return d.failKey("duplicate-key", at, sh.fields[fi].name, ErrDuplicateKey, "%q given twice", clipBytes(key))
			}
			if seenMore != nil {
				seenMore[fi] = true
			} else {
				seen |= 1 << uint(fi)
			}
			d.ws()
			d.i++ // ':'
			d.ws()
			f := &sh.fields[fi]
			var fv reflect.Value
			if f.direct {
				fv = v.Field(f.index[0])
			} else {
				fv = fieldByIndex(v, f.index)
			}
			d.path = append(d.path, token{name: f.name, idx: -1})
			if err := d.value(f.shape, fv, f.cons); err != nil {
				return err
			}
			d.path = d.path[:len(d.path)-1]
			d.ws()
			if d.data[d.i] == '}' {
				d.i++
				break
			}
			d.i++ // ','
			d.ws()
		}
	}
	for _, ri := range sh.required {
		if !isSeen(ri) {
			return d.failKey("required", d.i-1, sh.fields[ri].name, ErrRequired, "%q is required in %s", sh.fields[ri].name, typeLabel(sh.typ))
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
func (d *valueDecoder) mapObject(sh *shape, v reflect.Value) *DecodeError {
	if d.data[d.i] != '{' {
		return d.typeError("object")
	}
	t := sh.typ
	if v.IsNil() {
		v.Set(reflect.MakeMap(t))
	}
	d.i++
	d.ws()
	if d.data[d.i] == '}' {
		d.i++
		return nil
	}
	for {
		at := d.i
		key := d.str()
		kv := reflect.New(t.Key()).Elem()
		var kerr error
		switch sh.key {
		case kText:
			kerr = kv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(key)
		case kString:
			kv.SetString(string(key))
		case kInt:
			var n int64
			if n, kerr = strconv.ParseInt(string(key), 10, t.Key().Bits()); kerr == nil {
				kv.SetInt(n)
			}
		case kUint:
			var n uint64
			if n, kerr = strconv.ParseUint(string(key), 10, t.Key().Bits()); kerr == nil {
				kv.SetUint(n)
			}
		}
		if kerr != nil {
			d.i = at
			d.path = append(d.path, token{name: string(key), idx: -1})
			e := d.valueError(fmt.Errorf("key: %w", kerr))
			d.path = d.path[:len(d.path)-1]
			return e
		}
		if v.MapIndex(kv).IsValid() {
			d.i = at
			return d.failKey("duplicate-key", at, string(key), ErrDuplicateKey, "%q given twice", clipBytes(key))
		}
		d.ws()
		d.i++ // ':'
		d.ws()
		ev := reflect.New(t.Elem()).Elem()
		d.path = append(d.path, token{name: string(key), idx: -1})
		if err := d.value(sh.elem, ev, nil); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		v.SetMapIndex(kv, ev)
		d.ws()
		if d.data[d.i] == '}' {
			d.i++
			return nil
		}
		d.i++ // ','
		d.ws()
	}
}

// array decodes a JSON array into the slice or array v.
func (d *valueDecoder) array(sh *shape, v reflect.Value, cons *constraints) *DecodeError {
	if d.data[d.i] != '[' {
		return d.typeError("array")
	}
	start := d.i
	var items *constraints
	if cons != nil {
		items = cons.items
	}
	slice := sh.kind == kSlice
	if slice {
		v.SetLen(0)
	}
	d.i++
	d.ws()
	n := 0
	if d.data[d.i] == ']' {
		d.i++
	} else {
		for {
			var ev reflect.Value
			if slice {
				if n == v.Cap() {
					v.Grow(1)
				}
				v.SetLen(n + 1)
				ev = v.Index(n)
				ev.SetZero()
			} else {
				if n >= sh.n {
					return d.valueError(fmt.Errorf("more than %d elements", sh.n))
				}
				ev = v.Index(n)
			}
			d.path = append(d.path, token{idx: n})
			if err := d.value(sh.elem, ev, items); err != nil {
				return err
			}
			d.path = d.path[:len(d.path)-1]
			n++
			d.ws()
			if d.data[d.i] == ']' {
				d.i++
				break
			}
			d.i++ // ','
			d.ws()
		}
	}
	end := d.i
	d.i = start
	if !slice && n != sh.n {
		return d.valueError(fmt.Errorf("%d elements, want %d", n, sh.n))
	}
	if slice && v.IsNil() {
		v.Set(reflect.MakeSlice(sh.typ, 0, 0))
	}
	if err := cons.checkItems(n); err != nil {
		return d.valueError(err)
	}
	d.i = end
	return nil
}

// str reads the string at d.i and returns its content, escapes resolved.
func (d *valueDecoder) str() []byte {
	data := d.data
	start := d.i + 1
	i := start
	for {
		k := bytes.IndexByte(data[i:], '"')
		if k < 0 { // cannot happen after the first pass
			d.i = len(data)
			return data[start:]
		}
		i += k
		// Count the backslashes before the quote.
		b := i - 1
		for b >= start && data[b] == '\\' {
			b--
		}
		if (i-1-b)%2 == 0 {
			break
		}
		i++
	}
	d.i = i + 1
	raw := data[start:i]
	if bytes.IndexByte(raw, '\\') >= 0 {
		return unquote(raw)
	}
	return raw
}

// number reads the number at d.i.
func (d *valueDecoder) number() []byte {
	start := d.i
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case '-', '+', '.', 'e', 'E', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			d.i++
			continue
		}
		break
	}
	return d.data[start:d.i]
}

// skip moves past the value at d.i and returns its bytes.
func (d *valueDecoder) skip() []byte {
	start := d.i
	depth := 0
	for d.i < len(d.data) {
		switch c := d.data[d.i]; c {
		case '"':
			d.str()
		case '{', '[':
			depth++
			d.i++
		case '}', ']':
			depth--
			d.i++
		case ',', ':', ' ', '\t', '\n', '\r':
			d.i++
		default:
			if depth == 0 {
				// A scalar: numbers and literals end at a delimiter.
				for d.i < len(d.data) && !isDelim(d.data[d.i]) {
					d.i++
				}
				return d.data[start:d.i]
			}
			d.i++
		}
		if depth == 0 {
			return d.data[start:d.i]
		}
	}
	return d.data[start:d.i]
}

func isDelim(c byte) bool {
	switch c {
	case ',', ':', '}', ']', '"', '{', '[', ' ', '\t', '\n', '\r':
		return true
	}
	return false
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
	i := 0
	neg := num[0] == '-'
	if neg {
		i++
	}
	// The mantissa's digits without the point; exp counts the places the
	// point moves right.
	mant := make([]byte, 0, len(num))
	exp := 0
	for ; i < len(num) && num[i] != 'e' && num[i] != 'E'; i++ {
		if num[i] == '.' {
			exp = -(len(num) - i - 1) // digits after the point, corrected below
			continue
		}
		mant = append(mant, num[i])
	}
	if exp < 0 {
		exp += len(num) - i // the exponent part is not fraction digits
	}
	if i < len(num) {
		i++ // 'e'
		eneg := false
		if num[i] == '+' || num[i] == '-' {
			eneg = num[i] == '-'
			i++
		}
		e := 0
		for ; i < len(num); i++ {
			if e < 1e9 {
				e = e*10 + int(num[i]-'0')
			}
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	// Strip leading zeros, then trailing zeros into the exponent.
	k := 0
	for k < len(mant) && mant[k] == '0' {
		k++
	}
	mant = mant[k:]
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
	out := make([]byte, 0, 1+len(mant)+exp)
	if neg {
		out = append(out, '-')
	}
	out = append(out, mant...)
	for range exp {
		out = append(out, '0')
	}
	return string(out), true
}
