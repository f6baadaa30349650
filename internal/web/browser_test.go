package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/familynetwork/safetyplan/internal/httpapi"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// needChromium returns the path of a Chromium or Chrome, or skips the test
// with a loud reason (fails it in CI, where .ci/run installs chromium).
func needChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "BROWSER MISSING: no chromium, chromium-browser or google-chrome on PATH (apt-get install chromium); the page's end-to-end tests cannot run"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// page is one browser tab on a running service, with what its console said.
type page struct {
	t        *testing.T
	ctx      context.Context
	url      string
	download string
	done     chan download
	mu       sync.Mutex
	console  []string
	pictures []string
}

// newPage starts the service in-process (today is 2026-11-22) and a
// headless Chromium with a window of w×h, and opens a tab on the page.
func newPage(t *testing.T, w, h int) *page {
	t.Helper()
	p := newPageOn(t, w, h, httpapi.Config{Today: func() plan.Date { return plan.MustDate("2026-11-22") }}, "/")
	p.waitVisible("#start-new")
	return p
}

// newPageOn is newPage with the service's configuration and the path
// opened first.
func newPageOn(t *testing.T, w, h int, cfg httpapi.Config, path string) *page {
	t.Helper()
	exe := needChromium(t)
	srv := httpapi.New(cfg)
	srv.SetReady(true)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.WindowSize(w, h),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("lang", "en-GB"),
		chromedp.Flag("accept-lang", "en-GB"),
		chromedp.Env("LANGUAGE=en_GB", "LANG=en_GB.UTF-8", "TZ=Europe/London"),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelA)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	p := &page{t: t, ctx: ctx, url: ts.URL, download: t.TempDir(), done: make(chan download, 8)}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			p.mu.Lock()
			p.console = append(p.console, m.String())
			p.mu.Unlock()
		}
	}()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: p.download, EventsEnabled: new(true),
	}); err != nil {
		t.Fatal(err)
	}
	// Dates as a UK browser shows them (dd/mm/yyyy, 24-hour times).
	_, _ = chromedp.Call(ctx, emulation.SetLocaleOverride, emulation.SetLocaleOverrideParams{Locale: "en_GB"})
	p.listenDownloads()
	p.do(chromedp.EmulateViewport(int64(w), int64(h)), chromedp.Navigate(ts.URL+path))
	return p
}

// do runs steps, failing the test on an error.
func (p *page) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		p.t.Fatalf("%v\nconsole:\n%s", err, p.consoleText())
	}
}

func (p *page) consoleText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.console, "\n")
}

// noConsoleErrors fails the test if the page logged an error, threw, or
// broke the Content-Security-Policy.
func (p *page) noConsoleErrors() {
	p.t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range p.console {
		l := strings.ToLower(m)
		if strings.Contains(l, "failed to load resource") && (strings.Contains(l, "status of 422") || strings.Contains(l, "status of 409")) {
			continue // a plan with problems, or saved by someone else first: the page shows them
		}
		if strings.HasPrefix(l, "error") || strings.HasPrefix(l, "exception") || strings.Contains(l, "content security policy") {
			p.t.Errorf("the page's console: %s", m)
		}
	}
}

// eval runs JavaScript and returns its result.
func eval[T any](p *page, js string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("%s: %v\nconsole:\n%s", js, err, p.consoleText())
	}
	return v
}

// waitFor polls a JavaScript condition until it is true (or 20 s pass).
func (p *page) waitFor(what, js string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		p.t.Fatalf("waiting for %s (%s): %v\nconsole:\n%s", what, js, err, p.consoleText())
	}
}

func (p *page) waitVisible(css string) {
	p.t.Helper()
	p.do(chromedp.WaitVisible(chromedp.CSS(css)))
}

// click scrolls the element to the middle of the window, as a person
// would to see it, and clicks it.
func (p *page) click(css string) {
	p.t.Helper()
	p.do(chromedp.WaitVisible(chromedp.CSS(css)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: 'center'})`, css)),
		chromedp.Click(chromedp.CSS(css)))
}

// typeIn types into a field as a person does, then leaves it (Tab), so that
// its change event fires.
func (p *page) typeIn(css, text string) {
	p.t.Helper()
	p.do(chromedp.WaitVisible(chromedp.CSS(css)), chromedp.Focus(chromedp.CSS(css)), chromedp.SendKeys(chromedp.CSS(css), text))
	p.do(chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
}

// setValue fills a date, time or select field the way its picker would.
func (p *page) setValue(css, value string) {
	p.t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.focus(); el.value = %q;
		el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true})); el.blur(); return true })()`, css, value)
	p.waitVisible(css)
	if !eval[bool](p, js) {
		p.t.Fatalf("could not set %s", css)
	}
}

func (p *page) text(css string) string {
	p.t.Helper()
	return eval[string](p, fmt.Sprintf(`(document.querySelector(%q) || {innerText: ''}).innerText`, css))
}

// screenshot saves the viewport as PNG in dir, when dir is not empty.
func (p *page) screenshot(dir, name string) {
	p.t.Helper()
	if dir == "" {
		return
	}
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// download is a file the page made the browser save.
type download struct {
	name string // the name the page suggested
	data []byte
}

// nextDownload waits for the next download to finish and returns it.
func (p *page) nextDownload() download {
	p.t.Helper()
	select {
	case d := <-p.done:
		return d
	case <-time.After(20 * time.Second):
		p.t.Fatalf("no download finished\nconsole:\n%s", p.consoleText())
	}
	return download{}
}

func (p *page) listenDownloads() {
	names := map[string]string{}
	var mu sync.Mutex
	err := chromedp.ListenBrowser(p.ctx, func(ev any) {
		switch e := ev.(type) {
		case *browser.EventDownloadWillBegin:
			mu.Lock()
			names[e.GUID] = e.SuggestedFilename
			mu.Unlock()
		case *browser.EventDownloadProgress:
			if e.State != browser.DownloadProgressStateCompleted {
				return
			}
			mu.Lock()
			name := names[e.GUID]
			mu.Unlock()
			go func() {
				b, err := os.ReadFile(filepath.Join(p.download, e.GUID))
				if err != nil {
					p.t.Errorf("reading the download %s: %v", name, err)
				}
				p.done <- download{name: name, data: b}
			}()
		}
	})
	if err != nil {
		p.t.Fatal(err)
	}
}
