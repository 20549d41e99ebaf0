// Command benchratio reads `go test -bench` output (any number of runs of
// each benchmark, as -count gives) and prints the ratio table of
// BENCHMARKS.md: for each target, the medians it compares, their ratio, the
// target and whether it is met. It exits 1 when a target is missed and 2 when
// a benchmark the table needs is missing from the input.
//
// Usage (from the module root):
//
//	go run ./.ci/benchratio [-peakmem FILE] bench.txt…
//
// Medians are used throughout: never a single run's time.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// samples maps a benchmark name (without the -GOMAXPROCS suffix) and a unit
// ("ns/op", "B/op", "allocs/op") to its values.
type samples map[string]map[string][]float64

var procSuffix = regexp.MustCompile(`-\d+$`)

func parse(r io.Reader, s samples) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		name := procSuffix.ReplaceAllString(f[0], "")
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				break
			}
			if s[name] == nil {
				s[name] = map[string][]float64{}
			}
			s[name][f[i+1]] = append(s[name][f[i+1]], v)
		}
	}
	return sc.Err()
}

func median(v []float64) float64 {
	w := slices.Clone(v)
	slices.Sort(w)
	n := len(w)
	if n%2 == 1 {
		return w[n/2]
	}
	return (w[n/2-1] + w[n/2]) / 2
}

// get returns the median of a benchmark's unit and the number of runs.
func (s samples) get(name, unit string) (float64, int, bool) {
	v := s[name][unit]
	if len(v) == 0 {
		return 0, 0, false
	}
	return median(v), len(v), true
}

type row struct {
	what   string
	num    string // benchmark whose median is the numerator
	den    string // benchmark whose median is the denominator ("" for an absolute figure)
	unit   string
	op     string // "<=" or ">="
	target float64
	note   string
}

