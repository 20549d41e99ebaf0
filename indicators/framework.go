package indicators

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Dimension is what a first-level (一级) indicator measures, whatever a
// framework calls it: 产出指标 and 项目完成指标 are both Output. Scoring
// weights and rules refer to dimensions, not to names.
type Dimension uint8

const (
	// NoDimension is the zero value: not classified.
	NoDimension Dimension = iota
	// Output is 产出 (national 产出指标, Sichuan 2020 项目完成指标).
	Output
	// Outcome is 效益 (national 效益指标, Sichuan 2020 项目效益指标).
	Outcome
	// Satisfaction is 满意度 (满意度指标 in both).
	Satisfaction
)

var dimensionNames = [...]string{"", "产出", "效益", "满意度"}

// String returns the Chinese short name: 产出, 效益, 满意度.
func (d Dimension) String() string {
	if int(d) < len(dimensionNames) {
		return dimensionNames[d]
	}
	return fmt.Sprintf("dimension(%d)", d)
}

// Aspect is what a second-level (二级) indicator measures. Rules refer to
// aspects: the 成本指标 rule looks for Cost, whatever the framework calls it.
type Aspect uint8

const (
	// NoAspect is the zero value: not classified.
	NoAspect            Aspect = iota
	Quantity                   // 数量指标
	Quality                    // 质量指标
	Timeliness                 // 时效指标
	Cost                       // 成本指标
	Economic                   // 经济效益指标
	Social                     // 社会效益指标
	Ecological                 // 生态效益指标
	Sustainable                // 可持续影响指标
	ServiceSatisfaction        // 服务对象满意度指标
)

var aspectNames = [...]string{"", "数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度"}

// String returns the Chinese short name, e.g. 成本.
func (a Aspect) String() string {
	if int(a) < len(aspectNames) {
		return aspectNames[a]
	}
	return fmt.Sprintf("aspect(%d)", a)
}

// Framework is an indicator framework (绩效指标体系): the 一级 and 二级
// categories a document's indicators are filed under. The 三级 indicators
// are the document's own. A framework is data: a province registers its own
// with RegisterFramework.
type Framework struct {
	// ID is the registry key, e.g. "national" or "sichuan-2020".
	ID string
	// Title is the Chinese title.
	Title string
	// Source says where the framework comes from, with its confidence
	// ([V] verified / [I] inferred / [B] background).
	Source string
	// Level1 lists the 一级 categories in published order.
	Level1 []Level1
	// Required lists the categories every project must have at least one
	// indicator in (rule P2). Each entry is a 二级 name, or a 一级 name
	// meaning "some 二级 under it"; aliases are accepted.
	Required []string
}

// Level1 is a 一级 category.
type Level1 struct {
	// Name is the canonical name, e.g. 项目完成指标.
	Name string
	// Aliases are other spellings documents print, e.g. 项目完成 in the
	// 评价结论 table of the reference document.
	Aliases   []string
	Dimension Dimension // what it measures (output, outcome, satisfaction)
	Level2    []Level2  // its 二级 categories
}

// Level2 is a 二级 category.
type Level2 struct {
	Name    string   // canonical name, such as 数量指标
	Aliases []string // other spellings documents print, such as 数量
	Aspect  Aspect   // what it measures, whatever the framework calls it
}

// Ref is a resolved (一级, 二级) pair: pointers into a registered framework.
type Ref struct {
	L1 *Level1 // the 一级 category
	L2 *Level2 // the 二级 category, one of L1's
}

// Errors returned (wrapped in *LevelError) by Framework.Resolve.
var (
	// ErrUnknownLevel1 is matched when the 一级 name is not in the framework.
	ErrUnknownLevel1 = errors.New("indicators: unknown 一级指标")
	// ErrUnknownLevel2 is matched when the 二级 name is in no 一级 of the
	// framework.
	ErrUnknownLevel2 = errors.New("indicators: unknown 二级指标")
	// ErrWrongParent is matched when the 二级 name exists, but under another
	// 一级.
	ErrWrongParent = errors.New("indicators: 二级指标 under the wrong 一级指标")
	// ErrEmptyLevel is matched when a 一级 or 二级 name is empty.
	ErrEmptyLevel = errors.New("indicators: 一级 or 二级指标 not stated")
)

