package pdftable

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cnfiscal/juesuan/internal/pdftext"
)

// FuzzPDFGrid feeds mutated PDF files through the text layer and the grid:
// both must return within seconds and never panic.
func FuzzPDFGrid(f *testing.F) {
	// a small ruled table (pdftext's tableSeed, written to a file)
	data, err := os.ReadFile(filepath.Join("testdata", "seed-table.pdf"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
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
