package juesuan

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/indicators"
)

// Document is one department's 决算 document: which profile it follows, the
// unit, the tables, optional prior-year figures, the performance section and
// the 出错说明 explanations for accepted warnings.
//
// Read documents with [Decode] (strict: see [DecodeOptions]) and write them
// with [Encode]; encoding/json works too but checks far less.
type Document struct {
	// Profile names the registered profile (jurisdiction + year) the document
	// follows, e.g. "sichuan-2020".
	Profile string `json:"profile" jsonschema:"title=配置,description=辖区与年度配置的标识，例如 sichuan-2020"`
	accounts.Report
	Performance  *indicators.Performance `json:"performance,omitempty" jsonschema:"title=预算绩效"`
	Explanations []audit.Explanation     `json:"explanations,omitempty" jsonschema:"title=出错说明"`
}

// ErrNilDocument is returned by Encode for a nil document.
var ErrNilDocument = errors.New("juesuan: cannot encode a nil document")

// Encode writes d as indented JSON (two spaces, no HTML escaping, a trailing
// newline): the form of the testdata fixtures. A document decoded from that
// form re-encodes to the same bytes.
func Encode(w io.Writer, d *Document) error {
	if d == nil {
		return ErrNilDocument
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}
