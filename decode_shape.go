package juesuan

import (
	"bytes"
	"encoding"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json"
)

// node is what the scan pass knows of a Go type: the members of a struct
// (to check required keys and tag constraints) and the element type of a
// slice, array or map. Everything else (which keys exist, the JSON types,
// the leaf values) json.Unmarshal checks. A nil node checks nothing.
type node struct {
	members  map[string]*member
	required []string // the required members, in field order
	elem     *node
	list     bool // slice or array
}

type member struct {
	node *node
	bit  uint64 // 1<<i for the i-th required member, else 0
	cons *constraints
}

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	fromUnmarshalerType = reflect.TypeFor[json.UnmarshalerFrom]()
)

// buildNode returns the node of t; recursive types share their nodes.
func buildNode(t reflect.Type, seen map[reflect.Type]*node) *node {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n, ok := seen[t]; ok {
		return n
	}
	if pt := reflect.PointerTo(t); pt.Implements(textUnmarshalerType) || pt.Implements(jsonUnmarshalerType) ||
		pt.Implements(fromUnmarshalerType) {
		return nil
	}
	n := &node{}
	seen[t] = n
	switch t.Kind() {
	case reflect.Struct:
		n.members = map[string]*member{}
		type found struct {
			name     string
			depth    int
			required bool
			m        *member
		}
		var all []found
		var walk func(t reflect.Type, depth int)
		walk = func(t reflect.Type, depth int) {
			for i := range t.NumField() {
				sf := t.Field(i)
				tag := sf.Tag.Get("json")
				name, opts, _ := strings.Cut(tag, ",")
				ft := sf.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				switch {
				case tag == "-":
				case sf.Anonymous && name == "" && ft.Kind() == reflect.Struct:
					walk(ft, depth+1) // inlined, as json does
				case sf.IsExported():
					if name == "" {
						name = sf.Name
					}
					required := !strings.Contains(","+opts+",", ",omitempty,") && !strings.Contains(","+opts+",", ",omitzero,")
					m := &member{node: buildNode(sf.Type, seen), cons: parseConstraints(sf.Tag.Get("jsonschema"), sf.Type)}
					all = append(all, found{name, depth, required, m})
				}
			}
		}
		walk(t, 0)
		// The shallowest field of a name wins; a tie hides the name.
		type pick struct{ i, depth int }
		best := map[string]pick{}
		for i, f := range all {
			if p, ok := best[f.name]; !ok || f.depth < p.depth {
				best[f.name] = pick{i, f.depth}
			} else if f.depth == p.depth {
				best[f.name] = pick{-1, f.depth}
			}
		}
		for i, f := range all {
			if best[f.name].i != i {
				continue
			}
			if f.required {
				if len(n.required) == 64 {
					panic("juesuan: more than 64 required fields in " + t.String())
				}
				f.m.bit = 1 << len(n.required)
				n.required = append(n.required, f.name)
			}
			n.members[f.name] = f.m
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil // base64
		}
		n.list = true
		n.elem = buildNode(t.Elem(), seen)
	case reflect.Map:
		n.elem = buildNode(t.Elem(), seen)
	default:
		return nil
	}
	return n
}

// constraints are the validation keywords of a field's jsonschema tag that
// the exported JSON Schema carries, enforced so that Go and the schema agree.
// For a slice field, items holds the keywords that apply to its elements.
type constraints struct {
	// strings (code points)
	minLength, maxLength int // -1: none
	pattern              *regexp.Regexp
	patternSrc           string
	enum                 []string
	// numbers
	minimum, maximum, exclusiveMinimum, exclusiveMaximum *float64
	// arrays
	minItems, maxItems int // -1: none
	items              *constraints
}

