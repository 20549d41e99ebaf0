package juesuan_test

// The workbook test material: testdata/workbooks/ holds .xlsx, .csv and
// .html files made the way real 决算 workbooks vary, each with the document
// it must import to (NAME.expected.json beside it, a name the fixture
// walkers skip). TestWorkbookMaterial is their generator: with -update it writes them, without it it rebuilds them in
// memory and fails when a committed file is stale. The workbooks are made
// with excelize directly, never with WriteWorkbook, and their titles,
// headers and line labels are literals below, copied from the printed
// templates (the central 2024 template of 上海市 and the table list of the
// Sichuan 2020 reference disclosure), not derived from the library's layout
// declaration: the material checks the importer against the printed form.
//
// Staleness: excelize writes fixed docProps times and zip entries without
// modification times, so the same cells give the same bytes; the check
// compares the bytes of every file (TestWorkbookMaterial says so when
// that ever stops holding, by comparing the cell grids read back as well).
//
// The expected document of a workbook is its source fixture, transformed
// deterministically as the workbook prints it (materialExpect):
//   - only the profile's public tables (no internal 财决 tables, no
//     priorYear, no performance, no explanations), or the tables the file
//     prints (CSV, HTML);
//   - unit: name and fiscalYear only when the workbook states them (a 封面,
//     a title line), jurisdiction and level only when the 封面 states them,
//     amountUnit the unit the first table is printed in;
//   - figures converted exactly to that unit (×10 000 for 元);
//   - a table total the printed form has no line for is dropped (the
//     central 一般公共预算财政拨款基本支出决算表 prints 人员经费合计 and
//     公用经费合计 but no 合计);
//   - the rows of 一般公共预算财政拨款基本支出决算表, printed in two
//     columns (人员经费 classes 301 and 303 on the left, the others on the
//     right), are in reading order: the left column, then the right.
//
// Headers of the Sichuan tables that the central template does not have
// (五、七 economic detail, 九 项目支出, 十二 and 十四) were not published
// (the reference's 附表 were images); they are printed here in the form of
// the central tables they resemble, with the column names of the document
// model.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/fixture"
	"github.com/cnfiscal/juesuan/sheet"
)

const materialDir = "testdata/workbooks"

// gcell is one cell of the material: text, a number (its decimal text) or
// a formula without a cached value.
type gcell struct {
	kind byte // 0 blank, 't' text, 'n' number, 'f' formula
	v    string
}

func tx(s string) gcell {
	if s == "" {
		return gcell{}
	}
	return gcell{kind: 't', v: s}
}

// gsheet is one sheet of the material.
type gsheet struct {
	name   string
	hidden bool
	rows   [][]gcell
	merges []sheet.Range
}

func (s *gsheet) add(cells ...gcell) int {
	s.rows = append(s.rows, cells)
	return len(s.rows) - 1
}

func (s *gsheet) addText(texts ...string) int {
	cells := make([]gcell, len(texts))
	for i, t := range texts {
		cells[i] = tx(t)
	}
	return s.add(cells...)
}

func (s *gsheet) merge(top, left, bottom, right int) {
	if top != bottom || left != right {
		s.merges = append(s.merges, sheet.Range{Top: top, Left: left, Bottom: bottom, Right: right})
	}
}

// header adds header rows written as printed: a text starts a cell, "<"
// continues the cell to its left, "^" the cell above; the merged ranges
// follow from them.
func (s *gsheet) header(rows [][]string) {
	top := len(s.rows)
	for _, r := range rows {
		cells := make([]gcell, len(r))
		for c, t := range r {
			if t != "<" && t != "^" {
				cells[c] = tx(t)
			}
		}
		s.add(cells...)
	}
	for i, r := range rows {
		for c, t := range r {
			if t == "" || t == "<" || t == "^" {
				continue
			}
			w := 1
			for c+w < len(r) && r[c+w] == "<" {
				w++
			}
			h := 1
			for i+h < len(rows) && c < len(rows[i+h]) && rows[i+h][c] == "^" {
				h++
			}
			s.merge(top+i, c, top+i+h-1, c+w-1)
		}
	}
}

// Code columns.
const (
	joined    = iota // 2010301 in one column
	split            // 类 201, 款 03, 项 01
	splitFull        // 类 201, 款 20103, 项 2010301
)

// style is how a workbook prints its tables.
type style struct {
	unit      amount.Unit // the unit figures are printed in
	unitOf    map[string]amount.Unit
	codes     int
	text      bool // figures as text with thousands separators
	fullWidth bool // every third text figure in full-width digits
	dash      bool // zero printed "—" (text figures only)
	formulas  bool // 合计 lines as =SUM(…) of the 类 rows, without cached values
	blankRows bool // a blank row after the header and after every third row
	mergeSum  bool // the 合计 label merged across the label columns
	headUnit  bool // the unit as a header suffix (合计（元）) instead of a 单位 line
	noTitle   bool // no title row: the sheet's name is the title
	titleNo   func(n int, num, title string) string
	notes     bool // the template's 注：本表反映… lines
	noDataTag bool // an empty table's note as a title suffix (此表无数据)
	central   bool // the central template's forms
}

// printer prints the tables of one document.
type printer struct {
	st      style
	docUnit amount.Unit
	n       int // text figures printed
	key     string
}

func (p *printer) unit() amount.Unit {
	if u, ok := p.st.unitOf[p.key]; ok {
		return u
	}
	return p.st.unit
}

var fullWidth = strings.NewReplacer("0", "０", "1", "１", "2", "２", "3", "３", "4", "４", "5", "５", "6", "６", "7", "７", "8", "８", "9", "９", ",", "，", ".", "．")

