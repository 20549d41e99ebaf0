package juesuan

import (
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/classification"
	"github.com/cnfiscal/juesuan/indicators"
	"strings"
)

// oldNarrativeFacts lists the figures of d that a narrative may restate, with
// the JSON Pointer of each, in the fact vocabulary of package narrative. A
// figure d does not state is left out (absent is not zero).
func oldNarrativeFacts(d *Document) *narrative.Facts {
	b := &oldFactBuilder{f: &narrative.Facts{Year: d.Unit.FiscalYear, Unit: d.Unit.AmountUnit}}
	r := &d.Report
	t := &r.Tables
	py := r.PriorYear
	if py == nil {
		py = &accounts.PriorYear{}
	}
	ptr := audit.Pointer

	// 收入支出决算总表, 收入决算表, 支出决算表.
	if s := t.Summary; s != nil {
		in, ex := &s.Income, &s.Expenditure
		b.money("summary.income.grandTotal", "收入总计", in.GrandTotal, ptr("tables", "summary", "income", "grandTotal")).prior(py.IncomeGrandTotal, "/priorYear/incomeGrandTotal")
		b.money("summary.income.total", "本年收入合计", in.Total, ptr("tables", "summary", "income", "total")).prior(py.IncomeTotal, "/priorYear/incomeTotal")
		for _, it := range []struct {
			key, title string
			a          accounts.Amount
			prior      accounts.Amount
			priorKey   string
		}{
			{"generalBudget", "一般公共预算财政拨款收入", in.GeneralBudget, py.FiscalIncome.GeneralBudget, "generalBudget"},
			{"govFund", "政府性基金预算财政拨款收入", in.GovFund, py.FiscalIncome.GovFund, "govFund"},
			{"stateCapital", "国有资本经营预算财政拨款收入", in.StateCapital, py.FiscalIncome.StateCapital, "stateCapital"},
			{"superiorSubsidy", "上级补助收入", in.SuperiorSubsidy, accounts.Amount{}, ""},
			{"business", "事业收入", in.Business, accounts.Amount{}, ""},
			{"operating", "经营收入", in.Operating, accounts.Amount{}, ""},
			{"affiliated", "附属单位上缴收入", in.Affiliated, accounts.Amount{}, ""},
			{"other", "其他收入", in.Other, accounts.Amount{}, ""},
		} {
			fb := b.money("summary.income."+it.key, it.title, it.a, ptr("tables", "summary", "income", it.key)).whole("summary.income.total")
			if it.priorKey != "" {
				fb.prior(it.prior, ptr("priorYear", "fiscalIncome", it.priorKey))
			}
		}
		b.money("summary.income.nonFiscalBalanceUsed", "使用非财政拨款结余", in.NonFiscalBalanceUsed, ptr("tables", "summary", "income", "nonFiscalBalanceUsed"))
		b.money("summary.income.beginningBalance", "年初结转和结余", in.BeginningBalance, ptr("tables", "summary", "income", "beginningBalance"))
		b.money("summary.expenditure.grandTotal", "支出总计", ex.GrandTotal, ptr("tables", "summary", "expenditure", "grandTotal")).prior(py.ExpenditureGrandTotal, "/priorYear/expenditureGrandTotal")
		b.money("summary.expenditure.total", "本年支出合计", ex.Total, ptr("tables", "summary", "expenditure", "total")).prior(py.ExpenditureTotal, "/priorYear/expenditureTotal")
		b.money("summary.expenditure.balanceDistribution", "结余分配", ex.BalanceDistribution, ptr("tables", "summary", "expenditure", "balanceDistribution"))
		b.money("summary.expenditure.endingBalance", "年末结转和结余", ex.EndingBalance, ptr("tables", "summary", "expenditure", "endingBalance")).prior(py.EndingBalance, "/priorYear/endingBalance")
	} else {
		if t.Income != nil {
			b.money("summary.income.total", "本年收入合计", t.Income.Total.Total, ptr("tables", "income", "total", "total")).prior(py.IncomeTotal, "/priorYear/incomeTotal")
		}
		if t.Expenditure != nil {
			b.money("summary.expenditure.total", "本年支出合计", t.Expenditure.Total.Total, ptr("tables", "expenditure", "total", "total")).prior(py.ExpenditureTotal, "/priorYear/expenditureTotal")
		}
	}
	if e := t.Expenditure; e != nil {
		tot := &e.Total
		for _, it := range []struct {
			key, title string
			a          accounts.Amount
		}{
			{"basic", "基本支出", tot.Basic},
			{"project", "项目支出", tot.Project},
			{"toSuperior", "上缴上级支出", tot.ToSuperior},
			{"operating", "经营支出", tot.Operating},
			{"toAffiliated", "对附属单位补助支出", tot.ToAffiliated},
		} {
			fb := b.money("expenditure."+it.key, it.title, it.a, ptr("tables", "expenditure", "total", it.key)).whole("summary.expenditure.total")
			if it.key == "project" {
				fb.prior(py.ProjectExpenditure, "/priorYear/projectExpenditure")
			}
		}
	}

	// 财政拨款收入支出决算总表.
	if fs := t.FiscalSummary; fs != nil {
		cur, tot := &fs.Income.Current, &fs.Expenditure.Total
		b.money("fiscal.income.total", "财政拨款本年收入合计", cur.Total, ptr("tables", "fiscalSummary", "income", "current", "total")).prior(py.FiscalIncome.Total, "/priorYear/fiscalIncome/total")
		for _, it := range []struct{ key, title string }{
			{"generalBudget", "一般公共预算财政拨款收入"},
			{"govFund", "政府性基金预算财政拨款收入"},
			{"stateCapital", "国有资本经营预算财政拨款收入"},
		} {
			b.money("fiscal.income."+it.key, it.title, oldFundColumn(cur, it.key), ptr("tables", "fiscalSummary", "income", "current", it.key)).
				prior(oldFundColumn(&py.FiscalIncome, it.key), ptr("priorYear", "fiscalIncome", it.key)).whole("fiscal.income.total")
			b.money("fiscal.expenditure."+it.key, strings.Replace(it.title, "收入", "支出", 1), oldFundColumn(tot, it.key), ptr("tables", "fiscalSummary", "expenditure", "total", it.key)).whole("fiscal.expenditure.total")
		}
		b.money("fiscal.income.grandTotal", "财政拨款收入总计", fs.Income.GrandTotal, ptr("tables", "fiscalSummary", "income", "grandTotal")).prior(py.FiscalGrandTotal, "/priorYear/fiscalGrandTotal")
		b.money("fiscal.expenditure.total", "财政拨款本年支出合计", tot.Total, ptr("tables", "fiscalSummary", "expenditure", "total", "total"))
		b.money("fiscal.expenditure.grandTotal", "财政拨款支出总计", fs.Expenditure.GrandTotal.Total, ptr("tables", "fiscalSummary", "expenditure", "grandTotal", "total")).prior(py.FiscalGrandTotal, "/priorYear/fiscalGrandTotal")
	} else if t.Income != nil {
		b.money("fiscal.income.total", "财政拨款收入", t.Income.Total.Fiscal, ptr("tables", "income", "total", "fiscal")).prior(py.FiscalIncome.Total, "/priorYear/fiscalIncome/total")
	}

	// 一般公共预算财政拨款支出决算表, 基本支出.
	budgets := oldZ011Budgets(t.Z011)
	if g := t.GeneralBudget; g != nil {
		b.money("generalBudget.total", "一般公共预算财政拨款支出", g.Total.Total, ptr("tables", "generalBudget", "total", "total")).
			prior(py.GeneralBudgetExpenditure, "/priorYear/generalBudgetExpenditure").whole("summary.expenditure.total")
		b.money("generalBudget.basic", "一般公共预算财政拨款基本支出", g.Total.Basic, ptr("tables", "generalBudget", "total", "basic"))
		b.money("generalBudget.project", "一般公共预算财政拨款项目支出", g.Total.Project, ptr("tables", "generalBudget", "total", "project"))
		names := oldRowNames(d.Unit.FiscalYear, len(g.Rows), func(i int) (string, string) { return string(g.Rows[i].Code), g.Rows[i].Name })
		for i, row := range g.Rows {
			code := string(row.Code)
			fb := b.money("generalBudget."+code, names.title(code), row.Total, ptr("tables", "generalBudget", "rows", i, "total")).row(code, names.chain(code))
			if len(code) == 3 {
				fb.whole("generalBudget.total")
			}
			if bc, ok := budgets[code]; ok {
				fb.budget(bc.row.AdjustedBudget, ptr("tables", "z01_1", "rows", bc.i, "adjustedBudget"))
				fb.initialBudget(bc.row.InitialBudget, ptr("tables", "z01_1", "rows", bc.i, "initialBudget"))
			}
		}
	}
	if bb := t.GeneralBudgetBasic; bb != nil {
		b.money("generalBudget.personnel", "人员经费", bb.Personnel, ptr("tables", "generalBudgetBasic", "personnel"))
		b.money("generalBudget.public", "公用经费", bb.Public, ptr("tables", "generalBudgetBasic", "public"))
		b.money("generalBudget.basic", "一般公共预算财政拨款基本支出", bb.Total, ptr("tables", "generalBudgetBasic", "total"))
	}
	if z := t.Z07; z != nil {
		b.money("generalBudget.personnel", "人员经费", z.Personnel, ptr("tables", "z07", "personnel"))
		b.money("generalBudget.public", "公用经费", z.Public, ptr("tables", "z07", "public"))
		b.money("generalBudget.basic", "一般公共预算财政拨款基本支出", z.Expenditure.Basic, ptr("tables", "z07", "expenditure", "basic"))
	}

	// “三公”经费.
	if tp := t.ThreePublic; tp != nil {
		for _, it := range []struct{ key, title string }{
			{"total", "“三公”经费"},
			{"abroad", "因公出国（境）费"},
			{"vehicle", "公务用车购置及运行维护费"},
			{"vehiclePurchase", "公务用车购置费"},
			{"vehicleOperation", "公务用车运行维护费"},
			{"reception", "公务接待费"},
		} {
			fb := b.money("threePublic."+it.key, it.title, oldThreeColumn(&tp.Actual, it.key), ptr("tables", "threePublic", "actual", it.key)).
				prior(oldThreeColumn(&py.ThreePublic, it.key), ptr("priorYear", "threePublic", it.key))
			// The table has one 预算数; narratives call it 预算 or 年初预算.
			fb.budget(oldThreeColumn(&tp.Budget, it.key), ptr("tables", "threePublic", "budget", it.key))
			fb.initialBudget(oldThreeColumn(&tp.Budget, it.key), ptr("tables", "threePublic", "budget", it.key))
			switch it.key {
			case "abroad", "vehicle", "reception":
				fb.whole("threePublic.total")
			}
		}
	}
	if gt := t.GovFundThreePublic; gt != nil {
		b.money("govFundThreePublic.total", "政府性基金预算财政拨款“三公”经费", gt.Actual.Total, ptr("tables", "govFundThreePublic", "actual", "total"))
	}
	if f3 := t.F03; f3 != nil {
		s := &f3.ThreePublic
		base := []any{"tables", "f03", "threePublic"}
		p := func(k string) string { return ptr(append(append([]any{}, base...), k)...) }
		b.count("threePublic.abroadGroups", "因公出国（境）团组数", s.AbroadGroups, p("abroadGroups"))
		b.count("threePublic.abroadPersons", "因公出国（境）人次数", s.AbroadPersons, p("abroadPersons"))
		b.count("threePublic.vehiclesPurchased", "公务用车购置数", s.VehiclesPurchased, p("vehiclesPurchased"))
		b.count("threePublic.vehiclesHeld", "公务用车保有量", s.VehiclesHeld, p("vehiclesHeld"))
		b.money("reception.domestic", "国内公务接待费", s.DomesticReception, p("domesticReception"))
		b.money("reception.foreignAffairs", "外事接待费", s.ForeignAffairs, p("foreignAffairs"))
		b.money("reception.overseas", "国（境）外公务接待费", s.OverseasReception, p("overseasReception"))
		b.count("reception.domesticBatches", "国内公务接待批次", s.DomesticBatches, p("domesticBatches"))
		b.count("reception.domesticPersons", "国内公务接待人次", s.DomesticPersons, p("domesticPersons"))
		b.count("reception.foreignAffairsBatches", "外事接待批次", s.ForeignAffairsBatches, p("foreignAffairsBatches"))
		b.count("reception.foreignAffairsPersons", "外事接待人次", s.ForeignAffairsPersons, p("foreignAffairsPersons"))
		b.count("reception.overseasBatches", "国（境）外公务接待批次", s.OverseasBatches, p("overseasBatches"))
		b.count("reception.overseasPersons", "国（境）外公务接待人次", s.OverseasPersons, p("overseasPersons"))

		b.money("operatingCost", "机关运行经费", f3.OperatingCost.Amount, ptr("tables", "f03", "operatingCost", "amount")).prior(py.OperatingCost, "/priorYear/operatingCost")
		pr := &f3.Procurement
		pp := func(k string) string { return ptr("tables", "f03", "procurement", k) }
		b.money("procurement.total", "政府采购支出总额", pr.Total, pp("total"))
		b.money("procurement.goods", "政府采购货物支出", pr.Goods, pp("goods")).whole("procurement.total")
		b.money("procurement.works", "政府采购工程支出", pr.Works, pp("works")).whole("procurement.total")
		b.money("procurement.services", "政府采购服务支出", pr.Services, pp("services")).whole("procurement.total")
		b.money("procurement.awardedSME", "授予中小企业合同金额", pr.AwardedSME, pp("awardedSME")).whole("procurement.total")
		b.money("procurement.awardedSmallMicro", "授予小微企业合同金额", pr.AwardedSmallMicro, pp("awardedSmallMicro")).whole("procurement.total")
		b.money("procurement.reservedSME", "面向中小企业预留金额", pr.ReservedSME, pp("reservedSME"))
		as := &f3.Assets
		ap := func(k string) string { return ptr("tables", "f03", "assets", k) }
		b.count("assets.vehicles", "车辆数", as.Vehicles, ap("vehicles"))
		for i, v := range as.VehiclesByKind {
			b.count("assets.vehicles."+v.Category, v.Category, v.Count, ptr("tables", "f03", "assets", "vehiclesByKind", i, "count"))
		}
		b.count("assets.generalEquipment", "单价50万元以上通用设备", as.GeneralEquipment, ap("generalEquipment"))
		b.count("assets.specialEquipment", "单价100万元以上专用设备", as.SpecialEquipment, ap("specialEquipment"))
		b.count("assets.equipment100", "单价100万元（含）以上设备", as.Equipment100, ap("equipment100"))
	}

	// 政府性基金, 国有资本经营.
	if g := t.GovFund; g != nil {
		b.money("govFund.income", "政府性基金预算财政拨款收入", g.Total.Income, ptr("tables", "govFund", "total", "income"))
		b.money("govFund.expenditure", "政府性基金预算财政拨款支出", g.Total.Expenditure, ptr("tables", "govFund", "total", "expenditure"))
		names := oldRowNames(d.Unit.FiscalYear, len(g.Rows), func(i int) (string, string) { return string(g.Rows[i].Code), g.Rows[i].Name })
		for i, row := range g.Rows {
			code := string(row.Code)
			b.money("govFund."+code, names.title(code), row.Expenditure, ptr("tables", "govFund", "rows", i, "expenditure")).row(code, names.chain(code))
		}
	}
	if s := t.StateCapital; s != nil {
		b.money("stateCapital.income", "国有资本经营预算财政拨款收入", s.Total.Income, ptr("tables", "stateCapital", "total", "income"))
		b.money("stateCapital.expenditure", "国有资本经营预算财政拨款支出", s.Total.Expenditure, ptr("tables", "stateCapital", "total", "expenditure"))
		names := oldRowNames(d.Unit.FiscalYear, len(s.Rows), func(i int) (string, string) { return string(s.Rows[i].Code), s.Rows[i].Name })
		for i, row := range s.Rows {
			code := string(row.Code)
			b.money("stateCapital."+code, names.title(code), row.Expenditure, ptr("tables", "stateCapital", "rows", i, "expenditure")).row(code, names.chain(code))
		}
	} else if s := t.StateCapitalExpenditure; s != nil {
		b.money("stateCapital.expenditure", "国有资本经营预算财政拨款支出", s.Total.Total, ptr("tables", "stateCapitalExpenditure", "total", "total"))
	}

	if d.Performance != nil {
		b.indicators(d.Performance)
	}
	return b.f
}

