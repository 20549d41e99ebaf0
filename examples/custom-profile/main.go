// Command custom-profile shows a province adding its own profile to juesuan
// from Go, without forking the library: 陕西省 2020 publishes, besides the
// usual tables, a “三公”经费及会议费、培训费支出决算表.
//
// The program clones the built-in sichuan-2020 profile, gives it a new ID,
// adds that table (with its columns, so that documents carry it under
// tables/extra and the JSON Schema describes it), adds a rule SX1 that checks
// the table's 合计 column, switches rule B8 off (it ties a Sichuan-only table),
// registers the profile and validates a small document, then prints the
// findings and the added table's JSON Schema.
//
// Run it with: go run ./examples/custom-profile
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/indicators"
	_ "github.com/cnfiscal/juesuan/profiles" // the built-in profiles
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// Shaanxi2020 is the ID of the example profile.
const Shaanxi2020 = "shaanxi-2020"

// meetingTable is the key of the added table under tables/extra.
const meetingTable = "threePublicMeetingTraining"

// parts are the columns that add up to 合计 in the added table.
var parts = []juesuan.ColumnSpec{
	{Key: "abroad", Title: "因公出国（境）费"},
	{Key: "vehiclePurchase", Title: "公务用车购置费"},
	{Key: "vehicleOperation", Title: "公务用车运行维护费"},
	{Key: "reception", Title: "公务接待费"},
	{Key: "meeting", Title: "会议费"},
	{Key: "training", Title: "培训费"},
}

// shaanxi2020 builds the profile from the built-in sichuan-2020 one.
func shaanxi2020() (*juesuan.Profile, error) {
	base, err := juesuan.LookupProfile(sichuan2020.ID)
	if err != nil {
		return nil, err
	}
	p := base.Clone()
	p.ID = Shaanxi2020
	p.Title = "陕西省2020年度部门决算公开（示例配置）"
	p.Jurisdiction = "陕西省"
	p.Framework = indicators.National
	p.AddTable(juesuan.TableSpec{
		Key:         meetingTable,
		Number:      "十五",
		Title:       "“三公”经费及会议费、培训费支出决算表",
		Description: "陕西2020年公开表：“三公”经费与会议费、培训费的预算数和决算数。",
		Required:    true,
		Columns:     append([]juesuan.ColumnSpec{{Key: "total", Title: "合计"}}, parts...),
	})
	p.AddRule(juesuan.Rule{
		Rule: audit.Rule{ID: "SX1", Severity: audit.Error, Kind: audit.Intra,
			Title:       "“三公”经费及会议费、培训费合计",
			Description: "每一行的合计等于因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费、会议费与培训费之和。",
			Source:      "[I] 陕西2020公开表表样"},
		Check: checkMeetingTotals,
	})
	p.Disable("B8")
	return p, nil
}

// checkMeetingTotals is rule SX1: 合计 = Σ parts in every row of the added
// table, with the profile's rounding-aware tolerance.
func checkMeetingTotals(d *juesuan.Document, c *juesuan.Checker) {
	t := d.Tables.Extra[meetingTable]
	if t == nil {
		return // rule S1 reports the missing table
	}
	for i, row := range t.Rows {
		addends := make([]amount.Amount, len(parts))
		for j, col := range parts {
			addends[j] = row.Values[col.Key]
		}
		total := row.Values["total"]
		cmp := c.Tolerance().CompareSum(d.Unit.AmountUnit, total, addends...)
		switch cmp.Outcome {
		case amount.Mismatch:
			c.Add(audit.Finding{Path: audit.Pointer("tables", "extra", meetingTable, "rows", i, "values", "total"),
				Message:  fmt.Sprintf("%s合计为%s，各项之和为%s，相差%s", row.Name, total, cmp.Sum, cmp.Diff),
				Expected: cmp.Sum.String(), Actual: total.String()})
		case amount.Rounding:
			c.Add(audit.Finding{Severity: audit.Info, Path: audit.Pointer("tables", "extra", meetingTable, "rows", i, "values", "total"),
				Message:  fmt.Sprintf("%s合计为%s，各项之和为%s，舍入差异%s", row.Name, total, cmp.Sum, cmp.Diff),
				Expected: cmp.Sum.String(), Actual: total.String()})
		}
	}
}

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

// run registers the profile, validates the document and prints the
// findings about the added table and rule, then the table's schema title.
func run(w io.Writer) error {
	p, err := shaanxi2020()
	if err != nil {
		return err
	}
	if err := juesuan.Register(p); err != nil {
		return err
	}
	d, err := juesuan.Decode(strings.NewReader(document))
	if err != nil {
		return err
	}
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
	b, err := juesuan.Schema(Shaanxi2020, juesuan.Draft2020, "extra."+meetingTable)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "schema extra.%s: %d bytes\n", meetingTable, len(b))
	return nil
}
