package shared

import (
	"strconv"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts/narrative"
)

// The sources of the must-disclose items: the 规程 was not among the
// sources consulted ([B]); the section lists are those of the two
// templates' tables of contents ([V]).
const (
	src143 = "[B] 财预〔2016〕143号《地方预决算公开操作规程》；基层政务公开标准目录（财政预决算）"
	srcTOC = "[V] 上海2024模板、四川2020参考文件的目录；" + src143
	f03    = "/tables/f03"
)

// items is the 公开完整性 checklist of both templates, one declaration per
// item: Checklist and the Required sections of Patterns are derived from
// it. An item with contexts is a narrative section, present when a
// heading opened one of them (rule G5).
var items = []struct {
	title    string
	contexts []string // narrative contexts (Patterns.Headings) that open the section
	rules    []string
	paths    []string
	tables   []string // the tables the item's rules read
	source   string
}{
	{"公开表齐全（无数据的表保留表格）", nil, []string{"S1", "S3"}, nil, nil, "[V] 上海2024模板“仍保留该表格式”；" + src143},
	{"空表列示并加说明", nil, []string{"E1", "E2", "C9"}, nil, nil, "[V] 上海2024模板（S1）表注；" + src143},
	{"一般公共预算支出公开到功能分类项级", nil, []string{"G1"}, nil, []string{"generalBudget"}, src143},
	{"基本支出公开到经济分类款级", nil, []string{"G2"}, nil, []string{"generalBudgetBasic"}, src143},
	{"“三公”经费分项公开（公务用车分购置费和运行维护费）", nil, []string{"G3", "A14"}, nil, []string{"threePublic"}, src143},
	{"“三公”经费相关数量公开（团组、人次、车辆、接待批次）", nil, []string{"G4"}, nil, []string{"f03"}, src143},
	{"部门职责与机构设置", []string{"overview"}, []string{"C17", "C21"}, []string{"/disclosure/staffing", "/unit/name"}, nil, srcTOC},
	{"收入支出决算总体情况说明", []string{"overall"}, []string{"C1"}, nil, nil, srcTOC},
	{"收入决算情况说明", []string{"income"}, []string{"C2"}, nil, nil, srcTOC},
	{"支出决算情况说明", []string{"expenditure"}, []string{"C3"}, nil, nil, srcTOC},
	{"财政拨款收入支出决算总体情况说明", []string{"fiscal"}, []string{"C4"}, nil, nil, srcTOC},
	{"一般公共预算财政拨款支出决算情况说明", []string{"generalBudget"}, []string{"C5", "C6", "C19", "C23", "C26"}, nil, nil, srcTOC},
	{"一般公共预算财政拨款基本支出决算情况说明", []string{"basic"}, []string{"C7", "C20"}, nil, nil, srcTOC},
	{"“三公”经费财政拨款支出决算情况说明", []string{"threePublic"}, []string{"C8", "C25"}, nil, nil, srcTOC},
	{"政府性基金预算财政拨款收入支出决算情况说明", []string{"govFund"}, []string{"C17"}, []string{"/tables/govFund"}, nil, srcTOC},
	{"国有资本经营预算财政拨款收入支出决算情况说明", []string{"stateCapital"}, []string{"C17"}, []string{"/tables/stateCapital"}, nil, srcTOC},
	{"机关运行经费支出情况", []string{"other/operatingCost"}, []string{"C17"}, []string{f03 + "/operatingCost", "/disclosure/operatingCost"}, nil, srcTOC},
	{"政府采购支出情况（总额，货物、工程、服务，授予中小企业合同金额及占比）", []string{"other/procurement"}, []string{"C17"}, []string{f03 + "/procurement", "/disclosure/procurement"}, nil, srcTOC},
	{"国有资产占用情况", []string{"other/assets"}, []string{"C17"}, []string{f03 + "/assets", "/disclosure/assets"}, nil, srcTOC},
	{"预算绩效管理情况", []string{"performance", "other/performance", "evaluation"}, []string{"C16", "C17"}, []string{"/performance", "/disclosure/performance"}, nil, srcTOC},
	{"名词解释", []string{"glossary"}, nil, nil, nil, srcTOC},
}

// Checklist returns the 公开完整性 checklist (Profile.Checklist) of the
// built-in templates, a fresh copy.
func Checklist() []juesuan.ChecklistItem {
	out := make([]juesuan.ChecklistItem, len(items))
	for i, it := range items {
		d := juesuan.ChecklistItem{ID: strconv.Itoa(i + 1), Title: it.title, Source: it.source,
			Rules: append([]string(nil), it.rules...), Paths: append([]string(nil), it.paths...),
			Tables: append([]string(nil), it.tables...)}
		if len(it.contexts) > 0 {
			d.Section = it.title
			d.Rules = append(d.Rules, narrative.RuleSections)
			d.Narrative = true
		}
		out[i] = d
	}
	return out
}

// required are the sections the narrative must have (Patterns.Required).
func required() []narrative.Section {
	var out []narrative.Section
	for _, it := range items {
		if len(it.contexts) > 0 {
			out = append(out, narrative.Section{Title: it.title, Contexts: append([]string(nil), it.contexts...)})
		}
	}
	return out
}
