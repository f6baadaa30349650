package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
)

// embedded is one file to put in a hand-made PDF: its content (or a
// stream of zeros of the given size), what its header declares, and
// whether a file specification names it.
type embedded struct {
	name    string
	data    []byte
	zeros   int  // when > 0, content is this many zero bytes
	declare int  // the /Size declared; -1 means the true size
	unnamed bool // no file specification names it
}

func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("(\xfe\xff")
	for _, u := range utf16.Encode([]rune(s)) {
		for _, c := range []byte{byte(u >> 8), byte(u)} {
			if c == '(' || c == ')' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
	}
	b.WriteString(")")
	return b.String()
}

// compressed caches deflated streams of zeros, which are slow to make.
var compressed = map[int][]byte{}

func deflatedZeros(t testing.TB, e embedded) []byte {
	if e.zeros > 0 {
		if b, ok := compressed[e.zeros]; ok {
			return b
		}
	}
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	if e.zeros > 0 {
		chunk := make([]byte, 1<<20)
		for n := e.zeros; n > 0; n -= len(chunk) {
			if _, err := zw.Write(chunk[:min(n, len(chunk))]); err != nil {
				t.Fatal(err)
			}
		}
	} else if _, err := zw.Write(e.data); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	if e.zeros > 0 {
		compressed[e.zeros] = buf.Bytes()
	}
	return buf.Bytes()
}

// handMade writes a PDF whose embedded files are laid out as Write lays
// them out, so that Attachments reads it.
func handMade(t testing.TB, files ...embedded) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	for i, e := range files {
		z := deflatedZeros(t, e)
		size := len(e.data)
		if e.zeros > 0 {
			size = e.zeros
		}
		if e.declare >= 0 {
			size = e.declare
		}
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /EmbeddedFile /Length %d /Filter /FlateDecode /Params << /CheckSum <00> /Size %d >> >>\nstream\n", 10+i, len(z), size)
		b.Write(z)
		b.WriteString("\nendstream\nendobj\n")
	}
	for i, e := range files {
		if !e.unnamed {
			fmt.Fprintf(&b, "%d 0 obj\n<< /Type /Filespec /F () /UF %s /EF << /F %d 0 R >> /Desc %s >>\nendobj\n", 500+i, pdfText(e.name), 10+i, pdfText("about "+e.name))
		}
	}
	b.WriteString("%%EOF\n")
	return b.Bytes()
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestAttachmentsReadsWhatTheyDeclare(t *testing.T) {
	doc := handMade(t, embedded{name: "plan.json", data: []byte(`{"a":1}`), declare: -1},
		embedded{name: "gran (1).jpg", data: bytes.Repeat([]byte{7}, 5000), declare: -1})
	as, err := Attachments(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 || as[0].Name != "plan.json" || string(as[0].Data) != `{"a":1}` || as[1].Name != "gran (1).jpg" || len(as[1].Data) != 5000 || as[1].Description != "about gran (1).jpg" {
		t.Fatalf("got %+v", as)
	}
}

// Decompression bombs, and lies about sizes: each is refused, and what
// Attachments allocates stays far below what the streams would inflate to.
func TestAttachmentsBombs(t *testing.T) {
	many := make([]embedded, MaxAttachments+1)
	for i := range many {
		many[i] = embedded{name: fmt.Sprintf("f%d", i), data: []byte("x"), declare: -1}
	}
	twenty := make([]embedded, 20)
	for i := range twenty {
		twenty[i] = embedded{name: fmt.Sprintf("zeros%d", i), zeros: 64 << 20, declare: -1}
	}
	unnamed := append([]embedded{{name: "plan.json", data: []byte("{}"), declare: -1}}, twenty...)
	for i := 1; i < len(unnamed); i++ {
		unnamed[i].unnamed = true
	}
	tests := []struct {
		name     string
		files    []embedded
		tooLarge bool   // want ErrTooLarge; otherwise another error
		want     string // in the message
		ok       bool   // no error at all
	}{
		{"twenty streams of 64 MiB of zeros", twenty, true, "limit for one file is 32 MB", false},
		{"one over the limit for one file", []embedded{{name: "big", zeros: MaxAttachmentBytes + 1, declare: -1}}, true, "limit for one file", false},
		{"two that together pass the total", []embedded{{name: "a", zeros: 20 << 20, declare: -1}, {name: "b", zeros: 20 << 20, declare: -1}}, true, "more than 32 MB together", false},
		{"more files than the limit", many, true, "more than 100 embedded files", false},
		{"a size declared small that inflates large", []embedded{{name: "liar", zeros: 64 << 20, declare: 10}}, false, `"liar" is damaged`, false},
		{"a size the data cannot cover", []embedded{{name: "thin", data: []byte("tiny"), declare: 30 << 20}}, false, "cannot hold", false},
		{"bombs no file specification names are never inflated", unnamed, false, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := handMade(t, tc.files...)
			var err error
			n := allocated(func() { _, err = Attachments(doc) })
			switch {
			case tc.ok && err != nil:
				t.Fatalf("error %v", err)
			case !tc.ok && err == nil:
				t.Fatal("no error")
			case !tc.ok && errors.Is(err, ErrTooLarge) != tc.tooLarge:
				t.Fatalf("error %v: ErrTooLarge is %v, want %v", err, !tc.tooLarge, tc.tooLarge)
			case err != nil && !strings.Contains(err.Error(), tc.want):
				t.Fatalf("error %q does not say %q", err, tc.want)
			}
			// The limit-sized refusals allocate less than one stream would
			// inflate to; the rest next to nothing.
			if limit := uint64(4 << 20); n > limit {
				t.Errorf("allocated %d MB; want under %d MB", n>>20, limit>>20)
			}
		})
	}
}
