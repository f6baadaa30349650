package illustration

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// doc wraps body in a valid root element.
func doc(body string) string {
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200">` + body + `</svg>`
}

func TestParseRejectsOutsideSubset(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		element string // the element the error must name
		msg     string // a fragment the message must contain
	}{
		{"text element", doc(`<text x="1" y="2">hi</text>`), "text", "unsupported element"},
		{"image element", doc(`<image href="x.png"/>`), "image", "unsupported element"},
		{"use element", doc(`<use href="#a"/>`), "use", "unsupported element"},
		{"script element", doc(`<script>alert(1)</script>`), "script", "unsupported element"},
		{"defs and gradient", doc(`<defs><linearGradient id="g"/></defs>`), "defs", "unsupported element"},
		{"style attribute", doc(`<rect width="1" height="1" style="fill:red"/>`), "rect", `unsupported attribute "style"`},
		{"class attribute", doc(`<circle r="1" class="a"/>`), "circle", `unsupported attribute "class"`},
		{"opacity", doc(`<circle r="1" opacity="0.5"/>`), "circle", `unsupported attribute "opacity"`},
		{"namespaced attribute", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ink="http://x" viewBox="0 0 1 1"/>`, "svg", "unsupported attribute"},
		{"units in a length", doc(`<rect width="10px" height="1"/>`), "rect", "plain number"},
		{"negative radius", doc(`<circle r="-1"/>`), "circle", "must not be negative"},
		{"named colour", doc(`<rect width="1" height="1" fill="red"/>`), "rect", "use none, #rgb or #rrggbb"},
		{"butt line cap", doc(`<line x2="1" stroke="#000" stroke-linecap="butt"/>`), "line", "only round"},
		{"skew transform", doc(`<g transform="skewX(10)"/>`), "g", "unsupported transform skewX"},
		{"unknown fill rule", doc(`<path d="M0 0" fill-rule="odd"/>`), "path", "fill-rule"},
		{"bad path command", doc(`<path d="M0 0 B 1 1"/>`), "path", "unsupported path command"},
		{"path without M", doc(`<path d="L1 1"/>`), "path", "must start with M"},
		{"missing d", doc(`<path/>`), "path", "d is required"},
		{"missing circle radius", doc(`<circle cx="1"/>`), "circle", "r is required"},
		{"odd point list", doc(`<polygon points="1 2 3"/>`), "polygon", "odd number"},
		{"nested svg", doc(doc("")), "svg", "nested"},
		{"stray text", doc(`hello`), "svg", "unexpected text"},
		{"missing viewBox", `<svg xmlns="http://www.w3.org/2000/svg"/>`, "svg", "viewBox is required"},
		{"missing xmlns", `<svg viewBox="0 0 1 1"/>`, "svg", "xmlns must be"},
		{"zero-size viewBox", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 1"/>`, "svg", "positive"},
		{"wrong root", `<g/>`, "g", "root element must be <svg>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("bad.svg", []byte(tc.src))
			if err == nil {
				t.Fatal("Parse accepted it")
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is %T, want *ParseError", err, err)
			}
			if pe.Element != tc.element {
				t.Errorf("Element = %q, want %q (error: %v)", pe.Element, tc.element, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "bad.svg") {
				t.Errorf("message %q does not start with the file name", msg)
			}
			if !strings.Contains(msg, "<"+tc.element+">") || !strings.Contains(msg, tc.msg) {
				t.Errorf("message %q should name <%s> and say %q", msg, tc.element, tc.msg)
			}
		})
	}
}

func TestParseErrorLine(t *testing.T) {
	src := "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\">\n  <g>\n    <rect width=\"1\"\n          height=\"1\"/>\n    <text/>\n  </g>\n</svg>\n"
	_, err := Parse("lines.svg", []byte(src))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 5 || pe.Element != "text" {
		t.Fatalf("error %v, want <text> on line 5", err)
	}
}

func TestParseRejectsOtherXML(t *testing.T) {
	tests := []struct{ name, src, msg string }{
		{"doctype", `<!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`, "directive"},
		{"malformed", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">`, "malformed XML"},
		{"empty", ``, "no <svg>"},
		{"too big", doc(strings.Repeat("<!-- padding -->", MaxSourceBytes/16+1)), "more than"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.svg", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("error %v, want one containing %q", err, tc.msg)
			}
		})
	}
}

