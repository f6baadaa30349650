package render

import (
	"slices"

	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/plan"
)

func (c *adult) yourPart() []layout.Block {
	w, id, size := c.w, c.ao.For, c.partSize
	b := []layout.Block{heading(w.Text("adult.yourpart.heading")),
		layout.Paragraph{Spans: plain(w.Text("adult.yourpart.intro", "children", c.childKnownAs()), font("", size+0.5), ink), SpaceAfter: 1.5}}
	var acts, backs [][]layout.Cell
	for _, r := range c.p.Arrangements.Rules {
		switch {
		case slices.Contains(r.Who, id):
			acts = append(acts, []layout.Cell{sizedText(size, r.When), sizedCell(r.Then, size), sizedText(size, c.nameList(r.Backup)...), sizedCell(r.Monitoring, size)})
		case slices.Contains(r.Backup, id):
			backs = append(backs, []layout.Cell{sizedText(size, r.When), sizedCell(r.Then, size), sizedText(size, c.nameList(r.Who)...)})
		}
	}
	// What you do, with your backup and how everyone will know; then,
	// shorter, what you back up and whom (how it is recorded is theirs).
	when, what := layout.Column{Title: w.Text("adult.rules.when"), Weight: 1}, layout.Column{Title: w.Text("adult.rules.what"), Weight: 2.4}
	if len(acts) > 0 {
		cols := []layout.Column{when, what, {Title: w.Text("adult.yourpart.yourbackup"), Weight: 1}, {Title: w.Text("adult.rules.know"), Weight: 1.4}}
		b = append(b, subheading(w.Text("adult.yourpart.rules")), sized(table(cols, acts), size), layout.Space(3))
	}
	if len(backs) > 0 {
		what.Weight = 3.8
		cols := []layout.Column{when, what, {Title: w.Text("adult.yourpart.youbackup"), Weight: 1}}
		b = append(b, subheading(w.Text("adult.yourpart.backup")), sized(table(cols, backs), size), layout.Space(3))
	}
	var cons [][]layout.Cell
	for _, ct := range c.p.Arrangements.Contingencies {
		if slices.Contains(ct.Who, id) {
			cons = append(cons, []layout.Cell{sizedText(size, ct.WhatIf), sizedCell(ct.Then, size)})
		}
	}
	if len(cons) > 0 {
		b = append(b, subheading(w.Text("adult.yourpart.contingencies")),
			sized(table([]layout.Column{{Title: w.Text("adult.contingencies.whatif"), Weight: 1}, {Title: w.Text("adult.contingencies.then"), Weight: 2}}, cons), size), layout.Space(3))
	}
	if len(acts)+len(backs)+len(cons) == 0 {
		b = append(b, para(w.Text("adult.yourpart.none", "worker", c.p.Case.LeadWorker.Name)))
	}
	if flags := c.p.Arrangements.RedFlags; len(flags) > 0 {
		b = append(b, subheading(w.Text("adult.yourpart.redflags")))
		for _, f := range flags {
			b = append(b, layout.Paragraph{Spans: plain(f, font("", size+0.5), ink), Bullet: "•", SpaceAfter: 0.6})
		}
	}
	b = append(b, subheading(w.Text("adult.yourpart.call")))
	for _, i := range c.p.Individuals() {
		if i.ID == id || i.IsChild || (i.Phone == "" && i.Email == "") {
			continue
		}
		b = append(b, layout.Paragraph{Spans: append(plain(i.Display()+" ", font("B", size), ink), plain(joinNonEmpty("  ", i.Phone, i.Email), font("", size), ink)...), Bullet: "•", SpaceAfter: 1})
	}
	b = append(b, c.callAlways(size)...)
	return b
}

func (c *adult) childKnownAs() string {
	var out []string
	for _, ch := range c.p.Children {
		out = append(out, firstNonEmpty(ch.KnownAs, ch.Name))
	}
	return plan.JoinAnd(out)
}

