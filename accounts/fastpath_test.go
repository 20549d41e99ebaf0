package accounts

import (
	"cmp"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/cnfiscal/juesuan/accounts/amount"
	"github.com/cnfiscal/juesuan/classification"
)

// Tests of the fast paths of the rules against the plain computations they
// replace: each compares the two on generated inputs.

// randomCode returns a code over a small alphabet, so that prefixes,
// duplicates and odd lengths are common; long allows codes of more than 7
// bytes (which do not pack).
func randomCode(rng *rand.Rand, long bool) string {
	lens := []int{3, 5, 7, 3, 5, 7, 0, 1, 4, 6}
	if long {
		lens = append(lens, 8, 9)
	}
	n := lens[rng.Intn(len(lens))]
	b := make([]byte, n)
	for i := range b {
		b[i] = "0120x\x00"[rng.Intn(6)]
		if rng.Intn(3) > 0 {
			b[i] = "012"[rng.Intn(3)]
		}
	}
	return string(b)
}

// TestCodeKey: packed keys order and compare exactly like the codes.
func TestCodeKey(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		a, b := randomCode(rng, true), randomCode(rng, true)
		ka, oka := codeKey(a)
		kb, okb := codeKey(b)
		if oka != (len(a) <= 7) || okb != (len(b) <= 7) {
			t.Fatalf("codeKey(%q) ok=%v, codeKey(%q) ok=%v", a, oka, b, okb)
		}
		if !oka || !okb {
			continue
		}
		if got, want := cmp.Compare(ka, kb), strings.Compare(a, b); got != want {
			t.Fatalf("keys of %q and %q compare %d, codes %d", a, b, got, want)
		}
		if int(ka&0xff) != len(a) {
			t.Fatalf("key of %q holds length %d", a, ka&0xff)
		}
	}
}

// blockScan is the plain form of part.children: for each row in reverse
// code order, the rows of its block (the rows after it that extend its
// code) that are two bytes longer.
func blockScan(codes []string, total bool) (out [][]int) {
	ord := make([]int, len(codes))
	for i := range ord {
		ord[i] = i
	}
	slices.SortStableFunc(ord, func(a, b int) int { return strings.Compare(codes[a], codes[b]) })
	for k := len(ord) - 1; k >= 0; k-- {
		pc := codes[ord[k]]
		kids := []int{ord[k]}
		for j := k + 1; j < len(ord); j++ {
			cc := codes[ord[j]]
			if len(cc) <= len(pc) || !strings.HasPrefix(cc, pc) {
				break
			}
			if len(cc) == len(pc)+2 {
				kids = append(kids, ord[j])
			}
		}
		if len(kids) > 1 {
			out = append(out, kids)
		}
	}
	if total {
		kids := []int{-1}
		for _, i := range ord {
			if len(codes[i]) == 3 {
				kids = append(kids, i)
			}
		}
		if len(kids) > 1 {
			out = append(out, kids)
		}
	}
	return out
}

// TestChildren: the one-pass hierarchy of packed codes and the block scan
// of unpacked ones give the parents and children of the plain block scan,
// in the same order, for sorted and unsorted rows with duplicates.
func TestChildren(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	c := &Context{Report: &Report{}}
	c.acquire()
	defer c.release()
	for it := range 3000 {
		n := rng.Intn(40)
		rows := make([]SplitRow, n)
		codes := make([]string, n)
		for i := range rows {
			codes[i] = randomCode(rng, it%4 == 0)
			if i > 0 && rng.Intn(3) == 0 { // extend or repeat a listed code
				codes[i] = codes[rng.Intn(i)] + []string{"", "01", "1", "0102"}[rng.Intn(4)]
			}
		}
		if it%2 == 0 {
			slices.Sort(codes)
		}
		for i := range rows {
			rows[i].Code = classification.FuncCode(codes[i])
		}
		p := &splitPart{rows: rows, total: &SplitColumns{}}
		var got [][]int
		p.children(c, func(parent int, kids []int32) {
			g := []int{parent}
			for _, k := range kids {
				g = append(g, int(k))
			}
			got = append(got, g)
		})
		if d := gocmp.Diff(blockScan(codes, true), got); d != "" {
			t.Fatalf("codes %q: children (-block scan +got):\n%s", codes, d)
		}
		for _, code := range append(slices.Clone(codes), "201", "2010101x", "") {
			want := -1
			for _, i := range blockOrder(codes) {
				if codes[i] == code {
					want = i
					break
				}
			}
			if got := p.index(c).find(code); got != want {
				t.Fatalf("codes %q: find(%q) = %d, want %d", codes, code, got, want)
			}
		}
	}
}

func blockOrder(codes []string) []int {
	ord := make([]int, len(codes))
	for i := range ord {
		ord[i] = i
	}
	slices.SortStableFunc(ord, func(a, b int) int { return strings.Compare(codes[a], codes[b]) })
	return ord
}

