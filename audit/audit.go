package audit

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Severity is how much a finding matters.
type Severity uint8

const (
	// Info is a note that needs no action: a difference within rounding, a
	// narrative claim that ties to no table figure.
	Info Severity = iota
	// Warning is a 提示性 (核实性) finding: it must be checked, and may be
	// accepted with a written 出错说明.
	Warning
	// Error is a 强制性 finding: the document is wrong and cannot be submitted.
	Error
)

var severityNames = [...]string{"info", "warning", "error"}
var severityTitles = [...]string{"信息", "提示性", "强制性"}

// String returns "info", "warning" or "error", the wire form.
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", s)
}

// Title returns the Chinese name: 信息, 提示性, 强制性.
func (s Severity) Title() string {
	if int(s) < len(severityTitles) {
		return severityTitles[s]
	}
	return s.String()
}

// ParseSeverity reads the wire form.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if n == s {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("audit: unknown severity %q (want info, warning or error)", s)
}

// MarshalText encodes the wire form.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes the wire form.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Kind classifies a rule the way the 审核公式 are classified.
type Kind string

const (
	Intra       Kind = "表内" // within one table
	Inter       Kind = "表间" // between tables
	Text        Kind = "表文" // narrative against tables
	Logic       Kind = "逻辑" // plausibility: signs, duplicates, notes
	Catalog     Kind = "科目" // classification codes and names
	Performance Kind = "绩效" // performance indicators
	Structure   Kind = "结构" // required tables and fields
	Disclosure  Kind = "公开" // 公开完整性: what a disclosure must show
)

// Rule describes one audit rule. IDs are stable: users search for them, and
// profiles switch rules off or change their severity by ID.
type Rule struct {
	ID          string   `json:"id"`          // stable, such as "A1" (`juesuan rules` lists them)
	Severity    Severity `json:"severity"`    // the default; a profile may change it
	Kind        Kind     `json:"kind"`        // 表内, 表间, 表文, …
	Title       string   `json:"title"`       // short Chinese name
	Description string   `json:"description"` // what is checked, in Chinese
	Source      string   `json:"source"`      // where the rule comes from, with its confidence ([V]/[I]/[B])
}

// Finding is one broken rule at one place.
//
// Its JSON form is the one `juesuan validate --format json` prints for each
// finding (README "JSON output"): rule, severity ("error", "warning" or
// "info"), path and message always; expected and actual always, "" when the
// rule has no figure; explanation, line, column and quote only when set.
type Finding struct {
	Rule     string   `json:"rule"`     // the ID of the broken Rule
	Severity Severity `json:"severity"` // after the profile's configuration
	// Path is a JSON Pointer (RFC 6901) into the document, or for narrative
	// findings the pointer of the figure the claim restates, if any.
	Path    string `json:"path"`
	Message string `json:"message"` // Chinese, with the figures
	// Expected and Actual are the figures the rule compared, as written in
	// messages ("664.00"); both are "" when the rule has no figure. They are
	// always marshalled.
	Expected string `json:"expected"`
	Actual   string `json:"actual"`
	// Explanation is the 出错说明 that accepted this warning. It is only ever
	// set on warnings: an explanation never turns an error into a pass.
	Explanation string `json:"explanation,omitempty"`
	// Line and Column locate a narrative claim (1-based; column in runes).
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// Quote is the narrative sentence a text finding is about.
	Quote string `json:"quote,omitempty"`
	// Source is where an imported figure was read, as
	// sheet.Location.String() (决算.xlsx!'Z03 收入决算表'!C7): for a
	// document read from a workbook, the cell of the finding's Path or of
	// its nearest ancestor that has one. "" otherwise.
	Source string `json:"source,omitempty"`
}

// String formats the finding on one line.
func (f Finding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", f.Severity, f.Rule, f.Path)
	if f.Line > 0 {
		fmt.Fprintf(&b, " %d:%d", f.Line, f.Column)
	}
	b.WriteString(": ")
	b.WriteString(f.Message)
	if f.Explanation != "" {
		b.WriteString("（已说明：")
		b.WriteString(f.Explanation)
		b.WriteString("）")
	}
	return b.String()
}

// Explained reports whether the finding is a warning accepted by an 出错说明.
func (f Finding) Explained() bool { return f.Explanation != "" }

// Findings is the result of a validation: every finding, not just the first.
type Findings []Finding

// Count returns how many findings have severity s (explained warnings
// included).
func (fs Findings) Count(s Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool { return fs.Count(Error) > 0 }

// Rules returns the sorted distinct rule IDs of the findings with at least
// severity min.
func (fs Findings) Rules(min Severity) []string {
	seen := map[string]bool{}
	var ids []string
	for _, f := range fs {
		if f.Severity >= min && !seen[f.Rule] {
			seen[f.Rule] = true
			ids = append(ids, f.Rule)
		}
	}
	slices.Sort(ids)
	return ids
}

// Sort orders findings by path, then rule, then line, so output is stable.
func (fs Findings) Sort() {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}

// SortByPosition orders narrative findings by line, column, then rule.
func (fs Findings) SortByPosition() {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := cmp.Compare(a.Line, b.Line); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Column, b.Column); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// Err returns nil when there are no errors, and a *ValidationError holding
// every finding otherwise.
func (fs Findings) Err() error {
	if !fs.HasErrors() {
		return nil
	}
	return &ValidationError{Findings: fs}
}

// ErrInvalid is matched (errors.Is) by every *ValidationError.
var ErrInvalid = errors.New("juesuan: the document breaks audit rules")

// ValidationError carries the findings of a document that has errors.
type ValidationError struct {
	Findings Findings // every finding, errors and the rest
}

// Error counts the errors and quotes the first one.
func (e *ValidationError) Error() string {
	n := e.Findings.Count(Error)
	first := ""
	for _, f := range e.Findings {
		if f.Severity == Error {
			first = f.String()
			break
		}
	}
	return fmt.Sprintf("%d error(s); first: %s", n, first)
}

// Is reports whether target is ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// CompareRuleIDs orders rule IDs naturally, for catalogues: by their letter
// prefix, then by number (A2 before A10), then as strings. It returns a
// negative number, zero or a positive number, as slices.SortFunc expects.
func CompareRuleIDs(a, b string) int {
	pa, na := splitRuleID(a)
	pb, nb := splitRuleID(b)
	switch {
	case pa != pb:
		return strings.Compare(pa, pb)
	case na != nb:
		return cmp.Compare(na, nb)
	}
	return strings.Compare(a, b)
}

// splitRuleID splits a rule ID into its prefix and trailing number.
func splitRuleID(id string) (prefix string, n int) {
	i := len(id)
	for i > 0 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	for _, c := range id[i:] {
		n = n*10 + int(c-'0')
		if n > 1e6 {
			break
		}
	}
	return id[:i], n
}
