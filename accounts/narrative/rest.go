package narrative

import (
	"fmt"
	"math/bits"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

var (
	bareRateRe    = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*[%％]\s*$`)
	rateHeaderRe  = regexp.MustCompile(`^\s*(?:预算)?(完成率|执行率)`)
	cellQtyRe     = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*(万元|元|亿元)?\s*$`)
	budgetWording = regexp.MustCompile(`决算(?:数)?(?:与预算(?:数)?)?\s*(大于|小于|等于|高于|低于|超过|持平)\s*(?:预算(?:数)?)?`)
	yoyFlat       = regexp.MustCompile(`(?:与\s*(?:上年度?|(?:19|20)[0-9]{2}\s*年度?)\s*(?:相比)?|同比|较上年|比上年)\s*(基本)?持平`)
)

// rowRate is a 完成率 or 执行率 cell of a table row.
type rowRate struct {
	c      *claim
	row    *trow
	idx    int
	target string // the 指标值 / 预算数 cell
	actual string // the 实际完成数 cell
	exec   bool   // 执行率 (funds) rather than 完成率 (indicator)
}

// checkTables reads the rate columns of tables: a 执行率 must equal
// 实际完成数 ÷ 全年预算数; 完成率 cells are kept for checkTargets.
func (r *run) checkTables() {
	fromRight, exec := -1, false
	lastEnd := -2
	for _, row := range r.d.rows {
		if len(row.cells) == 0 {
			continue
		}
		first := row.cells[0].idx
		if first > lastEnd+1 {
			fromRight = -1 // a paragraph between rows ends the table
		}
		lastEnd = row.cells[len(row.cells)-1].idx
		header := false
		for i, c := range row.cells {
			if m := rateHeaderRe.FindStringSubmatch(c.text); m != nil && !bareRateRe.MatchString(c.text) {
				fromRight, exec, header = len(row.cells)-1-i, m[1] == "执行率", true
			}
		}
		if header || fromRight < 0 {
			continue
		}
		idx := len(row.cells) - 1 - fromRight
		if idx < 0 || idx >= len(row.cells) {
			continue
		}
		cell := row.cells[idx]
		m := bareRateRe.FindStringSubmatchIndex(cell.text)
		if m == nil {
			continue
		}
		v, err := decimal.NewFromString(cell.text[m[2]:m[3]])
		if err != nil {
			continue
		}
		if r.sk.left <= 0 {
			if r.sk.n == 0 || before(cell.at(m[2]), r.sk.p.at(r.sk.off)) {
				r.sk.p, r.sk.off = cell, m[2]
			}
			r.sk.n++
			continue
		}
		r.sk.left--
		c := &claim{p: cell, off: m[2], end: m[1], kind: percent, val: v, role: roleCompletion, unit: "%", written: strings.TrimSpace(cell.text)}
		if i := strings.IndexByte(cell.text[m[2]:m[3]], '.'); i >= 0 {
			c.places = int32(m[3] - m[2] - i - 1)
		}
		rr := &rowRate{c: c, row: row, idx: idx, exec: exec}
		if idx >= 2 {
			rr.target, rr.actual = row.cells[idx-2].text, row.cells[idx-1].text
		}
		r.rowRates = append(r.rowRates, rr)
		r.claims = append(r.claims, c)
		if !exec {
			continue
		}
		// 执行率 = 实际完成数 ÷ 全年预算数.
		bm, am := cellQtyRe.FindStringSubmatch(rr.target), cellQtyRe.FindStringSubmatch(rr.actual)
		if bm == nil || am == nil || bm[2] != am[2] {
			continue
		}
		b, _ := decimal.NewFromString(bm[1])
		a, _ := decimal.NewFromString(am[1])
		if b.Sign() <= 0 {
			continue
		}
		want := ratio(a, b, c.places)
		if want.Equal(c.val) {
			c.checked = true
			continue
		}
		r.addClaim(RuleBudget, c, "", fmt.Sprintf("执行率不符：实际完成数%s÷全年预算数%s×100=%s%%，表中为%s", am[1], bm[1], ratio(a, b, 2).StringFixed(maxPlaces(2, c.places)), c.written), want.StringFixed(c.places)+"%", c.written)
	}
}

