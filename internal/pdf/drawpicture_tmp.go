package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"github.com/familynetwork/safetyplan/internal/illustration"
)

// DrawPicture is a placeholder until illustration.go lands (lead's temp file).
func DrawPicture(f *fpdf.Fpdf, p *illustration.Picture, x, y, w, h float64) {
	f.SetDrawColor(150, 150, 150)
	f.Rect(x, y, w, h, "D")
}
