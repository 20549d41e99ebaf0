package narrative

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

type kind uint8

const (
	money kind = iota
	percent
	count
)

type role uint8

const (
	roleCurrent    role = iota // this year's figure
	rolePrior                  // last year's figure
	roleBudget                 // a budget figure
	roleChange                 // 增减额
	roleRate                   // 增减率
	roleShare                  // 占比
	roleCompletion             // 完成预算 %, 完成率
)

// comparison is what a change is measured against.
type comparison uint8

const (
	cmpNone comparison = iota
	cmpYoY
	cmpBudget
	cmpInitialBudget
)

// claim is one number with a unit in the narrative.
type claim struct {
	p        *para
	sent     int // index in p.sents
	off, end int // byte offsets of the number and the end of its unit
	kind     kind
	val      decimal.Decimal
	places   int32
	unit     string // 万元, 元, 亿元, % or a count unit
	written  string // as printed, e.g. "559.53万元"
	approx   bool   // 余, 约, 左右
	target   bool   // N期/年: a yearly target
	role     role
	dir      int // +1 增, −1 减, 0 not a change or ambiguous
	cmp      comparison
	ambig    bool   // the label holds unresolved alternatives
	conn     bool   // the label is only a connector (和, 、)
	group    int    // position in a 分别 run
	label    string // the raw label before the number
	subj     string // the subject after role and filler words are removed
	inherit  bool   // subj comes from an earlier claim or the sentence start
	whole    string // 占X的: the whole's label
	year     int    // the year the figure refers to
	initial  bool   // 年初预算
	notTable bool   // 退回, 收回 …: a movement, not the table figure
	title    string // the last publication 《…》 named before the number in its sentence

	factIDs []string // the facts the label names (tied or only identified)
	fact    *Fact    // the fact, when in the document
	tied    bool     // compared with a stated table figure
	row     bool     // identified through a 科目 name

	checked  bool // verified by some check
	reported bool // a finding was reported on it
	// unverified: the finding is C18's (listUnverified), which the
	// coverage ledger also lists as a skipped check when the claim names
	// a table figure the document does not state.
	unverified bool
	anchor     *claim
	clause     int // byte offset of the clause start
}

var (
	threshold   = regexp.MustCompile(`^\s*(?:[（(]含[）)])?\s*(?:以上|以下|以内|及以上|及以下|起)`)
	yearMark    = regexp.MustCompile(`((?:19|20)[0-9]{2})\s*年|今年|本年度?|当年|上年度?|去年`)
	yearMarkSeg = newSegmented(yearMark)
	dateAfter   = regexp.MustCompile(`^\s*[0-9]{1,2}\s*月`)
	cmpPhrase   = newFiltered(regexp.MustCompile(`(?:比|较)\s*(?:上年度?|去年|同期|(?:19|20)[0-9]{2}\s*年度?[末底]?|年初预算数?|预算数?|调整预算数?)|与\s*(?:上年度?|去年|(?:19|20)[0-9]{2}\s*年度?[末底]?|年初预算数?|预算数?)[^，。；]{0,8}?相比|同比`))

	changeEnd     = newEndFilter(regexp.MustCompile(`(增加|减少|增长|下降|上升|降低|节约|超支|增|减|多|少)了?\s*$`))
	rateEnd       = newEndFilter(regexp.MustCompile(`(增长|下降|增加|减少|上升|降低|增幅|降幅|减幅|增长率|下降率)(?:了|为|达|是|幅度为)?\s*$`))
	completionEnd = newEndFilter(regexp.MustCompile(`(?:完成(?:年初|调整)?预算(?:数)?(?:的)?|(?:预算)?(?:完成|执行)率|完成(?:年度)?(?:目标|计划)(?:的)?)(?:为|达|达到|是)?\s*$`))
	budgetEnd     = newEndFilter(regexp.MustCompile(`(?:年初|调整后?|全年)?预算(?:数|金额)?(?:为|是)?\s*$`))
	cmpEnd        = newEndFilter(regexp.MustCompile(`(?:(?:比|较)\s*(?:上年度?|去年|同期|(?:19|20)[0-9]{2}\s*年度?(?:同期)?|(?:年初|调整后?)?预算数?)|与\s*(?:上年度?|去年|(?:19|20)[0-9]{2}\s*年度?|(?:年初|调整后?)?预算数?)(?:同期)?\s*相比|同比|较上年)\s*[，,]?\s*$`))
	leadPunct     = regexp.MustCompile(`^[\s，,；;：:、。）)」”"]+`)
	enumRe        = regexp.MustCompile(`^\s*(?:第[一二三四五六七八九十]+[，、]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[．.、]|[①②③④⑤⑥⑦⑧⑨⑩]|其[一二三四五六七八九十]，?)\s*`)
	leadWords     = regexp.MustCompile(`^(?:其中|另外|此外|同时|具体|包括|主要包括|分别为)[：:，,]?|^[（(][^（）()]*[）)]`)
	trailParen    = newEndFilter(regexp.MustCompile(`[（(]([^（）()]{0,40})[）)]\s*$`))
	fillerEnd     = newEndFilter(regexp.MustCompile(`(?:为|是|达到|达|共计|共|约|近|也|均|仅|分别|各|累计|了|决算数|决算|数|实际|总共|填写|[：:，,\s])$`))
	genericRe     = newEndFilter(regexp.MustCompile(`^(?:(?:19|20)[0-9]{2}年度?|今年|全年|当年|年末)?(?:其中|另外|此外|具体|主要|分别|各|共|累计|我办|本单位|本部门)?(?:共计|合计|总计)?(?:实际)?(?:支出|金额|资金|费用|完成|执行数|支出金额|发生)?$|^本年度?$`))
	titleRe       = regexp.MustCompile(`《([^《》]{1,30})》`)
)