// fig is the cell of one figure.
func (p *printer) fig(a amount.Amount) gcell {
	if !a.IsSet() {
		return gcell{}
	}
	v := a.Convert(p.docUnit, p.unit())
	if !p.st.text {
		return gcell{kind: 'n', v: v.String()}
	}
	p.n++
	if p.st.dash && v.Sign() == 0 {
		return tx("—")
	}
	s := v.StringFixed(2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	s = b.String() + "." + frac
	if neg {
		s = "-" + s
	}
	if p.st.fullWidth && p.n%3 == 0 {
		s = fullWidth.Replace(s)
	}
	return tx(s)
}

// jsonField returns the field of struct v with JSON name, looking into
// embedded structs.
func jsonField(v reflect.Value, name string) reflect.Value {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			if r := jsonField(v.Field(i), name); r.IsValid() {
				return r
			}
			continue
		}
		if k, _, _ := strings.Cut(f.Tag.Get("json"), ","); k == name {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}

func figs(v any, names []string) []amount.Amount {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	out := make([]amount.Amount, len(names))
	for i, n := range names {
		out[i] = jsonField(rv, n).Interface().(amount.Amount)
	}
	return out
}

// crow is one coded row.
type crow struct {
	code, name string
	figs       []amount.Amount
}

func crows(rows any, names []string) []crow {
	rv := reflect.ValueOf(rows)
	out := make([]crow, rv.Len())
	for i := range rv.Len() {
		e := rv.Index(i)
		out[i] = crow{code: jsonField(e, "code").String(), name: jsonField(e, "name").String(), figs: figs(e.Interface(), names)}
	}
	return out
}

// vcol is one value column of a coded table: its JSON name and its
// printed header, top row first.
type vcol struct {
	name string
	head []string
}

// codedTable is a table of 科目 rows.
type codedTable struct {
	econ     bool // 经济分类 (joined codes always)
	cols     []vcol
	total    []amount.Amount // nil: no 合计 line
	totalTop bool
	rows     []crow
	tail     [][2]any // lines after the rows: label and amount (one-figure tables)
}

// The value columns, as the templates print them.
var (
	incomeCols = []vcol{{"total", []string{"本年收入合计", "^"}}, {"fiscal", []string{"财政拨款收入", "^"}},
		{"superiorSubsidy", []string{"上级补助收入", "^"}}, {"business", []string{"事业收入", "^"}},
		{"operating", []string{"经营收入", "^"}}, {"affiliated", []string{"附属单位\n上缴收入", "^"}}, {"other", []string{"其他收入", "^"}}}
	expenditureCols = []vcol{{"total", []string{"本年支出合计", "^"}}, {"basic", []string{"基本支出", "^"}},
		{"project", []string{"项目支出", "^"}}, {"toSuperior", []string{"上缴上级支出", "^"}},
		{"operating", []string{"经营支出", "^"}}, {"toAffiliated", []string{"对附属单位补\n助支出", "^"}}}
	splitCols = []vcol{{"total", []string{"合计", "^"}}, {"basic", []string{"基本支出", "^"}}, {"project", []string{"项目支出", "^"}}}
	fundCols  = []vcol{{"beginningBalance", []string{"年初结转和\n结余", "^"}}, {"income", []string{"本年收入", "^"}},
		{"expenditure", []string{"本年支出", "合计"}}, {"basic", []string{"<", "基本支出"}}, {"project", []string{"<", "项目支出"}},
		{"endingBalance", []string{"年末结转和\n结余", "^"}}}
	economicCols = []vcol{{"total", []string{"合计", "^"}}, {"basic", []string{"基本支出", "小计"}},
		{"personnel", []string{"<", "人员经费"}}, {"public", []string{"<", "公用经费"}}, {"project", []string{"项目支出", "^"}}}
)

func names(cs []vcol) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.name
	}
	return out
}

// The notes of the central template, by table.
var templateNotes = map[string]string{
	"summary":            "注：本表反映部门本年度的总收支和年末结转结余情况。",
	"income":             "注：本表反映部门本年度取得的各项收入情况。",
	"expenditure":        "注：本表反映部门本年度各项支出情况。",
	"fiscalSummary":      "注：本表反映部门本年度财政拨款总收支和结转结余情况。",
	"generalBudget":      "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
	"generalBudgetBasic": "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
	"threePublic":        "注：本表反映部门本年度“三公”经费支出预决算情况。",
	"govFund":            "注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。",
	"stateCapital":       "注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。",
}

// begin prints the title and the 单位 line; it returns the header's unit
// suffix ("" when the unit has its line).
func (p *printer) begin(s *gsheet, title string, width int) string {
	if !p.st.noTitle {
		r := s.addText(title)
		s.merge(r, 0, r, width-1)
	}
	if p.st.headUnit {
		return "（" + string(p.unit()) + "）"
	}
	row := make([]gcell, width)
	u := "单位：" + string(p.unit())
	if p.st.text {
		u = "金额单位：" + string(p.unit())
	}
	row[width-1] = tx(u)
	s.add(row...)
	return ""
}

func (p *printer) end(s *gsheet, key, note string) {
	if note != "" && !p.st.noDataTag {
		s.addText("说明：" + note)
	}
	if p.st.notes && templateNotes[key] != "" {
		s.addText(templateNotes[key])
	}
}

func (p *printer) blank(s *gsheet, i int) {
	if p.st.blankRows && i%3 == 2 {
		s.add()
	}
}

// coded prints a table of 科目 rows; from and to select the rows (a table
// split over two sheets), head and foot whether the title and the 合计 line
// are printed.
func (p *printer) coded(s *gsheet, title string, t codedTable, note string, from, to int, foot bool) {
	codeCols := 1
	codes := p.st.codes
	if t.econ {
		codes = joined
	}
	if codes != joined {
		codeCols = 3
	}
	width := codeCols + 1 + len(t.cols)
	if t.tail != nil {
		width = 3
	}
	suffix := p.begin(s, title, width)
	kind := "功能分类\n科目编码"
	if t.econ {
		kind = "经济分类\n科目编码"
	}
	var head [][]string
	if codes == joined {
		if t.tail != nil {
			head = [][]string{{kind, "科目名称", "决算数" + suffix}}
		} else {
			head = [][]string{{"项目", "<"}, {kind, "科目名称"}}
		}
	} else {
		head = [][]string{{"项目", "<", "<", "<"}, {"功能分类科目编码", "<", "<", "科目名称"}, {"类", "款", "项", "^"}}
	}
	if t.tail == nil {
		for i, c := range t.cols {
			for r := range head {
				h := "^"
				if r < len(c.head) {
					h = c.head[r]
				}
				if i == 0 && r == 0 {
					h += suffix
				}
				head[r] = append(head[r], h)
			}
		}
	}
	s.header(head)
	if p.st.blankRows {
		s.add()
	}
	first := codeCols + 1
	label := func(text string) []gcell {
		row := make([]gcell, width)
		if p.st.mergeSum {
			row[0] = tx(text)
		} else {
			row[codeCols] = tx(text)
		}
		return row
	}
	sumAt := -1
	sumRow := func() {
		row := label("合计")
		for i, a := range t.total {
			row[first+i] = p.fig(a)
		}
		sumAt = s.add(row...)
		if p.st.mergeSum {
			s.merge(sumAt, 0, sumAt, codeCols)
		}
	}
	defer func() {
		if sumAt >= 0 && p.st.formulas {
			p.sums(s, sumAt, first, t)
		}
	}()
	if t.total != nil && t.totalTop && from == 0 {
		sumRow()
	}
	for i, row := range t.rows[from:to] {
		cells := make([]gcell, width)
		c := row.code
		switch {
		case codes == joined:
			cells[0] = tx(c)
		case len(c) == 3:
			cells[0] = tx(c)
		case len(c) == 5 && codes == split:
			cells[1] = tx(c[3:])
		case len(c) == 5:
			cells[1] = tx(c)
		case codes == split:
			cells[2] = tx(c[5:])
		default:
			cells[2] = tx(c)
		}
		cells[codeCols] = tx(row.name)
		for j, a := range row.figs {
			cells[first+j] = p.fig(a)
		}
		s.add(cells...)
		p.blank(s, i)
	}
	if !foot {
		return
	}
	for _, l := range t.tail {
		r := s.add(tx(l[0].(string)), gcell{}, p.fig(l[1].(amount.Amount)))
		s.merge(r, 0, r, 1)
	}
	if t.total != nil && !t.totalTop {
		sumRow()
	}
	p.end(s, "", note)
}

