package narrative_test

import (
	"strings"
	"testing"

	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/google/go-cmp/cmp"
)

// tieFacts are smallFacts with what the ties of issue 15 read: the unit's
// name, the 基本支出 table's economic 款, a blank 三公 cell, a 住房公积金 row,
// 机关运行经费 without last year, a 年初预算 of 0 and 政府采购.
func tieFacts() *narrative.Facts {
	f := smallFacts()
	f.UnitName = "德阳市档案馆"
	f.AssetsAsOf = "2024-12-31"
	f.Economic = []narrative.EconomicItem{
		{Code: "30101", Name: "基本工资", Value: narrative.Figure{Amount: mustAmount("300.00"), Path: "/tables/generalBudgetBasic/rows/1/amount"}},
		{Code: "30102", Name: "津贴补贴", Value: narrative.Figure{Amount: mustAmount("0"), Path: "/tables/generalBudgetBasic/rows/2/amount"}},
		{Code: "30113", Name: "住房公积金", Missing: true},
		{Code: "30201", Name: "办公费", Value: narrative.Figure{Amount: mustAmount("10.00"), Path: "/tables/generalBudgetBasic/rows/3/amount"}},
		{Code: "30239", Name: "其他交通费用", Value: narrative.Figure{Amount: mustAmount("0"), Path: "/tables/generalBudgetBasic/rows/4/amount"}},
	}
	for i := range f.Items {
		switch f.Items[i].ID {
		case "operatingCost":
			f.Items[i].Prior = narrative.Figure{Amount: mustAmount("0"), Path: "/priorYear/operatingCost"}
		case "generalBudget.total":
			f.Items[i].InitialBudget = narrative.Figure{Amount: mustAmount("0"), Path: "/tables/z01_1/initial"}
			f.Items[i].Budget = narrative.Figure{Amount: mustAmount("800.00"), Path: "/tables/z01_1/adjusted"}
		}
	}
	f.Items = append(f.Items,
		narrative.Fact{ID: "threePublic.abroad", Title: "因公出国（境）费", Value: narrative.Figure{Path: "/tables/threePublic/actual/abroad"}},
		narrative.Fact{ID: "threePublic.abroadGroups", Title: "因公出国（境）团组数", Count: true, Value: narrative.Figure{Path: "/tables/f03/threePublic/abroadGroups"}},
		row("generalBudget.221", "221", "26.75", "住房保障支出"),
		row("generalBudget.22102", "22102", "26.75", "住房保障支出", "住房改革支出"),
		row("generalBudget.2210201", "2210201", "26.75", "住房保障支出", "住房改革支出", "住房公积金"),
		row("generalBudget.2130508", "2130508", "5.55", "农林水支出", "巩固脱贫攻坚成果衔接乡村振兴", "“三西”农业建设专项补助"),
		fact("procurement.total", "政府采购支出总额", "100.00"),
		fact("procurement.goods", "政府采购货物支出", "50.00", "whole", "procurement.total"),
		fact("procurement.awardedSME", "授予中小企业合同金额", "80.00", "whole", "procurement.total"),
		fact("procurement.awardedSMEReserved", "预留项目中授予中小企业合同金额", "30.00"),
		fact("procurement.awardedSMEOther", "其他项目中授予中小企业合同金额", "50.00"),
		fact("procurement.reservedSME", "面向中小企业预留金额", "40.00"),
		fact("procurement.reservedSmallMicro", "面向小微企业预留金额", "10.00"),
		countFact("performance.targetProjects", "编报绩效目标的项目数", 5),
		fact("performance.targetAmount", "编报绩效目标的项目涉及预算金额", "280.00"),
		countFact("performance.grade.优", "绩效评级为优的项目数", 3),
		countFact("staff.authorized", "编制数", 20),
		countFact("staff.departments", "内设机构数", 4),
	)
	return f
}

