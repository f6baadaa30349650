package httpapi

import (
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// The deadlines of a plan still being filled in: every one its dates allow.
func TestDraftDeadlines(t *testing.T) {
	s := New(Config{Today: func() plan.Date { return plan.MustDate("2026-11-22") }})
	tests := []struct {
		name, body string
		want       []string // kind due status
	}{
		{"nothing yet", `{"case":{"reference":""}}`, nil},
		{"only involvement started", `{"case":{"involvement_started":"2026-09-01"}}`, []string{"first_meeting 2026-11-24 due"}},
		{"a bad date is left out", `{"case":{"involvement_started":"2026-13-01"},"meetings":[{"type":"initial","date":"2026-10-06"}]}`,
			[]string{"outcome 2026-10-13 overdue", "review 2026-11-03 overdue"}},
		{"an initial meeting, people still missing", `{"case":{"involvement_started":"2026-09-01","team":""},"children":[{}],"meetings":[{"id":"m1","type":"initial","date":"2026-10-06","outcome_recorded_on":"2026-10-09"},{"type":"review","date":""}]}`,
			[]string{"first_meeting 2026-11-24 met", "outcome 2026-10-13 met", "review 2026-11-03 overdue"}},
		{"a planned meeting meets nothing", `{"case":{"involvement_started":"2026-09-01"},"meetings":[{"id":"m1","type":"initial","date":"2026-11-30","status":"planned"}]}`,
			[]string{"first_meeting 2026-11-24 due"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out struct{ Deadlines []compliance.Deadline }
			storeClient{t, s}.json("POST", "/v1/plans/deadlines", []byte(tt.body), 200, &out)
			var got []string
			for _, d := range out.Deadlines {
				got = append(got, d.Kind+" "+d.Due.String()+" "+string(d.Status))
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("deadlines %q; want %q", got, tt.want)
			}
		})
	}
	if rec := (storeClient{t, s}).do("POST", "/v1/plans/deadlines", []byte(`{"case":`), map[string]string{"Content-Type": "application/json"}); rec.Code != 422 {
		t.Errorf("broken JSON: %d; want 422", rec.Code)
	}
}
