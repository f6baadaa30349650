package store

import (
	"database/sql"
	"fmt"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// Summary is the small, non-identifying record of a plan version that the
// compliance report is computed from. It is stored in clear beside the
// encrypted plan, so it holds no names, no case reference and no text: the
// team, and the Practice Direction's due and done dates. Make it with
// SummaryFor, which takes the deadlines from package compliance.
type Summary struct {
	// Team is the plan's team (plan.Team: area, dcs, through_care, fif,
	// pathway_decision). Required.
	Team string `json:"team"`
	// FirstMeetingDue is the last day for the first meeting (12 weeks after
	// involvement started); zero when unknown.
	FirstMeetingDue plan.Date `json:"first_meeting_due"`
	// FirstMeetingHeld is when the first (initial) meeting was held; nil
	// when none has been.
	FirstMeetingHeld *plan.Date `json:"first_meeting_held"`
	// Meetings are the meetings held, each with its outcome deadline.
	Meetings []MeetingSummary `json:"meetings"`
	// ReviewDue is the last day for the first review (4 weeks after the
	// first meeting); zero when no first meeting has been held.
	ReviewDue plan.Date `json:"review_due"`
	// ReviewHeld is when the first review was held; nil when none has been.
	ReviewHeld *plan.Date `json:"review_held"`
	// RationaleRecorded is true when a rationale for not meeting within 12
	// weeks is recorded by a role the Practice Direction allows.
	RationaleRecorded bool `json:"rationale_recorded"`
}

// MeetingSummary is one meeting held and its outcome deadline.
type MeetingSummary struct {
	// Date is when the meeting was held.
	Date plan.Date `json:"date"`
	// OutcomeDue is the last day for recording its outcome (five working
	// days after the meeting).
	OutcomeDue plan.Date `json:"outcome_due"`
	// OutcomeRecorded is when the outcome was recorded; nil when not yet.
	OutcomeRecorded *plan.Date `json:"outcome_recorded"`
}

// SummaryFor computes a plan's Summary with package compliance's deadlines
// (the same as the outcome form's). cal gives the working days; nil means
// compliance.EnglandAndWales(). The due and done dates do not depend on
// today, so the summary of a version never changes.
func SummaryFor(p *plan.Plan, cal *compliance.Calendar) Summary {
	if p == nil {
		return Summary{}
	}
	s := Summary{Team: string(p.Case.Team)}
	dates := map[string]plan.Date{}
	for _, m := range p.Meetings {
		dates[m.ID] = m.Date
	}
	rep := compliance.Check(p, compliance.Options{Calendar: cal})
	for _, dl := range rep.Deadlines {
		switch dl.Kind {
		case compliance.KindFirstMeeting:
			s.FirstMeetingDue, s.FirstMeetingHeld = dl.Due, copyDate(dl.DoneOn)
		case compliance.KindReview:
			s.ReviewDue, s.ReviewHeld = dl.Due, copyDate(dl.DoneOn)
		case compliance.KindOutcome:
			s.Meetings = append(s.Meetings, MeetingSummary{
				Date: dates[dl.Meeting], OutcomeDue: dl.Due, OutcomeRecorded: copyDate(dl.DoneOn),
			})
		}
	}
	if r := p.NoMeetingRationale; r != nil && r.RecordedBy.Role.CanDecide() {
		s.RationaleRecorded = true
	}
	return s
}

func copyDate(d *plan.Date) *plan.Date {
	if d == nil || d.IsZero() {
		return nil
	}
	c := *d
	return &c
}

func (s Summary) validate() error {
	if s.Team == "" {
		return fmt.Errorf("%w: the summary has no team", ErrInvalid)
	}
	if len(s.Team) > 64 {
		return fmt.Errorf("%w: the summary's team is longer than 64 characters", ErrInvalid)
	}
	for i, m := range s.Meetings {
		if m.Date.IsZero() {
			return fmt.Errorf("%w: the summary's meeting %d has no date", ErrInvalid, i+1)
		}
	}
	return nil
}

// Dates are stored as TEXT 'YYYY-MM-DD', NULL for none.
func dateArg(d plan.Date) sql.NullString {
	if d.IsZero() {
		return sql.NullString{}
	}
	return sql.NullString{String: d.String(), Valid: true}
}

func datePtrArg(d *plan.Date) sql.NullString {
	if d == nil {
		return sql.NullString{}
	}
	return dateArg(*d)
}

func scanDate(n sql.NullString) (plan.Date, error) {
	if !n.Valid || n.String == "" {
		return plan.Date{}, nil
	}
	d, err := plan.ParseDate(n.String)
	if err != nil {
		return plan.Date{}, fmt.Errorf("store: a stored date %q: %w", n.String, err)
	}
	return d, nil
}

func scanDatePtr(n sql.NullString) (*plan.Date, error) {
	d, err := scanDate(n)
	if err != nil || d.IsZero() {
		return nil, err
	}
	return &d, nil
}
