package sichuan2023

import (
	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/profiles/internal/shared"
)

// tables are the 13 public tables in the order of the sources' tables of
// contents (domain.md §1.1 [V] S6, S7), and the internal 财决 tables.
func tables() []juesuan.TableSpec {
	return []juesuan.TableSpec{
		{Key: "summary", Number: "一", Title: "收入支出决算总表", Required: true, Jiuqi: shared.JiuqiZ01},
		{Key: "income", Number: "二", Title: "收入决算表", Required: true, Jiuqi: shared.JiuqiZ03},
		{Key: "expenditure", Number: "三", Title: "支出决算表", Required: true, Jiuqi: shared.JiuqiZ04},
		{Key: "fiscalSummary", Number: "四", Title: "财政拨款收入支出决算总表", Required: true, Jiuqi: shared.JiuqiZ011},
		{Key: "fiscalEconomic", Number: "五", Title: "财政拨款支出决算明细表", Required: true},
		{Key: "generalBudget", Number: "六", Title: "一般公共预算财政拨款支出决算表", Required: true},
		{Key: "generalBudgetEconomic", Number: "七", Title: "一般公共预算财政拨款支出决算明细表", Required: true},
		{Key: "generalBudgetBasic", Number: "八", Title: "一般公共预算财政拨款基本支出决算明细表", Required: true},
		{Key: "generalBudgetProject", Number: "九", Title: "一般公共预算财政拨款项目支出决算表", Required: true},
		{Key: "govFund", Number: "十", Title: "政府性基金预算财政拨款收入支出决算表", Required: true},
		{Key: "stateCapital", Number: "十一", Title: "国有资本经营预算财政拨款收入支出决算表", Required: true},
		{Key: "stateCapitalExpenditure", Number: "十二", Title: "国有资本经营预算财政拨款支出决算表", Required: true},
		{Key: "threePublic", Number: "十三", Title: "财政拨款“三公”经费支出决算表", Required: true},
		{Key: "z01", Title: "财决Z01表 收入支出决算总表", Internal: true},
		{Key: "z01_1", Title: "财决Z01-1表 财政拨款收入支出决算总表", Internal: true},
		{Key: "z07", Title: "财决07表 一般公共预算财政拨款收入支出决算表", Internal: true},
		{Key: "f03", Title: "财决附03表 机构运行信息表", Internal: true},
	}
}
