package fonts

import (
	"strings"
	"unicode"
)

// Bidi isolates (UAX #9): left-to-right isolate and pop directional isolate.
const (
	lri = '\u2066'
	pdi = '\u2069'
)

// isolateNumbers wraps each phone number or other run of digit groups
// (digits with spaces, "+", "-", "(", ")", ":", "." or "/" between them:
// phone numbers, times, dates) in a
// left-to-right isolate when s holds right-to-left text. Without it, the
// bidi algorithm shows the groups of "0800 1111" in right-to-left text
// in reverse order ("1111 0800"), as it must for separate numbers; a
// family must read a phone number as written.
func isolateNumbers(s string) string {
	if !strings.ContainsFunc(s, isRTL) || !strings.ContainsFunc(s, unicode.IsDigit) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) && !(rs[i] == '+' && i+1 < len(rs) && unicode.IsDigit(rs[i+1])) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		// Extend over digits and the separators between digit groups.
		j, end := i, i
		for j < len(rs) && (unicode.IsDigit(rs[j]) || strings.ContainsRune(" +-():./", rs[j])) {
			if unicode.IsDigit(rs[j]) || rs[j] == ')' {
				end = j + 1
			}
			j++
		}
		b.WriteRune(lri)
		b.WriteString(string(rs[i:end]))
		b.WriteRune(pdi)
		i = end
	}
	return b.String()
}

func isRTL(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}

// isolateMark reports whether r is one of the isolates isolateNumbers adds.
func isolateMark(r rune) bool { return r == lri || r == pdi }
