package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Document-supplied strings (file names, messages, JSON Pointers, labels,
// quotes, error texts) reach the text output only through echo or
// echoMessage: they are cut to a bounded length and their control
// characters are escaped, so that a document can neither forge output
// lines nor drive the terminal. The JSON output carries them whole:
// encoding/json escapes the C0 controls and U+2028/U+2029, and a program
// reading the JSON sees the exact values.

// Bounds on an echoed string, in runes.
const (
	// maxEcho bounds a string that is entirely the document's: a file
	// name, a JSON Pointer, a label, a quoted sentence, an explanation.
	maxEcho = 200
	// maxMessage bounds a message or an error text, which embeds
	// document-supplied strings in a sentence of the library's.
	maxMessage = 500
)

// echo returns s cut to maxEcho runes and escaped for the text output.
func echo(s string) string { return escape(clip(s, maxEcho)) }

// echoMessage returns a message or error text cut to maxMessage runes and
// escaped for the text output.
func echoMessage(s string) string { return escape(clip(s, maxMessage)) }

// echoErr is echoMessage of err's text.
func echoErr(err error) string { return echoMessage(err.Error()) }

// clip returns s when it has at most max runes, and otherwise its first max
// runes followed by "…(N bytes)", N being the length of s. An invalid byte
// counts as one rune.
func clip(s string, max int) string {
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + fmt.Sprintf("…(%d bytes)", len(s))
		}
		n++
	}
	return s
}

// escape returns s with every character that could break a line or steer
// a terminal written as an escape sequence:
//
//   - \n, \r and \t as themselves ("\n"), the other C0 controls and DEL as
//     \xHH;
//   - the C1 controls U+0080–U+009F, the line and paragraph separators
//     U+2028 and U+2029, and the bidirectional embeddings, overrides and
//     isolates U+202A–U+202E and U+2066–U+2069 as \uHHHH;
//   - a byte that is not valid UTF-8 as \xHH.
//
// A backslash is left as it is: the output is for reading, and a file name
// such as C:\data\x.json stays legible.
func escape(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s // the common case: nothing to escape
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c == '\t':
				b.WriteString(`\t`)
			case c < 0x20 || c == 0x7f:
				fmt.Fprintf(&b, `\x%02x`, c)
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, c)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports whether r, a rune of U+0080 or above, is escaped.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f, // C1 controls
		r == 0x2028, r == 0x2029, // line and paragraph separators
		r >= 0x202a && r <= 0x202e, // bidi embeddings and overrides
		r >= 0x2066 && r <= 0x2069: // bidi isolates
		return true
	}
	return false
}
