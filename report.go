package juesuan

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/internal/par"
	"github.com/cnfiscal/juesuan/internal/render"
)

// ReportFormat is the file format of a 检查表 report.
type ReportFormat string

// The formats WriteReport writes.
const (
	// ReportHTML is one self-contained HTML page (inline CSS, no script).
	ReportHTML ReportFormat = "html"
	// ReportXLSX is one .xlsx workbook: a 汇总 sheet and a sheet per
	// document.
	ReportXLSX ReportFormat = "xlsx"
)

// ErrReportFormat is matched by the error WriteReport returns for a format
// it does not write.
var ErrReportFormat = errors.New("juesuan: unknown report format")

// ReportOptions say what WriteReport writes.
type ReportOptions struct {
	// Format is ReportHTML or ReportXLSX; "" means ReportHTML.
	Format ReportFormat
	// Coverage adds each document's coverage ledger: the checks that could
	// not run, with the absent figures, and the rules that did not run
	// (see ValidateWith).
	Coverage bool
	// Profile, when set, checks every document against it instead of the
	// profile the document names.
	Profile *Profile
	// Title heads the report; "" means "部门决算检查表".
	Title string
}

// ReportInput is one document of a report, as read (ReadReportInput).
type ReportInput struct {
	// File is the input's name, as the report prints it.
	File string
	// Err, when set, is why the file could not be read; the report gives
	// it a summary row with the error and nothing else.
	Err error
	// Document is the document read; WriteReport calculates it.
	Document *Document
	// Import is the import report of a workbook or PDF, nil for a JSON
	// document: the findings' cells (or pages and boxes) come from it.
	Import *ImportReport
	// Narrative is the 情况说明 (plain UTF-8), nil for none: without it the
	// items only the narrative settles are 未核对. A PDF's own narrative
	// is taken by ReadReportInput.
	Narrative []byte
	// NarrativeFile names Narrative in the findings' locations
	// (NARRATIVE:LINE:COLUMN); "" for a PDF's own narrative, whose findings
	// name their page and box.
	NarrativeFile string
}

// ReadReportInput reads file as ValidateFile does — a JSON document, or
// a workbook (IsWorkbookFile) or PDF (IsPDFFile) imported with
// opts.Import (opts.Profile, when set, overriding its profile); "-" is
// opts.Stdin when that is set — and returns it for WriteReport, with a
// PDF's narrative as Narrative. A file that cannot be read gives an input
// with Err (naming the file and, for a workbook, the sheet and cell). It
// never panics.
func ReadReportInput(file string, opts BatchOptions) (in ReportInput) {
	in.File = file
	defer func() {
		if r := recover(); r != nil {
			in = ReportInput{File: file, Err: fmt.Errorf("juesuan: %s: internal error, please report it: %v", file, r)}
		}
	}()
	in.Document, in.Import, in.Err = readFile(file, opts)
	if in.Err == nil && file != stdinName && IsPDFFile(file) && len(strings.TrimSpace(string(in.Import.Narrative))) > 0 {
		in.Narrative = in.Import.Narrative
	}
	if in.Err != nil {
		in.Document = nil
	}
	return in
}

// ReportDocument is what a report says of one input: the 检查表, every
// finding with its location, and with ReportOptions.Coverage the ledger.
type ReportDocument struct {
	File string
	// Err is why the input could not be read or checked (ReportInput.Err,
	// or an unknown profile); the other fields are then zero.
	Err error
	// Unit and FiscalYear are the document's 单位名称 and 决算年度 ("" and 0
	// when not stated); Profile the profile it was checked with.
	Unit       string
	FiscalYear int
	Profile    string
	// Checklist is the 检查表 (Profile.ChecklistWith), each finding located.
	Checklist []ChecklistEntry
	// Findings are those of Validate, then those of Lint when there is a
	// narrative, each with its Source when the document was imported.
	Findings audit.Findings
	// Coverage is the ledger, only with ReportOptions.Coverage: that of
	// ValidateWith and, with a narrative, that of LintWith.
	Coverage *Coverage

	imported      *ImportReport // the input's, for the cells of skipped checks
	narrativeFile string        // ReportInput.NarrativeFile
}

