package intake

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/sheet"
)

// Spec says what to look for and how to read it.
type Spec struct {
	// Tables are the profile's tables (internal ones are skipped).
	Tables []Table
	// Unit is the document's 金额单位; "" means the unit of the first
	// table that states one (万元 when none does).
	Unit amount.Unit
	// BlankAbsent reads a blank cell as a figure not stated; otherwise a
	// blank in a printed table is 0.
	BlankAbsent bool
	// DashBlank reads "-", "—" as blank; otherwise as 0.
	DashBlank bool
	// ClassCode looks up the code of a 类 printed by name only (in the
	// profile's catalogue edition); nil looks up nothing.
	ClassCode func(f classification.Family, name string) (string, bool)
}

// Report is what Map found beside the figures it placed.
type Report struct {
	// Sources are the cells of the placed figures, by JSON Pointer
	// ("/tables/income/rows/3/fiscal").
	Sources map[string]sheet.Location
	// Blank are the pointers of figures printed blank, in reading order.
	Blank []string
	// Tables are the tables recognised, in reading order.
	Tables []TableReport
	// Unplaced are cells that hold figures (or headers) Map could not place.
	Unplaced []Unplaced
	// Notes are the notes printed with the tables (注：…), 填报说明 lines
	// and what was said about the unit and the sheets.
	Notes []Note
	// Unit is the document's 金额单位.
	Unit amount.Unit
}

// TableReport is one table recognised.
type TableReport struct {
	Key, Title string
	// Sheets are the sheets it was read from (more than one when it
	// continues on another sheet).
	Sheets []string
	// Unit is the unit it was printed in; figures were converted exactly
	// to Report.Unit when it differs.
	Unit amount.Unit
}

// Unplaced is a cell Map could not place.
type Unplaced struct {
	Location sheet.Location
	Text     string
	Reason   string
}

// Note is a text found beside the tables.
type Note struct {
	Location sheet.Location
	Table    string // the table's key, "" for the workbook
	Kind     string // note, instructions, cover, hidden, sheet, unit, unitInfo
	Text     string
}

// Unit info a cover or a title line states.
type UnitInfo struct {
	Name, Code, Jurisdiction, Level string
	FiscalYear                      int
}

// Map recognises the tables of spec in the workbook and returns them as a
// report (Unit holds what the workbook states), with what was found beside
// them. A cell that must hold a figure and does not is a *CellError.
func Map(wb *sheet.Workbook, spec Spec) (*accounts.Report, *Report, error) {
	m := &mapper{wb: wb, spec: spec, forms: forms(spec.Tables), rep: &Report{Sources: make(map[string]sheet.Location, figuresIn(wb))},
		tables: map[string]map[string]any{}, last: map[string]*colMap{}, parents: map[string][][3]string{}}
	if wb.Title != "" { // a web page's title: the unit's name and year
		m.unitLine(wb.Title, sheet.Location{File: wb.File})
	}
	regions := m.regions()
	m.rep.Unit = spec.Unit
	if m.rep.Unit == "" {
		for _, r := range regions {
			if r.unit != "" {
				m.rep.Unit = r.unit
				break
			}
		}
	}
	if m.rep.Unit == "" {
		m.rep.Unit = amount.TenThousandYuan
		m.note(sheet.Location{File: wb.File}, "", "unit", "no 单位 line: figures read as 万元")
	}
	for _, r := range regions {
		if err := m.region(r); err != nil {
			return nil, m.rep, err
		}
	}
	out := &accounts.Report{Unit: accounts.Unit{AmountUnit: m.rep.Unit, Name: m.info.Name, Code: m.info.Code,
		Jurisdiction: m.info.Jurisdiction, Level: m.info.Level, FiscalYear: m.info.FiscalYear}}
	tree := make(map[string]any, len(m.tables))
	for k, v := range m.tables {
		tree[k] = v
	}
	if err := json.Unmarshal(appendJSON(make([]byte, 0, 64*len(m.rep.Sources)+1024), tree), &out.Tables); err != nil {
		return nil, m.rep, fmt.Errorf("intake: %w", err)
	}
	return out, m.rep, nil
}

// figuresIn estimates the figures of wb (to size Report.Sources): its
// non-blank cells but one per row (the row's label).
func figuresIn(wb *sheet.Workbook) int {
	n := 0
	for _, s := range wb.Sheets {
		for _, row := range s.Rows {
			k := 0
			for _, c := range row {
				if c.Kind != sheet.Blank {
					k++
				}
			}
			n += max(k-1, 0)
		}
	}
	return n
}

