// Package layout measures, places and paginates documents. A document is a
// list of Blocks (paragraphs, headings, tables, pictures, boxes); Paginate
// breaks each block into Strips of known height at the page's width, then
// places the strips on pages, repeating table headers and keeping headings
// with what follows. The rules: a heading (a Heading strip) never ends a
// page but takes two lines of what follows with it; a run of Together
// strips (a table of up to KeepTogetherRows rows, a Group) is kept whole
// when it takes no more than half a page; a paragraph keeps its first two
// and its last two lines together; a last page carrying a line or two is
// pulled back by tightening the spacing (Tight does the same on purpose);
// an email or web address breaks only after "@", "." or "/". The result, a list of Pages of positioned Items, is a
// plain value that a backend draws without making any layout decision, and
// that Dump writes as text for golden tests.
//
// All lengths are millimetres; y grows down the page. Layout is
// deterministic and safe for concurrent use with distinct Measurers.
package layout
