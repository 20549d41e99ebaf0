package classification_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/classification"
)

func entries(c *classification.Catalog) []classification.Entry {
	var out []classification.Entry
	c.Walk(func(e classification.Entry) bool { out = append(out, e); return true })
	return out
}

func load(t *testing.T, f classification.Family, year int, csv string) *classification.Catalog {
	t.Helper()
	c, err := classification.LoadCSV(strings.NewReader(csv), f, year, "user")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEditionErrors(t *testing.T) {
	r := classification.NewRegistry()
	for _, tt := range []struct {
		f    classification.Family
		year int
	}{{classification.Functional, 2017}, {classification.EconGov, 2027}, {0, 2020}, {9, 2020}} {
		if c, err := r.Edition(tt.f, tt.year); !errors.Is(err, classification.ErrNoEdition) || c != nil {
			t.Errorf("Edition(%v, %d) = %v, %v; want ErrNoEdition", tt.f, tt.year, c, err)
		}
	}
	if _, err := r.EditionsFor(2027); !errors.Is(err, classification.ErrNoEdition) {
		t.Errorf("EditionsFor(2027) = %v, want ErrNoEdition", err)
	}
	if err := r.Check(classification.Functional, 2030, "201"); !errors.Is(err, classification.ErrNoEdition) {
		t.Errorf("Check in 2030 = %v, want ErrNoEdition", err)
	}
	if err := r.Register(nil, classification.Replace); err == nil {
		t.Error("Register(nil) succeeded")
	}
	c := load(t, classification.Functional, 2020, "code,name\n201,x\n")
	if err := r.Register(c, 0); err == nil {
		t.Error("Register with mode 0 succeeded")
	}
}

func TestEditionsFor(t *testing.T) {
	r := classification.NewRegistry()
	e, err := r.EditionsFor(2020)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []classification.Family{classification.Functional, classification.EconDept, classification.EconGov} {
		c := e.For(f)
		if c == nil || c.Family() != f || c.Year() != 2020 {
			t.Errorf("For(%v) = %v", f, c)
		}
		if c2, _ := r.Edition(f, 2020); c2 != c {
			t.Errorf("Edition(%v, 2020) is not the EditionsFor edition", f)
		}
	}
	if e.For(0) != nil {
		t.Error("For(0) is not nil")
	}
	// The package-level functions use the default registry.
	pe, err := classification.EditionsFor(2020)
	if err != nil || pe.Functional.Name("201") != "一般公共服务支出" {
		t.Errorf("EditionsFor(2020) = %v, %v", pe, err)
	}
	if err := classification.Check(classification.EconDept, 2020, "30101", classification.Section); err != nil {
		t.Errorf("Check(30101) = %v", err)
	}
	if c, err := classification.Edition(classification.EconGov, 2024); err != nil || c.Name("50101") != "工资奖金津补贴" {
		t.Errorf("Edition(EconGov, 2024) = %v, %v", c, err)
	}
}

func TestRegisterReplace(t *testing.T) {
	r := classification.NewRegistry()
	before, _ := r.Edition(classification.Functional, 2024)
	user := load(t, classification.Functional, 2024, "code,name\n201,一般公共服务支出\n20137,网信事务\n2013701,行政运行\n").
		WithComplete(classification.Class, classification.Section, classification.Item)
	if err := r.Register(user, classification.Replace); err != nil {
		t.Fatal(err)
	}
	c, _ := r.Edition(classification.Functional, 2024)
	if d := cmp.Diff([]string{"201", "20137", "2013701"}, codes(entries(c))); d != "" {
		t.Errorf("replaced edition (-want +got):\n%s", d)
	}
	// A complete catalogue makes unknown codes errors, not warnings.
	if err := c.Check("2010301"); !errors.Is(err, classification.ErrUnknown) || classification.IsWarning(err) {
		t.Errorf("Check(2010301) = %v, want an ErrUnknown error", err)
	}
	// Editions handed out before are unchanged; other years and registries too.
	if before.Name("2010301") != "行政运行" {
		t.Error("Register changed an edition handed out before")
	}
	if c, _ := r.Edition(classification.Functional, 2023); c.Name("2010301") != "行政运行" {
		t.Error("Register changed another year")
	}
	if c, _ := classification.Edition(classification.Functional, 2024); c.Name("20137") != "" {
		t.Error("Register on a NewRegistry leaked into the default registry")
	}
	r.Unregister(classification.Functional, 2024)
	if c, _ := r.Edition(classification.Functional, 2024); c != before {
		t.Error("Unregister did not restore the embedded edition")
	}
	// A year with no embedded edition can be registered.
	if err := r.Register(load(t, classification.EconDept, 2030, "code,name\n301,工资福利支出\n"), classification.Replace); err != nil {
		t.Fatal(err)
	}
	if c, err := r.Edition(classification.EconDept, 2030); err != nil || c.Name("301") != "工资福利支出" {
		t.Errorf("Edition(EconDept, 2030) = %v, %v", c, err)
	}
}

func TestRegisterExtend(t *testing.T) {
	r := classification.NewRegistry()
	base, _ := r.Edition(classification.Functional, 2024)
	user := load(t, classification.Functional, 2024, `code,name,since,until
20137,网信事务,,
2013701,行政运行,,
2010301,行政运行（改）,,
224,灾害防治及应急管理支出,2025,
`)
	if err := r.Register(user, classification.Extend); err != nil {
		t.Fatal(err)
	}
	c, _ := r.Edition(classification.Functional, 2024)
	tests := []struct{ code, want string }{
		{"20137", "网信事务"},       // added
		{"2013701", "行政运行"},     // added
		{"2010301", "行政运行（改）"},  // overridden
		{"2010302", "一般行政管理事务"}, // kept
		{"210", "卫生健康支出"},       // kept
		{"224", ""},             // the user's row says from 2025: overrides
	}
	for _, tt := range tests {
		if got := c.Name(tt.code); got != tt.want {
			t.Errorf("extended Name(%s) = %q, want %q", tt.code, got, tt.want)
		}
	}
	if err := c.Check("224"); !errors.Is(err, classification.ErrNotInYear) {
		t.Errorf("Check(224) = %v, want ErrNotInYear", err)
	}
	if got, want := c.Len(), base.Len()+2-1; got != want { // two added, 224 moved out of 2024
		t.Errorf("extended Len = %d, want %d", got, want)
	}
	if got := c.Path("2013701"); got != "一般公共服务支出 > 网信事务 > 行政运行" {
		t.Errorf("Path(2013701) = %q", got)
	}
	if e, _ := c.Lookup("2010301"); e.Source != "user" {
		t.Errorf("overridden row source %q", e.Source)
	}
	if !strings.Contains(c.Source(), "embedded") || !strings.Contains(c.Source(), "user") {
		t.Errorf("extended Source = %q", c.Source())
	}
	if c.Complete(classification.Section) || !c.Complete(classification.Class) {
		t.Error("extended completeness is not the union of both sides")
	}
	// Extending again builds on the registered edition.
	if err := r.Register(load(t, classification.Functional, 2024, "code,name\n20140,x\n").WithComplete(classification.Section), classification.Extend); err != nil {
		t.Fatal(err)
	}
	c, _ = r.Edition(classification.Functional, 2024)
	if c.Name("20137") != "网信事务" || c.Name("20140") != "x" || !c.Complete(classification.Section) {
		t.Errorf("second Extend lost rows or completeness")
	}
	if err := c.Check("20141"); !errors.Is(err, classification.ErrUnknown) || classification.IsWarning(err) {
		t.Errorf("Check(20141) after a complete 款 list = %v, want an error", err)
	}
	// Extending a year with nothing embedded is a Replace.
	if err := r.Register(load(t, classification.EconGov, 2031, "code,name\n501,机关工资福利支出\n"), classification.Extend); err != nil {
		t.Fatal(err)
	}
	if c, _ := r.Edition(classification.EconGov, 2031); c == nil || c.Len() != 1 {
		t.Errorf("Extend of an empty year: %v", c)
	}
}

// TestEmbeddedFilesLoad checks that the embedded data files are in the
// documented CSV format: loading one gives the embedded edition.
func TestEmbeddedFilesLoad(t *testing.T) {
	for _, tt := range []struct {
		f    classification.Family
		file string
	}{{classification.EconDept, "econ_dept.csv"}, {classification.EconGov, "econ_gov.csv"}} {
		b, err := os.ReadFile("internal/data/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		for _, year := range []int{2018, 2024} {
			c, err := classification.LoadCSV(strings.NewReader(string(b)), tt.f, year, "file")
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(entries(edition(t, tt.f, year)), entries(c)); d != "" {
				t.Errorf("%s %d: loaded vs embedded (-embedded +loaded):\n%s", tt.file, year, d)
			}
		}
	}
}

// TestConcurrent runs look-ups, first uses and registrations at once; run
// it with -race.
func TestConcurrent(t *testing.T) {
	r := classification.NewRegistry()
	user := load(t, classification.Functional, 2022, "code,name\n20137,网信事务\n")
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				year := classification.FirstEmbeddedYear + (g+i)%(classification.LastEmbeddedYear-classification.FirstEmbeddedYear+1)
				f := classification.Family(1 + i%3)
				c, err := r.Edition(f, year)
				if err != nil {
					errs <- err
					return
				}
				code := map[classification.Family]string{classification.Functional: "2010301", classification.EconDept: "30101", classification.EconGov: "50101"}[f]
				if _, ok := c.Lookup(code); !ok {
					errs <- fmt.Errorf("%v %d: %s not found", f, year, code)
					return
				}
				_ = c.Path(code)
				_ = c.Check("999")
				if g == 0 && i%50 == 0 {
					if err := r.Register(user, classification.Extend); err != nil {
						errs <- err
						return
					}
				}
				if _, err := classification.Edition(f, year); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
