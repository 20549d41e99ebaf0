package indicators

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const (
	fixturePath   = "testdata/panzhihua-performance.json"
	referencePath = "testdata/reference.txt"
	goldenPath    = "testdata/reference-findings.golden.json"
)

// loadReference decodes a fresh copy of the reference performance section.
func loadReference(t testing.TB) *Performance {
	t.Helper()
	b, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p Performance
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("%s: %v", fixturePath, err)
	}
	return &p
}

var bookmark = regexp.MustCompile(`\[bookmark: [^\]]*\]`)

// referenceText is the reference document without its "[bookmark: …]"
// conversion artefacts.
func referenceText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(referencePath)
	if err != nil {
		t.Fatal(err)
	}
	return bookmark.ReplaceAllString(string(b), "")
}

// referenceOptions are the options the root package passes for the
// reference document: its profile's framework and the 项目支出 of its
// 支出决算表 (70.50 万元, stated in the narrative "项目支出70.50万元").
func referenceOptions() Options {
	return Options{FrameworkID: Sichuan2020, ProjectExpenditure: amount.MustParse("70.50")}
}

func TestReferenceRoundTrip(t *testing.T) {
	want, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	p := loadReference(t)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("decode+encode is not byte-identical (-file +encoded):\n%s", diff)
	}
}

// amountKeys are the JSON keys whose string values are figures.
var amountKeys = map[string]bool{"total": true, "budget": true, "actual": true, "amount": true, "initial": true,
	"current": true, "prior": true, "change": true, "changePercent": true, "basic": true, "project": true}

// TestReferenceNothingInvented walks the fixture: every text occurs in the
// reference document verbatim, and every figure occurs there as a number
// (a negative change as the figure after 减少/下降).
func TestReferenceNothingInvented(t *testing.T) {
	ref := referenceText(t)
	b, err := os.ReadFile(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(path, key string, v any)
	walk = func(path, key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(path+"/"+k, k, e)
			}
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s/%d", path, i), key, e)
			}
		case float64:
			n++
			if s := fmt.Sprint(x); !containsNumber(ref, s) {
				t.Errorf("%s: %s does not occur in the reference", path, s)
			}
		case string:
			n++
			_, isAmount := amountKeys[key]
			if isAmount && regexp.MustCompile(`^-?[0-9.]+$`).MatchString(x) {
				if !containsNumber(ref, strings.TrimPrefix(x, "-")) {
					t.Errorf("%s: figure %s does not occur in the reference", path, x)
				}
				return
			}
			if !strings.Contains(ref, x) {
				t.Errorf("%s: text does not occur verbatim in the reference: %q", path, x)
			}
		}
	}
	walk("", "", doc)
	if n < 300 {
		t.Errorf("only %d values checked; the fixture looks truncated", n)
	}
}

// containsNumber reports whether num occurs in s as a whole number (not as
// part of a longer figure).
func containsNumber(s, num string) bool {
	re := regexp.MustCompile(`(^|[^0-9.])` + regexp.QuoteMeta(num) + `($|[^0-9]|\.[^0-9])`)
	return re.MatchString(s)
}

var indicatorLine = regexp.MustCompile(`(?m)^\t\s*指标[0-9]+：`)

// TestReferenceComplete checks that every indicator row of the reference is
// in the fixture, in printed order, under the 一级/二级 cells printed for it,
// with its target, actual value and 完成率 in the cells that follow its name.
func TestReferenceComplete(t *testing.T) {
	ref := referenceText(t)
	p := loadReference(t)
	rows := 0
	check := func(label string, inds []Indicator, withRate bool) {
		pos := 0
		prev := Indicator{}
		for i, in := range inds {
			rows++
			needle := in.Name + "\n\t" + in.Target + "\n\t" + in.Actual + "\n"
			if withRate {
				needle += "\t" + in.Rate + "\n\t" + in.Deviation + "\n"
			}
			k := strings.Index(ref[pos:], needle)
			if k < 0 {
				t.Errorf("%s row %d (%s): name, target and actual not found in this order after offset %d", label, i, in.Name, pos)
				continue
			}
			at := pos + k
			before := strings.TrimRight(ref[:at], " ")
			switch {
			case i == 0 || in.Level2 != prev.Level2:
				if !strings.HasSuffix(before, "\t"+in.Level2+"\n\t") {
					t.Errorf("%s row %d (%s): 二级 cell %q is not printed before it", label, i, in.Name, in.Level2)
				}
				if i == 0 || in.Level1 != prev.Level1 {
					if !strings.HasSuffix(before, "\t"+in.Level1+"\n\t"+in.Level2+"\n\t") {
						t.Errorf("%s row %d (%s): 一级 cell %q is not printed before it", label, i, in.Name, in.Level1)
					}
				}
			default:
				if !strings.HasSuffix(before, "\t\n\t") {
					t.Errorf("%s row %d (%s): the 二级 cell before it is not empty, but the fixture continues %q", label, i, in.Name, in.Level2)
				}
			}
			pos, prev = at+len(needle), in
		}
	}
	for i := range p.Projects {
		check(fmt.Sprintf("projects/%d", i), p.Projects[i].Indicators, false)
	}
	for i := range p.Evaluations {
		check(fmt.Sprintf("evaluations/%d", i), p.Evaluations[i].Indicators, true)
	}
	if want := len(indicatorLine.FindAllString(ref, -1)); rows != want {
		t.Errorf("fixture has %d indicator rows, the reference prints %d", rows, want)
	}
}

// TestReferenceFindings validates the reference performance section and
// compares the findings with the golden file (go test -update rewrites it).
func TestReferenceFindings(t *testing.T) {
	got := Validate(loadReference(t), referenceOptions())
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	golden := filepath.FromSlash(goldenPath)
	if *update {
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(b)); diff != "" {
		t.Errorf("findings differ from %s (-want +got):\n%s", golden, diff)
	}
	// The reference has exactly two genuine cross-table defects.
	if diff := cmp.Diff([]string{RuleSameTarget, RuleSameActual}, got.Rules(0)); diff != "" {
		t.Errorf("rules fired on the reference (-want +got):\n%s", diff)
	}
}
