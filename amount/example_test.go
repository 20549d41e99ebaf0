package amount_test

import (
	"fmt"

	"github.com/cnfiscal/juesuan/amount"
)

func ExampleAmount() {
	var notStated amount.Amount // absent: the source does not state it
	zero := amount.MustParse("0")
	fmt.Println(notStated.IsSet(), zero.IsSet(), zero.IsNil())
	fmt.Println(notStated.Add(zero).IsSet()) // a sum with an absent addend is absent
	fmt.Println(amount.MustParse("40.50"))   // keeps its decimal places
	// Output:
	// false true true
	// false
	// 40.50
}

func ExampleAmount_Convert() {
	yuan := amount.MustParse("1580000.01")
	wan := yuan.Convert(amount.Yuan, amount.TenThousandYuan)
	fmt.Println(wan)          // exact
	fmt.Println(wan.Round(2)) // rounding is explicit, 四舍五入
	// Output:
	// 158.000001
	// 158.00
}

func ExampleCompareSum() {
	total := amount.MustParse("630.79")
	c := amount.CompareSum(amount.TenThousandYuan, total,
		amount.MustParse("599.53"), amount.MustParse("31.25"))
	fmt.Println(c.Outcome, c.Diff, c.Bound)
	c = amount.CompareSum(amount.Yuan, total,
		amount.MustParse("599.53"), amount.MustParse("31.25"))
	fmt.Println(c.Outcome)
	// Output:
	// rounding 0.01 0.01
	// mismatch
}

func ExampleRatio() {
	pct, _ := amount.Ratio(amount.MustParse("599.53"), amount.MustParse("630.78"), 2)
	fmt.Println(pct.StringFixed(2) + "%")
	// Output: 95.05%
}
