package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"
)

const requestIDKey = "request_id"

var goodRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID takes a well-formed X-Request-Id from the caller or makes one,
// and echoes it on the response.
func requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader("X-Request-Id")
		if !goodRequestID.MatchString(id) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(requestIDKey, id)
		c.Header("X-Request-Id", id)
		c.Next()
	}
}

// accessLog writes one line per request. It logs the route pattern, never
// the path or query (which could name a person), and never a body.
func accessLog(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		log.LogAttrs(c.Request.Context(), slog.LevelInfo, "request",
			slog.String("request_id", c.GetString(requestIDKey)),
			slog.String("method", c.Request.Method),
			slog.String("route", route),
			slog.Int("status", c.Writer.Status()),
			slog.Int("bytes", c.Writer.Size()),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
		)
	}
}

// recoverPanic turns a panic in a handler into a 500 problem and a log line
// with the request id and stack. The panic value is not logged: it could
// quote plan content.
func recoverPanic(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				log.Error("panic in handler", "request_id", c.GetString(requestIDKey), "route", c.FullPath(), "stack", string(debug.Stack()))
				abort(c, errPanic)
			}
		}()
		c.Next()
	}
}

var errPanic = errStatus(http.StatusInternalServerError, "internal", "Something went wrong", "the service hit an unexpected error with this request; it has been logged with the request id")

// contentSecurityPolicy allows nothing from elsewhere and no inline script
// or style. frame-src blob: is for the page's in-page preview of a PDF the
// browser made into a blob: URL; object-src stays 'none'.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; frame-src blob:; object-src 'none'; " +
	"base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// securityHeaders are set on every response, and state-changing requests
// from other sites are refused (see rejectCrossSite).
func securityHeaders() gin.HandlerFunc {
	crossSite := rejectCrossSite()
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Frame-Options", "DENY")
		crossSite(c)
	}
}

// rejectCrossSite refuses POSTs (and every other unsafe method) that a
// browser sends from another site: cross-site request forgery. It uses the
// standard library's check: Sec-Fetch-Site must be same-origin or none when
// the browser sends it; otherwise an Origin header must match the Host.
// Requests with neither header (curl, scripts, the command line) are not
// from a browser page and pass.
func rejectCrossSite() gin.HandlerFunc {
	cop := http.NewCrossOriginProtection()
	return func(c *gin.Context) {
		if err := cop.Check(c.Request); err != nil {
			abort(c, errCrossSite)
			return
		}
		c.Next()
	}
}

var errCrossSite = errStatus(http.StatusForbidden, "cross-site", "Request from another site refused",
	"this service only accepts changes from its own page: the request came from another site")
