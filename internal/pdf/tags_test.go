package pdf

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/pdftest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// taggedDocument is a short plan laid out by layout from blocks (a title,
// a paragraph, a list, a table, a picture with alternative text, a
// paragraph in Welsh) with page furniture, plus a hand-placed line.
func taggedDocument() Document {
	m := SharedMeasurer()
	spec := layout.PageSpec{W: 210, H: 297, Left: 18, Right: 18, Top: 22, Bottom: 22}
	f := func(style string, size float64) layout.Font {
		return layout.Font{Family: "sans", Style: style, Size: size}
	}
	span := func(s string, font layout.Font) []layout.Span {
		return []layout.Span{{Text: s, Font: font, Color: layout.Black}}
	}
	cell := func(s string) layout.Cell {
		return layout.Cell{Blocks: []layout.Block{layout.Paragraph{Spans: span(s, f("", 10))}}}
	}
	blocks := []layout.Block{
		layout.Paragraph{Spans: span("Family safety plan", f("B", 24)), SpaceAfter: 3},
		layout.Paragraph{Spans: span("What we are worried about", f("B", 14)), KeepWithNxt: true},
		layout.Paragraph{Spans: span("Children's social care and Nana Jean are worried that the children may be left at home without an adult.", f("", 10)), SpaceAfter: 2},
		layout.Paragraph{Spans: span("Mum sends a message by 7:30.", f("", 10)), Bullet: "•"},
		layout.Paragraph{Spans: span("Nana Jean phones if there is none.", f("", 10)), Bullet: "•"},
		layout.Table{Columns: []layout.Column{{Title: "Who", Weight: 1}, {Title: "Phone", Weight: 1}},
			Rows:       [][]layout.Cell{{cell("Nana Jean"), cell("0117 496 0000")}, {cell("Childline"), cell("0800 1111")}},
			HeaderFont: f("B", 10), HeaderFill: layout.Color{R: 230, G: 230, B: 230}, Border: layout.Black, Pad: 1.5},
		layout.Fixed{H: 30, Items: []layout.Item{layout.Picture{W: 30, H: 30, Ref: "library:grandma", El: &layout.Element{Role: "Figure", Alt: "Nana Jean, grandmother"}}}},
		layout.Fixed{H: 10, Items: []layout.Item{layout.Text{Font: f("", 10), Color: layout.Black, Text: "Bydd Nain yn aros gyda ni.", El: &layout.Element{Role: "P", Lang: "cy"}}}},
		layout.Paragraph{Spans: []layout.Span{{Text: "Call ", Font: f("", 10)}, {Text: "Childline", Font: f("B", 10), Link: "tel:08001111"}, {Text: " any time.", Font: f("", 10)}}},
	}
	pages := layout.Paginate(m, spec, blocks)
	pages[0].Items = append(pages[0].Items, layout.Picture{X: 150, Y: 250, W: 20, H: 20, Ref: "library:house"})
	return Document{
		Spec: spec, Pages: pages,
		Decorate: func(i, n int) []layout.Item {
			return []layout.Item{layout.Text{X: 18, Y: 285, Font: f("", 8), Color: layout.Black, Text: "OFFICIAL-SENSITIVE"}}
		},
		Meta: Meta{Title: "Family safety plan", Language: "en-GB", Created: time.Date(2026, 10, 30, 12, 0, 0, 0, time.UTC)},
	}
}

// TestStructureGolden keeps the structure tree a screen reader walks, as
// text: headings, paragraphs, a list with labels and bodies, a table with
// header cells and rows in reading order, figures with alternative text, an
// element in Welsh, a link holding its annotation; page furniture is not
// in it.
func TestStructureGolden(t *testing.T) {
	var buf bytes.Buffer
	o, err := writeDoc(&buf, taggedDocument())
	if err != nil {
		t.Fatal(err)
	}
	got := o.tags.dump()
	const path = "testdata/structure.golden"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		_ = os.WriteFile(path+".got", []byte(got), 0o644)
		t.Errorf("the structure differs from %s: see %s.got (go test ./internal/pdf -run Structure -update to accept)", path, path)
	}
	if strings.Contains(got, "OFFICIAL-SENSITIVE") {
		t.Error("page furniture is in the structure tree; it must be an artifact")
	}
	doc := buf.Bytes()
	pdftest.Valid(t, doc)
	for _, part := range []string{"/MarkInfo << /Marked true >>", "/StructTreeRoot", "/StructParents 0", "/Tabs /S", "/Alt (Nana Jean, grandmother)", "/Lang (cy)", "/Type /OBJR", "/StructParent 1"} {
		if !bytes.Contains(doc, []byte(part)) {
			t.Errorf("the PDF has no %s", part)
		}
	}
	pdftest.Need(t, "pdfinfo")
	file := t.TempDir() + "/doc.pdf"
	if err := os.WriteFile(file, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v %s", err, out)
	}
	info := string(out)
	if !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("pdfinfo does not say the PDF is tagged:\n%s", info)
	}
}
