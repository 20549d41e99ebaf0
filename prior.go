package juesuan

import "github.com/cnfiscal/juesuan/accounts"

// MergePrior fills the prior-year figures (上年数, Document.PriorYear) that d
// leaves absent from last, last year's document (already calculated): the
// figures of its tables that the 上年数 restate (accounts.PriorYearOf),
// converted to d's unit. A figure d states is kept. Lint then checks the
// narrative's 同比 statements (增减额 and %) against last year's document;
// `juesuan lint --prior LAST` does this. Validate does not need it: with
// ValidateOptions.Prior, rule B15 compares the 上年数 with last year's
// document instead.
func (d *Document) MergePrior(last *Document) {
	py := accounts.PriorYearOf(&last.Report, d.Unit.AmountUnit)
	if d.PriorYear == nil {
		d.PriorYear = &accounts.PriorYear{}
	}
	d.PriorYear.Merge(py)
}
