package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/illustration"
	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// needTool returns the path of a poppler tool; pdftest.Need skips loudly
// without it locally and fails in CI.
func needTool(t *testing.T, name string) string {
	t.Helper()
	pdftest.Need(t, name)
	path, _ := exec.LookPath(name)
	return path
}

func contactSheet(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ContactSheet(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestContactSheetNamesEveryPicture(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	dir := t.TempDir()
	file := filepath.Join(dir, "sheet.pdf")
	if err := os.WriteFile(file, contactSheet(t), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	words := map[string]bool{}
	for _, w := range strings.Fields(text) {
		words[w] = true
	}
	if !strings.Contains(text, "Illustration library") {
		t.Error(`the title "Illustration library" is missing`)
	}
	lib, err := illustration.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range lib.Names() {
		if !words[name] {
			t.Errorf("%q is not on the contact sheet", name)
		}
	}
}

func TestContactSheetIsDeterministic(t *testing.T) {
	a, b := contactSheet(t), contactSheet(t)
	if !bytes.Equal(a, b) {
		t.Fatal("two contact sheets differ")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
}

// TestDrawPictureFitsTheBox rasterises pages with pdftoppm and checks that
// the ink falls inside the box, centred, for a wide and a tall box.
func TestDrawPictureFitsTheBox(t *testing.T) {
	pdftoppm := needTool(t, "pdftoppm")
	tests := []struct {
		name       string
		x, y, w, h float64 // the box, in mm
		inner      [4]float64
	}{
		// A 200-unit-square picture in a 100x50 box is 50 mm square,
		// centred: x 45..95.
		{"wide box", 20, 30, 100, 50, [4]float64{45, 30, 95, 80}},
		// In a 40x120 box it is 40 mm square, centred: y 70..110.
		{"tall box", 100, 30, 40, 120, [4]float64{100, 70, 140, 110}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, Document{Spec: layout.PageSpec{W: 210, H: 297}, Pages: []layout.Page{{Items: []layout.Item{
				layout.Picture{X: tc.x, Y: tc.y, W: tc.w, H: tc.h, Ref: "library:house"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			data := buf.Bytes()
			dir := t.TempDir()
			file := filepath.Join(dir, "p.pdf")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			// 127 dpi is 5 pixels per mm.
			if out, err := exec.Command(pdftoppm, "-png", "-gray", "-r", "127", "-singlefile", file, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v %s", err, out)
			}
			raw, err := os.ReadFile(filepath.Join(dir, "p.png"))
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			ink := inkBounds(img)
			const px = 127 / 25.4
			slack := 1.0 // mm
			want := tc.inner
			got := [4]float64{float64(ink.Min.X) / px, float64(ink.Min.Y) / px, float64(ink.Max.X) / px, float64(ink.Max.Y) / px}
			if got[0] < want[0]-slack || got[1] < want[1]-slack || got[2] > want[2]+slack || got[3] > want[3]+slack {
				t.Errorf("ink spans %.1f mm, outside the fitted square %.1f", got, want)
			}
			// The house fills most of its square.
			if got[2]-got[0] < 0.8*(want[2]-want[0]) || got[3]-got[1] < 0.7*(want[3]-want[1]) {
				t.Errorf("ink spans %.1f mm, too small for the square %.1f", got, want)
			}
		})
	}
}

// inkBounds returns the rectangle holding every pixel darker than white.
func inkBounds(img image.Image) image.Rectangle {
	b := img.Bounds()
	box := image.Rectangle{Min: b.Max, Max: b.Min}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0xf000 {
				box.Min.X, box.Min.Y = min(box.Min.X, x), min(box.Min.Y, y)
				box.Max.X, box.Max.Y = max(box.Max.X, x+1), max(box.Max.Y, y+1)
			}
		}
	}
	return box
}

// Two different images of the same pixel width are two images (fpdf
// could not tell them apart deterministically; this writer names images by
// content), and one picture under two references is one image.
func TestImagesNamedByContent(t *testing.T) {
	enc := func(c color.Gray) []byte {
		m := image.NewGray(image.Rect(0, 0, 20, 10))
		for i := range m.Pix {
			m.Pix[i] = c.Y
		}
		var b bytes.Buffer
		if err := png.Encode(&b, m); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	doc := Document{
		Spec:   layout.PageSpec{W: 210, H: 297},
		Pages:  []layout.Page{{Items: []layout.Item{layout.Picture{X: 10, Y: 10, W: 20, H: 10, Ref: "upload:a"}, layout.Picture{X: 10, Y: 30, W: 20, H: 10, Ref: "upload:b"}}}},
		Images: map[string]Image{"upload:a": {Data: enc(color.Gray{10}), Format: "png"}, "upload:b": {Data: enc(color.Gray{200}), Format: "png"}},
	}
	count := func() int {
		var out bytes.Buffer
		if err := Write(&out, doc); err != nil {
			t.Fatal(err)
		}
		return bytes.Count(out.Bytes(), []byte("/Subtype /Image"))
	}
	if n := count(); n != 2 {
		t.Errorf("two different pictures of one width make %d images, want 2", n)
	}
	doc.Images["upload:b"] = doc.Images["upload:a"]
	if n := count(); n != 1 {
		t.Errorf("one picture under two references makes %d images, want 1", n)
	}
}
