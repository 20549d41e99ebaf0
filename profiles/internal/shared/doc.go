// Package shared holds the data the built-in profiles share: the
// 情况说明 wording patterns of the Sichuan 2020 and central/Shanghai 2024
// templates. The two templates print mostly the same headings and labels,
// and the patterns were collected over both, so one set serves both
// profiles; a profile that needs other wording gives its own Patterns.
//
// It also holds the 久其 部门决算 sheet names of the four public tables that
// have a 久其 sheet of the same layout (JiuqiZ01 …), which both profiles set
// as their TableSpec.Jiuqi.
//
// And it holds the seven standard charts both templates' narratives refer
// to (图1–图7, [Charts]), which all three built-in profiles set as their
// Profile.Charts.
//
// Start with [Patterns], which profiles/sichuan2020 and profiles/central
// set as their Profile.Narrative. The package is internal: a profile of
// another module copies what it needs from it.
package shared
