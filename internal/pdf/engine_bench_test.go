package pdf_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/render"
)

// The engine's figures for the README: the reference plan (hughes-review)
// made into documents, with the CPU time each costs (cpu-ms/op, all
// threads, so background work and GC are counted), which a loaded machine
// disturbs far less than ns/op. Run with SAFETYPLAN_PDF_WRITER=fpdf or own.

var benchOpt = render.Options{Today: plan.MustDate("2026-11-22")}

func loadPlan(b *testing.B, name string) *render.Input {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "examples", name+".json"))
	if err != nil {
		b.Skipf("the shared examples are not here: %v", err)
	}
	in, err := render.Load(data, nil, benchOpt)
	if err != nil {
		b.Fatal(err)
	}
	return in
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchDoc(b *testing.B, in *render.Input, make func(*render.Input) ([]byte, error)) {
	if _, err := make(in); err != nil { // warm: fonts parsed, caches filled
		b.Fatal(err)
	}
	b.ReportAllocs()
	start := cpuNow()
	n := 0
	for b.Loop() {
		if _, err := make(in); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(cpuNow()-start)/float64(time.Millisecond)/float64(n), "cpu-ms/op")
}

func BenchmarkEngineAdultPlan(b *testing.B) {
	benchDoc(b, loadPlan(b, "hughes-review"), func(in *render.Input) ([]byte, error) {
		return render.AdultPlan(in, benchOpt, render.AdultOptions{Audience: render.Worker})
	})
}

func BenchmarkEngineWordsAndPictures(b *testing.B) {
	benchDoc(b, loadPlan(b, "hughes-review"), func(in *render.Input) ([]byte, error) {
		return render.WordsAndPictures(in, benchOpt, render.WordsOptions{})
	})
}
