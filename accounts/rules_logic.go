package accounts

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/accounts/amount"
	"github.com/cnfiscal/juesuan/accounts/audit"
	"github.com/cnfiscal/juesuan/classification"
)

// A16 negative figures.
func checkA16(c *Context) {
	fn := func(l loc, a *Amount) {
		c.checks++
		if mc, ok := a.Micro(); ok && mc >= 0 {
			return
		}
		if a.Sign() >= 0 || slices.Contains(c.Options.NegativeAllowed, l.name()) {
			return
		}
		c.Add(audit.Finding{Path: l.String(),
			Message:  fmt.Sprintf("金额不得为负数：%s为%s%s", l.String(), a, c.Unit()),
			Expected: "≥0", Actual: a.String()})
	}
	t := &c.Report.Tables
	for _, k := range tableKeys {
		t.walkTable(k, fn)
	}
	for _, k := range slices.Sorted(maps.Keys(t.Extra)) {
		if g := t.Extra[k]; g != nil {
			walkExtra(k, g, fn)
		}
	}
	if c.Report.PriorYear != nil {
		walkPrior(c.Report.PriorYear, fn)
	}
}

// nonZero finds the stated non-zero figures of a table: the first one, and
// how many there are.
type nonZero struct {
	first loc
	a     Amount
	n     int
}

func (z *nonZero) visit(l loc, a *Amount) {
	if a.Sign() != 0 {
		if z.n == 0 {
			z.first, z.a = l, *a
		}
		z.n++
	}
}

// tableNonZero reports the non-zero figures of table key (or of the added
// table key, when extra) and whether it has rows.
func (t *Tables) tableNonZero(key string) (z nonZero, rows int, present bool) {
	present = t.walkTable(key, z.visit)
	switch key {
	case "govFund":
		if present {
			rows = len(t.GovFund.Rows)
		}
	case "stateCapital":
		if present {
			rows = len(t.StateCapital.Rows)
		}
	case "stateCapitalExpenditure":
		if present {
			rows = len(t.StateCapitalExpenditure.Rows)
		}
	}
	return z, rows, present
}

// noteOf returns the note of a table that has one.
func (t *Tables) noteOf(key string) (title, note string, ok bool) {
	switch key {
	case "fiscalEconomic":
		if t.FiscalEconomic != nil {
			return titleFiscalEconomic, t.FiscalEconomic.Note, true
		}
	case "generalBudget":
		if t.GeneralBudget != nil {
			return titleGeneralBudget, t.GeneralBudget.Note, true
		}
	case "generalBudgetEconomic":
		if t.GeneralBudgetEconomic != nil {
			return titleGeneralBudgetEconomic, t.GeneralBudgetEconomic.Note, true
		}
	case "threePublic":
		if t.ThreePublic != nil {
			return titleThreePublic, t.ThreePublic.Note, true
		}
	case "govFund":
		if t.GovFund != nil {
			return titleGovFund, t.GovFund.Note, true
		}
	case "govFundThreePublic":
		if t.GovFundThreePublic != nil {
			return titleGovFundThreePublic, t.GovFundThreePublic.Note, true
		}
	case "stateCapital":
		if t.StateCapital != nil {
			return titleStateCapital, t.StateCapital.Note, true
		}
	case "stateCapitalExpenditure":
		if t.StateCapitalExpenditure != nil {
			return titleStateCapitalExpenditure, t.StateCapitalExpenditure.Note, true
		}
	}
	return "", "", false
}

// emptyTableNotes are the tables that are kept, with a note, when the
// department has no such funds, and the note the templates print.
var emptyTableNotes = []struct{ key, note string }{
	{"govFund", "本年度没有政府性基金预算财政拨款收入、支出，故本表无数据。"},
	{"govFundThreePublic", "本年度没有使用政府性基金预算财政拨款安排的“三公”经费支出，故本表无数据。"},
	{"stateCapital", "本年度没有国有资本经营预算财政拨款收入、支出，故本表无数据。"},
	{"stateCapitalExpenditure", "本年度没有国有资本经营预算财政拨款支出，故本表无数据。"},
}

