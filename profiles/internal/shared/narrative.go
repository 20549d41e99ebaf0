package shared

import "github.com/cnfiscal/juesuan/accounts/narrative"

// Building blocks of the patterns.
const (
	lp     = `[（(]`
	rp     = `[）)]`
	abrd   = `出国` + lp + `境` + rp  // 出国（境）
	three  = `[“"‘']?三公[”"’']?`    // “三公”
	fee    = `(?:费用|经费|费)?(?:支出)?` // optional 费 and 支出
	equip  = `台` + lp + `套` + rp   // 台（套）
	qty    = `(?:数量|数)?`           // optional 数量
	alt    = `(?:、|和|及|与)?`        // 收、支
	nodata = `[^。；]{0,60}无数据`
	year   = `(?:(?:19|20)[0-9]{2}\s*年度?)?` // an optional year
	num    = `([0-9][0-9,]*(?:\.[0-9]+)?)`  // the number a phrase ties
	near   = `[^。；;]{0,40}?`                // within the clause run
)

var equipUnits = []string{"台（套）", "台(套)", "台", "套"}

// tp are the contexts where the “三公” items are restated: the 三公 section
// and 其他重要事项 (and text outside any known section, such as a summary
// at the top of a report).
var tp = []string{"threePublic", "other"}

