package compliance

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// Check checks the plan against the Practice Direction on the day
// opt.Today and returns its deadlines and findings. It never fails: parts of
// the plan that cannot be checked (a missing involvement date, a meeting
// without a date) are skipped, since reporting them is the validator's job.
// A nil plan gives an empty report.
//
// The rules, in the order findings are reported:
//
//  1. First meeting within 84 days of case.involvement_started (codes
//     first_meeting.missed, first_meeting.due, meetings.no_initial).
//  2. No meeting within 12 weeks: a rationale recorded by a team manager,
//     practice lead or consultant social worker (rationale.missing and
//     rationale.wrong_role are errors; a valid rationale is named in the
//     first_meeting.missed warning).
//  3. Each meeting's outcome recorded within five working days (outcome.missed,
//     outcome.overdue, outcome.due, outcome.before_meeting,
//     outcome.computed_holidays).
//  4. First review within 28 days of the initial meeting (review.missed,
//     review.overdue, review.due).
//  5. Decision on further meetings and who made it (further_meetings.*).
//  6. Children in care: lifelong connections at each meeting
//     (lifelong_connections.missing for reviews,
//     lifelong_connections.not_recorded for other meetings).
//  7. Record system EHM for FIF teams, LCS otherwise (record_system.mismatch).
//  8. Attendees chosen by the family (attendees.not_chosen_by_family).
//  9. Pathway decision team: family meeting considered
//     (family_meeting_consideration.missing).
//  10. Words and Pictures explanation shared before the picture safety plan
//     (words_pictures.order, words_pictures.plan_not_shared).
//  11. Plausibility: a planned meeting whose date has passed
//     (meetings.planned_passed), a meeting more than a year from today
//     (meetings.far_from_today), a child aged 18 or over (children.adult).
//
// Only held meetings count (status held, or none given): planned meetings
// appear as the PlannedFor date of the deadline they would meet, and
// cancelled ones are never counted.
func Check(p *plan.Plan, opt Options) Report {
	today := opt.Today
	if today.IsZero() {
		today = plan.DateOf(time.Now())
	}
	cal := opt.Calendar
	if cal == nil {
		cal = EnglandAndWales()
	}
	rep := Report{Today: today, Deadlines: []Deadline{}, Findings: []Finding{}}
	if p == nil {
		return rep
	}
	c := &checker{p: p, cal: cal, today: today, initial: -1, review: -1}
	c.orderMeetings()
	c.firstMeeting()     // rules 1 and 2
	c.meetingDeadlines() // rules 3 and 4
	c.furtherMeetings()  // rule 5
	c.lifelongConnections()
	c.recordSystem()
	c.attendees()
	c.pathwayDecision()
	c.wordsAndPictures()
	c.plausibility()

	sort.SliceStable(c.findings, func(i, j int) bool {
		a, b := c.findings[i], c.findings[j]
		if a.rule != b.rule {
			return a.rule < b.rule
		}
		return pathLess(a.f.Path, b.f.Path)
	})
	rep.Deadlines = append(rep.Deadlines, c.deadlines...)
	for _, f := range c.findings {
		rep.Findings = append(rep.Findings, f.f)
	}
	return rep
}

type ruled struct {
	rule int
	f    Finding
}

type checker struct {
	p         *plan.Plan
	cal       *Calendar
	today     plan.Date
	order     []int // indices of dated meetings, by date then position
	initial   int   // index of the initial meeting, or -1
	review    int   // index of the first review meeting, or -1
	deadlines []Deadline
	findings  []ruled
}

func (c *checker) add(rule int, sev Severity, code, path, format string, args ...any) {
	c.findings = append(c.findings, ruled{rule, Finding{
		Severity: sev, Code: code, Path: path, Message: fmt.Sprintf(format, args...),
	}})
}

