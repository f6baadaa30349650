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

// samples are sentences a family might read in their own language, written
// for these tests: a speaker of each language should check them before
// they are shown to anyone (Urdu, Bengali, Welsh, Arabic).
var samples = []struct {
	lang, font string
	pages      []string
	rule       string
	// exact is text pdftotext must read back as written (Arabic only:
	// poppler reads Nastaliq and Indic clusters approximately).
	exact string
}{
	{"ur", "NotoNastaliqUrdu", []string{
		"یہ کیڈن اور میا کا خاندان ہے۔ وہ امی کے ساتھ رہتے ہیں۔",
		"نانی جین ہر صبح فون کریں گی۔",
	}, "لیان ہر صبح 7:30 بجے تک پیغام بھیجیں گی۔ نانی جین کا نمبر 0117 496 0000 ہے۔", ""},
	{"bn", "NotoSansBengali", []string{
		"এটা কেইডেন আর মিয়ার পরিবার। তারা মায়ের সাথে থাকে।",
		"নানী জিন প্রতিদিন সকালে ফোন করবেন।",
	}, "লিয়ান প্রতিদিন সকাল ৭:৩০-এর মধ্যে বার্তা পাঠাবেন।", ""},
	{"cy", "NotoSans", []string{
		"Dyma deulu Kayden a Mia. Maen nhw'n byw gyda Mam.",
		"Bydd Nain Jean yn ffonio bob bore.",
	}, "Bydd Leanne yn anfon neges erbyn 7:30 bob bore ysgol.", "Bydd Nain Jean yn ffonio bob bore."},
	{"ar", "NotoNaskhArabic", []string{
		"هذه عائلة كايدن وميا. يعيشان مع أمهما.",
		"ستتصل الجدة جين كل صباح.",
	}, "سترسل ليان رسالة قبل الساعة 7:30 كل صباح.", "ستتصل الجدة جين كل صباح."},
}

// samplePlan is the reference plan written in sample s's language ("en"
// leaves it in English, with only the languages set).
func samplePlan(t testing.TB, lang string) *render.Input {
	t.Helper()
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

// BenchmarkBookLanguage is the explanation part of the Words and Pictures
// (two pages of the family's language after the cover) in English, Urdu
// and Bengali: the scripts that need shaping should cost about the same.
func BenchmarkBookLanguage(b *testing.B) {
	for _, lang := range []string{"en", "ur", "bn"} {
		b.Run(lang, func(b *testing.B) {
			in := samplePlan(b, lang)
			if lang == "en" {
				// The same two pages, in English.
				in = samplePlanEnglish(b)
			}
			benchDoc(b, in, func(in *render.Input) ([]byte, error) {
				return render.WordsAndPictures(in, benchOpt, render.WordsOptions{Part: render.PartExplanation})
			})
		})
	}
}

// samplePlanEnglish is the reference plan cut to the same two explanation
// pages as the samples, left in English.
func samplePlanEnglish(t testing.TB) *render.Input {
	t.Helper()
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
	ex := p["words_and_pictures"].(map[string]any)["explanation"].(map[string]any)
	ex["pages"] = ex["pages"].([]any)[:2]
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	in, err := render.Load(data, nil, benchOpt)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestFamiliesLanguages renders the adult plan and the Words and Pictures
// of the reference plan written in each sample language: both are valid,
// tagged, draw the text with the script's font, and Arabic reads back
// exactly. Set SAFETYPLAN_SAMPLES=DIR to keep the PDFs for looking at.
func TestFamiliesLanguages(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "examples", "hughes-review.json"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI has ../shared beside the repository: %v", err)
		}
		t.Skipf("SKIPPING: the shared examples are not here: %v", err)
	}
	for _, s := range samples {
		t.Run(s.lang, func(t *testing.T) {
			var p map[string]any
			if err := json.Unmarshal(raw, &p); err != nil {
				t.Fatal(err)
			}
			p["case"].(map[string]any)["family_language"] = s.lang
			wp := p["words_and_pictures"].(map[string]any)
			wp["language"] = s.lang
			pages := wp["explanation"].(map[string]any)["pages"].([]any)
			wp["explanation"].(map[string]any)["pages"] = pages[:len(s.pages)]
			for i, text := range s.pages {
				pages[i].(map[string]any)["text"] = text
			}
			p["plan"].(map[string]any)["rules"].([]any)[0].(map[string]any)["then"] = s.rule
			data, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			in, err := render.Load(data, nil, benchOpt)
			if err != nil {
				t.Fatalf("the plan in %s does not load: %v", s.lang, err)
			}
			adult, err := render.AdultPlan(in, benchOpt, render.AdultOptions{Audience: render.Network})
			if err != nil {
				t.Fatal(err)
			}
			book, err := render.WordsAndPictures(in, benchOpt, render.WordsOptions{Part: render.PartExplanation})
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
			if s.exact != "" {
				// Every word comes back exactly as written. (Poppler writes a
				// wrapped right-to-left line's words in visual order, between
				// embedding marks; the words themselves are exact.)
				got := strings.Map(func(r rune) rune {
					if r >= 0x202a && r <= 0x202e {
						return -1
					}
					return r
				}, pdftest.RawText(t, book))
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
