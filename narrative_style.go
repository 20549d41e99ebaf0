package juesuan

// NarrativeStyle is the wording of a profile's 情况说明 (决算说明) template:
// its headings and its sentences, with placeholders for the figures.
// Package fixture writes a document's narrative from it (fixture.Narrative);
// the checks do not read it. The style is declared once per profile; the
// writer knows no template.
//
// A placeholder names a narrative fact (the vocabulary of package
// accounts/narrative, as accounts.NarrativeFacts derives it from the
// tables) and what to write of it:
//
//	{year} {prior}        the fiscal year and the year before
//	{unit}                the unit's name
//	{asof}                the 截至 date of the 国有资产 figures (2020年12月31日)
//	{ID}                  this year's figure, money with its unit (630.78万元), a count bare
//	{ID.prior}            last year's figure
//	{ID.change}           |this year − last year|, with its unit
//	{ID.dir}              增加 or 减少 (the direction of the change)
//	{ID.rdir} {ID.rate}   增长 or 下降, and |change| ÷ last year × 100 (12.23%)
//	{ID.share}            the figure ÷ its whole × 100 (95.05%)
//	{ID.budget}           the 预算数 (调整预算数 in Sichuan)
//	{ID.initial}          the 年初预算数
//	{ID.exec}             the figure ÷ the 预算数 × 100
//	{ID.iexec}            the figure ÷ the 年初预算数 × 100
//	{ID.cmp}              大于, 小于 or 与…持平 wording: 大于/小于/持平 of figure and 预算数
//	{ID.name}             a 科目's names from its 类 down, each with its level: X（类）Y（款）Z（项）
//	{ID.label}            a 科目's own name
//	{ID.code}             a 科目's code
//	{n}                   the number of the current row (1, 2 …)
//	{items:301+303}       the names of the 基本支出 table's 款 under these 类 with a figure other than 0
//
// In a row template (NarrativeSentence.Each) the ID * stands for the
// current row's fact. A part in square brackets is written only when every
// figure it names is stated (and, for a rate, when last year's is not 0); a
// sentence whose figures outside brackets are not all stated is left out.
// Absent is not zero: nothing is ever written as 0 that the document does
// not state.
type NarrativeStyle struct {
	// Blocks are the headings and paragraphs of the text, in order.
	Blocks []NarrativeBlock
}

// NarrativeBlock is one heading or one paragraph of a NarrativeStyle.
type NarrativeBlock struct {
	// Heading is the heading line ("二、收入决算情况说明"); "" for a
	// paragraph.
	Heading string
	// Section is the title of the required section (narrative.Section)
	// the block belongs to, for the missing-section fault of package
	// fixture: dropping a section drops every block with its title.
	Section string
	// Sentences are the sentences of a paragraph, written on one line.
	Sentences []NarrativeSentence
	// Each, when set, repeats the paragraph for each classification row
	// fact whose ID starts with Each and whose code has Level digits
	// (3 类, 5 款, 7 项), in table order; * in the sentences is the row.
	Each  string
	Level int
}

// NarrativeSentence is one sentence template of a paragraph.
type NarrativeSentence struct {
	// Text is the sentence, with placeholders and optional parts.
	Text string
	// Flat replaces Text when the change the sentence states ({ID.dir})
	// is zero: "与上年持平" wording.
	Flat string
	// None replaces Text when every figure it names is stated as 0 or is
	// a blank cell of a present table (an empty table): "本年度无…" wording.
	None string
	// Else are tried in turn when Text cannot be written (a figure it
	// needs is not stated).
	Else []string
	// Each, when set, lists the classification rows (as NarrativeBlock.Each
	// and Level) inside the sentence: Text, then Item for each row joined
	// with Sep, then End. Items lists fixed items the same way (each
	// written when its figures are stated).
	Items []string
	Each  string
	Level int
	Item  string
	Sep   string
	End   string
}