// orderMeetings sorts the dated meetings and picks the initial meeting (the
// earliest of type initial) and the first review (the earliest review on or
// after it).
func (c *checker) orderMeetings() {
	ms := c.p.Meetings
	for i, m := range ms {
		if !m.Date.IsZero() && m.Held() {
			c.order = append(c.order, i)
		}
	}
	sort.SliceStable(c.order, func(a, b int) bool {
		return ms[c.order[a]].Date.Before(ms[c.order[b]].Date)
	})
	for _, i := range c.order {
		if ms[i].Type == plan.MeetingInitial {
			c.initial = i
			break
		}
	}
	if c.initial < 0 && len(c.order) > 0 {
		c.initial = c.order[0]
		m := ms[c.initial]
		c.add(1, SeverityWarning, "meetings.no_initial", "meetings",
			"No meeting is recorded as the initial family/network meeting, so the earliest meeting (%s, recorded as a %s) is taken as the first one.",
			m.Date.Long(), strings.ToLower(plan.Label(string(m.Type))))
	}
	if c.initial < 0 {
		return
	}
	first := ms[c.initial].Date
	for _, i := range c.order {
		if i != c.initial && ms[i].Type == plan.MeetingReview && !ms[i].Date.Before(first) {
			c.review = i
			break
		}
	}
}

// firstMeeting applies rules 1 and 2.
func (c *checker) firstMeeting() {
	start := c.p.Case.InvolvementStarted
	if start.IsZero() {
		return
	}
	due := FirstMeetingDue(start)
	dl := Deadline{Kind: KindFirstMeeting, Label: "First family/network meeting", Due: due}
	missed := false
	var msg string
	if c.initial >= 0 {
		m := c.p.Meetings[c.initial]
		held := m.Date
		dl.Meeting, dl.DoneOn = m.ID, &held
		dl.Path = fmt.Sprintf("meetings[%d].date", c.initial)
		if held.After(due) {
			missed = true
			dl.Status, dl.DaysLate = StatusMissed, due.DaysUntil(held)
			msg = fmt.Sprintf("The first family/network meeting was held on %s, %s (week %d) after involvement started on %s: %s after the 12-week deadline of %s.",
				held.Long(), days(start.DaysUntil(held)), Week(start, held), start.Long(), days(dl.DaysLate), due.Long())
		} else {
			dl.Status = StatusMet
		}
	} else {
		dl.Path = "meetings"
		c.planned(&dl, "", plan.MeetingInitial)
		if c.today.After(due) {
			missed = true
			dl.Status, dl.DaysLate = StatusMissed, due.DaysUntil(c.today)
			msg = fmt.Sprintf("No family/network meeting has been held. The first was due by %s, 12 weeks after involvement started on %s, and is %s late (today, %s, is in week %d of involvement).",
				due.Long(), start.Long(), days(dl.DaysLate), c.today.Long(), Week(start, c.today))
		} else {
			dl.Status, dl.DaysLeft = StatusDue, c.today.DaysUntil(due)
			c.add(1, SeverityInfo, "first_meeting.due", dl.Path,
				"No family/network meeting has been held yet. The first is due by %s, 12 weeks after involvement started on %s: %s left (today is in week %d of involvement).%s",
				due.Long(), start.Long(), days(dl.DaysLeft), Week(start, c.today), plannedNote(dl))
		}
	}
	c.deadlines = append(c.deadlines, dl)
	if !missed {
		return
	}

	// Rule 2: no meeting within 12 weeks needs a rationale from a manager.
	r := c.p.NoMeetingRationale
	switch {
	case r == nil:
		c.add(2, SeverityError, "rationale.missing", "no_meeting_rationale",
			"No family/network meeting was held within 12 weeks of involvement starting, and no rationale is recorded. Practice Direction item 4: a Team Manager, Practice Lead or Consultant Social Worker must record the rationale in a case direction.")
	case !r.RecordedBy.Role.CanDecide():
		c.add(2, SeverityError, "rationale.wrong_role", "no_meeting_rationale.recorded_by.role",
			"The rationale for not holding a family/network meeting within 12 weeks was recorded by %s. Practice Direction item 4: it must be recorded by a Team Manager, Practice Lead or Consultant Social Worker.",
			who(r.RecordedBy))
	default:
		msg += fmt.Sprintf(" A rationale was recorded by %s", who(r.RecordedBy))
		if !r.RecordedOn.IsZero() {
			msg += " on " + r.RecordedOn.Long()
		}
		msg += ", as Practice Direction item 4 requires."
	}
	c.add(1, SeverityWarning, "first_meeting.missed", dl.Path, "%s", msg)
}

// meetingDeadlines applies rules 3 and 4, in reading order: each meeting's
// outcome by date, the first review just before the review meeting's own
// outcome (or last, when no review has been held).
func (c *checker) meetingDeadlines() {
	for _, i := range c.order {
		if i == c.review {
			c.reviewDeadline()
		}
		c.outcomeDeadline(i)
	}
	if c.initial >= 0 && c.review < 0 {
		c.reviewDeadline()
	}
}

