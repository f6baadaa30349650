package compliance

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// The synthetic plans: involvement started Monday 5 January 2026; by default
// an initial meeting on day 28 (2 February) and a review three weeks later
// (23 February), each with its outcome recorded the same day, chosen by the
// family and with a manager's decision on further meetings. Checked on
// 1 June 2026 that plan has no findings at all.
const start = "2026-01-05"

var today = d("2026-06-01")

func str(s string) *string { return &s }

func date(s string) *plan.Date { v := d(s); return &v }

func meeting(id string, typ plan.MeetingType, on string) plan.Meeting {
	return plan.Meeting{
		ID: id, Type: typ, Date: d(on), AttendeesChosenByFamily: true,
		OutcomeRecordedOn: date(on),
		FurtherMeetings: &plan.FurtherMeetings{
			Decision:  "Monthly reviews.",
			DecidedBy: &plan.Manager{Name: "Mark Ellis", Role: plan.RoleTeamManager},
		},
	}
}

func basePlan() *plan.Plan {
	return &plan.Plan{
		SchemaVersion: 1,
		Case: plan.Case{
			Reference: "LCS-1", RecordSystem: "LCS", Team: plan.TeamArea,
			InvolvementStarted: d(start),
			LeadWorker:         plan.Worker{ID: "w", Name: "Worker"},
		},
		Children: []plan.Child{{ID: "c", Name: "Rhys Pritchard", KnownAs: "Rhys", DateOfBirth: d("2010-01-01")}},
		Meetings: []plan.Meeting{
			meeting("m1", plan.MeetingInitial, "2026-02-02"),
			meeting("m2", plan.MeetingReview, "2026-02-23"),
		},
	}
}

func deadline(r Report, kind string) (Deadline, bool) {
	for _, x := range r.Deadlines {
		if x.Kind == kind {
			return x, true
		}
	}
	return Deadline{}, false
}

