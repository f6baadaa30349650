// Package fonts embeds the TrueType fonts every document uses, with their
// licences beside them: Noto Sans (regular, bold, italic, bold italic) for
// adult documents and Andika, a literacy font, for children's pages, and the
// Noto fonts for the scripts they lack (Naskh Arabic, Nastaliq Urdu, Bengali,
// Gurmukhi, Devanagari, Ethiopic; regular and bold), copied unchanged from
// Debian's fonts-noto-core. All are under the SIL Open Font License 1.1
// (LICENSE-*.txt).
package fonts

import "embed"

// FS holds the *.ttf files and their licences.
//
//go:embed *.ttf LICENSE-*.txt
var FS embed.FS
