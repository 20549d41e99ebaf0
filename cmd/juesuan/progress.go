package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// batchBar is the progress bar of a batch: drawn on stderr, and only when
// stderr is a terminal, so that it never enters stdout. The bar library
// (github.com/schollz/progressbar/v3) renders the frames; batchBar decides
// where and when they are drawn, so that the bar stays on the screen while
// the batch runs. It has two modes.
//
// Region mode, when stdout is on the same terminal and the terminal takes
// VT100 scrolling regions (not on Windows, nor with TERM=dumb): the bottom
// row of the screen is kept out of the scrolling region and the bar is
// drawn there (cursor saved, moved, restored), while the results are
// written to stdout as they come and scroll above it. Nothing the results
// print can erase the bar. finish restores the whole screen as scrolling
// region and blanks the bottom row.
//
// Line mode otherwise: the bar is redrawn in place on its line (a carriage
// return, the frame, blanks). Each frame reaches the terminal in one
// write, so a half-drawn bar is never seen. When stdout shares the screen
// (a terminal without scrolling regions), results go through screen,
// which holds them and prints them at most every resultFlush (or, after a
// slow file, from a timer), each time blanking the bar, printing them and
// drawing the bar again below them.
//
// In both modes a frame is drawn at most every barRedraw. A nil *batchBar
// draws nothing.
type batchBar struct {
	bar   *progressbar.ProgressBar
	term  io.Writer    // stderr, a terminal
	frame bytes.Buffer // what the bar library wrote since the last step
	now   func() time.Time

	// size reports the terminal's size; set in region mode only.
	size   func() (width, height int, ok bool)
	height int // the height the scrolling region was set for

	shown    bool      // a frame is on the screen
	drawn    time.Time // when the last frame was drawn
	out      io.Writer // stdout, when on the same screen in line mode (screen was called)
	pending  []byte    // results held for out
	flushed  time.Time // when results were last printed
	finished bool      // finish was called: results go straight to out

	mu    sync.Mutex  // guards the bar against timer and interrupt, which run on their own goroutines
	timer *time.Timer // prints held results when no step comes for resultFlush; nil when not armed
	timed bool        // arm timer (off in tests, which drive the clock)
}

// How often the bar and held results reach the terminal.
const (
	barRedraw   = 50 * time.Millisecond
	resultFlush = 100 * time.Millisecond
)

// newBatchBar draws a bar for total files on stderr, a terminal; shared
// tells that stdout is on the same terminal.
func newBatchBar(stderr io.Writer, total int, shared bool) *batchBar {
	var size func() (int, int, bool)
	if shared && scrollRegions() {
		size = func() (int, int, bool) { return terminalSize(stderr) }
		if _, h, ok := size(); !ok || h < 3 {
			size = nil
		}
	}
	b := newBatchBarWith(stderr, total, time.Now, size)
	b.timed = true
	return b
}

// scrollRegions reports whether the terminal is taken to have VT100
// scrolling regions.
func scrollRegions() bool {
	t := os.Getenv("TERM")
	return runtime.GOOS != "windows" && t != "" && t != "dumb"
}

// newBatchBarWith is newBatchBar with a clock and a terminal size (nil for
// line mode), without the timer; tests pass fakes.
func newBatchBarWith(term io.Writer, total int, now func() time.Time, size func() (int, int, bool)) *batchBar {
	b := &batchBar{term: term, now: now, size: size}
	b.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(&b.frame),
		progressbar.OptionSetDescription("validating"),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(), // renders a frame at every step: the count changes
		progressbar.OptionSetTheme(progressbar.ThemeASCII),
		progressbar.OptionClearOnFinish(),
	)
	b.flushed = b.now()
	if b.size != nil {
		// Make room for the bar below the cursor, then keep the bottom row
		// out of the scrolling region.
		io.WriteString(b.term, "\n\x1b[1A")
	}
	b.redraw()
	return b
}

// draw writes the frame the bar library last rendered, if any, in one
// write: in place in line mode, on the bottom row in region mode.
func (b *batchBar) draw() {
	if b.frame.Len() == 0 {
		return
	}
	if b.size != nil {
		b.drawBottom()
	} else {
		b.term.Write(b.frame.Bytes())
	}
	b.frame.Reset()
	b.shown = !b.bar.IsFinished()
	b.drawn = b.now()
}

