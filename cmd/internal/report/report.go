// Package report builds the JSON of one file's result that
// `juesuan validate --format json` prints in its "files" list, and that
// cmd/juesuan-wasm's juesuan.validate returns, from the same code.
package report

import (
	"encoding/json"
	"strings"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
)

// File is the result for one file: its name, the error when it could not
// be checked, and its findings (audit.Finding's JSON form; [] rather than
// null when there are none).
type File struct {
	File     string         `json:"file"`
	Error    string         `json:"error,omitempty"`
	Findings audit.Findings `json:"findings"`
	// Coverage is the ledger (juesuan.Coverage's JSON form), only when
	// the check was asked to keep one (validate --coverage).
	Coverage *juesuan.Coverage `json:"coverage,omitempty"`
}

// FileOf is the File of r.
func FileOf(r juesuan.FileResult) File {
	f := File{File: r.File, Findings: r.Findings, Coverage: r.Coverage}
	if f.Findings == nil {
		f.Findings = audit.Findings{} // [] on the wire, never null
	}
	if r.Err != nil {
		f.Error = r.Err.Error()
	}
	return f
}

// Marshal encodes v on one line without HTML escaping (messages are
// Chinese text with quotes and symbols a reader wants to see as they are).
// v must be plain data (structs of strings, numbers and slices).
func Marshal(v any) []byte {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil { // not reached: plain structs of strings and ints
		panic(err)
	}
	return []byte(strings.TrimSuffix(b.String(), "\n"))
}
