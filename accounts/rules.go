package accounts

import "github.com/cnfiscal/juesuan/audit"

// Rules returns the built-in accounts rule set, in catalogue order: the
// 表内 rules A1–A16, the 表间 rules B1–B13 but B8 and B9 (numbered as in the
// domain notes §3.1–§3.2, mapped onto the JSON table keys; B8 and B9 tie
// tables of the Sichuan template only, so package profiles/sichuan2020 adds
// them), and the checks D1 (duplicate
// rows), E1–E2 (empty-table notes), K1–K2 (classification codes and names).
// The slice is a copy: a profile may change it and pass it as
// Options.Rules.
func Rules() []Rule {
	return append([]Rule(nil), builtinRules...)
}

// Source shorthands. S2 is GovBudgetChecker rules_v33.py; S1 the Shanghai
// 2024 template; S3 the 2017 部门决算相关信息统计表 notes; S10 the 2014 Guizhou
// operating manual (domain notes, key sources).
const (
	srcS2 = "S2 GovBudgetChecker rules_v33.py"
)

// acrossRounding ends the description of each 表间 rule that compares the
// same quantity stated in two tables (Context.same): the rounding it
// admits, amount.Tolerance.RoundedBound over both sides.
const acrossRounding = "万元表逐格由元舍入，两表同一数额相差不超过0.01万元为舍入差异（提示），由计算补出的数按其所含舍入数个数k计（容差⌊k/2⌋×0.01万元），超出按本规则级别报告；以元为单位须完全相等。"

