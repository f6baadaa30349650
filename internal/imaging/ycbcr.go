package imaging

import "image"

// transformYCbCr is transform for a decoded colour JPEG headed for JPEG
// output, done on the YCbCr planes from start to finish: scaled (see
// scale), cut square, turned upright, then handed to the JPEG encoder as
// YCbCr, so no pixel is converted to RGB and back. It returns nil when the
// picture or the job is not one it can do exactly as transform would (a
// shape with transparency, a picture that is not *image.YCbCr at the
// origin, or a size or crop that does not line up with the chroma
// subsampling), and the caller falls back to transform.
func transformYCbCr(m image.Image, o orientation, opt Options) *image.YCbCr {
	src, ok := m.(*image.YCbCr)
	if !ok || src.Rect.Min != (image.Point{}) || (opt.Crop != None && opt.Crop != Square) {
		return nil
	}
	if o.swapsAxes() && transposed(src.SubsampleRatio) < 0 {
		return nil
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	maxW, maxH := opt.MaxWidth, opt.MaxHeight
	if o.swapsAxes() {
		maxW, maxH = maxH, maxW
	}
	var tw, th, side int
	if opt.Crop == None {
		tw, th = fit(w, h, maxW, maxH)
	} else {
		side = min(w, h)
		target, _ := fit(side, side, maxW, maxH)
		tw, th = w, h
		if target != side {
			tw, th = ratio(w, target, side), ratio(h, target, side)
		}
		side = target
	}
	sx, sy := subsampling(src.SubsampleRatio)
	var x0, y0, ow, oh int
	if opt.Crop == None {
		ow, oh = tw, th
	} else {
		x0, y0, ow, oh = (tw-side)/2, (th-side)/2, side, side
	}
	// Every cut must fall between chroma samples for the planes to be
	// cut and turned exactly.
	if x0%sx != 0 || y0%sy != 0 || ow%sx != 0 || oh%sy != 0 {
		return nil
	}
	scaled, ok := scale(src, tw, th).(*image.YCbCr)
	if !ok || scaled.Rect.Min != (image.Point{}) {
		return nil
	}
	if x0 != 0 || y0 != 0 || ow != tw || oh != th {
		scaled = cropYCbCr(scaled, x0, y0, ow, oh)
	}
	return orientYCbCr(scaled, o)
}

// subsampling returns how many pixels across and down share one chroma
// sample.
func subsampling(r image.YCbCrSubsampleRatio) (int, int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return 2, 1
	case image.YCbCrSubsampleRatio420:
		return 2, 2
	case image.YCbCrSubsampleRatio440:
		return 1, 2
	case image.YCbCrSubsampleRatio411:
		return 4, 1
	case image.YCbCrSubsampleRatio410:
		return 4, 2
	}
	return 1, 1
}

// transposed returns the ratio of r's picture turned a quarter turn, or -1
// if the image package has none (4:1:1 and 4:1:0 turned).
func transposed(r image.YCbCrSubsampleRatio) image.YCbCrSubsampleRatio {
	switch r {
	case image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio420:
		return r
	case image.YCbCrSubsampleRatio422:
		return image.YCbCrSubsampleRatio440
	case image.YCbCrSubsampleRatio440:
		return image.YCbCrSubsampleRatio422
	}
	return -1
}

// cropYCbCr copies the w×h rectangle at (x0, y0) of m, whose corners fall
// between chroma samples.
func cropYCbCr(m *image.YCbCr, x0, y0, w, h int) *image.YCbCr {
	dst := image.NewYCbCr(image.Rect(0, 0, w, h), m.SubsampleRatio)
	for y := range h {
		copy(dst.Y[y*dst.YStride:y*dst.YStride+w], m.Y[m.YOffset(x0, y0+y):])
	}
	sx, sy := subsampling(m.SubsampleRatio)
	cw, ch := chromaSize(w, h, m.SubsampleRatio)
	cx0, cy0 := x0/sx, y0/sy
	for y := range ch {
		off := (cy0+y)*m.CStride + cx0
		copy(dst.Cb[y*dst.CStride:y*dst.CStride+cw], m.Cb[off:off+cw])
		copy(dst.Cr[y*dst.CStride:y*dst.CStride+cw], m.Cr[off:off+cw])
	}
	return dst
}

// orientYCbCr returns m turned upright according to EXIF orientation o,
// moving each plane's samples as orient moves pixels. m's size is a whole
// number of chroma samples, so each chroma sample covers the same pixels
// after the turn.
func orientYCbCr(m *image.YCbCr, o orientation) *image.YCbCr {
	if o < 2 || o > 8 {
		return m
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	ratio, dw, dh := m.SubsampleRatio, w, h
	if o.swapsAxes() {
		ratio, dw, dh = transposed(ratio), h, w
	}
	dst := image.NewYCbCr(image.Rect(0, 0, dw, dh), ratio)
	orientPlane(m.Y, m.YStride, w, h, dst.Y, dst.YStride, o)
	cw, ch := chromaSize(w, h, m.SubsampleRatio)
	orientPlane(m.Cb, m.CStride, cw, ch, dst.Cb, dst.CStride, o)
	orientPlane(m.Cr, m.CStride, cw, ch, dst.Cr, dst.CStride, o)
	return dst
}

// orientPlane moves the w×h samples of src to their upright places in dst.
func orientPlane(src []byte, stride, w, h int, dst []byte, dstStride int, o orientation) {
	for sy := range h {
		row := src[sy*stride : sy*stride+w]
		for sx, v := range row {
			dx, dy := destination(o, sx, sy, w, h)
			dst[dy*dstStride+dx] = v
		}
	}
}
