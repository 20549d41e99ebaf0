// Package juesuan models China's public-sector final accounts (部门决算) and
// checks them.
//
// The root package ties the parts together: the [Document] type, the
// [Profile] type (a jurisdiction + fiscal year bundle of catalogue editions,
// table set, rules, accounts options, indicator framework, narrative
// patterns and fixture place names), the [Registry] of profiles, and the
// entry points [Document.Calculate], [Validate] and [Lint], which all use the
// profile the document names. The root holds no profile itself: the
// built-in ones are packages that register themselves when imported.
//
//	import (
//		"github.com/cnfiscal/juesuan"
//		_ "github.com/cnfiscal/juesuan/profiles" // every built-in profile
//		"github.com/cnfiscal/juesuan/profiles/sichuan2020"
//	)
//
//	p, err := juesuan.LookupProfile(sichuan2020.ID)
//
// # Where to start
//
// Check one document:
//
//	d, err := juesuan.DecodeFile("dept.json") // strict, size-limited; DecodeOptions for other limits
//	…
//	d.Calculate()                             // fill the derivable totals, never overwriting a stated figure
//	findings, err := juesuan.Validate(d)      // err only when d cannot be checked (unknown profile)
//	if findings.HasErrors() { … }
//
// The findings ([audit.Findings]) carry a rule ID, a severity, a JSON
// Pointer, a Chinese message and the expected and actual figures; their JSON
// form is the one `juesuan validate --format json` prints. [Profile.Validate]
// checks against another profile than the one the document names, and
// [Lint] checks the document's 情况说明 text against its tables.
//
// [ValidateWith] adds last year's document (rules B14, B15) and the
// coverage ledger ([Coverage]: for every rule and place, whether the check
// passed, fired or was skipped, naming the absent figures); the findings
// stay those of Validate.
//
// Check many files: [ValidateFiles] reads, calculates and validates them in
// parallel and reports each in input order ([ValidateFile] is one step).
// Files are read safely: at most the size limit, and a named pipe or device
// never blocks for ever ([DecodeOptions.ReadFile]).
//
// Read and write workbooks: [Import] fills a document from the cells of a
// workbook, CSV file or HTML page (package sheet reads them), recognising
// the profile's tables by their printed titles and headers; its
// [ImportReport] gives the cell each figure came from and lists what could
// not be placed. [ImportFile] reads a file and imports it, [ValidateFile]
// does so for .xlsx, .csv and .html files and adds each finding's cell
// (audit.Finding.Source), and [WriteWorkbook] writes the profile's 公开表 as
// an .xlsx that imports back to the same tables.
//
// Write documents: [Encode] writes what Decode reads back. The rules of
// decoding are listed by [DecodeRules]; a bad input is a *[DecodeError].
//
// Generate forms: [Profile.Schema] exports the JSON Schema of a document or
// of one table for a profile (a nil profile gives the profile-neutral
// schema, exactly what Decode accepts), in draft 2020-12 or 07;
// [Profile.SchemaTypes] lists the tables, and [WriteSchemas] writes the files
// committed under schemas/.
//
// Add a jurisdiction: build a [Profile] (tables, rules switched off or added,
// accounts options, indicator framework, narrative patterns) and [Register]
// it; examples/custom-profile shows one.
//
// # Package map
//
//   - classification: the 政府收支分类科目 catalogues by fiscal year, with typed
//     codes for 支出功能分类 and the two economic classifications.
//   - accounts: the 决算 tables, Calculate (derived totals) and the audit rules
//     (表内, 表间); accounts/narrative the 表文 linter engine.
//   - amount: the money type (absent is not zero) and the rounding-aware
//     comparison; audit: rules, findings, severities and the Reporter that
//     applies a profile's rule configuration.
//   - fixture: generated consistent documents with chosen faults and the
//     exact findings they must give, for tests of this library and of yours.
//   - indicators: the performance-indicator frameworks (the national one
//     built in), the 项目绩效目标完成情况表 and self-evaluation, and scoring.
//   - profiles: the built-in profiles, one package each: profiles/sichuan2020
//     ("sichuan-2020", the 14-table Sichuan 2020 disclosure),
//     profiles/sichuan2023 ("sichuan-2023", Sichuan's 13 tables of
//     2023–2024) and profiles/central ("central-2024", the 9-table
//     central/Shanghai template for 2018–2026). Importing profiles
//     registers them all.
//   - sheet: printed tables as cells, read from .xlsx (excelize), CSV
//     (UTF-8 or GBK) and HTML tables; it knows nothing of 决算.
//   - internal/intake: the printed layout of each table, derived from the
//     accounts declarations, computed once as a grid, the mapper from cells
//     to tables and the .xlsx writer, behind the root's Import and
//     WriteWorkbook.
//   - internal/pdftext: the text layer of a PDF, every character with its
//     page and box; internal/pdftable: the tables of its pages as sheet
//     grids (for intake) and its narrative, behind ImportPDF.
//   - internal/render: the HTML disclosure (the grid of intake as <table>,
//     the charts as SVG), behind RenderHTML and RenderPDF, and the 检查表
//     report (HTML and .xlsx), behind WriteReport.
//   - internal/par: the worker pool the report and package writers share.
//   - cmd/juesuan: the command (catalog, validate, import, export, rules,
//     score, schema, lint, checklist, report, render, fixture); cmd/juesuan-wasm the
//     rules in the browser; cmd/internal/report the JSON of one file's
//     result that both print.
//
// Dependencies point one way: amount ← audit ← accounts/narrative;
// classification and those ← accounts ← indicators; accounts ← internal/intake (which
// also imports sheet) ← internal/render; sheet and internal/pdftext ←
// internal/pdftable; all of them ← juesuan ← profiles/… ← profiles;
// juesuan ← fixture; profiles and fixture ← cmd/internal/report ← cmd/….
package juesuan
