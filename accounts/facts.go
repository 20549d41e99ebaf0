package accounts

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/classification"
)

// The narrative facts. Which figures of the tables a narrative may restate
// (package narrative's fact vocabulary) is declared with the tables, in a
// fact tag on the fields of tables.go; NarrativeFacts builds the facts of a
// report from those declarations.
//
// The fact tag holds entries separated by ";", each
//
//	[path:]id[,title][,option=value…]
//
// path leads from the field's value to the figure (JSON keys separated by
// "/"; "*" stands for each row of a list); without it the field is the
// figure. id is the fact ID; in a row entry "*" in it stands for the row's
// 科目编码 (or, in rows without a code, the row's first text field, which
// is then also the title). title is the narrative's name of the figure:
// the field's title when left out; coded rows are titled by their 科目
// name and code, from the table or else the catalogue. The options are
//
//	prior=fiscalIncome/total   last year's figure, under /priorYear
//	budget=budget/abroad       the 预算数 narratives compare with, under the table
//	initialBudget=budget/abroad the 年初预算数, under the table
//	whole=summary.income.total the fact a share (占比) is taken of (in a
//	                           row entry: of the 类 rows only)
//	unless=summary             only when that table is absent (a fall-back)
//	budgets=generalBudget      rows: 调整预算数 and 年初预算数 of the same code
//	                           in 财决Z01-1, of that fund
//
// An empty fact tag (fact:"") on a field of a struct type makes the walk
// enter it; the walk enters only the tables and fields that carry a fact
// tag, so a struct type shared by several tables is declared where it is
// used. Facts are listed in the order of the declarations; the first
// stated figure of an ID wins, and a fact is listed, without a figure,
// whenever its table is present.

// factSpec is one parsed fact declaration.
type factSpec struct {
	table   int    // index in model.tables
	idx     []int  // field index path from the table struct to the figure (or the rows)
	ptr     string // JSON Pointer of the figure (or the rows)
	elem    []int  // rows: field index path from a row to its figure
	elemPtr string // rows: the figure's pointer below the row
	rowKey  []int  // rows: the code field, or the first text field
	coded   bool   // rows: rowKey is a 科目编码
	id      string
	title   string
	count   bool
	prior   figureAt // in PriorYear
	budget  figureAt // in the table
	initial figureAt // in the table
	whole   string
	unless  int // index in model.tables, or −1
	budgets Fund
}

// figureAt is where an amount linked to a fact sits: its field index path
// from the struct it is declared in, and its JSON Pointer.
type figureAt struct {
	idx []int
	ptr string
}

// in returns the amount at f in struct v, if there is one.
func (f figureAt) in(v reflect.Value) (Amount, bool) {
	if f.idx == nil || !v.IsValid() {
		return Amount{}, false
	}
	a, ok := follow(v, f.idx)
	if !ok {
		return Amount{}, false
	}
	return a.Interface().(Amount), true
}

// factSpecs are the fact declarations, in order.
var factSpecs = factDecls(reflect.TypeFor[Tables](), nil, "/tables", -1, nil)

// disclosureSpecs are the fact declarations of Disclosure, parsed as those
// of 财决附03 (whose types it shares), at their pointers under /disclosure.
var disclosureSpecs = factDecls(reflect.TypeFor[Disclosure](), nil, "/disclosure", model.byKey["f03"], nil)

