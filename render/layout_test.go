package render

import (
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/layout"
)

// TestLayoutGolden keeps a text dump of every example document's laid-out
// pages (block kind, position, first words) in testdata/layout, so that a
// page break that moves shows in review. Run go test ./render -update to
// accept a change after looking at it.
func TestLayoutGolden(t *testing.T) {
	for _, name := range examples {
		in := loadExample(t, name)
		docs := map[string]func(Options) ([]byte, error){
			"safety-plan_worker":  func(o Options) ([]byte, error) { return AdultPlan(in, o, AdultOptions{Audience: Worker}) },
			"safety-plan_network": func(o Options) ([]byte, error) { return AdultPlan(in, o, AdultOptions{Audience: Network}) },
			"words-and-pictures":  func(o Options) ([]byte, error) { return WordsAndPictures(in, o, WordsOptions{}) },
		}
		for _, x := range in.Plan.People {
			if x.Role != "professional" {
				id := x.ID
				docs["safety-plan_for-"+id] = func(o Options) ([]byte, error) { return AdultPlan(in, o, AdultOptions{For: id}) }
				break // the first member's own copy: the shape is the same for each
			}
		}
		if len(in.Plan.Meetings) == 0 {
			docs["outcome-form_rationale"] = func(o Options) ([]byte, error) { return OutcomeForm(in, o, "") }
		}
		for _, m := range in.Plan.Meetings {
			id := m.ID
			docs["outcome-form_"+id] = func(o Options) ([]byte, error) { return OutcomeForm(in, o, id) }
		}
		for doc, render := range docs {
			t.Run(name+"/"+doc, func(t *testing.T) {
				var dump strings.Builder
				opt := testOpt
				opt.laidOut = func(pages []layout.Page) { dump.WriteString(layout.Dump(pages)) }
				if _, err := render(opt); err != nil {
					t.Fatal(err)
				}
				golden(t, "../layout/"+name+"_"+doc, dump.String())
			})
		}
	}
}

// The book of a plan that says how everyone looks, with its portraits and
// scenes named page by page.
func TestLayoutGoldenPortraits(t *testing.T) {
	in := loadTestPlan(t, "hughes-appearance")
	var dump strings.Builder
	opt := testOpt
	opt.laidOut = func(pages []layout.Page) { dump.WriteString(layout.Dump(pages)) }
	if _, err := WordsAndPictures(in, opt, WordsOptions{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "../layout/hughes-appearance_words-and-pictures", dump.String())
}