// checkWording verifies 决算数大于/小于/持平预算数 (C6) and 与上年持平 (C10)
// against the numbers.
func (r *run) checkWording() {
	for _, p := range r.d.paras {
		for si, sp := range p.sents {
			s := p.text[sp[0]:sp[1]]
			r.m.add(4 * len(s))
			for _, m := range budgetWording.FindAllStringSubmatchIndex(s, -1) {
				if r.ambiguousAt(s, m[2], m[3]) {
					continue
				}
				r.budgetWord(p, si, sp, sp[0]+m[2], s[m[2]:m[3]])
			}
			for _, m := range yoyFlat.FindAllStringSubmatchIndex(s, -1) {
				if m[2] >= 0 { // 基本持平 admits a small difference
					continue
				}
				done := r.flatWord(p, si, sp[0]+m[0])
				r.flats = append(r.flats, flatAt{p: p, si: si, off: sp[0] + m[0], ids: r.flatSubject(p, si, sp[0]+m[0], ""), done: done})
			}
		}
	}
}

func (r *run) ambiguousAt(s string, a, b int) bool {
	if r.l.pat.alternatives == nil {
		return false
	}
	r.m.add(2 * len(s))
	for m := range eachSubmatch(r.l.pat.alternatives, r.l.pat.altSeg, s) {
		if m[0] <= b && a <= m[1] {
			return true
		}
	}
	return false
}

func wordSign(w string) int {
	switch w {
	case "大于", "高于", "超过":
		return 1
	case "小于", "低于":
		return -1
	}
	return 0
}

var signWord = map[int]string{1: "大于", -1: "小于", 0: "持平"}

func (r *run) sentenceClaims(p *para, si int) []*claim {
	cs := r.bySent[sentKey{p, si}]
	r.m.add(len(cs))
	return cs
}

func (r *run) budgetWord(p *para, si int, sp [2]int, off int, word string) {
	cs := r.sentenceClaims(p, si)
	if len(cs) == 0 || cs[0].off > off {
		// "…支出决算为X万元。决算数大于预算数的主要原因：…": the figures
		// are in the sentence before.
		if si > 0 {
			cs = r.sentenceClaims(p, si-1)
		}
	}
	var subj, compl *claim
	var budgetClaim *claim
	for _, c := range cs {
		if c.off > off {
			break
		}
		switch {
		case c.kind == money && c.role == roleCurrent:
			subj = c
		case c.role == roleCompletion:
			compl = c
		case c.role == roleBudget && c.kind == money:
			budgetClaim = c
		}
	}
	got := wordSign(word)
	want, known := 0, false
	detail := ""
	if subj != nil && subj.tied {
		for _, f := range r.facts(subj) {
			b := f.Budget
			if !b.IsSet() {
				b = f.InitialBudget
			}
			if f.Value.IsSet() && b.IsSet() {
				a, bn := r.figNum(f, f.Value), r.figNum(f, b)
				want, known = a.v.Cmp(bn.v), true
				detail = fmt.Sprintf("决算数%s，预算数%s", r.fmtFig(f, f.Value), r.fmtFig(f, b))
				break
			}
		}
	}
	if !known && compl != nil {
		want, known = compl.val.Cmp(hundred), true
		detail = "完成预算" + compl.written
	}
	if !known && subj != nil && budgetClaim != nil {
		want, known = r.claimNum(subj).v.Cmp(r.claimNum(budgetClaim).v), true
		detail = fmt.Sprintf("决算数%s，预算数%s", subj.written, budgetClaim.written)
	}
	if !known || want == got {
		return
	}
	r.add(RuleBudget, p, off, "", fmt.Sprintf("预决算对比表述与数字矛盾：%s，应为“%s”，文中为“%s”", detail, signWord[want], word), signWord[want], word)
}

