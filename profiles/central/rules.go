package central

import (
	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
)

// rules is the rule configuration: the built-in accounts rules and the
// 公开完整性 rules G1–G4 at their own severity and tolerance.
func rules() juesuan.RuleSet {
	return juesuan.RuleSet{Rules: append(juesuan.AccountsRules(), juesuan.DisclosureRules()...)}
}

// accountsOptions are the accounts options: 人员经费 are the default
// economic 类 (accounts.DefaultPersonnelClasses: 301 工资福利支出 and 303
// 对个人和家庭的补助), and no figure may be negative.
func accountsOptions() accounts.Options { return accounts.Options{} }
