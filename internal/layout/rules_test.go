package layout

import (
	"fmt"
	"strings"
	"testing"
)

// The layout rules, each with a fake fixed-width measurer (mono: 1 mm a
// character) and a page of 100 mm of content, so every height is easy to
// follow by hand. A body line is 10 pt: 4.59 mm.

var testPage = PageSpec{W: 60, H: 100, Left: 0, Right: 0, Top: 0, Bottom: 0}

var body = Font{Family: "sans", Size: 10}

func line(s string) Paragraph {
	return Paragraph{Spans: []Span{{Text: s, Font: body}}}
}

// long is a paragraph of 50 mm lines, one per prefix: "a…" is the
// first word of the first line.
func long(prefixes ...string) Paragraph {
	var words []string
	for _, p := range prefixes {
		words = append(words, p+"…"+strings.Repeat("x", 47))
	}
	return Paragraph{Spans: []Span{{Text: strings.Join(words, " "), Font: body}}}
}

func filler(h float64) Fixed {
	return Fixed{H: h, Items: []Item{Text{Text: "filler"}}}
}

func headingPara(s string) Paragraph {
	return Paragraph{Spans: []Span{{Text: s, Font: Font{Family: "sans", Style: "B", Size: 14}}}, KeepWithNxt: true, SpaceAfter: 1}
}

func tableOf(rows int) Table {
	t := Table{Columns: []Column{{Title: "When", Weight: 1}, {Title: "What", Weight: 1}}, HeaderFont: body, Pad: 1}
	for i := 0; i < rows; i++ {
		t.Rows = append(t.Rows, []Cell{{Blocks: []Block{line(fmt.Sprintf("row%d", i+1))}}, {Blocks: []Block{line("x")}}})
	}
	return t
}

// pageOf is the number (from 1) of the page whose text includes s.
func pageOf(pages []Page, s string) int {
	for n, p := range pages {
		for _, it := range p.Items {
			if t, ok := it.(Text); ok && strings.HasPrefix(t.Text, s) {
				return n + 1
			}
		}
	}
	return 0
}

func TestLayoutRules(t *testing.T) {
	tests := []struct {
		name   string
		blocks []Block
		// the text starting with each key must be on the page given
		want map[string]int
	}{
		{"a heading is kept with its first lines",
			[]Block{filler(90), headingPara("Heading"), line("first")},
			map[string]int{"Heading": 2, "first": 2}},
		{"a heading with a one-line intro goes over with the table after it",
			[]Block{filler(78), headingPara("Rules"), line("intro"), tableOf(8)},
			map[string]int{"Rules": 2, "intro": 2, "row1": 2}},
		{"a heading followed by a short table moves with the whole table",
			[]Block{filler(70), headingPara("Distribution"), tableOf(5)},
			map[string]int{"Distribution": 2, "row1": 2, "row5": 2}},
		{"a table of six rows is never split",
			[]Block{filler(60), tableOf(6)},
			map[string]int{"row1": 2, "row6": 2}},
		{"a table of seven rows splits between rows",
			[]Block{filler(60), tableOf(7)},
			map[string]int{"row1": 1, "row7": 2}},
		{"a short table still fits where it is",
			[]Block{filler(20), tableOf(6)},
			map[string]int{"row1": 1, "row6": 1}},
		{"a group stays together",
			[]Block{filler(90), Group{line("g1"), line("g2"), line("g3")}},
			map[string]int{"g1": 2, "g3": 2}},
		{"a table header never ends a page",
			[]Block{filler(90), tableOf(9)},
			map[string]int{"When": 2, "row1": 2}},
		{"no widow: the last line of a paragraph goes over with the one before",
			[]Block{filler(84), long("a", "b", "c", "d")},
			map[string]int{"a…": 1, "b…": 1, "c…": 2, "d…": 2}},
		{"no orphan: a paragraph's first line does not stay behind alone",
			[]Block{filler(92), long("a", "b", "c", "d")},
			map[string]int{"a…": 2, "b…": 2}},
		{"a long paragraph still fills the page before breaking",
			[]Block{filler(80), long("a", "b", "c", "d", "e", "f", "g", "h")},
			map[string]int{"a…": 1, "d…": 1, "e…": 2, "h…": 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Narrow columns so that each row word sits on its own line.
			pages := Paginate(mono{}, testPage, tt.blocks)
			for s, want := range tt.want {
				if got := pageOf(pages, s); got != want {
					t.Errorf("%q is on page %d, want %d\n%s", s, got, want, Dump(pages))
				}
			}
		})
	}
}

func TestLastPageTightened(t *testing.T) {
	// Ten 9.6 mm blocks with 1 mm spacing between: 105 mm, one line over
	// a 100 mm page. Tightening the spacing brings the last line back.
	var blocks []Block
	for i := 0; i < 10; i++ {
		blocks = append(blocks, Fixed{H: 9.6, Items: []Item{Text{Text: fmt.Sprintf("b%d", i)}}}, Space(1))
	}
	if pages := Paginate(mono{}, testPage, blocks); len(pages) != 1 {
		t.Errorf("%d pages, want 1: the last line should have been brought back\n%s", len(pages), Dump(pages))
	}
	// Content that genuinely needs a second page keeps it, spacing intact.
	blocks = append(blocks, filler(30))
	pages := Paginate(mono{}, testPage, blocks)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	if y := pages[0].Placed[1].Y; y != 10.6 {
		t.Errorf("the second block is at %.1f mm, want 10.6: spacing was tightened although it saved no page", y)
	}
}

func TestAddressesBreakAfterPunctuation(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"email after @", "leanne.hughes@example.org", 16, []string{"leanne.hughes@", "example.org"}},
		{"email after a dot", "leanne.hughes@example.org", 10, []string{"leanne.", "hughes@", "example.", "org"}},
		{"web address after /", "https://council.gov.uk/family", 24, []string{"https://council.gov.uk/", "family"}},
		{"plain word broken anywhere", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lineTexts(Wrap(mono{}, []Span{{Text: tt.text, Font: body}}, tt.width))
			if strings.Join(got, "/") != strings.Join(tt.want, "/") {
				t.Errorf("Wrap = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDump(t *testing.T) {
	blocks := []Block{headingPara("Rules of the plan"), tableOf(2), PageBreak{}, line("the end of it all, with more than twelve words in it, and then some")}
	got := Dump(Paginate(mono{}, PageSpec{W: 80, H: 100}, blocks))
	want := `page 1
     0.0   6.4 paragraph "Rules of the plan"
     7.4  19.8 table "When What row1 x row2 x"
page 2
     0.0   4.6 paragraph "the end of it all, with more than twelve words in it, …"
`
	if got != want {
		t.Errorf("Dump =\n%s\nwant\n%s", got, want)
	}
}
