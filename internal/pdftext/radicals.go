package pdftext

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Fonts such as Noto Sans CJK map a glyph both to a unified ideograph and
// to a radical (入 U+5165 and ⼊ U+2F0A KANGXI RADICAL ENTER share a glyph),
// and some PDF producers (Chromium among them) write the radical into
// ToUnicode. The text then reads "收⼊⽀出", which matches nothing. unify
// maps the Kangxi radicals (U+2F00–U+2FD5, by NFKC) and the simplified
// forms of the CJK Radicals Supplement that stand for a character of their
// own back to the unified ideographs.
func unify(s string) string {
	if !hasRadical(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x2F00 && r <= 0x2FDF:
			b.WriteString(norm.NFKC.String(string(r)))
		case r >= 0x2E80 && r <= 0x2EFF:
			if u, ok := supplement[r]; ok {
				b.WriteRune(u)
			} else {
				b.WriteString(norm.NFKC.String(string(r)))
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hasRadical(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && r <= 0x2FDF {
			return true
		}
	}
	return false
}

// supplement maps radicals of the CJK Radicals Supplement that print as a
// character of their own (mostly the simplified forms) to that character.
var supplement = map[rune]rune{
	0x2E87: '几', 0x2E8A: '卜', 0x2E8C: '小', 0x2E8D: '小', 0x2E95: '彐', 0x2E97: '心', 0x2E9D: '月',
	0x2E9F: '母', 0x2EA0: '民', 0x2EA9: '王', 0x2EC1: '虎', 0x2EC4: '西', 0x2EC5: '见', 0x2EC6: '角',
	0x2EC8: '讠', 0x2EC9: '贝', 0x2ECB: '车', 0x2ECC: '辶', 0x2ECD: '辶', 0x2ECF: '阝', 0x2ED3: '长',
	0x2ED4: '门', 0x2ED6: '阝', 0x2ED7: '雨', 0x2ED8: '青', 0x2ED9: '韦', 0x2EDA: '页', 0x2EDB: '风',
	0x2EDC: '飞', 0x2EDD: '食', 0x2EE0: '饣', 0x2EE2: '马', 0x2EE3: '骨', 0x2EE4: '鬼', 0x2EE5: '鱼',
	0x2EE6: '鸟', 0x2EE7: '卤', 0x2EE8: '麦', 0x2EE9: '黄', 0x2EEC: '齐', 0x2EEE: '齿', 0x2EF0: '龙',
	0x2EF3: '龟',
}
