package narrative

import (
	"iter"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// filtered is a regular expression with a cheap pre-test: a set of runes
// one of which every match contains (when one can be worked out), so that a
// paragraph holding none of them is skipped without running the machine.
type filtered struct {
	*regexp.Regexp
	need []rune   // nil means no pre-test
	lits []string // words one of which every match holds; nil: none known
	seg  *segmented
}

func newFiltered(re *regexp.Regexp) filtered {
	f := filtered{Regexp: re, seg: newSegmented(re)}
	if p, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		p = p.Simplify()
		if set, nullable, ok := required(p); ok && !nullable && len(set) > 0 {
			for r := range set {
				f.need = append(f.need, r)
			}
		}
		f.lits = words(p)
	}
	return f
}

// mayMatch reports whether text whose runes are in set can hold a match.
func (f filtered) mayMatch(set runeSet) bool {
	return f.need == nil || set.any(f.need)
}

// holds reports whether t holds one of the words every match holds (true
// when none are known).
func (f filtered) holds(t string) bool {
	if f.lits == nil {
		return true
	}
	for _, w := range f.lits {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// words returns words one of which every match of re holds, nil when
// none are known: a literal; for a concatenation, the words of the part
// whose shortest word is longest; for an alternation, the words of all
// its branches.
func words(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return words(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil
		}
		return words(re.Sub[0])
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if w := words(sub); w != nil && (best == nil || shortest(w) > shortest(best)) {
				best = w
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			w := words(sub)
			if w == nil {
				return nil
			}
			all = append(all, w...)
		}
		return all
	}
	return nil
}

// shortest returns the length of the shortest of ws.
func shortest(ws []string) int {
	n := len(ws[0])
	for _, w := range ws[1:] {
		n = min(n, len(w))
	}
	return n
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

// refill makes set the set of runes of s, reusing the map of *set
// unless it grew large (clearing a map costs its capacity).
func (set *runeSet) refill(s string) runeSet {
	if *set == nil || len(*set) > 64 {
		*set = runeSet{}
	} else {
		clear(*set)
	}
	for _, r := range s {
		(*set)[r] = struct{}{}
	}
	return *set
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
		// smallest known set of such a part will do.
		nullable := true
		var best map[rune]bool
		for _, sub := range re.Sub {
			s, n, ok := required(sub)
			if !n {
				nullable = false
				if ok && (best == nil || len(s) < len(best)) {
					best = s
				}
			}
		}
		if best != nil {
			return best, false, true
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

// endFilter is a regular expression that only matches at the end of the
// text ($), with the runes its matches can end with, so that a text ending
// with none of them is skipped without running the machine, and the most
// runes a match holds.
type endFilter struct {
	*regexp.Regexp
	last     map[rune]bool // nil means no pre-test
	maxRunes int           // -1 when unbounded
	whole    bool          // every match is the whole text (^…$)
}

func newEndFilter(re *regexp.Regexp) endFilter {
	f := endFilter{Regexp: re, maxRunes: -1}
	p, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return f
	}
	p = p.Simplify()
	f.maxRunes = maxRunes(p)
	if !endsAtEnd(p) {
		return f
	}
	f.whole = beginsAtStart(p)
	if set, nullable, ok := lastRunes(p); ok && !nullable {
		f.last = set
	}
	return f
}

// mayMatch reports whether s can hold a match: its last rune is one a match
// can end with, and when the pattern is anchored at both ends it is not too
// long.
func (f endFilter) mayMatch(s string) bool {
	if f.whole && f.maxRunes >= 0 && len(s) > f.maxRunes*utf8.UTFMax {
		return false
	}
	if f.last == nil {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && f.last[r]
}

// endsAtEnd reports whether every match of re ends at the end of the text:
// re is a concatenation ending with $ (\z), or an alternation of such.
func endsAtEnd(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEndText:
		return true
	case syntax.OpCapture:
		return endsAtEnd(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && endsAtEnd(re.Sub[len(re.Sub)-1])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !endsAtEnd(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// beginsAtStart reports whether every match of re starts at the start of
// the text (^, \A).
func beginsAtStart(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return beginsAtStart(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && beginsAtStart(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !beginsAtStart(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// lastRunes returns the set of runes the non-empty matches of re can end
// with, whether re can match the empty string, and false when no small set
// is known.
func lastRunes(re *syntax.Regexp) (map[rune]bool, bool, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return map[rune]bool{}, true, true
		}
		r := re.Rune[len(re.Rune)-1]
		set := map[rune]bool{r: true}
		if re.Flags&syntax.FoldCase != 0 {
			set[unicode.ToUpper(r)] = true
			set[unicode.ToLower(r)] = true
			set[unicode.SimpleFold(r)] = true
		}
		return set, false, true
	case syntax.OpCharClass:
		set := map[rune]bool{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if len(set)+int(re.Rune[i+1]-re.Rune[i])+1 > 4*maxNeed {
				return nil, false, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set[r] = true
			}
		}
		return set, false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return map[rune]bool{}, true, true
	case syntax.OpCapture, syntax.OpPlus:
		return lastRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		s, _, ok := lastRunes(re.Sub[0])
		return s, true, ok
	case syntax.OpRepeat:
		s, n, ok := lastRunes(re.Sub[0])
		return s, n || re.Min == 0, ok
	case syntax.OpConcat:
		set := map[rune]bool{}
		for i := len(re.Sub) - 1; i >= 0; i-- {
			s, n, ok := lastRunes(re.Sub[i])
			if !ok {
				return nil, false, false
			}
			for r := range s {
				set[r] = true
			}
			if !n {
				return set, false, true
			}
		}
		return set, true, true
	case syntax.OpAlternate:
		set := map[rune]bool{}
		nullable := false
		for _, sub := range re.Sub {
			s, n, ok := lastRunes(sub)
			if !ok {
				return nil, false, false
			}
			nullable = nullable || n
			for r := range s {
				set[r] = true
			}
		}
		return set, nullable, true
	}
	return nil, false, false
}

// maxRunes returns the most runes a match of re holds, -1 when unbounded.
func maxRunes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture:
		return maxRunes(re.Sub[0])
	case syntax.OpQuest:
		return maxRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return -1
	case syntax.OpRepeat:
		n := maxRunes(re.Sub[0])
		if n < 0 || re.Max < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpConcat:
		total := 0
		for _, sub := range re.Sub {
			n := maxRunes(sub)
			if n < 0 {
				return -1
			}
			total += n
		}
		return total
	case syntax.OpAlternate:
		most := 0
		for _, sub := range re.Sub {
			n := maxRunes(sub)
			if n < 0 {
				return -1
			}
			most = max(most, n)
		}
		return most
	}
	return 0 // empty-width
}

// findIndex is FindStringIndex after the pre-test.
func (f endFilter) findIndex(s string) []int {
	if !f.mayMatch(s) {
		return nil
	}
	return f.FindStringIndex(s)
}

// findAll is FindAllStringIndex after the pre-test on the runes of s.
func (f filtered) findAll(s string) [][]int {
	if f.need != nil {
		found := false
		for _, r := range f.need {
			if strings.ContainsRune(s, r) {
				found = true
				break
			}
		}
		if !found {
			return nil
		}
	}
	return f.FindAllStringIndex(s, -1)
}

// segmented runs a regular expression whose matches hold only the runes of
// a small alphabet, and no assertions (^, $, \b), on the runs of such runes
// of a text alone: no match can cross a rune outside the alphabet, so the
// matches are those FindAll finds in the whole text. A run without a rune
// that every match holds is skipped.
type segmented struct {
	re    *regexp.Regexp
	bmp   []uint64 // the alphabet below U+10000, as bits
	other map[rune]bool
	need  map[rune]bool // nil: no pre-test
}

// newSegmented returns nil when re does not qualify.
func newSegmented(re *regexp.Regexp) *segmented {
	p, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	p = p.Simplify()
	alpha := map[rune]bool{}
	if !alphabet(p, alpha) || len(alpha) == 0 {
		return nil
	}
	s := &segmented{re: re, bmp: make([]uint64, 0x10000/64)}
	for r := range alpha {
		if r < 0x10000 {
			s.bmp[r/64] |= 1 << (r % 64)
		} else {
			if s.other == nil {
				s.other = map[rune]bool{}
			}
			s.other[r] = true
		}
	}
	set, nullable, ok := required(p)
	if _, n, known := lastRunes(p); nullable || !known || n {
		return nil // empty matches could sit outside the runs
	}
	if ok && len(set) > 0 {
		s.need = set
	}
	return s
}

func (s *segmented) in(r rune) bool {
	if r < 0x10000 {
		return s.bmp[r/64]&(1<<(r%64)) != 0
	}
	return s.other[r]
}

// alphabet adds to set the runes a match of re can hold; false when re has
// assertions or a large class.
func alphabet(re *syntax.Regexp, set map[rune]bool) bool {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return false
		}
		for _, r := range re.Rune {
			set[r] = true
		}
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 256 {
				return false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set[r] = true
			}
		}
		return true
	case syntax.OpEmptyMatch:
		return true
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat, syntax.OpConcat, syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !alphabet(sub, set) {
				return false
			}
		}
		return true
	}
	return false
}

// findAll is FindAllStringSubmatchIndex(t, -1).
func (s *segmented) findAll(t string) [][]int {
	var out [][]int
	for m := range s.each(t) {
		out = append(out, m)
	}
	return out
}

// each yields the matches of FindAllStringSubmatchIndex(t, -1), one at a
// time.
func (s *segmented) each(t string) iter.Seq[[]int] {
	return func(yield func([]int) bool) {
		// One match at a time: the pattern has no assertions and no empty
		// matches, so the rest of a run is searched as a text of its own.
		run := func(a, b int) bool {
			for a < b {
				m := s.re.FindStringSubmatchIndex(t[a:b])
				if m == nil {
					return true
				}
				for i := range m {
					if m[i] >= 0 {
						m[i] += a
					}
				}
				if !yield(m) {
					return false
				}
				a = m[1]
			}
			return true
		}
		start, need := -1, false
		for i, r := range t {
			if s.in(r) {
				if start < 0 {
					start, need = i, s.need == nil
				}
				if !need && s.need[r] {
					need = true
				}
				continue
			}
			if start >= 0 && need && !run(start, i) {
				return
			}
			start = -1
		}
		if start >= 0 && need {
			run(start, len(t))
		}
	}
}

// eachSubmatch yields the matches of re in t, by runs of its alphabet when
// seg is not nil.
func eachSubmatch(re *regexp.Regexp, seg *segmented, t string) iter.Seq[[]int] {
	if seg != nil {
		return seg.each(t)
	}
	return func(yield func([]int) bool) {
		for _, m := range re.FindAllStringSubmatchIndex(t, -1) {
			if !yield(m) {
				return
			}
		}
	}
}
