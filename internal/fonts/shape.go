package fonts

import (
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Glyph is one shaped glyph. Lengths are in thousandths of an em (a PDF's
// text space units), x to the right and y up.
type Glyph struct {
	ID               uint16
	Advance          float64
	XOffset, YOffset float64
	// Text is the text of the glyph's cluster, on the cluster's first
	// glyph in logical order; the others have "".
	Text string
	// Cluster is the index of the cluster's first character in the
	// shaped text: glyphs of one cluster share it and are adjacent.
	Cluster int
}

// Run is a stretch of shaped text in one font and direction. Its glyphs
// are in visual order, left to right.
type Run struct {
	Font   *Font
	RTL    bool
	Glyphs []Glyph
}

// Advance returns the run's width in thousandths of an em.
func (r Run) Advance() float64 {
	w := 0.0
	for _, g := range r.Glyphs {
		w += g.Advance
	}
	return w
}

// Shape shapes s in the face family/style for language lang with
// go-text's HarfBuzz port: it splits the text by bidi level (UAX #9),
// script and font (the family's fallback chain), shapes each piece, and
// returns the runs in visual order. A character no font in the chain has
// is drawn with the first font's .notdef glyph (check Missing first). It
// is safe for concurrent use.
func Shape(family, style, lang, s string) ([]Run, error) {
	if s == "" {
		return nil, nil
	}
	chain, err := loadChain(family, style, lang)
	if err != nil {
		return nil, err
	}
	sh := shapers.Get().(*shaper)
	defer shapers.Put(sh)
	return sh.shape(chain, lang, s), nil
}

// Width returns the shaped width of s in thousandths of an em.
func Width(family, style, lang, s string) (float64, error) {
	runs, err := Shape(family, style, lang, s)
	w := 0.0
	for _, r := range runs {
		w += r.Advance()
	}
	return w, err
}

type chainKey struct{ family, style, lang string }

var (
	chainsMu sync.Mutex
	chains   = map[chainKey][]*Font{}
)

func loadChain(family, style, lang string) ([]*Font, error) {
	urdu := len(lang) >= 2 && (lang[:2] == "ur" || lang[:2] == "UR")
	k := chainKey{family, style, ""}
	if urdu {
		k.lang = "ur"
	}
	chainsMu.Lock()
	c, ok := chains[k]
	chainsMu.Unlock()
	if ok {
		return c, nil
	}
	for _, file := range Chain(family, style, k.lang) {
		f, err := Load(file)
		if err != nil {
			return nil, err
		}
		c = append(c, f)
	}
	chainsMu.Lock()
	chains[k] = c
	chainsMu.Unlock()
	return c, nil
}

// shaper holds what shaping needs that is not safe to share: go-text's
// faces (glyph caches), its shaper and segmenter, and a bidi paragraph.
// A pool keeps one per goroutine that shapes at the same time.
type shaper struct {
	hb    shaping.HarfbuzzShaper
	seg   shaping.Segmenter
	para  bidi.Paragraph
	faces map[*Font]*font.Face
	fonts map[*font.Face]*Font
	runes []rune
}

var shapers = sync.Pool{New: func() any {
	return &shaper{faces: map[*Font]*font.Face{}, fonts: map[*font.Face]*Font{}}
}}

func (sh *shaper) face(f *Font) *font.Face {
	fc, ok := sh.faces[f]
	if !ok {
		fc = font.NewFace(f.parsed)
		sh.faces[f] = fc
		sh.fonts[fc] = f
	}
	return fc
}

// fontmap picks the first font of a chain that has a character.
type fontmap struct {
	sh    *shaper
	chain []*Font
}

func (m fontmap) ResolveFace(r rune) *font.Face {
	for _, f := range m.chain {
		if f.Has(r) {
			return m.sh.face(f)
		}
	}
	return m.sh.face(m.chain[0])
}

// levelRun is a stretch of one bidi level, as shaped pieces.
type levelRun struct {
	level bidi.Level
	runs  []Run
}

func (sh *shaper) shape(chain []*Font, lang, s string) []Run {
	sh.runs(isolateNumbers(s))
	text := sh.runes
	lg := language.NewLanguage(lang)
	// A paragraph's direction comes from its first strong letter (UAX #9,
	// P2), except that in a right-to-left language text holding any
	// right-to-left letter reads right to left even when it starts with
	// an English name (a higher-level protocol, HL1): "Kayden اور Mia".
	dir := bidi.Neutral
	if RightToLeftLanguage(lang) && slices.ContainsFunc(text, rightToLeftLetter) {
		dir = bidi.RightToLeft
	}
	levels := sh.para.Segment(text, dir)
	var pieces []levelRun
	fm := fontmap{sh, chain}
	for i := range levels.NumRuns() {
		br := levels.Run(i)
		in := shaping.Input{Text: text, RunStart: br.Start, RunEnd: br.End, Direction: di.DirectionLTR,
			Face: sh.face(chain[0]), Size: fixed.I(1000), Language: lg}
		if !br.IsLeftToRight() {
			in.Direction = di.DirectionRTL
		}
		lr := levelRun{level: br.Level}
		for _, part := range sh.seg.Split(in, fm) {
			if r := sh.shapeOne(part, text); len(r.Glyphs) > 0 {
				lr.runs = append(lr.runs, r)
			}
		}
		if !br.IsLeftToRight() {
			for a, b := 0, len(lr.runs)-1; a < b; a, b = a+1, b-1 {
				lr.runs[a], lr.runs[b] = lr.runs[b], lr.runs[a]
			}
		}
		pieces = append(pieces, lr)
	}
	reorder(pieces)
	var out []Run
	for _, p := range pieces {
		out = append(out, p.runs...)
	}
	return out
}

// reorder puts level runs in visual order (UAX #9 rule L2): from the
// highest level down to the lowest odd level, reverse every sequence of
// runs at that level or higher.
func reorder(p []levelRun) {
	hi, lo := bidi.Level(0), bidi.Level(127)
	for _, r := range p {
		hi = max(hi, r.level)
		if r.level%2 == 1 {
			lo = min(lo, r.level)
		}
	}
	for lvl := hi; lvl >= lo && lvl > 0; lvl-- {
		for i := 0; i < len(p); {
			if p[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(p) && p[j].level >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				p[a], p[b] = p[b], p[a]
			}
			i = j
		}
	}
}

// shapeOne shapes one piece of one font, script and direction. Shaping at
// a size of 1000 gives lengths in thousandths of an em directly.
func (sh *shaper) shapeOne(in shaping.Input, text []rune) Run {
	in.Size = fixed.I(1000)
	out := sh.hb.Shape(in)
	r := Run{Font: sh.fonts[out.Face], RTL: in.Direction.Progression() == di.TowardTopLeft, Glyphs: make([]Glyph, len(out.Glyphs))}
	if r.Font == nil {
		r.Font = sh.fonts[in.Face]
	}
	seen := -1
	kept := r.Glyphs[:0]
	for i, g := range out.Glyphs {
		if isolateMark(text[g.TextIndex()]) && g.RunesCount() == 1 {
			continue // an isolate added by isolateNumbers draws nothing
		}
		gl := Glyph{ID: uint16(g.GlyphID), Advance: fx(g.Advance), XOffset: fx(g.XOffset), YOffset: fx(g.YOffset), Cluster: g.TextIndex()}
		first := g.TextIndex() != seen
		if r.RTL {
			// In RTL glyphs come right to left in the visual order; the
			// cluster's logical first glyph is its last one here.
			first = i == len(out.Glyphs)-1 || out.Glyphs[i+1].TextIndex() != g.TextIndex()
		}
		if first {
			end := min(g.TextIndex()+g.RunesCount(), len(text))
			gl.Text = string(text[g.TextIndex():end])
		}
		seen = g.TextIndex()
		kept = append(kept, gl)
	}
	r.Glyphs = kept
	return r
}

func fx(v fixed.Int26_6) float64 { return float64(v) / 64 }

func (sh *shaper) runs(s string) {
	sh.runes = sh.runes[:0]
	if cap(sh.runes) < utf8.RuneCountInString(s) {
		sh.runes = make([]rune, 0, len(s))
	}
	for _, r := range s {
		sh.runes = append(sh.runes, r)
	}
}

// rightToLeftLetter reports whether r is a letter of a right-to-left
// script (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation
// forms).
func rightToLeftLetter(r rune) bool {
	return r >= 0x0590 && r <= 0x08ff || r >= 0xfb1d && r <= 0xfdff || r >= 0xfe70 && r <= 0xfeff
}
