package pdf

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/familynetwork/safetyplan/internal/illustration"
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

	f := fpdf.New("P", "mm", "A4", "")
	epoch := time.Unix(0, 0).UTC()
	f.SetCreationDate(epoch)
	f.SetModificationDate(epoch)
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetTitle("Illustration library", true)
	f.SetSubject("Every picture in the built-in illustration library", true)
	f.SetCreator("safetyplan", true)
	f.SetLang("en-GB")
	f.SetMargins(sheetMargin, sheetMargin, sheetMargin)
	f.SetAutoPageBreak(false, 0)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		f.SetFont("Helvetica", "", 8)
		f.SetTextColor(110, 110, 110)
		f.SetXY(sheetMargin, 287)
		f.CellFormat(210-2*sheetMargin, 5, fmt.Sprintf("page %d of {nb}", f.PageNo()), "", 0, "C", false, 0, "")
	})

	f.AddPage()
	f.SetFont("Helvetica", "B", 20)
	f.SetTextColor(40, 40, 40)
	f.SetXY(sheetMargin, sheetMargin)
	f.CellFormat(0, 10, "Illustration library", "", 1, "L", false, 0, "")
	f.SetFont("Helvetica", "", 10)
	f.SetTextColor(90, 90, 90)
	f.CellFormat(0, 6, fmt.Sprintf("%d pictures. Use them in a plan as library:NAME.", len(entries)), "", 1, "L", false, 0, "")

	cell := (210 - 2*sheetMargin) / sheetCols
	y := sheetTop
	for i, e := range entries {
		col := i % sheetCols
		if col == 0 && i > 0 {
			y += sheetRow
			if y+sheetRow > sheetBottom {
				f.AddPage()
				y = sheetMargin
			}
		}
		x := sheetMargin + float64(col)*cell
		px := x + (cell-sheetPicture)/2
		f.SetDrawColor(215, 215, 215)
		f.SetLineWidth(0.2)
		f.RoundedRect(px-1, y-1, sheetPicture+2, sheetPicture+2, 2, "1234", "D")
		pic, _ := lib.Lookup(e.Name)
		DrawPicture(f, pic, px, y, sheetPicture, sheetPicture)
		f.SetFont("Helvetica", "", 9)
		f.SetTextColor(40, 40, 40)
		f.SetXY(x, y+sheetPicture+1.5)
		f.CellFormat(cell, 5, e.Name, "", 0, "C", false, 0, "")
	}
	return f.Output(w)
}