// appendJSON appends the JSON of a document tree: maps, lists (*[]any),
// strings and json.Number (written as they are).
func appendJSON(b []byte, v any) []byte {
	switch x := v.(type) {
	case map[string]any:
		b = append(b, '{')
		first := true
		for k, e := range x {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendString(b, k)
			b = append(b, ':')
			b = appendJSON(b, e)
		}
		return append(b, '}')
	case *[]any:
		b = append(b, '[')
		for i, e := range *x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, e)
		}
		return append(b, ']')
	case []any:
		return appendJSON(b, &x)
	case json.Number:
		return append(b, x...)
	case string:
		return appendString(b, x)
	}
	q, _ := json.Marshal(v)
	return append(b, q...)
}

// appendString appends s quoted as JSON.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	if !utf8.ValidString(s) {
		q, _ := json.Marshal(s)
		return append(b, q...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

type mapper struct {
	wb     *sheet.Workbook
	spec   Spec
	forms  []*form
	rep    *Report
	info   UnitInfo
	tables map[string]map[string]any // the document tree of each table
	last   map[string]*colMap        // the columns last read of each table
	// the last 类/款/项 codes read of each table, by block
	parents map[string][][3]string
}

func (m *mapper) loc(s *sheet.Sheet, r, c int) sheet.Location {
	return sheet.Location{File: m.wb.File, Sheet: s.Name, Cell: sheet.Name(r, c)}
}

func (m *mapper) note(l sheet.Location, table, kind, text string) {
	m.rep.Notes = append(m.rep.Notes, Note{Location: l, Table: table, Kind: kind, Text: text})
}

// region is the rows of one table on one sheet.
type region struct {
	f        *form
	s        *sheet.Sheet
	top, end int // rows top..end-1; top is the title row, or the first row
	titled   bool
	unit     amount.Unit
	unitAt   sheet.Location
	titleTxt string
}

// formOf returns the form a printed title names.
func (m *mapper) formNamed(text string) *form {
	if len([]rune(text)) > 80 {
		return nil
	}
	for _, c := range titleCandidates(text) {
		for _, f := range m.forms {
			if slices.Contains(f.titles, c) {
				return f
			}
		}
	}
	// a title after the unit's name and year: XX局2020年度收入决算表
	n := norm(text)
	var best *form
	bestLen := 0
	for _, f := range m.forms {
		for _, t := range f.titles {
			if strings.HasSuffix(n, t) && len(t) > bestLen {
				p := strings.TrimSuffix(n, t)
				if strings.HasSuffix(p, "年") || strings.HasSuffix(p, "年度") || strings.HasSuffix(p, "部门") {
					best, bestLen = f, len(t)
				}
			}
		}
	}
	return best
}

var (
	yearLine  = regexp.MustCompile(`^(.*?)(20\d\d)年度?(部门)?(决算|部门决算)`)
	fieldLine = regexp.MustCompile(`^(单位名称|编制单位|部门名称|单位代码|决算年度|年度|财政区划|预算级次)[:：]\s*(.+)$`)
)

// unitLine reads the unit's name and year from a line such as
// 上海市XX局2024年度部门决算 or 单位名称：…, and reports whether it did.
func (m *mapper) unitLine(text string, l sheet.Location) bool {
	t := strings.TrimSpace(text)
	if g := fieldLine.FindStringSubmatch(t); g != nil {
		v := strings.TrimSpace(g[2])
		switch g[1] {
		case "单位名称", "编制单位", "部门名称":
			m.set(&m.info.Name, strings.Join(strings.Fields(v), ""), l, t)
		case "单位代码":
			m.set(&m.info.Code, v, l, t)
		case "财政区划":
			m.set(&m.info.Jurisdiction, v, l, t)
		case "预算级次":
			m.set(&m.info.Level, v, l, t)
		default:
			if y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(v, "年度"), "年")); err == nil && m.info.FiscalYear == 0 {
				m.info.FiscalYear = y
				m.note(l, "", "unitInfo", t)
			}
		}
		return true
	}
	if g := yearLine.FindStringSubmatch(strings.Join(strings.Fields(t), "")); g != nil {
		if m.info.Name == "" && g[1] != "" {
			m.set(&m.info.Name, g[1], l, t)
		}
		if m.info.FiscalYear == 0 {
			m.info.FiscalYear, _ = strconv.Atoi(g[2])
		}
		return true
	}
	return false
}

func (m *mapper) set(dst *string, v string, l sheet.Location, text string) {
	if *dst == "" {
		*dst = v
		m.note(l, "", "unitInfo", text)
	}
}

// rowTexts returns the non-blank cells of row r.
func rowTexts(s *sheet.Sheet, r int) (cols []int, texts []string) {
	return appendRowTexts(s, r, nil, nil)
}

