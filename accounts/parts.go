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
	microLoader
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
	table  string  // Chinese title, for messages
	rows   []R     // the coded rows
	rowsAt string  // JSON Pointer of the row list, e.g. /tables/income/rows
	total  lineSet // the 合计 row or line; nil when the part has none
	// totalAt is the JSON Pointer of the 合计 (its columns are appended).
	totalAt string
	// totalName is the 合计 line's title in messages: 合计 or 本年支出合计.
	totalName string
	// levels are the levels the part admits (K1); nil admits any.
	levels []classification.Level
	// ix is the part's code index, once index has found it.
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

// codeIndex holds the codes of a part's rows, in row order, as integer
// keys that order and compare like the codes (see codeKey): cheaper than
// strings on tables of thousands of rows. A code that does not pack (more
// than 7 bytes: never in a decoded document) makes the index keep the
// codes as strings instead.
type codeIndex struct {
	first  any      // the address of the first row, which identifies the row list
	n      int      // the number of rows
	keys   []uint64 // the packed codes; nil when a code does not pack
	codes  []string // the codes, only when keys is nil
	sorted bool     // the codes are in code order
	ord    []int32  // the row indices in code order; nil when sorted
	// ans are the answers of ansCat for the codes, by row, once K1 or K2
	// has asked (see Context.answers); nil before.
	ans    []catHit
	ansCat *classification.Catalog
}

// noRows is the index of an empty row list. It is never written to.
var noRows = codeIndex{sorted: true}

// codeKey packs a code of at most 7 bytes into an integer that orders like
// the code: its bytes big-endian, padded with zero bytes, then its length
// in the low byte. Two codes are equal exactly when their keys are, and a
// code sorts before its extensions ("201" < "20101" < "202"). It reports
// false for a longer code.
func codeKey(s string) (uint64, bool) {
	switch len(s) { // the code lengths of the catalogues, unrolled
	case 3:
		return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | 3, true
	case 5:
		return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 | uint64(s[4])<<24 | 5, true
	case 7:
		return uint64(s[0])<<56 | uint64(s[1])<<48 | uint64(s[2])<<40 | uint64(s[3])<<32 | uint64(s[4])<<24 |
			uint64(s[5])<<16 | uint64(s[6])<<8 | 7, true
	}
	if len(s) > 7 {
		return 0, false
	}
	var k uint64
	for i := 0; i < len(s); i++ {
		k |= uint64(s[i]) << (56 - 8*i)
	}
	return k | uint64(len(s)), true
}

// len returns the length of the code of row i.
func (x *codeIndex) len(i int) int {
	if x.keys != nil {
		return int(x.keys[i] & 0xff)
	}
	return len(x.codes[i])
}

// under reports whether the code of row ci lies below the code of row pi:
// it is longer and starts with it.
func (x *codeIndex) under(ci, pi int) bool {
	lp := x.len(pi)
	if x.len(ci) <= lp {
		return false
	}
	if x.keys != nil {
		return lp == 0 || (x.keys[ci]^x.keys[pi])>>(64-8*lp) == 0
	}
	return x.codes[ci][:lp] == x.codes[pi]
}

// same reports whether rows i and j have the same code.
func (x *codeIndex) same(i, j int) bool {
	if x.keys != nil {
		return x.keys[i] == x.keys[j]
	}
	return x.codes[i] == x.codes[j]
}

// row returns the index of the row at position k in code order.
func (x *codeIndex) row(k int) int {
	if x.ord == nil {
		return k
	}
	return int(x.ord[k])
}

