package indicators

// The Sichuan 2020 framework and the Shanghai grade bands belong to their
// profiles (profiles/sichuan2020, profiles/central). profiles_test.go, an
// external test file, imports those packages, so they are registered before
// any test runs; these helpers look them up for the internal tests.

// Sichuan2020 is the ID of the framework profiles/sichuan2020 registers.
const Sichuan2020 = "sichuan-2020"

// Sichuan2020Framework returns a copy of the registered Sichuan 2020
// framework.
func Sichuan2020Framework() *Framework {
	f, err := LookupFramework(Sichuan2020)
	if err != nil {
		panic(err) // profiles_test.go imports profiles/sichuan2020
	}
	return f.Clone()
}

// ShanghaiBands returns the bands profiles/central registers.
func ShanghaiBands() Bands {
	b, err := BandsNamed("优良合格不合格")
	if err != nil {
		panic(err) // profiles_test.go imports profiles/central
	}
	return b
}
