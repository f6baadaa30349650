package fonts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCoverage(t *testing.T) {
	tests := []struct {
		name, family, text string
		missing            int
	}{
		{"UK names in sans", "sans", "Siân Zoë Łukasz Wiśniewska Nováková Ó Súilleabháin Jiří Děda Ffion Gwenllian", 0},
		{"UK names in Andika", "andika", "Siân Zoë Łukasz Wiśniewska Nováková Ó Súilleabháin Jiří Děda", 0},
		{"punctuation", "sans", "“quoted” – dash — em ‘single’ … £5 €3 ½", 0},
		{"non-breaking hyphen is normalised", "sans", "co\u2011operate", 0},
		{"Arabic", "sans", "مرحبا", 0},
		{"Urdu in the child's book", "andika", "نانی ہر رات", 0},
		{"Bengali, Gurmukhi, Devanagari, Ethiopic", "sans", "আমি ਨਾਨੀ नानी አያቴ", 0},
		{"Chinese is not shipped", "sans", "你好", 2},
		{"Tamil is not shipped", "andika", "வணக்கம்", 5},
		{"emoji", "andika", "I am 😀", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Missing(tt.family, tt.text)
			if len(got) != tt.missing {
				t.Errorf("Missing = %q (%s), want %d characters", string(got), Describe(got), tt.missing)
			}
		})
	}
}

func TestDescribeNamesTheScript(t *testing.T) {
	if got := Describe([]rune("ع")); got != `"ع" (U+0639, Arabic)` {
		t.Errorf("Describe = %s", got)
	}
}

func TestEveryFaceLoads(t *testing.T) {
	for _, f := range Faces {
		b, err := Bytes(f.File)
		if err != nil || len(b) < 10000 {
			t.Errorf("%s: %v (%d bytes)", f.File, err, len(b))
		}
	}
}

// TestAddDirectory: a council's font for a script not shipped (Tamil)
// makes text in it drawable; without it the text is reported.
func TestAddDirectory(t *testing.T) {
	const tamil = "/usr/share/fonts/truetype/noto/NotoSansTamil-Regular.ttf"
	b, err := os.ReadFile(tamil)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI installs fonts-noto-core, whose Tamil font stands for a council's: %v", err)
		}
		t.Skipf("SKIPPING: no Tamil font on this machine to stand for a council's (apt-get install fonts-noto-core): %v", err)
	}
	if len(Missing("sans", "வணக்கம்")) == 0 {
		t.Fatal("Tamil is drawable before any font was added")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "NotoSansTamil-Regular.ttf"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := AddDirectory(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		parsedMu.Lock()
		extra = nil
		parsedMu.Unlock()
		chainsMu.Lock()
		clear(chains)
		chainsMu.Unlock()
	})
	if m := Missing("sans", "வணக்கம்"); len(m) != 0 {
		t.Errorf("Tamil still missing after adding a Tamil font: %s", Describe(m))
	}
	runs, err := Shape("sans", "", "ta", "வணக்கம்")
	if err != nil || len(runs) != 1 || !strings.HasSuffix(runs[0].Font.File, "NotoSansTamil-Regular.ttf") {
		t.Errorf("Tamil shaped as %+v, %v: want one run in the added font", runs, err)
	}
}

func TestRightToLeftLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang string
		rtl  bool
	}{
		{"ur", true}, {"ur-PK", true}, {"ar", true}, {"fa", true}, {"ps", true}, {"he", true},
		{"pa-Arab", true}, {"pa", false}, {"bn", false}, {"cy", false}, {"en-GB", false},
		{"", false}, {"not a tag!", false},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			if got := RightToLeftLanguage(tc.lang); got != tc.rtl {
				t.Errorf("RightToLeftLanguage(%q) = %v, want %v", tc.lang, got, tc.rtl)
			}
		})
	}
}
