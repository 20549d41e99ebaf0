package sichuan2023

import (
	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/indicators"
	"github.com/cnfiscal/juesuan/profiles/internal/shared"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// ID is the profile ID documents name in their "profile" field.
const ID = "sichuan-2023"

// FiscalYear is the year of the documents package fixture generates.
const FiscalYear = 2023

// FirstYear and LastYear are the fiscal years the sources date the 13-table
// set to: 2023
// (S7) and 2024 (S6).
const FirstYear, LastYear = 2023, 2024

// Profile returns a fresh copy of the profile (not registered: Register it
// under another ID, or change it first, for a profile of your own). Codes
// are checked against the embedded classification editions of each
// document's own year; performance sections against the national
// framework (产出/效益/满意度指标), which replaced the 2018–2020 Sichuan
// names (domain.md §4.2 [B]).
func Profile() *juesuan.Profile {
	return &juesuan.Profile{
		ID:             ID,
		Title:          "四川省部门决算公开（13张表，2023—2024年度）",
		Jurisdiction:   "四川省",
		FiscalYear:     FiscalYear,
		Years:          juesuan.Years{First: FirstYear, Last: LastYear},
		Tables:         tables(),
		Framework:      indicators.National,
		Rules:          rules(),
		Accounts:       accountsOptions(),
		Narrative:      shared.Patterns(),
		NarrativeStyle: shared.SichuanStyle(),
		Places:         sichuan2020.Profile().Places,
		ChecklistItems: shared.Checklist(),
		Charts:         shared.Charts(),
	}
}

func init() {
	if err := juesuan.Register(Profile()); err != nil {
		panic(err) // a broken built-in is a programming error
	}
}
