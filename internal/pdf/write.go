package pdf

import (
	"io"
	"time"

	"github.com/familynetwork/safetyplan/internal/layout"
)

// Meta is the document's metadata.
type Meta struct {
	Title, Subject, Author, Keywords, Language string
	// Created is the creation date written into the file: derive it from
	// the plan, never the clock, so that output is deterministic.
	Created time.Time
}

// Attachment is a file embedded in the PDF.
type Attachment struct {
	Name        string
	Description string
	Data        []byte
}

// Image is a prepared raster picture (already oriented, resized and
// stripped of metadata).
type Image struct {
	Data   []byte
	Format string // "jpeg" or "png"
}

// Document is everything needed to write one PDF.
type Document struct {
	Spec  layout.PageSpec
	Pages []layout.Page
	// Decorate returns the items drawn on page i (0-based) of n: headers,
	// footers, page numbers. It may be nil.
	Decorate    func(i, n int) []layout.Item
	Meta        Meta
	Attachments []Attachment
	// Images maps picture references (upload:NAME, data:...) to prepared
	// images; library: references are drawn as vectors.
	Images map[string]Image
}

// Write draws the document and writes the PDF to w: text shaped with
// go-text and embedded as subset fonts, pictures as images or vector
// paths, links, the attachments, metadata; the same document always gives
// the same bytes.
func Write(w io.Writer, d Document) error {
	return writeOwn(w, d)
}

func isBackground(it layout.Item) bool {
	r, ok := it.(layout.Rect)
	return ok && r.Fill != nil && r.Stroke == nil
}
