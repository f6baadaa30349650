package httpapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A browser page on another site must not be able to make this service do
// anything with a plan: every POST from another site is refused with a 403
// problem, whichever header the browser sent. Same-origin pages, and tools
// that send neither header (curl, the command line), are served.
func TestCrossSiteRequestsAreRefused(t *testing.T) {
	s := newTestServer(t, nil)
	body := string(example(t, "hughes-review.json"))
	tests := []struct {
		name    string
		method  string
		target  string
		headers map[string]string
		want    int
	}{
		{"curl: no browser headers", "POST", "/v1/plans/validate", nil, http.StatusOK},
		{"same-origin fetch", "POST", "/v1/plans/validate", map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": "http://example.test"}, http.StatusOK},
		{"typed address (none)", "POST", "/v1/plans/validate", map[string]string{"Sec-Fetch-Site": "none"}, http.StatusOK},
		{"cross-site fetch", "POST", "/v1/plans/validate", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, http.StatusForbidden},
		{"same-site but other origin", "POST", "/v1/documents/adult-plan", map[string]string{"Sec-Fetch-Site": "same-site", "Origin": "https://other.example.test"}, http.StatusForbidden},
		{"cross-site form post to extract", "POST", "/v1/plans/extract", map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"old browser: Origin only, matching Host", "POST", "/v1/plans/validate", map[string]string{"Origin": "http://example.test"}, http.StatusOK},
		{"old browser: Origin only, other host", "POST", "/v1/documents/meeting-outcome", map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden},
		{"opaque origin (sandboxed frame)", "POST", "/v1/plans/validate", map[string]string{"Origin": "null"}, http.StatusForbidden},
		{"cross-site GET is only reading", "GET", "/v1/illustrations", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, "http://example.test"+tc.target, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			for k, v := range tc.headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.want, rec.Body.String())
			}
			if tc.want == http.StatusForbidden {
				p := problemOf(t, rec)
				if !strings.Contains(p.Type, "cross-site") || p.Status != http.StatusForbidden {
					t.Errorf("problem = %+v", p)
				}
				if rec.Header().Get("Content-Security-Policy") == "" {
					t.Error("a refused request still carries the security headers")
				}
			}
		})
	}
}

// The page and its files are served from the binary under a strict policy:
// nothing from elsewhere, no inline script or style, no plugins, and no
// framing of the page by another site.
func TestPageIsServedUnderAStrictPolicy(t *testing.T) {
	s := newTestServer(t, nil)
	rec := do(s, "GET", "/", "", nil)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	html := rec.Body.String()
	for _, want := range []string{`<html lang="en-GB">`, `src="/static/js/app.js"`, `href="/static/app.css"`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, bad := range []string{"<style", " style=", "onclick=", "http://", "https://"} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q: inline styles, handlers and outside addresses break the policy or leak data", bad)
		}
	}
	csp := rec.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "*", "http:", "https:"} {
		if strings.Contains(csp, bad) {
			t.Errorf("CSP %q allows %q", csp, bad)
		}
	}
	for target, ctype := range map[string]string{
		"/static/js/app.js":           "text/javascript",
		"/static/app.css":             "text/css",
		"/fonts/Andika-Regular.ttf":   "font/ttf",
		"/fonts/NotoSans-Regular.ttf": "font/ttf",
		"/fonts/LICENSE-Andika.txt":   "text/plain",
	} {
		rec := do(s, "GET", target, "", nil)
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), ctype) {
			t.Errorf("GET %s = %d %q, want 200 %s", target, rec.Code, rec.Header().Get("Content-Type"), ctype)
		}
	}
	// Revalidation: the ETag answers 304.
	first := do(s, "GET", "/static/js/app.js", "", nil)
	req := httptest.NewRequest("GET", "/static/js/app.js", nil)
	req.Header.Set("If-None-Match", first.Header().Get("ETag"))
	again := httptest.NewRecorder()
	s.Handler().ServeHTTP(again, req)
	if again.Code != http.StatusNotModified {
		t.Errorf("If-None-Match: %d, want 304", again.Code)
	}
	for _, target := range []string{"/static/nothing.js", "/static/../web.go", "/fonts/Andika-Regular.ttf.bak", "/fonts/embed.go"} {
		if rec := do(s, "GET", target, "", nil); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", target, rec.Code)
		}
	}
	// No JavaScript or stylesheet of the page names another host.
	for _, target := range []string{"/static/js/app.js", "/static/app.css"} {
		body := do(s, "GET", target, "", nil).Body.String()
		if strings.Contains(body, "http://") || strings.Contains(body, "https://") {
			t.Errorf("%s names an outside address", target)
		}
	}
}