// TestTies runs each tie of issue 15 (C19–C27, and the C13 and heading
// additions) on narratives where it fires and where it stays quiet.
func TestTies(t *testing.T) {
	const (
		gb    = "五、一般公共预算财政拨款支出决算情况说明\n"
		basic = "六、一般公共预算财政拨款基本支出决算情况说明\n"
		tp    = "七、“三公”经费财政拨款支出决算情况说明\n"
	)
	tests := []struct {
		name  string
		rules []string
		small bool // lint with smallFacts instead of tieFacts
		text  string
		want  []want
	}{
		// C19: 科目 names.
		{"C19 a 项 name the table does not have", []string{"C19"}, false,
			gb + "1．一般公共服务（类）支出-政府办公厅（室）及相关机构（款）-行政执行（项）: 支出决算为700.00万元。\n",
			[]want{{"C19", "warning", 2, "700.00"}}},
		{"C19 a 款 name that is not the row's parent", []string{"C19", "C5"}, false,
			gb + "1．一般公共服务（类）支出-政府机关事务（款）-行政运行（项）: 支出决算为700.00万元。\n",
			[]want{{"C19", "warning", 2, "700.00"}}},
		{"C19 quiet with the table's names", []string{"C19"}, false,
			gb + "1．一般公共服务（类）支出-政府办公厅（室）及相关机构（款）-行政运行（项）: 支出决算为700.00万元。\n", nil},
		{"C19 quiet with a quoted name", []string{"C19"}, false,
			gb + "1．农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）“三西”农业建设专项补助（项）: 支出决算为5.55万元。\n", nil},
		{"C19 a quoted name that is not the table's", []string{"C19"}, false,
			gb + "1．农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）“两西”农业建设专项补助（项）: 支出决算为5.55万元。\n",
			[]want{{"C19", "warning", 2, "5.55"}}},
		{"C19 quiet when no row has the figure", []string{"C19"}, false,
			gb + "1．一般公共服务（类）支出-政府办公厅（室）及相关机构（款）-行政执行（项）: 支出决算为12.34万元。\n", nil},

		// C20: item lists.
		{"C20 items at 0, missing and of the other kind", []string{"C20"}, false,
			basic + "人员经费500.00万元，主要包括：基本工资、津贴补贴、住房公积金、办公费等。\n",
			[]want{{"C20", "warning", 2, "津贴补贴"}, {"C20", "warning", 2, "住房公积金"}, {"C20", "warning", 2, "办公费"}}},
		{"C20 公用经费 list ends at the full stop", []string{"C20"}, false,
			basic + "公用经费10.00万元，主要包括：办公费、其他交通费等。基本工资为人员经费。\n",
			[]want{{"C20", "warning", 2, "其他交通费"}}},
		{"C20 quiet", []string{"C20"}, false,
			basic + "人员经费500.00万元，主要包括：基本工资、其他工资福利支出等（不涉及的不列）；公用经费10.00万元，主要包括：办公费。\n", nil},
		{"C20 quiet without the table's items", []string{"C20"}, true,
			basic + "人员经费500.00万元，主要包括：基本工资、津贴补贴等。\n", nil},

		// C21: the unit's name.
		{"C21 title", []string{"C21"}, false, "德阳市档案局2024年度部门决算\n",
			[]want{{"C21", "warning", 1, "德阳市档案局"}}},
		{"C21 part heading", []string{"C21"}, false, "第一部分 德阳市档案局概况\n",
			[]want{{"C21", "warning", 1, "德阳市档案局"}}},
		{"C21 单位名称", []string{"C21"}, false, "单位名称：德阳市档案局\n",
			[]want{{"C21", "warning", 1, "德阳市档案局"}}},
		{"C21 quiet", []string{"C21"}, false,
			"德阳市档案馆2024年度部门决算\n第一部分 德阳市档案馆概况\n第三部分 德阳市档案馆2024年度部门决算情况说明\n纳入德阳市档案馆2024年度部门决算编制范围的单位包括：\n根据市财政局2024年度部门决算批复填列。\n本单位2024年度部门决算如下。\n上海市XX局2024年度部门决算\n", nil},
		{"C21 part heading with the year", []string{"C21"}, false, "第三部分 德阳市档案局2024年度部门决算情况说明\n",
			[]want{{"C21", "warning", 1, "德阳市档案局"}}},

		// C22: a rate from a zero base.
		{"C22 增长100% from 0", []string{"C22", "C10"}, false,
			"机关运行经费支出80.00万元，比2023年增加80.00万元，增长100%。\n",
			[]want{{"C22", "error", 1, "100%"}}},
		{"C22 同比增长 against the table's 0", []string{"C22", "C10"}, false,
			"机关运行经费支出80.00万元，同比增长100.00%。\n",
			[]want{{"C22", "error", 1, "100.00%"}}},
		{"C22 增幅 from a derived 0", []string{"C22", "C10"}, false,
			"政府性基金预算财政拨款收入支出决算情况：政府采购支出总额100.00万元，与2023年相比增加100.00万元，增幅100%。\n",
			[]want{{"C22", "error", 1, "100%"}}},
		{"C22 quiet without a rate", []string{"C22", "C10"}, false,
			"机关运行经费支出80.00万元，比2023年增加80.00万元。\n", nil},
		{"C22 quiet from a non-zero base", []string{"C22", "C10"}, true,
			"机关运行经费支出80.00万元，比2023年减少20.00万元，下降20.00%。\n", nil},

		// C23: 完成年初预算 % when 年初预算 is 0.
		{"C23 ratio against 全年预算", []string{"C23", "C6"}, false,
			gb + "一般公共预算财政拨款支出决算为700.00万元，完成年初预算的87.50%。\n",
			[]want{{"C23", "error", 2, "87.50"}}},
		{"C23 stated 年初预算 of 0", []string{"C23", "C6"}, false,
			gb + "一般公共预算财政拨款支出年初预算为0万元，支出决算为700.00万元，完成年初预算的87.50%。\n",
			[]want{{"C23", "error", 2, "87.50"}}},
		{"C23 quiet with a 年初预算", []string{"C23", "C6"}, true,
			gb + "一般公共预算财政拨款支出年初预算为800.00万元，支出决算为700.00万元，完成年初预算的87.50%。\n", nil},

		// C24: a share without %.
		{"C24 fires", []string{"C24"}, false,
			"二、收入决算情况说明\n本年收入合计900.00万元，其中：事业收入300.00万元，占33.33；其他收入占比为5。\n",
			[]want{{"C24", "warning", 2, "33.33"}, {"C24", "warning", 2, "5。"}}},
		{"C24 比重 without %", []string{"C24"}, false,
			"三、支出决算情况说明\n基本支出600.00万元，占全部支出的比重为75；\n",
			[]want{{"C24", "warning", 2, "75"}}},
		{"C24 quiet", []string{"C24"}, false,
			"二、收入决算情况说明\n事业收入300.00万元，占33.33%；项目规划占地3181.8亩，占用房屋1200平方米，占全年的1/3。\n", nil},

		// C25: a 三公 figure the table leaves blank.
		{"C25 amount and count", []string{"C25", "C8", "C18"}, false,
			tp + "因公出国（境）费支出5.00万元。全年安排因公出国（境）团组2个。\n",
			[]want{{"C25", "warning", 2, "5.00"}, {"C25", "warning", 2, "2个"}}},
		{"C25 quiet for a stated 0", []string{"C25"}, false,
			tp + "因公出国（境）费支出0万元。\n", nil},

		// C26: purpose texts.
		{"C26 住房公积金 described as 医疗保险", []string{"C26"}, false,
			gb + "（三）一般公共预算财政拨款支出决算具体情况\n1、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：按规定为职工缴纳的基本医疗保险。\n",
			[]want{{"C26", "warning", 3, "医疗"}}},
		{"C26 by name, without the row", []string{"C26"}, true,
			gb + "1、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。主要用于：单位为职工缴纳的住房公积金。\n",
			[]want{{"C26", "warning", 2, "公积金"}}},
		{"C26 quiet", []string{"C26"}, false,
			gb + "1、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：按规定为职工缴存的住房公积金。\n2、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：职工基本医疗保险缴费。\n", nil},

		// C27: 持平 against a change elsewhere.
		{"C27 fires", []string{"C27", "C10"}, true,
			"十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n机关运行经费支出80.00万元，比2023年减少20.00万元。\n\n三、支出决算情况说明\n与上年相比，机关运行经费持平。\n机关运行经费与上年持平。\n",
			[]want{{"C27", "error", 6, "与上年"}, {"C27", "error", 7, "与上年"}}},
		{"C27 quiet", []string{"C27"}, true,
			"机关运行经费支出80.00万元，比2023年减少20.00万元。\n与上年相比，机关运行经费基本持平。\n与上年相比，“三公”经费持平。\n", nil},
		{"C27 C10 reports a 持平 the table contradicts", []string{"C27", "C10"}, true,
			"机关运行经费支出80.00万元，比2023年减少20.00万元。\n机关运行经费支出80.00万元，与上年持平。\n",
			[]want{{"C10", "error", 2, "与上年"}}},

		// C13: an instruction left under a table; the template's notes stay.
		{"C13 此处填写", []string{"C13"}, false,
			"\t项目\t金额\n注：本表反映部门本年度的总收支和年末结转结余情况。\n此处填写本单位的情况说明。\n请填写本表的说明。\n",
			[]want{{"C13", "warning", 3, "此处"}, {"C13", "warning", 4, "请填写"}}},
		{"C13 quiet for the template's note", []string{"C13"}, false,
			"\t项目\t金额\n注：本表反映部门本年度的总收支和年末结转结余情况。\n本表金额按规定填列。\n", nil},

		// The new disclosure figures: 政府采购 by kind of project, the 绩效
		// summary, staffing.
		{"procurement split fires", []string{"C17", "C18"}, false,
			"（二）政府采购支出情况\n2024年度本部门面向中小企业预留政府采购项目预算金额40.00万元，面向小微企业预留政府采购项目预算金额12.00万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额31.00万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额50.00万元。\n",
			[]want{{"C17", "error", 2, "12.00"}, {"C17", "error", 2, "31.00"}}},
		{"procurement split quiet", []string{"C17", "C18"}, false,
			"（二）政府采购支出情况\n2024年度本部门面向中小企业预留政府采购项目预算金额40.00万元，面向小微企业预留政府采购项目预算金额10.00万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额30.00万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额50.00万元。授予中小企业合同金额80.00万元，占政府采购支出总额的80.00%。\n", nil},
		{"绩效 summary fires", []string{"C17", "C18"}, false,
			"十、预算绩效管理情况\n编报绩效目标的2024年度项目6个，涉及预算金额281.00万元；绩效评级为“优”的项目3个。\n",
			[]want{{"C17", "error", 2, "6个"}, {"C17", "error", 2, "281.00"}}},
		{"绩效 summary quiet", []string{"C17", "C18"}, false,
			"十、预算绩效管理情况\n编报绩效目标的2024年度项目5个，涉及预算金额280.00万元；绩效评级为“优”的项目3个。\n", nil},
		{"staffing", []string{"C17", "C18"}, false,
			"第一部分 德阳市档案馆概况\n二、机构设置\n本馆核定编制21人，内设机构4个。\n",
			[]want{{"C17", "error", 3, "21"}}},

		// C12: the 截至 date of the asset figures.
		{"C12 截至 date of the assets", []string{"C12"}, false,
			"（三）国有资产占有使用情况说明\n截至2024年11月30日，德阳市档案馆共有车辆3辆。\n",
			[]want{{"C12", "error", 2, "截至"}}},
		{"C12 截至 date quiet", []string{"C12"}, false,
			"（三）国有资产占有使用情况说明\n截至2024年12月31日，德阳市档案馆共有车辆3辆。截至2024年12月底，共有车辆3辆。\n", nil},

		// Heading variants of 其他重要事项 open its context.
		{"heading 其他需要说明的情况", []string{"C17", "C18"}, false,
			"十、其他需要说明的情况\n（二）政府采购支出情况\n2024年度政府采购支出总额100.00万元，其中：货物采购金额60.00万元。\n",
			[]want{{"C17", "error", 3, "60.00"}}},
		{"heading 其他相关情况说明", []string{"C17", "C18"}, false,
			"十一、其他相关情况说明\n（二）政府采购支出情况\n货物采购金额50.00万元。\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := strings.Split(tc.text, "\n")
			exp := []got{}
			for _, w := range tc.want {
				exp = append(exp, got{w.rule, w.severity, w.line, col(lines[w.line-1], w.at)})
			}
			f := tieFacts()
			if tc.small {
				f = smallFacts()
			}
			if diff := cmp.Diff(exp, lintRules(t, tc.text, f, tc.rules...)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func mustAmount(s string) amount.Amount { return amount.MustParse(s) }

// TestTieMessages checks what the findings of the ties say: the names they
// compare, the ratio taken against 全年预算, the item and why.
func TestTieMessages(t *testing.T) {
	for _, tc := range []struct {
		text, rule, msg, expected, actual string
	}{
		{"五、一般公共预算财政拨款支出决算情况说明\n1．一般公共服务（类）支出-政府办公厅（室）及相关机构（款）-行政执行（项）: 支出决算为700.00万元。\n",
			"C19", "科目名称与表不符：文中为“行政执行（项）”，表中为“行政运行”（2010301）", "一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行", ""},
		{"五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出决算为700.00万元，完成年初预算的87.50%。\n",
			"C23", "年初预算为0，完成年初预算的比例无从计算：一般公共预算财政拨款支出决算700.00万元，文中为完成年初预算的87.50%；该比例等于决算÷全年预算800.00万元×100，系按全年预算计算", "无", "87.50%"},
		{"六、一般公共预算财政拨款基本支出决算情况说明\n人员经费500.00万元，主要包括：住房公积金。\n",
			"C20", "列举的科目与基本支出表不符：人员经费列举了“住房公积金”，而基本支出决算表中无住房公积金（30113）", "删除或更正", "住房公积金"},
		{"德阳市档案局2024年度部门决算\n", "C21", "单位名称前后不一致：文中为“德阳市档案局”，文档单位名称为“德阳市档案馆”", "德阳市档案馆", "德阳市档案局"},
	} {
		fs, err := lint([]byte(tc.text), tieFacts())
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range fs {
			if f.Rule != tc.rule {
				continue
			}
			found = true
			if f.Message != tc.msg || f.Expected != tc.expected || tc.actual != "" && f.Actual != tc.actual {
				t.Errorf("%s: got %q (expected %q, actual %q)", tc.rule, f.Message, f.Expected, f.Actual)
			}
		}
		if !found {
			t.Errorf("%s: no finding on %q", tc.rule, tc.text)
		}
	}
}
