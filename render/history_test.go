package render

import (
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

func TestCompareAndTheChangesSection(t *testing.T) {
	prev := loadExample(t, "hughes-review")
	data := editExample(t, "hughes-review", func(m map[string]any) {
		p := m["plan"].(map[string]any)
		rules := p["rules"].([]any)
		rules[1].(map[string]any)["then"] = "Auntie Siân phones Mum at 7pm instead."
		rules = append(rules[:3], rules[4:]...) // r-respite taken out
		rules = append(rules, map[string]any{"id": "r-homework", "when": "Every Wednesday after school", "then": "Zoë helps Kayden with his reading.", "who": []any{"zoe"}})
		p["rules"] = rules
		scale := m["assessment"].(map[string]any)["safety_scale"].(map[string]any)
		scale["ratings"] = append(scale["ratings"].([]any), map[string]any{"by": "nana", "score": 8, "date": "2026-11-20"})
	})
	cur, err := Load(data, nil, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	ch := Compare(prev.Plan, cur.Plan)
	ids := func(rs []string) string { return strings.Join(rs, ",") }
	var added, changed, removed []string
	for _, r := range ch.Added {
		added = append(added, r.ID)
	}
	for _, r := range ch.Changed {
		changed = append(changed, r.ID)
	}
	for _, r := range ch.Removed {
		removed = append(removed, r.ID)
	}
	if ids(added) != "r-homework" || ids(changed) != "r-evening-call" || ids(removed) != "r-respite" || len(ch.NewRatings) != 1 {
		t.Fatalf("added %v changed %v removed %v ratings %v", added, changed, removed, ch.NewRatings)
	}
	if !Compare(prev.Plan, prev.Plan).Empty() {
		t.Error("a plan compared with itself has changes")
	}
	cur.Changes = &ch
	cur.Shared = []Shared{
		{Person: "nana", Document: "adult-plan", At: time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC), Viewed: time.Date(2026, 11, 21, 18, 0, 0, 0, time.UTC)},
		{Person: "leanne", Document: "words-and-pictures", At: time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC), Revoked: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)},
	}
	pdf, err := AdultPlan(cur, testOpt, AdultOptions{Audience: Worker})
	if err != nil {
		t.Fatal(err)
	}
	text := pdftest.Normalize(pdftest.Text(t, pdf))
	for _, want := range []string{
		"What changed since the last review", "Compared with version 2 of the plan, of 30 October 2026",
		"New rule: Every Wednesday after school: Zoë helps Kayden with his reading. (Zoë Marsh)",
		"Changed rule:", "Auntie Siân phones Mum at 7pm instead.", "Rule taken out:",
		"New safety score: Jean Hughes (Nana Jean), 8 out of 10 on 20 November 2026",
		"Shared through this service", "Jean Hughes (Nana Jean): their own copy of this plan, shared on 21 November 2026, opened on 21 November 2026",
		"withdrawn on 22 November 2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the adult plan does not say %q", want)
		}
	}
	form, err := OutcomeForm(cur, testOpt, "fnm2")
	if err != nil {
		t.Fatal(err)
	}
	ftext := pdftest.Normalize(pdftest.Text(t, form))
	if !strings.Contains(ftext, "Copies shared through this service") || !containsWords(ftext, "the children's Words and Pictures, shared on 21 November 2026, withdrawn on 22 November 2026") {
		t.Error("the outcome form does not list what was shared")
	}
	if n := pdftest.Pages(t, form); n > 4 { // a review form carries what the review found and a sign-off
		t.Errorf("the form grew to %d pages", n)
	}
	// Without history, no section.
	plain, _ := AdultPlan(prev, testOpt, AdultOptions{Audience: Worker})
	if strings.Contains(pdftest.Text(t, plain), "What changed since") {
		t.Error("a plan with no history has a changes section")
	}
}
