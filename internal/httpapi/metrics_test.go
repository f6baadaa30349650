package httpapi

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// metric returns the value of the sample named (with its labels) in a
// Prometheus text exposition, or -1.
func metric(text, sample string) float64 {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(sample) + ` (\S+)$`)
	m := re.FindStringSubmatch(text)
	if m == nil {
		return -1
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

func TestMetrics(t *testing.T) {
	s := newTestServer(t, nil)
	hughes := example(t, "hughes-review.json")
	adult := do(s, "POST", "/v1/documents/adult-plan", "application/json", hughes)
	pages := pdftest.Pages(t, adult.Body.Bytes())
	do(s, "POST", "/v1/documents/adult-plan", "application/json", hughes)
	do(s, "POST", "/v1/documents/words-and-pictures", "application/json", hughes)
	do(s, "POST", "/v1/plans/validate", "application/json", []byte("{"))
	do(s, "GET", "/v1/no/such/route", "", nil)
	rec := do(s, "GET", "/metrics", "", nil)
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("GET /metrics: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	text := rec.Body.String()
	tests := []struct {
		sample string
		want   float64
	}{
		{`safetyplan_http_requests_total{route="/v1/documents/adult-plan",status="200"}`, 2},
		{`safetyplan_http_requests_total{route="/v1/documents/words-and-pictures",status="200"}`, 1},
		{`safetyplan_http_requests_total{route="/v1/plans/validate",status="422"}`, 1},
		{`safetyplan_http_requests_total{route="unmatched",status="404"}`, 1},
		{`safetyplan_render_duration_seconds_count{document="adult-plan"}`, 2},
		{`safetyplan_render_duration_seconds_bucket{document="adult-plan",le="+Inf"}`, 2},
		{`safetyplan_document_pages_total{document="adult-plan"}`, float64(2 * pages)},
		{`safetyplan_render_workers_busy`, 0},
		{`safetyplan_render_queue_depth`, 0},
	}
	for _, tt := range tests {
		if got := metric(text, tt.sample); got != tt.want {
			t.Errorf("%s = %v, want %v", tt.sample, got, tt.want)
		}
	}
	if metric(text, `safetyplan_document_bytes_total{document="words-and-pictures"}`) < 10000 {
		t.Error("no bytes counted for the child's book")
	}
	if metric(text, "go_goroutines") < 1 || metric(text, "process_resident_memory_bytes") < 1<<20 || metric(text, "process_open_fds") < 1 {
		t.Error("no goroutine, memory or file descriptor figures")
	}
	if metric(text, "safetyplan_picture_cache_misses_total") < 0 {
		t.Error("no picture cache metrics")
	}
	p, _ := plan.Decode(hughes)
	for _, i := range p.Individuals() {
		if strings.Contains(text, i.Name) || (i.Phone != "" && strings.Contains(text, i.Phone)) {
			t.Errorf("the metrics name %s", i.ID)
		}
	}
	if strings.Contains(text, "LCS-2041187") {
		t.Error("the metrics carry the case reference")
	}
}

func TestMetricsOnASeparateAddress(t *testing.T) {
	s := New(Config{MetricsElsewhere: true})
	if rec := do(s, "GET", "/metrics", "", nil); rec.Code != 404 {
		t.Errorf("/metrics on the main handler: %d, want 404", rec.Code)
	}
	rec := httptestGet(s.MetricsHandler(), "/metrics")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "safetyplan_render_queue_depth") {
		t.Errorf("/metrics on its own handler: %d", rec.Code)
	}
}

func httptestGet(h http.Handler, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	return rec
}
