package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// zipWithPart builds a package whose worksheet part has the given
// content but declares size as its uncompressed size.
func zipWithPart(t *testing.T, content []byte, size uint64) []byte {
	t.Helper()
	base := rawXLSX(t, "", `<sheetData/>`)
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
		fw.Write(content)
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(content),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size,
		})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSXHostile(t *testing.T) {
	good := xlsxBytes(t, func(f *excelize.File) { must(t, f.SetCellStr("Sheet1", "A1", "x")) })
	sheetXML := []byte(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		strings.Repeat(`<row><c><v>1</v></c></row>`, 1000) + `</sheetData></worksheet>`)
	tests := []struct {
		name    string
		data    []byte
		tooBig  bool // the error wraps ErrTooLarge
		legacy  bool // the error wraps ErrLegacyXLS
		errText string
	}{
		{name: "empty", data: nil, errText: "not an .xlsx workbook"},
		{name: "not a zip", data: []byte("项目,金额\n合计,1\n"), errText: "not an .xlsx workbook"},
		{name: "truncated", data: good[:len(good)/2], errText: "zip"},
		{name: "zip without workbook", data: func() []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			w, _ := zw.Create("hello.txt")
			w.Write([]byte("hello"))
			zw.Close()
			return buf.Bytes()
		}(), errText: "not a readable .xlsx workbook"},
		{name: "ole2 file", data: append(append([]byte{}, oleMagic...), make([]byte, 512)...), legacy: true},
		{name: "declared huge part", data: zipWithPart(t, sheetXML, MaxUnzipSize+1), tooBig: true},
		{name: "part bigger than declared", data: zipWithPart(t, sheetXML, 100), errText: "missing or unreadable"},
		{name: "merged area beyond MaxCells", data: rawXLSX(t, "",
			`<sheetData><row r="200"><c r="A200"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD200"/></mergeCells>`), tooBig: true},
		{name: "cells beyond MaxCells", data: rawXLSX(t, "",
			`<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>`,
			`<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>`), tooBig: true},
		{name: "bad cell reference", data: rawXLSX(t, "", `<sheetData><row><c r="AAAA1"><v>1</v></c></row></sheetData>`), errText: "bad cell reference"},
		{name: "bad row number", data: rawXLSX(t, "", `<sheetData><row r="-3"><c><v>1</v></c></row></sheetData>`), errText: "bad row number"},
		{name: "bad merged range", data: rawXLSX(t, "", `<sheetData/><mergeCells><mergeCell ref="A1:ZZZZ9"/></mergeCells>`), errText: "bad merged range"},
		{name: "bad shared string", data: rawXLSX(t, "<si><t>a</t></si>", `<sheetData><row><c t="s"><v>7</v></c></row></sheetData>`), errText: "bad shared string index"},
		{name: "malformed xml", data: rawXLSX(t, "", `<sheetData><row><c><v>1</c></row>`), errText: "closes nothing open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb, err := ReadXLSX(bytes.NewReader(tt.data), "h.xlsx")
			if err == nil {
				t.Fatalf("ReadXLSX = %v, want an error", wb)
			}
			if got := errors.Is(err, ErrTooLarge); got != tt.tooBig {
				t.Errorf("errors.Is(%v, ErrTooLarge) = %v, want %v", err, got, tt.tooBig)
			}
			if got := errors.Is(err, ErrLegacyXLS); got != tt.legacy {
				t.Errorf("errors.Is(%v, ErrLegacyXLS) = %v, want %v", err, got, tt.legacy)
			}
			if !strings.Contains(err.Error(), tt.errText) || !strings.HasPrefix(err.Error(), "h.xlsx: ") {
				t.Errorf("error %q does not start with the file name or lacks %q", err, tt.errText)
			}
		})
	}
}

// TestFormulaGuards checks that formulas that would take long to evaluate,
// or cannot be, leave Value "" without failing the read.
func TestFormulaGuards(t *testing.T) {
	data := rawXLSX(t, "", `<sheetData><row>
		<c r="A1"><f>B1+1</f></c><c r="B1"><f>A1+1</f></c>
		<c r="C1"><f>SUM(A2:XFC1048575)</f></c>
		<c r="D1"><f>SUM(1:1048575)</f></c>
		<c r="E1"><f>SUM(A:A)+2</f></c>
		</row><row><c r="A2"><v>3</v></c></row></sheetData>`)
	wb, err := ReadXLSX(bytes.NewReader(data), "f.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	got := wb.Sheets[0].Rows[0]
	want := []Cell{fx("B1+1", got[0].Value), fx("A1+1", got[1].Value), fx("SUM(A2:XFC1048575)", ""), fx("SUM(1:1048575)", ""), fx("SUM(A:A)+2", "5")}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("formula row (-want +got):\n%s", d)
	}
}

