package render

import (
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// TestWelshDocuments: a Welsh council gives a family their adult plan, and
// the case record its outcome form, in Welsh: headings, labels, the running
// header and footer and every date, with nothing fixed left in English.
func TestWelshDocuments(t *testing.T) {
	in := loadExample(t, "hughes-review")
	for _, tc := range []struct {
		name    string
		make    func() ([]byte, error)
		want    []string
		notWant []string
	}{
		{"adult plan", func() ([]byte, error) { return AdultPlan(in, testOpt, AdultOptions{Audience: Network, Language: "cy"}) },
			[]string{"Cynllun diogelwch y teulu", "Pam rydyn ni'n gweithio gyda'n gilydd", "Rheolau'r cynllun", "30 Hydref 2026", "Tudalen 1 o", "ganwyd 2 Mai 2019, 7 oed", "Pryder 1", "Nod 1", "Sut aeth hi"},
			// The family's own text in this plan is English, dates and all.
			[]string{"Why we are working together", "The rules of the plan", "Plan of 30 October", "Page 1 of", "born 2 May", "Worry 1", "Goal 1", "How it went", "Attended:"}},
		{"outcome form", func() ([]byte, error) { return OutcomeFormIn(in, testOpt, "fnm1", "cy") },
			[]string{"Ffurflen Cyfarfod Teulu/Rhwydwaith LCS", "Yr achos", "dydd Mawrth 6 Hydref 2026", "Cyfarfod 6 Hydref 2026", "Tudalen 1 o", "ganwyd 2 Mai 2019, 7 oed"},
			[]string{"The case", "Who took part", "Meeting of", "Page 1 of", "born", "by 27 November"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := tc.make()
			if err != nil {
				t.Fatal(err)
			}
			pdftest.Valid(t, doc)
			if !strings.Contains(string(doc), "/Lang (cy)") {
				t.Error("the document is not tagged as Welsh")
			}
			text := pdftest.Normalize(pdftest.Text(t, doc))
			for _, s := range tc.want {
				if !strings.Contains(text, pdftest.Normalize(s)) {
					t.Errorf("no %q in the Welsh %s", s, tc.name)
				}
			}
			for _, s := range tc.notWant {
				if strings.Contains(text, s) {
					t.Errorf("%q, in English, in the Welsh %s", s, tc.name)
				}
			}
		})
	}
}
