package accounts

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/classification"
)

// randomCode returns a code over a small alphabet, so that prefixes,
// duplicates and odd lengths are common; long allows codes of more than 7
// bytes.
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

// blockScan is the definition part.children implements: for each row in reverse
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

// TestChildren: the code index gives the parents and children of the
// block scan, in the same order, and find gives the first listing of a
// code, for sorted and unsorted rows with duplicates and odd codes.
func TestChildren(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
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
		p.children(func(parent int, kids []int32) {
			row := []int{parent}
			for _, k := range kids {
				row = append(row, int(k))
			}
			got = append(got, row)
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
			if got := p.find(code); got != want {
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
