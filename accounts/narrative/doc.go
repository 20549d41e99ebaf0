// Package narrative checks the 情况说明 of a 部门决算 disclosure against its
// tables (表文一致).
//
// The input is the narrative as plain UTF-8 text (converted from Word or
// PDF; "[bookmark: …]" and "[image: …]" artifacts are ignored, and lines that
// a PDF converter wrapped in mid-sentence are joined) and the document's
// figures as Facts. The engine does not know the document types: package
// accounts builds the Facts from its table model (accounts.NarrativeFacts);
// package juesuan adds the performance facts, compiles the profile's Patterns
// with New and calls Linter.Lint, or Linter.LintWith with a Recorder for
// the coverage ledger (juesuan.LintWith): the checks each rule ran, and the
// numbers that restate a figure the document does not state, with their
// line and column.
//
// # How claims are read
//
// The text is cut into paragraphs, table rows (one cell per tabbed line, as
// converters write them), sentences and clauses. Headings (一、…, （一）…,
// 第X部分, report titles) set the context a paragraph sits in, as
// Patterns.Headings says ("二、收入决算情况说明" opens context "income").
//
// Every number with a unit is a claim: an amount (元, 万元, 亿元), a
// percentage or a count (批次, 人次, 辆, 台（套）, 个, 期, 条 … as
// Patterns.CountUnits lists). Thresholds ("单价50万元以上"), dates and codes
// are not claims. The words before a number give its role — this year's
// figure, last year's (a sentence about 2019 in a 2020 document), a budget
// (年初预算为…), a change (比上年减少…), a rate (下降…%), a share (占…%) or a
// completion (完成预算…%) — and its label, the name of what it measures. A
// label that names nothing ("支出决算为", "共计") takes the label of the figure
// before it in the sentence, or of the sentence start ("行政运行（项）: 支出决算为
// 339.87万元"), or of the paragraph's 科目 heading.
//
// A label ties the claim to a fact: by the label patterns of the context
// (Patterns.Labels: "本年收入合计" restates summary.income.total), or by a
// 科目 name ("一般公共服务（类）…行政运行（项）", matched with the names of the
// classification rows). "分别…A和B" restates the facts of a pattern in turn.
// Outside the sections that restate the tables, a 科目 name only identifies
// its row, for the consistency check.
//
// # Checks and rules
//
// Rules() lists the catalogue. C1–C10 follow domain notes §3.3:
//
//   - C1–C5, C7, C8, C17: a stated figure differs from the table figure it
//     restates (a figure written with fewer decimals, "630.8", is compared
//     after rounding the table's; a stated 0 must be exactly 0), and a share
//     (占…%) differs from part ÷ whole × 100. Percentages are compared at the
//     decimals they are written with, rounding half away from zero
//     (四舍五入), never truncating.
//   - C6: 完成预算 % differs from 决算 ÷ 预算 × 100, a table's 执行率 from
//     实际完成数 ÷ 全年预算数, or "决算数大于/小于/持平预算数" contradicts
//     the numbers.
//   - C9: a statement that a table has no data, or that there was no such
//     expenditure, while the table has figures.
//   - C10: a 同比 change differs from this year − last year; a rate differs
//     from change ÷ last year × 100 (when only the change is stated, last
//     year is this year ∓ the change); 增加/减少/持平 contradicts the numbers.
//   - C11: template text left in — placeholders (XX, ××, 某某,
//     "…（具体工作）") and alternatives never chosen ("增加/减少", "增长（下降）",
//     "大于（小于）").
//   - C12: a year that does not fit the document's year: a 同比 comparison
//     with a year other than the year before, "截至…年12月31日" or
//     "…年度部门决算" of another year.
//   - C13: notes to the author never deleted ("（罗列全部…）",
//     "（如持平作持平表述）", "（…请根据…）", the evaluation template's
//     "说明…情况。" guidance). Source notes such as "（注：数据来源于财决附03表）"
//     are not flagged; only the instruction inside a note is.
//   - C14: doubled punctuation ("、，", "，，").
//   - C15: one item stated with different values in two places: the same
//     table figure (or 科目), or the same publication 《…》 counted in the
//     same unit.
//   - C16: a 完成率 of 100% for an indicator whose yearly target (N期/年 for
//     a publication) the document shows was not met.
//   - C18 (info): claims that tie to nothing and that no other figure of the
//     text verifies are listed as unverified, never dropped.
//   - C19: a 科目 chain "X（类）Y（款）Z（项）" with a name that is not the
//     table's (or the catalogue's, for a row the table does not name): its
//     last name finds a row whose parents have other names, or it finds no
//     row while exactly one row of its level has the stated figure.
//   - C20: "人员经费…主要包括：A、B…" (or 公用经费) names an economic 款
//     that the 基本支出 table shows as 0, has no row for, or holds under the
//     other kind of 经费 (Facts.Economic; only when the table lists rows).
//   - C21: the unit's name in a title, a part heading ("第一部分 …概况"),
//     before "…年度部门决算" or after "单位名称：" is not Facts.UnitName.
//   - C22: a rate of change from a zero base ("增长100%" when last year was
//     0, stated or derived from this year and the change).
//   - C23: "完成年初预算的N%" when 年初预算 is 0; the message says when N is
//     the ratio to the 全年（调整）预算.
//   - C24: a share written without % ("占68.45；").
//   - C25: a 三公 amount or count stated in the text (not 0) where the table
//     leaves the cell blank (a Figure with a Path and no amount).
//   - C26: a purpose text ("…（项）。主要用于：…") of a well-known 项 without
//     its own keywords but with another's (住房公积金 described as 医疗保险),
//     from Patterns.Purposes.
//   - C27: "与上年持平" about a fact that another sentence says increased or
//     decreased.
//
// Patterns.Phrases tie a number to a fact by the sentence around it where
// its own label does not name it: the 2024 template's "在面向中小企业预留的
// 政府采购项目中，由中小企业供应商中标或成交的，采购金额XX万元" and "涉及预算金额"
// of the 绩效 summary.
//
// Findings carry the rule, its severity, the JSON Pointer of the table figure
// the claim restates (empty when none), a Chinese message with the expected
// and stated figures, and the claim's line, column (1-based, in runes of the
// original line) and sentence.
//
// # Limits
//
// Lint reads any text up to MaxSize in time and memory linear in its length:
// every check is a scanner or a regular expression run once over a
// paragraph or sentence, or over the text a claim's label adds. To keep it
// so on hostile input:
//
//   - A sentence without a full stop is cut at a clause break after 1,500
//     bytes, and anywhere after 3,000.
//   - At most MaxParagraphs paragraphs (table cells included) are read;
//     reading stops at the line after them, and one info finding (C18,
//     "文本过长…") there counts the lines left unread.
//   - At most MaxClaims numbers with a unit are read as claims; one info
//     finding (C18, "数字过多…") at the first number past them counts the
//     rest.
//   - A rule lists at most MaxFindingsPerRule findings, the first by
//     position; one info finding of the rule at the first of the others
//     says how many were left out ("另有N处同类问题未列出", Actual holds N).
//   - A label that names nothing takes its subject from at most the last
//     1,024 bytes of the sentence start, and a heading number is looked
//     for in the first 1,024 bytes of a paragraph.
//
// # Fact vocabulary
//
// The default patterns refer to these fact IDs (Facts.Items); a profile with
// other patterns may use others:
//
//	summary.income.{grandTotal,total,generalBudget,govFund,stateCapital,
//	    superiorSubsidy,business,operating,affiliated,other,beginningBalance}
//	summary.expenditure.{grandTotal,total,endingBalance}
//	expenditure.{basic,project,toSuperior,operating,toAffiliated}
//	fiscal.income.{grandTotal,total,generalBudget,govFund,stateCapital}
//	fiscal.expenditure.{grandTotal,total,generalBudget,govFund,stateCapital}
//	generalBudget.{total,basic,project,personnel,public}, generalBudget.<科目编码>
//	threePublic.{total,abroad,vehicle,vehiclePurchase,vehicleOperation,reception}
//	threePublic.{abroadGroups,abroadPersons,vehiclesPurchased,vehiclesHeld}
//	reception.{domestic,foreignAffairs,overseas,domesticBatches,domesticPersons,
//	    foreignAffairsBatches,foreignAffairsPersons}
//	govFund.{income,expenditure}, govFund.<科目编码>, govFundThreePublic.total
//	stateCapital.{income,expenditure}, stateCapital.<科目编码>
//	operatingCost, procurement.{total,goods,works,services,awardedSME,
//	    awardedSmallMicro,reservedSME,reservedSmallMicro,awardedSMEReserved,
//	    awardedSmallMicroReserved,awardedSMEOther}
//	staff.{authorized,actual,retired,departments}
//	performance.{targetProjects,targetAmount,monitoredProjects,
//	    monitoredAmount,evaluatedProjects,evaluatedAmount,problems,
//	    rectified,rectifying}
//	assets.{vehicles,generalEquipment,specialEquipment,equipment100},
//	    assets.vehicles.<车辆类别>
//
// A fact holds this year's figure, and where the document states them last
// year's, the budget (预算数; 调整预算数 in Sichuan) and the 年初预算数, each
// with its JSON Pointer; Whole names the fact a share of it is taken of.
// Absent figures are absent: a claim about a figure the document does not
// state is listed as unverified, never compared with 0. A fact of a present
// table keeps the Path of its blank cell (rule C25).
//
// Facts.UnitName (rule C21) and Facts.Economic (the 款 of the 基本支出
// table, rule C20) complete the figures.
package narrative