// find returns the first row, in code order, whose code is code, or −1
// (a binary search).
func (x *codeIndex) find(code string) int {
	k, packed := codeKey(code)
	if x.keys != nil && !packed {
		return -1 // every row's code packs, so none is this long
	}
	lo, hi := 0, x.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		var less bool
		if x.keys != nil {
			less = x.keys[x.row(m)] < k
		} else {
			less = x.codes[x.row(m)] < code
		}
		if less {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == x.n {
		return -1
	}
	if i := x.row(lo); (x.keys != nil && x.keys[i] == k) || (x.keys == nil && x.codes[i] == code) {
		return i
	}
	return -1
}

// index returns the code index of the part's rows. It is built once per
// Context (one Validate or Calculate call) and shared by every rule that
// walks the part's codes: rules inspect the report without changing it,
// and Calculate changes figures, never codes. An index is found again by
// its row list (the first row's address and the row count), so a row list
// that is replaced gets a new one; the part keeps the index it found
// (p.ix), so that the parts of the call's partSet find theirs at once.
func (p *part[R, C, P]) index(c *Context) *codeIndex {
	if p.ix != nil {
		return p.ix
	}
	return p.findIndex(c)
}

// findIndex finds or builds the code index of the part's rows (see index).
func (p *part[R, C, P]) findIndex(c *Context) *codeIndex {
	n := len(p.rows)
	if n == 0 {
		return &noRows
	}
	first := any(&p.rows[0])
	for _, x := range c.indexes {
		if x.first == first && x.n == n {
			p.ix = x
			return x
		}
	}
	x := c.newIndex(n)
	p.ix = x
	x.first = first
	for i := range p.rows {
		k, ok := codeKey(string(p.code(i)))
		if !ok {
			x.keys = nil
			break
		}
		x.keys[i] = k
	}
	if x.keys == nil {
		x.codes = make([]string, n)
		for i := range p.rows {
			x.codes[i] = string(p.code(i))
		}
	}
	for i := 1; i < n && x.sorted; i++ {
		if x.keys != nil {
			x.sorted = x.keys[i] >= x.keys[i-1]
		} else {
			x.sorted = x.codes[i] >= x.codes[i-1]
		}
	}
	if !x.sorted {
		x.ord = make([]int32, n)
		for i := range x.ord {
			x.ord[i] = int32(i)
		}
		slices.SortStableFunc(x.ord, func(a, b int32) int {
			if x.keys != nil {
				return cmp.Compare(x.keys[a], x.keys[b])
			}
			return strings.Compare(x.codes[a], x.codes[b])
		})
	}
	c.indexes = append(c.indexes, x)
	return x
}

// newIndex returns an empty codeIndex for n rows, with keys. Its storage is
// carved from arenas sized, on first use, for every coded row of the
// report, so that indexing a report's parts allocates a few times, not per
// part.
func (c *Context) newIndex(n int) *codeIndex {
	if len(c.ixArena) == 0 && len(c.keyArena) == 0 { // the first index of the call
		if rows, parts := c.Report.rowCount(); cap(c.keyArena) < rows || cap(c.ixArena) < parts {
			c.keyArena = make([]uint64, 0, max(rows, cap(c.keyArena)))
			c.ixArena = make([]codeIndex, 0, max(parts, cap(c.ixArena)))
		}
	}
	var x *codeIndex
	if len(c.ixArena) < cap(c.ixArena) {
		c.ixArena = c.ixArena[:len(c.ixArena)+1]
		x = &c.ixArena[len(c.ixArena)-1]
	} else {
		x = new(codeIndex)
	}
	x.n, x.sorted = n, true
	if off := len(c.keyArena); off+n <= cap(c.keyArena) {
		c.keyArena = c.keyArena[:off+n]
		x.keys = c.keyArena[off : off+n : off+n]
	} else {
		x.keys = make([]uint64, n)
	}
	return x
}

// newAnswers returns room for the catalogue's answers for n rows, carved,
// like the keys of newIndex, from an arena sized on first use for every
// coded row of the report.
func (c *Context) newAnswers(n int) []catHit {
	off := len(c.ansArena)
	if off+n > cap(c.ansArena) {
		if off > 0 {
			return make([]catHit, n)
		}
		rows, _ := c.Report.rowCount()
		c.ansArena = make([]catHit, 0, max(rows, n))
	}
	c.ansArena = c.ansArena[:off+n]
	return c.ansArena[off : off+n : off+n]
}

// rowCount returns the number of coded rows of the report's tables, and
// the number of their row lists that are not empty.
func (r *Report) rowCount() (rows, parts int) {
	t := &r.Tables
	count := func(n int) {
		rows += n
		if n > 0 {
			parts++
		}
	}
	for _, s := range []*SummaryTable{t.Summary, z01Actual(t), z01Budget(t)} {
		if s != nil {
			count(len(s.Expenditure.Rows))
		}
	}
	for _, f := range []*FiscalSummaryTable{t.FiscalSummary, z011Actual(t)} {
		if f != nil {
			count(len(f.Expenditure.Rows))
		}
	}
	if t.Income != nil {
		count(len(t.Income.Rows))
	}
	if t.Expenditure != nil {
		count(len(t.Expenditure.Rows))
	}
	for _, e := range []*EconomicTable{t.FiscalEconomic, t.GeneralBudgetEconomic} {
		if e != nil {
			count(len(e.Rows))
		}
	}
	for _, s := range []*SplitTable{t.GeneralBudget, t.StateCapitalExpenditure} {
		if s != nil {
			count(len(s.Rows))
		}
	}
	for _, d := range []*EconDeptTable{t.GeneralBudgetBasic, t.GeneralBudgetProject} {
		if d != nil {
			count(len(d.Rows))
		}
	}
	for _, f := range []*FundTable{t.GovFund, t.StateCapital} {
		if f != nil {
			count(len(f.Rows))
		}
	}
	if t.Z07 != nil {
		count(len(t.Z07.Rows))
	}
	if t.Z011 != nil {
		count(len(t.Z011.Rows))
	}
	return rows, parts
}

func z01Actual(t *Tables) *SummaryTable {
	if t.Z01 == nil {
		return nil
	}
	return t.Z01.Actual
}

func z01Budget(t *Tables) *SummaryTable {
	if t.Z01 == nil {
		return nil
	}
	return t.Z01.Budget
}

func z011Actual(t *Tables) *FiscalSummaryTable {
	if t.Z011 == nil {
		return nil
	}
	return t.Z011.Actual
}

// children calls fn for each parent of the part with its direct children,
// as row indices: every row with a lower level below it that is listed, and
// finally the 合计 (parent −1) with the 类 rows. A parent without listed
// children is skipped. Parents come deepest first (款 before their 类), so
// that Calculate can roll up in one pass. kids is reused; fn must not use
// c.kids or c.links.
//
// In code order, the rows below a code follow it as one block, so the
// direct children of the row at position k are the rows of the block after
// k whose code is two digits longer. (When a code is listed twice, the
// second takes the block: the first has no children.)
func (p *part[R, C, P]) children(c *Context, fn func(parent int, kids []int32)) {
	x := p.index(c)
	if x.keys != nil {
		x.linkChildren(c)
	}
	n := x.n
	kids := c.kids[:0]
	for k := n - 1; k >= 0; k-- {
		kids = kids[:0]
		if x.keys != nil {
			for j := c.links.first[k]; j >= 0; j = c.links.next[j] {
				kids = append(kids, int32(x.row(int(j))))
			}
		} else {
			pi := x.row(k)
			kidLen := x.len(pi) + 2
			for j := k + 1; j < n; j++ {
				cj := x.row(j)
				if !x.under(cj, pi) {
					break
				}
				if x.len(cj) == kidLen {
					kids = append(kids, int32(cj))
				}
			}
		}
		if len(kids) > 0 {
			fn(x.row(k), kids)
		}
	}
	if p.total != nil {
		kids = kids[:0]
		for k := 0; k < n; k++ {
			if i := x.row(k); x.len(i) == 3 {
				kids = append(kids, int32(i))
			}
		}
		if len(kids) > 0 {
			fn(-1, kids)
		}
	}
	c.kids = kids // keep the grown buffer
}

// links holds the children of each row of a part, by position in code
// order, as lists: first[k] is the first child of position k and next[j]
// the sibling after position j (−1 ends a list).
type links struct {
	first, last, next []int32
	stack             []int32
}

// linkChildren fills c.links for x (whose codes are packed) in one pass
// over the rows in code order, keeping the chain of listed codes that
// prefix the current one on a stack. The parent of a row is the code on
// the chain two bytes shorter, the same row the block scan of children
// would find.
func (x *codeIndex) linkChildren(c *Context) {
	n := x.n
	l := &c.links
	if cap(l.first) < n {
		m := max(n, 2*cap(l.first), 32)
		buf := make([]int32, 4*m)
		l.first, l.last, l.next, l.stack = buf[:m:m], buf[m:2*m:2*m], buf[2*m:3*m:3*m], buf[3*m:3*m]
	}
	l.first, l.last, l.next = l.first[:n], l.last[:n], l.next[:n]
	for i := range l.first {
		l.first[i], l.next[i] = -1, -1
	}
	stack := l.stack[:0]
	for j := 0; j < n; j++ {
		kj := x.keys[x.row(j)]
		lj := int(kj & 0xff)
		// drop what does not prefix code j (a sibling's subtree, or an
		// earlier listing of the same code)
		for len(stack) > 0 {
			kt := x.keys[x.row(int(stack[len(stack)-1]))]
			if lt := int(kt & 0xff); lt < lj && (lt == 0 || (kt^kj)>>(64-8*lt) == 0) {
				break
			}
			stack = stack[:len(stack)-1]
		}
		for s := len(stack) - 1; s >= 0; s-- {
			k := stack[s]
			lt := int(x.keys[x.row(int(k))] & 0xff)
			if lt == lj-2 {
				if l.first[k] < 0 {
					l.first[k] = int32(j)
				} else {
					l.next[l.last[k]] = int32(j)
				}
				l.last[k] = int32(j)
				break
			}
			if lt < lj-2 {
				break
			}
		}
		stack = append(stack, int32(j))
	}
	l.stack = stack
}
