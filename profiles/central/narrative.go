package central

import (
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/profiles/internal/shared"
)

// Patterns returns a fresh copy of the 情况说明 patterns of the
// central/Shanghai 2024 template. They are the set shared with
// sichuan-2020: the two templates' headings and labels overlap, and the set
// was collected over both.
func Patterns() *narrative.Patterns { return shared.Patterns() }
