package narrative

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

// scale is the power of ten that turns a figure in unit into 元.
func scale(unit string) int32 {
	switch unit {
	case "万元":
		return 4
	case "亿元":
		return 8
	}
	return 0
}

// num is a figure used in a computation: a money figure in 元, or a count.
type num struct {
	v      decimal.Decimal
	places int32 // precision of v (may be negative for 万元 figures in 元)
	ok     bool
	from   string // where it comes from, for messages: "表列" or "第N行"
}

func (r *run) claimNum(c *claim) num {
	if c.kind == count {
		return num{v: c.val, ok: true, from: fmt.Sprintf("第%d行", c.p.at(c.off).line)}
	}
	s := scale(c.unit)
	return num{v: c.val.Shift(s), places: c.places - s, ok: true, from: fmt.Sprintf("第%d行", c.p.at(c.off).line)}
}

func (r *run) figNum(f *Fact, g Figure) num {
	if f.Count {
		n, ok := g.Count.Value()
		if !ok {
			return num{}
		}
		return num{v: decimal.NewFromInt(n), ok: true, from: "表列"}
	}
	d, ok := g.Amount.Decimal()
	if !ok {
		return num{}
	}
	s := scale(string(r.unit))
	p := int32(2)
	if q := g.Amount.Places(); q > p {
		p = q
	}
	return num{v: d.Shift(s), places: p - s, ok: true, from: "表列"}
}

// same reports whether a stated claim agrees with a figure: equal, or equal
// after rounding the figure to the claim's decimal places when the claim is
// written with fewer (630.8 for 630.78). A stated 0 must be exactly 0, and
// a whole number in the figure's own unit must be exact.
func (r *run) same(c *claim, n num) bool {
	cn := r.claimNum(c)
	if cn.v.IsZero() || n.v.IsZero() {
		return cn.v.IsZero() && n.v.IsZero()
	}
	if c.kind == count {
		return cn.v.Equal(n.v)
	}
	q := cn.places
	if c.places == 0 && scale(c.unit) <= scale(string(r.unit)) {
		q = n.places // a whole number is exact unless written in a larger unit
	}
	if n.places < q {
		q = n.places
	}
	return cn.v.Round(q).Equal(n.v.Round(q))
}

// figure returns the fact's figure for the claim's role.
func figure(f *Fact, c *claim) Figure {
	switch c.role {
	case rolePrior:
		return f.Prior
	case roleBudget:
		if c.initial && f.InitialBudget.IsSet() {
			return f.InitialBudget
		}
		if c.initial {
			return Figure{}
		}
		if f.Budget.IsSet() {
			return f.Budget
		}
		return f.InitialBudget
	}
	return f.Value
}

func (r *run) facts(c *claim) []*Fact {
	var out []*Fact
	for _, id := range c.factIDs {
		if f := r.ix.byID[id]; f != nil {
			out = append(out, f)
		}
	}
	return out
}

// fmtNum prints n in the claim's unit.
func (r *run) fmtIn(n num, unit string) string {
	if unit == "" || unit == "%" || unit == "％" {
		return n.v.String()
	}
	s := scale(unit)
	if s == 0 && n.v.Exponent() >= -2 && !strings.Contains(unit, "元") {
		return n.v.String() + unit
	}
	v := n.v.Shift(-s)
	p := n.places + s
	if p < 0 {
		p = 0
	}
	return v.StringFixed(p) + unit
}

func (r *run) fmtFig(f *Fact, g Figure) string {
	if f.Count {
		return g.Count.String()
	}
	return g.Amount.String() + string(r.unit)
}

var roleWord = map[role]string{rolePrior: "（上年数）", roleBudget: "（预算数）"}

