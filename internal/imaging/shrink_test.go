package imaging

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/nfnt/resize"
)

// randomYCbCr returns a w×h YCbCr picture of noise with ratio r.
func randomYCbCr(w, h int, r image.YCbCrSubsampleRatio, seed uint64) *image.YCbCr {
	m := image.NewYCbCr(image.Rect(0, 0, w, h), r)
	rng := rand.New(rand.NewPCG(seed, 1))
	for _, p := range [][]byte{m.Y, m.Cb, m.Cr} {
		for i := range p {
			p[i] = uint8(rng.IntN(256))
		}
	}
	return m
}

// meanBlock is the rounded mean of the n×n block at (bx, by) of a w×h
// plane, clipped to the plane: the reference for shrink.
func meanBlock(p []byte, stride, w, h, n, bx, by int) uint8 {
	sum, count := 0, 0
	for y := by * n; y < min(by*n+n, h); y++ {
		for x := bx * n; x < min(bx*n+n, w); x++ {
			sum += int(p[y*stride+x])
			count++
		}
	}
	return uint8((sum + count/2) / count)
}

func TestShrinkAveragesBlocks(t *testing.T) {
	ratios := []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410}
	for _, size := range []image.Point{{64, 48}, {63, 47}, {17, 5}, {5, 17}, {1, 9}, {9, 1}, {101, 77}} {
		for _, r := range ratios {
			for n := 2; n <= 5; n++ {
				m := randomYCbCr(size.X, size.Y, r, uint64(size.X*1000+n))
				got, ok := shrink(m, n).(*image.YCbCr)
				if !ok {
					t.Fatalf("%v %v n=%d: not shrunk", size, r, n)
				}
				if got.Rect.Dx() != ceilDiv(size.X, n) || got.Rect.Dy() != ceilDiv(size.Y, n) || got.SubsampleRatio != r {
					t.Fatalf("%v %v n=%d: got %v %v", size, r, n, got.Rect, got.SubsampleRatio)
				}
				cw, ch := chromaSize(size.X, size.Y, r)
				ncw, nch := chromaSize(got.Rect.Dx(), got.Rect.Dy(), r)
				for _, pl := range []struct {
					name         string
					src, dst     []byte
					ss, ds, w, h int
					ow, oh       int
				}{
					{"Y", m.Y, got.Y, m.YStride, got.YStride, size.X, size.Y, got.Rect.Dx(), got.Rect.Dy()},
					{"Cb", m.Cb, got.Cb, m.CStride, got.CStride, cw, ch, ncw, nch},
					{"Cr", m.Cr, got.Cr, m.CStride, got.CStride, cw, ch, ncw, nch},
				} {
					for y := range pl.oh {
						for x := range pl.ow {
							if want := meanBlock(pl.src, pl.ss, pl.w, pl.h, n, x, y); pl.dst[y*pl.ds+x] != want {
								t.Fatalf("%v %v n=%d %s (%d, %d) = %d, want %d", size, r, n, pl.name, x, y, pl.dst[y*pl.ds+x], want)
							}
						}
					}
				}
			}
		}
	}
}

func TestShrinkGray(t *testing.T) {
	m := image.NewGray(image.Rect(0, 0, 31, 19))
	for i := range m.Pix {
		m.Pix[i] = uint8(i * 7)
	}
	for n := 2; n <= 4; n++ {
		got := shrink(m, n).(*image.Gray)
		for y := range got.Rect.Dy() {
			for x := range got.Rect.Dx() {
				if want := meanBlock(m.Pix, m.Stride, 31, 19, n, x, y); got.Pix[y*got.Stride+x] != want {
					t.Fatalf("n=%d (%d, %d) = %d, want %d", n, x, y, got.Pix[y*got.Stride+x], want)
				}
			}
		}
	}
}

func TestShrinkLeavesOtherPictures(t *testing.T) {
	if shrink(image.NewRGBA(image.Rect(0, 0, 8, 8)), 2) != nil {
		t.Error("shrank an RGBA picture")
	}
	if shrink(image.NewYCbCr(image.Rect(1, 1, 9, 9), image.YCbCrSubsampleRatio420), 2) != nil {
		t.Error("shrank a picture whose origin is not (0, 0)")
	}
}

