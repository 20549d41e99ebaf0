//go:build ignore

// gen.go writes tables.go from the CSV files in internal/data.
// Run it with `go generate ./classification`.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/cnfiscal/juesuan/classification/internal/gen"
)

func main() {
	out := flag.String("output", "tables.go", "file to write")
	data := flag.String("data", "internal/data", "directory holding the catalogue CSV files")
	flag.Parse()
	src, err := gen.Generate(os.DirFS(*data))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
