package juesuan

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/google/go-cmp/cmp"
)

// TestFactsDifferential compares the old hand-written fact table with the
// derived one (temporary).
func TestFactsDifferential(t *testing.T) {
	var files []string
	for _, g := range []string{"testdata/sichuan-2020/*.json", "testdata/invalid/*.json", "accounts/narrative/testdata/*.json"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if d := os.Getenv("FACTS_FIXTURES"); d != "" {
		for _, dir := range strings.Split(d, ":") {
			m, _ := filepath.Glob(filepath.Join(dir, "*[0-9].json"))
			files = append(files, m...)
		}
	}
	n, same, decodeErr := 0, 0, 0
	for _, f := range files {
		d, err := DecodeFile(f)
		if err != nil {
			decodeErr++
			continue
		}
		n++
		old, nw := oldNarrativeFacts(d), narrativeFacts(d)
		if cmp.Equal(old, nw, all) {
			same++
		}
		if diff := cmp.Diff(byID(old), byID(nw), all); diff != "" {
			t.Errorf("%s: facts differ (-old +new):\n%s", f, diff)
		}
		if diff := cmp.Diff(rowsOf(old), rowsOf(nw)); diff != "" {
			t.Errorf("%s: row facts order differs:\n%s", f, diff)
		}
		if diff := cmp.Diff(old.Indicators, nw.Indicators, all); diff != "" || old.Year != nw.Year || old.Unit != nw.Unit {
			t.Errorf("%s: indicators/year/unit differ:\n%s", f, diff)
		}
	}
	t.Logf("%d documents compared (%d not decoded), %d identical including order", n, decodeErr, same)
}

func byID(f *narrative.Facts) map[string]narrative.Fact {
	out := map[string]narrative.Fact{}
	for _, it := range f.Items {
		if _, dup := out[it.ID]; dup {
			panic("dup " + it.ID)
		}
		out[it.ID] = it
	}
	return out
}

func rowsOf(f *narrative.Facts) []string {
	var out []string
	for _, it := range f.Items {
		if it.Code != "" {
			out = append(out, it.ID)
		}
	}
	return out
}

var all = cmp.Exporter(func(reflect.Type) bool { return true })
