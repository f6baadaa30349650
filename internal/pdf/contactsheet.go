package pdf

import (
	"io"
	"strconv"
	"time"

	"github.com/familynetwork/safetyplan/internal/illustration"
	"github.com/familynetwork/safetyplan/internal/layout"
)

// The contact sheet's grid, in millimetres on A4 portrait.
const (
	sheetMargin  = 15.0
	sheetCols    = 5
	sheetPicture = 30.0 // the side of each picture's box
	sheetRow     = 40.0 // picture, name and gap
	sheetTop     = 36.0 // where the grid starts on the first page, below the title
	sheetBottom  = 280.0
)

// ContactSheet writes an A4 PDF showing every picture in the built-in
// illustration library in a grid, each with its name under it, titled
// "Illustration library". The output is byte-for-byte deterministic.
func ContactSheet(w io.Writer) error {
	lib, err := illustration.Load()
	if err != nil {
		return err
	}
	entries := lib.Catalogue()
	m := SharedMeasurer()
	ink, soft := layout.Color{R: 40, G: 40, B: 40}, layout.Color{R: 90, G: 90, B: 90}
	frame := layout.Color{R: 215, G: 215, B: 215}
	centred := func(f layout.Font, c layout.Color, x, y, w float64, s string) layout.Text {
		tw := m.Width(f, s)
		return layout.Text{X: x + (w-tw)/2, Y: y, W: tw, Font: f, Color: c, Text: s}
	}
	title, intro := layout.Font{Family: "sans", Style: "B", Size: 20}, layout.Font{Family: "sans", Size: 10}
	name := layout.Font{Family: "sans", Size: 9}
	pages := []layout.Page{{Items: []layout.Item{
		layout.Text{X: sheetMargin, Y: sheetMargin, W: m.Width(title, "Illustration library"), Font: title, Color: ink, Text: "Illustration library"},
		layout.Text{X: sheetMargin, Y: sheetMargin + 11, Font: intro, Color: soft, Text: strconv.Itoa(len(entries)) + " pictures. Use them in a plan as library:NAME."},
	}}}
	cell := (210 - 2*sheetMargin) / sheetCols
	y := sheetTop
	for i, e := range entries {
		col := i % sheetCols
		if col == 0 && i > 0 {
			y += sheetRow
			if y+sheetRow > sheetBottom {
				pages = append(pages, layout.Page{})
				y = sheetMargin
			}
		}
		x := sheetMargin + float64(col)*cell
		px := x + (cell-sheetPicture)/2
		p := &pages[len(pages)-1]
		p.Items = append(p.Items,
			layout.Rect{X: px - 1, Y: y - 1, W: sheetPicture + 2, H: sheetPicture + 2, Stroke: &frame, LineWidth: 0.2, Radius: 2},
			layout.Picture{X: px, Y: y, W: sheetPicture, H: sheetPicture, Ref: "library:" + e.Name},
			centred(name, ink, x, y+sheetPicture+1.5, cell, e.Name))
	}
	footer := layout.Font{Family: "sans", Size: 8}
	grey := layout.Color{R: 110, G: 110, B: 110}
	return Write(w, Document{
		Spec:  layout.PageSpec{W: 210, H: 297},
		Pages: pages,
		Decorate: func(i, n int) []layout.Item {
			return []layout.Item{centred(footer, grey, sheetMargin, 286, 210-2*sheetMargin, "page "+strconv.Itoa(i+1)+" of "+strconv.Itoa(n))}
		},
		Meta: Meta{Title: "Illustration library", Subject: "Every picture in the built-in illustration library",
			Language: "en-GB", Created: time.Unix(0, 0).UTC()},
	})
}