// E1 an empty fund table carries its note.
func checkE1(c *Context) {
	t := &c.Report.Tables
	for _, e := range emptyTableNotes {
		c.checks++
		z, rows, present := t.tableNonZero(e.key)
		title, note, _ := t.noteOf(e.key)
		if !present || z.n > 0 || rows > 0 || strings.TrimSpace(note) != "" {
			continue
		}
		c.Add(audit.Finding{Path: "/tables/" + e.key + "/note",
			Message:  fmt.Sprintf("%s无数据，应保留表格并加说明，如“%s”", title, e.note),
			Expected: e.note})
	}
}

// E2 a table whose note says it has no data has no non-zero figure.
func checkE2(c *Context) {
	t := &c.Report.Tables
	for _, k := range tableKeys {
		title, note, ok := t.noteOf(k)
		if !ok || strings.TrimSpace(note) == "" {
			continue
		}
		c.checks++
		z, _, _ := t.tableNonZero(k)
		if z.n > 0 {
			c.Add(e2Finding(title, note, z, c.Unit()))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(t.Extra)) {
		g := t.Extra[k]
		if g == nil || strings.TrimSpace(g.Note) == "" {
			continue
		}
		c.checks++
		var z nonZero
		walkExtra(k, g, z.visit)
		if z.n > 0 {
			c.Add(e2Finding("自定义报表“"+k+"”", g.Note, z, c.Unit()))
		}
	}
}

func e2Finding(title, note string, z nonZero, u amount.Unit) audit.Finding {
	return audit.Finding{Path: z.first.String(),
		Message: fmt.Sprintf("%s注明“%s”，但表中有%d个非零数，%s为%s%s",
			title, strings.TrimSpace(note), z.n, z.first.String(), z.a, u),
		Expected: "0", Actual: z.a.String()}
}

// D1 a code listed twice in one table.
func checkD1(c *Context) {
	eachPart(c, partVisitor{
		fn:     func(p partLike) { p.duplicates(c) },
		budget: func(p *budgetPart) { budgetDuplicates(c, p) },
	})
}

// K1 codes exist in the edition of the year, at an admitted level.
func checkK1(c *Context) {
	eachPart(c, partVisitor{fn: func(p partLike) { p.codes(c) }})
}

// K2 names agree with the edition's names.
func checkK2(c *Context) {
	eachPart(c, partVisitor{fn: func(p partLike) { p.names(c) }})
}

// partLike is the non-generic face of a part, for rules that visit every
// coded part of the report.
type partLike interface {
	duplicates(c *Context)
	codes(c *Context)
	names(c *Context)
}

type partVisitor struct {
	fn     func(p partLike)
	budget func(p *budgetPart) // z01_1 rows, when the rule treats them apart
}

// eachPart calls v for every coded part of the report.
func eachPart(c *Context, v partVisitor) {
	t := &c.Report.Tables
	forSummaries(c, func(s *summaryDoc) { v.fn(s.part()) })
	if t.Income != nil {
		v.fn(newIncomePart(t.Income))
	}
	if t.Expenditure != nil {
		v.fn(newExpPart(t.Expenditure))
	}
	forFiscals(c, func(f *fiscalDoc) { v.fn(f.part()) })
	if t.FiscalEconomic != nil {
		v.fn(newFiscalEconomicPart(t.FiscalEconomic))
	}
	if t.GeneralBudget != nil {
		v.fn(newGeneralBudgetPart(t.GeneralBudget))
	}
	if t.GeneralBudgetEconomic != nil {
		v.fn(newGeneralBudgetEconomicPart(t.GeneralBudgetEconomic))
	}
	if t.GeneralBudgetBasic != nil {
		v.fn(newBasicPart(t.GeneralBudgetBasic))
	}
	if t.GeneralBudgetProject != nil {
		v.fn(newProjectPart(t.GeneralBudgetProject))
	}
	if t.GovFund != nil {
		v.fn(newGovFundPart(t.GovFund))
	}
	if t.StateCapital != nil {
		v.fn(newStateCapitalPart(t.StateCapital))
	}
	if t.StateCapitalExpenditure != nil {
		v.fn(newStateCapitalExpPart(t.StateCapitalExpenditure))
	}
	if t.Z07 != nil {
		v.fn(newZ07Part(t.Z07))
	}
	if t.Z011 != nil {
		p := newZ011Part(t.Z011)
		if v.budget != nil {
			v.budget(p)
		} else {
			v.fn(p)
		}
	}
}

func (p *part[R, C, P]) duplicates(c *Context) {
	ord := p.order(c.idx)
	if ord != nil {
		c.idx = ord
	}
	idx := func(k int) int {
		if ord == nil {
			return k
		}
		return int(ord[k])
	}
	for k := 1; k < len(p.rows); k++ {
		c.checks++
		i, j := idx(k-1), idx(k)
		if p.code(i) != p.code(j) {
			continue
		}
		c.Add(audit.Finding{Path: rowAt(p.rowsAt, j, "code").String(),
			Message: fmt.Sprintf("%s中科目%s重复列示（%s与%s）", p.table, p.code(j),
				rowAt(p.rowsAt, i, "").String(), rowAt(p.rowsAt, j, "").String()),
			Expected: "每个科目只列一行", Actual: string(p.code(j))})
	}
}

// budgetDuplicates: a z01_1 row is keyed by code and fund. Rows listed in
// code order need no index; otherwise a map finds the duplicates.
func budgetDuplicates(c *Context, p *budgetPart) {
	type key struct {
		code classification.FuncCode
		fund Fund
	}
	sorted := true
	for i := 1; i < len(p.rows); i++ {
		c.checks++
		if p.rows[i].Code < p.rows[i-1].Code {
			sorted = false
			break
		}
	}
	if sorted {
		// within a run of equal codes, compare the funds pairwise
		for i := 1; i < len(p.rows); i++ {
			for j := i - 1; j >= 0 && p.rows[j].Code == p.rows[i].Code; j-- {
				if p.rows[j].Fund == p.rows[i].Fund {
					reportBudgetDuplicate(c, p, j, i)
					break
				}
			}
		}
		return
	}
	seen := make(map[key]int, len(p.rows))
	for i := range p.rows {
		c.checks++
		k := key{p.rows[i].Code, p.rows[i].Fund}
		if j, ok := seen[k]; ok {
			reportBudgetDuplicate(c, p, j, i)
			continue
		}
		seen[k] = i
	}
}

func reportBudgetDuplicate(c *Context, p *budgetPart, j, i int) {
	r := &p.rows[i]
	c.Add(audit.Finding{Path: rowAt(p.rowsAt, i, "code").String(),
		Message: fmt.Sprintf("%s中科目%s（%s）重复列示（%s与%s）", p.table, r.Code, r.Fund,
			rowAt(p.rowsAt, j, "").String(), rowAt(p.rowsAt, i, "").String()),
		Expected: "每个科目每种资金只列一行", Actual: string(r.Code)})
}

func levelsWord(ls []classification.Level) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteString("、")
		}
		b.WriteString(l.String())
	}
	return b.String()
}

