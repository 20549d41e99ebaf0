package intake

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNorm(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"收入支出决算总表", "收入支出决算总表"},
		{" 功能分类\n科目编码 ", "功能分类科目编码"},
		{"因公出国\r\n（境）费", "因公出国(境)费"},
		{"合计（万元）", "合计(万元)"},
		{"一般公共预算财政拨款“三公”经费支出决算表", "一般公共预算财政拨款三公经费支出决算表"},
		{"金额单位：元", "金额单位:元"},
		{"ＡＢＣ１２３", "ABC123"},
		{"【续】", "(续)"},
		{"单位　名称", "单位名称"},
	} {
		if got := norm(c.in); got != c.want {
			t.Errorf("norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldSpaces(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"表六 一般公共预算", "表六 一般公共预算"},
		{"  表六\u3000\u3000一般 ", "表六 一般"},
		{"Z05-1 财政拨款支出决算明细表（财决05-1表）", "Z05-1 财政拨款支出决算明细表(财决05-1表)"},
		{"公开01表\n收入支出决算总表", "公开01表 收入支出决算总表"},
	} {
		if got := fold(c.in, true); got != c.want {
			t.Errorf("fold(%q, true) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTitleCandidates checks the first candidate (numbering removed) and
// that the table's title is among the candidates.
func TestTitleCandidates(t *testing.T) {
	for _, c := range []struct{ in, first, title string }{
		{"表六 一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表", ""},
		{"表十 一般公共预算财政拨款“三公”经费支出决算表", "一般公共预算财政拨款三公经费支出决算表", ""},
		{"表十一 政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款收入支出决算表", ""},
		{"表六 一般公共预算财政拨款支出决算表（续）", "一般公共预算财政拨款支出决算表(续)", "一般公共预算财政拨款支出决算表"},
		{"六、一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表", ""},
		{"附表1 收入支出决算总表", "收入支出决算总表", ""},
		{"附表12 收入支出决算总表", "收入支出决算总表", ""},
		{"公开01表 收入支出决算总表", "收入支出决算总表", ""},
		{"财决公开11表收入决算表", "收入决算表", ""},
		{"Z01 收入支出决算总表(财决01表)", "收入支出决算总表(财决01表)", "收入支出决算总表"},
		{"Z05-1 财政拨款支出决算明细表(财决05-1表)", "财政拨款支出决算明细表(财决05-1表)", "财政拨款支出决算明细表"},
		{"F03-1一般公共预算财政拨款“三公”经费支出决算表", "一般公共预算财政拨款三公经费支出决算表", ""},
		{"01 收入支出决算总表", "收入支出决算总表", ""},
		{"2 收入决算表", "收入决算表", ""},
		{"一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表", ""},
		{"收入支出决算总表（此表无数据）", "收入支出决算总表(此表无数据)", "收入支出决算总表"},
		{"收入决算表续表", "收入决算表续表", "收入决算表"},
		// a number written against the title: every reading is a candidate
		{"表六一般公共预算财政拨款支出决算表", "般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算表"},
		{"表十一般公共预算财政拨款“三公”经费支出决算表", "般公共预算财政拨款三公经费支出决算表", "一般公共预算财政拨款三公经费支出决算表"},
		// a year is not a number
		{"2024年度收入决算表", "2024年度收入决算表", ""},
	} {
		got := titleCandidates(c.in)
		if len(got) == 0 || got[0] != c.first {
			t.Errorf("titleCandidates(%q) = %q, want first %q", c.in, got, c.first)
		}
		if c.title != "" && !slices.Contains(got, c.title) {
			t.Errorf("titleCandidates(%q) = %q, want %q among them", c.in, got, c.title)
		}
	}
}

func TestWithoutParen(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"财政拨款支出决算明细表(政府经济分类科目)", "财政拨款支出决算明细表"},
		{"收入支出决算总表", ""},
		{"因公出国(境)费用表", ""},
	} {
		if got := withoutParen(c.in); got != c.want {
			t.Errorf("withoutParen(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLabel(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"一、一般公共预算财政拨款收入", "一般公共预算财政拨款收入"},
		{"（一）工资福利支出", "工资福利支出"},
		{"1.因公出国（境）费", "因公出国(境)费"},
		{"(2)公务用车运行维护费", "公务用车运行维护费"},
		{"合计（万元）", "合计"},
		{"基本支出(元)", "基本支出"},
		{"年初结转和\n结余", "年初结转和结余"},
		{"功能分类\n科目编码", "功能分类科目编码"},
		{"一般公共服务支出", "一般公共服务支出"},
		{"第一部分、收入", "第一部分、收入"},
		{"第一、收入", "收入"},
	} {
		if got := label(c.in); got != c.want {
			t.Errorf("label(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestFormTitles checks that a title with a trailing parenthetical also
// names its table without it.
func TestFormTitles(t *testing.T) {
	fs := forms([]Table{
		{Key: "fiscalEconomic", Number: "五", Title: "财政拨款支出决算明细表（政府经济分类科目）"},
		{Key: "generalBudget", Number: "六", Title: "一般公共预算财政拨款支出决算表"},
	})
	var got [][]string
	for _, f := range fs {
		got = append(got, f.titles[:1])
		if f.key == "fiscalEconomic" && !slices.Contains(f.titles, "财政拨款支出决算明细表") {
			t.Errorf("fiscalEconomic titles %q: no title without the parenthetical", f.titles)
		}
	}
	want := [][]string{{"财政拨款支出决算明细表(政府经济分类科目)"}, {"一般公共预算财政拨款支出决算表"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("first titles (-want +got):\n%s", diff)
	}
}

func TestSplitCode(t *testing.T) {
	for _, c := range []struct {
		in, code, rest string
		ok, isCode     bool
	}{
		{"201", "201", "", true, true},
		{"20103", "20103", "", true, true},
		{"2010301", "2010301", "", true, true},
		{"2010301 行政运行", "2010301", "行政运行", true, false},
		{"201一般公共服务支出", "201", "一般公共服务支出", true, false},
		{"2010", "201", "0", true, false},
		{"20103011", "2010301", "1", true, false},
		{"12", "", "", false, false},
		{"合计", "", "", false, false},
		{"", "", "", false, false},
	} {
		code, rest, ok := splitCode(c.in)
		if code != c.code || rest != c.rest || ok != c.ok {
			t.Errorf("splitCode(%q) = %q, %q, %v, want %q, %q, %v", c.in, code, rest, ok, c.code, c.rest, c.ok)
		}
		if got := isCode(c.in); got != c.isCode {
			t.Errorf("isCode(%q) = %v, want %v", c.in, got, c.isCode)
		}
	}
}

func TestNameText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"一、一般公共服务支出", "一般公共服务支出"},
		{"（一）工资福利支出", "工资福利支出"},
		{"政府办公厅（室）及相关机构事务", "政府办公厅（室）及相关机构事务"},
		{" 行政 运行 ", "行政运行"},
		{"1.基本工资", "基本工资"},
	} {
		if got := nameText(c.in); got != c.want {
			t.Errorf("nameText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
