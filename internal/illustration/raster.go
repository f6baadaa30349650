package illustration

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"golang.org/x/image/vector"
)

// The bounds on rendered sizes, in pixels along the picture's longer side.
const (
	// MinSize is the smallest size RenderRGBA and PNG accept.
	MinSize = 16
	// MaxSize is the largest size RenderRGBA and PNG accept.
	MaxSize = 1024
	// DefaultSize is the size the HTTP handler uses when none is asked for.
	DefaultSize = 256
)

// flatness is the largest distance, in pixels, between a curve and the
// straight lines that stand in for it when stroking.
const flatness = 0.2

// SizeError reports a render size outside MinSize..MaxSize.
type SizeError struct {
	// Size is the size asked for.
	Size int
}

// Error says what sizes are allowed.
func (e *SizeError) Error() string {
	return fmt.Sprintf("illustration: size %d is out of range: use %d to %d pixels", e.Size, MinSize, MaxSize)
}

// PixelSize returns the image size RenderRGBA makes for size: the longer
// side is size pixels and the aspect ratio is kept.
func (p *Picture) PixelSize(size int) (w, h int) {
	if p.Width >= p.Height {
		return size, max(1, int(math.Round(float64(size)*p.Height/p.Width)))
	}
	return max(1, int(math.Round(float64(size)*p.Width/p.Height))), size
}

// RenderRGBA paints the picture on a new image whose longer side is size
// pixels (MinSize..MaxSize), over the background bg (use color.Transparent
// for none, color.White for paper).
func (p *Picture) RenderRGBA(size int, bg color.Color) (*image.RGBA, error) {
	if size < MinSize || size > MaxSize {
		return nil, &SizeError{Size: size}
	}
	if !(p.Width > 0 && p.Height > 0) {
		return nil, fmt.Errorf("illustration: picture %q has no area", p.Name)
	}
	w, h := p.PixelSize(size)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if _, _, _, a := bg.RGBA(); a != 0 {
		draw.Draw(dst, dst.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	}
	sx, sy := float64(w)/p.Width, float64(h)/p.Height
	r := &renderer{dst: dst, z: &vector.Rasterizer{}}
	for i := range p.Shapes {
		s := &p.Shapes[i]
		hw := s.StrokeWidth * math.Sqrt(sx*sy) / 2
		if s.Stroke == nil {
			hw = 0
		}
		// Work in a box just around the shape: the rasterizer's cost is
		// proportional to its area.
		path, box := localPath(s.Path, sx, sy, hw, dst.Bounds())
		if box.Empty() {
			continue
		}
		if s.Fill != nil {
			r.fill(path, box, *s.Fill, s.EvenOdd)
		}
		if hw > 0 {
			r.stroke(path, box, *s.Stroke, hw)
		}
	}
	return dst, nil
}

// renderer paints shapes onto dst, reusing one rasterizer.
type renderer struct {
	dst *image.RGBA
	z   *vector.Rasterizer
}

// localPath maps path from viewBox units to pixels and then to the
// coordinates of box, the pixel rectangle that holds the shape (with hw of
// stroke around it) clipped to bounds.
func localPath(path []Segment, sx, sy, hw float64, bounds image.Rectangle) ([]Segment, image.Rectangle) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, s := range path {
		n := 0
		switch s.Op {
		case MoveTo, LineTo:
			n = 1
		case CubicTo:
			n = 3
		}
		for _, p := range s.Pts[:n] {
			minX, maxX = math.Min(minX, p.X*sx), math.Max(maxX, p.X*sx)
			minY, maxY = math.Min(minY, p.Y*sy), math.Max(maxY, p.Y*sy)
		}
	}
	if minX > maxX {
		return nil, image.Rectangle{}
	}
	// Control points bound a Bézier curve, so this box holds the shape.
	box := image.Rect(
		int(math.Floor(minX-hw))-1, int(math.Floor(minY-hw))-1,
		int(math.Ceil(maxX+hw))+1, int(math.Ceil(maxY+hw))+1,
	).Intersect(bounds)
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	out := make([]Segment, len(path))
	for i, s := range path {
		out[i].Op = s.Op
		for j := range s.Pts {
			out[i].Pts[j] = Point{s.Pts[j].X*sx - ox, s.Pts[j].Y*sy - oy}
		}
	}
	return out, box
}

// PNG renders the picture on a transparent background, its longer side
// size pixels (MinSize..MaxSize), and encodes it as PNG.
func (p *Picture) PNG(size int) ([]byte, error) {
	img, err := p.RenderRGBA(size, color.Transparent)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// subpaths splits a path at each MoveTo.
func subpaths(path []Segment) [][]Segment {
	var out [][]Segment
	start := 0
	for i := 1; i <= len(path); i++ {
		if i == len(path) || path[i].Op == MoveTo {
			if i > start {
				out = append(out, path[start:i])
			}
			start = i
		}
	}
	return out
}

// addPath feeds segments to the rasterizer, closing every subpath (fills
// treat open subpaths as closed).
func addPath(z *vector.Rasterizer, path []Segment) {
	open := false
	for _, s := range path {
		p := s.Pts
		switch s.Op {
		case MoveTo:
			if open {
				z.ClosePath()
			}
			z.MoveTo(float32(p[0].X), float32(p[0].Y))
			open = true
		case LineTo:
			z.LineTo(float32(p[0].X), float32(p[0].Y))
		case CubicTo:
			z.CubeTo(float32(p[0].X), float32(p[0].Y), float32(p[1].X), float32(p[1].Y), float32(p[2].X), float32(p[2].Y))
		case Close:
			z.ClosePath()
			open = false
		}
	}
	if open {
		z.ClosePath()
	}
}

// fill paints the inside of path (in box coordinates). The vector
// rasterizer accumulates signed coverage and clamps its magnitude, which is
// the non-zero rule; for even-odd each subpath gets its own mask and the
// masks are combined by exclusive or.
func (r *renderer) fill(path []Segment, box image.Rectangle, c color.RGBA, evenOdd bool) {
	src := image.NewUniform(c)
	w, h := box.Dx(), box.Dy()
	z := r.z
	if !evenOdd {
		z.Reset(w, h)
		z.DrawOp = draw.Over
		addPath(z, path)
		z.Draw(r.dst, box, src, image.Point{})
		return
	}
	mask := image.NewAlpha(image.Rect(0, 0, w, h))
	one := image.NewAlpha(image.Rect(0, 0, w, h))
	for _, sp := range subpaths(path) {
		z.Reset(w, h)
		z.DrawOp = draw.Src
		addPath(z, sp)
		z.Draw(one, one.Bounds(), image.Opaque, image.Point{})
		for i, a := range one.Pix {
			x, y := int(mask.Pix[i]), int(a)
			// a⊕b for coverages in 0..255: a + b − 2ab.
			mask.Pix[i] = uint8(x + y - (2*x*y+127)/255)
		}
	}
	draw.DrawMask(r.dst, box, src, image.Point{}, mask, image.Point{}, draw.Over)
}
