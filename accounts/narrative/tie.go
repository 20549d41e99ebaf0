package narrative

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

var (
	markerRe   = regexp.MustCompile(`[（(](类|款|项)[）)]`)
	segSepRe   = regexp.MustCompile(`^[\s\-－—–_·、：:“”"]*(?:支出)?[\s\-－—–_·、：:“”"]*`)
	segStartRe = regexp.MustCompile(`[，,：:；;“"、。]`)
	distRe     = regexp.MustCompile(`分别|各`)
)

// tie resolves the subject of every claim to the facts it names.
func (l *Linter) tie(cs []*claim, ix *factIndex, year int, m *meter) {
	phrased := l.tiePhrases(cs, ix, year, m)
	for _, c := range cs {
		if !phrased[c] {
			l.tieOne(c, ix, year, m)
		}
	}
}

// tiePhrases ties the claims the phrase patterns name and returns them.
// cs are in text order, so the claims of a paragraph are a run of them.
func (l *Linter) tiePhrases(cs []*claim, ix *factIndex, year int, m *meter) map[*claim]bool {
	if len(l.pat.phrases) == 0 {
		return nil
	}
	var out map[*claim]bool
	for i := 0; i < len(cs); {
		p := cs[i].p
		j := i + 1
		for j < len(cs) && cs[j].p == p {
			j++
		}
		run := cs[i:j]
		i = j
		for _, ph := range l.pat.phrases {
			m.add(len(p.text))
			if !ph.re.holds(p.text) {
				continue
			}
			m.add(8 * len(p.text))
			for _, mt := range ph.re.FindAllStringSubmatchIndex(p.text, -1) {
				k := sort.Search(len(run), func(k int) bool { return run[k].off >= mt[2] })
				if k == len(run) || run[k].off != mt[2] {
					continue
				}
				c := run[k]
				if c.kind == percent || c.ambig {
					continue
				}
				if c.role == roleBudget {
					c.role, c.initial = roleCurrent, false
				}
				c.factIDs = []string{ph.Fact}
				c.fact = ix.byID[ph.Fact]
				c.tied = !c.notTable && (c.year == year || c.year == year-1)
				if out == nil {
					out = map[*claim]bool{}
				}
				out[c] = true
			}
		}
	}
	return out
}

// matchLabelM is matchLabel, remembered in m.
func (l *Linter) matchLabelM(m *meter, subj, ctx string, k kind, unit string) []string {
	key := labelKey{subj, ctx, unit, k}
	m.add(len(subj))
	if ids, ok := m.label[key]; ok {
		return ids
	}
	if m.label == nil {
		m.label = map[labelKey][]string{}
	}
	m.add(len(l.pat.labels) * len(subj))
	ids := l.matchLabel(subj, ctx, k, unit)
	m.label[key] = ids
	return ids
}

// rowFactM is rowFact, remembered in m.
func (l *Linter) rowFactM(m *meter, subj, ctx string, ix *factIndex) (*Fact, bool) {
	key := rowKey{subj, ctx}
	m.add(len(subj))
	if res, ok := m.row[key]; ok {
		return res.f, res.restate
	}
	if m.row == nil {
		m.row = map[rowKey]rowResult{}
	}
	m.add(16 * len(subj))
	f, restate := l.rowFact(subj, ctx, ix)
	m.row[key] = rowResult{f, restate}
	return f, restate
}

func (l *Linter) tieOne(c *claim, ix *factIndex, year int, m *meter) {
	if c.subj == "" || c.ambig {
		return
	}
	ctx := c.p.ctx
	k := c.kind
	if k == percent {
		k = money
	}
	if f, restate := l.rowFactM(m, c.subj, ctx, ix); f != nil {
		c.factIDs = []string{f.ID}
		c.fact = f
		c.row = true
		c.tied = restate && !c.notTable && (c.year == year || c.year == year-1)
		return
	}
	ids := l.matchLabelM(m, c.subj, ctx, k, c.unit)
	if len(ids) == 0 {
		return
	}
	if len(ids) > 1 && distRe.MatchString(c.p.text[c.clause:c.off]) || len(ids) > 1 && c.conn {
		g := c.group
		if g >= len(ids) {
			g = len(ids) - 1
		}
		ids = ids[g : g+1]
	}
	c.factIDs = ids
	c.fact = ix.byID[ids[0]]
	c.tied = !c.notTable && (c.year == year || c.year == year-1)
}

// matchLabel returns the fact IDs of the longest label pattern matching at
// the end of subj.
func (l *Linter) matchLabel(subj, ctx string, k kind, unit string) []string {
	best, bestLen := -1, -1
	var bestM []int
	for i := range l.pat.labels {
		lp := &l.pat.labels[i]
		if !ctxOK(lp.Contexts, ctx) {
			continue
		}
		if k == count {
			if lp.units == nil || !lp.units[unit] {
				continue
			}
		} else if lp.units != nil {
			continue
		}
		if !lp.re.mayMatch(subj) {
			continue
		}
		m := lp.re.FindStringSubmatchIndex(subj)
		if m == nil {
			continue
		}
		if n := m[1] - m[0]; n > bestLen {
			best, bestLen, bestM = i, n, m
		}
	}
	if best < 0 {
		return nil
	}
	lp := &l.pat.labels[best]
	if len(lp.Facts) == 0 {
		return nil
	}
	out := make([]string, len(lp.Facts))
	for i, id := range lp.Facts {
		if strings.Contains(id, "$") {
			id = string(lp.re.ExpandString(nil, id, subj, bestM))
		}
		out[i] = id
	}
	return out
}

