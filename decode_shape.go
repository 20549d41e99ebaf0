package juesuan

import (
	"cmp"
	"encoding"
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/go-json-experiment/json/jsontext"
)

// The strict decoder is driven by a shape: what each Go type of Document
// accepts, derived once by reflection with the rules of encoding/json (json
// tags, embedded structs flattened, the dominant field wins) plus the
// strictness of DecodeOptions (required fields, tag constraints).

type shapeKind uint8

const (
	kUnsupported shapeKind = iota // a Go type Document does not use: chan, func, interface, []byte
	kPtr                          // pointer: allocate, then decode the element
	kStruct                       // object with the struct's fields
	kMap                          // object with any keys
	kSlice                        // array
	kArray                        // array of exactly n elements
	kString                       // string
	kBool                         // true or false
	kInt                          // number without fraction or exponent, in range
	kUint                         // non-negative number without fraction or exponent, in range
	kFloat                        // any number, in range
	kText                         // string accepted by the type's UnmarshalText
	kJSON                         // value accepted by the type's UnmarshalJSON
)

// shape is what one Go type accepts.
type shape struct {
	kind     shapeKind
	typ      reflect.Type
	elem     *shape        // kPtr, kSlice, kArray, kMap (the value)
	key      shapeKind     // kMap: kString, kText, kInt or kUint
	n        int           // kArray: length
	bits     int           // kInt, kUint, kFloat: size
	jsonKind jsontext.Kind // kJSON: the JSON type the value must have ('"', '0', …), 0 for any

	fields   []field        // kStruct
	byName   map[string]int // kStruct: JSON key → index into fields
	required []int          // kStruct: indices of required fields
}

// field is one JSON key of a struct.
type field struct {
	name     string
	quoted   []byte  // name as a JSON string, which it is without escapes
	index    []int   // path through embedded structs, as reflect.Value.FieldByIndex
	offset   uintptr // from the start of the struct, unless viaPtr
	viaPtr   bool    // the path passes an embedded struct pointer
	shape    *shape
	required bool
	cons     *constraints
}

// jsonKinds names the JSON type a json.Unmarshaler leaf takes, where it is
// known; a value of another type is then reported as "type", not "value".
var jsonKinds = map[reflect.Type]jsontext.Kind{
	reflect.TypeFor[amount.Count](): '0',
	reflect.TypeFor[time.Time]():    '"',
}

