package pdf

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/go-text/typesetting/font"

	"github.com/familynetwork/safetyplan/internal/fonts"
)

// TestSubsetKeepsOutlines subsets each shipped font to the glyphs of a
// sentence and checks, with go-text reading the result, that every glyph
// kept has the same outline as in the whole font (composite glyphs
// included) and the same advance.
func TestSubsetKeepsOutlines(t *testing.T) {
	tests := []struct{ family, lang, text string }{
		{"sans", "en", "Siân and Zoë – “always” fi ffl"},
		{"sans", "ur", "یہ کیڈن اور میا کا خاندان ہے"},
		{"sans", "ar", "ستبقى الجدة معنا كل ليلة"},
		{"sans", "bn", "দিদিমা প্রতি রাতে আমাদের সাথে থাকবেন"},
		{"andika", "pa", "ਨਾਨੀ ਹਰ ਰਾਤ ਸਾਡੇ ਨਾਲ ਰਹੇਗੀ"},
		{"sans", "hi", "नानी हर रात हमारे साथ रहेंगी"},
		{"sans", "am", "አያቴ በየምሽቱ ከእኛ ጋር ትቆያለች"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			runs, err := fonts.Shape(tt.family, "", tt.lang, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			used := map[*fonts.Font]map[uint16]bool{}
			for _, r := range runs {
				if used[r.Font] == nil {
					used[r.Font] = map[uint16]bool{}
				}
				for _, g := range r.Glyphs {
					used[r.Font][g.ID] = true
				}
			}
			for f, gids := range used {
				data, err := subset(f, gids)
				if err != nil {
					t.Fatal(err)
				}
				whole, err := font.ParseTTF(bytes.NewReader(f.Data))
				if err != nil {
					t.Fatal(err)
				}
				sub, err := font.ParseTTF(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("%s: the subset does not parse: %v", f.File, err)
				}
				for g := range gids {
					a, b := whole.GlyphData(font.GID(g)), sub.GlyphData(font.GID(g))
					if fmt.Sprint(a) != fmt.Sprint(b) {
						t.Errorf("%s: glyph %d differs in the subset", f.File, g)
					}
					if whole.HorizontalAdvance(font.GID(g)) != sub.HorizontalAdvance(font.GID(g)) {
						t.Errorf("%s: glyph %d's advance differs in the subset", f.File, g)
					}
				}
			}
		})
	}
}