// checkAmounts compares every claim that restates a table figure.
func (r *run) checkAmounts() {
	for _, c := range r.claims {
		if c.kind == percent || c.ambig || !c.tied || c.approx || c.target {
			continue
		}
		if c.role != roleCurrent && c.role != rolePrior && c.role != roleBudget {
			continue
		}
		var seen []decimal.Decimal // one finding per table value ("收支总计" names two equal figures)
	facts:
		for _, f := range r.facts(c) {
			g := figure(f, c)
			if !g.IsSet() && c.role == roleCurrent && blankChecked(f.ID) && g.Path != "" && f.Count == (c.kind == count) && !c.val.IsZero() {
				r.addClaim(RuleBlankCell, c, g.Path, fmt.Sprintf("“三公”表未填而文中有数：%s文中为%s，表中该项空白未填", f.Title, c.written), c.written, "空白")
				break
			}
			if !g.IsSet() || f.Count != (c.kind == count) {
				continue
			}
			n := r.figNum(f, g)
			if r.same(c, n) {
				c.checked = true
				continue
			}
			for _, v := range seen {
				if v.Equal(n.v) {
					continue facts
				}
			}
			seen = append(seen, n.v)
			msg := fmt.Sprintf("表文不一致：%s%s文中为%s，表中为%s", f.Title, roleWord[c.role], c.written, r.fmtFig(f, g))
			if note := r.mismatchNote(c, f); note != "" {
				msg += "；" + note
			}
			r.addClaim(f.rule(), c, g.Path, msg, r.fmtFig(f, g), c.written)
		}
	}
}

// mismatchNote explains, for a mistyped amount, that the percentages stated
// with it agree with the table figure and not with the typed one.
func (r *run) mismatchNote(c *claim, f *Fact) string {
	var notes []string
	for _, q := range r.inSentence(c) {
		if q.anchor != c || q.role != roleShare {
			continue
		}
		whole := r.wholeOf(q)
		if !whole.ok || whole.v.IsZero() {
			continue
		}
		stated := r.claimNum(c)
		table := r.figNum(f, f.Value)
		a := ratio(stated.v, whole.v, q.places)
		b := ratio(table.v, whole.v, q.places)
		if !a.Equal(q.val) && b.Equal(q.val) {
			notes = append(notes, fmt.Sprintf("所述占比%s%%与表中数相符（按文中数计算为%s%%）", q.val.String(), a.StringFixed(q.places)))
		}
	}
	return strings.Join(notes, "；")
}

func ratio(a, b decimal.Decimal, places int32) decimal.Decimal {
	return a.Mul(hundred).DivRound(b, places) // the exact quotient, rounded once
}

// index files the claims by sentence, and last year's figures by paragraph.
func (r *run) index() {
	r.bySent = map[sentKey][]*claim{}
	r.priors = map[*para][]*claim{}
	for _, c := range r.claims {
		k := sentKey{c.p, c.sent}
		r.bySent[k] = append(r.bySent[k], c)
		if c.role == rolePrior {
			r.priors[c.p] = append(r.priors[c.p], c)
		}
	}
}

type sentKey struct {
	p    *para
	sent int
}

// inSentence returns the claims of c's sentence, in order.
func (r *run) inSentence(c *claim) []*claim {
	cs := r.bySent[sentKey{c.p, c.sent}]
	r.m.add(len(cs))
	return cs
}

// anchors attaches every percentage to the figure it is a percentage of.
func (r *run) anchors() {
	bySent := map[[2]int][]*claim{}
	var order [][2]int
	type key = [2]int
	for _, c := range r.claims {
		k := key{c.p.idx, c.sent}
		if _, ok := bySent[k]; !ok {
			order = append(order, k)
		}
		bySent[k] = append(bySent[k], c)
	}
	for _, k := range order {
		cs := bySent[k]
		for i, c := range cs {
			if c.kind != percent {
				continue
			}
			switch c.role {
			case roleShare, roleCompletion:
				if c.inherit && !c.conn {
					for j := i - 1; j >= 0; j-- {
						r.m.add(0)
						if q := cs[j]; q.kind == money && q.role == roleCurrent {
							c.anchor = q
							break
						}
					}
				}
			case roleRate:
				if c.conn {
					continue
				}
				run := 1
				for j := i + 1; j < len(cs) && cs[j].conn && cs[j].role == roleRate; j++ {
					run++
				}
				// The changes the run of rates belongs to: the money claims
				// just before it, all of them changes.
				var changes []*claim
				ambig := false
				for j := i - 1; j >= 0; j-- {
					r.m.add(0)
					q := cs[j]
					if q.ambig {
						ambig = true
						break
					}
					if q.kind == percent || q.role != roleChange {
						break
					}
					changes = append(changes, q)
				}
				slices.Reverse(changes)
				if ambig {
					for g := 0; g < run; g++ {
						cs[i+g].ambig = true
					}
					continue
				}
				if len(changes) >= run {
					for g := 0; g < run; g++ {
						cs[i+g].anchor = changes[len(changes)-run+g]
					}
				}
			}
		}
	}
}

