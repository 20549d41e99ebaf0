package classification

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Family is one of the three code families of the 政府收支分类科目 that the
// 决算 tables use.
type Family uint8

const (
	// Functional is 支出功能分类: 类 3 digits, 款 5, 项 7.
	Functional Family = iota + 1
	// EconDept is 部门预算支出经济分类: 类 3 digits, 款 5.
	EconDept
	// EconGov is 政府预算支出经济分类: 类 3 digits, 款 5.
	EconGov
)

// String returns the family's command-line name: functional, econ-dept,
// econ-gov.
func (f Family) String() string {
	switch f {
	case Functional:
		return "functional"
	case EconDept:
		return "econ-dept"
	case EconGov:
		return "econ-gov"
	}
	return fmt.Sprintf("family(%d)", f)
}

// Title returns the family's Chinese name.
func (f Family) Title() string {
	switch f {
	case Functional:
		return "支出功能分类"
	case EconDept:
		return "部门预算支出经济分类"
	case EconGov:
		return "政府预算支出经济分类"
	}
	return f.String()
}

// ParseFamily reads a command-line family name.
func ParseFamily(s string) (Family, error) {
	for _, f := range []Family{Functional, EconDept, EconGov} {
		if f.String() == s {
			return f, nil
		}
	}
	return 0, fmt.Errorf("classification: unknown family %q (want functional, econ-dept or econ-gov)", s)
}

// MaxLevel is the deepest level of the family: 项 for Functional, 款 for
// the economic families.
func (f Family) MaxLevel() Level {
	if f == Functional {
		return Item
	}
	return Section
}

// Pattern returns the regular expression that a code of the family at any
// level matches (used by the JSON Schema export).
func (f Family) Pattern() string {
	if f == Functional {
		return `^[0-9]{3}([0-9]{2}){0,2}$`
	}
	return `^[0-9]{3}([0-9]{2})?$`
}

// Level is the depth of a code: 类, 款 or 项.
type Level uint8

// The levels of a code, from its length.
const (
	Class   Level = 1 // 类, 3 digits
	Section Level = 2 // 款, 5 digits
	Item    Level = 3 // 项, 7 digits
)

// String returns 类, 款 or 项.
func (l Level) String() string {
	switch l {
	case Class:
		return "类"
	case Section:
		return "款"
	case Item:
		return "项"
	}
	return fmt.Sprintf("level(%d)", uint8(l))
}

// Digits is the code length at the level.
func (l Level) Digits() int { return 1 + 2*int(l) }

// ParseLevel reads 类, 款 or 项.
func ParseLevel(s string) (Level, error) {
	switch s {
	case "类":
		return Class, nil
	case "款":
		return Section, nil
	case "项":
		return Item, nil
	}
	return 0, fmt.Errorf("classification: unknown level %q (want 类, 款 or 项)", s)
}

// Sentinel errors. Every *CodeError wraps exactly one of ErrMalformed,
// ErrUnknown, ErrNotInYear and ErrWrongLevel; the other sentinels are used by
// the loader and the registry.
var (
	// ErrMalformed: not 3/5/7 ASCII digits, or a level the family lacks.
	ErrMalformed = errors.New("malformed code")
	// ErrUnknown: well formed, but not in the edition at all.
	ErrUnknown = errors.New("code unknown to this edition")
	// ErrNotInYear: in the catalogue, but not valid in the requested year.
	ErrNotInYear = errors.New("code not valid in this fiscal year")
	// ErrWrongLevel: a valid code at a level the place of use does not allow.
	ErrWrongLevel = errors.New("code at the wrong level")
	// ErrDuplicate: a CSV file has two rows for one code that are valid in
	// the same fiscal year (wrapped by *CSVError).
	ErrDuplicate = errors.New("duplicate code")
	// ErrNoEdition: no catalogue edition for the family and fiscal year is
	// embedded or registered.
	ErrNoEdition = errors.New("no catalogue edition")
)

// CodeError describes a code that failed a check.
type CodeError struct {
	Family Family // the code's family
	Code   string // the code as given
	Year   int    // the edition's fiscal year, 0 when not known
	Err    error  // one of the sentinels
	Detail string // what is wrong, in English, for the message
	// Incomplete is set on an ErrUnknown error when the edition is not
	// known to be complete at the code's level: the code may be valid but
	// missing from the catalogue, so report it as a warning, not an error.
	// See IsWarning.
	Incomplete bool
}