func TestParseGeometry(t *testing.T) {
	near := func(a, b Point) bool { return math.Abs(a.X-b.X) < 1e-6 && math.Abs(a.Y-b.Y) < 1e-6 }
	ends := func(s Shape) []Point {
		var out []Point
		for _, seg := range s.Path {
			if p, ok := seg.End(); ok {
				out = append(out, p)
			}
		}
		return out
	}
	tests := []struct {
		name string
		body string
		want []Point // end points of the first shape's segments
		ops  string  // the first shape's ops, one letter each
	}{
		{"absolute lines", `<path d="M10 10 L20 10 H30 V40 Z"/>`, []Point{{10, 10}, {20, 10}, {30, 10}, {30, 40}}, "MLLLZ"},
		{"relative lines", `<path d="m10 10 l10 0 h10 v30 z"/>`, []Point{{10, 10}, {20, 10}, {30, 10}, {30, 40}}, "MLLLZ"},
		{"implicit lineto after moveto", `<path d="M0 0 5 5 10 0"/>`, []Point{{0, 0}, {5, 5}, {10, 0}}, "MLL"},
		{"compact numbers", `<path d="M.5.5L-1.5e1-2"/>`, []Point{{0.5, 0.5}, {-15, -2}}, "ML"},
		{"quadratic becomes cubic", `<path d="M0 0 Q10 10 20 0 T40 0"/>`, []Point{{0, 0}, {20, 0}, {40, 0}}, "MCC"},
		{"smooth cubic", `<path d="M0 0 C0 10 10 10 10 0 s10 -10 10 0"/>`, []Point{{0, 0}, {10, 0}, {20, 0}}, "MCC"},
		{"half-circle arc", `<path d="M0 50 A50 50 0 0 1 100 50"/>`, []Point{{0, 50}, {50, 0}, {100, 50}}, "MCC"},
		{"arc with packed flags", `<path d="M0 50 a50 50 0 1110 0"/>`, nil, "MCCCC"},
		{"translated group", `<g transform="translate(5 6)"><line x1="0" y1="0" x2="1" y2="1" stroke="#000"/></g>`, []Point{{5, 6}, {6, 7}}, "ML"},
		{"scaled and rotated", `<line x2="10" stroke="#000" transform="rotate(90) scale(2)"/>`, []Point{{0, 0}, {0, 20}}, "ML"},
		{"polygon", `<polygon points="0,0 10,0 10,10"/>`, []Point{{0, 0}, {10, 0}, {10, 10}}, "MLLZ"},
		{"rounded rect", `<rect x="0" y="0" width="20" height="10" rx="2"/>`, []Point{{2, 0}, {18, 0}, {20, 2}, {20, 8}, {18, 10}, {2, 10}, {0, 8}, {0, 2}, {2, 0}}, "MLCLCLCLCZ"},
		{"circle", `<circle cx="10" cy="10" r="5"/>`, []Point{{15, 10}, {10, 15}, {5, 10}, {10, 5}, {15, 10}}, "MCCCCZ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pic, err := Parse("t.svg", []byte(doc(tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			if len(pic.Shapes) != 1 {
				t.Fatalf("got %d shapes, want 1", len(pic.Shapes))
			}
			s := pic.Shapes[0]
			if !opsEqual(s.Path, tc.ops) {
				t.Errorf("ops = %v, want %s", s.Path, tc.ops)
			}
			got := ends(s)
			if tc.want == nil {
				// Only the end point is known.
				if last := got[len(got)-1]; !near(last, Point{10, 50}) {
					t.Errorf("arc ends at %v, want (10,50)", last)
				}
				return
			}
			if len(got) != len(tc.want) {
				t.Fatalf("end points %v, want %v", got, tc.want)
			}
			for i := range got {
				if !near(got[i], tc.want[i]) {
					t.Errorf("end point %d = %v, want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// opsEqual compares ops against letters M, L, C (CubicTo) and Z (Close).
func opsEqual(path []Segment, letters string) bool {
	if len(path) != len(letters) {
		return false
	}
	for i, s := range path {
		want := map[byte]Op{'M': MoveTo, 'L': LineTo, 'C': CubicTo, 'Z': Close}[letters[i]]
		if s.Op != want {
			return false
		}
	}
	return true
}

func TestParsePaint(t *testing.T) {
	src := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="10 20 100 50" stroke="#123" stroke-width="2">
	  <title>paint</title><desc>inheritance test</desc>
	  <!-- a comment -->
	  <g fill="#abc" transform="scale(3)">
	    <rect width="1" height="1"/>
	    <rect width="1" height="1" stroke-width="1" fill="none" stroke="none"/>
	    <path d="M0 0 L1 0 L0 1 Z" fill-rule="evenodd" stroke-width="1"/>
	  </g>
	  <line x1="10" y1="20" x2="11" y2="20"/>
	</svg>`
	pic, err := Parse("dir/paint.svg", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if pic.Name != "paint" || pic.Width != 100 || pic.Height != 50 {
		t.Errorf("picture %q %gx%g, want paint 100x50", pic.Name, pic.Width, pic.Height)
	}
	// The second rect paints nothing and is dropped.
	if len(pic.Shapes) != 3 {
		t.Fatalf("got %d shapes, want 3", len(pic.Shapes))
	}
	r, tri, line := pic.Shapes[0], pic.Shapes[1], pic.Shapes[2]
	if r.Fill == nil || *r.Fill != (rgba(0xaa, 0xbb, 0xcc)) {
		t.Errorf("rect fill = %v, want #abc inherited", r.Fill)
	}
	if r.Stroke == nil || *r.Stroke != rgba(0x11, 0x22, 0x33) || r.StrokeWidth != 6 {
		t.Errorf("rect stroke = %v width %g, want #123 width 6 (2 scaled by 3)", r.Stroke, r.StrokeWidth)
	}
	if !tri.EvenOdd || tri.StrokeWidth != 3 {
		t.Errorf("triangle evenodd=%v width=%g, want true and 3", tri.EvenOdd, tri.StrokeWidth)
	}
	if line.Fill != nil {
		t.Errorf("a line must never be filled")
	}
	// The viewBox origin (10, 20) moves to (0, 0); the rect's far corner
	// is at 3,3 in picture units minus the origin.
	if p, _ := r.Path[0].End(); p != (Point{-10, -20}) {
		t.Errorf("rect starts at %v, want (-10,-20)", p)
	}
	if p, _ := line.Path[1].End(); p != (Point{1, 0}) {
		t.Errorf("line ends at %v, want (1,0)", p)
	}
}
