package juesuan_test

import (
	"testing"

	"github.com/cnfiscal/juesuan"
	_ "github.com/cnfiscal/juesuan/profiles" // registers the built-in profiles for every test of the package
	"github.com/cnfiscal/juesuan/profiles/central"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
	"github.com/cnfiscal/juesuan/profiles/sichuan2023"
)

// TestBuiltinIDs ties the IDs the internal tests use (builtin_ids_test.go)
// to the profile packages.
func TestBuiltinIDs(t *testing.T) {
	if juesuan.Sichuan2020 != sichuan2020.ID || juesuan.Central2024 != central.ID || juesuan.Sichuan2023 != sichuan2023.ID {
		t.Errorf("builtin_ids_test.go: %q, %q, %q; the packages say %q, %q, %q", juesuan.Sichuan2020, juesuan.Central2024, juesuan.Sichuan2023,
			sichuan2020.ID, central.ID, sichuan2023.ID)
	}
}
