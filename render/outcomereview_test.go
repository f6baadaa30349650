package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// hughesRuleAtReview is the Hughes plan with the respite rule agreed at the
// review (fnm2) rather than the first meeting.
func hughesRuleAtReview(t *testing.T) *Input {
	t.Helper()
	data, uploads := exampleBytes(t, "hughes-review")
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, r := range m["plan"].(map[string]any)["rules"].([]any) {
		if r := r.(map[string]any); r["id"] == "r-respite" {
			r["agreed_at"] = "fnm2"
		}
	}
	data, _ = json.Marshal(m)
	in, err := Load(data, uploads, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestOutcomeFormIsItsMeeting: each form is its meeting as it was, in
// golden text: the first form leaves out the rule agreed at the review and
// is dated by its meeting (version 1); the review's form carries what the
// review found and marks the rule agreed at it; both end with a sign-off.
func TestOutcomeFormIsItsMeeting(t *testing.T) {
	in := hughesRuleAtReview(t)
	respite := in.Plan.Arrangements.Rules[3]
	tests := []struct {
		meeting  string
		contains []string
		absent   []string
	}{
		{"fnm1",
			[]string{"Meeting of 6 October 2026, plan version 1", "Sign-off", "Completed by", "Priya Shah"},
			[]string{respite.When, "What the review found", "(agreed at this meeting)"}},
		{"fnm2",
			[]string{"Meeting of 30 October 2026, plan version 2", "What the review found", "What is working well", "Changes to the plan",
				"How we know it is working", respite.When, "(agreed at this meeting)", "Sign-off"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.meeting, func(t *testing.T) {
			pdf, err := OutcomeForm(in, testOpt, tt.meeting)
			if err != nil {
				t.Fatal(err)
			}
			text := pdftest.Text(t, pdf)
			golden(t, "hughes-rule-at-review_outcome-form_"+tt.meeting, text)
			flat := strings.Join(strings.Fields(text), " ")
			for _, s := range tt.contains {
				if !strings.Contains(flat, strings.Join(strings.Fields(s), " ")) {
					t.Errorf("the form does not say %q", s)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(flat, strings.Join(strings.Fields(s), " ")) {
					t.Errorf("the form says %q, which is not of this meeting", s)
				}
			}
		})
	}
}
