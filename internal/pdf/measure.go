package pdf

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/layout"
)

// Measurer measures text with the embedded fonts. It is safe for
// concurrent use.
//
// With the project's own writer, text is measured by shaping it with the
// same shaper, fonts and cache that draw it (shapeText). With fpdf, the embedded
// faces are measured from width tables read once from fpdf, giving exactly
// what fpdf's GetStringWidth gives; anything else goes to fpdf under a lock.
type Measurer struct {
	lang   string
	tables []*widthTable
	// k is fpdf's scale factor, points per millimetre.
	k float64

	mu sync.Mutex
	f  *fpdf.Fpdf
}

var (
	sharedOnce sync.Once
	shared     *Measurer
)

// SharedMeasurer returns the process-wide measurer.
func SharedMeasurer() *Measurer {
	sharedOnce.Do(func() {
		if ownWriter {
			shared = &Measurer{}
			return
		}
		f := fpdf.New("P", "mm", "A4", "")
		addFonts(f)
		shared = &Measurer{tables: readWidths(f), k: f.GetConversionRatio(), f: f}
	})
	return shared
}

// ForLanguage returns a measurer for text in language lang (a BCP 47
// tag): the same fonts, except that the language may choose among them
// (Urdu is set in Nastaliq, other Arabic-script languages in Naskh). Give
// the writer the same language in Meta.Language.
func (m *Measurer) ForLanguage(lang string) *Measurer {
	if !ownWriter {
		return m
	}
	return &Measurer{lang: lang}
}

// Width returns the width of s in mm.
func (m *Measurer) Width(font layout.Font, s string) float64 {
	if ownWriter {
		// An error here is a font that failed to load, which every
		// document would meet when drawing: Write reports it.
		runs, _ := shapeText(font.Family, font.Style, m.lang, fonts.Normalize(s))
		w := 0.0
		for _, r := range runs {
			w += r.Advance()
		}
		return w * font.Size / 1000 / ptPerMM
	}
	if font.Size != 0 {
		for _, t := range m.tables {
			if t.family == font.Family && t.style == font.Style {
				// As fpdf: GetStringWidth is w * fontSize / 1000, where
				// SetFont made fontSize = size / k.
				return float64(t.sum(s)) * (font.Size / m.k) / 1000
			}
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.f.SetFont(font.Family, font.Style, font.Size)
	return m.f.GetStringWidth(s)
}
