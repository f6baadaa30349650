package pdf

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/familynetwork/safetyplan/internal/layout"
)

// Measurer measures text with the embedded fonts. It is safe for
// concurrent use.
//
// The embedded faces, spelt as fonts.Faces spells them and at a non-zero
// size, are measured from width tables read once from fpdf, without a lock,
// giving exactly what fpdf's GetStringWidth gives. Anything else (another
// spelling of a face, a core font, an empty family or a zero size, which
// fpdf reads as "the current one") goes to fpdf itself under a lock, as
// before.
type Measurer struct {
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
		f := fpdf.New("P", "mm", "A4", "")
		addFonts(f)
		shared = &Measurer{tables: readWidths(f), k: f.GetConversionRatio(), f: f}
	})
	return shared
}

// Width returns the width of s in mm.
func (m *Measurer) Width(font layout.Font, s string) float64 {
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
