package juesuan

// The IDs of the built-in profiles, for the internal tests. The profiles
// themselves are packages that import this one (profiles/sichuan2020,
// profiles/central, profiles/sichuan2023), so an internal test cannot
// import them; profiles_test.go, an external test file of the same test
// binary, does, which registers them before any test runs. A wrong ID here fails with ErrUnknownProfile.
const (
	Sichuan2020 = "sichuan-2020"
	Central2024 = "central-2024"
	Sichuan2023 = "sichuan-2023"
)
