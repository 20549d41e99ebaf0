package juesuan

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/cnfiscal/juesuan/audit"
)

// BatchOptions configure ValidateFiles.
type BatchOptions struct {
	// Workers is the number of files checked at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// Profile, when set, checks every document against it instead of the
	// profile the document names.
	Profile *Profile
	// Decode bounds what is accepted (size limit) and how long a named pipe
	// is waited for (see DecodeOptions.ReadFile).
	Decode DecodeOptions
	// Stdin, when not nil, is read for the file name "-" (standard input, as
	// commands name it); it is read to its end or the size limit, so name
	// "-" at most once. When nil, "-" is a file name like any other.
	Stdin io.Reader
	// Import are the options a workbook file (see IsWorkbookFile) is
	// imported with. Profile, when set, overrides Import.Profile; when
	// neither is set, the profile is the one the workbook's tables fit.
	Import ImportOptions
	// Validate adds last year's document and the coverage ledger to each
	// file's validation (see ValidateWith); FileResult.Coverage holds the
	// ledger.
	Validate ValidateOptions
}

// FileResult is the outcome of checking one file of a batch.
type FileResult struct {
	File string // the name as given to ValidateFiles
	// Err is set when the file is unreadable, undecodable or cannot be
	// checked (unknown profile, no catalogue for its year); Findings is then
	// nil.
	Err      error
	Findings audit.Findings // every finding, sorted (audit.Findings.Sort)
	// Import is the import report of a workbook file (see IsWorkbookFile):
	// the profile used, the tables recognised, the cells not placed and
	// the notes. It is nil for a JSON document, and for a workbook that
	// could not be read; it may be set with Err when the workbook was read
	// but not imported (a cell that must hold a figure does not). Each
	// finding on an imported document carries in Source the cell its
	// figure was read from (ImportReport.Annotate).
	Import *ImportReport
	// Coverage is the coverage ledger when BatchOptions.Validate.Coverage
	// asks for it and the file was checked, else nil.
	Coverage *Coverage
}

// IsWorkbookFile reports whether ValidateFile imports the file of that
// name as a workbook rather than decoding it as a JSON document: its
// extension, in any case, is .xlsx, .xlsm, .csv, .html, .htm or .xls (an
// .xls is read when it is an .xlsx or HTML saved under that name; a real
// Excel 97–2003 workbook gives an error wrapping sheet.ErrLegacyXLS).
func IsWorkbookFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm", ".csv", ".html", ".htm", ".xls":
		return true
	}
	return false
}

// ValidateFile reads, decodes, calculates and validates one file with
// opts.Profile, or else the profile the document names (Profile.Calculate,
// then Profile.Validate): the per-file step of ValidateFiles. The file is
// read with DecodeOptions.DecodeFile, so a named pipe or device never
// blocks it for ever. A panic in a rule is turned into an error naming the
// file, so that one bad file never stops a batch.
//
// A workbook file (IsWorkbookFile) or a PDF (IsPDFFile) is imported instead of decoded
// (ImportFile with opts.Import, the profile being opts.Profile when set)
// and then calculated and validated in the same way; res.Import is the
// import report and every finding's Source the cell it points at. A
// workbook must be a regular file: a named pipe or device named *.xlsx is
// refused with a *NotRegularError rather than read.
func ValidateFile(file string, opts BatchOptions) (res FileResult) {
	res.File = file
	defer func() {
		if r := recover(); r != nil {
			res.Findings, res.Coverage = nil, nil
			res.Err = fmt.Errorf("juesuan: %s: internal error, please report it: %v", file, r)
		}
	}()
	d, rep, err := readFile(file, opts)
	res.Import = rep
	if err != nil {
		res.Err = err
		return res
	}
	res.Findings, res.Coverage, res.Err = check(d, opts.Profile, opts.Validate)
	if rep != nil {
		rep.Annotate(res.Findings)
	}
	return res
}

// check calculates and validates d under p, or under the profile d names
// when p is nil, with what o adds.
func check(d *Document, p *Profile, o ValidateOptions) (audit.Findings, *Coverage, error) {
	if p == nil {
		var err error
		if p, err = LookupProfile(d.Profile); err != nil {
			return nil, nil, err
		}
	}
	p.Calculate(d)
	return p.ValidateWith(d, o)
}

// readFile reads file as ValidateFile does: "-" is opts.Stdin when that is
// set; a workbook or PDF is imported with opts.Import (opts.Profile, when
// set, overriding its profile), with its import report; anything else is
// decoded with opts.Decode.
func readFile(file string, opts BatchOptions) (*Document, *ImportReport, error) {
	if file == stdinName && opts.Stdin != nil {
		d, err := opts.Decode.Decode(opts.Stdin)
		return d, nil, err
	}
	if !IsWorkbookFile(file) && !IsPDFFile(file) {
		d, err := opts.Decode.DecodeFile(file) // reads no more than the size limit
		return d, nil, err
	}
	if st, err := os.Stat(file); err == nil && !st.Mode().IsRegular() {
		return nil, nil, &NotRegularError{Path: file, Mode: st.Mode()}
	}
	iopts := opts.Import
	if opts.Profile != nil {
		iopts.Profile = opts.Profile.ID
	}
	return ImportFile(file, iopts)
}

// stdinName is the file name that stands for BatchOptions.Stdin.
const stdinName = "-"

// ValidateFiles checks files in parallel (see ValidateFile) and calls fn
// once per file, in the order of files, from the calling goroutine. It
// returns when every file has been reported. Memory stays bounded: a
// result is dropped once fn has seen it, and at most a few results per
// worker wait for an earlier, slower file.
func ValidateFiles(files []string, opts BatchOptions, fn func(FileResult)) {
	n := opts.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	n = max(1, min(n, len(files)))
	// A window of slots bounds how far the workers run ahead of fn.
	window := 4 * n
	type slot struct {
		ready chan struct{}
		res   FileResult
	}
	slots := make([]slot, window)
	for i := range slots {
		slots[i].ready = make(chan struct{}, 1)
	}
	free := make(chan struct{}, window)
	for range window {
		free <- struct{}{}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				s := &slots[i%window]
				s.res = ValidateFile(files[i], opts)
				s.ready <- struct{}{}
			}
		}()
	}
	go func() {
		for i := range files {
			<-free
			jobs <- i
		}
		close(jobs)
	}()
	for i := range files {
		s := &slots[i%window]
		<-s.ready
		r := s.res
		s.res = FileResult{}
		free <- struct{}{}
		fn(r)
	}
	wg.Wait()
}
