package narrative

import "github.com/cnfiscal/juesuan/audit"

// Rule IDs. C1–C10 follow domain notes §3.3; C11–C18 are the kinds of
// narrative defect the notes do not number.
const (
	RuleTotals        = "C1"  // 收入支出总计
	RuleIncome        = "C2"  // 收入 and its shares
	RuleExpenditure   = "C3"  // 支出 and its shares
	RuleFiscal        = "C4"  // 财政拨款收支总计
	RuleGeneralBudget = "C5"  // 一般公共预算财政拨款支出, structure shares
	RuleBudget        = "C6"  // 完成预算 %, 大于/小于/持平 预算
	RuleBasic         = "C7"  // 人员经费, 公用经费
	RuleThreePublic   = "C8"  // 三公
	RuleEmpty         = "C9"  // 无数据 statements
	RuleYoY           = "C10" // 同比增减额, 增减率, 增加/减少/持平
	RuleLeftover      = "C11" // placeholders and unresolved alternatives
	RuleYear          = "C12" // years that do not fit the document
	RuleInstruction   = "C13" // instructions to the author left in
	RulePunctuation   = "C14" // doubled punctuation
	RuleConsistency   = "C15" // one item, two values
	RuleTarget        = "C16" // 完成率 claimed although the target was missed
	RuleOther         = "C17" // other restated figures
	RuleUnverified    = "C18" // claims that tie to nothing
	RuleRowName       = "C19" // a 类/款/项 name that is not the table's
	RuleItemList      = "C20" // 人员经费/公用经费 包括… naming items the table lacks
	RuleUnitName      = "C21" // the unit's name differs from the document's
	RuleZeroBase      = "C22" // a rate of change from a zero base
	RuleZeroBudget    = "C23" // 完成年初预算 % when 年初预算 is 0
	RuleShareSign     = "C24" // a share written without %
	RuleBlankCell     = "C25" // a 三公 figure stated while the table leaves it blank
	RulePurpose       = "C26" // a purpose text with another 项's meaning
	RuleFlatConflict  = "C27" // 持平 here, a change there
	RuleSections      = "G5"  // a section the template requires is missing
)

const srcS2 = "[V] GovBudgetChecker rules_v33.py"

