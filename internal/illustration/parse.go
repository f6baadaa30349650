package illustration

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
)

// SVGNamespace is the namespace the root svg element must declare with
// xmlns, so that the files also open in a browser.
const SVGNamespace = "http://www.w3.org/2000/svg"

// MaxSourceBytes bounds the size of an SVG file Parse accepts.
const MaxSourceBytes = 256 << 10

// maxDepth bounds element nesting.
const maxDepth = 16

// ParseError reports SVG outside the supported subset, or malformed SVG.
type ParseError struct {
	// File is the file name given to Parse, e.g. "house.svg".
	File string
	// Line is the 1-based line of the offending element, or 0 if unknown.
	Line int
	// Element is the offending element's name, e.g. "text", or "" when the
	// problem is not with one element.
	Element string
	// Err says what is wrong.
	Err error
}

// Error returns "file:line: <element>: problem".
func (e *ParseError) Error() string {
	var sb strings.Builder
	sb.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&sb, ":%d", e.Line)
	}
	if e.Element != "" {
		fmt.Fprintf(&sb, ": <%s>", e.Element)
	}
	sb.WriteString(": ")
	sb.WriteString(e.Err.Error())
	return sb.String()
}

// Unwrap returns the underlying problem.
func (e *ParseError) Unwrap() error { return e.Err }

// elementAttrs lists, for each supported element, the geometry attributes
// it takes beyond the common presentation attributes.
var elementAttrs = map[string][]string{
	"svg":      {"xmlns", "viewBox", "width", "height"},
	"g":        nil,
	"path":     {"d"},
	"rect":     {"x", "y", "width", "height", "rx", "ry"},
	"circle":   {"cx", "cy", "r"},
	"ellipse":  {"cx", "cy", "rx", "ry"},
	"line":     {"x1", "y1", "x2", "y2"},
	"polyline": {"points"},
	"polygon":  {"points"},
	"title":    nil,
	"desc":     nil,
}

// presentationAttrs are accepted on every drawing element, g and svg.
var presentationAttrs = map[string]bool{
	"id": true, "fill": true, "stroke": true, "stroke-width": true,
	"stroke-linecap": true, "stroke-linejoin": true, "fill-rule": true,
	"transform": true,
}

// paint is the inherited drawing state.
type paint struct {
	fill    *color.RGBA
	stroke  *color.RGBA
	width   float64
	evenOdd bool
	m       matrix
}

// Parse reads one SVG file in the supported subset (see the package
// documentation) into a Picture. file names the file in error messages and
// gives the picture its name ("grandma.svg" becomes "grandma"). Anything
// outside the subset is an error of type *ParseError naming the element.
func Parse(file string, src []byte) (*Picture, error) {
	p := &parser{file: file}
	pic, err := p.parse(src)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			return nil, pe
		}
		return nil, &ParseError{File: file, Line: p.line, Err: err}
	}
	pic.Name = strings.TrimSuffix(path.Base(file), ".svg")
	return pic, nil
}

type parser struct {
	file string
	line int
	dec  *xml.Decoder
}

func (p *parser) fail(elem string, format string, args ...any) error {
	return &ParseError{File: p.file, Line: p.line, Element: elem, Err: fmt.Errorf(format, args...)}
}

func (p *parser) parse(src []byte) (*Picture, error) {
	if len(src) > MaxSourceBytes {
		return nil, fmt.Errorf("file is %d bytes, more than the %d allowed", len(src), MaxSourceBytes)
	}
	p.dec = xml.NewDecoder(bytes.NewReader(src))
	p.dec.Strict = true
	var pic *Picture
	var stack []paint  // paint state per open element
	var names []string // open element names
	var textOK []bool  // whether character data is allowed inside
	var originX, originY float64
	for {
		// The position before the token is where an element starts.
		p.line, _ = p.dec.InputPos()
		tok, err := p.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.line, _ = p.dec.InputPos()
			return nil, fmt.Errorf("malformed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.ProcInst:
			if t.Target != "xml" || pic != nil || len(names) > 0 {
				return nil, p.fail("", "unsupported processing instruction <?%s?>", t.Target)
			}
		case xml.Directive:
			return nil, p.fail("", "unsupported directive <!%s>", clip(string(t)))
		case xml.Comment:
			// Comments are welcome: they help people edit the art.
		case xml.CharData:
			if len(textOK) > 0 && textOK[len(textOK)-1] {
				continue
			}
			if len(bytes.TrimSpace(t)) > 0 {
				where := ""
				if len(names) > 0 {
					where = names[len(names)-1]
				}
				return nil, p.fail(where, "unexpected text %q", clip(string(bytes.TrimSpace(t))))
			}
		case xml.EndElement:
			names = names[:len(names)-1]
			stack = stack[:len(stack)-1]
			textOK = textOK[:len(textOK)-1]
		case xml.StartElement:
			name := t.Name.Local
			if t.Name.Space != SVGNamespace && t.Name.Space != "" {
				return nil, p.fail(name, "element in namespace %q is not supported", t.Name.Space)
			}
			if _, ok := elementAttrs[name]; !ok {
				return nil, p.fail(name, "unsupported element (supported: svg, g, path, rect, circle, ellipse, line, polyline, polygon, title, desc)")
			}
			if len(names) >= maxDepth {
				return nil, p.fail(name, "nested more than %d deep", maxDepth)
			}
			if len(textOK) > 0 && textOK[len(textOK)-1] {
				return nil, p.fail(name, "elements are not allowed inside <%s>", names[len(names)-1])
			}
			if pic == nil && name != "svg" {
				return nil, p.fail(name, "the root element must be <svg>")
			}
			if pic != nil && name == "svg" {
				return nil, p.fail(name, "nested <svg> is not supported")
			}
			attrs, err := p.attrs(name, t.Attr)
			if err != nil {
				return nil, err
			}
			var parent paint
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			} else {
				parent = paint{fill: &color.RGBA{A: 0xff}, width: 1, m: identity}
			}
			if name == "svg" {
				pic, originX, originY, err = p.root(attrs)
				if err != nil {
					return nil, err
				}
				parent.m = matrix{1, 0, 0, 1, -originX, -originY}
			}
			st := parent
			if name != "title" && name != "desc" {
				if st, err = p.style(name, attrs, parent); err != nil {
					return nil, err
				}
			}
			shape, err := p.shape(name, attrs, st)
			if err != nil {
				return nil, err
			}
			if shape != nil {
				pic.Shapes = append(pic.Shapes, *shape)
			}
			names = append(names, name)
			stack = append(stack, st)
			textOK = append(textOK, name == "title" || name == "desc")
		default:
			return nil, p.fail("", "unsupported XML token %T", tok)
		}
	}
	if pic == nil {
		return nil, p.fail("", "no <svg> element")
	}
	return pic, nil
}

