package render

import (
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// pagesOf is the text of each page of a PDF.
func pagesOf(t *testing.T, pdf []byte) []string {
	t.Helper()
	pages := strings.Split(pdftest.RawText(t, pdf), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// Every page of an adult copy says whose copy it is, so a page left on a
// kitchen table or photocopied alone still says what it is.
func TestEveryPageSaysWhoseCopy(t *testing.T) {
	in := loadExample(t, "hughes-review")
	tests := []struct {
		name string
		ao   AdultOptions
		want string
	}{
		{"worker", AdultOptions{Audience: Worker}, "Worker's copy: contains details not shared with the network"},
		{"network", AdultOptions{Audience: Network}, "Network copy"},
		{"Nana Jean's own", AdultOptions{For: "nana"}, "Nana Jean's copy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := AdultPlan(in, testOpt, tt.ao)
			if err != nil {
				t.Fatal(err)
			}
			for i, pg := range pagesOf(t, pdf) {
				if !strings.Contains(pdftest.Normalize(pg), tt.want) {
					t.Errorf("page %d does not say %q", i+1, tt.want)
				}
			}
		})
	}
}

// A network member's own copy opens with their part, alone on page 1:
// what they do, their backup, the signs to act on and who to call. The
// whole plan, from its cover, starts on page 2.
func TestOwnCopyPartAloneOnPageOne(t *testing.T) {
	for _, tt := range []struct{ example, person string }{
		{"hughes-review", "nana"}, {"hughes-review", "leanne"}, {"hughes-review", "sian"},
		{"pritchard-in-care", "gran"}, {"adeyemi-early-help", "uncle"}, {"novak-no-meeting", "jirka"},
	} {
		t.Run(tt.example+"/"+tt.person, func(t *testing.T) {
			in := loadExample(t, tt.example)
			pdf, err := AdultPlan(in, testOpt, AdultOptions{For: tt.person})
			if err != nil {
				t.Fatal(err)
			}
			pages := pagesOf(t, pdf)
			one, two := pdftest.Normalize(pages[0]), pdftest.Normalize(pages[1])
			for _, must := range []string{"Your part in the plan", "Who to call"} {
				if !strings.Contains(one, must) {
					t.Errorf("page 1 has no %q", must)
				}
			}
			if strings.Contains(one, "Family safety plan") {
				t.Error("the cover shares page 1 with the person's part")
			}
			if !strings.Contains(two, "Family safety plan") {
				t.Errorf("page 2 is not the plan's cover:\n%s", short(two))
			}
		})
	}
}

// Adult documents name adults by their names, with the children's name
// for them in brackets; children of 12 and over who came to a meeting
// sign the plan and are given it.
func TestAdultNamesAndSignatures(t *testing.T) {
	tests := []struct {
		example string
		want    []string // in the signatures and the distribution list
		not     []string
	}{
		{"hughes-review", []string{"Leanne Hughes (Mum)", "Jean Hughes (Nana Jean)", "Ryan Cole (Dad)"}, []string{"Kayden Hughes (Kayden)", "Mia Hughes"}},
		{"adeyemi-early-help", []string{"Oluwatobi Adeyemi (Tobi)", "Funmilayo Adeyemi (Mum)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			in := loadExample(t, tt.example)
			pdf, err := AdultPlan(in, testOpt, AdultOptions{Audience: Worker})
			if err != nil {
				t.Fatal(err)
			}
			text := pdftest.Normalize(pdftest.RawText(t, pdf))
			sig := text[strings.LastIndex(text, "Signatures"):]
			dist := sig[strings.Index(sig, "Distribution list"):]
			sig = sig[:strings.Index(sig, "Distribution list")]
			for _, name := range tt.want {
				if !strings.Contains(sig, name) {
					t.Errorf("%q does not sign the plan", name)
				}
				if !strings.Contains(dist, name) {
					t.Errorf("%q is not on the distribution list", name)
				}
			}
			for _, name := range tt.not {
				if strings.Contains(sig, name) {
					t.Errorf("%q signs the plan", name)
				}
			}
			if strings.Contains(sig, "Mum (") || strings.Contains(dist, "Mum (") {
				t.Error("a name is given as the children's name first")
			}
		})
	}
}

// No page of any example's adult documents ends with a heading.
func TestNoHeadingEndsAPage(t *testing.T) {
	for _, name := range examples {
		in := loadExample(t, name)
		check := func(doc string) Options {
			opt := testOpt
			opt.laidOut = func(pages []layout.Page) {
				for n, p := range pages[:len(pages)-1] {
					if last := p.Placed[len(p.Placed)-1]; last.Heading {
						t.Errorf("%s %s page %d ends with the heading %q", name, doc, n+1, last.Text)
					}
				}
			}
			return opt
		}
		for _, ao := range []AdultOptions{{Audience: Worker}, {Audience: Network}} {
			if _, err := AdultPlan(in, check(string(ao.Audience)), ao); err != nil {
				t.Fatal(err)
			}
		}
		ids := []string{""}
		if len(in.Plan.Meetings) > 0 {
			ids = nil
			for _, m := range in.Plan.Meetings {
				ids = append(ids, m.ID)
			}
		}
		for _, id := range ids {
			if _, err := OutcomeForm(in, check("outcome form "+id), id); err != nil {
				t.Fatal(err)
			}
		}
	}
}
