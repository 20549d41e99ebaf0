//go:build browser

// The disclosure in a real browser (issue 18): Debian's headless Chromium
// loads the rendered reference and the test reads the live DOM. Run with
//
//	go test -count=1 -tags browser -run Browser .
//
// (.ci/run does, after installing chromium and fonts-noto-cjk). Without
// Chromium the test fails; it never skips. -update rewrites the golden
// chart pictures testdata/render/charts/图N.png.

package juesuan_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
)

// Pixel tolerance of a chart against its golden picture: a pixel differs
// when a channel differs by more than pixelDelta (of 255); at most
// maxDiffer of the pixels may differ (anti-aliasing, font hinting).
const (
	pixelDelta = 48
	maxDiffer  = 0.01
)

// chromiumPath is the browser the test drives: JUESUAN_CHROMIUM, or
// Debian's /usr/bin/chromium.
func chromiumPath(t *testing.T) string {
	t.Helper()
	p := os.Getenv("JUESUAN_CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("no Chromium at %s (%v): the browser test needs Debian's chromium and fonts-noto-cjk "+
			"(apt-get install chromium fonts-noto-cjk, as .ci/run does) or JUESUAN_CHROMIUM naming a Chromium binary", p, err)
	}
	return p
}

// browser starts a headless Chromium with a fresh profile directory.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-device-scale-factor", "1"),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1024),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", chromiumPath(t), err)
	}
	return bctx
}

// chartDOM is what the live DOM holds of one chart.
type chartDOM struct {
	ID      string   `json:"id"`
	SVG     int      `json:"svg"`     // <svg> elements in the figure
	Marks   int      `json:"marks"`   // g.mark elements
	Titles  []string `json:"titles"`  // the <title> of each mark
	Ptrs    []string `json:"ptrs"`    // the data-ptr of each mark
	Undrawn string   `json:"undrawn"` // the reason of a chart not drawn
}

const chartsJS = `[...document.querySelectorAll("figure.chart")].map(f => ({
	id: f.id,
	svg: f.querySelectorAll("svg").length,
	marks: f.querySelectorAll("svg g.mark").length,
	titles: [...f.querySelectorAll("svg g.mark > title")].map(e => e.textContent),
	ptrs: [...f.querySelectorAll("svg g.mark[data-ptr]")].map(e => e.getAttribute("data-ptr")),
	undrawn: (f.querySelector("p.undrawn") || {}).textContent || "",
}))`

// pointerTree is the document as generic JSON, for looking figures up by
// pointer independently of the renderer.
type pointerTree struct{ root any }

func (p pointerTree) at(ptr string) any {
	cur := p.root
	for _, k := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[k]
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || n >= len(x) {
				return nil
			}
			cur = x[n]
		default:
			return nil
		}
	}
	return cur
}

// stated returns the figure at ptr when the document states it.
func (p pointerTree) stated(t *testing.T, ptr string) (amount.Amount, bool) {
	s, ok := p.at(ptr).(string)
	if !ok || s == "" {
		return amount.Amount{}, false
	}
	a, err := amount.Parse(s)
	if err != nil {
		t.Fatalf("%s: %v", ptr, err)
	}
	return a, true
}

// wantMarks counts, from the document alone, the marks chart c must draw:
// every stated figure of a bar chart, every stated figure above 0 of a
// pie; -1 when the chart must not be drawn (a comparison without a stated
// prior-year figure).
func wantMarks(t *testing.T, doc pointerTree, c juesuan.ChartSpec) int {
	n, prior := 0, false
	count := func(a amount.Amount) {
		if c.Kind == juesuan.ChartBars || a.Sign() > 0 {
			n++
		}
	}
	for _, m := range c.Marks {
		if a, ok := doc.stated(t, m.Ptr); ok {
			prior = prior || m.Prior
			count(a)
		}
	}
	if c.Rows != "" {
		rows, _ := doc.at(c.Rows).([]any)
		for i, r := range rows {
			code, _ := r.(map[string]any)["code"].(string)
			if c.RowCodeLen > 0 && len(code) != c.RowCodeLen {
				continue
			}
			if a, ok := doc.stated(t, fmt.Sprintf("%s/%d/%s", c.Rows, i, c.RowValue)); ok {
				count(a)
			}
		}
	}
	if c.Compare && !prior || n == 0 {
		return -1
	}
	return n
}

