package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// axePath is where .ci/run installs axe-core (npm ci in testdata/axe).
var axePath = filepath.Join("testdata", "axe", "node_modules", "axe-core", "axe.min.js")

// axe runs axe-core (WCAG 2.1 A and AA, and best practice, with the
// experimental label-in-name rule turned on) on what is on screen and fails the test with each violation. Without axe-core it skips
// the check loudly, and fails in CI.
func (p *page) axe(what string) {
	p.t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		msg := "AXE MISSING: run npm ci in internal/web/testdata/axe; the accessibility check of " + what + " cannot run"
		if os.Getenv("CI") == "true" {
			p.t.Fatal(msg)
		}
		p.t.Log(msg)
		return
	}
	if !eval[bool](p, `typeof axe !== 'undefined'`) {
		eval[bool](p, string(src)+";true")
	}
	out := evalLong[[]string](p, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
		rules: {'label-content-name-mismatch': {enabled: true}}, resultTypes: ['violations']})
		.then((r) => r.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 200))))`)
	if len(out) > 0 {
		p.t.Errorf("axe-core on %s: %d violations:\n%s", what, len(out), strings.Join(out, "\n"))
	}
}

// evalLong is eval for work that may take long on a loaded machine (axe-core
// on a whole page): a minute, not 20 s.
func evalLong[T any](p *page, js string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("%.80s…: %v\nconsole:\n%s", js, err, p.consoleText())
	}
	return v
}
