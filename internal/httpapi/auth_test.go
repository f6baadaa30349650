package httpapi

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAuth(t *testing.T) {
	token, hash := NewToken()
	other, _ := NewToken()
	hashes, err := ParseTokenHashes("# the team's tokens\n" + hash + " ci-bot\n")
	if err != nil {
		t.Fatal(err)
	}
	proxies, err := ParseProxies("10.0.0.0/8, 192.0.2.7")
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{Auth: Auth{TokenHashes: hashes, Proxies: proxies}})
	s.SetReady(true)
	hughes := example(t, "hughes-review.json")
	tests := []struct {
		name, from, target string
		header             map[string]string
		want               int
	}{
		{"no credentials", "203.0.113.5:4000", "/v1/plans/validate", nil, 401},
		{"the token", "203.0.113.5:4000", "/v1/plans/validate", map[string]string{"Authorization": "Bearer " + token}, 200},
		{"another token", "203.0.113.5:4000", "/v1/plans/validate", map[string]string{"Authorization": "Bearer " + other}, 401},
		{"the hash itself as token", "203.0.113.5:4000", "/v1/plans/validate", map[string]string{"Authorization": "Bearer " + hash}, 401},
		{"proxy user from the proxy", "10.1.2.3:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "priya.shah"}, 200},
		{"proxy email from the proxy", "192.0.2.7:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-Email": "priya.shah@example.gov.uk"}, 200},
		{"proxy header from elsewhere", "203.0.113.5:4000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "priya.shah"}, 401},
		{"proxy header with a forged X-Forwarded-For", "203.0.113.5:4000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "priya.shah", "X-Forwarded-For": "10.1.2.3", "X-Real-Ip": "10.1.2.3"}, 401},
		{"the proxy without a user", "10.1.2.3:5000", "/v1/plans/validate", nil, 401},
		// Names the service writes for itself in the audit log are never
		// a person's: the log must tell them apart.
		{"proxy user named token", "10.1.2.3:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "token"}, 403},
		{"proxy user named local", "10.1.2.3:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "local"}, 403},
		{"proxy user named link", "10.1.2.3:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "link"}, 403},
		{"proxy user named retention", "10.1.2.3:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "retention"}, 403},
		{"proxy user named as a share", "10.1.2.3:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "share:abc"}, 403},
		{"proxy user named as a token", "10.1.2.3:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "token:ci-bot"}, 403},
		{"proxy user with a control character", "10.1.2.3:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": "priya\x7fshah"}, 403},
		{"proxy user of 201 bytes", "10.1.2.3:5000", "/v1/plans/validate", map[string]string{"X-Forwarded-User": strings.Repeat("p", 201)}, 403},
		{"liveness stays open", "203.0.113.5:4000", "/healthz", nil, 200},
		{"readiness stays open", "203.0.113.5:4000", "/readyz", nil, 200},
		{"the schema is closed", "203.0.113.5:4000", "/v1/schema", nil, 401},
		{"metrics are closed", "203.0.113.5:4000", "/metrics", nil, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method, body := "POST", hughes
			if !strings.HasPrefix(tt.target, "/v1/plans") {
				method, body = "GET", nil
			}
			req := httptest.NewRequest(method, tt.target, strings.NewReader(string(body)))
			req.RemoteAddr = tt.from
			req.Header.Set("Content-Type", "application/json")
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.want, rec.Body)
			}
			if tt.want == 401 && !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
				t.Error("a 401 without WWW-Authenticate")
			}
		})
	}
}

func TestAuthConfigErrors(t *testing.T) {
	if _, err := ParseTokenHashes("sp_0123456789abcdef"); err == nil || !strings.Contains(err.Error(), "never the token itself") {
		t.Errorf("a token given instead of its hash: %v", err)
	}
	if _, err := ParseProxies("10.0.0.0/8, proxy.internal"); err == nil {
		t.Error("a host name as proxy address was accepted")
	}
	if _, _, err := ParseTokens(strings.Repeat("ab", 32) + " case record"); err == nil || !strings.Contains(err.Error(), "label") {
		t.Errorf("a label with a space: %v", err)
	}
	if (Auth{}).On() {
		t.Error("the zero Auth is on")
	}
}