// drawBottom draws the bar's text on the bottom row, first setting the
// scrolling region if the terminal is new or has changed height.
func (b *batchBar) drawBottom() {
	w, h, ok := b.size()
	if !ok || h < 3 {
		w, h = 80, b.height
	}
	var s strings.Builder
	s.WriteString("\x1b7") // save the cursor
	if h != b.height {
		if b.height > 0 && b.height < h { // blank the old bar, now inside the region
			fmt.Fprintf(&s, "\x1b[%d;1H\x1b[2K", b.height)
		}
		fmt.Fprintf(&s, "\x1b[1;%dr", h-1)
		b.height = h
	}
	text := strings.TrimRight(strings.TrimLeft(b.bar.String(), "\r"), " ")
	if len(text) > w-1 { // ASCII: a byte is a column
		text = text[:max(w-1, 0)]
	}
	fmt.Fprintf(&s, "\x1b[%d;1H%s\x1b[K\x1b8", h, text) // draw, restore the cursor
	io.WriteString(b.term, s.String())
}

// blank erases the bar if a frame is shown; it drops a frame rendered and
// not drawn.
func (b *batchBar) blank() {
	if !b.shown {
		return
	}
	b.frame.Reset()
	b.bar.Clear()
	if b.size == nil {
		b.term.Write(b.frame.Bytes())
	}
	b.frame.Reset()
	b.shown = false
}

// step counts one file done. It prints the held results when they are due
// and draws the bar when it is due or was blanked for them; after the last
// file the bar is erased.
func (b *batchBar) step() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return
	}
	b.frame.Reset()
	b.bar.Add(1) // renders the frame into b.frame
	now := b.now()
	switch {
	case b.bar.IsFinished():
		b.end()
	case len(b.pending) > 0 && now.Sub(b.flushed) >= resultFlush:
		b.flush()
		b.redraw()
	case now.Sub(b.drawn) >= barRedraw:
		b.draw()
	}
	if len(b.pending) > 0 && b.timed && b.timer == nil {
		b.timer = time.AfterFunc(resultFlush, b.tick)
	}
}

// tick prints the results held since the last step.
func (b *batchBar) tick() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.timer = nil
	if b.finished || len(b.pending) == 0 {
		return
	}
	b.flush()
	b.redraw()
}

// redraw renders the bar as it stands and draws it.
func (b *batchBar) redraw() {
	b.frame.Reset()
	b.bar.RenderBlank()
	b.draw()
}

// flush blanks the bar and prints the held results.
func (b *batchBar) flush() {
	if len(b.pending) == 0 {
		return
	}
	b.blank()
	b.out.Write(b.pending)
	b.pending = b.pending[:0]
	b.flushed = b.now()
}

// finish prints the held results and erases the bar: in region mode the
// whole screen scrolls again. What is written to screen afterwards goes
// straight to stdout. It may be called more than once.
func (b *batchBar) finish() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.end()
}

// end is finish with b.mu held.
func (b *batchBar) end() {
	if b.finished {
		return
	}
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	b.flush()
	b.blank()
	if b.size != nil && b.height > 0 {
		// Save the cursor, reset the region (which homes the cursor),
		// blank the bottom row, restore the cursor.
		fmt.Fprintf(b.term, "\x1b7\x1b[r\x1b[%d;1H\x1b[2K\x1b8", b.height)
	}
	b.finished = true
}

// screen returns the writer for w, the stdout on the bar's screen. In line
// mode it holds what is written until step prints it, and writes straight
// to w once the bar is finished. A nil bar, or one in region mode, returns
// w.
func (b *batchBar) screen(w io.Writer) io.Writer {
	if b == nil || b.size != nil {
		return w
	}
	b.out = w
	return screenWriter{b}
}

// screenWriter is the stdout of a batch whose bar is on the same screen, in
// line mode.
type screenWriter struct{ b *batchBar }

func (s screenWriter) Write(p []byte) (int, error) {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	if s.b.finished {
		return s.b.out.Write(p)
	}
	s.b.pending = append(s.b.pending, p...)
	return len(p), nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	tty := false
	withFd(w, func(fd int) { tty = term.IsTerminal(fd) })
	return tty
}

// terminalSize returns the width and height of the terminal w.
func terminalSize(w io.Writer) (width, height int, ok bool) {
	withFd(w, func(fd int) {
		var err error
		width, height, err = term.GetSize(fd)
		ok = err == nil
	})
	return width, height, ok
}

// withFd calls f with the file descriptor of w if w is an *os.File.
func withFd(w io.Writer, f func(fd int)) {
	file, ok := w.(*os.File)
	if !ok {
		return
	}
	rc, err := file.SyscallConn()
	if err != nil {
		return
	}
	rc.Control(func(fd uintptr) { f(int(fd)) })
}