// flatWord checks "与上年持平" against the figures; it reports whether it
// found a contradiction.
func (r *run) flatWord(p *para, si int, off int) bool {
	var subj *claim
	for _, c := range r.sentenceClaims(p, si) {
		if c.off < off && (c.kind == money || c.kind == count) && c.role == roleCurrent {
			subj = c
		}
	}
	if subj == nil {
		return false
	}
	cur, prior := r.subjectNow(subj), r.subjectPrior(subj)
	if !cur.ok || !prior.ok || cur.v.Equal(prior.v) {
		return false
	}
	d := cur.v.Sub(prior.v)
	r.add(RuleYoY, p, off, r.pathOf(subj, true), fmt.Sprintf("“持平”与数字矛盾：%s本年%s、上年%s，%s%s", r.titleOf(subj), r.fmtIn(cur, subj.unit), r.fmtIn(prior, subj.unit), dirWord[d.Sign()], r.fmtIn(num{v: d.Abs(), places: minPlaces(cur.places, prior.places)}, subj.unit)), dirWord[d.Sign()], "持平")
	return true
}

// checkEmpty verifies statements that a table or item has no figures (C9).
func (r *run) checkEmpty() {
	for _, p := range r.d.paras {
		var taken spanLists
		set := r.runes.refill(p.text)
		for _, e := range r.l.pat.empty {
			if !e.re.mayMatch(set) || !e.re.holds(p.text) {
				continue
			}
			taken.next()
			r.m.add(8 * len(p.text))
			for _, m := range e.re.FindAllStringIndex(p.text, -1) {
				r.m.add(len(taken.lists))
				if taken.overlaps(m[0], m[1]) {
					continue
				}
				taken.add(m[0], m[1])
				for _, id := range e.Facts {
					f := r.ix.byID[id]
					if f == nil || !f.Value.IsSet() {
						continue
					}
					if n := r.figNum(f, f.Value); n.ok && !n.v.IsZero() {
						r.add(RuleEmpty, p, m[0], f.Value.Path, fmt.Sprintf("“无数据”表述与表不符：文中称“%s”，而%s为%s", p.text[m[0]:m[1]], f.Title, r.fmtFig(f, f.Value)), "0", r.fmtFig(f, f.Value))
						break
					}
				}
			}
		}
	}
}

// checkLeftovers finds template text left in: placeholders and unresolved
// alternatives (C11), wrong years (C12), notes to the author (C13) and
// doubled punctuation (C14).
func (r *run) checkLeftovers() {
	pat := r.l.pat
	for _, p := range r.d.paras {
		t := p.text
		set := r.runes.refill(t)
		r.m.add(16 * len(t))
		if pat.alternatives != nil && set.any(pat.altFirst) {
			for m := range eachSubmatch(pat.alternatives, pat.altSeg, t) {
				w1, w2 := t[m[2]:m[3]], t[m[4]:m[5]]
				if !pat.altPairs[w1+"|"+w2] {
					continue
				}
				if r.full(RuleLeftover, p, m[0]) {
					continue // counted, not built
				}
				r.add(RuleLeftover, p, m[0], "", fmt.Sprintf("模板备选词未选定：“%s”", t[m[0]:m[1]]), "选定其一", t[m[0]:m[1]])
			}
		}
		var seen spanLists
		for _, re := range pat.placeholders {
			if !re.mayMatch(set) || !re.holds(t) {
				continue
			}
			seen.next()
			r.m.add(8 * len(t))
			for m := range eachSubmatch(re.Regexp, re.seg, t) {
				a, b := m[0], m[1]
				if len(m) >= 4 && m[2] >= 0 {
					a, b = m[2], m[3]
				}
				r.m.add(len(seen.lists) + b - a)
				if seen.overlaps(a, b) || inLatinWord(t, a, b) {
					continue
				}
				seen.add(a, b)
				if r.full(RuleLeftover, p, a) {
					continue
				}
				r.add(RuleLeftover, p, a, "", fmt.Sprintf("模板占位符未替换：“%s”", t[a:b]), "实际内容", t[a:b])
			}
		}
		if r.year != 0 {
			for _, y := range pat.years {
				if !y.re.mayMatch(set) || !y.re.holds(t) {
					continue
				}
				for m := range eachSubmatch(y.re.Regexp, y.re.seg, t) {
					got, err := strconv.Atoi(t[m[2]:m[3]])
					if err != nil {
						continue
					}
					want := r.year + y.Offset
					if got == want {
						continue
					}
					if r.full(RuleYear, p, m[2]) {
						continue
					}
					r.add(RuleYear, p, m[2], "", fmt.Sprintf("年度不符：本决算为%d年度，%s应为%d年，文中为%d年", r.year, y.What, want, got), strconv.Itoa(want), strconv.Itoa(got))
				}
			}
		}
		r.instructions(p, set)
		if pat.punctuation != nil {
			for m := range eachSubmatch(pat.punctuation, pat.punctSeg, t) {
				if strings.Count(t[m[0]:m[1]], "。") == 2 && (strings.HasPrefix(t[m[1]:], "。") || strings.HasSuffix(t[:m[0]], "。")) {
					continue // 。。。 is an ellipsis
				}
				if r.full(RulePunctuation, p, m[0]) {
					continue
				}
				r.add(RulePunctuation, p, m[0], "", fmt.Sprintf("标点重复：“%s”", t[m[0]:m[1]]), "", t[m[0]:m[1]])
			}
		}
	}
}

