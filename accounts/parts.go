package accounts

import (
	"slices"
	"strings"

	"github.com/cnfiscal/juesuan/classification"
)

// row is implemented by pointers to the coded rows of the tables.
type row[C classification.Code] interface {
	rowCode() C
	rowName() string
	ColumnSet
}

// rowPtr is *R where *R is a row.
type rowPtr[R any, C classification.Code] interface {
	*R
	row[C]
}

func (r *IncomeRow) rowCode() classification.FuncCode       { return r.Code }
func (r *IncomeRow) rowName() string                        { return r.Name }
func (r *ExpenditureRow) rowCode() classification.FuncCode  { return r.Code }
func (r *ExpenditureRow) rowName() string                   { return r.Name }
func (r *SplitRow) rowCode() classification.FuncCode        { return r.Code }
func (r *SplitRow) rowName() string                         { return r.Name }
func (r *FundFlowRow) rowCode() classification.FuncCode     { return r.Code }
func (r *FundFlowRow) rowName() string                      { return r.Name }
func (r *FundRow) rowCode() classification.FuncCode         { return r.Code }
func (r *FundRow) rowName() string                          { return r.Name }
func (r *FuncAmountRow) rowCode() classification.FuncCode   { return r.Code }
func (r *FuncAmountRow) rowName() string                    { return r.Name }
func (r *BudgetRow) rowCode() classification.FuncCode       { return r.Code }
func (r *BudgetRow) rowName() string                        { return r.Name }
func (r *EconomicRow) rowCode() classification.EconGovCode  { return r.Code }
func (r *EconomicRow) rowName() string                      { return r.Name }
func (r *EconDeptRow) rowCode() classification.EconDeptCode { return r.Code }
func (r *EconDeptRow) rowName() string                      { return r.Name }

// part is the coded part of a table: its rows, its 合计 and where they sit.
type part[R any, C classification.Code, P rowPtr[R, C]] struct {
	table  string    // Chinese title, for messages
	rows   []R       // the coded rows
	rowsAt string    // JSON Pointer of the row list, e.g. /tables/income/rows
	total  ColumnSet // the 合计 row or line; nil when the part has none
	// totalAt is the JSON Pointer of the 合计 (its columns are appended).
	totalAt string
	// totalName is the 合计 line's title in messages: 合计 or 本年支出合计.
	totalName string
	// levels are the levels the part admits (K1); nil admits any.
	levels []classification.Level
}

func (p *part[R, C, P]) code(i int) C { return P(&p.rows[i]).rowCode() }
func (p *part[R, C, P]) at(i int) P   { return P(&p.rows[i]) }
func (p *part[R, C, P]) rowLabel(i int, col string) label {
	r := P(&p.rows[i])
	return label{table: p.table, code: string(r.rowCode()), name: r.rowName(), col: col}
}
func (p *part[R, C, P]) totalLabel(col string) label {
	return label{table: p.table, line: p.totalName, col: col}
}

// order returns the row indices in code order, reusing buf. When the rows
// are already in code order (the usual case: a table lists each 类, then its
// 款, then their 项, which is string order) it returns nil and allocates
// nothing.
func (p *part[R, C, P]) order(buf []int32) []int32 {
	sorted := true
	for i := 1; i < len(p.rows); i++ {
		if p.code(i) < p.code(i-1) {
			sorted = false
			break
		}
	}
	if sorted {
		return nil
	}
	buf = buf[:0]
	for i := range p.rows {
		buf = append(buf, int32(i))
	}
	slices.SortStableFunc(buf, func(a, b int32) int {
		return strings.Compare(string(p.code(int(a))), string(p.code(int(b))))
	})
	return buf
}

// children calls fn for each parent of the part with its direct children,
// as row indices: every row with a lower level below it that is listed, and
// finally the 合计 (parent −1) with the 类 rows. A parent without listed
// children is skipped. Parents come deepest first (款 before their 类), so
// that Calculate can roll up in one pass. kids is reused.
func (p *part[R, C, P]) children(c *Context, fn func(parent int, kids []int32)) {
	ord := p.order(c.idx)
	if ord != nil {
		c.idx = ord
	}
	n := len(p.rows)
	idx := func(k int) int {
		if ord == nil {
			return k
		}
		return int(ord[k])
	}
	kids := c.kids[:0]
	defer func() { c.kids = kids }()
	for k := n - 1; k >= 0; k-- {
		pi := idx(k)
		pc := string(p.code(pi))
		kids = kids[:0]
		for j := k + 1; j < n; j++ {
			cc := string(p.code(idx(j)))
			if len(cc) <= len(pc) || !strings.HasPrefix(cc, pc) {
				break
			}
			if len(cc) == len(pc)+2 {
				kids = append(kids, int32(idx(j)))
			}
		}
		if len(kids) > 0 {
			fn(pi, kids)
		}
	}
	if p.total == nil {
		return
	}
	kids = kids[:0]
	for k := 0; k < n; k++ {
		if i := idx(k); len(p.code(i)) == 3 {
			kids = append(kids, int32(i))
		}
	}
	if len(kids) > 0 {
		fn(-1, kids)
	}
}
