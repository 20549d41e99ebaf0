package accounts

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

// A16 negative figures. The walk also counts each table's non-zero
// figures, for B6, E1 and E2 (see Tables.tableNonZero).
func checkA16(c *Context) {
	w := walker{c: c, negatives: true}
	t := &c.Report.Tables
	for id := range numTables {
		w.z = nonZero{}
		present := t.walkTable(id, &w)
		c.counted[id] = tableCount{done: true, present: present, z: w.z}
	}
	if len(t.Extra) > 0 {
		for _, k := range slices.Sorted(maps.Keys(t.Extra)) {
			if g := t.Extra[k]; g != nil {
				walkExtra(&w, k, g)
			}
		}
	}
	if c.Report.PriorYear != nil {
		walkPrior(&w, c.Report.PriorYear)
	}
	c.checks += w.skipped // each passed-over figure was checked
}

// negative reports a at l under A16 if it is negative and its column may
// not be.
func (c *Context) negative(l loc, a *Amount) {
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

// tableCount is what a walk of one table found: whether the table is
// present and its non-zero figures.
type tableCount struct {
	done, present bool
	z             nonZero
}

// tableNonZero reports the non-zero figures of table id and whether it
// has rows. Each table is walked at most once per call: A16's walk counts
// them too, and B6, E1 and E2 ask about the same tables (see
// scratch.counted).
func (t *Tables) tableNonZero(c *Context, id tableID) (z nonZero, rows int, present bool) {
	tc := &c.counted[id]
	if !tc.done {
		w := walker{c: c}
		*tc = tableCount{done: true, present: t.walkTable(id, &w), z: w.z}
	}
	z, present = tc.z, tc.present
	switch id {
	case tGovFund:
		if present {
			rows = len(t.GovFund.Rows)
		}
	case tStateCapital:
		if present {
			rows = len(t.StateCapital.Rows)
		}
	case tStateCapitalExpenditure:
		if present {
			rows = len(t.StateCapitalExpenditure.Rows)
		}
	}
	return z, rows, present
}

// noteOf returns the note of a table that has one.
func (t *Tables) noteOf(id tableID) (title, note string, ok bool) {
	switch id {
	case tFiscalEconomic:
		if t.FiscalEconomic != nil {
			return titleFiscalEconomic, t.FiscalEconomic.Note, true
		}
	case tGeneralBudget:
		if t.GeneralBudget != nil {
			return titleGeneralBudget, t.GeneralBudget.Note, true
		}
	case tGeneralBudgetEconomic:
		if t.GeneralBudgetEconomic != nil {
			return titleGeneralBudgetEconomic, t.GeneralBudgetEconomic.Note, true
		}
	case tThreePublic:
		if t.ThreePublic != nil {
			return titleThreePublic, t.ThreePublic.Note, true
		}
	case tGovFund:
		if t.GovFund != nil {
			return titleGovFund, t.GovFund.Note, true
		}
	case tGovFundThreePublic:
		if t.GovFundThreePublic != nil {
			return titleGovFundThreePublic, t.GovFundThreePublic.Note, true
		}
	case tStateCapital:
		if t.StateCapital != nil {
			return titleStateCapital, t.StateCapital.Note, true
		}
	case tStateCapitalExpenditure:
		if t.StateCapitalExpenditure != nil {
			return titleStateCapitalExpenditure, t.StateCapitalExpenditure.Note, true
		}
	}
	return "", "", false
}

// emptyTableNotes are the tables that are kept, with a note, when the
// department has no such funds, and the note the templates print.
var emptyTableNotes = []struct {
	table tableID
	note  string
}{
	{tGovFund, "本年度没有政府性基金预算财政拨款收入、支出，故本表无数据。"},
	{tGovFundThreePublic, "本年度没有使用政府性基金预算财政拨款安排的“三公”经费支出，故本表无数据。"},
	{tStateCapital, "本年度没有国有资本经营预算财政拨款收入、支出，故本表无数据。"},
	{tStateCapitalExpenditure, "本年度没有国有资本经营预算财政拨款支出，故本表无数据。"},
}

// E1 an empty fund table carries its note.
func checkE1(c *Context) {
	t := &c.Report.Tables
	for _, e := range emptyTableNotes {
		c.checks++
		z, rows, present := t.tableNonZero(c, e.table)
		title, note, _ := t.noteOf(e.table)
		if !present || z.n > 0 || rows > 0 || !blank(note) {
			continue
		}
		c.Add(audit.Finding{Path: "/tables/" + e.table.key() + "/note",
			Message:  fmt.Sprintf("%s无数据，应保留表格并加说明，如“%s”", title, e.note),
			Expected: e.note})
	}
}

// E2 a table whose note says it has no data has no non-zero figure.
func checkE2(c *Context) {
	t := &c.Report.Tables
	for id := range numTables {
		title, note, ok := t.noteOf(id)
		if !ok || blank(note) {
			continue
		}
		c.checks++
		z, _, _ := t.tableNonZero(c, id)
		if z.n > 0 {
			c.Add(e2Finding(title, note, z, c.Unit()))
		}
	}
	if len(t.Extra) == 0 {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(t.Extra)) {
		g := t.Extra[k]
		if g == nil || blank(g.Note) {
			continue
		}
		c.checks++
		w := walker{c: c}
		walkExtra(&w, k, g)
		z := w.z
		if z.n > 0 {
			c.Add(e2Finding("自定义报表“"+k+"”", g.Note, z, c.Unit()))
		}
	}
}

// blank reports whether s is empty or only white space, as
// strings.TrimSpace(s) == "" does, without trimming a note that starts
// with text (the usual case).
func blank(s string) bool {
	if s == "" {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsSpace(r) {
		return false
	}
	return strings.TrimSpace(s) == ""
}

func e2Finding(title, note string, z nonZero, u amount.Unit) audit.Finding {
	return audit.Finding{Path: z.first.String(),
		Message: fmt.Sprintf("%s注明“%s”，但表中有%d个非零数，%s为%s%s",
			title, strings.TrimSpace(note), z.n, z.first.String(), z.a, u),
		Expected: "0", Actual: z.a.String()}
}

// D1 a code listed twice in one table.
func checkD1(c *Context) { eachPart(c, partDuplicates) }

// K1 codes exist in the edition of the year, at an admitted level.
func checkK1(c *Context) { eachPart(c, partCodes) }

// K2 names agree with the edition's names.
func checkK2(c *Context) { eachPart(c, partNames) }

// partRule is a rule that visits every coded part of the report.
type partRule uint8

const (
	partDuplicates partRule = iota // D1
	partCodes                      // K1
	partNames                      // K2
)

// visitPart runs rule r on p.
func visitPart[R any, C classification.Code, P rowPtr[R, C]](c *Context, r partRule, p *part[R, C, P]) {
	switch r {
	case partDuplicates:
		p.duplicates(c)
	case partCodes:
		p.codes(c)
	case partNames:
		p.names(c)
	}
}

// eachPart runs rule r on every coded part of the report.
func eachPart(c *Context, r partRule) {
	t, ps := &c.Report.Tables, c.parts()
	for i := range ps.sums.n {
		visitPart(c, r, &ps.sumParts[i])
	}
	if t.Income != nil {
		visitPart(c, r, &ps.income)
	}
	if t.Expenditure != nil {
		visitPart(c, r, &ps.expenditure)
	}
	for i := range ps.fiscals.n {
		visitPart(c, r, &ps.fiscalParts[i])
	}
	if t.FiscalEconomic != nil {
		visitPart(c, r, &ps.fiscalEconomic)
	}
	if t.GeneralBudget != nil {
		visitPart(c, r, &ps.generalBudget)
	}
	if t.GeneralBudgetEconomic != nil {
		visitPart(c, r, &ps.generalBudgetEconomic)
	}
	if t.GeneralBudgetBasic != nil {
		visitPart(c, r, &ps.basic)
	}
	if t.GeneralBudgetProject != nil {
		visitPart(c, r, &ps.project)
	}
	if t.GovFund != nil {
		visitPart(c, r, &ps.govFund)
	}
	if t.StateCapital != nil {
		visitPart(c, r, &ps.stateCapital)
	}
	if t.StateCapitalExpenditure != nil {
		visitPart(c, r, &ps.stateCapitalExp)
	}
	if t.Z07 != nil {
		visitPart(c, r, &ps.z07)
	}
	if t.Z011 != nil {
		p := &ps.z011
		if r == partDuplicates {
			// a z01_1 row is keyed by code and fund
			budgetDuplicates(c, p)
		} else {
			visitPart(c, r, p)
		}
	}
}

func (p *part[R, C, P]) duplicates(c *Context) {
	x := p.index(c)
	for k := 1; k < x.n; k++ {
		c.checks++
		i, j := x.row(k-1), x.row(k)
		if !x.same(i, j) {
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
		Message: fmt.Sprintf("%s中科目%s（%s）重复列示（%s与%s）", p.table, r.Code, r.Fund.Title(),
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
	if cat == nil || len(p.rows) == 0 {
		return
	}
	hits := c.answers(cat, p.index(c), p.codeString)
	for i := range hits {
		c.checks++
		code := p.code(i)
		lv := code.Level()
		if hits[i].found && lv != 0 && (p.levels == nil || slices.Contains(p.levels, lv)) {
			continue
		}
		err := cat.Check(string(code), p.levels...)
		if err == nil {
			continue
		}
		c.Add(codeFinding(p.table, cat, rowAt(p.rowsAt, i, "code"), string(code), p.levels, err))
	}
}

// codeString returns the code of row i as a string.
func (p *part[R, C, P]) codeString(i int) string { return string(p.code(i)) }

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
	if cat == nil || len(p.rows) == 0 {
		return
	}
	hits := c.answers(cat, p.index(c), p.codeString)
	for i := range hits {
		name := p.at(i).rowName()
		if name == "" {
			continue
		}
		c.checks++
		h := &hits[i]
		if !h.found || sameName(name, h.name) {
			continue
		}
		// the row's code is the catalogue entry's: Lookup matches codes exactly
		c.Add(audit.Finding{Path: rowAt(p.rowsAt, i, "name").String(),
			Message: fmt.Sprintf("%s科目%s的名称“%s”与%d年度%s名称“%s”不一致", p.table, p.code(i), name,
				cat.Year(), cat.Family().Title(), h.name),
			Expected: h.name, Actual: name})
	}
}

// catHit is the catalogue's answer for one code.
type catHit struct {
	key   uint64 // the code's key (see codeKey)
	name  string // the catalogue's name for the code, when found
	row   int32  // a row with the code, in the part being looked up
	found bool
}

// catMemo remembers, within one Validate call, the catalogue's answers
// for the codes of one family met so far, sorted by code. K1 and K2 look
// up every code of every table, and the function tables list largely the
// same codes: a table whose rows are in code order is matched against the
// memo in one merge walk on the code keys, and only the codes not seen
// yet are looked up. It lives in the Context and is dropped with it.
type catMemo struct {
	cat   *classification.Catalog
	hits  []catHit // sorted by key, distinct
	fresh []catHit // scratch: the codes of a part the memo lacks
}

// seek returns the first index from j on whose key is ≥ k, galloping so
// that a short table whose codes are spread over a long memo costs a few
// steps per code, and a table listing the memo's codes one step.
func (m *catMemo) seek(j int, k uint64) int {
	n := len(m.hits)
	if j >= n || m.hits[j].key >= k {
		return j
	}
	// m.hits[lo].key < k; find hi with m.hits[hi].key ≥ k (or n)
	lo, step := j, 1
	hi := lo + step
	for hi < n && m.hits[hi].key < k {
		lo = hi
		step *= 2
		hi = lo + step
	}
	hi = min(hi, n)
	for lo+1 < hi {
		mid := int(uint(lo+hi) >> 1)
		if m.hits[mid].key < k {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// answers returns the catalogue's answer for the code of each row of x, in
// row order; codeAt(i) is the code of row i. K1 and K2 ask about the same
// codes, so the answers are found once per index and catalogue in a call
// and kept with the index (see codeIndex.ans). The slice is shared: do not
// modify it.
func (c *Context) answers(cat *classification.Catalog, x *codeIndex, codeAt func(i int) string) []catHit {
	if x.n == 0 {
		return nil
	}
	if x.ansCat == cat {
		return x.ans
	}
	ans := c.newAnswers(x.n)
	x.ans, x.ansCat = ans, cat
	f := int(cat.Family())
	if !x.sorted || x.keys == nil || f >= len(c.memo) {
		for i := range x.n {
			e, ok := cat.Lookup(codeAt(i))
			ans[i] = catHit{name: e.Name, found: ok}
		}
		return ans
	}
	m := &c.memo[f]
	if m.cat != cat { // first use, or another catalogue of the family
		m.cat, m.hits, m.fresh = cat, m.hits[:0], m.fresh[:0]
	}
	// 1. the codes the memo lacks, in code order, each once; pos[i] is
	// row i's answer: an index into m.hits, or ^ an index into m.fresh
	if cap(m.fresh) < x.n {
		m.fresh = make([]catHit, 0, x.n)
	}
	if cap(c.pos) < x.n {
		c.pos = make([]int32, x.n)
	}
	m.fresh, c.pos = m.fresh[:0], c.pos[:x.n]
	j := 0
	for i, k := range x.keys {
		if j < len(m.hits) && m.hits[j].key < k { // step, or gallop
			if j++; j < len(m.hits) && m.hits[j].key < k {
				j = m.seek(j, k)
			}
		}
		switch n := len(m.fresh); {
		case j < len(m.hits) && m.hits[j].key == k:
			c.pos[i] = int32(j)
		case n > 0 && m.fresh[n-1].key == k:
			c.pos[i] = ^int32(n - 1)
		default:
			m.fresh = append(m.fresh, catHit{key: k, row: int32(i)})
			c.pos[i] = ^int32(n)
		}
	}
	// 2. their answers
	m.resolve(codeAt)
	// 3. each row's answer
	for i, p := range c.pos {
		if p >= 0 {
			ans[i] = m.hits[p]
		} else {
			ans[i] = m.fresh[^p]
		}
	}
	if len(m.fresh) == 0 {
		return ans
	}
	// merge the new codes in, from the back; both lists are sorted and
	// disjoint
	h, n := len(m.hits), len(m.hits)+len(m.fresh)
	if cap(m.hits) < n {
		grown := make([]catHit, h, max(n, cap(m.hits)*5/4))
		copy(grown, m.hits)
		m.hits = grown
	}
	m.hits = m.hits[:n]
	a, b := h-1, len(m.fresh)-1
	for k := n - 1; b >= 0; k-- {
		if a >= 0 && m.hits[a].key > m.fresh[b].key {
			m.hits[k] = m.hits[a]
			a--
		} else {
			m.hits[k] = m.fresh[b]
			b--
		}
	}
	return ans
}

// resolve finds the catalogue's answer for each code of m.fresh: by a
// binary search each (Catalog.Lookup) when they are few, or by one walk
// over the catalogue in code order alongside them when they are many (a
// quarter of the catalogue or more: a walk step costs about a quarter of a
// search). Both give Lookup's answer: the walk matches only codes of 1–7
// digits, the only ones Lookup can find.
func (m *catMemo) resolve(codeAt func(i int) string) {
	if len(m.fresh) == 0 {
		return
	}
	if len(m.fresh)*4 < m.cat.Len() {
		for i := range m.fresh {
			h := &m.fresh[i]
			e, ok := m.cat.Lookup(codeAt(int(h.row)))
			h.name, h.found = e.Name, ok
		}
		return
	}
	f := 0
	m.cat.Walk(func(e classification.Entry) bool {
		k, ok := codeKey(e.Code)
		if !ok {
			return true
		}
		for f < len(m.fresh) && m.fresh[f].key < k {
			f++
		}
		if f == len(m.fresh) {
			return false
		}
		if h := &m.fresh[f]; h.key == k && digitKey(k) {
			h.name, h.found = e.Name, true
		}
		return true
	})
}

// digitKey reports whether the code packed in k is 1–7 ASCII digits.
func digitKey(k uint64) bool {
	n := int(k & 0xff)
	if n == 0 || n > 7 {
		return false
	}
	for i := range n {
		if d := byte(k >> (56 - 8*i)); d < '0' || d > '9' {
			return false
		}
	}
	return true
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
