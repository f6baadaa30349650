package render

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/pdftest"
)

func TestWordsAndPicturesForEveryExample(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			in := loadExample(t, name)
			pdf := renderTwice(t, func() ([]byte, error) { return WordsAndPictures(in, testOpt, WordsOptions{}) })
			text := pdftest.Text(t, pdf)
			golden(t, name+"_words-and-pictures", text)
			flat := pdftest.Normalize(text)
			people, worried := "The people who help me", "If I feel worried or scared"
			if len(in.Plan.Children) > 1 {
				people, worried = "The people who help us", "If we feel worried or scared"
			}
			must := []string{people, "Childline", "0800 1111", "999", worried}
			if hasChildRules(in.Plan) {
				must = append(must, "Everyone will look at it again by "+NextReview(in).Long())
			}
			for _, must := range must {
				if !strings.Contains(flat, must) {
					t.Errorf("no %q in the child's book", must)
				}
			}
			for _, r := range in.Plan.Arrangements.Rules {
				if !containsWords(flat, r.ChildWords) {
					t.Errorf("rule %s's page (%q) is missing", r.ID, short(r.ChildWords))
				}
			}
			for _, h := range helpers(withWorkerName(in.Plan)) {
				if !strings.Contains(flat, childNameOf(h)) {
					t.Errorf("%s is not among the people who help me", childNameOf(h))
				}
			}
			if wp := in.Plan.WordsAndPictures; wp != nil {
				for _, s := range []string{"explanation", "safety_plan"} {
					st := wp.Explanation
					if s == "safety_plan" {
						st = wp.SafetyPlan
					}
					if st == nil {
						continue
					}
					if !strings.Contains(flat, pdftest.Normalize(st.Title)) {
						t.Errorf("the %s's title %q is missing", s, st.Title)
					}
					for i, pg := range st.Pages {
						if !containsWords(flat, pg.Text) {
							t.Errorf("%s page %d is missing", s, i+1)
						}
					}
				}
			}
			if strings.Contains(flat, "Page 1 of") {
				t.Error("the child's book carries the adult page numbering")
			}
		})
	}
}

// Who is on the "people who help me" page when the plan does not say.
func TestHelpers(t *testing.T) {
	tests := []struct {
		example string
		want    []string
	}{
		// Dad is in a rule: he does not share his number, and is still
		// someone who helps (his number is hidden, not him). The lead
		// worker comes last.
		{"hughes-review", []string{"leanne", "ryan", "nana", "sian", "tomasz", "zoe", "ahmed", "priya"}},
		// Mum is in no rule.
		{"pritchard-in-care", []string{"gran", "dewi", "foster", "cousin", "ffion"}},
		{"adeyemi-early-help", []string{"funmi", "uncle", "pastor", "coach", "dan"}},
		// No rules yet: the people.
		{"novak-no-meeting", []string{"marketa", "jirka", "sophie"}},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			var got []string
			for _, h := range helpers(loadExample(t, tt.example).Plan) {
				got = append(got, h.ID)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("helpers = %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("chosen by the worker", func(t *testing.T) {
		data := editExample(t, "hughes-review", func(m map[string]any) {
			m["words_and_pictures"].(map[string]any)["helpers"] = []any{"nana", "ahmed", "priya"}
		})
		in, err := Load(data, nil, testOpt)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range helpers(in.Plan) {
			got = append(got, h.Short())
		}
		if strings.Join(got, ",") != "Nana Jean,Miss Ahmed,Priya Shah" {
			t.Errorf("helpers = %v", got)
		}
	})
}

func TestWordsAndPicturesParts(t *testing.T) {
	tests := []struct {
		example string
		part    Part
		want    []string
		not     []string
	}{
		{"hughes-review", PartExplanation, []string{"Kayden and Mia's story", "Priya is a social worker"}, []string{"Safety Plan", "Childline"}},
		{"hughes-review", PartSafetyPlan, []string{"Kayden and Mia's Safety Plan", "The people who help us", "Numbers we can always call", "Our plan", "Childline"}, []string{"Kayden and Mia's story", "Priya is a social worker"}},
		{"hughes-review", PartBoth, []string{"Kayden and Mia's story", "Kayden and Mia's Safety Plan"}, nil},
		// No picture safety plan written yet: part two is made from the rules.
		{"adeyemi-early-help", PartSafetyPlan, []string{"Tobi's safety plan", "Uncle Tunde's for tea"}, []string{"Why Dan is working"}},
		// No Words and Pictures and no rules yet: not called a safety plan.
		{"novak-no-meeting", PartBoth, []string{"The people who help me", "Děda Jirka", "Sophie, my social worker: 0117 903 7700"}, []string{"safety plan", "My plan"}},
	}
	for _, tt := range tests {
		t.Run(tt.example+"/"+string(tt.part), func(t *testing.T) {
			pdf, err := WordsAndPictures(loadExample(t, tt.example), testOpt, WordsOptions{Part: tt.part})
			if err != nil {
				t.Fatal(err)
			}
			text := pdftest.Normalize(pdftest.Text(t, pdf))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("has %q, which belongs to the other part", w)
				}
			}
		})
	}
	t.Run("no explanation to show", func(t *testing.T) {
		_, err := WordsAndPictures(loadExample(t, "novak-no-meeting"), testOpt, WordsOptions{Part: PartExplanation})
		if !isProblemAt(err, "words_and_pictures.explanation") {
			t.Errorf("got %v, want a problem at words_and_pictures.explanation", err)
		}
	})
	for _, bad := range []string{"all", "Explanation", "safety_plan"} {
		if _, err := ParsePart(bad); !isProblemAt(err, "part") {
			t.Errorf("ParsePart(%q) = %v, want a problem at part", bad, err)
		}
	}
	if _, err := ParseContacts("hidden"); !isProblemAt(err, "contacts") {
		t.Errorf("ParseContacts(hidden) = %v, want a problem at contacts", err)
	}
}

