package pdf

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"github.com/klauspost/compress/zlib"
	"io"
	"math"
	"strconv"
	"sync"
	"unicode/utf16"
)

// file assembles a PDF's objects in memory and writes them with a
// cross-reference table. Objects are numbered in the order they are
// reserved, so the same calls give the same bytes.
type file struct {
	buf     *bytes.Buffer // from buffers; released by finish
	offsets []int         // by object number - 1; 0 until written
}

// ref is an indirect object reference.
type ref int

func (r ref) String() string { return strconv.Itoa(int(r)) + " 0 R" }

func newFile() *file {
	f := &file{buf: getBuffer()}
	f.buf.WriteString("%PDF-1.7\n%\xc2\xb5\xc2\xb6\n")
	return f
}

// reserve returns the number of an object to be written later.
func (f *file) reserve() ref {
	f.offsets = append(f.offsets, 0)
	return ref(len(f.offsets))
}

// obj writes object r with the dictionary or value body.
func (f *file) obj(r ref, body string) {
	f.offsets[r-1] = f.buf.Len()
	fmt.Fprintf(f.buf, "%d 0 obj\n%s\nendobj\n", r, body)
}

// objBytes is obj for a body assembled as bytes.
func (f *file) objBytes(r ref, body []byte) {
	f.offsets[r-1] = f.buf.Len()
	f.buf.Write(strconv.AppendInt(f.buf.AvailableBuffer(), int64(r), 10))
	f.buf.WriteString(" 0 obj\n")
	f.buf.Write(body)
	f.buf.WriteString("\nendobj\n")
}

// appendRef appends the reference "N 0 R".
func appendRef(b []byte, r ref) []byte {
	b = strconv.AppendInt(b, int64(r), 10)
	return append(b, " 0 R"...)
}

// add reserves and writes an object in one step.
func (f *file) add(body string) ref {
	r := f.reserve()
	f.obj(r, body)
	return r
}

// stream writes object r as a stream with the extra dictionary entries
// dict (without the brackets), compressing data unless raw is set (data
// already in its own compression, as a JPEG).
func (f *file) stream(r ref, dict string, data []byte, compress bool) {
	if compress {
		z := getBuffer()
		defer putBuffer(z)
		deflateTo(z, data)
		data = z.Bytes()
		dict = "/Filter /FlateDecode " + dict
	}
	f.offsets[r-1] = f.buf.Len()
	fmt.Fprintf(f.buf, "%d 0 obj\n<< %s/Length %d >>\nstream\n", r, dict, len(data))
	f.buf.Write(data)
	f.buf.WriteString("\nendstream\nendobj\n")
}

// addCompressed reserves and writes a stream whose data is already
// compressed with deflate.
func (f *file) addCompressed(dict string, z []byte) ref {
	r := f.reserve()
	f.offsets[r-1] = f.buf.Len()
	fmt.Fprintf(f.buf, "%d 0 obj\n<< /Filter /FlateDecode %s/Length %d >>\nstream\n", r, dict, len(z))
	f.buf.Write(z)
	f.buf.WriteString("\nendstream\nendobj\n")
	return r
}

// addStream reserves and writes a stream in one step.
func (f *file) addStream(dict string, data []byte, compress bool) ref {
	r := f.reserve()
	f.stream(r, dict, data, compress)
	return r
}

// embeddedFile writes an attachment's content exactly as fpdf did, so
// that Attachments reads copies made by either writer.
func (f *file) embeddedFile(data []byte) ref {
	r := f.reserve()
	zb := getBuffer()
	defer putBuffer(zb)
	deflateTo(zb, data)
	z := zb.Bytes()
	sum := md5.Sum(data)
	f.offsets[r-1] = f.buf.Len()
	fmt.Fprintf(f.buf, "%d 0 obj\n<< /Type /EmbeddedFile /Length %d /Filter /FlateDecode /Params << /CheckSum <%x> /Size %d >> >>\n\nstream\n", r, len(z), sum, len(data))
	f.buf.Write(z)
	f.buf.WriteString("\nendstream\nendobj\n")
	return r
}

