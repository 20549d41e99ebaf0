package juesuan_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/sheet"
)

// workbookFiles writes the public tables of the reference fixture, with
// one figure of 一般公共预算财政拨款支出决算表 wrong, as name.json and
// name.xlsx in dir; bad.xlsx has a figure printed as text; old.xls is an
// OLE2 file.
func workbookFiles(t *testing.T, dir string) (doc *juesuan.Document, jsonFile, xlsxFile, bad, xls string) {
	t.Helper()
	data, err := os.ReadFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := juesuan.DecodeBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	doc = publicOnly(t, ref)
	r := &doc.Tables.GeneralBudget.Rows[2]
	r.Total = r.Total.Add(amount.MustParse("0.01"))
	var x bytes.Buffer
	if err := juesuan.WriteWorkbook(&x, doc, juesuan.WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	jsonFile, xlsxFile, bad, xls = filepath.Join(dir, "doc.json"), filepath.Join(dir, "doc.xlsx"), filepath.Join(dir, "bad.xlsx"), filepath.Join(dir, "old.xls")
	files := map[string][]byte{
		jsonFile: []byte(encode(t, doc)),
		xlsxFile: x.Bytes(),
		xls:      append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...),
	}
	for name, b := range files {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(x.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue("六、一般公共预算财政拨款支出决算表", "C7", "三百"); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	return doc, jsonFile, xlsxFile, bad, xls
}

func TestValidateFileWorkbook(t *testing.T) {
	dir := t.TempDir()
	_, jsonFile, xlsxFile, bad, xls := workbookFiles(t, dir)
	onJSON := juesuan.ValidateFile(jsonFile, juesuan.BatchOptions{})
	if onJSON.Err != nil || len(onJSON.Findings) == 0 {
		t.Fatalf("JSON: err %v, %d findings; want findings", onJSON.Err, len(onJSON.Findings))
	}
	sichuan, err := juesuan.LookupProfile("sichuan-2020")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opts juesuan.BatchOptions
	}{
		{"profile recognised", juesuan.BatchOptions{Import: juesuan.ImportOptions{BlankAbsent: true}}},
		{"BatchOptions.Profile", juesuan.BatchOptions{Profile: sichuan, Import: juesuan.ImportOptions{Profile: "central-2024", BlankAbsent: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := juesuan.ValidateFile(xlsxFile, tc.opts)
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if res.Import == nil || res.Import.Profile != "sichuan-2020" || len(res.Import.Tables) != 14 || len(res.Import.Unplaced) != 0 {
				t.Fatalf("import report %+v", res.Import)
			}
			stripped := audit.Findings{}
			for _, f := range res.Findings {
				if !strings.HasPrefix(f.Source, xlsxFile+"!") {
					t.Errorf("%s %s: source %q", f.Rule, f.Path, f.Source)
				}
				f.Source = ""
				stripped = append(stripped, f)
			}
			if d := cmp.Diff(onJSON.Findings, stripped); d != "" {
				t.Errorf("findings (-JSON +workbook without sources):\n%s", d)
			}
		})
	}
	for _, tc := range []struct {
		name, file string
		is         error  // errors.Is
		has        string // in the error's text
		report     bool   // res.Import set
	}{
		{".xls", xls, sheet.ErrLegacyXLS, xls, false},
		{"missing", filepath.Join(dir, "none.csv"), os.ErrNotExist, "none.csv", false},
		{"text for a figure", bad, intakeNotFigure(t, bad), "六、一般公共预算财政拨款支出决算表!C7", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := juesuan.ValidateFile(tc.file, juesuan.BatchOptions{})
			if !errors.Is(res.Err, tc.is) || !strings.Contains(res.Err.Error(), tc.has) || !strings.Contains(res.Err.Error(), tc.file) {
				t.Errorf("error %v, want one matching %v and naming %s and %s", res.Err, tc.is, tc.file, tc.has)
			}
			if res.Findings != nil || (res.Import != nil) != tc.report {
				t.Errorf("findings %v, import report %+v", res.Findings, res.Import)
			}
		})
	}
}

// intakeNotFigure returns the error wrapped by the *CellError of importing
// file, checking that it is one.
func intakeNotFigure(t *testing.T, file string) error {
	t.Helper()
	_, _, err := juesuan.ImportFile(file, juesuan.ImportOptions{})
	var ce *juesuan.CellError
	if !errors.As(err, &ce) {
		t.Fatalf("ImportFile: %v, want a *CellError", err)
	}
	want := sheet.Location{File: file, Sheet: "六、一般公共预算财政拨款支出决算表", Cell: "C7"}
	if d := cmp.Diff(want, ce.Location); d != "" {
		t.Errorf("cell error location (-want +got):\n%s", d)
	}
	return ce.Err
}

func TestValidateFilesWorkbooks(t *testing.T) {
	dir := t.TempDir()
	_, jsonFile, xlsxFile, bad, xls := workbookFiles(t, dir)
	files := []string{xlsxFile, jsonFile, bad, xls, xlsxFile}
	var got []string
	juesuan.ValidateFiles(files, juesuan.BatchOptions{Workers: 2, Import: juesuan.ImportOptions{BlankAbsent: true}}, func(r juesuan.FileResult) {
		s := filepath.Base(r.File)
		switch {
		case r.Err != nil:
			s += " error"
		case r.Import != nil:
			s += " imported"
		}
		got = append(got, s)
	})
	want := []string{"doc.xlsx imported", "doc.json", "bad.xlsx error", "old.xls error", "doc.xlsx imported"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("results (-want +got):\n%s", d)
	}
}

func TestIsWorkbookFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"a.xlsx", true}, {"A.XLSX", true}, {"a.xlsm", true}, {"a.csv", true}, {"a.html", true}, {"a.htm", true},
		{"a.xls", true}, {"a.json", false}, {"-", false}, {"xlsx", false}, {"a.xlsx.json", false},
	} {
		if got := juesuan.IsWorkbookFile(tc.name); got != tc.want {
			t.Errorf("IsWorkbookFile(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