// factDecls parses the fact tags of the fields of struct type t at idx
// (from the table struct; t is Tables at the top, where table is −1).
func factDecls(t reflect.Type, idx []int, ptr string, table int, out []factSpec) []factSpec {
	for i := range t.NumField() {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("fact")
		if !ok {
			continue
		}
		tg := tagsOf(f)
		fi, fp, ti := append(append([]int(nil), idx...), i), ptr+"/"+tg.key, table
		if table < 0 {
			fi, ti = nil, model.byKey[tg.key]
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if tag == "" {
			out = factDecls(ft, fi, fp, ti, out)
			continue
		}
		for e := range strings.SplitSeq(tag, ";") {
			out = append(out, factEntry(e, f.Type, fi, fp, tg.title, ti))
		}
	}
	return out
}

// factEntry parses entry e of the fact tag of a field of type t at idx.
func factEntry(e string, t reflect.Type, idx []int, ptr, title string, table int) factSpec {
	s := factSpec{table: table, unless: -1, idx: idx, ptr: ptr}
	path, rest, ok := strings.Cut(e, ":")
	if !ok {
		path, rest = "", e
	}
	ft := t
	if path != "" {
		pre, post, rows := strings.Cut(path, "*")
		pre, post = strings.Trim(pre, "/"), strings.Trim(post, "/")
		if pre != "" {
			var pi []int
			pi, ft = indexPath(t, pre)
			s.idx = append(append([]int(nil), idx...), pi...)
			s.ptr = ptr + "/" + pre
			title = fieldTitle(t, pre)
		}
		if rows {
			et := ft.Elem()
			l := model.lines[et]
			if k, ok := l.byKey[post]; ok {
				s.elem, ft = l.idx[k], amountType // a column the row embeds
			} else {
				s.elem, ft = indexPath(et, post)
			}
			s.elemPtr = "/" + post
			title = ""
			if l.code != nil {
				s.rowKey, s.coded = l.code, true
			} else {
				for i := range et.NumField() {
					if et.Field(i).Type.Kind() == reflect.String {
						s.rowKey = []int{i}
						break
					}
				}
			}
		}
	}
	for ft.Kind() == reflect.Pointer {
		ft = ft.Elem()
	}
	if ft != amountType && ft != countType {
		panic("accounts: fact " + e + " is not a figure")
	}
	s.count, s.title = ft == countType, title
	tableType := reflect.TypeFor[Tables]().Field(model.field[table]).Type
	tablePtr := "/tables/" + model.tables[table].Key + "/"
	for i, kv := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(kv, "=")
		switch {
		case i == 0:
			s.id = kv
		case !ok:
			s.title = kv
		case k == "prior":
			s.prior.idx, _ = indexPath(reflect.TypeFor[PriorYear](), v)
			s.prior.ptr = "/priorYear/" + v
		case k == "budget":
			s.budget.idx, _ = indexPath(tableType, v)
			s.budget.ptr = tablePtr + v
		case k == "initialBudget":
			s.initial.idx, _ = indexPath(tableType, v)
			s.initial.ptr = tablePtr + v
		case k == "whole":
			s.whole = v
		case k == "unless":
			j, ok := model.byKey[v]
			if !ok {
				panic("accounts: fact " + e + ": no table " + v)
			}
			s.unless = j
		case k == "budgets":
			s.budgets = Fund(v)
		default:
			panic("accounts: fact " + e + ": unknown option " + k)
		}
	}
	return s
}

// fieldTitle returns the title of the field at path (JSON keys) from t.
func fieldTitle(t reflect.Type, path string) string {
	idx, _ := indexPath(t, path)
	var f reflect.StructField
	for _, i := range idx {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		f = t.Field(i)
		t = f.Type
	}
	return tagsOf(f).title
}

// NarrativeFacts lists the figures of r that a narrative may restate, with
// the JSON Pointer of each, in the fact vocabulary of package narrative,
// as the fact tags of the tables declare them. A figure r does not state
// is left out of its fact (absent is not zero). Year and Unit are r's.
//
// The narrative-only figures of r.Disclosure give the facts of the same IDs
// as 财决附03's (operatingCost, procurement.*, assets.*) where F03 does not
// state them, and those of staffing and the 绩效 summary (staff.*,
// performance.*). The 合计 lines of 财决Z01-1 give the budgets of
// generalBudget.total, govFund.expenditure and stateCapital.expenditure.
// AssetsAsOf is the 截至 date of the 国有资产 figures (附03's, else the
// disclosure's). UnitName is r's unit name, and Economic the 款 of the 基本支出 table
// (with those of the catalogue the table has no row for) when it lists rows.
func NarrativeFacts(r *Report) *narrative.Facts {
	b := &factBuilder{f: &narrative.Facts{Year: r.Unit.FiscalYear, Unit: r.Unit.AmountUnit, UnitName: r.Unit.Name}}
	tv := reflect.ValueOf(&r.Tables).Elem()
	var py reflect.Value
	if r.PriorYear != nil {
		py = reflect.ValueOf(r.PriorYear).Elem()
	}
	for i := range factSpecs {
		s := &factSpecs[i]
		tab := tv.Field(model.field[s.table])
		if tab.IsNil() || s.unless >= 0 && !tv.Field(model.field[s.unless]).IsNil() {
			continue
		}
		b.spec(s, tab, py, r)
	}
	if r.Disclosure != nil {
		dv := reflect.ValueOf(r.Disclosure)
		for i := range disclosureSpecs {
			b.spec(&disclosureSpecs[i], dv, py, r)
		}
	}
	if z := r.Tables.Z011; z != nil {
		b.budgetTotals(z)
	}
	switch {
	case r.Tables.F03 != nil && r.Tables.F03.Assets.AsOf != "":
		b.f.AssetsAsOf = r.Tables.F03.Assets.AsOf
	case r.Disclosure != nil && r.Disclosure.Assets != nil:
		b.f.AssetsAsOf = r.Disclosure.Assets.AsOf
	}
	if t := r.Tables.GeneralBudgetBasic; t != nil && len(t.Rows) > 0 {
		b.f.Economic = economicItems(r.Unit.FiscalYear, t)
	}
	return b.f
}

