package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/templates"
)

// OutcomeForm renders the family/network meeting outcome form for the
// meeting with the given id (the latest when ""), or the rationale record
// when no meeting was held. It is for the case record, so it shows every
// contact detail, like the worker's copy.
func OutcomeForm(in *Input, opt Options, meetingID string) ([]byte, error) {
	return OutcomeFormIn(in, opt, meetingID, "")
}

// OutcomeFormIn is OutcomeForm in language lang (a BCP 47 tag): its fixed
// wording and dates in that language where the service has them (English
// and Welsh; a council adds others), and the document tagged in it. "" is
// British English. The form is for the case record, so it follows the
// council's language, not the family's.
func OutcomeFormIn(in *Input, opt Options, meetingID, lang string) ([]byte, error) {
	lang = firstNonEmpty(lang, "en-GB")
	f := &form{in: in, p: in.Plan, w: opt.wording().For(lang)}
	var blocks []layout.Block
	title := ""
	switch m, ok := f.meeting(meetingID); {
	case meetingID != "" && !ok:
		return nil, plan.Problems{{Path: "meeting", Code: plan.CodeReference, Message: fmt.Sprintf("%q is not the id of a meeting in the plan", meetingID)}}
	case ok:
		title = f.w.Text("form.title", "system", string(f.p.Case.RecordSystem))
		f.asOf = m.Date
		f.dateLine = f.w.Text("form.dateline", "date", longDate(f.w, m.Date), "version", itoa(f.p.VersionAt(m.Date)))
		blocks = f.meetingForm(m)
	default:
		title = f.w.Text("form.title.rationale", "system", string(f.p.Case.RecordSystem))
		f.asOf = f.p.Date()
		blocks = f.rationaleForm()
	}
	doc := document{spec: a4, blocks: blocks, title: title, subject: "Family/network meeting outcome, " + f.p.Case.Reference, keywords: f.p.Case.Reference, header: true, dateLine: f.dateLine, language: lang}
	return doc.write(in, opt)
}

type form struct {
	in *Input
	p  *plan.Plan
	w  *templates.Wording
	// asOf is the day the form speaks of: its meeting's date, or the
	// plan's date for the rationale form.
	asOf     plan.Date
	dateLine string
}

func (f *form) meeting(id string) (plan.Meeting, bool) {
	if id != "" {
		return f.p.Meeting(id)
	}
	return f.p.LatestMeeting()
}

func (f *form) title(key, sub string) []layout.Block {
	sys := string(f.p.Case.RecordSystem)
	return []layout.Block{
		layout.Paragraph{Spans: plain(f.w.Text(key, "system", sys), font("B", 18), accent), SpaceAfter: 1.5},
		layout.Paragraph{Spans: plain(f.w.Text(sub, "system", sys), font("", 10), grey), SpaceAfter: 4},
	}
}

// meetingForm is the table of contents of the outcome form.
func (f *form) meetingForm(m plan.Meeting) []layout.Block {
	b := f.title("form.title", "form.subtitle")
	b = append(b, f.caseBox()...)
	b = append(b, f.meetingBox(m)...)
	b = append(b, f.peopleBox(m)...)
	b = append(b, f.discussionBox(m)...)
	b = append(b, f.reviewBox(m)...)
	b = append(b, f.agreedBox(m)...)
	b = append(b, f.decisionsBox(m)...)
	b = append(b, f.sharedBox()...)
	b = append(b, f.complianceBox()...)
	b = append(b, f.signOffBox(m.OutcomeRecordedOn)...)
	return b
}

// sharedBox lists the copies shared through the service, when there are any.
func (f *form) sharedBox() []layout.Block {
	if len(f.in.Shared) == 0 {
		return nil
	}
	var rows []formRow
	for _, l := range sharedLines(f.in.Plan, f.in.Shared) {
		who, what, _ := strings.Cut(l, ": ")
		rows = append(rows, formRow{who, text(what)})
	}
	return f.box(f.w.Text("form.section.shared"), rows)
}

