package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
)

// failingAudit is a store whose audit log cannot be written.
type failingAudit struct{ store.Store }

func (failingAudit) Record(context.Context, store.Event) error {
	return errors.New("store: the audit log is unavailable")
}

// Item 6 of issue 17: reading a child's plan (with its photos), making a
// stored plan's documents and listing its shares added nothing to the
// audit log. Each is now recorded with who, the version and no content,
// before anything is sent; if the entry cannot be written, nothing is.
func TestReadsAreAudited(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
			st := b.Open(t, store.Options{Now: func() time.Time { return now }})
			cfg := Config{Store: st, Now: func() time.Time { return now }, Today: func() plan.Date { return plan.MustDate("2026-11-22") },
				Auth: Auth{Proxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}}
			s := New(cfg)
			as := func(user, method, target string, body []byte) *httptest.ResponseRecorder {
				req := httptest.NewRequest(method, target, strings.NewReader(string(body)))
				req.RemoteAddr = "10.1.2.3:5000"
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Forwarded-Email", user)
				rec := httptest.NewRecorder()
				s.Handler().ServeHTTP(rec, req)
				return rec
			}
			rec := as("priya.shah@example.gov.uk", "POST", "/v1/plans", example(t, "hughes-review.json"))
			if rec.Code != http.StatusCreated {
				t.Fatalf("saving: %d %s", rec.Code, rec.Body)
			}
			id := strings.TrimPrefix(rec.Header().Get("Location"), "/v1/plans/")
			as("priya.shah@example.gov.uk", "PUT", "/v1/plans/"+id+"?base=1", example(t, "hughes-review.json"))
			steps := []struct {
				user, method, target string
				body                 string
			}{
				{"sam.jones@example.gov.uk", "GET", "/v1/plans/" + id + "?version=1", ""},
				{"sam.jones@example.gov.uk", "POST", "/v1/plans/" + id + "/documents/adult-plan", ""},
				{"ali.khan@example.gov.uk", "POST", "/v1/plans/" + id + "/documents/words-and-pictures?version=1", ""},
				{"ali.khan@example.gov.uk", "GET", "/v1/plans/" + id + "/shares", ""},
			}
			for _, st := range steps {
				if rec := as(st.user, st.method, st.target, []byte(st.body)); rec.Code != 200 {
					t.Fatalf("%s %s: %d %.300s", st.method, st.target, rec.Code, rec.Body)
				}
			}
			evs, err := st.AuditLog(t.Context(), id)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, fmt.Sprintf("%s v%d by %s", e.Action, e.Version, e.By))
			}
			want := "save v1 by priya.shah@example.gov.uk, save v2 by priya.shah@example.gov.uk, " +
				"read v1 by sam.jones@example.gov.uk, render v2 by sam.jones@example.gov.uk, " +
				"render v1 by ali.khan@example.gov.uk, read_shares v0 by ali.khan@example.gov.uk"
			if strings.Join(got, ", ") != want {
				t.Errorf("audit log:\n%s\nwant:\n%s", strings.Join(got, ", "), want)
			}

			// With the audit log unavailable, nothing of the plan goes out.
			blind := New(Config{Store: failingAudit{st}, Today: cfg.Today, Now: cfg.Now})
			for _, target := range []string{"/v1/plans/" + id, "/v1/plans/" + id + "/shares"} {
				rec := httptest.NewRecorder()
				blind.Handler().ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
				if rec.Code < 500 || strings.Contains(rec.Body.String(), "Kayden") || strings.Contains(rec.Body.String(), "nana") {
					t.Errorf("GET %s without an audit log: %d %.200s; want a 5xx with nothing of the plan", target, rec.Code, rec.Body)
				}
			}
			rec = httptest.NewRecorder()
			req := httptest.NewRequest("POST", "/v1/plans/"+id+"/documents/adult-plan", nil)
			blind.Handler().ServeHTTP(rec, req)
			if rec.Code < 500 || rec.Header().Get("Content-Type") == "application/pdf" {
				t.Errorf("a document without an audit log: %d %s", rec.Code, rec.Header().Get("Content-Type"))
			}
		})
	}
}

// An API client's entries say which token it used, when the tokens file
// labels it: "token:case-record-integration", or "token" without a label.
func TestTokenLabelsInTheAuditLog(t *testing.T) {
	st := storetest.Backends()[0].Open(t, store.Options{})
	labelled, lh := NewToken()
	plain, ph := NewToken()
	hashes, labels, err := ParseTokens(lh + " case-record-integration\n" + ph + "\n")
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{Store: st, Auth: Auth{TokenHashes: hashes, TokenLabels: labels}})
	var ids []string
	for _, token := range []string{labelled, plain} {
		req := httptest.NewRequest("POST", "/v1/plans", strings.NewReader(string(example(t, "hughes-review.json"))))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			t.Fatalf("saving: %d %s", rec.Code, rec.Body)
		}
		ids = append(ids, strings.TrimPrefix(rec.Header().Get("Location"), "/v1/plans/"))
	}
	for i, want := range []string{"token:case-record-integration", "token"} {
		evs, err := st.AuditLog(t.Context(), ids[i])
		if err != nil || len(evs) != 1 || evs[0].By != want {
			t.Errorf("plan %d saved by %+v, %v; want by %q", i, evs, err, want)
		}
	}
}
