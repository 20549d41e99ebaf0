package juesuan

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeErrorMessage: the decoder's Chinese messages are the
// catalogue's texts: an amount, a missing field by title, an unknown field
// by name, an enum with the Chinese names of its values.
func TestDecodeErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		name, in, rule, want string
	}{
		{"amount", income(`"12a"`), "value", "金额格式不正确：应为数字，最多6位小数，如 630.78"},
		{"seven decimals", income(`"12.1234567"`), "value", "金额格式不正确：应为数字，最多6位小数，如 630.78"},
		{"amount as number", income(`12`), "type", "类型不正确：应为文字"},
		{"unknown field", withRoot(`"tabels":{}`), "unknown-field", "不允许的字段：tabels"},
		{"missing unit name", withUnit(`"fiscalYear":2020,"amountUnit":"元"`), "required", "缺少必填项：“单位名称”"},
		{"unit", withUnit(`"name":"单位","fiscalYear":2020,"amountUnit":"千元"`), "value", "应为以下之一：万元、元"},
		{"year", withUnit(`"name":"单位","fiscalYear":1999,"amountUnit":"元"`), "value", "不能小于 2000"},
		{"code", gbRow(`{"code":"20"}`), "value", "科目编码格式不正确：应为3、5或7位数字，如 201、20101、2010101"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeBytes([]byte(tc.in))
			var de *DecodeError
			if !errors.As(err, &de) || de.Rule != tc.rule {
				t.Fatalf("err = %v, want rule %s", clipErr(err), tc.rule)
			}
			if d := cmp.Diff(tc.want, de.Message()); d != "" {
				t.Errorf("Message (-want +got):\n%s", d)
			}
		})
	}
}

// TestMessagesCatalogue: the catalogue holds the forms' texts, keyed by
// keyword and schema location, and the same texts as the decoder.
func TestMessagesCatalogue(t *testing.T) {
	p, err := LookupProfile(Sichuan2020)
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Messages("zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	var c messageCatalogue
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{
		"missing table":        c.Locations["#/properties/tables/properties/govFund"]["required"],
		"table not in profile": c.Locations["#/properties/tables"]["additionalProperties"],
		"profile":              c.Locations["#/properties/profile"]["const"],
		"partial 三公":           c.Locations["#/$defs/threePublic/properties/budget"]["required"],
		"amount":               c.lookup("#/$defs/summary/properties/income/properties/total", "pattern", map[string]string{"pattern": mustPattern(t, p)}),
		"unknown field":        c.lookup("#/$defs/summary", "additionalProperties", map[string]string{"name": "totl"}),
	}
	want := map[string]string{
		"missing table":        "缺少报表：政府性基金预算财政拨款收入支出决算表",
		"table not in profile": "本配置没有报表：{name}",
		"profile":              "配置应为 sichuan-2020，不可修改",
		"partial 三公":           "缺少必填项：“预算数”",
		"amount":               amountMessage,
		"unknown field":        "不允许的字段：totl",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if _, err := p.Messages("en"); !errors.Is(err, ErrSchema) {
		t.Errorf("Messages(en) = %v, want ErrSchema", err)
	}
}

// mustPattern returns the pattern of the 本年收入合计 amount of p's schema.
func mustPattern(t *testing.T, p *Profile) string {
	t.Helper()
	tree, err := buildSchema(p)
	if err != nil {
		t.Fatal(err)
	}
	_, s, ok := schemaAt(tree, "/tables/summary/income/total")
	if !ok {
		t.Fatal("no schema at /tables/summary/income/total")
	}
	return s.str("pattern")
}
