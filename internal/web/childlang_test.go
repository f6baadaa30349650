package web_test

import (
	"encoding/json"
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
