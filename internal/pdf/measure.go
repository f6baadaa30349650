package pdf

import (
	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/layout"
)

// Measurer measures text with the embedded fonts, by shaping it with the
// same shaper, fonts and cache that draw it (so a measured line is the
// line drawn). It is safe for concurrent use; the zero value measures text
// in no particular language.
type Measurer struct {
	lang string
}

var shared = &Measurer{}

// SharedMeasurer returns the process-wide measurer.
func SharedMeasurer() *Measurer { return shared }

// ForLanguage returns a measurer for text in language lang (a BCP 47
// tag): the same fonts, except that the language may choose among them
// (Urdu is set in Nastaliq, other Arabic-script languages in Naskh). Give
// the writer the same language in Meta.Language.
func (m *Measurer) ForLanguage(lang string) *Measurer { return &Measurer{lang: lang} }

// RightToLeft reports whether the measurer's language flows right to left
// (layout.Direction): a document in Urdu mirrors its tables.
func (m *Measurer) RightToLeft() bool { return fonts.RightToLeftLanguage(m.lang) }

// nastaliqLeading is the line height of Nastaliq text, in multiples of
// its size: its letters stack diagonally and reach far above and below the
// line, so at the 1.3 that suits Naskh and Latin, lines touched.
const nastaliqLeading = 1.9

// LineHeight returns the height of a line holding s in font (layout.Leading):
// taller for Urdu text, which a document in Urdu sets in Nastaliq.
func (m *Measurer) LineHeight(font layout.Font, s string) float64 {
	if fonts.NastaliqLanguage(m.lang) && hasRTL(s) {
		return font.Size * 0.3528 * nastaliqLeading
	}
	return font.LineHeight()
}

// Width returns the width of s in mm.
func (m *Measurer) Width(font layout.Font, s string) float64 {
	// An error here is a font that failed to load, which every document
	// would meet when drawing: Write reports it.
	w, _ := advance(font.Family, font.Style, m.lang, fonts.Normalize(s))
	return w * font.Size / 1000 / ptPerMM
}

// LineBreaks returns where a line may break inside s (UAX #14), for
// layout.Wrap.
func (m *Measurer) LineBreaks(s string) []int {
	// Most words are plain letters and digits, with at most the
	// punctuation UAX #14 never breaks after inside a word: no need to
	// run the segmenter.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == ',' || c == ':' || c == ';' || c == '\'') {
			return fonts.LineBreaks(s)
		}
	}
	return nil
}

// GraphemeBreaks returns where each grapheme cluster of s after the first
// begins (UAX #29), for layout.Wrap.
func (m *Measurer) GraphemeBreaks(s string) []int { return fonts.GraphemeBreaks(s) }
