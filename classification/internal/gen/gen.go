// Package gen turns the catalogue CSV files in classification/internal/data
// into the Go source of classification/tables.go. It is shared by the
// classification/gen.go generator and by the test that fails when tables.go
// is stale.
package gen

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"go/format"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// family describes one code family and the files that hold its rows.
type family struct {
	ident    string   // Go identifier of the classification.Family constant
	name     string   // command-line name, used in boundaries.csv
	files    []string // data files, in the order they are read
	seen     string   // file of rows seen in one fiscal year's documents; "" for none
	maxLevel int      // 2 = 款, 3 = 项
}

// Families is in the order of the classification.Family constants.
var families = []family{
	{"Functional", "functional", []string{"func_class.csv", "func.csv"}, "func_seen.csv", 3},
	{"EconDept", "econ-dept", []string{"econ_dept.csv"}, "", 2},
	{"EconGov", "econ-gov", []string{"econ_gov.csv"}, "", 2},
}

const boundariesFile = "boundaries.csv"

var header = []string{"code", "name", "level", "parent", "since", "until", "source"}

// seenHeader is the header of a family's seen file: since/until give way to
// the one fiscal year (edition) whose documents print the row.
var seenHeader = []string{"code", "name", "level", "parent", "edition", "source"}

type row struct {
	fam          int // index into families
	code, name   string
	since, until int
	edition      int // the only edition holding the row (a seen row); 0 for none
	source       string
	pos          string // file:line, for messages
}

// Generate reads the data files from fsys and returns the gofmt'd source
// of tables.go.
func Generate(fsys fs.FS) ([]byte, error) {
	var rows []row
	digest := sha256.New()
	for fi, fam := range families {
		for _, name := range fam.files {
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(digest, "%s\x00%d\x00", name, len(b))
			digest.Write(b)
			rs, err := readRows(name, b, fi)
			if err != nil {
				return nil, err
			}
			rows = append(rows, rs...)
		}
		if fam.seen == "" {
			continue
		}
		b, err := fs.ReadFile(fsys, fam.seen)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(digest, "%s\x00%d\x00", fam.seen, len(b))
		digest.Write(b)
		rs, err := readRows(fam.seen, b, fi)
		if err != nil {
			return nil, err
		}
		rows = append(rows, rs...)
	}
	b, err := fs.ReadFile(fsys, boundariesFile)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(digest, "%s\x00%d\x00", boundariesFile, len(b))
	digest.Write(b)
	if err := applyBoundaries(b, rows); err != nil {
		return nil, err
	}
	if err := validate(rows); err != nil {
		return nil, err
	}
	sources, err := fs.ReadFile(fsys, "SOURCES.md")
	if err != nil {
		return nil, err
	}
	m := regexp.MustCompile(`Compiled (\d{4}-\d{2}-\d{2})`).FindSubmatch(sources)
	if m == nil {
		return nil, errors.New("gen: SOURCES.md has no \"Compiled YYYY-MM-DD\" line")
	}
	if err := checkSources(rows, sources); err != nil {
		return nil, err
	}
	version := string(m[1]) + "+" + hex.EncodeToString(digest.Sum(nil))[:12]

	slices.SortFunc(rows, func(a, b row) int {
		if a.fam != b.fam {
			return a.fam - b.fam
		}
		if c := strings.Compare(a.code, b.code); c != 0 {
			return c
		}
		if a.since != b.since {
			return a.since - b.since
		}
		return a.edition - b.edition
	})
	return render(version, rows)
}

