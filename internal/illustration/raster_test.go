package illustration

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"testing"
)

// inkStats summarises a render on a transparent background.
type inkStats struct {
	inked   float64 // share of pixels with any paint
	dark    float64 // share of inked pixels that are dark (outlines)
	colours int     // distinct opaque colours
	greys   int     // grey levels (in 8 buckets) that each cover 2% of the ink
}

func measure(img image.Image) inkStats {
	var st inkStats
	b := img.Bounds()
	total := b.Dx() * b.Dy()
	inked, dark := 0, 0
	colours := map[color.RGBA]bool{}
	var buckets [8]int
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			if c.A == 0 {
				continue
			}
			inked++
			if c.A == 0xff {
				colours[c] = true
				luma := (299*int(c.R) + 587*int(c.G) + 114*int(c.B)) / 1000
				buckets[luma/32]++
				if luma < 80 {
					dark++
				}
			}
		}
	}
	st.inked = float64(inked) / float64(total)
	if inked > 0 {
		st.dark = float64(dark) / float64(inked)
	}
	st.colours = len(colours)
	for _, n := range buckets {
		if float64(n) >= 0.02*float64(inked) {
			st.greys++
		}
	}
	return st
}

// blackAndWhite lists pictures that are black and white by nature and so
// are exempt from needing three grey levels.
var blackAndWhite = map[string]bool{"football": true}

func TestEveryPictureRenders(t *testing.T) {
	lib := mustLoad(t)
	for _, name := range lib.Names() {
		for _, size := range []int{64, 512} {
			t.Run(name+"@"+strconv.Itoa(size), func(t *testing.T) {
				t.Parallel()
				pic, _ := lib.Lookup(name)
				data, err := pic.PNG(size)
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
					t.Fatalf("PNG is %v, want %dx%d", b, size, size)
				}
				st := measure(img)
				if st.inked < 0.15 {
					t.Errorf("only %.0f%% of the picture is painted", 100*st.inked)
				}
				if st.colours < 3 {
					t.Errorf("only %d colours: the picture is flat", st.colours)
				}
				// Black-and-white printing needs dark outlines and more
				// than one grey besides them.
				if st.dark < 0.03 {
					t.Errorf("only %.1f%% of the ink is dark outline", 100*st.dark)
				}
				if st.greys < 3 && !blackAndWhite[name] {
					t.Errorf("only %d grey levels: the picture would print as a blob", st.greys)
				}
			})
		}
	}
}

func TestRenderSizeBounds(t *testing.T) {
	pic, ok := Lookup("house")
	if !ok {
		t.Fatal("no house")
	}
	tests := []struct {
		name string
		size int
		ok   bool
	}{
		{"too small", MinSize - 1, false},
		{"smallest", MinSize, true},
		{"default", DefaultSize, true},
		{"largest", MaxSize, true},
		{"too large", MaxSize + 1, false},
		{"negative", -5, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := pic.PNG(tc.size)
			if tc.ok && err != nil {
				t.Fatalf("PNG(%d): %v", tc.size, err)
			}
			if !tc.ok {
				var se *SizeError
				if !errors.As(err, &se) || se.Size != tc.size {
					t.Fatalf("PNG(%d) error %v, want a *SizeError", tc.size, err)
				}
			}
		})
	}
}

func TestRenderAspectAndBackground(t *testing.T) {
	pic, err := Parse("wide.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect x="50" y="25" width="100" height="50" fill="#f00"/></svg>`))
	if err != nil {
		t.Fatal(err)
	}
	img, err := pic.RenderRGBA(100, color.White)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 100 || b.Dy() != 50 {
		t.Fatalf("size %v, want 100x50", b)
	}
	if c := img.RGBAAt(2, 2); c != rgba(255, 255, 255) {
		t.Errorf("background %v, want white", c)
	}
	if c := img.RGBAAt(50, 25); c != rgba(255, 0, 0) {
		t.Errorf("centre %v, want red", c)
	}
}

func TestFillRules(t *testing.T) {
	// Two squares, the inner drawn in the same direction: non-zero fills
	// the middle, even-odd leaves a hole.
	const d = `M20 20 H180 V180 H20 Z M70 70 H130 V130 H70 Z`
	tests := []struct {
		name string
		rule string
		hole bool
	}{
		{"nonzero", "nonzero", false},
		{"evenodd", "evenodd", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pic, err := Parse("r.svg", []byte(doc(`<path fill="#00f" fill-rule="`+tc.rule+`" d="`+d+`"/>`)))
			if err != nil {
				t.Fatal(err)
			}
			img, err := pic.RenderRGBA(200, color.Transparent)
			if err != nil {
				t.Fatal(err)
			}
			if c := img.RGBAAt(40, 40); c.A != 0xff {
				t.Errorf("ring not filled: %v", c)
			}
			if c := img.RGBAAt(100, 100); (c.A == 0) != tc.hole {
				t.Errorf("middle %v, want hole=%v", c, tc.hole)
			}
			if c := img.RGBAAt(5, 5); c.A != 0 {
				t.Errorf("outside painted: %v", c)
			}
		})
	}
}

func TestStrokes(t *testing.T) {
	// A zig-zag polyline stroked 20 wide: the joins are round and full,
	// the caps round, and the stroke is solid where pieces overlap.
	pic, err := Parse("s.svg", []byte(doc(`<polyline fill="none" stroke="#000" stroke-width="20" points="40 160 100 40 160 160"/>`)))
	if err != nil {
		t.Fatal(err)
	}
	img, err := pic.RenderRGBA(200, color.Transparent)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		x, y    int
		painted bool
	}{
		{"apex join", 100, 35, true},
		{"just past the apex", 100, 26, false},
		{"round cap", 36, 165, true},
		{"beyond the cap", 28, 175, false},
		{"middle of a leg", 70, 100, true},
		{"inside the V, unfilled", 100, 140, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := img.RGBAAt(tc.x, tc.y)
			if tc.painted && c.A != 0xff {
				t.Errorf("(%d,%d) = %v, want solid ink", tc.x, tc.y, c)
			}
			if !tc.painted && c.A != 0 {
				t.Errorf("(%d,%d) = %v, want nothing", tc.x, tc.y, c)
			}
		})
	}
}

func BenchmarkRender512(b *testing.B) {
	pic, _ := Lookup("meeting")
	for b.Loop() {
		if _, err := pic.RenderRGBA(512, color.Transparent); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRenderClipsToCanvas(t *testing.T) {
	// Shapes that hang off the canvas are cut at its edge, not wrapped
	// round or panicking.
	pic, err := Parse("off.svg", []byte(doc(`<circle cx="0" cy="0" r="60" fill="#0f0" stroke="#000" stroke-width="10"/><rect x="150" y="-50" width="100" height="300" fill="#00f"/><circle cx="900" cy="900" r="5"/>`)))
	if err != nil {
		t.Fatal(err)
	}
	img, err := pic.RenderRGBA(100, color.Transparent)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		x, y int
		want color.RGBA
	}{
		{"inside the circle", 5, 5, rgba(0, 0xff, 0)},
		{"right strip", 95, 50, rgba(0, 0, 0xff)},
		{"between", 50, 50, color.RGBA{}},
		{"bottom left", 2, 97, color.RGBA{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if c := img.RGBAAt(tc.x, tc.y); c != tc.want {
				t.Errorf("(%d,%d) = %v, want %v", tc.x, tc.y, c, tc.want)
			}
		})
	}
}