// MaxClaims is the number of claims (numbers with a unit) Lint reads in
// one text, many times those of a real disclosure. Numbers after the last
// of them are not checked; one info finding (rule C18) at the first of them
// says how many there are (Actual holds the number).
const MaxClaims = 100_000

// skipped counts the numbers with a unit past MaxClaims.
type skipped struct {
	left int // claims that may still be read
	n    int
	p    *para // where the first one is
	off  int
}

// extract finds the claims of every sentence.
func (l *Linter) extract(d *document, year int, m *meter, sk *skipped) []*claim {
	var all []*claim
	for _, p := range d.paras {
		m.add(len(p.text))
		if !hasDigit(p.text) {
			continue
		}
		marks := yearMarks(p.text, year)
		for si, sp := range p.sents {
			if !hasDigit(p.text[sp[0]:sp[1]]) {
				continue
			}
			cs := l.sentenceClaims(p, si, sp, marks, year, m, sk)
			sk.left -= len(cs)
			all = append(all, cs...)
		}
	}
	return all
}

// containsAnyRune reports whether s holds one of rs.
func containsAnyRune(s string, rs []rune) bool {
	for _, r := range rs {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

type yearMarkAt struct {
	off  int
	year int
}

// yearMarks finds the places where the text says which year it speaks of:
// 2019年…, 今年, 上年 — but not 比2019年, 与上年相比, which compare.
func yearMarks(s string, year int) []yearMarkAt {
	var out []yearMarkAt
	for m := range eachSubmatch(yearMark, yearMarkSeg, s) {
		before := strings.TrimRight(s[max(0, m[0]-16):m[0]], " \t\u3000")
		if hasAnySuffix(before, "比", "较", "与", "同") {
			continue
		}
		after := s[m[1]:]
		if strings.HasPrefix(strings.TrimLeft(after, "度 "), "相比") || strings.HasPrefix(after, "同期") || dateAfter.MatchString(after) {
			continue // a comparison, or the date of an event
		}
		y := year
		w := s[m[0]:m[1]]
		switch {
		case m[2] >= 0:
			y, _ = strconv.Atoi(s[m[2]:m[3]])
		case strings.HasPrefix(w, "上年") || w == "去年":
			y = year - 1
		}
		out = append(out, yearMarkAt{m[0], y})
	}
	return out
}

func yearAt(marks []yearMarkAt, off, def int) int {
	i := sort.Search(len(marks), func(i int) bool { return marks[i].off >= off })
	if i == 0 {
		return def
	}
	return marks[i-1].year
}

var clauseSep = "，,；;：:"

// sentenceInfo is what the claims of one sentence share, computed once so
// that a long sentence costs linear time.
type sentenceInfo struct {
	cmps   [][2]int // ends of comparison phrases (比上年, 与2019年相比 …) and their kind
	titles []titleAt
	clause *clauseScanner
	zhan   []int // offsets of 占
	yong   []int // offsets of 用
	// The subject taken from the sentence start for the last clause start
	// asked for.
	startClause int
	startSubj   string
	m           *meter
}

// lastIn returns the last offset in offs (sorted) at or after lo whose
// rune of width w ends by hi, or -1.
func lastIn(offs []int, lo, hi, w int) int {
	i := sort.SearchInts(offs, hi-w+1) - 1
	if i >= 0 && offs[i] >= lo {
		return offs[i]
	}
	return -1
}

// allIndex returns the offsets of sub in s.
func allIndex(s, sub string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + len(sub)
	}
}

// afterDigits returns the offset in s after its last ASCII digit (0 when
// it has none). A regular expression that cannot match a digit and has no
// assertion but $ finds the same match at the end of s in s[afterDigits(s):],
// which is what a number's label is read in when it is at most the text
// since the last number.
func afterDigits(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if isDigit(s[i]) {
			return i + 1
		}
	}
	return 0
}