var rules = []audit.Rule{
	{ID: RuleTotals, Severity: audit.Error, Kind: audit.Text, Title: "说明与表不符：收入支出总计",
		Description: "情况说明中的收入总计、支出总计须与收入支出决算总表一致。",
		Source:      srcS2 + " R33225/R33102"},
	{ID: RuleIncome, Severity: audit.Error, Kind: audit.Text, Title: "说明与表不符：收入",
		Description: "本年收入合计及各项收入金额须与收入决算表一致；占比 = 分项 ÷ 本年收入合计 × 100（两位小数，四舍五入）。",
		Source:      srcS2 + " R33226/R33103"},
	{ID: RuleExpenditure, Severity: audit.Error, Kind: audit.Text, Title: "说明与表不符：支出",
		Description: "本年支出合计及基本支出、项目支出等金额须与支出决算表一致；占比须与金额相符。",
		Source:      srcS2 + " R33220/R33104"},
	{ID: RuleFiscal, Severity: audit.Error, Kind: audit.Text, Title: "说明与表不符：财政拨款收支",
		Description: "财政拨款收入支出总计及分项须与财政拨款收入支出决算总表一致。",
		Source:      srcS2 + " R33221/R33105"},
	{ID: RuleGeneralBudget, Severity: audit.Error, Kind: audit.Text, Title: "说明与表不符：一般公共预算财政拨款支出",
		Description: "一般公共预算财政拨款支出合计及各类、款、项金额须与一般公共预算财政拨款支出决算表一致；结构占比 = 各类 ÷ 合计 × 100。",
		Source:      srcS2 + " R33222/R33106"},
	{ID: RuleBudget, Severity: audit.Error, Kind: audit.Text, Title: "预决算对比表述有误",
		Description: "完成预算% = 决算数 ÷ 预算数 × 100（两位小数，四舍五入）；“大于/小于/持平”须与决算数减预算数的符号一致。",
		Source:      srcS2 + " R33110；上海2024模板 [V]"},
	{ID: RuleBasic, Severity: audit.Error, Kind: audit.Text, Title: "说明与表不符：基本支出",
		Description: "人员经费、公用经费金额须与一般公共预算财政拨款基本支出决算表一致。",
		Source:      srcS2 + " R33223/R33107"},
	{ID: RuleThreePublic, Severity: audit.Error, Kind: audit.Text, Title: "说明与表不符：“三公”经费",
		Description: "“三公”经费合计、各项金额、占比、团组/批次/人次/车辆数须与“三公”经费支出决算表及相关统计数一致。",
		Source:      srcS2 + " R33224/R33108"},
	{ID: RuleEmpty, Severity: audit.Error, Kind: audit.Text, Title: "“无数据”表述与表不符",
		Description: "说明称某表无数据或无某项支出，而该表或该项有数。",
		Source:      srcS2 + " R33109/R33114"},
	{ID: RuleYoY, Severity: audit.Error, Kind: audit.Text, Title: "同比增减表述有误",
		Description: "增减额 = 本年 − 上年；增减率 = 增减额 ÷ 上年 × 100（两位小数，四舍五入）；只给出增减额时上年数按本年数倒推；“增加/减少/持平”须与数字一致。",
		Source:      "[V] 上海2024模板；核对方法 [I]"},
	{ID: RuleLeftover, Severity: audit.Error, Kind: audit.Text, Title: "模板内容未替换",
		Description: "占位符（XX、××、某某、“…（具体工作）”）或未选定的备选词（增加/减少、增长（下降）、大于（小于）……）留在公开文本中。",
		Source:      srcS2 + " R33112/R33113"},
	{ID: RuleYear, Severity: audit.Error, Kind: audit.Text, Title: "年度不符",
		Description: "同比的比较年度须为决算年度的上一年；“截至…年12月31日”、“…年度部门决算”须为决算年度；国有资产说明中“截至…年…月…日”须为资产数的截至日期（文档列示时）。",
		Source:      srcS2 + " R33001"},
	{ID: RuleInstruction, Severity: audit.Warning, Kind: audit.Text, Title: "编写说明未删除",
		Description: "模板中写给编制人员的说明（如“（罗列全部…）”“（如持平作持平表述）”“（…请根据…）”）未删除。数据来源注释不在此列。",
		Source:      "[V] 上海2024模板、四川2020模板的编写说明；判定 [I]"},
	{ID: RulePunctuation, Severity: audit.Warning, Kind: audit.Text, Title: "标点重复",
		Description: "连续出现两个句读标点（如“、，”“，，”）。",
		Source:      "[I] 公开文本校对"},
	{ID: RuleConsistency, Severity: audit.Warning, Kind: audit.Text, Title: "同一事项前后数值不一致",
		Description: "同一事项（同一报表项目、科目或出版物）在文中不同位置给出不同的数值，须核实更正。",
		Source:      "[I] 公开文本校对"},
	{ID: RuleTarget, Severity: audit.Warning, Kind: audit.Text, Title: "完成率与目标不符",
		Description: "绩效指标填报的完成率为100%（或高于实际比例），而文中给出的实际完成数量低于年度目标数量。",
		Source:      "[I] 财预〔2020〕10号 自评口径"},
	{ID: RuleOther, Severity: audit.Error, Kind: audit.Text, Title: "说明与表不符：其他",
		Description: "政府性基金、国有资本经营、机关运行经费、政府采购、国有资产等说明中的数须与相应报表一致。",
		Source:      "[V] 上海2024模板第十一部分；核对 [I]"},
	{ID: RuleUnverified, Severity: audit.Info, Kind: audit.Text, Title: "未核对的数字",
		Description: "文中的金额、比例或数量无对应的报表数，也无法由文中其他数字验算，列出供人工核对。",
		Source:      "[I]"},
	{ID: RuleRowName, Severity: audit.Warning, Kind: audit.Text, Title: "科目名称与表不符",
		Description: "文中以“X（类）Y（款）Z（项）”列示的科目，其名称与报表（表中未列名称时为科目目录）中同一科目的名称不同：按名称找不到该科目，而同一类下恰有一个同级科目的决算数与文中金额相同，或末级名称唯一对应的科目其上级名称不同。名称比较时忽略空格、括号全半角、“（类）（款）（项）”标记及末尾的“支出”“事务”。",
		Source:      "[V] 上海2024模板说明五（三）“教育支出（类）普通教育（款）初中教育（项）”、四川2020模板说明五（三）；[B] 财预〔2016〕143号“按功能分类公开到项级科目”；判定 [I]"},
	{ID: RuleItemList, Severity: audit.Warning, Kind: audit.Text, Title: "列举的经济分类科目与基本支出表不符",
		Description: "“人员经费…主要包括：A、B…”“公用经费…主要包括：…”列举的科目名称与部门预算支出经济分类款级科目一致，但一般公共预算财政拨款基本支出决算表中该科目为0或没有该科目，或该科目不属于所述经费（人员经费为301、303类，公用经费为302、310类）。列举中的其他词语不核对。",
		Source:      "[V] 上海2024模板说明六“人员经费XXX万元，主要包括：基本工资、津贴补贴、奖金……（不涉及的不列）”、四川2020模板说明六；判定 [I]"},
	{ID: RuleUnitName, Severity: audit.Warning, Kind: audit.Text, Title: "单位名称前后不一致",
		Description: "标题、部分标题（“第一部分 …概况”）、“…年度部门决算”前及“单位名称：”后写出的单位名称与文档的单位名称不同（两者互不包含）。含占位符（XX）的名称由C11报告。",
		Source:      "[V] 上海2024模板“上海市XX局2024年度部门决算”“第一部分 上海市XX局概况”；判定 [I]"},
	{ID: RuleZeroBase, Severity: audit.Error, Kind: audit.Text, Title: "零基数的增长率",
		Description: "上年数为0（表列，或由本年数与增减额倒推）时，增长率无从计算，不能写“增长100%”之类的比例；应表述为上年无此项支出、本年新增。",
		Source:      "[V] 上海2024模板“增加（减少）XXX万元，增长（下降）XX%”；计算口径 [I]"},
	{ID: RuleZeroBudget, Severity: audit.Error, Kind: audit.Text, Title: "年初预算为0时的完成预算比例",
		Description: "年初预算数为0（表列或文中所述）时，“完成年初预算的N%”无从计算；所述比例若等于决算数 ÷ 全年（调整）预算数 × 100，说明系按全年预算计算而误称年初预算。",
		Source:      "[V] 上海2024模板说明五（三）“完成年初预算的XX%”、四川2020模板“上述‘预算’口径为调整预算数”；判定 [I]"},
	{ID: RuleShareSign, Severity: audit.Warning, Kind: audit.Text, Title: "占比缺少百分号",
		Description: "“占…N”后无“%”（如“占68.45；”），比例缺少单位，无法核对。",
		Source:      "[V] 上海2024模板“占XX%”；[I] 公开文本校对"},
	{ID: RuleBlankCell, Severity: audit.Warning, Kind: audit.Text, Title: "“三公”表未填而文中有数",
		Description: "文中给出“三公”经费某项金额或团组、车辆、接待批次人次等数（非0），而“三公”经费支出决算表或相关统计数中该项空白未填。空白不等于0：表中应填列该数。",
		Source:      "[B] 财预〔2016〕143号“三公”经费公开要求；[V] 上海2024模板说明七；判定 [I]"},
	{ID: RulePurpose, Severity: audit.Warning, Kind: audit.Text, Title: "用途说明与科目不符",
		Description: "项级科目后“主要用于：…”的用途说明不含该科目的关键词，却含另一常见项级科目的关键词（如住房公积金（项）写作医疗保险）。关键词表见配置的Purposes，每个科目只声明一次。",
		Source:      "[V] 上海2024模板说明五（三）“…（项）。主要用于：XXXXXXXX”；科目含义 [B] 政府收支分类科目；关键词 [I]"},
	{ID: RuleFlatConflict, Severity: audit.Error, Kind: audit.Text, Title: "“持平”与他处增减表述矛盾",
		Description: "文中一处称某项与上年持平，另一处称同一事项比上年增加或减少（非0的增减额或增减率）。“基本持平”不在此列。",
		Source:      "[V] 上海2024模板“（如持平作持平表述）”；判定 [I]"},
	{ID: RuleSections, Severity: audit.Warning, Kind: audit.Disclosure, Title: "情况说明缺少必备部分",
		Description: "部门决算情况说明须包括模板规定的各部分（部门概况、收支总体、收入、支出、财政拨款、一般公共预算、基本支出、“三公”经费、政府性基金、国有资本经营、机关运行经费、政府采购、国有资产占用、绩效管理、名词解释等）；无数据的部分也须保留并说明。",
		Source:      "[B] 财预〔2016〕143号《地方预决算公开操作规程》；[V] 上海2024模板、四川2020模板的目录"},
}

// Rules returns the catalogue of narrative rules, sorted by ID number.
func Rules() []audit.Rule {
	out := make([]audit.Rule, len(rules))
	copy(out, rules)
	return out
}

func ruleInfo(id string) audit.Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return audit.Rule{ID: id, Severity: audit.Error}
}