func TestCalcBounded(t *testing.T) {
	tests := []struct {
		formula string
		want    bool
	}{
		{"SUM(B4:B5)", true},
		{"SUM($A$1:$Z$20000)", true},
		{"SUM(A1:XFD1048576)", false},
		{"SUM(Sheet2!A1:XFC2000)", false},
		{"SUM(C:C)", true},
		{"SUM(1:3)", true},
		{"SUM(1:1048576)", false},
		{"LOG10(100)", true},
	}
	for _, tt := range tests {
		if got := calcBounded(tt.formula); got != tt.want {
			t.Errorf("calcBounded(%q) = %v, want %v", tt.formula, got, tt.want)
		}
	}
}

func TestReadersLimits(t *testing.T) {
	big := bytes.Repeat([]byte("a"), MaxFileSize+1)
	wide := []byte(strings.Repeat("a,", MaxCells+1))
	spans := []byte("<table><tr>" + strings.Repeat(`<td colspan="1000">x</td>`, MaxCells/1000+1) + "</tr></table>")
	rows := []byte("<table><tr><td rowspan=65534>x</td></tr>" + strings.Repeat("<tr><td>y", 3) + "</table>")
	tests := []struct {
		name string
		read func() (*Workbook, error)
		ok   bool
	}{
		{"csv over MaxFileSize", func() (*Workbook, error) { return ReadCSV(bytes.NewReader(big), "b.csv") }, false},
		{"html over MaxFileSize", func() (*Workbook, error) { return ReadHTML(bytes.NewReader(big), "b.html") }, false},
		{"xlsx over MaxFileSize", func() (*Workbook, error) { return ReadXLSX(bytes.NewReader(big), "b.xlsx") }, false},
		{"csv over MaxCells", func() (*Workbook, error) { return ReadCSV(bytes.NewReader(wide), "w.csv") }, false},
		{"html spans over MaxCells", func() (*Workbook, error) { return ReadHTML(bytes.NewReader(spans), "s.html") }, false},
		{"html rowspan cut at the table's end", func() (*Workbook, error) { return ReadHTML(bytes.NewReader(rows), "r.html") }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb, err := tt.read()
			if tt.ok {
				if err != nil {
					t.Fatal(err)
				}
				if got, want := wb.Sheets[0].Merges, []Range{{0, 0, 3, 0}}; !cmp.Equal(got, want) {
					t.Errorf("Merges = %v, want %v", got, want)
				}
				return
			}
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("error %v, want one wrapping ErrTooLarge", err)
			}
		})
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	xlsx := xlsxBytes(t, func(f *excelize.File) { must(t, f.SetCellInt("Sheet1", "B2", 5)) })
	html := []byte("\xEF\xBB\xBF\n<html><body><h1>表一</h1><table><tr><td>5</td></tr></table></body></html>")
	files := map[string][]byte{
		"a.XLSX": xlsx,
		"b.csv":  []byte("x,5\n"),
		"c.Htm":  html,
		"d.html": nil,
		"e.xls":  append(append([]byte{}, oleMagic...), make([]byte, 1024)...),
		"f.xls":  html, // an HTML export saved as .xls
		"g.xls":  xlsx,
		"h.xls":  []byte("garbage"),
		"i.xlsx": append(append([]byte{}, oleMagic...), make([]byte, 1024)...),
		"j.txt":  []byte("x"),
		"k.xlsx": []byte("not a zip"),
		"l.xlsx": nil,
		"m.csv":  nil,
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	huge := filepath.Join(dir, "huge.csv")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, MaxFileSize+1); err != nil { // sparse
		t.Fatal(err)
	}
	five := []*Sheet{{Name: "Sheet1", Rows: [][]Cell{nil, {{}, num("5")}}}}
	tests := []struct {
		name    string
		want    []*Sheet
		wantErr error // nil: no error; errAny: some error
	}{
		{"a.XLSX", five, nil},
		{"b.csv", []*Sheet{{Name: "b", Rows: [][]Cell{{txt("x"), txt("5")}}}}, nil},
		{"c.Htm", []*Sheet{{Name: "表一", Above: []string{"表一"}, Rows: [][]Cell{{txt("5")}}}}, nil},
		{"d.html", nil, nil},
		{"e.xls", nil, ErrLegacyXLS},
		{"f.xls", []*Sheet{{Name: "表一", Above: []string{"表一"}, Rows: [][]Cell{{txt("5")}}}}, nil},
		{"g.xls", five, nil},
		{"h.xls", nil, ErrLegacyXLS},
		{"i.xlsx", nil, ErrLegacyXLS},
		{"j.txt", nil, ErrUnknownFormat},
		{"k.xlsx", nil, errAny},
		{"l.xlsx", nil, errAny},
		{"m.csv", []*Sheet{{Name: "m"}}, nil},
		{"huge.csv", nil, ErrTooLarge},
		{"missing.csv", nil, os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			wb, err := Open(path)
			switch {
			case tt.wantErr == errAny:
				if err == nil {
					t.Fatalf("Open = %v, want an error", wb)
				}
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Open error %v, want %v", err, tt.wantErr)
				}
			case err != nil:
				t.Fatal(err)
			default:
				if d := cmp.Diff(&Workbook{File: path, Sheets: tt.want}, wb); d != "" {
					t.Errorf("Open (-want +got):\n%s", d)
				}
			}
		})
	}
}

var errAny = errors.New("any error")