// subjectNow returns this year's figure of the claim's subject: the table
// figure when the claim restates one, else a figure stated before it in the
// same sentence.
func (r *run) subjectNow(c *claim) num {
	if c.tied {
		for _, f := range r.facts(c) {
			if f.Value.IsSet() && f.Count == (c.kind == count) {
				return r.figNum(f, f.Value)
			}
		}
	}
	var last *claim
	for _, q := range r.inSentence(c) {
		if q.off >= c.off {
			break
		}
		if q.role == roleCurrent && q.kind == c.kind && q.subj == c.subj && !q.ambig {
			last = q
		}
	}
	if last != nil {
		return r.claimNum(last)
	}
	return num{}
}

// subjectPrior returns last year's figure: the table's, or one stated in
// the same paragraph.
func (r *run) subjectPrior(c *claim) num {
	if c.tied {
		for _, f := range r.facts(c) {
			if f.Prior.IsSet() && f.Count == (c.kind == count) {
				return r.figNum(f, f.Prior)
			}
		}
	}
	// The first of the paragraph's last year figures with the same
	// subject or naming the same fact.
	ix := r.priorIndex(c.p)
	r.m.add(len(c.subj))
	best, ok := ix.bySubj[priorKey{c.kind, c.subj}]
	if len(c.factIDs) > 0 {
		if i, found := ix.byFact[priorKey{c.kind, c.factIDs[0]}]; found && (!ok || i < best) {
			best, ok = i, true
		}
	}
	if ok {
		return r.claimNum(r.priors[c.p][best])
	}
	return num{}
}

type priorKey struct {
	k   kind
	key string
}

// priorsOf indexes a paragraph's last year figures (not ambiguous): the
// first by subject and the first by fact.
type priorsOf struct {
	bySubj, byFact map[priorKey]int
}

func (r *run) priorIndex(p *para) *priorsOf {
	if ix := r.priorIx[p]; ix != nil {
		return ix
	}
	ix := &priorsOf{bySubj: map[priorKey]int{}, byFact: map[priorKey]int{}}
	for i, q := range r.priors[p] {
		r.m.add(len(q.subj))
		if q.ambig {
			continue
		}
		if _, ok := ix.bySubj[priorKey{q.kind, q.subj}]; !ok {
			ix.bySubj[priorKey{q.kind, q.subj}] = i
		}
		if len(q.factIDs) > 0 {
			if _, ok := ix.byFact[priorKey{q.kind, q.factIDs[0]}]; !ok {
				ix.byFact[priorKey{q.kind, q.factIDs[0]}] = i
			}
		}
	}
	if r.priorIx == nil {
		r.priorIx = map[*para]*priorsOf{}
	}
	r.priorIx[p] = ix
	return ix
}

var dirWord = map[int]string{1: "增加", -1: "减少"}
var rateWord = map[int]string{1: "增长", -1: "下降"}

func (r *run) pathOf(c *claim, prior bool) string {
	for _, f := range r.facts(c) {
		if prior && f.Prior.IsSet() {
			return f.Prior.Path
		}
		if !prior && f.Value.IsSet() {
			return f.Value.Path
		}
	}
	return ""
}