func TestBrowserRender(t *testing.T) {
	// The reference states no prior-year total, so its bar charts are not
	// drawn; the second page states four (test figures) to draw them.
	ref, text, withPrior := renderReference(t)
	ctx := browser(t)
	t.Run("reference", func(t *testing.T) {
		drawn := checkPage(t, ctx, ref, text, nil)
		if len(drawn) != 4 {
			t.Errorf("charts drawn: %v, want 图2, 图3, 图6 and 图7", drawn)
		}
	})
	t.Run("prior year", func(t *testing.T) {
		// Its pictures: the charts the reference does not draw.
		drawn := checkPage(t, ctx, withPrior, text, map[string]bool{"图2": true, "图3": true, "图6": true, "图7": true})
		if len(drawn) != 7 {
			t.Errorf("charts drawn: %v, want all seven", drawn)
		}
	})
}

// checkPage renders d with narrative text, loads it in the browser and
// checks the live page; it compares the picture of each drawn chart not
// in skip with its golden picture, and returns the IDs of the charts drawn.
func checkPage(t *testing.T, ctx context.Context, d *juesuan.Document, text []byte, skip map[string]bool) []string {
	var enc bytes.Buffer
	if err := juesuan.Encode(&enc, d); err != nil {
		t.Fatal(err)
	}
	var root any
	if err := json.Unmarshal(enc.Bytes(), &root); err != nil {
		t.Fatal(err)
	}
	doc := pointerTree{root}
	prof, err := juesuan.LookupProfile(d.Profile)
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := juesuan.RenderHTML(&page, d, juesuan.RenderOptions{Narrative: text}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "disclosure.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate("file://"+file),
		chromedp.WaitReady(chromedp.CSS("body")),
	); err != nil {
		t.Fatalf("loading the page in Chromium: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("waiting for the fonts: %v", err)
	}
	body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatalf("reading the page text: %v", err)
	}
	charts, err := chromedp.Run(ctx, chromedp.Evaluate[[]chartDOM](chartsJS))
	if err != nil {
		t.Fatalf("reading the charts: %v", err)
	}
	var drawn []string

	t.Run("tables", func(t *testing.T) {
		n := 0
		for _, ts := range prof.Tables {
			if ts.Internal || ts.Extra() {
				continue
			}
			n++
			if title := ts.Number + "、" + ts.Title; !strings.Contains(body, title) {
				t.Errorf("table title %s is not in the page text", title)
			}
		}
		if n == 0 {
			t.Fatal("the profile lists no public table")
		}
	})

	t.Run("figures", func(t *testing.T) {
		figs := statedFigures(t, d)
		if len(figs) < 50 {
			t.Fatalf("only %d stated figures in the reference", len(figs))
		}
		for _, f := range figs {
			if !strings.Contains(body, f) {
				t.Errorf("figure %s is not in the page text", f)
			}
		}
	})

	t.Run("charts", func(t *testing.T) {
		if len(charts) != len(prof.Charts) {
			t.Fatalf("%d charts in the page, the profile declares %d", len(charts), len(prof.Charts))
		}
		for i, c := range prof.Charts {
			got := charts[i]
			want := wantMarks(t, doc, c)
			if wantID := "chart-" + strings.TrimPrefix(c.ID, "图"); got.ID != wantID {
				t.Errorf("chart %d is #%s, want #%s", i, got.ID, wantID)
			}
			if want < 0 {
				if got.SVG != 0 || got.Undrawn == "" {
					t.Errorf("%s: %d SVG, reason %q; want no SVG and a reason", c.ID, got.SVG, got.Undrawn)
				}
				continue
			}
			drawn = append(drawn, c.ID)
			if got.SVG != 1 || got.Marks != want || len(got.Titles) != want || len(got.Ptrs) != want {
				t.Errorf("%s: %d SVG, %d marks, %d titles, %d pointers; want 1 SVG and %d of each (one per stated figure)",
					c.ID, got.SVG, got.Marks, len(got.Titles), len(got.Ptrs), want)
				continue
			}
			for k, p := range got.Ptrs {
				a, ok := doc.stated(t, p)
				if !ok {
					t.Errorf("%s mark %d draws %s, which the document does not state", c.ID, k, p)
					continue
				}
				if f := statedFormat(a); !strings.Contains(got.Titles[k], f) {
					t.Errorf("%s mark %d: title %q does not hold the figure %s of %s", c.ID, k, got.Titles[k], f, p)
				}
			}
		}
		if len(drawn) == 0 {
			t.Fatal("no chart drawn")
		}
	})

	t.Run("pictures", func(t *testing.T) {
		for i, c := range prof.Charts {
			if i >= len(charts) || charts[i].SVG != 1 || skip[c.ID] {
				continue
			}
			shot, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#"+charts[i].ID+" svg"), chromedp.NodeVisible))
			if err != nil {
				t.Fatalf("%s: screenshot: %v", c.ID, err)
			}
			golden := filepath.Join("testdata", "render", "charts", c.ID+".png")
			if juesuan.Updating() {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, shot, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (create it with go test -tags browser -run Browser -update)", err)
			}
			if msg := comparePNG(want, shot); msg != "" {
				got := filepath.Join(os.TempDir(), "juesuan-"+c.ID+".png")
				_ = os.WriteFile(got, shot, 0o644)
				t.Errorf("%s against %s: %s (this run's picture: %s; if intended, refresh with -update)", c.ID, golden, msg, got)
			}
		}
	})
	return drawn
}

