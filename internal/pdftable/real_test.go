package pdftable

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/internal/pdftext"
)

var updateTranscription = flag.Bool("update-transcription", false,
	"rewrite testdata/pdf/real/*.tables.txt from the extractor (then check them by hand against the PDF)")

// realPDFs are published PDFs: the Shanghai 2024 部门决算 template (its nine
// tables printed empty) and two 普陀区 2026 budget disclosures.
var realPDFs = []string{
	"shanghai-2024-final-accounts-template",
	"shanghai-putuo-2026-unit-budget",
	"shanghai-putuo-2026-dept-budget",
}

// transcribe writes the table cells of res: one block per sheet that holds
// a table, "== SHEET", then one line per row, the cells joined by " | ".
func transcribe(res *Result) string {
	var b strings.Builder
	for _, s := range res.Workbook.Sheets {
		if len(s.Rows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "== %s\n", s.Name)
		for _, r := range s.Rows {
			t := make([]string, len(r))
			for i, c := range r {
				t[i] = c.Value
			}
			b.WriteString(strings.Join(t, " | "))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// cells lists the non-empty cells of a transcription as "SHEET/ROW/COL TEXT".
func cells(tr string) map[string]bool {
	out := map[string]bool{}
	sh, row := "", 0
	for _, l := range strings.Split(tr, "\n") {
		if name, ok := strings.CutPrefix(l, "== "); ok {
			sh, row = name, 0
			continue
		}
		if l == "" {
			continue
		}
		for c, v := range strings.Split(l, " | ") {
			if v = strings.TrimSpace(v); v != "" {
				out[fmt.Sprintf("%s/%d/%d %s", sh, row, c, v)] = true
			}
		}
		row++
	}
	return out
}

// TestRealTranscription reads the tables of the real PDFs and compares
// their cells (page, row, column and text) with the hand-checked
// transcription: at least 99 % of the cells of either must match.
func TestRealTranscription(t *testing.T) {
	for _, stem := range realPDFs {
		t.Run(stem, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", "pdf", "real")
			data, err := os.ReadFile(filepath.Join(dir, stem+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := pdftext.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			got := transcribe(Read(doc, stem+".pdf"))
			path := filepath.Join(dir, stem+".tables.txt")
			if *updateTranscription {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			w, g := cells(string(want)), cells(got)
			match := 0
			for k := range w {
				if g[k] {
					match++
				}
			}
			total := len(w) + len(g) - match // cells of either
			if total == 0 {
				t.Fatal("no cells")
			}
			rate := float64(match) / float64(total)
			t.Logf("%d of %d cells match (%.2f %%)", match, total, 100*rate)
			if rate < 0.99 {
				n := 0
				for k := range w {
					if !g[k] && n < 20 {
						t.Errorf("missing %s", k)
						n++
					}
				}
				for k := range g {
					if !w[k] && n < 40 {
						t.Errorf("extra %s", k)
						n++
					}
				}
				t.Errorf("%.2f %% of the cells match, want ≥ 99 %%", 100*rate)
			}
		})
	}
}
