package central

import (
	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
)

// rules is the rule configuration. B8 and B9 tie the Sichuan-only tables
// 九 (项目支出决算表) and 五/七 (经济分类明细表) to the others; the 9-table
// template has neither, so both are switched off.
func rules() juesuan.RuleSet { return juesuan.RuleSet{Disabled: []string{"B8", "B9"}} }

// accountsOptions are the accounts options: 人员经费 are the default
// economic 类 (accounts.DefaultPersonnelClasses: 301 工资福利支出 and 303
// 对个人和家庭的补助), and no figure may be negative.
func accountsOptions() accounts.Options { return accounts.Options{} }
