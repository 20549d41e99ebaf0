//go:build race

package juesuan

// schRace reports a -race build: TestSchemaDifferential then runs a sample
// (the race detector is about concurrency, not mutation coverage).
const schRace = true