// readRows reads a catalogue file, or a seen file when its name is the
// family's seen file.
func readRows(file string, b []byte, fam int) ([]row, error) {
	want := header
	seen := file == families[fam].seen
	if seen {
		want = seenHeader
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = len(want)
	hdr, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("gen: %s: %w", file, err)
	}
	if !slices.Equal(hdr, want) {
		return nil, fmt.Errorf("gen: %s: header %q, want %q", file, hdr, want)
	}
	var rows []row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("gen: %s: %w", file, err)
		}
		line, _ := r.FieldPos(0)
		pos := fmt.Sprintf("%s:%d", file, line)
		x := row{fam: fam, code: rec[0], name: rec[1], source: rec[len(rec)-1], pos: pos}
		n := len(x.code)
		if (n != 3 && n != 5 && n != 7) || strings.Trim(x.code, "0123456789") != "" || (n+1)/2-1 > families[fam].maxLevel {
			return nil, fmt.Errorf("gen: %s: malformed code %q", pos, x.code)
		}
		if x.name == "" || !utf8.ValidString(x.name) || strings.TrimSpace(x.name) != x.name {
			return nil, fmt.Errorf("gen: %s: bad name %q", pos, x.name)
		}
		if want := []string{"类", "款", "项"}[(n-3)/2]; rec[2] != want {
			return nil, fmt.Errorf("gen: %s: level %q, want %q for code %s", pos, rec[2], want, x.code)
		}
		if want := parent(x.code); rec[3] != want {
			return nil, fmt.Errorf("gen: %s: parent %q, want %q", pos, rec[3], want)
		}
		if seen {
			if x.edition, err = year(rec[4]); err != nil || x.edition == 0 {
				return nil, fmt.Errorf("gen: %s: edition %q: a seen row needs one fiscal year", pos, rec[4])
			}
		} else if x.since, err = year(rec[4]); err != nil {
			return nil, fmt.Errorf("gen: %s: since: %w", pos, err)
		}
		if !seen {
			x.until, err = year(rec[5])
		}
		if err != nil {
			return nil, fmt.Errorf("gen: %s: until: %w", pos, err)
		}
		if x.since != 0 && x.until != 0 && x.since > x.until {
			return nil, fmt.Errorf("gen: %s: since %d after until %d", pos, x.since, x.until)
		}
		if x.source == "" {
			return nil, fmt.Errorf("gen: %s: empty source", pos)
		}
		rows = append(rows, x)
	}
}

func parent(code string) string {
	if len(code) <= 3 {
		return ""
	}
	return code[:len(code)-2]
}

func year(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 9999 {
		return 0, fmt.Errorf("bad year %q", s)
	}
	return y, nil
}

// applyBoundaries fills in since/until for rows named in boundaries.csv.
// A boundary may only be set on a row that asserts none.
func applyBoundaries(b []byte, rows []row) error {
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = 7
	want := []string{"family", "code", "name", "since", "until", "source", "note"}
	hdr, err := r.Read()
	if err != nil {
		return fmt.Errorf("gen: %s: %w", boundariesFile, err)
	}
	if !slices.Equal(hdr, want) {
		return fmt.Errorf("gen: %s: header %q, want %q", boundariesFile, hdr, want)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("gen: %s: %w", boundariesFile, err)
		}
		line, _ := r.FieldPos(0)
		pos := fmt.Sprintf("%s:%d", boundariesFile, line)
		fam := slices.IndexFunc(families, func(f family) bool { return f.name == rec[0] })
		if fam < 0 {
			return fmt.Errorf("gen: %s: unknown family %q", pos, rec[0])
		}
		since, err1 := year(rec[3])
		until, err2 := year(rec[4])
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Errorf("gen: %s: %w", pos, err)
		}
		if rec[5] == "" || rec[6] == "" {
			return fmt.Errorf("gen: %s: a boundary needs a source and a note", pos)
		}
		found := false
		for i := range rows {
			x := &rows[i]
			if x.fam != fam || x.code != rec[1] || x.name != rec[2] {
				continue
			}
			if x.edition != 0 {
				return fmt.Errorf("gen: %s: %s is a seen row; it is in one edition and takes no boundary", pos, x.pos)
			}
			if x.since != 0 || x.until != 0 {
				return fmt.Errorf("gen: %s: %s already asserts since/until", pos, x.pos)
			}
			x.since, x.until = since, until
			found = true
		}
		if !found {
			return fmt.Errorf("gen: %s: no row %s %s %s", pos, rec[0], rec[1], rec[2])
		}
	}
}

