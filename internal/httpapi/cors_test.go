package httpapi

import (
	"bytes"
	"net/http/httptest"
	"testing"
)

func TestCORS(t *testing.T) {
	hughes := example(t, "hughes-review.json")
	closed := New(Config{})
	origins, err := ParseOrigins("https://cases.example.gov.uk, https://other.example.gov.uk:8443/")
	if err != nil {
		t.Fatal(err)
	}
	open := New(Config{CORSOrigins: origins})
	tests := []struct {
		name        string
		s           *Server
		method      string
		origin      string
		wantStatus  int
		wantAllowed string
	}{
		{"closed by default", closed, "POST", "https://cases.example.gov.uk", 403, ""},
		{"closed preflight", closed, "OPTIONS", "https://cases.example.gov.uk", 405, ""},
		{"a configured origin", open, "POST", "https://cases.example.gov.uk", 200, "https://cases.example.gov.uk"},
		{"its preflight", open, "OPTIONS", "https://cases.example.gov.uk", 204, "https://cases.example.gov.uk"},
		{"with a port", open, "POST", "https://other.example.gov.uk:8443", 200, "https://other.example.gov.uk:8443"},
		{"any other origin", open, "POST", "https://evil.example", 403, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "/v1/plans/validate", bytes.NewReader(hughes))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Origin", tt.origin)
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			if tt.method == "OPTIONS" {
				req.Header.Set("Access-Control-Request-Method", "POST")
			}
			rec := httptest.NewRecorder()
			tt.s.Handler().ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tt.wantAllowed {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.wantAllowed)
			}
		})
	}
	if _, err := ParseOrigins("cases.example.gov.uk"); err == nil {
		t.Error("an origin without a scheme was accepted")
	}
}
