// Command e2e measures what a user of `juesuan validate` feels: bytes on
// disk in, findings out, as wall and CPU time of whole processes, against
// floors measured in the same run on the same files:
//
//	floor     .ci/e2e/floor: read every file and decode it into
//	          juesuan.Document with goccy/go-json, checking nothing
//	validate  juesuan validate DIR (strict decode, Calculate, every rule)
//	ajv       ajv-cli (.ci/e2e/node, npm ci) validating the same files
//	          against the exported JSON Schema: shape only, no audit rule
//
// N small documents (default 10,000) are generated with `juesuan fixture`
// into a temporary directory (fixture expectations removed, so all three
// read exactly the same files). The rounds are interleaved: each runs every
// command once. Each run is printed as a Go benchmark line,
//
//	BenchmarkEndToEnd/validate 1 <wall> ns/op <cpu> cpu-ns/op
//
// so that benchstat and .ci/benchratio read it like any other benchmark.
// ajv is skipped, and says so on stderr, when node_modules is missing.
//
// Usage (from the module root):
//
//	(cd .ci/e2e && go run . [-n 10000] [-rounds 5] [-profile sichuan-2020] [-size small])
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 10000, "number of documents")
	rounds := flag.Int("rounds", 5, "interleaved rounds")
	profile := flag.String("profile", "sichuan-2020", "profile of the generated documents")
	size := flag.String("size", "small", "fixture size: small or large")
	flag.Parse()
	if err := run(*n, *rounds, *profile, *size); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
}

func run(n, rounds int, profile, size string) error {
	root, err := filepath.Abs("../..")
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "juesuan-e2e-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	bin := func(name string) string { return filepath.Join(work, name) }
	if err := sh(root, "go", "build", "-o", bin("juesuan"), "./cmd/juesuan"); err != nil {
		return err
	}
	if err := sh(".", "go", "build", "-o", bin("floor"), "./floor"); err != nil {
		return err
	}
	docs := filepath.Join(work, "docs")
	if err := sh(root, bin("juesuan"), "fixture", "--out", docs, "--profile", profile,
		"--size", size, "--count", fmt.Sprint(n), "--seed", "1"); err != nil {
		return err
	}
	expected, _ := filepath.Glob(filepath.Join(docs, "*.expected.json"))
	for _, p := range expected {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	type cmd struct {
		name string
		argv []string
	}
	cmds := []cmd{
		{"floor", []string{bin("floor"), docs}},
		{"validate", []string{bin("juesuan"), "validate", docs}},
	}
	ajv, _ := filepath.Abs("node/node_modules/.bin/ajv")
	if _, err := os.Stat(ajv); err == nil {
		schema := filepath.Join(root, "schemas", profile+".document.2020-12.json")
		cmds = append(cmds, cmd{"ajv", []string{ajv, "validate", "--spec=draft2020", "--strict=false",
			"-s", schema, "-d", filepath.Join(docs, "*.json")}})
	} else {
		fmt.Fprintln(os.Stderr, "e2e: ajv not measured: run `npm ci` in .ci/e2e/node first")
	}
	fmt.Printf("goos: %s\n", "linux")
	fmt.Printf("pkg: e2e docs=%d profile=%s size=%s\n", n, profile, size)
	for r := 1; r <= rounds; r++ {
		fmt.Fprintf(os.Stderr, "e2e: round %d of %d\n", r, rounds)
		for _, c := range cmds {
			wall, cpu, err := measure(c.argv)
			if err != nil {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			fmt.Printf("BenchmarkEndToEnd/%s 1 %d ns/op %d cpu-ns/op\n", c.name, wall.Nanoseconds(), cpu.Nanoseconds())
		}
	}
	return nil
}

// measure runs argv with its output discarded and returns its wall time and
// its CPU time (user + system, of the process and its children).
func measure(argv []string) (wall, cpu time.Duration, err error) {
	c := exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	start := time.Now()
	err = c.Run()
	wall = time.Since(start)
	if err != nil {
		msg := stderr.String()
		if len(msg) > 2000 {
			msg = msg[:2000] + "…"
		}
		return 0, 0, fmt.Errorf("%w: %s", err, strings.TrimSpace(msg))
	}
	return wall, c.ProcessState.UserTime() + c.ProcessState.SystemTime(), nil
}

func sh(dir string, argv ...string) error {
	c := exec.Command(argv[0], argv[1:]...)
	c.Dir = dir
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	return c.Run()
}
