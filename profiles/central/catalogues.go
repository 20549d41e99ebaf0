package central

import "github.com/cnfiscal/juesuan/classification"

// FiscalYear is the fiscal year of the profile's documents.
const FiscalYear = 2024

// editions are the classification catalogues codes are checked against:
// nil, the embedded (or classification.Register-ed) editions of
// FiscalYear, looked up when a document is checked.
func editions() *classification.Editions { return nil }
