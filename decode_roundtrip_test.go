package juesuan

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// cmpDocument compares documents: amounts by value (their Equal method),
// other types with unexported fields (amount.Count, …) field by field, and a
// nil slice or map like an empty one (encoding drops both).
var cmpDocument = cmp.Options{
	cmp.Exporter(func(reflect.Type) bool { return true }),
	cmpopts.EquateEmpty(),
}

// fixtureFiles returns every document fixture under testdata: the *.json
// files, except expected results (*.expected.json, golden*.json), input
// that Decode or the schema must reject (testdata/hostile other than
// hostile/valid-*.json, testdata/invalid-json, testdata/invalid-structural)
// and fuzz corpora. The rule-breaking variants in testdata/invalid are
// well-formed documents and are included.
func fixtureFiles(t testing.TB) []string {
	var files []string
	err := filepath.WalkDir("testdata", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := e.Name()
		if e.IsDir() {
			if name == "fuzz" || name == "invalid-json" || name == "invalid-structural" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".expected.json") || strings.HasPrefix(name, "golden") {
			return nil
		}
		if filepath.Base(filepath.Dir(path)) == "hostile" && !strings.HasPrefix(name, "valid-") {
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestRoundTrip decodes every fixture, re-encodes it byte for byte, and
// decodes the encoding back to an equal value.
func TestRoundTrip(t *testing.T) {
	files := fixtureFiles(t)
	if len(files) < 2 {
		t.Fatalf("found %d fixtures, want at least the two seeds in testdata/hostile", len(files))
	}
	for _, path := range files {
		t.Run(filepath.ToSlash(path), func(t *testing.T) {
			in, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d1, err := DecodeBytes(in)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := Encode(&out, d1); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(in, out.Bytes()) {
				t.Errorf("re-encoding differs from the fixture:\n%s", cmp.Diff(strings.Split(string(in), "\n"), strings.Split(out.String(), "\n")))
			}
			d2, err := DecodeBytes(out.Bytes())
			if err != nil {
				t.Fatalf("decoding the re-encoding: %v", err)
			}
			if diff := cmp.Diff(d1, d2, cmpDocument); diff != "" {
				t.Errorf("decoded values differ (-first +second):\n%s", diff)
			}
		})
	}
}

func TestEncodeNil(t *testing.T) {
	if err := Encode(&bytes.Buffer{}, nil); !errors.Is(err, ErrNilDocument) {
		t.Errorf("Encode(nil) = %v, want ErrNilDocument", err)
	}
}

// FuzzDecodeRoundTrip: decode → Calculate → Validate → Encode → Decode →
// Encode, then Calculate and Validate again → Encode. Nothing may panic;
// bad input gets a *DecodeError; what Encode writes decodes, and the
// encodings agree byte for byte.
func FuzzDecodeRoundTrip(f *testing.F) {
	for _, path := range fixtureFiles(f) {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, tc := range hostileCases() {
		if len(tc.in) <= 4096 && tc.opts == (DecodeOptions{}) {
			f.Add([]byte(tc.in))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d1, err := DecodeBytes(data)
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) || !errors.Is(err, ErrDecode) {
				t.Fatalf("error %v is not a *DecodeError", err)
			}
			if de.Offset < 0 || de.Offset > int64(len(data)) {
				t.Fatalf("offset %d outside the input of %d bytes", de.Offset, len(data))
			}
			return
		}
		d1.Calculate()
		_, _ = Validate(d1)
		var b1 bytes.Buffer
		if err := Encode(&b1, d1); err != nil {
			t.Fatalf("Encode after Calculate: %v", err)
		}
		d2, err := DecodeBytes(b1.Bytes())
		if err != nil {
			t.Fatalf("decoding our own encoding: %v\n%s", err, b1.Bytes())
		}
		if diff := cmp.Diff(d1, d2, cmpDocument); diff != "" {
			t.Fatalf("decoded value differs (-before +after):\n%s", diff)
		}
		var b2 bytes.Buffer
		if err := Encode(&b2, d2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
			t.Fatalf("encodings differ:\n%s", cmp.Diff(b1.String(), b2.String()))
		}
		d2.Calculate()
		_, _ = Validate(d2)
		var b3 bytes.Buffer
		if err := Encode(&b3, d2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b2.Bytes(), b3.Bytes()) {
			t.Fatalf("Calculate is not idempotent; encodings differ:\n%s", cmp.Diff(b2.String(), b3.String()))
		}
	})
}

// TestDecodeConcurrent decodes the fixtures from several goroutines at
// once: the shapes are shared and must not race (run with -race).
func TestDecodeConcurrent(t *testing.T) {
	files := fixtureFiles(t)
	var inputs [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
	}
	for _, tc := range hostileCases() {
		if len(tc.in) < 4096 {
			inputs = append(inputs, []byte(tc.in))
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range inputs {
				in := inputs[(i+g)%len(inputs)]
				d, err := DecodeBytes(in)
				if err == nil {
					var b bytes.Buffer
					if err := Encode(&b, d); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
}
