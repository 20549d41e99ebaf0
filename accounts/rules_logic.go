package accounts

import (
	"cmp"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
)

// A16 negative figures. The walk also records each table's non-zero
// figures, which B6, E1 and E2 ask for (Context.tableNonZero).
func checkA16(c *Context) {
	t := &c.Report.Tables
	for i, tl := range model.tables {
		w := c.newWalker(true)
		if t.walkTableAt(i, &w) {
			w.z.key = tl.Key
			c.keepNonZero(i, w.z)
		}
	}
	w := c.newWalker(true)
	for _, k := range slices.Sorted(maps.Keys(t.Extra)) {
		if g := t.Extra[k]; g != nil {
			walkExtra(&w, k, g)
		}
	}
	if c.Report.PriorYear != nil {
		walkPrior(&w, c.Report.PriorYear)
	}
}

// negative reports a, at ptr, under A16.
func (c *Context) negative(ptr string, a *Amount) {
	c.Add(audit.Finding{Path: ptr,
		Message:  "金额不得为负数：" + ptr + "为" + a.String() + string(c.Unit()),
		Expected: "≥0", Actual: a.String()})
}

// nonZero finds the stated non-zero figures of a table: the first one, and
// how many there are.
type nonZero struct {
	a Amount // the first
	n int
	// The first's JSON Pointer is only joined when a rule reports it:
	// from l when the walk gave one, else by walking table key again to
	// the figure at addr.
	l      loc
	hasLoc bool
	key    string
	addr   *Amount
}

// first returns the JSON Pointer of the first non-zero figure.
func (z *nonZero) first(c *Context) string {
	if z.hasLoc {
		return z.l.String()
	}
	w := c.newWalker(false)
	w.find = z.addr
	c.Report.Tables.walkTable(z.key, &w)
	return w.found
}

// keepNonZero records the non-zero figures of table i of model.tables,
// which is present.
func (c *Context) keepNonZero(i int, z nonZero) {
	if c.nz == nil {
		c.nz = make([]nonZeroOf, len(model.tables))
	}
	c.nz[i] = nonZeroOf{z, true}
}

// nonZeroOf is the non-zero figures of a table once a walk has found them.
type nonZeroOf struct {
	z    nonZero
	done bool
}

// tableNonZero reports the non-zero figures of the table with key, how
// many rows it has (in its "rows"), and whether it is present. Each table
// is walked once per call (by A16, or by the first rule that asks).
func (c *Context) tableNonZero(key string) (z nonZero, rows int, present bool) {
	t := &c.Report.Tables
	v, ok := t.table(key)
	if !ok {
		return z, 0, false
	}
	if i := fieldByKey(v.Type(), "rows"); i >= 0 {
		rows = v.Field(i).Len()
	}
	ti := model.byKey[key]
	if c.nz != nil && c.nz[ti].done {
		return c.nz[ti].z, rows, true
	}
	w := c.newWalker(false)
	t.walkTable(key, &w)
	w.z.key = key
	c.keepNonZero(ti, w.z)
	return w.z, rows, true
}

// noteOf returns the title and note of the table with key, if it is
// present and has a note.
func (t *Tables) noteOf(key string) (title, note string, ok bool) {
	v, present := t.table(key)
	if !present {
		return "", "", false
	}
	i := fieldByKey(v.Type(), "note")
	if i < 0 {
		return "", "", false
	}
	return LayoutOf(key).Short, v.Field(i).String(), true
}

// emptyTableNotes are the tables that are kept, with a note, when the
// department has no such funds, and the note the templates print.
var emptyTableNotes = []struct {
	table string
	note  string
}{
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
		z, rows, present := c.tableNonZero(e.table)
		title, note, _ := t.noteOf(e.table)
		if !present || z.n > 0 || rows > 0 || strings.TrimSpace(note) != "" {
			continue
		}
		c.Add(audit.Finding{Path: "/tables/" + e.table + "/note",
			Message:  title + "无数据，应保留表格并加说明，如“" + e.note + "”",
			Expected: e.note})
	}
}

// E2 a table whose note says it has no data has no non-zero figure.
func checkE2(c *Context) {
	t := &c.Report.Tables
	for _, tl := range model.tables {
		title, note, ok := t.noteOf(tl.Key)
		if !ok || strings.TrimSpace(note) == "" {
			continue
		}
		c.checks++
		z, _, _ := c.tableNonZero(tl.Key)
		if z.n > 0 {
			c.Add(e2Finding(c, title, note, z))
		}
	}
	if len(t.Extra) == 0 {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(t.Extra)) {
		g := t.Extra[k]
		if g == nil || strings.TrimSpace(g.Note) == "" {
			continue
		}
		c.checks++
		w := c.newWalker(false)
		walkExtra(&w, k, g)
		z := w.z
		if z.n > 0 {
			c.Add(e2Finding(c, "自定义报表“"+k+"”", g.Note, z))
		}
	}
}