// A child's copy shows a phone number only for someone who agreed to
// share it; with contacts=none it shows nobody's, not even the worker's.
func TestChildCopyPhoneNumbers(t *testing.T) {
	for _, name := range examples {
		in := loadExample(t, name)
		phones := map[string]string{"lead worker": in.Plan.Case.LeadWorker.Phone}
		for _, x := range in.Plan.People {
			phones[x.ID] = x.Phone
		}
		for _, none := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/no-contacts=%v", name, none), func(t *testing.T) {
				pdf, err := WordsAndPictures(in, testOpt, WordsOptions{NoContacts: none})
				if err != nil {
					t.Fatal(err)
				}
				flat := digits(pdftest.Text(t, pdf))
				if !strings.Contains(flat, "08001111") || !strings.Contains(flat, "999") {
					t.Error("Childline or 999 is missing")
				}
				shown := 0
				for _, x := range in.Plan.People {
					if x.Phone == "" {
						continue
					}
					in := strings.Contains(flat, tail(x.Phone))
					switch {
					case in && (none || !x.ShareContact):
						t.Errorf("%s's number is in the child's copy (share_contact %v, contacts=none %v)", x.ID, x.ShareContact, none)
					case in:
						shown++
					}
				}
				lw := in.Plan.Case.LeadWorker.Phone
				if none && lw != "" && strings.Contains(flat, tail(lw)) {
					t.Error("the worker's number is in a copy with contacts=none")
				}
				if !none && shown == 0 {
					t.Error("no shared number is shown: the check would pass for the wrong reason")
				}
			})
		}
	}
}

