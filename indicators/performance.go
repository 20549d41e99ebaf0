package indicators

import (
	"strings"

	"github.com/cnfiscal/juesuan/amount"
)

// Amount is a figure in 万元 (the unit every performance table prints): absent
// is not zero.
type Amount = amount.Amount

// Performance is the performance section of a 决算 document: the
// 项目绩效目标完成情况表, the 评价结论 tables of 项目支出绩效评价报告 and the
// 部门整体支出 self-evaluation.
type Performance struct {
	Projects    []ProjectTable        `json:"projects,omitempty" jsonschema:"title=项目绩效目标完成情况表"`
	Evaluations []Evaluation          `json:"evaluations,omitempty" jsonschema:"title=项目支出绩效评价结论,description=项目支出绩效评价报告中的评价结论表"`
	Department  *DepartmentEvaluation `json:"department,omitempty" jsonschema:"title=部门整体支出绩效自评"`
}

// ProjectTable is one 项目绩效目标完成情况表.
type ProjectTable struct {
	// Year is the year printed under the title, e.g. (2020年度).
	Year       int    `json:"year,omitempty" jsonschema:"title=年度"`
	Name       string `json:"name" jsonschema:"title=项目名称,minLength=1"`
	BudgetUnit string `json:"budgetUnit,omitempty" jsonschema:"title=预算单位"`
	Funds      Funds  `json:"funds" jsonschema:"title=预算执行情况（万元）"`
	Goal       Goal   `json:"goal" jsonschema:"title=年度目标完成情况"`
	// Indicators are the 绩效指标 rows in printed order. A merged 一级 or
	// 二级 cell is repeated on every row it spans.
	Indicators []Indicator `json:"indicators,omitempty" jsonschema:"title=绩效指标完成情况"`
}

// Funds is the funds block of a performance table, in 万元. The
// 项目绩效目标完成情况表 prints 预算数/执行数 for 合计, 其中-财政拨款 and
// 其它资金; the 评价结论 table prints 全年预算数/实际完成数/执行率 for
// 年度资金总额, 其中：财政拨款 and 其他资金; the 财预〔2020〕10号 自评表 adds
// 年初预算数, 上年结转资金, 分值 and 得分.
type Funds struct {
	Total     FundsLine `json:"total,omitzero" jsonschema:"title=年度资金总额（合计）"`
	Fiscal    FundsLine `json:"fiscal,omitzero" jsonschema:"title=其中：财政拨款"`
	CarryOver FundsLine `json:"carryOver,omitzero" jsonschema:"title=上年结转资金"`
	Other     FundsLine `json:"other,omitzero" jsonschema:"title=其他资金"`
}

// FundsLine is one row of the funds block.
type FundsLine struct {
	Initial Amount `json:"initial,omitzero" jsonschema:"title=年初预算数"`
	Budget  Amount `json:"budget,omitzero" jsonschema:"title=全年预算数"`
	Actual  Amount `json:"actual,omitzero" jsonschema:"title=全年执行数,description=执行数或实际完成数"`
	// Rate is the 执行率 as written, e.g. "100%".
	Rate   string `json:"rate,omitempty" jsonschema:"title=执行率,description=按原文填写，例如 100%"`
	Weight Amount `json:"weight,omitzero" jsonschema:"title=分值"`
	Score  Amount `json:"score,omitzero" jsonschema:"title=得分"`
}

// Goal is 年度目标: what was expected and what was achieved, as written.
type Goal struct {
	Expected string `json:"expected,omitempty" jsonschema:"title=预期目标"`
	Actual   string `json:"actual,omitempty" jsonschema:"title=实际完成目标"`
}

