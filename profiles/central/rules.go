package central

import (
	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
)

// rules is the rule configuration: the built-in accounts rules at their own
// severity and tolerance (Rules nil).
func rules() juesuan.RuleSet { return juesuan.RuleSet{} }

// accountsOptions are the accounts options: 人员经费 are the default
// economic 类 (accounts.DefaultPersonnelClasses: 301 工资福利支出 and 303
// 对个人和家庭的补助), and no figure may be negative.
func accountsOptions() accounts.Options { return accounts.Options{} }