// TestBrowserTolerance checks that the picture comparison tells a chart
// from itself and from a visibly changed one.
func TestBrowserTolerance(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("testdata", "render", "charts", "图2.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(golden))
	if err != nil {
		t.Fatal(err)
	}
	changed := image.NewRGBA(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			changed.Set(x, y, img.At(x, y))
		}
	}
	// A 60×60 black block: 3,600 pixels, about 1.9% of a 640×300 chart.
	for y := 100; y < 160; y++ {
		for x := 100; x < 160; x++ {
			changed.Set(img.Bounds().Min.X+x, img.Bounds().Min.Y+y, color.Black)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, changed); err != nil {
		t.Fatal(err)
	}
	if msg := comparePNG(golden, golden); msg != "" {
		t.Errorf("a picture against itself: %s", msg)
	}
	if msg := comparePNG(golden, b.Bytes()); msg == "" {
		t.Error("a picture with a black block passes as the golden one")
	}
}

// statedFormat formats a as the tables print it, "#,##0.00".
func statedFormat(a amount.Amount) string {
	s := a.StringFixed(2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	w, f, _ := strings.Cut(s, ".")
	for i := len(w) - 3; i > 0; i -= 3 {
		w = w[:i] + "," + w[i:]
	}
	if neg {
		w = "-" + w
	}
	return w + "." + f
}

// comparePNG compares two pictures within the pixel tolerance; "" when
// they match.
func comparePNG(want, got []byte) string {
	a, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		return "golden: " + err.Error()
	}
	b, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		return "screenshot: " + err.Error()
	}
	if a.Bounds().Size() != b.Bounds().Size() {
		return fmt.Sprintf("size %v, golden %v", b.Bounds().Size(), a.Bounds().Size())
	}
	differ, total := 0, 0
	ra, rb := a.Bounds(), b.Bounds()
	for y := 0; y < ra.Dy(); y++ {
		for x := 0; x < ra.Dx(); x++ {
			total++
			if pixelDiff(a, b, image.Pt(ra.Min.X+x, ra.Min.Y+y), image.Pt(rb.Min.X+x, rb.Min.Y+y)) > pixelDelta {
				differ++
			}
		}
	}
	if frac := float64(differ) / float64(total); frac > maxDiffer {
		return fmt.Sprintf("%d of %d pixels (%.2f%%) differ by more than %d, allowed %.2f%%", differ, total, 100*frac, pixelDelta, 100*maxDiffer)
	}
	return ""
}

// pixelDiff is the largest channel difference (0–255) of two pixels.
func pixelDiff(a, b image.Image, pa, pb image.Point) int {
	r1, g1, b1, a1 := a.At(pa.X, pa.Y).RGBA()
	r2, g2, b2, a2 := b.At(pb.X, pb.Y).RGBA()
	d := 0
	for _, c := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}, {a1, a2}} {
		x := int(c[0]>>8) - int(c[1]>>8)
		d = max(d, x, -x)
	}
	return d
}
