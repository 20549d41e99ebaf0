// Package accounts models a department's 部门决算 (final accounts): the
// public tables of the Sichuan 14-table and central/Shanghai 9-table
// disclosures and the internal 财决 tables their narratives cite (tables.go),
// the derivation of absent totals (Calculate) and the audit rules that check
// them (Validate).
//
// # Figures
//
// Every figure is an amount.Amount: a decimal that is either stated or
// absent. Absent is not zero. Calculate fills an absent figure only from
// stated ones and never changes a stated one; a rule compares only stated
// figures, so a document that leaves a figure out is never reported for it.
//
// Each columns type (IncomeColumns, ExpenditureColumns, FundColumns,
// EconomicColumns, SplitColumns, ThreePublicColumns, FundFlowColumns,
// BudgetColumns, and the two sides of 收入支出决算总表) implements ColumnSet:
// Columns lists its amounts with their JSON names and Chinese titles, At
// returns one of them. The rows that embed a columns type implement it too.
// Rules and Calculate walk tables through ColumnSet and through generic code
// over the typed classification codes, without reflection.
//
// # Rules
//
// Rules returns the built-in rule set: the 表内 rules A1–A16 and the 表间
// rules B1–B13 of the domain notes (§3.1–§3.2; the 9-table numbering mapped
// onto the JSON table keys), D1 (a code listed twice), E1–E2 (the
// empty-table note), K1 (codes exist in the catalogue edition of the year,
// at a level the table admits) and K2 (names agree with that edition).
// `juesuan rules` prints the catalogue.
//
// A finding names its rule, a severity (error = 强制性, warning = 提示性,
// info), the JSON Pointer of the figure (such as
// /tables/income/rows/3/fiscal), a Chinese message with the expected and
// actual figures and the unit, and the two figures as strings.
//
// Sums are compared with rounding-aware tolerance (amount.CompareSum): a
// 万元 total may differ from the sum of its n ≥ 2 stated addends by
// ⌊(n+1)/2⌋ × 0.01, which is reported as info (舍入差异) under the rule's
// ID; beyond that the rule's severity applies. A total of one addend, and
// any figure in 元, must be equal. A profile may change a rule's tolerance,
// severity or switch it off (audit.Config); a severity change never turns
// a rounding note into an error.
//
// # Choices
//
// Where the sources leave a layout open (domain notes §1.2, §6), the
// library's choices are documented on the table types. Facts the notes mark
// as background ([B]) are settings: Options.PersonnelClasses (which
// economic 类 are 人员经费; default 301 and 303, every other 类 of a 基本支出
// table is 公用经费) and Options.NegativeAllowed (columns that may be
// negative; none by default).
//
// # Performance
//
// Validate and Calculate allocate nothing per row on the normal path: sums
// are compared in int64 micro-units, and pointers and messages are only
// built for a finding. What several rules need is worked out once per call
// and shared: the coded parts of the tables and their code indexes
// (partSet), the catalogue's answers for the codes (K1 and K2), and the
// non-zero figures of each table (A16's walk, for B6, E1 and E2). On a
// synthetic document with 2,000 项 rows in each function table they take a
// small fraction of the time encoding/json needs to decode it (see
// bench_test.go).
package accounts
