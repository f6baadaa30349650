package layout

import (
	"strings"
	"testing"
)

// mono measures every rune as 1 mm wide.
type mono struct{}

func (mono) Width(_ Font, s string) float64 { return float64(len([]rune(s))) }

func lineTexts(lines []TextLine) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for i, t := range l.Items {
			if i > 0 {
				b.WriteString("|")
			}
			b.WriteString(t.Text)
		}
		out = append(out, b.String())
	}
	return out
}

func TestWrap(t *testing.T) {
	f := Font{Family: "sans", Size: 10}
	tests := []struct {
		name  string
		spans []Span
		width float64
		want  []string
	}{
		{"fits", []Span{{Text: "one two", Font: f}}, 20, []string{"one two"}},
		{"breaks at spaces", []Span{{Text: "one two three", Font: f}}, 8, []string{"one two", "three"}},
		{"long word broken", []Span{{Text: "abcdefghij", Font: f}}, 4, []string{"abcd", "efgh", "ij"}},
		{"hard break", []Span{{Text: "a\nb", Font: f}}, 20, []string{"a", "b"}},
		{"styles kept apart", []Span{{Text: "bold ", Font: Font{"sans", "B", 10}}, {Text: "plain", Font: f}}, 20, []string{"bold|plain"}},
		{"empty", nil, 10, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lineTexts(Wrap(mono{}, tt.spans, tt.width))
			if strings.Join(got, "/") != strings.Join(tt.want, "/") {
				t.Errorf("Wrap = %q, want %q", got, tt.want)
			}
			for _, l := range Wrap(mono{}, tt.spans, tt.width) {
				if l.W > tt.width+0.01 && len(l.Items) > 0 {
					t.Errorf("line %q is %.1f wide, over %.1f", l.Items[0].Text, l.W, tt.width)
				}
			}
		})
	}
}

func TestPlaceBreaksPagesAndRepeatsHeaders(t *testing.T) {
	spec := PageSpec{W: 100, H: 100, Left: 10, Right: 10, Top: 10, Bottom: 10}
	header := Strip{H: 10, Items: []Item{Text{Text: "HEADER"}}}
	var strips []Strip
	strips = append(strips, Strip{H: 5, Discardable: true}) // dropped at the top of page 1
	for i := 0; i < 10; i++ {
		strips = append(strips, Strip{H: 15, Items: []Item{Text{Text: "row"}}, Repeat: &header})
	}
	pages := Place(spec, strips)
	// Five 15 mm rows fit in 80 mm; later pages hold the 10 mm header and four rows.
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	if first := pages[1].Items[0].(Text); first.Text != "HEADER" || first.Y != 10 {
		t.Errorf("page 2 starts with %q at y %.0f, want the header at the top margin", first.Text, first.Y)
	}
	if y := pages[0].Items[0].(Text).Y; y != 10 {
		t.Errorf("the first row starts at %.0f: the leading space was not dropped", y)
	}
}

func TestKeepWithNext(t *testing.T) {
	spec := PageSpec{W: 100, H: 100, Left: 0, Right: 0, Top: 0, Bottom: 0}
	strips := []Strip{{H: 90}, {H: 5, KeepWithNext: true, Items: []Item{Text{Text: "heading"}}}, {H: 10, Items: []Item{Text{Text: "body"}}}}
	pages := Place(spec, strips)
	if len(pages) != 2 || len(pages[1].Items) != 2 {
		t.Errorf("the heading was not moved to the page of its body: %d pages", len(pages))
	}
}

// breaking is mono with break opportunities after hyphens and between
// characters, as a Unicode-aware measurer gives them.
type breaking struct{ mono }

func (breaking) LineBreaks(s string) []int {
	var out []int
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '-' {
			out = append(out, i+1)
		}
	}
	return out
}

func (breaking) GraphemeBreaks(s string) []int {
	var out []int
	for i := range s {
		if i > 0 {
			out = append(out, i)
		}
	}
	return out
}

