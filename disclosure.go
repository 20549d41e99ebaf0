package juesuan

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

// src143 is the source of the 公开完整性 rules: 《地方预决算公开操作规程》
// (财预〔2016〕143号) and the 基层政务公开标准目录 that cite it. The text was not
// among the sources consulted here, so the rules are [B]: background
// knowledge of the 规程, and a profile may switch them off or change their
// severity.
const src143 = "[B] 财预〔2016〕143号《地方预决算公开操作规程》；基层政务公开标准目录（财政预决算）"

// DisclosureRules returns the 公开完整性 rules G1–G4 (a fresh copy): what a
// published 决算 must show in its tables. The built-in profiles run them on
// top of the accounts rules; a profile of your own adds them with
// append(AccountsRules(), DisclosureRules()...). The narrative's must-have
// sections are checked by Lint (narrative rule G5, from the profile's
// Narrative.Required), and Profile.Checklist turns the findings of both into
// the 检查表.
func DisclosureRules() []Rule { return slices.Clone(disclosureRules) }

var disclosureRules = []Rule{
	{Rule: audit.Rule{ID: "G1", Severity: audit.Warning, Kind: audit.Disclosure,
		Title:       "一般公共预算支出公开到功能分类项级",
		Description: "一般公共预算财政拨款支出决算表应按支出功能分类科目公开到项级：有数的类、款级科目下须列出其项级科目。",
		Source:      src143}, Check: checkG1},
	{Rule: audit.Rule{ID: "G2", Severity: audit.Warning, Kind: audit.Disclosure,
		Title:       "基本支出公开到经济分类款级",
		Description: "一般公共预算财政拨款基本支出决算表应按部门预算支出经济分类科目公开到款级：有数的类级科目下须列出其款级科目。只有合计而未列科目的表不在此判断（可能为摘录，见表的摘录标记）。",
		Source:      src143}, Check: checkG2},
	{Rule: audit.Rule{ID: "G3", Severity: audit.Warning, Kind: audit.Disclosure,
		Title:       "“三公”经费分项公开",
		Description: "“三公”经费支出决算表的决算数应分项列示因公出国（境）费、公务用车购置费、公务用车运行维护费和公务接待费（无数据的表加说明者除外）。",
		Source:      src143}, Check: checkG3},
	{Rule: audit.Rule{ID: "G4", Severity: audit.Warning, Kind: audit.Disclosure,
		Title:       "“三公”经费相关数量公开",
		Description: "财决附03表应列明因公出国（境）团组数与人次、公务用车购置数与保有量、国内公务接待批次与人次（文档无附03表时由情况说明核对）。",
		Source:      src143}, Check: checkG4},
}

