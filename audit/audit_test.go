package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSeverityText(t *testing.T) {
	for _, s := range []Severity{Info, Warning, Error} {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("round trip of %v: %v, %v", s, back, err)
		}
	}
	var s Severity
	if err := s.UnmarshalText([]byte("fatal")); err == nil {
		t.Errorf("unknown severity accepted")
	}
	if got := []string{Info.Title(), Warning.Title(), Error.Title()}; !cmp.Equal(got, []string{"信息", "提示性", "强制性"}) {
		t.Errorf("titles = %v", got)
	}
}

func TestReporterConfig(t *testing.T) {
	cfg := &Config{
		Disabled: map[string]bool{"B8": true},
		Severity: map[string]Severity{"K2": Error},
		Explain: []Explanation{
			{Rule: "B10", Path: "/tables/threePublic", Text: "三公经费部分由项目支出列支"},
			{Rule: "A1", Text: "explanations never excuse errors"},
		},
	}
	r := NewReporter(cfg)
	r.Report(Finding{Rule: "B8", Severity: Error, Path: "/x"})
	r.Report(Finding{Rule: "K2", Severity: Warning, Path: "/tables/income/rows/0/name"})
	r.Report(Finding{Rule: "B10", Severity: Warning, Path: "/tables/threePublic"})
	r.Report(Finding{Rule: "B10", Severity: Warning, Path: "/tables/govFundThreePublic"})
	r.Report(Finding{Rule: "A1", Severity: Error, Path: "/tables/summary"})
	got := r.Findings()
	// Sorted by path; B8 is switched off; K2 is raised to an error; only the
	// B10 warning at the explained path is explained; A1 stays an error.
	want := Findings{
		{Rule: "B10", Severity: Warning, Path: "/tables/govFundThreePublic"},
		{Rule: "K2", Severity: Error, Path: "/tables/income/rows/0/name"},
		{Rule: "A1", Severity: Error, Path: "/tables/summary"},
		{Rule: "B10", Severity: Warning, Path: "/tables/threePublic", Explanation: "三公经费部分由项目支出列支"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if !r.Enabled("A1") || r.Enabled("B8") {
		t.Errorf("Enabled is wrong")
	}
}

func TestFindingsErr(t *testing.T) {
	fs := Findings{{Rule: "K2", Severity: Warning}, {Rule: "A3", Severity: Info}}
	if err := fs.Err(); err != nil {
		t.Fatalf("warnings only: Err = %v", err)
	}
	fs = append(fs, Finding{Rule: "A1", Severity: Error, Path: "/tables/summary/income/grandTotal", Message: "收入总计不等"})
	err := fs.Err()
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("errors.Is(ErrInvalid) false for %v", err)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Findings) != 3 {
		t.Fatalf("errors.As: %v", err)
	}
	if diff := cmp.Diff([]string{"A1", "K2"}, fs.Rules(Warning)); diff != "" {
		t.Errorf("Rules(Warning): %s", diff)
	}
	if fs.Count(Error) != 1 || !fs.HasErrors() {
		t.Errorf("Count/HasErrors wrong")
	}
}

// TestFindingJSON: the wire shape of `juesuan validate --format json`:
// expected and actual always present, the narrative fields only when set.
func TestFindingJSON(t *testing.T) {
	tests := []struct {
		name string
		f    Finding
		want string
	}{
		{"figures", Finding{Rule: "A6", Severity: Error, Path: "/tables/income/rows/0/total", Message: "m", Expected: "1", Actual: "2"},
			`{"rule":"A6","severity":"error","path":"/tables/income/rows/0/total","message":"m","expected":"1","actual":"2"}`},
		{"no figure", Finding{Rule: "S1", Severity: Warning, Path: "/tables/x", Message: "m"},
			`{"rule":"S1","severity":"warning","path":"/tables/x","message":"m","expected":"","actual":""}`},
		{"narrative, explained", Finding{Rule: "T1", Severity: Warning, Path: "", Message: "m", Explanation: "e", Line: 3, Column: 7, Quote: "q"},
			`{"rule":"T1","severity":"warning","path":"","message":"m","expected":"","actual":"","explanation":"e","line":3,"column":7,"quote":"q"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(b)); diff != "" {
				t.Errorf("wire shape (-want +got):\n%s", diff)
			}
			var back Finding
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.f, back); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPointer(t *testing.T) {
	tests := []struct {
		tokens []any
		want   string
	}{
		{[]any{"tables", "income", "rows", 3, "fiscal"}, "/tables/income/rows/3/fiscal"},
		{[]any{"tables", "extra", "a/b~c"}, "/tables/extra/a~1b~0c"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := Pointer(tt.tokens...); got != tt.want {
			t.Errorf("Pointer(%v) = %q, want %q", tt.tokens, got, tt.want)
		}
	}
}

func ExampleFindings_Err() {
	fs := Findings{
		{Rule: "K2", Severity: Warning, Path: "/tables/income/rows/0/name", Message: "科目名称与2020年度目录不一致"},
		{Rule: "A1", Severity: Error, Path: "/tables/summary/income/grandTotal", Message: "收入总计应为630.78万元，实为630.80万元"},
	}
	err := fs.Err()
	fmt.Println(errors.Is(err, ErrInvalid))
	var ve *ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Findings {
			fmt.Println(f)
		}
	}
	// Output:
	// true
	// warning K2 /tables/income/rows/0/name: 科目名称与2020年度目录不一致
	// error A1 /tables/summary/income/grandTotal: 收入总计应为630.78万元，实为630.80万元
}

func TestSortByPosition(t *testing.T) {
	fs := Findings{
		{Rule: "C15", Line: 645, Column: 89},
		{Rule: "C5", Line: 48, Column: 18},
		{Rule: "C12", Line: 82, Column: 61},
		{Rule: "C11", Line: 82, Column: 61},
	}
	fs.SortByPosition()
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Rule))
	}
	want := []string{"48:18 C5", "82:61 C11", "82:61 C12", "645:89 C15"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("order (-want +got):\n%s", d)
	}
}

func TestCompareRuleIDs(t *testing.T) {
	want := []string{"A1", "A2", "A10", "A16", "B1", "B13", "C2", "C10", "K1", "P0", "P11", "S5", "SX1", "SX2"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, CompareRuleIDs)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if CompareRuleIDs("A1", "A1") != 0 {
		t.Error("A1 does not equal itself")
	}
}

// TestReportIdempotent: reporting a reporter's findings into another with
// the same configuration changes nothing (the root package collects a
// package's findings, made under the profile's configuration, this way).
func TestReportIdempotent(t *testing.T) {
	cfg := &Config{
		Disabled: map[string]bool{"A2": true},
		Severity: map[string]Severity{"A1": Warning, "A3": Error, "A4": Info},
		Explain:  []Explanation{{Rule: "A1", Text: "first"}, {Rule: "A1", Text: "second"}, {Rule: "A5", Path: "/x", Text: "at x"}},
	}
	first := NewReporter(cfg)
	for _, f := range []Finding{
		{Rule: "A1", Severity: Error, Path: "/a"},
		{Rule: "A2", Severity: Error, Path: "/b"},
		{Rule: "A3", Severity: Warning, Path: "/c"},
		{Rule: "A4", Severity: Warning, Path: "/d"},
		{Rule: "A5", Severity: Warning, Path: "/x"},
		{Rule: "A5", Severity: Warning, Path: "/y"},
		{Rule: "A6", Severity: Info, Path: "/z"},
	} {
		first.Report(f)
	}
	once := first.Findings()
	again := NewReporter(cfg)
	for _, f := range once {
		again.Report(f)
	}
	if diff := cmp.Diff(once, again.Findings()); diff != "" {
		t.Errorf("reported twice (-once +twice):\n%s", diff)
	}
	if len(once) != 6 || once[0].Explanation != "first" {
		t.Errorf("configuration not applied: %v", once)
	}
}
