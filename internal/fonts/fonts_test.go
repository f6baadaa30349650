package fonts

import "testing"

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
