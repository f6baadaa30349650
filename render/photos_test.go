package render

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

const imagingFixtures = "../internal/imaging/testdata"

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(imagingFixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// gpsMarker stands for a location in a photo's EXIF: it must never reach
// a PDF.
const gpsMarker = "GPS 51.4545N 2.5879W"

// phonePhoto is a 4000×3000 JPEG as a phone stores it: sideways, with
// EXIF orientation 6 (turn 90° clockwise to view) and a location. Stored,
// its left half is red and its right half blue; upright, red is on top.
func phonePhoto(t *testing.T) []byte {
	t.Helper()
	return phonePhotoVariant(t, 0)
}

// phonePhotoVariant is phonePhoto in a shade of its own for each i, so
// that no two are the same file.
func phonePhotoVariant(t testing.TB, i int) []byte {
	t.Helper()
	m := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
	ry, rcb, rcr := color.RGBToYCbCr(220-uint8(i*7), 30, 30)
	by, bcb, bcr := color.RGBToYCbCr(30, 30, 220)
	for y := 0; y < 3000; y++ {
		for x := 0; x < 4000; x++ {
			v := ry
			if x >= 2000 {
				v = by
			}
			m.Y[y*m.YStride+x] = v
		}
	}
	for y := 0; y < 1500; y++ {
		for x := 0; x < 2000; x++ {
			cb, cr := rcb, rcr
			if x >= 1000 {
				cb, cr = bcb, bcr
			}
			m.Cb[y*m.CStride+x], m.Cr[y*m.CStride+x] = cb, cr
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return withEXIF(buf.Bytes(), 6, gpsMarker)
}

// withEXIF inserts an APP1 EXIF segment with an orientation and an image
// description (standing in for GPS tags) after a JPEG's SOI marker.
func withEXIF(jpg []byte, orientation uint16, desc string) []byte {
	be := binary.BigEndian
	var t bytes.Buffer
	t.WriteString("MM")
	binary.Write(&t, be, uint16(42))
	binary.Write(&t, be, uint32(8))
	binary.Write(&t, be, uint16(2)) // two entries
	// ImageDescription (ASCII), stored after the IFD.
	binary.Write(&t, be, uint16(0x010e))
	binary.Write(&t, be, uint16(2))
	binary.Write(&t, be, uint32(len(desc)+1))
	binary.Write(&t, be, uint32(8+2+12*2+4))
	// Orientation (SHORT).
	binary.Write(&t, be, uint16(0x0112))
	binary.Write(&t, be, uint16(3))
	binary.Write(&t, be, uint32(1))
	binary.Write(&t, be, orientation)
	binary.Write(&t, be, uint16(0))
	binary.Write(&t, be, uint32(0)) // no next IFD
	t.WriteString(desc + "\x00")
	seg := append([]byte("Exif\x00\x00"), t.Bytes()...)
	var out bytes.Buffer
	out.Write(jpg[:2])
	out.Write([]byte{0xff, 0xe1})
	binary.Write(&out, be, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(jpg[2:])
	return out.Bytes()
}

// transparentPNG is a drawing on a transparent background.
func transparentPNG(t *testing.T) []byte {
	m := image.NewNRGBA(image.Rect(0, 0, 200, 150))
	for y := 40; y < 110; y++ {
		for x := 50; x < 150; x++ {
			m.Set(x, y, color.NRGBA{20, 120, 40, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Every kind of picture a family sends renders: interlaced, 16-bit and
// transparent PNGs, a CMYK JPEG, WebP, a data: URI, and a sideways phone
// photo, which comes out upright and without its location.
func TestFamilyPictures(t *testing.T) {
	pdftest.Need(t, "pdfimages")
	uploads := map[string][]byte{
		"phone.jpg":       phonePhoto(t),
		"nana.png":        fixture(t, "interlaced_rgb16.png"),
		"sian.png":        fixture(t, "interlaced_rgba.png"),
		"tomasz.webp":     fixture(t, "lossy_alpha.webp"),
		"zoe.jpg":         fixture(t, "cmyk.jpg"),
		"drawing.png":     transparentPNG(t),
		"mum-photo.webp":  fixture(t, "photo.webp"),
		"kayden-face.jpg": fixture(t, "progressive.jpg"),
	}
	dataURI := "data:image/png;base64," + base64.StdEncoding.EncodeToString(fixture(t, "paletted_interlaced.png"))
	data := editExample(t, "hughes-review", func(m map[string]any) {
		people := m["people"].([]any)
		pics := []string{"upload:mum-photo.webp", "", "upload:nana.png", "upload:sian.png", "upload:tomasz.webp", "upload:zoe.jpg", dataURI}
		for i, p := range pics {
			if p != "" {
				people[i].(map[string]any)["picture"] = p
			}
		}
		m["children"].([]any)[0].(map[string]any)["picture"] = "upload:kayden-face.jpg"
		pages := m["words_and_pictures"].(map[string]any)["explanation"].(map[string]any)["pages"].([]any)
		pages[0].(map[string]any)["picture"] = "upload:phone.jpg"
		pages[1].(map[string]any)["picture"] = "upload:drawing.png"
	})
	in, err := Load(data, uploads, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	pdf := renderTwice(t, func() ([]byte, error) { return WordsAndPictures(in, testOpt, WordsOptions{}) })
	if bytes.Contains(pdf, []byte(gpsMarker)) {
		t.Error("the photo's EXIF reached the child's book")
	}
	worker, err := AdultPlan(in, testOpt, AdultOptions{Audience: Worker})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(worker, []byte(gpsMarker)) {
		t.Error("the photo's EXIF reached the worker's copy (its attachments)")
	}

	rounded := renderTwice(t, func() ([]byte, error) { return WordsAndPictures(in, testOpt, WordsOptions{Rounded: true}) })
	if bytes.Equal(rounded, pdf) {
		t.Error("photos=rounded made the same document as circles")
	}
	if os.Getenv("SAFETYPLAN_KEEP") != "" { // to look at the pages
		os.WriteFile(filepath.Join(os.Getenv("SAFETYPLAN_KEEP"), "photos-circle.pdf"), pdf, 0o644)
		os.WriteFile(filepath.Join(os.Getenv("SAFETYPLAN_KEEP"), "photos-rounded.pdf"), rounded, 0o644)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "wp.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	list, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	// Each photo at each size it prints at, once: 2 page pictures, the
	// child's face in two sizes' worth of circles (one square image), and
	// six people's squares.
	if n := strings.Count(string(list), "\n") - 2; n < 9 {
		t.Errorf("pdfimages lists %d images, want at least 9:\n%s", n, list)
	}
	if out, err := exec.Command("pdfimages", "-png", path, filepath.Join(dir, "img")).CombinedOutput(); err != nil {
		t.Fatalf("pdfimages: %v %s", err, out)
	}
	// The phone photo is the only portrait picture: find it, check it is
	// upright (red above blue) and printed at no more than 1400 pixels.
	files, _ := filepath.Glob(filepath.Join(dir, "img-*.png"))
	found := false
	for _, f := range files {
		b, _ := os.ReadFile(f)
		m, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			continue
		}
		r := m.Bounds()
		if r.Dx() != 1050 || r.Dy() != 1400 {
			continue
		}
		found = true
		top, bottom := m.At(r.Dx()/2, r.Dy()/4), m.At(r.Dx()/2, 3*r.Dy()/4)
		if tr, _, tb, _ := top.RGBA(); tr < tb {
			t.Errorf("the top of the phone photo is not red (%v): it is not upright", top)
		}
		if br, _, bb, _ := bottom.RGBA(); bb < br {
			t.Errorf("the bottom of the phone photo is not blue (%v): it is not upright", bottom)
		}
	}
	if !found {
		t.Errorf("no 1050×1400 image in the PDF (the phone photo, upright and scaled down):\n%s", list)
	}
}

// Pictures that cannot be used get a problem naming the field and the
// file, quickly and without a large allocation.
func TestBadPictures(t *testing.T) {
	truncated := phonePhoto(t)
	truncated = truncated[:len(truncated)/3]
	hugePNG := pngClaiming(60000, 60000)
	tests := []struct {
		name   string
		file   []byte
		inText string
	}{
		{"truncated JPEG", truncated, "damaged or incomplete"},
		{"renamed PDF", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"), "PDF"},
		{"SVG", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>`), "SVG"},
		{"HEIC", append([]byte{0, 0, 0, 0x18}, []byte("ftypheic\x00\x00\x00\x00mif1heic")...), "iPhone"},
		{"60,000 by 60,000 pixels", hugePNG, "megapixels"},
		{"empty", nil, "JPEG, PNG, GIF or WebP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := editExample(t, "hughes-review", func(m map[string]any) {
				m["people"].([]any)[2].(map[string]any)["picture"] = "upload:nana.jpg"
			})
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Load(data, map[string][]byte{"nana.jpg": tt.file}, testOpt)
			runtime.ReadMemStats(&after)
			if !isProblemAt(err, "people[2].picture") {
				t.Fatalf("got %v, want one problem at people[2].picture", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, `"nana.jpg"`) || !strings.Contains(msg, tt.inText) {
				t.Errorf("the message %q should name nana.jpg and say %q", msg, tt.inText)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
				t.Errorf("checking the picture allocated %d MB", grew>>20)
			}
		})
	}
}

// pngClaiming is a tiny PNG whose header claims a huge size.
func pngClaiming(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc(chunk))
	return b.Bytes()
}

func crc(b []byte) uint32 { return crc32.ChecksumIEEE(b) }
