package narrative

import (
	"strings"

	"github.com/cnfiscal/juesuan/amount"
)

// Facts are the figures of a document that its narrative may restate. The
// caller (package juesuan) builds them from the accounts tables, the prior
// year and the performance section; the engine knows nothing of those types.
type Facts struct {
	// Year is the fiscal year of the document (决算年度).
	Year int `json:"year"`
	// Unit is the unit of every money figure in Items (万元 when empty).
	Unit amount.Unit `json:"unit,omitempty"`
	// Items are the table figures, keyed by ID (see the package
	// documentation for the vocabulary the default patterns use).
	Items []Fact `json:"items,omitempty"`
	// Indicators are the performance indicators with a stated 完成率.
	Indicators []Indicator `json:"indicators,omitempty"`
	// UnitName is the name of the reporting unit (单位名称), which titles
	// and headings must repeat (rule C21); empty when not known.
	UnitName string `json:"unitName,omitempty"`
	// Economic are the 部门预算支出经济分类 款 the 基本支出 table can hold,
	// for the item lists of 人员经费 and 公用经费 (rule C20): those of the
	// table, and those of the catalogue the table has no row for. Empty when
	// the table lists no rows (then nothing is known about its items).
	Economic []EconomicItem `json:"economic,omitempty"`
	// AssetsAsOf is the date (YYYY-MM-DD) the 国有资产 figures are taken
	// at; the narrative's "截至…年…月…日" before them must say the same
	// (rule C12). Empty when not stated.
	AssetsAsOf string `json:"assetsAsOf,omitempty"`
}

// EconomicItem is one 部门预算支出经济分类 款 of the 基本支出 table.
type EconomicItem struct {
	// Code is the 5-digit 科目编码 (30101 …).
	Code string `json:"code"`
	// Name is the 科目 name, from the table or else the catalogue.
	Name string `json:"name"`
	// Value is the table's 决算数; absent when the table has no row for the
	// code or leaves it blank.
	Value Figure `json:"value,omitzero"`
	// Missing is set when the table has no row for the code.
	Missing bool `json:"missing,omitempty"`
}

// Fact is one item of the tables: its figure this year and, where the
// document states them, last year's figure and the budget.
type Fact struct {
	// ID is the stable identifier label patterns refer to, e.g.
	// "summary.income.total" or "generalBudget.2010301".
	ID string `json:"id"`
	// Title is the Chinese name used in messages, e.g. 本年收入合计.
	Title string `json:"title"`
	// Rule is the rule a mismatch is reported under; empty means the rule
	// RuleFor(ID) returns.
	Rule string `json:"rule,omitempty"`
	// Count marks a whole-number fact (批次, 辆 …); its figures use Count.
	Count bool `json:"count,omitempty"`
	// Value is this year's 决算数.
	Value Figure `json:"value,omitzero"`
	// Prior is last year's 决算数.
	Prior Figure `json:"prior,omitzero"`
	// Budget is the 预算数 narratives compare with (调整预算数 in Sichuan).
	Budget Figure `json:"budget,omitzero"`
	// InitialBudget is the 年初预算数.
	InitialBudget Figure `json:"initialBudget,omitzero"`
	// Whole is the ID of the fact a share (占比) of this one is taken of,
	// e.g. summary.income.total for each income source.
	Whole string `json:"whole,omitempty"`
	// Code is the 科目编码 of a classification row (3, 5 or 7 digits).
	Code string `json:"code,omitempty"`
	// Names are the 科目 names of a classification row from its 类 down to
	// the row itself (the last name), so that "一般公共服务（类）…行政运行（项）"
	// can be matched.
	Names []string `json:"names,omitempty"`
}

// Figure is one stated figure and where it sits in the document.
type Figure struct {
	Amount amount.Amount `json:"amount,omitzero"`
	Count  amount.Count  `json:"count,omitzero"`
	// Path is the JSON Pointer of the figure in the document.
	Path string `json:"path,omitempty"`
}

// IsZero reports whether f says nothing: no figure and no place (for
// omitzero). A figure with a Path and no amount is a blank cell of a
// present table.
func (f Figure) IsZero() bool { return !f.IsSet() && f.Path == "" }

// IsSet reports whether a figure is stated.
func (f Figure) IsSet() bool { return f.Amount.IsSet() || f.Count.IsSet() }

// Indicator is a performance indicator with a stated 完成率, as the document's
// performance section gives it.
type Indicator struct {
	// Path is the JSON Pointer of the indicator.
	Path    string `json:"path"`
	Project string `json:"project,omitempty"`
	Name    string `json:"name"`
	// Target and Actual are the 指标值 and 实际完成值 as written.
	Target string `json:"target,omitempty"`
	Actual string `json:"actual,omitempty"`
	// Rate is the stated 完成率 in percent (100 for "100%"); absent when not
	// stated.
	Rate amount.Amount `json:"rate,omitzero"`
}

// lookup indexes facts by ID.
type factIndex struct {
	byID   map[string]*Fact
	rows   []*Fact            // classification rows (Code set)
	norm   map[*Fact][]string // their names, normalised
	byName map[string][]*Fact // rows by normalised own name
}

func indexFacts(f *Facts) *factIndex {
	ix := &factIndex{byID: map[string]*Fact{}, norm: map[*Fact][]string{}, byName: map[string][]*Fact{}}
	if f == nil {
		return ix
	}
	for i := range f.Items {
		it := &f.Items[i]
		if it.ID == "" {
			continue
		}
		if _, dup := ix.byID[it.ID]; !dup {
			ix.byID[it.ID] = it
		}
		if it.Code != "" && len(it.Names) > 0 {
			ix.rows = append(ix.rows, it)
			ns := make([]string, len(it.Names))
			for i, n := range it.Names {
				ns[i] = normName(n)
			}
			ix.norm[it] = ns
			ix.byName[ns[len(ns)-1]] = append(ix.byName[ns[len(ns)-1]], it)
		}
	}
	return ix
}

// ruleByPrefix maps fact ID prefixes to the 表文 rule a mismatch is reported
// under (domain notes §3.3).
var ruleByPrefix = []struct{ prefix, rule string }{
	{"summary.income.grandTotal", RuleTotals},
	{"summary.expenditure.grandTotal", RuleTotals},
	{"summary.income.", RuleIncome},
	{"income.", RuleIncome},
	{"summary.expenditure.", RuleExpenditure},
	{"expenditure.", RuleExpenditure},
	{"fiscal.", RuleFiscal},
	{"generalBudget.personnel", RuleBasic},
	{"generalBudget.public", RuleBasic},
	{"generalBudget.", RuleGeneralBudget},
	{"threePublic.", RuleThreePublic},
	{"reception.", RuleThreePublic},
}

// RuleFor returns the rule a mismatch with fact id is reported under: C1–C8
// where domain notes §3.3 has one, C17 for the other restated figures.
func RuleFor(id string) string {
	for _, r := range ruleByPrefix {
		if strings.HasPrefix(id, r.prefix) {
			return r.rule
		}
	}
	return RuleOther
}

func (f *Fact) rule() string {
	if f.Rule != "" {
		return f.Rule
	}
	return RuleFor(f.ID)
}
