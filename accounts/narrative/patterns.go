package narrative

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Patterns are the wording of one narrative template: which headings open
// which sections, which labels restate which table figures, and what template
// leftovers look like. They are data (regular expressions in RE2 syntax and
// fact IDs), so that a province whose template words things differently can
// plug in its own. The patterns of the built-in templates (Sichuan 2020,
// central/Shanghai 2024) belong to their profiles (package profiles).
type Patterns struct {
	// Required are the sections a narrative of the template must have
	// (rule G5): each is present when a heading opened one of its
	// contexts.
	Required []Section `json:"required,omitempty"`
	// Headings open parts (Level 0: 第X部分 …, report titles), sections
	// (Level 1: 一、…) and subsections (Level 2: （一）…). The first matching
	// pattern of the heading's level sets the context.
	Headings []HeadingPattern `json:"headings"`
	// Labels tie the label before a number to the fact it restates. Of the
	// patterns matching at the end of a label, the longest wins; on a tie
	// the earlier one.
	Labels []LabelPattern `json:"labels"`
	// Rows are the contexts in which 科目 names ("行政运行（项）") restate the
	// classification rows whose IDs start with a prefix.
	Rows []RowContext `json:"rows"`
	// Empty are statements that a table or item has no figures.
	Empty []EmptyPattern `json:"empty"`
	// Alternatives lists the pairs of words a template offers as
	// alternatives ("增加（减少）"); each entry is "up|down".
	Alternatives []string `json:"alternatives"`
	// Placeholders are regular expressions for unreplaced template text
	// (the first capture group, if any, is reported). A match of Latin
	// letters inside a longer Latin word ("MAXX") is not reported.
	Placeholders []string `json:"placeholders"`
	// Instructions are regular expressions for notes to the author.
	Instructions []InstructionPattern `json:"instructions"`
	// Years are the places where a year must be the document's year plus
	// an offset.
	Years []YearPattern `json:"years"`
	// Punctuation matches doubled punctuation.
	Punctuation string `json:"punctuation"`
	// CountUnits are the units of counted claims (批次, 人次, 辆 …), longest
	// first where one is a prefix of another.
	CountUnits []string `json:"countUnits"`
	// NotRestating matches labels whose figure is a movement (退回, 收回,
	// 压缩 …) rather than the table figure the label names.
	NotRestating string `json:"notRestating"`
	// Funds matches fund names that contain 预算 without making a figure a
	// budget (一般公共预算, 政府性基金预算 …).
	Funds string `json:"funds"`
	// Purposes are the meanings of well-known 项 (rule C26): a purpose text
	// ("…（项）。主要用于：…") of one of them must not describe another's
	// meaning without its own. Each code is declared once.
	Purposes []PurposePattern `json:"purposes,omitempty"`
	// Phrases tie a number to a fact by the sentence around it, where its
	// own label does not name it ("在面向中小企业预留的政府采购项目中，由中小企业
	// 供应商中标或成交的，采购金额XX万元"). They win over the label.
	Phrases []PhrasePattern `json:"phrases,omitempty"`
}

// PhrasePattern ties the number its first capture group matches to Fact.
// The number restates the fact's figure (决算数), even where its label
// speaks of a 预算 (涉及预算金额).
type PhrasePattern struct {
	Text string `json:"text"`
	Fact string `json:"fact"`
}

// PurposePattern is the meaning of one well-known 项.
type PurposePattern struct {
	// Code is the 7-digit 科目编码, e.g. 2210201.
	Code string `json:"code"`
	// Name is the 项 name, e.g. 住房公积金; a 科目 written with this name is
	// this code when the tables do not say otherwise.
	Name string `json:"name"`
	// Keywords is a regular expression of the words that describe the 项
	// (住房公积金|公积金).
	Keywords string `json:"keywords"`
}

