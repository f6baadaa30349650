package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/pdftest"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
)

// The Hughes plan at three points: after the first meeting, after the
// first review (the example as it is), and after a second review at which
// a rule changed.
func hughesVersions(t *testing.T) [3][]byte {
	t.Helper()
	v1 := edit(t, func(m map[string]any) {
		m["meetings"] = m["meetings"].([]any)[:1]
		m["reviews"] = []any{}
		m["evidence"] = []any{}
		scale := m["assessment"].(map[string]any)["safety_scale"].(map[string]any)
		var keep []any
		for _, r := range scale["ratings"].([]any) {
			if r.(map[string]any)["date"].(string) <= "2026-10-06" {
				keep = append(keep, r)
			}
		}
		scale["ratings"] = keep
	})
	v3 := edit(t, func(m map[string]any) {
		m["meetings"] = append(m["meetings"].([]any), map[string]any{"id": "fnm3", "type": "review", "date": "2026-11-20",
			"attendees": []any{"leanne", "nana", "sian", "priya"}, "facilitator": "priya", "summary": "Second review."})
		rule(m, 1)["then"] = "Zoë phones Mum at 6pm every evening from now on."
	})
	return [3][]byte{v1, example(t, "hughes-review.json"), v3}
}

type storeClient struct {
	t *testing.T
	s *Server
}

func (sc storeClient) do(method, target string, body []byte, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, bytes.NewReader(body))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	sc.s.Handler().ServeHTTP(rec, req)
	return rec
}

func (sc storeClient) json(method, target string, body []byte, want int, out any) {
	sc.t.Helper()
	rec := sc.do(method, target, body, map[string]string{"Content-Type": "application/json"})
	if rec.Code != want {
		sc.t.Fatalf("%s %s: %d, want %d: %.400s", method, target, rec.Code, want, rec.Body)
	}
	if out != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			sc.t.Fatalf("%s %s: %v", method, target, err)
		}
	}
}

