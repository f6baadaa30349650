package pdf

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/familynetwork/safetyplan/internal/fonts"
)

// shapeKey names a shaped string.
type shapeKey struct{ family, style, lang, s string }

// shapeCache keeps shaped words, up to maxShaped of them; when full it
// starts again. Documents repeat their words, and layout measures the same
// words that the writer then draws, so most text is shaped once.
type shapeCache struct {
	mu sync.Mutex
	m  map[shapeKey][]fonts.Run
}

const (
	maxShaped    = 1 << 15
	maxShapedLen = 64 // bytes
)

var shaped = shapeCache{m: map[shapeKey][]fonts.Run{}}

// word returns the shaped runs of s, from the cache when it can. The runs
// are shared: callers must not change them.
func (c *shapeCache) word(family, style, lang, s string) ([]fonts.Run, error) {
	k := shapeKey{family, style, lang, s}
	c.mu.Lock()
	runs, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return runs, nil
	}
	runs, err := fonts.Shape(family, style, lang, s)
	if err != nil {
		return nil, err
	}
	if len(s) > maxShapedLen {
		return runs, nil // a long string is rarely asked for again
	}
	c.mu.Lock()
	if len(c.m) >= maxShaped {
		clear(c.m)
	}
	c.m[k] = runs
	c.mu.Unlock()
	return runs, nil
}

// shapeText shapes a line of text (already normalised). Text with no
// right-to-left letters is shaped word by word, through the cache, and the
// words' runs joined: the result is the same as shaping the whole line but
// for kerning across a space, which the fonts do not have. Text with
// right-to-left letters is shaped whole, since the bidi algorithm orders
// words across the line.
func shapeText(family, style, lang, s string) ([]fonts.Run, error) {
	if s == "" {
		return nil, nil
	}
	if hasRTL(s) || !strings.Contains(s, " ") {
		return shaped.word(family, style, lang, s)
	}
	var out []fonts.Run
	at := 0 // the rune index where the word starts in s
	for i, w := range strings.Split(s, " ") {
		if i > 0 {
			sp, err := shaped.word(family, style, lang, " ")
			if err != nil {
				return nil, err
			}
			out = appendRuns(out, sp, at)
			at++
		}
		if w == "" {
			continue
		}
		runs, err := shaped.word(family, style, lang, w)
		if err != nil {
			return nil, err
		}
		out = appendRuns(out, runs, at)
		at += utf8.RuneCountInString(w)
	}
	return out, nil
}

// appendRuns appends runs to out, merging a run into the last one when
// they share a font and direction, and moves their clusters by at (where
// the word starts in the line). Cached runs are never changed: each run in
// out owns its glyphs, copied once when it starts.
func appendRuns(out, runs []fonts.Run, at int) []fonts.Run {
	for _, r := range runs {
		n := len(out)
		if n == 0 || out[n-1].Font != r.Font || out[n-1].RTL != r.RTL {
			out = append(out, fonts.Run{Font: r.Font, RTL: r.RTL, Glyphs: make([]fonts.Glyph, 0, 4*len(r.Glyphs))})
			n++
		}
		last := &out[n-1]
		k := len(last.Glyphs)
		last.Glyphs = append(last.Glyphs, r.Glyphs...)
		for j := k; j < len(last.Glyphs); j++ {
			last.Glyphs[j].Cluster += at
		}
	}
	return out
}

// hasRTL reports whether s holds a right-to-left letter (Hebrew, Arabic,
// Syriac, Thaana, N'Ko and their presentation forms), quickly for ASCII.
func hasRTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return strings.ContainsFunc(s[i:], rtl)
		}
	}
	return false
}

func rtl(r rune) bool {
	return r >= 0x0590 && r <= 0x08ff || r >= 0xfb1d && r <= 0xfdff || r >= 0xfe70 && r <= 0xfeff ||
		r >= 0x10800 && unicode.In(r, unicode.Arabic, unicode.Hebrew)
}