// Patterns returns the patterns of the Sichuan 2020 and the
// central/Shanghai 2024 narrative templates. The result is a fresh copy that
// the caller may change.
func Patterns() *narrative.Patterns {
	return &narrative.Patterns{
		Required: required(),
		Headings: []narrative.HeadingPattern{
			{Level: 0, Text: `概况`, Context: "overview"},
			{Level: 0, Text: `决算情况说明|决算说明`, Context: "accounts"},
			{Level: 0, Text: `名词解释`, Context: "glossary"},
			{Level: 0, Text: `附表|附件`, Context: "tables"},
			{Level: 0, Text: `绩效(?:评价|自评)报告$|绩效评价结果$`, Context: "evaluation", Unnumbered: true},

			// 政府性基金预算财政拨款收入支出决算情况说明 also matches the
			// fiscal pattern: the fund sections come first.
			{Level: 1, Text: `政府性基金预算`, Context: "govFund"},
			{Level: 1, Text: `国有资本经营预算`, Context: "stateCapital"},
			{Level: 1, Text: `财政拨款收入支出决算`, Context: "fiscal"},
			{Level: 1, Text: `收入支出决算总体情况|收入支出决算情况`, Context: "overall"},
			{Level: 1, Text: `一般公共预算财政拨款基本支出`, Context: "basic"},
			{Level: 1, Text: `一般公共预算财政拨款支出决算`, Context: "generalBudget"},
			{Level: 1, Text: three + `经费`, Context: "threePublic"},
			{Level: 1, Text: `收入决算情况`, Context: "income"},
			{Level: 1, Text: `支出决算情况`, Context: "expenditure"},
			{Level: 1, Text: `预算绩效管理|绩效管理情况`, Context: "performance"},
			// 其他重要事项 and its common variants (其他需要说明的情况 …).
			{Level: 1, Text: `其他重要事项|其他需要说明的(?:情况|事项|问题)|其他(?:有关|相关)?(?:情况|事项)(?:的)?说明|需要说明的其他(?:情况|事项)`, Context: "other"},

			{Level: 2, Parent: "generalBudget", Text: `总体情况`, Context: "generalBudget/overall"},
			{Level: 2, Parent: "generalBudget", Text: `结构`, Context: "generalBudget/structure"},
			{Level: 2, Parent: "generalBudget", Text: `具体情况`, Context: "generalBudget/detail"},
			{Level: 2, Parent: "threePublic", Text: `总体情况`, Context: "threePublic/overall"},
			{Level: 2, Parent: "threePublic", Text: `具体情况`, Context: "threePublic/detail"},
			{Level: 2, Parent: "other", Text: `机关运行经费`, Context: "other/operatingCost"},
			{Level: 2, Parent: "other", Text: `政府采购`, Context: "other/procurement"},
			{Level: 2, Parent: "other", Text: `国有资产|资产占用|资产占有`, Context: "other/assets"},
			{Level: 2, Parent: "other", Text: `绩效`, Context: "other/performance"},
		},
		Labels: []narrative.LabelPattern{
			// 收入支出总计 (说明一, 说明四).
			{Label: `财政拨款收入?` + alt + `支出?总计`, Facts: []string{"fiscal.income.grandTotal", "fiscal.expenditure.grandTotal"}},
			{Label: `收入?` + alt + `支出?总计`, Facts: []string{"fiscal.income.grandTotal", "fiscal.expenditure.grandTotal"}, Contexts: []string{"fiscal"}},
			{Label: `收入?` + alt + `支出?总计`, Facts: []string{"summary.income.grandTotal", "summary.expenditure.grandTotal"}},
			{Label: `财政拨款收入总计`, Facts: []string{"fiscal.income.grandTotal"}},
			{Label: `财政拨款支出总计`, Facts: []string{"fiscal.expenditure.grandTotal"}},
			{Label: `收入总计`, Facts: []string{"summary.income.grandTotal"}},
			{Label: `支出总计`, Facts: []string{"summary.expenditure.grandTotal"}},
			{Label: `本年收入合计|本年收入`, Facts: []string{"fiscal.income.total"}, Contexts: []string{"fiscal"}},
			{Label: `本年支出合计|本年支出`, Facts: []string{"fiscal.expenditure.total"}, Contexts: []string{"fiscal"}},
			{Label: `本年收入合计|本年收入|总收入`, Facts: []string{"summary.income.total"}},
			{Label: `收入合计`, Facts: []string{"summary.income.total"}, Exact: true},
			{Label: `本年支出合计|本年支出|总支出`, Facts: []string{"summary.expenditure.total"}},
			{Label: `支出合计`, Facts: []string{"summary.expenditure.total"}, Exact: true},

			// 收入 by source (说明二, 说明四).
			{Label: `一般公共预算(?:财政)?拨款(?:收入)?`, Facts: []string{"fiscal.income.generalBudget"}, Contexts: []string{"fiscal"}},
			{Label: `政府性基金预算(?:财政)?拨款(?:收入)?`, Facts: []string{"fiscal.income.govFund"}, Contexts: []string{"fiscal"}},
			{Label: `国有资本经营预算(?:财政)?拨款(?:收入)?`, Facts: []string{"fiscal.income.stateCapital"}, Contexts: []string{"fiscal"}},
			{Label: `政府性基金预算(?:财政)?拨款收入`, Facts: []string{"govFund.income"}, Contexts: []string{"govFund"}},
			{Label: `国有资本经营预算(?:财政)?拨款收入`, Facts: []string{"stateCapital.income"}, Contexts: []string{"stateCapital"}},
			{Label: `一般公共预算(?:财政)?拨款(?:收入)?`, Facts: []string{"summary.income.generalBudget"}, Contexts: []string{"overall", "income"}},
			{Label: `政府性基金预算(?:财政)?拨款(?:收入)?`, Facts: []string{"summary.income.govFund"}, Contexts: []string{"overall", "income"}},
			{Label: `国有资本经营预算(?:财政)?拨款(?:收入)?`, Facts: []string{"summary.income.stateCapital"}, Contexts: []string{"overall", "income"}},
			{Label: `一般公共预算(?:财政)?拨款收入`, Facts: []string{"summary.income.generalBudget"}},
			{Label: `政府性基金预算(?:财政)?拨款收入`, Facts: []string{"summary.income.govFund"}},
			{Label: `国有资本经营预算(?:财政)?拨款收入`, Facts: []string{"summary.income.stateCapital"}},
			{Label: `上级补助收入`, Facts: []string{"summary.income.superiorSubsidy"}},
			{Label: `事业收入`, Facts: []string{"summary.income.business"}, Exact: true},
			{Label: `经营收入`, Facts: []string{"summary.income.operating"}, Exact: true},
			{Label: `附属单位上缴收入`, Facts: []string{"summary.income.affiliated"}},
			{Label: `其他收入`, Facts: []string{"summary.income.other"}, Exact: true},
			{Label: `财政拨款收入|财政预算拨款|财政拨款`, Facts: []string{"fiscal.income.total"}, Contexts: []string{"overall", "income", "fiscal"}, Exact: true},
			{Label: `财政预算支付数?|财政拨款支出|财政资金支出`, Facts: []string{"fiscal.expenditure.total"}, Exact: true},

			// 支出 (说明三) and 一般公共预算 (说明五, 说明六).
			{Label: `一般公共预算(?:财政)?拨款基本支出`, Facts: []string{"generalBudget.basic"}},
			{Label: `基本支出`, Facts: []string{"generalBudget.basic"}, Contexts: []string{"generalBudget", "basic"}, Exact: true},
			{Label: `基本支出`, Facts: []string{"expenditure.basic"}, Exact: true},
			{Label: `一般公共预算(?:财政)?拨款项目支出`, Facts: []string{"generalBudget.project"}},
			{Label: `项目支出`, Facts: []string{"generalBudget.project"}, Contexts: []string{"generalBudget", "basic"}, Exact: true},
			{Label: `项目支出`, Facts: []string{"expenditure.project"}, Exact: true},
			{Label: `上缴上级支出`, Facts: []string{"expenditure.toSuperior"}},
			{Label: `经营支出`, Facts: []string{"expenditure.operating"}, Exact: true},
			{Label: `对附属单位补助支出`, Facts: []string{"expenditure.toAffiliated"}},
			{Label: `一般公共预算(?:财政)?拨款(?:支出)?`, Facts: []string{"generalBudget.total"}, Contexts: []string{"generalBudget"}},
			{Label: `一般公共预算(?:财政)?(?:拨款)?支出`, Facts: []string{"generalBudget.total"}},
			{Label: `人员经费`, Facts: []string{"generalBudget.personnel"}, Contexts: []string{"basic"}, Exact: true},
			{Label: `(?:日常)?公用经费`, Facts: []string{"generalBudget.public"}, Contexts: []string{"basic"}, Exact: true},

			// “三公” (说明七).
			{Label: three + `经费(?:财政拨款)?(?:支出)?(?:合计|总额)?`, Facts: []string{"threePublic.total"}},
			{Label: `因公` + abrd + fee, Facts: []string{"threePublic.abroad"}, Contexts: tp},
			{Label: `公务用车购置及运行(?:维护)?` + fee, Facts: []string{"threePublic.vehicle"}, Contexts: tp},
			{Label: `公务用车购置` + fee, Facts: []string{"threePublic.vehiclePurchase"}, Contexts: tp},
			{Label: `(?:公务用车|公车)运行(?:维护)?` + fee, Facts: []string{"threePublic.vehicleOperation"}, Contexts: tp},
			{Label: `公务接待` + fee, Facts: []string{"threePublic.reception"}, Contexts: tp},
			{Label: `国内公务接待` + fee, Facts: []string{"reception.domestic"}, Contexts: tp},
			{Label: `(?:外事接待|外宾接待|接待外宾)` + fee, Facts: []string{"reception.foreignAffairs"}, Contexts: tp},
			{Label: `国` + lp + `境` + rp + `外公务接待` + fee, Facts: []string{"reception.overseas"}, Contexts: tp},
			{Label: `团组` + qty, Facts: []string{"threePublic.abroadGroups"}, Units: []string{"个", "次"}, Contexts: tp},
			{Label: abrd + `(?:团组)?` + qty, Facts: []string{"threePublic.abroadPersons"}, Units: []string{"人", "人次"}, Contexts: tp},
			{Label: `(?:购置|更新)(?:公务用车|车辆)` + qty + `|公务用车购置` + qty, Facts: []string{"threePublic.vehiclesPurchased"}, Units: []string{"辆"}, Contexts: tp},
			{Label: `保有量`, Facts: []string{"threePublic.vehiclesHeld"}, Units: []string{"辆"}},
			{Label: `国内公务接待`, Facts: []string{"reception.domesticBatches"}, Units: []string{"批次"}, Contexts: tp},
			{Label: `国内公务接待`, Facts: []string{"reception.domesticPersons"}, Units: []string{"人次", "人"}, Contexts: tp},
			{Label: `外事接待|外宾接待|接待外宾`, Facts: []string{"reception.foreignAffairsBatches"}, Units: []string{"批次"}, Contexts: tp},
			{Label: `外事接待|外宾接待|接待外宾`, Facts: []string{"reception.foreignAffairsPersons"}, Units: []string{"人次", "人"}, Contexts: tp},

			// 政府性基金 (说明八), 国有资本经营 (说明九).
			{Label: `政府性基金(?:预算)?(?:财政)?(?:拨款)?支出`, Facts: []string{"govFund.expenditure"}},
			{Label: `国有资本经营(?:预算)?(?:财政)?(?:拨款)?支出`, Facts: []string{"stateCapital.expenditure"}},

			// 其他重要事项.
			{Label: `机关运行经费(?:支出)?`, Facts: []string{"operatingCost"}},
			{Label: `政府采购(?:支出)?(?:总额|总金额|金额)|政府采购支出`, Facts: []string{"procurement.total"}},
			{Label: `(?:政府采购)?货物(?:采购)?(?:支出|金额)?`, Facts: []string{"procurement.goods"}, Contexts: []string{"other"}},
			{Label: `(?:政府采购)?工程(?:采购)?(?:支出|金额)?`, Facts: []string{"procurement.works"}, Contexts: []string{"other"}},
			{Label: `(?:政府采购)?服务(?:采购)?(?:支出|金额)?`, Facts: []string{"procurement.services"}, Contexts: []string{"other"}},
			{Label: `授予中小企业(?:合同)?金额`, Facts: []string{"procurement.awardedSME"}},
			{Label: `授予小微企业(?:合同)?金额`, Facts: []string{"procurement.awardedSmallMicro"}},
			{Label: `面向中小企业预留(?:政府采购)?(?:项目)?(?:预算)?金额`, Facts: []string{"procurement.reservedSME"}},
			{Label: `面向小微企业预留(?:政府采购)?(?:项目)?(?:预算)?金额`, Facts: []string{"procurement.reservedSmallMicro"}},

			// 人员编制和机构设置 (部门概况), 预算绩效管理情况 (说明十 of 2024).
			{Label: `编制(?:数|人数|总数)?`, Facts: []string{"staff.authorized"}, Units: []string{"人"}},
			{Label: `实有人数|在职人数|在职人员|现有人员|实有在职人员`, Facts: []string{"staff.actual"}, Units: []string{"人"}},
			{Label: `离退休人员`, Facts: []string{"staff.retired"}, Units: []string{"人"}, Exact: true},
			{Label: `内设(?:机构|处室|科室)(?:数)?`, Facts: []string{"staff.departments"}, Units: []string{"个"}},
			{Label: `编报绩效目标的` + year + `项目`, Facts: []string{"performance.targetProjects"}, Units: []string{"个"}},
			{Label: `绩效(?:跟踪|监控)(?:评价)?的` + year + `项目`, Facts: []string{"performance.monitoredProjects"}, Units: []string{"个"}},
			{Label: `绩效自评的` + year + `项目`, Facts: []string{"performance.evaluatedProjects"}, Units: []string{"个"}},
			{Label: `绩效评级为[“"]?(优|良|合格|不合格|中|差)[”"]?的项目`, Facts: []string{"performance.grade.${1}"}, Units: []string{"个"}},
			{Label: `绩效自评中(?:共)?发现问题`, Facts: []string{"performance.problems"}, Units: []string{"个"}},
			{Label: `(?:已经|已)完成整改的`, Facts: []string{"performance.rectified"}, Units: []string{"个"}},
			{Label: `正在整改的`, Facts: []string{"performance.rectifying"}, Units: []string{"个"}},
			{Label: `共有车辆|车辆(?:总数|合计)`, Facts: []string{"assets.vehicles"}, Units: []string{"辆"}},
			{Label: `(部级领导干部|主要领导干部|机要通信|应急保障|执法执勤|特种专业技术|离退休干部|其他)用车`, Facts: []string{"assets.vehicles.${1}用车"}, Units: []string{"辆"}, Contexts: []string{"other"}},
			{Label: `万元\s*(?:` + lp + `含` + rp + `)?以上(?:的)?通用设备`, Facts: []string{"assets.generalEquipment"}, Units: equipUnits},
			{Label: `万元\s*(?:` + lp + `含` + rp + `)?以上(?:的)?专用设备`, Facts: []string{"assets.specialEquipment"}, Units: equipUnits},
			{Label: `万元\s*(?:` + lp + `含` + rp + `)?以上(?:的)?设备`, Facts: []string{"assets.equipment100"}, Units: equipUnits},
		},
		Rows: []narrative.RowContext{
			{Context: "generalBudget", Prefix: "generalBudget."},
			{Context: "govFund", Prefix: "govFund."},
			{Context: "stateCapital", Prefix: "stateCapital."},
		},
		Empty: []narrative.EmptyPattern{
			{Text: `政府性基金预算财政拨款` + three + `经费支出决算表` + nodata + `|政府性基金[^。；，]{0,8}未发生` + three + `经费`, Facts: []string{"govFundThreePublic.total"}},
			{Text: `(?:无|没有|未发生)` + three + `经费(?:财政拨款)?支出|` + three + `经费(?:财政拨款)?支出决算表` + nodata, Facts: []string{"threePublic.total"}},
			{Text: `(?:无|没有)政府性基金预算财政拨款收入(?:和|、|及)?支出|政府性基金预算财政拨款收入支出决算表` + nodata, Facts: []string{"govFund.income", "govFund.expenditure"}},
			{Text: `(?:无|没有)国有资本经营预算财政拨款收入(?:和|、|及)?支出|国有资本经营预算财政拨款收入支出决算表` + nodata, Facts: []string{"stateCapital.income", "stateCapital.expenditure"}},
			{Text: `国有资本经营预算财政拨款支出决算表` + nodata, Facts: []string{"stateCapital.expenditure"}},
			{Text: `(?:无|没有)机关运行经费支出`, Facts: []string{"operatingCost"}},
		},
		Alternatives: []string{
			"增加|减少", "增长|下降", "上升|下降", "增长|减少", "增加|下降", "增加|降低", "上升|降低",
			"大于|小于", "高于|低于", "超过|低于", "多于|少于",
		},
		Placeholders: []string{
			`(?:X|Ｘ){2,}|x{2,}|×{2,}|✕{2,}`,
			`某某`,
			`[□○]{2,}`,
			`(?:…|\.{3}|。{3})+\s*` + lp + `具体[^）)]{0,10}` + rp,
			lp + `(?:具体工作|具体内容|单位名称|部门名称|项目名称|制度名称|科目名称)` + rp,
		},
		Instructions: []narrative.InstructionPattern{
			{Scope: narrative.InParens, Text: `罗列`},
			{Scope: narrative.InParens, Text: `请(?:根据|参照|按|在|于|结合|务必|注意|删除|填写)`},
			{Scope: narrative.InParens, Text: `如(?:持平|无|不涉及|没有)[^）)]{0,12}(?:作|填|写|表述|说明|列)`},
			{Scope: narrative.InParens, Text: `不涉及的(?:可)?不列`},
			{Scope: narrative.InParens, Text: `均需公开|(?:选取|全部)[^）)]{0,12}进行公开`},
			{Scope: narrative.InParens, Text: `可以?不(?:写|填|列|说明|公开)`},
			{Scope: narrative.InParens, Text: `可用表格`},
			{Scope: narrative.InParens, Text: `(?:无|没有)[^）)]{0,10}的(?:单位|部门)[^）)]{0,20}(?:保留|不列|不填|不写)`},
			{Scope: narrative.InParens, Text: `按上述格式`},
			{Scope: narrative.InParens, Text: `根据本(?:部门|单位)[^）)]{0,30}(?:增减|罗列|填写|列示)`},
			{Scope: narrative.Standalone, Text: `参照|根据[^）)]{0,20}(?:实际|要求)|按照[^）)]{0,20}(?:填写|公开)`},
			{Scope: narrative.Sentence, Text: `^说明[^：:，,。]{2,60}(?:情况|步骤|方法|原因|效果)等?。?$`},
			{Scope: narrative.Sentence, Text: `^包括[^。]{2,150}等情况`},
			{Scope: narrative.Sentence, Text: `^[^。了已将]{0,150}(?:进行|作|做)(?:全面|重点|总体)(?:分析|评价)(?:说明|评价)?。?$`},
			{Scope: narrative.Sentence, Text: `^[^。了已将]{0,150}分析(?:说明|评价)。?$`},
			{Scope: narrative.Sentence, Text: `^结合[^。了已将]{1,60}，(?:总体)?(?:分析|评价)`},
			{Scope: narrative.Sentence, Text: `^按上述格式`},
			{Scope: narrative.Sentence, Text: `的(?:部门|单位)，作下述说明`},
			{Scope: narrative.Sentence, Text: `[，,]\s*列明[^。了]{2,40}。?$`},
			// An instruction left under a table: "此处填写…", "请在此填写…".
			// The template's own notes (注：本表反映…) stay.
			{Scope: narrative.Sentence, Text: `(?:此处|在此|本栏|该栏)(?:请)?(?:填写|填列|录入|补充|说明|列示)|^请(?:在此|于此|在下方|在表下)?(?:填写|填列|补充说明)`},
		},
		Years: []narrative.YearPattern{
			{Text: `(?:比|较)\s*((?:19|20)\d{2})\s*年`, Offset: -1, What: "同比的比较年度"},
			{Text: `与\s*((?:19|20)\d{2})\s*年\s*度?[^，。；]{0,8}?相比`, Offset: -1, What: "同比的比较年度"},
			{Text: `截[至止]\s*((?:19|20)\d{2})\s*年\s*(?:12|十二)\s*月`, Offset: 0, What: "年末时点"},
			{Text: `(?:^|[^比较与同\s])\s*((?:19|20)\d{2})\s*年\s*度?\s*部门决算`, Offset: 0, What: "决算年度"},
		},
		Punctuation:  `[，、；。,;][，、；。：,;]|[：:][，、；。：,;]`,
		CountUnits:   []string{"批次", "人次", "台（套）", "台(套)", "台", "套", "辆", "个", "期", "条", "次", "人", "册"},
		NotRestating: `退回|收回|压缩|追加|调减|调增|核减|核销|节约|节省|实有|置换|捐赠`,
		Purposes:     purposes,
		Phrases: []narrative.PhrasePattern{
			// 政府采购 awards to 中小企业 by kind of project (2024 template).
			{Text: `面向中小企业预留的?政府采购项目中` + near + `中小企业` + near + `采购金额(?:为)?\s*` + num, Fact: "procurement.awardedSMEReserved"},
			{Text: `面向小微企业预留的?政府采购项目中` + near + `小微企业` + near + `采购金额(?:为)?\s*` + num, Fact: "procurement.awardedSmallMicroReserved"},
			{Text: `其他政府采购项目中` + near + `中小企业` + near + `采购金额(?:为)?\s*` + num, Fact: "procurement.awardedSMEOther"},
			// 预算绩效管理情况: the money the projects involve.
			{Text: `编报绩效目标的` + near + `涉及预算金额(?:为)?\s*` + num, Fact: "performance.targetAmount"},
			{Text: `绩效(?:跟踪|监控)(?:评价)?的` + near + `涉及预算金额(?:为)?\s*` + num, Fact: "performance.monitoredAmount"},
			{Text: `绩效自评的` + near + `涉及预算金额(?:为)?\s*` + num, Fact: "performance.evaluatedAmount"},
		},
		Funds: `预留(?:的)?(?:政府采购)?(?:项目)?预算|一般公共预算|政府性基金预算|国有资本经营预算|预算绩效|预算拨款|预算财政拨款|预算支付|预算单位|预算管理|预算编制`,
	}
}

// purposes are the meanings of the 项 whose purpose texts narratives
// confuse most (the 人员经费-like 项 every department has): each code once,
// with the words that describe it. The names are those of the 2020–2024
// 支出功能分类科目.
var purposes = []narrative.PurposePattern{
	{Code: "2080501", Name: "行政单位离退休", Keywords: `离退休|离休|退休`},
	{Code: "2080502", Name: "事业单位离退休", Keywords: `离退休|离休|退休`},
	{Code: "2080505", Name: "机关事业单位基本养老保险缴费支出", Keywords: `养老`},
	{Code: "2080506", Name: "机关事业单位职业年金缴费支出", Keywords: `职业年金|年金`},
	{Code: "2101101", Name: "行政单位医疗", Keywords: `医疗|医保`},
	{Code: "2101102", Name: "事业单位医疗", Keywords: `医疗|医保`},
	{Code: "2101103", Name: "公务员医疗补助", Keywords: `医疗|医保`},
	{Code: "2210201", Name: "住房公积金", Keywords: `公积金`},
	{Code: "2210202", Name: "提租补贴", Keywords: `提租|租金|房租`},
	{Code: "2210203", Name: "购房补贴", Keywords: `购房|住房补贴`},
}
