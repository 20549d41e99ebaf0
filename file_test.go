package juesuan_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/cnfiscal/juesuan"
)

// TestReadFileRegular: a regular file is read whole when it is within
// MaxSize, and to exactly MaxSize+1 bytes when it is larger, so that the
// caller can tell it is too large; sizes on both sides of the limit and of
// the one-buffer read.
func TestReadFileRegular(t *testing.T) {
	const limit = 1000
	for _, size := range []int{0, 1, 999, 1000, 1001, 1002, 5000, 70_000} {
		data := bytes.Repeat([]byte("0123456789"), size/10+1)[:size]
		p := filepath.Join(t.TempDir(), "doc.json")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, max := range []int64{limit, 1 << 20} {
			got, err := juesuan.DecodeOptions{MaxSize: max}.ReadFile(p)
			if err != nil {
				t.Fatalf("size %d, MaxSize %d: %v", size, max, err)
			}
			want := data[:min(int64(size), max+1)]
			if !bytes.Equal(got, want) {
				t.Errorf("size %d, MaxSize %d: read %d bytes, want %d", size, max, len(got), len(want))
			}
		}
	}
}
