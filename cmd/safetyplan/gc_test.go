package main

import (
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) })
	for _, tc := range []struct {
		name, gogc, memlimit string
		percent              int
		limit                int64
	}{
		{"serve's own setting", "", "", serveGCPercent, serveMemoryLimit},
		{"the operator's GOGC wins", "50", "", 100, serveMemoryLimit},
		{"the operator's GOMEMLIMIT wins", "", "1GiB", serveGCPercent, 1 << 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(1 << 40)
			t.Setenv("GOGC", tc.gogc)
			t.Setenv("GOMEMLIMIT", tc.memlimit)
			p, l := tuneGC()
			if p != tc.percent || l != tc.limit {
				t.Errorf("tuneGC() = %d%%, limit %d; want %d%%, limit %d", p, l, tc.percent, tc.limit)
			}
		})
	}
}
