package layout

import (
	"strings"
	"unicode/utf8"
)

// Measurer measures text in a font. The PDF backend provides one from the
// real fonts; tests may use a fixed-width one.
type Measurer interface {
	Width(f Font, s string) float64
}

// Span is a run of text in one font, colour and link: the unit a
// paragraph is built from.
type Span struct {
	Text  string
	Font  Font
	Color Color
	Link  string
}

// word is an unbreakable piece of a line with the space that follows it.
type word struct {
	span    int // index of its span
	text    string
	w       float64
	spaceW  float64
	space   bool // a space follows
	newline bool // a hard break follows
}

// TextLine is one line of a wrapped paragraph, with items relative to the
// line's top-left corner.
type TextLine struct {
	H     float64
	W     float64
	Items []Text
}

// Wrap breaks spans into lines no wider than width. A word wider than the
// line is broken between characters, so nothing ever runs off the page.
func Wrap(m Measurer, spans []Span, width float64) []TextLine {
	words := splitWords(m, spans, width)
	var lines []TextLine
	var cur []word
	var curW float64
	flush := func() {
		lines = append(lines, buildLine(spans, cur))
		cur, curW = nil, 0
	}
	for _, w := range words {
		add := w.w
		if len(cur) > 0 && cur[len(cur)-1].space {
			add += cur[len(cur)-1].spaceW
		}
		if len(cur) > 0 && curW+add > width+0.01 {
			flush()
			add = w.w
		}
		cur = append(cur, w)
		curW += add
		if w.newline {
			flush()
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, buildLine(spans, cur))
	}
	return lines
}

func splitWords(m Measurer, spans []Span, width float64) []word {
	var out []word
	for i, sp := range spans {
		text := sp.Text
		for text != "" {
			piece, sep := text, byte(0)
			if j := strings.IndexAny(text, " \n"); j >= 0 {
				piece, sep, text = text[:j], text[j], text[j+1:]
			} else {
				text = ""
			}
			if piece != "" {
				for _, part := range breakLong(m, sp.Font, piece, width) {
					out = append(out, word{span: i, text: part, w: m.Width(sp.Font, part)})
				}
			}
			switch {
			case sep == 0:
			case len(out) == 0 || (sep == '\n' && out[len(out)-1].newline):
				if sep == '\n' {
					out = append(out, word{span: i, newline: true})
				}
			case sep == '\n':
				out[len(out)-1].newline = true
			case !out[len(out)-1].newline:
				last := &out[len(out)-1]
				last.space, last.spaceW = true, m.Width(spans[last.span].Font, " ")
			}
		}
	}
	return out
}

// breakLong splits a word wider than width into pieces that fit.
func breakLong(m Measurer, f Font, s string, width float64) []string {
	if m.Width(f, s) <= width {
		return []string{s}
	}
	var parts []string
	addr := isAddress(s)
	for s != "" {
		// Binary search for the longest prefix that fits (at least one rune).
		lo, hi := 1, utf8.RuneCountInString(s)
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if m.Width(f, prefix(s, mid)) <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		p := addressBreak(addr, s, prefix(s, lo))
		parts = append(parts, p)
		s = s[len(p):]
	}
	return parts
}

func prefix(s string, runes int) string {
	i := 0
	for n := 0; n < runes && i < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// buildLine merges consecutive words of the same span into Text items.
func buildLine(spans []Span, ws []word) TextLine {
	h := 0.0
	for _, w := range ws {
		h = max(h, spans[w.span].Font.LineHeight())
	}
	if len(ws) == 0 && len(spans) > 0 {
		h = spans[0].Font.LineHeight()
	}
	var line TextLine
	x := 0.0
	for i := 0; i < len(ws); {
		j := i
		var b strings.Builder
		w := 0.0
		for ; j < len(ws) && ws[j].span == ws[i].span; j++ {
			b.WriteString(ws[j].text)
			w += ws[j].w
			if ws[j].space && j+1 < len(ws) {
				if ws[j+1].span == ws[i].span {
					b.WriteByte(' ')
				}
				w += ws[j].spaceW
			}
		}
		sp := spans[ws[i].span]
		txt := strings.TrimRight(b.String(), " ")
		if txt != "" {
			line.Items = append(line.Items, Text{X: x, Y: 0, W: w, Font: sp.Font, Color: sp.Color, Text: txt, Link: sp.Link})
		}
		x += w
		i = j
	}
	line.H, line.W = h, x
	return line
}
