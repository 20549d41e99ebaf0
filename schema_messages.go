package juesuan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
)

// MessagesLocale is the locale of the message catalogue: the only one.
const MessagesLocale = "zh-CN"

// Messages returns the zh-CN message catalogue of p's schema (nil p: the
// neutral schema) as indented JSON: the texts a form shows for a value the
// schema rejects, and the texts of DecodeError.Message. One source serves
// both, so a clerk reads the same sentence in the browser and from the
// server.
//
// The catalogue is keyed by keyword and schema location. Given an error of
// a JSON Schema validator (ajv's keyword, schemaPath and params; rjsf's
// transformErrors and JSON Forms' i18n translateError both receive them),
// the message is, first found:
//
//  1. locations[LOC][keyword], where LOC is the schemaPath without its
//     last token (the keyword), "#/definitions/" read as "#/$defs/", and,
//     for required, with "/properties/<missingProperty>" appended: a
//     missing table by its Chinese title, a constant by its value;
//  2. for pattern, patterns[params.pattern]: "金额格式不正确：应为数字，最多6位小数，如 630.78";
//  3. keywords[keyword], with {name} (params.additionalProperty: an
//     unknown field by its name), {limit} (params.limit), {value}
//     (params.allowedValue), {values} (params.allowedValues, each through
//     enums to its Chinese title, joined by 、) and {type} (params.type
//     through types) filled in.
//
// examples/form/src/messages.js implements this lookup.
func (p *Profile) Messages(locale string) ([]byte, error) {
	if locale != MessagesLocale {
		return nil, fmt.Errorf("%w: no messages for locale %q (want %s)", ErrSchema, locale, MessagesLocale)
	}
	if p != nil {
		if err := p.check(); err != nil {
			return nil, err
		}
	}
	c, err := buildMessages(p)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// messageCatalogue is the JSON form of Messages (encoding/json sorts the
// map keys, so the output is reproducible).
type messageCatalogue struct {
	Locale    string                       `json:"locale"`
	Keywords  map[string]string            `json:"keywords"`
	Types     map[string]string            `json:"types"`
	Patterns  map[string]string            `json:"patterns"`
	Enums     map[string]string            `json:"enums"`
	Locations map[string]map[string]string `json:"locations"`
}

// keywordMessages are the texts by keyword, with placeholders.
var keywordMessages = map[string]string{
	"required":             "缺少必填项",
	"additionalProperties": "不允许的字段：{name}",
	"type":                 "类型不正确：应为{type}",
	"enum":                 "应为以下之一：{values}",
	"const":                "应为 {value}，不可修改",
	"pattern":              "格式不正确",
	"minLength":            "不能为空，至少 {limit} 个字",
	"maxLength":            "最多 {limit} 个字",
	"minimum":              "不能小于 {limit}",
	"maximum":              "不能大于 {limit}",
	"exclusiveMinimum":     "应大于 {limit}",
	"exclusiveMaximum":     "应小于 {limit}",
	"minItems":             "至少 {limit} 行",
	"maxItems":             "最多 {limit} 行",
	"oneOf":                "取值不正确",
	"null":                 "不能为空值（null）；未填的项请留空",
	"duplicate-key":        "字段重复：{name}",
	"syntax":               "不是有效的 JSON 文档",
}

var typeNames = map[string]string{
	"string": "文字", "integer": "整数", "number": "数字", "object": "一组数据", "array": "列表", "boolean": "是或否", "null": "空值",
}

// patternMessages are the texts of the patterns of the leaf types.
func patternMessages() map[string]string {
	return map[string]string{
		amount.Pattern:                      amountMessage,
		classification.Functional.Pattern(): "科目编码格式不正确：应为3、5或7位数字，如 201、20101、2010101",
		classification.EconDept.Pattern():   "科目编码格式不正确：应为3或5位数字，如 301、30101",
	}
}

// buildMessages builds the catalogue of p's schema.
func buildMessages(p *Profile) (*messageCatalogue, error) {
	tree, err := buildSchema(p)
	if err != nil {
		return nil, err
	}
	c := &messageCatalogue{
		Locale:    MessagesLocale,
		Keywords:  keywordMessages,
		Types:     typeNames,
		Patterns:  patternMessages(),
		Enums:     enumTitles(),
		Locations: map[string]map[string]string{},
	}
	add := func(loc, kw, text string) {
		if c.Locations[loc] == nil {
			c.Locations[loc] = map[string]string{}
		}
		c.Locations[loc][kw] = text
	}
	defs := tree.obj("$defs")
	titleOf := func(s *jobj) string {
		if n, ok := strings.CutPrefix(s.str("$ref"), "#/$defs/"); ok && defs.obj(unescapeToken(n)) != nil {
			return defs.obj(unescapeToken(n)).str("title")
		}
		return s.str("title")
	}
	var walk func(o *jobj, at string) error
	walk = func(o *jobj, at string) error {
		props := o.obj("properties")
		if req, ok := o.get("required"); ok && props != nil {
			for _, r := range req.([]any) {
				name := r.(string)
				ps := props.obj(name)
				if ps == nil {
					continue
				}
				loc := at + "/properties/" + escapeToken(name)
				switch at {
				case "#/properties/tables":
					if name == "extra" {
						add(loc, "required", "缺少配置增加的报表")
					} else {
						add(loc, "required", "缺少报表："+titleOf(ps))
					}
				case "#/properties/tables/properties/extra":
					add(loc, "required", "缺少报表："+titleOf(ps))
				default:
					add(loc, "required", "缺少必填项：“"+titleOf(ps)+"”")
				}
			}
		}
		if at == "#/properties/tables" || at == "#/properties/tables/properties/extra" {
			if ap, _ := o.get("additionalProperties"); ap == false {
				add(at, "additionalProperties", "本配置没有报表：{name}")
			}
		}
		if v, ok := o.get("const"); ok {
			t := o.str("title")
			add(at, "const", fmt.Sprintf("%s应为 %v，不可修改", t, v))
		}
		return eachSubschema(o, at, walk)
	}
	walk(tree, "#")
	return c, nil
}

func unescapeToken(s string) string { return strings.NewReplacer("~1", "/", "~0", "~").Replace(s) }

// neutralMessages is the catalogue of the neutral schema, which
// DecodeError.Message reads (Decode knows no profile).
var neutralMessages = sync.OnceValues(func() (*messagesIndex, error) {
	c, err := buildMessages(nil)
	if err != nil {
		return nil, err
	}
	tree, err := buildSchema(nil)
	if err != nil {
		return nil, err
	}
	return &messagesIndex{c: c, tree: tree}, nil
})

type messagesIndex struct {
	c    *messageCatalogue
	tree *jobj
}

// schemaAt returns the schema location and the schema of the value at the
// instance pointer ptr in tree, following $ref into $defs as validators
// report it; ok is false when the schema has no place for the value.
func schemaAt(tree *jobj, ptr string) (loc string, s *jobj, ok bool) {
	loc, s = "#", tree
	deref := func() {
		for {
			n, has := strings.CutPrefix(s.str("$ref"), "#/$defs/")
			if !has {
				return
			}
			d := tree.obj("$defs").obj(unescapeToken(n))
			if d == nil {
				return
			}
			loc, s = "#/$defs/"+n, d
		}
	}
	deref()
	if ptr == "" {
		return loc, s, true
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = unescapeToken(tok)
		switch {
		case s.obj("properties") != nil && s.obj("properties").obj(tok) != nil:
			loc, s = loc+"/properties/"+escapeToken(tok), s.obj("properties").obj(tok)
		case s.obj("items") != nil:
			loc, s = loc+"/items", s.obj("items")
		case s.obj("additionalProperties") != nil:
			loc, s = loc+"/additionalProperties", s.obj("additionalProperties")
		default:
			return loc, s, false
		}
		deref()
	}
	return loc, s, true
}

// fill replaces the placeholders of a keyword text.
func (c *messageCatalogue) fill(text string, params map[string]string) string {
	for k, v := range params {
		text = strings.ReplaceAll(text, "{"+k+"}", v)
	}
	return text
}

// lookup is the catalogue's lookup (see Profile.Messages).
func (c *messageCatalogue) lookup(loc, keyword string, params map[string]string) string {
	if m := c.Locations[loc]; m != nil && m[keyword] != "" {
		return c.fill(m[keyword], params)
	}
	if keyword == "pattern" && c.Patterns[params["pattern"]] != "" {
		return c.Patterns[params["pattern"]]
	}
	if t := c.Keywords[keyword]; t != "" {
		return c.fill(t, params)
	}
	return ""
}

// Message returns the Chinese message of the error for a clerk, from the
// same catalogue as the forms' (Profile.Messages): for a bad amount
// "金额格式不正确：应为数字，最多6位小数，如 630.78", for a missing field its
// title, for an unknown field its name. Error includes it.
func (e *DecodeError) Message() string {
	idx, err := neutralMessages()
	if err != nil {
		return ""
	}
	return idx.message(e)
}

func (idx *messagesIndex) message(e *DecodeError) string {
	c := idx.c
	parent, last := e.Pointer, ""
	if i := strings.LastIndexByte(e.Pointer, '/'); i >= 0 {
		parent, last = e.Pointer[:i], unescapeToken(e.Pointer[i+1:])
	}
	switch e.Rule {
	case "required":
		if loc, _, ok := schemaAt(idx.tree, e.Pointer); ok {
			return c.lookup(loc, "required", nil)
		}
		return c.Keywords["required"]
	case "unknown-field":
		loc, _, _ := schemaAt(idx.tree, parent)
		return c.lookup(loc, "additionalProperties", map[string]string{"name": clipBytes([]byte(last))})
	case "duplicate-key":
		return c.fill(c.Keywords["duplicate-key"], map[string]string{"name": clipBytes([]byte(last))})
	case "null":
		return c.Keywords["null"]
	case "type":
		loc, s, ok := schemaAt(idx.tree, e.Pointer)
		if !ok {
			return ""
		}
		return c.lookup(loc, "type", map[string]string{"type": typeNames[s.str("type")]})
	case "value":
		loc, s, ok := schemaAt(idx.tree, e.Pointer)
		if !ok {
			return ""
		}
		if p := s.str("pattern"); p != "" && c.Patterns[p] != "" {
			return c.Patterns[p]
		}
		if vals, ok := s.get("enum"); ok {
			var names []string
			for _, v := range vals.([]any) {
				n := fmt.Sprint(v)
				if t := c.Enums[n]; t != "" {
					n = t
				}
				names = append(names, n)
			}
			return c.fill(c.Keywords["enum"], map[string]string{"values": strings.Join(names, "、")})
		}
		cause := e.Err.Error()
		for _, kw := range slices.Sorted(maps.Keys(keywordMessages)) {
			if !strings.HasSuffix(cause, "("+kw+")") {
				continue
			}
			v, _ := s.get(kw)
			return c.lookup(loc, kw, map[string]string{"limit": jsonText(v)})
		}
		if strings.Contains(cause, "out of range") || strings.Contains(cause, "negative") {
			return "数值超出范围"
		}
		return "取值不正确"
	case "syntax":
		return c.Keywords["syntax"]
	}
	return ""
}

func jsonText(v any) string {
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10)
	case int:
		return strconv.Itoa(v)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
