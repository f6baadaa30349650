package imaging

import (
	"fmt"
	"image"
	"math/rand/v2"
	"testing"
)

// TestTransformYCbCrAsTransform checks that working on the planes gives
// the very pixels transform gives through RGBA, for every subsampling,
// orientation and crop it takes on, and that it declines the rest.
func TestTransformYCbCrAsTransform(t *testing.T) {
	ratios := []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410}
	opts := []Options{{}, {Crop: Square}, {MaxWidth: 40, MaxHeight: 40}, {MaxWidth: 30, MaxHeight: 30, Crop: Square},
		{MaxWidth: 41}, {Crop: Circle}}
	done := 0
	for _, size := range []image.Point{{80, 60}, {60, 80}, {81, 61}, {100, 36}} {
		for _, r := range ratios {
			m := smoothYCbCr(size.X, size.Y, r)
			for o := orientation(1); o <= 8; o++ {
				for _, opt := range opts {
					name := fmt.Sprintf("%v %v o=%d %+v", size, r, o, opt)
					got := transformYCbCr(m, o, opt)
					if got == nil {
						continue
					}
					if opt.Crop == Circle {
						t.Fatalf("%s: took on a transparent shape", name)
					}
					done++
					want := transform(m, o, opt)
					g := toRGBA(got)
					if g.Rect != want.Rect {
						t.Fatalf("%s: size %v, want %v", name, g.Rect, want.Rect)
					}
					for i := range g.Pix {
						if g.Pix[i] != want.Pix[i] {
							t.Fatalf("%s: pixel %d differs: %d, want %d", name, i/4, g.Pix[i], want.Pix[i])
						}
					}
				}
			}
		}
	}
	if done < 300 {
		t.Errorf("only %d cases took the YCbCr path", done)
	}
}

// TestScalingPathsAnySize runs the plane paths (shrink, resample, crop and
// turn) over many sizes, bounds, crops and orientations, outside Prepare's
// recover so that a slip shows as a panic, and checks each result against
// transform's size.
func TestScalingPathsAnySize(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	ratios := []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410}
	for i := range 3000 {
		w, h := 1+rng.IntN(70), 1+rng.IntN(70)
		var m image.Image = randomYCbCr(w, h, ratios[rng.IntN(len(ratios))], uint64(i))
		if i%7 == 0 {
			g := image.NewGray(image.Rect(0, 0, w, h))
			for j := range g.Pix {
				g.Pix[j] = uint8(rng.IntN(256))
			}
			m = g
		}
		opt := Options{MaxWidth: rng.IntN(40), MaxHeight: rng.IntN(40), Crop: Crop(rng.IntN(4))}
		o := orientation(1 + rng.IntN(8))
		want := transform(m, o, opt)
		if got := transformYCbCr(m, o, opt); got != nil && got.Rect != want.Rect {
			t.Fatalf("%T %d×%d o=%d %+v: YCbCr path gives %v, transform %v", m, w, h, o, opt, got.Rect, want.Rect)
		}
		if (opt.MaxWidth > 0 && want.Rect.Dx() > opt.MaxWidth) || (opt.MaxHeight > 0 && want.Rect.Dy() > opt.MaxHeight) {
			t.Fatalf("%d×%d o=%d %+v: %v exceeds the bounds", w, h, o, opt, want.Rect)
		}
	}
}

// TestGroupPassesPanicOn checks that a panic on one of a group's goroutines
// reaches the caller, where Prepare's recover can catch it.
func TestGroupPassesPanicOn(t *testing.T) {
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	var g group
	g.do(func() {})
	g.do(func() { panic("boom") })
	g.wait()
	t.Error("wait returned")
}