// suffixMatch runs re (digit-free, anchored at the end) on the part of s
// after its last digit and returns the submatch offsets in s.
func suffixMatch(re endFilter, s string, m *meter) []int {
	if !re.mayMatch(s) {
		return nil
	}
	from := afterDigits(s)
	m.add(2 * (len(s) - from))
	loc := re.FindStringSubmatchIndex(s[from:])
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += from
		}
	}
	return loc
}

type titleAt struct {
	end  int
	name string
}

func (l *Linter) sentenceClaims(p *para, si int, sp [2]int, marks []yearMarkAt, year int, mt *meter, sk *skipped) []*claim {
	s := p.text[:sp[1]]
	var out []*claim
	prevEnd := sp[0]
	sent := s[sp[0]:]
	mt.add(4 * len(sent))
	info := &sentenceInfo{clause: &clauseScanner{s: s, pos: sp[0], from: sp[0]}, startClause: -1, m: mt}
	// The words of the sentence that classify reads are found at its first
	// number with a unit: a sentence without one needs none of them.
	scanned := false
	nextTitle := 0
	title := ""
	scratch := new(claim)
	for _, m := range numbers(sent) {
		off, nend := m[0]+sp[0], m[1]+sp[0]
		if nend-off > 24 {
			continue
		}
		if off > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:off])
			if r < utf8.RuneSelf && (isASCIIAlnum(byte(r)) || r == '.' || r == '-' || r == '_' || r == '/') {
				continue
			}
			if r == '第' {
				continue
			}
		}
		mt.add(0)
		rest := s[nend:]
		sp0 := leadingBlanks(rest)
		rest = rest[sp0:]
		consumed := nend + sp0
		approx := false
		if strings.HasPrefix(rest, "余") || strings.HasPrefix(rest, "多") {
			approx = true
			rest = rest[len("余"):]
			consumed += len("余")
			sp1 := leadingBlanks(rest)
			rest, consumed = rest[sp1:], consumed+sp1
		}
		unit, k := l.unitAt(rest)
		if unit == "" {
			continue
		}
		if len(out) >= sk.left {
			if sk.n == 0 {
				sk.p, sk.off = p, off
			}
			sk.n++
			continue
		}
		if !scanned {
			info.scan(p.text, sp)
			scanned = true
		}
		// Most numbers of a hostile text are no claim: c is a scratch
		// claim, copied when kept.
		c := scratch
		*c = claim{p: p, sent: si, off: off, approx: approx}
		c.kind = k
		c.unit = unit
		c.end = consumed + len(unit)
		after := s[c.end:]
		if mayBeThreshold(after) && threshold.MatchString(after) {
			continue
		}
		if k == money && strings.HasPrefix(strings.TrimLeft(after, " "), "/") && !perYear(after) {
			continue // 200元/人: a rate, not a figure
		}
		before := strings.TrimRight(s[sp[0]:off], " \t\u3000")
		if perYear(after) || strings.HasSuffix(before, "每年") {
			c.target = true
		}
		if strings.HasPrefix(strings.TrimLeftFunc(after, unicode.IsSpace), "左右") || hasAnySuffix(before, "约", "近", "逾", "超过", "大约") {
			c.approx = true
		}
		c.written = strings.TrimSpace(p.text[off:c.end])
		c.year = yearAt(marks, off, year)

		// The clause: from the last separator before the number, at the
		// number's depth of parentheses.
		cs := info.clause.startAt(off)
		c.clause = cs
		ls := cs
		if prevEnd > ls {
			ls = prevEnd
		}
		c.label = s[ls:off]
		// A percentage that is no claim leaves its label to the next
		// number: only the work that does not read the whole label is done
		// before it is known to be a claim.
		ambig := func() {
			mt.add(len(c.label))
			if l.pat.alternatives != nil && containsAnyRune(c.label, l.pat.altFirst) && l.pat.hasAlternative(c.label) {
				c.ambig = true
			}
		}
		if k != percent {
			ambig()
		}
		for nextTitle < len(info.titles) && info.titles[nextTitle].end <= off {
			title = info.titles[nextTitle].name
			nextTitle++
		}
		c.title = title
		var prev *claim
		if len(out) > 0 {
			prev = out[len(out)-1]
		}
		if !l.classify(c, prev, s, sp, year, info, ls) {
			continue
		}
		if k == percent {
			ambig()
		}
		numText := strings.ReplaceAll(s[off:nend], ",", "")
		v, err := decimal.NewFromString(numText)
		if err != nil {
			continue
		}
		c.val = v
		if i := strings.IndexByte(numText, '.'); i >= 0 {
			c.places = int32(len(numText) - i - 1)
		}
		kept := new(claim)
		*kept = *c
		out = append(out, kept)
		prevEnd = c.end
	}
	return out
}

