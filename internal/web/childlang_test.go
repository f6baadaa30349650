package web_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The child's view shows the book in its language: an Urdu book right to
// left (lang and dir on the view, the arrow keys going the book's way), and
// a read-aloud button only where the device has a voice for that language;
// where it has none (headless Chromium has no Urdu voice), the view says so
// plainly in the button's place.
func TestChildViewInTheBooksLanguage(t *testing.T) {
	for _, tc := range []struct {
		name, lang, dir, forward string
	}{
		{"Urdu, right to left", "ur", "rtl", kb.ArrowLeft},
		{"English, left to right", "", "ltr", kb.ArrowRight},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := os.ReadFile(abs(t, examples, "hughes-review.json"))
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			m["words_and_pictures"].(map[string]any)["language"] = tc.lang
			b, _ = json.Marshal(m)
			file := filepath.Join(t.TempDir(), "book.json")
			if err := os.WriteFile(file, b, 0o600); err != nil {
				t.Fatal(err)
			}
			p := newPage(t, 1280, 800)
			p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{file}))
			p.waitVisible("#show-child")
			p.click("#show-child")
			p.waitVisible("#child-page .child__content")
			wantLang := tc.lang
			if wantLang == "" {
				wantLang = "en-GB"
			}
			if got := eval[string](p, `document.querySelector('#child').lang`); got != wantLang {
				t.Errorf("the view's lang is %q; want %q", got, wantLang)
			}
			if got := eval[string](p, `document.querySelector('#child').dir`); got != tc.dir {
				t.Errorf("the view's dir is %q; want %q", got, tc.dir)
			}
			// The book goes on with the arrow that points the way it reads.
			p.do(chromedp.KeyEvent(tc.forward))
			p.waitFor("page 2", `document.querySelector('#child-page').dataset.page === '2'`)
			p.screenshot(shotsDir(t), "child-view-"+tc.dir)

			hasVoice := eval[bool](p, `(() => { const want = document.querySelector('#child').lang.toLowerCase().split('-')[0];
				return 'speechSynthesis' in window && speechSynthesis.getVoices().some((v) => v.lang.toLowerCase().split(/[-_]/)[0] === want); })()`)
			button := eval[bool](p, `!document.querySelector('#child-speak').hidden`)
			none := eval[string](p, `document.querySelector('#child-speak-none').hidden ? '' : document.querySelector('#child-speak-none').textContent`)
			switch {
			case hasVoice && !button:
				t.Error("the device has a voice for the book's language, but no read-aloud button is shown")
			case !hasVoice && (button || none == ""):
				t.Errorf("no voice for the book's language: button shown %v, message %q; want no button and a plain message", button, none)
			case !hasVoice && tc.lang == "ur" && !strings.Contains(none, "no voice for Urdu"):
				t.Errorf("the message %q does not name the language", none)
			}
			p.noConsoleErrors()
		})
	}
}

// How someone looks is entered in the page, for each person, child and the
// lead worker, and kept in the plan the documents are made from.
func TestAppearanceInThePage(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs(t, examples, "hughes-review.json")}))
	p.waitVisible("#show-child")
	p.goTo("people")
	for _, id := range []string{"#f-people-0--appearance-skin", "#f-people-0--appearance-head-covering", "#f-people-0--appearance-wheelchair"} {
		if !eval[bool](p, fmt.Sprintf(`!!document.querySelector(%q)`, id)) {
			t.Fatalf("the page has no field %s for how the first person looks", id)
		}
	}
	p.do(chromedp.Evaluate[chromedp.Void](`(() => { const el = document.querySelector('#f-people-0--appearance-skin');
		el.value = 'dark'; el.dispatchEvent(new Event('change', {bubbles: true})); })()`))
	p.click("#f-people-0--appearance-wheelchair")
	p.waitFor("the draft to keep how she looks", `(() => { const d = JSON.parse(localStorage.getItem('safetyplan.draft.v1') || '{}');
		const a = d.plan && d.plan.people && d.plan.people[0].appearance; return !!a && a.skin === 'dark' && a.wheelchair === true; })()`)
	p.noConsoleErrors()
}

// A review is entered once: its held meeting leads to what it found, made
// in Reviews against that meeting when there is none yet.
func TestReviewEnteredFromItsMeeting(t *testing.T) {
	b, err := os.ReadFile(abs(t, examples, "hughes-review.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "reviews")
	b, _ = json.Marshal(m)
	file := filepath.Join(t.TempDir(), "no-reviews.json")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	p := newPage(t, 1280, 800)
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{file}))
	p.waitVisible("#show-child")
	p.goTo("meetings")
	if eval[bool](p, `!!document.querySelector('#f-meetings-0--findings')`) {
		t.Error("the initial meeting offers review findings")
	}
	if got := p.text("#f-meetings-1--findings"); got != "Record what the review found" {
		t.Fatalf("the review meeting's button says %q", got)
	}
	p.click("#f-meetings-1--findings")
	p.waitFor("the Reviews section", `!document.querySelector('#s-reviews').hidden`)
	p.waitFor("a review against the meeting", `(() => { const d = JSON.parse(localStorage.getItem('safetyplan.draft.v1') || '{}');
		return !!d.plan && Array.isArray(d.plan.reviews) && d.plan.reviews.length === 1 && d.plan.reviews[0].meeting === 'fnm2'; })()`)
	p.goTo("meetings")
	if got := p.text("#f-meetings-1--findings"); got != "Open what the review found" {
		t.Errorf("after recording, the button says %q", got)
	}
	p.noConsoleErrors()
}
