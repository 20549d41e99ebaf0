package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// batchBar is the progress bar of a batch: drawn on stderr, and only when
// stderr is a terminal, so that it never enters stdout. It is redrawn after
// every file and stays drawn between them. When stdout shares the screen
// (it is a terminal too), the results go through screen, which blanks the
// bar's line before they are printed; the next step draws the bar again
// below them. A nil *batchBar draws nothing.
type batchBar struct {
	bar   *progressbar.ProgressBar
	shown bool // the bar is on the screen
}

// newBatchBar draws a bar for total files on w.
func newBatchBar(w io.Writer, total int) *batchBar {
	b := &batchBar{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("validating"),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(), // redraws at every step: the count changes
		progressbar.OptionSetTheme(progressbar.ThemeASCII),
		progressbar.OptionClearOnFinish(),
	)}
	b.bar.RenderBlank()
	b.shown = true
	return b
}

// step counts one file done and redraws the bar; after the last file it
// blanks its line.
func (b *batchBar) step() {
	if b == nil {
		return
	}
	b.bar.Add(1)
	b.shown = !b.bar.IsFinished()
}

// clear blanks the bar's line if the bar is shown.
func (b *batchBar) clear() {
	if b == nil || !b.shown {
		return
	}
	b.bar.Clear()
	b.shown = false
}

// screen returns w, or, when the bar is drawn, a writer that clears the bar
// before writing to w: the stdout to use when stdout is on the same screen
// as the bar.
func (b *batchBar) screen(w io.Writer) io.Writer {
	if b == nil {
		return w
	}
	return screenWriter{w: w, b: b}
}

// screenWriter writes to w after clearing the bar.
type screenWriter struct {
	w io.Writer
	b *batchBar
}

func (s screenWriter) Write(p []byte) (int, error) {
	s.b.clear()
	return s.w.Write(p)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return false
	}
	tty := false
	if rc.Control(func(fd uintptr) { tty = term.IsTerminal(int(fd)) }) != nil {
		return false
	}
	return tty
}
