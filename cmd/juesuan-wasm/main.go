//go:build js && wasm

// Command juesuan-wasm runs the audit rules in a browser. Build it with
// the standard toolchain:
//
//	GOOS=js GOARCH=wasm go build -o juesuan.wasm ./cmd/juesuan-wasm
//
// and load it with Go's wasm_exec.js ($(go env GOROOT)/lib/wasm/). It
// defines a global object juesuan with
//
//	juesuan.validate(documentJSON) → string
//
// which decodes, calculates and validates the document (a string of JSON)
// under the profile it names and returns the JSON that
// `juesuan validate --format json -` prints as its files[0] entry:
// {"file":"-","error":…,"findings":[{rule, severity, path, message,
// expected, actual, …}]}. The same code builds both (cmd/internal/report).
// juesuan.ready is true once the function is defined and the built-in
// profiles' catalogues are loaded (juesuan.warmUpMs says how long that took).
package main

import (
	"syscall/js"
	"time"

	"github.com/cnfiscal/juesuan/cmd/internal/report"
)

func main() {
	obj := js.Global().Get("Object").New()
	obj.Set("validate", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return string(report.Marshal(report.File{File: "-", Error: "juesuan.validate: want the document as a JSON string"}))
		}
		return validate(args[0].String())
	}))
	// Load the catalogues and compile the rules now, so that the first
	// validate a clerk waits for is as fast as the next.
	t0 := time.Now()
	warmUp()
	obj.Set("warmUpMs", float64(time.Since(t0).Microseconds())/1000)
	obj.Set("ready", true)
	js.Global().Set("juesuan", obj)
	select {} // keep the functions alive
}