func (c *adult) worries() []layout.Block {
	w := c.w
	b := []layout.Block{heading(w.Text("adult.worries.heading")), small(w.Text("adult.worries.intro"))}
	for i, wr := range c.p.Assessment.Worries {
		b = append(b, subheading(c.w.Text("adult.worries.item", "n", itoa(i+1))))
		b = append(b, md(wr.Statement, bodySize)...)
		b = append(b, c.childWords(wr.ChildWords)...)
		if len(wr.DisputedBy) > 0 || wr.Dispute != "" {
			box := table([]layout.Column{{Weight: 1}}, [][]layout.Cell{{{Blocks: append([]layout.Block{
				layout.Paragraph{Spans: plain(w.Text("adult.worries.disputed", "names", c.names(wr.DisputedBy)), font("B", 9.5), warn), SpaceAfter: 1}},
				md(wr.Dispute, 9.5)...), Fill: &pale}}})
			box.NoHeader = true
			b = append(b, box, layout.Space(3))
		}
	}
	if f := c.p.Assessment.ComplicatingFactors; len(f) > 0 {
		b = append(b, subheading(w.Text("adult.worries.complicating")))
		b = append(b, bullets(f)...)
	}
	return b
}

func (c *adult) goals() []layout.Block {
	b := []layout.Block{heading(c.w.Text("adult.goals.heading"))}
	for i, g := range c.p.Assessment.Goals {
		b = append(b, subheading(c.w.Text("adult.goals.item", "n", itoa(i+1))))
		b = append(b, md(g.Statement, bodySize)...)
		b = append(b, c.childWords(g.ChildWords)...)
	}
	return b
}

// childWords is how the worry or goal is put to the children.
func (c *adult) childWords(s string) []layout.Block {
	if s == "" {
		return nil
	}
	return []layout.Block{layout.Paragraph{Spans: append(plain(c.w.Text("adult.child_words")+" ", font("B", 9.5), grey), plain(s, font("I", 9.5), grey)...), SpaceAfter: 2}}
}

// childrensViews are the children's own words (the Three Houses), in the
// worker's copy only: what a child said is theirs to share, and the worker
// decides with them who hears it.
func (c *adult) childrensViews() []layout.Block {
	if c.ao.Audience != Worker {
		return nil
	}
	var b []layout.Block
	for _, ch := range c.p.Children {
		v := ch.Views
		if v == nil || (v.Worries == "" && v.GoodThings == "" && v.Wishes == "") {
			continue
		}
		if b == nil {
			b = append(b, heading(c.w.Text("adult.views.heading")), small(c.w.Text("adult.views.intro")))
		}
		b = append(b, subheading(ch.Name))
		for _, h := range [][2]string{{"adult.views.worries", v.Worries}, {"adult.views.good", v.GoodThings}, {"adult.views.wishes", v.Wishes}} {
			if h[1] != "" {
				b = append(b, labelled(c.w.Text(h[0]), h[1]))
			}
		}
	}
	return b
}

func (c *adult) bottomLines() []layout.Block {
	bl := c.p.Assessment.BottomLines
	if len(bl) == 0 {
		return nil
	}
	b := []layout.Block{heading(c.w.Text("adult.bottomlines.heading")), small(c.w.Text("adult.bottomlines.intro"))}
	return append(b, bullets(bl)...)
}

func (c *adult) workingWell() []layout.Block {
	ww := c.p.Assessment.WorkingWell
	if len(ww) == 0 {
		return nil
	}
	return append([]layout.Block{heading(c.w.Text("adult.workingwell.heading"))}, bullets(ww)...)
}

func (c *adult) safetyScale() []layout.Block {
	s := c.p.Assessment.SafetyScale
	b := []layout.Block{heading(c.w.Text("adult.scale.heading"))}
	if s == nil || len(s.Ratings) == 0 {
		return append(b, para(c.w.Text("adult.scale.none")))
	}
	if s.Question != "" {
		b = append(b, layout.Paragraph{Spans: plain(s.Question, font("I", bodySize), ink), SpaceAfter: 3})
	}
	return append(b, scaleChart(c.p, s, c.w), layout.Space(3), scaleTable(c.p, s, c.w))
}