// appendRowTexts is rowTexts appending to cols and texts.
func appendRowTexts(s *sheet.Sheet, r int, cols []int, texts []string) ([]int, []string) {
	if r >= len(s.Rows) {
		return cols, texts
	}
	for c, cell := range s.Rows[r] {
		if cell.Value == "" {
			continue
		}
		if t := cellText(cell); t != "" {
			cols = append(cols, c)
			texts = append(texts, t)
		}
	}
	return cols, texts
}

func unitOf(text string) (amount.Unit, bool) {
	if !strings.Contains(text, "单位") {
		return "", false
	}
	if g := unitText.FindStringSubmatch(norm(text)); g != nil {
		return amount.Unit(g[2]), true
	}
	return "", false
}

// regions finds the tables on every sheet.
func (m *mapper) regions() []*region {
	var out []*region
	var prev *region
	for _, s := range m.wb.Sheets {
		if s.Hidden {
			m.note(sheet.Location{File: m.wb.File, Sheet: s.Name}, "", "hidden", "hidden sheet, not read")
			continue
		}
		name := norm(s.Name)
		if strings.Contains(name, "封面") {
			m.cover(s)
			continue
		}
		if strings.Contains(name, "填报说明") || strings.Contains(name, "编制说明") || name == "说明" {
			m.instructions(s, "instructions")
			continue
		}
		// A web page's table: the unit's name and year, the title and the
		// 单位 line printed above it.
		for _, t := range s.Above {
			m.unitLine(t, sheet.Location{File: m.wb.File, Sheet: s.Name})
		}
		var here []*region
		var before []int // rows with figures before the first title
		var cols []int
		var texts []string
		for r := range s.Rows {
			cols, texts = appendRowTexts(s, r, cols[:0], texts[:0])
			if len(here) == 0 && rowHasFigure(s, r) {
				before = append(before, r)
			}
			if len(texts) == 0 || len(texts) > 2 {
				continue
			}
			if f := m.formNamed(texts[0]); f != nil {
				if n := len(before); n > 0 && before[n-1] == r {
					before = before[:n-1] // the title row: header lists it
				}
				if len(here) > 0 {
					here[len(here)-1].end = r
				}
				here = append(here, &region{f: f, s: s, top: r, end: len(s.Rows), titled: true, titleTxt: texts[0]})
				continue
			}
			if len(here) == 0 {
				m.unitLine(texts[0], m.loc(s, r, cols[0]))
			}
		}
		if len(here) > 0 {
			for _, r := range before {
				for c, cell := range s.Rows[r] {
					if isFigure(cell) {
						m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(s, r, c), Text: cellText(cell), Reason: "figure above the first table"})
					}
				}
			}
		}
		if len(here) == 0 {
			if f := m.formNamed(s.Name); f != nil {
				here = append(here, &region{f: f, s: s, end: len(s.Rows), titleTxt: s.Name})
			} else if f, t := m.formAbove(s); f != nil {
				// Named by the title printed above it rather than by the
				// nearest text (a 单位 line): locations name the table.
				named := *s
				named.Name = titleName(t)
				s = &named
				here = append(here, &region{f: f, s: s, end: len(s.Rows), titleTxt: t})
			} else if prev != nil && hasFigures(s) && m.continues(s, prev.f) {
				here = append(here, &region{f: prev.f, s: s, end: len(s.Rows)})
				m.note(sheet.Location{File: m.wb.File, Sheet: s.Name}, prev.f.key, "sheet", "continues "+prev.f.title)
			} else if hasFigures(s) || len(s.Rows) > 0 {
				if !m.instructions(s, "sheet") {
					m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: sheet.Location{File: m.wb.File, Sheet: s.Name}, Text: s.Name, Reason: "sheet not recognised"})
				}
				continue
			}
		}
		for _, g := range here {
			g.unit, g.unitAt = m.unitIn(g)
			if g.unit == "" {
				g.unit, g.unitAt = m.unitAbove(s)
			}
			if g.unit == "" && prev != nil && prev.f == g.f {
				g.unit = prev.unit
			}
			prev = g
		}
		out = append(out, here...)
	}
	return out
}

// formAbove returns the form whose title a web page prints above table s
// (Sheet.Above, nearest first) and that title.
func (m *mapper) formAbove(s *sheet.Sheet) (*form, string) {
	for i := len(s.Above) - 1; i >= 0; i-- {
		if f := m.formNamed(s.Above[i]); f != nil {
			return f, s.Above[i]
		}
	}
	return nil, ""
}

