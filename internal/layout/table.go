package layout

// Column is a table column: its title and its share of the width.
type Column struct {
	Title  string
	Weight float64
}

// Cell is the content of a table cell: one or more blocks (usually
// paragraphs), and an optional background.
type Cell struct {
	Blocks []Block
	Fill   *Color
}

// Table is a bordered grid whose rows split across pages between lines,
// with the header row repeated at the top of each page.
type Table struct {
	Columns    []Column
	Rows       [][]Cell
	HeaderFont Font
	HeaderFill Color
	HeaderText Color
	Border     Color
	Pad        float64
	NoHeader   bool
}

// Strips returns the header strip and a strip per line band of each row.
// In a right-to-left document (see Direction) the columns are mirrored: the
// first column is on the right, and is still read first.
func (t Table) Strips(m Measurer, width float64) []Strip {
	xs, ws := t.columns(width)
	if rightToLeftDocument(m) {
		for i := range xs {
			xs[i] = width - xs[i] - ws[i]
		}
	}
	var header *Strip
	var out []Strip
	table := &Element{Role: "Table"}
	if !t.NoHeader {
		cells := make([]Cell, len(t.Columns))
		for i, c := range t.Columns {
			cells[i] = Cell{Blocks: []Block{Paragraph{Spans: []Span{{Text: c.Title, Font: t.HeaderFont, Color: t.HeaderText}}, Role: "P"}}, Fill: &t.HeaderFill}
		}
		hs := t.row(m, cells, xs, ws, table, "TH")
		h := Strip{}
		for _, s := range hs {
			for _, it := range s.Items {
				h.Items = append(h.Items, Translate(it, 0, h.H))
			}
			h.H += s.H
		}
		h.KeepWithNext, h.Heading = true, true
		out = append(out, h)
		// Where the header is repeated on later pages it is page
		// furniture: the table has one header row.
		rep := Strip{H: h.H, KeepWithNext: true, Heading: true, Items: make([]Item, len(h.Items))}
		artifact := &Element{Role: "Artifact"}
		for k, it := range h.Items {
			if v, ok := it.(Text); ok {
				v.El = artifact
				it = v
			}
			rep.Items[k] = it
		}
		header = &rep
	}
	for _, r := range t.Rows {
		rs := t.row(m, r, xs, ws, table, "TD")
		for i := range rs {
			rs[i].Repeat = header
		}
		out = append(out, rs...)
	}
	if len(t.Rows) <= KeepTogetherRows {
		for i := 0; i < len(out)-1; i++ {
			out[i].Together = true
		}
	}
	return out
}

// KeepTogetherRows is the most rows a table may have and still be kept
// whole on one page (when it takes no more than half of one): a short
// table is read at a glance, and is never split.
const KeepTogetherRows = 6

func (t Table) columns(width float64) (xs, ws []float64) {
	total := 0.0
	for _, c := range t.Columns {
		total += c.Weight
	}
	x := 0.0
	for _, c := range t.Columns {
		w := width * c.Weight / total
		xs, ws = append(xs, x), append(ws, w)
		x += w
	}
	return xs, ws
}

// row lays out one row as bands: a top padding band, a band per strip of
// the row's tallest cell, and a bottom padding band. The other cells' lines
// go into the band where they start, so that the row can split across pages
// between lines while each cell keeps its own spacing.
//
// Each cell is an element of role cell ("TH" or "TD") in a row ("TR") of
// table, holding its blocks' elements.
func (t Table) row(m Measurer, cells []Cell, xs, ws []float64, table *Element, cell string) []Strip {
	type placed struct {
		y float64
		s Strip
	}
	tr := &Element{Role: "TR", Parent: table}
	cellStrips := make([][]placed, len(cells))
	tallest, tallestH := 0, -1.0
	for i, c := range cells {
		if i >= len(ws) {
			break
		}
		y := 0.0
		el := &Element{Role: cell, Parent: tr}
		for _, b := range c.Blocks {
			for _, s := range b.Strips(m, ws[i]-2*t.Pad) {
				s.BreakBefore, s.Repeat = false, nil
				adopt(s.Items, el)
				cellStrips[i] = append(cellStrips[i], placed{y, s})
				y += s.H
			}
		}
		// Trailing spacing inside a cell only adds height.
		for n := len(cellStrips[i]); n > 0 && cellStrips[i][n-1].s.Discardable; n-- {
			y -= cellStrips[i][n-1].s.H
			cellStrips[i] = cellStrips[i][:n-1]
		}
		if y > tallestH {
			tallest, tallestH = i, y
		}
	}
	bands := []Strip{{H: t.Pad}}
	starts := []float64{}
	for _, p := range cellStrips[tallest] {
		b := Strip{H: p.s.H}
		for _, it := range p.s.Items {
			b.Items = append(b.Items, Translate(it, xs[tallest]+t.Pad, 0))
		}
		bands = append(bands, b)
		starts = append(starts, p.y)
	}
	for i := range cellStrips {
		if i == tallest {
			continue
		}
		for _, p := range cellStrips[i] {
			k := 0
			for k+1 < len(starts) && starts[k+1] <= p.y+0.001 {
				k++
			}
			if len(starts) == 0 {
				break
			}
			for _, it := range p.s.Items {
				bands[k+1].Items = append(bands[k+1].Items, Translate(it, xs[i]+t.Pad, p.y-starts[k]))
			}
		}
	}
	bands = append(bands, Strip{H: t.Pad})
	for k := range bands {
		bands[k].KeepWithNext = k < len(bands)-1
		bands[k].Items = append(t.frame(cells, xs, ws, bands[k].H, k == 0, k == len(bands)-1), bands[k].Items...)
	}
	return bands
}

// frame draws a band's backgrounds and borders.
func (t Table) frame(cells []Cell, xs, ws []float64, h float64, top, bottom bool) []Item {
	var items []Item
	border := t.Border
	for i := range xs {
		if i < len(cells) && cells[i].Fill != nil {
			items = append(items, Rect{X: xs[i], Y: 0, W: ws[i], H: h, Fill: cells[i].Fill})
		}
	}
	right := 0.0
	for i := range xs {
		right = max(right, xs[i]+ws[i])
	}
	for i := range xs {
		items = append(items, Line{X1: xs[i], Y1: 0, X2: xs[i], Y2: h, Color: border, Width: 0.25})
	}
	items = append(items, Line{X1: right, Y1: 0, X2: right, Y2: h, Color: border, Width: 0.25})
	if top {
		items = append(items, Line{X1: 0, Y1: 0, X2: right, Y2: 0, Color: border, Width: 0.25})
	}
	if bottom {
		items = append(items, Line{X1: 0, Y1: h, X2: right, Y2: h, Color: border, Width: 0.25})
	}
	return items
}

// adopt makes el the parent of the outermost elements of items (and gives
// el itself to items with no element). An element already inside el is
// left alone, since one paragraph's lines share their element.
func adopt(items []Item, el *Element) {
	for k, it := range items {
		switch v := it.(type) {
		case Text:
			if v.El == nil {
				v.El = el
				items[k] = v
			} else {
				attach(v.El, el)
			}
		case Picture:
			if v.El == nil {
				v.El = &Element{Role: "Figure", Parent: el}
				items[k] = v
			} else {
				attach(v.El, el)
			}
		}
	}
}

// attach sets el as the parent of e's outermost element, unless e is
// already inside el.
func attach(e, el *Element) {
	for ; e != el; e = e.Parent {
		if e.Parent == nil {
			e.Parent = el
			return
		}
	}
}
