package accounts

import (
	"cmp"
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
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
			l, ok := cs.(microLoader)
			if !ok {
				t.Fatalf("%T does not load", cs)
			}
			l.loadMicros(&v)
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
// after the other, and so do the answers kept with a part's index.
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
			// the second call (K2 after K1) is served from the index
			for range 2 {
				hits := c.answers(cat, p.index(c), func(i int) string { return codes[i] })
				if len(hits) != n {
					t.Fatalf("%d answers for %d rows", len(hits), n)
				}
				for i, h := range hits {
					e, ok := cat.Lookup(codes[i])
					if h.found != ok || (ok && h.name != e.Name) {
						t.Fatalf("code %q: memo says %v %q, Lookup %v %q", codes[i], h.found, h.name, ok, e.Name)
					}
				}
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

// scramble sets about one figure in five of r, found by reflection, to a
// value that exercises the walks and sums: absent, 0, negative, off the
// micro fast path (beyond int64 micro-units) or another stated value.
func scramble(rng *rand.Rand, r *Report) {
	values := []Amount{{}, z, m("-0.01"), m("-12.50"), m("0.01"), m("999999999999.99"),
		amount.New(decimal.New(7, 19)), amount.New(decimal.New(-7, 19))}
	amountType := reflect.TypeOf(Amount{})
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			if v.Type() == amountType {
				if rng.Intn(5) == 0 {
					v.Set(reflect.ValueOf(values[rng.Intn(len(values))]))
				}
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(r))
}

// walkCases returns reports for the walk and sum tests: the valid report
// and the reference fixture, as they are and scrambled.
func walkCases(t *testing.T) []*Report {
	rng := rand.New(rand.NewSource(5))
	var out []*Report
	for range 60 {
		for _, base := range []func() *Report{validReport, func() *Report { return reference(t) }} {
			r := base()
			if len(out) > 1 {
				scramble(rng, r)
			}
			out = append(out, r)
		}
	}
	return out
}

// TestWalkFastPath: a walk that passes quiet rows over (counting their
// non-zero figures from the micros) and a plain walk that visits every
// figure find the same non-zero figures and the same negative ones, and
// count the same figures as checked.
func TestWalkFastPath(t *testing.T) {
	type result struct {
		Present bool
		N       int
		First   string
		A       Amount
	}
	for ri, r := range walkCases(t) {
		for _, negatives := range []bool{false, true} {
			var got [2][]result
			var found [2]audit.Findings
			var checks [2]int
			for k, plain := range []bool{false, true} {
				rep := audit.NewReporter(nil)
				c := &Context{Report: r, Options: &Options{}, rep: rep, rule: &builtinRules[15]} // A16
				c.acquire()
				for id := range numTables {
					w := walker{c: c, negatives: negatives, plain: plain}
					present := r.Tables.walkTable(id, &w)
					got[k] = append(got[k], result{present, w.z.n, w.z.first.String(), w.z.a})
					checks[k] += w.skipped
				}
				w := walker{c: c, negatives: negatives, plain: plain}
				walkPrior(&w, &PriorYear{IncomeTotal: m("-1.00"), OperatingCost: z, FiscalIncome: FundColumns{Total: m("2.00")}})
				got[k] = append(got[k], result{true, w.z.n, w.z.first.String(), w.z.a})
				checks[k] += w.skipped + c.checks
				c.release()
				found[k] = rep.Findings()
			}
			if d := gocmp.Diff(got[1], got[0], byValue); d != "" {
				t.Fatalf("report %d, negatives %v: non-zero figures (-plain +fast):\n%s", ri, negatives, d)
			}
			if d := gocmp.Diff(found[1], found[0]); d != "" {
				t.Fatalf("report %d: negative figures (-plain +fast):\n%s", ri, d)
			}
			if negatives && checks[0] != checks[1] { // A16 counts each figure it passes over or visits
				t.Fatalf("report %d: %d figures checked, plain walk %d", ri, checks[0], checks[1])
			}
		}
	}
}

// TestNonZeroShared: B6, E1 and E2 find the same whether they walk the
// tables themselves or use the counts of A16's walk.
func TestNonZeroShared(t *testing.T) {
	rules := map[string]Rule{}
	for _, ru := range Rules() {
		rules[ru.ID] = ru
	}
	for ri, r := range walkCases(t) {
		// notes, so that E2 walks the tables and E1 looks at them
		for i, n := range []*string{&r.Tables.GovFund.Note, &r.Tables.GovFundThreePublic.Note} {
			if ri%3 != i {
				*n = "本年度没有政府性基金预算财政拨款收入、支出，故本表无数据。"
			}
		}
		o := Options{Catalogs: editions(t, 2020)}
		o.Rules = []Rule{rules["B6"], rules["E1"], rules["E2"]}
		alone := Validate(r, o)
		o.Rules = []Rule{rules["A16"], rules["B6"], rules["E1"], rules["E2"]}
		var shared audit.Findings
		for _, f := range Validate(r, o) {
			if f.Rule != "A16" {
				shared = append(shared, f)
			}
		}
		if d := gocmp.Diff(alone, shared, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("report %d: B6, E1, E2 (-alone +after A16):\n%s", ri, d)
		}
	}
}

// TestBlank: blank agrees with strings.TrimSpace(s) == "".
func TestBlank(t *testing.T) {
	for _, s := range []string{"", " ", "\t\n", "\u3000", "\u3000说明", " 本年度没有…", "本年度没有…", "无 ", "\x85", "\xa0",
		"\xff", " \xff", "\u00a0\u2003", "a", " a "} {
		if got, want := blank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("blank(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSettle: a formula settle does not leave pending has an absent figure
// or holds exactly; one it leaves pending is complete, and either has a
// figure off the micro fast path or does not hold.
func TestSettle(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	values := []Amount{{}, z, m("1.25"), m("-0.01"), m("999999999999.99"), m("-999999999999.99"),
		amount.New(decimal.New(7, 19)), amount.New(decimal.New(-7, 19))}
	sets := [][]formula{incomeFormulas, expenditureFormulas, splitFormulas, econTotalFormula, econBasicFormula,
		fundFormulas, fundFlowFormulas, threePublicFormulas, summaryIncomeTotal, summaryIncomeGrand, summaryExpGrand}
	c := &Context{Report: &Report{}}
	c.acquire()
	defer c.release()
	for range 20000 {
		fs := sets[rng.Intn(len(sets))]
		var line SummaryIncome // twelve columns: room for every formula
		for i := range line.Columns() {
			*line.At(i) = values[rng.Intn(len(values))]
			if rng.Intn(3) == 0 { // a total that holds
				*line.At(i) = m("0")
			}
		}
		line.loadMicros(&c.kv)
		pending := c.settle(&c.kv, fs)
		for i, f := range fs {
			all := append(append([]int{f.total}, f.plus...), f.minus...)
			complete, fast := true, true
			for _, k := range all {
				a := line.At(k)
				_, ok := a.Micro()
				complete = complete && a.IsSet()
				fast = fast && ok
			}
			holds := false
			if complete {
				s := decimal.Zero
				for _, k := range f.plus {
					d, _ := line.At(k).Decimal()
					s = s.Add(d)
				}
				for _, k := range f.minus {
					d, _ := line.At(k).Decimal()
					s = s.Sub(d)
				}
				d, _ := line.At(f.total).Decimal()
				holds = d.Equal(s)
			}
			if p := pending>>i&1 == 1; p != (complete && (!fast || !holds)) {
				t.Fatalf("formula %+v on %v: pending %v, complete %v, fast %v, holds %v", f, line, p, complete, fast, holds)
			}
		}
	}
}