// checkChanges verifies 同比 changes and rates (C10), and changes against
// the budget (比年初预算增加…, C6).
func (r *run) checkChanges() {
	for _, c := range r.claims {
		if c.role == roleChange && c.cmp == cmpBudget && !c.ambig && c.dir != 0 {
			r.checkBudgetChange(c)
			continue
		}
		if c.ambig || c.cmp != cmpYoY || c.dir == 0 {
			continue
		}
		switch c.role {
		case roleChange:
			cur, prior := r.subjectNow(c), r.subjectPrior(c)
			if !cur.ok || !prior.ok {
				continue
			}
			diff := cur.v.Sub(prior.v)
			title := r.titleOf(c)
			if diff.Sign() != 0 && diff.Sign() != c.dir {
				r.addClaim(RuleYoY, c, r.pathOf(c, true), fmt.Sprintf("增减方向与数字矛盾：%s本年%s、上年%s，应为%s，文中为%s", title, r.fmtIn(cur, c.unit), r.fmtIn(prior, c.unit), dirWord[diff.Sign()], dirWord[c.dir]), dirWord[diff.Sign()], dirWord[c.dir])
				continue
			}
			want := diff.Abs()
			got := r.claimNum(c)
			if !r.same(c, num{v: want, places: minPlaces(cur.places, prior.places), ok: true}) {
				r.addClaim(RuleYoY, c, r.pathOf(c, true), fmt.Sprintf("同比增减额不符：%s本年%s、上年%s，应%s%s，文中为%s", title, r.fmtIn(cur, c.unit), r.fmtIn(prior, c.unit), dirWord[c.dir], r.fmtIn(num{v: want, places: minPlaces(cur.places, prior.places)}, c.unit), c.written), r.fmtIn(num{v: want, places: minPlaces(cur.places, prior.places)}, c.unit), c.written)
				continue
			}
			_ = got
			c.checked = true
		case roleRate:
			r.checkRate(c)
		}
	}
}

// checkBudgetChange verifies "决算比预算增加/减少X万元" against 决算 − 预算.
func (r *run) checkBudgetChange(c *claim) {
	cur := r.subjectNow(c)
	budget, path, bc := r.budgetOf(c, c)
	if !cur.ok || !budget.ok {
		return
	}
	diff := cur.v.Sub(budget.v)
	title := r.titleOf(c)
	places := minPlaces(cur.places, budget.places)
	switch {
	case diff.Sign() != 0 && diff.Sign() != c.dir:
		r.addClaim(RuleBudget, c, path, fmt.Sprintf("预决算对比表述与数字矛盾：%s决算%s、预算%s，应为%s，文中为%s", title, r.fmtIn(cur, c.unit), r.fmtIn(budget, c.unit), dirWord[diff.Sign()], dirWord[c.dir]), dirWord[diff.Sign()], dirWord[c.dir])
	case !r.same(c, num{v: diff.Abs(), places: places, ok: true}):
		want := r.fmtIn(num{v: diff.Abs(), places: places}, c.unit)
		r.addClaim(RuleBudget, c, path, fmt.Sprintf("决算与预算的差额不符：%s决算%s、预算%s，应%s%s，文中为%s", title, r.fmtIn(cur, c.unit), r.fmtIn(budget, c.unit), dirWord[c.dir], want, c.written), want, c.written)
	default:
		c.checked = true
		if bc != nil {
			bc.checked = true
		}
	}
}

func minPlaces(a, b int32) int32 {
	if a < b {
		return a
	}
	return b
}

func (r *run) titleOf(c *claim) string {
	if fs := r.facts(c); len(fs) > 0 {
		return fs[0].Title
	}
	if c.subj != "" {
		return c.subj
	}
	return ""
}

func (r *run) checkRate(c *claim) {
	a := c.anchor
	var cur, prior num
	var change decimal.Decimal
	subj := c
	if a != nil {
		subj = a
		if a.dir != 0 && a.dir != c.dir {
			r.addClaim(RuleYoY, c, "", fmt.Sprintf("增减方向前后矛盾：增减额为“%s”，增减率为“%s”", dirWord[a.dir], rateWord[c.dir]), rateWord[a.dir], rateWord[c.dir])
			return
		}
		change = r.claimNum(a).v
		cur, prior = r.subjectNow(a), r.subjectPrior(a)
		if !prior.ok && cur.ok {
			prior = num{v: cur.v.Sub(change.Mul(decimal.NewFromInt(int64(a.dir)))), ok: true}
		}
		if !prior.ok {
			return
		}
	} else {
		cur, prior = r.subjectNow(c), r.subjectPrior(c)
		if !cur.ok || !prior.ok {
			return
		}
		d := cur.v.Sub(prior.v)
		if d.Sign() != 0 && d.Sign() != c.dir {
			r.addClaim(RuleYoY, c, r.pathOf(c, true), fmt.Sprintf("增减方向与数字矛盾：%s本年%s、上年%s，应为%s，文中为%s", r.titleOf(c), r.fmtIn(cur, "万元"), r.fmtIn(prior, "万元"), rateWord[d.Sign()], rateWord[c.dir]), rateWord[d.Sign()], rateWord[c.dir])
			return
		}
		change = d.Abs()
	}
	if prior.v.IsZero() && !change.IsZero() {
		r.addClaim(RuleZeroBase, c, r.pathOf(subj, true), fmt.Sprintf("零基数的增长率：%s上年数为0，增减率无从计算，文中为%s%s", r.titleOf(subj), rateWord[c.dir], c.written), "无", c.written)
		if a != nil {
			a.checked = true
		}
		return
	}
	if prior.v.Sign() <= 0 {
		return
	}
	want := ratio(change.Abs(), prior.v, c.places)
	if want.Equal(c.val) {
		c.checked = true
		if a != nil {
			a.checked = true
		}
		return
	}
	msg := fmt.Sprintf("增减率不符：%s增减额%s÷上年%s×100=%s%%，文中为%s", r.titleOf(subj), r.fmtIn(num{v: change.Abs(), places: -2, ok: true}, "万元"), r.fmtIn(num{v: prior.v, places: -2, ok: true}, "万元"), ratio(change.Abs(), prior.v, 2).StringFixed(maxPlaces(c.places, 2)), c.written)
	r.addClaim(RuleYoY, c, r.pathOf(subj, true), msg, want.StringFixed(c.places)+"%", c.written)
}

