// Package layout measures, places and paginates documents. A document is a
// list of Blocks (paragraphs, headings, tables, pictures, boxes); Paginate
// breaks each block into Strips of known height at the page's width, then
// places the strips on pages, repeating table headers and keeping headings
// with what follows. The result, a list of Pages of positioned Items, is a
// plain value that a backend draws without making any layout decision, and
// that Dump writes as text for golden tests.
//
// All lengths are millimetres; y grows down the page. Layout is
// deterministic and safe for concurrent use with distinct Measurers.
package layout
