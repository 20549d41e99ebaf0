package shared

import (
	"slices"

	"github.com/cnfiscal/juesuan"
)

// Section titles of the checklist (items) that style blocks belong to.
const (
	secOverview    = "部门职责与机构设置"
	secOverall     = "收入支出决算总体情况说明"
	secIncome      = "收入决算情况说明"
	secExpenditure = "支出决算情况说明"
	secFiscal      = "财政拨款收入支出决算总体情况说明"
	secGeneral     = "一般公共预算财政拨款支出决算情况说明"
	secBasic       = "一般公共预算财政拨款基本支出决算情况说明"
	secThree       = "“三公”经费财政拨款支出决算情况说明"
	secGovFund     = "政府性基金预算财政拨款收入支出决算情况说明"
	secState       = "国有资本经营预算财政拨款收入支出决算情况说明"
	secOperating   = "机关运行经费支出情况"
	secProcurement = "政府采购支出情况（总额，货物、工程、服务，授予中小企业合同金额及占比）"
	secAssets      = "国有资产占用情况"
	secPerformance = "预算绩效管理情况"
	secGlossary    = "名词解释"
)

// Helpers that keep the declarations below one line per sentence.
func h(text, section string) juesuan.NarrativeBlock {
	return juesuan.NarrativeBlock{Heading: text, Section: section}
}

func p(section string, ss ...juesuan.NarrativeSentence) juesuan.NarrativeBlock {
	return juesuan.NarrativeBlock{Section: section, Sentences: ss}
}

func s(text string, alt ...string) juesuan.NarrativeSentence {
	return juesuan.NarrativeSentence{Text: text, Else: alt}
}

// change is a 同比 sentence: Text when the figure changed, Flat when not.
func change(text, flat string) juesuan.NarrativeSentence {
	return juesuan.NarrativeSentence{Text: text, Flat: flat}
}

func none(text, empty string) juesuan.NarrativeSentence {
	return juesuan.NarrativeSentence{Text: text, None: empty}
}

func list(lead, sep, end string, items ...string) juesuan.NarrativeSentence {
	return juesuan.NarrativeSentence{Text: lead, Items: slices.Clone(items), Sep: sep, End: end}
}

func rows(lead, each string, level int, item, sep, end string) juesuan.NarrativeSentence {
	return juesuan.NarrativeSentence{Text: lead, Each: each, Level: level, Item: item, Sep: sep, End: end}
}

// yoy is the 同比 sentence of fact id named label, in the words of a
// template (year is "年" or "年度").
func yoy(lead, id, label, year string) juesuan.NarrativeSentence {
	return change(lead+"与{prior}"+year+"相比，"+label+"{"+id+".dir}{"+id+".change}[，{"+id+".rdir}{"+id+".rate}]。",
		lead+"与{prior}"+year+"相比，"+label+"持平。")
}

// glossary is the 名词解释 both templates print (they differ in wording
// only slightly; the terms are the table items').
var glossary = []string{
	"一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
	"二、事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。",
	"三、其他收入：指单位取得的除上述收入以外的各项收入。",
	"四、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
	"五、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
	"六、“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
	"七、机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。",
}

func glossaryBlocks() []juesuan.NarrativeBlock {
	out := make([]juesuan.NarrativeBlock, len(glossary))
	for i, g := range glossary {
		out[i] = p(secGlossary, s(g))
	}
	return out
}