func oldFundColumn(c *accounts.FundColumns, key string) accounts.Amount {
	switch key {
	case "generalBudget":
		return c.GeneralBudget
	case "govFund":
		return c.GovFund
	case "stateCapital":
		return c.StateCapital
	}
	return c.Total
}

func oldThreeColumn(c *accounts.ThreePublicColumns, key string) accounts.Amount {
	switch key {
	case "abroad":
		return c.Abroad
	case "vehicle":
		return c.Vehicle
	case "vehiclePurchase":
		return c.VehiclePurchase
	case "vehicleOperation":
		return c.VehicleOperation
	case "reception":
		return c.Reception
	}
	return c.Total
}

type oldBudgetAt struct {
	i   int
	row accounts.BudgetRow
}

// oldZ011Budgets indexes the 一般公共预算 budget lines of 财决Z01-1 by code.
func oldZ011Budgets(z *accounts.Z011Table) map[string]oldBudgetAt {
	out := map[string]oldBudgetAt{}
	if z == nil {
		return out
	}
	for i, r := range z.Rows {
		if r.Fund == accounts.GeneralBudgetFund || r.Fund == "" {
			out[string(r.Code)] = oldBudgetAt{i, r}
		}
	}
	return out
}

// oldRowNamer gives the 科目 names of a table's rows, from the table or, for a
// row the table does not name, from the classification catalogue.
type oldRowNamer struct {
	names map[string]string
	cat   *classification.Catalog
}

