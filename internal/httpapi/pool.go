package httpapi

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// pool runs the CPU-bound work of requests (checking pictures, laying out
// and writing PDFs) on a fixed number of workers with a bounded queue, so
// that a burst of requests slows nobody down for long: the excess is told
// at once to come back (429 with Retry-After), and a request that waits or
// works past its deadline gets 503 instead of hanging.
type pool struct {
	slots   chan struct{}
	queue   int64 // most requests waiting for a slot
	waiting atomic.Int64
	timeout time.Duration
}

func newPool(workers, queue int, timeout time.Duration) *pool {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if queue < 0 {
		queue = 0
	}
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	return &pool{slots: make(chan struct{}, workers), queue: int64(queue), timeout: timeout}
}

var (
	errBusy = errStatus(http.StatusTooManyRequests, "busy", "Too many requests",
		"the service is making as many documents as it can just now; try again in a moment")
	errTimeout = errStatus(http.StatusServiceUnavailable, "timeout", "Took too long",
		"the document was not ready in time; try again, and if it happens again send a smaller plan or fewer photos")
)

// run does work on a worker within the request's deadline. A panic in work
// becomes an error for this request only. If the deadline passes while work
// runs, run returns errTimeout at once and the worker finishes in the
// background (its result is dropped), still holding its slot, so the pool
// never runs more than its size.
func (p *pool) run(ctx context.Context, work func() error) error {
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	if ctx.Err() != nil { // the client has gone already: take no worker
		return p.why(ctx)
	}
	select {
	case p.slots <- struct{}{}:
	default:
		if p.waiting.Add(1) > p.queue {
			p.waiting.Add(-1)
			return errBusy
		}
		select {
		case p.slots <- struct{}{}:
			p.waiting.Add(-1)
		case <-ctx.Done():
			p.waiting.Add(-1)
			return p.why(ctx)
		}
	}
	done := make(chan error, 1)
	go func() {
		err := p.safely(work)
		<-p.slots // free the worker before answering, so the next request finds it free
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return p.why(ctx)
	}
}

// why says why run stopped waiting: the deadline (errTimeout), or the
// client going away (context.Canceled, which is not the service's failure).
func (p *pool) why(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return context.Canceled
	}
	return errTimeout
}

// safely runs work, turning a panic into an error.
func (p *pool) safely(work func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &panicError{stack: debug.Stack()}
		}
	}()
	return work()
}

// depth is the number of requests working or waiting.
func (p *pool) depth() (working, waiting int) {
	return len(p.slots), int(p.waiting.Load())
}
