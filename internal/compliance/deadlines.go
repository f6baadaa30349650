package compliance

import "github.com/familynetwork/safetyplan/internal/plan"

// The Practice Direction's time limits.
const (
	// FirstMeetingDays is the 12 weeks within which the first family/network
	// meeting is held, counted in calendar days from involvement starting:
	// a meeting on day 84 meets it, on day 85 misses it.
	FirstMeetingDays = 84
	// ReviewDays is the 4 weeks within which the first review meeting is
	// held, counted in calendar days from the initial meeting.
	ReviewDays = 28
	// OutcomeWorkingDays is the five working days within which a meeting's
	// outcome is recorded, counted from the day after the meeting.
	OutcomeWorkingDays = 5
)

// FirstMeetingDue returns the last day for the first family/network meeting:
// 84 days after involvement started.
func FirstMeetingDue(involvementStarted plan.Date) plan.Date {
	return involvementStarted.AddDays(FirstMeetingDays)
}

// ReviewDue returns the last day for the first review meeting: 28 days after
// the initial meeting.
func ReviewDue(initialMeeting plan.Date) plan.Date {
	return initialMeeting.AddDays(ReviewDays)
}

// OutcomeDue returns the last day for recording a meeting's outcome: five
// working days after the meeting. A nil cal means EnglandAndWales().
func OutcomeDue(cal *Calendar, meeting plan.Date) plan.Date {
	if cal == nil {
		cal = EnglandAndWales()
	}
	d, _ := cal.AddWorkingDays(meeting, OutcomeWorkingDays)
	return d
}

// WeeksCompleted returns the number of whole weeks from start to d,
// floor(days/7): 50 days after involvement started is 7 weeks completed, 84
// days is 12. Days before start give negative weeks.
func WeeksCompleted(start, d plan.Date) int {
	days := start.DaysUntil(d)
	if days < 0 {
		return -((-days + 6) / 7)
	}
	return days / 7
}

// Week returns the ordinal week of involvement that d falls in: the day
// involvement started and the six after it are week 1, day 50 is in week
// 8, day 84 (the last day of the 12-week limit) in week 13, day 104 in
// week 15. A day before start gives 0 or less.
func Week(start, d plan.Date) int {
	return WeeksCompleted(start, d) + 1
}