func oldRowNames(year, n int, row func(int) (code, name string)) oldRowNamer {
	rn := oldRowNamer{names: map[string]string{}}
	for i := 0; i < n; i++ {
		c, name := row(i)
		if name != "" {
			rn.names[c] = name
		}
	}
	if eds, err := classification.EditionsFor(year); err == nil {
		rn.cat = eds.Functional
	}
	return rn
}

func (rn oldRowNamer) name(code string) string {
	if n := rn.names[code]; n != "" {
		return n
	}
	if rn.cat != nil {
		return rn.cat.Name(code)
	}
	return ""
}

func (rn oldRowNamer) title(code string) string {
	if n := rn.name(code); n != "" {
		return n + "（" + code + "）"
	}
	return code
}

// chain returns the names from the 类 down to code; nil when one is
// unknown.
func (rn oldRowNamer) chain(code string) []string {
	var out []string
	for l := 3; l <= len(code); l += 2 {
		n := rn.name(code[:l])
		if n == "" {
			if l == len(code) {
				return nil
			}
			n = "?"
		}
		out = append(out, n)
	}
	return out
}

// oldFactBuilder collects facts, keeping the first stated figure of an ID.
type oldFactBuilder struct {
	f    *narrative.Facts
	byID map[string]int
}

type oldFactRef struct {
	b    *oldFactBuilder
	fact *narrative.Fact
}

