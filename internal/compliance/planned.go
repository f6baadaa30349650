package compliance

import (
	"fmt"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// planned sets dl.PlannedFor to the earliest planned meeting that would meet
// it: of type want, or of any type when want is "" (the first meeting may be
// planned as either). A planned meeting of type prefer wins over others.
func (c *checker) planned(dl *Deadline, want, prefer plan.MeetingType) {
	var best *plan.Meeting
	for i := range c.p.Meetings {
		m := &c.p.Meetings[i]
		if !m.Planned() || m.Date.IsZero() || (want != "" && m.Type != want) {
			continue
		}
		if best == nil || (m.Type == prefer && best.Type != prefer) || (m.Type == best.Type && m.Date.Before(best.Date)) {
			best = m
		}
	}
	if best != nil {
		d := best.Date
		dl.PlannedFor = &d
	}
}

// plannedNote is the sentence a deadline's finding ends with when a meeting
// is planned for it.
func plannedNote(dl Deadline) string {
	if dl.PlannedFor == nil {
		return ""
	}
	s := " A meeting is planned for " + dl.PlannedFor.Long()
	if dl.PlannedFor.After(dl.Due) {
		s += fmt.Sprintf(", %s after the deadline", days(dl.Due.DaysUntil(*dl.PlannedFor)))
	}
	return s + "."
}

// plausibility applies rule 11: dates a worker should look at again.
func (c *checker) plausibility() {
	for i, m := range c.p.Meetings {
		if m.Date.IsZero() {
			continue
		}
		path := fmt.Sprintf("meetings[%d].date", i)
		if m.Planned() && m.Date.Before(c.today) {
			c.add(11, SeverityWarning, "meetings.planned_passed", path,
				"The %s meeting planned for %s has not been recorded as held. Was it held? Record it (status held, with its attendees and outcome), or mark it cancelled.",
				plan.Label(string(m.Type)), m.Date.Long())
		}
		if n := c.today.DaysUntil(m.Date); n > 366 || n < -366 {
			when := "after"
			if n < 0 {
				when = "before"
			}
			c.add(11, SeverityWarning, "meetings.far_from_today", path,
				"The meeting dated %s is more than a year %s today (%s): check the year.", m.Date.Long(), when, c.today.Long())
		}
	}
	for i, ch := range c.p.Children {
		if ch.DateOfBirth.IsZero() || ch.DateOfBirth.After(c.today) {
			continue
		}
		if age := ch.AgeOn(c.today); age >= 18 {
			c.add(11, SeverityWarning, "children.adult", fmt.Sprintf("children[%d].date_of_birth", i),
				"%s is %d today: check the date of birth. A care leaver may stay in the plan, but the documents speak of children.", childName(ch), age)
		}
	}
}
