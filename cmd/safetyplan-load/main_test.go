package main

import (
	"bytes"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/httpapi"
)

func TestLoadAgainstTheService(t *testing.T) {
	api := httpapi.New(httpapi.Config{Workers: 1, Queue: 1})
	srv := httptest.NewServer(api.Handler())
	defer srv.Close()
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"a fixed number of requests", []string{"-n", "12", "-c", "2", "-plan", "../../../shared/examples/pritchard-in-care.json"},
			[]string{"requests    12 in", "status      200       12", "server      resident memory: start"}},
		// One worker, one place in the queue, eight connections: the
		// excess is turned away with Retry-After.
		{"overload", []string{"-n", "40", "-c", "8", "-plan", "../../../shared/examples/hughes-review.json"},
			[]string{"requests    40 in", "with Retry-After"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if code := run(append([]string{"-url", srv.URL}, tt.args...), &out, &errs); code != 0 {
				t.Fatalf("exit %d: %s", code, errs.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("no %q in:\n%s", w, out.String())
				}
			}
			if regexp.MustCompile(`status +(0|no answer|5\d\d)`).MatchString(out.String()) {
				t.Errorf("errors in:\n%s", out.String())
			}
		})
	}
}

func TestLoadNeedsAPlan(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 2 || !strings.Contains(errs.String(), "-plan") {
		t.Errorf("exit %d: %s", code, errs.String())
	}
}