func (b *oldFactBuilder) add(f narrative.Fact) oldFactRef {
	if b.byID == nil {
		b.byID = map[string]int{}
	}
	if i, ok := b.byID[f.ID]; ok {
		have := &b.f.Items[i]
		if !have.Value.IsSet() && f.Value.IsSet() {
			have.Value = f.Value
		}
		return oldFactRef{b, have}
	}
	b.byID[f.ID] = len(b.f.Items)
	b.f.Items = append(b.f.Items, f)
	return oldFactRef{b, &b.f.Items[len(b.f.Items)-1]}
}

func (b *oldFactBuilder) money(id, title string, a accounts.Amount, path string) oldFactRef {
	return b.add(narrative.Fact{ID: id, Title: title, Value: narrative.Figure{Amount: a, Path: path}})
}

func (b *oldFactBuilder) count(id, title string, c accounts.Count, path string) oldFactRef {
	return b.add(narrative.Fact{ID: id, Title: title, Count: true, Value: narrative.Figure{Count: c, Path: path}})
}

// Facts are appended to a slice, so a oldFactRef is only used right after it
// is made (before the next add).
func (r oldFactRef) prior(a accounts.Amount, path string) oldFactRef {
	if r.fact != nil && a.IsSet() && !r.fact.Prior.IsSet() {
		r.fact.Prior = narrative.Figure{Amount: a, Path: path}
	}
	return r
}

