package juesuan

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/internal/intake"
	"github.com/cnfiscal/juesuan/internal/render"
)

// TestReflectTree checks that the figure tree RenderHTML builds from the
// Go value (reflectTree) is the tree encoding/json writes and reads back
// (jsonTree), on every test document that decodes.
// testDocuments are the test documents that decode, and their files.
func testDocuments(t *testing.T) ([]*Document, []string) {
	t.Helper()
	var docs []*Document
	var names []string
	for _, dir := range []string{"testdata/sichuan-2020", "testdata/invalid", "testdata/workbooks", "testdata/pdf/rendered"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			d, err := DecodeFile(f)
			if err != nil {
				continue // structurally invalid on purpose
			}
			docs, names = append(docs, d), append(names, f)
		}
	}
	if len(docs) < 10 {
		t.Fatalf("only %d test documents decode", len(docs))
	}
	return docs, names
}

// treeValue is what a tree node is as an intake.Source reports it.
func treeValue(x any) (string, intake.Kind) {
	switch x := x.(type) {
	case nil:
		return "", intake.Absent
	case string:
		return x, intake.String
	case json.Number:
		return string(x), intake.Number
	case map[string]any:
		return "", intake.Object
	}
	return "", intake.Other
}

// TestValueSource checks the figures RenderHTML reads straight from the Go
// value (valueSource) against the tree encoding/json writes (jsonTree) on
// every test document: the value at the pointer of every node of the tree
// (and of a member no node has), the length of every array, and the grids
// and charts laid out from either, after calculation and before.
func TestValueSource(t *testing.T) {
	docs, names := testDocuments(t)
	for i, d := range docs {
		for _, calc := range []bool{false, true} {
			t.Run(names[i]+"/calculated="+strconv.FormatBool(calc), func(t *testing.T) {
				if calc {
					d.Calculate()
				}
				tree, err := jsonTree(&d.Report)
				if err != nil {
					t.Fatal(err)
				}
				src := &valueSource{root: reflect.ValueOf(&d.Report).Elem()}
				n := 0
				var walk func(ptr string, x any)
				walk = func(ptr string, x any) {
					n++
					ws, wk := treeValue(x)
					if gs, gk := src.Value(ptr); gs != ws || gk != wk {
						t.Errorf("Value(%s) = %q, %d; the tree holds %q, %d", ptr, gs, gk, ws, wk)
					}
					switch x := x.(type) {
					case map[string]any:
						if s, k := src.Value(ptr + "/noSuchMember"); k != intake.Absent {
							t.Errorf("Value(%s/noSuchMember) = %q, %d, want absent", ptr, s, k)
						}
						for k, v := range x {
							walk(ptr+"/"+k, v)
						}
					case []any:
						if got := src.Len(ptr); got != len(x) {
							t.Errorf("Len(%s) = %d, the tree has %d", ptr, got, len(x))
						}
						for k, v := range x {
							walk(ptr+"/"+strconv.Itoa(k), v)
							if m, ok := v.(map[string]any); ok {
								for f, fv := range m {
									ws, wk := treeValue(fv)
									if gs, gk := src.Elem(ptr, k, f); gs != ws || gk != wk {
										t.Errorf("Elem(%s, %d, %s) = %q, %d; the tree holds %q, %d", ptr, k, f, gs, gk, ws, wk)
									}
								}
							}
						}
					}
				}
				for k, v := range tree {
					walk("/"+k, v)
				}
				if src.failed {
					t.Fatal("valueSource does not handle the document (RenderHTML would go through the tree)")
				}
				if n < 20 {
					t.Fatalf("only %d nodes walked", n)
				}
				p, err := LookupProfile(d.Profile)
				if err != nil {
					return
				}
				its := intakeTables(p, false)
				tables, _ := tree["tables"].(map[string]any)
				want := intake.GridsOf(tables, string(d.Unit.AmountUnit), its)
				got := intake.GridsFrom(src, string(d.Unit.AmountUnit), its)
				if diff := cmp.Diff(want, got, cmp.Exporter(func(reflect.Type) bool { return true })); diff != "" {
					t.Errorf("grids (-tree +value):\n%s", diff)
				}
				for _, c := range p.Charts {
					want := render.Resolve(renderSpec(c), tree, d.Unit.FiscalYear)
					got := render.Resolve(renderSpec(c), src, d.Unit.FiscalYear)
					if diff := cmp.Diff(want, got, cmp.Exporter(func(reflect.Type) bool { return true })); diff != "" {
						t.Errorf("chart %s (-tree +value):\n%s", c.ID, diff)
					}
				}
				if src.failed {
					t.Fatal("valueSource failed on the grids or charts")
				}
			})
		}
	}
}

func TestReflectTree(t *testing.T) {
	var docs []*Document
	var names []string
	for _, dir := range []string{"testdata/sichuan-2020", "testdata/invalid", "testdata/workbooks", "testdata/pdf/rendered"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			d, err := DecodeFile(f)
			if err != nil {
				continue // structurally invalid on purpose
			}
			docs, names = append(docs, d), append(names, f)
		}
	}
	if len(docs) < 10 {
		t.Fatalf("only %d test documents decode", len(docs))
	}
	for i, d := range docs {
		t.Run(names[i], func(t *testing.T) {
			want, err := jsonTree(&d.Report)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := reflectTree(reflect.ValueOf(&d.Report).Elem())
			if !ok {
				t.Fatal("reflectTree does not handle the document (RenderHTML would go through encoding/json)")
			}
			if diff := cmp.Diff(map[string]any(want), got); diff != "" {
				t.Errorf("reflectTree (-encoding/json +reflect):\n%s", diff)
			}
		})
	}
}

// TestRenderHTMLConcurrent renders the reference from several goroutines
// at once (the per-form pointers and the compiled paths are shared caches,
// cold when the test runs alone) and checks each result against a render
// made after them; run it with -race.
func TestRenderHTMLConcurrent(t *testing.T) {
	d, err := DecodeFile("testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		t.Fatal(err)
	}
	d.Calculate()
	type result struct {
		b   []byte
		err error
	}
	res := make(chan result, 4)
	for range 4 {
		go func() {
			var b bytes.Buffer
			err := RenderHTML(&b, d, RenderOptions{})
			res <- result{b.Bytes(), err}
		}()
	}
	got := make([]result, 4)
	for i := range got {
		got[i] = <-res
	}
	var want bytes.Buffer
	if err := RenderHTML(&want, d, RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(want.Bytes(), []byte(`data-ptr="/tables/summary/income/generalBudget"`)) {
		t.Fatal("the reference renders without its figures")
	}
	for i, r := range got {
		switch {
		case r.err != nil:
			t.Errorf("render %d: %v", i, r.err)
		case !bytes.Equal(r.b, want.Bytes()):
			t.Errorf("render %d differs from the render made after", i)
		}
	}
}