// Indicator is one 三级 indicator row. Every text is as written; parsed
// quantities are derived on demand (TargetValue, ActualValue, RateValue).
type Indicator struct {
	// Level1 and Level2 are the 一级 and 二级 names as printed (the 评价结论
	// table prints shortened names and line breaks, e.g. "经济效益\n指标").
	Level1 string `json:"level1" jsonschema:"title=一级指标"`
	Level2 string `json:"level2" jsonschema:"title=二级指标"`
	// Name is the 三级 indicator as printed, e.g. "指标1：成都火车站服务费".
	Name   string `json:"name" jsonschema:"title=三级指标"`
	Target string `json:"target" jsonschema:"title=年度指标值,description=预期指标值 按原文填写"`
	Actual string `json:"actual" jsonschema:"title=实际完成值,description=实际完成指标值 按原文填写"`
	Weight Amount `json:"weight,omitzero" jsonschema:"title=分值"`
	Score  Amount `json:"score,omitzero" jsonschema:"title=得分"`
	// Rate is the 完成率 as written, e.g. "100%".
	Rate string `json:"rate,omitempty" jsonschema:"title=完成率（%）,description=按原文填写"`
	// Deviation is 偏差原因分析及改进措施 (未完成原因和改进措施).
	Deviation string `json:"deviation,omitempty" jsonschema:"title=偏差原因分析及改进措施"`
}

// TargetValue parses the target as written (see ParseValue).
func (in *Indicator) TargetValue() Value { return ParseValue(in.Target) }

// ActualValue parses the actual value as written.
func (in *Indicator) ActualValue() Value { return ParseValue(in.Actual) }

// RateValue parses the 完成率 as written; a rate must be a percentage.
func (in *Indicator) RateValue() Value { return parseRate(in.Rate) }

// RateValue parses the 执行率 as written.
func (l *FundsLine) RateValue() Value { return parseRate(l.Rate) }

func parseRate(s string) Value {
	v := ParseValue(s)
	if !v.IsQuantity() || v.Unit != "%" {
		return Value{}
	}
	return v
}

// Evaluation is the 评价结论 table of a 项目支出绩效评价报告: the projects it
// covers, the funds, the 总体目标 and the indicator rows with 年度指标值,
// 实际完成数, 完成率 and 未完成原因和改进措施.
type Evaluation struct {
	// Report is the title of the report the table belongs to.
	Report string `json:"report,omitempty" jsonschema:"title=评价报告"`
	// Projects is 部门预算项目名称 as written, e.g.
	// "业务运行费、招商引资活动经费" (see ProjectNames).
	Projects    string `json:"projects" jsonschema:"title=部门预算项目名称,minLength=1"`
	BudgetUnit  string `json:"budgetUnit,omitempty" jsonschema:"title=预算单位"`
	Funds       Funds  `json:"funds" jsonschema:"title=项目资金（万元）"`
	OverallGoal string `json:"overallGoal,omitempty" jsonschema:"title=总体目标"`
	// Indicators are the 绩效指标 rows. A row whose 三级 name is a project
	// name ("指标1：业务运行费") sums up that project's indicators of its
	// 二级 category.
	Indicators  []Indicator `json:"indicators,omitempty" jsonschema:"title=绩效指标"`
	Problems    string      `json:"problems,omitempty" jsonschema:"title=存在的问题"`
	Suggestions string      `json:"suggestions,omitempty" jsonschema:"title=相关建议"`
}

// ProjectNames splits 部门预算项目名称 at 、，, and ；; white space is
// removed and empty names are dropped.
func (e *Evaluation) ProjectNames() []string {
	var names []string
	for _, f := range strings.FieldsFunc(e.Projects, isProjectSeparator) {
		if n := NormalizeName(f); n != "" {
			names = append(names, n)
		}
	}
	return names
}

func isProjectSeparator(r rune) bool {
	return r == '、' || r == '，' || r == ',' || r == '；' || r == ';'
}

