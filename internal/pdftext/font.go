package pdftext

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// font is what text extraction needs of a font: code length, widths,
// the code → text map, ascent and descent (1/1000 of the size).
type font struct {
	twoByte         bool
	uni             map[uint32]string // ToUnicode
	ucs2            bool              // UniGB-UCS2-H and the like: the code is UCS-2
	first           int
	widths          []float64 // simple font: Widths from first
	cid             map[uint32]float64
	dw              float64
	ascent, descent float64
	scale           float64 // glyph space to 1/1000 text space: 1, or FontMatrix[0] × 1000 for a Type 3 font
}

var fallbackFont = &font{dw: 500, ascent: 880, descent: -120, scale: 1}

const maxMapEntries = 1 << 17

// font returns the parsed font of the font dictionary v, cached.
func (x *reader) font(v pdf.Value) *font {
	if v.Kind() != pdf.Dict {
		return fallbackFont
	}
	key := v.String()
	if f, ok := x.fonts[key]; ok {
		return f
	}
	f := parseFont(v)
	x.fonts[key] = f
	return f
}

func parseFont(v pdf.Value) *font {
	f := &font{dw: 1000, ascent: 880, descent: -120, scale: 1}
	if v.Key("Subtype").Name() == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() > 0 {
			f.scale = m.Index(0).Float64() * 1000
		}
	}
	desc := v.Key("FontDescriptor")
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		enc := v.Key("Encoding").Name()
		f.ucs2 = strings.Contains(enc, "UCS2") || strings.Contains(enc, "UTF16")
		d := v.Key("DescendantFonts").Index(0)
		desc = d.Key("FontDescriptor")
		if dw := d.Key("DW"); !dw.IsNull() {
			f.dw = dw.Float64()
		}
		f.cid = cidWidths(d.Key("W"))
	} else {
		f.dw = 0
		f.first = int(v.Key("FirstChar").Int64())
		w := v.Key("Widths")
		for i := 0; i < w.Len() && i < 256; i++ {
			f.widths = append(f.widths, w.Index(i).Float64())
		}
		if len(f.widths) == 0 {
			f.dw = 500
		}
	}
	if a := desc.Key("Ascent").Float64(); a > 0 && a < 2000 {
		f.ascent = a
	}
	if d := desc.Key("Descent").Float64(); d < 0 && d > -1000 {
		f.descent = d
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.uni = toUnicode(tu)
	}
	return f
}

