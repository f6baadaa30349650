package pdf

import (
	"bytes"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/layout"
)

// benchDocument is a few A4 pages of text in every face, with the rules and
// boxes a plan has, so that BenchmarkWrite shows what a document costs in
// pdf.Write alone (fonts, drawing, compression, output).
func benchDocument(pages int) Document {
	spec := layout.PageSpec{W: 210, H: 297, Left: 18, Right: 18, Top: 22, Bottom: 22}
	m := SharedMeasurer()
	lines := []string{
		"Siân and Zoë will make sure the children are never alone with Mr Hughes.",
		"If Łukasz sees a red flag he phones the social worker on 0161 555 0123 – at once.",
		"“Bottom lines” are the rules everyone agreed at the meeting on 30 October 2026.",
		"The safety scale went from 3 to 7 out of 10; the goal is 8 by the next review…",
	}
	grey := layout.Color{R: 0xdd, G: 0xdd, B: 0xdd}
	var out []layout.Page
	for p := range pages {
		var items []layout.Item
		y := spec.Top
		items = append(items, layout.Rect{X: spec.Left, Y: y, W: spec.ContentWidth(), H: 10, Fill: &grey})
		for i := 0; y < spec.H-spec.Bottom-8; i++ {
			face := fonts.Faces[(i+p)%len(fonts.Faces)]
			f := layout.Font{Family: face.Family, Style: face.Style, Size: 10 + float64(i%3)}
			s := lines[i%len(lines)]
			items = append(items, layout.Text{X: spec.Left, Y: y, W: m.Width(f, s), Font: f, Color: layout.Black, Text: s})
			y += f.LineHeight()
			if i%6 == 5 {
				items = append(items, layout.Line{X1: spec.Left, Y1: y, X2: spec.W - spec.Right, Y2: y, Color: grey, Width: 0.3})
			}
		}
		out = append(out, layout.Page{Items: items})
	}
	return Document{
		Spec:  spec,
		Pages: out,
		Meta:  Meta{Title: "Benchmark", Author: "bench", Language: "en-GB", Created: time.Date(2026, 10, 30, 12, 0, 0, 0, time.UTC)},
	}
}

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
// that bounds throughput (work done off the critical path, as newFpdf's
// fonts, shows here but not in ns/op).
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkWrite is one four-page document through Write.
func BenchmarkWrite(b *testing.B) {
	d := benchDocument(4)
	b.ReportAllocs()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		if err := Write(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteParallel is BenchmarkWrite from every core at once, as the
// service runs it.
func BenchmarkWriteParallel(b *testing.B) {
	d := benchDocument(4)
	b.ReportAllocs()
	defer reportCPU(b, cpuTime())
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := Write(io.Discard, d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWriteEmpty is a document with one blank page: the fixed cost of
// a document (setup, fonts, output).
func BenchmarkWriteEmpty(b *testing.B) {
	d := Document{Spec: layout.PageSpec{W: 210, H: 297}, Pages: []layout.Page{{}}}
	b.ReportAllocs()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		if err := Write(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// measureWords are the strings a layout asks the measurer about: words,
// spaces and short runs, mostly already seen.
var measureWords = strings.Fields("Siân and Zoë will make sure the children are never alone with Mr Hughes. " +
	"If Łukasz sees a red flag he phones the social worker on 0161 555 0123 – at once. " +
	"“Bottom lines” are the rules everyone agreed at the meeting on 30 October 2026.")

// BenchmarkMeasureParallel asks the shared measurer for widths from every
// core, as concurrent renders do.
func BenchmarkMeasureParallel(b *testing.B) {
	m := SharedMeasurer()
	faces := make([]layout.Font, 0, len(fonts.Faces))
	for _, f := range fonts.Faces {
		faces = append(faces, layout.Font{Family: f.Family, Style: f.Style, Size: 10.5})
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			m.Width(faces[i%len(faces)], measureWords[i%len(measureWords)])
			i++
		}
	})
}

// TestWriteDeterministic writes the benchmark document twice.
func TestWriteDeterministic(t *testing.T) {
	d := benchDocument(2)
	var a, b bytes.Buffer
	if err := Write(&a, d); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of one document differ")
	}
}

func BenchmarkWidth(b *testing.B) {
	m := SharedMeasurer()
	font := layout.Font{Family: "sans", Size: 10.5}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m.Width(font, measureWords[i%len(measureWords)])
		i++
	}
}
