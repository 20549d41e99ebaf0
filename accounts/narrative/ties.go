package narrative

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The ties of issue 15: 科目 names (C19), item lists (C20), the unit's name
// (C21), shares without % (C24), blank 三公 cells (C25), purpose texts
// (C26) and 持平 against a change stated elsewhere (C27). C22 and C23 sit
// in checkRate and checkCompletions, C25 in checkAmounts.

// rowPrefix returns the fact ID prefix of the classification rows a
// context restates ("" when it restates none).
func (l *Linter) rowPrefix(ctx string) string {
	for _, rc := range l.pat.rows {
		if ctxOK([]string{rc.Context}, ctx) {
			return rc.Prefix
		}
	}
	return ""
}

var levelWord = [3]string{"类", "款", "项"}

// checkRowNames reports 科目 names that are not the table's (C19): a chain
// "X（类）Y（款）Z（项）" whose last name finds a row whose parents have
// other names, or whose names find no row while exactly one row of that
// level (under the same 类, when the 类 name is the table's) has the
// stated figure.
func (r *run) checkRowNames() {
	seen := map[string]bool{}
	for _, c := range r.claims {
		if c.kind != money || c.role != roleCurrent || c.ambig || c.notTable || c.subj == "" || c.year != r.year {
			continue
		}
		prefix := r.l.rowPrefix(c.p.ctx)
		if prefix == "" || !strings.Contains(c.subj, "）") && !strings.Contains(c.subj, ")") {
			continue
		}
		names, levels := segments(c.subj)
		if len(names) < 2 {
			continue
		}
		var f *Fact
		if c.row && c.fact != nil {
			f = c.fact
		} else if c.fact == nil && len(c.factIDs) == 0 {
			f = r.rowByFigure(c, prefix, names, levels)
		}
		if f == nil {
			continue
		}
		ns := r.ix.norm[f]
		var diffs []string
		for i := range names {
			lv := levels[i]
			if lv >= len(ns) || ns[lv] == names[i] || ns[lv] == "?" || names[i] == "" {
				continue
			}
			code := f.Code
			if 3+2*lv <= len(code) {
				code = code[:3+2*lv]
			}
			diffs = append(diffs, fmt.Sprintf("文中为“%s（%s）”，表中为“%s”（%s）", names[i], levelWord[lv], f.Names[lv], code))
		}
		key := fmt.Sprintf("%d|%s", c.p.idx, c.subj)
		if len(diffs) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		msg := "科目名称与表不符：" + strings.Join(diffs, "；")
		r.add(RuleRowName, c.p, c.off, f.Value.Path, msg, strings.Join(f.Names, "-"), clip(c.subj, 60))
		if !c.tied {
			c.checked = c.checked || r.same(c, r.figNum(f, f.Value))
		}
	}
}

// rowByFigure returns the one row of the chain's level (under its 类 when
// the 类 name is known) whose figure is the claim's, or nil.
func (r *run) rowByFigure(c *claim, prefix string, names []string, levels []int) *Fact {
	lv := levels[len(levels)-1]
	digits := 3 + 2*lv
	class := ""
	if levels[0] == 0 {
		class = names[0]
	}
	var found *Fact
	n := 0
	for _, f := range r.ix.rows {
		r.m.add(0)
		if len(f.Code) != digits || !strings.HasPrefix(f.ID, prefix) || !f.Value.IsSet() {
			continue
		}
		if ns := r.ix.norm[f]; class != "" && len(ns) > 0 && ns[0] != class && r.classKnown(class, prefix) {
			continue
		}
		if !r.same(c, r.figNum(f, f.Value)) {
			continue
		}
		found = f
		n++
	}
	if n != 1 {
		return nil
	}
	return found
}

// classKnown reports whether a 类 of that (normalised) name is among the
// rows with prefix.
func (r *run) classKnown(name, prefix string) bool {
	for _, f := range r.ix.byName[name] {
		if len(f.Code) == 3 && strings.HasPrefix(f.ID, prefix) {
			return true
		}
	}
	return false
}

var (
	itemListRe = regexp.MustCompile(`(人员经费|(?:日常)?公用经费)[^。；]{0,40}?(?:主要)?(?:包括|用于)[:：]?`)
	itemSepRe  = regexp.MustCompile(`[、，,和及]|以及`)
	itemTrimRe = regexp.MustCompile(`^(?:[：:\s]|其中)+|(?:[（(][^（）()]*[）)]|等|方面|\s)+$`)
)

// maxItemList is the most of an item list (bytes) that is read.
const maxItemList = 2000