// Error describes the code (cut to 40 bytes, see clip), the failure and the
// fiscal year.
func (e *CodeError) Error() string {
	s := fmt.Sprintf("%s code %q: %v", e.Family, clip(e.Code), e.Err)
	if e.Year != 0 {
		s += fmt.Sprintf(" (%d)", e.Year)
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns the sentinel.
func (e *CodeError) Unwrap() error { return e.Err }

// clip cuts s to at most 40 bytes, at a character boundary, for a message,
// and says how long it was: a 1 MB code does not come back whole.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	n := 40
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return fmt.Sprintf("%s…(%d bytes)", s[:n], len(s))
}

// Code is implemented by the three typed code families.
type Code interface {
	~string
	Family() Family
	Level() Level
}

func parse(f Family, s string) error {
	n := len(s)
	if n != 3 && n != 5 && !(n == 7 && f == Functional) {
		return &CodeError{Family: f, Code: s, Err: ErrMalformed,
			Detail: fmt.Sprintf("want %s digits", map[Family]string{Functional: "3, 5 or 7", EconDept: "3 or 5", EconGov: "3 or 5"}[f])}
	}
	for i := 0; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return &CodeError{Family: f, Code: s, Err: ErrMalformed, Detail: "non-digit character"}
		}
	}
	return nil
}

func levelOf(s string) Level {
	switch len(s) {
	case 3:
		return Class
	case 5:
		return Section
	case 7:
		return Item
	}
	return 0
}

func parentOf(s string) string {
	if len(s) <= 3 {
		return ""
	}
	return s[:len(s)-2]
}

// FuncCode is a 支出功能分类 code: 类 (201), 款 (20103) or 项 (2010301).
type FuncCode string

// ParseFuncCode checks the format of s.
func ParseFuncCode(s string) (FuncCode, error) {
	if err := parse(Functional, s); err != nil {
		return "", err
	}
	return FuncCode(s), nil
}

// Family returns Functional.
func (FuncCode) Family() Family { return Functional }

// Level returns the code's level, from its length.
func (c FuncCode) Level() Level { return levelOf(string(c)) }

// Parent returns the enclosing 款 or 类, or "" for a 类.
func (c FuncCode) Parent() FuncCode { return FuncCode(parentOf(string(c))) }

// Class returns the code's 类.
func (c FuncCode) Class() FuncCode {
	if len(c) < 3 {
		return c
	}
	return c[:3]
}

// String returns the code.
func (c FuncCode) String() string { return string(c) }

// UnmarshalText parses and checks a code from JSON.
func (c *FuncCode) UnmarshalText(b []byte) error {
	v, err := ParseFuncCode(string(b))
	*c = v
	return err
}

// EconDeptCode is a 部门预算支出经济分类 code: 类 (301) or 款 (30101).
type EconDeptCode string

// ParseEconDeptCode checks the format of s.
func ParseEconDeptCode(s string) (EconDeptCode, error) {
	if err := parse(EconDept, s); err != nil {
		return "", err
	}
	return EconDeptCode(s), nil
}

// Family returns EconDept.
func (EconDeptCode) Family() Family { return EconDept }

// Level returns the code's level.
func (c EconDeptCode) Level() Level { return levelOf(string(c)) }

// Parent returns the 类 of a 款, or "" for a 类.
func (c EconDeptCode) Parent() EconDeptCode { return EconDeptCode(parentOf(string(c))) }

// Class returns the code's 类.
func (c EconDeptCode) Class() EconDeptCode {
	if len(c) < 3 {
		return c
	}
	return c[:3]
}

// String returns the code.
func (c EconDeptCode) String() string { return string(c) }

// UnmarshalText parses and checks a code from JSON.
func (c *EconDeptCode) UnmarshalText(b []byte) error {
	v, err := ParseEconDeptCode(string(b))
	*c = v
	return err
}

// EconGovCode is a 政府预算支出经济分类 code: 类 (501) or 款 (50101).
type EconGovCode string

// ParseEconGovCode checks the format of s.
func ParseEconGovCode(s string) (EconGovCode, error) {
	if err := parse(EconGov, s); err != nil {
		return "", err
	}
	return EconGovCode(s), nil
}

// Family returns EconGov.
func (EconGovCode) Family() Family { return EconGov }

// Level returns the code's level.
func (c EconGovCode) Level() Level { return levelOf(string(c)) }

// Parent returns the 类 of a 款, or "" for a 类.
func (c EconGovCode) Parent() EconGovCode { return EconGovCode(parentOf(string(c))) }

// Class returns the code's 类.
func (c EconGovCode) Class() EconGovCode {
	if len(c) < 3 {
		return c
	}
	return c[:3]
}

// String returns the code.
func (c EconGovCode) String() string { return string(c) }

// UnmarshalText parses and checks a code from JSON.
func (c *EconGovCode) UnmarshalText(b []byte) error {
	v, err := ParseEconGovCode(string(b))
	*c = v
	return err
}
