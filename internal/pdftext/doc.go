// Package pdftext reads the text layer of a PDF file: every character with
// its page and box, in points from the page's top-left corner (x to the
// right, y down, as pdftotext -bbox writes them).
//
// The file's objects are parsed with github.com/ledongthuc/pdf (pure Go,
// BSD licence): its cross-reference and object reader, its stream filters
// and its PostScript tokenizer (pdf.Interpret). The content streams are
// interpreted here, not by that package's Page.Content: it re-parses a
// font's ToUnicode map on every Tf operator and takes glyph widths from the
// simple-font Widths array only, so that the characters of a CID font
// (Identity-H, the fonts WPS and Office embed for Chinese) get no width.
// This package keeps one parsed font per font dictionary, reads CID widths
// from W and DW, maps codes to text with the font's ToUnicode CMap (or
// the UCS-2 CMaps, or WinAnsi for simple fonts), follows form XObjects,
// and drops a glyph drawn twice at the same place (fake bold: WPS draws a
// bold glyph twice, offset by a fraction of a point).
//
// Hostile input: [Read] bounds the input ([MaxFileSize]), the pages
// ([MaxPages]), the operators interpreted per page ([MaxOps]) and the
// characters kept ([MaxChars]); a panic of the object parser is recovered
// into an error wrapping [ErrMalformed]. An encrypted file that does not
// open with the empty user password gives [ErrEncrypted].
package pdftext