// inLatinWord reports whether t[a:b], made of Latin letters, is part of a
// longer Latin word ("MAXX"), not a placeholder.
func inLatinWord(t string, a, b int) bool {
	for i := a; i < b; i++ {
		if !isASCIIAlnum(t[i]) {
			return false
		}
	}
	return a > 0 && isASCIIAlnum(t[a-1]) || b < len(t) && isASCIIAlnum(t[b])
}

// spanLists are the spans taken by the matches of earlier patterns, one
// list per pattern, each in order and not overlapping. The matches of a
// pattern are asked about in order, so each list is read once per pattern.
type spanLists struct {
	lists   [][][2]int
	cur     []int
	current [][2]int
}

// next starts the matches of the next pattern.
func (s *spanLists) next() {
	if len(s.current) > 0 {
		s.lists = append(s.lists, s.current)
	}
	s.current = nil
	s.cur = make([]int, len(s.lists))
}

func (s *spanLists) add(a, b int) { s.current = append(s.current, [2]int{a, b}) }

// overlaps reports whether [a, b) overlaps a span of an earlier pattern;
// a must not decrease from one call to the next.
func (s *spanLists) overlaps(a, b int) bool {
	for k, l := range s.lists {
		i := s.cur[k]
		for i < len(l) && l[i][1] <= a {
			i++
		}
		s.cur[k] = i
		if i < len(l) && l[i][0] < b {
			return true
		}
	}
	return false
}

// parens returns the outermost parenthesised spans of s (byte offsets of
// the opening and after the closing bracket).
func parens(s string) [][2]int {
	var out [][2]int
	depth, start := 0, -1
	for i, ch := range s {
		switch ch {
		case '（', '(':
			if depth == 0 {
				start = i
			}
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
				if depth == 0 && start >= 0 {
					out = append(out, [2]int{start, i + utf8.RuneLen(ch)})
					start = -1
				}
			}
		}
	}
	return out
}

