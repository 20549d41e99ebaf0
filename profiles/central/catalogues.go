package central

import "github.com/cnfiscal/juesuan/classification"

// FiscalYear is the year the template was taken from (the Shanghai 2024
// template, domain.md source S1) and the year of the documents package
// fixture generates.
const FiscalYear = 2024

// FirstYear and LastYear are the fiscal years the profile checks: the 9-table set from the
// 2018 economic-classification reform (the first embedded catalogue
// edition) to 2026. The template is verified for 2024 (S1); 9-table
// disclosures of 2020, 2021 and 2024 in other provinces (S11) print the
// same set with the variants domain.md §1.1 lists [V]; that the set holds
// for 2018–2019 and 2025–2026 is [I].
const FirstYear, LastYear = 2018, 2026

// editions are the classification catalogues codes are checked against:
// nil, the embedded (or classification.Register-ed) editions of
// each document's own year, looked up when a document is checked.
func editions() *classification.Editions { return nil }
