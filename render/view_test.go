package render

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// hughesHidden is the Hughes plan with Mum's contact details hidden from
// Dad (a bottom line keeps him away from her home) although she shares
// them with the network, and both parents' numbers written into free text
// in other forms than the stored one.
func hughesHidden(t *testing.T) *Input {
	t.Helper()
	data, uploads := exampleBytes(t, "hughes-review")
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	people := m["people"].([]any)
	for _, x := range people {
		x := x.(map[string]any)
		if x["id"] == "leanne" {
			x["contact_hidden_from"] = []any{"ryan"}
			x["email"] = "leanne.hughes@example.org"
		}
	}
	rules := m["plan"].(map[string]any)["rules"].([]any)
	r := rules[2].(map[string]any)
	r["then"] = r["then"].(string) + " Nana Jean texts Mum on +44 7700 900111 when the children are back."
	cons := m["plan"].(map[string]any)["contingencies"].([]any)
	c := cons[0].(map[string]any)
	c["then"] = c["then"].(string) + " Dad can be reached on 0044 7700 900999 or (07700) 900-999; Mum at leanne.hughes@example.org."
	pages := m["words_and_pictures"].(map[string]any)["safety_plan"].(map[string]any)["pages"].([]any)
	pg := pages[0].(map[string]any)
	pg["text"] = pg["text"].(string) + " Dad's number is +447700900999. Mum's is 07700.900.111."
	data, _ = json.Marshal(m)
	in, err := Load(data, uploads, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestRedactionReaderDocumentDetail is the who-sees-what table: for each
// reader and each document they get, each detail is shown or never present
// in any form. Mum (leanne) shares with the network but not with Dad
// (ryan); Dad shares with nobody; Nana shares with everyone.
func TestRedactionReaderDocumentDetail(t *testing.T) {
	in := hughesHidden(t)
	const (
		show = "shown"
		hide = "hidden"
		any_ = ""
	)
	adult := func(ao AdultOptions) func() ([]byte, error) {
		return func() ([]byte, error) { return AdultPlan(in, testOpt, ao) }
	}
	book := func() ([]byte, error) { return WordsAndPictures(in, testOpt, WordsOptions{}) }
	tests := []struct {
		reader, document string
		make             func() ([]byte, error)
		mum, mumEmail    string
		dad, nana        string
		leftOutNote      bool
	}{
		{"worker", "worker's copy", adult(AdultOptions{Audience: Worker}), show, show, show, show, false},
		{"worker", "outcome form (case record)", func() ([]byte, error) { return OutcomeForm(in, testOpt, "fnm2") }, show, any_, show, any_, false},
		{"the network", "network copy", adult(AdultOptions{Audience: Network}), hide, hide, hide, show, true},
		{"Dad", "his own copy", adult(AdultOptions{For: "ryan"}), hide, hide, hide, show, true},
		{"Dad", "share page (his copy, as share.go renders it)", adult(AdultOptions{For: "ryan"}), hide, hide, hide, show, true},
		{"Mum", "her own copy", adult(AdultOptions{For: "leanne"}), show, show, hide, show, false},
		{"Nana", "her own copy", adult(AdultOptions{For: "nana"}), show, show, hide, show, false},
		{"the children", "the book", book, hide, hide, hide, any_, false},
		{"the children", "share page (the book, as share.go renders it)", book, hide, hide, hide, any_, false},
		{"the children", "the book with no contacts", func() ([]byte, error) {
			return WordsAndPictures(in, testOpt, WordsOptions{NoContacts: true})
		}, hide, hide, hide, hide, false},
	}
	mum, dad, nana := "900111", "900999", "900222"
	for _, tt := range tests {
		t.Run(tt.reader+"/"+tt.document, func(t *testing.T) {
			pdf, err := tt.make()
			if err != nil {
				t.Fatal(err)
			}
			text := pdftest.Text(t, pdf)
			flat := digits(text)
			for _, d := range []struct{ name, want, needle, hay string }{
				{"Mum's number", tt.mum, mum, flat},
				{"Mum's email", tt.mumEmail, "leanne.hughes", text},
				{"Dad's number", tt.dad, dad, flat},
				{"Nana's number", tt.nana, nana, flat},
			} {
				got := strings.Contains(d.hay, d.needle)
				switch {
				case d.want == hide && got:
					t.Errorf("%s reaches %s in %s", d.name, tt.reader, tt.document)
				case d.want == show && !got:
					t.Errorf("%s is missing from %s's %s", d.name, tt.reader, tt.document)
				}
			}
			if note := strings.Contains(strings.Join(strings.Fields(text), " "), "Some contact details are left out of this copy."); note != tt.leftOutNote {
				t.Errorf("left-out note shown = %v, want %v", note, tt.leftOutNote)
			}
		})
	}
}

// TestRedactionZip: every file in the zip obeys its reader's rules: the
// book hides both parents' numbers; the worker's files are the case record.
func TestRedactionZip(t *testing.T) {
	in := hughesHidden(t)
	files, err := All(in, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	books := 0
	for _, f := range files {
		flat := digits(pdftest.Text(t, f.Data))
		if f.Audience == Child {
			books++
			for _, n := range []string{"900111", "900999"} {
				if strings.Contains(flat, n) {
					t.Errorf("%s (for the children) holds %s", f.Name, n)
				}
			}
		}
	}
	if books == 0 {
		t.Fatal("the zip holds no copy for the children")
	}
}

// TestPhonePatternMatchesEveryWrittenForm: one matcher, every form.
func TestPhonePatternMatchesEveryWrittenForm(t *testing.T) {
	tests := []struct {
		stored string
		match  []string
		miss   []string
	}{
		{"07700 900999",
			[]string{"07700 900999", "07700900999", "+44 7700 900999", "+447700900999", "0044 7700 900999", "(07700) 900-999", "07700.900.999", "+44 (0)7700 900999", "07700-900-999"},
			[]string{"07700 900998", "17700 900999", "077009009990", "7700 900"}},
		{"+44 117 903 5555", []string{"0117 903 5555", "(0117) 903 5555", "+441179035555", "0044 117 903 5555"}, []string{"0117 903 5556"}},
		{"+420 601 000 000", []string{"+420 601 000 000", "00420601000000"}, []string{"601 000 000"}},
	}
	for _, tt := range tests {
		re := regexp.MustCompile(`(?:^|[^0-9+(])(` + PhonePattern(tt.stored) + `)(?:$|[^0-9])`)
		for _, s := range tt.match {
			if !re.MatchString("call " + s + " now") {
				t.Errorf("%q: %q is not recognised", tt.stored, s)
			}
		}
		for _, s := range tt.miss {
			if re.MatchString("call " + s + " now") {
				t.Errorf("%q: %q is taken for it", tt.stored, s)
			}
		}
	}
	if PhonePattern("999") != "" {
		t.Error("999 is not a personal number to hide")
	}
}

func TestMaskTextLeavesNoPieces(t *testing.T) {
	re := numberPattern([]string{"07700 900999", "07700 900111"})
	got := maskText("Dad 07700 900999,07700 900111 or (07700) 900-999.", re, emailPattern([]string{"a@b.org"}))
	want := "Dad (number not shared),(number not shared) or (number not shared)."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestRuleAskingToPhoneAHiddenNumberIsAWarning(t *testing.T) {
	mk := func(support []plan.Support, then string, hiddenFrom []string) *plan.Plan {
		return &plan.Plan{
			People: []plan.Person{{ID: "mum", Name: "Leanne Hughes", ContactHiddenFrom: hiddenFrom}, {ID: "dad", Name: "Ryan Cole"}},
			Arrangements: plan.Arrangements{Rules: []plan.Rule{
				{ID: "r0", Then: "Nana visits.", Who: []string{"dad"}},
				{ID: "r1", Then: then, Who: []string{"dad"}, Backup: []string{"mum"}, Support: support},
			}},
		}
	}
	tests := []struct {
		name string
		p    *plan.Plan
		want int
	}{
		{"phone calls between them", mk([]plan.Support{"phone_calls"}, "Dad checks in.", []string{"dad"}), 1},
		{"the rule says ring", mk(nil, "Dad rings Mum before he comes.", []string{"dad"}), 1},
		{"nothing about calling", mk(nil, "Dad waits at Nana's.", []string{"dad"}), 0},
		{"hidden from someone else", mk([]plan.Support{"phone_calls"}, "Dad rings.", []string{"nana"}), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := callsHidden(tt.p)
			if len(got) != tt.want {
				t.Fatalf("got %d warnings, want %d: %+v", len(got), tt.want, got)
			}
			if tt.want > 0 && (got[0].Path != "plan.rules[1]" || !strings.Contains(got[0].Message, "ask Ryan Cole to phone Leanne Hughes")) {
				t.Errorf("got %s %q", got[0].Path, got[0].Message)
			}
		})
	}
}

// "What changed since the last review" is made from earlier versions too:
// a hidden number in an earlier rule is hidden there as well.
func TestChangesSectionObeysTheReader(t *testing.T) {
	in := hughesHidden(t)
	in.Changes = &Changes{SinceVersion: 1, SinceDate: in.Plan.Date(),
		Removed: []plan.Rule{{ID: "old", When: "Evenings", Then: "Text Mum on 0044 7700 900111 or Dad on (07700) 900999.", Who: []string{"nana"}}}}
	for _, ao := range []AdultOptions{{Audience: Network}, {For: "ryan"}} {
		pdf, err := AdultPlan(in, testOpt, ao)
		if err != nil {
			t.Fatal(err)
		}
		text := pdftest.Text(t, pdf)
		if !strings.Contains(text, "Rule taken out") && !strings.Contains(text, "Evenings") {
			t.Fatalf("%+v: the changes section is missing", ao)
		}
		for _, n := range []string{"900111", "900999"} {
			if strings.Contains(digits(text), n) {
				t.Errorf("%+v: %s reaches the copy through the changes section", ao, n)
			}
		}
	}
}

// validate says where a hidden number is written into text, in any form.
func TestAdviceNamesHiddenNumbersInEveryForm(t *testing.T) {
	in := hughesHidden(t)
	paths := map[string]bool{}
	for _, f := range in.Advice {
		if f.Code == "privacy.unshared_number" {
			paths[f.Path] = true
		}
	}
	for _, want := range []string{"plan.contingencies[0].then", "words_and_pictures.safety_plan.pages[0].text", "plan.rules[2].then"} {
		if !paths[want] {
			t.Errorf("no advice at %s (got %v)", want, paths)
		}
	}
}
