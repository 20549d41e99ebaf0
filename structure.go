package juesuan

import (
	"fmt"
	"maps"
	"slices"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/audit"
)

// documentRules are the structural rules every profile runs. Each of them
// is also expressed by the profile's JSON Schema (see SchemaRules): a
// document that Decode accepts passes the profile schema exactly when none
// of these rules (nor the indicator-name rule) fires.
var documentRules = []Rule{
	{
		Rule: audit.Rule{ID: "S1", Severity: audit.Error, Kind: audit.Structure,
			Title:       "必备报表缺失",
			Description: "配置要求公开的报表必须出现在文档中（无数据的报表保留表格并加说明）。",
			Source:      "[V] 上海2024模板“仍保留该表格式”；GovBudgetChecker 九张表检查"},
		Check: checkRequiredTables,
	},
	{
		Rule: audit.Rule{ID: "S2", Severity: audit.Error, Kind: audit.Structure,
			Title:       "决算年度与配置不符",
			Description: "文档的决算年度必须在所用配置适用的年度范围内。",
			Source:      "[I] 配置按辖区与年度划分"},
		Check: checkYear,
	},
	{
		Rule: audit.Rule{ID: "S3", Severity: audit.Error, Kind: audit.Structure,
			Title:       "报表不在配置的表集中",
			Description: "文档中的每张报表（含 tables/extra 中的自定义报表）必须是配置定义的表。",
			Source:      "[I] 配置定义表集"},
		Check: checkTableSet,
	},
	{
		Rule: audit.Rule{ID: "S4", Severity: audit.Error, Kind: audit.Structure,
			Title:       "文档配置与校验配置不符",
			Description: "文档 profile 字段所指的配置必须是校验所用的配置。",
			Source:      "[I] 文档声明其配置"},
		Check: checkProfileName,
	},
	{
		Rule: audit.Rule{ID: "S5", Severity: audit.Error, Kind: audit.Structure,
			Title:       "自定义报表的列未定义",
			Description: "自定义报表合计行与各行的数值只能使用配置为该表定义的列。",
			Source:      "[I] 配置定义自定义报表的列"},
		Check: checkExtraColumns,
	},
}

// SchemaRules lists the IDs of the rules that a profile's JSON Schema
// expresses on top of what Decode enforces: the structural rules S1–S5.
// (Indicator names are restricted by the schema only where the indicators
// package reports unknown names; see Schema.)
func SchemaRules() []string {
	ids := make([]string, len(documentRules))
	for i, r := range documentRules {
		ids[i] = r.ID
	}
	return ids
}

func checkYear(c *Context) {
	d, p := c.Document, c.Profile
	c.Checked(1)
	if !p.Covers(d.Unit.FiscalYear) {
		y := p.years().String()
		c.Add(audit.Finding{Path: "/unit/fiscalYear",
			Message:  fmt.Sprintf("决算年度为%d，配置%s适用于%s年度", d.Unit.FiscalYear, p.ID, y),
			Expected: y, Actual: fmt.Sprint(d.Unit.FiscalYear)})
	}
}

func checkProfileName(c *Context) {
	d, p := c.Document, c.Profile
	c.Checked(1)
	if d.Profile != p.ID {
		c.Add(audit.Finding{Path: "/profile",
			Message:  fmt.Sprintf("文档声明的配置为“%s”，校验使用的配置为“%s”", d.Profile, p.ID),
			Expected: p.ID, Actual: d.Profile})
	}
}

// typedTableKeys are the keys of the typed tables (Tables.Present), sorted.
var typedTableKeys = slices.Sorted(maps.Keys((&accounts.Tables{}).Present()))

// typedSpec reports whether p lists the typed table key.
func typedSpec(p *Profile, key string) bool {
	for i := range p.Tables {
		if t := &p.Tables[i]; t.Key == key && !t.Extra() {
			return true
		}
	}
	return false
}

// extraSpec reports whether p defines the added table key.
func extraSpec(p *Profile, key string) bool {
	for i := range p.Tables {
		if t := &p.Tables[i]; t.Key == key && t.Extra() {
			return true
		}
	}
	return false
}

func checkRequiredTables(c *Context) {
	d, p := c.Document, c.Profile
	for _, t := range p.Tables {
		if !t.Required {
			continue
		}
		c.Checked(1)
		ok := d.Tables.Has(t.Key)
		if t.Extra() {
			_, ok = d.Tables.Extra[t.Key]
		}
		if !ok {
			c.Add(audit.Finding{Path: t.Pointer(),
				Message:  fmt.Sprintf("缺少%s（配置%s要求公开此表）", tableName(t), p.ID),
				Expected: "有此表", Actual: "缺失"})
		}
	}
}

func tableName(t TableSpec) string {
	if t.Number != "" {
		return "表" + t.Number + "“" + t.Title + "”"
	}
	return "“" + t.Title + "”"
}

func checkTableSet(c *Context) {
	d, p := c.Document, c.Profile
	for _, k := range typedTableKeys {
		if d.Tables.Has(k) {
			c.Checked(1)
		}
		if d.Tables.Has(k) && !typedSpec(p, k) {
			c.Add(audit.Finding{Path: audit.Pointer("tables", k),
				Message: fmt.Sprintf("报表“%s”不在配置%s的表集中", k, p.ID),
				Actual:  "有此表", Expected: "无此表"})
		}
	}
	if len(d.Tables.Extra) == 0 {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(d.Tables.Extra)) {
		c.Checked(1)
		if !extraSpec(p, k) {
			c.Add(audit.Finding{Path: audit.Pointer("tables", "extra", k),
				Message: fmt.Sprintf("自定义报表“%s”不在配置%s的表集中", k, p.ID),
				Actual:  "有此表", Expected: "无此表"})
		}
	}
}

func checkExtraColumns(c *Context) {
	d, p := c.Document, c.Profile
	for _, t := range p.Tables {
		if !t.Extra() {
			continue
		}
		g := d.Tables.Extra[t.Key]
		if g == nil {
			continue
		}
		cols := map[string]bool{}
		for _, col := range t.Columns {
			cols[col.Key] = true
		}
		report := func(m map[string]accounts.Amount, base ...any) {
			for _, k := range slices.Sorted(maps.Keys(m)) {
				c.Checked(1)
				if !cols[k] {
					c.Add(audit.Finding{Path: audit.Pointer(append(base, k)...),
						Message: fmt.Sprintf("%s没有“%s”列（配置%s定义的列：%s）", tableName(t), k, p.ID, columnKeys(t)),
						Actual:  k})
				}
			}
		}
		report(g.Total, "tables", "extra", t.Key, "total")
		for i, r := range g.Rows {
			report(r.Values, "tables", "extra", t.Key, "rows", i, "values")
		}
	}
}

func columnKeys(t TableSpec) string {
	s := ""
	for i, c := range t.Columns {
		if i > 0 {
			s += "、"
		}
		s += c.Key
	}
	return s
}
