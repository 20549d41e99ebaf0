// Package pdftable turns the characters of a PDF page (package pdftext)
// into the grid of cells the printed-table layer (internal/intake) reads
// from Excel, and into the narrative text around the tables.
//
// Each page becomes one sheet named "p.N". Its rows are the page's text
// lines, top to bottom, after these steps:
//
//   - Lines: characters on one baseline; words: characters closer than
//     half their size.
//   - Blocks: a table starts at its title — a centred line followed within
//     two lines by a 单位 line — and ends at the next title. Lines above a
//     table's first header row (the title, 编制单位, 单位) are rows of their
//     own, split into cells at wide gaps.
//   - Columns by the header's x-ranges: a header word that spans words of a
//     header row below it (本年支出 over 合计, 基本支出, 项目支出) is a
//     merged cell; the other words of the block (header leaves and body
//     words) give the columns, each the union of the x-ranges of the words
//     that overlap. A figure is placed in the column it overlaps most, so
//     right-aligned amounts land under their header.
//   - Wrapped cells: a text line close under the previous one (gap under
//     0.6 × its size) joins the same row unless both carry figures: a name
//     on two lines is one cell, and a code printed between the two lines of
//     its name belongs to that row. The texts of a cell join in reading
//     order.
//   - A table without a title at the top of a page continues the table
//     before it (续表, repeated headers): intake recognises it by its
//     header or its first code, as it does for a sheet without a title.
//   - Page headers and footers — page numbers ("- 3 -", "第3页", "3/20")
//     in the top or bottom margin — are dropped.
//
// Every cell keeps its page and box ([Place]), so that a finding names
// "FILE p.N [x0 y0 x1 y1]".
package pdftable
