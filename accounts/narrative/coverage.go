package narrative

import "github.com/cnfiscal/juesuan/audit"

// Recorder receives the coverage ledger of one LintWith call. Package
// juesuan records it in its coverage ledger (juesuan.Coverage, the
// accounts package's), beside the ledger of the table rules.
//
// A narrative check is one number of the text (a claim: an amount, a
// count or a percentage with its unit) compared with the table figure,
// last year's figure or the budget it restates, or with the other figures
// of its sentence, under the rule of that figure (C1–C10, C16, C17, C19 …);
// one paragraph read for the rules that test the text itself (C11–C14,
// C21); and one required section looked for (G5). A number that names a
// figure the document does not state (a blank cell, a table that is
// absent) could not be checked: Skip.
type Recorder interface {
	// Skip records a check of rule id that could not run for reason
	// ("absent"): path is the JSON Pointer of the absent figure when the
	// document has its place (a blank cell), else "" and fact the ID of
	// the Fact the sentence names; line and col locate the number.
	Skip(id, reason, path, fact string, line, col int)
	// Rule records rule id after its skips: ran checks ran, of which
	// fired gave a finding; idle says why the rule had nothing to check
	// when ran is 0 and no check was skipped.
	Rule(id string, ran, fired int, idle string)
}

// SkipAbsent is the reason of a check whose table figure is not stated
// (the accounts package's reason of the same name).
const SkipAbsent = "absent"

// textRules test the text itself: each paragraph read is a check.
var textRules = map[string]bool{RuleLeftover: true, RuleYear: true, RuleInstruction: true, RulePunctuation: true}

// record gives rec the ledger of run r, whose findings are made.
func (r *run) record(rec Recorder) {
	// ran counts checks that include those that fired (paragraphs, numbers
	// tested whether they tie, sections); passed the numbers that agree.
	ran, passed := map[string]int{}, map[string]int{}
	for _, c := range r.claims {
		r.m.add(0)
		if r.inInstruction(c) {
			continue
		}
		ran[RuleUnverified]++ // every number is tested whether it ties
		if c.ambig || c.reported && !c.unverified {
			continue // a finding of its rule
		}
		if c.checked {
			passed[r.ruleOf(c)]++
			continue
		}
		if c.kind == percent || c.role == roleChange {
			continue
		}
		fs := r.facts(c)
		at := c.p.at(c.off)
		switch {
		case len(fs) > 0 && allBlank(fs, c):
			f := fs[0]
			g := figure(f, c)
			if g.Path != "" {
				rec.Skip(f.rule(), SkipAbsent, g.Path, "", at.line, at.col)
			} else {
				rec.Skip(f.rule(), SkipAbsent, "", f.ID, at.line, at.col)
			}
		case len(fs) == 0 && len(c.factIDs) > 0:
			rec.Skip(RuleFor(c.factIDs[0]), SkipAbsent, "", c.factIDs[0], at.line, at.col)
		}
	}
	if n := len(r.d.paras); n > 0 {
		for id := range textRules {
			ran[id] += n
		}
		if r.input.UnitName != "" {
			ran[RuleUnitName] += n
		}
	}
	fired := map[string]int{}
	for id, rf := range r.byRule {
		fired[id] = len(rf.list) + rf.omitted
	}
	whole := r.d.parts() >= minParts
	if len(r.l.pat.required) > 0 && whole {
		ran[RuleSections] = len(r.l.pat.required)
		fired[RuleSections] = len(r.missingSections())
	}
	for _, ru := range Rules() {
		id := ru.ID
		n := max(ran[id], passed[id]+fired[id])
		rec.Rule(id, n, fired[id], r.idleReason(id, whole))
	}
}

// allBlank reports whether every figure of fs that claim c restates is
// absent.
func allBlank(fs []*Fact, c *claim) bool {
	for _, f := range fs {
		if figure(f, c).IsSet() {
			return false
		}
	}
	return true
}

// ruleOf is the rule a check of claim c runs under: for a change or a
// rate of change, C6 against the budget and C10 against last year; for a
// 完成率, C6 with a table figure and C16 without; else the rule of the
// figure c (or the claim it is stated with) restates, C17 when it names
// none.
func (r *run) ruleOf(c *claim) string {
	switch c.role {
	case roleChange, roleRate:
		if c.cmp == cmpBudget || c.cmp == cmpInitialBudget {
			return RuleBudget
		}
		return RuleYoY
	case roleCompletion:
		if len(c.factIDs) > 0 {
			return RuleBudget
		}
		return RuleTarget
	}
	for x, k := c, 0; x != nil && k < 4; x, k = x.anchor, k+1 {
		if fs := r.facts(x); len(fs) > 0 {
			return fs[0].rule()
		}
		if len(x.factIDs) > 0 {
			return RuleFor(x.factIDs[0])
		}
	}
	return RuleOther
}

// idleReason says why rule id found nothing to check in r; whole is
// whether the text is a whole disclosure.
func (r *run) idleReason(id string, whole bool) string {
	switch id {
	case RuleSections:
		if len(r.l.pat.required) == 0 {
			return "the profile requires no sections"
		}
		if !whole {
			return "the narrative is not a whole disclosure (fewer than two parts), so its sections are not checked"
		}
	case RuleUnitName:
		if r.input.UnitName == "" {
			return "the unit's name is not known"
		}
	case RuleItemList:
		if len(r.input.Economic) == 0 {
			return "the 基本支出 table lists no 经济分类 rows"
		}
	case RuleTarget:
		if len(r.input.Indicators) == 0 {
			return "no performance indicator with a 完成率"
		}
	}
	if len(r.d.paras) == 0 {
		return "the narrative is empty"
	}
	return "no sentence states what the rule checks"
}

// LintWith is Lint that also gives rec, when not nil, the coverage ledger
// of the call (see Recorder). The findings are those of Lint.
func (l *Linter) LintWith(text []byte, facts *Facts, rec Recorder) (audit.Findings, error) {
	return l.lint(text, facts, rec)
}
