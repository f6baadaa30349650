package imaging

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestPrepareFormats(t *testing.T) {
	q := quad(64, 48)
	q16 := image.NewNRGBA64(q.Bounds())
	paletted := image.NewPaletted(q.Bounds(), color.Palette{red, green, blue, white})
	transparent := image.NewNRGBA(q.Bounds())
	for y := range 48 {
		for x := range 64 {
			c := q.NRGBAAt(x, y)
			q16.Set(x, y, c)
			paletted.Set(x, y, c)
			if x >= 32 {
				c.A = 0
			}
			transparent.SetNRGBA(x, y, c)
		}
	}
	tests := []struct {
		name       string
		src        []byte
		opt        Options
		wantFormat string
		wantW      int
		wantH      int
		tol        int  // colour tolerance for the quadrant check
		clearRight bool // the right half is transparent
	}{
		{"jpeg baseline", jpegOf(t, q, 95), Options{}, "jpeg", 64, 48, 40, false},
		{"jpeg progressive", fixture(t, "progressive.jpg"), Options{}, "jpeg", 32, 24, 40, false},
		{"jpeg cmyk", fixture(t, "cmyk.jpg"), Options{}, "jpeg", 32, 24, 60, false},
		{"jpeg ycck", fixture(t, "ycck.jpg"), Options{}, "jpeg", 32, 24, 60, false},
		{"jpeg scaled down", jpegOf(t, q, 95), Options{MaxWidth: 32, MaxHeight: 100}, "jpeg", 32, 24, 40, false},
		{"jpeg never upscaled", jpegOf(t, q, 95), Options{MaxWidth: 1000, MaxHeight: 1000}, "jpeg", 64, 48, 40, false},
		{"png flat colours stays png", pngOf(t, q), Options{}, "png", 64, 48, 0, false},
		{"png photo becomes jpeg", pngOf(t, photo(64, 48)), Options{}, "jpeg", 64, 48, -1, false},
		{"png 16-bit", pngOf(t, q16), Options{}, "png", 64, 48, 0, false},
		{"png 16-bit interlaced", fixture(t, "interlaced_rgb16.png"), Options{}, "png", 32, 24, 0, false},
		{"png paletted", pngOf(t, paletted), Options{}, "png", 64, 48, 0, false},
		{"png paletted interlaced", fixture(t, "paletted_interlaced.png"), Options{}, "png", 32, 24, 0, false},
		{"png transparent", pngOf(t, transparent), Options{}, "png", 64, 48, -1, true},
		{"png transparent interlaced", fixture(t, "interlaced_rgba.png"), Options{}, "png", 32, 24, -1, true},
		{"png transparent scaled", pngOf(t, transparent), Options{MaxWidth: 32}, "png", 32, 24, -1, true},
		{"gif", gifOf(t, paletted), Options{}, "png", 64, 48, 0, false},
		{"webp lossless", fixture(t, "lossless.webp"), Options{}, "png", 32, 24, 0, false},
		{"webp lossy flat colours", fixture(t, "lossy.webp"), Options{}, "png", 32, 24, 60, false},
		{"webp lossy photo", fixture(t, "photo.webp"), Options{}, "jpeg", 64, 48, -1, false},
		{"webp lossless alpha", fixture(t, "alpha.webp"), Options{}, "png", 32, 24, -1, true},
		{"webp lossy alpha", fixture(t, "lossy_alpha.webp"), Options{}, "png", 32, 24, -1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Prepare(tt.src, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if img.Format != tt.wantFormat || img.Width != tt.wantW || img.Height != tt.wantH {
				t.Errorf("got %s %d×%d, want %s %d×%d", img.Format, img.Width, img.Height, tt.wantFormat, tt.wantW, tt.wantH)
			}
			m := decodeOutput(t, img)
			if tt.tol >= 0 {
				checkQuad(t, m, tt.tol)
			}
			if tt.clearRight {
				w, h := img.Width, img.Height
				if a := alphaAt(m, 3*w/4, h/4); a != 0 {
					t.Errorf("right half alpha = %d, want 0", a)
				}
				if c := m.At(w/4, h/4); !near(c, red, 40) {
					t.Errorf("top left = %v, want red", c)
				}
			}
			if img.Format == "png" {
				if depth := img.Data[24]; depth != 8 {
					t.Errorf("PNG bit depth %d, want 8", depth)
				}
				if interlace := img.Data[28]; interlace != 0 {
					t.Errorf("PNG is interlaced")
				}
			}
		})
	}
}

