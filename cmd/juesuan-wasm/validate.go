package main

import (
	"fmt"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/internal/report"
	_ "github.com/cnfiscal/juesuan/profiles" // the built-in profiles
)

// validate is juesuan.validate: the files[0] entry of
// `juesuan validate --format json -` for the document doc. It does what
// juesuan.ValidateFile does for a JSON document (decode with the default
// options, then Calculate and Validate under the profile the document
// names) without reaching the workbook importer, which would triple the
// size of the .wasm.
func validate(doc string) string {
	return string(report.Marshal(report.FileOf(check([]byte(doc)))))
}

// check is juesuan.ValidateFile of a JSON document read from stdin.
func check(doc []byte) (res juesuan.FileResult) {
	res.File = "-"
	defer func() {
		if r := recover(); r != nil {
			res.Findings = nil
			res.Err = fmt.Errorf("juesuan: %s: internal error, please report it: %v", res.File, r)
		}
	}()
	d, err := juesuan.DecodeOptions{}.DecodeBytes(doc)
	if err != nil {
		res.Err = err
		return res
	}
	p, err := juesuan.LookupProfile(d.Profile)
	if err != nil {
		res.Err = err
		return res
	}
	p.Calculate(d)
	res.Findings, res.Err = p.Validate(d)
	return res
}
