package intake

import (
	"slices"

	"github.com/cnfiscal/juesuan/sheet"
)

// Score counts the public tables of ts whose own title (as the profile
// words it) names a sheet or a title row of wb: the evidence that the
// workbook follows the profile.
func Score(wb *sheet.Workbook, ts []Table) int {
	found := map[string]bool{}
	for _, f := range forms(ts) {
		want := norm(f.title)
		hit := func(s string) bool { return slices.Contains(titleCandidates(s), want) }
		for _, s := range wb.Sheets {
			if hit(s.Name) {
				found[f.key] = true
			}
			for r := range s.Rows {
				if _, texts := rowTexts(s, r); len(texts) > 0 && len(texts) <= 2 && hit(texts[0]) {
					found[f.key] = true
				}
			}
		}
	}
	return len(found)
}
