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

// ErrTooLarge is wrapped by the error Attachments returns when a PDF names
// more embedded files than MaxAttachments, or declares more bytes than
// MaxAttachmentBytes for one or MaxAttachedBytes for all.
var ErrTooLarge = errors.New("pdf: the embedded files are over the limit")

// The limits of Attachments. A worker's copy carries the plan JSON (at most
// the request limit, 25 MB) and the prepared copies of its photos, so these
// leave room for any copy the service made.
const (
	// MaxAttachments is the most file specifications read.
	MaxAttachments = 100
	// MaxAttachmentBytes is the most one embedded file may unpack to.
	MaxAttachmentBytes = 32 << 20
	// MaxAttachedBytes is the most all the embedded files together may
	// unpack to.
	MaxAttachedBytes = 32 << 20
)

// maxDeflateRatio is more than deflate can achieve (about 1032 to 1): a
// declared size needing more is a lie the compressed data cannot cover.
const maxDeflateRatio = 1100

var (
	fileObj = regexp.MustCompile(`(?m)^(\d+) 0 obj\n<< /Type /EmbeddedFile /Length (\d+) /Filter /FlateDecode /Params << /CheckSum <[0-9a-f]+> /Size (\d+) >> >>\s*stream\r?\n`)
	specObj = regexp.MustCompile(`<< /Type /Filespec /F \(\) /UF \(`)
)

// spec is a file specification: the name, description and object id of an
// embedded file.
type spec struct {
	name, desc string
	id         int
}

// stream is an embedded file's compressed data and declared size.
type stream struct {
	data []byte
	size int
}

// Attachments reads the embedded files of a PDF written by Write. It is
// strict: anything it cannot read is an error, never a guess.
//
// It reads the file specifications first, then checks every size they
// declare against the limits before inflating anything, and inflates only
// the streams they name, each to no more than its declared size: the
// memory it uses is bounded by MaxAttachedBytes whatever the PDF holds.
func Attachments(data []byte) ([]Attachment, error) {
	specs, err := fileSpecs(data)
	if err != nil {
		return nil, err
	}
	if len(specs) == 0 {
		return nil, ErrNoAttachments
	}
	streams, err := embeddedStreams(data)
	if err != nil {
		return nil, err
	}
	total := 0
	for _, sp := range specs {
		st, ok := streams[sp.id]
		if !ok {
			return nil, fmt.Errorf("pdf: embedded file %q has no content", sp.name)
		}
		if st.size > MaxAttachmentBytes {
			return nil, fmt.Errorf("%w: %q would unpack to %d bytes; the limit for one file is %d MB", ErrTooLarge, sp.name, st.size, MaxAttachmentBytes>>20)
		}
		if st.size > len(st.data)*maxDeflateRatio+64 {
			return nil, fmt.Errorf("pdf: embedded file %q is damaged (its data cannot hold the %d bytes it declares)", sp.name, st.size)
		}
		if total += st.size; total > MaxAttachedBytes {
			return nil, fmt.Errorf("%w: the embedded files would unpack to more than %d MB together", ErrTooLarge, MaxAttachedBytes>>20)
		}
	}
	out := make([]Attachment, 0, len(specs))
	inflated := map[int][]byte{} // a stream named twice is inflated once
	for _, sp := range specs {
		b, ok := inflated[sp.id]
		if !ok {
			if b, err = inflate(streams[sp.id]); err != nil {
				return nil, fmt.Errorf("pdf: embedded file %q %w", sp.name, err)
			}
			inflated[sp.id] = b
		}
		out = append(out, Attachment{Name: sp.name, Description: sp.desc, Data: b})
	}
	return out, nil
}

// fileSpecs reads the file specifications, at most MaxAttachments of them.
func fileSpecs(data []byte) ([]spec, error) {
	locs := specObj.FindAllIndex(data, MaxAttachments+1)
	if len(locs) > MaxAttachments {
		return nil, fmt.Errorf("%w: the PDF names more than %d embedded files", ErrTooLarge, MaxAttachments)
	}
	var out []spec
	for _, loc := range locs {
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
		out = append(out, spec{name: name, desc: desc, id: id})
	}
	return out, nil
}

// embeddedStreams finds the embedded file objects, without inflating them.
func embeddedStreams(data []byte) (map[int]stream, error) {
	streams := map[int]stream{}
	for _, m := range fileObj.FindAllSubmatchIndex(data, -1) {
		id, err1 := strconv.Atoi(string(data[m[2]:m[3]]))
		n, err2 := strconv.Atoi(string(data[m[4]:m[5]]))
		size, err3 := strconv.Atoi(string(data[m[6]:m[7]]))
		start := m[1]
		if err1 != nil || err2 != nil || err3 != nil || n < 0 || n > len(data)-start {
			return nil, fmt.Errorf("pdf: embedded file %s is cut short", data[m[2]:m[3]])
		}
		streams[id] = stream{data: data[start : start+n], size: size}
	}
	return streams, nil
}

// inflate unpacks one stream, which must hold exactly its declared size.
func inflate(st stream) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(st.data))
	if err != nil {
		return nil, fmt.Errorf("is damaged: %w", err)
	}
	buf := bytes.NewBuffer(make([]byte, 0, st.size+1))
	if _, err := io.Copy(buf, io.LimitReader(zr, int64(st.size)+1)); err != nil || buf.Len() != st.size {
		return nil, errors.New("is damaged")
	}
	return buf.Bytes(), nil
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
