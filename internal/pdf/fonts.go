package pdf

import (
	"sync"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/familynetwork/safetyplan/internal/fonts"
)

// addFonts registers every embedded face with f.
//
// Every document pays for this: fpdf (v0.12.0) parses each TrueType file
// again and hashes its 65,536-entry width table through encoding/json to
// name the font (generateFontID in def.go), and fpdf offers no way to hand
// a document a font parsed earlier: the parsed definition (fontDefType) and
// the Fpdf's font map are unexported, and AddUTF8FontFromBytes is the only
// way in for a UTF-8 font. Nor can a document register only the faces it
// uses: fpdf writes every registered font into the file (putfonts), so that
// would change the bytes of every existing document.
func addFonts(f *fpdf.Fpdf) {
	for _, face := range fonts.Faces {
		b, err := fonts.Bytes(face.File)
		if err != nil {
			f.SetError(err)
			return
		}
		f.AddUTF8FontFromBytes(face.Family, face.Style, b)
	}
}

// newFpdf returns a new document set up by init with every embedded face
// registered: fpdf.NewCustom followed by addFonts.
//
// Registering the fonts is about half of what a document costs and the
// same work every time, so for each set-up a document has asked for, one
// such Fpdf is kept ready, made in the background as soon as the last one
// is taken. A document that finds one ready skips the font work; one that
// does not (the first of its kind, or one arriving while the next is still
// being made) registers the fonts itself. This takes the fonts off a
// document's critical path when a core is free, as on a lightly loaded
// server; it saves no CPU time, so under full load it changes nothing but
// who does the work. Each ready Fpdf holds its parsed fonts, about 7 MB,
// and at most maxPrepared set-ups are kept.
// The result does not depend on which path was taken: fpdf keeps no state
// from registering fonts other than the fonts themselves.
func newFpdf(init fpdf.InitType) *fpdf.Fpdf {
	k := init
	prepared.mu.Lock()
	f := prepared.ready[k]
	delete(prepared.ready, k)
	_, known := prepared.kinds[k]
	refill := !prepared.making[k] && (known || len(prepared.kinds) < maxPrepared)
	if refill {
		prepared.kinds[k] = struct{}{}
		prepared.making[k] = true
	}
	prepared.mu.Unlock()
	if refill {
		go func() {
			g := fpdf.NewCustom(&k)
			addFonts(g)
			prepared.mu.Lock()
			prepared.ready[k] = g
			delete(prepared.making, k)
			prepared.mu.Unlock()
		}()
	}
	if f == nil {
		f = fpdf.NewCustom(&init)
		addFonts(f)
	}
	return f
}

// maxPrepared bounds the set-ups newFpdf keeps an Fpdf ready for (the
// documents use one or two); others register their fonts on the spot.
const maxPrepared = 4

// prepared holds the Fpdfs newFpdf keeps ready, at most one per set-up,
// which set-ups have one being made, and which it keeps them for.
var prepared = struct {
	mu     sync.Mutex
	ready  map[fpdf.InitType]*fpdf.Fpdf
	making map[fpdf.InitType]bool
	kinds  map[fpdf.InitType]struct{}
}{ready: map[fpdf.InitType]*fpdf.Fpdf{}, making: map[fpdf.InitType]bool{}, kinds: map[fpdf.InitType]struct{}{}}

// tableRunes is how many characters a width table covers: fpdf keeps the
// widths of the Basic Multilingual Plane only.
const tableRunes = 1 << 16

// widthTable holds one face's advance widths in glyph units (thousandths
// of the font size), as fpdf's GetStringSymbolWidth counts them.
type widthTable struct {
	family, style string
	w             [tableRunes]int32
	// beyond is the width fpdf gives a character outside the table: the
	// font's missing width, or 500 when it has none.
	beyond int32
}

// sum returns the width of s in glyph units, the same integer fpdf's
// GetStringSymbolWidth returns for it.
func (t *widthTable) sum(s string) int {
	w := 0
	for _, r := range s {
		if r < tableRunes {
			w += int(t.w[r])
		} else {
			w += int(t.beyond)
		}
	}
	return w
}

// readWidths asks f, which has every embedded face registered, for the
// width of each character of the Basic Multilingual Plane in each face, so
// that the tables agree with fpdf by construction: the widths fpdf reads
// from the font, its rounding, its 65535 marker for zero-width glyphs and
// its default for characters the font lacks. GetStringSymbolWidth adds the
// characters' widths one by one, so the sum over a string is what fpdf
// would return for the whole string.
func readWidths(f *fpdf.Fpdf) []*widthTable {
	tables := make([]*widthTable, 0, len(fonts.Faces))
	buf := make([]byte, 0, utf8.UTFMax)
	for _, face := range fonts.Faces {
		f.SetFont(face.Family, face.Style, 10)
		t := &widthTable{family: face.Family, style: face.Style}
		for r := range rune(tableRunes) {
			// A surrogate cannot come out of ranging over a string, so
			// its entry is never read; encoding it gives U+FFFD.
			buf = utf8.AppendRune(buf[:0], r)
			t.w[r] = int32(f.GetStringSymbolWidth(string(buf)))
		}
		// fpdf indexes its table with the character's code after checking
		// len(table) >= code, so U+10000 itself would index past the end
		// and panic; every character above it gets the missing width,
		// which this one stands for.
		t.beyond = int32(f.GetStringSymbolWidth("\U0001F600"))
		tables = append(tables, t)
	}
	return tables
}
