package httpapi

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
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

// memoryUse is what a piece of work cost the process.
type memoryUse struct {
	peak  int64  // how far peak resident memory (VmHWM) rose above the start
	alloc uint64 // bytes allocated on the heap, touched or not
}

// measure runs f and returns how far the process's peak resident memory
// (VmHWM) rose above its resident memory at the start, and what was
// allocated. The server runs in this process, so this is the server's
// peak (plus the test's own, kept small by streaming what it sends).
// Allocation is measured as well because a huge buffer the kernel never
// has to back (fresh, untouched pages) does not show in the resident size
// of a test, though it does in a long-running server that reuses memory.
func measure(t *testing.T, f func()) memoryUse {
	t.Helper()
	if runtime.GOOS != "linux" {
		if os.Getenv("CI") == "true" {
			t.Fatal("peak memory is read from /proc/self/status, which CI (Linux) must have")
		}
		t.Skip("SKIPPING: peak memory is read from /proc/self/status, which only Linux has")
	}
	runtime.GC()
	debug.FreeOSMemory()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := memStatus(t, "VmRSS")
	// Writing 5 to clear_refs resets VmHWM to the current resident size.
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Fatalf("cannot reset the peak memory: %v", err)
	}
	f()
	runtime.ReadMemStats(&after)
	return memoryUse{peak: memStatus(t, "VmHWM") - start, alloc: after.TotalAlloc - before.TotalAlloc}
}

// within fails the test when use passes either bound, in MB.
func (use memoryUse) within(t *testing.T, peakMB, allocMB int64) {
	t.Helper()
	if use.peak > peakMB<<20 {
		t.Errorf("peak resident memory rose %d MB; want under %d MB", use.peak>>20, peakMB)
	}
	if use.alloc > uint64(allocMB)<<20 {
		t.Errorf("allocated %d MB; want under %d MB", use.alloc>>20, allocMB)
	}
	t.Logf("peak resident memory rose %d MB; %d MB allocated", use.peak>>20, use.alloc>>20)
}
