package juesuan_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/sheet"
)

// publicOnly is d with only what the 公开表 print: the unit and the public
// tables of its profile.
func publicOnly(t testing.TB, d *juesuan.Document) *juesuan.Document {
	t.Helper()
	p, err := juesuan.LookupProfile(d.Profile)
	if err != nil {
		t.Fatal(err)
	}
	out := &juesuan.Document{Profile: d.Profile}
	out.Unit = d.Unit
	for _, ts := range p.Tables {
		if ts.Internal || ts.Extra() {
			continue
		}
		copyTable(&out.Tables, &d.Tables, ts.Key)
	}
	return out
}

func encode(t testing.TB, d *juesuan.Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := juesuan.Encode(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// roundTrip writes d with opts, reads the workbook and imports it; it also
// returns the workbook's sheet names.
func roundTrip(t testing.TB, d *juesuan.Document, opts juesuan.WorkbookOptions) (*juesuan.Document, *juesuan.ImportReport, []string) {
	t.Helper()
	var buf bytes.Buffer
	if err := juesuan.WriteWorkbook(&buf, d, opts); err != nil {
		t.Fatal(err)
	}
	wb, err := sheet.ReadXLSX(bytes.NewReader(buf.Bytes()), "doc.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	got, rep, err := juesuan.Import(wb, juesuan.ImportOptions{Profile: d.Profile, BlankAbsent: true})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range wb.Sheets {
		names = append(names, s.Name)
	}
	return got, rep, names
}

func TestWorkbookRoundTrip(t *testing.T) {
	ref, err := os.ReadFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		t.Fatal(err)
	}
	refDoc, err := juesuan.DecodeBytes(ref)
	if err != nil {
		t.Fatal(err)
	}
	large, _, err := fixture.Generate(fixture.Options{Size: fixture.Large, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	central, _, err := fixture.Generate(fixture.Options{Profile: "central-2024", Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	// The sheets a workbook written with 久其 names has: the four tables
	// that have a 久其 sheet under its name, the others by number and title.
	jiuqiSichuan := []string{"封面", "Z01 收入支出决算总表(财决01表)", "Z03 收入决算表(财决03表)", "Z04 支出决算表(财决04表)",
		"Z01-1 财政拨款收入支出决算总表(财决01-1表)", "五、财政拨款支出决算明细表（政府经济分类科目）",
		"六、一般公共预算财政拨款支出决算表", "七、一般公共预算财政拨款支出决算明细表", "八、一般公共预算财政拨款基本支出决算表",
		"九、一般公共预算财政拨款项目支出决算表", "十、一般公共预算财政拨款“三公”经费支出决算表",
		"十一、政府性基金预算财政拨款收入支出决算表", "十二、政府性基金预算财政拨款“三公”经费支出决算表",
		"十三、国有资本经营预算财政拨款收入支出决算表", "十四、国有资本经营预算财政拨款支出决算表"}
	for _, tc := range []struct {
		name   string
		doc    *juesuan.Document
		opts   juesuan.WorkbookOptions
		sheets []string // the sheet names, when checked
	}{
		{name: "reference", doc: refDoc},
		{name: "reference with 久其 sheet names", doc: refDoc, opts: juesuan.WorkbookOptions{JiuqiNames: true}, sheets: jiuqiSichuan},
		{name: "large", doc: large},
		{name: "central", doc: central},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := publicOnly(t, tc.doc)
			got, rep, sheets := roundTrip(t, tc.doc, tc.opts)
			if tc.sheets != nil {
				if diff := cmp.Diff(tc.sheets, sheets); diff != "" {
					t.Errorf("sheet names (-want +got):\n%s", diff)
				}
			}
			if diff := cmp.Diff(encode(t, want), encode(t, got)); diff != "" {
				t.Errorf("document → workbook → document (-want +got):\n%s", diff)
			}
			if len(rep.Unplaced) > 0 {
				t.Errorf("unplaced: %v", rep.Unplaced)
			}
			again, _, _ := roundTrip(t, got, tc.opts)
			if diff := cmp.Diff(encode(t, got), encode(t, again)); diff != "" {
				t.Errorf("second round trip (-first +second):\n%s", diff)
			}
		})
	}
}

// TestRenderedHTMLImport: the disclosure RenderHTML writes reads back as a
// web page (sheet.ReadHTML, then Import) to the same public tables — each
// table found by the title printed above it, its unit by the 单位 line,
// its note under it, the unit's name and year from the page's <title> —
// with each figure at the cell HTMLCells names. Figures are compared by
// value: the page prints them "#,##0.00".
func TestRenderedHTMLImport(t *testing.T) {
	ref, text, _ := renderReference(t)
	large, _, err := fixture.Generate(fixture.Options{Size: fixture.Large, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	central, _, err := fixture.Generate(fixture.Options{Profile: "central-2024", Seed: 5, Unit: amount.Yuan})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		doc       *juesuan.Document
		narrative []byte
	}{
		{"reference", ref, nil},
		{"reference with its narrative", ref, text},
		{"large", large, nil},
		{"central in 元", central, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := juesuan.RenderHTML(&buf, tc.doc, juesuan.RenderOptions{Narrative: tc.narrative}); err != nil {
				t.Fatal(err)
			}
			wb, err := sheet.ReadHTML(bytes.NewReader(buf.Bytes()), "doc.html")
			if err != nil {
				t.Fatal(err)
			}
			got, rep, err := juesuan.Import(wb, juesuan.ImportOptions{Profile: tc.doc.Profile, BlankAbsent: true})
			if err != nil {
				t.Fatal(err)
			}
			want := publicOnly(t, tc.doc)
			want.Unit = accounts.Unit{Name: tc.doc.Unit.Name, FiscalYear: tc.doc.Unit.FiscalYear, AmountUnit: tc.doc.Unit.AmountUnit} // what the page's title and 单位 lines print
			if diff := cmp.Diff(byValue(t, encode(t, want)), byValue(t, encode(t, got))); diff != "" {
				t.Errorf("document → HTML → document (-want +got):\n%s", diff)
			}
			if len(rep.Unplaced) > 0 {
				t.Errorf("unplaced: %v", rep.Unplaced)
			}
			cells, err := juesuan.HTMLCells(tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			for ptr, l := range cells {
				if s := rep.Sources[ptr]; s.Sheet != l.Sheet || s.Cell != l.Cell {
					t.Errorf("%s: imported from %s!%s, HTMLCells says %s!%s", ptr, s.Sheet, s.Cell, l.Sheet, l.Cell)
				}
			}
			if len(cells) < 50 {
				t.Errorf("HTMLCells lists %d figures", len(cells))
			}
		})
	}
}

// byValue is the JSON document s with every figure (a decimal string
// other than a 科目编码) in its shortest spelling: "0.00" and "0" alike.
func byValue(t *testing.T, s string) any {
	t.Helper()
	var tree any
	if err := json.Unmarshal([]byte(s), &tree); err != nil {
		t.Fatal(err)
	}
	var walk func(v any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if str, ok := e.(string); ok && k != "code" {
					if a, err := amount.Parse(str); err == nil {
						d, _ := a.Decimal()
						x[k] = d.String()
						continue
					}
				}
				x[k] = walk(e)
			}
		case []any:
			for i, e := range x {
				x[i] = walk(e)
			}
		}
		return v
	}
	return walk(tree)
}

// Where the HTML disclosure prints a figure, as importing the page reads
// it: the table's heading and the cell counted from its header.
func ExampleHTMLCells() {
	d, err := juesuan.DecodeFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		panic(err)
	}
	cells, err := juesuan.HTMLCells(d)
	if err != nil {
		panic(err)
	}
	total, note := cells["/tables/summary/income/total"], cells["/tables/stateCapital/note"]
	fmt.Println(total.Sheet, total.Cell)
	fmt.Printf("%s %q\n", note.Sheet, note.Cell) // a note, under its table, has no cell
	// Output:
	// 一、收入支出决算总表 B11
	// 十三、国有资本经营预算财政拨款收入支出决算表 ""
}

// TestImportCMSPage: a page that prints each table's title and 单位 line
// as paragraphs above it (as content management systems publish 决算)
// imports to the same tables as one with captions and headings, and its
// findings name each table by its title, not by the 单位 line.
func TestImportCMSPage(t *testing.T) {
	b, err := os.ReadFile("testdata/workbooks/sichuan-tables.html")
	if err != nil {
		t.Fatal(err)
	}
	page := regexp.MustCompile(`<table border="1">\s*<caption>([^<]*)</caption>`).ReplaceAllString(string(b), "<p>$1</p><p>单位：万元</p><table border=\"1\">")
	page = regexp.MustCompile(`<h3>([^<]*)</h3>`).ReplaceAllString(page, "<p>$1</p><p>单位：万元</p>")
	if strings.Contains(page, "<caption>") || strings.Contains(page, "<h3>") {
		t.Fatal("the page still has captions or headings")
	}
	read := func(s string) (*juesuan.Document, *juesuan.ImportReport) {
		wb, err := sheet.ReadHTML(strings.NewReader(s), "公开.html")
		if err != nil {
			t.Fatal(err)
		}
		d, rep, err := juesuan.Import(wb, juesuan.ImportOptions{Profile: "sichuan-2020"})
		if err != nil {
			t.Fatal(err)
		}
		return d, rep
	}
	want, _ := read(string(b))
	got, rep := read(page)
	if diff := cmp.Diff(encode(t, want), encode(t, got)); diff != "" {
		t.Errorf("captions → paragraphs (-captions +paragraphs):\n%s", diff)
	}
	if l := rep.Sources["/tables/summary/income/total"]; l.Sheet != "一、收入支出决算总表" {
		t.Errorf("收入合计 read at %s, want sheet 一、收入支出决算总表", l)
	}
	if l := rep.Sources["/tables/generalBudget/total/total"]; l.Sheet != "六、一般公共预算财政拨款支出决算表" {
		t.Errorf("一般公共预算 合计 read at %s, want sheet 六、一般公共预算财政拨款支出决算表", l)
	}
}
