package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// Problem is an RFC 9457 problem document. Errors lists each problem with
// the plan with its JSON path, when there are any.
type Problem struct {
	Type      string         `json:"type"`
	Title     string         `json:"title"`
	Status    int            `json:"status"`
	Detail    string         `json:"detail"`
	RequestID string         `json:"request_id,omitempty"`
	Errors    []plan.Problem `json:"errors,omitempty"`
}

// httpError is an error that knows its status; everything the handlers
// return goes through toProblem.
type httpError struct {
	status int
	kind   string
	title  string
	detail string
	errors []plan.Problem
}

func (e *httpError) Error() string { return e.detail }

func errStatus(status int, kind, title, format string, args ...any) *httpError {
	return &httpError{status: status, kind: kind, title: title, detail: fmt.Sprintf(format, args...)}
}

// inputError wraps problems with a plan (or its uploads) as a 422.
func inputError(ps plan.Problems) *httpError {
	noun := "problem"
	if len(ps) != 1 {
		noun = "problems"
	}
	return &httpError{status: http.StatusUnprocessableEntity, kind: "invalid-plan", title: "The plan has problems",
		detail: fmt.Sprintf("%d %s: fix each one at its path and send the plan again", len(ps), noun), errors: ps}
}

// toProblem is the one mapping from an error to a status and body.
func toProblem(err error) Problem {
	var he *httpError
	var ps plan.Problems
	switch {
	case errors.As(err, &he):
	case errors.As(err, &ps):
		he = inputError(ps)
	case errors.Is(err, context.Canceled):
		he = errCancelled
	default:
		he = errStatus(http.StatusInternalServerError, "internal", "Something went wrong", "the service could not finish this request; it has been logged with the request id: try again, and if it happens again tell your system administrator the request id")
	}
	return Problem{Type: "https://safetyplan.invalid/problems/" + he.kind, Title: he.title, Status: he.status, Detail: he.detail, Errors: he.errors}
}

// statusClientClosed is the status logged and counted for a request whose
// client went away before its answer (nginx's 499): the service did not
// fail, so it is not a 500.
const statusClientClosed = 499

var errCancelled = errStatus(statusClientClosed, "cancelled", "Request cancelled", "the request was cancelled before it was answered")

// abort writes err as problem+json and stops the handler chain. A failure
// while the client has gone (the database call or the render stopped
// because the request was cancelled) is recorded as 499, not as the
// service's own error.
func abort(c *gin.Context, err error) {
	p := toProblem(err)
	if p.Status >= 500 && errors.Is(c.Request.Context().Err(), context.Canceled) {
		p = toProblem(errCancelled)
	}
	p.RequestID = c.GetString(requestIDKey)
	if p.Status == http.StatusInternalServerError {
		logServerError(c, err)
	}
	if (p.Status == http.StatusTooManyRequests || p.Status == http.StatusServiceUnavailable) && c.Writer.Header().Get("Retry-After") == "" {
		c.Header("Retry-After", "1")
	}
	body, _ := json.Marshal(p)
	c.Header("Cache-Control", "no-store")
	c.Data(p.Status, "application/problem+json", body)
	c.Abort()
}

// isHTTPError reports whether err already carries its status (the pool's
// busy and timeout answers, say).
func isHTTPError(err error) bool {
	var he *httpError
	return errors.As(err, &he)
}
