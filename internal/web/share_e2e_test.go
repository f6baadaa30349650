package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/familynetwork/safetyplan/internal/httpapi"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
)

// Nana Jean opens her copy on a phone: the link, then the code she was
// told, then her plan in the page. After the worker revokes it, the link
// stops working. On both stores.
func TestOpenASharedCopyInABrowser(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			st := b.Open(t, store.Options{})
			p := newPageOn(t, 390, 844, httpapi.Config{Store: st, Today: func() plan.Date { return plan.MustDate("2026-11-22") }}, "/healthz")
			post := func(path, ctype string, body []byte, out any) {
				t.Helper()
				res, err := http.Post(p.url+path, ctype, bytes.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				if res.StatusCode/100 != 2 {
					t.Fatalf("POST %s: %d", path, res.StatusCode)
				}
				if err := json.NewDecoder(res.Body).Decode(out); err != nil {
					t.Fatal(err)
				}
			}
			hughes, err := os.ReadFile("../../../shared/examples/hughes-review.json")
			if err != nil {
				t.Fatal(err)
			}
			var saved httpapi.SavedResponse
			post("/v1/plans", "application/json", hughes, &saved)
			var share httpapi.ShareResponse
			post("/v1/plans/"+saved.PlanID+"/shares", "application/json", []byte(`{"document": "adult-plan", "person": "nana"}`), &share)

			p.do(chromedp.Navigate(share.Link))
			p.waitVisible("#code")
			if label := p.text("label[for=code]"); !strings.Contains(label, "six-digit code") {
				t.Errorf("the code field is labelled %q", label)
			}
			if body := p.text("body"); strings.Contains(body, "Nana") || strings.Contains(body, "Kayden") {
				t.Error("the page names someone before the code is given")
			}
			wrong := "000000"
			if share.Code == wrong {
				wrong = "111111"
			}
			p.typeIn("#code", wrong)
			p.click("button[type=submit]")
			p.waitVisible("[role=alert]")
			if msg := p.text("[role=alert]"); !strings.Contains(msg, "4 more times") {
				t.Errorf("after a wrong code the page says %q", msg)
			}
			p.typeIn("#code", share.Code)
			p.click("button[type=submit]")
			p.waitVisible("iframe")
			if h := p.text("h1"); h != "Your copy of the safety plan" {
				t.Errorf("heading %q", h)
			}
			if src := eval[string](p, `document.querySelector('iframe').getAttribute('src')`); !strings.HasSuffix(src, "/document") {
				t.Errorf("iframe src %q", src)
			}
			// The PDF behind the page's download link is Nana's own copy.
			href := eval[string](p, `document.querySelector('a.button').href`)
			cookie := eval[string](p, `document.cookie`) // HttpOnly: the page's script cannot read it
			if cookie != "" {
				t.Errorf("the session cookie is readable by script: %q", cookie)
			}
			if !strings.Contains(href, "/document?download=1") {
				t.Errorf("download link %q", href)
			}

			// The worker revokes it; the next visit says so.
			req, _ := http.NewRequest("DELETE", p.url+"/v1/plans/"+saved.PlanID+"/shares/"+share.ShareID, nil)
			if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusNoContent {
				t.Fatalf("revoke: %v %v", err, res)
			}
			p.do(chromedp.Navigate(share.Link))
			p.waitFor("the withdrawn message", `document.body.innerText.includes('withdrawn')`)
			var audit struct{ Events []store.Event }
			res, err := http.Get(p.url + "/v1/plans/" + saved.PlanID + "/audit")
			if err != nil {
				t.Fatal(err)
			}
			json.NewDecoder(res.Body).Decode(&audit)
			res.Body.Close()
			var actions []string
			for _, e := range audit.Events {
				actions = append(actions, string(e.Action))
				if e.At.IsZero() || e.At.After(time.Now().Add(time.Minute)) {
					t.Errorf("event %s at %v", e.Action, e.At)
				}
			}
			// The page's frame may fetch the document (another view) just
			// before or after the revocation is recorded.
			if got := strings.Join(actions, ","); !strings.HasPrefix(got, "save,share,failed_code,view") || !strings.Contains(got, ",revoke") {
				t.Errorf("audit %s", got)
			}
		})
	}
}
