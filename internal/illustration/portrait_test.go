package illustration

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"testing"
)

// sheetLooks is the builder's range, a row per skin tone: every age, and
// across the rows every hair style and colour, covering, presentation,
// glasses, beard, wheelchair, hearing aid, role and expression.
func sheetLooks() [][]Look {
	var rows [][]Look
	for skin := 1; skin <= 7; skin++ {
		var row []Look
		for i, age := range Ages {
			pres := []string{"feminine", "masculine", ""}[(skin+i)%3]
			row = append(row, Look{Skin: skin, Age: age, Presentation: pres,
				Hair: HairStyles[(skin*3+i)%len(HairStyles)], HairColour: HairColours[(skin+i*2)%len(HairColours)],
				Top: (skin + i) % 8, Expression: Expressions[(skin+i)%len(Expressions)]})
		}
		extra := []Look{
			{Covering: Coverings[(skin-1)%len(Coverings)], Glasses: skin%2 == 0, Presentation: "feminine", Hair: "long", HairColour: "black"},
			{Beard: true, HearingAid: true, Hair: "short", HairColour: HairColours[skin%len(HairColours)], Presentation: "masculine", Role: Roles[skin%len(Roles)]},
			{Wheelchair: true, Hair: HairStyles[(skin+5)%len(HairStyles)], HairColour: "brown", Age: []string{"child", "adult", "teenager"}[skin%3], Expression: "calm"},
		}
		for k, l := range extra {
			l.Skin, l.Top = skin, (skin+k+3)%8
			row = append(row, l)
		}
		rows = append(rows, row)
	}
	return append(rows, []Look{{}, {Role: "lanyard"}, {Expression: "worried"}, {Age: "child", Expression: "sad"}})
}

// Every look parses in the library's own SVG subset, and its name reads
// back as the same look.
func TestPortraitsParseAndNameRoundTrips(t *testing.T) {
	for _, row := range sheetLooks() {
		for _, l := range row {
			name := l.Name()
			if !IsValidName(name) {
				t.Errorf("%q is not kebab-case", name)
			}
			pic, ok := Lookup(name)
			if !ok {
				t.Errorf("Lookup(%q) found nothing", name)
				continue
			}
			if len(pic.Shapes) < 8 {
				t.Errorf("%s has %d shapes: it did not draw", name, len(pic.Shapes))
			}
			back, ok := parseLook(splitName(name)[1:])
			if !ok || back != normal(l) {
				t.Errorf("%s read back as %+v", name, back)
			}
		}
	}
}

// normal is the look as its name keeps it.
func normal(l Look) Look {
	back, _ := parseLook(splitName(l.Name())[1:])
	return back
}

func splitName(n string) []string {
	var out []string
	start := 0
	for i := 0; i < len(n); i++ {
		if n[i] == '-' {
			out = append(out, n[start:i])
			start = i + 1
		}
	}
	return append(out, n[start:])
}

func TestNamesThatAreNotLooks(t *testing.T) {
	for _, name := range []string{
		"person", "person-s9-short-black-adult-x-x-f-x-t0-happy", "person-s1-mohawk-black-adult-x-x-f-x-t0-happy",
		"person-s1-short-black-adult-x-x-fz-x-t0-happy", "person-s1-short-black-adult-x-x-f-x-t0-happy-extra",
		"scene-hug", "scene-dance-s1-short-black-adult-x-x-f-x-t0-happy", "scene-hug-s1-short-black-adult-x-x-f-x-t0-happy",
		"person-s1-short-black-adult-x-x-fgg-x-t0-happy", "person-s01-short-black-adult-x-x-f-x-t0-happy",
	} {
		if _, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) drew something", name)
		}
	}
	if _, ok := Lookup("person-s1-short-black-adult-x-x-f-x-t0-happy"); !ok {
		t.Error("a plain look was not drawn")
	}
}