func maxPlaces(a, b int32) int32 {
	if a > b {
		return a
	}
	return b
}

// wholeOf returns the figure a share is a share of.
func (r *run) wholeOf(c *claim) num {
	if c.whole != "" {
		w := r.m.stripSubject(c.whole)
		if ids := r.l.matchLabelM(r.m, w, c.p.ctx, money, ""); len(ids) > 0 {
			if f := r.ix.byID[ids[0]]; f != nil && f.Value.IsSet() {
				return r.figNum(f, f.Value)
			}
		}
		// A figure stated earlier in the paragraph under that name.
		for _, q := range r.inSentence(c) {
			if q.off < c.off && q.kind == money && q.role == roleCurrent && q.subj != "" && strings.HasSuffix(w, q.subj) {
				return r.claimNum(q)
			}
		}
		return num{}
	}
	part := c.anchor
	if part == nil {
		part = c
	}
	for _, f := range r.facts(part) {
		if f.Whole == "" {
			continue
		}
		if w := r.ix.byID[f.Whole]; w != nil && w.Value.IsSet() {
			return r.figNum(w, w.Value)
		}
		for _, q := range r.inSentence(c) {
			if q.off < c.off && len(q.factIDs) > 0 && q.factIDs[0] == f.Whole && q.role == roleCurrent {
				return r.claimNum(q)
			}
		}
	}
	// The lead figure of the sentence: "X万元，其中：…" or "X万元，主要用于…".
	for _, q := range r.inSentence(c) {
		if q.off >= c.off || q == part || q.kind != money || q.role != roleCurrent {
			continue
		}
		after := c.p.text[q.end:min(len(c.p.text), q.end+40)]
		if leadAfter.MatchString(after) {
			return r.partNum(q)
		}
	}
	return num{}
}

var leadAfter = regexp.MustCompile(`^[^0-9]{0,6}(?:其中|主要用于|主要包括|包括|具体)`)

// partNum is the figure of a claim for computations: the table's when the
// claim restates one, else as stated.
func (r *run) partNum(c *claim) num {
	if c.tied {
		for _, f := range r.facts(c) {
			if g := figure(f, c); g.IsSet() && f.Count == (c.kind == count) {
				return r.figNum(f, g)
			}
		}
	}
	return r.claimNum(c)
}

func (r *run) ruleFor(c *claim) string {
	if fs := r.facts(c); len(fs) > 0 {
		return fs[0].rule()
	}
	return contextRule(c.p.ctx)
}

func contextRule(ctx string) string {
	switch strings.SplitN(ctx, "/", 2)[0] {
	case "overall":
		return RuleTotals
	case "income":
		return RuleIncome
	case "expenditure":
		return RuleExpenditure
	case "fiscal":
		return RuleFiscal
	case "generalBudget":
		return RuleGeneralBudget
	case "basic":
		return RuleBasic
	case "threePublic":
		return RuleThreePublic
	}
	return RuleOther
}

