package web_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// What a new worker ran into, each fixed, and the page axe-core clean on
// every section and in the child's view.
func TestPageAsANewWorkerFoundIt(t *testing.T) {
	p := newPage(t, 1280, 800)
	if eval[bool](p, `document.querySelector('#no-store-note').hidden`) {
		t.Error("without a store the start page does not say that saving and sharing need one")
	}
	p.axe("the start page")

	t.Run("deadlines while the plan is incomplete", func(t *testing.T) {
		p.click("#start-new")
		p.waitVisible("#f-case-involvement-started")
		p.setValue("#f-case-involvement-started", "2026-09-01")
		p.waitFor("the first meeting's deadline", `document.querySelector('#pd-body').innerText.includes('Due 24 November 2026')`)
		if pd := p.text("#pd-body"); !strings.Contains(pd, "filled in so far") {
			t.Errorf("the panel does not say its deadlines are from the dates so far:\n%s", pd)
		}
	})

	t.Run("the title says Error while the error summary shows", func(t *testing.T) {
		p.click("#todo-show")
		p.waitVisible("#error-summary")
		if title := eval[string](p, `document.title`); !strings.HasPrefix(title, "Error: ") {
			t.Errorf("title %q while the error summary shows", title)
		}
	})

	t.Run("the draft is kept on pagehide", func(t *testing.T) {
		p.do(chromedp.Focus(chromedp.CSS("#f-case-reference")), chromedp.SendKeys(chromedp.CSS("#f-case-reference"), "LCS-777"))
		p.do(chromedp.Navigate("about:blank"), chromedp.Navigate(p.url+"/"))
		p.waitVisible("#start-continue")
		if d := p.text("#start-draft-text"); !strings.Contains(d, "LCS-777") {
			t.Errorf("the draft after leaving at once is %q; want the last edit", d)
		}
	})

	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs(t, examples, "hughes-review.json")}))
	p.waitFor("the check", `(document.querySelector('#check-status') || {dataset: {}}).dataset.state === 'clean'`)

	t.Run("the family's language by name", func(t *testing.T) {
		if got := eval[string](p, `document.querySelector('#f-case-family-language').selectedOptions[0].text`); got != "English" {
			t.Errorf("en-GB is shown as %q", got)
		}
		p.setValue("#f-case-family-language", "ur")
		if got := eval[string](p, `document.querySelector('#f-case-family-language').selectedOptions[0].text`); got != "Urdu" {
			t.Errorf("Urdu is shown as %q", got)
		}
	})

	t.Run("no meeting within 12 weeks is asked for only when the answer is no", func(t *testing.T) {
		p.goTo("meetings")
		if !eval[bool](p, `document.querySelector('#within12-yes').checked && document.querySelector('#within12-reveal').hidden`) {
			t.Error("with a first meeting held, the answer is not yes, or the reason is asked for")
		}
		p.click("#within12-no")
		p.waitFor("the reveal", `!document.querySelector('#within12-reveal').hidden && !!document.querySelector('#within12-reveal [data-path="no_meeting_rationale.rationale"]')`)
		p.axe("the meetings section with the reason revealed")
		p.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#within12-no').scrollIntoView({block: 'start'}); window.scrollBy(0, -120)`))
		p.screenshot(shotsDir(t), "within12-no-1280")
		p.click("#within12-yes")
		p.waitFor("the reason to go", `document.querySelector('#within12-reveal').hidden`)
	})

	t.Run("axe-core on every section", func(t *testing.T) {
		ids := eval[[]string](p, `[...document.querySelectorAll('section[data-section]')].map((s) => s.dataset.section)`)
		for _, id := range ids {
			p.goTo(id)
			p.axe("section " + id)
		}
	})

	t.Run("the child's view: contrast, focus back", func(t *testing.T) {
		p.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#show-child').focus()`))
		p.do(chromedp.KeyEvent(kb.Enter))
		p.waitVisible("#child-page .child__content")
		p.axe("the child's view")
		p.do(chromedp.KeyEvent(kb.Escape))
		p.waitFor("the view to close", `document.querySelector('#child').hidden`)
		p.waitFor("focus back on Show to the child", `document.activeElement && document.activeElement.id === 'show-child'`)
	})
	p.noConsoleErrors()
}

// On a tablet the Practice Direction panel is at the top, above the form,
// not below it.
func TestPracticeDirectionPanelOnATablet(t *testing.T) {
	p := newPage(t, 820, 1180)
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs(t, examples, "adeyemi-early-help.json")}))
	p.waitFor("the check", `(document.querySelector('#check-status') || {dataset: {}}).dataset.state === 'clean'`)
	top := eval[[]float64](p, `[document.querySelector('#pd-panel').getBoundingClientRect().top, document.querySelector('#main').getBoundingClientRect().top]`)
	if top[0] > top[1] {
		t.Errorf("the panel starts at %.0f px, below the form at %.0f px", top[0], top[1])
	}
	p.screenshot(shotsDir(t), "pd-panel-820")
}

// In the child's view, someone with no picture is shown by their initial,
// as in the book.
func TestChildViewShowsInitials(t *testing.T) {
	b, err := os.ReadFile(abs(t, examples, "hughes-review.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, x := range m["people"].([]any) {
		delete(x.(map[string]any), "picture")
	}
	b, _ = json.Marshal(m)
	file := filepath.Join(t.TempDir(), "no-pictures.json")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	p := newPage(t, 1280, 800)
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{file}))
	p.waitVisible("#show-child")
	p.click("#show-child")
	p.waitVisible("#child-page .child__content")
	n := eval[int](p, `Number(document.querySelector('#child-count').textContent.split(' of ')[1])`)
	var initials []string
	for i := 1; i <= n && len(initials) == 0; i++ {
		initials = eval[[]string](p, `[...document.querySelectorAll('#child-page .child__person-none')].map((x) => x.textContent)`)
		if len(initials) == 0 && i < n {
			p.do(chromedp.KeyEvent(kb.ArrowRight))
			p.waitFor(fmt.Sprintf("page %d", i+1), fmt.Sprintf(`document.querySelector('#child-page').dataset.page === '%d'`, i+1))
		}
	}
	// As the book: the first letter of the name shown ("Nana Jean": N).
	if !slices.Contains(initials, "N") || slices.ContainsFunc(initials, func(s string) bool { return len([]rune(s)) != 1 }) {
		t.Errorf("the people with no picture are shown as %q; want one letter each, Nana Jean as N", initials)
	}
	p.noConsoleErrors()
}
