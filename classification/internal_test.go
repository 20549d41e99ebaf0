package classification

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCodeKeyOrder checks that codeKey sorts like the codes, which Lookup
// relies on.
func TestCodeKeyOrder(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	code := func() string {
		var b strings.Builder
		for range []int{3, 5, 7}[rnd.IntN(3)] {
			b.WriteByte(byte('0' + rnd.IntN(10)))
		}
		return b.String()
	}
	for range 100000 {
		a, b := code(), code()
		ka, _ := codeKey(a)
		kb, _ := codeKey(b)
		if (a < b) != (ka < kb) || (a == b) != (ka == kb) {
			t.Fatalf("codeKey(%s) = %d, codeKey(%s) = %d: order differs", a, ka, b, kb)
		}
	}
	for _, bad := range []string{"", "20103011", "2a1", "20/", "２０１"} {
		if _, ok := codeKey(bad); ok {
			t.Errorf("codeKey(%q) ok", bad)
		}
	}
	for f := Functional; f <= EconGov; f++ {
		c := embeddedEdition(f, 2020)
		for i := 1; i < len(c.keys); i++ {
			if c.keys[i-1] >= c.keys[i] {
				t.Errorf("%v: keys not increasing at %s", f, c.codes[i])
			}
		}
	}
}

func TestLookupAllocs(t *testing.T) {
	c := embeddedEdition(Functional, 2020)
	if n := testing.AllocsPerRun(100, func() { c.Lookup("2010301"); c.Lookup("999") }); n != 0 {
		t.Errorf("Lookup allocates %v times", n)
	}
}

// TestSeenEditions checks that every seen row belongs to an embedded
// edition, so that none is dropped from all of them.
func TestSeenEditions(t *testing.T) {
	n := 0
	for _, r := range records {
		if r.edition == 0 {
			continue
		}
		n++
		if r.edition < FirstEmbeddedYear || r.edition > LastEmbeddedYear || r.since != 0 || r.until != 0 {
			t.Errorf("%s %s: edition %d, since %d, until %d", r.code, r.name, r.edition, r.since, r.until)
		}
	}
	if n != 65 {
		t.Errorf("%d seen rows, want 65", n)
	}
}
