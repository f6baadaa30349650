package illustration

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestPreview writes every picture as a PNG, plus a contact grid, to the
// folder named by ILLUSTRATION_PREVIEW, so that an artist can look at their
// work:
//
//	ILLUSTRATION_PREVIEW=/tmp/preview go test -run TestPreview ./internal/illustration/
//
// Without the variable it does nothing.
func TestPreview(t *testing.T) {
	dir := os.Getenv("ILLUSTRATION_PREVIEW")
	if dir == "" {
		t.Skip("set ILLUSTRATION_PREVIEW=DIR to write previews")
	}
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	const cell, cols = 160, 8
	names := lib.Names()
	rows := (len(names) + cols - 1) / cols
	grid := image.NewRGBA(image.Rect(0, 0, cols*cell, rows*cell))
	draw.Draw(grid, grid.Bounds(), image.White, image.Point{}, draw.Src)
	for i, name := range names {
		pic, _ := lib.Lookup(name)
		img, err := pic.RenderRGBA(512, color.White)
		if err != nil {
			t.Fatal(err)
		}
		writePNG(t, filepath.Join(dir, name+".png"), img)
		small, err := pic.RenderRGBA(cell-8, color.White)
		if err != nil {
			t.Fatal(err)
		}
		at := image.Pt((i%cols)*cell+4, (i/cols)*cell+4)
		draw.Draw(grid, small.Bounds().Add(at), small, image.Point{}, draw.Src)
	}
	writePNG(t, filepath.Join(dir, "grid.png"), grid)
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
