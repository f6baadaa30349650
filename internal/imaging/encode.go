package imaging

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
)

// jpegQuality is the JPEG quality used for photos.
const jpegQuality = 85

// choosePNG decides the output format from the decoded source m, its format
// and the crop: PNG for circle and rounded-square crops, any transparency, or flat-colour
// pictures (at most 256 colours) from formats that can hold them losslessly.
// JPEG sources are photos and stay JPEG.
func choosePNG(m image.Image, f format, c Crop) bool {
	switch {
	case c == Circle || c == RoundedSquare:
		return true
	case !opaque(m):
		return true
	case f == formatJPEG:
		return false
	}
	return fewColours(m, 256)
}

// opaque reports whether m has no transparent or translucent pixel.
func opaque(m image.Image) bool {
	if o, ok := m.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// fewColours reports whether m has at most limit distinct colours. It stops
// counting as soon as there are more.
func fewColours(m image.Image, limit int) bool {
	switch m := m.(type) {
	case *image.Paletted:
		return len(m.Palette) <= limit
	case *image.Gray:
		return limit >= 256
	case *image.NRGBA:
		return fewPixValues(m.Pix, m.Stride, m.Rect, limit)
	case *image.RGBA:
		return fewPixValues(m.Pix, m.Stride, m.Rect, limit)
	}
	seen := make(map[uint64]struct{}, limit+1)
	b := m.Bounds()
	last, first := uint64(0), true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := m.At(x, y).RGBA()
			c := uint64(r)<<48 | uint64(g)<<32 | uint64(bl)<<16 | uint64(a)
			if c == last && !first {
				continue // runs of one colour are the common case in drawings
			}
			last, first = c, false
			seen[c] = struct{}{}
			if len(seen) > limit {
				return false
			}
		}
	}
	return true
}

// fewPixValues is fewColours for 8-bit, four-channel pixels.
func fewPixValues(pix []byte, stride int, r image.Rectangle, limit int) bool {
	seen := make(map[uint32]struct{}, limit+1)
	for y := range r.Dy() {
		row := pix[y*stride : y*stride+4*r.Dx()]
		var last uint32
		for x := 0; x < len(row); x += 4 {
			c := uint32(row[x])<<24 | uint32(row[x+1])<<16 | uint32(row[x+2])<<8 | uint32(row[x+3])
			if c == last && x > 0 {
				continue
			}
			last = c
			seen[c] = struct{}{}
			if len(seen) > limit {
				return false
			}
		}
	}
	return true
}

// encode writes m as PNG or JPEG. JPEG output is composited onto white.
func encode(m *image.RGBA, asPNG bool) (*Image, error) {
	var buf bytes.Buffer
	out := &Image{Width: m.Rect.Dx(), Height: m.Rect.Dy()}
	if asPNG {
		out.Format = "png"
		enc := png.Encoder{CompressionLevel: png.DefaultCompression}
		if err := enc.Encode(&buf, m); err != nil {
			return nil, errorf(CodeCorrupt, err, "%s", corruptMessage)
		}
	} else {
		return encodeJPEG(onWhite(m), out.Width, out.Height)
	}
	out.Data = buf.Bytes()
	return out, nil
}

// encodeJPEG writes m, opaque and w×h, as a JPEG photo.
func encodeJPEG(m image.Image, w, h int) (*Image, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: jpegQuality}); err != nil {
		return nil, errorf(CodeCorrupt, err, "%s", corruptMessage)
	}
	return &Image{Data: buf.Bytes(), Format: "jpeg", Width: w, Height: h}, nil
}

// onWhite composites premultiplied m onto white, in place, and returns it.
func onWhite(m *image.RGBA) *image.RGBA {
	if m.Opaque() {
		return m
	}
	for i := 0; i+3 < len(m.Pix); i += 4 {
		white := 255 - int(m.Pix[i+3])
		for c := i; c < i+3; c++ {
			m.Pix[c] = uint8(min(int(m.Pix[c])+white, 255))
		}
		m.Pix[i+3] = 255
	}
	return m
}
