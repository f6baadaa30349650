package pdf

import (
	"fmt"

	"github.com/familynetwork/safetyplan/internal/illustration"
	"github.com/familynetwork/safetyplan/internal/layout"
)

// kappa places the control points of a cubic Bézier quarter circle.
const kappa = 0.5522847498

// paint sets the fill and stroke and returns the painting operator ("f",
// "S", "B"), or "" when there is nothing to paint.
func (c *canvas) paint(fill, stroke *layout.Color, width float64) string {
	op := ""
	if fill != nil {
		c.color(*fill, "rg")
		op = "f"
	}
	if stroke != nil {
		c.color(*stroke, "RG")
		c.num(width * ptPerMM)
		c.c.WriteString("w\n")
		if op == "f" {
			op = "B"
		} else {
			op = "S"
		}
	}
	return op
}

// point writes a point's coordinates and a space.
func (c *canvas) point(x, y float64) {
	c.num(x * ptPerMM)
	c.num((c.h - y) * ptPerMM)
}

func (c *canvas) moveTo(x, y float64) { c.point(x, y); c.c.WriteString("m\n") }
func (c *canvas) lineTo(x, y float64) { c.point(x, y); c.c.WriteString("l\n") }
func (c *canvas) curveTo(x1, y1, x2, y2, x3, y3 float64) {
	c.point(x1, y1)
	c.point(x2, y2)
	c.point(x3, y3)
	c.c.WriteString("c\n")
}

// rectPath adds a rectangle, its corners rounded by r when r > 0.
func (c *canvas) rectPath(x, y, w, h, r float64) {
	if r <= 0 {
		c.point(x, y+h)
		c.num(w * ptPerMM)
		c.num(h * ptPerMM)
		c.c.WriteString("re\n")
		return
	}
	r = min(r, w/2, h/2)
	k := r * kappa
	c.moveTo(x+r, y)
	c.lineTo(x+w-r, y)
	c.curveTo(x+w-r+k, y, x+w, y+r-k, x+w, y+r)
	c.lineTo(x+w, y+h-r)
	c.curveTo(x+w, y+h-r+k, x+w-r+k, y+h, x+w-r, y+h)
	c.lineTo(x+r, y+h)
	c.curveTo(x+r-k, y+h, x, y+h-r+k, x, y+h-r)
	c.lineTo(x, y+r)
	c.curveTo(x, y+r-k, x+r-k, y, x+r, y)
	c.c.WriteString("h\n")
}

// circlePath adds a circle of radius r centred on (x, y).
func (c *canvas) circlePath(x, y, r float64) {
	k := r * kappa
	c.moveTo(x+r, y)
	c.curveTo(x+r, y+k, x+k, y+r, x, y+r)
	c.curveTo(x-k, y+r, x-r, y+k, x-r, y)
	c.curveTo(x-r, y-k, x-k, y-r, x, y-r)
	c.curveTo(x+k, y-r, x+r, y-k, x+r, y)
	c.c.WriteString("h\n")
}

func (c *canvas) rect(v layout.Rect) {
	c.c.WriteString("q\n")
	if op := c.paint(v.Fill, v.Stroke, max(v.LineWidth, 0.1)); op != "" {
		c.rectPath(v.X, v.Y, v.W, v.H, v.Radius)
		c.c.WriteString(op + "\n")
	}
	c.c.WriteString("Q\n")
}

func (c *canvas) line(v layout.Line) {
	c.c.WriteString("q\n")
	c.color(v.Color, "RG")
	c.num(v.Width * ptPerMM)
	c.c.WriteString("w\n")
	if v.Dashed {
		fmt.Fprintf(c.c, "[%s %s] 0 d\n", num(ptPerMM), num(ptPerMM))
	}
	c.moveTo(v.X1, v.Y1)
	c.lineTo(v.X2, v.Y2)
	c.c.WriteString("S\nQ\n")
}

func (c *canvas) circle(v layout.Circle) {
	c.c.WriteString("q\n")
	if op := c.paint(v.Fill, v.Stroke, 0.3); op != "" {
		c.circlePath(v.X, v.Y, v.R)
		c.c.WriteString(op + "\n")
	}
	c.c.WriteString("Q\n")
}

// illustration draws a library picture as vector paths inside the box,
// scaled to fit with its aspect ratio kept and centred, with round caps
// and joins as the library's SVG files ask.
func (c *canvas) illustration(p *illustration.Picture, x, y, w, h float64) {
	if p == nil || !(p.Width > 0 && p.Height > 0 && w > 0 && h > 0) {
		return
	}
	s := min(w/p.Width, h/p.Height)
	ox, oy := x+(w-p.Width*s)/2, y+(h-p.Height*s)/2
	c.c.WriteString("q\n1 J 1 j\n")
	for i := range p.Shapes {
		sh := &p.Shapes[i]
		var stroke *layout.Color
		if sh.Stroke != nil && sh.StrokeWidth > 0 {
			stroke = &layout.Color{R: sh.Stroke.R, G: sh.Stroke.G, B: sh.Stroke.B}
		}
		var fill *layout.Color
		if sh.Fill != nil {
			fill = &layout.Color{R: sh.Fill.R, G: sh.Fill.G, B: sh.Fill.B}
		}
		op := c.paint(fill, stroke, sh.StrokeWidth*s)
		if op == "" {
			continue
		}
		if sh.EvenOdd && fill != nil {
			op += "*"
		}
		for _, seg := range sh.Path {
			pt := seg.Pts
			switch seg.Op {
			case illustration.MoveTo:
				c.moveTo(ox+pt[0].X*s, oy+pt[0].Y*s)
			case illustration.LineTo:
				c.lineTo(ox+pt[0].X*s, oy+pt[0].Y*s)
			case illustration.CubicTo:
				c.curveTo(ox+pt[0].X*s, oy+pt[0].Y*s, ox+pt[1].X*s, oy+pt[1].Y*s, ox+pt[2].X*s, oy+pt[2].Y*s)
			case illustration.Close:
				c.c.WriteString("h\n")
			}
		}
		c.c.WriteString(op + "\n")
	}
	c.c.WriteString("Q\n")
}
