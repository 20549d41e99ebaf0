// Package profiles registers every built-in profile of juesuan. A program
// that checks documents of the built-in profiles imports it for its side
// effect:
//
//	import _ "github.com/cnfiscal/juesuan/profiles"
//
// Each profile is a package of its own, one per jurisdiction and template,
// which registers itself when imported and exports its ID:
//
//   - sichuan2020 ("sichuan-2020"): the 14-table Sichuan 2020 disclosure,
//     for 2020;
//   - sichuan2023 ("sichuan-2023"): the 13-table Sichuan disclosure of
//     2023–2024;
//   - central ("central-2024"): the 9-table central/Shanghai template
//     (modelled on 2024), for 2018–2026.
//
// A profile covers a range of fiscal years (juesuan.Profile.Years): a
// document of a covered year is checked against the classification
// editions of its own year and gets no S2 finding.
//
// A new built-in profile that reuses the typed tables is one new folder
// (tables.go, rules.go, … and an init that calls juesuan.Register) plus one
// import line in profiles.go. What the built-in profiles share (their
// 情况说明 wording patterns) is in profiles/internal/shared.
package profiles
