package imaging

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The quadrant colours of the test pictures, upright: red top left, green
// top right, blue bottom left, white bottom right.
var (
	red   = color.NRGBA{255, 0, 0, 255}
	green = color.NRGBA{0, 255, 0, 255}
	blue  = color.NRGBA{0, 0, 255, 255}
	white = color.NRGBA{255, 255, 255, 255}
)

// quad returns a w×h picture with a different colour in each quadrant.
func quad(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.SetNRGBA(x, y, quadColour(x, y, w, h))
		}
	}
	return m
}

// quadColour is the colour of pixel (x, y) of an upright w×h quad picture.
func quadColour(x, y, w, h int) color.NRGBA {
	switch {
	case x < w/2 && y < h/2:
		return red
	case y < h/2:
		return green
	case x < w/2:
		return blue
	}
	return white
}

// photo returns a w×h picture with smooth gradients and many colours.
func photo(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			i := m.PixOffset(x, y)
			m.Pix[i] = uint8(x * 255 / max(w-1, 1))
			m.Pix[i+1] = uint8(y * 255 / max(h-1, 1))
			m.Pix[i+2] = uint8((x*7 + y*13) % 256)
			m.Pix[i+3] = 255
		}
	}
	return m
}

// jpegOf encodes m as a baseline JPEG.
func jpegOf(t testing.TB, m image.Image, quality int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: quality}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngOf encodes m as PNG.
func pngOf(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fixture reads a file from testdata.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pngHeader returns a PNG signature and IHDR chunk claiming w×h RGBA pixels,
// with a correct CRC and no pixel data.
func pngHeader(w, h uint32) []byte {
	var ihdr []byte
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	b := []byte("\x89PNG\r\n\x1a\n")
	b = binary.BigEndian.AppendUint32(b, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b = append(b, chunk...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(chunk))
}

// byteOrder reads and appends in one byte order.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// exifTIFF builds a TIFF structure with IFD0 holding orientation (if not 0),
// and, if gps is set, a GPS IFD holding a latitude and a marker string.
func exifTIFF(order byteOrder, orient uint16, gps bool) []byte {
	var t []byte
	if order.String() == binary.LittleEndian.String() {
		t = append(t, "II"...)
	} else {
		t = append(t, "MM"...)
	}
	t = order.AppendUint16(t, 42)
	t = order.AppendUint32(t, 8)
	var entries [][12]byte
	entry := func(tag, typ uint16, count, value uint32, short bool) [12]byte {
		var e [12]byte
		order.PutUint16(e[0:], tag)
		order.PutUint16(e[2:], typ)
		order.PutUint32(e[4:], count)
		if short {
			order.PutUint16(e[8:], uint16(value))
		} else {
			order.PutUint32(e[8:], value)
		}
		return e
	}
	if orient != 0 {
		entries = append(entries, entry(0x0112, 3, 1, uint32(orient), true))
	}
	ifd0Size := 2 + 12*(len(entries)+boolInt(gps)) + 4
	gpsOffset := uint32(8 + ifd0Size)
	if gps {
		entries = append(entries, entry(0x8825, 4, 1, gpsOffset, false))
	}
	t = order.AppendUint16(t, uint16(len(entries)))
	for _, e := range entries {
		t = append(t, e[:]...)
	}
	t = order.AppendUint32(t, 0)
	if gps {
		marker := []byte("GPS-SECRET-51.5074N")
		dataOffset := gpsOffset + 2 + 2*12 + 4
		t = order.AppendUint16(t, 2)
		e := entry(0x0001, 2, 2, 0, false) // GPSLatitudeRef "N"
		e[8] = 'N'
		t = append(t, e[:]...)
		e = entry(0x001b, 7, uint32(len(marker)), dataOffset, false) // GPSProcessingMethod
		t = append(t, e[:]...)
		t = order.AppendUint32(t, 0)
		t = append(t, marker...)
	}
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// withSegment inserts a JPEG marker segment right after the SOI marker.
func withSegment(jpg []byte, marker byte, payload []byte) []byte {
	seg := []byte{0xff, marker}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	seg = append(seg, payload...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// withEXIF inserts an APP1 Exif segment holding tiff.
func withEXIF(jpg, tiff []byte) []byte {
	return withSegment(jpg, 0xe1, append([]byte("Exif\x00\x00"), tiff...))
}

// decodeOutput decodes a prepared image, checking its format and size.
func decodeOutput(t testing.TB, img *Image) image.Image {
	t.Helper()
	m, name, err := image.Decode(bytes.NewReader(img.Data))
	if err != nil {
		t.Fatalf("output does not decode: %v", err)
	}
	if name != img.Format {
		t.Errorf("Format = %q but data is %q", img.Format, name)
	}
	if b := m.Bounds(); b.Dx() != img.Width || b.Dy() != img.Height {
		t.Errorf("Width×Height = %d×%d but data is %v", img.Width, img.Height, b)
	}
	return m
}

// near reports whether c is within tol of want in every channel,
// comparing non-premultiplied values.
func near(c color.Color, want color.NRGBA, tol int) bool {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	d := func(a, b uint8) bool { return abs(int(a)-int(b)) <= tol }
	return d(n.R, want.R) && d(n.G, want.G) && d(n.B, want.B) && d(n.A, want.A)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// checkQuad checks the colour at the middle of each quadrant of m.
func checkQuad(t testing.TB, m image.Image, tol int) {
	t.Helper()
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	for _, p := range []image.Point{{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}} {
		want := quadColour(p.X, p.Y, w, h)
		if got := m.At(b.Min.X+p.X, b.Min.Y+p.Y); !near(got, want, tol) {
			t.Errorf("pixel %v = %v, want about %v", p, color.NRGBAModel.Convert(got), want)
		}
	}
}

// alphaAt returns the alpha of m at (x, y), 0 to 255.
func alphaAt(m image.Image, x, y int) int {
	_, _, _, a := m.At(m.Bounds().Min.X+x, m.Bounds().Min.Y+y).RGBA()
	return int(a >> 8)
}
