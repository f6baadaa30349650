// Package pdf draws laid-out pages with fpdf, the only package that imports
// it. It makes no layout decisions: it draws the items it is given, embeds
// the fonts, sets the metadata and attachments, and writes deterministic
// bytes (fixed dates, sorted catalogue, compressed streams).
package pdf
