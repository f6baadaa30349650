package fonts

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	assets "github.com/familynetwork/safetyplan/assets/fonts"
)

// Face is one embedded font file.
type Face struct {
	// Family is the name documents use: "sans" or "andika".
	Family string
	// Style is "", "B", "I" or "BI".
	Style string
	// File is the file name in the embedded assets.
	File string
}

// Faces lists every embedded face in a fixed order.
var Faces = []Face{
	{"sans", "", "NotoSans-Regular.ttf"},
	{"sans", "B", "NotoSans-Bold.ttf"},
	{"sans", "I", "NotoSans-Italic.ttf"},
	{"sans", "BI", "NotoSans-BoldItalic.ttf"},
	{"andika", "", "Andika-Regular.ttf"},
	{"andika", "B", "Andika-Bold.ttf"},
}

var (
	loadOnce sync.Once
	data     map[string][]byte
	coverage map[string]map[rune]bool
	loadErr  error
)

func load() {
	data = map[string][]byte{}
	coverage = map[string]map[rune]bool{}
	for _, f := range Faces {
		b, err := assets.FS.ReadFile(f.File)
		if err != nil {
			loadErr = fmt.Errorf("fonts: %w", err)
			return
		}
		data[f.File] = b
		runes, err := cmapRunes(b)
		if err != nil {
			loadErr = fmt.Errorf("fonts: %s: %w", f.File, err)
			return
		}
		coverage[f.File] = runes
	}
}

// Bytes returns the TrueType data of a face's file.
func Bytes(file string) ([]byte, error) {
	loadOnce.Do(load)
	if loadErr != nil {
		return nil, loadErr
	}
	b, ok := data[file]
	if !ok {
		return nil, fmt.Errorf("fonts: no embedded font %q", file)
	}
	return b, nil
}

// Has reports whether r can be drawn in every face of the family: by the
// face itself or by a font of its fallback chain (the script fonts).
func Has(family string, r rune) bool {
	loadOnce.Do(load)
	if loadErr != nil {
		return false
	}
	for _, f := range Faces {
		if f.Family == family && !coverage[f.File][r] && !scriptHas(f.Style, r) {
			return false
		}
	}
	return true
}

// scriptHas reports whether a script font of the chain for style has r.
func scriptHas(style string, r rune) bool {
	for _, file := range Chain("sans", style, "")[1:] {
		f, err := Load(file)
		if err == nil && f.Has(r) {
			return true
		}
	}
	return false
}

// Normalize replaces punctuation variants the fonts lack with an agreed
// equivalent (a non-breaking hyphen with a hyphen, say) and drops soft
// hyphens and other invisible characters that carry no meaning on paper.
func Normalize(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < 0x80 && s[i] != '\t' && s[i] != '\r'
	}
	if ascii || !strings.ContainsFunc(s, func(r rune) bool { _, ok := equivalents[r]; return ok }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if rep, ok := equivalents[r]; ok {
			b.WriteString(rep)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var equivalents = map[rune]string{
	'\u2010': "-", '\u2011': "-", '\u2012': "–", '\u2015': "—", '\u2212': "-",
	'\u00ad': "", '\u200b': "", '\ufeff': "", '\u2060': "",
	'\u2028': "\n", '\u2029': "\n", '\u00a0': " ", '\u202f': " ", '\u2009': " ", '\u200a': " ",
	'\u2018': "‘", '\u2019': "’", '\u201c': "“", '\u201d': "”",
	'\u2039': "‹", '\u203a': "›", '\u2026': "…",
	'\t': " ", '\r': "",
}

// Missing returns the characters of s (after Normalize) that the family
// cannot draw, each once, in order of first appearance.
func Missing(family, s string) []rune {
	s = Normalize(s)
	var out []rune
	var ascii *[128]bool
	for _, r := range s {
		if r < 128 { // most text: the family's ASCII, looked up once
			if ascii == nil {
				ascii = asciiIn(family)
			}
			if ascii[r] || r == '\n' {
				continue
			}
		}
		if slices.Contains(out, r) || Has(family, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// asciiCover holds, per family, which ASCII characters it has.
var asciiCover sync.Map // family -> *[128]bool

// asciiIn returns which ASCII characters the family has.
func asciiIn(family string) *[128]bool {
	if t, ok := asciiCover.Load(family); ok {
		return t.(*[128]bool)
	}
	var t [128]bool
	for r := range t {
		t[r] = Has(family, rune(r))
	}
	if loadErr != nil {
		return &t // not kept: a font that failed to load covers nothing
	}
	v, _ := asciiCover.LoadOrStore(family, &t)
	return v.(*[128]bool)
}

// Describe names characters for a person: `"ع" (U+0639, Arabic)`.
func Describe(rs []rune) string {
	parts := make([]string, 0, len(rs))
	for i, r := range rs {
		if i == 8 {
			parts = append(parts, fmt.Sprintf("and %d more", len(rs)-8))
			break
		}
		parts = append(parts, fmt.Sprintf("%q (U+%04X%s)", string(r), r, script(r)))
	}
	return strings.Join(parts, ", ")
}

func script(r rune) string {
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name != "Common" && name != "Inherited" && unicode.Is(unicode.Scripts[name], r) {
			return ", " + name
		}
	}
	if unicode.Is(unicode.So, r) {
		return ", a symbol or emoji"
	}
	return ""
}
