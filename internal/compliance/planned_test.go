package compliance

import (
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/plan"
)

func planned(id string, typ plan.MeetingType, on string) plan.Meeting {
	return plan.Meeting{ID: id, Type: typ, Date: d(on), Status: plan.StatusPlanned}
}

// TestMeetingStatus: a planned or cancelled meeting never counts as done;
// a planned one is the PlannedFor date of the deadline it would meet.
func TestMeetingStatus(t *testing.T) {
	tests := []struct {
		name        string
		meetings    []plan.Meeting
		today       string
		want        []string
		kind        string
		status      Status
		plannedFor  string // "" means nil
		doneOn      string // "" means nil
		contains    string
		planDate    string
		planVersion int
	}{
		{
			name:     "a review planned for after today is due, not held",
			meetings: []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-02-02"), planned("m2", plan.MeetingReview, "2026-02-27")},
			today:    "2026-02-20",
			want:     []string{"info review.due meetings"},
			kind:     KindReview, status: StatusDue, plannedFor: "2026-02-27",
			contains: "A meeting is planned for 27 February 2026.",
			planDate: "2026-02-02", planVersion: 1,
		},
		{
			name:     "a review planned after the deadline says by how much",
			meetings: []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-02-02"), planned("m2", plan.MeetingReview, "2026-03-10")},
			today:    "2026-02-20",
			want:     []string{"info review.due meetings"},
			kind:     KindReview, status: StatusDue, plannedFor: "2026-03-10",
			contains: "A meeting is planned for 10 March 2026, 8 days after the deadline.",
			planDate: "2026-02-02", planVersion: 1,
		},
		{
			name:     "a planned review whose date has passed is questioned, and the review is overdue",
			meetings: []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-02-02"), planned("m2", plan.MeetingReview, "2026-02-27")},
			today:    "2026-03-10",
			want:     []string{"warning review.overdue meetings", "warning meetings.planned_passed meetings[1].date"},
			kind:     KindReview, status: StatusOverdue, plannedFor: "2026-02-27",
			contains: "Was it held? Record it",
			planDate: "2026-02-02", planVersion: 1,
		},
		{
			name:     "a planned initial meeting is not met",
			meetings: []plan.Meeting{planned("m1", plan.MeetingInitial, "2026-02-02")},
			today:    "2026-01-20",
			want:     []string{"info first_meeting.due meetings"},
			kind:     KindFirstMeeting, status: StatusDue, plannedFor: "2026-02-02",
			planDate: start, planVersion: 1,
		},
		{
			name: "a cancelled review is never counted",
			meetings: []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-02-02"),
				{ID: "m2", Type: plan.MeetingReview, Date: d("2026-02-23"), Status: plan.StatusCancelled}},
			today: "2026-02-20",
			want:  []string{"info review.due meetings"},
			kind:  KindReview, status: StatusDue,
			planDate: "2026-02-02", planVersion: 1,
		},
		{
			name:     "held is the default and counts",
			meetings: []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-02-02"), meeting("m2", plan.MeetingReview, "2026-02-23")},
			kind:     KindReview, status: StatusMet, doneOn: "2026-02-23",
			want:     []string{},
			planDate: "2026-02-23", planVersion: 2,
		},
		{
			name:     "a meeting more than a year from today is questioned",
			meetings: []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-02-02"), meeting("m2", plan.MeetingReview, "2026-02-23"), planned("m3", plan.MeetingReview, "2028-02-23")},
			want:     []string{"warning meetings.far_from_today meetings[2].date"},
			kind:     KindReview, status: StatusMet, doneOn: "2026-02-23",
			contains: "more than a year after today",
			planDate: "2026-02-23", planVersion: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := basePlan()
			p.Meetings = tt.meetings
			now := today
			if tt.today != "" {
				now = d(tt.today)
			}
			r := Check(p, Options{Today: now})
			checkFindings(t, r, tt.want)
			dl, ok := deadline(r, tt.kind)
			if !ok {
				t.Fatalf("no %s deadline", tt.kind)
			}
			if dl.Status != tt.status {
				t.Errorf("status = %s, want %s", dl.Status, tt.status)
			}
			if got := dateOrEmpty(dl.PlannedFor); got != tt.plannedFor {
				t.Errorf("planned_for = %q, want %q", got, tt.plannedFor)
			}
			if got := dateOrEmpty(dl.DoneOn); got != tt.doneOn {
				t.Errorf("done_on = %q, want %q", got, tt.doneOn)
			}
			if tt.contains != "" && !anyMessageContains(r, tt.contains) {
				t.Errorf("no finding says %q: %+v", tt.contains, r.Findings)
			}
			if got := p.Date().String(); got != tt.planDate {
				t.Errorf("plan date = %s, want %s", got, tt.planDate)
			}
			if got := p.Version(); got != tt.planVersion {
				t.Errorf("plan version = %d, want %d", got, tt.planVersion)
			}
		})
	}
}

func TestChildAged18IsQuestioned(t *testing.T) {
	p := basePlan()
	p.Children[0].DateOfBirth = d("2008-05-31")
	r := Check(p, Options{Today: today})
	checkFindings(t, r, []string{"warning children.adult children[0].date_of_birth"})
}

func dateOrEmpty(d *plan.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func anyMessageContains(r Report, s string) bool {
	for _, f := range r.Findings {
		if strings.Contains(f.Message, s) {
			return true
		}
	}
	return false
}