func (p *part[R, C, P]) codes(c *Context) {
	var zero C
	cat := c.Catalogs.For(zero.Family())
	if cat == nil {
		return
	}
	for i := range p.rows {
		c.checks++
		code := p.code(i)
		lv := code.Level()
		if lv != 0 && (p.levels == nil || slices.Contains(p.levels, lv)) {
			if _, ok := cat.Lookup(string(code)); ok {
				continue
			}
		}
		err := cat.Check(string(code), p.levels...)
		if err == nil {
			continue
		}
		c.Add(codeFinding(p.table, cat, rowAt(p.rowsAt, i, "code"), string(code), p.levels, err))
	}
}

func codeFinding(table string, cat *classification.Catalog, l loc, code string, levels []classification.Level, err error) audit.Finding {
	fam := cat.Family().Title()
	f := audit.Finding{Path: l.String(), Actual: code, Severity: audit.Error}
	var ce *classification.CodeError
	detail := ""
	if errors.As(err, &ce) {
		detail = ce.Detail
	}
	switch {
	case errors.Is(err, classification.ErrMalformed):
		f.Message = fmt.Sprintf("%s科目编码“%s”格式错误：%s科目编码应为%s位数字", table, code, fam, digitsWord(cat.Family()))
	case errors.Is(err, classification.ErrWrongLevel):
		lv := classification.FuncCode(code).Level()
		f.Message = fmt.Sprintf("%s只列%s级科目，科目%s是%s级", table, levelsWord(levels), code, lv)
		f.Expected = levelsWord(levels)
		f.Actual = code + "（" + lv.String() + "）"
	case errors.Is(err, classification.ErrNotInYear):
		f.Message = fmt.Sprintf("%s科目%s在%d年度%s中无效（%s）", table, code, cat.Year(), fam, detail)
	case classification.IsWarning(err):
		f.Severity = audit.Warning
		f.Message = fmt.Sprintf("%s科目%s不在内置%d年度%s中；内置%s级科目表不完整，请核实，或载入官方科目表", table, code, cat.Year(), fam,
			classification.FuncCode(code).Level())
	default:
		f.Message = fmt.Sprintf("%s科目%s不在%d年度%s中", table, code, cat.Year(), fam)
	}
	return f
}