func (c *adult) rules() []layout.Block {
	w := c.w
	b := []layout.Block{heading(w.Text("adult.rules.heading")), small(w.Text("adult.rules.intro"))}
	rules := c.p.Arrangements.Rules
	if len(rules) == 0 {
		return append(b, para(w.Text("adult.rules.none")))
	}
	cols := []layout.Column{
		{Title: w.Text("adult.rules.when"), Weight: 1}, {Title: w.Text("adult.rules.what"), Weight: 2.3},
		{Title: w.Text("adult.rules.who"), Weight: 0.9}, {Title: w.Text("adult.rules.backup"), Weight: 0.9},
		{Title: w.Text("adult.rules.know"), Weight: 1.5},
	}
	var rows [][]layout.Cell
	for _, r := range rules {
		rows = append(rows, []layout.Cell{textCell(r.When), cell(r.Then), textCell(c.nameList(r.Who)...), textCell(c.nameList(r.Backup)...), cell(r.Monitoring)})
	}
	return append(b, table(cols, rows))
}

func (c *adult) nameList(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, c.name(id))
	}
	return out
}

func (c *adult) redFlags() []layout.Block {
	rf := c.p.Arrangements.RedFlags
	if len(rf) == 0 {
		return nil
	}
	b := []layout.Block{heading(c.w.Text("adult.redflags.heading")), small(c.w.Text("adult.redflags.intro"))}
	return append(b, bullets(rf)...)
}

func (c *adult) contingencies() []layout.Block {
	cs := c.p.Arrangements.Contingencies
	if len(cs) == 0 {
		return nil
	}
	w := c.w
	var rows [][]layout.Cell
	for _, ct := range cs {
		rows = append(rows, []layout.Cell{textCell(ct.WhatIf), cell(ct.Then), textCell(c.nameList(ct.Who)...)})
	}
	return []layout.Block{heading(w.Text("adult.contingencies.heading")),
		table([]layout.Column{{Title: w.Text("adult.contingencies.whatif"), Weight: 1.3}, {Title: w.Text("adult.contingencies.then"), Weight: 2.5}, {Title: w.Text("adult.contingencies.who"), Weight: 1}}, rows)}
}

func (c *adult) network() []layout.Block {
	w := c.w
	var rows [][]layout.Cell
	for _, i := range c.p.Individuals() {
		if i.IsChild {
			continue
		}
		contact := joinNonEmpty("\n", i.Phone, i.Email)
		if contact == "" {
			contact = w.Text("adult.network.notshared")
		}
		rows = append(rows, []layout.Cell{textCell(adultName(i)), textCell(i.Relationship), textCell(c.parts(i.ID)...), textCell(contact)})
	}
	return []layout.Block{heading(w.Text("adult.network.heading")),
		table([]layout.Column{{Title: w.Text("adult.network.name"), Weight: 1.5}, {Title: w.Text("adult.network.relationship"), Weight: 1.4}, {Title: w.Text("adult.network.roles"), Weight: 1.6}, {Title: w.Text("adult.network.contact"), Weight: 1.2}}, rows)}
}

// parts says what a person does in the plan, by rule.
func (c *adult) parts(id string) []string {
	var out []string
	for _, r := range c.p.Arrangements.Rules {
		switch {
		case slices.Contains(r.Who, id):
			out = append(out, r.When)
		case slices.Contains(r.Backup, id):
			out = append(out, c.w.Text("adult.network.backup", "when", r.When))
		}
	}
	return out
}

func (c *adult) monitoring() []layout.Block {
	mon, ev := c.p.Arrangements.Monitoring, c.p.Evidence
	if len(mon) == 0 && len(ev) == 0 {
		return nil
	}
	w := c.w
	b := []layout.Block{heading(w.Text("adult.monitoring.heading"))}
	if len(mon) > 0 {
		b = append(b, subheading(w.Text("adult.monitoring.how")))
		for _, m := range mon {
			b = append(b, layout.Paragraph{Spans: append(plain(plan.Label(string(m.Method))+", kept by "+c.names(m.By)+": ", font("B", bodySize), ink), plain(m.Description, font("", bodySize), ink)...), Bullet: "•", SpaceAfter: 1.2})
		}
	}
	if len(ev) > 0 {
		b = append(b, layout.Space(2), subheading(w.Text("adult.monitoring.evidence")))
		for _, e := range ev {
			b = append(b, layout.Paragraph{Spans: append(plain(longDate(c.w, e.Date)+", "+c.name(e.By)+", "+plan.Label(string(e.Method))+": ", font("B", bodySize), ink), plain(e.Summary, font("", bodySize), ink)...), Bullet: "•", SpaceAfter: 1.2})
		}
	}
	return b
}