// sums turns the figures of 合计 line r into =SUM of the 类 rows when they
// add up exactly (the printed rows are those since the header).
func (p *printer) sums(s *gsheet, r, first int, t codedTable) {
	if t.econ {
		return
	}
	// the 类 rows of this table on this sheet: those after its header
	var idx []int
	start := r - 1
	for start >= 0 && len(s.rows[start]) > 0 && s.rows[start][0].v != "项目" {
		start--
	}
	for i := start + 1; i < len(s.rows); i++ {
		if i != r && len(s.rows[i]) > 0 && len(s.rows[i][0].v) == 3 && strings.Trim(s.rows[i][0].v, "0123456789") == "" {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return
	}
	for j, want := range t.total {
		if !want.IsSet() {
			continue
		}
		sum := amount.FromInt(0)
		refs := make([]string, 0, len(idx))
		ok := true
		for _, i := range idx {
			a, found := classFig(t, s.rows[i][0].v, j)
			if !found || !a.IsSet() {
				ok = false
				break
			}
			sum = sum.Add(a)
			refs = append(refs, sheet.Name(i, first+j))
		}
		if ok && sum.Equal(want) {
			s.rows[r][first+j] = gcell{kind: 'f', v: "SUM(" + strings.Join(refs, ",") + ")"}
		}
	}
}

func classFig(t codedTable, code string, j int) (amount.Amount, bool) {
	for _, row := range t.rows {
		if row.code == code {
			return row.figs[j], true
		}
	}
	return amount.Amount{}, false
}

// The 类 names of the summary tables are printed with 一、二、… numbering.
var numerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
	"十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八"}

func (p *printer) summary(s *gsheet, title string, t *accounts.SummaryTable) {
	suffix := p.begin(s, title, 4)
	s.header([][]string{{"收入", "<", "支出", "<"}, {"项目", "决算数" + suffix, "项目", "决算数" + suffix}})
	in := t.Income
	left := [][2]any{{"一、一般公共预算财政拨款收入", in.GeneralBudget}, {"二、政府性基金预算财政拨款收入", in.GovFund},
		{"三、国有资本经营预算财政拨款收入", in.StateCapital}, {"四、上级补助收入", in.SuperiorSubsidy}, {"五、事业收入", in.Business},
		{"六、经营收入", in.Operating}, {"七、附属单位上缴收入", in.Affiliated}, {"八、其他收入", in.Other}}
	n := max(len(left), len(t.Expenditure.Rows))
	for i := range n {
		row := make([]gcell, 4)
		if i < len(left) {
			row[0], row[1] = tx(left[i][0].(string)), p.fig(left[i][1].(amount.Amount))
		}
		if i < len(t.Expenditure.Rows) {
			e := t.Expenditure.Rows[i]
			row[2], row[3] = tx(numerals[i]+"、"+e.Name), p.fig(e.Amount)
		}
		s.add(row...)
	}
	ex := t.Expenditure
	for _, l := range [][4]any{{"本年收入合计", in.Total, "本年支出合计", ex.Total}, {"使用非财政拨款结余", in.NonFiscalBalanceUsed, "结余分配", ex.BalanceDistribution},
		{"年初结转和结余", in.BeginningBalance, "年末结转和结余", ex.EndingBalance}, {"总计", in.GrandTotal, "总计", ex.GrandTotal}} {
		s.add(tx(l[0].(string)), p.fig(l[1].(amount.Amount)), tx(l[2].(string)), p.fig(l[3].(amount.Amount)))
	}
	p.end(s, "summary", "")
}

func (p *printer) fiscalSummary(s *gsheet, title string, t *accounts.FiscalSummaryTable) {
	suffix := p.begin(s, title, 7)
	s.header([][]string{{"收入", "<", "支出", "<", "<", "<", "<"},
		{"项目", "决算数" + suffix, "项目", "合计", "一般公共\n预算财政\n拨款", "政府性基\n金预算财\n政拨款", "国有资本\n经营预算\n财政拨款"}})
	fund := func(row []gcell, f accounts.FundColumns) {
		for i, a := range []amount.Amount{f.Total, f.GeneralBudget, f.GovFund, f.StateCapital} {
			row[3+i] = p.fig(a)
		}
	}
	cur := t.Income.Current
	left := [][2]any{{"一、一般公共预算财政拨款", cur.GeneralBudget}, {"二、政府性基金预算财政拨款", cur.GovFund}, {"三、国有资本经营预算财政拨款", cur.StateCapital}}
	n := max(len(left), len(t.Expenditure.Rows))
	for i := range n {
		row := make([]gcell, 7)
		if i < len(left) {
			row[0], row[1] = tx(left[i][0].(string)), p.fig(left[i][1].(amount.Amount))
		}
		if i < len(t.Expenditure.Rows) {
			e := t.Expenditure.Rows[i]
			row[2] = tx(numerals[i] + "、" + e.Name)
			fund(row, e.FundColumns)
		}
		s.add(row...)
	}
	ex := t.Expenditure
	row := []gcell{tx("本年收入合计"), p.fig(cur.Total), tx("本年支出合计"), {}, {}, {}, {}}
	fund(row, ex.Total)
	s.add(row...)
	bb := t.Income.BeginningBalance
	row = []gcell{tx("年初财政拨款结转和结余"), p.fig(bb.Total), tx("年末财政拨款结转和结余"), {}, {}, {}, {}}
	fund(row, ex.EndingBalance)
	s.add(row...)
	for _, l := range [][2]any{{"一、一般公共预算财政拨款", bb.GeneralBudget}, {"二、政府性基金预算财政拨款", bb.GovFund}, {"三、国有资本经营预算财政拨款", bb.StateCapital}} {
		s.add(tx(l[0].(string)), p.fig(l[1].(amount.Amount)))
	}
	row = []gcell{tx("总计"), p.fig(t.Income.GrandTotal), tx("总计"), {}, {}, {}, {}}
	fund(row, ex.GrandTotal)
	s.add(row...)
	p.end(s, "fiscalSummary", "")
}

