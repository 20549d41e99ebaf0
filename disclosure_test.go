package juesuan_test

import (
	"bytes"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/audit"
)

// disclosureOf returns the G1–G4 findings of d as "RULE PATH", and their
// messages.
func disclosureOf(t *testing.T, d *juesuan.Document) (out, msgs []string) {
	t.Helper()
	fs, err := juesuan.Validate(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Rule[0] == 'G' {
			out = append(out, f.Rule+" "+f.Path)
			msgs = append(msgs, f.Message)
		}
	}
	return out, msgs
}

// TestDisclosureRules: each 公开完整性 rule fires on the reference
// document changed to break it, and stays quiet on the reference and on
// the changes that keep the requirement.
func TestDisclosureRules(t *testing.T) {
	m := amount.MustParse
	for _, tc := range []struct {
		name   string
		change func(t *accounts.Tables)
		want   []string
		msg    string // the first finding's message, when set
	}{
		{"reference", nil, nil, ""},
		{"G1: a 类 with a figure and no row below", func(t *accounts.Tables) {
			t.GeneralBudget.Rows[4].Total = m("1.00") // 205 教育支出, 0 in the reference
		}, []string{"G1 /tables/generalBudget/rows/4/code"}, "一般公共预算财政拨款支出决算表“205 教育支出”为类级科目，有数而其下未列出项级科目：一般公共预算支出应公开到功能分类项级"},
		{"G1: the 项 rows of a 款 without figure dropped", func(t *accounts.Tables) {
			t.GeneralBudget.Rows = slices.Delete(t.GeneralBudget.Rows, 2, 4) // 2010301, 2010302
		}, []string{"G1 /tables/generalBudget/rows/0/code"}, ""},
		{"G1: a zero 类 needs no 项", func(t *accounts.Tables) {
			t.GeneralBudget.Rows[4].Total = m("0.00")
		}, nil, ""},
		{"G2: a 类 without its 款", func(t *accounts.Tables) {
			t.GeneralBudgetBasic.Rows = []accounts.EconDeptRow{{Code: "301", Name: "工资福利支出", Amount: m("436.10")}}
		}, []string{"G2 /tables/generalBudgetBasic/rows/0/code"}, "一般公共预算财政拨款基本支出决算表“301 工资福利支出”为类级科目，有数而其下未列出款级科目：基本支出应公开到经济分类款级"},
		{"G2: 类 and 款", func(t *accounts.Tables) {
			t.GeneralBudgetBasic.Rows = []accounts.EconDeptRow{{Code: "301", Name: "工资福利支出", Amount: m("436.10")},
				{Code: "30101", Name: "基本工资", Amount: m("436.10")}}
		}, nil, ""},
		{"G3: 公务用车运行维护费 not stated", func(t *accounts.Tables) {
			t.ThreePublic.Actual.VehicleOperation = accounts.Amount{}
		}, []string{"G3 /tables/threePublic/actual/vehicleOperation"}, ""},
		{"G3: an empty table with its note", func(t *accounts.Tables) {
			t.ThreePublic = &accounts.ThreePublicTable{Note: "本年度没有“三公”经费支出，故本表无数据。"}
		}, nil, ""},
		{"G4: 团组数 not stated", func(t *accounts.Tables) {
			t.F03.ThreePublic.AbroadGroups = accounts.Count{}
		}, []string{"G4 /tables/f03/threePublic/abroadGroups"}, ""},
		{"G4: no 附03 table", func(t *accounts.Tables) { t.F03 = nil }, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := juesuan.DecodeFile(referenceDoc)
			if err != nil {
				t.Fatal(err)
			}
			if tc.change != nil {
				tc.change(&d.Tables)
			}
			got, msgs := disclosureOf(t, d)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("G findings (-want +got):\n%s", diff)
			}
			if tc.msg != "" && len(msgs) > 0 && msgs[0] != tc.msg {
				t.Errorf("message:\n got %s\nwant %s", msgs[0], tc.msg)
			}
		})
	}
}

// checkBrief gives checklist lines as "ID status".
func checkBrief(es []juesuan.ChecklistEntry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID + " " + string(e.Status)
	}
	return out
}

