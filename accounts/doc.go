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
// # Tables
//
// Each table is declared once, as its Go type (tables.go): the fields'
// json tags are its JSON keys, their jsonschema titles its published
// titles, and a layout tag adds what the schema does not carry (a shorter
// title for messages, printed aliases, multi-row column headers, the code
// levels coded rows admit). Everything else is derived from the types when
// the package is initialised (model.go): the read-only layouts of
// Layouts and LayoutOf (parts, columns with their header paths, labelled
// lines, coded rows with their family and levels), ColumnsOf and the
// Columns/At methods of the column sets, Tables.Has and Present, the walk
// over every figure, the coded parts the rules check and the titles in
// messages. Adding a column is one edit: a field in its struct. Formulas
// name their columns ("total = basic + project").
//
// # Rules
//
// Rules returns the built-in rule set: the 表内 rules A1–A16 and the 表间
// rules B1–B15 of the domain notes (§3.1–§3.2; the 9-table numbering mapped
// onto the JSON table keys) but B8 and B9, which tie tables of the Sichuan
// template only and are added by package profiles/sichuan2020, D1 (a code listed twice), E1–E2 (the
// empty-table note), K1 (codes exist in the catalogue edition of the year,
// at a level the table admits) and K2 (names agree with that edition).
// `juesuan rules` prints the catalogue.
//
// A rule is a Rule: its description and a Check that reads Context.Report
// and reports through the Context (Add, AddInfo, and Sum, Flow and Equal,
// which compare with the rule's tolerance and word the message as the
// built-in rules do; Describe names a figure). A rule written outside the
// package needs nothing else.
//
// B14 and B15 compare with last year's document (Options.Prior). A table
// marked as an excerpt (Tables.Excerpts) is exempt from the Σ-rows checks
// (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, 人员经费合计 = Σ 类).
//
// # Coverage ledger
//
// With Options.Coverage set, the run records a Coverage: per rule, the
// checks that ran (passed, within the rounding bound, fired), each check
// that could not run with the JSON Pointers of the absent figures (or
// SkipExcerpt), and the rules that did not run and why. Sum, Flow, Same
// and Equal record their checks, so a rule written outside the package is
// covered too; Checked counts the checks of a rule that reports through
// Add. Without Options.Coverage nothing is recorded.
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
// Every rule is linear or n·log n in rows: a part's code index (its rows in
// code order, searched by binary search, and each parent's children in one
// flat list found by one pass in code order) is built once per Validate or
// Calculate call, the first time a rule asks, and so is each table's walk
// (A16 records the non-zero figures B6, E1 and E2 ask for). Column access
// and the walk use the field offsets of the layout rather than
// reflect.Value, which cost a third of Calculate and Validate. Sums are
// formed in stack buffers, and a finding's pointer and message are only
// joined when it is reported. BenchmarkValidateRows measures 1,000 to
// 100,000 rows.
package accounts
