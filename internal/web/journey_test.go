package web_test

import (
	"context"
	"encoding/base64"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/familynetwork/safetyplan/internal/httpapi"
	"github.com/familynetwork/safetyplan/internal/pdftest"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
)

// twoReplicaURLs starts two services on one store database with one
// keyring, as two replicas behind a load balancer are: PostgreSQL when
// SAFETYPLAN_TEST_POSTGRES is set (and in CI), else one SQLite file.
func twoReplicaURLs(t *testing.T) (a, b string) {
	t.Helper()
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "store.db")
	if os.Getenv(storetest.PostgresEnv) != "" || os.Getenv("CI") == "true" {
		dbURL = storetest.PostgresURL(t)
	}
	keys, err := store.ParseKeyring(storetest.KeyringText(t))
	if err != nil {
		t.Fatal(err)
	}
	var urls [2]string
	for i := range urls {
		st, err := store.Open(context.Background(), dbURL, keys)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		srv := httpapi.New(httpapi.Config{Store: st, Today: func() plan.Date { return plan.MustDate("2026-11-22") }})
		srv.SetReady(true)
		ts := httptest.NewServer(srv.Handler())
		t.Cleanup(ts.Close)
		urls[i] = ts.URL
	}
	return urls[0], urls[1]
}

// newBrowser opens a tab of its own browser (its own storage) at w×h on
// the service at base.
func newBrowser(t *testing.T, w, h int, base, path string) *page {
	t.Helper()
	p := newPageOn(t, w, h, httpapi.Config{}, "/") // the page names its icon: no favicon.ico 404
	p.url = base
	p.do(chromedp.Navigate(base + path))
	return p
}

