package main

import (
	"bytes"
	"fmt"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/cmd/internal/report"
	"github.com/cnfiscal/juesuan/fixture"
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

// warmUp validates a small synthetic document of each registered profile
// (package fixture: every table, every figure stated), which loads the
// profile's catalogues and runs every rule once, so that the browser has
// compiled their code before the clerk's first document; it returns the
// results.
func warmUp() (out []juesuan.FileResult) {
	for _, id := range juesuan.ProfileIDs() {
		d, _, err := fixture.Generate(fixture.Options{Profile: id, Seed: 1, Size: fixture.Small})
		if err != nil {
			out = append(out, juesuan.FileResult{File: id, Err: err})
			continue
		}
		var b bytes.Buffer
		if err := juesuan.Encode(&b, d); err != nil {
			out = append(out, juesuan.FileResult{File: id, Err: err})
			continue
		}
		out = append(out, check(b.Bytes()))
	}
	return out
}
