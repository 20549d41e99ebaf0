// Package sichuan2023 is the built-in profile "sichuan-2023": the 13 public
// tables of a Sichuan 部门决算公开 of 2023 and 2024, as the tables of contents
// of published ones list them (domain.md §1.1 [V], sources S6 渠县 2024 and
// S7 泸州市中医医院 2023), with the internal 财决 tables, the national
// indicator framework and the 情况说明 patterns shared with the other
// profiles.
//
// The set differs from sichuan-2020's 14 tables in its 三公 table: one
// 财政拨款“三公”经费支出决算表 for all funds, printed last, where 2020 printed
// a 一般公共预算 one (表十) and a 政府性基金 one (表十二) [I, from S6 against
// the 2020 reference]. The sources give the titles and order only; the
// layouts are taken to be those of the same tables in 2020 [I].
//
// Importing the package registers the profile with juesuan's default
// registry (and, through the rules it shares, sichuan-2020):
//
//	import _ "github.com/cnfiscal/juesuan/profiles/sichuan2023"
//
// Each concern is one file: tables.go (the table set and titles),
// rules.go (rule configuration), and profile.go (years, framework,
// narrative patterns, place names, catalogues).
package sichuan2023