func TestScenes(t *testing.T) {
	mum := Look{Skin: 6, Hair: "braids", HairColour: "black", Presentation: "feminine", Top: 1}
	kid := Look{Skin: 5, Hair: "afro", HairColour: "black", Age: "child", Top: 3}
	nan := Look{Skin: 6, Hair: "short", HairColour: "grey", Age: "older_adult", Presentation: "feminine", Glasses: true, Top: 4}
	for _, tt := range []struct {
		kind   string
		people []Look
	}{
		{"hug", []Look{mum, kid}}, {"family", []Look{mum, kid, kid}}, {"helpers", []Look{mum, nan}}, {"group", []Look{kid, kid}},
		{"meeting", []Look{mum, nan, {Role: "lanyard"}, mum, nan, kid}},
	} {
		name := SceneName(tt.kind, tt.people)
		pic, ok := Lookup(name)
		if !ok {
			t.Errorf("%s: nothing drawn", tt.kind)
			continue
		}
		if src, _ := Source(name); len(src) == 0 || len(pic.Shapes) < 10*len(tt.people) {
			t.Errorf("%s: %d shapes for %d people", tt.kind, len(pic.Shapes), len(tt.people))
		}
	}
	if _, ok := Lookup(SceneName("hug", []Look{mum})); ok {
		t.Error("a hug of one was drawn")
	}
	if _, ok := Lookup(SceneName("family", []Look{mum, mum, mum, mum, mum, mum, mum})); ok {
		t.Error("a scene of seven was drawn")
	}
}

// TestContactSheet writes the builder's range as a PNG to the file named
// by PORTRAIT_SHEET, for the README and for an artist to look at:
//
//	PORTRAIT_SHEET=$PWD/assets/illustrations/portraits-contact-sheet.png go test -run TestContactSheet ./internal/illustration/
func TestContactSheet(t *testing.T) {
	path := os.Getenv("PORTRAIT_SHEET")
	if path == "" {
		t.Skip("set PORTRAIT_SHEET=FILE.png to write the contact sheet")
	}
	rows := sheetLooks()
	mum := rows[5][4]
	kid := rows[4][2]
	nan := rows[1][5]
	rows = append(rows, nil)
	last := &rows[len(rows)-1]
	for _, sc := range []struct {
		kind   string
		people []Look
	}{{"hug", []Look{mum, kid}}, {"family", []Look{mum, kid, rows[2][1]}}, {"helpers", []Look{nan, rows[6][7], rows[3][4]}}, {"meeting", []Look{mum, nan, {Role: "lanyard", Skin: 3, Hair: "bob", HairColour: "red"}, rows[6][4]}}} {
		p, _ := Lookup(SceneName(sc.kind, sc.people))
		*last = append(*last, Look{Expression: sc.kind}) // placeholder, drawn below
		_ = p
	}
	const cell = 130
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	grid := image.NewRGBA(image.Rect(0, 0, cols*cell, len(rows)*cell))
	draw.Draw(grid, grid.Bounds(), image.White, image.Point{}, draw.Src)
	scenes := []string{
		SceneName("hug", []Look{mum, kid}), SceneName("family", []Look{mum, kid, rows[2][1]}),
		SceneName("helpers", []Look{nan, rows[6][7], rows[3][4]}),
		SceneName("meeting", []Look{mum, nan, {Role: "lanyard", Skin: 3, Hair: "bob", HairColour: "red"}, rows[6][4]}),
	}
	for y, r := range rows {
		for x, l := range r {
			name := l.Name()
			if y == len(rows)-1 {
				name = scenes[x]
			}
			pic, ok := Lookup(name)
			if !ok {
				t.Fatalf("%s not drawn", name)
			}
			img, err := pic.RenderRGBA(cell-6, color.White)
			if err != nil {
				t.Fatal(err)
			}
			draw.Draw(grid, img.Bounds().Add(image.Pt(x*cell+3, y*cell+3)), img, image.Point{}, draw.Over)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, grid); err != nil {
		t.Fatal(err)
	}
}
