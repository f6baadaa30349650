package illustration

import (
	"math"
)

// matrix is a 2-D affine transform [a c e; b d f; 0 0 1], as in SVG's
// matrix(a,b,c,d,e,f).
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m·n: n is applied first, then m.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[2]*n[1],
		m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3],
		m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4],
		m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

func (m matrix) apply(p Point) Point {
	return Point{m[0]*p.X + m[2]*p.Y + m[4], m[1]*p.X + m[3]*p.Y + m[5]}
}

// scale is the factor by which the transform changes lengths on average,
// used for stroke widths.
func (m matrix) scale() float64 {
	return math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2]))
}

// kappa is the control-point distance, as a fraction of the radius, of the
// cubic Bézier that best approximates a quarter circle.
const kappa = 0.5522847498307936

// pathBuilder accumulates segments in the element's own coordinates and
// remembers what the SVG path grammar needs (current point, subpath start,
// last control point).
type pathBuilder struct {
	segs   []Segment
	cur    Point
	start  Point
	open   bool // a subpath has been started
	lastC  Point
	lastOp byte // 'C' or 'Q' when lastC is a reflectable control point
}

func (b *pathBuilder) moveTo(p Point) {
	b.segs = append(b.segs, Segment{Op: MoveTo, Pts: [3]Point{p}})
	b.cur, b.start, b.open, b.lastOp = p, p, true, 0
}

func (b *pathBuilder) lineTo(p Point) {
	b.segs = append(b.segs, Segment{Op: LineTo, Pts: [3]Point{p}})
	b.cur, b.lastOp = p, 0
}

func (b *pathBuilder) cubicTo(c1, c2, p Point) {
	b.segs = append(b.segs, Segment{Op: CubicTo, Pts: [3]Point{c1, c2, p}})
	b.cur, b.lastC, b.lastOp = p, c2, 'C'
}

func (b *pathBuilder) quadTo(q, p Point) {
	p0 := b.cur
	c1 := Point{p0.X + 2.0/3.0*(q.X-p0.X), p0.Y + 2.0/3.0*(q.Y-p0.Y)}
	c2 := Point{p.X + 2.0/3.0*(q.X-p.X), p.Y + 2.0/3.0*(q.Y-p.Y)}
	b.cubicTo(c1, c2, p)
	b.lastC, b.lastOp = q, 'Q'
}

func (b *pathBuilder) close() {
	b.segs = append(b.segs, Segment{Op: Close})
	b.cur, b.lastOp = b.start, 0
}

// arcTo appends an SVG elliptical arc from the current point to p,
// following the endpoint-to-centre conversion of SVG 1.1 appendix F.6.
func (b *pathBuilder) arcTo(rx, ry, xrotDeg float64, large, sweep bool, p Point) {
	p0 := b.cur
	if p0 == p {
		return
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		b.lineTo(p)
		return
	}
	phi := xrotDeg * math.Pi / 180
	cosPhi, sinPhi := math.Cos(phi), math.Sin(phi)
	dx2, dy2 := (p0.X-p.X)/2, (p0.Y-p.Y)/2
	x1p := cosPhi*dx2 + sinPhi*dy2
	y1p := -sinPhi*dx2 + cosPhi*dy2
	// Scale up radii that are too small to reach.
	if l := x1p*x1p/(rx*rx) + y1p*y1p/(ry*ry); l > 1 {
		s := math.Sqrt(l)
		rx, ry = rx*s, ry*s
	}
	num := rx*rx*ry*ry - rx*rx*y1p*y1p - ry*ry*x1p*x1p
	den := rx*rx*y1p*y1p + ry*ry*x1p*x1p
	co := 0.0
	if den != 0 && num > 0 {
		co = math.Sqrt(num / den)
	}
	if large == sweep {
		co = -co
	}
	cxp, cyp := co*rx*y1p/ry, -co*ry*x1p/rx
	cx := cosPhi*cxp - sinPhi*cyp + (p0.X+p.X)/2
	cy := sinPhi*cxp + cosPhi*cyp + (p0.Y+p.Y)/2
	theta1 := math.Atan2((y1p-cyp)/ry, (x1p-cxp)/rx)
	theta2 := math.Atan2((-y1p-cyp)/ry, (-x1p-cxp)/rx)
	dtheta := theta2 - theta1
	if sweep && dtheta < 0 {
		dtheta += 2 * math.Pi
	} else if !sweep && dtheta > 0 {
		dtheta -= 2 * math.Pi
	}
	b.ellipticalArc(cx, cy, rx, ry, phi, theta1, dtheta)
	// Land exactly on the requested end point despite rounding.
	b.segs[len(b.segs)-1].Pts[2] = p
	b.cur = p
}

