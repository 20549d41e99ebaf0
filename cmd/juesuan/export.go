package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	juesuan "github.com/cnfiscal/juesuan"
)

func init() {
	register("export", "write a 决算 document as a workbook (.xlsx)", runExport)
}

const exportUsage = `usage: juesuan export --format xlsx --out F.xlsx [--jiuqi-names] DOC.json

Writes the 公开表 of a 决算 document (its profile's public tables that it
carries) as an .xlsx workbook: a 封面 sheet with the unit, then one sheet
per table with its title, 单位 line, merged header and the figures exactly
as the document states them ("#,##0.00"); a figure the document does not
state is left blank, so juesuan import reads the workbook back to the
same tables when blank cells are read as absent (the blank-absent flag of
import and validate). The internal 财决 tables, the narrative and the performance
section are not written. With --jiuqi-names the tables that have a 久其
部门决算 sheet (收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表)
are written under its name, "Z03 收入决算表(财决03表)". DOC.json may be -
(standard input).

Exit status: 0 written, 2 unreadable or undecodable document, unknown
profile, a file that cannot be written, or bad usage.
`

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("export", exportUsage, stderr)
	format := fs.String("format", "", "output format: xlsx (the only one)")
	out := fs.String("out", "", "the workbook to write")
	jiuqi := fs.Bool("jiuqi-names", false, "name the sheets of tables with a 久其 counterpart as 久其 does (Z03 收入决算表(财决03表))")
	args, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(args) != 1 {
		fs.Usage()
		return exitInput
	}
	if *format != "xlsx" {
		fmt.Fprintf(stderr, "juesuan export: --format %q: want xlsx\n", *format)
		return exitInput
	}
	if *out == "" {
		fmt.Fprintln(stderr, "juesuan export: --out F.xlsx is required")
		return exitInput
	}
	d, err := decodeInput(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "juesuan export: %s: %s\n", echo(args[0]), echoErr(err))
		return exitInput
	}
	var b bytes.Buffer
	if err := juesuan.WriteWorkbook(&b, d, juesuan.WorkbookOptions{JiuqiNames: *jiuqi}); err != nil {
		fmt.Fprintf(stderr, "juesuan export: %s: %s\n", echo(args[0]), echoErr(err))
		return exitInput
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "juesuan export: %s\n", echoErr(err))
		return exitInput
	}
	return exitOK
}
