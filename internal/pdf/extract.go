package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// ErrNoAttachments means the PDF carries no embedded files this package
// can read.
var ErrNoAttachments = errors.New("no embedded files")

var (
	fileObj = regexp.MustCompile(`(?m)^(\d+) 0 obj\n<< /Type /EmbeddedFile /Length (\d+) /Filter /FlateDecode /Params << /CheckSum <[0-9a-f]+> /Size (\d+) >> >>\s*stream\r?\n`)
	specObj = regexp.MustCompile(`<< /Type /Filespec /F \(\) /UF \(`)
)

// maxAttachment bounds what one embedded file may inflate to.
const maxAttachment = 64 << 20

// Attachments reads the embedded files of a PDF written by Write. It is
// strict: anything it cannot read is an error, never a guess.
func Attachments(data []byte) ([]Attachment, error) {
	streams := map[int][]byte{}
	for _, m := range fileObj.FindAllSubmatchIndex(data, -1) {
		id, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		n, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		size, _ := strconv.Atoi(string(data[m[6]:m[7]]))
		start := m[1]
		if n < 0 || start+n > len(data) || size > maxAttachment {
			return nil, fmt.Errorf("pdf: embedded file %d is cut short", id)
		}
		zr, err := zlib.NewReader(bytes.NewReader(data[start : start+n]))
		if err != nil {
			return nil, fmt.Errorf("pdf: embedded file %d: %w", id, err)
		}
		b, err := io.ReadAll(io.LimitReader(zr, maxAttachment+1))
		if err != nil || len(b) != size {
			return nil, fmt.Errorf("pdf: embedded file %d is damaged", id)
		}
		streams[id] = b
	}
	var out []Attachment
	for _, loc := range specObj.FindAllIndex(data, -1) {
		rest := data[loc[1]-1:]
		name, n, err := readString(rest)
		if err != nil {
			return nil, err
		}
		rest = rest[n:]
		var id int
		if _, err := fmt.Sscanf(string(rest[:min(len(rest), 40)]), " /EF << /F %d 0 R >> /Desc ", &id); err != nil {
			return nil, errors.New("pdf: a file specification is not in the expected form")
		}
		i := bytes.Index(rest, []byte("/Desc "))
		desc, _, err := readString(rest[i+6:])
		if err != nil {
			return nil, err
		}
		content, ok := streams[id]
		if !ok {
			return nil, fmt.Errorf("pdf: embedded file %q has no content", name)
		}
		out = append(out, Attachment{Name: name, Description: desc, Data: content})
	}
	if len(out) == 0 {
		return nil, ErrNoAttachments
	}
	return out, nil
}

// readString reads a PDF literal string holding UTF-16BE text with a byte
// order mark, as fpdf writes it; it returns the text and bytes consumed.
func readString(b []byte) (string, int, error) {
	if len(b) == 0 || b[0] != '(' {
		return "", 0, errors.New("pdf: expected a string")
	}
	var raw []byte
	for i := 1; i < len(b); i++ {
		switch c := b[i]; c {
		case '\\':
			if i+1 >= len(b) {
				return "", 0, errors.New("pdf: string cut short")
			}
			i++
			switch b[i] {
			case 'r':
				raw = append(raw, '\r')
			case 'n':
				raw = append(raw, '\n')
			default:
				raw = append(raw, b[i])
			}
		case ')':
			return decodeUTF16(raw), i + 1, nil
		default:
			raw = append(raw, c)
		}
	}
	return "", 0, errors.New("pdf: string cut short")
}

func decodeUTF16(b []byte) string {
	if len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff {
		b = b[2:]
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}