// basic prints 一般公共预算财政拨款基本支出决算表 as the central template
// does: 人员经费 classes (301, 303) on the left, 公用经费 on the right.
func (p *printer) basic(s *gsheet, title string, t *accounts.EconDeptTable) {
	suffix := p.begin(s, title, 6)
	s.header([][]string{{"经济分类\n科目编码", "科目名称", "决算数" + suffix, "经济分类\n科目编码", "科目名称", "决算数" + suffix}})
	var left, right []accounts.EconDeptRow
	for _, r := range t.Rows {
		if c := string(r.Code); strings.HasPrefix(c, "301") || strings.HasPrefix(c, "303") {
			left = append(left, r)
		} else {
			right = append(right, r)
		}
	}
	for i := range max(len(left), len(right)) {
		row := make([]gcell, 6)
		if i < len(left) {
			row[0], row[1], row[2] = tx(string(left[i].Code)), tx(left[i].Name), p.fig(left[i].Amount)
		}
		if i < len(right) {
			row[3], row[4], row[5] = tx(string(right[i].Code)), tx(right[i].Name), p.fig(right[i].Amount)
		}
		s.add(row...)
	}
	r := s.add(tx("人员经费合计"), gcell{}, p.fig(t.Personnel), tx("公用经费合计"), gcell{}, p.fig(t.Public))
	s.merge(r, 0, r, 1)
	s.merge(r, 3, r, 4)
	if !p.st.central {
		r := s.add(tx("合计"), gcell{}, p.fig(t.Total))
		s.merge(r, 0, r, 1)
	}
	p.end(s, "generalBudgetBasic", "")
}

func (p *printer) threePublic(s *gsheet, title, funds string, t *accounts.ThreePublicTable, note string) {
	suffix := p.begin(s, title, 12)
	s.header([][]string{
		{funds + "“三公”经费" + suffix, "<", "<", "<", "<", "<", "<", "<", "<", "<", "<", "<"},
		{"合计", "<", "因公出国\n（境）费", "<", "公务用车购置及运行维护费", "<", "<", "<", "<", "<", "公务接待费", "<"},
		{"^", "^", "^", "^", "小计", "<", "公务用车\n购置费", "<", "公务用车\n运行维护费", "<", "^", "^"},
		{"预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"},
	})
	b, a := t.Budget, t.Actual
	var row []gcell
	for _, pair := range [][2]amount.Amount{{b.Total, a.Total}, {b.Abroad, a.Abroad}, {b.Vehicle, a.Vehicle},
		{b.VehiclePurchase, a.VehiclePurchase}, {b.VehicleOperation, a.VehicleOperation}, {b.Reception, a.Reception}} {
		row = append(row, p.fig(pair[0]), p.fig(pair[1]))
	}
	s.add(row...)
	p.end(s, "threePublic", note)
}

// tableText is one table of a profile: key, number and title as printed.
type tableText struct{ key, num, title string }

var sichuanTables = []tableText{
	{"summary", "一", "收入支出决算总表"}, {"income", "二", "收入总表"}, {"expenditure", "三", "支出总表"},
	{"fiscalSummary", "四", "财政拨款收入支出决算总表"}, {"fiscalEconomic", "五", "财政拨款支出决算明细表（政府经济分类科目）"},
	{"generalBudget", "六", "一般公共预算财政拨款支出决算表"}, {"generalBudgetEconomic", "七", "一般公共预算财政拨款支出决算明细表"},
	{"generalBudgetBasic", "八", "一般公共预算财政拨款基本支出决算表"}, {"generalBudgetProject", "九", "一般公共预算财政拨款项目支出决算表"},
	{"threePublic", "十", "一般公共预算财政拨款“三公”经费支出决算表"}, {"govFund", "十一", "政府性基金预算财政拨款收入支出决算表"},
	{"govFundThreePublic", "十二", "政府性基金预算财政拨款“三公”经费支出决算表"}, {"stateCapital", "十三", "国有资本经营预算财政拨款收入支出决算表"},
	{"stateCapitalExpenditure", "十四", "国有资本经营预算财政拨款支出决算表"},
}

var centralTables = []tableText{
	{"summary", "一", "收入支出决算总表"}, {"income", "二", "收入决算表"}, {"expenditure", "三", "支出决算表"},
	{"fiscalSummary", "四", "财政拨款收入支出决算总表"}, {"generalBudget", "五", "一般公共预算财政拨款支出决算表"},
	{"generalBudgetBasic", "六", "一般公共预算财政拨款基本支出决算表"}, {"threePublic", "七", "财政拨款“三公”经费支出决算表"},
	{"govFund", "八", "政府性基金预算财政拨款收入支出决算表"}, {"stateCapital", "九", "国有资本经营预算财政拨款收入支出决算表"},
}

