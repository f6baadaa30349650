// Package pdf writes laid-out pages as PDF with the project's own writer
// (file.go: objects and cross-references; font.go and subset.go: subset
// Type0/CIDFontType2 fonts with ToUnicode maps; glyphs.go: shaped text;
// image.go: JPEG and PNG pictures; path.go: vector shapes and clipping;
// own.go: pages, links, attachments and metadata). It makes no layout
// decisions: it draws the items it is given. Fonts are parsed once per
// process (package fonts) and subset per document; text is measured and
// drawn with the same shaped glyphs; the same document always gives the
// same bytes. Write is safe for concurrent use.
package pdf