func TestPreShrink(t *testing.T) {
	tests := []struct{ w, h, tw, th, want int }{
		{4000, 3000, 1200, 900, 2},  // to 2000×1500, 1.67 times the target
		{3000, 4000, 900, 1200, 2},  // portrait
		{4000, 3000, 600, 450, 4},   // to 1000×750
		{4000, 3000, 2000, 1500, 1}, // already within twice
		{4000, 3000, 1999, 1499, 2}, // just over twice: to exactly 2000×1500
		{1000, 1000, 100, 100, 5},   // to 200×200
		{100, 100, 0, 0, 1},
		{10000, 1, 100, 1, 1}, // the short side cannot shrink
	}
	for _, tt := range tests {
		n := preShrink(tt.w, tt.h, tt.tw, tt.th)
		if n != tt.want {
			t.Errorf("preShrink(%d, %d, %d, %d) = %d, want %d", tt.w, tt.h, tt.tw, tt.th, n, tt.want)
		}
		if n > 1 && (ceilDiv(tt.w, n) < tt.tw || ceilDiv(tt.h, n) < tt.th || ceilDiv(tt.w, n) > 2*tt.tw) {
			t.Errorf("preShrink(%d, %d, %d, %d) = %d leaves %d×%d", tt.w, tt.h, tt.tw, tt.th, n, ceilDiv(tt.w, n), ceilDiv(tt.h, n))
		}
	}
}

// smoothYCbCr is a w×h picture of smooth gradients with ratio r.
func smoothYCbCr(w, h int, r image.YCbCrSubsampleRatio) *image.YCbCr {
	m := image.NewYCbCr(image.Rect(0, 0, w, h), r)
	for y := range h {
		for x := range w {
			yy, cb, cr := color.RGBToYCbCr(uint8(x*255/(w-1)), uint8(y*255/(h-1)), uint8(128+100*math.Sin(float64(x+y)/40)))
			m.Y[m.YOffset(x, y)] = yy
			m.Cb[m.COffset(x, y)] = cb
			m.Cr[m.COffset(x, y)] = cr
		}
	}
	return m
}

// TestResampleMatchesNfnt compares the plane resampler with nfnt/resize's
// Mitchell-Netravali: the same filter, so the same samples but for
// rounding (nfnt's weights have 8 bits, these 14). nfnt returns 4:4:4; the
// resampler keeps 4:2:0, so its chroma is compared with the mean of each
// 2×2 block of nfnt's.
func TestResampleMatchesNfnt(t *testing.T) {
	for _, r := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio420} {
		src := smoothYCbCr(640, 480, r)
		for _, size := range []image.Point{{320, 240}, {300, 200}, {640, 100}, {124, 458}, {64, 48}} {
			got := resamplePlanes(src, size.X, size.Y).(*image.YCbCr)
			want := resize.Resize(uint(size.X), uint(size.Y), src, resize.MitchellNetravali).(*image.YCbCr)
			worst := 0
			for y := range size.Y {
				for x := range size.X {
					worst = max(worst, abs(int(got.Y[got.YOffset(x, y)])-int(want.Y[want.YOffset(x, y)])))
					if r == image.YCbCrSubsampleRatio444 {
						worst = max(worst, abs(int(got.Cb[got.COffset(x, y)])-int(want.Cb[want.COffset(x, y)])))
						worst = max(worst, abs(int(got.Cr[got.COffset(x, y)])-int(want.Cr[want.COffset(x, y)])))
					}
				}
			}
			if worst > 2 {
				t.Errorf("%v %v: differs from nfnt/resize by up to %d levels", r, size, worst)
			}
			if r != image.YCbCrSubsampleRatio420 {
				continue
			}
			worst = 0
			for y := range size.Y / 2 {
				for x := range size.X / 2 {
					for _, pl := range [][2][]byte{{got.Cb, want.Cb}, {got.Cr, want.Cr}} {
						sum := 0
						for _, d := range []image.Point{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
							sum += int(pl[1][want.COffset(2*x+d.X, 2*y+d.Y)])
						}
						worst = max(worst, abs(int(pl[0][got.COffset(2*x, 2*y)])-(sum+2)/4))
					}
				}
			}
			if worst > 6 {
				t.Errorf("%v %v: chroma differs from nfnt/resize by up to %d levels", r, size, worst)
			}
		}
	}
}

func TestResampleKeepsFlatColour(t *testing.T) {
	m := image.NewYCbCr(image.Rect(0, 0, 333, 251), image.YCbCrSubsampleRatio420)
	for i := range m.Y {
		m.Y[i] = 200
	}
	for i := range m.Cb {
		m.Cb[i], m.Cr[i] = 30, 220
	}
	got := resamplePlanes(m, 100, 37).(*image.YCbCr)
	for _, p := range []struct {
		pix  []byte
		want uint8
	}{{got.Y, 200}, {got.Cb, 30}, {got.Cr, 220}} {
		for i, v := range p.pix {
			if v != p.want {
				t.Fatalf("sample %d = %d, want %d", i, v, p.want)
			}
		}
	}
}