// econGroups are the 部门预算支出经济分类 类 of 人员经费 and 公用经费.
var econGroups = map[string][]string{"人员经费": {"301", "303"}, "公用经费": {"302", "310"}}

// normEcon normalises an economic 科目 name for matching an item list.
func normEcon(s string) string {
	s = normName(s)
	if t, ok := strings.CutSuffix(s, "费用"); ok {
		return t + "费"
	}
	return s
}

// checkItemLists reports the items of "人员经费…主要包括：A、B…" that the 基本支出
// table shows as 0, does not have, or has under the other kind of 经费 (C20).
func (r *run) checkItemLists() {
	if len(r.input.Economic) == 0 {
		return
	}
	byName := map[string]*EconomicItem{}
	for i := range r.input.Economic {
		it := &r.input.Economic[i]
		if k := normEcon(it.Name); k != "" {
			if _, dup := byName[k]; !dup {
				byName[k] = it
			}
		}
	}
	for _, p := range r.d.paras {
		if !strings.Contains(p.text, "经费") {
			continue
		}
		r.m.add(2 * len(p.text))
		ms := itemListRe.FindAllStringSubmatchIndex(p.text, -1)
		for k, m := range ms {
			kind := strings.TrimPrefix(p.text[m[2]:m[3]], "日常")
			end, stop := m[1], len(p.text)
			if k+1 < len(ms) {
				stop = ms[k+1][0] // a list ends where the next begins
			}
			for end < stop && end-m[1] < maxItemList {
				ch, w := utf8.DecodeRuneInString(p.text[end:])
				if ch == '。' || ch == '；' || ch == ';' {
					break
				}
				end += w
			}
			list := p.text[m[1]:end]
			r.m.add(len(list))
			pos := m[1]
			for _, sp := range splitIndex(itemSepRe, list) {
				raw := list[sp[0]:sp[1]]
				item := itemTrimRe.ReplaceAllString(raw, "")
				if item == "" {
					continue
				}
				it := byName[normEcon(item)]
				if it == nil {
					continue
				}
				at := pos + sp[0] + strings.Index(raw, item)
				group := econGroups[kind]
				inGroup := false
				for _, g := range group {
					if strings.HasPrefix(it.Code, g) {
						inGroup = true
					}
				}
				var why string
				switch {
				case !inGroup:
					why = fmt.Sprintf("%s（%s）不属于%s（%s类）", it.Name, it.Code, kind, strings.Join(group, "、"))
				case it.Missing:
					why = fmt.Sprintf("基本支出决算表中无%s（%s）", it.Name, it.Code)
				case statedZero(it.Value):
					why = fmt.Sprintf("基本支出决算表中%s（%s）为0", it.Name, it.Code)
				default:
					continue
				}
				r.add(RuleItemList, p, at, it.Value.Path, fmt.Sprintf("列举的科目与基本支出表不符：%s列举了“%s”，而%s", kind, item, why), "删除或更正", item)
			}
		}
	}
}

// splitIndex returns the spans of s between the matches of sep.
func splitIndex(sep *regexp.Regexp, s string) [][2]int {
	var out [][2]int
	prev := 0
	for _, m := range sep.FindAllStringIndex(s, -1) {
		out = append(out, [2]int{prev, m[0]})
		prev = m[1]
	}
	return append(out, [2]int{prev, len(s)})
}

var (
	unitBeforeYearRe = regexp.MustCompile(`([^\s，,。；;：:、“”"（）()《》0-9]{2,40}?)\s*(?:19|20)[0-9]{2}\s*年度?\s*(?:部门)?决算`)
	unitPartRe       = regexp.MustCompile(`^\s*第\s*[一二三四五六七八九十]+\s*部分\s*(\S.{1,40}?)\s*(?:部门)?概况\s*$`)
	unitLabelRe      = regexp.MustCompile(`(?:单位名称|编制单位|编报单位)\s*[:：]\s*([^\s，,。；;]{2,40})`)
	unitLeadRe       = regexp.MustCompile(`^(?:关于)+`)
	unitOpenRe       = regexp.MustCompile(`^\s*(?:第\s*[一二三四五六七八九十]+\s*部分\s*)?`)
	orgEndRe         = regexp.MustCompile(`(?:局|委员会|委|办公室|办事处|办|厅|院|中心|所|站|部|处|会|馆|队|学校|校|集团|公司|署|政府|室|社|团|台|园|库)$`)
	ownRe            = regexp.MustCompile(`^(?:我|本|该|各|所属|下属|XX|××|根据|按照|依据|纳入|对|在|为|是|由|经|将|向|从|与|和|按)`)
	placeholderRe    = regexp.MustCompile(`[XxＸ×✕]{2,}|某某|[□○]{2,}`)
	blankRe          = regexp.MustCompile(`\s+`)
)