func (f *form) rationaleForm() []layout.Block {
	b := f.title("form.title.rationale", "form.subtitle.rationale")
	b = append(b, f.caseBox()...)
	w := f.w
	rows := []formRow{{w.Text("form.first_due"), text(longDate(w, compliance.FirstMeetingDue(f.p.Case.InvolvementStarted)))}}
	if r := f.p.NoMeetingRationale; r != nil {
		rows = append(rows,
			formRow{w.Text("form.rationale"), md(r.Rationale, 9.5)},
			formRow{w.Text("form.rationale.by"), text(r.RecordedBy.Name + ", " + plan.Label(string(r.RecordedBy.Role)))},
			formRow{w.Text("form.rationale.on"), text(longDate(w, r.RecordedOn))},
			formRow{w.Text("form.rationale.role_ok"), f.tick(r.RecordedBy.Role.CanDecide())})
	} else {
		rows = append(rows, formRow{w.Text("form.rationale"), text(w.Text("form.not_recorded"))})
	}
	b = append(b, f.box(w.Text("form.section.rationale"), rows)...)
	b = append(b, f.complianceBox()...)
	var on *plan.Date
	if r := f.p.NoMeetingRationale; r != nil {
		on = &r.RecordedOn
	}
	b = append(b, f.signOffBox(on)...)
	return b
}

// formRow is a labelled field: the label and its value's blocks.
type formRow struct {
	label string
	value []layout.Block
}

func text(lines ...string) []layout.Block {
	return textCell(lines...).Blocks
}

// box is a titled group of labelled fields.
func (f *form) box(title string, rows []formRow) []layout.Block {
	t := table([]layout.Column{{Weight: 1}, {Weight: 2.6}}, nil)
	t.NoHeader, t.Pad = true, 1.4
	for _, r := range rows {
		if len(r.value) == 0 {
			r.value = text(f.w.Text("form.row.not_recorded"))
		}
		t.Rows = append(t.Rows, []layout.Cell{{Blocks: []layout.Block{layout.Paragraph{Spans: plain(r.label, font("B", 9), ink)}}, Fill: &pale}, {Blocks: r.value}})
	}
	return []layout.Block{layout.Space(3), layout.Paragraph{Spans: plain(title, font("B", 12), accent), SpaceAfter: 1.5, KeepWithNxt: true}, t}
}

func (f *form) caseBox() []layout.Block {
	p, w := f.p, f.w
	var kids []string
	for _, ch := range p.Children {
		care := ""
		if ch.InCare {
			care = ", in care"
		}
		kids = append(kids, ch.Name+" ("+w.Text("form.born", "date", longDate(w, ch.DateOfBirth), "age", itoa(ch.AgeOn(f.asOf)))+care+")")
	}
	lw := p.Case.LeadWorker
	return f.box(w.Text("form.section.case"), []formRow{
		{w.Text("form.system"), text(string(p.Case.RecordSystem))},
		{w.Text("form.reference"), text(p.Case.Reference)},
		{w.Text("form.children"), text(kids...)},
		{w.Text("form.team"), text(joinNonEmpty(" – ", p.Case.TeamName, plan.Label(string(p.Case.Team))))},
		{w.Text("form.framework"), text(plan.Label(string(p.Case.Framework)))},
		{w.Text("form.lead_worker"), text(joinNonEmpty(", ", lw.Name, lw.Role, lw.Phone, lw.Email))},
		{w.Text("form.involvement"), text(longDate(w, p.Case.InvolvementStarted))},
	})
}

