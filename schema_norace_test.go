//go:build !race

package juesuan

// schRace reports a -race build; see schema_race_test.go.
const schRace = false
