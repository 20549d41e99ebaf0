package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/sheet"
)

// publicReference is the reference fixture with only what its workbook
// prints: the profile, the unit and the public tables (no internal 财决
// tables, prior year or performance section). With broken set, one figure
// of 一般公共预算财政拨款支出决算表 is wrong, so that it has findings.
func publicReference(t *testing.T, broken bool) *juesuan.Document {
	t.Helper()
	data, err := os.ReadFile(referenceFixture)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	p, err := juesuan.LookupProfile(m["profile"].(string))
	if err != nil {
		t.Fatal(err)
	}
	public := map[string]bool{}
	for _, ts := range p.Tables {
		public[ts.Key] = !ts.Internal && !ts.Extra()
	}
	tables := m["tables"].(map[string]any)
	for k := range tables {
		if !public[k] {
			delete(tables, k)
		}
	}
	if broken {
		rows := tables["generalBudget"].(map[string]any)["rows"].([]any)
		rows[2].(map[string]any)["total"] = "339.88"
	}
	m = map[string]any{"profile": m["profile"], "unit": m["unit"], "tables": tables}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	d, err := juesuan.DecodeBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// writeDoc writes d as JSON (juesuan.Encode) and as a workbook
// (juesuan.WriteWorkbook) under dir, named name.json and name.xlsx.
func writeDoc(t *testing.T, dir, name string, d *juesuan.Document) (jsonFile, xlsxFile string) {
	t.Helper()
	var j, x bytes.Buffer
	if err := juesuan.Encode(&j, d); err != nil {
		t.Fatal(err)
	}
	if err := juesuan.WriteWorkbook(&x, d, juesuan.WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	jsonFile, xlsxFile = filepath.Join(dir, name+".json"), filepath.Join(dir, name+".xlsx")
	if err := os.WriteFile(jsonFile, j.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(xlsxFile, x.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return jsonFile, xlsxFile
}

// editCells rewrites cells of an .xlsx file with excelize (sheet → cell →
// value), adding a sheet that does not exist.
func editCells(t *testing.T, file string, cells map[string]map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for s, cs := range cells {
		if i, _ := f.GetSheetIndex(s); i < 0 {
			if _, err := f.NewSheet(s); err != nil {
				t.Fatal(err)
			}
		}
		for c, v := range cs {
			if err := f.SetCellValue(s, c, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// validateJSON runs juesuan validate --format json and returns its report.
func validateJSON(t *testing.T, args ...string) (validateReport, string, int) {
	t.Helper()
	out, errOut, code := runArgs(append([]string{"validate", "--format", "json"}, args...)...)
	var rep validateReport
	if out == "" { // bad usage
		return rep, errOut, code
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("validate %v: %v\n%s", args, err, out)
	}
	return rep, errOut, code
}

// TestValidateWorkbook: a workbook written from a document gives the
// findings of the document, each with the cell of its figure, in JSON and
// in text.
func TestValidateWorkbook(t *testing.T) {
	for _, tc := range []struct {
		name   string
		broken bool
		code   int
	}{
		{"reference", false, exitOK},
		{"one wrong figure", true, exitFinding},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			jf, xf := writeDoc(t, dir, "收入决算", publicReference(t, tc.broken))
			onJSON, _, code := validateJSON(t, jf)
			if code != tc.code {
				t.Errorf("validate JSON: exit %d, want %d", code, tc.code)
			}
			if tc.broken && len(onJSON.Files[0].Findings) == 0 {
				t.Fatal("no finding on the broken document")
			}
			onXLSX, errOut, code := validateJSON(t, "--blank-absent", xf)
			if code != tc.code || errOut != "" {
				t.Errorf("validate workbook: exit %d, want %d; stderr %q", code, tc.code, errOut)
			}
			got := onXLSX.Files[0].Findings
			stripped := audit.Findings{}
			for _, f := range got {
				if !strings.HasPrefix(f.Source, xf+"!") {
					t.Errorf("%s %s: source %q, want %s!SHEET!CELL", f.Rule, f.Path, f.Source, xf)
				}
				f.Source = ""
				stripped = append(stripped, f)
			}
			if d := cmp.Diff(onJSON.Files[0].Findings, stripped); d != "" {
				t.Errorf("findings on the workbook, sources removed (-JSON +workbook):\n%s", d)
			}
			if d := cmp.Diff(onJSON.Summary, onXLSX.Summary); d != "" {
				t.Errorf("summary (-JSON +workbook):\n%s", d)
			}
			text, _, _ := runArgs("validate", "--blank-absent", xf)
			for _, f := range got {
				want := xf + ": " + f.Severity.String() + " " + f.Rule + " " + f.Path + " [" + f.Source + "]: "
				if !strings.Contains(text, want) {
					t.Errorf("text output lacks %q:\n%s", want, text)
				}
			}
		})
	}
}

// TestValidateWorkbookProfile: --profile is used for a workbook, and a
// workbook of no profile is an input error.
func TestValidateWorkbookProfile(t *testing.T) {
	dir := t.TempDir()
	_, xf := writeDoc(t, dir, "ref", publicReference(t, false))
	csv := filepath.Join(dir, "other.csv")
	if err := os.WriteFile(csv, []byte("名称,金额\n办公费,12\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		error string // substring of the file's error
	}{
		{"registered profile", []string{"--profile", "sichuan-2020", xf}, exitOK, ""},
		{"another profile: its rules apply (S2: 2020 is not of sichuan-2023)", []string{"--profile", "sichuan-2023", xf}, exitFinding, ""},
		{"nothing recognised", []string{csv}, exitInput, "no table of a registered profile recognised"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, _, code := validateJSON(t, append([]string{"--blank-absent"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d: %+v", code, tc.code, rep)
			}
			if got := rep.Files[0].Error; !strings.Contains(got, tc.error) || (tc.error == "") != (got == "") {
				t.Errorf("error %q, want one containing %q", got, tc.error)
			}
		})
	}
}

// TestImportVerb: juesuan import prints the document the workbook was
// written from, and the import report on stderr.
func TestImportVerb(t *testing.T) {
	dir := t.TempDir()
	want := publicReference(t, false)
	jf, xf := writeDoc(t, dir, "ref", want)
	wantJSON, err := os.ReadFile(jf)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.json")
	for _, tc := range []struct {
		name string
		args []string
		file string // where the document goes, "" for stdout
	}{
		{"stdout", []string{"import", "--blank-absent", xf}, ""},
		{"--out, flags after the file", []string{"import", xf, "--out", out, "--blank-absent", "--profile", "sichuan-2020"}, out},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runArgs(tc.args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			got := []byte(stdout)
			if tc.file != "" {
				if stdout != "" {
					t.Errorf("stdout %q, want nothing with --out", stdout)
				}
				if got, err = os.ReadFile(tc.file); err != nil {
					t.Fatal(err)
				}
			}
			if d := cmp.Diff(string(wantJSON), string(got)); d != "" {
				t.Errorf("imported document (-want +got):\n%s", d)
			}
			for _, line := range []string{
				xf + ": profile sichuan-2020\n",
				xf + ": table generalBudget 一般公共预算财政拨款支出决算表 (万元): 六、一般公共预算财政拨款支出决算表\n",
				xf + ": note unitInfo " + xf + "!封面!A1: 攀枝花市人民政府驻成都办事处2020年度部门决算\n",
				xf + ": 14 table(s), 0 cell(s) not placed, ",
			} {
				if !strings.Contains(stderr, line) {
					t.Errorf("stderr lacks %q:\n%s", line, stderr)
				}
			}
		})
	}
}

// TestImportErrors: what cannot be imported exits 2 with a message naming
// the file (and, for a cell, the sheet and the cell); the same inputs are
// input errors of validate.
func TestImportErrors(t *testing.T) {
	dir := t.TempDir()
	_, xf := writeDoc(t, dir, "ref", publicReference(t, false))
	_, bad := writeDoc(t, dir, "bad", publicReference(t, false))
	editCells(t, bad, map[string]map[string]any{"六、一般公共预算财政拨款支出决算表": {"C7": "三百"}})
	xls := filepath.Join(dir, "old.xls")
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	if err := os.WriteFile(xls, ole, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want []string // substrings of stderr (import) and of the file's error (validate)
	}{
		{"a figure that is text", []string{bad}, []string{bad, "六、一般公共预算财政拨款支出决算表", "!C7", "三百"}},
		{".xls", []string{xls}, []string{xls, "save it as .xlsx"}},
		{"missing file", []string{filepath.Join(dir, "none.xlsx")}, []string{filepath.Join(dir, "none.xlsx")}},
		{"unknown profile", []string{"--profile", "nope", xf}, []string{"--profile", "nope"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runArgs(append([]string{"import"}, tc.args...)...)
			if code != exitInput || stdout != "" {
				t.Errorf("import: exit %d, stdout %q; want %d and nothing", code, stdout, exitInput)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("import: stderr lacks %q:\n%s", w, stderr)
				}
			}
			rep, vErr, code := validateJSON(t, tc.args...)
			if code != exitInput {
				t.Errorf("validate: exit %d, want %d", code, exitInput)
			}
			msg := vErr
			if len(rep.Files) == 1 {
				msg = rep.Files[0].Error
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("validate: error lacks %q: %q", w, msg)
				}
			}
		})
	}
	if _, stderr, code := runArgs("import", "-"); code != exitInput || !strings.Contains(stderr, "not standard input") {
		t.Errorf("import -: exit %d, stderr %q", code, stderr)
	}
}

// TestValidateUnplaced: the cells a workbook holds that were not placed
// are counted on stderr; juesuan import lists them with sheet!cell.
func TestValidateUnplaced(t *testing.T) {
	dir := t.TempDir()
	_, xf := writeDoc(t, dir, "ref", publicReference(t, false))
	editCells(t, xf, map[string]map[string]any{"六、一般公共预算财政拨款支出决算表": {"A40": "其他", "C40": 12.5}})
	_, stderr, code := runArgs("validate", "--blank-absent", xf)
	if code != exitOK {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stderr, "juesuan validate: "+xf+": ") || !strings.Contains(stderr, "cell(s) not placed (juesuan import "+xf+" lists them)") {
		t.Errorf("stderr %q lacks the count of unplaced cells", stderr)
	}
	_, stderr, code = runArgs("import", "--blank-absent", xf)
	if code != exitOK || !strings.Contains(stderr, ": unplaced "+xf+"!六、一般公共预算财政拨款支出决算表!C40 \"12.5\": row not recognised: 其他\n") {
		t.Errorf("import: exit %d, stderr lacks the unplaced cell:\n%s", code, stderr)
	}
}

// TestValidateWorkbookDir: a directory walk takes workbooks beside JSON
// documents, skipping lock and hidden files.
func TestValidateWorkbookDir(t *testing.T) {
	dir := t.TempDir()
	ref := publicReference(t, false)
	writeDoc(t, dir, "a", ref)
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	_, x := writeDoc(t, sub, "b", ref)
	data, err := os.ReadFile(x)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"~$b.xlsx", ".b.xlsx", "c.XLSX", "old.xls"} {
		if err := os.WriteFile(filepath.Join(sub, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, stderr, code := validateJSON(t, "--blank-absent", dir)
	if code != exitOK {
		t.Errorf("exit %d, stderr %q: %+v", code, stderr, rep)
	}
	var got []string
	for _, f := range rep.Files {
		rel, _ := filepath.Rel(dir, f.File)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"a.json", "a.xlsx", "sub/b.json", "sub/b.xlsx", "sub/c.XLSX"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("files checked (-want +got):\n%s", d)
	}
}

// TestExportVerb: juesuan export writes the workbook WriteWorkbook writes;
// bad usage and bad input exit 2.
func TestExportVerb(t *testing.T) {
	dir := t.TempDir()
	jf, _ := writeDoc(t, dir, "ref", publicReference(t, false))
	out := filepath.Join(dir, "out.xlsx")
	if _, stderr, code := runArgs("export", "--format", "xlsx", "--out", out, jf); code != exitOK {
		t.Fatalf("export: exit %d, stderr %q", code, stderr)
	}
	stdout, stderr, code := runArgs("import", "--blank-absent", out)
	want, _ := os.ReadFile(jf)
	if code != exitOK {
		t.Fatalf("import of the export: exit %d, stderr %q", code, stderr)
	}
	if d := cmp.Diff(string(want), stdout); d != "" {
		t.Errorf("document → export → import (-want +got):\n%s", d)
	}
	// With 久其 names: the sheet of 收入决算表 is named as 久其 names it,
	// and the workbook imports to the same document.
	jq := filepath.Join(dir, "jiuqi.xlsx")
	if _, stderr, code := runArgs("export", "--format", "xlsx", "--jiuqi-names", "--out", jq, jf); code != exitOK {
		t.Fatalf("export --jiuqi-names: exit %d, stderr %q", code, stderr)
	}
	wb, err := sheet.Open(jq)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(wb.Sheets, func(s *sheet.Sheet) bool { return s.Name == "Z03 收入决算表(财决03表)" }) {
		t.Errorf("export --jiuqi-names: no sheet Z03 收入决算表(财决03表)")
	}
	if stdout, stderr, code := runArgs("import", "--blank-absent", jq); code != exitOK {
		t.Errorf("import of the 久其-named export: exit %d, stderr %q", code, stderr)
	} else if d := cmp.Diff(string(want), stdout); d != "" {
		t.Errorf("document → export --jiuqi-names → import (-want +got):\n%s", d)
	}
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte(`{"profile":`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no format", []string{"--out", out, jf}, `--format "": want xlsx`},
		{"other format", []string{"--format", "csv", "--out", out, jf}, `--format "csv": want xlsx`},
		{"no out", []string{"--format", "xlsx", jf}, "--out F.xlsx is required"},
		{"no document", []string{"--format", "xlsx", "--out", out}, "usage: juesuan export"},
		{"undecodable", []string{"--format", "xlsx", "--out", filepath.Join(dir, "b.xlsx"), broken}, broken},
		{"unwritable", []string{"--format", "xlsx", "--out", filepath.Join(dir, "no", "dir.xlsx"), jf}, filepath.Join(dir, "no", "dir.xlsx")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runArgs(append([]string{"export"}, tc.args...)...)
			if code != exitInput || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, exitInput, tc.stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "b.xlsx")); err == nil {
		t.Error("a workbook was written for an undecodable document")
	}
}

// TestUnplacedText: cells not placed and whole sheets (a PDF's pages, such
// as its chart pages) not recognised are counted apart.
func TestUnplacedText(t *testing.T) {
	cell := juesuan.Unplaced{Location: sheet.Location{File: "f", Sheet: "s", Cell: "B2"}}
	page := juesuan.Unplaced{Location: sheet.Location{File: "f", Sheet: "p.5"}}
	for _, tc := range []struct {
		file string
		us   []juesuan.Unplaced
		want string
	}{
		{"a.xlsx", nil, "0 cell(s) not placed"},
		{"a.xlsx", []juesuan.Unplaced{cell, cell}, "2 cell(s) not placed"},
		{"a.xlsx", []juesuan.Unplaced{cell, page}, "1 cell(s) not placed, 1 sheet(s) not recognised"},
		{"a.pdf", []juesuan.Unplaced{page, page, page}, "0 cell(s) not placed, 3 page(s) not recognised"},
	} {
		if got := unplacedText(tc.file, tc.us); got != tc.want {
			t.Errorf("%s %v: %q, want %q", tc.file, tc.us, got, tc.want)
		}
	}
}