func e2Finding(c *Context, title, note string, z nonZero) audit.Finding {
	first, u := z.first(c), c.Unit()
	return audit.Finding{Path: first,
		Message: title + "注明“" + strings.TrimSpace(note) + "”，但表中有" + strconv.Itoa(z.n) + "个非零数，" +
			first + "为" + z.a.String() + string(u),
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
	for i := range ps.sumParts {
		visitPart(c, r, &ps.sumParts[i])
	}
	if t.Income != nil {
		visitPart(c, r, &ps.income)
	}
	if t.Expenditure != nil {
		visitPart(c, r, &ps.expenditure)
	}
	for i := range ps.fiscalParts {
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
	x := p.index()
	for k := 1; k < len(x.order); k++ {
		c.checks++
		i, j := int(x.order[k-1]), int(x.order[k])
		if p.code(i) != p.code(j) {
			continue
		}
		c.Add(audit.Finding{Path: rowAt(p.rowsAt, j, "code").String(),
			Message: p.table + "中科目" + string(p.code(j)) + "重复列示（" +
				rowAt(p.rowsAt, i, "").String() + "与" + rowAt(p.rowsAt, j, "").String() + "）",
			Expected: "每个科目只列一行", Actual: string(p.code(j))})
	}
}

// budgetDuplicates: a z01_1 row is keyed by code and fund. A row whose key
// an earlier row has is reported against the nearest such row when the rows
// are listed in code order, against the first otherwise.
func budgetDuplicates(c *Context, p *budgetPart) {
	type key struct {
		code classification.FuncCode
		fund Fund
	}
	sorted := slices.IsSortedFunc(p.rows, func(a, b BudgetRow) int { return cmp.Compare(a.Code, b.Code) })
	seen := make(map[key]int, len(p.rows))
	for i := range p.rows {
		c.checks++
		k := key{p.rows[i].Code, p.rows[i].Fund}
		j, dup := seen[k]
		if dup {
			reportBudgetDuplicate(c, p, j, i)
		}
		if !dup || sorted {
			seen[k] = i
		}
	}
}

func reportBudgetDuplicate(c *Context, p *budgetPart, j, i int) {
	r := &p.rows[i]
	c.Add(audit.Finding{Path: rowAt(p.rowsAt, i, "code").String(),
		Message: p.table + "中科目" + string(r.Code) + "（" + r.Fund.Title() + "）重复列示（" +
			rowAt(p.rowsAt, j, "").String() + "与" + rowAt(p.rowsAt, i, "").String() + "）",
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
		code := string(p.code(i))
		if err := cat.Check(code, p.levels...); err != nil {
			c.Add(codeFinding(p.table, cat, rowAt(p.rowsAt, i, "code"), code, p.levels, err))
		}
	}
}

func codeFinding(table string, cat *classification.Catalog, l loc, code string, levels []classification.Level, err error) audit.Finding {
	fam, year := cat.Family().Title(), strconv.Itoa(cat.Year())
	f := audit.Finding{Path: l.String(), Actual: code, Severity: audit.Error}
	var ce *classification.CodeError
	detail := ""
	if errors.As(err, &ce) {
		detail = ce.Detail
	}
	switch {
	case errors.Is(err, classification.ErrMalformed):
		f.Message = table + "科目编码“" + code + "”格式错误：" + fam + "科目编码应为" + digitsWord(cat.Family()) + "位数字"
	case errors.Is(err, classification.ErrWrongLevel):
		lv := classification.FuncCode(code).Level()
		f.Message = table + "只列" + levelsWord(levels) + "级科目，科目" + code + "是" + lv.String() + "级"
		f.Expected = levelsWord(levels)
		f.Actual = code + "（" + lv.String() + "）"
	case errors.Is(err, classification.ErrNotInYear):
		f.Message = table + "科目" + code + "在" + year + "年度" + fam + "中无效（" + detail + "）"
	case classification.IsWarning(err):
		f.Severity = audit.Warning
		f.Message = table + "科目" + code + "不在内置" + year + "年度" + fam + "中；内置" +
			classification.FuncCode(code).Level().String() + "级科目表不完整，请核实，或载入官方科目表"
	default:
		f.Message = table + "科目" + code + "不在" + year + "年度" + fam + "中"
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
		name := p.at(i).rowName()
		if name == "" {
			continue
		}
		c.checks++
		e, found := cat.Lookup(string(p.code(i)))
		if !found || sameName(name, e.Name) {
			continue
		}
		c.Add(audit.Finding{Path: rowAt(p.rowsAt, i, "name").String(),
			Message: p.table + "科目" + string(p.code(i)) + "的名称“" + name + "”与" + strconv.Itoa(cat.Year()) + "年度" +
				cat.Family().Title() + "名称“" + e.Name + "”不一致",
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
