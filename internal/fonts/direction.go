package fonts

import "golang.org/x/text/language"

// rtlScripts are the right-to-left scripts (ISO 15924) a family's language
// may be written in.
var rtlScripts = map[string]bool{
	"Arab": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true,
	"Adlm": true, "Rohg": true, "Mand": true, "Samr": true,
}

// RightToLeftLanguage reports whether a document in lang (a BCP 47 tag)
// flows right to left: whether the language's usual script, or the script
// the tag names ("pa-Arab"), is one written right to left. Urdu, Arabic,
// Farsi and Pashto do; Punjabi (Gurmukhi), Bengali and Welsh do not. An
// empty or malformed tag is left to right.
func RightToLeftLanguage(lang string) bool {
	if lang == "" {
		return false
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return false
	}
	script, conf := tag.Script()
	return conf != language.No && rtlScripts[script.String()]
}
