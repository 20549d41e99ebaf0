package accounts

import (
	"cmp"
	"slices"

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
	// ix is the part's code index, once index has built it.
	ix *codeIndex
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

// codeIndex orders a part's rows by code and finds a row by its code. It
// is built once per part and call (see part.index).
type codeIndex struct {
	order []int          // the row indices in code order (stable: equal codes keep row order)
	first map[string]int // the first row with each code
	last  map[string]int // the last row with each code
	kids  [][]int        // the direct children of each row, once children has asked
}

// index returns the code index of the part's rows, building it on first
// use. Rules inspect the report without changing it, and Calculate changes
// figures, never codes, so the index stays valid for the part's life.
func (p *part[R, C, P]) index() *codeIndex {
	if p.ix != nil {
		return p.ix
	}
	n := len(p.rows)
	x := &codeIndex{order: make([]int, n), first: make(map[string]int, n), last: make(map[string]int, n)}
	for i := range n {
		x.order[i] = i
		code := string(p.code(i))
		if _, ok := x.first[code]; !ok {
			x.first[code] = i
		}
		x.last[code] = i
	}
	byCode := func(a, b int) int { return cmp.Compare(p.code(a), p.code(b)) }
	if !slices.IsSortedFunc(x.order, byCode) {
		slices.SortStableFunc(x.order, byCode)
	}
	p.ix = x
	return x
}

// find returns the first row with code, or −1.
func (x *codeIndex) find(code string) int {
	if i, ok := x.first[code]; ok {
		return i
	}
	return -1
}

// children calls fn for each parent of the part with its direct children,
// as row indices in code order: every listed row whose code is the
// parent's code and two more digits, and finally the 合计 (parent −1) with
// the 类 rows. A parent without listed children is skipped. Parents come
// in reverse code order, so deepest first (款 before their 类), so that
// Calculate can roll up in one pass. When a code is listed twice, its last
// listing is the parent.
func (p *part[R, C, P]) children(fn func(parent int, kids []int)) {
	x := p.index()
	if x.kids == nil {
		x.kids = make([][]int, len(p.rows))
		for _, i := range x.order {
			code := string(p.code(i))
			if len(code) < 2 {
				continue
			}
			if parent, ok := x.last[code[:len(code)-2]]; ok {
				x.kids[parent] = append(x.kids[parent], i)
			}
		}
	}
	kids := x.kids
	for k := len(x.order) - 1; k >= 0; k-- {
		if i := x.order[k]; len(kids[i]) > 0 {
			fn(i, kids[i])
		}
	}
	if p.total == nil {
		return
	}
	var classes []int
	for _, i := range x.order {
		if len(p.code(i)) == 3 {
			classes = append(classes, i)
		}
	}
	if len(classes) > 0 {
		fn(-1, classes)
	}
}
