package pdf

import (
	"strings"
	"sync"
	"unicode"

	"github.com/familynetwork/safetyplan/internal/fonts"
)

// faceKey names the face and language a string is shaped in.
type faceKey struct{ family, style, lang string }

// shapedWord is a shaped string: its runs in visual order, and their
// advance in thousandths of an em.
type shapedWord struct {
	runs []fonts.Run
	adv  float64
}

// shapeCache keeps shaped words, up to maxShaped of them; when full it
// starts again. Documents repeat their words, and layout measures the same
// words that the writer then draws, so most text is shaped once. Words are
// kept by face and language, then by text, so that a line looks its face
// up once and each word hashes only its own text.
type shapeCache struct {
	mu    sync.RWMutex
	faces map[faceKey]map[string]*shapedWord // inner maps are cleared, never replaced
	n     int                                // words kept, over every face
}

const (
	maxShaped    = 1 << 15
	maxShapedLen = 64 // bytes
)

var shaped = shapeCache{faces: map[faceKey]map[string]*shapedWord{}}

// face returns the words kept for a face and language, to look up with
// word.
func (c *shapeCache) face(family, style, lang string) map[string]*shapedWord {
	k := faceKey{family, style, lang}
	c.mu.RLock()
	m, ok := c.faces[k]
	c.mu.RUnlock()
	if ok {
		return m
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok = c.faces[k]; !ok {
		m = map[string]*shapedWord{}
		c.faces[k] = m
	}
	return m
}

// word returns s shaped in the face and language whose words are m (from
// face), from the cache when it can. The result is shared: callers must
// not change it.
func (c *shapeCache) word(m map[string]*shapedWord, family, style, lang, s string) (*shapedWord, error) {
	c.mu.RLock()
	w, ok := m[s]
	c.mu.RUnlock()
	if ok {
		return w, nil
	}
	runs, err := fonts.Shape(family, style, lang, s)
	if err != nil {
		return nil, err
	}
	w = &shapedWord{runs: runs}
	for _, r := range runs {
		w.adv += r.Advance()
	}
	if len(s) > maxShapedLen {
		return w, nil // a long string is rarely asked for again
	}
	c.mu.Lock()
	if c.n >= maxShaped {
		for _, fm := range c.faces {
			clear(fm)
		}
		c.n = 0
	}
	if _, dup := m[s]; !dup {
		m[s] = w
		c.n++
	}
	c.mu.Unlock()
	return w, nil
}

// eachWord calls f with each shaped piece of a line of text (already
// normalised), in visual order. Text with no right-to-left letters is
// shaped word by word, through the cache, spaces apart: the result is
// the same as shaping the whole line but for kerning across a space,
// which the fonts do not have. Text with right-to-left letters is shaped
// whole, since the bidi algorithm orders words across the line.
func eachWord(family, style, lang, s string, f func(*shapedWord)) error {
	if s == "" {
		return nil
	}
	m := shaped.face(family, style, lang)
	if hasRTL(s) || strings.IndexByte(s, ' ') < 0 {
		w, err := shaped.word(m, family, style, lang, s)
		if err == nil {
			f(w)
		}
		return err
	}
	var space *shapedWord
	for first := true; ; first = false {
		if !first {
			if space == nil {
				var err error
				if space, err = shaped.word(m, family, style, lang, " "); err != nil {
					return err
				}
			}
			f(space)
		}
		w, rest, more := strings.Cut(s, " ")
		if w != "" {
			sw, err := shaped.word(m, family, style, lang, w)
			if err != nil {
				return err
			}
			f(sw)
		}
		if !more {
			return nil
		}
		s = rest
	}
}

// advance returns the width of a line of text (already normalised) in
// thousandths of an em.
func advance(family, style, lang, s string) (float64, error) {
	adv := 0.0
	err := eachWord(family, style, lang, s, func(w *shapedWord) { adv += w.adv })
	return adv, err
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
