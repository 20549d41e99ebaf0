//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main outside the browser only says how to build the command.
func main() {
	fmt.Fprintln(os.Stderr, "juesuan-wasm runs in a browser: GOOS=js GOARCH=wasm go build -o juesuan.wasm ./cmd/juesuan-wasm")
	os.Exit(2)
}
