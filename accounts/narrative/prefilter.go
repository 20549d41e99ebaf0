package narrative

import (
	"regexp"
	"regexp/syntax"
	"unicode"
)

// filtered is a regular expression with a cheap pre-test: a set of runes
// one of which every match contains (when one can be worked out), so that a
// paragraph holding none of them is skipped without running the machine.
type filtered struct {
	*regexp.Regexp
	need []rune // nil means no pre-test
}

func newFiltered(re *regexp.Regexp) filtered {
	f := filtered{Regexp: re}
	if p, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		if set, nullable, ok := required(p.Simplify()); ok && !nullable && len(set) > 0 {
			for r := range set {
				f.need = append(f.need, r)
			}
		}
	}
	return f
}

// mayMatch reports whether text whose runes are in set can hold a match.
func (f filtered) mayMatch(set runeSet) bool {
	return f.need == nil || set.any(f.need)
}

// runeSet is the set of runes of a paragraph.
type runeSet map[rune]struct{}

func runesOf(s string) runeSet {
	set := runeSet{}
	for _, r := range s {
		set[r] = struct{}{}
	}
	return set
}

func (s runeSet) any(rs []rune) bool {
	for _, r := range rs {
		if _, ok := s[r]; ok {
			return true
		}
	}
	return false
}

const maxNeed = 64

// required returns a set of runes one of which every match of re contains,
// whether re can match the empty string, and false when no small set is
// known.
func required(re *syntax.Regexp) (map[rune]bool, bool, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true, false
		}
		set := map[rune]bool{re.Rune[0]: true}
		if re.Flags&syntax.FoldCase != 0 {
			set[unicode.ToUpper(re.Rune[0])] = true
			set[unicode.ToLower(re.Rune[0])] = true
		}
		return set, false, true
	case syntax.OpCharClass:
		set := map[rune]bool{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if len(set)+int(re.Rune[i+1]-re.Rune[i])+1 > maxNeed {
				return nil, false, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set[r] = true
			}
		}
		return set, false, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return nil, false, false
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil, true, false
		}
		return required(re.Sub[0])
	case syntax.OpConcat:
		// Every match holds a match of each part that cannot be empty: the
		// first such part with a known set will do.
		nullable := true
		for _, sub := range re.Sub {
			s, n, ok := required(sub)
			if !n {
				nullable = false
				if ok {
					return s, false, true
				}
			}
		}
		return nil, nullable, false
	case syntax.OpAlternate:
		set := map[rune]bool{}
		for _, sub := range re.Sub {
			s, n, ok := required(sub)
			if n {
				return nil, true, false
			}
			if !ok {
				return nil, false, false
			}
			for r := range s {
				set[r] = true
			}
		}
		if len(set) > maxNeed {
			return nil, false, false
		}
		return set, false, true
	}
	// Empty matches, anchors, stars and quests: nothing is required.
	return nil, true, false
}