// DepartmentEvaluation is the 部门（单位）整体支出绩效自评 report, with the
// fields the reference document gives: 单位概况, 财政资金收支, 机关运行经费,
// 项目资金, 评价结论, 存在问题 and 改进建议. Figures are in 万元.
type DepartmentEvaluation struct {
	Report       string `json:"report,omitempty" jsonschema:"title=报告名称"`
	Organisation string `json:"organisation,omitempty" jsonschema:"title=机构组成"`
	// Functions are the numbered 机构职能 items, without their numbers.
	Functions []string `json:"functions,omitempty" jsonschema:"title=机构职能"`
	Staff     string   `json:"staff,omitempty" jsonschema:"title=人员概况"`
	// Income is 单位财政资金收入情况: the total and its breakdown as stated.
	Income FundsBreakdown `json:"income,omitzero" jsonschema:"title=单位财政资金收入情况"`
	// Expenditure is 单位财政资金支出情况: the total, 基本支出, 项目支出
	// and the breakdown as stated.
	Expenditure ExpenditureBreakdown `json:"expenditure,omitzero" jsonschema:"title=单位财政资金支出情况"`
	// BudgetManagement are the numbered items of 单位预算管理.
	BudgetManagement []string      `json:"budgetManagement,omitempty" jsonschema:"title=单位预算管理"`
	OperatingCost    OperatingCost `json:"operatingCost,omitzero" jsonschema:"title=保障机关运转、履行职能职责总体情况（机关运行经费）"`
	ProjectFunds     ProjectFunds  `json:"projectFunds,omitzero" jsonschema:"title=厉行节约、合理使用项目资金情况"`
	Conclusion       string        `json:"conclusion,omitempty" jsonschema:"title=评价结论"`
	Problems         string        `json:"problems,omitempty" jsonschema:"title=存在问题"`
	// Suggestions are the numbered 改进建议 items, without their numbers.
	Suggestions []string `json:"suggestions,omitempty" jsonschema:"title=改进建议"`
}

// NamedAmount is one stated figure of a breakdown.
type NamedAmount struct {
	Name   string `json:"name" jsonschema:"title=名称"`
	Amount Amount `json:"amount,omitzero" jsonschema:"title=金额（万元）"`
}

// FundsBreakdown is a total and the parts the text lists.
type FundsBreakdown struct {
	Total Amount        `json:"total,omitzero" jsonschema:"title=合计"`
	Items []NamedAmount `json:"items,omitempty" jsonschema:"title=明细"`
}

// ExpenditureBreakdown is the expenditure total, its 基本支出/项目支出 split
// and the parts the text lists (by economic classification in the
// reference).
type ExpenditureBreakdown struct {
	Total   Amount        `json:"total,omitzero" jsonschema:"title=支出合计"`
	Basic   Amount        `json:"basic,omitzero" jsonschema:"title=基本支出"`
	Project Amount        `json:"project,omitzero" jsonschema:"title=项目支出"`
	Items   []NamedAmount `json:"items,omitempty" jsonschema:"title=明细"`
}

// OperatingCost is 机关运行经费 this year and last, with the stated change.
type OperatingCost struct {
	Current Amount `json:"current,omitzero" jsonschema:"title=本年机关运行经费"`
	Prior   Amount `json:"prior,omitzero" jsonschema:"title=上年机关运行经费"`
	// Change is the stated change, negative for 减少.
	Change Amount `json:"change,omitzero" jsonschema:"title=增减额,description=减少为负数"`
	// ChangePercent is the stated change in percent, negative for 下降.
	ChangePercent Amount `json:"changePercent,omitzero" jsonschema:"title=增减率（%）,description=下降为负数"`
	Reason        string `json:"reason,omitempty" jsonschema:"title=主要原因"`
}

// ProjectFunds is 项目资金: the projects with their funds and the stated change
// from last year.
type ProjectFunds struct {
	Items []NamedAmount `json:"items,omitempty" jsonschema:"title=项目资金"`
	// Change is the stated change from last year, negative for 减少.
	Change Amount `json:"change,omitzero" jsonschema:"title=较上年增减额,description=减少为负数"`
	Reason string `json:"reason,omitempty" jsonschema:"title=主要原因"`
}

// IndicatorKey normalises a 三级 name for matching across tables: white
// space removed, the "指标N：" numbering and a closing 。 dropped.
// "指标1：成都火车站服务费" and "成都火车站服务费" have the same key.
func IndicatorKey(name string) string {
	n := NormalizeName(name)
	if rest, ok := strings.CutPrefix(n, "指标"); ok {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i > 0 {
			if r, ok := strings.CutPrefix(rest[i:], "："); ok {
				n = r
			} else if r, ok := strings.CutPrefix(rest[i:], ":"); ok {
				n = r
			}
		}
	}
	return strings.TrimSuffix(n, "。")
}
