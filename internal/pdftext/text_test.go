package pdftext

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		want error
	}{
		{"not a PDF", "hello", ErrMalformed},
		{"truncated", "%PDF-1.4\n1 0 obj\n", ErrMalformed},
		{"encrypted", withXref("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n", "/Encrypt<</Filter/Standard/V 4/R 4/O(x)/U(y)/P -4>>"), ErrEncrypted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read([]byte(tc.data))
			if !errors.Is(err, tc.want) {
				t.Errorf("Read: %v, want %v", err, tc.want)
			}
		})
	}
	if _, err := Read(make([]byte, MaxFileSize+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("too large: %v", err)
	}
}

// TestReadChinese checks the text layer of a published PDF: every
// character of its first table's title line, in order, with its box.
func TestReadChinese(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdf", "real", "shanghai-putuo-2026-unit-budget.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Pages) != 21 {
		t.Fatalf("%d pages, want 21", len(d.Pages))
	}
	p := d.Pages[7]
	var b strings.Builder
	var box Box
	for _, c := range p.Chars {
		if c.Base > 100 && c.Base < 125 {
			b.WriteString(c.Text)
			box = box.Union(c.Box)
		}
	}
	if diff := cmp.Diff("2026年预算单位财务收支预算总表", b.String()); diff != "" {
		t.Errorf("title (-want +got):\n%s", diff)
	}
	if got := box.String(); got != "[286 88 556 108]" { // pdftotext -bbox: 286.1 88.4 556.1 108.4
		t.Errorf("title box %s, want [286 88 556 108]", got)
	}
}

func TestUnify(t *testing.T) {
	for in, want := range map[string]string{
		"收⼊⽀出": "收入支出", "部⻔": "部门", "⼭": "山", "ok": "ok", "": "",
	} {
		if got := unify(in); got != want {
			t.Errorf("unify(%q) = %q, want %q", in, got, want)
		}
	}
}

// withXref completes a PDF of one object (1 0 obj at byte 9) with its
// cross-reference table and a trailer holding extra.
func withXref(body, extra string) string {
	return body + "xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer<</Size 2/Root 1 0 R" + extra + ">>\nstartxref\n" +
		strconv.Itoa(len(body)) + "\n%%EOF\n"
}

// TestReadSeed reads the fuzz seed: a CID font with ToUnicode (bfchar and
// bfrange), a simple font, TJ spacing and ruling lines.
func TestReadSeed(t *testing.T) {
	d, err := Read(tableSeed())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range d.Pages[0].Chars {
		got = append(got, c.Text+" "+c.Box.String())
	}
	// baseline 842−685 = 157, ascent 0.88 and descent 0.12 of 10 pt; Helvetica
	// digits 556/1000, "." 278/1000; TJ −200 moves 计 2 pt right
	want := []string{"合 [55 148 65 158]", "计 [65 148 75 158]", "1 [250 148 256 158]", "2 [256 148 261 158]", ". [261 148 264 158]",
		"5 [264 148 269 158]", "0 [269 148 275 158]", "合 [55 168 65 178]", "计 [67 168 77 178]", "3 [250 168 256 178]"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("chars (-want +got):\n%s", diff)
	}
	if n := len(d.Pages[0].Rules); n != 6 {
		t.Errorf("%d rules, want 6", n)
	}
}