// LevelError explains why a (一级, 二级) pair does not resolve.
type LevelError struct {
	Framework string // the framework's ID
	Level1    string // as written
	Level2    string // as written
	// Parents lists the 一级 names the 二级 name does belong to (for
	// ErrWrongParent).
	Parents []string
	Err     error // ErrUnknownLevel1, ErrUnknownLevel2, ErrWrongParent or ErrEmptyLevel
}

// Error says, in Chinese, why the pair does not resolve.
func (e *LevelError) Error() string {
	switch {
	case errors.Is(e.Err, ErrWrongParent):
		return fmt.Sprintf("框架 %s 中二级指标“%s”属于一级指标“%s”，不属于“%s”",
			e.Framework, NormalizeName(e.Level2), strings.Join(e.Parents, "、"), NormalizeName(e.Level1))
	case errors.Is(e.Err, ErrUnknownLevel1):
		return fmt.Sprintf("框架 %s 中没有一级指标“%s”", e.Framework, NormalizeName(e.Level1))
	case errors.Is(e.Err, ErrUnknownLevel2):
		return fmt.Sprintf("框架 %s 中没有二级指标“%s”", e.Framework, NormalizeName(e.Level2))
	}
	return fmt.Sprintf("框架 %s：一级指标或二级指标未填列", e.Framework)
}

// Unwrap returns the sentinel error.
func (e *LevelError) Unwrap() error { return e.Err }

// NormalizeName removes every white-space character (including line breaks
// inside a table cell and the ideographic space U+3000), so that
// "经济效益\n指标" reads as 经济效益指标.
func NormalizeName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// nameIs reports whether n is name or one of its aliases.
func nameIs(n string, name string, aliases []string) bool {
	return n == name || slices.Contains(aliases, n)
}

// Level1Named returns the 一级 category called name (or one of its
// aliases), white space ignored.
func (f *Framework) Level1Named(name string) *Level1 {
	return f.level1(NormalizeName(name))
}

// level1 returns the 一级 category called n, a name without white space.
func (f *Framework) level1(n string) *Level1 {
	for i := range f.Level1 {
		if nameIs(n, f.Level1[i].Name, f.Level1[i].Aliases) {
			return &f.Level1[i]
		}
	}
	return nil
}

// Resolve files a (一级, 二级) pair as printed under the framework. The error
// is a *LevelError matching ErrEmptyLevel, ErrUnknownLevel1,
// ErrUnknownLevel2 or ErrWrongParent.
func (f *Framework) Resolve(level1, level2 string) (Ref, error) {
	n1, n2 := NormalizeName(level1), NormalizeName(level2)
	fail := func(err error, parents []string) (Ref, error) {
		return Ref{}, &LevelError{Framework: f.ID, Level1: level1, Level2: level2, Parents: parents, Err: err}
	}
	if n1 == "" || n2 == "" {
		return fail(ErrEmptyLevel, nil)
	}
	l1 := f.level1(n1)
	if l1 != nil {
		for j := range l1.Level2 {
			if nameIs(n2, l1.Level2[j].Name, l1.Level2[j].Aliases) {
				return Ref{L1: l1, L2: &l1.Level2[j]}, nil
			}
		}
	}
	var parents []string
	for i := range f.Level1 {
		for _, c := range f.Level1[i].Level2 {
			if nameIs(n2, c.Name, c.Aliases) {
				parents = append(parents, f.Level1[i].Name)
			}
		}
	}
	switch {
	case l1 == nil:
		return fail(ErrUnknownLevel1, nil)
	case len(parents) > 0:
		return fail(ErrWrongParent, parents)
	}
	return fail(ErrUnknownLevel2, nil)
}

