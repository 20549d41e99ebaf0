package sichuan2020

import (
	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/indicators"
	"github.com/cnfiscal/juesuan/profiles/internal/shared"
)

// ID is the profile ID documents name in their "profile" field.
const ID = "sichuan-2020"

// Profile returns a fresh copy of the profile (not registered: Register it
// under another ID, or change it first, for a profile of your own).
func Profile() *juesuan.Profile {
	return &juesuan.Profile{
		ID:             ID,
		Title:          "四川省2020年度部门决算公开（14张表）",
		Jurisdiction:   "四川省",
		FiscalYear:     FiscalYear,
		Editions:       editions(),
		Tables:         tables(),
		Framework:      FrameworkID,
		Rules:          rules(),
		Accounts:       accountsOptions(),
		Narrative:      Patterns(),
		NarrativeStyle: shared.SichuanStyle(),
		Places:         places(),
		ChecklistItems: shared.Checklist(),
		Charts:         shared.Charts(),
	}
}

func init() {
	if err := indicators.RegisterFramework(Framework()); err != nil {
		panic(err) // a broken built-in is a programming error
	}
	if err := indicators.RegisterMapping(ToNational()); err != nil {
		panic(err)
	}
	if err := juesuan.Register(Profile()); err != nil {
		panic(err)
	}
}