func digitsWord(f classification.Family) string {
	if f == classification.Functional {
		return "3、5或7"
	}
	return "3或5"
}

func (p *part[R, C, P]) names(c *Context) {
	var zero C
	cat := c.Catalogs.For(zero.Family())
	if cat == nil {
		return
	}
	for i := range p.rows {
		r := p.at(i)
		name := r.rowName()
		if name == "" {
			continue
		}
		c.checks++
		e, ok := cat.Lookup(string(r.rowCode()))
		if !ok || sameName(name, e.Name) {
			continue
		}
		c.Add(audit.Finding{Path: rowAt(p.rowsAt, i, "name").String(),
			Message: fmt.Sprintf("%s科目%s的名称“%s”与%d年度%s名称“%s”不一致", p.table, e.Code, name,
				cat.Year(), cat.Family().Title(), e.Name),
			Expected: e.Name, Actual: name})
	}
}

// sameName compares a stated 科目名称 with the catalogue's, ignoring what
// tables add or vary: spaces, half- against full-width parentheses, an
// ordinal prefix (一、 （一） 1．) and a level suffix (（类） （款） （项）).
// It does not allocate.
func sameName(stated, want string) bool {
	if stated == want {
		return true
	}
	a, b := trimName(stated), trimName(want)
	for {
		ra, na := nextRune(a)
		rb, nb := nextRune(b)
		if na == 0 || nb == 0 {
			return na == nb
		}
		if ra != rb {
			return false
		}
		a, b = a[na:], b[nb:]
	}
}

// nextRune returns the next significant rune of s (skipping spaces, with
// parentheses folded to full width) and the bytes consumed through it; 0
// at the end.
func nextRune(s string) (rune, int) {
	n := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		n += w
		if unicode.IsSpace(r) {
			continue
		}
		switch r {
		case '(':
			r = '（'
		case ')':
			r = '）'
		}
		return r, n
	}
	return 0, 0
}

var levelSuffixes = []string{"（类）", "（款）", "（项）", "(类)", "(款)", "(项)"}

func trimName(s string) string {
	s = strings.TrimSpace(s)
	// ordinal prefix: 一、 二十一、 （一） 1． 1.
	if i := strings.Index(s, "、"); i > 0 && isOrdinal(s[:i]) {
		s = s[i+len("、"):]
	} else if strings.HasPrefix(s, "（") {
		if j := strings.Index(s, "）"); j > 0 && isOrdinal(s[len("（"):j]) {
			s = s[j+len("）"):]
		}
	} else if i := strings.IndexAny(s, ".．"); i > 0 && isOrdinal(s[:i]) {
		_, w := utf8.DecodeRuneInString(s[i:])
		s = s[i+w:]
	}
	for _, suf := range levelSuffixes {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.TrimSpace(s)
}

func isOrdinal(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("一二三四五六七八九十0123456789", r) {
			return false
		}
	}
	return true
}
