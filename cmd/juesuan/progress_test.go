package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	juesuan "github.com/cnfiscal/juesuan"
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
			checkFiles(in, nil, 4, bar, func(r juesuan.FileResult) {
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

// vt emulates the part of a VT100 the bar's region mode uses: a screen of
// w×h cells, a scrolling region (CSI t;b r, CSI r), cursor save and
// restore (ESC 7, ESC 8), cursor position (CSI r;c H) and up (CSI n A),
// erase in line (CSI K, CSI 2K), carriage return and newline. Lines
// scrolled off the top of the screen are kept in history. Any other escape
// sequence is recorded in bad.
type vt struct {
	w, h     int
	grid     [][]rune
	row, col int
	top, bot int
	saved    [2]int
	history  []string
	state    int // 0 text, 1 after ESC, 2 in a CSI sequence
	params   []rune
	bad      []string
}

func newVT(w, h int) *vt {
	v := &vt{w: w, h: h, bot: h - 1}
	v.grid = make([][]rune, h)
	for i := range v.grid {
		v.grid[i] = []rune(strings.Repeat(" ", w))
	}
	return v
}

func (v *vt) Write(p []byte) (int, error) {
	for _, r := range string(p) {
		switch v.state {
		case 1:
			v.state = 0
			switch r {
			case '7':
				v.saved = [2]int{v.row, v.col}
			case '8':
				v.row, v.col = v.saved[0], v.saved[1]
			case '[':
				v.state, v.params = 2, nil
			default:
				v.bad = append(v.bad, "ESC "+string(r))
			}
		case 2:
			if r < 0x40 || r > 0x7e {
				v.params = append(v.params, r)
				continue
			}
			v.state = 0
			v.csi(string(v.params), r)
		default:
			switch r {
			case '\x1b':
				v.state = 1
			case '\r':
				v.col = 0
			case '\n': // a terminal's line discipline sends CR LF (onlcr)
				v.col = 0
				v.lineFeed()
			default:
				if v.col < v.w {
					v.grid[v.row][v.col] = r
					v.col++
				}
			}
		}
	}
	return len(p), nil
}

func (v *vt) lineFeed() {
	switch {
	case v.row == v.bot:
		if v.top == 0 {
			v.history = append(v.history, strings.TrimRight(string(v.grid[0]), " "))
		}
		copy(v.grid[v.top:v.bot], v.grid[v.top+1:v.bot+1])
		v.grid[v.bot] = []rune(strings.Repeat(" ", v.w))
	case v.row < v.h-1:
		v.row++
	}
}

func (v *vt) csi(params string, final rune) {
	nums := func(def ...int) []int {
		out := append([]int(nil), def...)
		for i, f := range strings.Split(params, ";") {
			var n int
			if _, err := fmt.Sscanf(f, "%d", &n); err == nil && i < len(out) {
				out[i] = n
			}
		}
		return out
	}
	switch final {
	case 'r':
		n := nums(1, v.h)
		v.top, v.bot = n[0]-1, n[1]-1
		v.row, v.col = 0, 0
	case 'H':
		n := nums(1, 1)
		v.row, v.col = min(n[0]-1, v.h-1), min(n[1]-1, v.w-1)
	case 'A':
		n := nums(1)
		lim := 0
		if v.row >= v.top {
			lim = v.top
		}
		v.row = max(v.row-n[0], lim)
	case 'K':
		from := v.col
		if params == "2" {
			from = 0
		}
		for i := from; i < v.w; i++ {
			v.grid[v.row][i] = ' '
		}
	default:
		v.bad = append(v.bad, "CSI "+params+string(final))
	}
}

// rowText is row i of the screen without trailing blanks.
func (v *vt) rowText(i int) string { return strings.TrimRight(string(v.grid[i]), " ") }

// text is the history and the screen, without the blank rows at the end.
func (v *vt) text() string {
	lines := append([]string(nil), v.history...)
	for i := range v.h {
		lines = append(lines, v.rowText(i))
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestProgressRegion: in region mode the bar is on the bottom row whenever
// a result is about to be printed, the results scroll above it, and after
// the batch the screen holds exactly the output, the whole screen scrolls
// again and the bottom row is blank.
func TestProgressRegion(t *testing.T) {
	const n, rows = 30, 8
	in := progressInputs(t, n)
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			var plain bytes.Buffer
			validateBatch(in, nil, format, &plain, nil, false)

			v := newVT(1000, rows)
			v.Write([]byte("$ juesuan validate DIR\n"))
			size := func() (int, int, bool) { return 1000, rows, true }
			bar := newBatchBarWith(v, n, fakeClock(30*time.Millisecond), size)
			if w := bar.screen(v); w != io.Writer(v) {
				t.Fatal("in region mode screen is not stdout itself")
			}
			var out resultWriter = &textWriter{w: v}
			if format == "json" {
				out = &jsonWriter{w: v}
			}
			k := 0
			var sum summer
			checkFiles(in, nil, 4, bar, func(r juesuan.FileResult) {
				if c := barCount(v.rowText(rows - 1)); c < k-2 || c > k {
					t.Errorf("before result %d the bottom row is %q, want the bar at %d/%d or a little behind", k, v.rowText(rows-1), k, n)
				}
				if v.top != 0 || v.bot != rows-2 {
					t.Errorf("scrolling region rows %d–%d, want 0–%d", v.top, v.bot, rows-2)
				}
				sum.add(r)
				out.file(r)
				k++
			})
			bar.finish()
			bar.finish() // a second call (an interrupt after the end) does nothing
			out.end(sum.summary())
			if d := cmp.Diff("$ juesuan validate DIR\n"+plain.String(), v.text()); d != "" {
				t.Errorf("screen after the batch (-want +got):\n%s", d)
			}
			if v.top != 0 || v.bot != rows-1 {
				t.Errorf("scrolling region rows %d–%d after the batch, want the whole screen", v.top, v.bot)
			}
			if len(v.bad) > 0 {
				t.Errorf("unexpected escape sequences %q", v.bad)
			}
		})
	}
}

// TestProgressRegionResize: when the terminal changes height the region is
// set again and the bar moves to the new bottom row.
func TestProgressRegionResize(t *testing.T) {
	v := newVT(200, 10)
	rows := 8
	bar := newBatchBarWith(v, 4, fakeClock(time.Second), func() (int, int, bool) { return 200, rows, true })
	if v.bot != 6 || barCount(v.rowText(7)) != 0 {
		t.Fatalf("region ends at row %d, bottom row %q; want 6 and the bar at 0/4", v.bot, v.rowText(7))
	}
	rows = 10
	bar.step()
	if v.bot != 8 || barCount(v.rowText(9)) != 1 || v.rowText(7) != "" {
		t.Errorf("after growing: region ends at row %d, rows 7 and 9 %q %q; want 8, blank and the bar at 1/4", v.bot, v.rowText(7), v.rowText(9))
	}
	bar.finish()
	if v.bot != 9 || v.rowText(9) != "" {
		t.Errorf("after finish: region ends at row %d, bottom row %q; want 9 and blank", v.bot, v.rowText(9))
	}
}
