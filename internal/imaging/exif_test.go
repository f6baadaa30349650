package imaging

import (
	"encoding/binary"
	"fmt"
	"image"
	"testing"
)

var (
	bigEndian    byteOrder = binary.BigEndian
	littleEndian byteOrder = binary.LittleEndian
)

// stored returns the pixels a camera would store for the upright picture u
// under EXIF orientation o, using the EXIF definitions directly: where row 0
// and column 0 of the stored picture appear when shown upright.
func stored(u *image.NRGBA, o int) *image.NRGBA {
	w, h := u.Rect.Dx(), u.Rect.Dy()
	sw, sh := w, h
	if o >= 5 {
		sw, sh = h, w
	}
	s := image.NewNRGBA(image.Rect(0, 0, sw, sh))
	for y := range h {
		for x := range w {
			var sx, sy int
			switch o {
			case 1: // row 0 top, column 0 left
				sx, sy = x, y
			case 2: // row 0 top, column 0 right
				sx, sy = w-1-x, y
			case 3: // row 0 bottom, column 0 right
				sx, sy = w-1-x, h-1-y
			case 4: // row 0 bottom, column 0 left
				sx, sy = x, h-1-y
			case 5: // row 0 left, column 0 top
				sx, sy = y, x
			case 6: // row 0 right, column 0 top
				sx, sy = y, w-1-x
			case 7: // row 0 right, column 0 bottom
				sx, sy = h-1-y, w-1-x
			case 8: // row 0 left, column 0 bottom
				sx, sy = h-1-y, x
			}
			s.SetNRGBA(sx, sy, u.NRGBAAt(x, y))
		}
	}
	return s
}

func TestOrientation(t *testing.T) {
	upright := quad(64, 48)
	for o := 1; o <= 8; o++ {
		for _, order := range []byteOrder{littleEndian, bigEndian} {
			for _, opt := range []Options{{}, {MaxWidth: 32, MaxHeight: 32}} {
				name := fmt.Sprintf("orientation %d %v max %d", o, order, opt.MaxWidth)
				t.Run(name, func(t *testing.T) {
					src := withEXIF(jpegOf(t, stored(upright, o), 95), exifTIFF(order, uint16(o), false))
					if got := jpegOrientation(src); int(got) != o {
						t.Fatalf("jpegOrientation = %d", got)
					}
					img, err := Prepare(src, opt)
					if err != nil {
						t.Fatal(err)
					}
					wantW, wantH := 64, 48
					if opt.MaxWidth > 0 {
						wantW, wantH = 32, 24
					}
					if img.Width != wantW || img.Height != wantH {
						t.Fatalf("size %d×%d, want %d×%d", img.Width, img.Height, wantW, wantH)
					}
					checkQuad(t, decodeOutput(t, img), 40)
				})
			}
		}
	}
}

func TestOrientationWithCrop(t *testing.T) {
	upright := quad(64, 48)
	for o := 1; o <= 8; o++ {
		t.Run(fmt.Sprint(o), func(t *testing.T) {
			src := withEXIF(jpegOf(t, stored(upright, o), 95), exifTIFF(littleEndian, uint16(o), false))
			img, err := Prepare(src, Options{Crop: RoundedSquare})
			if err != nil {
				t.Fatal(err)
			}
			if img.Width != 48 || img.Height != 48 {
				t.Fatalf("size %d×%d, want 48×48", img.Width, img.Height)
			}
			checkQuad(t, decodeOutput(t, img), 40)
		})
	}
}

func TestJPEGOrientationParser(t *testing.T) {
	base := jpegOf(t, quad(8, 8), 90)
	le6 := exifTIFF(littleEndian, 6, false)
	long := exifTIFF(bigEndian, 0, false)
	long = append(long[:8], 0, 1, 0x01, 0x12, 0, 4, 0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0)
	selfLoop := []byte("II*\x00\x08\x00\x00\x00\xff\xff") // IFD claims 65535 entries
	tests := []struct {
		name string
		src  []byte
		want orientation
	}{
		{"nil", nil, 1},
		{"not jpeg", []byte("\x89PNG\r\n\x1a\n"), 1},
		{"no exif", base, 1},
		{"little endian 6", withEXIF(base, le6), 6},
		{"big endian 3", withEXIF(base, exifTIFF(bigEndian, 3, false)), 3},
		{"with gps ifd 8", withEXIF(base, exifTIFF(bigEndian, 8, true)), 8},
		{"long type", withEXIF(base, long), 8},
		{"no orientation tag", withEXIF(base, exifTIFF(littleEndian, 0, true)), 1},
		{"value 0", withEXIF(base, exifTIFF(littleEndian, 0xff00, false)), 1},
		{"value 9", withEXIF(base, exifTIFF(littleEndian, 9, false)), 1},
		{"after another app1", withEXIF(withSegment(base, 0xe1, []byte("http://ns.adobe.com/xap/1.0/\x00<x/>")), le6), 6},
		{"after fill bytes", append([]byte{0xff, 0xd8, 0xff, 0xff}, withEXIF(base, le6)[3:]...), 6},
		{"bad byte order", withEXIF(base, []byte("XX*\x00\x08\x00\x00\x00")), 1},
		{"bad magic", withEXIF(base, []byte("II+\x00\x08\x00\x00\x00")), 1},
		{"ifd offset past end", withEXIF(base, []byte("II*\x00\xff\xff\xff\xff")), 1},
		{"entry count past end", withEXIF(base, selfLoop), 1},
		{"tiff too short", withEXIF(base, []byte("II*")), 1},
		{"segment length 0", []byte{0xff, 0xd8, 0xff, 0xe1, 0, 0, 'E', 'x'}, 1},
		{"segment length past end", []byte{0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I'}, 1},
		{"garbage between segments", []byte{0xff, 0xd8, 0x00, 0x01, 0x02, 0x03, 0x04}, 1},
		{"only fill bytes", append([]byte{0xff, 0xd8}, make([]byte, 1000)...), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jpegOrientation(tt.src); got != tt.want {
				t.Errorf("jpegOrientation = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestJPEGOrientationTruncated(t *testing.T) {
	src := withEXIF(jpegOf(t, quad(8, 8), 90), exifTIFF(bigEndian, 5, true))
	for n := range len(src) {
		o := jpegOrientation(src[:n]) // must not panic
		if o < 1 || o > 8 {
			t.Fatalf("prefix %d: orientation %d", n, o)
		}
	}
	for n := range 64 {
		if _, err := Prepare(src[:len(src)-n-1], Options{}); err == nil && n > 2 {
			t.Errorf("truncated by %d: no error", n+1)
		}
	}
}
