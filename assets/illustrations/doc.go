// Package illustrations holds the project's own illustration library: one
// hand-editable SVG file per picture (NAME.svg) and catalogue.json, which
// lists every picture's name, description and tags.
//
// The art shares one style: flat, warm colours with dark round-cornered
// outlines (stroke #333, width 4 on a 200 by 200 viewBox), big simple faces,
// and value contrast that survives black-and-white printing. The SVG files
// use only the subset that package
// github.com/familynetwork/safetyplan/internal/illustration parses; see its
// documentation before editing one.
//
// To add a picture: draw NAME.svg (kebab-case NAME, viewBox "0 0 200 200",
// stroke-linecap and stroke-linejoin "round" on the root), add an entry to
// catalogue.json, and run the illustration tests, which check that every
// file parses, renders, and matches the catalogue.
package illustrations
