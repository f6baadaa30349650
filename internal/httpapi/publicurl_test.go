package httpapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
)

func TestParsePublicURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://plans.example.gov.uk", "https://plans.example.gov.uk"},
		{" https://plans.example.gov.uk/ ", "https://plans.example.gov.uk"},
		{"http://localhost:8080", "http://localhost:8080"},
		{"plans.example.gov.uk", ""},
		{"ftp://plans.example.gov.uk", ""},
		{"https://", ""},
		{"https://plans.example.gov.uk/safetyplan", ""},
		{"https://user:pw@plans.example.gov.uk", ""},
		{"https://plans.example.gov.uk/?next=x", ""},
		{"https://plans.example.gov.uk#top", ""},
	} {
		got, err := ParsePublicURL(tc.in)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("ParsePublicURL(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// Item 7 of issue 17: share links took their host from the request, so
// Host: evil.example gave http://evil.example/s/…, and the scheme came
// from anyone's X-Forwarded-Proto. Links now come from --public-url alone;
// without it, only from a loopback address; otherwise sharing says which
// setting is missing, and makes no share.
func TestShareLinksUseThePublicURL(t *testing.T) {
	b := storetest.Backends()[0] // the link does not depend on the database
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	st := b.Open(t, store.Options{Now: func() time.Time { return now }})
	today := func() plan.Date { return plan.MustDate("2026-11-22") }
	withURL := New(Config{PublicURL: "https://plans.example.gov.uk/", Store: st, Now: func() time.Time { return now }, Today: today})
	without := New(Config{Store: st, Now: func() time.Time { return now }, Today: today})
	var saved SavedResponse
	storeClient{t, withURL}.json("POST", "/v1/plans", example(t, "hughes-review.json"), http.StatusCreated, &saved)
	share := []byte(`{"document": "adult-plan", "person": "nana"}`)
	for _, tc := range []struct {
		name    string
		s       *Server
		host    string
		proto   string
		status  int
		link    string // the link's start
		message string
	}{
		{"public URL, a hostile Host", withURL, "evil.example", "http", 201, "https://plans.example.gov.uk/s/", ""},
		{"public URL, the right Host", withURL, "plans.example.gov.uk", "", 201, "https://plans.example.gov.uk/s/", ""},
		{"no public URL, a hostile Host", without, "evil.example", "https", 500, "", "--public-url (or SAFETYPLAN_PUBLIC_URL)"},
		{"no public URL, the council's own host", without, "plans.example.gov.uk", "", 500, "", "--public-url"},
		{"no public URL, a worker's own machine", without, "localhost:8080", "https", 201, "http://localhost:8080/s/", ""},
		{"no public URL, loopback address", without, "127.0.0.1:8080", "", 201, "http://127.0.0.1:8080/s/", ""},
		{"no public URL, IPv6 loopback", without, "[::1]:8080", "", 201, "http://[::1]:8080/s/", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := st.SharesForPlan(t.Context(), saved.PlanID)
			rec := storeClient{t, tc.s}.do("POST", "http://"+tc.host+"/v1/plans/"+saved.PlanID+"/shares", share,
				map[string]string{"Content-Type": "application/json", "X-Forwarded-Proto": tc.proto})
			if rec.Code != tc.status {
				t.Fatalf("%d %.300s; want %d", rec.Code, rec.Body, tc.status)
			}
			after, _ := st.SharesForPlan(t.Context(), saved.PlanID)
			if tc.status != 201 {
				if !strings.Contains(rec.Body.String(), tc.message) || len(after) != len(before) {
					t.Errorf("%.300s (%d shares made); want a message naming %q and no share", rec.Body, len(after)-len(before), tc.message)
				}
				return
			}
			var got ShareResponse
			json.Unmarshal(rec.Body.Bytes(), &got)
			if !strings.HasPrefix(got.Link, tc.link) || strings.Contains(got.Link, "evil") {
				t.Errorf("link %q; want it to start %q", got.Link, tc.link)
			}
		})
	}
}

// Lower item 8: with an https public address every response carries
// Strict-Transport-Security; with http or none, none does.
func TestHSTS(t *testing.T) {
	for _, tc := range []struct {
		publicURL, want string
	}{
		{"https://plans.example.gov.uk", "max-age=31536000"},
		{"http://plans.internal", ""},
		{"", ""},
	} {
		s := New(Config{PublicURL: tc.publicURL})
		s.SetReady(true)
		for _, target := range []string{"/healthz", "/", "/no-such-page"} {
			rec := do(s, "GET", target, "", nil)
			if got := rec.Header().Get("Strict-Transport-Security"); got != tc.want {
				t.Errorf("public URL %q, GET %s: Strict-Transport-Security %q; want %q", tc.publicURL, target, got, tc.want)
			}
		}
	}
}

// The share session cookie is Secure when people reach the service over
// https (the public URL, or TLS on this connection), and anyone's
// X-Forwarded-Proto decides nothing either way.
func TestShareCookieSecureFromThePublicURL(t *testing.T) {
	b := storetest.Backends()[0] // the cookie does not depend on the database
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	today := func() plan.Date { return plan.MustDate("2026-11-22") }
	for _, tc := range []struct {
		name, publicURL, host, proto string
		secure                       bool
	}{
		{"https public URL", "https://plans.example.gov.uk", "plans.example.gov.uk", "", true},
		{"https public URL, a forged http", "https://plans.example.gov.uk", "plans.example.gov.uk", "http", true},
		{"http on a worker's own machine", "", "localhost:8080", "", false},
		{"http, a forged https", "", "localhost:8080", "https", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := b.Open(t, store.Options{Now: func() time.Time { return now }})
			s := New(Config{PublicURL: tc.publicURL, Store: st, Now: func() time.Time { return now }, Today: today})
			sc := storeClient{t, s}
			var saved SavedResponse
			sc.json("POST", "/v1/plans", example(t, "hughes-review.json"), http.StatusCreated, &saved)
			rec := sc.do("POST", "http://"+tc.host+"/v1/plans/"+saved.PlanID+"/shares", []byte(`{"document": "adult-plan", "person": "nana"}`),
				map[string]string{"Content-Type": "application/json"})
			if rec.Code != http.StatusCreated {
				t.Fatalf("share: %d %.300s", rec.Code, rec.Body)
			}
			var share ShareResponse
			json.Unmarshal(rec.Body.Bytes(), &share)
			token := share.Link[strings.LastIndex(share.Link, "/")+1:]
			rec = sc.do("POST", "http://"+tc.host+"/s/"+token, []byte("code="+share.Code),
				map[string]string{"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": tc.proto})
			if rec.Code != http.StatusOK {
				t.Fatalf("code: %d %.300s", rec.Code, rec.Body)
			}
			var found bool
			for _, ck := range rec.Result().Cookies() {
				if ck.Name == sessionCookie {
					found = true
					if ck.Secure != tc.secure {
						t.Errorf("Secure = %v; want %v", ck.Secure, tc.secure)
					}
				}
			}
			if !found {
				t.Errorf("no session cookie after the right code")
			}
		})
	}
}