// shortOf lists the rows of a coded table whose code is above level want,
// whose figure is not zero, and below which the table lists no row of
// level want: the figures not broken down as far as the table must go.
// codes are the rows' codes and nonzero whether each row has a figure
// other than zero (an absent figure is not one). A 款 row printed without
// a figure counts as a level between, not as the level wanted.
func shortOf(codes []string, nonzero func(i int) bool, want classification.Level, level func(string) classification.Level) []int {
	order := make([]int, len(codes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(codes[a], codes[b]) })
	var out []int
	for k, i := range order {
		c := codes[i]
		if level(c) >= want || !nonzero(i) {
			continue
		}
		// In code order a row's descendants follow it directly.
		reached := false
		for _, j := range order[k+1:] {
			next := codes[j]
			if len(next) <= len(c) || !strings.HasPrefix(next, c) {
				break
			}
			if level(next) >= want {
				reached = true
				break
			}
		}
		if !reached {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

func checkG1(c *Context) {
	t := c.Report.Tables.GeneralBudget
	if t == nil {
		return
	}
	checkDepth(c, "generalBudget", len(t.Rows), func(i int) (string, string, bool) {
		r := t.Rows[i]
		return string(r.Code), r.Name, r.Total.Sign() != 0
	}, classification.Item, func(s string) classification.Level { return classification.FuncCode(s).Level() },
		"一般公共预算支出应公开到功能分类项级")
}

func checkG2(c *Context) {
	t := c.Report.Tables.GeneralBudgetBasic
	if t == nil {
		return
	}
	checkDepth(c, "generalBudgetBasic", len(t.Rows), func(i int) (string, string, bool) {
		r := t.Rows[i]
		return string(r.Code), r.Name, r.Amount.Sign() != 0
	}, classification.Section, func(s string) classification.Level { return classification.EconDeptCode(s).Level() },
		"基本支出应公开到经济分类款级")
}

// checkDepth is G1 and G2: a finding on each of the n rows of table key
// (row gives its code, name and whether its figure is not 0) whose 科目
// has a figure but lists no descendant at level want; need is the
// requirement, for the message.
func checkDepth(c *Context, key string, n int, row func(int) (code, name string, nonzero bool), want classification.Level, level func(string) classification.Level, need string) {
	codes := make([]string, n)
	for i := range n {
		codes[i], _, _ = row(i)
	}
	title := accounts.LayoutOf(key).Short
	c.Checked(n) // coverage ledger: each row's level is checked
	nonzero := func(i int) bool { _, _, nz := row(i); return nz }
	for _, i := range shortOf(codes, nonzero, want, level) {
		code, name, _ := row(i)
		at := level(code).String()
		c.Add(audit.Finding{Path: audit.Pointer("tables", key, "rows", strconv.Itoa(i), "code"),
			Message:  title + "“" + code + " " + name + "”为" + at + "级科目，有数而其下未列出" + want.String() + "级科目：" + need,
			Expected: want.String(), Actual: at})
	}
}

// g3Items are the keys of the 三公 columns G3 wants stated.
var g3Items = []string{"abroad", "vehiclePurchase", "vehicleOperation", "reception"}

func checkG3(c *Context) {
	t := c.Report.Tables.ThreePublic
	if t == nil || t.Note != "" {
		return
	}
	title := accounts.LayoutOf("threePublic").Short
	c.Checked(len(g3Items)) // coverage ledger
	for i, col := range t.Actual.Columns() {
		if !slices.Contains(g3Items, col.Name) || t.Actual.At(i).IsSet() {
			continue
		}
		c.Add(audit.Finding{Path: audit.Pointer("tables", "threePublic", "actual", col.Name),
			Message:  title + "决算数未列示“" + col.Title + "”：“三公”经费应分项公开（无支出填0）",
			Expected: "列示", Actual: "空"})
	}
}

// g4Counts are the 三公 counts G4 wants stated in 财决附03表.
var g4Counts = []struct {
	key, title string
	get        func(*accounts.ThreePublicStats) accounts.Count
}{
	{"abroadGroups", "因公出国（境）团组数", func(s *accounts.ThreePublicStats) accounts.Count { return s.AbroadGroups }},
	{"abroadPersons", "因公出国（境）人次数", func(s *accounts.ThreePublicStats) accounts.Count { return s.AbroadPersons }},
	{"vehiclesPurchased", "公务用车购置数", func(s *accounts.ThreePublicStats) accounts.Count { return s.VehiclesPurchased }},
	{"vehiclesHeld", "公务用车保有量", func(s *accounts.ThreePublicStats) accounts.Count { return s.VehiclesHeld }},
	{"domesticBatches", "国内公务接待批次", func(s *accounts.ThreePublicStats) accounts.Count { return s.DomesticBatches }},
	{"domesticPersons", "国内公务接待人次", func(s *accounts.ThreePublicStats) accounts.Count { return s.DomesticPersons }},
}

func checkG4(c *Context) {
	f := c.Report.Tables.F03
	if f == nil {
		return
	}
	c.Checked(len(g4Counts)) // coverage ledger
	for _, it := range g4Counts {
		if it.get(&f.ThreePublic).IsSet() {
			continue
		}
		c.Add(audit.Finding{Path: audit.Pointer("tables", "f03", "threePublic", it.key),
			Message:  "财决附03表未列明" + it.title + "：“三公”经费相关数量应公开（无则填0）",
			Expected: "列示", Actual: "空"})
	}
}
