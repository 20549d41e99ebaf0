package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Limits on what Read takes.
const (
	MaxFileSize = 64 << 20  // bytes of input
	MaxPages    = 2000      // pages read
	MaxOps      = 4_000_000 // content operators interpreted per page (forms included)
	MaxChars    = 2_000_000 // characters kept in the whole file
	maxDepth    = 8         // nesting of form XObjects
)

// Errors Read returns (wrapped, with detail).
var (
	// ErrMalformed is a file the object parser cannot read.
	ErrMalformed = errors.New("pdftext: malformed PDF")
	// ErrEncrypted is an encrypted file that does not open without a password.
	ErrEncrypted = errors.New("pdftext: encrypted PDF")
	// ErrTooLarge is a file past one of the limits.
	ErrTooLarge = errors.New("pdftext: PDF too large")
)

// Box is a rectangle in points from the page's top-left corner: X0 < X1
// left to right, Y0 < Y1 top to bottom.
type Box struct{ X0, Y0, X1, Y1 float64 }

// String formats the box as "[x0 y0 x1 y1]" in whole points.
func (b Box) String() string {
	return fmt.Sprintf("[%.0f %.0f %.0f %.0f]", b.X0, b.Y0, b.X1, b.Y1)
}

// Union is the smallest box holding b and c; a zero b is empty.
func (b Box) Union(c Box) Box {
	if b == (Box{}) {
		return c
	}
	return Box{min(b.X0, c.X0), min(b.Y0, c.Y0), max(b.X1, c.X1), max(b.Y1, c.Y1)}
}

// Char is one glyph drawn: its text (usually one rune; a ligature or a
// glyph without a Unicode mapping may give more or "\ufffd"), its box, its
// baseline (y from the top) and its font size in points.
type Char struct {
	Text string
	Box  Box
	Base float64
	Size float64
}

// Page is the text of one page, in the order drawn.
type Page struct {
	Number        int // 1-based
	Width, Height float64
	Chars         []Char
	// Rules are the ruling lines drawn: stroked horizontal or vertical
	// segments and thin filled rectangles (table borders), as boxes.
	Rules []Box
	// Images counts the image XObjects drawn: a page with images and no
	// characters is a scan.
	Images int
	// Err is what stopped reading the page's content early, if anything;
	// the characters before it are kept.
	Err error
}

// Document is the text layer of a file.
type Document struct {
	Pages []Page
}

// Chars counts the characters of all pages.
func (d *Document) Chars() int {
	n := 0
	for i := range d.Pages {
		n += len(d.Pages[i].Chars)
	}
	return n
}

// Read parses a PDF file held in data.
func Read(data []byte) (doc *Document, err error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, len(data), MaxFileSize)
	}
	defer func() {
		if x := recover(); x != nil {
			doc, err = nil, fmt.Errorf("%w: %v", ErrMalformed, x)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) {
			return nil, fmt.Errorf("%w: a password is needed", ErrEncrypted)
		}
		if strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "crypt") {
			return nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	x := &reader{fonts: map[string]*font{}}
	doc = &Document{}
	pages, err := pageList(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	for i, pg := range pages {
		p := x.page(pg, i+1)
		doc.Pages = append(doc.Pages, p)
		if x.chars > MaxChars {
			return nil, fmt.Errorf("%w: more than %d characters", ErrTooLarge, MaxChars)
		}
	}
	return doc, nil
}

// pageInfo is a page dictionary with its inherited attributes.
type pageInfo struct {
	v, res, box pdf.Value
}

// pageList walks the page tree in order.
func pageList(root pdf.Value) ([]pageInfo, error) {
	var out []pageInfo
	type frame struct {
		v, res, box pdf.Value
		depth       int
	}
	stack := []frame{{v: root}}
	visits := 0
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if visits++; visits > 4*MaxPages || f.depth > 64 {
			return nil, fmt.Errorf("%w: page tree too large or cyclic", ErrTooLarge)
		}
		res, box := f.res, f.box
		if r := f.v.Key("Resources"); !r.IsNull() {
			res = r
		}
		if b := f.v.Key("MediaBox"); b.Len() == 4 {
			box = b
		}
		kids := f.v.Key("Kids")
		if f.v.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && !f.v.Key("Contents").IsNull()) {
			out = append(out, pageInfo{f.v, res, box})
			if len(out) > MaxPages {
				return nil, fmt.Errorf("%w: more than %d pages", ErrTooLarge, MaxPages)
			}
			continue
		}
		for i := kids.Len() - 1; i >= 0; i-- {
			stack = append(stack, frame{kids.Index(i), res, box, f.depth + 1})
		}
	}
	return out, nil
}

type matrix [6]float64 // a b c d e f

var ident = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type gstate struct {
	ctm                       matrix
	tc, tw, th, tl, tfs, rise float64
	font                      *font
}

type reader struct {
	fonts map[string]*font
	chars int
}

// errLimit aborts a content stream past MaxOps.
var errLimit = errors.New("operator limit")

