package pdf

import "bytes"

// PageCount returns the number of pages in a PDF made by Write: each page
// object's dictionary is written uncompressed, as "<</Type /Page" and a
// line break by fpdf, as "<< /Type /Page /" by the project's own writer.
// It is for metrics, not for reading other PDFs.
func PageCount(pdf []byte) int {
	return bytes.Count(pdf, []byte("<</Type /Page\n")) + bytes.Count(pdf, []byte("<< /Type /Page /"))
}
