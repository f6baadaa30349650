package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"strings"
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

// recoverPanic turns a panic in a handler into a 500 problem, which abort
// logs with the request id and the stack. The panic value is not logged:
// it could quote plan content. It also gives abort the logger.
func recoverPanic(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Set(logKey, log)
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				abort(c, &panicError{stack: debug.Stack()})
			}
		}()
		c.Next()
	}
}

const logKey = "log"

var errPanic = errStatus(http.StatusInternalServerError, "internal", "Something went wrong", "the service hit an unexpected error with this request; it has been logged with the request id")

// panicError is a recovered panic with the stack of the goroutine that
// panicked; it answers as errPanic.
type panicError struct{ stack []byte }

func (e *panicError) Error() string { return "panic" }
func (e *panicError) Unwrap() error { return errPanic }

// logServerError logs a 500 with the request id, the route, what failed
// and, for a panic, the stack. It never logs plan content: a panic's value
// is left out, and an error's message only when it is the store's (which
// names ids, never content); other errors are logged by type.
func logServerError(c *gin.Context, err error) {
	log, _ := c.Value(logKey).(*slog.Logger)
	if log == nil {
		return
	}
	attrs := []any{"request_id", c.GetString(requestIDKey), "route", c.FullPath(), "method", c.Request.Method}
	var pe *panicError
	switch {
	case errors.As(err, &pe):
		attrs = append(attrs, "error", "panic", "stack", string(pe.stack))
	case strings.HasPrefix(err.Error(), "store:"):
		attrs = append(attrs, "error", err.Error())
	default:
		attrs = append(attrs, "error", fmt.Sprintf("%T", err))
	}
	log.Error("internal error", attrs...)
}

// contentSecurityPolicy allows nothing from elsewhere and no inline script
// or style. frame-src is for previewing a PDF in the page: a blob: URL the
// page made, or a shared document on its own link; object-src stays 'none'.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'none'; " +
	"base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// securityHeaders are set on every response.
func securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Frame-Options", "DENY")
		c.Next()
	}
}

// cors is closed unless origins are configured: then a page served from
// one of them may call the API (a council's own case-record front end, say).
// Those origins are also trusted by the cross-site check.
func cors(origins []string) gin.HandlerFunc {
	allowed := map[string]bool{}
	for _, o := range origins {
		allowed[strings.TrimRight(o, "/")] = true
	}
	return func(c *gin.Context) {
		origin := c.GetHeader("Origin")
		if origin == "" || !allowed[origin] {
			c.Next()
			return
		}
		h := c.Writer.Header()
		h.Set("Access-Control-Allow-Origin", origin)
		h.Add("Vary", "Origin")
		if c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", "GET, POST")
			h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Request-Id")
			h.Set("Access-Control-Max-Age", "600")
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		c.Next()
	}
}

// ParseOrigins reads CORS origins, separated by commas: each a scheme and
// host with an optional port ("https://cases.example.gov.uk").
func ParseOrigins(s string) ([]string, error) {
	var out []string
	for _, o := range strings.Split(s, ",") {
		o = strings.TrimRight(strings.TrimSpace(o), "/")
		if o == "" {
			continue
		}
		if err := http.NewCrossOriginProtection().AddTrustedOrigin(o); err != nil {
			return nil, fmt.Errorf("%q is not an origin such as https://cases.example.gov.uk", short(o))
		}
		out = append(out, o)
	}
	return out, nil
}

// rejectCrossSite refuses POSTs (and every other unsafe method) that a
// browser sends from another site: cross-site request forgery. It uses the
// standard library's check: Sec-Fetch-Site must be same-origin or none when
// the browser sends it; otherwise an Origin header must match the Host.
// Requests with neither header (curl, scripts, the command line) are not
// from a browser page and pass.
func rejectCrossSite(trusted []string) gin.HandlerFunc {
	cop := http.NewCrossOriginProtection()
	for _, o := range trusted {
		if err := cop.AddTrustedOrigin(strings.TrimRight(o, "/")); err != nil {
			panic(fmt.Sprintf("httpapi: CORS origin %q: %v", o, err)) // checked by ParseOrigins
		}
	}
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