// scan finds the words of the sentence sp of text that classify reads:
// 占 and 用, the comparison phrases and the publication titles.
func (info *sentenceInfo) scan(text string, sp [2]int) {
	sent := text[sp[0]:sp[1]]
	for _, i := range allIndex(sent, "占") {
		info.zhan = append(info.zhan, sp[0]+i)
	}
	if len(info.zhan) > 0 {
		for _, i := range allIndex(sent, "用") {
			info.yong = append(info.yong, sp[0]+i)
		}
	}
	for _, m := range cmpPhrase.findAll(sent) {
		k := cmpYoY
		phrase := sent[m[0]:m[1]]
		if strings.Contains(phrase, "预算") {
			k = cmpBudget
			if strings.Contains(phrase, "年初") {
				k = cmpInitialBudget
			}
		}
		info.cmps = append(info.cmps, [2]int{sp[0] + m[1], int(k)})
	}
	for _, m := range titleRe.FindAllStringSubmatchIndex(sent, -1) {
		info.titles = append(info.titles, titleAt{sp[0] + m[1], sent[m[2]:m[3]]})
	}
}

// numbers returns the spans of the numbers in s, as numRe finds them:
// 1,234.5 (groups of three after a first group of one to three digits),
// 1234.5.
func numbers(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		run := digits(s, i)
		end := i + run
		if run <= 3 {
			for end+4 <= len(s) && s[end] == ',' && digits(s[end+1:end+4], 0) == 3 {
				end += 4
			}
		}
		if end+1 < len(s) && s[end] == '.' && isDigit(s[end+1]) {
			end += 1 + digits(s, end+1)
		}
		out = append(out, [2]int{i, end})
		i = end
	}
	return out
}