// spec adds the facts s declares in tab (a table, or the disclosure).
func (b *factBuilder) spec(s *factSpec, tab, py reflect.Value, r *Report) {
	v, ok := follow(tab, s.idx)
	if !ok {
		return
	}
	{
		if s.elem == nil {
			fb := b.figure(s.id, s.title, s.count, v, s.ptr)
			if a, ok := s.prior.in(py); ok {
				fb.prior(a, s.prior.ptr)
			}
			if a, ok := s.budget.in(tab); ok {
				fb.budget(a, s.budget.ptr)
			}
			if a, ok := s.initial.in(tab); ok {
				fb.initialBudget(a, s.initial.ptr)
			}
			if s.whole != "" {
				fb.whole(s.whole)
			}
			return
		}
		b.rows(s, v, r)
	}
}

// totalFacts are the facts of the fund totals of 财决Z01-1.
var totalFacts = map[Fund]string{GeneralBudgetFund: "generalBudget.total", GovFundFund: "govFund.expenditure", StateCapitalFund: "stateCapital.expenditure"}

// budgetTotals sets the budgets of the funds' expenditure facts from the
// 合计 lines of 财决Z01-1.
func (b *factBuilder) budgetTotals(z *Z011Table) {
	for i, t := range z.Totals {
		j, ok := b.byID[totalFacts[t.Fund]]
		if !ok {
			continue
		}
		fb := factRef{&b.f.Items[j]}
		at := "/tables/z01_1/totals/" + strconv.Itoa(i)
		if !fb.fact.Budget.IsSet() {
			fb.budget(t.AdjustedBudget, at+"/adjustedBudget")
		}
		if !fb.fact.InitialBudget.IsSet() {
			fb.initialBudget(t.InitialBudget, at+"/initialBudget")
		}
	}
}

// personnelPublic are the 部门预算支出经济分类 类 of 人员经费 and 公用经费.
var personnelPublic = []string{"301", "302", "303", "310"}

// economicItems lists the 款 of the 基本支出 table t and, missing, the 款
// of the catalogue under 301, 302, 303 and 310 it has no row for.
func economicItems(year int, t *EconDeptTable) []narrative.EconomicItem {
	var cat *classification.Catalog
	if eds, err := classification.EditionsFor(year); err == nil {
		cat = eds.EconDept
	}
	var out []narrative.EconomicItem
	have := map[string]bool{}
	for i, row := range t.Rows {
		code := string(row.Code)
		if len(code) != 5 {
			continue
		}
		name := row.Name
		if name == "" && cat != nil {
			name = cat.Name(code)
		}
		have[code] = true
		if name == "" {
			continue
		}
		out = append(out, narrative.EconomicItem{Code: code, Name: name,
			Value: narrative.Figure{Amount: row.Amount, Path: "/tables/generalBudgetBasic/rows/" + strconv.Itoa(i) + "/amount"}})
	}
	if cat == nil {
		return out
	}
	for _, class := range personnelPublic {
		for _, e := range cat.Children(class) {
			if len(e.Code) == 5 && !have[e.Code] {
				out = append(out, narrative.EconomicItem{Code: e.Code, Name: e.Name, Missing: true})
			}
		}
	}
	return out
}

// rows adds the facts of the rows v that s declares.
func (b *factBuilder) rows(s *factSpec, v reflect.Value, r *Report) {
	var rn rowNamer
	if s.coded {
		rn = rowNames(r.Unit.FiscalYear, v, s.rowKey)
	}
	var bud map[string]budgetAt
	if s.budgets != "" {
		bud = z011Budgets(r.Tables.Z011, s.budgets)
	}
	for j := range v.Len() {
		row := v.Index(j)
		key := row.FieldByIndex(s.rowKey).String()
		fig, _ := follow(row, s.elem)
		id, ptr := strings.Replace(s.id, "*", key, 1), s.ptr+"/"+strconv.Itoa(j)+s.elemPtr
		if !s.coded {
			b.figure(id, key, s.count, fig, ptr)
			continue
		}
		fb := b.figure(id, rn.title(key), s.count, fig, ptr).row(key, rn.chain(key))
		if s.whole != "" && len(key) == 3 {
			fb.whole(s.whole)
		}
		if bc, ok := bud[key]; ok {
			at := "/tables/z01_1/rows/" + strconv.Itoa(bc.i)
			fb.budget(bc.row.AdjustedBudget, at+"/adjustedBudget")
			fb.initialBudget(bc.row.InitialBudget, at+"/initialBudget")
		}
	}
}

