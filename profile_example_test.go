package juesuan_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// ExampleProfile_Clone adds a province's profile without forking: a clone
// of a built-in profile with a new ID, an added table, an added rule and a
// rule switched off. examples/custom-profile is the complete program.
func ExampleProfile_Clone() {
	base, err := juesuan.LookupProfile(sichuan2020.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := base.Clone()
	p.ID = "example-province-2020"
	p.AddTable(juesuan.TableSpec{Key: "meetings", Title: "会议费、培训费支出决算表", Required: true,
		Columns: []juesuan.ColumnSpec{{Key: "meeting", Title: "会议费"}, {Key: "training", Title: "培训费"}}})
	p.AddRule(juesuan.Rule{
		Rule: audit.Rule{ID: "EX1", Severity: audit.Warning, Kind: audit.Logic, Title: "会议费已填列",
			Description: "会议费、培训费支出决算表须填列会议费。"},
		Check: func(c *juesuan.Context) {
			d := c.Document
			if t := d.Tables.Extra["meetings"]; t != nil && !t.Total["meeting"].IsSet() {
				c.Add(audit.Finding{Path: "/tables/extra/meetings/total", Message: "会议费未填列"})
			}
		},
	})
	p.Disable("B8")
	if err := juesuan.Register(p); err != nil {
		fmt.Println(err)
		return
	}

	d, err := juesuan.Decode(strings.NewReader(`{"profile": "example-province-2020",
		"unit": {"name": "示例单位", "fiscalYear": 2020, "amountUnit": "万元"},
		"tables": {"extra": {"meetings": {"total": {"training": "1.00"}}}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	findings, err := juesuan.Validate(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(findings.Count(audit.Error), "errors (S1: the tables this example leaves out)")
	for _, f := range findings {
		if f.Rule != "S1" {
			fmt.Println(f)
		}
	}
	_, err = juesuan.LookupProfile("example-province-2021")
	fmt.Println(errors.Is(err, juesuan.ErrUnknownProfile))
	// Output:
	// 14 errors (S1: the tables this example leaves out)
	// warning EX1 /tables/extra/meetings/total: 会议费未填列
	// true
}