// The worker's whole job with a store, across two replicas: the caseload,
// a plan opened and saved as a version, Nana Jean's copy shared, opened at
// phone size on the other replica with the code, then withdrawn; and a
// second worker's conflicting save.
func TestWorkerJourneyWithAStore(t *testing.T) {
	a, b := twoReplicaURLs(t)
	shots := shotsDir(t)
	w := newBrowser(t, 1280, 900, a, "/")
	w.waitVisible("#caseload")
	w.waitFor("the empty caseload", `document.querySelector('#caseload-body').innerText.includes('not saved any plans')`)
	if !eval[bool](w, `document.querySelector('#no-store-note').hidden`) {
		t.Error("the page says the service keeps no plans, but it has a store")
	}
	w.axe("the start page with a store")

	// Start a plan (from the family's plan file) and save it.
	w.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs(t, examples, "hughes-review.json")}))
	w.waitVisible("#save-version")
	w.click("#save-version")
	w.waitFor("the save", `document.querySelector('#draft-status').innerText.startsWith('Saved as version 1')`)

	// The caseload lists it with its next deadline.
	w.click("#caseload-open")
	w.waitFor("the caseload row", `document.querySelector('#caseload-body').dataset.loaded === 'mine' && !!document.querySelector('#caseload-table tbody tr')`)
	row := w.text("#caseload-table tbody tr")
	for _, want := range []string{"LCS-2041187", "Kayden, Mia", "version 1"} {
		if !strings.Contains(row, want) {
			t.Errorf("the caseload row lacks %q: %q", want, row)
		}
	}
	w.screenshot(shots, "journey-caseload-1280")
	w.axe("the caseload")
	w.atWidth(820, 1180, func() {
		w.screenshot(shots, "journey-caseload-820")
		w.axe("the caseload on a tablet")
		if o := eval[string](w, overflow); o != "" {
			t.Errorf("the caseload on a tablet is wider than the window: %s", o)
		}
	})
	w.click("#caseload-table tbody tr button")
	w.waitVisible("#history-open")

	// Share Nana Jean's copy.
	w.click("#history-open")
	w.waitVisible("#share-make")
	w.setValue("#share-person", "nana")
	w.click("#share-make")
	w.waitVisible("#share-result")
	link := eval[string](w, `document.querySelector('#share-link').value`)
	code := w.text("#share-code")
	if len(code) != 6 || !strings.Contains(link, "/s/") {
		t.Fatalf("the link %q and code %q", link, code)
	}
	if slip := eval[string](w, `document.querySelector('#slip').textContent`); !strings.Contains(slip, link) || strings.Contains(slip, code) || !strings.Contains(slip, "The code will be told to you") {
		t.Errorf("the printable slip must hold the link and not the code: %q", slip)
	}
	w.waitFor("the share listed", `(document.querySelector('#shares-table tbody') || {innerText: ''}).innerText.toLowerCase().includes('sent')`)
	w.screenshot(shots, "journey-share-1280")
	w.axe("share and history")
	w.atWidth(820, 1180, func() {
		w.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		w.screenshot(shots, "journey-history-820")
		w.axe("share and history on a tablet")
		if o := eval[string](w, overflow); o != "" {
			t.Errorf("share and history on a tablet is wider than the window: %s", o)
		}
	})

	// Nana Jean opens it on her phone, through the other replica.
	u, _ := url.Parse(link)
	phone := newBrowser(t, 390, 844, b, u.Path)
	phone.waitVisible("#code")
	phone.typeIn("#code", code)
	phone.click("button[type=submit]")
	phone.waitVisible("iframe")
	b64 := eval[string](phone, `fetch(location.pathname + '/document').then((r) => r.arrayBuffer()).then((buf) => { let s = ''; for (const x of new Uint8Array(buf)) s += String.fromCharCode(x); return btoa(s); })`)
	pdf, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	text := pdftest.Normalize(pdftest.Text(t, pdf))
	if !strings.Contains(text, "Nana Jean") {
		t.Errorf("Nana Jean's copy does not name her:\n%.600s", text)
	}
	phone.screenshot(shots, "journey-phone-opened-390")

	// The worker sees it opened, and withdraws it.
	w.click("#history-back")
	w.click("#history-open")
	w.waitFor("opened", `(document.querySelector('#shares-table tbody') || {innerText: ''}).innerText.toLowerCase().includes('opened')`)
	if audit := w.text("#audit-list"); !strings.Contains(audit, "Jean Hughes opened their copy") || !strings.Contains(audit, "shared version 1 with Jean Hughes") {
		t.Errorf("the audit trail reads:\n%s", audit)
	}
	w.click("#shares-table tbody tr button")
	w.waitFor("withdrawn", `(document.querySelector('#shares-table tbody') || {innerText: ''}).innerText.toLowerCase().includes('withdrawn')`)
	phone.do(chromedp.Navigate(b + u.Path))
	phone.waitFor("the withdrawn message", `document.body.innerText.includes('withdrawn')`)

	// A second worker, on the other replica, opens the same plan; both
	// change it; the second to save is told, and keeps theirs on top.
	w.click("#history-back")
	w2 := newBrowser(t, 1280, 900, b, "/")
	w2.waitFor("the caseload", `document.querySelector('#caseload-body').dataset.loaded === 'mine'`)
	w2.setValue("#caseload-filter", "all")
	w2.waitFor("every plan", `document.querySelector('#caseload-body').dataset.loaded === 'all' && !!document.querySelector('#caseload-table tbody tr')`)
	w2.click("#caseload-table tbody tr button")
	w2.waitVisible("#save-version")

	w.goTo("red-flags")
	w.typeIn("#s-red-flags textarea", "\nMum misses two calls in a row.")
	w.click("#save-version")
	w.waitFor("version 2", `document.querySelector('#draft-status').innerText.startsWith('Saved as version 2')`)

	w2.goTo("bottom-lines")
	w2.typeIn("#s-bottom-lines textarea", "\nNo contact after 8pm.")
	w2.click("#save-version")
	w2.waitVisible("#conflict")
	if c := w2.text("#conflict"); !strings.Contains(c, "Version 2 was saved") || !strings.Contains(c, "Red flags") {
		t.Errorf("the conflict says:\n%s", c)
	}
	w2.screenshot(shots, "journey-conflict-1280")
	w2.axe("the conflict")
	w2.click("#conflict-keep")
	w2.waitFor("version 3", `document.querySelector('#draft-status').innerText.startsWith('Saved as version 3')`)

	// Look back: version 1, read only; what changed since the last review.
	w.click("#history-open")
	w.waitFor("three versions", `document.querySelectorAll('#versions-table tbody tr').length === 3`)
	if ch := w.text("#changes"); !strings.Contains(ch, "What changed since the last review") {
		t.Errorf("the versions part does not say what changed since the last review:\n%s", ch)
	}
	w.click(`#versions-table button[aria-label="Open read only: version 1"]`)
	w.waitVisible("#version-banner")
	if b := w.text("#version-banner"); !strings.Contains(b, "Version 1 of 3, read only") {
		t.Errorf("the banner of an old version says %q", b)
	}
	if n := eval[int](w, `[...document.querySelectorAll('#sections input, #sections textarea, #sections select')].filter((el) => !el.disabled).length`); n != 0 {
		t.Errorf("%d fields of an old version can be changed", n)
	}
	if !eval[bool](w, `document.querySelector('#save-version').hidden`) {
		t.Error("an old version offers Save version")
	}
	w.axe("an old version, read only")
	w.click("#back-to-latest")
	w.waitFor("the latest version", `document.querySelector('#version-banner').hidden`)

	// Delete, with the consequences spelled out first.
	w.click("#history-open")
	w.click("#delete-ask")
	w.waitVisible("#delete-consequences")
	if c := w.text("#delete-list"); !strings.Contains(c, "All 3 versions") || !strings.Contains(c, "No shared link is still working") || !strings.Contains(c, "cannot be undone") {
		t.Errorf("the consequences of deleting read:\n%s", c)
	}
	w.axe("delete, with its consequences")
	w.click("#delete-confirm")
	w.waitVisible("#start-message")
	w.waitFor("the empty caseload", `document.querySelector('#caseload-body').innerText.includes('not saved any plans')`)
	w.noConsoleErrors()
	w2.noConsoleErrors()
}

// atWidth shows the page at w×h while f runs, then as it was.
func (p *page) atWidth(w, h int, f func()) {
	p.t.Helper()
	size := eval[[]int](p, `[window.innerWidth, window.innerHeight]`)
	p.do(chromedp.EmulateViewport(int64(w), int64(h)))
	f()
	p.do(chromedp.EmulateViewport(int64(size[0]), int64(size[1])))
}
