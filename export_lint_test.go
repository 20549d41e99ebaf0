package juesuan

import "github.com/cnfiscal/juesuan/accounts/narrative"

// NarrativeFacts gives the external tests the facts Lint checks a narrative
// against.
func NarrativeFacts(d *Document) *narrative.Facts { return narrativeFacts(d) }