// attrs checks the element's attributes against the subset and returns
// them by name.
func (p *parser) attrs(elem string, list []xml.Attr) (map[string]string, error) {
	out := make(map[string]string, len(list))
	allowed := elementAttrs[elem]
	for _, a := range list {
		name := a.Name.Local
		if a.Name.Space != "" {
			return nil, p.fail(elem, "unsupported attribute %s:%s", a.Name.Space, name)
		}
		ok := elem != "title" && elem != "desc" && presentationAttrs[name]
		for _, n := range allowed {
			if n == name {
				ok = true
			}
		}
		if !ok {
			hint := ""
			if name == "style" || name == "class" {
				hint = " (use presentation attributes such as fill=\"#f00\" instead)"
			}
			return nil, p.fail(elem, "unsupported attribute %q%s", name, hint)
		}
		out[name] = strings.TrimSpace(a.Value)
	}
	return out, nil
}

// root reads the svg element's viewBox.
func (p *parser) root(attrs map[string]string) (*Picture, float64, float64, error) {
	if attrs["xmlns"] != SVGNamespace {
		return nil, 0, 0, p.fail("svg", "xmlns must be %q", SVGNamespace)
	}
	vb, ok := attrs["viewBox"]
	if !ok {
		return nil, 0, 0, p.fail("svg", "viewBox is required")
	}
	sc := &pathScanner{s: vb}
	var v [4]float64
	if err := sc.numbers(v[:]); err != nil || !sc.done() {
		return nil, 0, 0, p.fail("svg", "viewBox %q must be four numbers", vb)
	}
	if !(v[2] > 0 && v[3] > 0) || math.IsInf(v[2], 0) || math.IsInf(v[3], 0) {
		return nil, 0, 0, p.fail("svg", "viewBox %q must have a positive width and height", vb)
	}
	for _, k := range []string{"width", "height"} {
		if s, ok := attrs[k]; ok {
			if _, err := p.length("svg", k, s); err != nil {
				return nil, 0, 0, err
			}
		}
	}
	return &Picture{Width: v[2], Height: v[3]}, v[0], v[1], nil
}

// style applies the element's presentation attributes to the inherited
// state.
func (p *parser) style(elem string, attrs map[string]string, st paint) (paint, error) {
	var err error
	if s, ok := attrs["fill"]; ok {
		if st.fill, err = parseColor(s); err != nil {
			return st, p.fail(elem, "fill: %v", err)
		}
	}
	if s, ok := attrs["stroke"]; ok {
		if st.stroke, err = parseColor(s); err != nil {
			return st, p.fail(elem, "stroke: %v", err)
		}
	}
	if s, ok := attrs["stroke-width"]; ok {
		w, err := p.length(elem, "stroke-width", s)
		if err != nil {
			return st, err
		}
		st.width = w * st.m.scale()
	}
	for _, k := range []string{"stroke-linecap", "stroke-linejoin"} {
		if s, ok := attrs[k]; ok && s != "round" {
			return st, p.fail(elem, "%s %q: only round is supported", k, s)
		}
	}
	if s, ok := attrs["fill-rule"]; ok {
		switch s {
		case "nonzero":
			st.evenOdd = false
		case "evenodd":
			st.evenOdd = true
		default:
			return st, p.fail(elem, "fill-rule %q: use nonzero or evenodd", s)
		}
	}
	if s, ok := attrs["transform"]; ok {
		m, err := parseTransform(s)
		if err != nil {
			return st, p.fail(elem, "transform: %v", err)
		}
		// Widths set on ancestors were already scaled by their transforms;
		// this element's own stroke-width attribute is in its own units.
		if w, ok := attrs["stroke-width"]; ok {
			v, _ := strconv.ParseFloat(w, 64)
			st.width = v * st.m.mul(m).scale()
		} else {
			st.width *= m.scale()
		}
		st.m = st.m.mul(m)
	}
	return st, nil
}