func (r *run) instructions(p *para, set runeSet) {
	t := p.text
	reported := map[int]bool{}
	for _, sp := range parens(t) {
		inner := t[sp[0]:sp[1]]
		r.m.add(len(r.l.pat.instructions) * len(inner))
		_, n := utf8.DecodeRuneInString(inner)
		_, m := utf8.DecodeLastRuneInString(inner)
		content := inner[n : len(inner)-m]
		before := strings.TrimSpace(t[:sp[0]])
		after := strings.TrimSpace(t[sp[1]:])
		standalone := (before == "" || strings.HasSuffix(before, "。") || strings.HasSuffix(before, "）")) &&
			(after == "" || strings.HasPrefix(after, "。") || strings.HasPrefix(after, "（"))
		var clauses []string
		seenClause := map[string]bool{}
		var cb *clauseBreaks
		note := noteRe.MatchString(content)
		first := -1
		whole := false
		for _, in := range r.l.pat.instructions {
			if in.scope == Sentence || in.scope == Standalone && !standalone {
				continue
			}
			if !in.re.mayMatch(set) {
				continue
			}
			for _, m := range in.re.FindAllStringIndex(content, -1) {
				if note {
					// "（注：数据来源…，罗列全部…。）": the source is a proper
					// note; only the clauses with instructions are left over.
					if cb == nil {
						r.m.add(len(content))
						cb = newClauseBreaks(content)
					}
					r.m.add(0)
					a, b := cb.around(m[0], m[1])
					c := strings.TrimSpace(content[a:b])
					if !seenClause[c] {
						seenClause[c] = true
						clauses = append(clauses, c)
					}
					if first < 0 || sp[0]+n+a < first {
						first = sp[0] + n + a
					}
				} else {
					whole = true
				}
			}
		}
		switch {
		case whole:
			r.add(RuleInstruction, p, sp[0], "", fmt.Sprintf("编写说明未删除：“%s”", clip(inner, 60)), "删除", clip(inner, 60))
		case len(clauses) > 0:
			msg := clip(strings.Join(clauses, "”“"), 80)
			r.add(RuleInstruction, p, first, "", fmt.Sprintf("编写说明未删除：注释中的“%s”", msg), "删除", msg)
		default:
			continue
		}
		reported[sp[0]] = true
		r.addInstr(p, 0, sp)
	}
	for _, sp := range p.sents {
		s := strings.TrimSpace(t[sp[0]:sp[1]])
		r.m.add(len(r.l.pat.instructions) * len(s))
		for _, in := range r.l.pat.instructions {
			if in.scope != Sentence || !in.re.mayMatch(set) || !in.end.mayMatch(s) || !in.re.MatchString(s) {
				continue
			}
			if !reported[sp[0]] {
				r.add(RuleInstruction, p, sp[0], "", fmt.Sprintf("编写说明未删除：“%s”", clip(s, 60)), "删除", clip(s, 60))
				r.addInstr(p, 1, sp)
			}
			break
		}
	}
}

var noteRe = regexp.MustCompile(`^\s*注[：:]`)

// clauseBreaks are the clause breaks of a text, to widen a match to its
// clause (between ，。；) without reading the text again for every match.
type clauseBreaks struct {
	n      int
	starts []int // ends of ，,。；;：: (where a clause may start)
	ends   []int // offsets of ，,。；; (where a clause may end)
}

func newClauseBreaks(s string) *clauseBreaks {
	cb := &clauseBreaks{n: len(s)}
	for i, r := range s {
		if strings.ContainsRune("，,。；;：:", r) {
			cb.starts = append(cb.starts, i+utf8.RuneLen(r))
		}
		if strings.ContainsRune("，,。；;", r) {
			cb.ends = append(cb.ends, i)
		}
	}
	return cb
}

// around widens [a, b) to the clause around it.
func (cb *clauseBreaks) around(a, b int) (int, int) {
	start := 0
	// The last break that ends by a (its rune lies before a).
	if i := sort.SearchInts(cb.starts, a+1) - 1; i >= 0 {
		start = cb.starts[i]
	}
	end := cb.n
	if i := sort.SearchInts(cb.ends, b); i < len(cb.ends) {
		end = cb.ends[i]
	}
	return start, end
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "…"
}

// consistencyKey groups claims about the same item: the fact they name, or
// the publication (《…》) their label names.
func (r *run) consistencyKey(c *claim) string {
	if c.kind == percent || c.ambig || c.target || c.notTable || c.subj == "" {
		return ""
	}
	if c.role != roleCurrent && c.role != rolePrior && c.role != roleBudget {
		return ""
	}
	if c.year != r.year && c.year != r.year-1 && c.year != 0 {
		return ""
	}
	if len(c.factIDs) > 0 {
		return fmt.Sprintf("f:%s|%d|%s", c.factIDs[0], c.role, c.unitKind())
	}
	if ts := titleRe.FindAllStringSubmatch(c.subj, -1); len(ts) > 0 {
		return fmt.Sprintf("t:%s|%d|%s", ts[len(ts)-1][1], c.role, c.unit)
	}
	return ""
}

