package imaging

import (
	"image"
	"runtime"
)

// preShrink returns the whole number n by which a w×h picture headed for
// tw×th can first be shrunk by averaging n×n blocks, leaving the
// resampling filter at most a halving to do: n is the smallest factor that
// brings the picture within twice the target, and never so large that it
// falls below the target. It is 1 when the picture is less than twice the
// target already.
//
// Averaging blocks is a box filter, cheap and a good enough guard against
// aliasing when the sharper filter that follows works on at least as many
// pixels as it writes. For a 12-megapixel photo going into a 1200-pixel box
// it makes the filter read 3 rather than 12 megapixels.
func preShrink(w, h, tw, th int) int {
	if tw <= 0 || th <= 0 {
		return 1
	}
	// The axis with less to lose decides, so neither falls below the target.
	// n = ceil(f/2) for f = w/tw, in integers: ceil(w / (2 tw)).
	n := min((w+2*tw-1)/(2*tw), (h+2*th-1)/(2*th))
	for n > 1 && (ceilDiv(w, n) < tw || ceilDiv(h, n) < th) {
		n--
	}
	return max(n, 1)
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// shrink returns m with n×n blocks of pixels averaged into one, or nil if
// m is not a kind this can do directly (only the planes of a decoded JPEG:
// *image.YCbCr and *image.Gray with their origin at (0, 0)). Partial blocks
// at the right and bottom edges average the pixels they have. The chroma
// planes shrink by the same factor, keeping the subsampling, so no colour
// conversion happens at full size.
func shrink(m image.Image, n int) image.Image {
	switch m := m.(type) {
	case *image.YCbCr:
		if m.Rect.Min != (image.Point{}) {
			return nil
		}
		w, h := m.Rect.Dx(), m.Rect.Dy()
		out := image.NewYCbCr(image.Rect(0, 0, ceilDiv(w, n), ceilDiv(h, n)), m.SubsampleRatio)
		cw, ch := chromaSize(w, h, m.SubsampleRatio)
		ncw, nch := chromaSize(out.Rect.Dx(), out.Rect.Dy(), m.SubsampleRatio)
		if ncw != ceilDiv(cw, n) || nch != ceilDiv(ch, n) {
			return nil // not a subsampling whose blocks line up
		}
		shrinkPlanes(n, []plane{
			{m.Y, m.YStride, w, h, out.Y, out.YStride},
			{m.Cb, m.CStride, cw, ch, out.Cb, out.CStride},
			{m.Cr, m.CStride, cw, ch, out.Cr, out.CStride},
		})
		return out
	case *image.Gray:
		if m.Rect.Min != (image.Point{}) {
			return nil
		}
		w, h := m.Rect.Dx(), m.Rect.Dy()
		out := image.NewGray(image.Rect(0, 0, ceilDiv(w, n), ceilDiv(h, n)))
		shrinkPlanes(n, []plane{{m.Pix, m.Stride, w, h, out.Pix, out.Stride}})
		return out
	}
	return nil
}

// chromaSize is the size of the chroma planes of a w×h YCbCr picture with
// its origin at (0, 0), as image.NewYCbCr lays them out.
func chromaSize(w, h int, r image.YCbCrSubsampleRatio) (int, int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2
	}
	return w, h
}

// plane is one 8-bit sample plane to shrink: w×h samples of src, each row
// stride bytes from the last, into dst.
type plane struct {
	src       []byte
	stride    int
	w, h      int
	dst       []byte
	dstStride int
}

// shrinkPlanes shrinks every plane by n, splitting the rows of output
// between the cores. Each output sample depends only on its own block, so
// the result does not depend on how the work is split.
func shrinkPlanes(n int, planes []plane) {
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	var g group
	for _, p := range planes {
		rows := ceilDiv(p.h, n)
		per := ceilDiv(rows, workers)
		for y0 := 0; y0 < rows; y0 += per {
			g.do(func() { shrinkRows(p, n, y0, min(y0+per, rows)) })
		}
	}
	g.wait()
}

// shrinkRows writes output rows [y0, y1) of plane p shrunk by n: each
// sample is the rounded mean of its block.
func shrinkRows(p plane, n, y0, y1 int) {
	ow := ceilDiv(p.w, n)
	if n == 2 {
		shrinkRows2(p, ow, y0, y1)
		return
	}
	sums := make([]uint32, ow)
	for oy := y0; oy < y1; oy++ {
		clear(sums)
		sy0, sy1 := oy*n, min(oy*n+n, p.h)
		for sy := sy0; sy < sy1; sy++ {
			row := p.src[sy*p.stride : sy*p.stride+p.w]
			for ox := range ow {
				s := uint32(0)
				for _, v := range row[ox*n : min(ox*n+n, p.w)] {
					s += uint32(v)
				}
				sums[ox] += s
			}
		}
		writeMeans(p.dst[oy*p.dstStride:oy*p.dstStride+ow], sums, uint32(sy1-sy0), n, p.w)
	}
}

// shrinkRows2 is shrinkRows for n = 2, the common case, without the sums.
func shrinkRows2(p plane, ow, y0, y1 int) {
	half := p.w / 2
	for oy := y0; oy < y1; oy++ {
		out := p.dst[oy*p.dstStride : oy*p.dstStride+ow]
		r0 := p.src[2*oy*p.stride : 2*oy*p.stride+p.w]
		if 2*oy+1 >= p.h { // a last row on its own
			for ox := range half {
				out[ox] = uint8((uint32(r0[2*ox]) + uint32(r0[2*ox+1]) + 1) >> 1)
			}
			if p.w%2 == 1 {
				out[half] = r0[p.w-1]
			}
			continue
		}
		r1 := p.src[(2*oy+1)*p.stride : (2*oy+1)*p.stride+p.w]
		out = out[:half]
		r0, r1 = r0[:2*half], r1[:2*half]
		for ox := range out {
			out[ox] = uint8((uint32(r0[2*ox]) + uint32(r0[2*ox+1]) + uint32(r1[2*ox]) + uint32(r1[2*ox+1]) + 2) >> 2)
		}
		if p.w%2 == 1 {
			p.dst[oy*p.dstStride+half] = uint8((uint32(p.src[2*oy*p.stride+p.w-1]) + uint32(p.src[(2*oy+1)*p.stride+p.w-1]) + 1) >> 1)
		}
	}
}

// writeMeans writes the rounded mean of each block from its sum; blocks
// are rows tall and n wide but the last, which has w mod n columns if that
// is not zero.
func writeMeans(out []byte, sums []uint32, rows uint32, n, w int) {
	full := rows * uint32(n)
	for ox := range out {
		count := full
		if ox == len(out)-1 && w%n != 0 {
			count = rows * uint32(w%n)
		}
		out[ox] = uint8((sums[ox] + count/2) / count)
	}
}