func (c *adult) tests() []layout.Block {
	ts := slices.Clone(c.p.Arrangements.Tests)
	if len(ts) == 0 {
		return nil
	}
	slices.SortStableFunc(ts, func(a, b plan.Test) int { return a.Date.Compare(b.Date) })
	var rows [][]layout.Cell
	for _, t := range ts {
		outcome := c.w.Text("adult.tests.pending")
		if t.Outcome != nil && *t.Outcome != "" {
			outcome = *t.Outcome
		}
		rows = append(rows, []layout.Cell{textCell(longDate(c.w, t.Date)), cell(t.What), textCell(c.nameList(t.Who)...), cell(outcome)})
	}
	return []layout.Block{heading(c.w.Text("adult.tests.heading")),
		table([]layout.Column{{Title: c.w.Text("adult.tests.date"), Weight: 0.9}, {Title: c.w.Text("adult.tests.what"), Weight: 2.4}, {Title: c.w.Text("adult.tests.who"), Weight: 1}, {Title: c.w.Text("adult.tests.result"), Weight: 1.7}}, rows)}
}

func (c *adult) reviews() []layout.Block {
	w := c.w
	ms := c.p.MeetingsByDate()
	if len(ms) == 0 {
		if r := c.p.NoMeetingRationale; r != nil {
			return []layout.Block{heading(w.Text("adult.reviews.heading")),
				labelled("No meeting held. Rationale recorded by "+r.RecordedBy.Name+" ("+plan.Label(string(r.RecordedBy.Role))+") on "+longDate(c.w, r.RecordedOn)+":", ""),
				layout.Group(md(r.Rationale, bodySize))}
		}
		return nil
	}
	b := []layout.Block{heading(w.Text("adult.reviews.heading"))}
	for _, m := range ms {
		b = append(b, subheading(plan.Label(string(m.Type))+" meeting, "+longWeekday(c.w, m.Date)+venue(m.Venue)))
		if len(m.Attendees) > 0 {
			b = append(b, labelled(c.w.Text("adult.reviews.attended"), c.names(m.Attendees)))
		}
		if len(m.Apologies) > 0 {
			b = append(b, labelled(c.w.Text("adult.reviews.apologies"), c.names(m.Apologies)))
		}
		b = append(b, md(m.Summary, bodySize)...)
		for _, r := range c.p.Reviews {
			if r.Meeting == m.ID {
				b = append(b, c.review(r)...)
			}
		}
		if m.LifelongConnections != nil && *m.LifelongConnections != "" {
			b = append(b, labelled(w.Text("adult.reviews.lifelong")+":", *m.LifelongConnections))
		}
		b = append(b, layout.Space(3))
	}
	return b
}

func venue(v string) string {
	if v == "" {
		return ""
	}
	return ", " + v
}

func (c *adult) review(r plan.Review) []layout.Block {
	w := c.w
	var b []layout.Block
	for _, part := range []struct {
		key   string
		items []string
	}{{"adult.reviews.working", r.WorkingWell}, {"adult.reviews.worries", r.Worries}, {"adult.reviews.changes", r.Changes}} {
		if len(part.items) > 0 {
			b = append(b, layout.Paragraph{Spans: plain(w.Text(part.key), font("B", bodySize), ink), SpaceAfter: 1, KeepWithNxt: true})
			b = append(b, bullets(part.items)...)
		}
	}
	if a := r.NetworkAnswers; a != nil {
		for _, qa := range [][2]string{{"adult.reviews.q1", a.WhatWeDoWhenProblems}, {"adult.reviews.q2", a.HowItHasBeenManaged}, {"adult.reviews.q3", a.HowWeKnowItWorks}} {
			if qa[1] != "" {
				b = append(b, labelled(w.Text(qa[0])+":", qa[1]))
			}
		}
	}
	if r.LifelongConnections != nil && *r.LifelongConnections != "" {
		b = append(b, labelled(w.Text("adult.reviews.lifelong")+":", *r.LifelongConnections))
	}
	return b
}

