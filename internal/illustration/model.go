package illustration

import "image/color"

// Point is a position in viewBox units: x grows to the right, y grows down.
type Point struct {
	X, Y float64
}

// Op says what a Segment does.
type Op uint8

// The path operations. Every curve in the SVG subset (quadratic Béziers,
// arcs, circles, ellipses, rounded corners) is normalised to CubicTo.
const (
	// MoveTo starts a new subpath at Pts[0].
	MoveTo Op = iota
	// LineTo draws a straight line to Pts[0].
	LineTo
	// CubicTo draws a cubic Bézier with control points Pts[0] and Pts[1]
	// ending at Pts[2].
	CubicTo
	// Close draws a straight line back to the start of the subpath and
	// closes it. Pts is unused.
	Close
)

// String returns the operation's name, for error messages and tests.
func (o Op) String() string {
	switch o {
	case MoveTo:
		return "MoveTo"
	case LineTo:
		return "LineTo"
	case CubicTo:
		return "CubicTo"
	case Close:
		return "Close"
	}
	return "Op(?)"
}

// Segment is one step of a path. Which points are used depends on Op.
type Segment struct {
	Op  Op
	Pts [3]Point
}

// End returns the point where the segment leaves the pen, and false for Close
// (whose end is the start of its subpath).
func (s Segment) End() (Point, bool) {
	switch s.Op {
	case MoveTo, LineTo:
		return s.Pts[0], true
	case CubicTo:
		return s.Pts[2], true
	}
	return Point{}, false
}

// Shape is one painted element: its outline is filled first, then stroked,
// as in SVG. Coordinates are in the picture's viewBox units with every
// transform already applied.
type Shape struct {
	// Path is the outline. It always starts with a MoveTo.
	Path []Segment
	// Fill is the fill colour, or nil for no fill. Open subpaths are
	// filled as if closed.
	Fill *color.RGBA
	// Stroke is the outline colour, or nil for no outline. Strokes always
	// have round caps and round joins.
	Stroke *color.RGBA
	// StrokeWidth is the outline's width in viewBox units.
	StrokeWidth float64
	// EvenOdd selects the even-odd fill rule instead of non-zero.
	EvenOdd bool
}

// Picture is a parsed illustration: a list of shapes painted in order
// (later shapes on top) on a Width by Height canvas whose top-left corner
// is (0, 0).
//
// Pictures returned by the library are shared: do not modify them.
type Picture struct {
	// Name is the picture's kebab-case name, e.g. "grandma".
	Name string
	// Width and Height are the viewBox size.
	Width, Height float64
	// Shapes are painted first to last.
	Shapes []Shape
}