func fmtNum(v float64, unit string) string {
	switch {
	case (unit == "ns/op" || unit == "cpu-ns/op") && v >= 1e9:
		return fmt.Sprintf("%.2f s", v/1e9)
	case (unit == "ns/op" || unit == "cpu-ns/op") && v >= 1e6:
		return fmt.Sprintf("%.2f ms", v/1e6)
	case unit == "ns/op" && v >= 1e3:
		return fmt.Sprintf("%.1f µs", v/1e3)
	case unit == "ns/op":
		return fmt.Sprintf("%.1f ns", v)
	case unit == "B/op" && v >= 1<<20:
		return fmt.Sprintf("%.2f MiB", v/(1<<20))
	case unit == "B/op" && v >= 1<<10:
		return fmt.Sprintf("%.1f KiB", v/(1<<10))
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + " " + strings.TrimSuffix(unit, "/op")
}

func main() {
	peak := flag.String("peakmem", "", "file with the output of .ci/peakmem, to add to the memory table")
	flag.Parse()
	s := samples{}
	for _, path := range flag.Args() {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchratio:", err)
			os.Exit(2)
		}
		err = parse(f, s)
		f.Close()
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchratio:", err)
			os.Exit(2)
		}
	}

	const d = "BenchmarkDocument/"
	rows := []row{}
	for _, doc := range []string{"reference", "large"} {
		p := d + doc + "/"
		rows = append(rows,
			row{doc + ": Calculate+Validate ÷ encoding/json decode", p + "CalculateValidate", p + "JSONUnmarshal", "ns/op", "", 0, "for information: issue 3/8's in-memory target (≤ 0.25×), superseded by issue 12, which removed the speed-up layer built for it; the end-to-end rows below are what a user sees"},
			row{doc + ": Validate (already calculated) ÷ encoding/json decode", p + "Validate", p + "JSONUnmarshal", "ns/op", "", 0, "for information"},
			row{doc + ": juesuan.Decode ÷ encoding/json decode", p + "Decode", p + "JSONUnmarshal", "ns/op", "", 0, "for information: the strict decoder"},
			row{doc + ": JSON Schema validate (parsed value) ÷ Validate", p + "SchemaValidate", p + "Validate", "ns/op", "", 0, "for information: issue 8's in-memory target (≥ 10×), superseded by issue 12 (see above); both check a document already in memory"},
			row{doc + ": JSON Schema validate (parsed value) ÷ Calculate+Validate", p + "SchemaValidate", p + "CalculateValidate", "ns/op", "", 0, "for information: also derives the totals, on a freshly decoded (cache-cold) copy"},
			row{doc + ": JSON Schema parse+validate ÷ Decode+Calculate+Validate", p + "SchemaParseValidate", p + "DecodeCalculateValidate", "ns/op", "", 0, "for information: end to end from bytes"},
		)
	}
	k1 := d + "large-k1/"
	rows = append(rows,
		row{"large-k1: Calculate+Validate ÷ encoding/json decode", k1 + "CalculateValidate", k1 + "JSONUnmarshal", "ns/op", "", 0, "for information: thousands of K1 warnings"},
		row{"large-k1: Validate (already calculated) ÷ encoding/json decode", k1 + "Validate", k1 + "JSONUnmarshal", "ns/op", "", 0, "for information"},
	)
	rows = append(rows,
		row{"Catalog.Lookup, function codes (public API)", "BenchmarkCatalogLookup/Functional", "", "ns/op", "<=", 50, "issue 8 target"},
		row{"Catalog.Lookup, function codes: allocations", "BenchmarkCatalogLookup/Functional", "", "allocs/op", "<=", 0, "issue 8 target"},
		row{"Catalog.Lookup, economic codes (public API)", "BenchmarkCatalogLookup/EconDept", "", "ns/op", "<=", 50, "issue 8 target"},
		row{"Catalog.Lookup, economic codes: allocations", "BenchmarkCatalogLookup/EconDept", "", "allocs/op", "<=", 0, "issue 8 target"},
		row{"classification BenchmarkLookup (package benchmark)", "BenchmarkLookup", "", "ns/op", "<=", 50, "issue 8 target"},
		row{"classification BenchmarkLookup: allocations", "BenchmarkLookup", "", "allocs/op", "<=", 0, "issue 8 target"},
	)

	const iw = "BenchmarkImportWorkbook/"
	rows = append(rows,
		row{"import of a large workbook (sheet.ReadXLSX + Import) ÷ excelize OpenReader + GetRows of every sheet", iw + "import", iw + "excelize-getrows", "ns/op", "<=", 1.5, "issue 14 target: ≥ 2,000 项 rows per table, the profile recognised"},
		row{"import, profile named ÷ excelize GetRows", iw + "import-profile-named", iw + "excelize-getrows", "ns/op", "", 0, "for information: without recognising the profile"},
		row{"sheet.ReadXLSX alone ÷ excelize GetRows", iw + "read", iw + "excelize-getrows", "ns/op", "", 0, "for information: reading the cells, before mapping"},
	)

	const rv = "BenchmarkRenderVsValidate/"
	rows = append(rows,
		row{"render the reference to HTML ÷ validate it as juesuan validate does, from the file's bytes", rv + "file", "", "render/validate", "<=", 1, "issue 18 target: each iteration renders and validates once, interleaved; the ratio of the median single times"},
		row{"render ÷ validate, from the decoded document", rv + "doc", "", "render/validate", "", 0, "for information: decoding left out of both"},
	)

	const e = "BenchmarkEndToEnd/"
	rows = append(rows,
		row{"end to end: juesuan validate DIR ÷ goccy/go-json decode-only floor, wall", e + "validate", e + "floor", "ns/op", "<=", 1.4, "issue 12 target: 10,000 small documents, whole processes on all cores"},
		row{"end to end: juesuan validate DIR ÷ goccy/go-json decode-only floor, CPU", e + "validate", e + "floor", "cpu-ns/op", "<=", 1.4, "issue 12 target"},
		row{"end to end: juesuan validate DIR ÷ ajv-cli on the exported schema, CPU", e + "validate", e + "ajv", "cpu-ns/op", "<", 1, "issue 12 target: less CPU than a schema-only validator while checking every rule"},
		row{"end to end: ajv-cli ÷ juesuan validate DIR, wall", e + "ajv", e + "validate", "ns/op", "", 0, "for information: how much faster a user sees juesuan than a generic validator"},
	)

	missed, missing := 0, 0
	fmt.Println("| comparison | numerator (median) | denominator (median) | ratio / figure | target | result | note |")
	fmt.Println("|---|---|---|---|---|---|---|")
	for _, r := range rows {
		nv, nn, ok := s.get(r.num, r.unit)
		if !ok {
			fmt.Printf("| %s | missing: %s | | | | MISSING | %s |\n", r.what, r.num, r.note)
			missing++
			continue
		}
		val, numCell, denCell := nv, fmt.Sprintf("%s (n=%d)", fmtNum(nv, r.unit), nn), "—"
		if r.den != "" {
			dv, dn, ok := s.get(r.den, r.unit)
			if !ok || dv == 0 {
				fmt.Printf("| %s | %s | missing: %s | | | MISSING | %s |\n", r.what, numCell, r.den, r.note)
				missing++
				continue
			}
			val = nv / dv
			denCell = fmt.Sprintf("%s (n=%d)", fmtNum(dv, r.unit), dn)
		}
		figure := fmtNum(val, r.unit)
		if r.den != "" {
			figure = fmt.Sprintf("%.3f×", val)
		}
		target, result := "—", "info"
		if r.op != "" {
			if r.den != "" {
				target = fmt.Sprintf("%s %g×", r.op, r.target)
			} else {
				target = fmt.Sprintf("%s %s", r.op, fmtNum(r.target, r.unit))
			}
			pass := (r.op == "<=" && val <= r.target) || (r.op == ">=" && val >= r.target) || (r.op == "<" && val < r.target)
			result = "**pass**"
			if !pass {
				result = "**FAIL**"
				missed++
			}
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %s |\n", r.what, numCell, denCell, figure, target, result, r.note)
	}

	fmt.Println()
	fmt.Println("Memory per validated document (medians of the same runs):")
	fmt.Println()
	fmt.Println("| document | operation | allocs/op | B/op |")
	fmt.Println("|---|---|---|---|")
	for _, doc := range []string{"reference", "large", "large-k1"} {
		for _, op := range []string{"JSONUnmarshal", "Decode", "CalculateValidate", "Validate", "SchemaValidate"} {
			name := d + doc + "/" + op
			a, _, ok1 := s.get(name, "allocs/op")
			b, _, ok2 := s.get(name, "B/op")
			if ok1 && ok2 {
				fmt.Printf("| %s | %s | %s | %s |\n", doc, op, strconv.FormatFloat(a, 'f', -1, 64), fmtNum(b, "B/op"))
			}
		}
	}

	if *peak != "" {
		data, err := os.ReadFile(*peak)
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchratio:", err)
			os.Exit(2)
		}
		fmt.Println()
		fmt.Println("Peak memory of batch validation (.ci/peakmem, one child process per mode; peak RSS is VmHWM from /proc/self/status):")
		fmt.Println()
		fmt.Println("| mode | documents | workers | peak RSS | heap obtained from OS | allocs/doc | bytes allocated/doc | errors | warnings |")
		fmt.Println("|---|---|---|---|---|---|---|---|---|")
		for _, line := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(line, "peakmem ") {
				continue
			}
			kv := map[string]string{}
			for _, f := range strings.Fields(line)[1:] {
				k, v, _ := strings.Cut(f, "=")
				kv[k] = v
			}
			kib := func(k string) string {
				v, _ := strconv.ParseFloat(kv[k], 64)
				return fmt.Sprintf("%.1f MiB", v/1024)
			}
			fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", kv["mode"], kv["docs"], kv["workers"],
				kib("peak_rss_kib"), kib("heap_sys_kib"), kv["allocs_per_doc"], kv["bytes_per_doc"], kv["errors"], kv["warnings"])
		}
	}

	switch {
	case missing > 0:
		os.Exit(2)
	case missed > 0:
		os.Exit(1)
	}
}
