package main

import (
	"bytes"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// batchBar is the progress bar of a batch: drawn on stderr, and only when
// stderr is a terminal, so that it never enters stdout. It stays drawn
// while the batch runs:
//
//   - the bar library (github.com/schollz/progressbar/v3) renders each
//     frame into a buffer, and a frame reaches the terminal in one write,
//     so that the terminal never shows a half-drawn or blanked bar;
//   - a frame is drawn at most every barRedraw;
//   - when stdout is on the same screen, results go through screen, which
//     holds them and prints them at most every resultFlush, each time
//     blanking the bar, printing the results and drawing the bar again
//     below them. The bar is off the screen only for that write. Results
//     held when no file finishes for resultFlush (a slow file) are printed
//     by a timer.
//
// A nil *batchBar draws nothing.
type batchBar struct {
	bar   *progressbar.ProgressBar
	term  io.Writer    // stderr, a terminal
	frame bytes.Buffer // what the bar library wrote since the last step
	now   func() time.Time

	shown     bool      // a frame is on the screen
	drawn     time.Time // when the last frame was drawn
	out       io.Writer // stdout, when on the same screen (screen was called)
	pending   []byte    // results held for out
	flushed   time.Time // when results were last printed
	finished  bool      // finish was called: results go straight to out

	mu    sync.Mutex  // guards the bar against timer, which runs on its own goroutine
	timer *time.Timer // prints held results when no step comes for resultFlush; nil when not armed
	timed bool        // arm timer (off in tests, which drive the clock)
}

// How often the bar and held results reach the terminal.
const (
	barRedraw   = 50 * time.Millisecond
	resultFlush = 100 * time.Millisecond
)

// newBatchBar draws a bar for total files on term.
func newBatchBar(term io.Writer, total int) *batchBar {
	b := newBatchBarClock(term, total, time.Now)
	b.timed = true
	return b
}

// newBatchBarClock is newBatchBar with a clock (tests pass a fake one) and
// without the timer.
func newBatchBarClock(term io.Writer, total int, now func() time.Time) *batchBar {
	b := &batchBar{term: term, now: now}
	b.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(&b.frame),
		progressbar.OptionSetDescription("validating"),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(), // renders a frame at every step: the count changes
		progressbar.OptionSetTheme(progressbar.ThemeASCII),
		progressbar.OptionClearOnFinish(),
	)
	b.flushed = b.now()
	b.bar.RenderBlank()
	b.draw()
	return b
}

// draw writes the frame the bar library last rendered, if any, in one
// write.
func (b *batchBar) draw() {
	if b.frame.Len() == 0 {
		return
	}
	b.term.Write(b.frame.Bytes())
	b.frame.Reset()
	b.shown = !b.bar.IsFinished()
	b.drawn = b.now()
}

// blank erases the bar's line if a frame is shown; it drops a frame
// rendered and not drawn.
func (b *batchBar) blank() {
	if !b.shown {
		return
	}
	b.frame.Reset()
	b.bar.Clear()
	b.term.Write(b.frame.Bytes())
	b.frame.Reset()
	b.shown = false
}

// step counts one file done. It prints the held results when they are due
// and draws the bar when it is due or was blanked for them; after the last
// file the bar's line is blank.
func (b *batchBar) step() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
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

// finish prints the held results and leaves the bar's line blank; what is
// written to screen afterwards goes straight to stdout.
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
	b.finished = true
}

// screen returns the writer for w, the stdout on the bar's screen: it holds
// what is written until step prints it, and writes straight to w once the
// bar is finished. A nil bar returns w.
func (b *batchBar) screen(w io.Writer) io.Writer {
	if b == nil {
		return w
	}
	b.out = w
	return screenWriter{b}
}

// screenWriter is the stdout of a batch whose bar is on the same screen.
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