func (c *claim) unitKind() string {
	if c.kind == count {
		return c.unit
	}
	return "money"
}

// checkConsistency reports one item stated with different values (C15).
func (r *run) checkConsistency() {
	groups := map[string][]*claim{}
	var keys []string
	for _, c := range r.claims {
		k := r.consistencyKey(c)
		if k == "" {
			continue
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], c)
	}
	for _, k := range keys {
		g := groups[k]
		// The reference value: the table's, else the most frequent stated
		// one (the earliest on a tie).
		var ref num
		var refClaim *claim
		var refFact *Fact
		var refFig Figure
		for _, c := range g {
			for _, f := range r.facts(c) {
				if fg := figure(f, c); fg.IsSet() && f.Count == (c.kind == count) {
					ref, refFact, refFig = r.figNum(f, fg), f, fg
					break
				}
			}
			if ref.ok {
				break
			}
		}
		if len(g) < 2 && !ref.ok {
			continue
		}
		if !ref.ok {
			// The first claim whose value is stated most often.
			counts := map[string]int{}
			keys := make([]string, len(g))
			for i, c := range g {
				r.m.add(0)
				keys[i] = r.claimNum(c).v.String()
				counts[keys[i]]++
			}
			best := 0
			for i, c := range g {
				if n := counts[keys[i]]; n > best {
					best, refClaim = n, c
				}
			}
			ref = r.claimNum(refClaim)
		} else {
			for _, c := range g {
				if r.same(c, ref) {
					refClaim = c
					break
				}
			}
		}
		for _, c := range g {
			if refFact != nil && r.same(c, ref) {
				c.checked = true // agrees with the table
			}
			if c.reported || c == refClaim || c.approx && refClaim != nil && r.claimNum(c).v.Equal(r.claimNum(refClaim).v) || !c.approx && r.same(c, ref) {
				continue
			}
			if refClaim == nil && c.tied {
				continue // compared with the table already
			}
			title := r.titleOf(c)
			var where, expected, path string
			switch {
			case refClaim != nil:
				where = fmt.Sprintf("第%d行为%s", refClaim.p.at(refClaim.off).line, refClaim.written)
				expected = refClaim.written
			default:
				where = "表中为" + r.fmtFig(refFact, refFig)
				expected = r.fmtFig(refFact, refFig)
			}
			if refFact != nil {
				path = refFig.Path
				if refClaim != nil {
					where += "（表中为" + r.fmtFig(refFact, refFig) + "）"
				}
			}
			r.addClaim(RuleConsistency, c, path, fmt.Sprintf("同一事项前后数值不一致：%s此处为%s，%s", title, c.written, where), expected, c.written)
		}
	}
}

