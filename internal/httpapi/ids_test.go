package httpapi

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
)

// Item 5 of issue 17: PostgreSQL answered 500 to versions past 32 bits and
// ids with a NUL or invalid UTF-8, and SQLite 404 or 409. Both now give
// the same answer, from the handler, naming what to fix.
func TestIDsAndVersionsCheckedByShapeAndRange(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
			st := b.Open(t, store.Options{Now: func() time.Time { return now }})
			s := New(Config{PublicURL: "https://plans.example.gov.uk", Store: st, Now: func() time.Time { return now }, Today: func() plan.Date { return plan.MustDate("2026-11-22") }})
			sc := storeClient{t, s}
			var saved SavedResponse
			sc.json("POST", "/v1/plans", example(t, "hughes-review.json"), http.StatusCreated, &saved)
			id := saved.PlanID
			hughes := example(t, "hughes-review.json")
			for _, tc := range []struct {
				name, method, target string
				body                 []byte
				status               int
				says                 string
			}{
				{"version past 32 bits", "GET", "/v1/plans/" + id + "?version=2147483648", nil, 422, "version is a whole number from 1 to 2147483647"},
				{"version past 64 bits", "GET", "/v1/plans/" + id + "?version=99999999999999999999", nil, 422, "version is a whole number"},
				{"version 0", "GET", "/v1/plans/" + id + "?version=0", nil, 422, "version is a whole number"},
				{"version not yet saved", "GET", "/v1/plans/" + id + "?version=2147483647", nil, 404, "no such plan, version"},
				{"base past 32 bits", "PUT", "/v1/plans/" + id + "?base=2147483648", hughes, 422, "base is a whole number from 1 to 2147483647"},
				{"base negative", "PUT", "/v1/plans/" + id + "?base=-1", hughes, 422, "base is a whole number"},
				{"document of a version past 32 bits", "POST", "/v1/plans/" + id + "/documents/adult-plan?version=2147483648", nil, 422, "version is a whole number"},
				{"share of a version past 32 bits", "POST", "/v1/plans/" + id + "/shares", []byte(`{"document": "adult-plan", "person": "nana", "version": 2147483648}`), 422, "version is a whole number"},
				{"share of a negative version", "POST", "/v1/plans/" + id + "/shares", []byte(`{"document": "adult-plan", "person": "nana", "version": -1}`), 422, "version is a whole number"},
				{"id with a NUL", "GET", "/v1/plans/a%00b", nil, 404, "no such plan"},
				{"id of invalid UTF-8", "GET", "/v1/plans/%ff%fe", nil, 404, "no such plan"},
				{"id of 65 characters", "GET", "/v1/plans/" + strings.Repeat("a", 65), nil, 404, "no such plan"},
				{"saving to an id with a NUL", "PUT", "/v1/plans/a%00b?base=1", hughes, 404, "no such plan"},
				{"deleting an id of invalid UTF-8", "DELETE", "/v1/plans/%ff%fe", nil, 404, "no such plan"},
				{"versions of an id with a space", "GET", "/v1/plans/a%20b/versions", nil, 404, "no such plan"},
				{"audit of an id with a NUL", "GET", "/v1/plans/a%00b/audit", nil, 404, "no such plan"},
				{"revoking a share id with a NUL", "DELETE", "/v1/plans/" + id + "/shares/a%00b", nil, 404, "no such plan"},
				{"a link of invalid UTF-8", "GET", "/s/%ff%fe", nil, 404, "This link does not work"},
				{"a code for a link with a NUL", "POST", "/s/a%00b", []byte("code=123456"), 404, "This link does not work"},
			} {
				t.Run(tc.name, func(t *testing.T) {
					ctype := "application/json"
					if strings.HasPrefix(tc.target, "/s/") {
						ctype = "application/x-www-form-urlencoded"
					}
					rec := sc.do(tc.method, tc.target, tc.body, map[string]string{"Content-Type": ctype})
					if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.says) {
						t.Errorf("%s %s: %d %.300s; want %d saying %q", tc.method, tc.target, rec.Code, rec.Body, tc.status, tc.says)
					}
				})
			}
		})
	}
}

// A client that goes away while its code is checked, or while its
// document is made, is counted and logged as 499, not as the service's
// 500.
func TestCancelledRequestsAreNotServerErrors(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
			var logs bytes.Buffer
			st := b.Open(t, store.Options{Now: func() time.Time { return now }})
			s := New(Config{PublicURL: "https://plans.example.gov.uk", Store: st, Now: func() time.Time { return now }, Today: func() plan.Date { return plan.MustDate("2026-11-22") },
				Log: slog.New(slog.NewJSONHandler(&logs, nil))})
			sc := storeClient{t, s}
			var saved SavedResponse
			sc.json("POST", "/v1/plans", example(t, "hughes-review.json"), http.StatusCreated, &saved)
			var share ShareResponse
			sc.json("POST", "/v1/plans/"+saved.PlanID+"/shares", []byte(`{"document": "adult-plan", "person": "nana"}`), http.StatusCreated, &share)
			token := share.Link[strings.LastIndex(share.Link, "/")+1:]

			gone, cancel := context.WithCancel(context.Background())
			cancel()
			for _, r := range []*http.Request{
				httptest.NewRequestWithContext(gone, "POST", "/s/"+token, strings.NewReader("code=123456")),
				httptest.NewRequestWithContext(gone, "POST", "/v1/plans/"+saved.PlanID+"/documents/adult-plan", nil),
				httptest.NewRequestWithContext(gone, "POST", "/v1/documents/adult-plan", bytes.NewReader(example(t, "hughes-review.json"))),
			} {
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				if !strings.HasPrefix(r.URL.Path, "/s/") {
					r.Header.Set("Content-Type", "application/json")
				}
				rec := httptest.NewRecorder()
				s.Handler().ServeHTTP(rec, r)
				if rec.Code != statusClientClosed {
					t.Errorf("%s cancelled: %d %.200s; want 499", r.URL.Path, rec.Code, rec.Body)
				}
			}
			metrics := sc.do("GET", "/metrics", nil, nil).Body.String()
			if strings.Contains(metrics, `status="500"`) || strings.Contains(logs.String(), `"status":500`) {
				t.Errorf("a cancelled request was counted or logged as 500:\n%s", metrics)
			}
			if !strings.Contains(metrics, `safetyplan_http_requests_total{route="/s/:token",status="499"} 1`) {
				t.Errorf("the cancelled code post is not counted as 499:\n%s", metrics)
			}
		})
	}
}
