package classification_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cnfiscal/juesuan/classification"
)

func ExampleCatalog_Path() {
	c, err := classification.Edition(classification.Functional, 2020)
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Path("2010301"))
	// Output: 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行
}

func ExampleCatalog_Lookup() {
	for _, year := range []int{2018, 2020, 2024} {
		c, _ := classification.Edition(classification.Functional, year)
		e210, _ := c.Lookup("210")
		e20805, _ := c.Lookup("20805")
		fmt.Println(year, e210.Name, e20805.Name)
	}
	// Output:
	// 2018 医疗卫生与计划生育支出 行政事业单位离退休
	// 2020 卫生健康支出 行政事业单位离退休
	// 2024 卫生健康支出 行政事业单位养老支出
}

func ExampleCatalog_Children() {
	c, _ := classification.Edition(classification.Functional, 2024)
	for _, e := range c.Children("22102") {
		fmt.Println(e.Code, e.Name, e.Source)
	}
	// Output:
	// 2210201 住房公积金 doc:gbc-sh2024
	// 2210202 提租补贴 recalled
	// 2210203 购房补贴 doc:gbc-sh2024
}

func ExampleCatalog_Search() {
	c, _ := classification.Edition(classification.EconDept, 2024)
	for _, e := range c.Search("公积金") {
		fmt.Println(e.Code, e.Name)
	}
	// Output:
	// 30113 住房公积金
}

func ExampleCheck() {
	for _, code := range []string{"2010301", "20103x", "224", "999", "2019999"} {
		err := classification.Check(classification.Functional, 2018, code)
		switch {
		case err == nil:
			fmt.Println(code, "ok")
		case classification.IsWarning(err):
			fmt.Println(code, "warning:", errors.Unwrap(err))
		default:
			fmt.Println(code, "error:", errors.Unwrap(err))
		}
	}
	// Output:
	// 2010301 ok
	// 20103x error: malformed code
	// 224 error: code not valid in this fiscal year
	// 999 error: code unknown to this edition
	// 2019999 warning: code unknown to this edition
}

func ExampleCatalog_Check() {
	c, _ := classification.Edition(classification.Functional, 2020)
	// Only 类 and 款 are allowed here.
	err := c.Check("2010301", classification.Class, classification.Section)
	fmt.Println(err)
	fmt.Println(errors.Is(err, classification.ErrWrongLevel))
	// Output:
	// functional code "2010301": code at the wrong level (2020): a 项 where 类 or 款 is expected
	// true
}

func ExampleLoadCSV() {
	const export = `code,name,level,parent,since,until,source
201,一般公共服务支出,类,,,,
20137,网信事务,款,201,,,
2013701,行政运行,项,20137,,,
`
	c, err := classification.LoadCSV(strings.NewReader(export), classification.Functional, 2024, "一体化系统导出")
	if err != nil {
		panic(err)
	}
	r := classification.NewRegistry() // or the package-level Register
	if err := r.Register(c, classification.Extend); err != nil {
		panic(err)
	}
	ext, _ := r.Edition(classification.Functional, 2024)
	fmt.Println(ext.Path("2013701"))
	fmt.Println(ext.Name("2010301")) // still there from the embedded edition
	// Output:
	// 一般公共服务支出 > 网信事务 > 行政运行
	// 行政运行
}

func ExampleLoadCSV_errors() {
	const bad = `code,name,level
201,一般公共服务支出,类
20I03,政府办公厅（室）及相关机构事务,款
201,一般公共服务支出,类
`
	_, err := classification.LoadCSV(strings.NewReader(bad), classification.Functional, 2024, "export")
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ce *classification.CSVError
		errors.As(e, &ce)
		fmt.Println(ce.Line, ce.Column, ce.Field, errors.Is(e, classification.ErrDuplicate))
	}
	// Output:
	// 3 1 code false
	// 4 1 code true
}
