//go:build unix

package juesuan_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cnfiscal/juesuan"
)

// referenceDoc is a consistent document the special-file tests send.
const referenceDoc = "testdata/sichuan-2020/panzhihua-chengdu-office.json"

// mkfifo makes a named pipe in a new temporary directory.
func mkfifo(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// writeFIFO writes data to the named pipe p once a reader has opened it,
// and reports the outcome on the channel.
func writeFIFO(p string, data []byte) <-chan error {
	wrote := make(chan error, 1)
	go func() {
		w, err := os.OpenFile(p, os.O_WRONLY, 0) // waits for the reader
		if err == nil {
			_, err = w.Write(data)
			w.Close()
		}
		wrote <- err
	}()
	return wrote
}

// TestReadFileSpecial: ReadFile reads special files with the size limit
// and never waits for ever; DecodeFile, ValidateFile and ValidateFiles read
// through it.
func TestReadFileSpecial(t *testing.T) {
	ref, err := os.ReadFile(referenceDoc)
	if err != nil {
		t.Fatal(err)
	}
	short := juesuan.DecodeOptions{Wait: 50 * time.Millisecond}

	t.Run("pipe with a writer", func(t *testing.T) {
		p := mkfifo(t, "doc.json")
		wrote := writeFIFO(p, ref)
		got, err := juesuan.DecodeOptions{}.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := <-wrote; err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, ref) {
			t.Errorf("read %d bytes, want the %d of the document", len(got), len(ref))
		}
	})

	t.Run("document through a pipe", func(t *testing.T) {
		p := mkfifo(t, "doc.json")
		wrote := writeFIFO(p, ref)
		r := juesuan.ValidateFile(p, juesuan.BatchOptions{})
		if err := <-wrote; err != nil {
			t.Fatal(err)
		}
		if r.Err != nil || r.Findings.HasErrors() {
			t.Errorf("ValidateFile(pipe) = %v, %v; want the reference document's findings, no error", r.Err, r.Findings)
		}
	})

	t.Run("pipe without a writer", func(t *testing.T) {
		p := mkfifo(t, "lonely.json")
		_, err := short.ReadFile(p)
		if !errors.Is(err, juesuan.ErrNoData) || !strings.Contains(err.Error(), p+": no data from the named pipe (nothing written to it in 50ms)") {
			t.Errorf("ReadFile: %v, want ErrNoData: nothing written", err)
		}
		if _, err := short.DecodeFile(p); !errors.Is(err, juesuan.ErrNoData) || errors.Is(err, juesuan.ErrDecode) {
			t.Errorf("DecodeFile: %v, want ErrNoData, not a decode error", err)
		}
		var got []error
		juesuan.ValidateFiles([]string{p, p}, juesuan.BatchOptions{Decode: short}, func(r juesuan.FileResult) { got = append(got, r.Err) })
		if len(got) != 2 || !errors.Is(got[0], juesuan.ErrNoData) || !errors.Is(got[1], juesuan.ErrNoData) {
			t.Errorf("ValidateFiles: %v, want ErrNoData twice", got)
		}
	})

	t.Run("pipe whose writer sends nothing", func(t *testing.T) {
		p := mkfifo(t, "stalled.json")
		// A writer that holds the pipe open and writes nothing: open
		// read-write so that opening does not wait.
		w, err := os.OpenFile(p, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		_, err = short.ReadFile(p)
		if !errors.Is(err, juesuan.ErrNoData) || !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Errorf("error %v, want ErrNoData after a deadline", err)
		}
	})

	t.Run("pipe sending more than the limit", func(t *testing.T) {
		p := mkfifo(t, "big.json")
		go func() {
			w, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			defer w.Close()
			w.Write(bytes.Repeat([]byte(" "), 4096)) // fails once the reader is gone
		}()
		got, err := juesuan.DecodeOptions{MaxSize: 1000}.ReadFile(p)
		if err != nil || len(got) != 1001 {
			t.Errorf("read %d bytes, %v; want 1001 (the limit + 1)", len(got), err)
		}
	})

	t.Run("endless device", func(t *testing.T) {
		var de *juesuan.DecodeError
		if _, err := juesuan.DecodeFile("/dev/zero"); !errors.As(err, &de) || de.Rule != "size" {
			t.Errorf("DecodeFile(/dev/zero): %v, want the size rule", err)
		}
	})

	t.Run("directory", func(t *testing.T) {
		dir := t.TempDir()
		_, err := juesuan.DecodeFile(dir)
		var nr *juesuan.NotRegularError
		if !errors.Is(err, juesuan.ErrNotRegular) || !errors.As(err, &nr) || nr.Kind() != "directory" || nr.Path != dir {
			t.Errorf("DecodeFile(dir): %v, want a *NotRegularError for the directory", err)
		}
	})
}