type pageRun struct {
	x      *reader
	p      *Page
	x0, y1 float64 // media box left and top
	ops    int
	grid   map[[2]int32][]int32 // glyph origins by 4-point cell, for the fake-bold check
}

func (x *reader) page(pi pageInfo, n int) (p Page) {
	p.Number = n
	x0, y0, x1, y1 := 0.0, 0.0, 595.0, 842.0
	if pi.box.Len() == 4 {
		x0, y0, x1, y1 = pi.box.Index(0).Float64(), pi.box.Index(1).Float64(), pi.box.Index(2).Float64(), pi.box.Index(3).Float64()
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		if y0 > y1 {
			y0, y1 = y1, y0
		}
	}
	p.Width, p.Height = x1-x0, y1-y0
	run := &pageRun{x: x, p: &p, x0: x0, y1: y1, grid: map[[2]int32][]int32{}}
	func() {
		defer func() {
			if e := recover(); e != nil {
				if e == errLimit {
					p.Err = fmt.Errorf("%w: page %d: more than %d operators", ErrTooLarge, n, MaxOps)
				} else {
					p.Err = fmt.Errorf("%w: page %d: %v", ErrMalformed, n, e)
				}
			}
		}()
		run.content(pi.v.Key("Contents"), pi.res, gstate{ctm: ident, th: 1}, 0)
	}()
	return p
}

var fontRefRE = regexp.MustCompile(`/([^\s/<>\[\]()]+) (\d+ \d+ R)`)

// fontRefs maps the names of a Font resource dictionary to the references
// of their font dictionaries, read from its text without resolving them:
// a font shared by many pages is parsed once.
func fontRefs(fd pdf.Value) map[string]string {
	m := map[string]string{}
	if fd.Kind() != pdf.Dict {
		return m
	}
	for _, g := range fontRefRE.FindAllStringSubmatch(fd.String(), -1) {
		m[g[1]] = "ref " + g[2]
	}
	return m
}

// args pops the operands of an operator, in order.
func args(stk *pdf.Stack, buf []pdf.Value) []pdf.Value {
	n := stk.Len()
	buf = buf[:0]
	for range n {
		buf = append(buf, pdf.Value{})
	}
	for i := n - 1; i >= 0; i-- {
		buf[i] = stk.Pop()
	}
	return buf
}

func num(a []pdf.Value, i int) float64 {
	if i < len(a) {
		return a[i].Float64()
	}
	return 0
}

