// Package sichuan2020 is the built-in profile "sichuan-2020": the 14 public
// tables of a Sichuan 2020 部门决算公开 (its 第五部分 附表 list, where tables
// 二 and 三 are printed as 收入总表 and 支出总表), the internal 财决 tables its
// narrative cites, the Sichuan 2018–2020 indicator framework and the
// 情况说明 patterns of its template.
//
// Importing the package registers the profile (and its indicator framework
// and mapping) with juesuan's default registry:
//
//	import _ "github.com/cnfiscal/juesuan/profiles/sichuan2020"
//
// or import package profiles for every built-in profile. Each concern is one
// file: tables.go (the table set and titles), rules.go (rule configuration
// and accounts options), narrative.go (the 情况说明 patterns), indicators.go
// (the indicator framework), catalogues.go (classification editions) and
// places.go (place names of synthetic units).
package sichuan2020
