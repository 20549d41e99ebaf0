package main

import (
	"io"
	"os"

	juesuan "github.com/cnfiscal/juesuan"
)

// stdinName is the file name that stands for standard input.
const stdinName = "-"

// stdin is what the verbs read for "-"; tests replace it.
var stdin io.Reader = os.Stdin

// specialIdleTimeout is how long a read from a special file (a named pipe
// or a device named on the command line) waits for more data before the
// input is given up as unreadable (juesuan.DecodeOptions.Wait); tests
// shorten it.
var specialIdleTimeout = juesuan.DefaultWait

// decodeOptions are the options every verb decodes documents with: the
// default limits, and specialIdleTimeout for special files.
func decodeOptions() juesuan.DecodeOptions {
	return juesuan.DecodeOptions{Wait: specialIdleTimeout}
}

// decodeInput reads and decodes the document at path with decodeOptions;
// "-" is standard input. A named pipe or device is read without blocking
// for ever (juesuan.DecodeOptions.ReadFile).
func decodeInput(path string) (*juesuan.Document, error) {
	opts := decodeOptions()
	if path == stdinName {
		return opts.Decode(stdin)
	}
	return opts.DecodeFile(path)
}

// readInput reads at most max+1 bytes of the input at path, so that the
// caller can tell an input larger than max; "-" is standard input. A file
// is read as juesuan.DecodeOptions.ReadFile reads it: without blocking for
// ever, a directory refused.
func readInput(path string, max int64) ([]byte, error) {
	if path == stdinName {
		return io.ReadAll(io.LimitReader(stdin, max+1))
	}
	opts := decodeOptions()
	opts.MaxSize = max
	return opts.ReadFile(path)
}
