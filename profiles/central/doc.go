// Package central is the built-in profile "central-2024": the 9-table
// central/Shanghai 2024 部门决算公开 template (表七 is 财政拨款“三公”经费支出决算表,
// one table for all funds), checked with the national indicator framework,
// graded with the names the Shanghai 2024 narrative prints
// (优/良/合格/不合格), and its synthetic units placed in Shanghai's
// districts.
//
// Importing the package registers the profile (and its grade bands) with
// juesuan's default registry:
//
//	import _ "github.com/cnfiscal/juesuan/profiles/central"
//
// or import package profiles for every built-in profile. Each concern is one
// file: tables.go (the table set and titles), rules.go (rule configuration
// and accounts options), narrative.go (the 情况说明 patterns),
// indicators.go (indicator framework and grade bands), catalogues.go
// (classification editions) and places.go (place names of synthetic units).
package central
