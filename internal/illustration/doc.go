// Package illustration turns the project's built-in illustration library
// (package github.com/familynetwork/safetyplan/assets/illustrations) into
// vector pictures that the PDF writers draw directly, PNGs for the web, and
// an HTTP handler that serves both with the catalogue.
//
// # The SVG subset
//
// The pictures are hand-editable SVG files restricted to a small subset,
// so that the PDF output (vector paths) and the PNG output (this package's
// rasterizer) always match what a browser shows. Parse rejects anything
// else with a *ParseError naming the file, line and element.
//
// Elements:
//
//   - svg: the root, exactly once, with xmlns="http://www.w3.org/2000/svg"
//     and viewBox="minx miny width height" (the library uses 0 0 200 200);
//     width and height are allowed and ignored.
//   - g: a group; its presentation attributes are inherited.
//   - path with d: the commands M L H V C S Q T A Z, absolute (upper case)
//     and relative (lower case), with implicit repeats.
//   - rect (x, y, width, height, rx, ry), circle (cx, cy, r),
//     ellipse (cx, cy, rx, ry), line (x1, y1, x2, y2),
//     polyline and polygon (points).
//   - title and desc: text only, ignored when drawing.
//   - XML comments anywhere.
//
// Presentation attributes, on any element but title and desc:
//
//   - fill, stroke: none, #rgb or #rrggbb (no names, no opacity).
//     fill defaults to black and stroke to none, as in SVG.
//   - stroke-width: a plain number in user units (default 1).
//   - stroke-linecap, stroke-linejoin: only "round". Every stroke is drawn
//     with round caps and joins; the files say so on the root element so
//     that browsers agree.
//   - fill-rule: nonzero (default) or evenodd.
//   - transform: a list of translate(x [y]), scale(s [t]),
//     rotate(deg [cx cy]) and matrix(a b c d e f).
//   - id, which is ignored.
//
// Lengths are plain numbers: no units, no percentages. There is no CSS
// (style, class), no text, no images, no gradients, no opacity, no use or
// defs, no namespaced attributes, and no DOCTYPE.
//
// # The model
//
// Parse produces a Picture: a list of Shapes, each a path of MoveTo,
// LineTo, CubicTo and Close segments in viewBox units with every transform
// applied, every curve (quadratics, arcs, circles, ellipses, rounded
// corners) converted to cubic Béziers, and the viewBox moved to start at
// (0, 0). A Shape is filled first, then stroked.
//
// # Rendering
//
// Picture.RenderRGBA and Picture.PNG rasterize with
// golang.org/x/image/vector: fills directly (non-zero, or even-odd by
// combining one mask per subpath), strokes by flattening the path and
// painting a quadrilateral per straight piece and a disc per vertex.
//
// # The library
//
// Load parses the embedded library once and caches it; Lookup, Catalogue
// and Nearest use it.
//
// # Portraits and scenes
//
// Besides the hand-drawn files, Lookup and Source answer for pictures
// drawn from a description: "person-" and the ten words of a Look (skin
// tone, hair, age, presentation, head covering, glasses, beard,
// wheelchair, hearing aid, role, colour of top, expression), and "scene-"
// with a kind (family, helpers, meeting, hug, group) and ten words per
// person. PortraitSVG and SceneSVG write them in the same SVG subset, so
// they parse, draw and serve like any other picture; they are not in the
// catalogue. NewLibrary reads a library from any fs.FS, checking
// that catalogue.json and the SVG files agree exactly.
package illustration