// maxUnitOpen is the most of a paragraph's start (bytes) a title naming
// the unit is looked for in.
const maxUnitOpen = 300

func normUnit(s string) string {
	s = blankRe.ReplaceAllString(s, "")
	s = parenNorm.Replace(s)
	return strings.TrimSuffix(s, "（本级）")
}

// checkUnitName reports a unit name in a title or heading that is not the
// document's (C21).
func (r *run) checkUnitName() {
	want := normUnit(r.input.UnitName)
	if want == "" {
		return
	}
	for _, p := range r.d.paras {
		t := p.text
		labelled := strings.Contains(t, "单位名称") || strings.Contains(t, "编制单位") || strings.Contains(t, "编报单位")
		if !labelled && p.level != 0 && !strings.Contains(t[:min(len(t), maxUnitOpen)], "决算") {
			continue
		}
		var cands [][2]int
		// "…年度部门决算" names the unit where it opens the paragraph (a
		// title, or a part heading): elsewhere the name before it may be
		// another's ("根据市财政局2024年度部门决算批复").
		head := t[:min(len(t), maxUnitOpen)]
		for len(head) < len(t) && !utf8.RuneStart(t[len(head)]) {
			head = t[:len(head)+1]
		}
		r.m.add(4 * len(head))
		lead := len(unitOpenRe.FindString(head))
		if m := unitBeforeYearRe.FindStringSubmatchIndex(head[lead:]); m != nil && m[2] == 0 {
			cands = append(cands, [2]int{lead + m[2], lead + m[3]})
		}
		if p.level == 0 {
			if m := unitPartRe.FindStringSubmatchIndex(head); m != nil {
				cands = append(cands, [2]int{m[2], m[3]})
			}
		}
		if labelled {
			r.m.add(2 * len(t))
			for _, m := range unitLabelRe.FindAllStringSubmatchIndex(t, -1) {
				cands = append(cands, [2]int{m[2], m[3]})
			}
		}
		for _, sp := range cands {
			raw := t[sp[0]:sp[1]]
			lead := unitLeadRe.FindString(raw)
			name := normUnit(raw[len(lead):])
			if utf8.RuneCountInString(name) < 4 || !orgEndRe.MatchString(name) || ownRe.MatchString(name) || placeholderRe.MatchString(name) {
				continue
			}
			if strings.Contains(name, want) || strings.Contains(want, name) {
				continue
			}
			r.add(RuleUnitName, p, sp[0]+len(lead), "/unit/name", fmt.Sprintf("单位名称前后不一致：文中为“%s”，文档单位名称为“%s”", name, r.input.UnitName), r.input.UnitName, name)
		}
	}
}

var shareNoSignRe = regexp.MustCompile(`占([^0-9，,。；;：:%％\n]{0,12}?)([0-9]+(?:\.[0-9]+)?)\s*(?:[，,。；;、）)]|$)`)

// checkShareSign reports a share written without % (C24).
func (r *run) checkShareSign() {
	for _, p := range r.d.paras {
		if !strings.Contains(p.text, "占") {
			continue
		}
		r.m.add(2 * len(p.text))
		for _, m := range shareNoSignRe.FindAllStringSubmatchIndex(p.text, -1) {
			between := p.text[m[2]:m[3]]
			if strings.HasPrefix(between, "地") || strings.HasPrefix(between, "用") || strings.HasPrefix(between, "有") || strings.HasPrefix(between, "领") {
				continue
			}
			if m[4] > 0 && isDigit(p.text[m[4]-1]) {
				continue
			}
			num := p.text[m[4]:m[5]]
			r.add(RuleShareSign, p, m[4], "", fmt.Sprintf("占比缺少百分号：“占%s%s”", between, num), num+"%", num)
		}
	}
}

// blankChecked are the facts whose blank table cell a stated figure
// contradicts (C25): the 三公 items and their counts.
func blankChecked(id string) bool {
	return strings.HasPrefix(id, "threePublic.") || strings.HasPrefix(id, "reception.") || strings.HasPrefix(id, "govFundThreePublic.")
}

var purposeRe = regexp.MustCompile(`主要用于\s*[:：]?`)

