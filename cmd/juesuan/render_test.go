package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestRunRender: the disclosure of the reference as HTML, the usage
// errors, and a clear error for PDF without Chromium.
func TestRunRender(t *testing.T) {
	for _, tc := range []struct {
		name   string
		env    string // JUESUAN_CHROMIUM
		args   []string
		code   int
		out    []string
		stderr string
	}{
		{name: "html", args: []string{referenceFixture}, code: exitOK, out: []string{"<h2>一、收入支出决算总表</h2>", "上年数未填报，图1未绘制", `<g class="mark"`}},
		{name: "html with narrative", args: []string{"--narrative", referenceNarrative, referenceFixture}, code: exitOK, out: []string{"<section class=\"narrative\">", "图2：收入决算结构"}},
		{name: "bad format", args: []string{"--format", "docx", referenceFixture}, code: exitInput, stderr: "want html or pdf"},
		{name: "no file", code: exitInput, stderr: "usage"},
		{name: "pdf without chromium", env: "/nonexistent/chromium", args: []string{"--format", "pdf", referenceFixture}, code: exitInput, stderr: "no Chromium found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.env != "" {
				t.Setenv("JUESUAN_CHROMIUM", tc.env)
			}
			var out, errb bytes.Buffer
			if code := run(append([]string{"render"}, tc.args...), &out, &errb); code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errb.String())
			}
			for _, s := range tc.out {
				if !strings.Contains(out.String(), s) {
					t.Errorf("output lacks %q", s)
				}
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.stderr)
			}
		})
	}
}