func (c *checker) outcomeDeadline(i int) {
	m := c.p.Meetings[i]
	due, _ := c.cal.AddWorkingDays(m.Date, OutcomeWorkingDays)
	path := fmt.Sprintf("meetings[%d].outcome_recorded_on", i)
	dl := Deadline{Kind: KindOutcome, Meeting: m.ID, Label: "Outcome of " + m.Date.Long() + " recorded", Due: due, Path: path}
	span := []plan.Date{m.Date, due}
	sys := c.recordSystemName()
	if m.OutcomeRecordedOn != nil && !m.OutcomeRecordedOn.IsZero() {
		rec := *m.OutcomeRecordedOn
		dl.DoneOn = &rec
		if rec.Before(m.Date) {
			c.add(3, SeverityWarning, "outcome.before_meeting", path,
				"The outcome of the meeting on %s is recorded as uploaded on %s, before the meeting took place: check the date.",
				m.Date.Long(), rec.Long())
		}
		if rec.After(due) {
			late, _ := c.cal.WorkingDaysBetween(due, rec)
			span = append(span, rec)
			dl.Status, dl.DaysLate = StatusMissed, late
			c.add(3, SeverityWarning, "outcome.missed", path,
				"The outcome of the meeting on %s was recorded on %s, %s late: it was due on %s by %s, five working days after the meeting.",
				m.Date.Long(), rec.Long(), workingDays(late), sys, due.Long())
		} else {
			dl.Status = StatusMet
		}
	} else if c.today.After(due) {
		late, _ := c.cal.WorkingDaysBetween(due, c.today)
		span = append(span, c.today)
		dl.Status, dl.DaysLate = StatusOverdue, late
		c.add(3, SeverityWarning, "outcome.overdue", path,
			"The outcome of the meeting on %s has not been recorded. It was due on %s by %s, five working days after the meeting, and is %s overdue.",
			m.Date.Long(), sys, due.Long(), workingDays(late))
	} else {
		left, _ := c.cal.WorkingDaysBetween(c.today, due)
		span = append(span, c.today)
		dl.Status, dl.DaysLeft = StatusDue, left
		c.add(3, SeverityInfo, "outcome.due", path,
			"The outcome of the meeting on %s is to be recorded on %s by %s, five working days after the meeting: %s left.",
			m.Date.Long(), sys, due.Long(), workingDays(left))
	}
	c.deadlines = append(c.deadlines, dl)

	if years := c.computedYears(span); len(years) > 0 {
		from, to := c.cal.TableYears()
		c.add(3, SeverityWarning, "outcome.computed_holidays", path,
			"The bank holidays for %s used for the outcome of the meeting on %s were computed from the regular rules, not taken from the published GOV.UK table (which covers %d to %d): check the due date of %s against the published list.",
			plan.JoinAnd(years), m.Date.Long(), from, to, due.Long())
	}
}

// computedYears lists the years between the earliest and latest of the dates
// whose holidays the calendar computes rather than tables.
func (c *checker) computedYears(dates []plan.Date) []string {
	lo, hi := dates[0].Year(), dates[0].Year()
	for _, d := range dates[1:] {
		lo, hi = min(lo, d.Year()), max(hi, d.Year())
	}
	var out []string
	for y := lo; y <= hi; y++ {
		if !c.cal.Covers(y) {
			out = append(out, fmt.Sprint(y))
		}
	}
	return out
}