func (f *form) meetingBox(m plan.Meeting) []layout.Block {
	w, start := f.w, f.p.Case.InvolvementStarted
	days := start.DaysUntil(m.Date)
	when := longWeekday(w, m.Date)
	if m.StartTime != nil {
		when += ", " + m.StartTime.Clock()
	}
	rows := []formRow{
		{w.Text("form.meeting_date"), text(when)},
		{w.Text("form.meeting_type"), text(plan.Label(string(m.Type)))},
		{w.Text("form.venue"), text(m.Venue)},
	}
	if m.DurationMinutes > 0 {
		rows = append(rows, formRow{w.Text("form.duration"), text(fmt.Sprintf("%d minutes", m.DurationMinutes))})
	}
	rows = append(rows, formRow{w.Text("form.weeks"), text(w.Text("form.weeks.value", "weeks", itoa(compliance.WeeksCompleted(start, m.Date)), "days", itoa(days), "week", itoa(compliance.Week(start, m.Date))))})
	if m.Type == plan.MeetingInitial {
		rows = append(rows, formRow{w.Text("form.within12"), f.tick(days <= compliance.FirstMeetingDays)})
	}
	return f.box(w.Text("form.section.meeting"), rows)
}

func (f *form) names(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if i, ok := f.p.Lookup(id); ok {
			out = append(out, i.Display()+", "+i.Relationship)
		}
	}
	return out
}

func (f *form) peopleBox(m plan.Meeting) []layout.Block {
	w := f.w
	interp := w.Text("form.interpreter.none")
	if m.Interpreter != nil && *m.Interpreter != "" {
		interp = *m.Interpreter
	}
	return f.box(w.Text("form.section.people"), []formRow{
		{w.Text("form.attendees"), text(f.names(m.Attendees)...)},
		{w.Text("form.chosen"), f.tick(m.AttendeesChosenByFamily)},
		{w.Text("form.apologies"), text(f.names(m.Apologies)...)},
		{w.Text("form.interpreter"), text(interp)},
	})
}

func (f *form) discussionBox(m plan.Meeting) []layout.Block {
	w, a := f.w, f.p.Assessment
	var worries, goals []layout.Block
	for _, x := range a.Worries {
		worries = append(worries, md(x.Statement, 9.5)...)
		if x.Dispute != "" || len(x.DisputedBy) > 0 {
			who := plan.JoinAnd(fullNames(f.p, x.DisputedBy))
			label := w.Text("form.disputed")
			if who != "" {
				label = w.Text("form.disputed.by", "names", who)
			}
			worries = append(worries, layout.Paragraph{Spans: plain(label+" "+x.Dispute, font("I", 9.5), warn), SpaceAfter: 1.5})
		}
	}
	for _, x := range a.Goals {
		goals = append(goals, md(x.Statement, 9.5)...)
	}
	rows := []formRow{
		{w.Text("form.summary"), md(m.Summary, 9.5)},
		{w.Text("form.worries"), worries},
		{w.Text("form.goals"), goals},
	}
	if views := f.views(); len(views) > 0 {
		rows = append(rows, formRow{w.Text("form.views"), views})
	}
	rows = append(rows, formRow{w.Text("form.scale"), f.scaleAt(m.Date)})
	return f.box(w.Text("form.section.discussion"), rows)
}

// views are the children's own words (the Three Houses), for the record.
func (f *form) views() []layout.Block {
	var b []layout.Block
	for _, ch := range f.p.Children {
		v := ch.Views
		if v == nil {
			continue
		}
		for _, h := range [][2]string{{"form.views.worries", v.Worries}, {"form.views.good", v.GoodThings}, {"form.views.wishes", v.Wishes}} {
			if h[1] != "" {
				b = append(b, layout.Paragraph{Spans: append(plain(f.w.Text(h[0], "name", ch.Name)+" ", font("B", 9), ink), plain(h[1], font("", 9.5), ink)...), SpaceAfter: 1})
			}
		}
	}
	return b
}

// fullNames are people's names as the case record knows them.
func fullNames(p *plan.Plan, ids []string) []string {
	var out []string
	for _, id := range ids {
		if i, ok := p.Lookup(id); ok {
			out = append(out, i.Name)
		}
	}
	return out
}

func (f *form) scaleAt(d plan.Date) []layout.Block {
	var lines []string
	if s := f.p.Assessment.SafetyScale; s != nil {
		for _, r := range s.Ratings {
			if r.Date == d {
				name := r.By
				if i, ok := f.p.Lookup(r.By); ok {
					name = i.Short()
				}
				lines = append(lines, fmt.Sprintf("%s: %d / 10", name, r.Score))
			}
		}
	}
	if len(lines) == 0 {
		return text(f.w.Text("form.scale.none"))
	}
	return text(lines...)
}

