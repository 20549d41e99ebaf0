package accounts

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
)

// Benchmarks: decoding a document with encoding/json is the baseline;
// Calculate+Validate of the same document should take at most a quarter of
// it. Compare with
//
//	go test -run x -bench . -benchmem -count 6 ./accounts/ | tee /tmp/acc.txt
//	go run golang.org/x/perf/cmd/benchstat@latest /tmp/acc.txt

func BenchmarkDecodeReference(b *testing.B) {
	data, err := os.ReadFile(referencePath)
	if err != nil {
		b.Fatal(err)
	}
	benchDecode(b, data)
}

// BenchmarkCalcValidateReference runs Calculate and Validate on the
// reference fixture as written: Calculate fills its absent 款 rows. The
// report is restored (untimed) before each iteration so that every
// iteration does the filling.
func BenchmarkCalcValidateReference(b *testing.B) {
	pristine := reference(b)
	o := Options{Catalogs: editions(b, 2020)}
	var r Report
	restore(&r, pristine)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		restore(&r, pristine)
		b.StartTimer()
		r.Calculate()
		if fs := Validate(&r, o); fs.HasErrors() {
			b.Fatal(fs)
		}
	}
}

// BenchmarkValidateReference runs Validate alone on the reference fixture
// after Calculate: Validate does not change the report, so no restore (and
// no timer stop, which costs more than a small report's validation) is
// needed between iterations.
func BenchmarkValidateReference(b *testing.B) {
	r := reference(b)
	r.Calculate()
	o := Options{Catalogs: editions(b, 2020)}
	b.ReportAllocs()
	for b.Loop() {
		if fs := Validate(r, o); fs.HasErrors() {
			b.Fatal(fs)
		}
	}
}

// BenchmarkCalculateReference runs Calculate alone on the reference
// fixture as written (it fills the absent 款 rows). Reports are restored
// a batch at a time with the timer stopped, since stopping it per
// iteration costs more than the calculation.
func BenchmarkCalculateReference(b *testing.B) {
	pristine := reference(b)
	rs := make([]Report, 256)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%len(rs) == 0 {
			b.StopTimer()
			for k := range rs {
				restore(&rs[k], pristine)
			}
			b.StartTimer()
		}
		rs[i%len(rs)].Calculate()
	}
}

func largeBytes(b *testing.B) ([]byte, *Report, Options) {
	r, eds := synthetic(b, 20, 10, 10)
	data, err := json.Marshal(r)
	if err != nil {
		b.Fatal(err)
	}
	return data, r, Options{Catalogs: eds}
}

// BenchmarkDecodeLarge decodes the synthetic report: 2,000 项 rows in each
// of three function tables and in 财决Z01-1 (about 8,700 coded rows).
func BenchmarkDecodeLarge(b *testing.B) {
	data, _, _ := largeBytes(b)
	benchDecode(b, data)
}

// BenchmarkCalcValidateLarge runs Calculate and Validate on the synthetic
// report, decoded from the same bytes. It is complete and consistent: the
// normal path, where Calculate fills nothing and Validate finds nothing.
func BenchmarkCalcValidateLarge(b *testing.B) {
	data, _, o := largeBytes(b)
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Calculate()
		if fs := Validate(&r, o); len(fs) != 0 {
			b.Fatal(fs)
		}
	}
}

func benchDecode(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var r Report
		if err := json.Unmarshal(data, &r); err != nil {
			b.Fatal(err)
		}
	}
}

// restore makes dst a deep copy of src, reusing dst's slices and pointers,
// so that a benchmark can reset a report without allocating.
func restore(dst, src *Report) { deepCopy(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()) }

var leafTypes = map[reflect.Type]bool{reflect.TypeOf(Amount{}): true, reflect.TypeOf(Count{}): true}

func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		if dst.IsNil() {
			dst.Set(reflect.New(src.Type().Elem()))
		}
		deepCopy(dst.Elem(), src.Elem())
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		if dst.Cap() < src.Len() {
			dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
		}
		dst.SetLen(src.Len())
		for i := 0; i < src.Len(); i++ {
			deepCopy(dst.Index(i), src.Index(i))
		}
	case reflect.Struct:
		if leafTypes[src.Type()] {
			dst.Set(src)
			return
		}
		for i := 0; i < src.NumField(); i++ {
			deepCopy(dst.Field(i), src.Field(i))
		}
	default: // strings, numbers, maps (Extra is not changed by Calculate)
		dst.Set(src)
	}
}

