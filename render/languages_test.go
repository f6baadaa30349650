package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// The book's fixed wording follows its language where the service has it
// (Welsh is shipped); where it has none (Urdu), the headings stay English
// and checking the plan says so, at the field.
func TestBookWordingFollowsItsLanguage(t *testing.T) {
	for _, tc := range []struct {
		name, lang string
		want       []string
		advice     bool
	}{
		{"Welsh", "cy", []string{"Y bobl sy'n ein helpu ni", "Rhifau y gallwn ni eu ffonio bob amser", "Ein cynllun ni"}, false},
		{"Urdu, no wording yet", "ur", []string{"The people who help us", "Numbers we can always call"}, true},
		{"English", "", []string{"The people who help us", "Numbers we can always call"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, uploads := exampleBytes(t, "hughes-review")
			var p map[string]any
			if err := json.Unmarshal(data, &p); err != nil {
				t.Fatal(err)
			}
			p["words_and_pictures"].(map[string]any)["language"] = tc.lang
			data, _ = json.Marshal(p)
			in, err := Load(data, uploads, testOpt)
			if err != nil {
				t.Fatal(err)
			}
			var advised bool
			for _, f := range in.Findings() {
				if f.Code == "language.no_wording" {
					advised = true
					if f.Path != "words_and_pictures.language" || !strings.Contains(f.Message, `"ur"`) {
						t.Errorf("advice at %s: %s", f.Path, f.Message)
					}
				}
			}
			if advised != tc.advice {
				t.Errorf("advice on the book's language: %v; want %v", advised, tc.advice)
			}
			b, err := WordsAndPictures(in, testOpt, WordsOptions{})
			if err != nil {
				t.Fatal(err)
			}
			text := pdftest.Normalize(pdftest.RawText(t, b))
			for _, w := range tc.want {
				if !strings.Contains(text, pdftest.Normalize(w)) {
					t.Errorf("the book lacks %q", w)
				}
			}
		})
	}
}