func TestWrapWithBreaker(t *testing.T) {
	f := Font{Family: "sans", Size: 10}
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"breaks after a hyphen", "co-operate now", 8, []string{"co-", "operate", "now"}},
		{"joins the parts on one line", "co-operate", 20, []string{"co-operate"}},
		{"long word cut by clusters", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lineTexts(Wrap(breaking{}, []Span{{Text: tt.text, Font: f}}, tt.width))
			if strings.Join(got, "/") != strings.Join(tt.want, "/") {
				t.Errorf("Wrap = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRightToLeftParagraph(t *testing.T) {
	f := Font{Family: "sans", Size: 10}
	strips := Paragraph{Spans: []Span{{Text: "نانی جین", Font: f}}, Bullet: "•"}.Strips(mono{}, 50)
	var text, bullet Text
	for _, it := range strips[0].Items {
		if v := it.(Text); v.Text == "•" {
			bullet = v
		} else {
			text = v
		}
	}
	if text.X+text.W < 50-bullet.W-0.01 || bullet.X+bullet.W < 49.99 {
		t.Errorf("text at %.1f+%.1f, bullet at %.1f+%.1f: want both against the right edge (50), the bullet rightmost", text.X, text.W, bullet.X, bullet.W)
	}
	if RightToLeft([]Span{{Text: "Call نانی"}}) {
		t.Error("text starting with an English word reads left to right")
	}
}

// rtlMono measures like mono, for a right-to-left document.
type rtlMono struct{ mono }

func (rtlMono) RightToLeft() bool { return true }

// TestTableColumnsMirrorRightToLeft: in a right-to-left document a table's
// first column is on the right, the frame still spans the width, and the
// first column's cells are still read first.
func TestTableColumnsMirrorRightToLeft(t *testing.T) {
	f := Font{Family: "sans", Size: 10}
	cell := func(s string) Cell { return Cell{Blocks: []Block{Paragraph{Spans: []Span{{Text: s, Font: f}}}}} }
	table := Table{Columns: []Column{{Title: "A", Weight: 1}, {Title: "B", Weight: 3}}, Rows: [][]Cell{{cell("first"), cell("second")}}, HeaderFont: f, Pad: 1}
	for _, tc := range []struct {
		name            string
		m               Measurer
		firstX, secondX float64 // where each column's text starts
	}{
		{"left to right", mono{}, 1, 26},
		{"right to left", rtlMono{}, 76, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			strips := table.Strips(tc.m, 100)
			var order []string
			xs := map[string]float64{}
			right := 0.0
			for _, s := range strips[1:] {
				for _, it := range s.Items {
					switch v := it.(type) {
					case Text:
						order = append(order, v.Text)
						xs[v.Text] = v.X
					case Line:
						right = max(right, v.X1, v.X2)
					}
				}
			}
			if xs["first"] != tc.firstX || xs["second"] != tc.secondX {
				t.Errorf("first column's text at %.1f, second's at %.1f; want %.1f and %.1f", xs["first"], xs["second"], tc.firstX, tc.secondX)
			}
			if right != 100 {
				t.Errorf("the frame reaches %.1f, want the full width 100", right)
			}
			if len(order) != 2 || order[0] != "first" {
				t.Errorf("cells in the order %q: the first column must be read first", order)
			}
		})
	}
}

// tallMono measures like mono, with lines holding "نانی" twice as tall.
type tallMono struct{ mono }

func (tallMono) LineHeight(f Font, s string) float64 {
	if strings.Contains(s, "نانی") {
		return 2 * f.LineHeight()
	}
	return f.LineHeight()
}

// TestLeading: a line holding text whose font needs a taller line (Urdu in
// Nastaliq) is that tall, with its text in the middle; other lines keep
// the font's height.
func TestLeading(t *testing.T) {
	f := Font{Family: "sans", Size: 10}
	for _, tc := range []struct {
		name, text string
		h, y       float64
	}{
		{"Latin", "Nana", f.LineHeight(), 0},
		{"Urdu", "نانی", 2 * f.LineHeight(), f.LineHeight() / 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := Wrap(tallMono{}, []Span{{Text: tc.text, Font: f}}, 50)
			if len(lines) != 1 || len(lines[0].Items) != 1 {
				t.Fatalf("want one line of one run, got %+v", lines)
			}
			if lines[0].H != tc.h || lines[0].Items[0].Y != tc.y {
				t.Errorf("line %.2f mm tall, text at %.2f; want %.2f and %.2f", lines[0].H, lines[0].Items[0].Y, tc.h, tc.y)
			}
		})
	}
}

func TestReadsRightToLeft(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    Measurer
		text string
		rtl  bool
	}{
		{"Urdu after a name, Urdu document", rtlMono{}, "Kayden اور Mia", true},
		{"Urdu after a name, no direction", mono{}, "Kayden اور Mia", false},
		{"English, Urdu document", rtlMono{}, "Call Nana Jean", false},
		{"Urdu first, no direction", mono{}, "نانی Jean", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ReadsRightToLeft(tc.m, []Span{{Text: tc.text}}); got != tc.rtl {
				t.Errorf("ReadsRightToLeft(%q) = %v, want %v", tc.text, got, tc.rtl)
			}
		})
	}
}
