package pdf

import "bytes"

// PageCount returns the number of pages in a PDF made by Write: fpdf writes
// each page object's dictionary, uncompressed, as "<</Type /Page" followed
// by a line break. It is for metrics, not for reading other PDFs.
func PageCount(pdf []byte) int {
	return bytes.Count(pdf, []byte("<</Type /Page\n"))
}
