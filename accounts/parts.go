package accounts

import (
	"cmp"
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
	// ix is the part's code index, once index has built it.
	ix codeIndex
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
// is built once per part and call (see part.index): a sorted list of row
// indices and, once children has asked, the direct children of every row
// in one flat list. No map is needed: the rows in code order answer a
// look-up by binary search.
type codeIndex struct {
	built bool
	order []int32 // the row indices in code order (stable: equal codes keep row order)
	// kids holds the direct children of row i (in code order) at
	// kids[at[i]:at[i+1]], and the 类 rows, the children of the 合计, at
	// kids[at[n]:at[n+1]]; nil until children has asked.
	at, kids []int32
	buf      []int32 // the storage of order and of hierarchy's lists
}

// hierarchyLen is the length of the storage hierarchy needs for n rows:
// the parent of each row, the list bounds, a fill cursor per list and the
// lists (a row is the child of at most one row and, for a 类, of the 合计:
// at most 2n entries).
func hierarchyLen(n int) int { return n + (n + 2) + (n + 1) + 2*n }

// index returns the code index of the part's rows, building it on first
// use. Rules inspect the report without changing it, and Calculate changes
// figures, never codes, so the index stays valid for the part's life.
func (p *part[R, C, P]) index() *codeIndex {
	x := &p.ix
	if x.built {
		return x
	}
	n := len(p.rows)
	// One allocation holds the order and what hierarchy needs (most rule
	// sets ask for both).
	x.buf = make([]int32, n+hierarchyLen(n))
	x.order = x.buf[:n:n]
	for i := range x.order {
		x.order[i] = int32(i)
	}
	byCode := func(a, b int32) int { return cmp.Compare(p.code(int(a)), p.code(int(b))) }
	if !slices.IsSortedFunc(x.order, byCode) {
		slices.SortStableFunc(x.order, byCode)
	}
	x.built = true
	return x
}

// bounds returns the positions in code order of the rows with code: from
// lo up to, not including, hi (lo == hi when there is none).
func (p *part[R, C, P]) bounds(code string) (lo, hi int) {
	order := p.index().order
	lo, _ = slices.BinarySearchFunc(order, code, func(i int32, code string) int {
		return cmp.Compare(string(p.code(int(i))), code)
	})
	hi = lo
	for hi < len(order) && string(p.code(int(order[hi]))) == code {
		hi++
	}
	return lo, hi
}

// find returns the first row with code, or −1.
func (p *part[R, C, P]) find(code string) int {
	if lo, hi := p.bounds(code); lo < hi {
		return int(p.ix.order[lo])
	}
	return -1
}

// children calls fn for each parent of the part with its direct children,
// as row indices in code order: every listed row whose code is the
// parent's code and two more digits, and finally the 合计 (parent −1) with
// the 类 rows. A parent without listed children is skipped. Parents come
// in reverse code order, so deepest first (款 before their 类), so that
// Calculate can roll up in one pass. When a code is listed twice, its last
// listing is the parent. kids is shared: fn must not keep it.
func (p *part[R, C, P]) children(fn func(parent int, kids []int32)) {
	x := p.hierarchy()
	for k := len(x.order) - 1; k >= 0; k-- {
		if i := int(x.order[k]); len(x.kidsOf(i)) > 0 {
			fn(i, x.kidsOf(i))
		}
	}
	if kids := x.kidsOf(len(p.rows)); p.total != nil && len(kids) > 0 {
		fn(-1, kids)
	}
}

// kidsOf returns the direct children of row i, or of the 合计 for i = n,
// once hierarchy has built them.
func (x *codeIndex) kidsOf(i int) []int32 { return x.kids[x.at[i]:x.at[i+1]] }

// hierarchy returns the code index with the children of every row built
// (see children).
func (p *part[R, C, P]) hierarchy() *codeIndex {
	x := p.index()
	if x.at != nil {
		return x
	}
	n := len(p.rows)
	// A row is the child of at most one row and, for a 类, of the 合计
	// (slot n): at most 2n entries. One allocation holds the parent of
	// each row (−1 for none), the list bounds, a fill cursor per list and
	// the lists (index allocated it with the order).
	buf := x.buf[n:]
	parent, at, next, kids := buf[:n], buf[n:2*n+2], buf[2*n+2:3*n+3], buf[3*n+3:]
	// In code order the rows whose code starts with a code P follow the
	// rows of P itself, so the listed prefixes of the current code are a
	// stack of rows (open), each a prefix of the one above; of equal codes
	// the last listed stays. A row's parent, if listed, is on the stack.
	type listed struct {
		code string
		row  int32
	}
	var stack [8]listed
	open := stack[:0]
	for k, i := range x.order {
		parent[k] = -1
		code := string(p.code(int(i)))
		for len(open) > 0 && !strings.HasPrefix(code, open[len(open)-1].code) {
			open = open[:len(open)-1]
		}
		if len(code) >= 2 {
			want := code[:len(code)-2]
			for q := len(open) - 1; q >= 0; q-- {
				if c := open[q].code; len(c) <= len(want) {
					if c == want {
						parent[k] = open[q].row
						at[open[q].row+1]++
					}
					break
				}
			}
		}
		if len(code) == 3 {
			at[n+1]++
		}
		if m := len(open); m > 0 && open[m-1].code == code {
			open[m-1].row = i
		} else {
			open = append(open, listed{code, i})
		}
	}
	for q := 1; q < len(at); q++ {
		at[q] += at[q-1]
	}
	copy(next, at[:n+1])
	for k, i := range x.order {
		if q := parent[k]; q >= 0 {
			kids[next[q]] = i
			next[q]++
		}
		if len(p.code(int(i))) == 3 {
			kids[next[n]] = i
			next[n]++
		}
	}
	x.at, x.kids = at, kids[:at[n+1]]
	return x
}
