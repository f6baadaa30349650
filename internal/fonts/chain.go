package fonts

import "strings"

// Scripts lists the fonts shipped for scripts that Noto Sans and Andika
// lack, regular and bold, in the order a fallback chain tries them.
var Scripts = []struct {
	Script        string // as Unicode names it
	Regular, Bold string
}{
	{"Arabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"},
	{"Arabic", "NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf"},
	{"Bengali", "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"},
	{"Gurmukhi", "NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"},
	{"Devanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"},
	{"Ethiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"},
}

// Chain returns the files tried in turn for a character in the face
// family/style, for text in language lang (a BCP 47 tag, "" for none):
// the family's own face, then the script fonts, then any a council added
// (AddDirectory). Urdu is written in
// Nastaliq, so for "ur" that font comes before Naskh; other languages in
// Arabic script (Arabic, Farsi, Pashto) get Naskh first. An unknown
// family is read as "sans".
func Chain(family, style, lang string) []string {
	primary := ""
	for _, f := range Faces {
		if f.Family == family && f.Style == style {
			primary = f.File
		}
	}
	if primary == "" {
		// Andika has no italic: an italic in the child's book is upright.
		primary = "NotoSans-Regular.ttf"
		for _, f := range Faces {
			if f.Family == family && f.Style == strings.ReplaceAll(style, "I", "") {
				primary = f.File
				break
			}
			if family != "andika" && f.Family == "sans" && f.Style == style {
				primary = f.File
			}
		}
	}
	bold := strings.Contains(style, "B")
	out := []string{primary}
	urdu := NastaliqLanguage(lang)
	for i, s := range Scripts {
		if urdu && i == 0 {
			continue
		}
		out = append(out, pick(s.Regular, s.Bold, bold))
		if urdu && i == 1 {
			out = append(out, pick(Scripts[0].Regular, Scripts[0].Bold, bold))
		}
	}
	return append(out, extraFiles()...)
}

func pick(regular, bold string, b bool) string {
	if b {
		return bold
	}
	return regular
}

// NastaliqLanguage reports whether Arabic-script text in lang is set in
// Nastaliq (Urdu) rather than Naskh.
func NastaliqLanguage(lang string) bool {
	return strings.HasPrefix(strings.ToLower(lang), "ur")
}
