package juesuan

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"time"
)

// DefaultWait is the default of DecodeOptions.Wait: how long reading a
// special file (a named pipe, a terminal) waits for data.
const DefaultWait = 10 * time.Second

// ErrNotRegular is matched (errors.Is) by every *NotRegularError.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError reports a file that is refused because it is not a
// regular file: a directory given to DecodeFile, or a named pipe, device or
// socket met where only regular files are read.
type NotRegularError struct {
	Path string      // as given, or as a directory walk found it
	Mode fs.FileMode // the file's type bits
}

// Error names the path and the kind of file.
func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: %s, not a regular file", e.Path, e.Kind())
}

// Is reports whether target is ErrNotRegular.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// Kind names the kind of file: "named pipe", "socket", "character device",
// "device", "directory", "symbolic link" or "irregular file".
func (e *NotRegularError) Kind() string { return fileKind(e.Mode) }

// ErrNoData is matched (errors.Is) by the error for a special file that sent
// nothing, or no data for DecodeOptions.Wait.
var ErrNoData = errors.New("no data")

// fileKind names the type of a file.
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

// ReadFile reads the file at path as DecodeFile does, without decoding it:
// at most MaxSize+1 bytes (so that the caller can tell a file larger than
// MaxSize), never blocking for ever. The file is opened without blocking
// (on Unix), so that opening a named pipe that has no writer returns at
// once. A regular file is read as usual; a directory is refused with a
// *NotRegularError; another special file (a named pipe, a terminal, a
// device) is read with each read waiting at most Wait for data, and a named
// pipe waiting at most Wait for a writer, after which the error matches
// ErrNoData. A device that cannot be waited on (/dev/zero) is read up to the
// limit.
func (o DecodeOptions) ReadFile(path string) ([]byte, error) {
	max, _, _ := o.limits()
	max = min(max, math.MaxInt64-1)
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
		return readRegular(f, st.Size(), max)
	case mode.IsDir():
		return nil, &NotRegularError{Path: path, Mode: mode}
	}
	return readSpecial(f, path, mode, max, o.wait())
}

// wait returns o.Wait, or DefaultWait when it is not set.
func (o DecodeOptions) wait() time.Duration {
	if o.Wait <= 0 {
		return DefaultWait
	}
	return o.Wait
}

// pipeRetry is how often a named pipe without a writer is read again.
const pipeRetry = 20 * time.Millisecond

// readSpecial reads at most max+1 bytes of a special file open
// non-blocking. A file that takes deadlines (a pipe, a terminal) is read
// with each read waiting at most wait; a named pipe that has no writer yet
// reads as empty, so it is read again every pipeRetry until a writer comes
// or wait has passed. A file that takes no deadline (some devices) is read
// as it is: being open non-blocking, it never makes a read wait.
func readSpecial(f *os.File, path string, mode fs.FileMode, max int64, wait time.Duration) ([]byte, error) {
	if f.SetReadDeadline(time.Now().Add(wait)) != nil {
		return readAtMost(f, max)
	}
	giveUp := time.Now().Add(wait)
	var data []byte
	chunk := make([]byte, 64<<10)
	for int64(len(data)) <= max {
		if err := f.SetReadDeadline(time.Now().Add(wait)); err != nil {
			return nil, err
		}
		n, err := f.Read(chunk[:min(int64(len(chunk)), max+1-int64(len(data)))])
		data = append(data, chunk[:n]...)
		switch {
		case err == io.EOF && len(data) == 0 && mode&fs.ModeNamedPipe != 0 && time.Now().Before(giveUp):
			time.Sleep(pipeRetry) // no writer yet
		case err == io.EOF && len(data) == 0:
			return nil, fmt.Errorf("%s: %w from the %s (nothing written to it in %v)", path, ErrNoData, fileKind(mode), wait)
		case err == io.EOF:
			return data, nil
		case errors.Is(err, os.ErrDeadlineExceeded):
			return nil, fmt.Errorf("%s: %w from the %s for %v (%w)", path, ErrNoData, fileKind(mode), wait, os.ErrDeadlineExceeded)
		case err != nil:
			return nil, err
		}
	}
	return data, nil
}

// readRegular reads a regular file of the given size (as Stat saw it) to its
// end or to max+1 bytes, whichever comes first. It reads into one buffer of
// that size, as os.ReadFile does, instead of growing one from 512 bytes:
// on 40 KB documents that halves the read system calls and copies of a
// batch. A file that grew since Stat is still read to the limit.
func readRegular(f *os.File, size, max int64) ([]byte, error) {
	if size <= 0 || size > max {
		return readAtMost(f, max)
	}
	data := make([]byte, 0, size+1) // +1: a read that sees EOF needs room
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			rest, err := readAtMost(f, max-int64(len(data)))
			return append(data, rest...), err
		}
	}
}

// readAtMost reads r to its end or to max+1 bytes, whichever comes first.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, max+1))
}
