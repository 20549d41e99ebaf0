// Package profiles registers every built-in profile of juesuan. A program
// that checks documents of the built-in profiles imports it for its side
// effect:
//
//	import _ "github.com/cnfiscal/juesuan/profiles"
//
// Each profile is a package of its own, one per jurisdiction and template,
// which registers itself when imported and exports its ID:
//
//   - sichuan2020 ("sichuan-2020"): the 14-table Sichuan 2020 disclosure;
//   - central ("central-2024"): the 9-table central/Shanghai 2024 template.
//
// A new built-in profile that reuses the typed tables is one new folder
// (tables.go, rules.go, … and an init that calls juesuan.Register) plus one
// import line in profiles.go. What the built-in profiles share (their
// 情况说明 wording patterns) is in profiles/internal/shared.
package profiles
