package httpapi

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkServeAdultPlan is one POST /v1/documents/adult-plan of the
// reference plan through the whole handler (body, parse, validate, render,
// response), with the CPU time each costs on all threads (cpu-ms/op): what
// bounds the documents a second the load tool measures.
func BenchmarkServeAdultPlan(b *testing.B) {
	body, err := os.ReadFile(filepath.Join(examples, "hughes-review.json"))
	if err != nil {
		b.Skipf("the shared examples are not here: %v", err)
	}
	s := New(Config{MaxBody: 2_000_000})
	s.SetReady(true)
	if rec := do(s, "POST", "/v1/documents/adult-plan", "application/json", body); rec.Code != 200 {
		b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	b.ReportAllocs()
	start := cpuUsed()
	for b.Loop() {
		if rec := do(s, "POST", "/v1/documents/adult-plan", "application/json", body); rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
	b.ReportMetric(float64(cpuUsed()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

func cpuUsed() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