// check reports what makes f unusable: no ID, no categories, an empty name,
// or a name or alias used twice at one level (which would make Resolve
// ambiguous).
func (f *Framework) check() error {
	if f.ID == "" {
		return errors.New("indicators: framework has no ID")
	}
	if len(f.Level1) == 0 {
		return fmt.Errorf("indicators: framework %q has no 一级 categories", f.ID)
	}
	seen1 := map[string]bool{}
	for _, l1 := range f.Level1 {
		for _, n := range append([]string{l1.Name}, l1.Aliases...) {
			if n == "" || n != NormalizeName(n) {
				return fmt.Errorf("indicators: framework %q: 一级 name %q is empty or holds white space", f.ID, n)
			}
			if seen1[n] {
				return fmt.Errorf("indicators: framework %q: 一级 name %q used twice", f.ID, n)
			}
			seen1[n] = true
		}
		seen2 := map[string]bool{}
		for _, l2 := range l1.Level2 {
			for _, n := range append([]string{l2.Name}, l2.Aliases...) {
				if n == "" || n != NormalizeName(n) {
					return fmt.Errorf("indicators: framework %q: 二级 name %q is empty or holds white space", f.ID, n)
				}
				if seen2[n] {
					return fmt.Errorf("indicators: framework %q: 二级 name %q used twice under %s", f.ID, n, l1.Name)
				}
				seen2[n] = true
			}
		}
	}
	for _, r := range f.Required {
		if f.Level1Named(r) == nil && len(f.level2Named(r)) == 0 {
			return fmt.Errorf("indicators: framework %q: required category %q is not in the framework", f.ID, r)
		}
	}
	return nil
}

// level2Named returns every 二级 category called name, with its parent.
func (f *Framework) level2Named(name string) []Ref {
	n := NormalizeName(name)
	var out []Ref
	for i := range f.Level1 {
		for j := range f.Level1[i].Level2 {
			if nameIs(n, f.Level1[i].Level2[j].Name, f.Level1[i].Level2[j].Aliases) {
				out = append(out, Ref{L1: &f.Level1[i], L2: &f.Level1[i].Level2[j]})
			}
		}
	}
	return out
}

// Clone returns a deep copy of f that can be changed and registered under
// another ID.
func (f *Framework) Clone() *Framework {
	g := *f
	g.Required = append([]string(nil), f.Required...)
	g.Level1 = make([]Level1, len(f.Level1))
	for i, l1 := range f.Level1 {
		l1.Aliases = append([]string(nil), l1.Aliases...)
		l2s := make([]Level2, len(l1.Level2))
		for j, l2 := range l1.Level2 {
			l2.Aliases = append([]string(nil), l2.Aliases...)
			l2s[j] = l2
		}
		l1.Level2 = l2s
		g.Level1[i] = l1
	}
	return &g
}

// ErrUnknownFramework is matched by the error for an unregistered ID.
var ErrUnknownFramework = errors.New("indicators: unknown framework")

// ErrDuplicateFramework is returned when registering an ID twice.
var ErrDuplicateFramework = errors.New("indicators: framework already registered")

var frameworks = struct {
	sync.RWMutex
	m        map[string]*Framework
	mappings map[[2]string]*Mapping
}{m: map[string]*Framework{}, mappings: map[[2]string]*Mapping{}}

// RegisterFramework adds a copy of f to the registry. It is safe for
// concurrent use. It fails if the ID is taken or f is malformed (see
// Framework.Resolve for what makes a name ambiguous).
func RegisterFramework(f *Framework) error {
	if f == nil {
		return errors.New("indicators: nil framework")
	}
	if err := f.check(); err != nil {
		return err
	}
	c := f.Clone()
	frameworks.Lock()
	defer frameworks.Unlock()
	if _, ok := frameworks.m[c.ID]; ok {
		return fmt.Errorf("%w: %q", ErrDuplicateFramework, c.ID)
	}
	frameworks.m[c.ID] = c
	return nil
}

