package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// screen emulates the lines of a terminal: a carriage return goes back to
// the start of the line, a newline to the next line, and any other
// character overwrites the one under the cursor. An escape sequence is
// recorded as an error: the bar must not need one.
type screen struct {
	lines [][]rune
	row   int
	col   int
	esc   bool
}

func (s *screen) Write(p []byte) (int, error) {
	for _, r := range string(p) {
		switch r {
		case '\r':
			s.col = 0
		case '\n':
			s.row++
			s.col = 0
		case '\x1b':
			s.esc = true
		default:
			for len(s.lines) <= s.row {
				s.lines = append(s.lines, nil)
			}
			l := s.lines[s.row]
			for len(l) <= s.col {
				l = append(l, ' ')
			}
			l[s.col] = r
			s.lines[s.row] = l
			s.col++
		}
	}
	return len(p), nil
}

// current is the line under the cursor, without trailing blanks.
func (s *screen) current() string {
	if s.row >= len(s.lines) {
		return ""
	}
	return strings.TrimRight(string(s.lines[s.row]), " ")
}

// text is what the screen shows, one line per line, without trailing blanks.
func (s *screen) text() string {
	var b strings.Builder
	for i, l := range s.lines {
		line := strings.TrimRight(string(l), " ")
		if i == len(s.lines)-1 && line == "" {
			break
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// progressInputs is a batch of n files with findings, clean ones and
// errors.
func progressInputs(t *testing.T, n int) []input {
	dir := batchDir(t)
	var in []input
	for i := range n {
		name := []string{"a-reference.json", "b-missing-table.json", "c-broken.json", "nope.json"}[i%4]
		in = append(in, input{file: filepath.Join(dir, name)})
	}
	return in
}

// fakeClock returns a clock that moves on by step at every reading.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

// barCount is the count the bar on line shows, or -1.
func barCount(line string) int {
	var done, total int
	i := strings.Index(line, "] (")
	if !strings.HasPrefix(line, "validating") || i < 0 {
		return -1
	}
	if _, err := fmt.Sscanf(line[i+3:], "%d/%d", &done, &total); err != nil {
		return -1
	}
	return done
}

// TestProgressStaysDrawn: with stdout and stderr on one terminal, the bar
// is on the screen, with a count at most a few files behind, whenever a
// result is about to be printed; results are printed during the batch;
// and they are never overwritten: once the batch is done the screen shows
// exactly the output without a bar.
func TestProgressStaysDrawn(t *testing.T) {
	const n = 30
	in := progressInputs(t, n)
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			var plain bytes.Buffer
			validateBatch(in, nil, format, &plain, nil, false)

			scr := &screen{}
			bar := newBatchBarWith(scr, n, fakeClock(30*time.Millisecond), nil)
			var out resultWriter = &textWriter{w: bar.screen(scr)}
			if format == "json" {
				out = &jsonWriter{w: bar.screen(scr)}
			}
			k := 0
			var sum summer
			out.begin()
			checkFiles(in, nil, 4, bar, func(r fileResult) {
				line := scr.current()
				if c := barCount(line); c < k-3 || c > k {
					t.Errorf("before result %d the current line is %q, want the bar at %d/%d or a little behind", k, line, k, n)
				}
				if k == n-1 && scr.row == 0 {
					t.Error("no result printed before the last file")
				}
				sum.add(r)
				out.file(r)
				k++
			})
			bar.finish()
			out.end(sum.summary())
			if d := cmp.Diff(plain.String(), scr.text()); d != "" {
				t.Errorf("screen after the batch (-want +got):\n%s", d)
			}
			if scr.esc {
				t.Error("the bar wrote an escape sequence")
			}
		})
	}
}

// TestProgressNotInStdout: with stdout redirected, the bar goes to stderr
// only and stdout is byte for byte the output without a bar.
func TestProgressNotInStdout(t *testing.T) {
	in := progressInputs(t, 12)
	var plain, stdout, stderr bytes.Buffer
	validateBatch(in, nil, "text", &plain, nil, false)
	validateBatch(in, nil, "text", &stdout, newBatchBarWith(&stderr, len(in), fakeClock(30*time.Millisecond), nil), false)
	if d := cmp.Diff(plain.String(), stdout.String()); d != "" {
		t.Errorf("stdout with a bar on stderr (-without +with):\n%s", d)
	}
	if !strings.Contains(stderr.String(), "validating") || !strings.Contains(stderr.String(), "(10/12") || strings.Contains(stderr.String(), ".json") {
		t.Errorf("stderr %q: want the bar up to 10/12 and no result", stderr.String())
	}
	scr := &screen{}
	scr.Write(stderr.Bytes())
	if got := scr.text(); strings.TrimSpace(got) != "" {
		t.Errorf("stderr shows %q at the end, want the bar's line blank", got)
	}
}

// TestProgressTimer: results held on a shared screen are printed by the
// timer when no file finishes for a while.
func TestProgressTimer(t *testing.T) {
	scr := &screen{}
	bar := newBatchBarWith(scr, 3, fakeClock(time.Millisecond), nil)
	w := bar.screen(scr)
	w.Write([]byte("first\n"))
	bar.step()
	if scr.row != 0 {
		t.Fatal("result printed before resultFlush")
	}
	bar.tick()
	if got := scr.text(); !strings.HasPrefix(got, "first\nvalidating") || barCount(scr.current()) != 1 {
		t.Errorf("screen %q after tick, want the result and the bar at 1/3 below it", got)
	}
	bar.finish()
	w.Write([]byte("summary\n"))
	if d := cmp.Diff("first\nsummary\n", scr.text()); d != "" {
		t.Errorf("screen (-want +got):\n%s", d)
	}
}

// TestRunValidateNoBarOffTerminal: the command draws no bar when stderr is
// not a terminal (a buffer, a file).
func TestRunValidateNoBarOffTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var stdout bytes.Buffer
	runValidate([]string{referenceFixture}, &stdout, f)
	if st, err := f.Stat(); err != nil || st.Size() != 0 {
		t.Errorf("stderr a file: %v bytes written (%v), want none", st.Size(), err)
	}
}

func TestBatchBarNil(t *testing.T) {
	var b *batchBar
	b.step()
	b.finish()
	var buf bytes.Buffer
	if w := b.screen(&buf); w != &buf {
		t.Error("a nil bar's screen is not the writer itself")
	}
}