func ctxOK(prefixes []string, ctx string) bool {
	if len(prefixes) == 0 || ctx == "" {
		return true
	}
	for _, p := range prefixes {
		if ctx == p || strings.HasPrefix(ctx, p+"/") {
			return true
		}
	}
	return false
}

// rowFact matches a 科目 name ("一般公共服务（类）支出-…-行政运行（项）", or a
// bare "行政运行") with a classification row. restate is true in a context
// where such names restate the rows (说明五, 八, 九); elsewhere the row is
// only identified, for the consistency check.
func (l *Linter) rowFact(subj, ctx string, ix *factIndex) (*Fact, bool) {
	if len(ix.rows) == 0 {
		return nil, false
	}
	prefix := ""
	for _, rc := range l.pat.rows {
		if ctxOK([]string{rc.Context}, ctx) {
			prefix = rc.Prefix
			break
		}
	}
	names, levels := segments(subj)
	var cands []*Fact
	if len(names) > 0 {
		last := names[len(names)-1]
		digits := 3 + 2*levels[len(levels)-1]
		for _, f := range ix.byName[last] {
			if len(f.Code) == digits {
				cands = append(cands, f)
			}
		}
		if len(cands) > 1 {
			// Parents decide: each earlier segment must name the row's
			// ancestor at its level.
			var keep []*Fact
			for _, f := range cands {
				ok := true
				for i := 0; i < len(names)-1; i++ {
					lv := levels[i]
					if ns := ix.norm[f]; lv < len(ns) && ns[lv] != names[i] {
						ok = false
					}
				}
				if ok {
					keep = append(keep, f)
				}
			}
			cands = keep
		}
	} else {
		n := normName(subj)
		if n == "" || strings.ContainsAny(n, "，,；;。") {
			return nil, false
		}
		cands = append(cands, ix.byName[n]...)
	}
	if prefix != "" {
		var keep []*Fact
		for _, f := range cands {
			if strings.HasPrefix(f.ID, prefix) {
				keep = append(keep, f)
			}
		}
		if len(keep) > 0 {
			cands = keep
		}
	}
	if len(cands) != 1 {
		return nil, false
	}
	f := cands[0]
	return f, prefix != "" && strings.HasPrefix(f.ID, prefix)
}

// segments splits "一般公共服务（类）支出-政府办公厅（室）及相关机构（款）-行政运行（项）"
// into normalised names and levels (0 类, 1 款, 2 项). The label must end with
// a marker.
func segments(s string) ([]string, []int) {
	t := strings.TrimSpace(s)
	t = strings.TrimSuffix(t, "支出")
	ms := markerRe.FindAllStringSubmatchIndex(t, -1)
	if len(ms) == 0 || ms[len(ms)-1][1] != len(t) {
		return nil, nil
	}
	var names []string
	var levels []int
	start := 0
	for i, m := range ms {
		seg := t[start:m[0]]
		if i == 0 {
			if j := lastIndexRe(segStartRe, seg); j >= 0 {
				seg = seg[j:]
			}
		}
		seg = segSepRe.ReplaceAllString(seg, "")
		seg = enumRe.ReplaceAllString(seg, "")
		seg = strings.TrimSpace(seg)
		lv := 0
		switch t[m[2]:m[3]] {
		case "款":
			lv = 1
		case "项":
			lv = 2
		}
		names = append(names, normName(seg))
		levels = append(levels, lv)
		start = m[1]
	}
	return names, levels
}

func lastIndexRe(re *regexp.Regexp, s string) int {
	ms := re.FindAllStringIndex(s, -1)
	if len(ms) == 0 {
		return -1
	}
	return ms[len(ms)-1][1]
}

var parenNorm = strings.NewReplacer("(", "（", ")", "）")

// normName normalises a 科目 name for matching: no blanks, full-width
// parentheses, no quotation marks, no level markers, and no trailing 支出
// or 事务.
func normName(s string) string {
	s = strings.Map(func(r rune) rune {
		// Quotation marks do not tell names apart, and a chain's first
		// segment may have lost its opening one (“三西”农业建设专项补助 is
		// cut at the “ as at a sentence's punctuation).
		if unicode.IsSpace(r) || strings.ContainsRune("“”\"‘’'「」", r) {
			return -1
		}
		return r
	}, s)
	s = parenNorm.Replace(s)
	s = markerRe.ReplaceAllString(s, "")
	for {
		t := strings.TrimSuffix(s, "支出")
		t = strings.TrimSuffix(t, "事务")
		if t == s {
			return s
		}
		s = t
	}
}
