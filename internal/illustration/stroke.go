package illustration

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// stroke paints the outline of path (in box coordinates), hw pixels either
// side of it, with round caps and joins. Each straight piece of the
// flattened path becomes a quadrilateral and each vertex a disc; all are
// added with the same orientation so that the rasterizer's non-zero rule
// unions them.
func (r *renderer) stroke(path []Segment, box image.Rectangle, c color.RGBA, hw float64) {
	z := r.z
	z.Reset(box.Dx(), box.Dy())
	z.DrawOp = draw.Over
	for _, line := range flatten(path) {
		pts := line.pts
		for i := range pts {
			addDisc(z, pts[i], hw)
		}
		n := len(pts)
		for i := 0; i+1 < n; i++ {
			addQuad(z, pts[i], pts[i+1], hw)
		}
		if line.closed && n > 1 {
			addQuad(z, pts[n-1], pts[0], hw)
		}
	}
	z.Draw(r.dst, box, image.NewUniform(c), image.Point{})
}

// polyline is a flattened subpath.
type polyline struct {
	pts    []Point
	closed bool
}

// flatten turns each subpath into straight pieces no further than flatness
// pixels from the curve.
func flatten(path []Segment) []polyline {
	var out []polyline
	var pen, start Point
	open := false // the last polyline in out is being extended
	add := func(p Point) {
		if !open {
			// Drawing after Z (or without M) continues from the pen.
			out = append(out, polyline{pts: []Point{pen}})
			open = true
		}
		cur := &out[len(out)-1]
		if n := len(cur.pts); cur.pts[n-1] != p {
			cur.pts = append(cur.pts, p)
		}
		pen = p
	}
	for _, s := range path {
		switch s.Op {
		case MoveTo:
			pen, start, open = s.Pts[0], s.Pts[0], false
			add(pen)
		case LineTo:
			add(s.Pts[0])
		case CubicTo:
			p0, p1, p2, p3 := pen, s.Pts[0], s.Pts[1], s.Pts[2]
			dd := math.Max(
				math.Hypot(p0.X-2*p1.X+p2.X, p0.Y-2*p1.Y+p2.Y),
				math.Hypot(p1.X-2*p2.X+p3.X, p1.Y-2*p2.Y+p3.Y))
			n := int(math.Ceil(math.Sqrt(0.75 * dd / flatness)))
			n = min(max(n, 1), 200)
			for i := 1; i <= n; i++ {
				t := float64(i) / float64(n)
				u := 1 - t
				a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
				add(Point{
					a*p0.X + b*p1.X + c*p2.X + d*p3.X,
					a*p0.Y + b*p1.Y + c*p2.Y + d*p3.Y,
				})
			}
		case Close:
			if open {
				cur := &out[len(out)-1]
				cur.closed = true
				if n := len(cur.pts); n > 1 && cur.pts[n-1] == cur.pts[0] {
					cur.pts = cur.pts[:n-1]
				}
			}
			pen, open = start, false
		}
	}
	return out
}

// addPolygon adds a closed polygon, reversing it if needed so that every
// polygon has the same (positive) orientation.
func addPolygon(z *vector.Rasterizer, pts []Point) {
	area := 0.0
	for i := range pts {
		j := (i + 1) % len(pts)
		area += pts[i].X*pts[j].Y - pts[j].X*pts[i].Y
	}
	if area == 0 {
		return
	}
	at := func(i int) Point {
		if area < 0 {
			return pts[len(pts)-1-i]
		}
		return pts[i]
	}
	p := at(0)
	z.MoveTo(float32(p.X), float32(p.Y))
	for i := 1; i < len(pts); i++ {
		p = at(i)
		z.LineTo(float32(p.X), float32(p.Y))
	}
	z.ClosePath()
}

func addQuad(z *vector.Rasterizer, a, b Point, hw float64) {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*hw, dx/l*hw
	addPolygon(z, []Point{
		{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny},
		{b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny},
	})
}

func addDisc(z *vector.Rasterizer, c Point, r float64) {
	n := int(math.Ceil(math.Pi / math.Acos(math.Max(-1, 1-flatness/math.Max(r, flatness)))))
	n = min(max(n, 8), 128)
	pts := make([]Point, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = Point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	addPolygon(z, pts)
}
