package httpapi

import (
	"errors"
	"io"
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
)

// bodyBudget bounds the bytes of request bodies the server holds at once,
// across every request: each body is read whole into memory before its
// plan is checked, so without a bound a burst of large uploads could take
// the process down.
type bodyBudget struct {
	mu        sync.Mutex
	used, max int64
}

// take reserves n bytes, or reports false when they are not free.
func (b *bodyBudget) take(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.used+n > b.max {
		return false
	}
	b.used += n
	return true
}

// give returns n bytes taken.
func (b *bodyBudget) give(n int64) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
}

// inUse is the bytes reserved now.
func (b *bodyBudget) inUse() int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used
}

var errBodiesFull = errors.New("httpapi: the server holds as many request bodies as it may")

// limitBodies answers 413 at once to a body declared over MaxBody, without
// waiting for it, and 429 with Retry-After to a body the budget has no
// room for. A body of declared length is reserved whole before it is read;
// one of unknown length (chunked) is charged as it is read. The
// reservation lasts until the response is written.
func (s *Server) limitBodies() gin.HandlerFunc {
	return func(c *gin.Context) {
		r := c.Request
		if r.Body == nil || r.Body == http.NoBody {
			c.Next()
			return
		}
		switch n := r.ContentLength; {
		case n > s.cfg.MaxBody:
			c.Header("Connection", "close")
			abort(c, tooLarge(s.cfg.MaxBody))
		case n > 0:
			if !s.bodies.take(n) {
				c.Header("Connection", "close")
				c.Header("Retry-After", "5")
				abort(c, errBodiesBusy)
				return
			}
			defer s.bodies.give(n)
			c.Next()
		default:
			cb := &chargedBody{ReadCloser: r.Body, budget: s.bodies}
			r.Body = cb
			defer cb.giveBack()
			c.Next()
		}
	}
}

var errBodiesBusy = errStatus(http.StatusTooManyRequests, "busy", "Too many uploads at once",
	"the service is receiving as many plans and photos as it can hold just now; send this again in a few seconds")

// chargedBody charges the budget for each byte read.
type chargedBody struct {
	io.ReadCloser
	budget  *bodyBudget
	charged int64
}

func (b *chargedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 {
		if !b.budget.take(int64(n)) {
			return 0, errBodiesFull
		}
		b.charged += int64(n)
	}
	return n, err
}

func (b *chargedBody) giveBack() { b.budget.give(b.charged) }

// readAll reads r whole, into a buffer of the declared size when it is
// known (the server holds a body to its Content-Length), so that a large
// body is neither copied as it grows nor held twice.
func readAll(r io.Reader, declared int64) ([]byte, error) {
	if declared <= 0 {
		return io.ReadAll(r)
	}
	buf := make([]byte, declared)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, err
	}
	return buf, nil
}
