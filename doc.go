// Package juesuan models China's public-sector final accounts (部门决算) and
// checks them.
//
// The root package ties the parts together: the [Document] type, the
// registered [Profile]s (a jurisdiction + fiscal year bundle of catalogue
// editions, table set, rules and indicator framework), and one [Validate]
// entry point.
//
// Package map:
//
//   - classification: the 政府收支分类科目 catalogues by fiscal year, with typed
//     codes for 支出功能分类 and the two economic classifications.
//   - accounts: the 决算 tables, Calculate (derived totals) and the audit rules
//     (表内, 表间); amount is the money type (absent is not zero),
//     audit the rule and finding types; fixture the fixture generator.
//   - indicators: the performance-indicator frameworks, the
//     项目绩效目标完成情况表 and self-evaluation, and scoring.
//   - cmd/juesuan: the command (catalog, validate, rules, score, schema, lint,
//     fixture).
//
// Dependencies point one way: classification ← accounts, indicators ← juesuan
// ← cmd/juesuan.
package juesuan
