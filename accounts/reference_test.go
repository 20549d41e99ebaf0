package accounts

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/cnfiscal/juesuan/audit"
)

const referencePath = "../testdata/sichuan-2020/panzhihua-chengdu-office.json"

// reference decodes the reference fixture (a juesuan document; the
// profile and other document fields are ignored here).
func reference(t testing.TB) *Report {
	t.Helper()
	b, err := os.ReadFile(referencePath)
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func cloneReport(t testing.TB, r *Report) *Report {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var c Report
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// TestReference: the reference fixture validates with no error, before and
// after Calculate.
func TestReference(t *testing.T) {
	r := reference(t)
	o := Options{Catalogs: editions(t, 2020)}
	for _, stage := range []string{"as written", "calculated"} {
		if stage == "calculated" {
			r.Calculate()
		}
		fs := Validate(r, o)
		if fs.HasErrors() {
			t.Errorf("%s: errors:\n%v", stage, fs)
		}
		for _, f := range fs {
			if f.Severity != audit.Error {
				t.Logf("%s: %s", stage, f)
			}
		}
	}
	// Calculate derives the 款 rows the narrative leaves out.
	if got := r.Tables.GeneralBudget.Rows[1].Total.String(); got != "410.37" {
		t.Errorf("20103 total after Calculate = %s, want 410.37", got)
	}
}