// checkTargets reports a 完成率 of 100% for an indicator whose yearly target
// (N<unit>/年, for a publication named 《…》) was not met: the indicator's
// row, or the narrative, states a smaller actual quantity (C16).
func (r *run) checkTargets() {
	var targets, actuals quantities
	for _, c := range r.claims {
		if c.kind != count || c.title == "" || c.approx {
			continue
		}
		q := quantity{c, c.title}
		switch {
		case c.target:
			targets.qs = append(targets.qs, q)
		case c.role == roleCurrent:
			actuals.qs = append(actuals.qs, q)
		}
	}
	// find returns the first quantity in qs (those in cell first) for a
	// publication compatible with one named in text.
	find := func(qs *quantities, text string, cell *para, unit string) *quantity {
		r.m.add(len(text))
		names := titleRe.FindAllStringSubmatch(text, -1)
		if cell != nil {
			for _, i := range qs.inCell(cell) {
				q := &qs.qs[i]
				r.m.add(len(names))
				if unit != "" && q.c.unit != unit {
					continue
				}
				for _, m := range names {
					if compatibleTitle(m[1], q.title) {
						return q
					}
				}
			}
		}
		best := -1
		t := qs.table(unit)
		for _, m := range names {
			r.m.add(4 * len(m[1]))
			if i := t.first(m[1]); i >= 0 && (best < 0 || i < best) {
				best = i
			}
		}
		if best < 0 {
			return nil
		}
		return &qs.qs[best]
	}
	cellOf := func(rr *rowRate, d int) *para {
		if rr.idx-d < 0 {
			return nil
		}
		return rr.row.cells[rr.idx-d]
	}
	msg := func(t, a *quantity, rate string) string {
		return fmt.Sprintf("完成率与目标不符：填报完成率%s，而《%s》年度目标为%s（第%d行），实际完成%s（第%d行），目标未完成",
			rate, t.title, strings.TrimSpace(t.c.p.text[t.c.off:min(len(t.c.p.text), t.c.end+len("/年"))]), t.c.p.at(t.c.off).line, a.c.written, a.c.p.at(a.c.off).line)
	}
	used := map[int]bool{}
	for _, rr := range r.rowRates {
		if rr.exec || rr.c.val.Cmp(hundred) < 0 {
			continue
		}
		t := find(&targets, rr.target, cellOf(rr, 2), "")
		if t == nil {
			continue
		}
		a := find(&actuals, rr.actual+rr.target, cellOf(rr, 1), t.c.unit)
		if a == nil || a.c.val.Cmp(t.c.val) >= 0 {
			continue
		}
		path := ""
		for i, in := range r.input.Indicators {
			if normText(in.Target) == normText(rr.target) {
				path, used[i] = in.Path, true
				break
			}
		}
		r.addClaim(RuleTarget, rr.c, path, msg(t, a, rr.c.written), "低于100%", rr.c.written)
	}
	for i, in := range r.input.Indicators {
		if used[i] || !in.Rate.IsSet() {
			continue
		}
		rate, _ := in.Rate.Decimal()
		if rate.Cmp(hundred) < 0 {
			continue
		}
		t := find(&targets, in.Target, nil, "")
		if t == nil {
			continue
		}
		a := find(&actuals, in.Actual+in.Target, nil, t.c.unit)
		if a == nil || a.c.val.Cmp(t.c.val) >= 0 {
			continue
		}
		r.addClaim(RuleTarget, a.c, in.Path, msg(t, a, rate.String()+"%")+"（指标“"+in.Name+"”）", "低于100%", rate.String()+"%")
	}
}

// instrSpans are the notes to the author of a paragraph: parenthesised
// notes and sentences, each list in order and not overlapping.
type instrSpans [2][][2]int

func (r *run) addInstr(p *para, kind int, sp [2]int) {
	if r.instr == nil {
		r.instr = map[*para]*instrSpans{}
	}
	s := r.instr[p]
	if s == nil {
		s = &instrSpans{}
		r.instr[p] = s
	}
	s[kind] = append(s[kind], sp)
}

// inInstruction reports whether c sits in a note to the author (its
// numbers are template text, not claims).
func (r *run) inInstruction(c *claim) bool {
	s := r.instr[c.p]
	if s == nil {
		return false
	}
	for _, list := range s {
		i := sort.Search(len(list), func(i int) bool { return list[i][1] > c.off })
		if i < len(list) && c.off >= list[i][0] {
			return true
		}
	}
	return false
}

func compatibleTitle(a, b string) bool {
	return a != "" && b != "" && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a))
}

func normText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\u3000' {
			return -1
		}
		return r
	}, strings.TrimSuffix(strings.TrimSpace(s), "。"))
}

