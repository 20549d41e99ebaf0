package juesuan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// jobj is a JSON object that keeps its keys in insertion order, so that the
// exported schemas read naturally (title before properties) and are
// byte-for-byte reproducible.
type jobj struct {
	keys []string
	m    map[string]any
}

func newObj() *jobj { return &jobj{m: map[string]any{}} }

// set adds or replaces k; a new key goes last.
func (o *jobj) set(k string, v any) *jobj {
	if _, ok := o.m[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.m[k] = v
	return o
}

func (o *jobj) get(k string) (any, bool) {
	v, ok := o.m[k]
	return v, ok
}

func (o *jobj) obj(k string) *jobj {
	v, _ := o.m[k].(*jobj)
	return v
}

func (o *jobj) str(k string) string {
	v, _ := o.m[k].(string)
	return v
}

func (o *jobj) del(k string) {
	if _, ok := o.m[k]; !ok {
		return
	}
	delete(o.m, k)
	for i, kk := range o.keys {
		if kk == k {
			o.keys = append(o.keys[:i], o.keys[i+1:]...)
			break
		}
	}
}

// rename replaces key from by to, keeping its position.
func (o *jobj) rename(from, to string) {
	v, ok := o.m[from]
	if !ok {
		return
	}
	delete(o.m, from)
	for i, k := range o.keys {
		if k == from {
			o.keys[i] = to
		}
	}
	o.m[to] = v
}

// clone deep-copies o.
func (o *jobj) clone() *jobj {
	c := &jobj{keys: append([]string(nil), o.keys...), m: make(map[string]any, len(o.m))}
	for k, v := range o.m {
		c.m[k] = cloneValue(v)
	}
	return c
}

func cloneValue(v any) any {
	switch v := v.(type) {
	case *jobj:
		return v.clone()
	case []any:
		c := make([]any, len(v))
		for i, e := range v {
			c[i] = cloneValue(e)
		}
		return c
	}
	return v
}

// order moves the given keys to the front, in that order; other keys keep
// their relative order after them.
func (o *jobj) order(first ...string) {
	var keys []string
	seen := map[string]bool{}
	for _, k := range first {
		if _, ok := o.m[k]; ok && !seen[k] {
			keys = append(keys, k)
			seen[k] = true
		}
	}
	for _, k := range o.keys {
		if !seen[k] {
			keys = append(keys, k)
		}
	}
	o.keys = keys
}

// keywordOrder is the order keywords are written in.
var keywordOrder = []string{
	"$schema", "$id", "$ref", "title", "description", "examples", "$comment", "type", "const", "enum",
	"minLength", "maxLength", "pattern", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "oneOf", "properties", "required",
	"additionalProperties", "items", "minItems", "maxItems", "allOf", "if", "then", "else",
	"$defs", "definitions",
}

// writeJSON writes v indented by two spaces, without HTML escaping, with a
// final newline.
func writeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := writeValue(&b, v, ""); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func writeValue(b *bytes.Buffer, v any, indent string) error {
	switch v := v.(type) {
	case *jobj:
		if len(v.keys) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteString("{\n")
		in := indent + "  "
		for i, k := range v.keys {
			b.WriteString(in)
			writeString(b, k)
			b.WriteString(": ")
			if err := writeValue(b, v.m[k], in); err != nil {
				return err
			}
			if i < len(v.keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent)
		b.WriteByte('}')
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return nil
		}
		if scalars(v) {
			// Short lists (required, examples) on one line.
			b.WriteByte('[')
			for i, e := range v {
				if i > 0 {
					b.WriteString(", ")
				}
				if err := writeValue(b, e, indent); err != nil {
					return err
				}
			}
			b.WriteByte(']')
			return nil
		}
		b.WriteString("[\n")
		in := indent + "  "
		for i, e := range v {
			b.WriteString(in)
			if err := writeValue(b, e, in); err != nil {
				return err
			}
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent)
		b.WriteByte(']')
	case []string:
		a := make([]any, len(v))
		for i, s := range v {
			a[i] = s
		}
		return writeValue(b, a, indent)
	case string:
		writeString(b, v)
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case int:
		b.WriteString(strconv.Itoa(v))
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case json.Number:
		b.WriteString(v.String())
	case float64:
		b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	default:
		return fmt.Errorf("juesuan: schema writer: unexpected %T", v)
	}
	return nil
}

func scalars(a []any) bool {
	for _, e := range a {
		switch e.(type) {
		case *jobj, []any, []string:
			return false
		}
	}
	return true
}

func writeString(b *bytes.Buffer, s string) {
	var sb bytes.Buffer
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(sb.Bytes(), []byte("\n")))
}
