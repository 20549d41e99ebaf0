package juesuan_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/google/go-cmp/cmp"
)

// concurrencyWorkers is the number of goroutines that validate at once.
const concurrencyWorkers = 64

// concurrencyDocs are the documents validated concurrently: those of the
// benchmarks (the reference fixture and two large generated documents) and
// the small consistent fixture. Each is validated with every profile of the
// test, whichever profile it names.
func concurrencyDocs(t *testing.T) []benchDoc {
	t.Helper()
	docs := append([]benchDoc(nil), benchDocs(t)...)
	small, err := os.ReadFile("testdata/sichuan-2020/small-consistent.json")
	if err != nil {
		t.Fatal(err)
	}
	return append(docs, benchDoc{name: "small-consistent", data: small})
}

// concurrencyProfile is a profile registered before the goroutines start:
// a clone of sichuan-2020 with a rule switched off, a severity changed and
// a document-level rule added, so that validation with it differs from
// validation with the built-ins.
func concurrencyProfile(id string) (*juesuan.Profile, error) {
	base, err := juesuan.LookupProfile(sichuan2020.ID)
	if err != nil {
		return nil, err
	}
	p := base.Clone()
	p.ID = id
	p.Disable("S1")
	p.SetSeverity("S4", audit.Warning)
	p.AddRule(juesuan.Rule{
		Rule: audit.Rule{ID: "X-CONC", Severity: audit.Info, Kind: audit.Structure, Title: "单位名称已填列"},
		Check: func(c *juesuan.Context) {
			d := c.Document
			if d.Unit.Name != "" {
				c.Add(audit.Finding{Path: audit.Pointer("unit", "name"), Message: "单位名称：" + d.Unit.Name})
			}
		},
	})
	return p, nil
}

// registerConcurrencyProfile registers concurrencyProfile(id).
func registerConcurrencyProfile(id string) error {
	p, err := concurrencyProfile(id)
	if err != nil {
		return err
	}
	return juesuan.Register(p)
}

// concurrencyRuns numbers the runs of TestConcurrentValidation (-count),
// which register profiles under new IDs each time.
var concurrencyRuns atomic.Int64

// validateFresh decodes data, calculates and validates it with profile id.
func validateFresh(data []byte, id string) (audit.Findings, error) {
	d, err := juesuan.DecodeBytes(data)
	if err != nil {
		return nil, err
	}
	d.Calculate()
	p, err := juesuan.LookupProfile(id)
	if err != nil {
		return nil, err
	}
	return p.Validate(d)
}

