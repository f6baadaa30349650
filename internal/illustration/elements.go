package illustration

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// length parses a non-negative plain number (no units).
func (p *parser) length(elem, attr, s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, p.fail(elem, "%s %q must be a plain number (no units)", attr, s)
	}
	if v < 0 {
		return 0, p.fail(elem, "%s %q must not be negative", attr, s)
	}
	return v, nil
}

// coord parses a plain number that may be negative.
func (p *parser) coord(elem, attr string, attrs map[string]string) (float64, error) {
	s, ok := attrs[attr]
	if !ok {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, p.fail(elem, "%s %q must be a plain number (no units)", attr, s)
	}
	return v, nil
}

func (p *parser) lengthAttr(elem, attr string, attrs map[string]string) (float64, bool, error) {
	s, ok := attrs[attr]
	if !ok {
		return 0, false, nil
	}
	v, err := p.length(elem, attr, s)
	return v, true, err
}

// shape builds the Shape for a drawing element, or nil for containers and
// for elements that draw nothing.
func (p *parser) shape(elem string, attrs map[string]string, st paint) (*Shape, error) {
	b := &pathBuilder{}
	fillable := true
	switch elem {
	case "svg", "g", "title", "desc":
		return nil, nil
	case "path":
		d, ok := attrs["d"]
		if !ok {
			return nil, p.fail(elem, "d is required")
		}
		if err := parsePathData(b, d); err != nil {
			return nil, p.fail(elem, "d: %v", err)
		}
	case "rect":
		var v [4]float64
		for i, k := range []string{"x", "y"} {
			var err error
			if v[i], err = p.coord(elem, k, attrs); err != nil {
				return nil, err
			}
		}
		for i, k := range []string{"width", "height"} {
			w, ok, err := p.lengthAttr(elem, k, attrs)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, p.fail(elem, "%s is required", k)
			}
			v[2+i] = w
		}
		rx, hasRX, err := p.lengthAttr(elem, "rx", attrs)
		if err != nil {
			return nil, err
		}
		ry, hasRY, err := p.lengthAttr(elem, "ry", attrs)
		if err != nil {
			return nil, err
		}
		if hasRX && !hasRY {
			ry = rx
		} else if hasRY && !hasRX {
			rx = ry
		}
		rx, ry = math.Min(rx, v[2]/2), math.Min(ry, v[3]/2)
		if v[2] == 0 || v[3] == 0 {
			return nil, nil
		}
		b.rect(v[0], v[1], v[2], v[3], rx, ry)
	case "circle", "ellipse":
		cx, err := p.coord(elem, "cx", attrs)
		if err != nil {
			return nil, err
		}
		cy, err := p.coord(elem, "cy", attrs)
		if err != nil {
			return nil, err
		}
		var rx, ry float64
		if elem == "circle" {
			r, ok, err := p.lengthAttr(elem, "r", attrs)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, p.fail(elem, "r is required")
			}
			rx, ry = r, r
		} else {
			var okx, oky bool
			if rx, okx, err = p.lengthAttr(elem, "rx", attrs); err != nil {
				return nil, err
			}
			if ry, oky, err = p.lengthAttr(elem, "ry", attrs); err != nil {
				return nil, err
			}
			if !okx || !oky {
				return nil, p.fail(elem, "rx and ry are required")
			}
		}
		if rx == 0 || ry == 0 {
			return nil, nil
		}
		b.ellipse(cx, cy, rx, ry)
	case "line":
		var v [4]float64
		for i, k := range []string{"x1", "y1", "x2", "y2"} {
			var err error
			if v[i], err = p.coord(elem, k, attrs); err != nil {
				return nil, err
			}
		}
		b.moveTo(Point{v[0], v[1]})
		b.lineTo(Point{v[2], v[3]})
		fillable = false
	case "polyline", "polygon":
		pts, err := parsePoints(attrs["points"])
		if err != nil {
			return nil, p.fail(elem, "points: %v", err)
		}
		if len(pts) < 2 {
			return nil, p.fail(elem, "points needs at least two points")
		}
		b.moveTo(pts[0])
		for _, pt := range pts[1:] {
			b.lineTo(pt)
		}
		if elem == "polygon" {
			b.close()
		}
	}
	if len(b.segs) == 0 {
		return nil, nil
	}
	s := &Shape{Path: transformed(b.segs, st.m), Fill: st.fill, EvenOdd: st.evenOdd}
	if !fillable {
		s.Fill = nil
	}
	if st.stroke != nil && st.width > 0 {
		s.Stroke, s.StrokeWidth = st.stroke, st.width
	}
	if s.Fill == nil && s.Stroke == nil {
		return nil, nil
	}
	return s, nil
}

// parseTransform reads a transform list: translate, scale, rotate and
// matrix, applied right to left as in SVG.
func parseTransform(s string) (matrix, error) {
	m := identity
	rest := strings.TrimSpace(s)
	for rest != "" {
		open := strings.IndexByte(rest, '(')
		closeAt := strings.IndexByte(rest, ')')
		if open < 0 || closeAt < open {
			return m, fmt.Errorf("%q is not a transform list", s)
		}
		fn := strings.TrimSpace(rest[:open])
		sc := &pathScanner{s: rest[open+1 : closeAt]}
		var args []float64
		for !sc.done() {
			v, err := sc.number()
			if err != nil {
				return m, fmt.Errorf("%s: %v", fn, err)
			}
			args = append(args, v)
		}
		var t matrix
		switch {
		case fn == "translate" && (len(args) == 1 || len(args) == 2):
			args = append(args, 0)
			t = matrix{1, 0, 0, 1, args[0], args[1]}
		case fn == "scale" && (len(args) == 1 || len(args) == 2):
			if len(args) == 1 {
				args = append(args, args[0])
			}
			t = matrix{args[0], 0, 0, args[1], 0, 0}
		case fn == "rotate" && (len(args) == 1 || len(args) == 3):
			a := args[0] * math.Pi / 180
			t = matrix{math.Cos(a), math.Sin(a), -math.Sin(a), math.Cos(a), 0, 0}
			if len(args) == 3 {
				cx, cy := args[1], args[2]
				t = matrix{1, 0, 0, 1, cx, cy}.mul(t).mul(matrix{1, 0, 0, 1, -cx, -cy})
			}
		case fn == "matrix" && len(args) == 6:
			copy(t[:], args)
		default:
			return m, fmt.Errorf("unsupported transform %s with %d numbers (use translate, scale, rotate or matrix)", fn, len(args))
		}
		m = m.mul(t)
		rest = strings.TrimLeft(rest[closeAt+1:], " \t\r\n,")
	}
	return m, nil
}