// jiuqiNames are 久其-style sheet names of the Sichuan tables.
var jiuqiNames = map[string]string{
	"summary": "Z01 收入支出决算总表(财决01表)", "income": "Z03 收入决算表(财决03表)", "expenditure": "Z04 支出决算表(财决04表)",
	"fiscalSummary": "Z01-1 财政拨款收入支出决算总表(财决01-1表)", "fiscalEconomic": "Z05-1 财政拨款支出决算明细表(财决05-1表)",
	"generalBudget": "Z06 一般公共预算财政拨款支出决算表(财决06表)", "generalBudgetEconomic": "Z05-2 一般公共预算财政拨款支出决算明细表",
	"generalBudgetBasic": "Z07 一般公共预算财政拨款基本支出决算表", "generalBudgetProject": "Z08 一般公共预算财政拨款项目支出决算表",
	"threePublic": "F01 一般公共预算财政拨款“三公”经费支出决算表", "govFund": "Z09 政府性基金预算财政拨款收入支出决算表(财决09表)",
	"govFundThreePublic": "F02 政府性基金预算财政拨款“三公”经费支出决算表", "stateCapital": "Z10 国有资本经营预算财政拨款收入支出决算表(财决10表)",
	"stateCapitalExpenditure": "Z11 国有资本经营预算财政拨款支出决算表(财决11表)",
}

// print prints table tt of t on s; from/to/foot split coded rows (to < 0:
// all).
func (p *printer) print(s *gsheet, n int, tt tableText, t *accounts.Tables, from, to int, foot bool) {
	p.key = tt.key
	title := tt.title
	if p.st.titleNo != nil {
		title = p.st.titleNo(n, tt.num, tt.title)
	}
	withNote := func(note string) string {
		if note != "" && p.st.noDataTag {
			return title + "（" + note + "）"
		}
		return title
	}
	rng := func(k int) int {
		if to < 0 || to > k {
			return k
		}
		return to
	}
	switch tt.key {
	case "summary":
		p.summary(s, title, t.Summary)
	case "income":
		ct := codedTable{cols: incomeCols, total: figs(t.Income.Total, names(incomeCols)), totalTop: true, rows: crows(t.Income.Rows, names(incomeCols))}
		p.coded(s, title, ct, "", from, rng(len(ct.rows)), foot)
		p.end(s, tt.key, "")
	case "expenditure":
		ct := codedTable{cols: expenditureCols, total: figs(t.Expenditure.Total, names(expenditureCols)), totalTop: true, rows: crows(t.Expenditure.Rows, names(expenditureCols))}
		p.coded(s, title, ct, "", from, rng(len(ct.rows)), foot)
		p.end(s, tt.key, "")
	case "fiscalSummary":
		p.fiscalSummary(s, title, t.FiscalSummary)
	case "fiscalEconomic", "generalBudgetEconomic":
		e := t.FiscalEconomic
		if tt.key == "generalBudgetEconomic" {
			e = t.GeneralBudgetEconomic
		}
		ct := codedTable{econ: true, cols: economicCols, total: figs(e.Total, names(economicCols)), totalTop: true, rows: crows(e.Rows, names(economicCols))}
		p.coded(s, withNote(e.Note), ct, e.Note, from, rng(len(ct.rows)), foot)
	case "generalBudget", "stateCapitalExpenditure":
		e := t.GeneralBudget
		if tt.key == "stateCapitalExpenditure" {
			e = t.StateCapitalExpenditure
		}
		ct := codedTable{cols: splitCols, total: figs(e.Total, names(splitCols)), rows: crows(e.Rows, names(splitCols))}
		p.coded(s, withNote(e.Note), ct, e.Note, from, rng(len(ct.rows)), foot)
		p.end(s, tt.key, "")
	case "generalBudgetBasic":
		if p.st.central || t.GeneralBudgetBasic.Rows != nil {
			p.basic(s, title, t.GeneralBudgetBasic)
			return
		}
		fallthrough
	case "generalBudgetProject":
		e := t.GeneralBudgetProject
		if tt.key == "generalBudgetBasic" {
			e = t.GeneralBudgetBasic
		}
		ct := codedTable{econ: true, rows: crows(e.Rows, []string{"amount"}), tail: [][2]any{}}
		if e.Personnel.IsSet() || e.Public.IsSet() {
			ct.tail = append(ct.tail, [2]any{"人员经费合计", e.Personnel}, [2]any{"公用经费合计", e.Public})
		}
		ct.tail = append(ct.tail, [2]any{"合计", e.Total})
		p.coded(s, title, ct, "", from, rng(len(ct.rows)), foot)
	case "threePublic":
		funds := "财政拨款"
		if !p.st.central {
			funds = "一般公共预算财政拨款"
		}
		p.threePublic(s, withNote(t.ThreePublic.Note), funds, t.ThreePublic, t.ThreePublic.Note)
	case "govFundThreePublic":
		p.threePublic(s, withNote(t.GovFundThreePublic.Note), "政府性基金预算财政拨款", t.GovFundThreePublic, t.GovFundThreePublic.Note)
	case "govFund", "stateCapital":
		e := t.GovFund
		if tt.key == "stateCapital" {
			e = t.StateCapital
		}
		ct := codedTable{cols: fundCols, total: figs(e.Total, names(fundCols)), totalTop: true, rows: crows(e.Rows, names(fundCols))}
		p.coded(s, withNote(e.Note), ct, e.Note, from, rng(len(ct.rows)), foot)
		p.end(s, tt.key, "")
	default:
		panic("no printer for " + tt.key)
	}
}

// material is one file of the material.
type material struct {
	file    string
	profile string
	src     func(t testing.TB) *juesuan.Document
	build   func(t testing.TB, d *juesuan.Document) []*gsheet
	kind    string      // xlsx (default), csv, csv-gbk, html
	unit    amount.Unit // the unit of the expected document (the first table's)
	keys    []string    // the tables printed; nil: the profile's public tables
	info    string      // unit information the workbook states: "" none, "title" name and year, "cover" all of the cover
	noTotal []string    // tables whose total has no printed line
	// unplaced are the cells the import report must list as not placed
	// (SHEET!CELL), notes the cells of notes it must list.
	unplaced, notes []string
}

func decodeFile(t testing.TB, path string) *juesuan.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := juesuan.DecodeBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func materialReference(t testing.TB) *juesuan.Document {
	return decodeFile(t, "testdata/sichuan-2020/panzhihua-chengdu-office.json")
}

func materialCentral(t testing.TB) *juesuan.Document {
	return decodeFile(t, "accounts/narrative/testdata/central-2024.json")
}