// checkPurposes reports a purpose text that describes another 项 (C26).
func (r *run) checkPurposes() {
	pat := r.l.pat
	if len(pat.purposes) == 0 {
		return
	}
	for _, p := range r.d.paras {
		if !strings.Contains(p.text, "主要用于") || !strings.Contains(p.text, "项") {
			continue
		}
		r.m.add(4 * len(p.text))
		for _, m := range purposeRe.FindAllStringIndex(p.text, -1) {
			// The 项 named at most 600 bytes before: a window, so that a
			// paragraph of many 主要用于 costs linear time.
			from := max(0, m[0]-600)
			before := p.text[from:m[0]]
			mk := max(strings.LastIndex(before, "（项）"), strings.LastIndex(before, "(项)"))
			if mk < 0 {
				continue
			}
			mk += from
			before = p.text[:m[0]]
			chainEnd := mk + len("（项）")
			if strings.HasPrefix(before[mk:], "(") {
				chainEnd = mk + len("(项)")
			}
			from = max(0, mk-600)
			for from < mk && !utf8.RuneStart(p.text[from]) {
				from++
			}
			chain := p.text[from:chainEnd]
			names, _ := segments(chain)
			if len(names) == 0 {
				continue
			}
			code := ""
			if f, _ := r.l.rowFactM(r.m, chain, p.ctx, r.ix); f != nil && len(f.Code) == 7 {
				code = f.Code
			}
			own := -1
			for i := range pat.purposes {
				pp := &pat.purposes[i]
				if code != "" && pp.Code == code || code == "" && pp.name == names[len(names)-1] {
					own = i
					break
				}
			}
			if own < 0 {
				continue
			}
			end := m[1]
			for end < len(p.text) && end-m[1] < 600 {
				ch, w := utf8.DecodeRuneInString(p.text[end:])
				if ch == '。' || ch == '；' || ch == ';' {
					break
				}
				end += w
			}
			text := p.text[m[1]:end]
			o := &pat.purposes[own]
			if strings.TrimSpace(text) == "" || o.re.MatchString(text) {
				continue
			}
			for i := range pat.purposes {
				q := &pat.purposes[i]
				if i == own || q.Keywords == o.Keywords {
					continue
				}
				if loc := q.re.FindStringIndex(text); loc != nil {
					r.add(RulePurpose, p, m[1]+loc[0], "", fmt.Sprintf("用途说明与科目不符：%s（%s）的用途写作“%s”，为%s（%s）的内容", o.Name, o.Code, clip(strings.TrimSpace(text), 40), q.Name, q.Code), o.Name, text[loc[0]:loc[1]])
					break
				}
			}
		}
	}
}

// flatAt is a "与上年持平" statement and the facts it is about.
type flatAt struct {
	p    *para
	si   int
	off  int
	ids  []string
	done bool // C10 reported it already
}

var flatSubjRe = regexp.MustCompile(`与\s*(?:上年度?|(?:19|20)[0-9]{2}\s*年度?)\s*相比\s*[，,]?\s*([^，,。；;0-9]{2,40}?)\s*(基本)?持平`)

// flatSubject returns the facts a 持平 statement at off of sentence si is
// about: those of label (the subject the statement names), or without one
// those of the last figure before it in the sentence, or of the words
// before it in its clause.
func (r *run) flatSubject(p *para, si, off int, label string) []string {
	if label == "" {
		var last *claim
		for _, c := range r.sentenceClaims(p, si) {
			if c.off < off && c.role == roleCurrent && len(c.factIDs) > 0 && !c.ambig {
				last = c
			}
		}
		if last != nil {
			return last.factIDs
		}
		sp := p.sents[si]
		label = p.text[sp[0]:off]
		if i := strings.LastIndexAny(label, "，,；;：:"); i >= 0 {
			_, w := utf8.DecodeRuneInString(label[i:])
			label = label[i+w:]
		}
	}
	subj := r.m.stripSubject(label)
	if subj == "" {
		return nil
	}
	if f, _ := r.l.rowFactM(r.m, subj, p.ctx, r.ix); f != nil {
		return []string{f.ID}
	}
	return r.l.matchLabelM(r.m, subj, p.ctx, money, "")
}

