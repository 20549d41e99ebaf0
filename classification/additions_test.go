package classification_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnfiscal/juesuan/classification"
)

// The additions of issue 15 item 9: functional codes seen in the 2024–2026
// Shanghai Putuo budgets (internal/data/func_seen.csv) and recalled rows of
// func.csv those documents confirm. The tables below are the expected
// values, copied from the additions and checked against the editions.

// seenRows lists every new code with its name and, per fiscal year whose
// documents print it, the provenance of that edition's row.
var seenRows = []struct {
	code, name string
	sources    map[int]string // edition → Entry.Source
}{
	{"2010507", "专项普查活动", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2011301", "行政运行", map[int]string{2025: "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"}},
	{"2011302", "一般行政管理事务", map[int]string{2025: "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"}},
	{"2011350", "事业运行", map[int]string{2025: "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"}},
	{"2011399", "其他商贸事务支出", map[int]string{2025: "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"}},
	{"2012902", "一般行政管理事务", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2013202", "一般行政管理事务", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2013302", "一般行政管理事务", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2013402", "一般行政管理事务", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2013802", "一般行政管理事务", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"20406", "司法", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli", 2026: "doc:pt2026ys-sfj;doc:pt2026ys-sfj-unit"}},
	{"2040601", "行政运行", map[int]string{2026: "doc:pt2026ys-sfj;doc:pt2026ys-sfj-unit"}},
	{"2040604", "基层司法业务", map[int]string{2026: "doc:pt2026ys-sfj;doc:pt2026ys-sfj-unit"}},
	{"2040605", "普法宣传", map[int]string{2026: "doc:pt2026ys-sfj;doc:pt2026ys-sfj-unit"}},
	{"2040607", "公共法律服务", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli", 2026: "doc:pt2026ys-sfj;doc:pt2026ys-sfj-unit"}},
	{"2040613", "信息化建设", map[int]string{2026: "doc:pt2026ys-sfj;doc:pt2026ys-sfj-unit"}},
	{"2040699", "其他司法支出", map[int]string{2026: "doc:pt2026ys-sfj;doc:pt2026ys-sfj-unit"}},
	{"20499", "其他公共安全支出", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2049999", "其他公共安全支出", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2059999", "其他教育支出", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2060503", "科技条件专项", map[int]string{2025: "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"}},
	{"2060702", "科普活动", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2070308", "群众体育", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2080705", "公益性岗位补贴", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2081602", "一般行政管理事务", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"20825", "其他生活救助", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2082501", "其他城市生活救助", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2089999", "其他社会保障和就业支出", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2100717", "计划生育服务", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2120102", "一般行政管理事务", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2120104", "城管执法", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2120399", "其他城乡社区公共设施支出", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2120501", "城乡社区环境卫生", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"2129999", "其他城乡社区支出", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
	{"21508", "支持中小企业发展和管理支出", map[int]string{2025: "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"}},
	{"2150899", "其他支持中小企业发展和管理支出", map[int]string{2025: "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"}},
	{"2169999", "其他商业服务业等支出", map[int]string{2025: "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"}},
	{"2210399", "其他城乡社区住宅支出", map[int]string{2024: "doc:pt2024ys-wanli", 2025: "doc:pt2025ys-wanli"}},
}

// confirmedRows lists the func.csv rows whose source changed from
// "recalled" to the documents that print them.
var confirmedRows = []struct{ code, name, source string }{
	{"2010350", "事业运行", "doc:pt2025ys-zfb;doc:pt2025ys-zfb-unit"},
	{"2010399", "其他政府办公厅（室）及相关机构事务支出", "doc:pt2025ys-zfb;doc:pt2025ys-zfb-unit"},
	{"20105", "统计信息事务", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20113", "商贸事务", "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"},
	{"20129", "群众团体事务", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20132", "组织事务", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20133", "宣传事务", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20134", "统战事务", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20138", "市场监督管理事务", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20599", "其他教育支出", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20605", "科技条件与服务", "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"},
	{"20607", "科学技术普及", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20703", "体育", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20807", "就业补助", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20816", "红十字事业", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"20899", "其他社会保障和就业支出", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"21007", "计划生育事务", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"2120199", "其他城乡社区管理事务支出", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"21203", "城乡社区公共设施", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"21205", "城乡社区环境卫生", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"21299", "其他城乡社区支出", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
	{"21699", "其他商业服务业等支出", "doc:pt2025ys-sww;doc:pt2025ys-sww-unit"},
	{"22103", "城乡社区住宅", "doc:pt2024ys-wanli;doc:pt2025ys-wanli"},
}

func TestSeenRows(t *testing.T) {
	if len(seenRows) != 38 {
		t.Fatalf("%d new codes, want 38", len(seenRows))
	}
	for _, tt := range seenRows {
		for y := classification.FirstEmbeddedYear; y <= classification.LastEmbeddedYear; y++ {
			c := edition(t, classification.Functional, y)
			got, ok := c.Lookup(tt.code)
			src, want := tt.sources[y]
			if !want {
				// Not seen in a document of year y: the edition knows
				// nothing of the code, as before the additions.
				if ok {
					t.Errorf("%d %s: Lookup = %+v, want no entry", y, tt.code, got)
				}
				err := c.Check(tt.code)
				if !classification.IsWarning(err) || !errors.Is(err, classification.ErrUnknown) {
					t.Errorf("%d %s: Check = %v, want an ErrUnknown warning", y, tt.code, err)
				}
				continue
			}
			wantE := classification.Entry{
				Code: tt.code, Name: tt.name, Level: levelOfLen(tt.code),
				Parent: tt.code[:len(tt.code)-2], Source: src,
			}
			if d := cmp.Diff(wantE, got); !ok || d != "" {
				t.Errorf("%d %s: Lookup ok=%v (-want +got):\n%s", y, tt.code, ok, d)
			}
			if err := c.Check(tt.code); err != nil {
				t.Errorf("%d %s: Check = %v", y, tt.code, err)
			}
			for id := range strings.SplitSeq(src, ";") {
				if !strings.HasPrefix(id, "doc:pt"+strconv.Itoa(y)) {
					t.Errorf("%d %s: source %q is not a document of the year", y, tt.code, id)
				}
			}
		}
	}
}

// levelOfLen gives the level of a well-formed code from its length.
func levelOfLen(code string) classification.Level {
	return map[int]classification.Level{3: classification.Class, 5: classification.Section, 7: classification.Item}[len(code)]
}

func TestConfirmedRows(t *testing.T) {
	if len(confirmedRows) != 23 {
		t.Fatalf("%d confirmed rows, want 23", len(confirmedRows))
	}
	for _, tt := range confirmedRows {
		for y := classification.FirstEmbeddedYear; y <= classification.LastEmbeddedYear; y++ {
			got, ok := edition(t, classification.Functional, y).Lookup(tt.code)
			want := classification.Entry{
				Code: tt.code, Name: tt.name, Level: levelOfLen(tt.code),
				Parent: tt.code[:len(tt.code)-2], Source: tt.source,
			}
			if d := cmp.Diff(want, got); !ok || d != "" {
				t.Errorf("%d %s: Lookup ok=%v (-want +got):\n%s", y, tt.code, ok, d)
			}
		}
	}
}

// TestAdditionsLeaveOthers checks rows the additions do not name: they keep
// their names, years and provenance in every edition.
func TestAdditionsLeaveOthers(t *testing.T) {
	tests := []struct {
		code  string
		year  int
		want  classification.Entry
		found bool
	}{
		{"2010301", 2024, classification.Entry{Code: "2010301", Name: "行政运行", Level: classification.Item, Parent: "20103", Source: "doc:seed-sc2020"}, true},
		{"2010303", 2025, classification.Entry{Code: "2010303", Name: "机关服务", Level: classification.Item, Parent: "20103", Source: "recalled"}, true},
		{"20101", 2026, classification.Entry{Code: "20101", Name: "人大事务", Level: classification.Section, Parent: "201", Source: "recalled"}, true},
		{"2010601", 2018, classification.Entry{Code: "2010601", Name: "行政运行", Level: classification.Item, Parent: "20106", Source: "doc:gbc-sh2024"}, true},
		{"215", 2024, classification.Entry{Code: "215", Name: "资源勘探工业信息等支出", Level: classification.Class, Since: 2020, Source: "doc:gbc-sh2024-zb"}, true},
		// Not in any data: unknown in every edition.
		{"2040602", 2026, classification.Entry{}, false},
		{"2040607", 2023, classification.Entry{}, false},
	}
	for _, tt := range tests {
		got, ok := edition(t, classification.Functional, tt.year).Lookup(tt.code)
		if d := cmp.Diff(tt.want, got); ok != tt.found || d != "" {
			t.Errorf("%d %s: Lookup ok=%v, want %v (-want +got):\n%s", tt.year, tt.code, ok, tt.found, d)
		}
	}
}