// vehicleKinds are the 车辆 kinds of 财决附03, in its order.
var vehicleKinds = []string{"部级领导干部用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "离退休干部用车", "其他用车"}

func vehicleItems() []string {
	out := make([]string, len(vehicleKinds))
	for i, k := range vehicleKinds {
		out[i] = k + "{assets.vehicles." + k + "}辆"
	}
	return out
}

// incomeShares and expenditureShares are the items of the 收入 and 支出
// sections' lists, each with its share, in the order both templates print
// them.
var (
	incomeShares = []string{
		"一般公共预算财政拨款收入{summary.income.generalBudget}[，占{summary.income.generalBudget.share}]",
		"政府性基金预算财政拨款收入{summary.income.govFund}[，占{summary.income.govFund.share}]",
		"国有资本经营预算财政拨款收入{summary.income.stateCapital}[，占{summary.income.stateCapital.share}]",
		"上级补助收入{summary.income.superiorSubsidy}[，占{summary.income.superiorSubsidy.share}]",
		"事业收入{summary.income.business}[，占{summary.income.business.share}]",
		"经营收入{summary.income.operating}[，占{summary.income.operating.share}]",
		"附属单位上缴收入{summary.income.affiliated}[，占{summary.income.affiliated.share}]",
		"其他收入{summary.income.other}[，占{summary.income.other.share}]",
	}
	expenditureShares = []string{
		"基本支出{expenditure.basic}[，占{expenditure.basic.share}]",
		"项目支出{expenditure.project}[，占{expenditure.project.share}]",
		"上缴上级支出{expenditure.toSuperior}[，占{expenditure.toSuperior.share}]",
		"经营支出{expenditure.operating}[，占{expenditure.operating.share}]",
		"对附属单位补助支出{expenditure.toAffiliated}[，占{expenditure.toAffiliated.share}]",
	}
)

// SichuanStyle returns the wording of the Sichuan 2020 情况说明 template
// (the reference disclosure's): parts 部门概况, 部门决算情况说明 and 名词解释,
// sections 一 to 十, the figures as the template states them. The result
// is a fresh copy.
func SichuanStyle() *juesuan.NarrativeStyle {
	b := []juesuan.NarrativeBlock{
		h("第一部分 部门概况", secOverview),
		h("一、机构设置", secOverview),
		p(secOverview, s("{unit}内设机构{staff.departments}个。"),
			s("截至{year}年12月31日，编制{staff.authorized}人，实有在职人员{staff.actual}人，离退休人员{staff.retired}人。")),
		h("第二部分 {year}年度部门决算情况说明", ""),

		h("一、收入支出决算总体情况说明", secOverall),
		p(secOverall, s("{year}年度收、支总计分别为{summary.income.grandTotal}和{summary.expenditure.grandTotal}。"),
			yoy("", "summary.income.grandTotal", "收入总计", "年"),
			yoy("", "summary.expenditure.grandTotal", "支出总计", "年")),

		h("二、收入决算情况说明", secIncome),
		p(secIncome, list("{year}年本年收入合计{summary.income.total}，其中：", "；", "。", incomeShares...)),

		h("三、支出决算情况说明", secExpenditure),
		p(secExpenditure, list("{year}年本年支出合计{summary.expenditure.total}，其中：", "；", "。", expenditureShares...)),

		h("四、财政拨款收入支出决算总体情况说明", secFiscal),
		p(secFiscal, s("{year}年财政拨款收、支总计分别为{fiscal.income.grandTotal}和{fiscal.expenditure.grandTotal}。"),
			yoy("", "fiscal.income.grandTotal", "财政拨款收入总计", "年"),
			yoy("", "fiscal.expenditure.grandTotal", "财政拨款支出总计", "年")),

		h("五、一般公共预算财政拨款支出决算情况说明", secGeneral),
		h("（一）一般公共预算财政拨款支出决算总体情况", secGeneral),
		p(secGeneral, s("{year}年一般公共预算财政拨款支出{generalBudget.total}[，占本年支出合计的{generalBudget.total.share}]。"),
			yoy("", "generalBudget.total", "一般公共预算财政拨款支出", "年")),
		h("（二）一般公共预算财政拨款支出决算结构情况", secGeneral),
		p(secGeneral, rows("{year}年一般公共预算财政拨款支出{generalBudget.total}，主要用于以下方面：", "generalBudget.", 3,
			"{*.name}支出{*}[，占{*.share}]", "；", "。")),
		h("（三）一般公共预算财政拨款支出决算具体情况", secGeneral),
		p(secGeneral, s("{year}年一般公共预算支出决算数为{generalBudget.total}[，完成预算{generalBudget.total.exec}]。其中：")),
		{Section: secGeneral, Each: "generalBudget.", Level: 7, Sentences: []juesuan.NarrativeSentence{
			s("{n}．{*.name}：支出决算为{*}[，完成预算{*.exec}][，{*.cmp}]。",
				"{n}．科目{*.code}：支出决算为{*}[，完成预算{*.exec}][，{*.cmp}]。")}},

		h("六、一般公共预算财政拨款基本支出决算情况说明", secBasic),
		p(secBasic, list("{year}年一般公共预算财政拨款基本支出{generalBudget.basic}，其中：", "；", "。",
			"人员经费{generalBudget.personnel}[，主要包括：{items:301+303}]", "日常公用经费{generalBudget.public}[，主要包括：{items:302+310}]")),

		h("七、“三公”经费财政拨款支出决算情况说明", secThree),
		h("（一）“三公”经费财政拨款支出决算总体情况说明", secThree),
		p(secThree, none("{year}年“三公”经费财政拨款支出决算为{threePublic.total}[，完成预算{threePublic.total.exec}][，{threePublic.total.cmp}]。",
			"{year}年度无“三公”经费财政拨款支出。"),
			change("“三公”经费财政拨款支出决算比{prior}年{threePublic.total.dir}{threePublic.total.change}[，{threePublic.total.rdir}{threePublic.total.rate}]。",
				"“三公”经费财政拨款支出决算与{prior}年持平。")),
		h("（二）“三公”经费财政拨款支出决算具体情况说明", secThree),
		p(secThree, list("{year}年“三公”经费财政拨款支出决算中，", "；", "。",
			"因公出国（境）费支出决算{threePublic.abroad}[，占{threePublic.abroad.share}]",
			"公务用车购置及运行维护费支出决算{threePublic.vehicle}[，占{threePublic.vehicle.share}]",
			"公务接待费支出决算{threePublic.reception}[，占{threePublic.reception.share}]")),
		p(secThree, s("1．因公出国（境）经费支出{threePublic.abroad}[，完成预算{threePublic.abroad.exec}]。"),
			s("全年安排因公出国（境）团组{threePublic.abroadGroups}个，出国（境）{threePublic.abroadPersons}人次。"),
			change("因公出国（境）费支出决算比{prior}年{threePublic.abroad.dir}{threePublic.abroad.change}[，{threePublic.abroad.rdir}{threePublic.abroad.rate}]。",
				"因公出国（境）费支出决算与{prior}年持平。")),
		p(secThree, s("2．公务用车购置及运行维护费支出{threePublic.vehicle}[，完成预算{threePublic.vehicle.exec}]。"),
			change("公务用车购置及运行维护费支出决算比{prior}年{threePublic.vehicle.dir}{threePublic.vehicle.change}[，{threePublic.vehicle.rdir}{threePublic.vehicle.rate}]。",
				"公务用车购置及运行维护费支出决算与{prior}年持平。")),
		p(secThree, s("其中：公务用车购置支出{threePublic.vehiclePurchase}。"), s("全年按规定更新购置公务用车{threePublic.vehiclesPurchased}辆。"),
			s("截至{year}年12月底，公务用车保有量{threePublic.vehiclesHeld}辆。")),
		p(secThree, s("公务用车运行维护费支出{threePublic.vehicleOperation}。")),
		p(secThree, s("3．公务接待费支出{threePublic.reception}[，完成预算{threePublic.reception.exec}]。"),
			change("公务接待费支出决算比{prior}年{threePublic.reception.dir}{threePublic.reception.change}[，{threePublic.reception.rdir}{threePublic.reception.rate}]。",
				"公务接待费支出决算与{prior}年持平。")),
		p(secThree, s("其中：国内公务接待支出{reception.domestic}。"),
			s("国内公务接待{reception.domesticBatches}批次，{reception.domesticPersons}人次。")),
		p(secThree, s("外事接待支出{reception.foreignAffairs}。"),
			s("外事接待{reception.foreignAffairsBatches}批次，{reception.foreignAffairsPersons}人次。")),

		h("八、政府性基金预算财政拨款收入支出决算情况说明", secGovFund),
		p(secGovFund, none("{year}年政府性基金预算财政拨款收入{govFund.income}，政府性基金预算财政拨款支出{govFund.expenditure}。",
			"{unit}{year}年度无政府性基金预算财政拨款收入和支出。")),
		{Section: secGovFund, Each: "govFund.", Level: 7, Sentences: []juesuan.NarrativeSentence{
			s("{n}．{*.name}支出{*}。", "{n}．科目{*.code}支出{*}。")}},
		h("九、国有资本经营预算财政拨款收入支出决算情况说明", secState),
		p(secState, none("{year}年国有资本经营预算财政拨款收入{stateCapital.income}，国有资本经营预算财政拨款支出{stateCapital.expenditure}。",
			"{unit}{year}年度无国有资本经营预算财政拨款收入和支出。")),

		h("十、其他重要事项的情况说明", ""),
		h("（一）机关运行经费支出情况", secOperating),
		p(secOperating, juesuan.NarrativeSentence{
			Text: "{year}年，{unit}机关运行经费支出{operatingCost}，比{prior}年{operatingCost.dir}{operatingCost.change}[，{operatingCost.rdir}{operatingCost.rate}]。",
			Flat: "{year}年，{unit}机关运行经费支出{operatingCost}，与{prior}年持平。",
			None: "{unit}{year}年度无机关运行经费支出。",
			Else: []string{"{year}年，{unit}机关运行经费支出{operatingCost}。"}}),
		h("（二）政府采购支出情况", secProcurement),
		p(secProcurement, list("{year}年，{unit}政府采购支出总额{procurement.total}，其中：", "、", "。",
			"政府采购货物支出{procurement.goods}", "政府采购工程支出{procurement.works}", "政府采购服务支出{procurement.services}"),
			s("授予中小企业合同金额{procurement.awardedSME}[，占政府采购支出总额的{procurement.awardedSME.share}]。"),
			s("其中：授予小微企业合同金额{procurement.awardedSmallMicro}[，占政府采购支出总额的{procurement.awardedSmallMicro.share}]。")),
		h("（三）国有资产占有使用情况", secAssets),
		p(secAssets, vehicles(),
			list("", "，", "。", "单价50万元以上通用设备{assets.generalEquipment}台（套）", "单价100万元以上专用设备{assets.specialEquipment}台（套）",
				"单价100万元（含）以上设备（不含车辆）{assets.equipment100}台（套）")),
		h("（四）预算绩效管理情况", secPerformance),
		p(secPerformance, performance()...),
		h("第三部分 名词解释", secGlossary),
	}
	return &juesuan.NarrativeStyle{Blocks: append(b, glossaryBlocks()...)}
}

// performance are the 预算绩效管理情况 sentences of the 2024 template, which
// state the figures of the 绩效 summary.
func performance() []juesuan.NarrativeSentence {
	return []juesuan.NarrativeSentence{
		list("{year}年，{unit}全过程绩效管理实施情况：", "；", "。",
			"编报绩效目标的{year}年度项目{performance.targetProjects}个[，涉及预算金额{performance.targetAmount}]",
			"绩效跟踪评价的{year}年度项目{performance.monitoredProjects}个[，涉及预算金额{performance.monitoredAmount}]",
			"绩效自评的{year}年度项目{performance.evaluatedProjects}个[，涉及预算金额{performance.evaluatedAmount}]"),
		list("", "，", "。", "绩效自评中共发现问题{performance.problems}个", "已经完成整改的{performance.rectified}个",
			"正在整改的{performance.rectifying}个"),
	}
}

// CentralStyle returns the wording of the central/Shanghai 2024 情况说明
// template: parts 部门概况, 部门决算情况说明 (titled with the unit and the
// year) and 名词解释, sections 一 to 十一 with 预算绩效管理情况 as 十, the
// budgets as 年初预算. The result is a fresh copy.
func CentralStyle() *juesuan.NarrativeStyle {
	b := []juesuan.NarrativeBlock{
		h("第一部分 部门概况", secOverview),
		h("一、机构设置", secOverview),
		p(secOverview, s("{unit}内设机构{staff.departments}个。"),
			s("截至{year}年12月31日，编制{staff.authorized}人，实有在职人员{staff.actual}人，离退休人员{staff.retired}人。")),
		h("第三部分 {unit}{year}年度部门决算情况说明", ""),

		h("一、收入支出决算总体情况说明", secOverall),
		p(secOverall, s("{unit}{year}年度收入总计{summary.income.grandTotal}，支出总计{summary.expenditure.grandTotal}。"),
			yoy("", "summary.income.grandTotal", "收入总计", "年度"),
			yoy("", "summary.expenditure.grandTotal", "支出总计", "年度")),

		h("二、收入决算情况说明", secIncome),
		p(secIncome, list("本年收入合计{summary.income.total}，其中：", "；", "。", incomeShares...)),

		h("三、支出决算情况说明", secExpenditure),
		p(secExpenditure, list("本年支出合计{summary.expenditure.total}，其中：", "；", "。", expenditureShares...)),

		h("四、财政拨款收入支出决算总体情况说明", secFiscal),
		p(secFiscal, s("{unit}{year}年度财政拨款收入总计{fiscal.income.grandTotal}，财政拨款支出总计{fiscal.expenditure.grandTotal}。"),
			yoy("", "fiscal.income.grandTotal", "财政拨款收入总计", "年度"),
			yoy("", "fiscal.expenditure.grandTotal", "财政拨款支出总计", "年度")),

		h("五、一般公共预算财政拨款支出决算情况说明", secGeneral),
		h("（一）一般公共预算财政拨款支出决算总体情况", secGeneral),
		p(secGeneral, s("一般公共预算财政拨款支出{generalBudget.total}[，占本年支出合计的{generalBudget.total.share}]。"),
			yoy("", "generalBudget.total", "一般公共预算财政拨款支出", "年度")),
		h("（二）一般公共预算财政拨款支出决算结构情况", secGeneral),
		p(secGeneral, rows("一般公共预算财政拨款支出{generalBudget.total}，主要用于以下方面：", "generalBudget.", 3,
			"{*.name}{*}[，占{*.share}]", "；", "。")),
		h("（三）一般公共预算财政拨款支出决算具体情况", secGeneral),
		p(secGeneral, s("一般公共预算财政拨款支出年初预算为{generalBudget.total.initial}，支出决算为{generalBudget.total}[，完成年初预算的{generalBudget.total.iexec}]。其中：",
			"一般公共预算财政拨款支出决算为{generalBudget.total}。其中：")),
		{Section: secGeneral, Each: "generalBudget.", Level: 7, Sentences: []juesuan.NarrativeSentence{
			s("{n}、{*.name}。", "{n}、科目{*.code}。"), s("年初预算为{*.initial}，支出决算为{*}[，完成年初预算的{*.iexec}]。", "支出决算为{*}。")}},

		h("六、一般公共预算财政拨款基本支出决算情况说明", secBasic),
		p(secBasic, s("一般公共预算财政拨款基本支出{generalBudget.basic}。"), list("其中：", "；", "。",
			"人员经费{generalBudget.personnel}[，主要包括：{items:301+303}]", "公用经费{generalBudget.public}[，主要包括：{items:302+310}]")),

		h("七、财政拨款“三公”经费支出决算情况说明", secThree),
		h("（一）“三公”经费财政拨款支出决算总体情况说明", secThree),
		p(secThree, none("“三公”经费财政拨款支出年初预算为{threePublic.total.initial}，支出决算为{threePublic.total}[，完成预算的{threePublic.total.exec}]。",
			"{unit}{year}年度无“三公”经费财政拨款支出。")),
		p(secThree, change("{year}年度“三公”经费财政拨款支出决算数比{prior}年度{threePublic.total.dir}{threePublic.total.change}[，{threePublic.total.rdir}{threePublic.total.rate}]。",
			"{year}年度“三公”经费财政拨款支出决算数与{prior}年度持平。")),
		h("（二）“三公”经费财政拨款支出决算具体情况说明", secThree),
		p(secThree, list("“三公”经费财政拨款支出决算中，", "；", "。",
			"因公出国（境）费支出决算{threePublic.abroad}[，占{threePublic.abroad.share}]",
			"公务用车购置及运行维护费支出决算{threePublic.vehicle}[，占{threePublic.vehicle.share}]",
			"公务接待费支出决算{threePublic.reception}[，占{threePublic.reception.share}]")),
		p(secThree, s("1、因公出国（境）费支出{threePublic.abroad}。"),
			s("全年安排因公出国（境）团组{threePublic.abroadGroups}个，出国（境）{threePublic.abroadPersons}人次。")),
		p(secThree, s("2、公务用车购置及运行维护费支出{threePublic.vehicle}。")),
		p(secThree, s("公务用车购置支出为{threePublic.vehiclePurchase}。")),
		p(secThree, s("公务用车运行维护支出{threePublic.vehicleOperation}。"),
			s("{year}年，{unit}开支财政拨款的公务用车保有量为{threePublic.vehiclesHeld}辆。")),
		p(secThree, s("3、公务接待费支出{threePublic.reception}。")),
		p(secThree, s("国内公务接待支出{reception.domestic}。"),
			s("国内公务接待{reception.domesticBatches}批次、{reception.domesticPersons}人次。")),

		h("八、政府性基金预算财政拨款收入支出决算情况说明", secGovFund),
		p(secGovFund, none("{unit}{year}年度政府性基金预算财政拨款收入{govFund.income}，政府性基金预算财政拨款支出{govFund.expenditure}。",
			"{unit}{year}年度无政府性基金预算财政拨款收入和支出。")),
		{Section: secGovFund, Each: "govFund.", Level: 7, Sentences: []juesuan.NarrativeSentence{
			s("{n}．{*.name}支出{*}。", "{n}．科目{*.code}支出{*}。")}},
		h("九、国有资本经营预算财政拨款收入支出决算情况说明", secState),
		p(secState, none("{unit}{year}年度国有资本经营预算财政拨款收入{stateCapital.income}，国有资本经营预算财政拨款支出{stateCapital.expenditure}。",
			"{unit}{year}年度无国有资本经营预算财政拨款收入和支出。")),

		h("十、预算绩效管理情况", secPerformance),
		p(secPerformance, performance()...),

		h("十一、其他重要事项的情况说明", ""),
		h("（一）机关运行经费支出情况", secOperating),
		p(secOperating, juesuan.NarrativeSentence{
			Text: "机关运行经费支出{operatingCost}，比{prior}年度{operatingCost.dir}{operatingCost.change}[，{operatingCost.rdir}{operatingCost.rate}]。",
			Flat: "机关运行经费支出{operatingCost}，与{prior}年度持平。",
			None: "{unit}{year}年度无机关运行经费支出。",
			Else: []string{"机关运行经费支出{operatingCost}。"}}),
		h("（二）政府采购支出情况", secProcurement),
		p(secProcurement, list("{unit}{year}年度政府采购金额（以合同签订为准）为{procurement.total}，其中：", "、", "。",
			"货物采购金额{procurement.goods}", "工程采购金额{procurement.works}", "服务采购金额{procurement.services}")),
		p(secProcurement, list("{year}年度本部门", "，", "。", "面向中小企业预留政府采购项目预算金额{procurement.reservedSME}",
			"面向小微企业预留政府采购项目预算金额{procurement.reservedSmallMicro}"),
			list("", "；", "。", "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{procurement.awardedSMEReserved}",
				"在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额{procurement.awardedSmallMicroReserved}",
				"在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{procurement.awardedSMEOther}")),
		h("（三）国有资产占有使用情况说明", secAssets),
		p(secAssets, vehicles(),
			list("", "，", "。", "单价50万元以上通用设备{assets.generalEquipment}台（套）", "单价100万元以上专用设备{assets.specialEquipment}台（套）",
				"单价100万元（含）以上设备（不含车辆）{assets.equipment100}台（套）")),
		h("第四部分 名词解释", secGlossary),
	}
	return &juesuan.NarrativeStyle{Blocks: append(b, glossaryBlocks()...)}
}

// vehicles lists the 车辆 of 财决附03 by kind, with the 截至 date when the
// document states it.
func vehicles() juesuan.NarrativeSentence {
	v := list("截至{asof}，{unit}共有车辆{assets.vehicles}辆，其中：", "、", "。", vehicleItems()...)
	v.Else = []string{"{unit}共有车辆{assets.vehicles}辆，其中："}
	return v
}
