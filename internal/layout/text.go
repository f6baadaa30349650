package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Measurer measures text in a font. The PDF backend provides one from the
// real fonts; tests may use a fixed-width one.
type Measurer interface {
	Width(f Font, s string) float64
}

// Direction is an optional part of a Measurer: whether the document it
// measures for flows right to left (Urdu, Arabic, Farsi, Pashto), so that
// its tables mirror their columns. A paragraph's own direction still comes
// from its text (RightToLeft).
type Direction interface {
	RightToLeft() bool
}

// rightToLeftDocument reports whether m measures for a right-to-left
// document.
func rightToLeftDocument(m Measurer) bool {
	d, ok := m.(Direction)
	return ok && d.RightToLeft()
}

// Leading is an optional part of a Measurer: the height of a line holding
// text s in font f, where the font the script is drawn in needs more than
// Font.LineHeight (Nastaliq's letters climb and fall far from the line).
type Leading interface {
	LineHeight(f Font, s string) float64
}

// Breaker is an optional part of a Measurer: where text may break, by the
// Unicode rules (the PDF backend's measurer has it). Without it, lines
// break at spaces only and a word too long for its line is cut between
// characters.
type Breaker interface {
	// LineBreaks returns the byte offsets in s, other than 0 and len(s),
	// before which a line may break (UAX #14).
	LineBreaks(s string) []int
	// GraphemeBreaks returns the byte offsets in s where each grapheme
	// cluster after the first begins (UAX #29).
	GraphemeBreaks(s string) []int
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
		lines = append(lines, buildLine(m, spans, cur))
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
		lines = append(lines, buildLine(m, spans, cur))
	}
	if ReadsRightToLeft(m, spans) {
		for i := range lines {
			mirror(&lines[i], width)
		}
	}
	return lines
}

// RightToLeft reports whether text in spans reads right to left: whether
// its first strong letter is Arabic, Hebrew or of another right-to-left
// script (the paragraph direction of UAX #9, rules P2 and P3).
func RightToLeft(spans []Span) bool {
	for _, sp := range spans {
		for _, r := range sp.Text {
			switch {
			case r >= 0x0590 && r <= 0x08ff, r >= 0xfb1d && r <= 0xfdff, r >= 0xfe70 && r <= 0xfeff:
				return true
			case unicode.IsLetter(r):
				return false
			}
		}
	}
	return false
}

// ReadsRightToLeft reports whether a paragraph of spans is set right to
// left: by its first strong letter (RightToLeft), except that in a
// right-to-left document (Direction) any right-to-left letter makes it so,
// even after an English name ("Kayden اور Mia …").
func ReadsRightToLeft(m Measurer, spans []Span) bool {
	if !rightToLeftDocument(m) {
		return RightToLeft(spans)
	}
	for _, sp := range spans {
		for _, r := range sp.Text {
			if r >= 0x0590 && r <= 0x08ff || r >= 0xfb1d && r <= 0xfdff || r >= 0xfe70 && r <= 0xfeff {
				return true
			}
		}
	}
	return false
}

// mirror sets a right-to-left line from the right edge of width: its
// first span rightmost, each span's text in its place (the writer orders
// the words inside a span by the bidi algorithm).
func mirror(l *TextLine, width float64) {
	for i := range l.Items {
		it := &l.Items[i]
		it.X = width - it.X - it.W
	}
}

func splitWords(m Measurer, spans []Span, width float64) []word {
	var out []word
	spaceW, spaceOf := 0.0, -1 // the width of a space in span spaceOf
	for i, sp := range spans {
		text := sp.Text
		for text != "" {
			piece, sep := text, byte(0)
			if j := strings.IndexAny(text, " \n"); j >= 0 {
				piece, sep, text = text[:j], text[j], text[j+1:]
			} else {
				text = ""
			}
			// Each piece between spaces is measured once: only a piece
			// that may break inside (after a hyphen, say) or is too wide
			// for the line is cut and its parts measured again.
			last := 0
			if b, ok := m.(Breaker); ok && piece != "" {
				for _, at := range b.LineBreaks(piece) {
					if at > last && at < len(piece) {
						out = appendPart(out, m, sp.Font, i, piece[last:at], width)
						last = at
					}
				}
			}
			if piece != "" {
				out = appendPart(out, m, sp.Font, i, piece[last:], width)
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
				if spaceOf != last.span {
					spaceW, spaceOf = m.Width(spans[last.span].Font, " "), last.span
				}
				last.space, last.spaceW = true, spaceW
			}
		}
	}
	return out
}

// appendPart appends a piece of text that no line may break inside, as
// one word, or as several when it is wider than the line.
func appendPart(out []word, m Measurer, f Font, span int, s string, width float64) []word {
	if w := m.Width(f, s); w <= width {
		return append(out, word{span: span, text: s, w: w})
	}
	for _, part := range breakLong(m, f, s, width) {
		out = append(out, word{span: span, text: part, w: m.Width(f, part)})
	}
	return out
}

// breakLong splits a word wider than width into pieces that fit.
func breakLong(m Measurer, f Font, s string, width float64) []string {
	if m.Width(f, s) <= width {
		return []string{s}
	}
	if b, ok := m.(Breaker); ok {
		return breakGraphemes(m, b, f, s, width)
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

// breakGraphemes cuts a word too wide for its line between grapheme
// clusters, never inside one (a letter and its marks, a conjunct), adding
// the clusters' widths one by one: linear in the word's length.
func breakGraphemes(m Measurer, b Breaker, f Font, s string, width float64) []string {
	var parts []string
	start, w, prev := 0, 0.0, 0
	for _, at := range append(b.GraphemeBreaks(s), len(s)) {
		gw := m.Width(f, s[prev:at])
		if w+gw > width && prev > start {
			parts = append(parts, s[start:prev])
			start, w = prev, 0
		}
		w += gw
		prev = at
	}
	return append(parts, s[start:])
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
// Where a script's font needs a taller line (Leading), the text sits in
// the middle of it.
func buildLine(m Measurer, spans []Span, ws []word) TextLine {
	h, lead := 0.0, 0.0
	leading, _ := m.(Leading)
	for _, w := range ws {
		f := spans[w.span].Font
		h = max(h, f.LineHeight())
		if leading != nil {
			lead = max(lead, leading.LineHeight(f, w.text))
		}
	}
	if len(ws) == 0 && len(spans) > 0 {
		h = spans[0].Font.LineHeight()
	}
	y := 0.0
	if lead > h {
		y, h = (lead-h)/2, lead
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
			line.Items = append(line.Items, Text{X: x, Y: y, W: w, Font: sp.Font, Color: sp.Color, Text: txt, Link: sp.Link})
		}
		x += w
		i = j
	}
	line.H, line.W = h, x
	return line
}
