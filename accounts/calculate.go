package accounts

import (
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
)

// Calculate fills the derivable figures of r that are absent, with the
// default options (人员经费 classes 301 and 303). See CalculateWith.
func (r *Report) Calculate() { r.CalculateWith(Options{}) }

// CalculateWith fills the derivable figures of r that are absent:
//
//   - row totals from their columns (本年收入合计, 本年支出合计, 合计 = 基本 +
//     项目, 基本 = 人员 + 公用, the fund 合计, the 三公 合计 and 小计);
//   - 款 from their listed 项 and 类 from their listed 款 (rows that exist
//     only: no row is added), and each table's 合计 from its 类 rows;
//   - 本年收入合计 of 收入支出决算总表 from its eight lines, and the 总计 lines;
//   - 年末 = 年初 + 收入 − 支出 (收入支出决算总表, each fund of
//     财政拨款收入支出决算总表, each row of the 政府性基金 and 国有资本经营
//     tables);
//   - 人员经费合计 and 公用经费合计 from the economic 类 rows
//     (o.PersonnelClasses).
//
// A figure is filled only when every figure it is derived from is stated;
// otherwise it stays absent. A stated figure is never changed, so
// CalculateWith is idempotent. Only o.PersonnelClasses is used.
func (r *Report) CalculateWith(o Options) {
	c := &Context{Report: r, Options: &o, scratch: make([]Amount, 0, 32)}
	for c.fill() {
	}
}

// sumOf returns Σ plus − Σ minus, or false when a figure is absent or there
// is no addend.
func sumOf(plus, minus []Amount) (Amount, bool) {
	s := amount.SumDiff(plus, minus)
	return s, s.IsSet()
}

// set fills *dst with Σ plus − Σ minus when *dst is absent and the sum can
// be formed; it reports whether it filled. In a 万元 report a figure filled
// from two or more rounded figures is marked with their count
// (Amount.WithRounded; a stated figure counts 1, a derived one its own
// count), so that a comparison with it admits their rounding.
func (c *Context) set(dst *Amount, plus, minus []*Amount) bool {
	if dst.IsSet() {
		return false
	}
	if len(plus) == 0 {
		return false
	}
	for _, a := range plus {
		if !a.IsSet() {
			return false
		}
	}
	for _, a := range minus {
		if !a.IsSet() {
			return false
		}
	}
	// c.scratch is reused from call to call: a fresh array here would be
	// zeroed on every call, which costs more than the sum.
	buf := c.scratch[:0]
	for _, a := range plus {
		buf = append(buf, *a)
	}
	for _, a := range minus {
		buf = append(buf, *a)
	}
	c.scratch = buf
	s, ok := sumOf(buf[:len(plus)], buf[len(plus):])
	if !ok {
		return false
	}
	if c.Unit() != amount.Yuan {
		n := 0
		for _, a := range plus {
			n += a.Rounded()
		}
		for _, a := range minus {
			n += a.Rounded()
		}
		if n > 1 {
			s = s.WithRounded(n)
		}
	}
	*dst = s
	return true
}

// ptrsAt appends the figures ks of cs to dst.
func ptrsAt(dst []*Amount, cs ColumnSet, ks []int) []*Amount {
	for _, k := range ks {
		dst = append(dst, cs.At(k))
	}
	return dst
}

// fillFormulas fills the absent totals of the identities fs on cs.
func (c *Context) fillFormulas(cs ColumnSet, fs []formula) bool {
	changed := false
	for i := range fs {
		f := &fs[i]
		dst := cs.At(f.total)
		if dst.IsSet() {
			continue
		}
		var plus, minus [12]*Amount
		if c.set(dst, ptrsAt(plus[:0], cs, f.plus), ptrsAt(minus[:0], cs, f.minus)) {
			changed = true
		}
	}
	return changed
}

func fillRows[R any, C classification.Code, P rowPtr[R, C]](c *Context, p *part[R, C, P], fs []formula) bool {
	changed := false
	for i := range p.rows {
		if c.fillFormulas(p.at(i), fs) {
			changed = true
		}
	}
	if p.total != nil && c.fillFormulas(p.total, fs) {
		changed = true
	}
	return changed
}

// fillHierarchy fills absent parent figures from their listed children,
// deepest first, and the 合计 from the 类 rows.
func fillHierarchy[R any, C classification.Code, P rowPtr[R, C]](c *Context, p *part[R, C, P]) bool {
	changed := false
	var buf [32]*Amount // the children's figures of one column
	p.children(func(parent int, kids []int32) {
		cs := p.total
		if parent >= 0 {
			cs = p.at(parent)
		}
		for ci := range cs.Columns() {
			if cs.At(ci).IsSet() {
				continue
			}
			plus := buf[:0]
			for _, kid := range kids {
				plus = append(plus, p.at(int(kid)).At(ci))
			}
			if c.set(cs.At(ci), plus, nil) {
				changed = true
			}
		}
	})
	return changed
}

