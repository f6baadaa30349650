// Package fonts knows the embedded fonts: their bytes and parsed tables,
// read once per process; which characters each can draw (from its cmap
// table), so that text a document cannot show is reported rather than
// printed as blanks or boxes; a fallback chain per family for the scripts
// Noto Sans and Andika lack; and shaping with go-text's HarfBuzz port
// (bidi, script and font segmentation), so that text is measured with the
// same glyphs that are drawn. It is the only importer of go-text's font
// and shaping packages, and is safe for concurrent use.
package fonts
