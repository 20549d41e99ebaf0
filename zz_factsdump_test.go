package juesuan

import (
	"encoding/json"
	"os"
	"testing"
)

func TestZZFactsDump(t *testing.T) {
	d, err := DecodeFile("accounts/narrative/testdata/central-2024.json")
	if err != nil { t.Fatal(err) }
	d.Calculate()
	b, _ := json.MarshalIndent(NarrativeFacts(d), "", " ")
	os.WriteFile("/tmp/facts2.json", b, 0644)
}
