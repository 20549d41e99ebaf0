// Package indicators models budget-performance indicators (预算绩效指标): the
// indicator frameworks, the performance section of a 决算 document
// (项目绩效目标完成情况表, the 评价结论 tables of 项目支出绩效评价报告, the
// 部门整体支出 self-evaluation), its audit rules P0–P11, and 单位自评
// scoring.
//
// # Frameworks
//
// A [Framework] is data: 一级 categories, each with its 二级 categories; the
// 三级 indicators are the document's own. One is built in and registered:
// "national" ([National]): 产出指标 (数量/质量/时效/成本指标), 效益指标
// (经济效益/社会效益/生态效益/可持续影响指标), 满意度指标
// (服务对象满意度指标), as open-source 绩效指标 code names them (domain.md
// §4.2 [V]). Provincial frameworks belong to their profiles: importing
// github.com/cnfiscal/juesuan/profiles/sichuan2020 registers "sichuan-2020"
// (项目完成指标, 项目效益指标 and 满意度指标 with the same 二级 categories)
// and its mapping to the national framework.
//
// Every category has documented aliases, such as the short forms (数量 for
// 数量指标). White space is ignored, so the table cell "经济效益\n指标"
// reads as 经济效益指标. [Mapping] translates between frameworks.
// A province registers its own with [RegisterFramework] and [RegisterMapping];
// the registry is safe for concurrent use. Rules and scoring refer to what a
// category measures ([Dimension], [Aspect]), never to its name.
//
// # Values as written, values parsed
//
// Every target and actual value is stored exactly as written, on the wire
// and in memory. [ParseValue] derives a [Value] — number, unit, comparator
// (≥ ≤ = ≈ > <) — from texts such as "30万元", "12期/年", "≥95%", "90%左右"; it
// reads "全年" as a period, which is met by the same period and is never a
// number. Anything else stays text (OK is false): a sentence is never mined
// for a number, except by the cross-table rules P7/P8, which compare figures
// only when the same subject ("劝返率") precedes them in both texts.
//
// # Rules
//
// [Validate] reports findings with stable IDs (see [Rules]), severities
// and JSON Pointer paths under /performance:
//
//	P0  指标框架未注册            error
//	P1  二级指标属于所填一级指标     error
//	P2  必备指标类别（可配置）       warning
//	P3  执行率 = 执行数 ÷ 预算数    error
//	P4  年度资金总额 = 各来源合计    error
//	P5  成本指标合计 = 预算数       warning
//	P6  完成率与指标值、实际值一致   warning
//	P7  同一指标指标值各表一致       warning
//	P8  同一指标实际完成值各表一致   warning
//	P9  项目执行数合计 = 项目支出    warning (document level)
//	P10 评价结论资金 = 所列项目合计   warning
//	P11 部门整体支出自评勾稽         warning
//
// Sums use the rounding-aware tolerance of package amount: a difference
// within rounding is reported as info, never as an error.
//
// # Coverage ledger
//
// With [Options].Coverage set, Validate appends one accounts.RuleCoverage
// per rule to the ledger: the checks that ran, passed, were within rounding
// or fired, each check that could not run (reason "absent" with the JSON
// Pointers of the figures not stated, or "unreadable" with those of values
// it cannot read as the number it compares), and the rules with nothing
// to check ("no 绩效 tables", "no 部门整体支出自评") or switched off. The
// findings are the same with or without it.
//
// # Scoring
//
// [Score] computes a 单位自评 score following 财预〔2020〕10号
// 《项目支出绩效评价管理办法》 as summarised in domain.md §4.1. The citation
// is verified, its text was not retrieved: the default weights (产出 50,
// 效益 30, 满意度 10, 预算执行率 10), the proportional and inverse scoring
// and the grade bands 优/良/中/差 at 90/80/60 are background [B] and
// therefore configuration ([ScoreConfig], [DefaultWeights], [DefaultBands]);
// a profile registers the grade names its template prints with
// [RegisterBands] (central-2024 registers 优/良/合格/不合格, verified in the
// Shanghai 2024 narrative, domain.md §4.2). Qualitative indicators score
// full marks only when the document states 完成率 100% or the actual value
// reads as the target; otherwise they are listed as unscored, and the result
// gives the score with them at 0 and at full marks.
package indicators