func materialLarge(t testing.TB) *juesuan.Document {
	d, _, err := fixture.Generate(fixture.Options{Size: fixture.Large, Items: 300, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sheets prints each table of ts of d on its own sheet, named by name.
func sheets(d *juesuan.Document, st style, ts []tableText, name func(n int, tt tableText) string) []*gsheet {
	p := &printer{st: st, docUnit: d.Unit.AmountUnit}
	var out []*gsheet
	for i, tt := range ts {
		s := &gsheet{name: name(i, tt)}
		p.print(s, i, tt, &d.Tables, 0, -1, true)
		out = append(out, s)
	}
	return out
}

func numbered(_ int, num, title string) string { return num + "、" + title }

func cover(d *juesuan.Document) *gsheet {
	s := &gsheet{name: "封面"}
	s.addText(d.Unit.Name + fmt.Sprint(d.Unit.FiscalYear) + "年度部门决算")
	s.add()
	s.addText("单位名称：", d.Unit.Name)
	s.addText("决算年度：", fmt.Sprint(d.Unit.FiscalYear))
	s.addText("财政区划：", d.Unit.Jurisdiction)
	s.addText("预算级次：", d.Unit.Level)
	s.addText("金额单位：", "元")
	return s
}

// materials are the files of testdata/workbooks.
var materials = []material{
	{
		// 14 tables one per sheet, joined codes, 万元, merged headers,
		// 合计 lines as formulas without cached values, a title line with
		// the unit and year, empty tables marked （此表无数据） in the title.
		file: "sichuan-joined.xlsx", profile: "sichuan-2020", src: materialReference, unit: amount.TenThousandYuan, info: "title",
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.TenThousandYuan, codes: joined, formulas: true, titleNo: numbered, noDataTag: true}
			out := sheets(d, st, sichuanTables, func(n int, tt tableText) string { return fmt.Sprintf("附表%d", n+1) })
			first := &gsheet{name: out[0].name}
			first.addText(d.Unit.Name + fmt.Sprint(d.Unit.FiscalYear) + "年度部门决算")
			first.rows = append(first.rows, out[0].rows...)
			for _, m := range out[0].merges {
				m.Top++
				m.Bottom++
				first.merges = append(first.merges, m)
			}
			out[0] = first
			return out
		},
	},
	{
		// 元, split 类/款/项 without the parent's digits, text figures with
		// separators and full-width digits, zeros as —, a 封面, a hidden
		// sheet, extra blank rows, the 合计 label merged.
		file: "sichuan-split-yuan.xlsx", profile: "sichuan-2020", src: materialReference, unit: amount.Yuan, info: "cover",
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.Yuan, codes: split, text: true, fullWidth: true, dash: true, blankRows: true, mergeSum: true,
				titleNo: func(n int, _, title string) string { return fmt.Sprintf("附表%d %s", n+1, title) }}
			hidden := &gsheet{name: "数据源", hidden: true}
			hidden.add(tx("行政运行"), gcell{kind: 'n', v: "3398700"})
			out := append([]*gsheet{cover(d), hidden}, sheets(d, st, sichuanTables, func(_ int, tt tableText) string { return tt.title })...)
			return out
		},
	},
	{
		// 久其 sheet names and no title rows, split codes with the parent's
		// digits, 金额单位 in the header, 说明 lines for empty tables.
		file: "sichuan-jiuqi.xlsx", profile: "sichuan-2020", src: materialReference, unit: amount.TenThousandYuan,
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.TenThousandYuan, codes: splitFull, noTitle: true, headUnit: true}
			return sheets(d, st, sichuanTables, func(_ int, tt tableText) string { return jiuqiNames[tt.key] })
		},
	},
	{
		// 一般公共预算财政拨款支出决算表 over two sheets (split codes, the
		// parents on the first), the four fund tables on one sheet.
		file: "sichuan-sheets.xlsx", profile: "sichuan-2020", src: materialReference, unit: amount.TenThousandYuan,
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.TenThousandYuan, codes: split, titleNo: func(_ int, num, title string) string { return "表" + num + " " + title }}
			p := &printer{st: st, docUnit: d.Unit.AmountUnit}
			var out []*gsheet
			funds := &gsheet{name: "基金和国资表"}
			for i, tt := range sichuanTables {
				switch tt.key {
				case "generalBudget":
					a, b := &gsheet{name: "表六"}, &gsheet{name: "表六续"}
					p.print(a, i, tt, &d.Tables, 0, 8, false)
					p.print(b, i, tableText{tt.key, tt.num, tt.title + "（续）"}, &d.Tables, 8, -1, true)
					out = append(out, a, b)
				case "govFund", "govFundThreePublic", "stateCapital", "stateCapitalExpenditure":
					if len(funds.rows) > 0 {
						funds.add()
						funds.add()
					}
					p.print(funds, i, tt, &d.Tables, 0, -1, true)
					if tt.key == "govFund" {
						out = append(out, funds)
					}
				default:
					s := &gsheet{name: "表" + tt.num}
					p.print(s, i, tt, &d.Tables, 0, -1, true)
					out = append(out, s)
				}
			}
			return out
		},
	},
	{
		// The central 9 tables exactly as the 2024 template prints them.
		file: "central-2024.xlsx", profile: "central-2024", src: materialCentral, unit: amount.TenThousandYuan, info: "title",
		noTotal: []string{"generalBudgetBasic"},
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.TenThousandYuan, codes: joined, notes: true, central: true}
			out := sheets(d, st, centralTables, func(n int, tt tableText) string { return fmt.Sprintf("%d %s", n+1, tt.title) })
			first := &gsheet{name: out[0].name}
			first.addText(d.Unit.Name + fmt.Sprint(d.Unit.FiscalYear) + "年度部门决算表")
			first.rows = append(first.rows, out[0].rows...)
			for _, m := range out[0].merges {
				m.Top++
				m.Bottom++
				first.merges = append(first.merges, m)
			}
			out[0] = first
			return out
		},
	},
	{
		// 预算管理一体化 style: sheets named by table code, tables in 元
		// with the 三公 table in 万元, split codes with the parent's digits,
		// formulas.
		file: "central-units.xlsx", profile: "central-2024", src: materialCentral, unit: amount.Yuan,
		noTotal: []string{"generalBudgetBasic"},
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.Yuan, unitOf: map[string]amount.Unit{"threePublic": amount.TenThousandYuan}, codes: splitFull, central: true, formulas: true,
				titleNo: func(n int, _, title string) string { return fmt.Sprintf("公开%02d表 %s", n+1, title) }}
			return sheets(d, st, centralTables, func(n int, _ tableText) string { return fmt.Sprintf("GK%02d", n+1) })
		},
	},
	{
		// A large department: hundreds of 项 rows per table.
		file: "sichuan-large.xlsx", profile: "sichuan-2020", src: materialLarge, unit: amount.TenThousandYuan,
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.TenThousandYuan, codes: joined, formulas: true, titleNo: numbered}
			return sheets(d, st, sichuanTables, func(n int, tt tableText) string { return tt.num })
		},
	},
	{
		// One table as Excel saves CSV in China: UTF-8 with a BOM.
		file: "sichuan-generalBudget.csv", kind: "csv", profile: "sichuan-2020", src: materialReference, unit: amount.TenThousandYuan,
		keys: []string{"generalBudget"}, info: "title",
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.TenThousandYuan, codes: joined}
			s := sheets(d, st, sichuanTables[5:6], func(int, tableText) string { return "" })[0]
			s.rows = append([][]gcell{{tx(d.Unit.Name + fmt.Sprint(d.Unit.FiscalYear) + "年度部门决算")}}, s.rows...)
			return []*gsheet{s}
		},
	},
	{
		// The same table in GBK, in 元, split codes, text figures.
		file: "sichuan-generalBudget-gbk.csv", kind: "csv-gbk", profile: "sichuan-2020", src: materialReference, unit: amount.Yuan,
		keys: []string{"generalBudget"},
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.Yuan, codes: split, text: true}
			return sheets(d, st, sichuanTables[5:6], func(int, tableText) string { return "" })
		},
	},
	{
		// Four tables of a published page: rowspan and colspan headers, the
		// titles as <caption> or as the heading before the table.
		file: "sichuan-tables.html", kind: "html", profile: "sichuan-2020", src: materialReference, unit: amount.TenThousandYuan,
		keys: []string{"summary", "generalBudget", "threePublic", "govFund"},
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.TenThousandYuan, codes: joined, noTitle: true}
			var ts []tableText
			for _, tt := range sichuanTables {
				switch tt.key {
				case "summary", "generalBudget", "threePublic", "govFund":
					ts = append(ts, tt)
				}
			}
			return sheets(d, st, ts, func(n int, tt tableText) string { return tt.num + "、" + tt.title })
		},
	},
	{
		// A stray figure beside a table and a note line under it.
		file: "sichuan-stray.xlsx", profile: "sichuan-2020", src: materialReference, unit: amount.TenThousandYuan,
		keys:     []string{"generalBudget", "threePublic"},
		unplaced: []string{"一般公共预算财政拨款支出决算表!H7"},
		notes:    []string{"一般公共预算财政拨款支出决算表!A21"},
		build: func(t testing.TB, d *juesuan.Document) []*gsheet {
			st := style{unit: amount.TenThousandYuan, codes: joined}
			out := sheets(d, st, []tableText{sichuanTables[5], sichuanTables[9]}, func(_ int, tt tableText) string { return tt.title })
			s := out[0]
			// row 7 (index 6) is the first 项 row, 2010301
			for len(s.rows[6]) < 8 {
				s.rows[6] = append(s.rows[6], gcell{})
			}
			s.rows[6][7] = gcell{kind: 'n', v: "12.34"}
			s.addText("注：本表金额单位为万元，数据来源于财决06表。")
			return out
		},
	},
}

