package httpapi

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/pdf"
	"github.com/familynetwork/safetyplan/render"
)

// metrics counts what the service does, for Prometheus. Labels are route
// patterns, status codes and document kinds only: never a path, a query,
// a name or anything from a plan.
type metrics struct {
	mu       sync.Mutex
	requests map[[2]string]int64 // route, status
	renders  map[string]*histogram
	pages    map[string]int64
	bytes    map[string]int64
	pool     *pool
}

// renderBuckets are the upper bounds, in seconds, of the render duration
// histogram.
var renderBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type histogram struct {
	counts []int64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      int64
}

func newMetrics(p *pool) *metrics {
	return &metrics{requests: map[[2]string]int64{}, renders: map[string]*histogram{}, pages: map[string]int64{}, bytes: map[string]int64{}, pool: p}
}

// middleware counts each request by route and status.
func (m *metrics) middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		m.mu.Lock()
		m.requests[[2]string{route, strconv.Itoa(c.Writer.Status())}]++
		m.mu.Unlock()
	}
}

// document records one document made: how long it took, its pages and
// its size.
func (m *metrics) document(kind string, took time.Duration, doc []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	h := m.renders[kind]
	if h == nil {
		h = &histogram{counts: make([]int64, len(renderBuckets)+1)}
		m.renders[kind] = h
	}
	s := took.Seconds()
	i := sort.SearchFloat64s(renderBuckets, s)
	h.counts[i]++
	h.sum += s
	h.n++
	m.pages[kind] += int64(pdf.PageCount(doc))
	m.bytes[kind] += int64(len(doc))
}

// handler writes the metrics in the Prometheus text format.
func (m *metrics) handler(c *gin.Context) {
	var b bytes.Buffer
	m.mu.Lock()
	fmt.Fprintln(&b, "# HELP safetyplan_http_requests_total Requests answered, by route pattern and status.")
	fmt.Fprintln(&b, "# TYPE safetyplan_http_requests_total counter")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+" "+keys[i][1] < keys[j][0]+" "+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(&b, "safetyplan_http_requests_total{route=%q,status=%q} %d\n", k[0], k[1], m.requests[k])
	}
	kinds := make([]string, 0, len(m.renders))
	for k := range m.renders {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Fprintln(&b, "# HELP safetyplan_render_duration_seconds Time to check a plan and make a document, by document.")
	fmt.Fprintln(&b, "# TYPE safetyplan_render_duration_seconds histogram")
	for _, k := range kinds {
		h := m.renders[k]
		var cum int64
		for i, le := range renderBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "safetyplan_render_duration_seconds_bucket{document=%q,le=%q} %d\n", k, strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(&b, "safetyplan_render_duration_seconds_bucket{document=%q,le=\"+Inf\"} %d\n", k, h.n)
		fmt.Fprintf(&b, "safetyplan_render_duration_seconds_sum{document=%q} %g\n", k, h.sum)
		fmt.Fprintf(&b, "safetyplan_render_duration_seconds_count{document=%q} %d\n", k, h.n)
	}
	fmt.Fprintln(&b, "# HELP safetyplan_document_pages_total Pages produced, by document.")
	fmt.Fprintln(&b, "# TYPE safetyplan_document_pages_total counter")
	for _, k := range kinds {
		fmt.Fprintf(&b, "safetyplan_document_pages_total{document=%q} %d\n", k, m.pages[k])
	}
	fmt.Fprintln(&b, "# HELP safetyplan_document_bytes_total Bytes of PDF produced, by document.")
	fmt.Fprintln(&b, "# TYPE safetyplan_document_bytes_total counter")
	for _, k := range kinds {
		fmt.Fprintf(&b, "safetyplan_document_bytes_total{document=%q} %d\n", k, m.bytes[k])
	}
	m.mu.Unlock()
	working, waiting := m.pool.depth()
	fmt.Fprintln(&b, "# HELP safetyplan_render_workers_busy Requests being checked or rendered now.")
	fmt.Fprintln(&b, "# TYPE safetyplan_render_workers_busy gauge")
	fmt.Fprintf(&b, "safetyplan_render_workers_busy %d\n", working)
	fmt.Fprintln(&b, "# HELP safetyplan_render_queue_depth Requests waiting for a worker.")
	fmt.Fprintln(&b, "# TYPE safetyplan_render_queue_depth gauge")
	fmt.Fprintf(&b, "safetyplan_render_queue_depth %d\n", waiting)
	st := render.PictureCacheStats()
	fmt.Fprintln(&b, "# HELP safetyplan_picture_cache_hits_total Photos and drawings found already prepared.")
	fmt.Fprintln(&b, "# TYPE safetyplan_picture_cache_hits_total counter")
	fmt.Fprintf(&b, "safetyplan_picture_cache_hits_total %d\n", st.Hits)
	fmt.Fprintln(&b, "# HELP safetyplan_picture_cache_misses_total Photos and drawings prepared.")
	fmt.Fprintln(&b, "# TYPE safetyplan_picture_cache_misses_total counter")
	fmt.Fprintf(&b, "safetyplan_picture_cache_misses_total %d\n", st.Misses)
	fmt.Fprintln(&b, "# HELP safetyplan_picture_cache_bytes Bytes of prepared pictures held.")
	fmt.Fprintln(&b, "# TYPE safetyplan_picture_cache_bytes gauge")
	fmt.Fprintf(&b, "safetyplan_picture_cache_bytes %d\n", st.Bytes)
	fmt.Fprintln(&b, "# HELP go_goroutines Goroutines that currently exist.")
	fmt.Fprintln(&b, "# TYPE go_goroutines gauge")
	fmt.Fprintf(&b, "go_goroutines %d\n", runtime.NumGoroutine())
	if rss, ok := residentBytes(); ok {
		fmt.Fprintln(&b, "# HELP process_resident_memory_bytes Resident memory size in bytes.")
		fmt.Fprintln(&b, "# TYPE process_resident_memory_bytes gauge")
		fmt.Fprintf(&b, "process_resident_memory_bytes %d\n", rss)
	}
	if fds, err := os.ReadDir("/proc/self/fd"); err == nil {
		fmt.Fprintln(&b, "# HELP process_open_fds Open file descriptors.")
		fmt.Fprintln(&b, "# TYPE process_open_fds gauge")
		fmt.Fprintf(&b, "process_open_fds %d\n", len(fds))
	}
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusOK, "text/plain; version=0.0.4; charset=utf-8", b.Bytes())
}

// residentBytes reads the process's resident set size (Linux only).
func residentBytes() (int64, bool) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, false
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * int64(os.Getpagesize()), true
}