type budgetAt struct {
	i   int
	row BudgetRow
}

// z011Budgets indexes the budget lines of 财决Z01-1 of fund (or of no
// stated fund) by code.
func z011Budgets(z *Z011Table, fund Fund) map[string]budgetAt {
	out := map[string]budgetAt{}
	if z == nil {
		return out
	}
	for i, r := range z.Rows {
		if r.Fund == fund || r.Fund == "" {
			out[string(r.Code)] = budgetAt{i, r}
		}
	}
	return out
}

// rowNamer gives the 科目 names of a table's rows, from the table or, for a
// row the table does not name, from the classification catalogue.
type rowNamer struct {
	names map[string]string
	cat   *classification.Catalog
}

// rowNames indexes the names of rows (a slice of coded rows whose code
// field is at code).
func rowNames(year int, rows reflect.Value, code []int) rowNamer {
	rn := rowNamer{names: map[string]string{}}
	l := model.lines[rows.Type().Elem()]
	for i := range rows.Len() {
		row := rows.Index(i)
		if name := row.FieldByIndex(l.name).String(); name != "" {
			rn.names[row.FieldByIndex(code).String()] = name
		}
	}
	if eds, err := classification.EditionsFor(year); err == nil {
		rn.cat = eds.Functional
	}
	return rn
}

func (rn rowNamer) name(code string) string {
	if n := rn.names[code]; n != "" {
		return n
	}
	if rn.cat != nil {
		return rn.cat.Name(code)
	}
	return ""
}

func (rn rowNamer) title(code string) string {
	if n := rn.name(code); n != "" {
		return n + "（" + code + "）"
	}
	return code
}

// chain returns the names from the 类 down to code; nil when one is
// unknown.
func (rn rowNamer) chain(code string) []string {
	var out []string
	for l := 3; l <= len(code); l += 2 {
		n := rn.name(code[:l])
		if n == "" {
			if l == len(code) {
				return nil
			}
			n = "?"
		}
		out = append(out, n)
	}
	return out
}

// factBuilder collects facts, keeping the first stated figure of an ID.
type factBuilder struct {
	f    *narrative.Facts
	byID map[string]int
}

type factRef struct {
	fact *narrative.Fact
}

func (b *factBuilder) add(f narrative.Fact) factRef {
	if b.byID == nil {
		b.byID = map[string]int{}
	}
	if i, ok := b.byID[f.ID]; ok {
		have := &b.f.Items[i]
		if !have.Value.IsSet() && f.Value.IsSet() {
			have.Value = f.Value
		}
		return factRef{have}
	}
	b.byID[f.ID] = len(b.f.Items)
	b.f.Items = append(b.f.Items, f)
	return factRef{&b.f.Items[len(b.f.Items)-1]}
}

// figure adds the fact of the amount or count v.
func (b *factBuilder) figure(id, title string, count bool, v reflect.Value, path string) factRef {
	if count {
		return b.add(narrative.Fact{ID: id, Title: title, Count: true, Value: narrative.Figure{Count: v.Interface().(Count), Path: path}})
	}
	return b.add(narrative.Fact{ID: id, Title: title, Value: narrative.Figure{Amount: v.Interface().(Amount), Path: path}})
}

// Facts are appended to a slice, so a factRef is only used right after it
// is made (before the next add).
func (r factRef) prior(a Amount, path string) factRef {
	if a.IsSet() && !r.fact.Prior.IsSet() {
		r.fact.Prior = narrative.Figure{Amount: a, Path: path}
	}
	return r
}

func (r factRef) whole(id string) factRef {
	if r.fact.Whole == "" {
		r.fact.Whole = id
	}
	return r
}

func (r factRef) row(code string, names []string) factRef {
	if len(names) > 0 {
		r.fact.Code, r.fact.Names = code, names
	}
	return r
}

// budget sets the 预算数 narratives compare with (调整预算数 where the table
// has it).
func (r factRef) budget(a Amount, path string) factRef {
	if a.IsSet() {
		r.fact.Budget = narrative.Figure{Amount: a, Path: path}
	}
	return r
}

// initialBudget sets the 年初预算数.
func (r factRef) initialBudget(a Amount, path string) factRef {
	if a.IsSet() {
		r.fact.InitialBudget = narrative.Figure{Amount: a, Path: path}
	}
	return r
}