func (r oldFactRef) whole(id string) oldFactRef {
	if r.fact != nil && r.fact.Whole == "" {
		r.fact.Whole = id
	}
	return r
}

func (r oldFactRef) row(code string, names []string) oldFactRef {
	if r.fact != nil && len(names) > 0 {
		r.fact.Code, r.fact.Names = code, names
	}
	return r
}

// budget sets the 预算数 narratives compare with (调整预算数 where the table
// has it).
func (r oldFactRef) budget(a accounts.Amount, path string) oldFactRef {
	if r.fact != nil && a.IsSet() {
		r.fact.Budget = narrative.Figure{Amount: a, Path: path}
	}
	return r
}

// initialBudget sets the 年初预算数.
func (r oldFactRef) initialBudget(a accounts.Amount, path string) oldFactRef {
	if r.fact != nil && a.IsSet() {
		r.fact.InitialBudget = narrative.Figure{Amount: a, Path: path}
	}
	return r
}

// indicators lists the performance indicators with a stated 完成率.
func (b *oldFactBuilder) indicators(p *indicators.Performance) {
	add := func(path string, project string, in *indicators.Indicator) {
		v := in.RateValue()
		if !v.IsQuantity() {
			return
		}
		b.f.Indicators = append(b.f.Indicators, narrative.Indicator{
			Path: path, Project: project, Name: in.Name, Target: in.Target, Actual: in.Actual,
			Rate: amount.New(v.Number),
		})
	}
	for i := range p.Projects {
		pt := &p.Projects[i]
		for j := range pt.Indicators {
			add(audit.Pointer("performance", "projects", i, "indicators", j, "rate"), pt.Name, &pt.Indicators[j])
		}
	}
	for i := range p.Evaluations {
		ev := &p.Evaluations[i]
		for j := range ev.Indicators {
			add(audit.Pointer("performance", "evaluations", i, "indicators", j, "rate"), ev.Projects, &ev.Indicators[j])
		}
	}
}