func (run *pageRun) content(strm, res pdf.Value, g gstate, depth int) {
	if strm.IsNull() {
		return
	}
	var (
		tm, tlm matrix = ident, ident
		stack   []gstate
		buf     []pdf.Value
		path    []Box                // segments and rectangles of the current path, in page space
		fonts   = map[string]*font{} // this stream's fonts by resource name
		refs    map[string]string    // the font resources' indirect references ("85 0 R")
		cx, cy  float64
		sx, sy  float64
	)
	pt := func(x, y float64) (float64, float64) {
		m := g.ctm
		return x*m[0] + y*m[2] + m[4] - run.x0, run.y1 - (x*m[1] + y*m[3] + m[5])
	}
	seg := func(x0, y0, x1, y1 float64) {
		if len(path) < 100000 {
			path = append(path, Box{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)})
		}
	}
	paint := func(stroke bool) {
		for _, b := range path {
			w, h := b.X1-b.X0, b.Y1-b.Y0
			if (w <= 2.5 || h <= 2.5) && (w > 4 || h > 4) && len(run.p.Rules) < 100000 {
				run.p.Rules = append(run.p.Rules, b)
			} else if stroke && (w > 4 || h > 4) && w > 2.5 && h > 2.5 {
				// a stroked rectangle: its four sides
				run.p.Rules = append(run.p.Rules, Box{b.X0, b.Y0, b.X1, b.Y0}, Box{b.X0, b.Y1, b.X1, b.Y1},
					Box{b.X0, b.Y0, b.X0, b.Y1}, Box{b.X1, b.Y0, b.X1, b.Y1})
			}
		}
		path = path[:0]
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		if run.ops++; run.ops > MaxOps {
			panic(errLimit)
		}
		a := args(stk, buf)
		buf = a
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if len(a) == 6 {
				g.ctm = matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}.mul(g.ctm)
			}
		case "m":
			cx, cy = pt(num(a, 0), num(a, 1))
			sx, sy = cx, cy
		case "l":
			x, y := pt(num(a, 0), num(a, 1))
			seg(cx, cy, x, y)
			cx, cy = x, y
		case "h":
			seg(cx, cy, sx, sy)
			cx, cy = sx, sy
		case "re":
			if len(a) == 4 {
				x0, y0 := pt(num(a, 0), num(a, 1))
				x1, y1 := pt(num(a, 0)+num(a, 2), num(a, 1)+num(a, 3))
				seg(x0, y0, x1, y1)
			}
		case "S", "s":
			paint(true)
		case "f", "F", "f*", "B", "B*", "b", "b*":
			paint(op[0] == 'B' || op[0] == 'b')
		case "n":
			path = path[:0]
		case "BT":
			tm, tlm = ident, ident
		case "Tf":
			if len(a) == 2 {
				name := a[0].Name()
				f, ok := fonts[name]
				if !ok {
					if refs == nil {
						refs = fontRefs(res.Key("Font"))
					}
					if ref, ok := refs[name]; ok && run.x.fonts[ref] != nil {
						f = run.x.fonts[ref] // parsed on an earlier page
					} else {
						f = run.x.font(res.Key("Font").Key(name))
						if ok {
							run.x.fonts[ref] = f
						}
					}
					fonts[name] = f
				}
				g.font = f
				g.tfs = num(a, 1)
			}
		case "Tc":
			g.tc = num(a, 0)
		case "Tw":
			g.tw = num(a, 0)
		case "Tz":
			g.th = num(a, 0) / 100
		case "TL":
			g.tl = num(a, 0)
		case "Ts":
			g.rise = num(a, 0)
		case "Td", "TD":
			if op == "TD" {
				g.tl = -num(a, 1)
			}
			tlm = matrix{1, 0, 0, 1, num(a, 0), num(a, 1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(a) == 6 {
				tlm = matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				if op == "\"" && len(a) == 3 {
					g.tw, g.tc = num(a, 0), num(a, 1)
				}
				tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
				tm = tlm
			}
			if len(a) > 0 {
				run.show(a[len(a)-1].RawString(), &g, &tm)
			}
		case "TJ":
			if len(a) == 1 {
				v := a[0]
				for i := 0; i < v.Len(); i++ {
					e := v.Index(i)
					if e.Kind() == pdf.String {
						run.show(e.RawString(), &g, &tm)
					} else {
						tx := -e.Float64() / 1000 * g.tfs * g.th
						tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
					}
				}
			}
		case "Do":
			if len(a) != 1 {
				return
			}
			xo := res.Key("XObject").Key(a[0].Name())
			switch xo.Key("Subtype").Name() {
			case "Image":
				run.p.Images++
			case "Form":
				if depth >= maxDepth {
					return
				}
				fg := g
				if m := xo.Key("Matrix"); m.Len() == 6 {
					fg.ctm = matrix{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(), m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}.mul(g.ctm)
				}
				fres := xo.Key("Resources")
				if fres.IsNull() {
					fres = res
				}
				run.content(xo, fres, fg, depth+1)
			}
		case "BI", "ID", "EI":
			// inline image: the tokenizer reads its data as operands; they were popped
			if op == "BI" {
				run.p.Images++
			}
		}
	})
}

// show draws the string s with the font of g, advancing tm.
func (run *pageRun) show(s string, g *gstate, tm *matrix) {
	f := g.font
	if f == nil {
		f = fallbackFont
	}
	for len(s) > 0 {
		code, n := f.next(s)
		s = s[n:]
		w := f.width(code)
		trm := matrix{g.tfs * g.th, 0, 0, g.tfs, 0, g.rise}.mul(*tm).mul(g.ctm)
		run.glyph(f, code, w, trm)
		tx := w/1000*g.tfs + g.tc
		if n == 1 && code == 32 {
			tx += g.tw
		}
		*tm = matrix{1, 0, 0, 1, tx * g.th, 0}.mul(*tm)
	}
}

func (run *pageRun) glyph(f *font, code uint32, w float64, trm matrix) {
	text := f.text(code)
	if text == "" || text == " " || text == "\u3000" {
		return // white space is not kept: gaps are measured from positions
	}
	sx := math.Hypot(trm[0], trm[1])
	sy := math.Hypot(trm[2], trm[3])
	ox, oy := trm[4]-run.x0, run.y1-trm[5]
	b := Box{ox, oy - f.ascent/1000*sy, ox + w/1000*sx, oy - f.descent/1000*sy}
	if b.X1 <= b.X0 {
		b.X1 = b.X0 + 0.5*sy
	}
	if b.X1 < 0 || b.Y1 < 0 || b.X0 > run.p.Width || b.Y0 > run.p.Height {
		return // off the page: not printed (WPS leaves text of the previous page above the top)
	}
	// fake bold: the same glyph again within a tenth of its size
	key := [2]int32{int32(math.Floor(ox / 4)), int32(math.Floor(oy / 4))}
	tol := 0.15 * max(sy, 1)
	for dx := int32(-1); dx <= 1; dx++ {
		for dy := int32(-1); dy <= 1; dy++ {
			for _, i := range run.grid[[2]int32{key[0] + dx, key[1] + dy}] {
				c := &run.p.Chars[i]
				if c.Text == text && math.Abs(c.Box.X0-ox) < tol && math.Abs(c.Base-oy) < tol {
					return
				}
			}
		}
	}
	run.grid[key] = append(run.grid[key], int32(len(run.p.Chars)))
	run.p.Chars = append(run.p.Chars, Char{Text: text, Box: b, Base: oy, Size: sy})
	run.x.chars++
}
