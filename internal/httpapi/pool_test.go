package httpapi

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
)

func statusOf(err error) int {
	var he *httpError
	if errors.As(err, &he) {
		return he.status
	}
	return 0
}

// waitFor polls cond for up to a second (the pool's goroutines need a
// moment to take or give back a slot).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; i < 1000; i++ {
		if cond() {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("timed out waiting until %s", what)
}

func TestPoolTurnsAwayTheExcessAtOnce(t *testing.T) {
	p := newPool(1, 1, time.Minute)
	release := make(chan struct{})
	results := make(chan error, 2)
	for range 2 { // one works, one waits
		go func() { results <- p.run(context.Background(), func() error { <-release; return nil }) }()
	}
	waitFor(t, "one works and one waits", func() bool { w, q := p.depth(); return w == 1 && q == 1 })
	if err := p.run(context.Background(), func() error { return nil }); statusOf(err) != http.StatusTooManyRequests {
		t.Fatalf("third request: %v, want 429", err)
	}
	close(release)
	for range 2 {
		if err := <-results; err != nil {
			t.Errorf("queued request: %v", err)
		}
	}
	if w, q := p.depth(); w != 0 || q != 0 {
		t.Errorf("after the work, %d working and %d waiting", w, q)
	}
}

func TestPoolDeadline(t *testing.T) {
	p := newPool(1, 4, 30*time.Millisecond)
	release := make(chan struct{})
	if err := p.run(context.Background(), func() error { <-release; return nil }); statusOf(err) != http.StatusServiceUnavailable {
		t.Fatalf("slow work: %v, want 503", err)
	}
	// The slow work still holds its worker: the pool never runs more than
	// its size. A request waiting behind it times out too.
	if w, _ := p.depth(); w != 1 {
		t.Errorf("%d working, want the slow one still counted", w)
	}
	if err := p.run(context.Background(), func() error { return nil }); statusOf(err) != http.StatusServiceUnavailable {
		t.Errorf("waiting past the deadline: %v, want 503", err)
	}
	close(release)
	waitFor(t, "the slow work gives its worker back", func() bool { w, _ := p.depth(); return w == 0 })
	if err := p.run(context.Background(), func() error { return nil }); err != nil {
		t.Errorf("after the slow work: %v", err)
	}
}

func TestPoolIsolatesPanics(t *testing.T) {
	p := newPool(1, 0, time.Minute)
	err := p.run(context.Background(), func() error { panic("fpdf did not like this") })
	if statusOf(err) != http.StatusInternalServerError {
		t.Fatalf("panic: %v, want a 500 problem", err)
	}
	if err := p.run(context.Background(), func() error { return nil }); err != nil {
		t.Errorf("the next request after a panic: %v", err)
	}
}

func TestBusyAnswerSaysWhenToComeBack(t *testing.T) {
	s := New(Config{Workers: 1, Queue: 1})
	s.engine.GET("/test-busy", func(c *gin.Context) { abort(c, errBusy) })
	rec := do(s, "GET", "/test-busy", "", nil)
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Errorf("status %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
}
