package render

import (
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// digits keeps only the digits of s.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// tail is the last six digits of a phone number: enough to recognise it
// even when a table cell wraps it across lines.
func tail(phone string) string {
	d := digits(phone)
	return d[max(0, len(d)-6):]
}

func TestNetworkCopiesHideUnsharedContacts(t *testing.T) {
	for _, name := range examples {
		in := loadExample(t, name)
		copies := map[string]AdultOptions{"network": {Audience: Network}}
		for _, x := range in.Plan.People {
			copies["for-"+x.ID] = AdultOptions{For: x.ID}
		}
		hidden, shared := 0, 0
		for label, ao := range copies {
			t.Run(name+"/"+label, func(t *testing.T) {
				pdf, err := AdultPlan(in, testOpt, ao)
				if err != nil {
					t.Fatal(err)
				}
				text := pdftest.Text(t, pdf)
				flat := digits(text)
				for _, x := range in.Plan.People {
					switch {
					case !x.ShareContact && x.Phone != "":
						hidden++
						if strings.Contains(flat, tail(x.Phone)) {
							t.Errorf("%s's phone number is in the %s copy but share_contact is false", x.ID, label)
						}
						if x.Email != "" && strings.Contains(text, strings.Split(x.Email, "@")[0]) {
							t.Errorf("%s's email is in the %s copy", x.ID, label)
						}
					case x.ShareContact && x.Phone != "":
						shared++
						if !strings.Contains(flat, tail(x.Phone)) {
							t.Errorf("%s agreed to share their number but the %s copy leaves it out", x.ID, label)
						}
					}
				}
			})
		}
		if name == "hughes-review" && hidden == 0 {
			t.Error("the test checked no hidden number: Dad's should be hidden")
		}
		_ = shared
	}
}

func TestWorkerCopyShowsEveryContact(t *testing.T) {
	in := loadExample(t, "hughes-review")
	pdf, err := AdultPlan(in, testOpt, AdultOptions{Audience: Worker})
	if err != nil {
		t.Fatal(err)
	}
	flat := digits(pdftest.Text(t, pdf))
	for _, x := range in.Plan.People {
		if x.Phone != "" && !strings.Contains(flat, tail(x.Phone)) {
			t.Errorf("the worker's copy leaves out %s's number", x.ID)
		}
	}
}

func TestYourPartInThePlan(t *testing.T) {
	in := loadExample(t, "hughes-review")
	pdf, err := AdultPlan(in, testOpt, AdultOptions{For: "nana"})
	if err != nil {
		t.Fatal(err)
	}
	text := pdftest.Normalize(pdftest.Text(t, pdf))
	first := text[:strings.Index(text, "Why we are working together")]
	for _, want := range []string{"Your part in the plan", "Every school morning", "Every Saturday, 10am to 1pm", "When you are the backup", "Every evening at 6pm", "Siân is working nights", "No message in the group chat by 7:30am.", "Who to call"} {
		if !containsWords(first, want) {
			t.Errorf("Nana Jean's part does not mention %q", want)
		}
	}
}

// A non-sharing person's number written into free text is hidden from the
// network's and the child's copies, and the worker is told.
func TestNumbersInFreeTextAreHidden(t *testing.T) {
	data := editExample(t, "hughes-review", func(m map[string]any) {
		rules := m["plan"].(map[string]any)["rules"].([]any)
		rules[2].(map[string]any)["then"] = "If Dad is late, Nana rings him on 07700-900-999 and waits."
		rules[2].(map[string]any)["child_words"] = "If Dad is late, Nana rings him on 07700 900999."
	})
	in, err := Load(data, nil, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	var advised []string
	for _, a := range in.Advice {
		if a.Code == "privacy.unshared_number" {
			advised = append(advised, a.Path)
		}
	}
	if strings.Join(advised, " ") != "plan.rules[2].then plan.rules[2].child_words" {
		t.Errorf("advice at %v, want both fields", advised)
	}
	copies := map[string]func() ([]byte, error){
		"network": func() ([]byte, error) { return AdultPlan(in, testOpt, AdultOptions{Audience: Network}) },
		"nana":    func() ([]byte, error) { return AdultPlan(in, testOpt, AdultOptions{For: "nana"}) },
		"child":   func() ([]byte, error) { return WordsAndPictures(in, testOpt, WordsOptions{}) },
		"worker":  func() ([]byte, error) { return AdultPlan(in, testOpt, AdultOptions{Audience: Worker}) },
	}
	for name, make := range copies {
		pdf, err := make()
		if err != nil {
			t.Fatal(err)
		}
		text := pdftest.Normalize(pdftest.Text(t, pdf))
		hidden := !strings.Contains(digits(text), "900999")
		if name == "worker" {
			if hidden {
				t.Error("the worker's copy lost the number")
			}
			continue
		}
		if !hidden {
			t.Errorf("Dad's number is in the %s copy", name)
		}
		if !strings.Contains(text, "(number not shared)") {
			t.Errorf("the %s copy does not say the number is not shared", name)
		}
	}
	if in.Plan.Arrangements.Rules[2].Then != "If Dad is late, Nana rings him on 07700-900-999 and waits." {
		t.Error("redacting changed the plan itself")
	}
}
