package pdf

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/layout"
)

// Measurer measures text with the embedded fonts. It is safe for
// concurrent use; widths are cached.
type Measurer struct {
	mu    sync.Mutex
	f     *fpdf.Fpdf
	cache map[measureKey]float64
}

type measureKey struct {
	font layout.Font
	s    string
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
		shared = &Measurer{f: f, cache: map[measureKey]float64{}}
	})
	return shared
}

// Width returns the width of s in mm.
func (m *Measurer) Width(font layout.Font, s string) float64 {
	k := measureKey{font, s}
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.cache[k]; ok {
		return w
	}
	m.f.SetFont(font.Family, font.Style, font.Size)
	w := m.f.GetStringWidth(s)
	if len(m.cache) > 200_000 {
		clear(m.cache)
	}
	m.cache[k] = w
	return w
}

// addFonts registers every embedded face with f.
func addFonts(f *fpdf.Fpdf) {
	for _, face := range fonts.Faces {
		b, err := fonts.Bytes(face.File)
		if err != nil {
			f.SetError(err)
			return
		}
		f.AddUTF8FontFromBytes(face.Family, face.Style, b)
	}
}