// gifOf encodes m as a two-frame GIF whose second frame is all black, to
// show that the first frame is the one used.
func gifOf(t *testing.T, m *image.Paletted) []byte {
	t.Helper()
	black := image.NewPaletted(m.Bounds(), palette.Plan9)
	g := &gif.GIF{Image: []*image.Paletted{m, black}, Delay: []int{10, 10}}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPrepareErrors(t *testing.T) {
	good := jpegOf(t, quad(64, 48), 90)
	tests := []struct {
		name     string
		src      []byte
		opt      Options
		wantCode Code
		wantMsg  []string
	}{
		{"empty", nil, Options{}, CodeUnsupportedFormat, []string{"empty"}},
		{"text", []byte("hello, this is not a picture"), Options{}, CodeUnsupportedFormat, []string{"JPEG, PNG, GIF or WebP", "Most Compatible"}},
		{"heic", append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 64)...), Options{}, CodeUnsupportedFormat, []string{"HEIC photo", "Settings > Camera > Formats", "JPEG"}},
		{"heif mif1", []byte("\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00"), Options{}, CodeUnsupportedFormat, []string{"HEIC"}},
		{"avif", []byte("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00"), Options{}, CodeUnsupportedFormat, []string{"AVIF"}},
		{"pdf", []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), Options{}, CodeUnsupportedFormat, []string{"PDF"}},
		{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>`), Options{}, CodeUnsupportedFormat, []string{"SVG"}},
		{"svg bare", []byte("\n  <svg viewBox='0 0 1 1'></svg>"), Options{}, CodeUnsupportedFormat, []string{"SVG"}},
		{"bmp", append([]byte("BM"), make([]byte, 60)...), Options{}, CodeUnsupportedFormat, []string{"BMP"}},
		{"tiff", []byte("II*\x00\x08\x00\x00\x00"), Options{}, CodeUnsupportedFormat, []string{"TIFF"}},
		{"html renamed", []byte("<!doctype html><p>hi"), Options{}, CodeUnsupportedFormat, []string{"not a picture"}},
		{"truncated jpeg", good[:len(good)/2], Options{}, CodeCorrupt, []string{"could not be read"}},
		{"jpeg header only", good[:20], Options{}, CodeCorrupt, nil},
		{"jpeg magic only", []byte{0xff, 0xd8, 0xff}, Options{}, CodeCorrupt, nil},
		{"png header only", pngHeader(10, 10), Options{}, CodeCorrupt, nil},
		{"png zero size", pngHeader(0, 10), Options{}, CodeCorrupt, nil},
		{"webp riff garbage", []byte("RIFF\x10\x00\x00\x00WEBPVP8 junkjunk"), Options{}, CodeCorrupt, nil},
		{"gif garbage", []byte("GIF89a\x01"), Options{}, CodeCorrupt, nil},
		{"too large", good, Options{Limits: Limits{MaxBytes: 100}}, CodeTooLarge, []string{"limit", "MB"}},
		{"too many pixels", good, Options{Limits: Limits{MaxPixels: 64*48 - 1}}, CodeTooManyPixels, []string{"64 × 48"}},
		{"png claims 60000x60000", pngHeader(60000, 60000), Options{}, CodeTooManyPixels, []string{"60000 × 60000", "50.0 megapixels"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Prepare(tt.src, tt.opt)
			if err == nil {
				t.Fatalf("no error; got %s %d×%d", img.Format, img.Width, img.Height)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			if e.Code != tt.wantCode {
				t.Errorf("Code = %q, want %q (%v)", e.Code, tt.wantCode, err)
			}
			for _, s := range tt.wantMsg {
				if !strings.Contains(e.Message, s) {
					t.Errorf("Message %q lacks %q", e.Message, s)
				}
			}
		})
	}
}

func TestHugeHeaderFailsFast(t *testing.T) {
	src := pngHeader(60000, 60000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := Prepare(src, Options{})
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeTooManyPixels {
		t.Fatalf("err = %v, want too_many_pixels", err)
	}
	if elapsed > 50*time.Millisecond {
		t.Errorf("took %v", elapsed)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("allocated %d bytes", alloc)
	}
}

func TestPrepare12MP(t *testing.T) {
	if testing.Short() {
		t.Skip("12-megapixel picture")
	}
	src := bigJPEG(t)
	img, err := Prepare(src, Options{MaxWidth: 1200, MaxHeight: 1200})
	if err != nil {
		t.Fatal(err)
	}
	if img.Format != "jpeg" || img.Width != 1200 || img.Height != 900 {
		t.Fatalf("got %s %d×%d, want jpeg 1200×900", img.Format, img.Width, img.Height)
	}
	m := decodeOutput(t, img)
	// The gradients survive: red rises left to right, green top to bottom.
	for _, p := range []struct{ x, y, r, g int }{{5, 450, 0, 128}, {1195, 450, 255, 128}, {600, 5, 128, 0}, {600, 895, 128, 255}} {
		c := color.NRGBAModel.Convert(m.At(p.x, p.y)).(color.NRGBA)
		if abs(int(c.R)-p.r) > 20 || abs(int(c.G)-p.g) > 20 {
			t.Errorf("pixel (%d, %d) = %v, want red %d green %d", p.x, p.y, c, p.r, p.g)
		}
	}
}

func TestMetadataStripped(t *testing.T) {
	src := jpegOf(t, quad(64, 48), 90)
	src = withSegment(src, 0xfe, []byte("COMMENT-SECRET"))
	src = withEXIF(src, exifTIFF(bigEndian, 6, true))
	if !bytes.Contains(src, []byte("GPS-SECRET")) {
		t.Fatal("fixture lacks its GPS marker")
	}
	img, err := Prepare(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Exif", "GPS-SECRET", "COMMENT-SECRET"} {
		if bytes.Contains(img.Data, []byte(s)) {
			t.Errorf("output contains %q", s)
		}
	}
	if img.Width != 48 || img.Height != 64 {
		t.Errorf("orientation 6 not applied: %d×%d", img.Width, img.Height)
	}
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		opt  Options
	}{
		{"jpeg scaled", jpegOf(t, photo(640, 480), 90), Options{MaxWidth: 300, MaxHeight: 300}},
		{"png circle", pngOf(t, photo(200, 300)), Options{MaxWidth: 100, MaxHeight: 100, Crop: Circle}},
		{"webp", fixture(t, "lossy_alpha.webp"), Options{MaxWidth: 20}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Prepare(tt.src, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				b, err := Prepare(tt.src, tt.opt)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a.Data, b.Data) {
					t.Fatal("output differs between runs")
				}
			}
		})
	}
}

func TestCrop(t *testing.T) {
	src := jpegOf(t, quad(300, 200), 95)
	tests := []struct {
		name         string
		opt          Options
		wantSide     int
		clearAt      []image.Point // transparent pixels
		opaqueAt     []image.Point // opaque pixels
		quadrantsToo bool
	}{
		{"circle full size", Options{Crop: Circle}, 200,
			[]image.Point{{0, 0}, {199, 0}, {0, 199}, {199, 199}, {20, 20}},
			[]image.Point{{100, 100}, {100, 2}, {2, 100}, {50, 50}}, true},
		{"circle scaled", Options{Crop: Circle, MaxWidth: 100, MaxHeight: 150}, 100,
			[]image.Point{{0, 0}, {8, 8}}, []image.Point{{50, 50}, {50, 1}}, true},
		{"rounded square", Options{Crop: RoundedSquare, MaxWidth: 100, MaxHeight: 100}, 100,
			[]image.Point{{0, 0}, {99, 99}, {2, 2}}, []image.Point{{8, 8}, {50, 0}, {0, 50}, {91, 91}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Prepare(src, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if img.Format != "png" || img.Width != tt.wantSide || img.Height != tt.wantSide {
				t.Fatalf("got %s %d×%d, want png %d×%d", img.Format, img.Width, img.Height, tt.wantSide, tt.wantSide)
			}
			m := decodeOutput(t, img)
			for _, p := range tt.clearAt {
				if a := alphaAt(m, p.X, p.Y); a != 0 {
					t.Errorf("alpha at %v = %d, want 0", p, a)
				}
			}
			for _, p := range tt.opaqueAt {
				if a := alphaAt(m, p.X, p.Y); a != 255 {
					t.Errorf("alpha at %v = %d, want 255", p, a)
				}
			}
			if tt.quadrantsToo {
				checkQuad(t, m, 40)
			}
		})
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		name             string
		w, h, maxW, maxH int
		wantW, wantH     int
	}{
		{"no bounds", 4000, 3000, 0, 0, 4000, 3000},
		{"fits already", 100, 50, 200, 200, 100, 50},
		{"width binds", 4000, 3000, 1200, 1200, 1200, 900},
		{"height binds", 3000, 4000, 1200, 1200, 900, 1200},
		{"only width bound", 4000, 3000, 400, 0, 400, 300},
		{"only height bound", 4000, 3000, 0, 300, 400, 300},
		{"never upscale", 10, 10, 1000, 1000, 10, 10},
		{"rounds to nearest", 1000, 333, 100, 100, 100, 33},
		{"thin keeps one pixel", 10000, 1, 100, 100, 100, 1},
		{"negative is no bound", 50, 40, -1, -5, 50, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, h := fit(tt.w, tt.h, tt.maxW, tt.maxH)
			if w != tt.wantW || h != tt.wantH {
				t.Errorf("fit(%d, %d, %d, %d) = %d, %d; want %d, %d", tt.w, tt.h, tt.maxW, tt.maxH, w, h, tt.wantW, tt.wantH)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	cause := errors.New("unexpected EOF")
	e := &Error{Code: CodeCorrupt, Message: "bad", Err: cause}
	if got := e.Error(); got != "imaging: corrupt: bad (unexpected EOF)" {
		t.Errorf("Error() = %q", got)
	}
	if !errors.Is(e, cause) {
		t.Error("Unwrap does not reach the cause")
	}
	if got := Circle.String(); got != "circle" {
		t.Errorf("Circle.String() = %q", got)
	}
}

func TestSquareCropStaysOpaqueJPEG(t *testing.T) {
	img, err := Prepare(jpegOf(t, quad(300, 200), 95), Options{Crop: Square, MaxWidth: 120, MaxHeight: 120})
	if err != nil {
		t.Fatal(err)
	}
	if img.Format != "jpeg" || img.Width != 120 || img.Height != 120 {
		t.Fatalf("got %s %d×%d, want jpeg 120×120", img.Format, img.Width, img.Height)
	}
	m := decodeOutput(t, img)
	for _, p := range []image.Point{{0, 0}, {119, 119}, {60, 60}} {
		if a := alphaAt(m, p.X, p.Y); a != 255 {
			t.Errorf("alpha at %v = %d, want 255: a square crop must stay opaque", p, a)
		}
	}
	checkQuad(t, m, 40)
}
