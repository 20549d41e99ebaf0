package indicators

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		fw, l1, l2     string
		want1, want2   string
		wantErr        error
		wantParentsOf2 []string
	}{
		// Names the reference prints.
		{Sichuan2020, "项目完成指标", "数量指标", "项目完成指标", "数量指标", nil, nil},
		{Sichuan2020, "项目完成", "成本指标", "项目完成指标", "成本指标", nil, nil},
		{Sichuan2020, "项目效益", "经济效益\n指标", "项目效益指标", "经济效益指标", nil, nil},
		{Sichuan2020, "项目效益", "可持续影响\n指标", "项目效益指标", "可持续影响指标", nil, nil},
		{Sichuan2020, "满意度指标", "满意度指标", "满意度指标", "服务对象满意度指标", nil, nil},
		{Sichuan2020, "满意度指标", "服务对象满意度指标", "满意度指标", "服务对象满意度指标", nil, nil},
		{Sichuan2020, " 项目完成指标\u3000", "质量", "项目完成指标", "质量指标", nil, nil},
		// National names and the short forms.
		{National, "产出指标", "时效指标", "产出指标", "时效指标", nil, nil},
		{National, "产出", "数量", "产出指标", "数量指标", nil, nil},
		{National, "效益", "生态效益", "效益指标", "生态效益指标", nil, nil},
		{National, "满意度", "服务对象满意度", "满意度指标", "服务对象满意度指标", nil, nil},
		// Errors.
		{Sichuan2020, "项目完成指标", "经济效益指标", "", "", ErrWrongParent, []string{"项目效益指标"}},
		{National, "满意度指标", "成本指标", "", "", ErrWrongParent, []string{"产出指标"}},
		{Sichuan2020, "产出指标", "数量指标", "", "", ErrUnknownLevel1, nil},
		{National, "产出指标", "满意度指标", "", "", ErrUnknownLevel2, nil},
		{National, "产出指标", "决策指标", "", "", ErrUnknownLevel2, nil},
		{National, "", "数量指标", "", "", ErrEmptyLevel, nil},
		{National, "产出指标", " \n", "", "", ErrEmptyLevel, nil},
	}
	for _, tt := range tests {
		f, err := LookupFramework(tt.fw)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := f.Resolve(tt.l1, tt.l2)
		if tt.wantErr != nil {
			var le *LevelError
			if !errors.Is(err, tt.wantErr) || !errors.As(err, &le) {
				t.Errorf("%s Resolve(%q, %q) error = %v, want %v", tt.fw, tt.l1, tt.l2, err, tt.wantErr)
				continue
			}
			if diff := cmp.Diff(tt.wantParentsOf2, le.Parents); diff != "" {
				t.Errorf("%s Resolve(%q, %q) parents (-want +got):\n%s", tt.fw, tt.l1, tt.l2, diff)
			}
			if le.Error() == "" {
				t.Error("empty message")
			}
			continue
		}
		if err != nil {
			t.Errorf("%s Resolve(%q, %q): %v", tt.fw, tt.l1, tt.l2, err)
			continue
		}
		if ref.L1.Name != tt.want1 || ref.L2.Name != tt.want2 {
			t.Errorf("%s Resolve(%q, %q) = %s/%s, want %s/%s", tt.fw, tt.l1, tt.l2, ref.L1.Name, ref.L2.Name, tt.want1, tt.want2)
		}
	}
}

// TestFrameworksAgree checks that both built-ins classify their categories
// the same way: the mapping pairs join categories of equal aspect.
func TestFrameworksAgree(t *testing.T) {
	m, err := LookupMapping(Sichuan2020, National)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := LookupFramework(Sichuan2020)
	n, _ := LookupFramework(National)
	mapped := 0
	for _, l1 := range s.Level1 {
		for _, l2 := range l1.Level2 {
			to1, to2, ok := m.Map(l1.Name, l2.Name)
			if !ok {
				t.Errorf("%s/%s is not mapped", l1.Name, l2.Name)
				continue
			}
			r, err := n.Resolve(to1, to2)
			if err != nil {
				t.Fatal(err)
			}
			if r.L1.Dimension != l1.Dimension || r.L2.Aspect != l2.Aspect {
				t.Errorf("%s/%s maps to %s/%s of another kind", l1.Name, l2.Name, to1, to2)
			}
			mapped++
		}
	}
	if mapped != 9 {
		t.Errorf("mapped %d categories, want 9", mapped)
	}
	// Aliases as printed map too, and the inverse comes back.
	to1, to2, ok := m.Map("项目效益", "经济效益\n指标")
	if !ok || to1 != "效益指标" || to2 != "经济效益指标" {
		t.Errorf("Map(项目效益, 经济效益\\n指标) = %s/%s, %v", to1, to2, ok)
	}
	inv, err := LookupMapping(National, Sichuan2020)
	if err != nil {
		t.Fatal(err)
	}
	if b1, b2, ok := inv.Map("产出", "成本"); !ok || b1 != "项目完成指标" || b2 != "成本指标" {
		t.Errorf("inverse Map(产出, 成本) = %s/%s, %v", b1, b2, ok)
	}
	if _, _, ok := m.Map("项目完成指标", "决策"); ok {
		t.Error("an unknown pair mapped")
	}
	if _, err := LookupMapping(National, "nowhere"); !errors.Is(err, ErrUnknownFramework) {
		t.Errorf("LookupMapping to an unknown framework: %v", err)
	}
}