// listUnverified lists the claims no check could use (C18).
func (r *run) listUnverified() {
	r.m.add(len(r.claims) * bits.Len(uint(len(r.claims))))
	sort.SliceStable(r.claims, func(i, j int) bool {
		a, b := r.claims[i].p.at(r.claims[i].off), r.claims[j].p.at(r.claims[j].off)
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
	for _, c := range r.claims {
		if c.checked || c.reported || c.ambig || r.inInstruction(c) {
			continue
		}
		subj := clip(c.subj, 30)
		var msg string
		switch {
		case c.kind == percent:
			what := map[role]string{roleShare: "占比", roleRate: "增减率", roleCompletion: "完成率"}[c.role]
			msg = fmt.Sprintf("未核对：%s%s无法由报表数或文中数验算", what, c.written)
			if subj != "" {
				msg = fmt.Sprintf("未核对：“%s”%s%s无法由报表数或文中数验算", subj, what, c.written)
			}
		case c.role == roleChange:
			msg = fmt.Sprintf("未核对：“%s”增减额%s，上年数未列示", subj, c.written)
		case len(r.facts(c)) > 0 && c.tied:
			f := r.facts(c)[0]
			msg = fmt.Sprintf("未核对：%s%s文中为%s，表中未列示", f.Title, roleWord[c.role], c.written)
		case subj == "":
			msg = fmt.Sprintf("未核对：%s无对应的报表数", c.written)
		default:
			msg = fmt.Sprintf("未核对：“%s”%s无对应的报表数", subj, c.written)
		}
		c.unverified = true
		r.addClaim(RuleUnverified, c, "", msg, "", c.written)
	}
}

// quantity is a counted quantity of a publication 《…》.
type quantity struct {
	c     *claim
	title string
}

// quantities are quantities in order, indexed by cell and, per unit, by
// title.
type quantities struct {
	qs     []quantity
	cells  map[*para][]int
	tables map[string]*titleTable
}

func (q *quantities) inCell(p *para) []int {
	if q.cells == nil {
		q.cells = map[*para][]int{}
		for i, x := range q.qs {
			q.cells[x.c.p] = append(q.cells[x.c.p], i)
		}
	}
	return q.cells[p]
}

// table returns the index of the quantities in unit ("" for any).
func (q *quantities) table(unit string) *titleTable {
	if t := q.tables[unit]; t != nil {
		return t
	}
	t := &titleTable{exact: map[string]int{}}
	for i, x := range q.qs {
		if unit != "" && x.c.unit != unit {
			continue
		}
		if _, ok := t.exact[x.title]; !ok {
			t.exact[x.title] = i
			t.sorted = append(t.sorted, x.title)
		}
	}
	sort.Strings(t.sorted)
	// sparse[k][i] is the first index of the titles sorted[i:i+2^k].
	row := make([]int, len(t.sorted))
	for i, s := range t.sorted {
		row[i] = t.exact[s]
	}
	t.sparse = append(t.sparse, row)
	for w := 1; 2*w <= len(row); w *= 2 {
		prev := t.sparse[len(t.sparse)-1]
		next := make([]int, len(prev)-w)
		for i := range next {
			next[i] = min(prev[i], prev[i+w])
		}
		t.sparse = append(t.sparse, next)
	}
	if q.tables == nil {
		q.tables = map[string]*titleTable{}
	}
	q.tables[unit] = t
	return t
}

// titleTable finds the first quantity whose title is compatible with a
// name (compatibleTitle: one a prefix of the other) without reading them
// all.
type titleTable struct {
	exact  map[string]int // title → first index
	sorted []string       // the titles
	sparse [][]int
}

func (t *titleTable) first(name string) int {
	if name == "" {
		return -1
	}
	best := -1
	// Titles that are a prefix of name (or name itself).
	for i := range name {
		if i == 0 {
			continue
		}
		if j, ok := t.exact[name[:i]]; ok && (best < 0 || j < best) {
			best = j
		}
	}
	if j, ok := t.exact[name]; ok && (best < 0 || j < best) {
		best = j
	}
	// Titles name is a prefix of: a run of the sorted titles.
	lo := sort.SearchStrings(t.sorted, name)
	hi := lo + sort.Search(len(t.sorted)-lo, func(k int) bool { return !strings.HasPrefix(t.sorted[lo+k], name) })
	if lo < hi {
		k := 0
		for 1<<(k+1) <= hi-lo {
			k++
		}
		j := min(t.sparse[k][lo], t.sparse[k][hi-(1<<k)])
		if best < 0 || j < best {
			best = j
		}
	}
	return best
}
