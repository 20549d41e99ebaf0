package classification

import (
	"fmt"
	"testing"
)

// BenchmarkLookup looks codes up in a loaded edition.
func BenchmarkLookup(b *testing.B) {
	c := embeddedEdition(Functional, 2020)
	codes := []string{"201", "2010301", "22102", "234", "2210201", "999"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		e, ok := c.Lookup(codes[i%len(codes)])
		if ok && e.Code == "" {
			b.Fatal("empty entry")
		}
	}
}

// BenchmarkFirstUse builds an embedded edition from the generated tables,
// as the first Edition call for a family and year does.
func BenchmarkFirstUse(b *testing.B) {
	for _, f := range []Family{Functional, EconDept, EconGov} {
		b.Run(fmt.Sprint(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buildEmbedded(f, 2020)
			}
		})
	}
}

// BenchmarkEdition fetches an edition that is already built.
func BenchmarkEdition(b *testing.B) {
	r := NewRegistry()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Edition(Functional, 2020); err != nil {
			b.Fatal(err)
		}
	}
}
