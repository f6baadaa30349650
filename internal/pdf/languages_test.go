package pdf_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
	"github.com/familynetwork/safetyplan/render"
)

// samples are the languages the engine is tried in. Urdu, Bengali and
// Welsh have the reference plan written in them for these tests
// (testdata/plans/hughes-LANG.json: the worries, goals, bottom lines, red
// flags, the first rule and every rule's words for the children, and the
// whole book); Arabic has two book pages and a rule (pages, rule). A
// speaker of each language should check the sentences before they are shown
// to anyone.
var samples = []struct {
	lang, font string
	pages      []string
	rule       string
	// exact is text pdftotext must read back as written (Latin and Naskh:
	// poppler reads Nastaliq and Indic clusters approximately).
	exact string
}{
	{"ur", "NotoNastaliqUrdu", nil, "", ""},
	{"bn", "NotoSansBengali", nil, "", ""},
	{"cy", "NotoSans", nil, "", "Gweithiwr cymdeithasol yw Priya."},
	{"ar", "NotoNaskhArabic", []string{
		"هذه عائلة كايدن وميا. يعيشان مع أمهما.",
		"ستتصل الجدة جين كل صباح.",
	}, "سترسل ليان رسالة قبل الساعة 7:30 كل صباح.", "ستتصل الجدة جين كل صباح."},
}

// samplePlan is the reference plan written in sample s's language: its
// file under testdata/plans when there is one; else the reference plan
// with the sample's pages and rule ("en" leaves it in English, with only
// the languages set).
func samplePlan(t testing.TB, lang string) *render.Input {
	t.Helper()
	if data, err := os.ReadFile(filepath.Join("testdata", "plans", "hughes-"+lang+".json")); err == nil {
		in, err := render.Load(data, nil, benchOpt)
		if err != nil {
			t.Fatalf("testdata/plans/hughes-%s.json does not load: %v", lang, err)
		}
		return in
	}
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "examples", "hughes-review.json"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI has ../shared beside the repository: %v", err)
		}
		t.Skipf("SKIPPING: the shared examples are not here: %v", err)
	}
	var p map[string]any
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	p["case"].(map[string]any)["family_language"] = lang
	wp := p["words_and_pictures"].(map[string]any)
	wp["language"] = lang
	for _, s := range samples {
		if s.lang != lang {
			continue
		}
		pages := wp["explanation"].(map[string]any)["pages"].([]any)
		wp["explanation"].(map[string]any)["pages"] = pages[:len(s.pages)]
		for i, text := range s.pages {
			pages[i].(map[string]any)["text"] = text
		}
		p["plan"].(map[string]any)["rules"].([]any)[0].(map[string]any)["then"] = s.rule
	}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	in, err := render.Load(data, nil, benchOpt)
	if err != nil {
		t.Fatalf("the plan in %s does not load: %v", lang, err)
	}
	return in
}

// BenchmarkBookLanguage is the whole Words and Pictures book (both parts)
// of the reference plan in English, Urdu and Bengali: the scripts that need
// shaping should cost about the same.
func BenchmarkBookLanguage(b *testing.B) {
	for _, lang := range []string{"en", "ur", "bn"} {
		b.Run(lang, func(b *testing.B) {
			benchDoc(b, samplePlan(b, lang), func(in *render.Input) ([]byte, error) {
				return render.WordsAndPictures(in, benchOpt, render.WordsOptions{})
			})
		})
	}
}

// TestFamiliesLanguages renders the adult plan and the whole Words and
// Pictures of the reference plan written in each sample language: both are
// valid, tagged, draw the text with the script's font; Arabic and Welsh read
// back exactly, and a phone number inside the family's text keeps its
// digits in order. Set SAFETYPLAN_SAMPLES=DIR to keep the PDFs for looking
// at.
func TestFamiliesLanguages(t *testing.T) {
	for _, s := range samples {
		t.Run(s.lang, func(t *testing.T) {
			in := samplePlan(t, s.lang)
			adult, err := render.AdultPlan(in, benchOpt, render.AdultOptions{Audience: render.Network})
			if err != nil {
				t.Fatal(err)
			}
			book, err := render.WordsAndPictures(in, benchOpt, render.WordsOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for name, doc := range map[string][]byte{"adult-plan": adult, "words-and-pictures": book} {
				pdftest.Valid(t, doc)
				if !strings.Contains(string(doc), "+"+s.font) {
					t.Errorf("%s: no %s font embedded", name, s.font)
				}
				if !strings.Contains(string(doc), "/Lang ("+s.lang+")") || !strings.Contains(string(doc), "/StructTreeRoot") {
					t.Errorf("%s: not tagged in %s", name, s.lang)
				}
				if dir := os.Getenv("SAFETYPLAN_SAMPLES"); dir != "" {
					if err := os.WriteFile(filepath.Join(dir, s.lang+"-"+name+".pdf"), doc, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			// Poppler writes a wrapped right-to-left line's words in visual
			// order, between embedding marks; the words themselves are exact.
			got := strings.Map(func(r rune) rune {
				if r >= 0x202a && r <= 0x202e {
					return -1
				}
				return r
			}, pdftest.RawText(t, book))
			if s.exact != "" {
				words := map[string]bool{}
				for _, w := range strings.Fields(got) {
					words[w] = true
				}
				for _, w := range strings.Fields(s.exact) {
					if !words[w] {
						t.Errorf("pdftotext does not read back the word %q of %q; it reads:\n%s", w, s.exact, got)
					}
				}
			}
			if s.pages == nil && !strings.Contains(got, "07700 900222") {
				t.Errorf("Nana Jean's number, inside the children's words for the last rule, is not read back in its order; pdftotext reads:\n%s", got)
			}
		})
	}
}

// TestPersonLanguage: a person's own copy is in their language
// (people[].language) unless the request names another (?lang=).
func TestPersonLanguage(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "examples", "hughes-review.json"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI has ../shared beside the repository: %v", err)
		}
		t.Skipf("SKIPPING: the shared examples are not here: %v", err)
	}
	var p map[string]any
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	person := p["people"].([]any)[0].(map[string]any)
	person["language"] = "ur"
	id := person["id"].(string)
	data, _ := json.Marshal(p)
	in, err := render.Load(data, nil, benchOpt)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, lang, want string }{{"their own", "", "ur"}, {"asked for", "cy", "cy"}} {
		doc, err := render.AdultPlan(in, benchOpt, render.AdultOptions{For: id, Language: tt.lang})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(doc), "/Lang ("+tt.want+")") {
			t.Errorf("%s: the copy for %s is not in %s", tt.name, id, tt.want)
		}
	}
}
