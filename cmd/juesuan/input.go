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
var specialIdleTimeout = 10 * time.Second

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
// sent nothing, or no data for specialIdleTimeout.
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
	return readSpecial(f, path, mode, max)
}

// pipeRetry is how often a named pipe without a writer is read again.
const pipeRetry = 20 * time.Millisecond

// readSpecial reads at most max+1 bytes of a special file open
// non-blocking. A file that takes deadlines (a pipe, a terminal) is read
// with each read waiting at most specialIdleTimeout; a named pipe that
// has no writer yet reads as empty, so it is read again every pipeRetry
// until a writer comes or specialIdleTimeout has passed. A file that takes
// no deadline (some devices) is read as it is: being open non-blocking, it
// never makes a read wait.
func readSpecial(f *os.File, path string, mode fs.FileMode, max int64) ([]byte, error) {
	if f.SetReadDeadline(time.Now().Add(specialIdleTimeout)) != nil {
		return readAtMost(f, max)
	}
	giveUp := time.Now().Add(specialIdleTimeout)
	var data []byte
	chunk := make([]byte, 64<<10)
	for int64(len(data)) <= max {
		if err := f.SetReadDeadline(time.Now().Add(specialIdleTimeout)); err != nil {
			return nil, err
		}
		n, err := f.Read(chunk[:min(int64(len(chunk)), max+1-int64(len(data)))])
		data = append(data, chunk[:n]...)
		switch {
		case err == io.EOF && len(data) == 0 && mode&fs.ModeNamedPipe != 0 && time.Now().Before(giveUp):
			time.Sleep(pipeRetry) // no writer yet
		case err == io.EOF && len(data) == 0:
			return nil, fmt.Errorf("%s: %w from the %s (nothing written to it in %v)", path, ErrNoData, fileKind(mode), specialIdleTimeout)
		case err == io.EOF:
			return data, nil
		case errors.Is(err, os.ErrDeadlineExceeded):
			return nil, fmt.Errorf("%s: %w from the %s for %v (%w)", path, ErrNoData, fileKind(mode), specialIdleTimeout, os.ErrDeadlineExceeded)
		case err != nil:
			return nil, err
		}
	}
	return data, nil
}

// readAtMost reads r to its end or to max+1 bytes, whichever comes first.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, max+1))
}
