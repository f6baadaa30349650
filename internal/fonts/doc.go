// Package fonts knows the embedded fonts: their bytes, once read, and which
// characters each can draw (from its cmap table), so that text a document
// cannot show is reported rather than printed as blanks or boxes. It is safe
// for concurrent use.
package fonts
