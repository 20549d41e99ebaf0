package juesuan_test

// The benchmark suite of issue 8. Every figure it produces is read as a
// ratio against a baseline measured in the same run (see .ci/bench.sh,
// which writes BENCHMARKS.md):
//
//   - BenchmarkDocument/<doc>/…: decoding with encoding/json (the baseline)
//     and with juesuan.Decode, against Calculate+Validate on a fresh copy,
//     Validate alone, and a generic JSON Schema validator
//     (santhosh-tekuri/jsonschema/v6) checking the same JSON against the
//     exported schema. <doc> is the reference fixture and a document of
//     the fixture generator with at least 2,000 项 rows.
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
	"sync"
	"testing"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts/fixture"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// referenceFixture is the reference document of the Sichuan 2020 profile.
const referenceFixture = "testdata/sichuan-2020/panzhihua-chengdu-office.json"

// largeRows is the least number of 项 rows the large document carries.
const largeRows = 2000

// benchDoc is one document the benchmarks run on, in its encoded form.
type benchDoc struct {
	name string
	data []byte
}

var benchDocsOnce = sync.OnceValues(func() ([]benchDoc, error) {
	ref, err := os.ReadFile(referenceFixture)
	if err != nil {
		return nil, err
	}
	large, err := largeDocument()
	if err != nil {
		return nil, err
	}
	return []benchDoc{{"reference", ref}, {"large", large}}, nil
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
			if bd.name == "large" {
				if n := countItemRows(d); n < largeRows {
					t.Fatalf("large document has %d 项 rows, want ≥ %d", n, largeRows)
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
			if _, err := juesuan.Validate(d); err != nil {
				t.Fatal(err)
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

// schemaFor compiles the exported JSON Schema of a profile from schemas/.
func schemaFor(tb testing.TB, profile string) *jsonschema.Schema {
	tb.Helper()
	path := filepath.Join("schemas", profile+".schema.json")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("no exported schema for %s: %v", profile, err)
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

// BenchmarkDocument compares, per document, decoding against checking.
//
//	JSONUnmarshal      encoding/json.Unmarshal into juesuan.Document (baseline)
//	Decode             juesuan.DecodeBytes (strict decoder)
//	CalculateValidate  (*Document).Calculate then juesuan.Validate on a fresh copy
//	Validate           juesuan.Validate on a document already calculated
//	SchemaValidate     jsonschema/v6 Schema.Validate of the parsed JSON value
//	SchemaParseValidate jsonschema.UnmarshalJSON + Schema.Validate of the bytes
//	DecodeCalculateValidate juesuan.DecodeBytes + Calculate + Validate
func BenchmarkDocument(b *testing.B) {
	for _, bd := range benchDocs(b) {
		b.Run(bd.name, func(b *testing.B) {
			benchDocument(b, bd)
		})
	}
}

func benchDocument(b *testing.B, bd benchDoc) {
	data := bd.data
	proto, err := juesuan.DecodeBytes(data)
	if err != nil {
		b.Fatal(err)
	}
	profile, err := juesuan.LookupProfile(proto.Profile)
	if err != nil {
		b.Fatal(err)
	}

	b.Run("JSONUnmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var d juesuan.Document
			if err := json.Unmarshal(data, &d); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("Decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := juesuan.DecodeBytes(data); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("CalculateValidate", func(b *testing.B) {
		// Calculate changes the document, so every iteration gets a copy
		// decoded beforehand with the timer stopped, a batch at a time
		// (stopping the timer per iteration would cost more than a small
		// document's validation).
		batch := 64
		if len(data) > 256<<10 {
			batch = 8
		}
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		b.StopTimer()
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
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := profile.Validate(calculated); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("DecodeCalculateValidate", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
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

	sch := schemaFor(b, proto.Profile)
	parsed, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	if err := sch.Validate(parsed); err != nil {
		b.Fatalf("schema rejects the document: %v", err)
	}

	b.Run("SchemaValidate", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if err := sch.Validate(parsed); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("SchemaParseValidate", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
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
// provincial department (fixture.Large) and encodes it. TestBenchDocuments
// checks that it has at least largeRows 项 rows.
func largeDocument() ([]byte, error) {
	d, _, err := fixture.Generate(fixture.Options{Profile: juesuan.Sichuan2020, Seed: 2020, Size: fixture.Large})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := juesuan.Encode(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