// TestLoadMicros: every column set loads, for each column, what At gives:
// stated, on the fast path, and its micro value (0 off the fast path).
func TestLoadMicros(t *testing.T) {
	sets := []ColumnSet{&IncomeColumns{}, &ExpenditureColumns{}, &FundColumns{}, &EconomicColumns{}, &SplitColumns{},
		&ThreePublicColumns{}, &FundFlowColumns{}, &BudgetColumns{}, &SummaryIncome{}, &SummaryExpenditure{},
		&FuncAmountRow{}, &EconDeptRow{}, new(bare)}
	values := []Amount{{}, m("1.25"), m("-0.01"), z, amount.New(decimal.New(7, 19))}
	rng := rand.New(rand.NewSource(3))
	for _, cs := range sets {
		for range 50 {
			for i := range cs.Columns() {
				*cs.At(i) = values[rng.Intn(len(values))]
			}
			var v micros
			if _, ok := cs.(microLoader); !ok || !load(cs, &v) {
				t.Fatalf("%T does not load", cs)
			}
			for i := range cs.Columns() {
				a := cs.At(i)
				mc, fast := a.Micro()
				if !fast {
					mc = 0
				}
				if got := (v.set>>i&1 == 1); got != a.IsSet() {
					t.Errorf("%T column %d: stated %v, want %v", cs, i, got, a.IsSet())
				}
				if got := (v.fast>>i&1 == 1); got != fast {
					t.Errorf("%T column %d: fast %v, want %v", cs, i, got, fast)
				}
				if v.m[i] != mc {
					t.Errorf("%T column %d: micro %d, want %d", cs, i, v.m[i], mc)
				}
			}
			if v.set>>len(cs.Columns()) != 0 {
				t.Errorf("%T: bits beyond its columns", cs)
			}
		}
	}
}

// TestLookupMemo: the memo, by merge walk, binary search or one walk over
// the catalogue, answers what Catalog.Lookup answers, for parts met one
// after the other.
func TestLookupMemo(t *testing.T) {
	cat := editions(t, 2020).Functional
	var known []string
	cat.Walk(func(e classification.Entry) bool {
		known = append(known, e.Code)
		return true
	})
	rng := rand.New(rand.NewSource(4))
	for it := range 40 {
		c := &Context{Report: &Report{}}
		c.acquire()
		for part := range 6 {
			n := []int{0, 3, 30, 300, len(known)}[rng.Intn(5)]
			codes := make([]string, n)
			for i := range codes {
				switch rng.Intn(5) {
				case 0:
					codes[i] = randomCode(rng, true)
				case 1:
					codes[i] = known[rng.Intn(len(known))] + "9"
				default:
					codes[i] = known[rng.Intn(len(known))]
				}
			}
			if (it+part)%3 != 0 {
				slices.Sort(codes)
			}
			rows := make([]SplitRow, n)
			for i := range rows {
				rows[i].Code = classification.FuncCode(codes[i])
			}
			p := &splitPart{rows: rows}
			seen := 0
			c.lookup(cat, p.index(c), func(i int) string { return codes[i] }, func(i int, h *catHit) {
				seen++
				e, ok := cat.Lookup(codes[i])
				if h.found != ok || (ok && h.name != e.Name) {
					t.Fatalf("code %q: memo says %v %q, Lookup %v %q", codes[i], h.found, h.name, ok, e.Name)
				}
			})
			if seen != n {
				t.Fatalf("%d answers for %d rows", seen, n)
			}
		}
		c.release()
	}
}

// TestScratchIsolation: calls running at once on different reports, each
// with pooled scratch memory, give what they give one at a time.
func TestScratchIsolation(t *testing.T) {
	syn, synEds := synthetic(t, 2, 3, 3)
	broken := validReport()
	broken.Tables.Income.Rows[2].Other = m("0.10")
	broken.Tables.Expenditure.Rows = append(broken.Tables.Expenditure.Rows, broken.Tables.Expenditure.Rows[1])
	cases := []struct {
		r *Report
		o Options
	}{
		{validReport(), Options{Catalogs: editions(t, 2020)}},
		{broken, Options{Catalogs: editions(t, 2020)}},
		{syn, Options{Catalogs: synEds}},
	}
	want := make([]string, len(cases))
	for i, tc := range cases {
		want[i] = fmt.Sprint(Validate(tc.r, tc.o))
	}
	done := make(chan string, 8*len(cases))
	for range 8 {
		for i, tc := range cases {
			go func() {
				got := fmt.Sprint(Validate(tc.r, tc.o))
				if got != want[i] {
					got = "case " + fmt.Sprint(i) + " differs: " + got
				} else {
					got = ""
				}
				done <- got
			}()
		}
	}
	for range 8 * len(cases) {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

// TestCompareOverflow: sums whose int64 micro-units overflow leave the fast
// path and give the exact decimal answer.
func TestCompareOverflow(t *testing.T) {
	top, bottom := amount.MustParse("999999999999.99"), amount.MustParse("-999999999999.99")
	many := func(a Amount, n int) []Amount { return slices.Repeat([]Amount{a}, n) }
	cases := []struct {
		name        string
		total       Amount
		plus, minus []Amount
		want        amount.Outcome
	}{
		{"plus overflows, cancels out", amount.MustParse("0.00"), append(many(top, 10), many(bottom, 10)...), nil, amount.Equal},
		{"plus overflows, total wrong", amount.MustParse("1.00"), append(many(top, 10), many(bottom, 10)...), nil, amount.Mismatch},
		{"minus overflows, cancels out", amount.MustParse("0.00"), many(top, 10), many(top, 10), amount.Equal},
		{"minus overflows, total wrong", amount.MustParse("5.00"), many(top, 10), many(top, 10), amount.Mismatch},
		{"plus beyond int64, minus brings it back", top, many(top, 10), many(top, 9), amount.Equal},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &Context{Report: &Report{}}
			c.acquire()
			defer c.release()
			got := c.compare(tc.total, tc.plus, tc.minus)
			// The exact computation: every addend as a decimal, minus negated.
			exact := slices.Clone(tc.plus)
			for _, a := range tc.minus {
				exact = append(exact, a.Neg())
			}
			want := amount.Tolerance{}.CompareSum(c.Unit(), tc.total, exact...)
			if got.Outcome != tc.want || want.Outcome != tc.want {
				t.Errorf("compare: %v, exact: %v, want %v", got.Outcome, want.Outcome, tc.want)
			}
		})
	}
}