func TestRegisterFramework(t *testing.T) {
	if err := RegisterFramework(NationalFramework()); !errors.Is(err, ErrDuplicateFramework) {
		t.Errorf("registering national twice: %v", err)
	}
	if _, err := LookupFramework("nowhere"); !errors.Is(err, ErrUnknownFramework) {
		t.Errorf("LookupFramework(nowhere): %v", err)
	}
	bad := []*Framework{
		nil,
		{},
		{ID: "x-empty"},
		{ID: "x-dup", Level1: []Level1{{Name: "甲"}, {Name: "甲"}}},
		{ID: "x-dup2", Level1: []Level1{{Name: "甲", Level2: []Level2{{Name: "乙"}, {Name: "丙", Aliases: []string{"乙"}}}}}},
		{ID: "x-space", Level1: []Level1{{Name: "甲 乙"}}},
		{ID: "x-req", Level1: []Level1{{Name: "甲"}}, Required: []string{"丁"}},
	}
	for _, f := range bad {
		if err := RegisterFramework(f); err == nil {
			t.Errorf("RegisterFramework(%+v) succeeded", f)
		}
	}
	// A province registers its own: a copy of Sichuan's with an extra
	// 二级 category. The copy is independent of the caller's value.
	f := Sichuan2020Framework()
	f.ID = "test-province"
	f.Level1[0].Level2 = append(f.Level1[0].Level2, Level2{Name: "进度指标", Aspect: Timeliness})
	if err := RegisterFramework(f); err != nil {
		t.Fatal(err)
	}
	f.Level1[0].Name = "changed after registration"
	g, err := LookupFramework("test-province")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Resolve("项目完成", "进度指标"); err != nil {
		t.Errorf("registered framework: %v", err)
	}
	if err := RegisterMapping(&Mapping{From: "test-province", To: National, Pairs: []MappingPair{{"项目完成指标", "进度指标", "产出指标", "时效指标"}}}); err != nil {
		t.Fatal(err)
	}
	if err := RegisterMapping(&Mapping{From: "test-province", To: National}); err == nil {
		t.Error("registered a mapping twice")
	}
	if err := RegisterMapping(&Mapping{From: National, To: Sichuan2020, Pairs: []MappingPair{{"产出指标", "决策", "项目完成指标", "数量指标"}}}); err == nil {
		t.Error("registered a mapping with an unknown category")
	}
}

// TestRegistryConcurrent registers and looks up frameworks from many
// goroutines; run with -race.
func TestRegistryConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			f := NationalFramework()
			f.ID = fmt.Sprintf("concurrent-%d", i)
			if err := RegisterFramework(f); err != nil {
				t.Error(err)
			}
		}()
		go func() {
			defer wg.Done()
			f, err := LookupFramework(Sichuan2020)
			if err != nil {
				t.Error(err)
				return
			}
			if _, err := f.Resolve("项目完成", "数量"); err != nil {
				t.Error(err)
			}
			_ = FrameworkIDs()
		}()
	}
	wg.Wait()
	for i := range 16 {
		if _, err := LookupFramework(fmt.Sprintf("concurrent-%d", i)); err != nil {
			t.Error(err)
		}
	}
}

func TestIndicatorKey(t *testing.T) {
	for in, want := range map[string]string{
		"指标1：成都火车站服务费":    "成都火车站服务费",
		" 指标2：招商引资活动经费":   "招商引资活动经费",
		"指标12:工作经费":       "工作经费",
		"成都火车站服务费":        "成都火车站服务费",
		"招 商 引 资 活 动 经 费": "招商引资活动经费",
	} {
		if got := IndicatorKey(in); got != want {
			t.Errorf("IndicatorKey(%q) = %q, want %q", in, got, want)
		}
	}
	e := Evaluation{Projects: "业务运行费、招商引资活动经费"}
	if diff := cmp.Diff([]string{"业务运行费", "招商引资活动经费"}, e.ProjectNames()); diff != "" {
		t.Errorf("ProjectNames (-want +got):\n%s", diff)
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"数量指标":                 "数量指标",
		"经济效益\n指标":             "经济效益指标",
		" 项目 完成\t指标\u3000":     "项目完成指标",
		"\u00a0a\u2028b\u0085": "ab",
		"\u3000\u3000":         "",
		"a b":                  "ab",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProjectNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"、", nil},
		{"业务运行费", []string{"业务运行费"}},
		{"业务运行费、招商引资活动经费", []string{"业务运行费", "招商引资活动经费"}},
		{"、、a，，b;c；d,", []string{"a", "b", "c", "d"}},
		{" 业务 运行费 、\n招商引资 ", []string{"业务运行费", "招商引资"}},
		{"a、 、b", []string{"a", "b"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, (&Evaluation{Projects: tt.in}).ProjectNames()); diff != "" {
			t.Errorf("ProjectNames of %q (-want +got):\n%s", tt.in, diff)
		}
	}
}