// CheckReport checks one input as the report does: it calculates the
// document, builds its 检查表 with the narrative (Profile.ChecklistWith),
// keeps the ledger when opts.Coverage asks, and sets each finding's
// Source from in.Import (the cell, or the page and box; a PDF narrative's
// line by its page and box).
func CheckReport(in ReportInput, opts ReportOptions) (out ReportDocument) {
	out.File = in.File
	if in.Err != nil || in.Document == nil {
		out.Err = in.Err
		if out.Err == nil {
			out.Err = fmt.Errorf("juesuan: %s: no document", in.File)
		}
		return out
	}
	defer func() {
		if r := recover(); r != nil {
			out = ReportDocument{File: in.File, Err: fmt.Errorf("juesuan: %s: internal error, please report it: %v", in.File, r)}
		}
	}()
	d := in.Document
	p := opts.Profile
	if p == nil {
		var err error
		if p, err = LookupProfile(d.Profile); err != nil {
			out.Err = fmt.Errorf("%s: %w", in.File, err)
			return out
		}
	}
	p.Calculate(d)
	items, fs, cov, err := p.ChecklistWith(d, in.Narrative, ChecklistOptions{Coverage: opts.Coverage})
	if err != nil {
		out.Err = fmt.Errorf("%s: %w", in.File, err)
		return out
	}
	out.Coverage = cov
	locate := func(fs audit.Findings) {
		if in.Import == nil {
			return
		}
		for i := range fs {
			if fs[i].Line > 0 {
				if in.NarrativeFile == "" {
					in.Import.AnnotateNarrative(fs[i : i+1])
				}
			} else {
				in.Import.Annotate(fs[i : i+1])
			}
		}
	}
	locate(fs)
	for i := range items {
		if len(items[i].Findings) == 0 || in.Import == nil {
			continue
		}
		locate(items[i].Findings)
		// The reasons of a failed item are its findings' (in order), then
		// the ledger's notes.
		for k, f := range items[i].Findings {
			if k < len(items[i].Reasons) {
				items[i].Reasons[k] = reason(f)
			}
		}
	}
	out.Unit, out.FiscalYear, out.Profile = d.Unit.Name, d.Unit.FiscalYear, p.ID
	out.Checklist, out.Findings = items, fs
	out.imported, out.narrativeFile = in.Import, in.NarrativeFile
	return out
}

// WriteReport writes the 检查表 report of docs to w in opts.Format: a
// summary with a row per input (unit name, year, profile, items 合格 /
// 不合格 / 未核对, findings by severity, checks that could not run with
// opts.Coverage, or the error of an input that could not be read), then
// per document its 检查表, its findings with their locations (JSON
// Pointer; sheet and cell, or page and box, of an imported figure;
// narrative line and column) and with opts.Coverage its skipped checks.
// HTML is one self-contained page, its summary rows linking to the
// documents' sections; xlsx one workbook, a 汇总 sheet linking to a sheet
// per document named from its unit (see CheckReport for what is checked).
// The inputs are checked in parallel; the error is only that of writing
// (or ErrReportFormat).
func WriteReport(w io.Writer, docs []ReportInput, opts ReportOptions) error {
	if opts.Format == "" {
		opts.Format = ReportHTML
	}
	if opts.Format != ReportHTML && opts.Format != ReportXLSX {
		return fmt.Errorf("%w %q: want html or xlsx", ErrReportFormat, opts.Format)
	}
	out := make([]ReportDocument, len(docs))
	par.Each(len(docs), 0, func(i int) { out[i] = CheckReport(docs[i], opts) })
	return WriteReportDocuments(w, out, opts)
}

// WriteReportDocuments writes the report of documents already checked
// (CheckReport) as WriteReport does.
func WriteReportDocuments(w io.Writer, docs []ReportDocument, opts ReportOptions) error {
	r := &render.Report{Title: opts.Title, Coverage: opts.Coverage, Docs: make([]render.ReportDoc, len(docs))}
	if r.Title == "" {
		r.Title = "部门决算检查表"
	}
	for i := range docs {
		r.Docs[i] = reportDoc(&docs[i], opts.Coverage)
	}
	switch opts.Format {
	case ReportHTML, "":
		return render.ReportHTML(w, r)
	case ReportXLSX:
		return render.ReportXLSX(w, r)
	}
	return fmt.Errorf("%w %q: want html or xlsx", ErrReportFormat, opts.Format)
}

