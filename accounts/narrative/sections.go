package narrative

import (
	"strings"

	"github.com/cnfiscal/juesuan/audit"
)

// minParts is the number of parts (第X部分 …) of a whole disclosure's text
// (概况, 决算情况说明, 名词解释, 附表): G5 checks only a text with at least
// this many, not a fragment or a single part.
const minParts = 2

// Whole reports whether text reads as a whole disclosure, whose must-have
// sections rule G5 checks: at least two parts (第X部分 …) that the
// patterns' headings know. Lint does not check the sections of a fragment.
func (l *Linter) Whole(text []byte) (bool, error) {
	if len(text) > MaxSize {
		return false, &InputError{Line: 1, Reason: "text larger than 8 MiB"}
	}
	d, err := parse(text, l.pat)
	if err != nil {
		return false, err
	}
	return d.parts() >= minParts, nil
}

// parts counts the distinct known parts of d.
func (d *document) parts() int {
	seen := map[string]bool{}
	for _, p := range d.paras {
		if p.part != "" {
			seen[p.part] = true
		}
	}
	return len(seen)
}

// missingSections reports each section of the patterns' Required that no
// heading of the text opened (G5), in a whole disclosure (see Whole). A
// subsection's context counts for its section too ("other/procurement"
// opens "other"). Expected is the section's title.
func (r *run) missingSections() []audit.Finding {
	if len(r.l.pat.required) == 0 || r.d.parts() < minParts {
		return nil
	}
	seen := map[string]bool{}
	for _, p := range r.d.paras {
		r.m.add(0)
		for _, c := range [2]string{p.ctx, p.part} {
			if c == "" || c == unknownCtx || seen[c] {
				continue
			}
			seen[c] = true
			if top, _, ok := strings.Cut(c, "/"); ok {
				seen[top] = true
			}
		}
	}
	// The findings sit at the heading of the 决算情况说明 part, or at the
	// text's first paragraph.
	at := r.d.paras[0]
	for _, p := range r.d.paras {
		if p.level == 0 && p.part == "accounts" {
			at = p
			break
		}
	}
	loc := at.at(0)
	var out []audit.Finding
	for _, s := range r.l.pat.required {
		found := false
		for _, c := range s.Contexts {
			found = found || seen[c]
		}
		if found {
			continue
		}
		info := ruleInfo(RuleSections)
		out = append(out, audit.Finding{Rule: RuleSections, Severity: info.Severity,
			Message:  "情况说明缺少“" + s.Title + "”部分（无数据的部分也须保留并说明）",
			Expected: s.Title, Actual: "", Line: loc.line, Column: loc.col, Quote: quote(at.text, [2]int{0, len(at.text)}, 0)})
	}
	return out
}
