package classification_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/classification"
)

const goodCSV = `code,name,level,parent,since,until,source
201,一般公共服务支出,类,,,,财预〔2023〕83号
20103,政府办公厅（室）及相关机构事务,款,201,,,
2010301,行政运行,项,20103,,,
20137,网信事务,款,201,2019,,
20805,行政事业单位离退休,款,208,,2020,
20805,行政事业单位养老支出,款,208,2021,,
208,社会保障和就业支出,类,,,,
`

func TestLoadCSV(t *testing.T) {
	c, err := classification.LoadCSV(strings.NewReader(goodCSV), classification.Functional, 2024, "test export")
	if err != nil {
		t.Fatal(err)
	}
	var got []classification.Entry
	c.Walk(func(e classification.Entry) bool { got = append(got, e); return true })
	want := []classification.Entry{
		{Code: "201", Name: "一般公共服务支出", Level: classification.Class, Source: "财预〔2023〕83号"},
		{Code: "20103", Name: "政府办公厅（室）及相关机构事务", Level: classification.Section, Parent: "201", Source: "test export"},
		{Code: "2010301", Name: "行政运行", Level: classification.Item, Parent: "20103", Source: "test export"},
		{Code: "20137", Name: "网信事务", Level: classification.Section, Parent: "201", Since: 2019, Source: "test export"},
		{Code: "208", Name: "社会保障和就业支出", Level: classification.Class, Source: "test export"},
		{Code: "20805", Name: "行政事业单位养老支出", Level: classification.Section, Parent: "208", Since: 2021, Source: "test export"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("LoadCSV entries (-want +got):\n%s", d)
	}
	if c.Year() != 2024 || c.Family() != classification.Functional || c.Source() != "test export" {
		t.Errorf("Year %d Family %v Source %q", c.Year(), c.Family(), c.Source())
	}
	if c.Complete(classification.Class) {
		t.Error("a loaded catalogue declares itself complete")
	}
	c2018, err := classification.LoadCSV(strings.NewReader(goodCSV), classification.Functional, 2018, "x")
	if err != nil {
		t.Fatal(err)
	}
	if got := c2018.Name("20805"); got != "行政事业单位离退休" {
		t.Errorf("2018 Name(20805) = %q", got)
	}
	if err := c2018.Check("20137"); !errors.Is(err, classification.ErrNotInYear) {
		t.Errorf("2018 Check(20137) = %v, want ErrNotInYear", err)
	}
}

func TestLoadCSVFormats(t *testing.T) {
	tests := []struct {
		name, in string
		f        classification.Family
		want     []string // code=name
	}{
		{"BOM and CRLF", "\ufeffcode,name\r\n301,工资福利支出\r\n30101,基本工资\r\n", classification.EconDept,
			[]string{"301=工资福利支出", "30101=基本工资"}},
		{"columns in any order, numeric level, spaces", "name,level,code\n 机关工资福利支出 ,1, 501\n工资奖金津补贴,2,50101\n", classification.EconGov,
			[]string{"501=机关工资福利支出", "50101=工资奖金津补贴"}},
		{"upper-case header, quoted name", "CODE,Name\n201,\"一般公共服务支出\"\n", classification.Functional,
			[]string{"201=一般公共服务支出"}},
	}
	for _, tt := range tests {
		c, err := classification.LoadCSV(strings.NewReader(tt.in), tt.f, 2020, "t")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		c.Walk(func(e classification.Entry) bool { got = append(got, e.Code+"="+e.Name); return true })
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, d)
		}
	}
}

// csvFault is the comparable part of a *CSVError.
type csvFault struct {
	Line, Column int
	Field        string
	Sentinel     error  // errors.Is target, or nil
	Msg          string // substring of the message
}

