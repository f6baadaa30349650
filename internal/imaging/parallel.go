package imaging

import "sync"

// group runs functions on their own goroutines and waits for them. A panic
// in one is caught and raised again in the goroutine that calls wait, so
// that Prepare's recover still turns it into an error rather than the
// process dying.
type group struct {
	wg       sync.WaitGroup
	mu       sync.Mutex
	panicked bool
	value    any
}

// do runs fn on a new goroutine.
func (g *group) do(fn func()) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		defer func() {
			if r := recover(); r != nil {
				g.mu.Lock()
				if !g.panicked {
					g.panicked, g.value = true, r
				}
				g.mu.Unlock()
			}
		}()
		fn()
	}()
}

// wait waits for every function and panics with the first panic's value
// if any of them panicked.
func (g *group) wait() {
	g.wg.Wait()
	if g.panicked {
		panic(g.value)
	}
}
