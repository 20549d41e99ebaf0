package main

import (
	"os"

	"github.com/cnfiscal/juesuan"
)

func main() {
	for _, f := range os.Args[1:] {
		d, err := juesuan.DecodeFile(f)
		if err != nil {
			panic(err)
		}
		out, err := os.Create(f)
		if err != nil {
			panic(err)
		}
		if err := juesuan.Encode(out, d); err != nil {
			panic(err)
		}
		out.Close()
	}
}