// fill makes one pass over the report; it reports whether anything was
// filled (CalculateWith repeats until nothing is). Calculate changes
// figures, never rows, so the parts of the first pass serve every pass.
func (c *Context) fill() bool {
	t, ps := &c.Report.Tables, c.parts()
	ch := false
	or := func(b bool) {
		if b {
			ch = true
		}
	}
	for i, s := range ps.sums {
		in, ex := &s.t.Income, &s.t.Expenditure
		or(c.fillFormulas(in, summaryIncomeTotal))
		or(c.fillFormulas(in, summaryIncomeGrand))
		or(fillHierarchy(c, &ps.sumParts[i]))
		or(c.fillFormulas(ex, summaryExpGrand))
		or(c.set(&ex.EndingBalance, []*Amount{&in.BeginningBalance, &in.Total, &in.NonFiscalBalanceUsed},
			[]*Amount{&ex.Total, &ex.BalanceDistribution}))
	}
	for i, f := range ps.fiscals {
		in, ex := &f.t.Income, &f.t.Expenditure
		p := &ps.fiscalParts[i]
		or(fillRows(c, p, fundFormulas))
		or(fillHierarchy(c, p))
		for _, cs := range []ColumnSet{&in.Current, &in.BeginningBalance, &ex.EndingBalance, &ex.GrandTotal} {
			or(c.fillFormulas(cs, fundFormulas))
		}
		for k := range fundColumns {
			or(c.set(ex.EndingBalance.At(k), []*Amount{in.BeginningBalance.At(k), in.Current.At(k)}, []*Amount{ex.Total.At(k)}))
			or(c.set(ex.GrandTotal.At(k), []*Amount{ex.Total.At(k), ex.EndingBalance.At(k)}, nil))
		}
		or(c.set(&in.GrandTotal, []*Amount{&in.Current.Total, &in.BeginningBalance.Total}, nil))
	}
	if t.Income != nil {
		or(fillRows(c, &ps.income, incomeFormulas))
		or(fillHierarchy(c, &ps.income))
	}
	if t.Expenditure != nil {
		or(fillRows(c, &ps.expenditure, expenditureFormulas))
		or(fillHierarchy(c, &ps.expenditure))
	}
	if t.GeneralBudget != nil {
		or(fillRows(c, &ps.generalBudget, splitFormulas))
		or(fillHierarchy(c, &ps.generalBudget))
	}
	for _, e := range []struct {
		t *EconomicTable
		p *economicPart
	}{{t.FiscalEconomic, &ps.fiscalEconomic}, {t.GeneralBudgetEconomic, &ps.generalBudgetEconomic}} {
		if e.t == nil {
			continue
		}
		or(fillRows(c, e.p, econBasicFormula))
		or(fillRows(c, e.p, econTotalFormula))
		or(fillHierarchy(c, e.p))
	}
	for _, d := range []struct {
		t *EconDeptTable
		p *deptPart
	}{{t.GeneralBudgetBasic, &ps.basic}, {t.GeneralBudgetProject, &ps.project}} {
		if d.t == nil {
			continue
		}
		or(fillHierarchy(c, d.p))
		var persBuf, pubBuf [16]*Amount
		if pers, pub, ok := deptSplit(c, d.p, persBuf[:0], pubBuf[:0], addressOf); ok {
			or(c.set(&d.t.Personnel, pers, nil))
			or(c.set(&d.t.Public, pub, nil))
		}
		or(c.set(&d.t.Total, []*Amount{&d.t.Personnel, &d.t.Public}, nil))
	}
	if z := t.Z07; z != nil {
		or(fillHierarchy(c, &ps.z07))
		or(c.set(&z.Expenditure.Basic, []*Amount{&z.Personnel, &z.Public}, nil))
		or(c.fillFormulas(&z.Expenditure, splitFormulas))
	}
	for _, tp := range []*ThreePublicTable{t.ThreePublic, t.GovFundThreePublic} {
		if tp == nil {
			continue
		}
		or(c.fillFormulas(&tp.Budget, threePublicFormulas))
		or(c.fillFormulas(&tp.Actual, threePublicFormulas))
	}
	for _, f := range []struct {
		t *FundTable
		p *fundPart
	}{{t.GovFund, &ps.govFund}, {t.StateCapital, &ps.stateCapital}} {
		if f.t == nil {
			continue
		}
		or(fillRows(c, f.p, fundFlowFormulas))
		or(fillHierarchy(c, f.p))
	}
	if t.StateCapitalExpenditure != nil {
		or(fillRows(c, &ps.stateCapitalExp, splitFormulas))
		or(fillHierarchy(c, &ps.stateCapitalExp))
	}
	return ch
}