// checkShares verifies 占比 (part ÷ whole × 100).
func (r *run) checkShares() {
	for _, c := range r.claims {
		if c.role != roleShare || c.ambig {
			continue
		}
		part := c.anchor
		var pn num
		if part != nil {
			pn = r.partNum(part)
		} else if c.tied {
			for _, f := range r.facts(c) {
				if f.Value.IsSet() {
					pn = r.figNum(f, f.Value)
					break
				}
			}
		}
		if !pn.ok {
			continue
		}
		wn := r.wholeOf(c)
		if !wn.ok {
			continue
		}
		if wn.v.IsZero() {
			if pn.v.IsZero() && c.val.IsZero() {
				c.checked = true
				if part != nil {
					part.checked = part.checked || !part.tied
				}
			}
			continue
		}
		want := ratio(pn.v, wn.v, c.places)
		if want.Equal(c.val) {
			c.checked = true
			if part != nil && !part.tied {
				part.checked = true
			}
			continue
		}
		subj := c
		if part != nil {
			subj = part
		}
		msg := fmt.Sprintf("占比与金额不符：%s%s÷%s×100=%s%%，文中为%s", r.titleOf(subj), r.fmtIn(pn, "万元"), r.fmtIn(wn, "万元"), ratio(pn.v, wn.v, 2).StringFixed(maxPlaces(c.places, 2)), c.written)
		r.addClaim(r.ruleFor(subj), c, r.pathOf(subj, false), msg, want.StringFixed(c.places)+"%", c.written)
	}
}

// checkCompletions verifies 完成预算 % (决算 ÷ 预算 × 100).
func (r *run) checkCompletions() {
	for _, c := range r.claims {
		if c.role != roleCompletion || c.ambig {
			continue
		}
		subj := c
		if c.anchor != nil {
			subj = c.anchor
		}
		var actual num
		if c.anchor != nil {
			actual = r.partNum(c.anchor)
		} else {
			actual = r.subjectNow(c)
		}
		if !actual.ok {
			continue
		}
		budget, path, bc := r.budgetOf(subj, c)
		if budget.ok && budget.v.IsZero() && c.initial {
			r.zeroBudget(subj, c, actual, path)
			if bc != nil {
				bc.checked = true
			}
			continue
		}
		if !budget.ok || budget.v.Sign() <= 0 {
			continue
		}
		want := ratio(actual.v, budget.v, c.places)
		if want.Equal(c.val) {
			c.checked = true
			if bc != nil {
				bc.checked = true
			}
			if c.anchor != nil && !c.anchor.tied {
				c.anchor.checked = true
			}
			continue
		}
		rule := RuleBudget
		if fs := r.facts(subj); len(fs) > 0 && fs[0].rule() == RuleThreePublic {
			rule = RuleThreePublic
		}
		msg := fmt.Sprintf("完成预算比例不符：%s决算%s÷预算%s×100=%s%%，文中为%s", r.titleOf(subj), r.fmtIn(actual, "万元"), r.fmtIn(budget, "万元"), ratio(actual.v, budget.v, 2).StringFixed(maxPlaces(c.places, 2)), c.written)
		r.addClaim(rule, c, path, msg, want.StringFixed(c.places)+"%", c.written)
	}
}

// budgetOf returns the budget of a claim's subject: the table's, or one
// stated in the same sentence (then also that claim, to be marked checked
// when the check it serves passes).
func (r *run) budgetOf(subj, c *claim) (num, string, *claim) {
	if subj.tied || c.tied {
		for _, f := range append(r.facts(subj), r.facts(c)...) {
			g := f.Budget
			if c.initial || !g.IsSet() {
				g = f.InitialBudget
			}
			if c.initial && !f.InitialBudget.IsSet() {
				continue
			}
			if g.IsSet() {
				return r.figNum(f, g), g.Path, nil
			}
		}
	}
	var found []*claim
	for _, q := range r.inSentence(c) {
		if q.off < c.off && q.role == roleBudget && q.kind == money && !q.ambig {
			found = append(found, q)
		}
	}
	for _, q := range found {
		if q.subj == subj.subj {
			return r.claimNum(q), "", q
		}
	}
	if len(found) == 1 {
		return r.claimNum(found[0]), "", found[0]
	}
	return num{}, "", nil
}

var _ = amount.TenThousandYuan
