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
		Description: "同比的比较年度须为决算年度的上一年；“截至…年12月31日”、“…年度部门决算”须为决算年度。",
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