// cidWidths reads a W array: c [w1 w2 …] or c1 c2 w.
func cidWidths(w pdf.Value) map[uint32]float64 {
	out := map[uint32]float64{}
	for i := 0; i < w.Len(); {
		c := w.Index(i)
		if i+1 >= w.Len() {
			break
		}
		n := w.Index(i + 1)
		if n.Kind() == pdf.Array {
			for j := 0; j < n.Len() && len(out) < maxMapEntries; j++ {
				out[uint32(c.Int64())+uint32(j)] = n.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		wd := w.Index(i + 2).Float64()
		for k := c.Int64(); k <= n.Int64() && len(out) < maxMapEntries; k++ {
			out[uint32(k)] = wd
		}
		i += 3
	}
	return out
}

// next returns the first code of s and its length in bytes.
func (f *font) next(s string) (uint32, int) {
	if f.twoByte && len(s) >= 2 {
		return uint32(s[0])<<8 | uint32(s[1]), 2
	}
	return uint32(s[0]), 1
}

func (f *font) width(code uint32) float64 {
	return f.glyphWidth(code) * f.scale
}

func (f *font) glyphWidth(code uint32) float64 {
	if f.cid != nil || f.twoByte {
		if w, ok := f.cid[code]; ok {
			return w
		}
		return f.dw
	}
	if i := int(code) - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return f.dw
}

func (f *font) text(code uint32) string {
	if s, ok := f.uni[code]; ok {
		return unify(s)
	}
	if f.ucs2 {
		return string(rune(code))
	}
	if f.twoByte {
		return "\ufffd"
	}
	return winAnsi(byte(code))
}

// winAnsi maps a byte of WinAnsiEncoding (Latin-1 with the 0x80–0x9f
// block of cp1252; the few glyphs there that matter for figures).
func winAnsi(b byte) string {
	switch {
	case b < 0x20:
		return ""
	case b < 0x80 || b >= 0xa0:
		return string(rune(b))
	case b == 0x96:
		return "–"
	case b == 0x97:
		return "—"
	case b == 0x95:
		return "•"
	}
	return "\ufffd"
}

// toUnicode parses a ToUnicode CMap into a code → text map. A CMap is
// read with a small tokenizer of its own (hex strings, numbers, arrays and
// operators): the PostScript around the maps is skipped.
func toUnicode(v pdf.Value) (m map[uint32]string) {
	m = map[uint32]string{}
	var data []byte
	func() {
		defer func() { _ = recover() }()
		rc := v.Reader()
		data, _ = io.ReadAll(io.LimitReader(rc, 8<<20))
		rc.Close()
	}()
	var stk []string // hex strings as raw bytes; "[" and "]" as markers
	mode := ""
	for len(data) > 0 {
		c := data[0]
		switch {
		case c == '<' && len(data) > 1 && data[1] != '<':
			j := bytes.IndexByte(data, '>')
			if j < 0 {
				return m
			}
			stk = append(stk, "\x00"+hexBytes(data[1:j]))
			data = data[j+1:]
		case c == '[' || c == ']':
			stk = append(stk, string(c))
			data = data[1:]
		case c == '%':
			j := bytes.IndexAny(data, "\r\n")
			if j < 0 {
				return m
			}
			data = data[j:]
		case c == '(':
			j := bytes.IndexByte(data, ')')
			if j < 0 {
				return m
			}
			data = data[j+1:]
		case isWord(c):
			j := 1
			for j < len(data) && isWord(data[j]) {
				j++
			}
			w := string(data[:j])
			data = data[j:]
			switch w {
			case "beginbfchar", "beginbfrange":
				mode, stk = w, stk[:0]
			case "endbfchar":
				for i := 0; i+1 < len(stk) && len(m) < maxMapEntries; i += 2 {
					m[code(stk[i][1:])] = utf16String(stk[i+1][1:])
				}
				mode, stk = "", stk[:0]
			case "endbfrange":
				bfrange(m, stk)
				mode, stk = "", stk[:0]
			}
		default:
			data = data[1:]
		}
		if mode == "" && len(stk) > 0 {
			stk = stk[:0]
		}
	}
	return m
}

func isWord(c byte) bool {
	return c > ' ' && c < 0x7f && !strings.ContainsRune("<>[]()/%{}", rune(c))
}

func hexBytes(h []byte) string {
	var out []byte
	var cur byte
	n := 0
	for _, c := range h {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			continue
		}
		cur = cur<<4 | d
		if n++; n%2 == 0 {
			out = append(out, cur)
			cur = 0
		}
	}
	if n%2 == 1 {
		out = append(out, cur<<4)
	}
	return string(out)
}

// bfrange reads lo hi dst triples; dst is a string or an array of strings.
func bfrange(m map[uint32]string, stk []string) {
	for i := 0; i+2 < len(stk); {
		if stk[i] == "[" || stk[i] == "]" || stk[i+1] == "[" || stk[i+1] == "]" {
			i++
			continue
		}
		lo, hi := code(stk[i][1:]), code(stk[i+1][1:])
		if hi < lo || hi-lo > 0xffff {
			hi = lo
		}
		if stk[i+2] == "[" {
			j := i + 3
			for c := lo; j < len(stk) && stk[j] != "]"; j, c = j+1, c+1 {
				if len(m) < maxMapEntries {
					m[c] = utf16String(stk[j][1:])
				}
			}
			i = j + 1
			continue
		}
		base := []rune(utf16String(stk[i+2][1:]))
		i += 3
		if len(base) == 0 {
			continue
		}
		for c := lo; c <= hi && len(m) < maxMapEntries; c++ {
			r := append([]rune(nil), base...)
			r[len(r)-1] += rune(c - lo)
			m[c] = string(r)
		}
	}
}

func code(s string) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func utf16String(s string) string {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s) == 1 {
		return string(rune(s[0]))
	}
	out := string(utf16.Decode(u))
	if !utf8.ValidString(out) {
		return "\ufffd"
	}
	return out
}
