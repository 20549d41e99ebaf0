package juesuan_test

// The benchmark suite of issue 8. Every figure it produces is read as a
// ratio against a baseline measured in the same run (see .ci/bench.sh,
// which writes BENCHMARKS.md):
//
//   - BenchmarkDocument/<doc>/…: decoding with encoding/json (the baseline)
//     and with juesuan.Decode, against Calculate+Validate on a fresh copy,
//     Validate alone, and a generic JSON Schema validator
//     (santhosh-tekuri/jsonschema/v6) checking the same JSON against the
//     exported schema. <doc> is the reference fixture or one of two
//     documents of the fixture generator with at least 2,000 项 rows (see
//     benchDocsOnce).
//   - BenchmarkCatalogLookup: classification.Catalog.Lookup through the
//     public API (target ≤ 50 ns/op, 0 allocs).
//
// Peak memory of batch validation is measured by .ci/peakmem in a process
// of its own, since a benchmark shares its heap with the test binary.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// referenceFixture is the reference document of the Sichuan 2020 profile.
const referenceFixture = "testdata/sichuan-2020/panzhihua-chengdu-office.json"

// largeRows is the least number of 项 rows the large document carries.
const largeRows = 2000

// benchDoc is one document the benchmarks run on, in its encoded form, and
// the profile it is validated with.
type benchDoc struct {
	name    string
	data    []byte
	profile *juesuan.Profile
	// want says which findings Validate may report (after Calculate), so
	// that the benchmarks measure a known path: "no errors", "none" or "K1".
	want string
	// brief documents run only the decode baseline and the validations.
	brief bool
}

// The documents:
//
//   - reference: the reference fixture, validated with sichuan-2020 (no
//     error; warnings such as K2 where the printed 科目名称 differs from the
//     catalogue);
//   - large: a provincial department from the fixture generator with
//     thousands of 项 rows, whose 项 codes the profile's catalogue knows
//     (fixture.SyntheticProfile: sichuan-2020 with synthetic 项 added), so it
//     validates without a finding: the path of a correct document;
//   - large-k1: the same kind of document drawn from the embedded catalogue,
//     which lists only a few dozen 项, so every other 项 row gets a K1
//     warning: the cost of thousands of findings.
var benchDocsOnce = sync.OnceValues(func() ([]benchDoc, error) {
	sichuan, err := juesuan.LookupProfile(sichuan2020.ID)
	if err != nil {
		return nil, err
	}
	ref, err := os.ReadFile(referenceFixture)
	if err != nil {
		return nil, err
	}
	// Same ID as the built-in, so the document names its profile (S4 stays
	// quiet) and the exported sichuan-2020 schema applies; it is never
	// registered.
	synthetic, err := fixture.SyntheticProfile(sichuan, sichuan2020.ID, fixture.DefaultLargeItems)
	if err != nil {
		return nil, err
	}
	large, err := largeDocument(*synthetic.Editions)
	if err != nil {
		return nil, err
	}
	largeK1, err := largeDocument(classification.Editions{})
	if err != nil {
		return nil, err
	}
	return []benchDoc{
		{"reference", ref, sichuan, "no errors", false},
		{"large", large, synthetic, "none", false},
		{"large-k1", largeK1, sichuan, "K1", true},
	}, nil
})

