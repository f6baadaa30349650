package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const examples = "../../../shared/examples"

// abs is the absolute path of a file, as the browser needs it.
func abs(t *testing.T, parts ...string) string {
	p, err := filepath.Abs(filepath.Join(parts...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// shotsDir is where screenshots go when SAFETYPLAN_SHOTS names a folder
// (for a person to look at; never in the repository).
func shotsDir(t *testing.T) string {
	dir := os.Getenv("SAFETYPLAN_SHOTS")
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Every control on screen has a name a screen reader can say.
const unlabelled = `[...document.querySelectorAll('input, select, textarea, button, a[href], summary, iframe')]
	.filter((el) => el.type !== 'hidden' && el.getClientRects().length > 0)
	.filter((el) => {
		const by = (el.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)).filter(Boolean).map((x) => x.textContent).join(' ');
		const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : '';
		const own = ['BUTTON', 'A', 'SUMMARY'].includes(el.tagName) ? el.textContent : '';
		return !((el.getAttribute('aria-label') || '') + by + labels + own + (el.title || '')).trim();
	})
	.map((el) => el.outerHTML.slice(0, 160))`

// Nothing is wider than the window: no sideways scrolling.
const overflow = `(() => {
	const w = document.documentElement.clientWidth;
	const wide = [...document.querySelectorAll('body *')].filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > w + 1 && !el.closest('.visually-hidden'));
	return document.documentElement.scrollWidth > w ? 'page ' + document.documentElement.scrollWidth + ' > ' + w + ': ' + wide.slice(0, 3).map((el) => el.outerHTML.slice(0, 100)).join(' | ') : '';
})()`

// The page at a laptop's 1280×800 and a tablet's 820×1180, with a real
// plan: every section fits the width, every control is labelled, and the
// picture picker and the child's view work at both sizes. With
// SAFETYPLAN_SHOTS set, a screenshot of each is saved there.
func TestPageAtBothWidths(t *testing.T) {
	t.Parallel()
	dir := shotsDir(t)
	for _, size := range []struct {
		name string
		w, h int
	}{{"laptop", 1280, 800}, {"tablet", 820, 1180}} {
		t.Run(size.name, func(t *testing.T) {
			p := newPage(t, size.w, size.h)
			shot := func(name string) { p.screenshot(dir, fmt.Sprintf("%s-%s", size.name, name)) }
			check := func(where string) {
				t.Helper()
				if bad := eval[[]string](p, unlabelled); len(bad) > 0 {
					t.Errorf("%s: controls with no label: %v", where, bad)
				}
				if o := eval[string](p, overflow); o != "" {
					t.Errorf("%s: wider than the window: %s", where, o)
				}
			}
			check("start page")
			shot("00-start")

			// A new plan shows what is still needed without shouting.
			p.click("#start-new")
			p.waitVisible("#s-case")
			p.waitFor("the first check", `/clean|problems/.test(document.querySelector('#check-status').dataset.state)`)
			if !eval[bool](p, `document.querySelector('#error-summary').hidden && !document.querySelector('#todo').hidden`) {
				t.Error("a blank plan should list nothing as an error until the worker has been to a field, and say what is still needed")
			}
			shot("01-new-plan")
			p.click("#todo-show")
			p.waitVisible("#error-summary")
			if got := p.text("#error-summary"); !strings.Contains(got, "Enter case reference") || !strings.Contains(got, "add at least one child") {
				t.Errorf("the summary of what is needed: %q", got)
			}
			check("error summary")
			shot("02-error-summary")

			// A real plan, opened with its file.
			p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs(t, examples, "pritchard-in-care.json"), abs(t, examples, "uploads", "rhys-drawing.png")}))
			p.waitFor("the plan to open", `document.querySelector('#f-case-reference') && document.querySelector('#f-case-reference').value === 'LCS-1877342'`)
			p.waitFor("the plan to check clean", `document.querySelector('#check-status').dataset.state === 'clean'`)
			if !eval[bool](p, `document.querySelector('[data-path="children[0].picture"] img').src.startsWith('blob:')`) {
				t.Error("the child's drawing, opened with the plan, is not shown")
			}
			for i, s := range []string{"case", "children", "people", "meetings", "worries", "bottom-lines", "working-well", "rules",
				"contingencies", "red-flags", "monitoring", "reviews", "handover", "words-pictures", "documents"} {
				p.goTo(s)
				p.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
				check(s)
				shot(fmt.Sprintf("%02d-%s", i+3, s))
				if s == "people" || s == "rules" || s == "meetings" {
					p.do(chromedp.Evaluate[chromedp.Void](`window.scrollBy(0, window.innerHeight * 0.8)`))
					shot(fmt.Sprintf("%02d-%s-more", i+3, s))
				}
			}
			p.goTo("documents")
			p.click("#doc-words-preview")
			p.waitFor("the Words and Pictures preview", `(document.querySelector('#preview-frame') || {}).src?.startsWith('blob:') || /does not make/.test(document.querySelector('#doc-status').textContent)`)
			check("document preview")
			shot("18-preview")

			// The picture picker.
			p.goTo("people")
			p.click("#f-people-0--picture")
			p.waitFor("the library", `document.querySelectorAll('#picker-grid li').length > 30`)
			p.waitFor("the pictures to load", `[...document.querySelectorAll('#picker-grid img')].slice(0, 8).every((i) => i.complete && i.naturalWidth > 0)`)
			check("picture picker")
			shot("19-picker")
			p.do(chromedp.KeyEvent(kb.Escape))
			p.waitFor("the picker to close", `!document.querySelector('#picker').open`)

			// The child's view: every page fits, in big type.
			p.click("#show-child")
			p.waitVisible("#child-page .child__content")
			n := eval[int](p, `Number(document.querySelector('#child-count').textContent.split(' of ')[1])`)
			for i := 1; i <= n; i++ {
				p.waitFor(fmt.Sprintf("page %d", i), fmt.Sprintf(`document.querySelector('#child-page').dataset.page === '%d'`, i))
				p.waitFor("its pictures", `[...document.querySelectorAll('#child-page img')].every((i) => i.complete)`)
				if o := eval[string](p, `(() => { const c = document.querySelector('#child-page'); return c.scrollHeight > c.clientHeight + 2 ? 'taller than the screen: ' + c.scrollHeight + ' > ' + c.clientHeight : '' })()`); o != "" {
					t.Errorf("child's page %d is %s", i, o)
				}
				if px := eval[float64](p, `parseFloat(getComputedStyle(document.querySelector('#child-page .child__text, #child-page .child__title, #child-page .child__heading')).fontSize)`); px < 26 {
					t.Errorf("child's page %d: text is %.0fpx, too small for a child", i, px)
				}
				if !strings.Contains(eval[string](p, `getComputedStyle(document.querySelector('#child-page')).fontFamily`), "Andika") {
					t.Errorf("child's page %d is not in Andika", i)
				}
				shot(fmt.Sprintf("20-child-%02d", i))
				if i < n {
					p.do(chromedp.KeyEvent(kb.ArrowRight))
				}
			}
			p.do(chromedp.KeyEvent(kb.Escape))
			p.waitFor("the child's view to close", `document.querySelector('#child').hidden`)
			p.noConsoleErrors()
		})
	}
}

// A worker using only the keyboard can start a plan, fill it in, pick a
// picture and show the child's view, and can always see where the focus is.
func TestKeyboardOnly(t *testing.T) {
	t.Parallel()
	p := newPage(t, 1280, 800)
	tab := func() { p.do(chromedp.KeyEvent(kb.Tab)) }
	focusVisible := func(where string) {
		t.Helper()
		// The focused element is on screen and draws a focus indicator:
		// an outline, a box shadow or the yellow focus background.
		js := `(() => { const el = document.activeElement; if (!el || el === document.body) return ''; // past the end of the page
			const s = getComputedStyle(el); const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) return 'focus on an invisible element: ' + el.outerHTML.slice(0, 100);
			const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)') || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)';
			return ring ? '' : 'no visible focus on ' + el.outerHTML.slice(0, 100); })()`
		if msg := eval[string](p, js); msg != "" {
			t.Errorf("%s: %s", where, msg)
		}
	}
	// Tab to "Start a new plan" (past the skip link and the other button).
	for i := 0; i < 6 && eval[string](p, `document.activeElement.id`) != "start-new"; i++ {
		tab()
		focusVisible(fmt.Sprintf("start page, tab %d", i+1))
	}
	p.do(chromedp.KeyEvent(kb.Enter))
	p.waitVisible("#s-case")
	// Every tab stop through the toolbar, the sections and the form shows
	// where the focus is.
	for i := 0; i < 45; i++ {
		tab()
		focusVisible(fmt.Sprintf("case section, tab %d", i+1))
	}
	// Type the reference, and add a child with the keyboard.
	p.do(chromedp.Focus(chromedp.CSS("#f-case-reference")), chromedp.KeyEvent("LCS-1"))
	p.do(chromedp.Focus(chromedp.CSS(`a.sections-nav__link[data-section="children"]`)), chromedp.KeyEvent(kb.Enter))
	p.waitFor("the children section, its heading focused", `!document.querySelector('#s-children').hidden && document.activeElement.id === 's-children-title'`)
	for i := 0; i < 4 && eval[string](p, `document.activeElement.id`) != "f-children-add"; i++ {
		tab()
	}
	p.do(chromedp.KeyEvent(kb.Enter))
	p.waitFor("the new child's name to have the focus", `document.activeElement.id === 'f-children-0--name'`)
	p.do(chromedp.KeyEvent("Ana Novák"))
	for i := 0; i < 8 && eval[string](p, `document.activeElement.id`) != "f-children-0--picture"; i++ {
		tab()
		focusVisible(fmt.Sprintf("child, tab %d", i+1))
	}
	// The picker: Enter opens it with the focus in the search box; type,
	// Tab to the first picture, Enter picks it and the focus comes back.
	p.do(chromedp.KeyEvent(kb.Enter))
	p.waitFor("the picker, focus in its search box", `document.querySelector('#picker').open && document.activeElement.id === 'picker-search'`)
	p.do(chromedp.KeyEvent("ginger"))
	p.waitFor("the search result", `document.querySelectorAll('#picker-grid li').length === 1 && document.querySelector('#picker-grid li button').dataset.name === 'girl'`)
	tab()
	focusVisible("picker")
	if got := eval[string](p, `document.activeElement.dataset.name || ''`); got != "girl" {
		t.Fatalf("after a tab the focus is on %q, want the picture", got)
	}
	p.do(chromedp.KeyEvent(kb.Enter))
	p.waitFor("the picture chosen and the focus back on its button", `document.activeElement.id === 'f-children-0--picture' && document.querySelector('[data-path="children[0].picture"] img').src.includes('girl.png')`)
	// The child's view: the arrow keys turn the pages and Escape comes back.
	p.do(chromedp.Focus(chromedp.CSS("#show-child")), chromedp.KeyEvent(kb.Enter))
	p.waitVisible("#child-page .child__content")
	p.do(chromedp.KeyEvent(kb.ArrowRight))
	p.waitFor("page 2", `document.querySelector('#child-page').dataset.page === '2'`)
	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitFor("back on the page, focus on the button", `document.querySelector('#child').hidden && document.activeElement.id === 'show-child'`)
	p.noConsoleErrors()
}
