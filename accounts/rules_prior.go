package accounts

import (
	"reflect"
	"strconv"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
)

// Checks against last year's document (Options.Prior): B14 (this year's
// 年初 = last year's 年末) and B15 (the 上年数 this year's document states =
// the figures of last year's). Both compare the same quantity stated in two
// documents, as Context.same does (0.01 万元 is a 舍入差异).

// priorReport returns last year's report when it can be compared with
// this year's: of the year before (when both years are stated). When it is
// of another year, B14 reports that once and both rules stop.
func (c *Context) priorReport() *Report {
	p := c.Options.Prior
	if p == nil {
		return nil
	}
	if y, py := c.Report.Unit.FiscalYear, p.Unit.FiscalYear; y != 0 && py != 0 && py != y-1 {
		if c.rule.ID == "B14" {
			c.Add(audit.Finding{Path: "/unit/fiscalYear",
				Message:  "所给上年决算为" + strconv.Itoa(py) + "年度，本年决算为" + strconv.Itoa(y) + "年度，应为" + strconv.Itoa(y-1) + "年度，未与之核对",
				Expected: strconv.Itoa(y - 1), Actual: strconv.Itoa(py)})
		}
		return nil
	}
	return p
}

// priorTitle names last year's document in messages.
func (c *Context) priorTitle(table string) string {
	y := c.Report.Unit.FiscalYear - 1
	if p := c.Options.Prior; p != nil && p.Unit.FiscalYear != 0 {
		y = p.Unit.FiscalYear
	}
	return strconv.Itoa(y) + "年度决算" + table
}

// inUnit returns *b, a figure of last year's report, in this year's
// unit: b itself when the units agree, else a converted copy.
func (c *Context) inUnit(p *Report, b *Amount) *Amount {
	if p.Unit.AmountUnit == c.Unit() || !b.IsSet() || !p.Unit.AmountUnit.Valid() || !c.Unit().Valid() {
		return b
	}
	// as this year's table would print it: rounded to its places
	v := b.Convert(p.Unit.AmountUnit, c.Unit()).Round(c.Unit().Places())
	return &v
}

// B14 本年年初结转和结余 = 上年决算年末结转和结余: 收入支出决算总表, each fund
// column of 财政拨款收入支出决算总表, and the 合计 and each 科目 row of the
// 政府性基金 and 国有资本经营 tables.
func checkB14(c *Context) {
	p := c.priorReport()
	if p == nil {
		return
	}
	t, pt := &c.Report.Tables, &p.Tables
	if t.Summary != nil && pt.Summary != nil {
		c.same(at("/tables/summary/income/beginningBalance", ""), label{table: titleSummary, line: "年初结转和结余"}, &t.Summary.Income.BeginningBalance,
			label{table: c.priorTitle(titleSummary), line: "年末结转和结余"}, c.inUnit(p, &pt.Summary.Expenditure.EndingBalance))
	}
	if t.FiscalSummary != nil && pt.FiscalSummary != nil {
		for i, col := range fundColumns {
			c.same(at("/tables/fiscalSummary/income/beginningBalance", col.Name), label{table: titleFiscalSummary, line: "年初财政拨款结转和结余", col: col.Title},
				t.FiscalSummary.Income.BeginningBalance.At(i),
				label{table: c.priorTitle(titleFiscalSummary), line: "年末财政拨款结转和结余", col: col.Title}, c.inUnit(p, pt.FiscalSummary.Expenditure.EndingBalance.At(i)))
		}
	}
	for _, g := range []struct {
		key, title string
		this, last *FundTable
	}{{"govFund", titleGovFund, t.GovFund, pt.GovFund}, {"stateCapital", titleStateCapital, t.StateCapital, pt.StateCapital}} {
		if g.this == nil || g.last == nil {
			continue
		}
		c.same(at("/tables/"+g.key+"/total/beginningBalance", ""), label{table: g.title, line: "合计", col: "年初结转和结余"}, &g.this.Total.BeginningBalance,
			label{table: c.priorTitle(g.title), line: "合计", col: "年末结转和结余"}, c.inUnit(p, &g.last.Total.EndingBalance))
		last := make(map[string]int, len(g.last.Rows))
		for j := range g.last.Rows {
			if _, dup := last[string(g.last.Rows[j].Code)]; !dup {
				last[string(g.last.Rows[j].Code)] = j
			}
		}
		for i := range g.this.Rows {
			r := &g.this.Rows[i]
			j, ok := last[string(r.Code)]
			if !ok {
				continue
			}
			lr := &g.last.Rows[j]
			c.same(rowAt("/tables/"+g.key+"/rows", i, "beginningBalance"), label{table: g.title, code: string(r.Code), name: r.Name, col: "年初结转和结余"}, &r.BeginningBalance,
				label{table: c.priorTitle(g.title), code: string(lr.Code), name: lr.Name, col: "年末结转和结余"}, c.inUnit(p, &lr.EndingBalance))
		}
	}
}

