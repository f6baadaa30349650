package imaging

import (
	"image"
	"image/draw"

	"github.com/nfnt/resize"
)

// filter is the resampling filter used to scale down. Measured on one core
// scaling a 12-megapixel JPEG to 1200×900 (BenchmarkFilter12MP), before
// scale shrank photos first, the whole Prepare took about 780 ms with
// Lanczos3, 380 ms with Mitchell-Netravali and 330 ms with Bilinear, all
// through nfnt/resize. Mitchell-Netravali is nearly as fast as Bilinear but
// sharper, and unlike Lanczos3 it leaves no bright halos around the dark
// outlines of drawings.
//
// Decoded JPEGs are scaled with Mitchell-Netravali on their YCbCr planes
// instead (see resamplePlanes, and shrink before it), which takes a
// 12-megapixel photo's Prepare to about 250 ms, most of it the decode;
// with another filter chosen here they go through nfnt/resize too.
var filter = resize.MitchellNetravali

// fit returns the size of a w×h picture scaled down, never up, to fit
// maxW×maxH keeping its proportions; a bound <= 0 is no bound.
func fit(w, h, maxW, maxH int) (int, int) {
	if maxW <= 0 || maxW > w {
		maxW = w
	}
	if maxH <= 0 || maxH > h {
		maxH = h
	}
	if maxW == w && maxH == h {
		return w, h
	}
	// Compare w/h with maxW/maxH in integers to pick the binding side.
	if int64(w)*int64(maxH) >= int64(h)*int64(maxW) {
		return maxW, ratio(h, maxW, w)
	}
	return ratio(w, maxH, h), maxH
}

// ratio returns n*num/den rounded to the nearest integer, at least 1.
func ratio(n, num, den int) int {
	r := int((2*int64(n)*int64(num) + int64(den)) / (2 * int64(den)))
	return max(r, 1)
}

// scale resizes m to w×h, or returns it unchanged if it is that size. A
// decoded JPEG at least twice the size asked for is first shrunk by a whole
// factor straight from its planes (see preShrink), so that the filter reads
// a few megapixels rather than all of a phone photo.
func scale(m image.Image, w, h int) image.Image {
	b := m.Bounds()
	if b.Dx() == w && b.Dy() == h {
		return m
	}
	if n := preShrink(b.Dx(), b.Dy(), w, h); n > 1 {
		if s := shrink(m, n); s != nil {
			m = s
			if s.Bounds().Dx() == w && s.Bounds().Dy() == h {
				return m
			}
		}
	}
	if filter == resize.MitchellNetravali {
		if r := resamplePlanes(m, w, h); r != nil {
			return r
		}
	}
	switch m.(type) {
	case *image.YCbCr, *image.RGBA, *image.NRGBA, *image.Gray:
		// nfnt/resize has a fast path for these. It indexes Pix from the
		// image's origin, which is right for all decoded images.
	default:
		m = toRGBA(m)
	}
	out := resize.Resize(uint(w), uint(h), m, filter)
	if r, ok := out.(*image.RGBA); ok {
		clampPremultiplied(r)
	}
	return out
}

// clampPremultiplied keeps each colour channel at or below alpha, which
// premultiplied pixels require and a sharpening filter can overshoot.
func clampPremultiplied(m *image.RGBA) {
	for i := 0; i+3 < len(m.Pix); i += 4 {
		a := m.Pix[i+3]
		m.Pix[i] = min(m.Pix[i], a)
		m.Pix[i+1] = min(m.Pix[i+1], a)
		m.Pix[i+2] = min(m.Pix[i+2], a)
	}
}

// toRGBA returns m as an *image.RGBA with its origin at (0, 0), copying
// unless it already is one.
func toRGBA(m image.Image) *image.RGBA {
	if r, ok := m.(*image.RGBA); ok && r.Rect.Min == (image.Point{}) {
		return r
	}
	b := m.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, m, b.Min, draw.Src)
	return dst
}

// cropSquare copies the centred side×side square of m.
func cropSquare(m *image.RGBA, side int) *image.RGBA {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	if w == side && h == side {
		return m
	}
	x0, y0 := (w-side)/2, (h-side)/2
	dst := image.NewRGBA(image.Rect(0, 0, side, side))
	for y := range side {
		src := m.Pix[(y0+y)*m.Stride+4*x0:]
		copy(dst.Pix[y*dst.Stride:y*dst.Stride+4*side], src)
	}
	return dst
}

// orient returns m turned upright according to EXIF orientation o.
func orient(m *image.RGBA, o orientation) *image.RGBA {
	if o < 2 || o > 8 {
		return m
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	dw, dh := w, h
	if o.swapsAxes() {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for sy := range h {
		row := m.Pix[sy*m.Stride:]
		for sx := range w {
			dx, dy := destination(o, sx, sy, w, h)
			copy(dst.Pix[dy*dst.Stride+4*dx:dy*dst.Stride+4*dx+4], row[4*sx:4*sx+4])
		}
	}
	return dst
}

// destination maps stored pixel (sx, sy) of a w×h picture to its upright
// position under EXIF orientation o.
func destination(o orientation, sx, sy, w, h int) (int, int) {
	switch o {
	case 2: // mirrored left to right
		return w - 1 - sx, sy
	case 3: // upside down
		return w - 1 - sx, h - 1 - sy
	case 4: // mirrored top to bottom
		return sx, h - 1 - sy
	case 5: // mirrored along the main diagonal
		return sy, sx
	case 6: // needs a quarter turn clockwise
		return h - 1 - sy, sx
	case 7: // mirrored along the other diagonal
		return h - 1 - sy, w - 1 - sx
	case 8: // needs a quarter turn anticlockwise
		return sy, w - 1 - sx
	}
	return sx, sy
}
