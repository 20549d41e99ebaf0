// Package classification models the 政府收支分类科目 (government revenue and
// expenditure classification) codes that 部门决算 (departmental final
// accounts) use, as year-versioned catalogues.
//
// # Code families
//
// There are three families, each with a typed code that checks its format
// and knows its level and parent without a catalogue:
//
//   - Functional (FuncCode), 支出功能分类: 类 3 digits, 款 5, 项 7 (201 /
//     20103 / 2010301);
//   - EconDept (EconDeptCode), 部门预算支出经济分类: 类 3, 款 5 (301 / 30101);
//   - EconGov (EconGovCode), 政府预算支出经济分类: 类 3, 款 5 (501 / 50101).
//
// # Editions
//
// A Catalog is one family for one fiscal year, an edition. It looks codes up
// (Lookup, Name), navigates them (Children, Ancestors, Path, Walk, All),
// searches names (Search) and validates codes (Check). Names change across
// years, for example 210 医疗卫生与计划生育支出 (until 2018) → 卫生健康支出
// (from 2019); an edition answers with the name valid in its year. Check tells
// apart a malformed code (ErrMalformed), a code at a level the place of use
// does not allow (ErrWrongLevel), a code valid only in other years
// (ErrNotInYear, the message says which) and a code unknown to the edition
// (ErrUnknown); each comes as a *CodeError.
//
// Editions come from a Registry. Edition, EditionsFor, Register and Check
// use a default registry; NewRegistry gives an independent one.
//
// # Embedded data and its provenance
//
// Editions for fiscal years 2018–2026 are embedded. They are built on first
// use from tables.go, which `go generate ./classification` writes from the
// CSV files in internal/data (see its README.md and SOURCES.md). Every row
// keeps its provenance in Entry.Source: "doc:<id>" when the code and name
// were read in a document listed in SOURCES.md, "recalled" when they come
// from the compiler's memory and are unverified. DataVersion identifies the
// data.
//
// A row's Since and Until are filled in only where a catalogue change is
// known; 0 means no boundary is asserted, not "valid forever". Where a code
// has two names and the data asserts no boundary (only 215: 资源勘探信息等支出
// → 资源勘探工业信息等支出), internal/data/boundaries.csv supplies one. For 215
// it is recalled, not documented: the old name until 2019, the new from 2020.
// The other switches come from the data: 207, 210 and 220 at 2019; 20805
// 行政事业单位离退休 (until 2020) → 行政事业单位养老支出 (from 2021), also
// recalled. The generator refuses data in which two rows of one code are
// valid in the same year.
//
// Some functional rows are seen rows (internal/data/func_seen.csv): codes
// that the compiled data lacked, read in published 2024–2026 Shanghai Putuo
// budgets. A name printed in a budget of year Y is evidence for the edition
// of year Y only, so such a row is in that edition, with that year's
// documents as its Source, and the other editions do not know the code
// (Check gives the ErrUnknown warning, not ErrNotInYear). Its Since and
// Until are 0: the documents state no boundary. For example 2040607
// 公共法律服务 is in the 2024, 2025 and 2026 editions; its older name 法律援助,
// like 2080705 岗位补贴 → 公益性岗位补贴, is a rename with no stated year and
// is not in the data.
//
// # The embedded catalogue is incomplete
//
// The embedded data is not the full official catalogue. Catalog.Complete
// reports, per level, whether an edition is known to be complete:
//
//   - 类 is complete in all three families;
//   - 款 and 项 are incomplete in all three families: func.csv holds only
//     the 款/项 seen in documents plus the 款 the compiler was sure of, and
//     the economic families leave out a few 款 (31304, 39909, 39910; 51004,
//     59909, 59910).
//
// An unknown code at a level known to be incomplete is a warning, not an
// error: it may be a valid code the embedded data lacks. Check then sets
// CodeError.Incomplete, and IsWarning reports true. To check such codes
// properly, load the official catalogue.
//
// # Loading an official catalogue
//
// A 预算管理一体化 system can export the official catalogue. Save it as a
// UTF-8 CSV file (a byte-order mark is allowed; GBK is not) with a header
// row and these columns, in any order:
//
//	code    required; 3/5/7 digits (functional) or 3/5 digits (economic)
//	name    required; the name in the fiscal year
//	level   optional; 类/款/项 or 1/2/3, must agree with the code's length
//	parent  optional; must be the code minus its last two digits, empty for a 类
//	since   optional; first fiscal year the row is valid, empty if not asserted
//	until   optional; last fiscal year the row is valid, empty if not asserted
//	source  optional; provenance of the row (defaults to LoadCSV's source)
//
// For example:
//
//	code,name,level,parent,since,until,source
//	201,一般公共服务支出,类,,,,财预〔2023〕83号
//	20103,政府办公厅（室）及相关机构事务,款,201,,,财预〔2023〕83号
//	2010301,行政运行,项,20103,,,财预〔2023〕83号
//
// This is the format of the embedded files. Then:
//
//	c, err := classification.LoadCSV(f, classification.Functional, 2024, "财预〔2023〕83号 export")
//	// handle err: each bad row is a *CSVError with Line and Column
//	c = c.WithComplete(classification.Class, classification.Section, classification.Item)
//	err = classification.Register(c, classification.Replace) // or Extend
//
// Replace makes the file the whole edition. Extend adds its rows to the
// embedded edition, a file row overriding the embedded rows of its code.
// Two rows of one code valid in the same year are an error (ErrDuplicate).
package classification
