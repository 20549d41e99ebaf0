package juesuan

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReflectTree checks that the figure tree RenderHTML builds from the
// Go value (reflectTree) is the tree encoding/json writes and reads back
// (jsonTree), on every test document that decodes.
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