func (c *checker) reviewDeadline() {
	first := c.p.Meetings[c.initial].Date
	due := ReviewDue(first)
	dl := Deadline{Kind: KindReview, Label: "First review meeting", Due: due}
	if c.review >= 0 {
		m := c.p.Meetings[c.review]
		held := m.Date
		dl.Meeting, dl.DoneOn = m.ID, &held
		dl.Path = fmt.Sprintf("meetings[%d].date", c.review)
		if held.After(due) {
			dl.Status, dl.DaysLate = StatusMissed, due.DaysUntil(held)
			c.add(4, SeverityWarning, "review.missed", dl.Path,
				"The first review meeting was held on %s, %s after the initial meeting on %s: %s after the 4-week deadline of %s.",
				held.Long(), days(first.DaysUntil(held)), first.Long(), days(dl.DaysLate), due.Long())
		} else {
			dl.Status = StatusMet
		}
	} else {
		dl.Path = "meetings"
		c.planned(&dl, plan.MeetingReview, plan.MeetingReview)
		if c.today.After(due) {
			dl.Status, dl.DaysLate = StatusOverdue, due.DaysUntil(c.today)
			c.add(4, SeverityWarning, "review.overdue", dl.Path,
				"No review meeting has been held. The first review was due by %s, 4 weeks after the initial meeting on %s, and is %s overdue.%s",
				due.Long(), first.Long(), days(dl.DaysLate), plannedNote(dl))
		} else {
			dl.Status, dl.DaysLeft = StatusDue, c.today.DaysUntil(due)
			c.add(4, SeverityInfo, "review.due", dl.Path,
				"The first review meeting is due by %s, 4 weeks after the initial meeting on %s: %s left.%s",
				due.Long(), first.Long(), days(dl.DaysLeft), plannedNote(dl))
		}
	}
	c.deadlines = append(c.deadlines, dl)
}

// furtherMeetings applies rule 5.
func (c *checker) furtherMeetings() {
	for i, m := range c.p.Meetings {
		if !m.Held() {
			continue
		}
		base := fmt.Sprintf("meetings[%d].further_meetings", i)
		fm := m.FurtherMeetings
		switch {
		case fm == nil:
			c.add(5, SeverityInfo, "further_meetings.not_recorded", base,
				"No decision on further meetings is recorded for the meeting on %s. Practice Direction item 2: further meetings are at the discretion of the practice lead, manager or consultant social worker; record the decision and who made it.",
				m.Date.Long())
		case fm.DecidedBy == nil:
			c.add(5, SeverityWarning, "further_meetings.no_decider", base+".decided_by",
				"The decision on further meetings after the meeting on %s does not say who made it. Practice Direction item 2: it is made by a Team Manager, Practice Lead or Consultant Social Worker.",
				m.Date.Long())
		case !fm.DecidedBy.Role.CanDecide():
			c.add(5, SeverityWarning, "further_meetings.wrong_role", base+".decided_by.role",
				"The decision on further meetings after the meeting on %s was made by %s. Practice Direction item 2: it is at the discretion of a Team Manager, Practice Lead or Consultant Social Worker.",
				m.Date.Long(), who(*fm.DecidedBy))
		}
	}
}

// lifelongConnections applies rule 6: for children in care, lifelong
// connections are considered at each review (and noted at other meetings).
// A note in the meeting or in its review record counts.
func (c *checker) lifelongConnections() {
	var inCare []string
	for _, ch := range c.p.Children {
		if ch.InCare {
			inCare = append(inCare, childName(ch))
		}
	}
	if len(inCare) == 0 {
		return
	}
	reviewed := map[string]bool{}
	for _, r := range c.p.Reviews {
		if r.LifelongConnections != nil && strings.TrimSpace(*r.LifelongConnections) != "" {
			reviewed[r.Meeting] = true
		}
	}
	children, verb := plan.JoinAnd(inCare), "is"
	if len(inCare) > 1 {
		verb = "are"
	}
	for i, m := range c.p.Meetings {
		if !m.Held() {
			continue
		}
		if m.LifelongConnections != nil && strings.TrimSpace(*m.LifelongConnections) != "" || reviewed[m.ID] {
			continue
		}
		path := fmt.Sprintf("meetings[%d].lifelong_connections", i)
		if m.Type == plan.MeetingReview {
			c.add(6, SeverityWarning, "lifelong_connections.missing", path,
				"%s %s in care, and lifelong connections are not recorded for the review meeting on %s. Practice Direction item 2: for children in care, lifelong connections and family networks are considered in each review.",
				children, verb, m.Date.Long())
		} else {
			c.add(6, SeverityInfo, "lifelong_connections.not_recorded", path,
				"%s %s in care, and lifelong connections are not recorded for the meeting on %s. They must be considered at each review.",
				children, verb, m.Date.Long())
		}
	}
}

// recordSystem applies rule 7.
func (c *checker) recordSystem() {
	cs := c.p.Case
	if cs.Team == "" || cs.RecordSystem == "" {
		return
	}
	want := plan.RecordSystem("LCS")
	if cs.Team == plan.TeamFIF {
		want = "EHM"
	}
	if cs.RecordSystem != want {
		c.add(7, SeverityWarning, "record_system.mismatch", "case.record_system",
			"The team is %s, whose family/network meeting forms go to %s, but the record system is %s.",
			plan.Label(string(cs.Team)), want, cs.RecordSystem)
	}
}