func TestLoadCSVErrors(t *testing.T) {
	const hdr = "code,name,level,parent,since,until,source\n"
	tests := []struct {
		name string
		f    classification.Family
		in   string
		want []csvFault
	}{
		{"empty file", classification.Functional, "", []csvFault{{Line: 1, Msg: "empty file"}}},
		{"unknown and duplicate columns", classification.Functional, "code,name,sinse,name\n",
			[]csvFault{
				{Line: 1, Column: 3, Field: "sinse", Msg: "unknown column"},
				{Line: 1, Column: 4, Field: "name", Msg: "twice"},
			}},
		{"missing name column", classification.Functional, "code,level\n201,类\n",
			[]csvFault{{Line: 1, Field: "name", Msg: "missing column"}}},
		{"bad rows, all reported", classification.Functional, hdr +
			"201,一般公共服务支出,类,,,,\n" + // line 2: good
			"2O1,一般公共服务支出,类,,,,\n" + // 3: malformed code
			"20103,,款,201,,,\n" + // 4: empty name
			"20104,发展与改革事务,项,201,,,\n" + // 5: level disagrees
			"20105,统计信息事务,款,202,,,\n" + // 6: parent disagrees
			"20106,财政事务,款,201,19,,\n" + // 7: bad since
			"20107,税收事务,款,201,2020,2019,\n" + // 8: until before since
			"20108,审计事务,款,201\n" + // 9: field count
			"20109,\"海关事务,款,201,,,\n" + // 10: bare quote runs to EOF
			"",
			[]csvFault{
				{Line: 3, Column: 1, Field: "code", Sentinel: classification.ErrMalformed, Msg: "non-digit"},
				{Line: 4, Column: 2, Field: "name", Msg: "empty name"},
				{Line: 5, Column: 3, Field: "level", Msg: "level 项, but a 5-digit code is a 款"},
				{Line: 6, Column: 4, Field: "parent", Msg: `parent "202"`},
				{Line: 7, Column: 5, Field: "since", Msg: "not a four-digit year"},
				{Line: 8, Column: 6, Field: "until", Msg: "before since"},
				{Line: 9, Msg: "4 fields, want 7"},
				{Line: 10, Msg: "extraneous or missing \" in quoted-field"},
			}},
		{"family levels", classification.EconDept, hdr + "3010101,基本工资,项,30101,,,\n301,工资福利支出,9,,,,\n",
			[]csvFault{
				{Line: 2, Column: 1, Field: "code", Sentinel: classification.ErrMalformed, Msg: "3 or 5 digits"},
				{Line: 3, Column: 3, Field: "level", Msg: "unknown level"},
			}},
		{"duplicate rows", classification.Functional, hdr +
			"201,一般公共服务支出,类,,,,\n" +
			"201,一般公共服务支出,类,,,,\n" + // same row twice
			"210,医疗卫生与计划生育支出,类,,,2018,\n" +
			"210,卫生健康支出,类,,2018,,\n" + // overlaps in 2018
			"207,文化体育与传媒支出,类,,,2018,\n" +
			"207,文化旅游体育与传媒支出,类,,2019,,\n", // fine
			[]csvFault{
				{Line: 3, Column: 1, Field: "code", Sentinel: classification.ErrDuplicate, Msg: "line 2 has it"},
				{Line: 5, Column: 1, Field: "code", Sentinel: classification.ErrDuplicate, Msg: "line 4 has it"},
			}},
		{"GBK bytes", classification.Functional, hdr + "201,\xd2\xbb\xb0\xe3,类,,,,\n",
			[]csvFault{{Line: 2, Column: 2, Field: "name", Msg: "not valid UTF-8"}}},
	}
	for _, tt := range tests {
		_, err := classification.LoadCSV(strings.NewReader(tt.in), tt.f, 2020, "t")
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		var first *classification.CSVError
		if !errors.As(err, &first) {
			t.Errorf("%s: %v is not a *CSVError", tt.name, err)
			continue
		}
		var all []error
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			all = j.Unwrap()
		} else {
			all = []error{err}
		}
		var got []csvFault
		for i, e := range all {
			ce, ok := e.(*classification.CSVError)
			if !ok {
				t.Fatalf("%s: error %d is %T", tt.name, i, e)
			}
			g := csvFault{Line: ce.Line, Column: ce.Column, Field: ce.Field}
			if i < len(tt.want) {
				w := tt.want[i]
				if w.Sentinel != nil && errors.Is(ce, w.Sentinel) {
					g.Sentinel = w.Sentinel
				}
				g.Msg = ce.Error()
				if strings.Contains(g.Msg, w.Msg) {
					g.Msg = w.Msg
				}
			}
			got = append(got, g)
		}
		if d := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); d != "" {
			t.Errorf("%s: %v\n(-want +got):\n%s", tt.name, err, d)
		}
	}
}

func TestLoadCSVNoRows(t *testing.T) {
	for _, in := range []string{"code,name\n", "code,name,since\n234,抗疫特别国债安排的支出,2020\n"} {
		if _, err := classification.LoadCSV(strings.NewReader(in), classification.Functional, 2019, "t"); err == nil ||
			!strings.Contains(err.Error(), "no functional rows valid in fiscal year 2019") {
			t.Errorf("LoadCSV(%q) = %v", in, err)
		}
	}
	if _, err := classification.LoadCSV(strings.NewReader(goodCSV), 0, 2020, "t"); err == nil {
		t.Error("LoadCSV with family 0: no error")
	}
}

func TestCSVErrorMessage(t *testing.T) {
	tests := []struct {
		e    *classification.CSVError
		want string
	}{
		{&classification.CSVError{Line: 3, Column: 1, Field: "code", Err: errors.New("x")}, "line 3, column 1 (code): x"},
		{&classification.CSVError{Line: 3, Column: 2, Err: errors.New("x")}, "line 3, column 2: x"},
		{&classification.CSVError{Line: 3, Err: errors.New("x")}, "line 3: x"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}
