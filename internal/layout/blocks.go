package layout

// Paragraph is wrapped text, optionally after a bullet or number.
type Paragraph struct {
	Spans       []Span
	Bullet      string  // "•", "3." or ""
	Indent      float64 // left indent of the text, mm
	SpaceAfter  float64
	KeepLines   bool // keep all lines on one page when it can
	KeepWithNxt bool // keep the last line with the next block: a heading, which never ends a page
	// Role is the paragraph's structure type for assistive technology
	// ("H2", say); "" infers it: "LI" with a bullet, a heading for bold
	// text alone (H1 from 18 pt, H2 from 14 pt, H3 when kept with what
	// follows), "P" otherwise.
	Role string
}

// role returns the paragraph's structure type.
func (p Paragraph) role() string {
	if p.Role != "" {
		return p.Role
	}
	if p.Bullet != "" {
		return "LI"
	}
	bold, size := len(p.Spans) > 0, 0.0
	for _, s := range p.Spans {
		bold = bold && (s.Font.Style == "B" || s.Font.Style == "BI")
		size = max(size, s.Font.Size)
	}
	switch {
	case bold && size >= 18:
		return "H1"
	case bold && size >= 14:
		return "H2"
	case bold && p.KeepWithNxt:
		return "H3"
	}
	return "P"
}

// Strips returns a strip per line.
func (p Paragraph) Strips(m Measurer, width float64) []Strip {
	indent := p.Indent
	var bulletW float64
	if p.Bullet != "" && len(p.Spans) > 0 {
		bulletW = max(m.Width(p.Spans[0].Font, p.Bullet)+1.5, 5)
	}
	lines := Wrap(m, p.Spans, width-indent-bulletW)
	out := make([]Strip, 0, len(lines)+1)
	el := &Element{Role: p.role()}
	rtl := ReadsRightToLeft(m, p.Spans)
	body := el
	if el.Role == "LI" {
		body = &Element{Role: "LBody", Parent: el}
	}
	for i, l := range lines {
		s := Strip{H: l.H, KeepWithNext: p.KeepLines || (i == len(lines)-1 && p.KeepWithNxt) || (i == 0 && len(lines) > 1), Heading: p.KeepWithNxt}
		// A right-to-left paragraph has its bullet and indent on the right.
		bx, tx := indent, indent+bulletW
		if rtl {
			bx, tx = width-indent-bulletW, 0
		}
		if i == 0 && p.Bullet != "" {
			f := p.Spans[0]
			s.Items = append(s.Items, Text{X: bx, W: bulletW, Font: Font{f.Font.Family, "", f.Font.Size}, Color: f.Color, Text: p.Bullet, El: &Element{Role: "Lbl", Parent: el}})
		}
		for _, t := range l.Items {
			t.El = body
			s.Items = append(s.Items, Translate(t, tx, 0))
		}
		out = append(out, s)
	}
	if len(out) > 1 {
		out[len(out)-2].KeepWithNext = true // no widows
	}
	if p.SpaceAfter > 0 {
		if p.KeepWithNxt {
			out[len(out)-1].KeepWithNext = true
		}
		out = append(out, Strip{H: p.SpaceAfter, Discardable: true, KeepWithNext: p.KeepWithNxt})
	}
	return out
}

// Space is vertical white space, dropped at the top of a page.
type Space float64

// Strips returns one discardable strip.
func (s Space) Strips(Measurer, float64) []Strip {
	return []Strip{{H: float64(s), Discardable: true}}
}

// PageBreak starts a new page.
type PageBreak struct{}

// Strips returns an empty strip that breaks the page.
func (PageBreak) Strips(Measurer, float64) []Strip { return []Strip{{BreakBefore: true}} }

// Fixed is a drawing of known height (a chart, signature lines, a cover
// panel): it is never split. Its items are relative to its top-left corner.
type Fixed struct {
	H            float64
	Items        []Item
	KeepWithNext bool
	Kind         string // what it is, for Dump; "fixed" when empty
}

// Strips returns the drawing as one strip.
func (f Fixed) Strips(Measurer, float64) []Strip {
	return []Strip{{H: f.H, Items: f.Items, KeepWithNext: f.KeepWithNext, Kind: f.Kind}}
}

// Group keeps its blocks together on one page when they fit on one.
type Group []Block

// Strips returns the strips of every block, chained together.
func (g Group) Strips(m Measurer, width float64) []Strip {
	var out []Strip
	for _, b := range g {
		out = append(out, b.Strips(m, width)...)
	}
	for i := 0; i < len(out)-1; i++ {
		out[i].KeepWithNext, out[i].Together = true, true
	}
	return out
}

// Func is a block computed at layout time from the width.
type Func func(m Measurer, width float64) []Strip

// Strips calls the function.
func (f Func) Strips(m Measurer, width float64) []Strip { return f(m, width) }

// Tight lays out its blocks with every discardable space (the spacing
// between paragraphs, above headings) scaled by Factor: a way to fit a
// page's worth of content on one page without making its text smaller.
type Tight struct {
	Blocks []Block
	Factor float64
}

// Strips returns the blocks' strips with their spacing scaled.
func (t Tight) Strips(m Measurer, width float64) []Strip {
	var out []Strip
	for _, b := range t.Blocks {
		for _, s := range b.Strips(m, width) {
			if s.Kind == "" {
				s.Kind = kindOf(b)
			}
			out = append(out, s)
		}
	}
	return tighten(out, t.Factor)
}