// LookupFramework returns the registered framework id. The result is shared:
// do not modify it (Clone it first).
func LookupFramework(id string) (*Framework, error) {
	frameworks.RLock()
	f, ok := frameworks.m[id]
	frameworks.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q (registered: %v)", ErrUnknownFramework, id, FrameworkIDs())
	}
	return f, nil
}

// FrameworkIDs lists the registered frameworks, sorted.
func FrameworkIDs() []string {
	frameworks.RLock()
	defer frameworks.RUnlock()
	ids := make([]string, 0, len(frameworks.m))
	for id := range frameworks.m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Mapping translates the categories of one framework into another's, e.g.
// Sichuan 2020 项目完成指标/数量指标 → national 产出指标/数量指标. It is
// data: each pair names canonical categories of both frameworks.
type Mapping struct {
	From, To string        // framework IDs
	Pairs    []MappingPair // the (一级, 二级) pairs it maps
}

// MappingPair maps one (一级, 二级) pair of From onto one of To.
type MappingPair struct {
	FromLevel1, FromLevel2 string // canonical names in From
	ToLevel1, ToLevel2     string // canonical names in To
}

// Inverse returns the mapping in the other direction.
func (m *Mapping) Inverse() *Mapping {
	inv := &Mapping{From: m.To, To: m.From, Pairs: make([]MappingPair, len(m.Pairs))}
	for i, p := range m.Pairs {
		inv.Pairs[i] = MappingPair{FromLevel1: p.ToLevel1, FromLevel2: p.ToLevel2, ToLevel1: p.FromLevel1, ToLevel2: p.FromLevel2}
	}
	return inv
}

// Map translates a (一级, 二级) pair of the From framework, as printed
// (aliases and white space allowed), into canonical names of the To
// framework.
func (m *Mapping) Map(level1, level2 string) (to1, to2 string, ok bool) {
	n1, n2 := NormalizeName(level1), NormalizeName(level2)
	if from, err := LookupFramework(m.From); err == nil {
		if r, err := from.Resolve(level1, level2); err == nil {
			n1, n2 = r.L1.Name, r.L2.Name
		}
	}
	for _, p := range m.Pairs {
		if p.FromLevel1 == n1 && p.FromLevel2 == n2 {
			return p.ToLevel1, p.ToLevel2, true
		}
	}
	return "", "", false
}

// RegisterMapping adds m (and so its inverse) to the registry. Both
// frameworks must be registered and every pair must name categories of
// them.
func RegisterMapping(m *Mapping) error {
	if m == nil {
		return errors.New("indicators: nil mapping")
	}
	from, err := LookupFramework(m.From)
	if err != nil {
		return err
	}
	to, err := LookupFramework(m.To)
	if err != nil {
		return err
	}
	for _, p := range m.Pairs {
		if _, err := from.Resolve(p.FromLevel1, p.FromLevel2); err != nil {
			return fmt.Errorf("indicators: mapping %s→%s: %w", m.From, m.To, err)
		}
		if _, err := to.Resolve(p.ToLevel1, p.ToLevel2); err != nil {
			return fmt.Errorf("indicators: mapping %s→%s: %w", m.From, m.To, err)
		}
	}
	c := &Mapping{From: m.From, To: m.To, Pairs: append([]MappingPair(nil), m.Pairs...)}
	frameworks.Lock()
	defer frameworks.Unlock()
	k := [2]string{c.From, c.To}
	if _, ok := frameworks.mappings[k]; ok {
		return fmt.Errorf("indicators: mapping %s→%s already registered", c.From, c.To)
	}
	frameworks.mappings[k] = c
	return nil
}

// LookupMapping returns the mapping from one framework to another; a mapping
// registered in the other direction is inverted.
func LookupMapping(from, to string) (*Mapping, error) {
	frameworks.RLock()
	m, ok := frameworks.mappings[[2]string{from, to}]
	inv, iok := frameworks.mappings[[2]string{to, from}]
	frameworks.RUnlock()
	switch {
	case ok:
		return m, nil
	case iok:
		return inv.Inverse(), nil
	}
	return nil, fmt.Errorf("%w: no mapping %s→%s", ErrUnknownFramework, from, to)
}