// Section is a part a narrative must have: its title as the checklist
// and the G5 message name it, and the contexts (of Headings) any of which
// opens it.
type Section struct {
	Title    string   `json:"title"`
	Contexts []string `json:"contexts"`
}

// HeadingPattern maps a heading to a context.
type HeadingPattern struct {
	// Level is 0 for a part (第X部分, a report title), 1 for 一、, 2 for （一）.
	Level int `json:"level"`
	// Text is matched against the heading without its number.
	Text string `json:"text"`
	// Parent restricts a level-2 pattern to a level-1 context.
	Parent string `json:"parent,omitempty"`
	// Context is the context the heading opens.
	Context string `json:"context"`
	// Unnumbered lets a level-0 pattern also match a short line without a
	// 第X部分 number, such as a report title.
	Unnumbered bool `json:"unnumbered,omitempty"`
}

// LabelPattern ties a label to facts.
type LabelPattern struct {
	// Label must match at the end of the label (after filler words such as
	// 为, 共计, 决算数 are removed); it need not be anchored.
	Label string `json:"label"`
	// Facts are the fact IDs the figure restates. With several, a single
	// figure restates each of them, and "分别…A和B" restates them in turn.
	// An empty list marks a label as recognised but not a table figure.
	// "$1" is replaced by the first capture group.
	Facts []string `json:"facts,omitempty"`
	// Units are the count units the pattern applies to; empty means money.
	Units []string `json:"units,omitempty"`
	// Contexts restricts the pattern to contexts with one of these
	// prefixes; empty means everywhere.
	Contexts []string `json:"contexts,omitempty"`
	// Exact requires the pattern to match the whole label but for leading
	// words of time and place (2020年, 本年, 我办, 其中 …). Generic names
	// such as 基本支出 or 财政拨款 use it, so that "业务运行费项目支出" does
	// not restate the table's 项目支出.
	Exact bool `json:"exact,omitempty"`
}

// RowContext lets 科目 names restate classification rows in a context.
type RowContext struct {
	Context string `json:"context"`
	// Prefix is prepended to the 科目编码 to form the fact ID.
	Prefix string `json:"prefix"`
}

// EmptyPattern is a statement that facts have no figures.
type EmptyPattern struct {
	Text  string   `json:"text"`
	Facts []string `json:"facts"`
}

// Scope says where an instruction pattern applies.
type Scope string

const (
	// InParens applies to the content of any parenthesised note.
	InParens Scope = "paren"
	// Standalone applies to a parenthesised note that is a sentence of its
	// own (not part of a sentence).
	Standalone Scope = "standalone"
	// Sentence applies to a whole sentence.
	Sentence Scope = "sentence"
)

// InstructionPattern recognises a note to the author.
type InstructionPattern struct {
	Text  string `json:"text"`
	Scope Scope  `json:"scope"`
}

// YearPattern requires the year its first capture group matches to be the
// document's year plus Offset.
type YearPattern struct {
	Text   string `json:"text"`
	Offset int    `json:"offset"`
	// What names the year in messages, e.g. 同比的比较年度.
	What string `json:"what"`
}

// ErrPattern is matched by the error New returns for a bad pattern.
var ErrPattern = errors.New("narrative: bad pattern")

// PatternError names the pattern that does not compile.
type PatternError struct {
	Field string // e.g. "labels[3].label"
	Err   error
}

// Error names the pattern and the compile error.
func (e *PatternError) Error() string {
	return fmt.Sprintf("narrative: pattern %s: %v", e.Field, e.Err)
}

// Unwrap returns the cause.
func (e *PatternError) Unwrap() error { return e.Err }

// Is reports whether target is ErrPattern.
func (e *PatternError) Is(target error) bool { return target == ErrPattern }

// labelLead are the words an Exact label may start with.
const labelLead = `(?:(?:19|20)[0-9]{2}\s*年度?|今年|本年度?|全年|当年|年末|我办|本单位|本部门|本局|单位|部门|其中|另外|此外|所以|共|合计|[，、：:\s])*`