// agreedBox lists the rules agreed by this meeting (at it or before it),
// marking those agreed at it; rules agreed at later meetings are left out.
func (f *form) agreedBox(m plan.Meeting) []layout.Block {
	w := f.w
	var rules, cons []layout.Block
	for _, r := range f.p.Arrangements.Rules {
		at, ok := f.p.Meeting(f.p.AgreedAt(r))
		if ok && at.Date.After(m.Date) {
			continue
		}
		head := r.When + " – " + strings.Join(adultNames(f.p, r.Who), ", ") + backupNote(f.p, r.Backup)
		if ok && at.ID == m.ID && m.Type == plan.MeetingReview {
			head += " " + w.Text("form.rules.new")
		}
		rules = append(rules, layout.Paragraph{Spans: plain(head, font("B", 9.5), ink), SpaceAfter: 0.5})
		rules = append(rules, md(r.Then, 9.5)...)
	}
	for _, c := range f.p.Arrangements.Contingencies {
		cons = append(cons, layout.Paragraph{Spans: plain(c.WhatIf+":", font("B", 9.5), ink), SpaceAfter: 0.5})
		cons = append(cons, md(c.Then, 9.5)...)
	}
	return f.box(w.Text("form.section.agreed"), []formRow{{w.Text("form.rules"), rules}, {w.Text("form.contingencies"), cons}})
}

func shortNames(p *plan.Plan, ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if i, ok := p.Lookup(id); ok {
			out = append(out, i.Short())
		}
	}
	return out
}

// adultNames names people as the case record does: "Leanne Hughes (Mum)".
func adultNames(p *plan.Plan, ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if i, ok := p.Lookup(id); ok {
			out = append(out, adultName(i))
		}
	}
	return out
}

func backupNote(p *plan.Plan, ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return "; backup: " + strings.Join(adultNames(p, ids), ", ")
}

func (f *form) decisionsBox(m plan.Meeting) []layout.Block {
	w := f.w
	further, by := text(w.Text("form.further.none")), text(w.Text("form.further.none"))
	if fm := m.FurtherMeetings; fm != nil {
		further = md(fm.Decision, 9.5)
		if fm.DecidedBy != nil {
			by = text(fm.DecidedBy.Name + ", " + plan.Label(string(fm.DecidedBy.Role)))
		}
	}
	rows := []formRow{{w.Text("form.further"), further}, {w.Text("form.further.by"), by}}
	if slices.ContainsFunc(f.p.Children, func(c plan.Child) bool { return c.InCare }) {
		lc := text(w.Text("form.not_recorded"))
		if m.LifelongConnections != nil && *m.LifelongConnections != "" {
			lc = md(*m.LifelongConnections, 9.5)
		}
		rows = append(rows, formRow{w.Text("form.lifelong"), lc})
	}
	for _, d := range f.in.Report.Deadlines {
		if d.Kind == compliance.KindOutcome && d.Meeting == m.ID {
			rows = append(rows, formRow{w.Text("form.outcome_due"), []layout.Block{layout.Paragraph{Spans: plain(longWeekday(w, d.Due), font("B", 11), accent)}}})
			rec := w.Text("form.not_recorded")
			if d.DoneOn != nil {
				rec = longDate(w, *d.DoneOn)
			}
			rows = append(rows, formRow{w.Text("form.outcome_recorded"), text(rec)},
				formRow{w.Text("form.outcome_met"), f.tickStatus(d.Status)})
		}
	}
	for _, d := range f.in.Report.Deadlines {
		if d.Kind == compliance.KindReview {
			done := ""
			if d.DoneOn != nil {
				done = " (held " + longDate(w, *d.DoneOn) + ")"
			}
			rows = append(rows, formRow{w.Text("form.review_due"), text(longDate(w, d.Due) + done)})
		}
	}
	rows = append(rows, formRow{w.Text("form.next_review"), text(f.nextReview(m))})
	return f.box(w.Text("form.section.decisions"), rows)
}