// ellipticalArc appends cubics for the arc of the ellipse centred at
// (cx, cy) from angle theta1 through dtheta radians, in pieces of at most
// a quarter turn. The pen must already be at the arc's start.
func (b *pathBuilder) ellipticalArc(cx, cy, rx, ry, phi, theta1, dtheta float64) {
	n := int(math.Ceil(math.Abs(dtheta)/(math.Pi/2) - 1e-9))
	if n < 1 {
		n = 1
	}
	step := dtheta / float64(n)
	k := 4.0 / 3.0 * math.Tan(step/4)
	cosPhi, sinPhi := math.Cos(phi), math.Sin(phi)
	pt := func(x, y float64) Point {
		return Point{cx + cosPhi*x - sinPhi*y, cy + sinPhi*x + cosPhi*y}
	}
	t := theta1
	for i := 0; i < n; i++ {
		c0, s0 := math.Cos(t), math.Sin(t)
		c1, s1 := math.Cos(t+step), math.Sin(t+step)
		b.cubicTo(
			pt(rx*(c0-k*s0), ry*(s0+k*c0)),
			pt(rx*(c1+k*s1), ry*(s1-k*c1)),
			pt(rx*c1, ry*s1),
		)
		t += step
	}
}

// ellipse appends a closed ellipse, drawn clockwise on screen from its
// rightmost point.
func (b *pathBuilder) ellipse(cx, cy, rx, ry float64) {
	b.moveTo(Point{cx + rx, cy})
	b.ellipticalArc(cx, cy, rx, ry, 0, 0, 2*math.Pi)
	b.close()
}

// rect appends a closed rectangle with corner radii rx, ry (already
// clamped to half the sides), clockwise on screen.
func (b *pathBuilder) rect(x, y, w, h, rx, ry float64) {
	if rx == 0 || ry == 0 {
		b.moveTo(Point{x, y})
		b.lineTo(Point{x + w, y})
		b.lineTo(Point{x + w, y + h})
		b.lineTo(Point{x, y + h})
		b.close()
		return
	}
	kx, ky := rx*kappa, ry*kappa
	b.moveTo(Point{x + rx, y})
	b.lineTo(Point{x + w - rx, y})
	b.cubicTo(Point{x + w - rx + kx, y}, Point{x + w, y + ry - ky}, Point{x + w, y + ry})
	b.lineTo(Point{x + w, y + h - ry})
	b.cubicTo(Point{x + w, y + h - ry + ky}, Point{x + w - rx + kx, y + h}, Point{x + w - rx, y + h})
	b.lineTo(Point{x + rx, y + h})
	b.cubicTo(Point{x + rx - kx, y + h}, Point{x, y + h - ry + ky}, Point{x, y + h - ry})
	b.lineTo(Point{x, y + ry})
	b.cubicTo(Point{x, y + ry - ky}, Point{x + rx - kx, y}, Point{x + rx, y})
	b.close()
}

// transformed returns the segments mapped through m. Affine maps carry
// Bézier control points exactly.
func transformed(segs []Segment, m matrix) []Segment {
	out := make([]Segment, len(segs))
	for i, s := range segs {
		out[i].Op = s.Op
		for j := range s.Pts {
			if s.Op != Close {
				out[i].Pts[j] = m.apply(s.Pts[j])
			}
		}
		if s.Op == MoveTo || s.Op == LineTo {
			out[i].Pts[1], out[i].Pts[2] = Point{}, Point{}
		}
	}
	return out
}