// attendees applies rule 8.
func (c *checker) attendees() {
	for i, m := range c.p.Meetings {
		if m.Held() && !m.AttendeesChosenByFamily {
			c.add(8, SeverityWarning, "attendees.not_chosen_by_family", fmt.Sprintf("meetings[%d].attendees_chosen_by_family", i),
				"The attendees of the meeting on %s were not chosen by the child or family. Practice Direction item 1: the child/family should take the lead in identifying who they wish to be present.",
				m.Date.Long())
		}
	}
}

// pathwayDecision applies rule 9.
func (c *checker) pathwayDecision() {
	cs := c.p.Case
	if cs.Team == plan.TeamPathwayDecision && (cs.FamilyMeetingConsideredOn == nil || cs.FamilyMeetingConsideredOn.IsZero()) {
		c.add(9, SeverityWarning, "family_meeting_consideration.missing", "case.family_meeting_considered_on",
			"The Pathway Decision Team should consider a family meeting at the start of the assessment, and no date is recorded for when it was considered.")
	}
}

// wordsAndPictures applies rule 10.
func (c *checker) wordsAndPictures() {
	wp := c.p.WordsAndPictures
	if wp == nil {
		return
	}
	var expl, safety *plan.Date
	if wp.Explanation != nil && wp.Explanation.SharedWithChildrenOn != nil && !wp.Explanation.SharedWithChildrenOn.IsZero() {
		expl = wp.Explanation.SharedWithChildrenOn
	}
	if wp.SafetyPlan != nil && wp.SafetyPlan.SharedWithChildrenOn != nil && !wp.SafetyPlan.SharedWithChildrenOn.IsZero() {
		safety = wp.SafetyPlan.SharedWithChildrenOn
	}
	const sharedPath = "words_and_pictures.safety_plan.shared_with_children_on"
	switch {
	case safety != nil && expl == nil:
		c.add(10, SeverityWarning, "words_pictures.order", sharedPath,
			"The picture safety plan was shared with the children on %s, but the Words and Pictures explanation has not been shared. The explanation comes first: it is the child's story of why we are involved.",
			safety.Long())
	case safety != nil && safety.Before(*expl):
		c.add(10, SeverityWarning, "words_pictures.order", sharedPath,
			"The picture safety plan was shared with the children on %s, before the Words and Pictures explanation (%s). The explanation comes first.",
			safety.Long(), expl.Long())
	case safety == nil && expl != nil:
		path := sharedPath
		if wp.SafetyPlan == nil {
			path = "words_and_pictures.safety_plan"
		}
		c.add(10, SeverityInfo, "words_pictures.plan_not_shared", path,
			"Explanation shared, picture safety plan not yet shared: the Words and Pictures explanation was shared with the children on %s.",
			expl.Long())
	}
}

func (c *checker) recordSystemName() string {
	if c.p.Case.RecordSystem == "" {
		return "the case record"
	}
	return string(c.p.Case.RecordSystem)
}

// who names a manager: "Aleksandra Wiśniewska (Team Manager)".
func who(m plan.Manager) string {
	role := plan.Label(string(m.Role))
	if m.Role == "" {
		role = "no role given"
	}
	if strings.TrimSpace(m.Name) == "" {
		return "someone (" + role + ")"
	}
	return m.Name + " (" + role + ")"
}

func childName(ch plan.Child) string {
	if ch.KnownAs != "" {
		return ch.KnownAs
	}
	return ch.Name
}

func days(n int) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d day", n)
	}
	return fmt.Sprintf("%d days", n)
}

func workingDays(n int) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d working day", n)
	}
	return fmt.Sprintf("%d working days", n)
}

// pathLess orders JSON paths with array indices compared as numbers, so
// meetings[2] comes before meetings[10].
func pathLess(a, b string) bool {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			na, ra := leadingNumber(a)
			nb, rb := leadingNumber(b)
			if na != nb {
				return na < nb
			}
			a, b = ra, rb
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func leadingNumber(s string) (int, string) {
	n, i := 0, 0
	for i < len(s) && isDigit(s[i]) {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, s[i:]
}