func (f *form) tickStatus(s compliance.Status) []layout.Block {
	switch s {
	case compliance.StatusMet:
		return f.tick(true)
	case compliance.StatusDue:
		return text(f.w.Text("form.not_recorded"))
	}
	return f.tick(false)
}

// tick draws two boxes, Yes and No, with the answer ticked.
func (f *form) tick(yes bool) []layout.Block {
	yesT, noT := f.w.Text("form.yes"), f.w.Text("form.no")
	return []layout.Block{layout.Func(func(m layout.Measurer, width float64) []layout.Strip {
		fn := font("", 9.5)
		var items []layout.Item
		x := 0.0
		for _, opt := range []struct {
			label string
			on    bool
		}{{yesT, yes}, {noT, !yes}} {
			items = append(items, layout.Rect{X: x, Y: 0.6, W: 3.6, H: 3.6, Stroke: &ink, LineWidth: 0.3})
			if opt.on {
				items = append(items, layout.Line{X1: x + 0.7, Y1: 2.5, X2: x + 1.6, Y2: 3.6, Color: ink, Width: 0.5},
					layout.Line{X1: x + 1.6, Y1: 3.6, X2: x + 3.1, Y2: 1.1, Color: ink, Width: 0.5})
			}
			items = append(items, layout.Text{X: x + 5, Y: 0, W: m.Width(fn, opt.label), Font: fn, Color: ink, Text: opt.label})
			x += 5 + m.Width(fn, opt.label) + 8
		}
		return []layout.Strip{{H: 5, Items: items}}
	})}
}

// complianceBox lists every deadline and finding, a row each, so that the
// box can continue on the next page between rows.
func (f *form) complianceBox() []layout.Block {
	w, rep := f.w, f.in.Report
	rows := [][]layout.Cell{{{Blocks: []layout.Block{small(w.Text("form.compliance.intro", "date", longDate(w, rep.Today)))}, Fill: &pale}}}
	for _, d := range rep.Deadlines {
		rows = append(rows, []layout.Cell{{Blocks: []layout.Block{layout.Paragraph{Spans: append(plain(strings.ToUpper(string(d.Status))+"  ", font("B", 9), statusColor(d.Status)), plain(d.Label+": due "+d.Due.Long()+doneText(d), font("", 9), ink)...)}}}})
	}
	if len(rep.Findings) == 0 {
		rows = append(rows, []layout.Cell{{Blocks: []layout.Block{layout.Paragraph{Spans: plain(w.Text("form.compliance.none"), font("", 9.5), ink)}}}})
	}
	for _, fd := range rep.Findings {
		rows = append(rows, []layout.Cell{{Blocks: []layout.Block{layout.Paragraph{Spans: append(plain(strings.ToUpper(string(fd.Severity))+"  ", font("B", 9), severityColor(fd.Severity)), plain(fd.Message, font("", 9), ink)...)}}}})
	}
	t := table([]layout.Column{{Weight: 1}}, rows)
	t.NoHeader, t.Pad = true, 1.5
	return []layout.Block{layout.Space(3), layout.Paragraph{Spans: plain(w.Text("form.section.compliance"), font("B", 12), accent), SpaceAfter: 1.5, KeepWithNxt: true}, t}
}

func doneText(d compliance.Deadline) string {
	if d.DoneOn != nil {
		return ", done " + d.DoneOn.Long()
	}
	if d.Status == compliance.StatusDue {
		return fmt.Sprintf(", %d days left", d.DaysLeft)
	}
	return ", not done"
}

func statusColor(s compliance.Status) layout.Color {
	if s == compliance.StatusMet {
		return layout.Color{R: 0x2e, G: 0x6b, B: 0x30}
	}
	if s == compliance.StatusDue {
		return accent
	}
	return warn
}

func severityColor(s compliance.Severity) layout.Color {
	switch s {
	case compliance.SeverityError, compliance.SeverityWarning:
		return warn
	}
	return accent
}