type cHeading struct {
	HeadingPattern
	re *regexp.Regexp
}

type cLabel struct {
	LabelPattern
	re    endFilter
	units map[string]bool
}

type cEmpty struct {
	EmptyPattern
	re filtered
}

type cInstr struct {
	scope Scope
	re    filtered
	end   endFilter // the same pattern, for its end pre-test on a sentence
}

type cYear struct {
	YearPattern
	re filtered
}

type compiled struct {
	required     []Section
	headings     []cHeading
	labels       []cLabel
	rows         []RowContext
	empty        []cEmpty
	alternatives *regexp.Regexp
	altSeg       *segmented
	altFirst     []rune          // first runes of the alternative words
	altPairs     map[string]bool // "a|b" for each pair, both ways
	placeholders []filtered
	instructions []cInstr
	years        []cYear
	punctuation  *regexp.Regexp
	punctSeg     *segmented
	countUnits   []string
	notRestating *regexp.Regexp
	funds        *regexp.Regexp
	purposes     []cPurpose
	phrases      []cPhrase
}

type cPhrase struct {
	PhrasePattern
	re filtered
}

type cPurpose struct {
	PurposePattern
	re   *regexp.Regexp
	name string // normalised
}

func compilePatterns(p *Patterns) (*compiled, error) {
	c := &compiled{rows: append([]RowContext(nil), p.Rows...)}
	re := func(field, s string) (*regexp.Regexp, error) {
		r, err := regexp.Compile(s)
		if err != nil {
			return nil, &PatternError{Field: field, Err: err}
		}
		return r, nil
	}
	for i, s := range p.Required {
		if s.Title == "" || len(s.Contexts) == 0 {
			return nil, &PatternError{Field: fmt.Sprintf("required[%d]", i), Err: errors.New("a section needs a title and a context")}
		}
	}
	c.required = p.Required
	for i, h := range p.Headings {
		r, err := re(fmt.Sprintf("headings[%d].text", i), h.Text)
		if err != nil {
			return nil, err
		}
		if h.Level < 0 || h.Level > 2 {
			return nil, &PatternError{Field: fmt.Sprintf("headings[%d].level", i), Err: fmt.Errorf("level %d not in 0..2", h.Level)}
		}
		c.headings = append(c.headings, cHeading{h, r})
	}
	for i, l := range p.Labels {
		expr := `(?:` + l.Label + `)$`
		if l.Exact {
			expr = `^` + labelLead + expr
		}
		r, err := re(fmt.Sprintf("labels[%d].label", i), expr)
		if err != nil {
			return nil, err
		}
		cl := cLabel{LabelPattern: l, re: newEndFilter(r)}
		if len(l.Units) > 0 {
			cl.units = map[string]bool{}
			for _, u := range l.Units {
				cl.units[u] = true
			}
		}
		c.labels = append(c.labels, cl)
	}
	for i, e := range p.Empty {
		r, err := re(fmt.Sprintf("empty[%d].text", i), e.Text)
		if err != nil {
			return nil, err
		}
		c.empty = append(c.empty, cEmpty{e, newFiltered(r)})
	}
	c.altPairs = map[string]bool{}
	seen := map[string]bool{}
	var words []string
	for i, a := range p.Alternatives {
		up, down, ok := strings.Cut(a, "|")
		if !ok || up == "" || down == "" {
			return nil, &PatternError{Field: fmt.Sprintf("alternatives[%d]", i), Err: fmt.Errorf("want \"up|down\", got %q", a)}
		}
		for _, w := range []string{up, down} {
			if !seen[w] {
				seen[w] = true
				words = append(words, regexp.QuoteMeta(w))
				r, _ := utf8.DecodeRuneInString(w)
				c.altFirst = append(c.altFirst, r)
			}
		}
		c.altPairs[up+"|"+down] = true
		c.altPairs[down+"|"+up] = true
	}
	if len(words) > 0 {
		w := strings.Join(words, "|")
		r, err := re("alternatives", `(`+w+`)\s*(?:[/／或]|[（(])\s*(`+w+`)\s*[）)]?`)
		if err != nil {
			return nil, err
		}
		c.alternatives = r
		c.altSeg = newSegmented(r)
	}
	for i, s := range p.Placeholders {
		r, err := re(fmt.Sprintf("placeholders[%d]", i), s)
		if err != nil {
			return nil, err
		}
		c.placeholders = append(c.placeholders, newFiltered(r))
	}
	for i, in := range p.Instructions {
		r, err := re(fmt.Sprintf("instructions[%d].text", i), in.Text)
		if err != nil {
			return nil, err
		}
		switch in.Scope {
		case InParens, Standalone, Sentence:
		default:
			return nil, &PatternError{Field: fmt.Sprintf("instructions[%d].scope", i), Err: fmt.Errorf("unknown scope %q", in.Scope)}
		}
		c.instructions = append(c.instructions, cInstr{in.Scope, newFiltered(r), newEndFilter(r)})
	}
	for i, y := range p.Years {
		r, err := re(fmt.Sprintf("years[%d].text", i), y.Text)
		if err != nil {
			return nil, err
		}
		if r.NumSubexp() < 1 {
			return nil, &PatternError{Field: fmt.Sprintf("years[%d].text", i), Err: errors.New("needs a capture group for the year")}
		}
		c.years = append(c.years, cYear{y, newFiltered(r)})
	}
	var err error
	if p.Punctuation != "" {
		if c.punctuation, err = re("punctuation", p.Punctuation); err != nil {
			return nil, err
		}
		c.punctSeg = newSegmented(c.punctuation)
	}
	if p.NotRestating != "" {
		if c.notRestating, err = re("notRestating", p.NotRestating); err != nil {
			return nil, err
		}
	}
	if p.Funds != "" {
		if c.funds, err = re("funds", p.Funds); err != nil {
			return nil, err
		}
	}
	seenCode := map[string]bool{}
	for i, pp := range p.Purposes {
		r, err := re(fmt.Sprintf("purposes[%d].keywords", i), pp.Keywords)
		if err != nil {
			return nil, err
		}
		if seenCode[pp.Code] || len(pp.Code) != 7 {
			return nil, &PatternError{Field: fmt.Sprintf("purposes[%d].code", i), Err: fmt.Errorf("code %q duplicate or not 7 digits", pp.Code)}
		}
		seenCode[pp.Code] = true
		c.purposes = append(c.purposes, cPurpose{pp, r, normName(pp.Name)})
	}
	for i, ph := range p.Phrases {
		r, err := re(fmt.Sprintf("phrases[%d].text", i), ph.Text)
		if err != nil {
			return nil, err
		}
		if r.NumSubexp() < 1 || ph.Fact == "" {
			return nil, &PatternError{Field: fmt.Sprintf("phrases[%d]", i), Err: errors.New("needs a capture group for the number and a fact")}
		}
		c.phrases = append(c.phrases, cPhrase{ph, newFiltered(r)})
	}
	c.countUnits = append([]string(nil), p.CountUnits...)
	// Longest first, so that 人次 wins over 人.
	for i := 1; i < len(c.countUnits); i++ {
		for j := i; j > 0 && len(c.countUnits[j]) > len(c.countUnits[j-1]); j-- {
			c.countUnits[j], c.countUnits[j-1] = c.countUnits[j-1], c.countUnits[j]
		}
	}
	return c, nil
}

// hasAlternative reports whether s holds a match of the alternatives
// pattern, searching only the runs of the runes its matches hold when it
// can.
func (c *compiled) hasAlternative(s string) bool {
	if c.altSeg == nil {
		return c.alternatives.MatchString(s)
	}
	for range c.altSeg.each(s) {
		return true
	}
	return false
}
