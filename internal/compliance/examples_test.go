package compliance

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// loadExample reads one of the shared example plans with encoding/json.
func loadExample(t *testing.T, name string) *plan.Plan {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "examples", name+".json"))
	if err != nil {
		t.Fatalf("reading example: %v", err)
	}
	var p plan.Plan
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("decoding %s: %v", name, err)
	}
	return &p
}

// dl describes an expected deadline: kind, meeting, due, done ("" for nil),
// status, days left, days late and path.
type dl struct {
	kind, meeting, due, done string
	status                   Status
	left, late               int
	path                     string
}

func (w dl) check(t *testing.T, got Deadline) {
	t.Helper()
	done := ""
	if got.DoneOn != nil {
		done = got.DoneOn.String()
	}
	if got.Kind != w.kind || got.Meeting != w.meeting || got.Due.String() != w.due || done != w.done ||
		got.Status != w.status || got.DaysLeft != w.left || got.DaysLate != w.late || got.Path != w.path {
		t.Errorf("deadline\n got %s %q due %s done %q %s left %d late %d %s\nwant %s %q due %s done %q %s left %d late %d %s",
			got.Kind, got.Meeting, got.Due, done, got.Status, got.DaysLeft, got.DaysLate, got.Path,
			w.kind, w.meeting, w.due, w.done, w.status, w.left, w.late, w.path)
	}
}

// findingKeys gives "severity code path" for each finding, in order.
func findingKeys(r Report) []string {
	out := []string{}
	for _, f := range r.Findings {
		out = append(out, string(f.Severity)+" "+f.Code+" "+f.Path)
	}
	return out
}

func checkFindings(t *testing.T, r Report, want []string) {
	t.Helper()
	got := findingKeys(r)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n got %q\nwant %q\nmessages:\n%s", got, want, messages(r))
	}
}

func messages(r Report) string {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString("  " + f.Code + ": " + f.Message + "\n")
	}
	return b.String()
}

// TestExamples checks the four shared examples against the expected results
// in shared/examples/README.md, with today = 2026-11-22.
func TestExamples(t *testing.T) {
	tests := []struct {
		name      string
		deadlines []dl
		findings  []string
		contains  []string // phrases some finding message must contain
	}{
		{
			name: "hughes-review",
			deadlines: []dl{
				{KindFirstMeeting, "fnm1", "2026-11-09", "2026-10-06", StatusMet, 0, 0, "meetings[0].date"},
				{KindOutcome, "fnm1", "2026-10-13", "2026-10-09", StatusMet, 0, 0, "meetings[0].outcome_recorded_on"},
				{KindReview, "fnm2", "2026-11-03", "2026-10-30", StatusMet, 0, 0, "meetings[1].date"},
				{KindOutcome, "fnm2", "2026-11-06", "2026-11-05", StatusMet, 0, 0, "meetings[1].outcome_recorded_on"},
			},
			findings: []string{
				"info further_meetings.not_recorded meetings[1].further_meetings",
				"info words_pictures.plan_not_shared words_and_pictures.safety_plan.shared_with_children_on",
			},
			contains: []string{"Explanation shared, picture safety plan not yet shared"},
		},
		{
			name: "adeyemi-early-help",
			deadlines: []dl{
				{KindFirstMeeting, "m1", "2026-12-21", "2026-11-02", StatusMet, 0, 0, "meetings[0].date"},
				{KindOutcome, "m1", "2026-11-09", "", StatusOverdue, 0, 9, "meetings[0].outcome_recorded_on"},
				{KindReview, "", "2026-11-30", "", StatusDue, 8, 0, "meetings"},
			},
			findings: []string{
				"warning outcome.overdue meetings[0].outcome_recorded_on",
				"info review.due meetings",
				"info further_meetings.not_recorded meetings[0].further_meetings",
				"info words_pictures.plan_not_shared words_and_pictures.safety_plan",
			},
			contains: []string{"due on EHM by 9 November 2026", "9 working days overdue", "8 days left"},
		},
		{
			name: "pritchard-in-care",
			deadlines: []dl{
				{KindFirstMeeting, "n1", "2026-05-04", "2026-03-23", StatusMet, 0, 0, "meetings[0].date"},
				{KindOutcome, "n1", "2026-03-30", "2026-03-27", StatusMet, 0, 0, "meetings[0].outcome_recorded_on"},
				{KindReview, "n2", "2026-04-20", "2026-04-02", StatusMet, 0, 0, "meetings[1].date"},
				{KindOutcome, "n2", "2026-04-13", "2026-04-13", StatusMet, 0, 0, "meetings[1].outcome_recorded_on"},
				{KindOutcome, "n3", "2026-06-19", "2026-06-16", StatusMet, 0, 0, "meetings[2].outcome_recorded_on"},
			},
			findings: []string{
				"info further_meetings.not_recorded meetings[0].further_meetings",
				"info further_meetings.not_recorded meetings[1].further_meetings",
				"info further_meetings.not_recorded meetings[2].further_meetings",
			},
		},
		{
			name: "novak-no-meeting",
			deadlines: []dl{
				{KindFirstMeeting, "", "2026-11-02", "", StatusMissed, 0, 20, "meetings"},
			},
			findings: []string{
				"warning first_meeting.missed meetings",
			},
			contains: []string{"due by 2 November 2026", "week 15", "recorded by Aleksandra Wiśniewska (Team Manager) on 30 October 2026"},
		},
	}
	today := d("2026-11-22")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := loadExample(t, tt.name)
			r := Check(p, Options{Today: today})
			out, _ := json.MarshalIndent(r, "", "  ")
			t.Logf("%s:\n%s", tt.name, out)
			if r.Today != today {
				t.Errorf("Today = %s", r.Today)
			}
			if len(r.Deadlines) != len(tt.deadlines) {
				t.Fatalf("%d deadlines, want %d: %+v", len(r.Deadlines), len(tt.deadlines), r.Deadlines)
			}
			for i, w := range tt.deadlines {
				w.check(t, r.Deadlines[i])
			}
			checkFindings(t, r, tt.findings)
			if r.HasErrors() {
				t.Errorf("unexpected errors:\n%s", messages(r))
			}
			all := messages(r)
			for _, c := range tt.contains {
				if !strings.Contains(all, c) {
					t.Errorf("no message contains %q:\n%s", c, all)
				}
			}
		})
	}
}

// TestExampleLabels checks the deadline labels a reader sees.
func TestExampleLabels(t *testing.T) {
	r := Check(loadExample(t, "hughes-review"), Options{Today: d("2026-11-22")})
	want := []string{"First family/network meeting", "Outcome of 6 October 2026 recorded", "First review meeting", "Outcome of 30 October 2026 recorded"}
	for i, w := range want {
		if r.Deadlines[i].Label != w {
			t.Errorf("label %d = %q, want %q", i, r.Deadlines[i].Label, w)
		}
	}
}

// TestExampleWeeks checks the "week N" reported for the first meetings held.
func TestExampleWeeks(t *testing.T) {
	for name, want := range map[string]int{"hughes-review": 8, "adeyemi-early-help": 6, "pritchard-in-care": 7} {
		p := loadExample(t, name)
		if got := Week(p.Case.InvolvementStarted, p.Meetings[0].Date); got != want {
			t.Errorf("%s: week %d, want %d", name, got, want)
		}
	}
}
