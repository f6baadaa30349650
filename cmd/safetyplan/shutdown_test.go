package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to write from the server's goroutines
// while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// SIGTERM while 50 renders are in flight: readiness turns 503 first, every
// render completes, new connections are then refused, and serve exits 0
// within the drain timeout.
func TestShutdownUnderLoad(t *testing.T) {
	ctx, terminate := context.WithCancel(context.Background()) // main cancels this on SIGTERM
	var out, errs syncBuffer
	exited := make(chan int, 1)
	go func() {
		exited <- Main(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--queue", "64", "--drain-delay", "400ms", "--drain-timeout", "60s"}, &out, &errs)
	}()
	listening := regexp.MustCompile(`"msg":"listening","addr":"([0-9.:]+)"`)
	var base string
	for i := 0; i < 500 && base == ""; i++ {
		if m := listening.FindStringSubmatch(out.String()); m != nil {
			base = "http://" + m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	if base == "" {
		t.Fatalf("the server did not start: %s %s", out.String(), errs.String())
	}
	plan, err := os.ReadFile(filepath.Join(examples, "hughes-review.json"))
	if err != nil {
		t.Fatal(err)
	}
	const n = 50
	results := make(chan int, n)
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 0, DisableKeepAlives: true}}
	for range n {
		go func() {
			res, err := client.Post(base+"/v1/documents/adult-plan", "application/json", bytes.NewReader(plan))
			if err != nil {
				results <- 0
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			results <- res.StatusCode
		}()
	}
	// Wait until the renders are in flight, then send the signal.
	busy := regexp.MustCompile(`safetyplan_render_queue_depth ([1-9][0-9]*)`)
	for i := 0; i < 500; i++ {
		res, err := http.Get(base + "/metrics")
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if busy.Match(b) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	start := time.Now()
	terminate()
	sawNotReady := false
	for i := 0; i < 100; i++ {
		res, err := client.Get(base + "/readyz")
		if err != nil {
			break
		}
		res.Body.Close()
		if res.StatusCode == http.StatusServiceUnavailable {
			sawNotReady = true
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if !sawNotReady {
		t.Error("readiness did not turn 503 before the listener closed")
	}
	refused := false
	for i := 0; i < 400; i++ {
		if _, err := client.Get(base + "/healthz"); err != nil {
			refused = true
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if !refused {
		t.Error("new connections are still accepted after the drain delay")
	}
	ok := 0
	for range n {
		if code := <-results; code == http.StatusOK {
			ok++
		} else {
			t.Errorf("a render in flight got %d", code)
		}
	}
	select {
	case code := <-exited:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errs.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not exit within the drain timeout")
	}
	t.Logf("%d of %d renders completed; serve exited %v after the signal", ok, n, time.Since(start).Round(time.Millisecond))
}
