package accounts

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestProbeRef(t *testing.T) {
	b, err := os.ReadFile("../testdata/sichuan-2020/panzhihua-chengdu-office.json")
	if err != nil {
		t.Skip(err)
	}
	var r Report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	o := Options{Catalogs: editions(t, 2020)}
	fmt.Println("--- before Calculate")
	for _, f := range Validate(&r, o) {
		fmt.Println(f)
	}
	r.Calculate()
	fmt.Println("--- after Calculate")
	for _, f := range Validate(&r, o) {
		fmt.Println(f)
	}
	out, _ := json.MarshalIndent(r.Tables.GeneralBudget, "", " ")
	fmt.Println(string(out))
}
