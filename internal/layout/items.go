package layout

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Common colours.
var (
	Black = Color{0x1a, 0x1a, 0x1a}
	White = Color{0xff, 0xff, 0xff}
)

// Font names a face and size. Family is "sans" or "andika"; Style is "",
// "B", "I" or "BI".
type Font struct {
	Family string
	Style  string
	Size   float64 // points
}

// LineHeight is the distance between baselines for the font, in mm.
func (f Font) LineHeight() float64 { return f.Size * 0.3528 * 1.3 }

// Item is something placed on a page.
type Item interface{ item() }

// Text is one run of text on one line. Y is the top of the line box.
type Text struct {
	X, Y  float64
	W     float64 // measured width
	Font  Font
	Color Color
	Text  string
	Link  string // http, https, mailto or tel; "" for none
	// El is the element of the document's structure the text belongs
	// to; nil reads it as a paragraph of its own.
	El *Element
}

// Element is a node of a document's logical structure, for readers who
// use assistive technology: the items that share one Element (the lines
// of a paragraph, say) are read as one. Elements are compared by identity;
// nothing in them is laid out.
type Element struct {
	// Role is a PDF standard structure type: "P", "H1" to "H6", "LI",
	// "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure", "Caption".
	Role string
	// Parent is the element this one is part of (a cell's row); nil for
	// one at the top of the document.
	Parent *Element
	// Alt is a picture's alternative text.
	Alt string
	// Lang is the element's language (BCP 47) when it differs from the
	// document's.
	Lang string
}

// Rect is a rectangle, filled and/or outlined. Radius rounds its corners.
type Rect struct {
	X, Y, W, H float64
	Fill       *Color
	Stroke     *Color
	LineWidth  float64
	Radius     float64
}

// Line is a straight line.
type Line struct {
	X1, Y1, X2, Y2 float64
	Color          Color
	Width          float64
	Dashed         bool
}

// Circle is a disc or ring.
type Circle struct {
	X, Y, R float64
	Fill    *Color
	Stroke  *Color
}

// Picture is an illustration or photo fitted into a box. Ref is the plan's
// picture reference; the backend resolves it. Shape clips a photo to a
// circle or rounded square inscribed in the box (illustrations are drawn
// whole: they already sit inside their box).
type Picture struct {
	X, Y, W, H float64
	Ref        string
	Shape      Shape
	// El is the picture's element, with its alternative text; nil reads
	// it as a figure named after its picture.
	El *Element
}

// Shape is the outline a photo is clipped to.
type Shape uint8

// The shapes.
const (
	// Whole draws the picture uncut.
	Whole Shape = iota
	// Round clips to the circle inscribed in the box.
	Round
	// Rounded clips to the box with corners rounded by 15% of its side.
	Rounded
)

func (Text) item()    {}
func (Rect) item()    {}
func (Line) item()    {}
func (Circle) item()  {}
func (Picture) item() {}

// Translate returns the item moved by dx, dy.
func Translate(it Item, dx, dy float64) Item {
	switch v := it.(type) {
	case Text:
		v.X, v.Y = v.X+dx, v.Y+dy
		return v
	case Rect:
		v.X, v.Y = v.X+dx, v.Y+dy
		return v
	case Line:
		v.X1, v.Y1, v.X2, v.Y2 = v.X1+dx, v.Y1+dy, v.X2+dx, v.Y2+dy
		return v
	case Circle:
		v.X, v.Y = v.X+dx, v.Y+dy
		return v
	case Picture:
		v.X, v.Y = v.X+dx, v.Y+dy
		return v
	}
	return it
}
