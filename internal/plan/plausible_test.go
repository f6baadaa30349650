package plan

import (
	"os"
	"strings"
	"testing"
)

func minimal(t *testing.T) *Plan {
	t.Helper()
	b, err := os.ReadFile("testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPlausibility: each rule gives one problem, at the exact field, with a
// message that says what to do. The minimal plan is checked on 3 December 2026.
func TestPlausibility(t *testing.T) {
	today := MustDate("2026-12-03")
	tests := []struct {
		name    string
		edit    func(p *Plan)
		path    string
		code    string
		message string
	}{
		{"child born in the future", func(p *Plan) { p.Children[0].DateOfBirth = MustDate("2027-03-02") }, "children[0].date_of_birth", CodeFuture, "2 March 2027 is after today (3 December 2026)"},
		{"involvement starting in the future", func(p *Plan) { p.Case.InvolvementStarted = MustDate("2026-12-04"); p.Meetings = nil; p.Reviews = nil }, "case.involvement_started", CodeFuture, "after today"},
		{"a held meeting in the future", func(p *Plan) { p.Meetings[1].Date = MustDate("2027-01-08") }, "meetings[1].date", CodeFuture, `set "status": "planned"`},
		{"an outcome recorded in the future", func(p *Plan) { d := MustDate("2026-12-10"); p.Meetings[1].OutcomeRecordedOn = &d }, "meetings[1].outcome_recorded_on", CodeFuture, "after today"},
		{"an outcome recorded before its meeting", func(p *Plan) { d := MustDate("2026-09-30"); p.Meetings[0].OutcomeRecordedOn = &d }, "meetings[0].outcome_recorded_on", CodeOrder, "before the meeting itself"},
		{"a planned meeting with an outcome", func(p *Plan) {
			d := MustDate("2026-12-01")
			p.Meetings[1].Status = StatusPlanned
			p.Meetings[1].OutcomeRecordedOn = &d
			p.Reviews = nil
		}, "meetings[1].outcome_recorded_on", CodeStatus, "has no outcome to record"},
		{"a review record of a cancelled meeting", func(p *Plan) { p.Meetings[1].Status = StatusCancelled; p.Reviews = []Review{{Meeting: "m2"}} }, "reviews[0].meeting", CodeStatus, "not a held meeting"},
		{"a rule agreed at a planned meeting", func(p *Plan) {
			p.Meetings[1].Status = StatusPlanned
			p.Meetings[1].Date = MustDate("2027-01-08")
			p.Reviews = nil
			p.Arrangements.Rules[0].AgreedAt = "m2"
		}, "plan.rules[0].agreed_at", CodeStatus, "not a held meeting"},
		{"a rule agreed at no meeting", func(p *Plan) { p.Arrangements.Rules[0].AgreedAt = "m9" }, "plan.rules[0].agreed_at", CodeReference, "a meeting in meetings"},
		{"an unknown status", func(p *Plan) { p.Meetings[1].Status = "postponed" }, "meetings[1].status", CodeEnum, "held, planned, cancelled"},
		{"an email without a domain", func(p *Plan) { p.Case.LeadWorker.Email = "priya.shah@" }, "case.lead_worker.email", CodeEmail, "name@example.org"},
		{"an email without an @", func(p *Plan) { p.People[0].Email = "kate.brown.example.org" }, "people[0].email", CodeEmail, "not an email address"},
		{"words for a phone", func(p *Plan) { p.People[1].Phone = "ring me" }, "people[1].phone", CodePhone, "07700 900123"},
		{"too few digits", func(p *Plan) { p.Case.LeadWorker.Phone = "0117 000" }, "case.lead_worker.phone", CodePhone, "international number starting with +"},
		{"a contact hidden from nobody known", func(p *Plan) { p.People[0].ContactHiddenFrom = []string{"dadd"} }, "people[0].contact_hidden_from[0]", CodeReference, "does not match"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := minimal(t)
			if ps := p.Validate(ValidateOptions{Today: today}); ps != nil {
				t.Fatalf("the minimal plan is not valid on %s: %v", today, ps)
			}
			tt.edit(p)
			ps := p.Validate(ValidateOptions{Today: today})
			if len(ps) != 1 {
				t.Fatalf("want exactly one problem, got %d: %v", len(ps), ps)
			}
			got := ps[0]
			if got.Path != tt.path || got.Code != tt.code || !strings.Contains(got.Message, tt.message) {
				t.Errorf("got %s %s %q\nwant %s %s containing %q", got.Path, got.Code, got.Message, tt.path, tt.code, tt.message)
			}
		})
	}
}

// TestPlannedMeetingNeedsOnlyIDTypeDate: and it is then valid even with its
// date in the future.
func TestPlannedMeetingNeedsOnlyIDTypeDate(t *testing.T) {
	p := minimal(t)
	p.Meetings = append(p.Meetings, Meeting{ID: "m3", Type: MeetingReview, Status: StatusPlanned, Date: MustDate("2027-01-08")})
	if ps := p.Validate(ValidateOptions{Today: MustDate("2026-12-03")}); ps != nil {
		t.Fatal(ps)
	}
	if got := p.Date().String(); got != "2026-10-20" {
		t.Errorf("plan date = %s, want the last held meeting's, 2026-10-20", got)
	}
	if got := p.Version(); got != 2 {
		t.Errorf("version = %d, want 2", got)
	}
	if m, ok := p.NextPlannedReview(); !ok || m.ID != "m3" {
		t.Errorf("next planned review = %v %v, want m3", m.ID, ok)
	}
}

func TestPhoneAndEmailShapes(t *testing.T) {
	phones := []struct {
		s  string
		ok bool
	}{
		{"07700 900999", true}, {"0117 922 4000", true}, {"+44 7700 900999", true}, {"+447700900999", true},
		{"0044 7700 900999", true}, {"(07700) 900-999", true}, {"+44 (0)117 922 4000", true}, {"0800 1111", true},
		{"0800 800 5000", true}, {"999", true}, {"101", true}, {"116 123", true}, {"+420 601 000 000", true},
		{"07700.900.999", true},
		{"ring me", false}, {"0117 000", false}, {"+44 12", false}, {"12345", false}, {"7700 900999", false},
	}
	for _, tt := range phones {
		if got := ValidPhone(tt.s); got != tt.ok {
			t.Errorf("ValidPhone(%q) = %v, want %v", tt.s, got, tt.ok)
		}
	}
	emails := []struct {
		s  string
		ok bool
	}{
		{"priya.shah@example.gov.uk", true}, {"a+b@x.org", true},
		{"priya.shah@", false}, {"@example.org", false}, {"a@b", false}, {"a b@x.org", false}, {"a@@x.org", false},
	}
	for _, tt := range emails {
		if got := ValidEmail(tt.s); got != tt.ok {
			t.Errorf("ValidEmail(%q) = %v, want %v", tt.s, got, tt.ok)
		}
	}
}
