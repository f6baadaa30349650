package imaging

import (
	"image"
	"math"
	"runtime"
)

// resamplePlanes scales a decoded JPEG (an *image.YCbCr or *image.Gray with
// its origin at (0, 0)) to w×h with the Mitchell-Netravali filter, plane by
// plane, keeping the chroma subsampling; it returns nil for any other
// picture. Working on the planes reads each chroma sample once rather than
// once per pixel and converts no colour, so it costs about a third of
// nfnt/resize's YCbCr path, which first expands the picture to 4:4:4.
//
// The arithmetic is integer (weights in 1/16384ths, 8-bit samples between
// the two passes, as nfnt/resize keeps them) and the work is split by rows,
// each output sample computed the same way whichever goroutine computes it,
// so the result is the same on every run.
func resamplePlanes(m image.Image, w, h int) image.Image {
	switch m := m.(type) {
	case *image.YCbCr:
		if m.Rect.Min != (image.Point{}) {
			return nil
		}
		sw, sh := m.Rect.Dx(), m.Rect.Dy()
		out := image.NewYCbCr(image.Rect(0, 0, w, h), m.SubsampleRatio)
		cw, ch := chromaSize(sw, sh, m.SubsampleRatio)
		ncw, nch := chromaSize(w, h, m.SubsampleRatio)
		resample([]plane{
			{m.Y, m.YStride, sw, sh, out.Y, out.YStride},
			{m.Cb, m.CStride, cw, ch, out.Cb, out.CStride},
			{m.Cr, m.CStride, cw, ch, out.Cr, out.CStride},
		}, []image.Point{{w, h}, {ncw, nch}, {ncw, nch}})
		return out
	case *image.Gray:
		if m.Rect.Min != (image.Point{}) {
			return nil
		}
		out := image.NewGray(image.Rect(0, 0, w, h))
		resample([]plane{{m.Pix, m.Stride, m.Rect.Dx(), m.Rect.Dy(), out.Pix, out.Stride}}, []image.Point{{w, h}})
		return out
	}
	return nil
}

// weightOne is 1.0 in the fixed-point weights.
const (
	weightBits = 14
	weightOne  = 1 << weightBits
)

// axis holds the filter for one direction: output i is the weighted sum of
// taps source samples from start[i], with weights w[i*taps:(i+1)*taps]
// summing to weightOne.
type axis struct {
	taps  int
	start []int
	w     []int32
}

// mitchell is the Mitchell-Netravali cubic with B = C = 1/3, support 2.
func mitchell(x float64) float64 {
	const b, c = 1.0 / 3, 1.0 / 3
	x = math.Abs(x)
	switch {
	case x < 1:
		return ((12-9*b-6*c)*x*x*x + (-18+12*b+6*c)*x*x + (6 - 2*b)) / 6
	case x < 2:
		return ((-b-6*c)*x*x*x + (6*b+30*c)*x*x + (-12*b-48*c)*x + (8*b + 24*c)) / 6
	}
	return 0
}

// newAxis makes the filter taking n source samples to m (m <= n in
// practice; an unchanged length is copied). Pixel centres line up: output
// i sits at source position (i+0.5)·n/m − 0.5. Samples beyond the edges
// repeat the edge sample.
func newAxis(n, m int) axis {
	if n == m {
		a := axis{taps: 1, start: make([]int, m), w: make([]int32, m)}
		for i := range m {
			a.start[i], a.w[i] = i, weightOne
		}
		return a
	}
	scale := float64(n) / float64(m)
	stretch := max(scale, 1)
	support := 2 * stretch
	// The support covers at most floor(2·support)+1 whole samples.
	taps := min(int(math.Floor(2*support))+1, n)
	a := axis{taps: taps, start: make([]int, m), w: make([]int32, m*taps)}
	ws := make([]float64, taps)
	for i := range m {
		centre := (float64(i)+0.5)*scale - 0.5
		lo, hi := int(math.Ceil(centre-support)), int(math.Floor(centre+support))
		start := min(max(lo, 0), n-taps)
		clear(ws)
		sum := 0.0
		for j := lo; j <= hi; j++ {
			k := mitchell((float64(j) - centre) / stretch)
			ws[min(max(j, 0), n-1)-start] += k
			sum += k
		}
		q := a.w[i*taps : (i+1)*taps]
		total, big := int32(0), 0
		for t, v := range ws {
			q[t] = int32(math.Round(v / sum * weightOne))
			total += q[t]
			if q[t] > q[big] {
				big = t
			}
		}
		q[big] += weightOne - total // the weights sum to exactly one
		a.start[i] = start
	}
	return a
}

// resample scales each plane to its size in sizes, all planes at once,
// sharing the cores between them by output rows. Each output row is
// filtered down the columns first, into a row as wide as the source, then
// along that row: the vertical pass is a tight loop over contiguous
// samples, so it is the one given the most work.
func resample(planes []plane, sizes []image.Point) {
	workers := max(1, runtime.GOMAXPROCS(0))
	var g group
	for i, p := range planes {
		dw, dh := sizes[i].X, sizes[i].Y
		ax, ay := newAxis(p.w, dw), newAxis(p.h, dh)
		per := ceilDiv(dh, workers)
		for y0 := 0; y0 < dh; y0 += per {
			g.do(func() {
				acc := make([]int32, p.w)
				row := make([]byte, p.w)
				for y := y0; y < min(y0+per, dh); y++ {
					filterColumns(p.src, p.stride, row, ay, y, acc)
					filterRow(row, p.dst[y*p.dstStride:y*p.dstStride+dw], ax)
				}
			})
		}
	}
	g.wait()
}

// filterRow writes the horizontally filtered samples of src into dst.
func filterRow(src, dst []byte, a axis) {
	taps := a.taps
	for x := range dst {
		ws := a.w[x*taps : x*taps+taps : x*taps+taps]
		px := src[a.start[x]:][:len(ws):len(ws)]
		acc := int32(weightOne / 2)
		for len(ws) >= 4 {
			w, p := ws[:4:4], px[:4:4]
			acc += w[0]*int32(p[0]) + w[1]*int32(p[1]) + w[2]*int32(p[2]) + w[3]*int32(p[3])
			ws, px = ws[4:], px[4:]
		}
		for k, w := range ws {
			acc += w * int32(px[k])
		}
		dst[x] = clamp8(acc >> weightBits)
	}
}

// filterColumns writes output row y of the vertical pass over the rows of
// src (stride apart, len(dst) samples wide) into dst, using acc as scratch.
func filterColumns(src []byte, stride int, dst []byte, a axis, y int, acc []int32) {
	w := len(dst)
	acc = acc[:w]
	for x := range acc {
		acc[x] = weightOne / 2
	}
	s := a.start[y]
	for k, wk := range a.w[y*a.taps : (y+1)*a.taps] {
		if wk == 0 {
			continue
		}
		row := src[(s+k)*stride:][:w]
		for x, v := range row {
			acc[x] += wk * int32(v)
		}
	}
	for x, v := range acc {
		dst[x] = clamp8(v >> weightBits)
	}
}

func clamp8(v int32) uint8 {
	return uint8(min(max(v, 0), 255))
}
