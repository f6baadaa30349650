package store

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
)

func TestAggregate(t *testing.T) {
	today := day("2026-11-22")
	one := func(s Summary) []Summary { return []Summary{s} }
	for _, tc := range []struct {
		name     string
		sums     []Summary
		from, to string
		want     []ReportRow
	}{
		{"a first meeting on its due date is met",
			one(Summary{Team: "area", FirstMeetingDue: day("2026-11-09"), FirstMeetingHeld: dayp("2026-11-09")}), "", "",
			[]ReportRow{{Team: "area", Month: "2026-11", FirstMeetings: Tally{Due: 1, Met: 1}}}},
		{"a day late is late and needs a rationale",
			one(Summary{Team: "area", FirstMeetingDue: day("2026-11-09"), FirstMeetingHeld: dayp("2026-11-10"), RationaleRecorded: true}), "", "",
			[]ReportRow{{Team: "area", Month: "2026-11", FirstMeetings: Tally{Due: 1, Late: 1}, Rationales: RationaleTally{Required: 1, Recorded: 1}}}},
		{"not held, due today, is pending and needs no rationale yet",
			one(Summary{Team: "area", FirstMeetingDue: today}), "", "",
			[]ReportRow{{Team: "area", Month: "2026-11", FirstMeetings: Tally{Due: 1, Pending: 1}}}},
		{"not held, due yesterday, is overdue and needs a rationale",
			one(Summary{Team: "area", FirstMeetingDue: today.AddDays(-1)}), "", "",
			[]ReportRow{{Team: "area", Month: "2026-11", FirstMeetings: Tally{Due: 1, Overdue: 1}, Rationales: RationaleTally{Required: 1, Missing: 1}}}},
		{"an outcome counts in the month it falls due, not the meeting's",
			one(Summary{Team: "dcs", Meetings: []MeetingSummary{{Date: day("2026-10-29"), OutcomeDue: day("2026-11-05"), OutcomeRecorded: dayp("2026-11-06")}}}), "", "",
			[]ReportRow{{Team: "dcs", Month: "2026-11", Outcomes: Tally{Due: 1, Late: 1}}}},
		{"a review not due yet is pending",
			one(Summary{Team: "fif", ReviewDue: day("2026-12-01")}), "", "",
			[]ReportRow{{Team: "fif", Month: "2026-12", Reviews: Tally{Due: 1, Pending: 1}}}},
		{"unknown due dates are not counted",
			one(Summary{Team: "area"}), "", "", []ReportRow{}},
		{"the bounds are inclusive",
			[]Summary{
				{Team: "area", FirstMeetingDue: day("2026-10-31"), FirstMeetingHeld: dayp("2026-10-01")},
				{Team: "area", FirstMeetingDue: day("2026-11-01"), FirstMeetingHeld: dayp("2026-10-01")},
				{Team: "area", FirstMeetingDue: day("2026-11-30"), FirstMeetingHeld: dayp("2026-10-01")},
				{Team: "area", FirstMeetingDue: day("2026-12-01"), FirstMeetingHeld: dayp("2026-10-01")},
			}, "2026-11-01", "2026-11-30",
			[]ReportRow{{Team: "area", Month: "2026-11", FirstMeetings: Tally{Due: 2, Met: 2}}}},
		{"rows sorted by team then month",
			[]Summary{
				{Team: "fif", FirstMeetingDue: day("2026-01-10"), FirstMeetingHeld: dayp("2026-01-01")},
				{Team: "area", FirstMeetingDue: day("2026-02-10"), FirstMeetingHeld: dayp("2026-01-01")},
				{Team: "area", FirstMeetingDue: day("2026-01-10"), FirstMeetingHeld: dayp("2026-01-01")},
			}, "", "",
			[]ReportRow{
				{Team: "area", Month: "2026-01", FirstMeetings: Tally{Due: 1, Met: 1}},
				{Team: "area", Month: "2026-02", FirstMeetings: Tally{Due: 1, Met: 1}},
				{Team: "fif", Month: "2026-01", FirstMeetings: Tally{Due: 1, Met: 1}},
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := aggregate(tc.sums, dateOrZero(tc.from), dateOrZero(tc.to), today)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("aggregate =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

// TestSummaryFor checks the summaries of the shared examples against the
// deadlines in shared/examples/README.md.
func TestSummaryFor(t *testing.T) {
	for _, tc := range []struct {
		example string
		want    Summary
	}{
		{"hughes-review", hughesSummary()},
		{"adeyemi-early-help", Summary{Team: "fif", FirstMeetingDue: day("2026-12-21"), FirstMeetingHeld: dayp("2026-11-02"),
			Meetings:  []MeetingSummary{{Date: day("2026-11-02"), OutcomeDue: day("2026-11-09")}},
			ReviewDue: day("2026-11-30")}},
		{"pritchard-in-care", Summary{Team: "through_care", FirstMeetingDue: day("2026-05-04"), FirstMeetingHeld: dayp("2026-03-23"),
			Meetings: []MeetingSummary{
				{Date: day("2026-03-23"), OutcomeDue: day("2026-03-30"), OutcomeRecorded: dayp("2026-03-27")},
				{Date: day("2026-04-02"), OutcomeDue: day("2026-04-13"), OutcomeRecorded: dayp("2026-04-13")},
				{Date: day("2026-06-12"), OutcomeDue: day("2026-06-19"), OutcomeRecorded: dayp("2026-06-16")},
			},
			ReviewDue: day("2026-04-20"), ReviewHeld: dayp("2026-04-02")}},
		{"novak-no-meeting", Summary{Team: "area", FirstMeetingDue: day("2026-11-02"), RationaleRecorded: true}},
	} {
		t.Run(tc.example, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "examples", tc.example+".json"))
			if err != nil {
				t.Fatalf("the shared examples are the input contract and must be beside the repository: %v", err)
			}
			p, err := plan.Decode(b)
			if err != nil {
				t.Fatal(err)
			}
			got := SummaryFor(p, nil)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("SummaryFor =\n%+v\nwant\n%+v", got, tc.want)
			}
			if err := got.validate(); err != nil {
				t.Errorf("the summary does not validate: %v", err)
			}
		})
	}

	t.Run("a rationale recorded by a social worker does not count", func(t *testing.T) {
		p := &plan.Plan{Case: plan.Case{Team: plan.TeamArea, InvolvementStarted: day("2026-08-10")},
			NoMeetingRationale: &plan.Rationale{RecordedBy: plan.Manager{Name: "x", Role: "social_worker"}, RecordedOn: day("2026-11-01")}}
		if got := SummaryFor(p, nil); got.RationaleRecorded {
			t.Errorf("SummaryFor = %+v; want RationaleRecorded false", got)
		}
	})
}

func TestLondonDate(t *testing.T) {
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 7, 1, 23, 30, 0, 0, time.UTC), "2026-07-02"}, // BST: 00:30 next day
		{time.Date(2026, 12, 1, 23, 30, 0, 0, time.UTC), "2026-12-01"},
	} {
		if got := plan.DateOf(tc.at).String(); got != tc.want {
			t.Errorf("plan.DateOf(%v) = %s; want %s", tc.at, got, tc.want)
		}
	}
}