// parseConstraints reads the keywords that apply to a value of shape sh, as
// invopop/jsonschema does: string keywords for strings, numeric keywords for
// numbers, minItems/maxItems for arrays and the rest for their items.
func parseConstraints(tag string, t reflect.Type) *constraints {
	if tag == "" {
		return nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	kind := t.Kind()
	switch {
	case reflect.PointerTo(t).Implements(textUnmarshalerType):
		kind = reflect.String
	case kind >= reflect.Int && kind <= reflect.Float64:
		kind = reflect.Float64
	case kind == reflect.Array:
		kind = reflect.Slice
	}
	c := &constraints{minLength: -1, maxLength: -1, minItems: -1, maxItems: -1}
	var rest []string
	set := false
	for _, kv := range splitTag(tag) {
		name, val, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		switch kind {
		case reflect.String:
			switch name {
			case "minLength":
				c.minLength, set = atoiOr(val, -1), true
			case "maxLength":
				c.maxLength, set = atoiOr(val, -1), true
			case "pattern":
				if re, err := regexp.Compile(val); err == nil {
					c.pattern, c.patternSrc, set = re, val, true
				}
			case "enum":
				c.enum, set = append(c.enum, val), true
			}
		case reflect.Float64:
			f, err := strconv.ParseFloat(val, 64)
			if err != nil {
				continue // invopop drops a value that is not a number
			}
			switch name {
			case "minimum":
				c.minimum, set = &f, true
			case "maximum":
				c.maximum, set = &f, true
			case "exclusiveMinimum":
				c.exclusiveMinimum, set = &f, true
			case "exclusiveMaximum":
				c.exclusiveMaximum, set = &f, true
			case "enum":
				c.enum, set = append(c.enum, val), true
			}
		case reflect.Slice:
			switch name {
			case "minItems":
				c.minItems, set = atoiOr(val, -1), true
			case "maxItems":
				c.maxItems, set = atoiOr(val, -1), true
			default:
				rest = append(rest, kv)
			}
		}
	}
	if len(rest) > 0 {
		c.items = parseConstraints(strings.Join(escapeCommas(rest), ","), t.Elem())
		set = set || c.items != nil
	}
	if !set {
		return nil
	}
	return c
}

func escapeCommas(parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = strings.ReplaceAll(p, ",", `\,`)
	}
	return out
}

// splitTag splits a jsonschema tag on commas not preceded by a backslash, as
// invopop/jsonschema does.
func splitTag(tag string) []string {
	parts := strings.Split(tag, ",")
	out := []string{parts[0]}
	for _, p := range parts[1:] {
		last := out[len(out)-1]
		if last != "" && last[len(last)-1] == '\\' {
			out[len(out)-1] = last[:len(last)-1] + "," + p
			continue
		}
		out = append(out, p)
	}
	return out
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return def
	}
	return n
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
		return fmt.Errorf("%q does not match %s (pattern)", clip(string(s)), c.patternSrc)
	}
	if len(c.enum) > 0 {
		for _, e := range c.enum {
			if e == string(s) {
				return nil
			}
		}
		return fmt.Errorf("%q is not one of %q (enum)", clip(string(s)), c.enum)
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
		return fmt.Errorf("%s is less than %v (minimum)", num, *c.minimum)
	case c.maximum != nil && f > *c.maximum:
		return fmt.Errorf("%s is greater than %v (maximum)", num, *c.maximum)
	case c.exclusiveMinimum != nil && f <= *c.exclusiveMinimum:
		return fmt.Errorf("%s is not greater than %v (exclusiveMinimum)", num, *c.exclusiveMinimum)
	case c.exclusiveMaximum != nil && f >= *c.exclusiveMaximum:
		return fmt.Errorf("%s is not less than %v (exclusiveMaximum)", num, *c.exclusiveMaximum)
	}
	if len(c.enum) > 0 {
		for _, e := range c.enum {
			if x, err := strconv.ParseFloat(e, 64); err == nil && x == f {
				return nil
			}
		}
		return fmt.Errorf("%s is not one of %v (enum)", num, c.enum)
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
	if bytes.IndexAny(num, ".eE") < 0 {
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
