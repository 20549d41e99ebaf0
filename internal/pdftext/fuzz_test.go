package pdftext

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzRead feeds Read mutated PDF files: it must return (a document or an
// error) within a few seconds and never panic.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"shanghai-putuo-2026-unit-budget.pdf"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdf", "real", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
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
