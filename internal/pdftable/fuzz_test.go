package pdftable

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cnfiscal/juesuan/internal/pdftext"
)

// FuzzRead feeds mutated PDF files through the text layer and the grid:
// both must return within seconds and never panic.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"real/shanghai-putuo-2026-unit-budget.pdf", "rendered/central-s8-narrow.pdf"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdf", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4<<20 {
			return
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			doc, err := pdftext.Read(data)
			if err != nil {
				return
			}
			if res := Read(doc, "f.pdf"); res.Workbook == nil {
				t.Error("no workbook")
			}
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%d bytes: no answer in 20 s", len(data))
		}
	})
}
