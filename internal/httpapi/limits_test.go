package httpapi

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// bombPDF is a PDF laid out as the service writes a worker's copy, whose
// n embedded files are each size bytes of zeros (about 1,000 to 1
// compressed), all named by file specifications.
func bombPDF(t *testing.T, n, size int) []byte {
	t.Helper()
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	chunk := make([]byte, 1<<20)
	for left := size; left > 0; left -= len(chunk) {
		zw.Write(chunk[:min(left, len(chunk))])
	}
	zw.Close()
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	for i := range n {
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /EmbeddedFile /Length %d /Filter /FlateDecode /Params << /CheckSum <00> /Size %d >> >>\nstream\n", 10+i, z.Len(), size)
		b.Write(z.Bytes())
		b.WriteString("\nendstream\nendobj\n")
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /Filespec /F () /UF (\xfe\xff\x00f\x00%c) /EF << /F %d 0 R >> /Desc (\xfe\xff\x00x) >>\nendobj\n", 500+i, 'a'+i, 10+i)
	}
	b.WriteString("%%EOF\n")
	return b.Bytes()
}

// Item 1 of issue 17: twenty 64 MiB streams of zeros in a 1.3 MB PDF took
// the process to 1.76 GB. Four at once are now refused with 413, and the
// server's peak memory barely moves.
func TestExtractBombIsRefusedWithinMemory(t *testing.T) {
	s := newTestServer(t, nil)
	bomb := bombPDF(t, 20, 64<<20)
	if len(bomb) > 2_000_000 {
		t.Fatalf("the bomb is %d bytes, over the test server's limit", len(bomb))
	}
	const atOnce = 4
	codes := make([]int, atOnce)
	details := make([]string, atOnce)
	use := measure(t, func() {
		var wg sync.WaitGroup
		for i := range atOnce {
			wg.Go(func() {
				rec := do(s, "POST", "/v1/plans/extract", "application/pdf", bomb)
				codes[i] = rec.Code
				details[i] = rec.Body.String()
			})
		}
		wg.Wait()
	})
	for i, code := range codes {
		if code != 413 || !strings.Contains(details[i], "32 MB each") {
			t.Errorf("request %d: %d %s; want 413 naming the limit", i, code, details[i])
		}
	}
	use.within(t, 100, 100)
}

// Item 3 of issue 17: eight plans at once, each with a 70 to 100 byte PNG
// claiming 1 × 50,000,000 pixels (or 8,000 × 6,000 it cannot hold),
// reached 978 MB. Each is now a 422 naming the upload, from the header.
func TestTinyPicturesClaimingHugeSizes(t *testing.T) {
	s := newTestServer(t, nil)
	for _, tc := range []struct {
		name string
		png  []byte
		says string
	}{
		{"1 × 50,000,000", withIDAT(pngHeader(1, 50_000_000)), "no side may be more than 20000 pixels"},
		{"8,000 × 6,000 in 90 bytes", withIDAT(pngHeader(8000, 6000)), "could not be read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ct, body := withUpload(t, tc.png)
			const atOnce = 8
			recs := make([]*httptest.ResponseRecorder, atOnce)
			use := measure(t, func() {
				var wg sync.WaitGroup
				for i := range atOnce {
					wg.Go(func() { recs[i] = do(s, "POST", "/v1/documents/words-and-pictures", ct, body) })
				}
				wg.Wait()
			})
			for i, rec := range recs {
				if rec.Code != 422 || !strings.Contains(rec.Body.String(), "rhys-drawing.png") || !strings.Contains(rec.Body.String(), tc.says) {
					t.Errorf("plan %d: %d %.300s; want 422 naming the upload and saying %q", i, rec.Code, rec.Body, tc.says)
				}
			}
			use.within(t, 100, 100)
		})
	}
}

// withIDAT adds a first data chunk of a few compressed bytes to a PNG
// header: enough for a decoder to allocate the picture the header claims
// before it finds the data missing.
func withIDAT(header []byte) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(make([]byte, 16))
	zw.Close()
	chunk := append([]byte("IDAT"), z.Bytes()...)
	b := binary.BigEndian.AppendUint32(append([]byte(nil), header...), uint32(z.Len()))
	b = append(b, chunk...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(chunk))
}
