package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// ownDocument is one A4 page with text in several scripts, a link, a
// library picture, a round PNG photo with transparency, a JPEG, shapes,
// and an attachment.
func ownDocument(t testing.TB, lines []string, lang string) Document {
	t.Helper()
	m := SharedMeasurer().ForLanguage(lang)
	spec := layout.PageSpec{W: 210, H: 297, Left: 18, Right: 18, Top: 22, Bottom: 22}
	f := layout.Font{Family: "sans", Size: 12}
	var items []layout.Item
	y := 30.0
	for _, s := range lines {
		items = append(items, layout.Text{X: 18, Y: y, W: m.Width(f, s), Font: f, Color: layout.Black, Text: s})
		y += 10
	}
	blue := layout.Color{B: 200}
	items = append(items,
		layout.Text{X: 18, Y: y, W: m.Width(f, "Childline"), Font: layout.Font{Family: "andika", Style: "B", Size: 14}, Color: blue, Text: "Childline", Link: "tel:08001111"},
		layout.Rect{X: 18, Y: 150, W: 40, H: 20, Fill: &blue, Radius: 3},
		layout.Line{X1: 18, Y1: 175, X2: 190, Y2: 175, Color: blue, Width: 0.3, Dashed: true},
		layout.Circle{X: 100, Y: 200, R: 10, Stroke: &blue},
		layout.Picture{X: 120, Y: 140, W: 30, H: 30, Ref: "library:grandma"},
		layout.Picture{X: 18, Y: 210, W: 30, H: 30, Ref: "upload:round.png", Shape: layout.Round},
		layout.Picture{X: 60, Y: 210, W: 30, H: 30, Ref: "upload:photo.jpg", Shape: layout.Rounded},
	)
	return Document{
		Spec: spec, Pages: []layout.Page{{Items: items}},
		Meta:        Meta{Title: "Test plan", Subject: "A test", Author: "Council", Language: lang, Created: time.Date(2026, 10, 30, 12, 0, 0, 0, time.UTC)},
		Attachments: []Attachment{{Name: "plan.json", Description: "the plan", Data: []byte(`{"plan": "(with) \\ brackets \r"}`)}},
		Images:      map[string]Image{"upload:round.png": testPNG(t), "upload:photo.jpg": testJPEG(t)},
	}
}

func testPNG(t testing.TB) Image {
	m := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for y := range 30 {
		for x := range 40 {
			m.Set(x, y, color.NRGBA{R: uint8(6 * x), G: 100, B: uint8(8 * y), A: uint8(255 - 4*y)})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return Image{Data: b.Bytes(), Format: "png"}
}

func testJPEG(t testing.TB) Image {
	m := image.NewRGBA(image.Rect(0, 0, 50, 20))
	for y := range 20 {
		for x := range 50 {
			m.Set(x, y, color.RGBA{R: 200, G: uint8(5 * x), B: 50, A: 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, nil); err != nil {
		t.Fatal(err)
	}
	return Image{Data: b.Bytes(), Format: "jpeg"}
}

func writeOwnBytes(t testing.TB, d Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeOwn(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestOwnWriter(t *testing.T) {
	tests := []struct {
		name, lang string
		lines      []string
		// want is what pdftotext must read back, line by line.
		want []string
	}{
		{"english", "en-GB", []string{"Siân and Zoë will stay with Kayden – “always”.", "fi ffl AV Wales"},
			[]string{"Siân and Zoë will stay with Kayden – “always”.", "fi ffl AV Wales"}},
		{"arabic reads back exactly", "ar", []string{"ستبقى الجدة معنا كل ليلة"}, []string{"ستبقى الجدة معنا كل ليلة"}},
		{"welsh", "cy", []string{"Bydd Nain yn aros gyda ni bob nos. Ŵyr, ŷd."}, []string{"Bydd Nain yn aros gyda ni bob nos. Ŵyr, ŷd."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := writeOwnBytes(t, ownDocument(t, tt.lines, tt.lang))
			pdftest.Valid(t, doc)
			got := pdftest.RawText(t, doc)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("pdftotext does not read back %q; it reads:\n%s", w, got)
				}
			}
			if again := writeOwnBytes(t, ownDocument(t, tt.lines, tt.lang)); !bytes.Equal(doc, again) {
				t.Error("the same document written twice gives different bytes")
			}
			as, err := Attachments(doc)
			if err != nil || len(as) != 1 || as[0].Name != "plan.json" || as[0].Description != "the plan" || !bytes.Equal(as[0].Data, ownDocument(t, nil, "").Attachments[0].Data) {
				t.Errorf("Attachments = %+v, %v: want the plan back as it went in", as, err)
			}
			for _, part := range []string{"/CIDFontType2", "/Identity-H", "/FontFile2", "/ToUnicode", "/SMask", "/DCTDecode", "/URI (tel:08001111)", "/DisplayDocTitle true", "/Lang (" + tt.lang + ")", "/Type /Metadata"} {
				if !bytes.Contains(doc, []byte(part)) {
					t.Errorf("the PDF has no %s", part)
				}
			}
			if n := PageCount(doc); n != 1 {
				t.Errorf("PageCount = %d, want 1", n)
			}
		})
	}
}

// TestLineBreaksFastPath: the measurer's shortcut for plain words agrees
// with go-text's segmenter.
func TestLineBreaksFastPath(t *testing.T) {
	for _, w := range []string{"Hughes", "7:30am", "one,two", "it's", "U.K.", "co-operate", "and/or", "Siân", "(10", "minutes)."} {
		got, want := SharedMeasurer().LineBreaks(w), fonts.LineBreaks(w)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("LineBreaks(%q) = %v, the segmenter says %v", w, got, want)
		}
	}
}

// TestActualText: a Bengali conjunct (several glyphs for one cluster)
// carries its text as /ActualText; plain English needs none.
func TestActualText(t *testing.T) {
	content := func(lines []string, lang string) string {
		var b bytes.Buffer
		o, err := writeDoc(&b, ownDocument(t, lines, lang))
		if err != nil || o == nil {
			t.Fatal(err)
		}
		c := canvas{c: new(bytes.Buffer), h: 297}
		if err := c.text(&o.fonts, o.pdf, layout.Text{Font: layout.Font{Family: "sans", Size: 10}, Text: lines[0]}, lang); err != nil {
			t.Fatal(err)
		}
		return c.c.String()
	}
	if got := content([]string{"দিদিমা প্রতি রাতে"}, "bn"); !strings.Contains(got, "/ActualText <FEFF09A609BF>") {
		t.Errorf("no /ActualText for দি in:\n%.400s", got)
	}
	if got := content([]string{"Nana Jean will stay, fi ffl"}, "en-GB"); strings.Contains(got, "ActualText") {
		t.Errorf("English text got /ActualText:\n%.400s", got)
	}
}