// titleName is a title as a sheet's name: its lines joined, at most 60
// characters, as sheet.ReadHTML cuts a name.
func titleName(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if r := []rune(t); len(r) > 60 {
		t = string(r[:60])
	}
	return t
}

// unitAbove returns the unit a web page's 单位 line above table s states.
func (m *mapper) unitAbove(s *sheet.Sheet) (amount.Unit, sheet.Location) {
	for i := len(s.Above) - 1; i >= 0; i-- {
		if u, ok := unitOf(s.Above[i]); ok {
			return u, sheet.Location{File: m.wb.File, Sheet: s.Name}
		}
	}
	return "", sheet.Location{}
}

// continues reports whether sheet s, which has no title of its own,
// continues the table of form f (the table read last): its name says 续
// (表六续), or its header is f's (every value column understood), or it
// has no header and its first row carries a code or a line label of f.
// A sheet without that evidence is not recognised.
func (m *mapper) continues(s *sheet.Sheet, f *form) bool {
	if strings.Contains(s.Name, "续") {
		return true
	}
	g := &region{f: f, s: s, end: len(s.Rows)}
	n := len(m.rep.Unplaced)
	cm, _, ok := m.header(g)
	m.rep.Unplaced = m.rep.Unplaced[:n] // a trial: header lists nothing
	if ok {
		labels, values := 0, 0
		for c, r := range cm.role {
			switch {
			case r == roleValue && cm.col[c] < 0:
				return false
			case r == roleValue:
				values++
			case r != roleNone:
				labels++
			}
		}
		return labels > 0 && values > 0
	}
	for r := range s.Rows {
		_, texts := rowTexts(s, r)
		if len(texts) == 0 {
			continue
		}
		// a code and a name: 2010301 | 行政运行, or 2010301 行政运行
		if _, rest, ok := splitCode(norm(texts[0])); ok {
			return rest != "" && !isFigure(sheet.Cell{Kind: sheet.Text, Value: rest}) ||
				rest == "" && len(texts) > 1 && !isFigure(sheet.Cell{Kind: sheet.Text, Value: texts[1]})
		}
		t := label(texts[0])
		for _, sd := range f.sides {
			for i := range sd.items {
				if it := &sd.items[i]; it.kind == lineItem && it.label != "" && matchLabel(t, it) {
					return true
				}
			}
		}
		return false
	}
	return false
}

// unitIn finds the unit a region states: a 单位 line, or a header's (万元).
func (m *mapper) unitIn(g *region) (amount.Unit, sheet.Location) {
	for r := g.top; r < g.end && r < g.top+12; r++ {
		for c, cell := range g.s.Rows[r] {
			t := cellText(cell)
			if u, ok := unitOf(t); ok {
				return u, m.loc(g.s, r, c)
			}
			if h := headerUnit.FindStringSubmatch(norm(t)); h != nil {
				return amount.Unit(h[1]), m.loc(g.s, r, c)
			}
		}
	}
	return "", sheet.Location{}
}

func hasFigures(s *sheet.Sheet) bool {
	for _, row := range s.Rows {
		for _, c := range row {
			if c.Kind == sheet.Number || c.Kind == sheet.Formula {
				return true
			}
		}
	}
	return false
}

// cover reads a 封面: the unit's name, year and codes.
func (m *mapper) cover(s *sheet.Sheet) {
	for r := range s.Rows {
		cols, texts := rowTexts(s, r)
		line := strings.Join(texts, "")
		if len(texts) == 2 && strings.HasSuffix(texts[0], "：") || len(texts) == 2 && strings.HasSuffix(texts[0], ":") {
			line = texts[0] + texts[1]
		}
		if line == "" {
			continue
		}
		read := m.unitLine(line, m.loc(s, r, cols[0]))
		if !read {
			m.note(m.loc(s, r, cols[0]), "", "cover", line)
		}
		for i, c := range cols {
			// a figure on the cover is no unit information (unless it is
			// the value of a 决算年度： line)
			if cell := s.Rows[r][c]; isFigure(cell) && !(read && i < 2) {
				m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{Location: m.loc(s, r, c), Text: texts[i], Reason: "figure on the cover"})
			}
		}
	}
}

// instructions lists the lines of a sheet of text (填报说明); false when
// the sheet holds figures.
func (m *mapper) instructions(s *sheet.Sheet, kind string) bool {
	if kind == "sheet" && hasFigures(s) {
		return false
	}
	for r := range s.Rows {
		cols, texts := rowTexts(s, r)
		if len(texts) > 0 {
			m.note(m.loc(s, r, cols[0]), "", kind, strings.Join(texts, " "))
		}
	}
	return true
}
