package layout

// Strip is a horizontal band of a block with a known height: the unit of
// pagination. Its items are relative to its top-left corner.
type Strip struct {
	H     float64
	Items []Item
	// KeepWithNext keeps this strip on the same page as the next one. A
	// run of such strips taller than a third of the page may still break
	// (after its heading and two lines of what follows it).
	KeepWithNext bool
	// Together keeps this strip on the same page as the next one whenever
	// the whole run of Together strips takes no more than half a page: a
	// short table, a group. A taller run breaks like any other.
	Together bool
	// Heading marks a strip that must not end a page: a heading, a
	// subheading, a table's header row. The strips after it are kept with
	// it until two lines of content have followed.
	Heading bool
	// Discardable strips (spacing) are dropped at the top of a page.
	Discardable bool
	// BreakBefore starts a new page before this strip.
	BreakBefore bool
	// Repeat is drawn first when this strip has to start a new page: a
	// table's header row.
	Repeat *Strip
	// Kind names the block the strip came from ("heading", "table"), for
	// Dump. Paginate fills it in from the block's type when it is empty.
	Kind string

	block int // index of the block in the document, for Dump
}

// Block is a piece of a document that can break itself into strips at a
// given width.
type Block interface {
	Strips(m Measurer, width float64) []Strip
}

// PageSpec is the page size and its margins, in millimetres.
type PageSpec struct {
	W, H                     float64
	Left, Right, Top, Bottom float64
}

// ContentWidth is the width between the margins.
func (s PageSpec) ContentWidth() float64 { return s.W - s.Left - s.Right }

// ContentHeight is the height between the margins.
func (s PageSpec) ContentHeight() float64 { return s.H - s.Top - s.Bottom }

// Page is one laid-out page.
type Page struct {
	Items []Item
	// Placed records each strip put on the page, in order: what Dump
	// writes. Drawing needs only Items.
	Placed []Placed
}

// Placed is one strip as it was put on a page.
type Placed struct {
	Block int     // index of the block in the document
	Kind  string  // the block's kind
	Y, H  float64 // top and height, mm from the top of the page
	Text  string  // the strip's words, in order
	// Heading is true for a heading's strip, which should never end a page.
	Heading bool
}

// Paginate lays the blocks out on as many pages as they need. When the
// last page would carry only a line or two, the spacing between blocks is
// tightened, if that brings the content back onto the pages before it.
func Paginate(m Measurer, spec PageSpec, blocks []Block) []Page {
	strips := stripsOf(m, spec, blocks)
	pages := Place(spec, strips)
	if len(pages) > 1 && lonely(pages[len(pages)-1]) {
		for _, squeeze := range []float64{0.6, 0.3} {
			if tight := Place(spec, tighten(strips, squeeze)); len(tight) < len(pages) {
				return tight
			}
		}
	}
	return pages
}

// FitsOnePage reports whether the blocks fit on one page as they are,
// without tightening.
func FitsOnePage(m Measurer, spec PageSpec, blocks []Block) bool {
	return len(Place(spec, stripsOf(m, spec, blocks))) == 1
}

// stripsOf breaks every block into strips at the page's width.
func stripsOf(m Measurer, spec PageSpec, blocks []Block) []Strip {
	var strips []Strip
	for i, b := range blocks {
		for _, s := range b.Strips(m, spec.ContentWidth()) {
			s.block = i
			if s.Kind == "" {
				s.Kind = kindOf(b)
			}
			strips = append(strips, s)
		}
	}
	return strips
}

// lonely reports whether a page carries no more than a line or two of
// content: a last page worth saving.
func lonely(p Page) bool {
	h := 0.0
	for _, s := range p.Placed {
		h += s.H
	}
	return h <= 12
}

// tighten returns the strips with every discardable space scaled by f.
func tighten(strips []Strip, f float64) []Strip {
	out := make([]Strip, len(strips))
	for i, s := range strips {
		if s.Discardable && !s.BreakBefore {
			s.H *= f
		}
		out[i] = s
	}
	return out
}

