package httpapi

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// memStatus reads a field of /proc/self/status, in bytes.
func memStatus(t *testing.T, field string) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no %s in /proc/self/status", field)
	return 0
}

// peakRise returns how far the process's peak resident memory (VmHWM)
// rose above its resident memory at the start while f ran. The server
// runs in this process, so this is the server's peak (plus the test's
// own, kept small by streaming what it sends).
func peakRise(t *testing.T, f func()) int64 {
	t.Helper()
	if runtime.GOOS != "linux" {
		if os.Getenv("CI") == "true" {
			t.Fatal("peak memory is read from /proc/self/status, which CI (Linux) must have")
		}
		t.Skip("SKIPPING: peak memory is read from /proc/self/status, which only Linux has")
	}
	runtime.GC()
	debug.FreeOSMemory()
	start := memStatus(t, "VmRSS")
	// Writing 5 to clear_refs resets VmHWM to the current resident size.
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Fatalf("cannot reset the peak memory: %v", err)
	}
	f()
	return memStatus(t, "VmHWM") - start
}

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
	rise := peakRise(t, func() {
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
	if limit := int64(100 << 20); rise > limit {
		t.Errorf("peak resident memory rose %d MB; want under %d MB", rise>>20, limit>>20)
	}
	t.Logf("peak resident memory rose %d MB for %d bombs of %d KB", rise>>20, atOnce, len(bomb)>>10)
}
