package imaging

import (
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nfnt/resize"
)

var (
	bigOnce sync.Once
	bigSrc  []byte
)

// bigJPEG returns a 4000×3000 (12-megapixel) JPEG photo, made once.
func bigJPEG(t testing.TB) []byte {
	bigOnce.Do(func() { bigSrc = jpegOf(t, photo(4000, 3000), 90) })
	return bigSrc
}

// print12MP is a 12-megapixel photo placed in a 4-inch box at 300 dpi.
var print12MP = Options{MaxWidth: 1200, MaxHeight: 1200}

// cpuTime is the CPU time the process has used, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds a cpu-ms/op metric, the CPU time per operation on all
// cores: steadier than the wall time on a shared machine, and the figure
// that bounds throughput.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

func BenchmarkPrepare12MP(b *testing.B) {
	src := bigJPEG(b)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		if _, err := Prepare(src, print12MP); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCacheHit12MP(b *testing.B) {
	src := bigJPEG(b)
	c := NewCache(64 << 20)
	if _, err := c.Prepare(src, print12MP); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		if _, err := c.Prepare(src, print12MP); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFilter12MP compares resampling filters on the same job; the
// package uses the one in the filter variable.
func BenchmarkFilter12MP(b *testing.B) {
	src := bigJPEG(b)
	saved := filter
	defer func() { filter = saved }()
	for _, f := range []struct {
		name string
		fn   resize.InterpolationFunction
	}{{"Lanczos3", resize.Lanczos3}, {"Bilinear", resize.Bilinear}, {"MitchellNetravali", resize.MitchellNetravali}} {
		b.Run(f.name, func(b *testing.B) {
			filter = f.fn
			for b.Loop() {
				if _, err := Prepare(src, print12MP); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPrepareCircle12MP(b *testing.B) {
	src := bigJPEG(b)
	opt := Options{MaxWidth: 600, MaxHeight: 600, Crop: Circle}
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		if _, err := Prepare(src, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecode12MP is the standard library's JPEG decode alone: the part
// of BenchmarkPrepare12MP that nothing here can make cheaper.
func BenchmarkDecode12MP(b *testing.B) {
	src := bigJPEG(b)
	b.SetBytes(int64(len(src)))
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		if _, err := decode(src, formatJPEG); err != nil {
			b.Fatal(err)
		}
	}
}
