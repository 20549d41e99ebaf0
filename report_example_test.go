package juesuan_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/cnfiscal/juesuan"
)

// ExampleWriteReport writes the 检查表 report of two documents, the
// reference with its 情况说明 and a small consistent one without, as a
// workbook, and prints its summary sheet.
func ExampleWriteReport() {
	ref := juesuan.ReadReportInput("testdata/sichuan-2020/panzhihua-chengdu-office.json", juesuan.BatchOptions{})
	text, err := os.ReadFile("testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt")
	if err != nil {
		panic(err)
	}
	ref.Narrative, ref.NarrativeFile = text, "panzhihua-chengdu-office.narrative.txt"
	small := juesuan.ReadReportInput("testdata/sichuan-2020/small-consistent.json", juesuan.BatchOptions{})

	var b bytes.Buffer
	opts := juesuan.ReportOptions{Format: juesuan.ReportXLSX, Coverage: true}
	if err := juesuan.WriteReport(&b, []juesuan.ReportInput{ref, small}, opts); err != nil {
		panic(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	rows, _ := f.GetRows("汇总")
	for _, r := range rows[1:] {
		fmt.Println(strings.Join(r[:12], " "))
	}
	// Output:
	// [汇总 攀枝花市人民政府驻成都办事处 测试单位（虚构，非真实部门）]
	// 序号 单位名称 决算年度 配置 文件 合格 不合格 未核对 错误 警告 提示 未运行的检查
	// 1 攀枝花市人民政府驻成都办事处 2020 sichuan-2020 testdata/sichuan-2020/panzhihua-chengdu-office.json 18 2 1 5 32 213 130
	// 2 测试单位（虚构，非真实部门） 2020 sichuan-2020 testdata/sichuan-2020/small-consistent.json 6 0 15 0 0 0 5
}

// ExampleCheckReport checks one workbook as the report does, imported
// with the profile it follows: each finding names the cell its figure was
// read from.
func ExampleCheckReport() {
	opts := juesuan.BatchOptions{Import: juesuan.ImportOptions{Profile: "sichuan-2020"}}
	in := juesuan.ReadReportInput("testdata/workbooks/sichuan-stray.xlsx", opts)
	r := juesuan.CheckReport(in, juesuan.ReportOptions{})
	for _, e := range r.Checklist[:4] {
		fmt.Println(e.ID, e.Status, e.Title)
	}
	for _, f := range r.Findings {
		if f.Source != "" {
			fmt.Println(f.Rule, f.Path, f.Source)
			break
		}
	}
	// Output:
	// 1 不合格 公开表齐全（无数据的表保留表格）
	// 2 合格 空表列示并加说明
	// 3 合格 一般公共预算支出公开到功能分类项级
	// 4 未核对 基本支出公开到经济分类款级
	// A8 /tables/generalBudget/rows/0/total testdata/workbooks/sichuan-stray.xlsx!一般公共预算财政拨款支出决算表!C5
}
