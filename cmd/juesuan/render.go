package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts/narrative"
)

func init() {
	register("render", "write a 决算 document as its published disclosure (HTML or PDF)", runRender)
}

const renderUsage = `usage: juesuan render --format html|pdf [--narrative N.txt] [--out F] DOC.json

Writes the disclosure of a 决算 document as one self-contained HTML file
(inline CSS and SVG charts, no script, no external resource): the 情况说明
of --narrative (plain UTF-8) with the standard charts of the profile (图1–图7)
drawn from the figures, then the profile's 公开表 as printed (title, 单位
line, merged header, figures as "#,##0.00", absent figures blank, notes).
A chart whose figures are absent is not drawn and says why. With --format
pdf the page is printed through a local headless Chromium (JUESUAN_CHROMIUM,
or chromium on PATH). The output goes to --out, or to standard output.
DOC.json may be - (standard input).

Exit status: 0 written, 2 unreadable or undecodable input, unknown
profile, no Chromium for pdf, a file that cannot be written, or bad usage.
`

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("render", renderUsage, stderr)
	format := fs.String("format", "html", "output format: html or pdf")
	narrPath := fs.String("narrative", "", "the 情况说明 (plain UTF-8 text) to print with the tables")
	out := fs.String("out", "", "the file to write (default: standard output)")
	args, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(args) != 1 {
		fs.Usage()
		return exitInput
	}
	if *format != "html" && *format != "pdf" {
		fmt.Fprintf(stderr, "juesuan render: --format %q: want html or pdf\n", *format)
		return exitInput
	}
	d, err := decodeInput(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "juesuan render: %s: %s\n", echo(args[0]), echoErr(err))
		return exitInput
	}
	var opts juesuan.RenderOptions
	if *narrPath != "" {
		if opts.Narrative, err = readInput(*narrPath, narrative.MaxSize); err != nil {
			fmt.Fprintf(stderr, "juesuan render: %s: %s\n", echo(*narrPath), echoErr(err))
			return exitInput
		}
	}
	var b bytes.Buffer
	if *format == "pdf" {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		err = juesuan.RenderPDF(ctx, &b, d, opts)
	} else {
		err = juesuan.RenderHTML(&b, d, opts)
	}
	if err != nil {
		fmt.Fprintf(stderr, "juesuan render: %s: %s\n", echo(args[0]), echoErr(err))
		return exitInput
	}
	return writeOut(*out, b.Bytes(), stdout, stderr, "render")
}

// writeOut writes b to the file out, or to stdout when out is "".
func writeOut(out string, b []byte, stdout, stderr io.Writer, verb string) int {
	var err error
	if out == "" {
		_, err = stdout.Write(b)
	} else {
		err = os.WriteFile(out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "juesuan %s: %s\n", verb, echoErr(err))
		return exitInput
	}
	return exitOK
}
