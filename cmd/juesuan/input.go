package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// stdinName is the file name that stands for standard input.
const stdinName = "-"

// stdin is what the verbs read for "-"; tests replace it.
var stdin io.Reader = os.Stdin

// specialIdleTimeout is how long a read from a special file (a named pipe
// or a device named on the command line) waits for more data before the
// input is given up as unreadable.
var specialIdleTimeout = 30 * time.Second

// ErrNotRegular is matched (errors.Is) by the error for an input that must
// be a regular file and is not.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError reports a file met where only regular files are read: a
// named pipe, a device, a socket or a directory found by a directory walk.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

// Error names the path and the kind of file.
func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: %s, not a regular file", e.Path, fileKind(e.Mode))
}

// Is reports whether target is ErrNotRegular.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// ErrNoData is matched (errors.Is) by the error for a special file that
// sent no data for specialIdleTimeout.
var ErrNoData = errors.New("no data")

// fileKind names the type of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m.IsRegular():
		return "regular file"
	}
	return "irregular file"
}

// readInput reads at most max+1 bytes of the input at path, so that the
// caller can tell an input larger than max; "-" is standard input. The file
// is opened without blocking. With regularOnly (files found by a directory
// walk) anything but a regular file is refused with a *NotRegularError;
// otherwise a special file is read too, each read waiting at most
// specialIdleTimeout for data, so that a named pipe nobody writes to never
// hangs the command. A directory is always refused.
func readInput(path string, max int64, regularOnly bool) ([]byte, error) {
	if path == stdinName {
		return readAtMost(stdin, max)
	}
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	mode := st.Mode()
	switch {
	case mode.IsRegular():
		return readAtMost(f, max)
	case regularOnly, mode.IsDir():
		return nil, &NotRegularError{Path: path, Mode: mode}
	}
	// A special file. A pollable one (a pipe, a terminal) takes deadlines;
	// a read from one that does not (some devices) returns at once, since
	// the file is open non-blocking.
	if f.SetReadDeadline(time.Now().Add(specialIdleTimeout)) != nil {
		return readAtMost(f, max)
	}
	b, err := readAtMost(idleReader{f}, max)
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		return nil, fmt.Errorf("%s: %w for %v from the %s", path, ErrNoData, specialIdleTimeout, fileKind(mode))
	case err == nil && len(b) == 0:
		// A named pipe opened without blocking reads as empty while it has
		// no writer.
		return nil, fmt.Errorf("%s: %w from the %s (nothing written to it)", path, ErrNoData, fileKind(mode))
	}
	return b, err
}

// readAtMost reads r to its end or to max+1 bytes, whichever comes first.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, max+1))
}

// idleReader reads a file that takes deadlines, each read waiting at most
// specialIdleTimeout.
type idleReader struct{ f *os.File }

func (r idleReader) Read(p []byte) (int, error) {
	if err := r.f.SetReadDeadline(time.Now().Add(specialIdleTimeout)); err != nil {
		return 0, err
	}
	return r.f.Read(p)
}