// TestRestore: restore gives an equal report that shares no row storage.
func TestRestore(t *testing.T) {
	src := validReport()
	var dst Report
	restore(&dst, src)
	stripDerived(&dst)
	if cmpDiff(validReport(), src) != "" {
		t.Fatal("restore shares storage with its source")
	}
	restore(&dst, src)
	if d := cmpDiff(src, &dst); d != "" {
		t.Errorf("restore (-src +dst):\n%s", d)
	}
}

// rowsReport is the synthetic report with n 项 rows in each of its three
// function tables and in 财决Z01-1, and n 款 rows (in n/100 类) in
// 一般公共预算财政拨款基本支出决算表. It validates with no finding.
func rowsReport(tb testing.TB, n int) (*Report, Options) {
	tb.Helper()
	shape := map[int][3]int{1000: {10, 10, 10}, 10000: {20, 10, 50}, 100000: {100, 20, 50}}[n]
	if shape[0] == 0 {
		tb.Fatalf("no shape for %d rows", n)
	}
	r, eds := synthetic(tb, shape[0], shape[1], shape[2])
	b := r.Tables.GeneralBudgetBasic
	cents := func(c int64) Amount { return amount.MustParse(fmt.Sprintf("%d.%02d", c/100, c%100)) }
	units := func(a Amount) int64 {
		d, _ := a.Decimal()
		return d.Shift(2).IntPart()
	}
	pers, pub := units(b.Personnel), units(b.Public)
	classes := (n + 99) / 100
	zero := map[string]bool{"30212": true, "30217": true, "30231": true, "31013": true} // B10's 三公 lines
	// the 款 rows of the 人员经费 classes share pers, the others pub
	var nPers, nPub int64
	for k := range classes {
		class := fmt.Sprintf("%03d", (301+k)%1000)
		for s := range 100 {
			switch code := fmt.Sprintf("%s%02d", class, s); {
			case zero[code]:
			case class == "301" || class == "303":
				nPers++
			default:
				nPub++
			}
		}
	}
	share := func(total, parts int64, i *int64) Amount {
		v := total / parts
		if *i < total%parts {
			v++
		}
		*i++
		return cents(v)
	}
	var iPers, iPub int64
	b.Rows = b.Rows[:0]
	for k := range classes {
		class := classification.EconDeptCode(fmt.Sprintf("%03d", (301+k)%1000))
		at := len(b.Rows)
		b.Rows = append(b.Rows, EconDeptRow{Code: class})
		var sum int64
		for s := range 100 {
			code := class + classification.EconDeptCode(fmt.Sprintf("%02d", s))
			var a Amount
			switch {
			case zero[string(code)]:
				a = amount.Zero
			case class == "301" || class == "303":
				a = share(pers, nPers, &iPers)
			default:
				a = share(pub, nPub, &iPub)
			}
			sum += units(a)
			b.Rows = append(b.Rows, EconDeptRow{Code: code, Amount: a})
		}
		b.Rows[at].Amount = cents(sum)
	}
	r.Tables.Z07.Rows = nil
	eds.EconDept = nil // the generated 款 codes are not in the catalogue
	return r, Options{Catalogs: eds}
}

// BenchmarkValidateRows runs Validate on rowsReport with 1,000, 10,000 and
// 100,000 rows: the time per row should stay flat.
//
//	go test -run x -bench ValidateRows -benchtime 3x ./accounts/
func BenchmarkValidateRows(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			r, o := rowsReport(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if fs := Validate(r, o); len(fs) != 0 {
					b.Fatal(fs[0])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
		})
	}
}

// BenchmarkCalculateRows runs Calculate on rowsReport (complete, so it
// fills nothing) at the same sizes.
func BenchmarkCalculateRows(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			r, _ := rowsReport(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				r.Calculate()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
		})
	}
}

// TestRowsReport: the generated reports of the row benchmarks are valid
// (checked at the smallest size).
func TestRowsReport(t *testing.T) {
	r, o := rowsReport(t, 1000)
	if n := len(r.Tables.GeneralBudgetBasic.Rows); n != 1010 {
		t.Fatalf("%d rows in the 基本支出 table, want 1010", n)
	}
	if fs := Validate(r, o); len(fs) != 0 {
		t.Errorf("%d findings, first %v", len(fs), fs[0])
	}
}
