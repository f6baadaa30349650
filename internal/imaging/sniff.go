package imaging

import (
	"bytes"
	"fmt"
)

// format is a picture format this package can decode.
type format string

// The decodable formats.
const (
	formatJPEG format = "jpeg"
	formatPNG  format = "png"
	formatGIF  format = "gif"
	formatWebP format = "webp"
)

// sniff returns the format of src from its first bytes, or an *Error naming
// what the bytes look like instead.
func sniff(src []byte) (format, error) {
	switch {
	case bytes.HasPrefix(src, []byte("\xff\xd8\xff")):
		return formatJPEG, nil
	case bytes.HasPrefix(src, []byte("\x89PNG\r\n\x1a\n")):
		return formatPNG, nil
	case bytes.HasPrefix(src, []byte("GIF87a")), bytes.HasPrefix(src, []byte("GIF89a")):
		return formatGIF, nil
	case len(src) >= 12 && string(src[:4]) == "RIFF" && string(src[8:12]) == "WEBP":
		return formatWebP, nil
	}
	return "", unsupported(src)
}

// unsupported builds the error for bytes that are not a decodable picture,
// naming the format when it is a common mistake.
func unsupported(src []byte) *Error {
	name, advice := lookalike(src)
	if name == "" {
		return errorf(CodeUnsupportedFormat, nil,
			"this file is not a picture that can be used. %s %s", formatsHelp, phoneHelp)
	}
	return errorf(CodeUnsupportedFormat, nil,
		"this looks like %s, which cannot be used. %s %s", name, formatsHelp, advice)
}

// lookalike names well-known formats that are not accepted, with advice.
func lookalike(src []byte) (name, advice string) {
	switch {
	case isHEIF(src):
		return "a HEIC photo", phoneHelp
	case isAVIF(src):
		return "an AVIF photo", phoneHelp
	case bytes.HasPrefix(src, []byte("%PDF-")):
		return "a PDF document, not a picture", "Take a screenshot of the page, or export it as PNG or JPEG."
	case isSVG(src):
		return "an SVG drawing", "Export the drawing as PNG."
	case bytes.HasPrefix(src, []byte("BM")) && len(src) > 26:
		return "a BMP picture", "Open it and save it as PNG or JPEG."
	case bytes.HasPrefix(src, []byte("II*\x00")), bytes.HasPrefix(src, []byte("MM\x00*")):
		return "a TIFF picture", "Open it and save it as PNG or JPEG."
	case bytes.HasPrefix(src, []byte("\xff\x0a")), bytes.HasPrefix(src, []byte("\x00\x00\x00\x0cJXL \r\n\x87\n")):
		return "a JPEG XL picture", "Save it as ordinary JPEG or PNG."
	case bytes.HasPrefix(src, []byte("8BPS")):
		return "a Photoshop file", "Export it as PNG or JPEG."
	case bytes.HasPrefix(src, []byte("PK\x03\x04")):
		return "a Word, ZIP or other office file", "Save the picture inside it as PNG or JPEG."
	}
	return "", ""
}

// isoBrand returns the major brand of an ISO base media file ("ftyp" box),
// or "".
func isoBrand(src []byte) string {
	if len(src) < 12 || string(src[4:8]) != "ftyp" {
		return ""
	}
	return string(src[8:12])
}

// isHEIF reports whether src is a HEIC/HEIF image.
func isHEIF(src []byte) bool {
	switch isoBrand(src) {
	case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1":
		return true
	}
	return false
}

// isAVIF reports whether src is an AVIF image.
func isAVIF(src []byte) bool {
	b := isoBrand(src)
	return b == "avif" || b == "avis"
}

// isSVG reports whether src is an SVG document: text whose first element,
// after any XML declaration, comments or doctype, is <svg.
func isSVG(src []byte) bool {
	head := src[:min(len(src), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.ToLower(bytes.TrimSpace(head))
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	return bytes.Contains(head, []byte("<svg"))
}

// sizeMB formats a byte count in megabytes for messages.
func sizeMB(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
