// Package sheet holds printed tables as cells: a [Workbook] of [Sheet]s,
// each a grid of [Cell]s with its merged ranges and hidden flag, read from
// the forms 决算 tables are exchanged in — Excel workbooks (.xlsx), CSV
// files (UTF-8 or GBK) and HTML tables — and the [Location] of a cell
// ("收入决算表.xlsx" sheet "Z03 收入决算表(财决03表)" cell C7).
//
// Start with [Open], which picks the reader by the file's extension, or
// call [ReadXLSX], [ReadCSV] or [ReadHTML] on a reader. The package knows
// nothing of 决算: recognising a profile's tables in the cells and filling a
// document is the root package's Import.
//
// A cell keeps what the source shows (its text, or the cached result of a
// formula) and whether it was a number, a formula or blank, so that the
// importer can tell a figure printed blank from one printed 0. Nothing is
// dropped: a hidden sheet is kept with Hidden set, a merged range is kept
// as a [Range] and its value sits in its top-left cell. Only .xlsx cells
// have types; CSV fields and HTML cells are Text, and the caller parses
// the figures in them.
//
// Excel 97–2003 workbooks (.xls, BIFF8) are not read: the pure-Go readers
// that exist are not kept up well enough to trust with files from outside
// (open panics on malformed files, unanswered issues, no release in
// years). [Open] reports [ErrLegacyXLS], which asks to save the file as
// .xlsx; a file named .xls that is really an HTML table or an .xlsx
// package, as some systems export, is read as what it is.
//
// Every reader bounds what it takes: [MaxFileSize] bytes of input,
// [MaxUnzipSize] bytes unzipped, [MaxCells] cells, [MaxFormulaCalls]
// formulas handed to excelize. A hostile or broken file gives an error
// (wrapping [ErrTooLarge] when it is a limit), never a panic or a hang.
package sheet
