package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

// TestProgressStaysDrawn: with stdout and stderr on one terminal, the bar
// is on the screen, with the count so far, whenever a result is about to
// be printed, and the results are never overwritten: once the batch is
// done the screen shows exactly the output without a bar.
func TestProgressStaysDrawn(t *testing.T) {
	const n = 30
	in := progressInputs(t, n)
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			var plain bytes.Buffer
			validateBatch(in, nil, format, &plain, nil, false)

			scr := &screen{}
			bar := newBatchBar(scr, n)
			var out resultWriter = &textWriter{w: bar.screen(scr)}
			if format == "json" {
				out = &jsonWriter{w: bar.screen(scr)}
			}
			k := 0
			var sum summer
			out.begin()
			checkFiles(in, nil, 4, bar, func(r fileResult) {
				if line := scr.current(); !strings.HasPrefix(line, "validating") || !strings.Contains(line, fmt.Sprintf(" (%d/%d", k, n)) {
					t.Errorf("before result %d the current line is %q, want the bar at %d/%d", k, line, k, n)
				}
				sum.add(r)
				out.file(r)
				k++
			})
			bar.clear()
			out.end(sum.summary())
			want := plain.String()
			if d := cmp.Diff(want, scr.text()); d != "" {
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
	validateBatch(in, nil, "text", &stdout, newBatchBar(&stderr, len(in)), false)
	if d := cmp.Diff(plain.String(), stdout.String()); d != "" {
		t.Errorf("stdout with a bar on stderr (-without +with):\n%s", d)
	}
	if !strings.Contains(stderr.String(), "validating") || !strings.Contains(stderr.String(), "(11/12") || strings.Contains(stderr.String(), ".json") {
		t.Errorf("stderr %q: want the bar up to 11/12 (then blanked) and no result", stderr.String())
	}
	if !strings.HasSuffix(stderr.String(), "\r") {
		t.Errorf("stderr %q: want the bar's line blanked at the end", stderr.String())
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
	b.clear()
	var buf bytes.Buffer
	if w := b.screen(&buf); w != &buf {
		t.Error("a nil bar's screen is not the writer itself")
	}
}