// severityText is the Chinese name of a severity, as the report prints it.
func severityText(s audit.Severity) string {
	switch s {
	case audit.Error:
		return "错误"
	case audit.Warning:
		return "警告"
	}
	return "提示"
}

// reportDoc is the printed form of d.
func reportDoc(d *ReportDocument, coverage bool) render.ReportDoc {
	out := render.ReportDoc{File: d.File, Unit: d.Unit, Year: d.FiscalYear, Profile: d.Profile}
	if d.Err != nil {
		out.Error = d.Err.Error()
		if !strings.Contains(out.Error, d.File) {
			out.Error = d.File + ": " + out.Error
		}
		return out
	}
	for _, e := range d.Checklist {
		out.Items = append(out.Items, render.ReportItem{ID: e.ID, Title: e.Title, Status: string(e.Status), Reasons: e.Reasons})
		switch e.Status {
		case Pass:
			out.Passed++
		case Fail:
			out.Failed++
		default:
			out.Unchecked++
		}
	}
	for _, f := range d.Findings {
		rf := render.ReportFinding{Severity: severityText(f.Severity), Rule: f.Rule, Path: f.Path, Where: f.Source,
			Message: f.Message, Quote: f.Quote, Explanation: f.Explanation}
		if rf.Where == "" && f.Line > 0 {
			rf.Where = d.narrativeWhere(f.Line, f.Column)
		}
		out.Findings = append(out.Findings, rf)
		switch f.Severity {
		case audit.Error:
			out.Errors++
		case audit.Warning:
			out.Warnings++
		default:
			out.Infos++
		}
	}
	if coverage && d.Coverage != nil {
		for _, rc := range d.Coverage.Rules {
			for _, sk := range rc.Skipped {
				rs := render.ReportSkip{Rule: rc.Rule, Reason: sk.Reason, Path: sk.Path, Where: d.where(sk.Path), Missing: missing(sk)}
				if sk.Line > 0 { // a narrative's number or heading
					rs.Where = d.narrativeWhere(sk.Line, sk.Column)
				}
				if rs.Path == "" && sk.Fact != "" {
					rs.Path = sk.Fact
				}
				out.Skipped = append(out.Skipped, rs)
			}
			if rc.Status != accounts.StatusRan {
				out.Rules = append(out.Rules, render.ReportRule{Rule: rc.Rule, Status: rc.Status, Reason: rc.Reason})
			}
		}
		out.SkippedChecks = len(out.Skipped)
	}
	return out
}

// narrativeWhere is where line and column of the narrative are: the page
// and box of a PDF's own narrative, else NARRATIVE:LINE:COLUMN (情况说明
// standing for a narrative without a name).
func (d *ReportDocument) narrativeWhere(line, col int) string {
	if d.imported != nil && d.narrativeFile == "" {
		f := audit.Findings{{Line: line, Column: col}}
		d.imported.AnnotateNarrative(f)
		if f[0].Source != "" {
			return f[0].Source
		}
	}
	name := d.narrativeFile
	if name == "" {
		name = "情况说明"
	}
	return name + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

// where is the cell (or page and box) an imported document's figure at
// path was read from, or of its nearest ancestor; "" when not imported.
func (d *ReportDocument) where(path string) string {
	if d.imported == nil || path == "" {
		return ""
	}
	f := audit.Findings{{Path: path}}
	d.imported.Annotate(f)
	return f[0].Source
}

// missing lists the absent figures of a skipped check, as validate
// --coverage does: "P, …; last year's P, …; addend N, …".
func missing(sk accounts.Skip) string {
	var parts []string
	parts = append(parts, sk.Missing...)
	for _, p := range sk.MissingPrior {
		parts = append(parts, "上年 "+p)
	}
	for _, n := range sk.Addends {
		parts = append(parts, "第"+strconv.Itoa(n)+"个加数")
	}
	return strings.Join(parts, ", ")
}
