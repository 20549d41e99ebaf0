package juesuan_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/fixture"
)

// continuedCases are documents whose 一般公共预算财政拨款基本支出决算表,
// printed by RenderPDF (each table on its own A4 landscape page), runs
// onto a second page: the second page holds the repeated header and the
// table's tail — the last coded row and 人员经费合计 / 公用经费合计 / 合计
// (sichuan), or the 合计 line alone (central). They are the second
// documents of the fixture package TestPackagePDF prints (Stream 1), with
// only that table kept so that the PDF is small.
var continuedCases = []struct {
	stem string
	opts fixture.Options
}{
	{"basic-continued-sichuan", fixture.Options{Profile: fixture.DefaultProfile, Seed: 3, Stream: 1}},
	{"basic-continued-central", fixture.Options{Profile: "central-2024", Seed: 6, Stream: 1}},
}

// continuedDir holds the PDFs, read by internal/pdftable's tests too.
var continuedDir = filepath.Join("internal", "pdftable", "testdata")

// renderContinued writes continuedDir/STEM.pdf and STEM.json (go test
// -run TestContinuedTablePDF -render-pdf .; needs chromium).
func renderContinued(t *testing.T) {
	for _, tc := range continuedCases {
		full, _, err := fixture.Generate(tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		d := &juesuan.Document{Profile: full.Profile}
		d.Unit = full.Unit
		d.Unit.Code, d.Unit.Jurisdiction, d.Unit.Level = "", "", "" // not printed
		d.Tables.GeneralBudgetBasic = full.Tables.GeneralBudgetBasic
		var buf bytes.Buffer
		if err := juesuan.RenderPDF(context.Background(), &buf, d, juesuan.RenderOptions{}); err != nil {
			t.Fatal(err)
		}
		small, err := hollowType3(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(continuedDir, tc.stem+".pdf"), small, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(continuedDir, tc.stem+".json"), []byte(encode(t, d)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestContinuedTablePDF: a table printed across a page break comes back
// whole from the PDF — the rows and totals on the second page, under the
// repeated header, belong to the table.
func TestContinuedTablePDF(t *testing.T) {
	if *renderPDF {
		renderContinued(t)
	}
	for _, tc := range continuedCases {
		t.Run(tc.stem, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(continuedDir, tc.stem+".json"))
			if err != nil {
				t.Fatal(err)
			}
			// one table alone does not tell the profile: it is given
			d, rep, err := juesuan.ImportFile(filepath.Join(continuedDir, tc.stem+".pdf"), juesuan.ImportOptions{Profile: tc.opts.Profile, BlankAbsent: true})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), encode(t, d)); diff != "" {
				t.Errorf("PDF → document (-want +got):\n%s", diff)
			}
			for _, u := range rep.Unplaced {
				t.Errorf("unplaced %s %q: %s", rep.Where(u.Location), u.Text, u.Reason)
			}
		})
	}
}
