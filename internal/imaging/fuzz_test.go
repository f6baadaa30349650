package imaging

import (
	"bytes"
	"errors"
	"image"
	"testing"
)

func FuzzPrepare(f *testing.F) {
	f.Add(jpegOf(f, quad(16, 12), 80), uint8(0))
	f.Add(withEXIF(jpegOf(f, quad(16, 12), 80), exifTIFF(bigEndian, 6, true)), uint8(1))
	f.Add(pngOf(f, quad(16, 12)), uint8(2))
	f.Add(pngHeader(60000, 60000), uint8(0))
	f.Add([]byte("%PDF-1.4"), uint8(0))
	for _, name := range []string{"cmyk.jpg", "ycck.jpg", "progressive.jpg", "interlaced_rgba.png",
		"interlaced_rgb16.png", "paletted_interlaced.png", "lossless.webp", "lossy.webp", "alpha.webp", "lossy_alpha.webp"} {
		f.Add(fixture(f, name), uint8(len(name)))
	}
	f.Fuzz(func(t *testing.T, src []byte, knobs uint8) {
		opt := Options{
			MaxWidth:  int(knobs&0x0f) * 4,
			MaxHeight: int(knobs>>4) * 4,
			Crop:      Crop(knobs % 3),
			Limits:    Limits{MaxBytes: 1 << 20, MaxPixels: 1 << 20},
		}
		img, err := Prepare(src, opt)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			switch e.Code {
			case CodeUnsupportedFormat, CodeTooLarge, CodeTooManyPixels, CodeCorrupt:
			default:
				t.Fatalf("unexpected code %q", e.Code)
			}
			return
		}
		cfg, name, err := image.DecodeConfig(bytes.NewReader(img.Data))
		if err != nil || name != img.Format || cfg.Width != img.Width || cfg.Height != img.Height {
			t.Fatalf("output %s %d×%d does not match its data (%v %s %v)", img.Format, img.Width, img.Height, err, name, cfg)
		}
		if (opt.MaxWidth > 0 && img.Width > opt.MaxWidth) || (opt.MaxHeight > 0 && img.Height > opt.MaxHeight) {
			t.Fatalf("output %d×%d exceeds %d×%d", img.Width, img.Height, opt.MaxWidth, opt.MaxHeight)
		}
	})
}
