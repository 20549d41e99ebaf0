package sichuan2023

import (
	"slices"

	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// rules is the rule configuration: the built-in accounts rules, the
// 公开完整性 rules G1–G4 and
// sichuan-2020's B8 and B9, which tie tables this set prints too (表九
// 项目支出决算表, 表五 and 表七 the 经济分类明细表).
func rules() juesuan.RuleSet {
	return juesuan.RuleSet{Rules: slices.Concat(juesuan.AccountsRules(), sichuan2020.Rules(), juesuan.DisclosureRules())}
}

// accountsOptions are the accounts options: the default 人员经费 classes
// (accounts.DefaultPersonnelClasses), and no figure may be negative.
func accountsOptions() accounts.Options { return accounts.Options{} }
