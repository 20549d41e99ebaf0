// Package juesuan models China's public-sector final accounts (部门决算) and
// checks them.
//
// The root package ties the parts together: the [Document] type, the
// [Profile] type (a jurisdiction + fiscal year bundle of catalogue editions,
// table set, rules, accounts options, indicator framework, narrative
// patterns and fixture place names), the [Registry] of profiles, and the
// entry points [Document.Calculate], [Validate] and [Lint], which all use the
// profile the document names. The root holds no profile itself: the
// built-in ones are packages that register themselves when imported.
//
//	import (
//		"github.com/cnfiscal/juesuan"
//		_ "github.com/cnfiscal/juesuan/profiles" // every built-in profile
//		"github.com/cnfiscal/juesuan/profiles/sichuan2020"
//	)
//
//	p, err := juesuan.LookupProfile(sichuan2020.ID)
//
// Package map:
//
//   - classification: the 政府收支分类科目 catalogues by fiscal year, with typed
//     codes for 支出功能分类 and the two economic classifications.
//   - accounts: the 决算 tables, Calculate (derived totals) and the audit rules
//     (表内, 表间); accounts/narrative the 表文 linter engine; amount is the
//     money type (absent is not zero), audit the rule and finding types;
//     fixture the fixture generator.
//   - indicators: the performance-indicator frameworks (the national one
//     built in), the 项目绩效目标完成情况表 and self-evaluation, and scoring.
//   - profiles: the built-in profiles, one package each: profiles/sichuan2020
//     ("sichuan-2020", the 14-table Sichuan 2020 disclosure) and
//     profiles/central ("central-2024", the 9-table central/Shanghai 2024
//     template). Importing profiles registers them all.
//   - cmd/juesuan: the command (catalog, validate, rules, score, schema, lint,
//     fixture).
//
// Dependencies point one way: classification ← accounts, indicators ← juesuan
// ← profiles/… ← profiles ← cmd/juesuan.
package juesuan