func (c *adult) handover() []layout.Block {
	h := c.p.Handover
	if h == nil {
		return nil
	}
	w := c.w
	b := []layout.Block{heading(w.Text("adult.handover.heading")), para(w.Text("adult.handover.text", "name", c.name(h.Facilitator), "worker", c.p.Case.LeadWorker.Name))}
	if h.PlannedFor != nil {
		b = append(b, para(w.Text("adult.handover.planned", "date", longDate(w, *h.PlannedFor))))
	}
	if h.CompletedOn != nil {
		b = append(b, para(w.Text("adult.handover.done", "date", longDate(w, *h.CompletedOn))))
	}
	return b
}

// signatories are the lead worker, the children of 12 and over who took
// part in a meeting, the parents and the network.
func (c *adult) signatories() []plan.Individual {
	var out []plan.Individual
	for _, i := range c.p.Individuals() {
		if (!i.IsChild && i.Role != "professional") || (i.IsChild && c.attendedAged12(i.ID)) {
			out = append(out, i)
		}
	}
	return out
}

// attendedAged12 reports whether a child was at a meeting and is 12 or
// over on the plan's date: old enough to sign the plan and be given it.
func (c *adult) attendedAged12(id string) bool {
	for _, ch := range c.p.Children {
		if ch.ID == id && ch.AgeOn(c.p.Date()) >= 12 {
			for _, m := range c.p.Meetings {
				if slices.Contains(m.Attendees, id) {
					return true
				}
			}
		}
	}
	return false
}

func (c *adult) signatures() []layout.Block {
	b := []layout.Block{heading(c.w.Text("adult.signatures.heading")), small(c.w.Text("adult.signatures.intro")), layout.Space(2)}
	for _, i := range c.signatories() {
		b = append(b, signatureLine(adultName(i), c.w.Text("adult.signatures.date")))
	}
	return b
}

func signatureLine(name, date string) layout.Block {
	return layout.Func(func(m layout.Measurer, width float64) []layout.Strip {
		f := font("", 9.5)
		return []layout.Strip{{H: 16, Items: []layout.Item{
			layout.Line{X1: 0, Y1: 10, X2: width * 0.62, Y2: 10, Color: grey, Width: 0.3},
			layout.Line{X1: width * 0.7, Y1: 10, X2: width, Y2: 10, Color: grey, Width: 0.3},
			layout.Text{X: 0, Y: 11, W: m.Width(f, name), Font: f, Color: grey, Text: name},
			layout.Text{X: width * 0.7, Y: 11, W: m.Width(f, date), Font: f, Color: grey, Text: date},
		}}}
	})
}

func (c *adult) distribution() []layout.Block {
	b := []layout.Block{heading(c.w.Text("adult.distribution.heading")), small(c.w.Text("adult.distribution.intro"))}
	var names []string
	for _, i := range c.signatories() {
		names = append(names, adultName(i)+", "+i.Relationship)
	}
	for _, x := range c.p.People {
		if x.Role == "professional" {
			names = append(names, adultName(plan.Individual{Name: x.Name, KnownAs: x.KnownAs})+", "+x.Relationship)
		}
	}
	names = append(names, "The case record on "+string(c.p.Case.RecordSystem)+" ("+c.p.Case.Reference+")")
	b = append(b, bullets(names)...)
	if len(c.in.Shared) > 0 {
		b = append(b, layout.Space(2), subheading(c.w.Text("adult.distribution.shared")))
		b = append(b, bullets(sharedLines(c.p, c.in.Shared))...)
	}
	return b
}