func benchDocs(tb testing.TB) []benchDoc {
	tb.Helper()
	docs, err := benchDocsOnce()
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// countItemRows counts the 项 rows (7-digit function codes) of a document.
func countItemRows(d *juesuan.Document) int {
	n := 0
	code := func(c classification.FuncCode) {
		if c.Level() == classification.Item {
			n++
		}
	}
	t := &d.Tables
	if t.Income != nil {
		for _, r := range t.Income.Rows {
			code(r.Code)
		}
	}
	if t.Expenditure != nil {
		for _, r := range t.Expenditure.Rows {
			code(r.Code)
		}
	}
	if t.GeneralBudget != nil {
		for _, r := range t.GeneralBudget.Rows {
			code(r.Code)
		}
	}
	if t.StateCapitalExpenditure != nil {
		for _, r := range t.StateCapitalExpenditure.Rows {
			code(r.Code)
		}
	}
	if t.GovFund != nil {
		for _, r := range t.GovFund.Rows {
			code(r.Code)
		}
	}
	if t.StateCapital != nil {
		for _, r := range t.StateCapital.Rows {
			code(r.Code)
		}
	}
	if t.Z011 != nil {
		for _, r := range t.Z011.Rows {
			code(r.Code)
		}
	}
	return n
}

// TestBenchDocuments checks what the benchmarks rely on: both documents
// decode strictly, the large one has at least largeRows 项 rows, Validate
// runs on them, and encoding/json decodes them to the same value.
func TestBenchDocuments(t *testing.T) {
	for _, bd := range benchDocs(t) {
		t.Run(bd.name, func(t *testing.T) {
			d, err := juesuan.DecodeBytes(bd.data)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(bd.name, "large") {
				if n := countItemRows(d); n < largeRows {
					t.Fatalf("%s document has %d 项 rows, want ≥ %d", bd.name, n, largeRows)
				}
			}
			var plain juesuan.Document
			if err := json.Unmarshal(bd.data, &plain); err != nil {
				t.Fatal(err)
			}
			if !equalJSON(t, d, &plain) {
				t.Fatal("encoding/json and juesuan.Decode disagree")
			}
			d.Calculate()
			fs, err := bd.profile.Validate(d)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, f := range fs {
				got[f.Rule+" "+f.Severity.String()]++
			}
			want := map[string]int{}
			switch bd.want {
			case "no errors": // warnings and infos as they are
				for k, n := range got {
					if !strings.HasSuffix(k, " error") {
						want[k] = n
					}
				}
			case "K1": // K1 warnings only, a thousand or more
				if got["K1 warning"] < 1000 {
					t.Errorf("%d K1 warnings, want ≥ 1000", got["K1 warning"])
				}
				want["K1 warning"] = got["K1 warning"]
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings by rule and severity (-want +got):\n%s", diff)
			}
		})
	}
}

// equalJSON compares two documents by their encoding (Amount keeps
// unexported state that cmp cannot see through without options).
func equalJSON(t testing.TB, a, b *juesuan.Document) bool {
	t.Helper()
	var x, y bytes.Buffer
	if err := juesuan.Encode(&x, a); err != nil {
		t.Fatal(err)
	}
	if err := juesuan.Encode(&y, b); err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(x.Bytes(), y.Bytes())
}

// schemaFor compiles the exported JSON Schema (draft 2020-12, the
// canonical export) of a profile's documents from schemas/.
func schemaFor(tb testing.TB, profile string) *jsonschema.Schema {
	tb.Helper()
	path := filepath.Join("schemas", profile+".document.2020-12.json") // as WriteSchemas names it
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("the exported schema of %s: %v", profile, err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	url := "file:///" + filepath.ToSlash(path)
	if err := c.AddResource(url, doc); err != nil {
		tb.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		tb.Fatalf("compile %s: %v", path, err)
	}
	return sch
}

// TestSchemaAcceptsBenchDocuments makes sure the schema comparison measures
// the success path: the schema validator accepts both documents.
func TestSchemaAcceptsBenchDocuments(t *testing.T) {
	for _, bd := range benchDocs(t) {
		t.Run(bd.name, func(t *testing.T) {
			d, err := juesuan.DecodeBytes(bd.data)
			if err != nil {
				t.Fatal(err)
			}
			sch := schemaFor(t, d.Profile)
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(bd.data))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(v); err != nil {
				t.Fatalf("schema rejects the %s document: %v", bd.name, err)
			}
			// And it does check: a malformed amount is rejected.
			v.(map[string]any)["unit"].(map[string]any)["amountUnit"] = "两"
			if err := sch.Validate(v); err == nil {
				t.Fatal("schema accepts amountUnit 两")
			}
			v.(map[string]any)["unit"].(map[string]any)["amountUnit"] = "万元"
			v.(map[string]any)["tables"].(map[string]any)["summary"].(map[string]any)["income"].(map[string]any)["total"] = "1e999999999"
			if err := sch.Validate(v); err == nil {
				t.Fatal("schema accepts the amount 1e999999999")
			}
		})
	}
}

// freshCopies decodes n copies of data, for benchmarks whose operation
// changes the document (Calculate fills absent figures).
func freshCopies(b *testing.B, data []byte, n int) []*juesuan.Document {
	out := make([]*juesuan.Document, n)
	for i := range out {
		d, err := juesuan.DecodeBytes(data)
		if err != nil {
			b.Fatal(err)
		}
		out[i] = d
	}
	return out
}

// BenchmarkDocument compares, per document (see benchDocsOnce), decoding
// against checking:
//
//	JSONUnmarshal            encoding/json.Unmarshal into juesuan.Document (the baseline)
//	Decode                   juesuan.DecodeBytes (the strict decoder)
//	CalculateValidate        (*Document).Calculate, then (*Profile).Validate, on a fresh copy
//	Validate                 (*Profile).Validate of a document already calculated
//	ValidateCoverage         (*Profile).ValidateWith of it, recording the coverage ledger
//	DecodeCalculateValidate  the three in a row, from the bytes
//	SchemaValidate           jsonschema/v6 Schema.Validate of the already-parsed JSON value
//	SchemaParseValidate      jsonschema.UnmarshalJSON of the bytes, then Schema.Validate
//
// The brief document (large-k1) runs only JSONUnmarshal, CalculateValidate
// and Validate.
func BenchmarkDocument(b *testing.B) {
	for _, bd := range benchDocs(b) {
		b.Run(bd.name, func(b *testing.B) {
			benchDocument(b, bd)
		})
	}
}

func benchDocument(b *testing.B, bd benchDoc) {
	data, profile := bd.data, bd.profile
	size := int64(len(data))

	b.Run("JSONUnmarshal", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			var d juesuan.Document
			if err := json.Unmarshal(data, &d); err != nil {
				b.Fatal(err)
			}
		}
	})

	if !bd.brief {
		b.Run("Decode", func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := juesuan.DecodeBytes(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}

	b.Run("CalculateValidate", func(b *testing.B) {
		// Calculate changes the document, so every iteration gets a copy
		// decoded beforehand with the timer stopped, a batch at a time
		// (stopping the timer per iteration would cost more than a small
		// document's validation).
		batch := 64
		if size > 256<<10 {
			batch = 8
		}
		b.SetBytes(size)
		b.ReportAllocs()
		var docs []*juesuan.Document
		for i := 0; i < b.N; i++ {
			if len(docs) == 0 {
				b.StopTimer()
				docs = freshCopies(b, data, min(batch, b.N-i))
				b.StartTimer()
			}
			d := docs[0]
			docs[0] = nil
			docs = docs[1:]
			d.Calculate()
			if _, err := profile.Validate(d); err != nil {
				b.Fatal(err)
			}
		}
	})

	calculated, err := juesuan.DecodeBytes(data)
	if err != nil {
		b.Fatal(err)
	}
	calculated.Calculate()

	b.Run("Validate", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := profile.Validate(calculated); err != nil {
				b.Fatal(err)
			}
		}
	})

	// ValidateCoverage is Validate with the coverage ledger recorded
	// (ValidateWith, ValidateOptions.Coverage): its cost over Validate.
	b.Run("ValidateCoverage", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := profile.ValidateWith(calculated, juesuan.ValidateOptions{Coverage: true}); err != nil {
				b.Fatal(err)
			}
		}
	})

	if bd.brief {
		return
	}

	b.Run("DecodeCalculateValidate", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			d, err := juesuan.DecodeBytes(data)
			if err != nil {
				b.Fatal(err)
			}
			d.Calculate()
			if _, err := profile.Validate(d); err != nil {
				b.Fatal(err)
			}
		}
	})

	sch := schemaFor(b, calculated.Profile)
	parsed, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	if err := sch.Validate(parsed); err != nil {
		b.Fatalf("schema rejects the document: %v", err)
	}

	b.Run("SchemaValidate", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if err := sch.Validate(parsed); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("SchemaParseValidate", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			if err := sch.Validate(v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCatalogLookup looks function codes of every level, and one that
// is not in the catalogue, up in the 2020 edition through the public API.
func BenchmarkCatalogLookup(b *testing.B) {
	for _, fam := range []struct {
		name  string
		f     classification.Family
		codes []string
	}{
		{"Functional", classification.Functional, []string{"201", "20103", "2010301", "221", "2210201", "208", "999"}},
		{"EconDept", classification.EconDept, []string{"301", "30101", "302", "30201", "310", "399", "998"}},
	} {
		b.Run(fam.name, func(b *testing.B) {
			cat, err := classification.Edition(fam.f, 2020)
			if err != nil {
				b.Fatal(err)
			}
			codes := fam.codes
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				e, ok := cat.Lookup(codes[i%len(codes)])
				if ok && e.Code == "" {
					b.Fatal("empty entry")
				}
			}
		})
	}
}

// largeDocument generates a consistent sichuan-2020 document of a
// provincial department (fixture.Large) with codes from eds (the zero value:
// the embedded editions) and encodes it. TestBenchDocuments checks that it
// has at least largeRows 项 rows.
func largeDocument(eds classification.Editions) ([]byte, error) {
	d, _, err := fixture.Generate(fixture.Options{Profile: sichuan2020.ID, Seed: 2020, Size: fixture.Large, Catalogs: eds})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := juesuan.Encode(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
