package compliance

import "github.com/familynetwork/safetyplan/internal/plan"

// Severity says how much a finding matters.
type Severity string

// The severities, loudest first.
const (
	// SeverityError is a compliance failure that must be shown loudly, such as
	// a missing rationale for not holding a meeting within 12 weeks.
	SeverityError Severity = "error"
	// SeverityWarning is a missed deadline or a departure from the Practice
	// Direction.
	SeverityWarning Severity = "warning"
	// SeverityInfo is a note: something due soon, or not yet recorded.
	SeverityInfo Severity = "info"
)

// Finding is one thing the check found: a problem or a note. Met deadlines
// are not findings; they are reported in Report.Deadlines.
type Finding struct {
	// Severity is error, warning or info.
	Severity Severity `json:"severity"`
	// Code is stable and machine-readable, for example "outcome.overdue".
	Code string `json:"code"`
	// Message is plain English with UK dates ("6 October 2026").
	Message string `json:"message"`
	// Path is the JSON path the finding concerns, for example
	// "meetings[1].outcome_recorded_on" or "case.record_system".
	Path string `json:"path"`
}

// Status is where a deadline stands on the day of the check.
type Status string

// The deadline statuses.
const (
	// StatusMet means done on or before the due date.
	StatusMet Status = "met"
	// StatusMissed means done after the due date, or (for the first meeting)
	// not done and the due date has passed.
	StatusMissed Status = "missed"
	// StatusDue means not done yet and the due date is today or later.
	StatusDue Status = "due"
	// StatusOverdue means not done and the due date has passed.
	StatusOverdue Status = "overdue"
)

// The deadline kinds.
const (
	// KindFirstMeeting is the first family/network meeting, due within 12
	// weeks (84 days) of involvement starting.
	KindFirstMeeting = "first_meeting"
	// KindOutcome is a meeting's outcome recorded on LCS or EHM, due within
	// five working days of the meeting.
	KindOutcome = "outcome"
	// KindReview is the first review meeting, due within 4 weeks (28 days)
	// of the initial meeting.
	KindReview = "review"
)

// Deadline is one Practice Direction deadline and where it stands.
type Deadline struct {
	// Kind is "first_meeting", "outcome" or "review".
	Kind string `json:"kind"`
	// Meeting is the id of the meeting the deadline belongs to: the meeting
	// held (first meeting, review) or the meeting whose outcome it is.
	// Empty when no meeting was held.
	Meeting string `json:"meeting,omitempty"`
	// Label is a reader's name for the deadline, for example "Outcome of 6
	// October 2026 recorded".
	Label string `json:"label"`
	// Due is the last day on which the deadline is met.
	Due plan.Date `json:"due"`
	// DoneOn is when it was done (on time or late); nil if not yet.
	DoneOn *plan.Date `json:"done_on"`
	// Status is met, missed, due or overdue.
	Status Status `json:"status"`
	// PlannedFor, when the deadline is not yet done, is the date of the
	// meeting planned to meet it (a meeting with status planned); nil when
	// none is planned. A planned meeting never counts as done.
	PlannedFor *plan.Date `json:"planned_for,omitempty"`
	// DaysLeft is set when Status is due: days from today to Due. Calendar
	// days for meetings; working days for outcomes (0 when due today).
	DaysLeft int `json:"days_left,omitempty"`
	// DaysLate is set when Status is missed or overdue: days after Due until
	// it was done, or until today if not done. Calendar days for meetings;
	// working days for outcomes (which may be 0 when only weekends or bank
	// holidays have passed since Due).
	DaysLate int `json:"days_late,omitempty"`
	// Path is the JSON path of the field that meets the deadline, for example
	// "meetings[0].outcome_recorded_on", or "meetings" when no meeting is
	// recorded.
	Path string `json:"path"`
}

// Report is the result of Check.
type Report struct {
	// Today is the date the check was made for.
	Today plan.Date `json:"today"`
	// Deadlines are in reading order: the first meeting, then for each
	// meeting by date its outcome, with the first review before the review
	// meeting's own outcome. Never nil.
	Deadlines []Deadline `json:"deadlines"`
	// Findings are ordered by Practice Direction rule (1 to 10, then 11: plausibility), then by
	// path. Never nil.
	Findings []Finding `json:"findings"`
}

// Count returns how many findings have the severity.
func (r Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any finding is an error.
func (r Report) HasErrors() bool { return r.Count(SeverityError) > 0 }

// Options control a check.
type Options struct {
	// Today is the date to check against; the zero Date means the current
	// date in Europe/London.
	Today plan.Date
	// Calendar gives the working days; nil means EnglandAndWales().
	Calendar *Calendar
}
