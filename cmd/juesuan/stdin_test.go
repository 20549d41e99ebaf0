package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// withStdin makes the verbs read data for "-" for the rest of the test.
func withStdin(t *testing.T, data []byte) {
	old := stdin
	stdin = bytes.NewReader(data)
	t.Cleanup(func() { stdin = old })
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStdin: "-" reads standard input in every verb taking a document or
// narrative file, and gives the output the file would give, under the name
// "-".
func TestStdin(t *testing.T) {
	doc, text := readFile(t, referenceFixture), readFile(t, lintText)
	scorePath, _ := scoreDoc(t)
	tests := []struct {
		name     string
		stdin    []byte
		fromFile []string // reading the file
		fromIn   []string // the same input through "-"
		rename   string   // the file's name in the output of fromFile, "-" in fromIn's
	}{
		{"validate text", doc, []string{"validate", referenceFixture}, []string{"validate", "-"}, referenceFixture},
		{"validate json", doc, []string{"validate", "--format", "json", referenceFixture}, []string{"validate", "--format", "json", "-"}, referenceFixture},
		{"lint document", doc, []string{"lint", "--document", lintDoc, lintText}, []string{"lint", "--document", "-", lintText}, ""},
		{"lint narrative", text, []string{"lint", "--document", lintDoc, lintText}, []string{"lint", "--document", lintDoc, "-"}, lintText},
		{"lint json", text, []string{"lint", "--format", "json", "--document", lintDoc, lintText}, []string{"lint", "--format", "json", "--document", lintDoc, "-"}, lintText},
		{"score", readFile(t, scorePath), []string{"score", scorePath}, []string{"score", "-"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantOut, wantErr, wantCode := runArgs(tt.fromFile...)
			if tt.rename != "" {
				wantOut = strings.ReplaceAll(wantOut, tt.rename, "-")
			}
			withStdin(t, tt.stdin)
			out, errOut, code := runArgs(tt.fromIn...)
			if code != wantCode {
				t.Errorf("exit %d, want %d", code, wantCode)
			}
			if d := cmp.Diff(wantOut, out); d != "" {
				t.Errorf("stdout (-file +stdin):\n%s", d)
			}
			if d := cmp.Diff(wantErr, errOut); d != "" {
				t.Errorf("stderr (-file +stdin):\n%s", d)
			}
			if len(out) == 0 {
				t.Error("no output")
			}
		})
	}
}

func TestStdinOnce(t *testing.T) {
	withStdin(t, readFile(t, referenceFixture))
	out, _, code := runArgs("validate", "-", "-")
	if code != exitInput || !strings.Contains(out, "\n-: input error: standard input is read only once\n") {
		t.Errorf("validate - -: exit %d, output:\n%s", code, out)
	}
	if !strings.Contains(out, "2 file(s), 1 unreadable") {
		t.Errorf("validate - -: want the first read, the second an error:\n%s", out)
	}
	if _, errOut, code := runArgs("lint", "--document", "-", "-"); code != exitInput || !strings.Contains(errOut, "cannot both be standard input") {
		t.Errorf("lint --document - -: exit %d, stderr %q", code, errOut)
	}
}

// TestLintEscapesNarrative: control characters of the narrative reach the
// text output escaped, in the quote and in the message.
func TestLintEscapesNarrative(t *testing.T) {
	text := readFile(t, lintText)
	sentence := "2020年一般公共预算财政拨款支出559.53万元"
	if !bytes.Contains(text, []byte(sentence)) {
		t.Fatal("the C5 sentence is not in the narrative")
	}
	withStdin(t, bytes.Replace(text, []byte(sentence), []byte("\x1b[2J\u202e"+sentence), 1))
	out, _, _ := runArgs("lint", "--document", lintDoc, "-")
	if strings.ContainsAny(out, "\x1b\u202e") {
		t.Errorf("raw control characters in the output")
	}
	if want := "    " + `\x1b[2J\u202e` + sentence; !strings.Contains(out, want) {
		t.Errorf("output lacks the escaped quote %q:\n%s", want, out)
	}
}
