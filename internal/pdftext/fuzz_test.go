package pdftext

import (
	"testing"
	"time"
)

// FuzzTextLayer feeds Read mutated PDF files: it must return (a document or an
// error) within a few seconds and never panic.
func FuzzTextLayer(f *testing.F) {
	seed := tableSeed()
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\ntrailer<</Root 1 0 R>>\nstartxref\n0\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4<<20 {
			return
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			if d, err := Read(data); err == nil && d == nil {
				t.Error("no document and no error")
			}
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("Read of %d bytes did not return in 20 s", len(data))
		}
	})
}
