package central

import (
	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/indicators"
	"github.com/cnfiscal/juesuan/profiles/internal/shared"
)

// ID is the profile ID documents name in their "profile" field.
const ID = "central-2024"

// Profile returns a fresh copy of the profile (not registered: Register it
// under another ID, or change it first, for a profile of your own).
func Profile() *juesuan.Profile {
	return &juesuan.Profile{
		ID:             ID,
		Title:          "中央/上海部门决算公开（9张表，2018—2026年度）",
		Jurisdiction:   "中央（上海模板）",
		FiscalYear:     FiscalYear,
		Years:          juesuan.Years{First: FirstYear, Last: LastYear},
		Editions:       editions(),
		Tables:         tables(),
		Framework:      FrameworkID,
		Rules:          rules(),
		Accounts:       accountsOptions(),
		Narrative:      Patterns(),
		NarrativeStyle: shared.CentralStyle(),
		Places:         places(),
		ChecklistItems: shared.Checklist(),
		Charts:         shared.Charts(),
	}
}

func init() {
	if err := indicators.RegisterBands(Bands(), BandsName, "shanghai"); err != nil {
		panic(err) // a broken built-in is a programming error
	}
	if err := juesuan.Register(Profile()); err != nil {
		panic(err)
	}
}
