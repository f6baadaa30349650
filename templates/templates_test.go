package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestOverrides(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "council.txt"), []byte("adult.title: Our family plan\n"), 0o644)
	w, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.Text("adult.title"); got != "Our family plan" {
		t.Errorf("override not applied: %q", got)
	}
	if got := w.Text("form.title", "system", "EHM"); got != "EHM Family/Network Meeting form" {
		t.Errorf("placeholder: %q", got)
	}
	os.WriteFile(filepath.Join(dir, "typo.txt"), []byte("adult.titel: Oops\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "adult.titel") {
		t.Errorf("an unknown key was accepted: %v", err)
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("an empty override folder was accepted")
	}
}

func TestDefaultHasEveryDocumentsWording(t *testing.T) {
	w := Default()
	for _, prefix := range []string{"adult.", "form."} {
		n := 0
		for _, k := range w.Keys() {
			if strings.HasPrefix(k, prefix) {
				n++
			}
		}
		if n < 20 {
			t.Errorf("only %d %s keys", n, prefix)
		}
	}
}

// Welsh is embedded; any other language's lines come from the council's
// folder; a line a language lacks falls back to English; a language with no
// wording at all gets English and says so through Has.
func TestLanguages(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "council.txt"), []byte("adult.title: Our family plan\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "pl"), 0o755)
	os.WriteFile(filepath.Join(dir, "pl", "words-and-pictures.txt"), []byte("wp.people.heading: Ludzie, którzy mi pomagają\n"), 0o644)
	w, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, lang, key, want string
		has                   bool
	}{
		{"English", "en-GB", "wp.people.heading", "The people who help me", true},
		{"no language is English", "", "wp.people.heading", "The people who help me", true},
		{"Welsh, embedded", "cy", "wp.people.heading", "Y bobl sy'n fy helpu i", true},
		{"Welsh with a region", "cy-GB", "wp.numbers.emergency", "Argyfwng", true},
		{"Welsh adult plan, embedded", "cy", "adult.title", "Cynllun diogelwch y teulu", true},
		{"Polish from the council", "pl", "wp.people.heading", "Ludzie, którzy mi pomagają", true},
		{"Polish lacks a line: the council's English", "pl", "adult.title", "Our family plan", true},
		{"Urdu has none", "ur", "wp.people.heading", "The people who help me", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := w.For(tc.lang).Text(tc.key); got != tc.want {
				t.Errorf("For(%q).Text(%q) = %q; want %q", tc.lang, tc.key, got, tc.want)
			}
			if got := w.Has(tc.lang); got != tc.has {
				t.Errorf("Has(%q) = %v; want %v", tc.lang, got, tc.has)
			}
		})
	}
	os.WriteFile(filepath.Join(dir, "pl", "typo.txt"), []byte("wp.peple.heading: Oops\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "wp.peple.heading") {
		t.Errorf("an unknown key in a language's file was accepted: %v", err)
	}
}

// TestWelshCoversEveryLine: a Welsh council must be able to give a family
// and the case record every document wholly in Welsh, so the embedded Welsh
// has each line the English has.
func TestWelshCoversEveryLine(t *testing.T) {
	w := Default()
	cy := w.For("cy")
	for _, k := range w.Keys() {
		if strings.HasPrefix(k, "adult.") || strings.HasPrefix(k, "form.") || strings.HasPrefix(k, "wp.") || strings.HasPrefix(k, "date.") || strings.HasPrefix(k, "doc.") {
			if cy.Text(k) == w.Text(k) && !sameInWelsh[k] {
				t.Errorf("%s has no Welsh: %q", k, w.Text(k))
			}
		}
	}
}

// sameInWelsh are lines written the same way in both languages.
var sameInWelsh = map[string]bool{"date.long": true, "date.long.weekday": true, "wp.numbers.childline": true, "wp.numbers.childline.number": true, "wp.numbers.emergency.number": true}

func TestDate(t *testing.T) {
	w := Default()
	day := time.Date(2026, time.December, 3, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, lang string
		weekday    bool
		want       string
	}{
		{"English", "en-GB", false, "3 December 2026"},
		{"English with its weekday", "en-GB", true, "Thursday 3 December 2026"},
		{"Welsh", "cy", false, "3 Rhagfyr 2026"},
		{"Welsh with its weekday", "cy", true, "dydd Iau 3 Rhagfyr 2026"},
		{"a language with no wording: English", "ur", false, "3 December 2026"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := w.For(tc.lang).Date(day, tc.weekday); got != tc.want {
				t.Errorf("Date = %q, want %q", got, tc.want)
			}
		})
	}
}