// Place puts strips on pages in order.
func Place(spec PageSpec, strips []Strip) []Page {
	pages := []Page{{}}
	top, bottom := spec.Top, spec.H-spec.Bottom
	y := top
	newPage := func() {
		pages = append(pages, Page{})
		y = top
	}
	put := func(s Strip) {
		p := &pages[len(pages)-1]
		for _, it := range s.Items {
			p.Items = append(p.Items, Translate(it, spec.Left, y))
		}
		if !s.Discardable && (s.H > 0 || len(s.Items) > 0) {
			p.Placed = append(p.Placed, Placed{Block: s.block, Kind: s.Kind, Y: y, H: s.H, Text: words(s.Items), Heading: s.Heading})
		}
		y += s.H
	}
	for i := 0; i < len(strips); i++ {
		s := strips[i]
		if s.BreakBefore && y > top {
			newPage()
		}
		if s.Discardable && y == top {
			continue
		}
		need := chainHeight(strips, i, spec.ContentHeight())
		if y+need > bottom+0.01 && y > top {
			if s.Discardable {
				newPage()
				continue
			}
			newPage()
			if s.Repeat != nil {
				r := *s.Repeat
				r.block, r.Kind = s.block, s.Kind
				put(r)
			}
		}
		put(s)
	}
	return pages
}

// chainHeight is the height that must fit below the current position for
// strip i to be placed there: the strip and those kept with it.
//
// A run of Together strips (a short table) is kept whole when it takes no
// more than half a page: moving more would leave a gap as big. A KeepWithNext run taller than a third of the page (a long table
// row after its heading) may break after its first few strips, so that it
// does not leave half a page empty; only those must fit. Whatever the
// run, a heading is never left at the foot of a page: the heading and two
// lines of what follows it must fit.
func chainHeight(strips []Strip, i int, pageH float64) float64 {
	if h, ok := togetherHeight(strips, i); ok && h <= pageH/2 {
		return h
	}
	h, j := strips[i].H, i
	for ; j < len(strips)-1 && strips[j].KeepWithNext; j++ {
		h += strips[j+1].H
	}
	if j == i || h > pageH/3 {
		// The strip, the one after it when kept with it (no orphans), and
		// a heading's first lines of content.
		h, j = strips[i].H, i
		if j < len(strips)-1 && strips[j].KeepWithNext {
			j++
			h += strips[j].H
		}
	}
	// Whatever ends with a heading carries on until two lines of content.
	content, heading := 0, false
	for k := i; k <= j; k++ {
		heading, content = count(strips[k], heading, content)
	}
	for heading && content < 2 && j < len(strips)-1 && !strips[j+1].BreakBefore {
		j++
		h += strips[j].H
		heading, content = count(strips[j], heading, content)
	}
	// A heading reaching into a short table brings the whole table.
	for k, before := i+1, strips[i].H; k <= j; k++ {
		if t, ok := togetherHeight(strips, k); ok {
			if t <= pageH/2 && before+t <= pageH {
				h = max(h, before+t)
			}
			break
		}
		before += strips[k].H
	}
	return min(h, pageH)
}

// count updates the heading-then-content count with strip s.
func count(s Strip, heading bool, content int) (bool, int) {
	switch {
	case s.Heading:
		return true, 0
	case s.Discardable || s.H == 0:
		return heading, content
	}
	return heading, content + 1
}

// togetherHeight is the height of the run of Together strips starting at
// i, if a run starts there. Once a run has started on a page (it was too
// tall to move), the strips inside it break like any others.
func togetherHeight(strips []Strip, i int) (float64, bool) {
	if !strips[i].Together || (i > 0 && strips[i-1].Together) {
		return 0, false
	}
	h, j := strips[i].H, i
	for ; j < len(strips)-1 && strips[j].Together; j++ {
		h += strips[j+1].H
	}
	return h, true
}

// kindOf names a block's type for Dump.
func kindOf(b Block) string {
	switch b.(type) {
	case Paragraph:
		return "paragraph"
	case Table:
		return "table"
	case Fixed:
		return "fixed"
	case Space:
		return "space"
	case PageBreak:
		return "break"
	case Group:
		return "group"
	}
	return "block"
}
