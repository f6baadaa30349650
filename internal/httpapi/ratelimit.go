package httpapi

import (
	"fmt"
	"math"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// Codes typed on shared links are limited per client address, across every
// link and every replica (the count is in the store): whoever tries many
// links' codes from one place is slowed down, while each link still locks
// after its own five wrong codes.
const (
	// DefaultCodeLimit is how many codes one address may send in
	// CodeWindow, right or wrong.
	DefaultCodeLimit = 30
	// CodeWindow is the window of the code limit.
	CodeWindow = 15 * time.Minute
)

// limitCodes answers 429 with the share page's wording when the client
// address has sent more than its codes this window.
func (s *Server) limitCodes(c *gin.Context) {
	limit := s.cfg.CodeLimit
	if limit <= 0 {
		limit = DefaultCodeLimit
	}
	ok, retry, err := s.cfg.Store.Allow(c.Request.Context(), "share-code|"+s.clientAddr(c.Request), limit, CodeWindow)
	if err != nil {
		abort(c, storeError(err))
		return
	}
	if !ok {
		minutes := int(math.Ceil(retry.Minutes()))
		c.Header("Retry-After", strconv.Itoa(int(math.Ceil(retry.Seconds()))))
		sharePage(c, http.StatusTooManyRequests, sharePageData{Title: "Shared document", Error: true,
			Message: fmt.Sprintf("Too many codes have been tried from this connection. Please wait %d minute%s and try again.", minutes, map[bool]string{true: "", false: "s"}[minutes == 1])})
		c.Abort()
		return
	}
	c.Next()
}

// clientAddr is the address a request came from: the connection's, or,
// when the connection is from a trusted proxy (Auth.Proxies), the last
// address in X-Forwarded-For that is not a trusted proxy.
func (s *Server) clientAddr(r *http.Request) string {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	from := ap.Addr().Unmap()
	if !s.trusted(from) {
		return from.String()
	}
	hops := strings.Split(r.Header.Get("X-Forwarded-For"), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if a = a.Unmap(); !s.trusted(a) {
			return a.String()
		}
	}
	return from.String()
}

func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.cfg.Auth.Proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