// finish writes the cross-reference table and trailer to w.
func (f *file) finish(w io.Writer, root, info ref, id []byte) error {
	start := f.buf.Len()
	fmt.Fprintf(f.buf, "xref\n0 %d\n0000000000 65535 f \n", len(f.offsets)+1)
	for i, off := range f.offsets {
		if off == 0 {
			return fmt.Errorf("pdf: object %d was reserved but never written", i+1)
		}
		fmt.Fprintf(f.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(f.buf, "trailer\n<< /Size %d /Root %s /Info %s /ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offsets)+1, root, info, id, id, start)
	_, err := w.Write(f.buf.Bytes())
	putBuffer(f.buf)
	f.buf = nil
	return err
}

// buffers holds the byte buffers a document is assembled in (the file,
// each page's content stream, compressed streams), so that each document
// reuses the grown buffers of the ones before instead of growing its own
// from nothing.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer kept for reuse: a document with many
// photos may grow one far beyond what the next needs.
const maxPooled = 4 << 20

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

// putBuffer returns b for reuse; nothing may hold b's bytes afterwards.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooled {
		return
	}
	b.Reset()
	buffers.Put(b)
}

var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// deflate compresses b with a pooled zlib writer into a new slice, for
// data kept beyond the document (a cached font subset).
func deflate(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b)/2 + 64)
	deflateTo(&out, b)
	return out.Bytes()
}

// deflateTo compresses b with a pooled zlib writer, appending to out.
func deflateTo(out *bytes.Buffer, b []byte) {
	zw := zlibWriters.Get().(*zlib.Writer)
	zw.Reset(out)
	_, _ = zw.Write(b)
	_ = zw.Close()
	zlibWriters.Put(zw)
}

// text returns s as a PDF string: plain when it is printable ASCII,
// otherwise UTF-16BE with a byte order mark; escaped either way.
func text(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 32 || s[i] > 126 {
			ascii = false
			break
		}
	}
	var raw []byte
	if ascii {
		raw = []byte(s)
	} else {
		raw = []byte{0xfe, 0xff}
		for _, u := range utf16.Encode([]rune(s)) {
			raw = append(raw, byte(u>>8), byte(u))
		}
	}
	return "(" + escape(raw) + ")"
}

// utf16Text returns s as a UTF-16BE PDF string with a byte order mark,
// always, as fpdf wrote the names of embedded files.
func utf16Text(s string) string {
	raw := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		raw = append(raw, byte(u>>8), byte(u))
	}
	return "(" + escape(raw) + ")"
}

// escape escapes the bytes of a literal string as fpdf did: backslash,
// parentheses and carriage return.
func escape(raw []byte) string {
	var b bytes.Buffer
	for _, c := range raw {
		switch c {
		case '\\', '(', ')':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// num formats a length for a content stream: at most three decimals, no
// trailing zeros, never "-0".
func num(v float64) string {
	var b [24]byte
	return string(appendNum(b[:0], v))
}

// appendNum appends v as num formats it, without allocating: rounded to
// thousandths in integers (content streams hold millions of numbers, and
// strconv's shortest-float search was a tenth of a document's time).
func appendNum(b []byte, v float64) []byte {
	n := math.Round(v * 1000)
	if !(math.Abs(n) < 1e15) { // huge or NaN: never drawn, but stay valid
		return strconv.AppendFloat(b, v, 'f', 3, 64)
	}
	i := int64(n)
	if i < 0 {
		b = append(b, '-')
		i = -i
	}
	b = strconv.AppendInt(b, i/1000, 10)
	if f := i % 1000; f != 0 {
		d := [4]byte{'.', byte('0' + f/100), byte('0' + f/10%10), byte('0' + f%10)}
		k := 4
		for d[k-1] == '0' {
			k--
		}
		b = append(b, d[:k]...)
	}
	return b
}
