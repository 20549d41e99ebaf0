package juesuan_test

import (
	"encoding/json"
	"fmt"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/profiles/central"
)

// ExampleProfile_Schema exports the draft-07 schema of the 三公 table of the
// central 2024 template, for a form generator.
func ExampleProfile_Schema() {
	p, err := juesuan.LookupProfile(central.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := p.Schema(juesuan.Draft07, "threePublic")
	if err != nil {
		fmt.Println(err)
		return
	}
	var s struct {
		Schema     string `json:"$schema"`
		Title      string `json:"title"`
		Properties struct {
			Actual struct {
				Title      string `json:"title"`
				Properties struct {
					Reception struct {
						Title   string `json:"title"`
						Type    string `json:"type"`
						Pattern string `json:"pattern"`
					} `json:"reception"`
				} `json:"properties"`
			} `json:"actual"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		fmt.Println(err)
		return
	}
	r := s.Properties.Actual.Properties.Reception
	fmt.Println(s.Schema)
	fmt.Println(s.Title)
	fmt.Println(s.Properties.Actual.Title, "/", r.Title, r.Type)
	// Output:
	// http://json-schema.org/draft-07/schema#
	// 财政拨款“三公”经费支出决算表
	// 决算数 / 公务接待费 string
}

// ExampleProfile_SchemaTypes lists what juesuan schema --type accepts for a
// profile.
func ExampleProfile_SchemaTypes() {
	p, err := juesuan.LookupProfile(central.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	types, err := p.SchemaTypes()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(types)
	// Output:
	// [document summary income expenditure fiscalSummary generalBudget generalBudgetBasic threePublic govFund stateCapital z01 z01_1 z07 f03 performance]
}