// validate rejects rows of one code whose validity overlaps, and 款/项
// whose parent is missing.
func validate(rows []row) error {
	type key struct {
		fam  int
		code string
	}
	byCode := map[key][]row{}
	for _, x := range rows {
		k := key{x.fam, x.code}
		byCode[k] = append(byCode[k], x)
	}
	var errs []error
	for _, x := range rows {
		p := parent(x.code)
		if p == "" {
			continue
		}
		ps, ok := byCode[key{x.fam, p}]
		if !ok {
			errs = append(errs, fmt.Errorf("gen: %s: parent %s of %s is missing", x.pos, p, x.code))
			continue
		}
		// A seen row's parent must be in the same edition.
		if x.edition != 0 && !slices.ContainsFunc(ps, func(y row) bool { return overlap(x, y) }) {
			errs = append(errs, fmt.Errorf("gen: %s: parent %s of %s is missing in edition %d", x.pos, p, x.code, x.edition))
		}
	}
	for _, rs := range byCode {
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				if overlap(rs[i], rs[j]) {
					errs = append(errs, fmt.Errorf("gen: %s and %s: two rows of %s are valid in the same year; add a boundary to %s",
						rs[i].pos, rs[j].pos, rs[i].code, boundariesFile))
				}
			}
		}
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(errs...)
}

// overlap reports whether two rows are valid in a common year. A seen row
// is valid in its edition only.
func overlap(a, b row) bool {
	span := func(x row) (lo, hi int) {
		if x.edition != 0 {
			return x.edition, x.edition
		}
		lo, hi = x.since, x.until
		if lo == 0 {
			lo = -1 << 30
		}
		if hi == 0 {
			hi = 1 << 30
		}
		return lo, hi
	}
	alo, ahi := span(a)
	blo, bhi := span(b)
	return alo <= bhi && blo <= ahi
}

// checkSources rejects a source other than "recalled" or doc: ids (several
// joined by ";") that SOURCES.md lists, each in backquotes or in a table
// cell. Each bad id is reported once, at its first row.
func checkSources(rows []row, sources []byte) error {
	var errs []error
	listed := map[string]bool{} // checked ids: true when listed
	for _, x := range rows {
		if x.source == "recalled" {
			continue
		}
		for id := range strings.SplitSeq(x.source, ";") {
			if _, done := listed[id]; done {
				continue
			}
			ok := strings.HasPrefix(id, "doc:") && regexp.MustCompile(`[|,`+"`"+`]\s*`+regexp.QuoteMeta(id)+`\s*[|,`+"`"+`]`).Match(sources)
			listed[id] = ok
			if !ok {
				errs = append(errs, fmt.Errorf("gen: %s: source %q is not \"recalled\" and not a doc: id listed in SOURCES.md", x.pos, id))
			}
		}
	}
	return errors.Join(errs...)
}

func render(version string, rows []row) ([]byte, error) {
	var srcs []string
	for _, x := range rows {
		if !slices.Contains(srcs, x.source) {
			srcs = append(srcs, x.source)
		}
	}
	slices.Sort(srcs)
	if len(srcs) > 255 {
		return nil, errors.New("gen: more than 255 source ids")
	}

	var b bytes.Buffer
	b.WriteString("// Code generated by gen.go; DO NOT EDIT.\n\n")
	b.WriteString("package classification\n\n")
	b.WriteString("// DataVersion identifies the embedded catalogue data: the compile date\n")
	b.WriteString("// given in internal/data/SOURCES.md, then the first 12 hex digits of a\n")
	b.WriteString("// SHA-256 digest of the data files.\n")
	fmt.Fprintf(&b, "const DataVersion = %q\n\n", version)
	b.WriteString("// sources holds the provenance ids of the embedded rows (see\n")
	b.WriteString("// internal/data/SOURCES.md); record.source indexes it.\n")
	b.WriteString("var sources = [...]string{\n")
	for i, s := range srcs {
		fmt.Fprintf(&b, "\t%q, // %d\n", s, i)
	}
	b.WriteString("}\n\n")
	b.WriteString("// records holds every embedded catalogue row, sorted by family, code,\n")
	b.WriteString("// since and edition. Since and until are 0 where no boundary is asserted;\n")
	b.WriteString("// edition is the only fiscal year whose edition holds a row seen in that\n")
	b.WriteString("// year's documents, 0 for the other rows.\n")
	b.WriteString("var records = [...]record{\n")
	fam := -1
	for _, x := range rows {
		if x.fam != fam {
			fam = x.fam
			fmt.Fprintf(&b, "\t// %s\n", families[fam].name)
		}
		fmt.Fprintf(&b, "\t{%s, %q, %q, %d, %d, %d, %d},\n", families[fam].ident, x.code, x.name,
			x.since, x.until, x.edition, slices.Index(srcs, x.source))
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
