package fonts

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sentences are one per shipped script, in the language a family might
// read it in. They say what a safety plan says; a reader of each language
// should check them (see the README's note on sample sentences).
var sentences = []struct{ name, family, style, lang, text string }{
	{"english", "sans", "", "en-GB", "Nana Jean will stay with us, AV Wales"},
	{"welsh bold", "sans", "B", "cy", "Bydd Nain yn aros gyda ni bob nos"},
	{"greek andika", "andika", "", "el", "Η γιαγιά θα μείνει μαζί μας"},
	{"arabic", "sans", "", "ar", "ستبقى الجدة معنا كل ليلة"},
	{"urdu nastaliq", "sans", "", "ur", "نانی ہر رات ہمارے ساتھ رہیں گی"},
	{"urdu in naskh for another language", "sans", "", "fa", "مادربزرگ هر شب با ما می\u200cماند"},
	{"arabic with an english name and a number", "sans", "", "ar", "اتصل بـ Jean على 0800 1111"},
	{"bengali", "sans", "", "bn", "দিদিমা প্রতি রাতে আমাদের সাথে থাকবেন"},
	{"gurmukhi", "sans", "", "pa", "ਨਾਨੀ ਹਰ ਰਾਤ ਸਾਡੇ ਨਾਲ ਰਹੇਗੀ"},
	{"devanagari", "sans", "", "hi", "नानी हर रात हमारे साथ रहेंगी"},
	{"ethiopic", "sans", "", "am", "አያቴ በየምሽቱ ከእኛ ጋር ትቆያለች"},
	{"bengali bold in andika", "andika", "B", "bn", "আমি নিরাপদ"},
}

// dump writes shaped runs as text: a line per run (font, direction), then
// a line per glyph (id, advance, offsets, cluster text).
func dump(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		dir := "ltr"
		if r.RTL {
			dir = "rtl"
		}
		fmt.Fprintf(&b, "run %s %s\n", r.Font.File, dir)
		for _, g := range r.Glyphs {
			fmt.Fprintf(&b, "  %5d %7.2f %7.2f %7.2f %q\n", g.ID, g.Advance, g.XOffset, g.YOffset, g.Text)
		}
	}
	return b.String()
}

// TestShapedGolden keeps the glyph runs of a sentence in each shipped
// script, so that any change in shaping (a font, go-text, the chain) is
// seen in review. Run with -update to accept a change.
func TestShapedGolden(t *testing.T) {
	var b strings.Builder
	for _, s := range sentences {
		runs, err := Shape(s.family, s.style, s.lang, s.text)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		fmt.Fprintf(&b, "== %s [%s %s %s] %s\n%s", s.name, s.family, s.style, s.lang, s.text, dump(runs))
	}
	golden(t, "testdata/shaped.golden", b.String())
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		_ = os.WriteFile(path+".got", []byte(got), 0o644)
		t.Errorf("%s differs from what was shaped: see %s.got", path, path)
	}
}

func TestShapeProperties(t *testing.T) {
	tests := []struct {
		name, lang, text string
		wantFont         string
		rtl              bool
	}{
		{"latin stays in noto sans", "en", "Hello", "NotoSans-Regular.ttf", false},
		{"urdu uses nastaliq", "ur", "نانی", "NotoNastaliqUrdu-Regular.ttf", true},
		{"arabic uses naskh", "ar", "نانی", "NotoNaskhArabic-Regular.ttf", true},
		{"bengali", "bn", "আমি", "NotoSansBengali-Regular.ttf", false},
		{"ethiopic", "am", "አያቴ", "NotoSansEthiopic-Regular.ttf", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs, err := Shape("sans", "", tt.lang, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if len(runs) != 1 || runs[0].Font.File != tt.wantFont || runs[0].RTL != tt.rtl {
				t.Fatalf("got %s", dump(runs))
			}
			for _, g := range runs[0].Glyphs {
				if g.ID == 0 {
					t.Errorf("a .notdef glyph in %q", tt.text)
				}
			}
		})
	}
}

// TestBidiKeepsNumbersInOrder: in right-to-left text a phone number and
// an English name keep their own left-to-right order, and the runs come
// out in visual order (the number, written last, is leftmost).
func TestBidiKeepsNumbersInOrder(t *testing.T) {
	runs, err := Shape("sans", "", "ar", "اتصل بـ Jean على 0800 1111")
	if err != nil {
		t.Fatal(err)
	}
	var visual []string
	for _, r := range runs {
		var b strings.Builder
		for _, g := range r.Glyphs {
			b.WriteString(g.Text)
		}
		visual = append(visual, strings.TrimSpace(b.String()))
	}
	if len(visual) < 3 || visual[0] != "0800 1111" || !strings.Contains(strings.Join(visual, "|"), "Jean") {
		t.Errorf("visual runs %q: want the number first (leftmost), then the Arabic with Jean kept in order", visual)
	}
}

func TestBreaks(t *testing.T) {
	tests := []struct {
		name, text string
		lines      []int
		graphemes  int // how many clusters after the first
	}{
		{"after a space", "one two", []int{4}, 6},
		{"after a hyphen", "co-operate", []int{3}, 9},
		{"not inside a number", "0117 903", []int{5}, 7},
		{"bengali conjuncts stay whole", "প্রতি", nil, 1},
		{"devanagari", "रहेंगी", nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LineBreaks(tt.text); fmt.Sprint(got) != fmt.Sprint(tt.lines) {
				t.Errorf("LineBreaks = %v, want %v", got, tt.lines)
			}
			if got := GraphemeBreaks(tt.text); len(got) != tt.graphemes {
				t.Errorf("GraphemeBreaks = %v, want %d", got, tt.graphemes)
			}
		})
	}
}

// TestTimesKeepTheirOrder: "7:30" in Urdu reads 7:30, not 30:7.
func TestTimesKeepTheirOrder(t *testing.T) {
	runs, err := Shape("sans", "", "ur", "صبح 7:30 بجے تک")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range runs {
		var b strings.Builder
		for _, g := range r.Glyphs {
			b.WriteString(g.Text)
		}
		found = found || strings.TrimSpace(b.String()) == "7:30"
	}
	if !found {
		t.Errorf("no run reads 7:30:\n%s", dump(runs))
	}
}

// TestRightToLeftLanguageStartingWithAName: in an Urdu document, text that
// starts with an English name still reads right to left ("Kayden and Mia":
// Kayden rightmost, Mia leftmost); in no particular language the first
// strong letter decides, and plain English is left alone.
func TestRightToLeftLanguageStartingWithAName(t *testing.T) {
	for _, tc := range []struct {
		name, lang, text, leftmost string
	}{
		{"Urdu document", "ur", "Kayden اور Mia", "Mia"},
		{"no language: the first letter decides", "", "Kayden اور Mia", "Kayden"},
		{"English in an Urdu document", "ur", "Kayden and Mia.", "Kayden"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runs, err := Shape("sans", "", tc.lang, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, g := range runs[0].Glyphs {
				b.WriteString(g.Text)
			}
			if got := strings.TrimSpace(b.String()); !strings.HasPrefix(got, tc.leftmost) {
				t.Errorf("leftmost run %q, want it to start with %q", got, tc.leftmost)
			}
		})
	}
}
