package juesuan

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/amount"
)

// What a clerk sees: the schema's titles and descriptions are shown by form
// generators, so they carry no developer text (JSON keys, JSON Pointers,
// regular expressions) and no unit the document may not use. Developer
// notes go to $comment, which forms do not show.

// amountExample is the example figure of every amount.
const amountExample = "630.78"

// amountForm is the form of an amount as a clerk is told it: a number with
// at most amount.MaxFractionDigits decimals (amount.Pattern).
var amountForm = "数字，最多" + strconv.Itoa(amount.MaxFractionDigits) + "位小数，如 " + amountExample

// amountMessage is the message for an amount that does not match
// amount.Pattern: the Go decoder's and the forms' (MessagesJSON).
var amountMessage = "金额格式不正确：应为" + amountForm

// amountDescription is the description of an amount that has none.
var amountDescription = "金额，单位为本文档的金额单位；" + amountForm + "；未列示的数不填，不填不等于 0"

// amountComment is the developer note on amounts, at the root.
const amountComment = "Amounts are decimal strings (\"40.50\") in unit.amountUnit; an absent figure is left out, which is not 0."

// unitSuffix is a unit written into a title; the unit of the figures is
// the document's (unit.amountUnit), so titles must not state one.
const unitSuffix = "（万元）"

// isAmount reports whether s is the schema of an amount.
func isAmount(s *jobj) bool { return s != nil && s.str("pattern") == amount.Pattern }

// clerkText rewrites the tree built by buildSchema for people filling in
// a form: amounts get a description and an example, titles lose a
// hard-coded unit, array items get a title, constants are read-only.
func clerkText(root *jobj) {
	var walk func(o *jobj, at string) error
	walk = func(o *jobj, at string) error {
		if t := o.str("title"); strings.Contains(t, unitSuffix) {
			o.set("title", strings.ReplaceAll(t, unitSuffix, ""))
			if o.str("description") == "" && o.str("type") == "object" {
				o.set("description", "金额单位为本文档的金额单位")
			}
		}
		if isAmount(o) {
			switch d := o.str("description"); {
			case strings.HasSuffix(at, "Percent"): // a percentage, not money
			case d == "":
				o.set("description", amountDescription)
			case !strings.Contains(d, "金额单位"):
				o.set("description", d+"；单位为本文档的金额单位")
			}
		}
		if _, ok := o.get("const"); ok {
			o.set("readOnly", true)
		}
		if o.str("type") == "array" {
			if it := o.obj("items"); it != nil && it.str("title") == "" && it.str("$ref") == "" {
				it.set("title", itemTitle(o.str("title")))
			}
		}
		o.order(keywordOrder...)
		return eachSubschema(o, at, walk)
	}
	walk(root, "#")
}

// itemTitle is the title of one item of an array titled t.
func itemTitle(t string) string {
	switch {
	case t == "":
		return "一行"
	case strings.HasSuffix(t, "说明") || strings.HasSuffix(t, "指标") || strings.HasSuffix(t, "项目"):
		return "一条" + t
	}
	return t + "（一行）"
}

// profileDescription is the description of the read-only profile field of
// p's schema.
func profileDescription(p *Profile) string {
	return fmt.Sprintf("本文档按%s填报（%s），不可修改", p.Title, p.ID)
}