var builtinRules = []Rule{
	{Rule: audit.Rule{ID: "A1", Severity: audit.Error, Kind: audit.Intra,
		Title:       "收入总计平衡",
		Description: "收入支出决算总表：收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余（也用于财决Z01表）。",
		Source:      "[V] " + srcS2 + " R33115"}, Check: checkA1},
	{Rule: audit.Rule{ID: "A2", Severity: audit.Error, Kind: audit.Intra,
		Title:       "支出总计平衡",
		Description: "收入支出决算总表：支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余（也用于财决Z01表）。",
		Source:      "[V] " + srcS2 + " R33115"}, Check: checkA2},
	{Rule: audit.Rule{ID: "A3", Severity: audit.Error, Kind: audit.Intra,
		Title:       "收支总计相等",
		Description: "收入支出决算总表：收入总计 = 支出总计。",
		Source:      "[V] " + srcS2 + " R33115、R33214"}, Check: checkA3},
	{Rule: audit.Rule{ID: "A4", Severity: audit.Error, Kind: audit.Intra,
		Title:       "本年收入合计",
		Description: "收入支出决算总表：本年收入合计 = 一至八项收入之和。",
		Source:      "[B] " + srcS2 + " 注释“本年收入合计 = Sum(Row 1..8)”（未实现）"}, Check: checkA4},
	{Rule: audit.Rule{ID: "A5", Severity: audit.Error, Kind: audit.Intra,
		Title:       "本年支出合计等于各类之和",
		Description: "收入支出决算总表：本年支出合计 = 各功能分类类级科目之和；财政拨款收入支出决算总表各列同此。",
		Source:      "[B] " + srcS2 + " 注释（未实现）；财政拨款收入支出决算总表各列为 [I] 类推"}, Check: checkA5},
	{Rule: audit.Rule{ID: "A6", Severity: audit.Error, Kind: audit.Intra,
		Title:       "收入决算表行平衡",
		Description: "收入决算表每行：本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入。",
		Source:      "[V] " + srcS2 + " R33210、R33240"}, Check: checkA6},
	{Rule: audit.Rule{ID: "A7", Severity: audit.Error, Kind: audit.Intra,
		Title:       "支出决算表行平衡",
		Description: "支出决算表每行：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出。",
		Source:      "[V] " + srcS2 + " R33211、R33241"}, Check: checkA7},
	{Rule: audit.Rule{ID: "A8", Severity: audit.Error, Kind: audit.Intra,
		Title:       "科目层级汇总",
		Description: "收入决算表、支出决算表、一般公共预算财政拨款支出决算表及经济分类明细表各列：类 = 其下各款之和，款 = 其下各项之和，合计 = 各类之和（只比较已列示的行）。",
		Source:      "[V] " + srcS2 + " R33120、R33240、R33241；经济分类明细表为 [I]"}, Check: checkA8},
	{Rule: audit.Rule{ID: "A9", Severity: audit.Error, Kind: audit.Intra,
		Title:       "基本支出与项目支出之和",
		Description: "一般公共预算财政拨款支出决算表每行：合计 = 基本支出 + 项目支出；经济分类明细表每行及财决07表同此。",
		Source:      "[V] " + srcS2 + " R33120 注释；经济分类明细表的列式为本库选择 [I]"}, Check: checkA9},
	{Rule: audit.Rule{ID: "A10", Severity: audit.Error, Kind: audit.Intra,
		Title:       "财政拨款分资金合计",
		Description: "财政拨款收入支出决算总表每行：合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算财政拨款。",
		Source:      "[V] " + srcS2 + " R33119、R33242"}, Check: checkA10},
	{Rule: audit.Rule{ID: "A11", Severity: audit.Error, Kind: audit.Intra,
		Title:       "财政拨款结转结余平衡",
		Description: "财政拨款收入支出决算总表各列：年末财政拨款结转和结余 = 年初财政拨款结转和结余 + 本年收入 − 本年支出。",
		Source:      "[V] " + srcS2 + " R33119、R33242"}, Check: checkA11},
	{Rule: audit.Rule{ID: "A12", Severity: audit.Error, Kind: audit.Intra,
		Title:       "财政拨款收支总计",
		Description: "财政拨款收入支出决算总表：收入总计 = 本年收入合计 + 年初结转和结余；支出总计 = 本年支出合计 + 年末结转和结余；收入总计 = 支出总计。",
		Source:      "[V] " + srcS2 + " R33242"}, Check: checkA12},
	{Rule: audit.Rule{ID: "A13", Severity: audit.Error, Kind: audit.Intra,
		Title:       "人员经费与公用经费",
		Description: "基本支出决算表：人员经费合计 = 人员经费各类（默认301、303，可配置）之和；公用经费合计 = 其余各类之和；类 = 其下各款之和；合计 = 人员经费合计 + 公用经费合计 = 各类之和。项目支出决算表、财决07表及经济分类明细表（基本支出 = 人员经费 + 公用经费）同此。",
		Source:      "[V] " + srcS2 + " R33117、R33243；307、399计入公用经费为 [B]"}, Check: checkA13},
	{Rule: audit.Rule{ID: "A14", Severity: audit.Error, Kind: audit.Intra,
		Title:       "“三公”经费合计",
		Description: "“三公”经费支出决算表（含政府性基金“三公”表）的预算数与决算数分别：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费。",
		Source:      "[V] " + srcS2 + " R33244；rules/v3_3.yaml C-001"}, Check: checkA14},
	{Rule: audit.Rule{ID: "A15", Severity: audit.Error, Kind: audit.Intra,
		Title:       "基金与国资表平衡",
		Description: "政府性基金、国有资本经营预算财政拨款收入支出决算表每行：年末结转和结余 = 年初 + 本年收入 − 本年支出；本年支出合计 = 基本支出 + 项目支出；科目层级与合计 = 各类之和。国有资本经营预算财政拨款支出决算表每行合计 = 基本 + 项目，并按层级汇总。",
		Source:      "[I] 由A11类推（上海2024模板表头 [V]）"}, Check: checkA15},
	{Rule: audit.Rule{ID: "A16", Severity: audit.Error, Kind: audit.Logic,
		Title:       "金额不得为负",
		Description: "各表及上年数中的金额不得为负数（Options.NegativeAllowed 所列列名除外；内置默认无例外）。",
		Source:      "[V] " + srcS2 + " R33004"}, Check: checkA16},

	{Rule: audit.Rule{ID: "B1", Severity: audit.Error, Kind: audit.Inter,
		Title:       "本年收入合计表间一致",
		Description: "收入支出决算总表本年收入合计 = 收入决算表合计行本年收入合计。" + acrossRounding,
		Source:      "[V] " + srcS2 + " R33200"}, Check: checkB1},
	{Rule: audit.Rule{ID: "B2", Severity: audit.Error, Kind: audit.Inter,
		Title:       "本年支出合计表间一致",
		Description: "收入支出决算总表本年支出合计 = 支出决算表合计行本年支出合计。" + acrossRounding,
		Source:      "[V] " + srcS2 + " R33201"}, Check: checkB2},
	{Rule: audit.Rule{ID: "B3", Severity: audit.Error, Kind: audit.Inter,
		Title:       "财政拨款收入表间一致",
		Description: "收入决算表合计行财政拨款收入 = 财政拨款收入支出决算总表本年收入合计 = 收入支出决算总表一、二、三项之和；两张总表的各资金收入分别相等。" + acrossRounding,
		Source:      "[V] " + srcS2 + " R33204"}, Check: checkB3},
	{Rule: audit.Rule{ID: "B4", Severity: audit.Error, Kind: audit.Inter,
		Title:       "一般公共预算支出表间一致",
		Description: "财政拨款收入支出决算总表一般公共预算财政拨款本年支出合计 = 一般公共预算财政拨款支出决算表合计。" + acrossRounding,
		Source:      "[V] " + srcS2 + " R33202"}, Check: checkB4},
	{Rule: audit.Rule{ID: "B5", Severity: audit.Error, Kind: audit.Inter,
		Title:       "基本支出表间一致",
		Description: "一般公共预算财政拨款支出决算表合计行基本支出 = 一般公共预算财政拨款基本支出决算表合计。" + acrossRounding,
		Source:      "[V] " + srcS2 + " R33203"}, Check: checkB5},
	{Rule: audit.Rule{ID: "B6", Severity: audit.Error, Kind: audit.Inter,
		Title:       "无此类资金则表中无数",
		Description: "财政拨款收入支出决算总表中政府性基金（国有资本经营）预算财政拨款为0时，政府性基金表及其“三公”表（国有资本经营两表）不得有非零数。",
		Source:      "[V] " + srcS2 + " R33122、R33109"}, Check: checkB6},
	{Rule: audit.Rule{ID: "B7", Severity: audit.Error, Kind: audit.Inter,
		Title:       "基金与国资表合计一致",
		Description: "财政拨款收入支出决算总表政府性基金（国有资本经营）列的年初结转和结余、本年收入、本年支出、年末结转和结余 = 对应收入支出决算表合计行；国有资本经营预算财政拨款支出决算表合计与之一致。" + acrossRounding,
		Source:      "[I]"}, Check: checkB7},
	{Rule: audit.Rule{ID: "B10", Severity: audit.Warning, Kind: audit.Inter,
		Title:       "“三公”经费不小于相关经济科目",
		Description: "“三公”经费决算数各项不小于基本支出（及项目支出）决算表中对应经济分类款（30212、31013、30231、30217）之和，合计不小于四者之和（“三公”也可由项目支出安排，故为不等式）。",
		Source:      "[I] 弱校验"}, Check: checkB10},
	{Rule: audit.Rule{ID: "B11", Severity: audit.Error, Kind: audit.Inter,
		Title:       "内部表与公开表一致",
		Description: "财决Z01表决算数 = 收入支出决算总表；财决Z01-1表决算数 = 财政拨款收入支出决算总表，其分项决算数 = 对应资金公开表的项级支出；财决07表 = 一般公共预算财政拨款支出决算表及基本支出决算表；财决附03表国内与国（境）外接待费之和 = “三公”表公务接待费决算数。机关运行经费与财决07表日常公用经费不一致为提示性（只适用于行政及参公单位）。" + acrossRounding,
		Source:      "[V] 2017年部门决算相关信息统计表注释（S3，旧表号）；Z01/Z01-1 与公开表的对应为 [I]"}, Check: checkB11},
	{Rule: audit.Rule{ID: "B12", Severity: audit.Error, Kind: audit.Inter,
		Title:       "分类支出表间一致",
		Description: "收入支出决算总表各类支出 = 支出决算表对应类的本年支出合计；财政拨款收入支出决算总表各类各资金列 = 一般公共预算、政府性基金、国有资本经营表对应类的支出。" + acrossRounding,
		Source:      "[I]"}, Check: checkB12},
	{Rule: audit.Rule{ID: "B13", Severity: audit.Warning, Kind: audit.Inter,
		Title:       "年初数与上年年末数一致",
		Description: "本年年初结转和结余（及各资金的年初财政拨款结转和结余）= 上年年末数。年初数可经调整，故为提示性，可附出错说明。" + acrossRounding,
		Source:      "[V] 久其“提取年初数”流程（S10）；规则为 [I]"}, Check: checkB13},

	{Rule: audit.Rule{ID: "D1", Severity: audit.Error, Kind: audit.Logic,
		Title:       "科目重复列示",
		Description: "同一张表中同一科目编码只列一行（财决Z01-1表按科目与资金性质）。",
		Source:      "[I]"}, Check: checkD1},
	{Rule: audit.Rule{ID: "E1", Severity: audit.Warning, Kind: audit.Logic,
		Title:       "空表须加说明",
		Description: "政府性基金、国有资本经营及政府性基金“三公”表无数据时应保留表格并加说明（本年度没有……，故本表无数据）。",
		Source:      "[V] 上海2024模板（S1）表注"}, Check: checkE1},
	{Rule: audit.Rule{ID: "E2", Severity: audit.Error, Kind: audit.Logic,
		Title:       "注明无数据的表不得有数",
		Description: "附有无数据说明的表不得有非零数。",
		Source:      "[V] 上海2024模板（S1）表注；" + srcS2 + " R33109"}, Check: checkE2},
	{Rule: audit.Rule{ID: "K1", Severity: audit.Error, Kind: audit.Catalog,
		Title:       "科目编码有效",
		Description: "科目编码须在决算年度的科目表中且级次符合本表：收入支出决算总表、财政拨款收入支出决算总表只列功能分类类级；基本/项目支出决算表、财决07表列部门预算支出经济分类类、款；经济分类明细表列政府预算支出经济分类类、款。内置款、项级科目表不完整，未收录的款、项为提示性。",
		Source:      "[V] 政府收支分类科目（classification 包，按年度）"}, Check: checkK1},
	{Rule: audit.Rule{ID: "K2", Severity: audit.Warning, Kind: audit.Catalog,
		Title:       "科目名称与科目表一致",
		Description: "科目名称应与决算年度科目表的名称一致（忽略空格、全半角括号、序号前缀和“（类）”等后缀）。",
		Source:      "[V] 政府收支分类科目（classification 包，按年度）"}, Check: checkK2},
}