// TestConcurrentValidation validates many documents at once with several
// profiles, while other goroutines look codes up in the shared catalogues
// and register new profiles, and checks that every result equals the
// sequential one. Run it with -race: the documents validated without
// Calculate are shared by all goroutines, so a write by Validate, the
// profiles or the catalogues shows up as a race.
func TestConcurrentValidation(t *testing.T) {
	docs := concurrencyDocs(t)
	extra := fmt.Sprintf("concurrency-test-%d", concurrencyRuns.Add(1))
	if err := registerConcurrencyProfile(extra); err != nil {
		t.Fatal(err)
	}
	profiles := []string{sichuan2020.ID, central.ID, extra}

	// Sequential results: fresh (decoded + calculated) and shared (decoded
	// once, validated as decoded).
	shared := make([]*juesuan.Document, len(docs))
	want := map[[2]string]audit.Findings{}
	for i, bd := range docs {
		d, err := juesuan.DecodeBytes(bd.data)
		if err != nil {
			t.Fatal(err)
		}
		shared[i] = d
		for _, id := range profiles {
			f, err := validateFresh(bd.data, id)
			if err != nil {
				t.Fatalf("%s with %s: %v", bd.name, id, err)
			}
			want[[2]string{"fresh/" + bd.name, id}] = f
			p, _ := juesuan.LookupProfile(id)
			if f, err = p.Validate(d); err != nil {
				t.Fatal(err)
			}
			want[[2]string{"shared/" + bd.name, id}] = f
		}
	}
	snapshot := encodeAll(t, shared)

	// Catalogue look-ups: expected answers from a sequential pass.
	fc, err := classification.Edition(classification.Functional, 2020)
	if err != nil {
		t.Fatal(err)
	}
	codes := []string{"201", "20103", "2010301", "208", "20805", "221", "2210201", "999", "2019999", "20a"}
	wantLookup := make([]string, len(codes))
	for i, c := range codes {
		wantLookup[i] = lookupAnswer(fc, c)
	}
	fresh := classification.NewRegistry() // its editions are built on first use, concurrently

	var (
		mu     sync.Mutex
		got    = map[[2]string][]audit.Findings{}
		errs   []string
		wg     sync.WaitGroup
		newIDs = make([]string, concurrencyWorkers)
		// planned counts the validations the workers set out to do.
		planned atomic.Int64
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		errs = append(errs, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	for w := range concurrencyWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each worker registers a profile of its own and looks the
			// others up while they are being registered.
			id := fmt.Sprintf("%s-w%02d", extra, w)
			newIDs[w] = id
			if err := registerConcurrencyProfile(id); err != nil {
				fail("Register(%s): %v", id, err)
			}
			_ = juesuan.ProfileIDs()
			if _, err := juesuan.LookupProfile(fmt.Sprintf("%s-w%02d", extra, (w+1)%concurrencyWorkers)); err != nil && !errors.Is(err, juesuan.ErrUnknownProfile) {
				fail("LookupProfile: %v", err)
			}

			for k := range 3 {
				i := (w + k) % len(docs)
				if strings.HasPrefix(docs[i].name, "large") && (w%8 != 0 || testing.Short()) {
					continue // a few workers suffice for the large documents: -race is slow
				}
				planned.Add(2)
				id := profiles[(w/len(docs)+k)%len(profiles)]
				f, err := validateFresh(docs[i].data, id)
				if err != nil {
					fail("%s with %s: %v", docs[i].name, id, err)
					continue
				}
				p, err := juesuan.LookupProfile(id)
				if err != nil {
					fail("LookupProfile(%s): %v", id, err)
					continue
				}
				fs, err := p.Validate(shared[i])
				if err != nil {
					fail("shared %s with %s: %v", docs[i].name, id, err)
					continue
				}
				mu.Lock()
				got[[2]string{"fresh/" + docs[i].name, id}] = append(got[[2]string{"fresh/" + docs[i].name, id}], f)
				got[[2]string{"shared/" + docs[i].name, id}] = append(got[[2]string{"shared/" + docs[i].name, id}], fs)
				mu.Unlock()
			}

			for k := range 200 {
				j := (w + k) % len(codes)
				if a := lookupAnswer(fc, codes[j]); a != wantLookup[j] {
					fail("Lookup(%s) = %s, want %s", codes[j], a, wantLookup[j])
				}
			}
			for _, year := range []int{2020, 2024} {
				eds, err := fresh.EditionsFor(year)
				if err != nil {
					fail("EditionsFor(%d): %v", year, err)
					continue
				}
				if eds.Functional == nil || eds.Functional.Len() == 0 {
					fail("EditionsFor(%d): empty functional edition", year)
				}
			}
		}()
	}
	wg.Wait()
	for _, e := range errs {
		t.Error(e)
	}

	n := 0
	for key, results := range got {
		for _, f := range results {
			n++
			if diff := cmp.Diff(want[key], f); diff != "" {
				t.Errorf("%s with %s: concurrent result differs from sequential (-want +got):\n%s", key[0], key[1], diff)
			}
		}
	}
	if int64(n) != planned.Load() || n < concurrencyWorkers {
		t.Errorf("%d concurrent validations compared, want %d (at least %d)", n, planned.Load(), concurrencyWorkers)
	}
	if diff := cmp.Diff(snapshot, encodeAll(t, shared)); diff != "" {
		t.Errorf("Validate changed the shared documents (-before +after):\n%s", diff)
	}
	// Every profile registered concurrently is there and validates like the
	// one registered first (apart from its ID, nothing differs).
	ids := map[string]bool{}
	for _, id := range juesuan.ProfileIDs() {
		ids[id] = true
	}
	for _, id := range newIDs {
		if !ids[id] {
			t.Errorf("profile %s registered concurrently is missing", id)
		}
	}
	p, err := juesuan.LookupProfile(newIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	f, err := p.Validate(shared[0])
	if err != nil {
		t.Fatal(err)
	}
	for i := range f { // S4 names the profile the document was checked with
		f[i].Message = strings.ReplaceAll(f[i].Message, newIDs[0], extra)
		f[i].Expected = strings.ReplaceAll(f[i].Expected, newIDs[0], extra)
	}
	if diff := cmp.Diff(want[[2]string{"shared/" + docs[0].name, extra}], f); diff != "" {
		t.Errorf("profile %s validates differently from %s (-want +got):\n%s", newIDs[0], extra, diff)
	}
}

// lookupAnswer summarises a catalogue look-up and a Check as a string.
func lookupAnswer(c *classification.Catalog, code string) string {
	e, ok := c.Lookup(code)
	check := "ok"
	if err := c.Check(code); err != nil {
		check = err.Error()
	}
	return fmt.Sprintf("%v %s %s %s | %s", ok, e.Code, e.Name, e.Parent, check)
}

func encodeAll(t *testing.T, docs []*juesuan.Document) []string {
	t.Helper()
	out := make([]string, len(docs))
	for i, d := range docs {
		var b bytes.Buffer
		if err := juesuan.Encode(&b, d); err != nil {
			t.Fatal(err)
		}
		out[i] = b.String()
	}
	return out
}
