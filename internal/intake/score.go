package intake

import (
	"strings"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/sheet"
)

// Titles are the texts of a workbook that may name a table, folded as
// titleCandidates folds them: the sheets' names and the title rows (a row
// of one or two cells whose first is a short text) among the first rows
// of a sheet or holding 表. They are read once and shared by the profiles
// a workbook is scored against.
type Titles struct{ set map[string]bool }

// titleRows is how many rows at the top of a sheet are read for titles
// without 表.
const titleRows = 10

// TitlesOf reads the titles of wb.
func TitlesOf(wb *sheet.Workbook) *Titles {
	t := &Titles{set: map[string]bool{}}
	add := func(s string) {
		if utf8.RuneCountInString(s) > 80 {
			return
		}
		for _, c := range titleCandidates(s) {
			t.set[c] = true
		}
	}
	for _, s := range wb.Sheets {
		add(s.Name)
		for _, a := range s.Above {
			add(a)
		}
		for r, row := range s.Rows {
			first, n := "", 0
			for _, c := range row {
				if c.Value == "" {
					continue
				}
				if v := cellText(c); v != "" {
					if n++; n > 2 {
						break
					}
					if n == 1 {
						first = v
					}
				}
			}
			if n >= 1 && n <= 2 && (r < titleRows || strings.Contains(first, "表")) {
				add(first)
			}
		}
	}
	return t
}

// Score counts the public tables of ts whose own title (as the profile
// words it) names a sheet or a title row: the evidence that the workbook
// follows the profile.
func (t *Titles) Score(ts []Table) int {
	n := 0
	for _, tb := range ts {
		if tb.Internal {
			continue
		}
		tl := accounts.LayoutOf(tb.Key)
		if tl == nil {
			continue
		}
		title := tb.Title
		if title == "" {
			title = tl.Title
		}
		if t.set[norm(title)] {
			n++
		}
	}
	return n
}
