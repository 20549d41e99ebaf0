//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/google/go-cmp/cmp"
)

// mkfifo makes a named pipe in a new temporary directory.
func mkfifo(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// shortIdle makes a special file give up after d for the rest of the test.
func shortIdle(t *testing.T, d time.Duration) {
	old := specialIdleTimeout
	specialIdleTimeout = d
	t.Cleanup(func() { specialIdleTimeout = old })
}

// TestWalkSkipsSpecialFiles: a named pipe called *.json in a walked
// directory is not opened (opening it would wait for a writer) but listed
// on stderr; the batch goes on.
func TestWalkSkipsSpecialFiles(t *testing.T) {
	dir := batchDir(t)
	pipe := filepath.Join(dir, "z-pipe.json")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(pipe, filepath.Join(dir, "z-link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a-reference.json"), filepath.Join(dir, "z-ref-link.json")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "notes-pipe.txt"), 0o600); err != nil { // not a document name
		t.Fatal(err)
	}

	in, skipped := collectFiles([]string{dir})
	var got []string
	for _, e := range skipped {
		got = append(got, filepath.Base(e.Path)+": "+e.Kind())
		if !errors.Is(e, juesuan.ErrNotRegular) {
			t.Errorf("%v is not ErrNotRegular", e)
		}
	}
	if d := cmp.Diff([]string{"z-link.json: named pipe", "z-pipe.json: named pipe"}, got); d != "" {
		t.Errorf("skipped (-want +got):\n%s", d)
	}
	if last := in[len(in)-1]; filepath.Base(last.file) != "z-ref-link.json" || last.err != nil {
		t.Errorf("last input %+v, want the link to a regular file", last)
	}

	var stdout, stderr bytes.Buffer
	if code := runValidate([]string{dir}, &stdout, &stderr); code != exitInput { // c-broken.json
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	wantErr := "juesuan validate: skipping " + filepath.Join(dir, "z-link.json") + ": named pipe, not a regular file\n" +
		"juesuan validate: skipping " + pipe + ": named pipe, not a regular file\n"
	if d := cmp.Diff(wantErr, stderr.String()); d != "" {
		t.Errorf("stderr (-want +got):\n%s", d)
	}
	if !strings.Contains(stdout.String(), "5 file(s), 1 unreadable") {
		t.Errorf("summary: want 5 files checked, 1 unreadable:\n%s", stdout.String())
	}
}

// TestReadInputSpecial checks what the command does with special files
// named on its command line. The reader itself (pipes with and without a
// writer, a stalled writer, the size limit, a directory) is the library's
// DecodeOptions.ReadFile, tested in the root package's file_unix_test.go.
func TestReadInputSpecial(t *testing.T) {
	ref, err := os.ReadFile(referenceFixture)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("validate a pipe", func(t *testing.T) {
		var want, wantErr bytes.Buffer
		wantCode := runValidate([]string{"--format", "json", referenceFixture}, &want, &wantErr)
		p := mkfifo(t, "doc.json")
		go func() {
			if w, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
				w.Write(ref)
				w.Close()
			}
		}()
		var stdout, stderr bytes.Buffer
		code := runValidate([]string{"--format", "json", p}, &stdout, &stderr)
		if code != wantCode || stderr.String() != wantErr.String() {
			t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr.String(), wantCode, wantErr.String())
		}
		if d := cmp.Diff(strings.ReplaceAll(want.String(), referenceFixture, p), stdout.String()); d != "" {
			t.Errorf("output (-file +pipe):\n%s", d)
		}
	})

	t.Run("pipe without a writer", func(t *testing.T) {
		shortIdle(t, 50*time.Millisecond)
		p := mkfifo(t, "lonely.json")
		_, err := readInput(p, juesuan.DefaultMaxSize)
		if !errors.Is(err, juesuan.ErrNoData) || !strings.Contains(err.Error(), "named pipe (nothing written to it") {
			t.Errorf("error %v, want ErrNoData: nothing written", err)
		}
		// The command reports it as an unreadable file.
		var stdout, stderr bytes.Buffer
		if code := runValidate([]string{p}, &stdout, &stderr); code != exitInput {
			t.Errorf("exit %d, want %d", code, exitInput)
		}
		if !strings.HasPrefix(stdout.String(), p+": input error: "+p+": no data from the named pipe") {
			t.Errorf("output %q: want an input error", stdout.String())
		}
	})

	t.Run("endless device", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := runValidate([]string{"/dev/zero"}, &stdout, &stderr); code != exitInput {
			t.Errorf("exit %d, want %d", code, exitInput)
		}
		var de *juesuan.DecodeError
		_, err := decodeInput("/dev/zero")
		if !errors.As(err, &de) || de.Rule != "size" {
			t.Errorf("decode /dev/zero: %v, want the size rule", err)
		}
	})

}
