package imaging

import (
	"fmt"
	"image"
)

// Default limits, used where a Limits field is zero or negative.
const (
	// DefaultMaxBytes is the largest file accepted: 25 MB.
	DefaultMaxBytes int64 = 25 << 20
	// DefaultMaxPixels is the largest picture accepted: 50 megapixels.
	DefaultMaxPixels int64 = 50_000_000
	// DefaultMaxSide is the longest side accepted: 20,000 pixels.
	DefaultMaxSide = 20_000
	// DefaultMaxAspect is the most times longer than wide a picture may
	// be: 20 (a phone's panorama is about 4).
	DefaultMaxAspect int64 = 20
)

// Limits bounds the input Prepare accepts. A zero or negative field means
// the default (DefaultMaxBytes, DefaultMaxPixels, DefaultMaxSide,
// DefaultMaxAspect).
type Limits struct {
	// MaxBytes is the largest accepted file size in bytes.
	MaxBytes int64
	// MaxPixels is the largest accepted width times height.
	MaxPixels int64
	// MaxSide is the largest accepted width or height.
	MaxSide int
	// MaxAspect is the most times the long side may be the short side.
	MaxAspect int64
}

// withDefaults returns l with zero or negative fields set to the defaults.
func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultMaxPixels
	}
	if l.MaxSide <= 0 {
		l.MaxSide = DefaultMaxSide
	}
	if l.MaxAspect <= 0 {
		l.MaxAspect = DefaultMaxAspect
	}
	return l
}

// Crop says how a picture is cut to shape.
type Crop uint8

// The crops.
const (
	// None keeps the whole picture.
	None Crop = iota
	// Circle cuts the largest centred square and makes everything outside
	// its inscribed circle transparent. The output is PNG.
	Circle
	// RoundedSquare cuts the largest centred square and rounds its corners
	// (radius 15% of the side) with transparency. The output is PNG.
	RoundedSquare
	// Square cuts the largest centred square and leaves it opaque, for a
	// document that clips it to a shape itself (a PDF clipping path keeps
	// a photo a small JPEG where a transparent PNG would be several times
	// larger). The format is chosen as for None.
	Square
)

// String returns the crop's name: "none", "circle", "rounded-square" or "square".
func (c Crop) String() string {
	switch c {
	case None:
		return "none"
	case Circle:
		return "circle"
	case RoundedSquare:
		return "rounded-square"
	case Square:
		return "square"
	}
	return fmt.Sprintf("crop(%d)", uint8(c))
}

// Options says what Prepare should make of a picture.
type Options struct {
	// MaxWidth and MaxHeight bound the output in pixels, normally the
	// printed box at 300 dpi. Zero or negative means no bound on that side.
	// Pictures are scaled down to fit, never up, keeping their proportions.
	MaxWidth, MaxHeight int
	// Crop cuts the picture to a shape.
	Crop Crop
	// Limits bounds the input; the zero value means the defaults.
	Limits Limits
}

// Image is a prepared picture: a fresh encode with no metadata.
type Image struct {
	// Data is the encoded file. Treat it as read-only: a Cache shares it
	// between callers.
	Data []byte
	// Format is "jpeg" or "png".
	Format string
	// Width and Height are the upright size in pixels.
	Width, Height int
}

// Prepare checks, decodes, turns upright, crops, scales down and re-encodes
// a picture.
//
// The output is PNG when the picture is cropped to a shape, has any
// transparency, or comes from a PNG, GIF or WebP file with at most 256
// distinct colours (drawings, diagrams, screenshots of text); it is JPEG at
// quality 85 otherwise (photos). Transparency is composited onto white only
// when writing JPEG.
//
// Every error is an *Error; Prepare never panics.
func Prepare(src []byte, opt Options) (img *Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, errorf(CodeCorrupt, fmt.Errorf("panic: %v", r), "%s", corruptMessage)
		}
	}()
	lim := opt.Limits.withDefaults()
	f, cfg, err := check(src, lim)
	if err != nil {
		return nil, err
	}
	release, err := charge(src, f, cfg)
	if err != nil {
		return nil, err
	}
	defer release()
	m, err := decode(src, f)
	if err != nil {
		return nil, err
	}
	o := orientation(1)
	if f == formatJPEG {
		o = jpegOrientation(src)
	}
	asPNG := choosePNG(m, f, opt.Crop)
	if !asPNG {
		if y := transformYCbCr(m, o, opt); y != nil {
			return encodeJPEG(y, y.Rect.Dx(), y.Rect.Dy())
		}
	}
	return encode(transform(m, o, opt), asPNG)
}

// transform scales m to fit the options, cuts the crop, turns it upright and
// masks the crop's corners. The result has its origin at (0, 0).
func transform(m image.Image, o orientation, opt Options) *image.RGBA {
	w, h := m.Bounds().Dx(), m.Bounds().Dy()
	maxW, maxH := opt.MaxWidth, opt.MaxHeight
	if o.swapsAxes() {
		maxW, maxH = maxH, maxW
	}
	if opt.Crop == None {
		tw, th := fit(w, h, maxW, maxH)
		return orient(toRGBA(scale(m, tw, th)), o)
	}
	side := min(w, h)
	target, _ := fit(side, side, maxW, maxH)
	tw, th := w, h
	if target != side {
		tw, th = ratio(w, target, side), ratio(h, target, side)
	}
	scaled := toRGBA(scale(m, tw, th))
	square := cropSquare(scaled, target)
	out := orient(square, o)
	mask(out, opt.Crop)
	return out
}