func TestRules(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(p *plan.Plan)
		today    string // default 2026-06-01
		want     []string
		deadline *dl      // a deadline to check, by kind (and meeting)
		contains []string // phrases some message must contain
	}{
		{
			name: "clean plan has no findings",
			want: []string{},
		},

		// Rule 1: first meeting within 84 days.
		{
			name: "rule 1: meeting on day 84 is met",
			edit: func(p *plan.Plan) {
				p.Meetings = []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-03-30"), meeting("m2", plan.MeetingReview, "2026-04-20")}
			},
			want:     []string{},
			deadline: &dl{KindFirstMeeting, "m1", "2026-03-30", "2026-03-30", StatusMet, 0, 0, "meetings[0].date"},
		},
		{
			name: "rule 1: meeting on day 85 is missed",
			edit: func(p *plan.Plan) {
				p.Meetings = []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-03-31"), meeting("m2", plan.MeetingReview, "2026-04-21")}
			},
			want: []string{
				"warning first_meeting.missed meetings[0].date",
				"error rationale.missing no_meeting_rationale",
			},
			deadline: &dl{KindFirstMeeting, "m1", "2026-03-30", "2026-03-31", StatusMissed, 0, 1, "meetings[0].date"},
			contains: []string{"held on 31 March 2026, 85 days (week 13) after involvement started on 5 January 2026: 1 day after the 12-week deadline of 30 March 2026"},
		},
		{
			name:     "rule 1: none held and past due is missed",
			edit:     func(p *plan.Plan) { p.Meetings = nil },
			today:    "2026-04-14", // day 99
			want:     []string{"warning first_meeting.missed meetings", "error rationale.missing no_meeting_rationale"},
			deadline: &dl{KindFirstMeeting, "", "2026-03-30", "", StatusMissed, 0, 15, "meetings"},
			contains: []string{"week 15", "15 days late"},
		},
		{
			name:     "rule 1: none held and not yet due",
			edit:     func(p *plan.Plan) { p.Meetings = nil },
			today:    "2026-03-26",
			want:     []string{"info first_meeting.due meetings"},
			deadline: &dl{KindFirstMeeting, "", "2026-03-30", "", StatusDue, 4, 0, "meetings"},
			contains: []string{"due by 30 March 2026", "4 days left", "week 12"},
		},
		{
			name:     "rule 1: none held and due today",
			edit:     func(p *plan.Plan) { p.Meetings = nil },
			today:    "2026-03-30",
			want:     []string{"info first_meeting.due meetings"},
			deadline: &dl{KindFirstMeeting, "", "2026-03-30", "", StatusDue, 0, 0, "meetings"},
		},
		{
			name: "rule 1: the initial meeting is the earliest of type initial",
			edit: func(p *plan.Plan) {
				// Listed out of order, with a second "initial" later on.
				p.Meetings = []plan.Meeting{
					meeting("late", plan.MeetingInitial, "2026-04-20"),
					meeting("m2", plan.MeetingReview, "2026-02-23"),
					meeting("m1", plan.MeetingInitial, "2026-02-02"),
				}
			},
			want:     []string{},
			deadline: &dl{KindFirstMeeting, "m1", "2026-03-30", "2026-02-02", StatusMet, 0, 0, "meetings[2].date"},
		},
		{
			name: "rule 1: no meeting of type initial",
			edit: func(p *plan.Plan) {
				p.Meetings = []plan.Meeting{meeting("m2", plan.MeetingReview, "2026-02-23")}
			},
			want: []string{
				"warning meetings.no_initial meetings",
				"warning review.overdue meetings",
			},
			deadline: &dl{KindFirstMeeting, "m2", "2026-03-30", "2026-02-23", StatusMet, 0, 0, "meetings[0].date"},
		},

		// Rule 2: rationale when no meeting within 12 weeks.
		{
			name: "rule 2: rationale by a social worker is an error",
			edit: func(p *plan.Plan) {
				p.Meetings = nil
				p.NoMeetingRationale = &plan.Rationale{RecordedBy: plan.Manager{Name: "Sam Green", Role: "social_worker"}, RecordedOn: d("2026-03-20"), Rationale: "Because."}
			},
			want:     []string{"warning first_meeting.missed meetings", "error rationale.wrong_role no_meeting_rationale.recorded_by.role"},
			contains: []string{"recorded by Sam Green (Social Worker)"},
		},
		{
			name: "rule 2: rationale by a practice lead is a warning only",
			edit: func(p *plan.Plan) {
				p.Meetings = nil
				p.NoMeetingRationale = &plan.Rationale{RecordedBy: plan.Manager{Name: "Mark Ellis", Role: plan.RolePracticeLead}, RecordedOn: d("2026-03-20"), Rationale: "Because."}
			},
			want:     []string{"warning first_meeting.missed meetings"},
			contains: []string{"A rationale was recorded by Mark Ellis (Practice Lead) on 20 March 2026"},
		},
		{
			name: "rule 2: late meeting with a consultant social worker's rationale",
			edit: func(p *plan.Plan) {
				p.Meetings = []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-04-09"), meeting("m2", plan.MeetingReview, "2026-04-30")}
				p.NoMeetingRationale = &plan.Rationale{RecordedBy: plan.Manager{Name: "Ffion", Role: plan.RoleConsultantSocialWorker}, RecordedOn: d("2026-03-25"), Rationale: "Because."}
			},
			want: []string{"warning first_meeting.missed meetings[0].date"},
		},

		// Rule 3: outcome within five working days.
		{
			name: "rule 3: outcome recorded late is missed (working days late)",
			edit: func(p *plan.Plan) {
				p.Meetings[0] = meeting("m1", plan.MeetingInitial, "2026-04-02")
				p.Meetings[0].OutcomeRecordedOn = date("2026-04-15")
				p.Meetings[1] = meeting("m2", plan.MeetingReview, "2026-04-23")
				p.Case.InvolvementStarted = d("2026-02-09")
			},
			want:     []string{"warning outcome.missed meetings[0].outcome_recorded_on"},
			deadline: &dl{KindOutcome, "m1", "2026-04-13", "2026-04-15", StatusMissed, 0, 2, "meetings[0].outcome_recorded_on"},
			contains: []string{"recorded on 15 April 2026, 2 working days late: it was due on LCS by 13 April 2026"},
		},
		{
			name: "rule 3: outcome on the due day after Easter is met",
			edit: func(p *plan.Plan) {
				p.Meetings[0] = meeting("m1", plan.MeetingInitial, "2026-04-02")
				p.Meetings[0].OutcomeRecordedOn = date("2026-04-13")
				p.Meetings[1] = meeting("m2", plan.MeetingReview, "2026-04-23")
				p.Case.InvolvementStarted = d("2026-02-09")
			},
			want:     []string{},
			deadline: &dl{KindOutcome, "m1", "2026-04-13", "2026-04-13", StatusMet, 0, 0, "meetings[0].outcome_recorded_on"},
		},
		{
			name:     "rule 3: outcome not recorded and past due is overdue",
			edit:     func(p *plan.Plan) { p.Meetings[1].OutcomeRecordedOn = nil },
			today:    "2026-03-05", // due Monday 2 March
			want:     []string{"warning outcome.overdue meetings[1].outcome_recorded_on"},
			deadline: &dl{KindOutcome, "m2", "2026-03-02", "", StatusOverdue, 0, 3, "meetings[1].outcome_recorded_on"},
			contains: []string{"has not been recorded", "3 working days overdue"},
		},
		{
			name:     "rule 3: outcome not recorded and not yet due",
			edit:     func(p *plan.Plan) { p.Meetings[1].OutcomeRecordedOn = nil },
			today:    "2026-02-25",
			want:     []string{"info outcome.due meetings[1].outcome_recorded_on"},
			deadline: &dl{KindOutcome, "m2", "2026-03-02", "", StatusDue, 3, 0, "meetings[1].outcome_recorded_on"},
			contains: []string{"to be recorded on LCS by 2 March 2026", "3 working days left"},
		},
		{
			name: "rule 3: Christmas on a Friday (2026)",
			edit: func(p *plan.Plan) {
				p.Case.InvolvementStarted = d("2026-11-02")
				p.Meetings = []plan.Meeting{meeting("m1", plan.MeetingInitial, "2026-12-23"), meeting("m2", plan.MeetingReview, "2027-01-13")}
				p.Meetings[0].OutcomeRecordedOn = date("2027-01-04")
			},
			today:    "2027-02-01",
			want:     []string{},
			deadline: &dl{KindOutcome, "m1", "2027-01-04", "2027-01-04", StatusMet, 0, 0, "meetings[0].outcome_recorded_on"},
		},
		{
			name: "rule 3: Christmas on a Saturday (2027)",
			edit: func(p *plan.Plan) {
				p.Case.InvolvementStarted = d("2027-11-01")
				p.Children[0].DateOfBirth = d("2020-01-01")
				p.Meetings = []plan.Meeting{meeting("m1", plan.MeetingInitial, "2027-12-23"), meeting("m2", plan.MeetingReview, "2028-01-13")}
				p.Meetings[0].OutcomeRecordedOn = date("2028-01-05")
			},
			today:    "2028-02-01",
			want:     []string{"warning outcome.missed meetings[0].outcome_recorded_on"},
			deadline: &dl{KindOutcome, "m1", "2028-01-04", "2028-01-05", StatusMissed, 0, 1, "meetings[0].outcome_recorded_on"},
		},
		{
			name: "rule 3: coronation day 2023 is not a working day",
			edit: func(p *plan.Plan) {
				p.Case.InvolvementStarted = d("2023-03-06")
				p.Meetings = []plan.Meeting{meeting("m1", plan.MeetingInitial, "2023-05-04"), meeting("m2", plan.MeetingReview, "2023-05-25")}
				p.Meetings[0].OutcomeRecordedOn = nil
			},
			today:    "2023-05-11",
			want:     []string{"info outcome.due meetings[0].outcome_recorded_on"},
			deadline: &dl{KindOutcome, "m1", "2023-05-12", "", StatusDue, 1, 0, "meetings[0].outcome_recorded_on"},
		},
		{
			name: "rule 3: a year beyond the table uses computed holidays and says so",
			edit: func(p *plan.Plan) {
				p.Case.InvolvementStarted = d("2031-03-03")
				p.Children[0].DateOfBirth = d("2020-01-01")
				p.Meetings = []plan.Meeting{meeting("m1", plan.MeetingInitial, "2031-04-10"), meeting("m2", plan.MeetingReview, "2031-05-01")}
				p.Meetings[0].OutcomeRecordedOn = date("2031-04-21")
			},
			today: "2031-06-01",
			want: []string{
				"warning outcome.computed_holidays meetings[0].outcome_recorded_on",
				"warning outcome.computed_holidays meetings[1].outcome_recorded_on",
			},
			deadline: &dl{KindOutcome, "m1", "2031-04-21", "2031-04-21", StatusMet, 0, 0, "meetings[0].outcome_recorded_on"},
			contains: []string{"bank holidays for 2031", "computed from the regular rules, not taken from the published GOV.UK table (which covers 2018 to 2028)"},
		},
		{
			name: "rule 3: outcome dated before the meeting",
			edit: func(p *plan.Plan) { p.Meetings[0].OutcomeRecordedOn = date("2026-01-30") },
			want: []string{"warning outcome.before_meeting meetings[0].outcome_recorded_on"},
		},

		// Rule 4: first review within 28 days of the initial meeting.
		{
			name:     "rule 4: review on day 28 is met",
			edit:     func(p *plan.Plan) { p.Meetings[1] = meeting("m2", plan.MeetingReview, "2026-03-02") },
			want:     []string{},
			deadline: &dl{KindReview, "m2", "2026-03-02", "2026-03-02", StatusMet, 0, 0, "meetings[1].date"},
		},
		{
			name:     "rule 4: review on day 29 is missed",
			edit:     func(p *plan.Plan) { p.Meetings[1] = meeting("m2", plan.MeetingReview, "2026-03-03") },
			want:     []string{"warning review.missed meetings[1].date"},
			deadline: &dl{KindReview, "m2", "2026-03-02", "2026-03-03", StatusMissed, 0, 1, "meetings[1].date"},
			contains: []string{"1 day after the 4-week deadline of 2 March 2026"},
		},
		{
			name:     "rule 4: no review and past due is overdue",
			edit:     func(p *plan.Plan) { p.Meetings = p.Meetings[:1] },
			today:    "2026-03-10",
			want:     []string{"warning review.overdue meetings"},
			deadline: &dl{KindReview, "", "2026-03-02", "", StatusOverdue, 0, 8, "meetings"},
		},
		{
			name:     "rule 4: no review and not yet due",
			edit:     func(p *plan.Plan) { p.Meetings = p.Meetings[:1] },
			today:    "2026-02-20",
			want:     []string{"info review.due meetings"},
			deadline: &dl{KindReview, "", "2026-03-02", "", StatusDue, 10, 0, "meetings"},
			contains: []string{"10 days left"},
		},

		// Rule 5: decision on further meetings and who made it.
		{
			name: "rule 5: no decision recorded",
			edit: func(p *plan.Plan) { p.Meetings[1].FurtherMeetings = nil },
			want: []string{"info further_meetings.not_recorded meetings[1].further_meetings"},
		},
		{
			name: "rule 5: decision without who made it",
			edit: func(p *plan.Plan) { p.Meetings[0].FurtherMeetings.DecidedBy = nil },
			want: []string{"warning further_meetings.no_decider meetings[0].further_meetings.decided_by"},
		},
		{
			name: "rule 5: decision by a role that cannot decide",
			edit: func(p *plan.Plan) {
				p.Meetings[0].FurtherMeetings.DecidedBy = &plan.Manager{Name: "Sam", Role: "senior_practitioner"}
			},
			want:     []string{"warning further_meetings.wrong_role meetings[0].further_meetings.decided_by.role"},
			contains: []string{"made by Sam (Senior Practitioner)"},
		},

		// Rule 6: lifelong connections for children in care.
		{
			name: "rule 6: child in care, nothing recorded",
			edit: func(p *plan.Plan) { p.Children[0].InCare = true },
			want: []string{
				"info lifelong_connections.not_recorded meetings[0].lifelong_connections",
				"warning lifelong_connections.missing meetings[1].lifelong_connections",
			},
			contains: []string{"Rhys is in care, and lifelong connections are not recorded for the review meeting on 23 February 2026"},
		},
		{
			name: "rule 6: recorded at the meeting or in its review record",
			edit: func(p *plan.Plan) {
				p.Children[0].InCare = true
				p.Meetings[0].LifelongConnections = str("Nain and Dewi.")
				p.Reviews = []plan.Review{{Meeting: "m2", LifelongConnections: str("Youth-club leader.")}}
			},
			want: []string{},
		},
		{
			name: "rule 6: blank text does not count",
			edit: func(p *plan.Plan) {
				p.Children[0].InCare = true
				p.Meetings[0].LifelongConnections = str("Nain.")
				p.Meetings[1].LifelongConnections = str("  ")
			},
			want: []string{"warning lifelong_connections.missing meetings[1].lifelong_connections"},
		},

		// Rule 7: record system.
		{
			name: "rule 7: FIF team recording on LCS",
			edit: func(p *plan.Plan) { p.Case.Team = plan.TeamFIF },
			want: []string{"warning record_system.mismatch case.record_system"},
		},
		{
			name: "rule 7: area team recording on EHM",
			edit: func(p *plan.Plan) { p.Case.RecordSystem = "EHM" },
			want: []string{"warning record_system.mismatch case.record_system"},
		},
		{
			name: "rule 7: FIF team on EHM is right",
			edit: func(p *plan.Plan) { p.Case.Team, p.Case.RecordSystem = plan.TeamFIF, "EHM" },
			want: []string{},
		},

		// Rule 8: attendees chosen by the family.
		{
			name:     "rule 8: attendees not chosen by the family",
			edit:     func(p *plan.Plan) { p.Meetings[1].AttendeesChosenByFamily = false },
			want:     []string{"warning attendees.not_chosen_by_family meetings[1].attendees_chosen_by_family"},
			contains: []string{"not chosen by the child or family"},
		},

		// Rule 9: pathway decision team.
		{
			name: "rule 9: pathway decision team without consideration",
			edit: func(p *plan.Plan) { p.Case.Team = plan.TeamPathwayDecision },
			want: []string{"warning family_meeting_consideration.missing case.family_meeting_considered_on"},
		},
		{
			name: "rule 9: pathway decision team that considered one",
			edit: func(p *plan.Plan) {
				p.Case.Team = plan.TeamPathwayDecision
				p.Case.FamilyMeetingConsideredOn = date("2026-01-06")
			},
			want: []string{},
		},

		// Rule 10: explanation before the picture safety plan.
		{
			name: "rule 10: safety plan shared, explanation never shared",
			edit: func(p *plan.Plan) {
				p.WordsAndPictures = &plan.WordsAndPictures{
					Explanation: &plan.Story{Title: "Our story"},
					SafetyPlan:  &plan.Story{Title: "My plan", SharedWithChildrenOn: date("2026-03-01")},
				}
			},
			want: []string{"warning words_pictures.order words_and_pictures.safety_plan.shared_with_children_on"},
		},
		{
			name: "rule 10: safety plan shared before the explanation",
			edit: func(p *plan.Plan) {
				p.WordsAndPictures = &plan.WordsAndPictures{
					Explanation: &plan.Story{Title: "Our story", SharedWithChildrenOn: date("2026-03-05")},
					SafetyPlan:  &plan.Story{Title: "My plan", SharedWithChildrenOn: date("2026-03-01")},
				}
			},
			want:     []string{"warning words_pictures.order words_and_pictures.safety_plan.shared_with_children_on"},
			contains: []string{"shared with the children on 1 March 2026, before the Words and Pictures explanation (5 March 2026)"},
		},
		{
			name: "rule 10: explanation shared, no safety plan yet",
			edit: func(p *plan.Plan) {
				p.WordsAndPictures = &plan.WordsAndPictures{Explanation: &plan.Story{Title: "Our story", SharedWithChildrenOn: date("2026-03-05")}}
			},
			want:     []string{"info words_pictures.plan_not_shared words_and_pictures.safety_plan"},
			contains: []string{"Explanation shared, picture safety plan not yet shared"},
		},
		{
			name: "rule 10: explanation then safety plan is right, same day too",
			edit: func(p *plan.Plan) {
				p.WordsAndPictures = &plan.WordsAndPictures{
					Explanation: &plan.Story{Title: "Our story", SharedWithChildrenOn: date("2026-03-05")},
					SafetyPlan:  &plan.Story{Title: "My plan", SharedWithChildrenOn: date("2026-03-05")},
				}
			},
			want: []string{},
		},
		{
			name: "rule 10: nothing shared yet",
			edit: func(p *plan.Plan) {
				p.WordsAndPictures = &plan.WordsAndPictures{
					Explanation: &plan.Story{Title: "Our story"},
					SafetyPlan:  &plan.Story{Title: "My plan"},
				}
			},
			want: []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := basePlan()
			if tt.edit != nil {
				tt.edit(p)
			}
			now := today
			if tt.today != "" {
				now = d(tt.today)
			}
			r := Check(p, Options{Today: now})
			checkFindings(t, r, tt.want)
			if w := tt.deadline; w != nil {
				found := false
				for _, got := range r.Deadlines {
					if got.Kind == w.kind && (got.Meeting == w.meeting || w.kind != KindOutcome) {
						w.check(t, got)
						found = true
						break
					}
				}
				if !found {
					t.Errorf("no %s deadline for %q in %+v", w.kind, w.meeting, r.Deadlines)
				}
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

func TestFindingOrder(t *testing.T) {
	p := basePlan()
	p.Case.Team = plan.TeamFIF // rule 7
	// Twelve meetings so that meetings[10] and meetings[11] sort after meetings[2].
	p.Meetings = []plan.Meeting{meeting("m0", plan.MeetingInitial, "2026-02-02")}
	for i := 1; i < 12; i++ {
		m := meeting("r"+string(rune('a'+i)), plan.MeetingReview, d("2026-02-09").AddDays(7*i).String())
		m.AttendeesChosenByFamily = i%5 != 0 // rule 8 at 5 and 10
		if i == 2 || i == 10 || i == 11 {
			m.FurtherMeetings = nil // rule 5
		}
		p.Meetings = append(p.Meetings, m)
	}
	p.NoMeetingRationale = nil
	r := Check(p, Options{Today: d("2026-06-01")})
	want := []string{
		"info further_meetings.not_recorded meetings[2].further_meetings",
		"info further_meetings.not_recorded meetings[10].further_meetings",
		"info further_meetings.not_recorded meetings[11].further_meetings",
		"warning record_system.mismatch case.record_system",
		"warning attendees.not_chosen_by_family meetings[5].attendees_chosen_by_family",
		"warning attendees.not_chosen_by_family meetings[10].attendees_chosen_by_family",
	}
	checkFindings(t, r, want)
	// Same input, same output.
	again := Check(p, Options{Today: d("2026-06-01")})
	a, _ := json.Marshal(r)
	b, _ := json.Marshal(again)
	if string(a) != string(b) {
		t.Error("Check is not deterministic")
	}
}

func TestPathLess(t *testing.T) {
	ordered := []string{
		"case.family_meeting_considered_on",
		"case.record_system",
		"meetings",
		"meetings[2].further_meetings",
		"meetings[10].further_meetings",
		"meetings[10].further_meetings.decided_by",
		"no_meeting_rationale",
		"no_meeting_rationale.recorded_by.role",
	}
	for i := range ordered {
		for j := range ordered {
			if got, want := pathLess(ordered[i], ordered[j]), i < j; got != want {
				t.Errorf("pathLess(%q, %q) = %v, want %v", ordered[i], ordered[j], got, want)
			}
		}
	}
}

func TestReportJSON(t *testing.T) {
	r := Check(loadExample(t, "adeyemi-early-help"), Options{Today: d("2026-11-22")})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		`"today":"2026-11-22"`,
		`{"kind":"outcome","meeting":"m1","label":"Outcome of 2 November 2026 recorded","due":"2026-11-09","done_on":null,"status":"overdue","days_late":9,"path":"meetings[0].outcome_recorded_on"}`,
		`{"kind":"review","label":"First review meeting","due":"2026-11-30","done_on":null,"status":"due","days_left":8,"path":"meetings"}`,
		`"done_on":"2026-11-02"`,
		`{"severity":"warning","code":"outcome.overdue"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %s\n%s", want, s)
		}
	}
	// Empty lists are [] not null.
	e, _ := json.Marshal(Check(nil, Options{Today: d("2026-11-22")}))
	if string(e) != `{"today":"2026-11-22","deadlines":[],"findings":[]}` {
		t.Errorf("empty report JSON = %s", e)
	}
}

func TestOptionsDefaults(t *testing.T) {
	r := Check(basePlan(), Options{})
	if r.Today.IsZero() {
		t.Error("zero Today should default to the current date")
	}
	if r.Today.Year() < 2025 {
		t.Errorf("today = %s", r.Today)
	}
}

func TestReportCounts(t *testing.T) {
	p := basePlan()
	p.Meetings = nil
	r := Check(p, Options{Today: d("2026-06-01")})
	if !r.HasErrors() || r.Count(SeverityError) != 1 || r.Count(SeverityWarning) != 1 || r.Count(SeverityInfo) != 0 {
		t.Errorf("counts: %d errors, %d warnings, %d info\n%s", r.Count(SeverityError), r.Count(SeverityWarning), r.Count(SeverityInfo), messages(r))
	}
}

func TestCustomCalendar(t *testing.T) {
	// A calendar with no table computes every year, and Check says so.
	p := basePlan()
	r := Check(p, Options{Today: today, Calendar: &Calendar{name: "rules only"}})
	want := []string{
		"warning outcome.computed_holidays meetings[0].outcome_recorded_on",
		"warning outcome.computed_holidays meetings[1].outcome_recorded_on",
	}
	checkFindings(t, r, want)
	if dl, ok := deadline(r, KindOutcome); !ok || dl.Due != d("2026-02-09") {
		t.Errorf("outcome deadline %+v", dl)
	}
}
