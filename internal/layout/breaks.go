package layout

import "strings"

// addressBreak shortens p, the longest prefix of word s that fits on a
// line, so that an email or web address breaks only after "@", "." or "/"
// ("leanne.hughes@" / "example.org"), never in the middle of a name. addr
// says whether the whole word is an address. A word that is not, or an
// address with no such point in p, is broken where p ends.
func addressBreak(addr bool, s, p string) string {
	if len(p) == len(s) || !addr {
		return p
	}
	if k := strings.LastIndexAny(p, "@./"); k > 0 {
		return p[:k+1]
	}
	return p
}

// isAddress reports whether a word looks like an email or web address.
func isAddress(s string) bool {
	return strings.Contains(s, "@") || strings.Contains(s, "://") || strings.HasPrefix(s, "www.")
}