// priorSpecs are the facts whose last-year figure PriorYear holds (the
// prior option of the fact tags), one per PriorYear field: the first
// declaration of each, in declaration order, with its fall-backs after it.
var priorSpecs = func() map[string][]*factSpec {
	out := map[string][]*factSpec{}
	for i := range factSpecs {
		s := &factSpecs[i]
		if s.prior.idx == nil || s.elem != nil || s.count {
			continue
		}
		out[s.prior.ptr] = append(out[s.prior.ptr], s)
	}
	return out
}()

// priorOrder is the order B15 checks the PriorYear fields in: the order of
// their first fact declaration.
var priorOrder = func() []string {
	var out []string
	seen := map[string]bool{}
	for i := range factSpecs {
		s := &factSpecs[i]
		if _, ok := priorSpecs[s.prior.ptr]; ok && !seen[s.prior.ptr] {
			seen[s.prior.ptr] = true
			out = append(out, s.prior.ptr)
		}
	}
	return out
}()

// B15 上年数 = 上年决算: each figure of this year's priorYear that last year's
// document states in one of its tables (收入支出决算总表, 财政拨款收入支出决算总表,
// 一般公共预算财政拨款支出决算表, “三公”经费表, …; the prior option of the fact
// declarations says which).
func checkB15(c *Context) {
	p := c.priorReport()
	py := c.Report.PriorYear
	if p == nil || py == nil {
		return
	}
	pyv := reflect.ValueOf(py).Elem()
	tv := reflect.ValueOf(&p.Tables).Elem()
	for _, ptr := range priorOrder {
		for _, s := range priorSpecs[ptr] {
			tab := tv.Field(model.field[s.table])
			if tab.IsNil() || s.unless >= 0 && !tv.Field(model.field[s.unless]).IsNil() {
				continue
			}
			lv, ok := follow(tab, s.idx)
			if !ok {
				continue
			}
			mv, _ := follow(pyv, s.prior.idx)
			mine := mv.Addr().Interface().(*Amount)
			last := lv.Addr().Interface().(*Amount)
			title := s.title
			if title == "" {
				title = s.id
			}
			c.same(at(ptr, ""), label{table: "上年数", line: fieldTitle(reflect.TypeFor[PriorYear](), ptr[len("/priorYear/"):])}, mine,
				label{table: c.priorTitle(model.tables[s.table].Short), line: title}, c.inUnit(p, last))
			break
		}
	}
}

// PriorYearOf returns the prior-year figures that last, last year's report,
// gives for a report in unit: each PriorYear field from the table figure
// the fact declarations name for it (the prior option; the first stated
// one), and FiscalEndingBalance from its 财政拨款收入支出决算总表, converted
// from last's unit and rounded to unit's places. A field last does not
// state stays absent. Copy its figures into Report.PriorYear where that
// leaves them absent to check a narrative's 同比 statements against last
// year's document (NarrativeFacts reads the prior figures from there).
func PriorYearOf(last *Report, unit amount.Unit) PriorYear {
	py := PriorYear{FiscalYear: last.Unit.FiscalYear}
	conv := func(a Amount) Amount {
		if !a.IsSet() || last.Unit.AmountUnit == unit || !unit.Valid() || !last.Unit.AmountUnit.Valid() {
			return a
		}
		return a.Convert(last.Unit.AmountUnit, unit).Round(unit.Places())
	}
	pyv := reflect.ValueOf(&py).Elem()
	tv := reflect.ValueOf(&last.Tables).Elem()
	for _, ptr := range priorOrder {
		for _, s := range priorSpecs[ptr] {
			tab := tv.Field(model.field[s.table])
			if tab.IsNil() || s.unless >= 0 && !tv.Field(model.field[s.unless]).IsNil() {
				continue
			}
			lv, ok := follow(tab, s.idx)
			if !ok || !lv.Interface().(Amount).IsSet() {
				continue
			}
			mv, _ := follow(pyv, s.prior.idx)
			mv.Set(reflect.ValueOf(conv(lv.Interface().(Amount))))
			break
		}
	}
	if f := last.Tables.FiscalSummary; f != nil {
		for i := range fundColumns {
			*py.FiscalEndingBalance.At(i) = conv(*f.Expenditure.EndingBalance.At(i))
		}
	}
	return py
}

// Merge fills the figures p leaves absent from q (such as PriorYearOf
// last year's document), and FiscalYear when p has none. A figure p
// states is kept.
func (p *PriorYear) Merge(q PriorYear) {
	if p.FiscalYear == 0 {
		p.FiscalYear = q.FiscalYear
	}
	mergeAbsent(reflect.ValueOf(p).Elem(), reflect.ValueOf(q))
}

// mergeAbsent sets each absent Amount of dst, a struct, from src.
func mergeAbsent(dst, src reflect.Value) {
	for i := range dst.NumField() {
		d, s := dst.Field(i), src.Field(i)
		switch {
		case d.Type() == amountType:
			if a := d.Addr().Interface().(*Amount); !a.IsSet() {
				*a = s.Interface().(Amount)
			}
		case d.Kind() == reflect.Struct:
			mergeAbsent(d, s)
		}
	}
}