// digits returns the length of the run of digits at s[i:].
func digits(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	return j - i
}

// mayBeThreshold is a pre-test for threshold: what follows a threshold
// starts, after blanks, with （, (, 以, 及 or 起.
func mayBeThreshold(s string) bool {
	s = strings.TrimLeft(s, "\t\n\f\r ")
	r, _ := utf8.DecodeRuneInString(s)
	return r == '（' || r == '(' || r == '以' || r == '及' || r == '起'
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isASCIIAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// clauseScanner finds clause starts in one left-to-right pass over a
// sentence: startAt(off) is the offset after the last separator (，；：)
// before off at the depth of parentheses of off, or at a shallower one.
type clauseScanner struct {
	s     string
	pos   int // scanned up to here
	from  int // sentence start
	depth int
	last  [maxDepth + 1]int // last separator end seen at each depth
}

const maxDepth = 8

func (cs *clauseScanner) startAt(off int) int {
	for cs.pos < off {
		r, n := utf8.DecodeRuneInString(cs.s[cs.pos:])
		switch r {
		case '（', '(':
			cs.depth++
		case '）', ')':
			if cs.depth > 0 {
				cs.depth--
			}
		case ',', ':':
			// 1,580,000.00 and 10:30 are not clause breaks.
			j := cs.pos
			if !(j > 0 && j+1 < len(cs.s) && isDigit(cs.s[j-1]) && isDigit(cs.s[j+1])) {
				cs.last[min(cs.depth, maxDepth)] = j + n
			}
		case '，', '；', ';', '：':
			cs.last[min(cs.depth, maxDepth)] = cs.pos + n
		}
		cs.pos += n
	}
	start := cs.from
	for d := 0; d <= min(cs.depth, maxDepth); d++ {
		if cs.last[d] > start {
			start = cs.last[d]
		}
	}
	return start
}

// unitAt reads the unit at the start of s.
func (l *Linter) unitAt(s string) (string, kind) {
	for _, u := range []string{"亿元", "万元", "元"} {
		if strings.HasPrefix(s, u) {
			return u, money
		}
	}
	for _, u := range []string{"%", "％"} {
		if strings.HasPrefix(s, u) {
			return u, percent
		}
	}
	if strings.HasPrefix(s, "万") || strings.HasPrefix(s, "亿") {
		return "", money
	}
	for _, u := range l.pat.countUnits {
		if strings.HasPrefix(s, u) {
			return u, count
		}
	}
	return "", money
}

// classify gives c its role, direction and subject. It returns false when
// the number is not a claim (a percentage that is neither a share, a rate
// nor a completion).
func (l *Linter) classify(c *claim, prev *claim, s string, sp [2]int, year int, info *sentenceInfo, ls int) bool {
	lab := c.label
	mt := info.m
	sameClause := prev != nil && prev.clause == c.clause
	if sameClause && prev.kind == c.kind && connLabel(lab) {
		// "分别为A和B", "各减少了A和B": the second takes after the first.
		c.conn = true
		c.role, c.dir, c.cmp, c.whole = prev.role, prev.dir, prev.cmp, prev.whole
		c.subj, c.inherit, c.group = prev.subj, true, prev.group+1
		c.initial, c.notTable = prev.initial, prev.notTable
		if c.role == roleCurrent || c.role == rolePrior {
			c.role = roleForYear(c.year, year)
		}
		return true
	}
	subj := lab
	switch c.kind {
	case percent:
		// The last 占 of the label, not followed by 用 (占用).
		zi := lastIn(info.zhan, ls, c.off, len("占"))
		if zi >= 0 && lastIn(info.yong, zi, c.off, len("用")) >= 0 {
			zi = -1
		}
		if zi >= 0 {
			mt.add(len(subj))
			i := zi - ls
			c.role = roleShare
			w := subj[i+len("占"):]
			w = strings.TrimSuffix(strings.TrimSpace(w), "为")
			w = strings.TrimSuffix(w, "比例")
			w = strings.TrimSuffix(w, "比重")
			w = strings.TrimSuffix(w, "的")
			c.whole = strings.TrimSpace(w)
			subj = subj[:i]
			if l.isBudget(c.whole) {
				// 占年初预算的95%: a completion, not a share.
				c.role, c.initial, c.whole = roleCompletion, strings.Contains(c.whole, "年初"), ""
			}
		} else if m := suffixMatch(completionEnd, subj, mt); m != nil {
			c.role = roleCompletion
			c.initial = strings.Contains(subj[m[0]:], "年初")
			subj = subj[:m[0]]
		} else if m := suffixMatch(rateEnd, subj, mt); m != nil {
			mt.add(len(subj))
			c.role = roleRate
			c.dir = direction(subj[m[2]:m[3]])
			subj = subj[:m[0]]
			if cm := cmpEnd.findIndex(subj); cm != nil {
				subj = subj[:cm[0]]
			}
			c.cmp = info.comparisonBefore(c.off)
		} else {
			return false
		}
	default:
		mt.add(3 * len(subj))
		if m := suffixMatch(changeEnd, subj, mt); m != nil && (info.comparisonBefore(c.off) != cmpNone || strings.Contains(subj, "相比")) {
			c.role = roleChange
			c.dir = direction(subj[m[2]:m[3]])
			c.cmp = info.comparisonBefore(c.off)
			if c.cmp == cmpInitialBudget {
				c.cmp, c.initial = cmpBudget, true
			}
			subj = subj[:m[0]]
			if cm := cmpEnd.findIndex(subj); cm != nil {
				subj = subj[:cm[0]]
			}
		} else if l.isBudget(subj) {
			c.role = roleBudget
			c.initial = strings.Contains(subj, "年初")
			if m := suffixMatch(budgetEnd, subj, mt); m != nil {
				subj = subj[:m[0]]
			}
		} else {
			c.role = roleForYear(c.year, year)
			if c.year == year && (strings.Contains(subj, "上年") || strings.Contains(subj, "去年")) && !strings.Contains(subj, "较上年") && !strings.Contains(subj, "比上年") {
				c.role = rolePrior
			}
		}
		if c.ambig {
			c.dir = 0
		}
	}
	if l.pat.notRestating != nil && l.pat.notRestating.MatchString(lab) {
		c.notTable = true
	}
	subj = mt.stripSubject(subj)
	if genericRe.mayMatch(subj) && genericRe.MatchString(subj) {
		c.inherit = true
		switch {
		case prev != nil && prev.subj != "":
			subj = prev.subj
			c.notTable = c.notTable || prev.notTable && sameClause
			if c.kind == percent && c.role != roleShare && c.whole == "" {
				c.whole = prev.whole
			}
		case c.clause > sp[0]:
			subj = info.startSubject(s, sp[0], c.clause)
			mt.add(len(subj))
			if l.pat.notRestating != nil && l.pat.notRestating.MatchString(subj) {
				c.notTable = true
			}
		default:
			subj = topic(c.p)
		}
	}
	c.subj = subj
	return true
}

// connLabel reports whether the label, blanks aside, is only connectors
// (和, 及, 以及, 与, 、, ，): as connRe on the trimmed label, read from its end
// so that a long label costs little when it is not.
func connLabel(lab string) bool {
	end := len(strings.TrimRightFunc(lab, unicode.IsSpace))
	n := 0 // connectors seen
	next := rune(0)
	for i := end; i > 0; {
		r, w := utf8.DecodeLastRuneInString(lab[:i])
		switch {
		case r == '和' || r == '及' || r == '与' || r == '、' || r == '，' || r == ',':
			n++
		case r == '以' && next == '及':
		case unicode.IsSpace(r):
			return n > 0 && strings.TrimSpace(lab[:i]) == ""
		default:
			return false
		}
		next = r
		i -= w
	}
	return n > 0
}

// maxStart is the most of a sentence's start (bytes) that a claim with a
// label naming nothing reads its subject from; the subject is at most the
// last 80 characters of it anyway.
const maxStart = 1024

// startSubject returns the subject the start of the sentence (from from to
// the clause start cl) names.
func (in *sentenceInfo) startSubject(s string, from, cl int) string {
	if cl == in.startClause {
		return in.startSubj
	}
	if cl-from > maxStart {
		from = cl - maxStart
		for from < cl && !utf8.RuneStart(s[from]) {
			from++
		}
	}
	in.m.add(4 * (cl - from))
	in.startClause, in.startSubj = cl, in.m.stripSubject(strings.TrimRight(s[from:cl], clauseSep+" "))
	return in.startSubj
}

// topic returns the 科目 a paragraph is about when its first sentence names
// one ("1、教育支出（类）普通教育（款）初中教育（项）。"), so that the figures
// of its later sentences restate that 科目.
func topic(p *para) string {
	if !p.topicDone {
		p.topic, p.topicDone = findTopic(p), true
	}
	return p.topic
}

func findTopic(p *para) string {
	if len(p.sents) < 2 {
		return ""
	}
	first := strings.TrimSpace(p.text[p.sents[0][0]:p.sents[0][1]])
	first = strings.TrimRight(first, "。 ")
	if names, _ := segments(first); len(names) == 0 {
		return ""
	}
	return stripSubject(first)
}

func roleForYear(y, year int) role {
	if y == year-1 {
		return rolePrior
	}
	if y != year && y != 0 {
		return roleCurrent // another year: kept current but marked by c.year
	}
	return roleCurrent
}

func direction(w string) int {
	switch w {
	case "增加", "增长", "上升", "超支", "增", "多", "增幅", "增长率":
		return 1
	case "减少", "下降", "降低", "节约", "减", "少", "降幅", "减幅", "下降率":
		return -1
	}
	return 0
}

// comparisonBefore reports what the last comparison phrase before off
// compares with.
func (in *sentenceInfo) comparisonBefore(off int) comparison {
	i := sort.Search(len(in.cmps), func(i int) bool { return in.cmps[i][0] > off })
	if i == 0 {
		return cmpNone
	}
	return comparison(in.cmps[i-1][1])
}

// perYear reports whether s starts with "/年" or "每年": a yearly target.
func perYear(s string) bool {
	s = strings.TrimLeft(s, " \t\u3000")
	if rest, ok := strings.CutPrefix(s, "/"); ok {
		return strings.HasPrefix(strings.TrimLeft(rest, " \t\u3000"), "年")
	}
	return strings.HasPrefix(s, "每年")
}

// leadingBlanks returns the length of the blanks (space, tab, U+3000,
// U+00A0) s starts with.
func leadingBlanks(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t\u3000\u00a0"))
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// isBudget reports whether a label speaks of a budget figure: it mentions
// 预算 other than in a fund's name.
func (l *Linter) isBudget(label string) bool {
	t := label
	if l.pat.funds != nil {
		t = l.pat.funds.ReplaceAllString(t, "")
	}
	return strings.Contains(t, "预算")
}

// stripSubject removes numbering, lead words, trailing notes and filler
// words from a label, leaving the name of what the figure measures.
func stripSubject(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < 8; i++ {
		t := leadPunct.ReplaceAllString(s, "")
		t = enumRe.ReplaceAllString(t, "")
		t = leadWords.ReplaceAllString(t, "")
		t = strings.TrimSpace(t)
		if t == s {
			break
		}
		s = t
	}
	// Labels are matched at their end; a long one is cut to its last 80
	// characters so that matching stays cheap.
	if utf8.RuneCountInString(s) > 80 {
		rs := []rune(s)
		s = string(rs[len(rs)-80:])
	}
	for i := 0; i < 16; i++ {
		t := strings.TrimSpace(s)
		if trailParen.mayMatch(t) {
			if m := trailParen.FindStringSubmatchIndex(t); m != nil && utf8.RuneCountInString(t[m[2]:m[3]]) >= 3 {
				t = t[:m[0]]
			}
		}
		if fillerEnd.mayMatch(t) {
			t = fillerEnd.ReplaceAllString(t, "")
		}
		t = strings.TrimRight(t, "”\"")
		if t == s {
			break
		}
		s = t
	}
	return s
}
