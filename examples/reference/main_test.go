package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const fixture = "../../testdata/sichuan-2020/panzhihua-chengdu-office.json"

// TestMatchesFixture checks that the document built in Go is the reference
// fixture: the same figures, the same absent figures (a stated 0 and an
// absent figure differ), the same decimal places. The performance section is
// not built here and is ignored.
func TestMatchesFixture(t *testing.T) {
	want, err := juesuan.DecodeFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	got := referenceDocument()
	opts := cmp.Options{
		cmp.Comparer(func(x, y amount.Amount) bool { return x.IsSet() == y.IsSet() && x.String() == y.String() }),
		cmp.Comparer(func(x, y amount.Count) bool {
			xv, xok := x.Value()
			yv, yok := y.Value()
			return xok == yok && xv == yv
		}),
		cmpopts.IgnoreFields(juesuan.Document{}, "Performance"),
		cmpopts.EquateEmpty(),
	}
	if d := cmp.Diff(want, got, opts); d != "" {
		t.Errorf("Go-built document differs from %s (-fixture +Go):\n%s", fixture, d)
	}
}

// TestRun runs the program's code and compares its output with the findings
// of the decoded fixture without its performance section (which the program
// does not build): one line per finding, then the counts, and no error.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	d, err := juesuan.DecodeFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	d.Performance = nil
	d.Calculate()
	fs, err := juesuan.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, f := range fs {
		fmt.Fprintln(&want, f)
	}
	fmt.Fprintf(&want, "攀枝花市人民政府驻成都办事处: 0 error(s), %d warning(s), %d info(s)\n",
		fs.Count(audit.Warning), fs.Count(audit.Info))
	if d := cmp.Diff(want.String(), out.String()); d != "" {
		t.Errorf("output (-want +got):\n%s", d)
	}
	if fs.HasErrors() {
		t.Errorf("the reference document has errors: %v", fs.Err())
	}
}
