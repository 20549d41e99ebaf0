package pdftext

import (
	"strconv"
	"strings"
)

// smallPDF is a PDF of the given objects (numbered from 1; object 1 the
// catalog) with a correct cross-reference table.
func smallPDF(objs ...string) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		b.WriteString(strconv.Itoa(i+1) + " 0 obj\n" + o + "\nendobj\n")
	}
	x := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(len(objs)+1) + "\n0000000000 65535 f \n")
	for _, o := range offs {
		s := strconv.Itoa(o)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<</Size " + strconv.Itoa(len(objs)+1) + "/Root 1 0 R>>\nstartxref\n" + strconv.Itoa(x) + "\n%%EOF\n")
	return []byte(b.String())
}

// stream is a stream object holding s.
func stream(s string) string {
	return "<</Length " + strconv.Itoa(len(s)) + ">>\nstream\n" + s + "\nendstream"
}

// tableSeed is a one-page PDF with a ruled two-column table whose text is
// in a CID font (Identity-H, ToUnicode) and a simple font: a small seed
// that reaches fonts, CMaps, text and paths.
func tableSeed() []byte {
	content := "0.5 w 50 700 m 300 700 l S 50 680 m 300 680 l S 50 660 m 300 660 l S " +
		"50 700 m 50 660 l S 200 700 m 200 660 l S 300 700 m 300 660 l S " +
		"BT /F1 10 Tf 55 685 Td <00010002> Tj ET BT /F2 10 Tf 250 685 Td (12.50) Tj ET " +
		"BT /F1 10 Tf 55 665 Td [<0001> -200 <0002>] TJ ET BT /F2 10 Tf 250 665 Td (3) Tj ET"
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange " +
		"1 beginbfchar <0001> <5408> endbfchar 1 beginbfrange <0002> <0002> <8BA1> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"
	return smallPDF(
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R/F2 8 0 R>>>>/Contents 4 0 R>>",
		stream(content),
		"<</Type/Font/Subtype/Type0/BaseFont/AAAAAA+SimSun/Encoding/Identity-H/DescendantFonts[6 0 R]/ToUnicode 7 0 R>>",
		"<</Type/Font/Subtype/CIDFontType2/BaseFont/AAAAAA+SimSun/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/DW 1000/W[1[1000 1000]]>>",
		stream(cmap),
		"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/FirstChar 32/LastChar 57/Widths[278 0 0 0 0 0 0 0 0 0 0 0 0 0 278 0 556 556 556 556 556 556 556 556 556 556]>>",
	)
}
