package layout

// Strip is a horizontal band of a block with a known height: the unit of
// pagination. Its items are relative to its top-left corner.
type Strip struct {
	H     float64
	Items []Item
	// KeepWithNext keeps this strip on the same page as the next one.
	KeepWithNext bool
	// Discardable strips (spacing) are dropped at the top of a page.
	Discardable bool
	// BreakBefore starts a new page before this strip.
	BreakBefore bool
	// Repeat is drawn first when this strip has to start a new page: a
	// table's header row.
	Repeat *Strip
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
}

// Paginate lays the blocks out on as many pages as they need.
func Paginate(m Measurer, spec PageSpec, blocks []Block) []Page {
	var strips []Strip
	for _, b := range blocks {
		strips = append(strips, b.Strips(m, spec.ContentWidth())...)
	}
	return Place(spec, strips)
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
				put(*s.Repeat)
			}
		}
		put(s)
	}
	return pages
}

// chainHeight is the height of strip i and the strips kept with it. A
// chain taller than a third of the page (a long table row after its
// heading) is allowed to break after its first few strips, so that it does
// not leave half a page empty; only those first strips must fit.
func chainHeight(strips []Strip, i int, pageH float64) float64 {
	h := strips[i].H
	j := i
	for ; j < len(strips)-1 && strips[j].KeepWithNext; j++ {
		h += strips[j+1].H
	}
	if h <= pageH/3 {
		return h
	}
	h = strips[i].H
	for k := i; k < j && k < i+4; k++ {
		h += strips[k+1].H
	}
	return min(h, pageH)
}