// Everything a child reads is in Andika at 20 pt or more.
func TestChildTextIsLarge(t *testing.T) {
	for _, name := range examples {
		doc, err := composeWords(loadExample(t, name), testOpt, WordsOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for i, pg := range doc.layout(doc.measurer(loadExample(t, name).Plan)) {
			for _, it := range pg.Items {
				if tx, ok := it.(layout.Text); ok && (tx.Font.Size < 20 || tx.Font.Family != "andika") {
					t.Errorf("%s page %d: %q in %s %.1f pt", name, i+1, tx.Text, tx.Font.Family, tx.Font.Size)
				}
			}
		}
	}
}

// A page too long for a child is advice for the worker, and still prints
// in full over as many pages as it needs.
func TestLongPage(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("Nana comes round every morning to make breakfast and walk us to school. ", 14))
	data := editExample(t, "hughes-review", func(m map[string]any) {
		pages := m["words_and_pictures"].(map[string]any)["explanation"].(map[string]any)["pages"].([]any)
		pages[2].(map[string]any)["text"] = long
	})
	in, err := Load(data, nil, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, f := range in.Findings() {
		if f.Code == "words_pictures.page_long" && f.Path == "words_and_pictures.explanation.pages[2].text" {
			found = strings.Contains(f.Message, "page 3: 182 words; aim for under 40")
			if !found {
				t.Errorf("advice says %q", f.Message)
			}
		}
	}
	if !found {
		t.Error("no advice about the long page")
	}
	short, err := WordsAndPictures(loadExample(t, "hughes-review"), testOpt, WordsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := WordsAndPictures(in, testOpt, WordsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := pdftest.Pages(t, short), pdftest.Pages(t, pdf); b < a+1 {
		t.Errorf("the long page took %d pages in all, against %d: it cannot fit on one", b, a)
	}
	if text := pdftest.Text(t, pdf); strings.Count(pdftest.Normalize(text), "walk us to school") != 14 {
		t.Error("some of the long page's words are missing")
	}
}

func TestKeepNumbers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"call Childline on 0800 1111", "call Childline on 0800\u00a01111"},
		{"+420 601 000 000", "+420\u00a0601\u00a0000\u00a0000"},
		{"Nana: 07700 900222", "Nana: 07700\u00a0900222"},
		{"We have 2 cats", "We have 2 cats"},
	}
	for _, tt := range tests {
		if got := keepNumbers(tt.in); got != tt.want {
			t.Errorf("keepNumbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWordsAndPicturesAdvice(t *testing.T) {
	tests := []struct {
		example, code, path, says string
	}{
		{"novak-no-meeting", "words_pictures.not_ready", "words_and_pictures", "Write the explanation first"},
		{"hughes-review", "words_pictures.dispute", "words_and_pictures.explanation.co_created_with", "Ryan Cole disagrees with a worry"},
		{"hughes-review", "words_pictures.parent_number_hidden", "words_and_pictures.helpers", "Ryan Cole does not share their contact details"},
		{"novak-no-meeting", "words_pictures.parent_number_hidden", "words_and_pictures.helpers", "Markéta Nováková does not share"},
		{"adeyemi-early-help", "words_pictures.worker_name", "case.lead_worker.known_as", `call the lead worker "Dan"`},
	}
	for _, tt := range tests {
		t.Run(tt.example+"/"+tt.code, func(t *testing.T) {
			for _, f := range loadExample(t, tt.example).Advice {
				if f.Code == tt.code && f.Path == tt.path && strings.Contains(f.Message, tt.says) {
					return
				}
			}
			t.Errorf("no %s advice at %s saying %q", tt.code, tt.path, tt.says)
		})
	}
	for _, name := range []string{"pritchard-in-care"} {
		if a := loadExample(t, name).Advice; len(a) != 0 {
			t.Errorf("%s: unexpected advice %+v", name, a)
		}
	}
}

// editExample returns an example plan's JSON after edit.
func editExample(t testing.TB, name string, edit func(map[string]any)) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(examplesDir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A picture plan of more than twelve rule pages gets advice; twelve do not.
func TestLongPicturePlanAdvice(t *testing.T) {
	for _, n := range []int{12, 13} {
		data := editExample(t, "adeyemi-early-help", func(m map[string]any) {
			arr := m["plan"].(map[string]any)
			rules := arr["rules"].([]any)
			first := rules[0].(map[string]any)
			for len(rules) < n {
				r := map[string]any{}
				for k, v := range first {
					r[k] = v
				}
				r["id"] = fmt.Sprintf("extra%d", len(rules))
				rules = append(rules, r)
			}
			arr["rules"] = rules
		})
		in, err := Load(data, nil, testOpt)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range in.Advice {
			got = got || f.Code == "words_pictures.long_plan"
		}
		if got != (n > 12) {
			t.Errorf("%d rule pages: long-plan advice %v", n, got)
		}
	}
}