var (
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

type shapeBuilder struct {
	seen map[reflect.Type]*shape
}

func newShapeBuilder() *shapeBuilder { return &shapeBuilder{seen: map[reflect.Type]*shape{}} }

// build returns the shape of t; recursive types share their shapes.
func (b *shapeBuilder) build(t reflect.Type) *shape {
	if s, ok := b.seen[t]; ok {
		return s
	}
	s := &shape{typ: t}
	b.seen[t] = s
	switch {
	case t.Kind() == reflect.Pointer:
		s.kind = kPtr
		s.elem = b.build(t.Elem())
		return s
	case reflect.PointerTo(t).Implements(jsonUnmarshalerType):
		s.kind = kJSON
		s.jsonKind = jsonKinds[t]
		return s
	case reflect.PointerTo(t).Implements(textUnmarshalerType):
		s.kind = kText
		return s
	}
	switch t.Kind() {
	case reflect.Struct:
		s.kind = kStruct
		b.structFields(s)
	case reflect.Map:
		kt := t.Key()
		switch {
		case reflect.PointerTo(kt).Implements(textUnmarshalerType):
			s.key = kText
		case kt.Kind() == reflect.String:
			s.key = kString
		case isIntKind(kt.Kind()):
			s.key = kInt
		case isUintKind(kt.Kind()):
			s.key = kUint
		default:
			s.kind = kUnsupported
			return s
		}
		s.kind = kMap
		s.elem = b.build(t.Elem())
	case reflect.Slice:
		if et := t.Elem(); et.Kind() == reflect.Uint8 && !reflect.PointerTo(et).Implements(jsonUnmarshalerType) &&
			!reflect.PointerTo(et).Implements(textUnmarshalerType) {
			return s // []byte, base64 in a string: kUnsupported
		}
		s.kind = kSlice
		s.elem = b.build(t.Elem())
	case reflect.Array:
		s.kind = kArray
		s.n = t.Len()
		s.elem = b.build(t.Elem())
	case reflect.String:
		s.kind = kString
	case reflect.Bool:
		s.kind = kBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s.kind, s.bits = kInt, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		s.kind, s.bits = kUint, t.Bits()
	case reflect.Float32, reflect.Float64:
		s.kind, s.bits = kFloat, t.Bits()
	}
	return s
}

func isIntKind(k reflect.Kind) bool { return k >= reflect.Int && k <= reflect.Int64 }

func isUintKind(k reflect.Kind) bool { return k >= reflect.Uint && k <= reflect.Uintptr }

// structFields collects the JSON keys of s.typ as encoding/json does for
// the types of Document: the fields of an embedded struct without a json
// name are promoted; of several fields with one name the shallowest wins, a
// tagged one among equals, and a tie hides the name.
func (b *shapeBuilder) structFields(s *shape) {
	type cand struct {
		name   string
		tagged bool
		index  []int
		sf     reflect.StructField
	}
	var found []cand
	onPath := map[reflect.Type]bool{}
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		if onPath[t] {
			return // an embedded struct that embeds itself
		}
		onPath[t] = true
		defer delete(onPath, t)
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("json")
			name, _, _ := strings.Cut(tag, ",")
			if !validTagName(name) {
				name = ""
			}
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch idx := append(slices.Clip(index), i); {
			case tag == "-":
			case sf.Anonymous && name == "" && ft.Kind() == reflect.Struct:
				if sf.IsExported() || sf.Type.Kind() != reflect.Pointer {
					walk(ft, idx)
				}
			case sf.IsExported():
				found = append(found, cand{name: cmp.Or(name, sf.Name), tagged: name != "", index: idx, sf: sf})
			}
		}
	}
	walk(s.typ, nil)
	// Keep the dominant field of each name, in field order.
	best := map[string]int{}
	for i, c := range found {
		j, ok := best[c.name]
		switch {
		case !ok:
			best[c.name] = i
		case j >= 0 && (len(c.index) < len(found[j].index) || len(c.index) == len(found[j].index) && c.tagged && !found[j].tagged):
			best[c.name] = i
		case j >= 0 && len(c.index) == len(found[j].index) && c.tagged == found[j].tagged:
			best[c.name] = -1 - j // a tie, unless a shallower one comes
		case j < 0 && (len(c.index) < len(found[-1-j].index) ||
			len(c.index) == len(found[-1-j].index) && c.tagged && !found[-1-j].tagged):
			best[c.name] = i
		}
	}
	var kept []cand
	for i, c := range found {
		if best[c.name] == i {
			kept = append(kept, c)
		}
	}
	s.fields = make([]field, len(kept))
	s.byName = make(map[string]int, len(kept))
	for i, c := range kept {
		_, opts, _ := strings.Cut(c.sf.Tag.Get("json"), ",")
		f := field{name: c.name, quoted: []byte(`"` + c.name + `"`), index: c.index, shape: b.build(c.sf.Type)}
		for t, k := s.typ, 0; k < len(c.index); k++ {
			if t.Kind() == reflect.Pointer {
				f.viaPtr = true
				t = t.Elem()
			}
			f.offset += t.Field(c.index[k]).Offset
			t = t.Field(c.index[k]).Type
		}
		f.required = !hasOption(opts, "omitempty") && !hasOption(opts, "omitzero")
		f.cons = parseConstraints(c.sf.Tag.Get("jsonschema"), f.shape)
		s.fields[i] = f
		s.byName[c.name] = i
		if f.required {
			s.required = append(s.required, i)
		}
	}
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// validTagName mirrors encoding/json: a json name of other characters is
// ignored and the Go field name used instead.
func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
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
func parseConstraints(tag string, sh *shape) *constraints {
	if tag == "" {
		return nil
	}
	for sh.kind == kPtr {
		sh = sh.elem
	}
	c := &constraints{minLength: -1, maxLength: -1, minItems: -1, maxItems: -1}
	var rest []string
	set := false
	for _, kv := range splitTag(tag) {
		name, val, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		switch sh.kind {
		case kString, kText:
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
		case kInt, kUint, kFloat:
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
		case kSlice, kArray:
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
		c.items = parseConstraints(strings.Join(escapeCommas(rest), ","), sh.elem)
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