// TestChecklist: the reference's 检查表 without and with its narrative, a
// fragment of it, and the document without its 附03 table. The two items
// that fail with the narrative fail on the reference's own defects: its
// text states 一般公共预算财政拨款支出 as 559.53 where the table has 599.53
// (C5), and a 完成率 of 100% for a target it missed (C16).
func TestChecklist(t *testing.T) {
	d, err := juesuan.DecodeFile(referenceDoc)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Item 4 (基本支出 to 经济分类 款, G2) is 未核对: the reference's
	// 基本支出 table states its totals and lists no rows, so G2 has nothing
	// to check (the coverage ledger says so).
	tables := []string{"1 合格", "2 合格", "3 合格", "4 未核对", "5 合格", "6 合格"}
	sections := func(s juesuan.Status, fail ...string) []string {
		var out []string
		for i := 7; i <= 21; i++ {
			id := strconv.Itoa(i)
			st := s
			if slices.Contains(fail, id) {
				st = juesuan.Fail
			}
			out = append(out, id+" "+string(st))
		}
		return out
	}
	noF03 := slices.Clone(tables)
	noF03[5] = "6 未核对"
	for _, tc := range []struct {
		name   string
		text   []byte
		change func(d *juesuan.Document)
		want   []string
	}{
		{"no narrative", nil, nil, append(slices.Clone(tables), sections(juesuan.Unchecked)...)},
		{"narrative", text, nil, append(slices.Clone(tables), sections(juesuan.Pass, "12", "20")...)},
		{"a fragment (its first part): sections not checked", firstPart(t, text), nil, append(slices.Clone(tables), sections(juesuan.Unchecked)...)},
		{"no 附03 table", nil, func(d *juesuan.Document) { d.Tables.F03 = nil }, append(noF03, sections(juesuan.Unchecked)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := d
			if tc.change != nil {
				c := *d
				c.Tables.F03 = d.Tables.F03
				tc.change(&c)
				d = &c
			}
			es, _, err := juesuan.Checklist(d, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, checkBrief(es)); diff != "" {
				t.Errorf("checklist (-want +got):\n%s", diff)
			}
			for _, e := range es {
				// A 合格 item's reasons only list the checks that could not run.
				skips := 0
				for _, r := range e.Reasons {
					if strings.Contains(r, "处未能核对") {
						skips++
					}
				}
				if e.Status != juesuan.Pass && len(e.Reasons) == skips || e.Status == juesuan.Pass && skips != len(e.Reasons) {
					t.Errorf("item %s %s with reasons %q", e.ID, e.Status, e.Reasons)
				}
				if e.ID == "4" && e.Status == juesuan.Unchecked && !slices.Equal(e.Reasons, []string{"G2 未核对：table lists no rows: generalBudgetBasic"}) {
					t.Errorf("item 4 reasons %q", e.Reasons)
				}
				if (e.Status == juesuan.Fail) != (len(e.Findings) > 0) {
					t.Errorf("item %s %s with %d findings", e.ID, e.Status, len(e.Findings))
				}
			}
		})
	}
}

// TestChecklistSections: in a whole disclosure that lacks sections, each
// missing one fails its own item with G5, and no other item.
func TestChecklistSections(t *testing.T) {
	d, err := juesuan.DecodeFile(referenceDoc)
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("第一部分 部门概况\n一、部门职责\n负责联络工作。\n第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n本年收支总计630.78万元。\n第三部分 名词解释\n一、财政拨款收入：指本级财政拨款。\n")
	es, fs, err := juesuan.Checklist(d, text)
	if err != nil {
		t.Fatal(err)
	}
	var g5 []string
	for _, f := range fs {
		if f.Rule == "G5" {
			g5 = append(g5, f.Expected)
			if f.Severity != audit.Warning || f.Line != 4 || f.Quote == "" {
				t.Errorf("G5 finding %+v: want a warning at the heading of line 4", f)
			}
		}
	}
	var failed []string
	for _, e := range es {
		if e.Status == juesuan.Fail {
			failed = append(failed, e.Section)
		}
	}
	slices.Sort(g5)
	slices.Sort(failed)
	if diff := cmp.Diff(g5, failed); diff != "" {
		t.Errorf("failed items vs G5 findings (-G5 +failed):\n%s", diff)
	}
	want := []string{"收入决算情况说明", "支出决算情况说明", "财政拨款收入支出决算总体情况说明",
		"一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款基本支出决算情况说明", "“三公”经费财政拨款支出决算情况说明",
		"政府性基金预算财政拨款收入支出决算情况说明", "国有资本经营预算财政拨款收入支出决算情况说明", "机关运行经费支出情况",
		"政府采购支出情况（总额，货物、工程、服务，授予中小企业合同金额及占比）", "国有资产占用情况", "预算绩效管理情况"}
	slices.Sort(want)
	if diff := cmp.Diff(want, g5); diff != "" {
		t.Errorf("missing sections (-want +got):\n%s", diff)
	}
}

// firstPart returns text up to the line of its 第二部分.
func firstPart(t *testing.T, text []byte) []byte {
	t.Helper()
	i := bytes.Index(text, []byte("第二部分"))
	if i < 0 {
		t.Fatal("no 第二部分")
	}
	return text[:bytes.LastIndexByte(text[:i], '\n')+1]
}
