// Command custom-profile shows a province adding its own profile to juesuan
// without forking the library: package shaanxi2020 (in this folder) is a
// profile written like the built-in ones, a folder that registers itself
// when imported. 陕西省 2020 publishes, besides the usual tables, a
// “三公”经费及会议费、培训费支出决算表; the profile adds that table, a rule SX1
// on its 合计 column, and switches rule B8 off.
//
// The program imports the profile (one import line), validates a small
// document, then prints the findings and the added table's JSON Schema.
//
// Run it with: go run ./examples/custom-profile
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/examples/custom-profile/shaanxi2020"
)

// document is a small Shaanxi document (a fictitious unit): its 预算数 row
// adds up, its 决算数 row is 0.10 万元 short, so SX1 fires once. Its other
// tables are left out, so S1 reports them.
const document = `{
  "profile": "shaanxi-2020",
  "unit": {"name": "示例单位（虚构）", "fiscalYear": 2020, "amountUnit": "万元"},
  "tables": {
    "extra": {
      "threePublicMeetingTraining": {
        "rows": [
          {"code": "1", "name": "预算数", "values": {"total": "12.00", "abroad": "0", "vehiclePurchase": "0",
            "vehicleOperation": "3.00", "reception": "2.00", "meeting": "4.00", "training": "3.00"}},
          {"code": "2", "name": "决算数", "values": {"total": "10.50", "abroad": "0", "vehiclePurchase": "0",
            "vehicleOperation": "2.80", "reception": "1.60", "meeting": "3.50", "training": "2.50"}}
        ]
      }
    }
  }
}`

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "custom-profile:", err)
		os.Exit(1)
	}
}

// run validates the document with the profile it names and prints the
// findings about the added table and rule, then the table's schema size.
func run(w io.Writer) error {
	p, err := juesuan.LookupProfile(shaanxi2020.ID)
	if err != nil {
		return err
	}
	d, err := juesuan.Decode(strings.NewReader(document))
	if err != nil {
		return err
	}
	d.Calculate()
	findings, err := juesuan.Validate(d)
	if err != nil {
		return err
	}
	missing := 0
	for _, f := range findings {
		switch {
		case f.Rule == "S1":
			missing++ // the tables this small example leaves out
		case f.Rule == "SX1" || strings.HasPrefix(f.Path, "/tables/extra/"):
			fmt.Fprintln(w, f)
		}
	}
	fmt.Fprintf(w, "S1: %d required tables missing\n", missing)
	for _, r := range p.RuleCatalog() {
		if r.ID == "B8" {
			return fmt.Errorf("B8 is still in the rule catalogue")
		}
	}
	fmt.Fprintln(w, "B8 switched off")
	b, err := p.Schema(juesuan.Draft2020, "extra."+shaanxi2020.MeetingTable)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "schema extra.%s: %d bytes\n", shaanxi2020.MeetingTable, len(b))
	return nil
}