// checkFlatAcross reports a 持平 statement about a fact that another
// sentence says increased or decreased (C27).
func (r *run) checkFlatAcross() {
	for _, p := range r.d.paras {
		if !strings.Contains(p.text, "持平") {
			continue
		}
		for si, sp := range p.sents {
			s := p.text[sp[0]:sp[1]]
			if !strings.Contains(s, "持平") {
				continue
			}
			r.m.add(2 * len(s))
			for _, m := range flatSubjRe.FindAllStringSubmatchIndex(s, -1) {
				if m[4] >= 0 {
					continue
				}
				ids := r.flatSubject(p, si, sp[0]+m[0], s[m[2]:m[3]])
				r.flats = append(r.flats, flatAt{p: p, si: si, off: sp[0] + m[0], ids: ids})
			}
		}
	}
	if len(r.flats) == 0 {
		return
	}
	changes := map[string]*claim{}
	for _, c := range r.claims {
		if (c.role != roleChange && c.role != roleRate) || c.cmp != cmpYoY || c.dir == 0 || c.ambig || c.val.IsZero() || len(c.factIDs) == 0 {
			continue
		}
		if _, ok := changes[c.factIDs[0]]; !ok {
			changes[c.factIDs[0]] = c
		}
	}
	reported := map[[2]int]bool{}
	for _, fl := range r.flats {
		if fl.done || len(fl.ids) == 0 || reported[[2]int{fl.p.idx, fl.off}] {
			continue
		}
		c := changes[fl.ids[0]]
		if c == nil || c.p == fl.p && c.sent == fl.si {
			continue
		}
		reported[[2]int{fl.p.idx, fl.off}] = true
		word := dirWord[c.dir]
		if c.role == roleRate {
			word = rateWord[c.dir]
		}
		f := r.ix.byID[fl.ids[0]]
		title := fl.ids[0]
		path := ""
		if f != nil {
			title, path = f.Title, f.Value.Path
		}
		r.add(RuleFlatConflict, fl.p, fl.off, path, fmt.Sprintf("“持平”与他处表述矛盾：此处称%s与上年持平，第%d行称%s%s", title, c.p.at(c.off).line, word, c.written), word+c.written, "持平")
	}
}

// fullBudget returns the 全年（调整）预算 of a claim's subject: the table's
// Budget, or a budget stated in the sentence that is not the 年初预算.
func (r *run) fullBudget(subj, c *claim) num {
	if subj.tied || c.tied {
		for _, f := range append(r.facts(subj), r.facts(c)...) {
			if f.Budget.IsSet() {
				return r.figNum(f, f.Budget)
			}
		}
	}
	for _, q := range r.inSentence(c) {
		if q.off < c.off && q.role == roleBudget && q.kind == money && !q.ambig && !q.initial {
			return r.claimNum(q)
		}
	}
	return num{}
}

// zeroBudget reports a 完成年初预算 % against a 年初预算 of 0 (C23).
func (r *run) zeroBudget(subj, c *claim, actual num, path string) {
	msg := fmt.Sprintf("年初预算为0，完成年初预算的比例无从计算：%s决算%s，文中为完成年初预算的%s", r.titleOf(subj), r.fmtIn(actual, "万元"), c.written)
	if full := r.fullBudget(subj, c); full.ok && full.v.Sign() > 0 && ratio(actual.v, full.v, c.places).Equal(c.val) {
		msg += fmt.Sprintf("；该比例等于决算÷全年预算%s×100，系按全年预算计算", r.fmtIn(full, "万元"))
	}
	r.addClaim(RuleZeroBudget, c, path, msg, "无", c.written)
}

// statedZero reports whether g is a stated 0.
func statedZero(g Figure) bool {
	d, ok := g.Amount.Decimal()
	return ok && d.IsZero()
}

var asOfRe = regexp.MustCompile(`截[至止]\s*((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*(?:([0-9]{1,2})\s*日|底|末)`)

// checkAsOf reports a "截至…" date before the 国有资产 figures that is not
// the date the document takes them at (C12).
func (r *run) checkAsOf() {
	want := r.input.AssetsAsOf
	if len(want) != 10 {
		return
	}
	for _, p := range r.d.paras {
		if !strings.Contains(p.text, "截") || !strings.HasPrefix(p.ctx, "other/assets") && !strings.Contains(p.text, "车辆") {
			continue
		}
		r.m.add(2 * len(p.text))
		for _, m := range asOfRe.FindAllStringSubmatchIndex(p.text, -1) {
			day := "31"
			if m[6] >= 0 {
				day = p.text[m[6]:m[7]]
			} else if want[8:] != "31" && want[8:] != "30" {
				day = want[8:] // 月底: the month's last day, whatever it is
			}
			got := fmt.Sprintf("%s-%02s-%02s", p.text[m[2]:m[3]], p.text[m[4]:m[5]], day)
			got = strings.ReplaceAll(got, " ", "0")
			if got == want || m[6] < 0 && got[:7] == want[:7] {
				continue
			}
			r.add(RuleYear, p, m[0], "", fmt.Sprintf("截至日期不符：资产数的截至日期为%s，文中为“%s”", want, p.text[m[0]:m[1]]), want, p.text[m[0]:m[1]])
		}
	}
}