// materialExpect is the document m must import to: its source transformed
// as the file prints it (see the file comment).
func materialExpect(t testing.TB, m material, src *juesuan.Document) *juesuan.Document {
	t.Helper()
	p, err := juesuan.LookupProfile(m.profile)
	if err != nil {
		t.Fatal(err)
	}
	keys := m.keys
	if keys == nil {
		for _, ts := range p.Tables {
			if !ts.Internal && !ts.Extra() {
				keys = append(keys, ts.Key)
			}
		}
	}
	out := &juesuan.Document{Profile: m.profile}
	out.Unit.AmountUnit = m.unit
	switch m.info {
	case "title":
		out.Unit.Name, out.Unit.FiscalYear = src.Unit.Name, src.Unit.FiscalYear
	case "cover":
		out.Unit.Name, out.Unit.FiscalYear = src.Unit.Name, src.Unit.FiscalYear
		out.Unit.Jurisdiction, out.Unit.Level = src.Unit.Jurisdiction, src.Unit.Level
	}
	dv, sv := reflect.ValueOf(&out.Tables).Elem(), reflect.ValueOf(&src.Tables).Elem()
	for i := range dv.NumField() {
		k, _, _ := strings.Cut(dv.Type().Field(i).Tag.Get("json"), ",")
		for _, want := range keys {
			if k == want {
				dv.Field(i).Set(sv.Field(i))
			}
		}
	}
	// a deep copy, then the transform
	var b bytes.Buffer
	if err := juesuan.Encode(&b, out); err != nil {
		t.Fatal(err)
	}
	out = new(juesuan.Document)
	if err := json.Unmarshal(b.Bytes(), out); err != nil {
		t.Fatal(err)
	}
	for _, k := range m.noTotal {
		if k == "generalBudgetBasic" && out.Tables.GeneralBudgetBasic != nil {
			out.Tables.GeneralBudgetBasic.Total = amount.Amount{}
		}
	}
	if b := out.Tables.GeneralBudgetBasic; b != nil {
		// printed in two columns: 301 and 303 on the left, read first
		var left, right []accounts.EconDeptRow
		for _, r := range b.Rows {
			if c := string(r.Code); strings.HasPrefix(c, "301") || strings.HasPrefix(c, "303") {
				left = append(left, r)
			} else {
				right = append(right, r)
			}
		}
		if b.Rows != nil {
			b.Rows = append(left, right...)
		}
	}
	convertAmounts(reflect.ValueOf(&out.Tables).Elem(), src.Unit.AmountUnit, m.unit)
	return out
}

var amountType = reflect.TypeFor[amount.Amount]()

func convertAmounts(v reflect.Value, from, to amount.Unit) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			convertAmounts(v.Elem(), from, to)
		}
	case reflect.Slice:
		for i := range v.Len() {
			convertAmounts(v.Index(i), from, to)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			convertAmounts(v.MapIndex(k), from, to)
		}
	case reflect.Struct:
		if v.Type() == amountType {
			v.Set(reflect.ValueOf(v.Interface().(amount.Amount).Convert(from, to)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				convertAmounts(v.Field(i), from, to)
			}
		}
	}
}

