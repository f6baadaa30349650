package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"github.com/familynetwork/safetyplan/internal/illustration"
)

// DrawPicture draws p as vector paths inside the box at (x, y) of size
// w by h, in the document's units: scaled to fit with its aspect ratio
// kept, and centred. Strokes have round caps and joins, as the library's
// SVG files ask. The line width, colours, and cap and join styles it
// changes are restored afterwards. A nil or empty picture, or an empty
// box, draws nothing.
func DrawPicture(f *fpdf.Fpdf, p *illustration.Picture, x, y, w, h float64) {
	if p == nil || !(p.Width > 0 && p.Height > 0 && w > 0 && h > 0) {
		return
	}
	s := min(w/p.Width, h/p.Height)
	ox, oy := x+(w-p.Width*s)/2, y+(h-p.Height*s)/2

	lw := f.GetLineWidth()
	dr, dg, db := f.GetDrawColor()
	fr, fg, fb := f.GetFillColor()
	capStyle, joinStyle := f.GetLineCapStyle(), f.GetLineJoinStyle()
	defer func() {
		f.SetLineWidth(lw)
		f.SetDrawColor(dr, dg, db)
		f.SetFillColor(fr, fg, fb)
		f.SetLineCapStyle(capStyle)
		f.SetLineJoinStyle(joinStyle)
	}()
	f.SetLineCapStyle("round")
	f.SetLineJoinStyle("round")

	for i := range p.Shapes {
		sh := &p.Shapes[i]
		style := ""
		if sh.Fill != nil {
			f.SetFillColor(int(sh.Fill.R), int(sh.Fill.G), int(sh.Fill.B))
			style = "F"
		}
		if sh.Stroke != nil && sh.StrokeWidth > 0 {
			f.SetDrawColor(int(sh.Stroke.R), int(sh.Stroke.G), int(sh.Stroke.B))
			f.SetLineWidth(sh.StrokeWidth * s)
			style += "D"
		}
		if style == "" {
			continue
		}
		if sh.EvenOdd && sh.Fill != nil {
			style += "*"
		}
		for _, seg := range sh.Path {
			pt := seg.Pts
			switch seg.Op {
			case illustration.MoveTo:
				f.MoveTo(ox+pt[0].X*s, oy+pt[0].Y*s)
			case illustration.LineTo:
				f.LineTo(ox+pt[0].X*s, oy+pt[0].Y*s)
			case illustration.CubicTo:
				f.CurveBezierCubicTo(ox+pt[0].X*s, oy+pt[0].Y*s, ox+pt[1].X*s, oy+pt[1].Y*s, ox+pt[2].X*s, oy+pt[2].Y*s)
			case illustration.Close:
				f.ClosePath()
			}
		}
		f.DrawPath(style)
	}
}