// End to end on each backend: create a plan, save three versions across
// two reviews, share Nana Jean's copy, open it with the link and the code,
// revoke it, read the audit log, see the change section, run the report.
func TestStoredPlansSharesAndReport(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
			clock := func() time.Time { return now }
			st := b.Open(t, store.Options{Now: clock})
			s := New(Config{PublicURL: "https://plans.example.gov.uk", Store: st, Now: clock, Today: func() plan.Date { return plan.MustDate("2026-11-22") }})
			sc := storeClient{t, s}
			vs := hughesVersions(t)

			var saved SavedResponse
			sc.json("POST", "/v1/plans", vs[0], http.StatusCreated, &saved)
			id := saved.PlanID
			sc.json("PUT", "/v1/plans/"+id+"?base=1", vs[1], http.StatusOK, &saved)
			// A second worker who also edited version 1 gets 409, not a lost update.
			rec := sc.do("PUT", "/v1/plans/"+id, vs[1], map[string]string{"Content-Type": "application/json", "If-Match": `"1"`})
			if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "version 2") {
				t.Fatalf("stale save: %d %s", rec.Code, rec.Body)
			}
			sc.json("PUT", "/v1/plans/"+id+"?base=2", vs[2], http.StatusOK, &saved)
			if saved.Version != 3 {
				t.Fatalf("third save made version %d", saved.Version)
			}
			var versions struct{ Versions []store.Version }
			sc.json("GET", "/v1/plans/"+id+"/versions", nil, 200, &versions)
			if len(versions.Versions) != 3 {
				t.Errorf("%d versions", len(versions.Versions))
			}
			var got struct {
				Version int
				Plan    json.RawMessage
			}
			sc.json("GET", "/v1/plans/"+id+"?version=2", nil, 200, &got)
			if got.Version != 2 || !bytes.Contains(got.Plan, []byte("Hillside Primary")) {
				t.Errorf("version 2 back: %d", got.Version)
			}

			// The worker's copy of version 3 says what changed since the
			// last review (version 2).
			rec = sc.do("POST", "/v1/plans/"+id+"/documents/adult-plan", nil, nil)
			if rec.Code != 200 {
				t.Fatalf("stored adult plan: %d %s", rec.Code, rec.Body)
			}
			text := pdftest.Normalize(pdftest.Text(t, rec.Body.Bytes()))
			for _, want := range []string{"What changed since the last review", "Compared with version 2 of the plan, of 30 October 2026", "Changed rule:", "Zoë phones Mum at 6pm every evening from now on."} {
				if !strings.Contains(text, want) {
					t.Errorf("the adult plan does not say %q", want)
				}
			}

			// Share Nana Jean's copy: a link with 128 bits and a code.
			var share ShareResponse
			sc.json("POST", "/v1/plans/"+id+"/shares", []byte(`{"document": "adult-plan", "person": "nana"}`), http.StatusCreated, &share)
			token := share.Link[strings.LastIndex(share.Link, "/")+1:]
			if len(token) < 22 || !regexp.MustCompile(`^\d{6}$`).MatchString(share.Code) {
				t.Fatalf("link %q, code %q", share.Link, share.Code)
			}
			// The default expiry is the end of the next review's due day:
			// four weeks after the second review on 20 November.
			if want := time.Date(2026, 12, 18, 23, 59, 59, 0, time.UTC); !share.Expires.Equal(want) {
				t.Errorf("expires %v, want %v", share.Expires, want)
			}
			page := sc.do("GET", "/s/"+token, nil, nil)
			if page.Code != 200 || !strings.Contains(page.Body.String(), "six-digit code") || strings.Contains(page.Body.String(), "Nana") {
				t.Fatalf("link page: %d (it must ask for the code and name nobody)", page.Code)
			}
			form := func(code string) *httptest.ResponseRecorder {
				return sc.do("POST", "/s/"+token, []byte(url.Values{"code": {code}}.Encode()), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
			}
			wrong := "000000"
			if share.Code == wrong {
				wrong = "111111"
			}
			if rec := form(wrong); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "4 more times") {
				t.Errorf("a wrong code: %d %s", rec.Code, rec.Body)
			}
			if rec := sc.do("GET", "/s/"+token+"/document", nil, nil); rec.Code != http.StatusSeeOther {
				t.Errorf("the document without the code: %d", rec.Code)
			}
			opened := form(share.Code)
			if opened.Code != 200 || !strings.Contains(opened.Body.String(), `<iframe src="/s/`+token+`/document"`) {
				t.Fatalf("the right code: %d %s", opened.Code, opened.Body)
			}
			cookie := opened.Header().Get("Set-Cookie")
			if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Strict") || !strings.Contains(cookie, "Path=/s/"+token) {
				t.Errorf("session cookie %q", cookie)
			}
			doc := sc.do("GET", "/s/"+token+"/document?download=1", nil, map[string]string{"Cookie": strings.Split(cookie, ";")[0]})
			if doc.Code != 200 || doc.Header().Get("Content-Type") != "application/pdf" {
				t.Fatalf("the document: %d", doc.Code)
			}
			nana := pdftest.Normalize(pdftest.Text(t, doc.Body.Bytes()))
			if !strings.Contains(nana, "Your part in the plan") || strings.Contains(pdftest.Text(t, doc.Body.Bytes()), "900999") {
				t.Error("Nana's copy is not her own, or shows Dad's number")
			}

			// The worker's documents now list what was shared.
			rec = sc.do("POST", "/v1/plans/"+id+"/documents/meeting-outcome?meeting=fnm3", nil, nil)
			if !containsAll(pdftest.Normalize(pdftest.Text(t, rec.Body.Bytes())), "Copies shared through this service", "Nana Jean", "opened on 22 November 2026") {
				t.Error("the outcome form does not list the share")
			}

			// Revoke: the link stops working at once.
			sc.json("DELETE", "/v1/plans/"+id+"/shares/"+share.ShareID, nil, http.StatusNoContent, nil)
			if rec := sc.do("GET", "/s/"+token, nil, nil); rec.Code != http.StatusGone || !strings.Contains(rec.Body.String(), "withdrawn") {
				t.Errorf("a revoked link: %d", rec.Code)
			}
			var audit struct{ Events []store.Event }
			sc.json("GET", "/v1/plans/"+id+"/audit", nil, 200, &audit)
			var actions []string
			for _, e := range audit.Events {
				actions = append(actions, string(e.Action))
			}
			if got := strings.Join(actions, ","); got != "save,save,save,read,render,share,failed_code,view,download,render,revoke" {
				t.Errorf("audit log %s", got)
			}

			// Five wrong codes lock a share.
			var second ShareResponse
			sc.json("POST", "/v1/plans/"+id+"/shares", []byte(`{"document": "words-and-pictures", "person": "leanne"}`), http.StatusCreated, &second)
			tok2 := second.Link[strings.LastIndex(second.Link, "/")+1:]
			bad := "123456"
			if second.Code == bad {
				bad = "654321"
			}
			var last *httptest.ResponseRecorder
			for range store.MaxCodeAttempts {
				last = sc.do("POST", "/s/"+tok2, []byte("code="+bad), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
			}
			if last.Code != http.StatusGone {
				t.Errorf("the fifth wrong code: %d", last.Code)
			}
			if rec := sc.do("POST", "/s/"+tok2, []byte("code="+second.Code), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}); rec.Code != http.StatusGone {
				t.Errorf("the right code after the lock: %d", rec.Code)
			}
			if rec := sc.do("GET", "/s/unknown-token-that-does-not-exist", nil, nil); rec.Code != http.StatusNotFound {
				t.Errorf("an unknown link: %d", rec.Code)
			}

			// The compliance report names no child.
			var report struct{ Rows []store.ReportRow }
			sc.json("GET", "/v1/reports/compliance?from=2026-10&to=2026-11", nil, 200, &report)
			if len(report.Rows) == 0 {
				t.Fatal("an empty report")
			}
			csv := sc.do("GET", "/v1/reports/compliance?format=csv", nil, nil).Body.String()
			html := sc.do("GET", "/reports/compliance", nil, nil).Body.String()
			for _, out := range []string{csv, html, sc.do("GET", "/v1/reports/compliance", nil, nil).Body.String()} {
				for _, secret := range []string{"Kayden", "Hughes", "LCS-2041187", "Jean"} {
					if strings.Contains(out, secret) {
						t.Errorf("the report names %q", secret)
					}
				}
			}
			if !strings.Contains(csv, "team,month,first_meetings_due") || !strings.Contains(html, "<svg") || !strings.Contains(html, "Area social work") {
				t.Errorf("report formats:\n%s\n%.300s", csv, html)
			}

			// Delete removes everything but the audit entry of the deletion.
			sc.json("DELETE", "/v1/plans/"+id, nil, http.StatusNoContent, nil)
			if rec := sc.do("GET", "/v1/plans/"+id, nil, nil); rec.Code != http.StatusNotFound {
				t.Errorf("a deleted plan: %d", rec.Code)
			}
			if rec := sc.do("GET", "/s/"+tok2, nil, nil); rec.Code != http.StatusNotFound {
				t.Errorf("a deleted plan's link: %d", rec.Code)
			}
		})
	}
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}

// Without a store the routes do not exist: nothing is kept.
func TestNoStoreNoRoutes(t *testing.T) {
	s := newTestServer(t, nil)
	for _, target := range []string{"/v1/plans", "/v1/reports/compliance"} {
		if rec := do(s, "POST", target, "application/json", example(t, "hughes-review.json")); rec.Code != http.StatusNotFound && rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s without a store: %d", target, rec.Code)
		}
	}
}