// render writes the sheets of m as the bytes of its file.
func render(t testing.TB, m material, ss []*gsheet) []byte {
	t.Helper()
	switch m.kind {
	case "csv", "csv-gbk":
		var b bytes.Buffer
		if m.kind == "csv" {
			b.WriteString("\uFEFF")
		}
		w := csv.NewWriter(&b)
		w.UseCRLF = true
		for _, r := range ss[0].rows {
			rec := make([]string, len(r))
			for i, c := range r {
				rec[i] = c.v
			}
			if err := w.Write(rec); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		if m.kind == "csv" {
			return b.Bytes()
		}
		out, err := simplifiedchinese.GBK.NewEncoder().Bytes(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		return out
	case "html":
		return renderHTML(ss)
	}
	x := excelize.NewFile()
	defer x.Close()
	for i, s := range ss {
		if i == 0 {
			if err := x.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := x.NewSheet(s.name); err != nil {
			t.Fatalf("sheet %q: %v", s.name, err)
		}
		for r, row := range s.rows {
			for c, cell := range row {
				name := sheet.Name(r, c)
				var err error
				switch cell.kind {
				case 't':
					err = x.SetCellStr(s.name, name, cell.v)
				case 'n':
					err = x.SetCellDefault(s.name, name, cell.v)
				case 'f':
					err = x.SetCellFormula(s.name, name, cell.v)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, g := range s.merges {
			if err := x.MergeCell(s.name, sheet.Name(g.Top, g.Left), sheet.Name(g.Bottom, g.Right)); err != nil {
				t.Fatal(err)
			}
		}
		if s.hidden {
			if err := x.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// renderHTML writes each sheet as a <table>: the first with its name as
// <caption>, the others after an <h3>, merges as rowspan and colspan.
func renderHTML(ss []*gsheet) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>部门决算公开表</title></head><body>\n")
	for i, s := range ss {
		if i > 0 {
			fmt.Fprintf(&b, "<h3>%s</h3>\n", html.EscapeString(s.name))
		}
		b.WriteString("<table border=\"1\">\n")
		if i == 0 {
			fmt.Fprintf(&b, "<caption>%s</caption>\n", html.EscapeString(s.name))
		}
		for r, row := range s.rows {
			b.WriteString("<tr>")
			for c, cell := range row {
				covered, span := false, sheet.Range{Top: r, Left: c, Bottom: r, Right: c}
				for _, g := range s.merges {
					if g.Contains(r, c) {
						if g.Top == r && g.Left == c {
							span = g
						} else {
							covered = true
						}
					}
				}
				if covered {
					continue
				}
				b.WriteString("<td")
				if n := span.Bottom - span.Top + 1; n > 1 {
					fmt.Fprintf(&b, " rowspan=\"%d\"", n)
				}
				if n := span.Right - span.Left + 1; n > 1 {
					fmt.Fprintf(&b, " colspan=\"%d\"", n)
				}
				fmt.Fprintf(&b, ">%s</td>", strings.ReplaceAll(html.EscapeString(cell.v), "\n", "<br>"))
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

func expectName(file string) string {
	return strings.TrimSuffix(file, filepath.Ext(file)) + ".expected.json"
}

// TestWorkbookMaterial is the generator of testdata/workbooks: -update
// writes the files, otherwise they must be what the generator makes.
func TestWorkbookMaterial(t *testing.T) {
	if juesuan.Updating() {
		if err := os.MkdirAll(materialDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range materials {
		t.Run(m.file, func(t *testing.T) {
			src := m.src(t)
			data := render(t, m, m.build(t, src))
			var exp bytes.Buffer
			if err := juesuan.Encode(&exp, materialExpect(t, m, src)); err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct {
				name string
				data []byte
			}{{m.file, data}, {expectName(m.file), exp.Bytes()}} {
				path := filepath.Join(materialDir, f.name)
				if juesuan.Updating() {
					if err := os.WriteFile(path, f.data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				old, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -run TestWorkbookMaterial -update .)", err)
				}
				if !bytes.Equal(old, f.data) {
					t.Errorf("%s is stale (run go test -run TestWorkbookMaterial -update .)", path)
					if strings.HasSuffix(f.name, ".xlsx") {
						a, errA := sheet.ReadXLSX(bytes.NewReader(old), f.name)
						b, errB := sheet.ReadXLSX(bytes.NewReader(f.data), f.name)
						if errA == nil && errB == nil {
							if diff := cmp.Diff(a, b); diff != "" {
								t.Errorf("cells (-committed +generated):\n%s", diff)
							} else {
								t.Errorf("same cells: excelize output is no longer byte-stable")
							}
						}
					}
				}
			}
		})
	}
}

// TestWorkbookImport imports every file of the material and compares the
// document with the expected one, and the import report's unplaced cells
// and notes with those the material plants.
func TestWorkbookImport(t *testing.T) {
	for _, m := range materials {
		t.Run(m.file, func(t *testing.T) {
			path := filepath.Join(materialDir, m.file)
			// encoding/json, not Decode: a workbook without unit information
			// imports to a document without unit.name, which Decode refuses.
			data, err := os.ReadFile(filepath.Join(materialDir, expectName(m.file)))
			if err != nil {
				t.Fatal(err)
			}
			want := new(juesuan.Document)
			if err := json.Unmarshal(data, want); err != nil {
				t.Fatal(err)
			}
			wb, err := sheet.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			got, rep, err := juesuan.Import(wb, juesuan.ImportOptions{Profile: m.profile, BlankAbsent: true})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b amount.Count) bool { return a == b })); diff != "" {
				t.Errorf("document (-want +got):\n%s", diff)
			}
			var unplaced []string
			for _, u := range rep.Unplaced {
				unplaced = append(unplaced, u.Location.Sheet+"!"+u.Location.Cell)
				if u.Location.File != wb.File {
					t.Errorf("unplaced %v: file %q, want %q", u, u.Location.File, wb.File)
				}
			}
			if diff := cmp.Diff(m.unplaced, unplaced); diff != "" {
				t.Errorf("unplaced (-want +got):\n%s\nreport: %+v", diff, rep.Unplaced)
			}
			for _, n := range m.notes {
				found := false
				for _, g := range rep.Notes {
					found = found || g.Location.Sheet+"!"+g.Location.Cell == n && g.Kind == "note"
				}
				if !found {
					t.Errorf("no note at %s in %+v", n, rep.Notes)
				}
			}
		})
	}
}
