package render

import (
	"strings"

	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// reviewBox is what a review meeting found, from its reviews[] record: what
// is working, worries, changes to the plan, the network's answers to the
// three review questions and lifelong connections. Every row is shown, with
// "Not recorded" where the record says nothing.
func (f *form) reviewBox(m plan.Meeting) []layout.Block {
	if m.Type != plan.MeetingReview {
		return nil
	}
	w := f.w
	var r plan.Review
	for _, x := range f.p.Reviews {
		if x.Meeting == m.ID {
			r = x
		}
	}
	list := func(items []string) []layout.Block {
		if len(items) == 0 {
			return nil
		}
		return bullets(items)
	}
	var na plan.NetworkAnswers
	if r.NetworkAnswers != nil {
		na = *r.NetworkAnswers
	}
	rows := []formRow{
		{w.Text("form.review.working"), list(r.WorkingWell)},
		{w.Text("form.review.worries"), list(r.Worries)},
		{w.Text("form.review.changes"), list(r.Changes)},
		{w.Text("form.review.q1"), md(na.WhatWeDoWhenProblems, 9.5)},
		{w.Text("form.review.q2"), md(na.HowItHasBeenManaged, 9.5)},
		{w.Text("form.review.q3"), md(na.HowWeKnowItWorks, 9.5)},
	}
	if r.LifelongConnections != nil && strings.TrimSpace(*r.LifelongConnections) != "" {
		rows = append(rows, formRow{w.Text("form.lifelong"), md(*r.LifelongConnections, 9.5)})
	}
	return f.box(w.Text("form.section.review"), rows)
}

// signOffBox ends every form: completed by the lead worker, the date, and
// the manager's name and role, with lines to sign.
func (f *form) signOffBox(on *plan.Date) []layout.Block {
	w, lw := f.w, f.p.Case.LeadWorker
	date := w.Text("form.row.not_recorded")
	if on != nil && !on.IsZero() {
		date = longDate(w, *on)
	}
	manager := w.Text("form.row.not_recorded")
	if mg := f.p.Case.Manager; mg != nil {
		manager = mg.Name + ", " + plan.Label(string(mg.Role))
	}
	b := f.box(w.Text("form.section.signoff"), []formRow{
		{w.Text("form.signoff.by"), text(joinNonEmpty(", ", lw.Name, lw.Role))},
		{w.Text("form.signoff.date"), text(date)},
		{w.Text("form.signoff.manager"), text(manager)},
	})
	b = append(b, layout.Space(6), signatureLine(lw.Name, w.Text("form.signoff.date.line")), layout.Space(4), signatureLine(strings.SplitN(manager, ",", 2)[0], w.Text("form.signoff.date.line")))
	return []layout.Block{layout.Group(b)} // the sign-off is never split from its signatures
}

// nextReview is the form's "next review due": the review planned after this
// meeting when there is one, otherwise four weeks after the meeting.
func (f *form) nextReview(m plan.Meeting) string {
	var next *plan.Meeting
	for i := range f.p.Meetings {
		x := &f.p.Meetings[i]
		if x.Type == plan.MeetingReview && x.Status != plan.StatusCancelled && x.Date.After(m.Date) && (next == nil || x.Date.Before(next.Date)) {
			next = x
		}
	}
	switch {
	case next != nil && next.Planned():
		return f.w.Text("form.next_review.planned", "date", longDate(f.w, next.Date))
	case next != nil:
		return f.w.Text("form.next_review.held", "date", longDate(f.w, next.Date))
	}
	return f.w.Text("form.next_review.by", "date", longDate(f.w, m.Date.AddDays(28)))
}

// FormDate is the date a meeting outcome form is named and dated by: its
// meeting's (the latest held meeting's when id is ""), or the plan's date
// for the rationale form. The zip and a single download agree.
func FormDate(p *plan.Plan, id string) plan.Date {
	m, ok := p.Meeting(id)
	if id == "" {
		m, ok = p.LatestMeeting()
	}
	if ok {
		return m.Date
	}
	return p.Date()
}
