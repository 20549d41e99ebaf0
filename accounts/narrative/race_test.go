//go:build race

package narrative

// raceEnabled is set when the tests run under the race detector.
const raceEnabled = true
