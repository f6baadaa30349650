package render

import (
	"fmt"
	"strings"

	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/pdf"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/templates"
)

// AdultOptions choose the copy of the adult safety plan.
type AdultOptions struct {
	// Audience is Worker (everything) or Network (shared contacts only).
	Audience Audience
	// For is a person's id: their own network copy, opening with their part.
	For string
	// Language is the copy's language (BCP 47): the language its text is
	// drawn in, tagged and measured (Urdu in Nastaliq). "" is the person's
	// own (people[].language) for their copy, else the family's.
	Language string
}

// AdultPlan renders the detailed adult safety plan.
func AdultPlan(in *Input, opt Options, ao AdultOptions) ([]byte, error) {
	if ao.For != "" {
		ao.Audience = Network
		if _, ok := in.Plan.Lookup(ao.For); !ok {
			return nil, plan.Problems{{Path: "for", Code: plan.CodeReference, Message: fmt.Sprintf("%q is not the id of anyone in the plan: use a person's id from people[]", ao.For)}}
		}
	}
	lang := ao.Language
	if lang == "" && ao.For != "" {
		for _, p := range in.Plan.People {
			if p.ID == ao.For {
				lang = p.Language
			}
		}
	}
	v := view(in.Plan, Reader{Audience: ao.Audience, For: ao.For})
	c := &adult{in: in, p: v.Plan, w: opt.wording().For(lang), ao: ao, leftOut: v.LeftOut, duty: opt.EmergencyDutyPhone, mask: v.Mask}
	doc := document{
		copy:     c.copyName(),
		spec:     a4,
		blocks:   c.blocks(),
		title:    c.w.Text("adult.title") + " – " + c.childNames(),
		subject:  "Family network safety plan, version " + itoa(in.Plan.Version()),
		keywords: in.Plan.Case.Reference,
		header:   true,
	}
	if ao.Audience == Worker {
		doc.attachments = planAttachments(in)
	}
	doc.language = lang
	return doc.write(in, opt)
}

type adult struct {
	in *Input
	p  *plan.Plan // the redacted plan: compose from this only
	w  *templates.Wording
	ao AdultOptions
	// partSize is the text size of a person's own part: as large as lets
	// it fit on page 1.
	partSize float64
	// leftOut: some contact details are hidden from a reader of this copy.
	leftOut bool
	duty    string // the out-of-hours number (Options.EmergencyDutyPhone)
	mask    func(string) string
}

// blocks is the table of contents of the adult plan. A person's own copy
// opens with their part, alone on page 1; the whole plan follows.
func (c *adult) blocks() []layout.Block {
	var b []layout.Block
	if c.ao.For != "" {
		b = append(b, c.ownPart()...)
		b = append(b, layout.PageBreak{})
	}
	b = append(b, c.cover()...)
	b = append(b, c.changes()...)
	b = append(b, c.worries()...)
	b = append(b, c.goals()...)
	b = append(b, c.childrensViews()...)
	b = append(b, c.bottomLines()...)
	b = append(b, c.workingWell()...)
	b = append(b, c.safetyScale()...)
	b = append(b, c.rules()...)
	b = append(b, c.redFlags()...)
	b = append(b, c.contingencies()...)
	b = append(b, c.network()...)
	b = append(b, c.whoToCall()...)
	b = append(b, c.monitoring()...)
	b = append(b, c.tests()...)
	b = append(b, c.reviews()...)
	b = append(b, c.handover()...)
	b = append(b, c.signatures()...)
	b = append(b, c.distribution()...)
	return b
}

// ownPart is the person's part at the largest text size, and the most
// generous spacing, that fits it on one page (9.5 pt down to 8 pt); a
// part too long even then runs on.
func (c *adult) ownPart() []layout.Block {
	var part []layout.Block
	for _, size := range []float64{9.5, 9, 8.5, 8} {
		c.partSize = size
		blocks := c.yourPart()
		for _, f := range []float64{1, 0.5} {
			part = part[:0:0]
			for _, b := range blocks {
				part = append(part, layout.Tight{Blocks: []layout.Block{b}, Factor: f})
			}
			if layout.FitsOnePage(pdf.SharedMeasurer(), a4, part) {
				return part
			}
		}
	}
	return part
}

// copyName says whose copy this is, on every page.
func (c *adult) copyName() string { return c.whose("adult.header") }

// name is how the adult plan names someone: see adultName.
func (c *adult) name(id string) string {
	if i, ok := c.p.Lookup(id); ok {
		return adultName(i)
	}
	return id
}

// adultName is how adult documents name someone: their name, with the
// children's name for them in brackets: "Leanne Hughes (Mum)", never
// "Mum" alone.
func adultName(i plan.Individual) string {
	if i.KnownAs != "" && i.KnownAs != i.Name && !strings.HasPrefix(i.Name, i.KnownAs+" ") {
		return i.Name + " (" + i.KnownAs + ")"
	}
	return i.Name
}

func (c *adult) names(ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, c.name(id))
	}
	return plan.JoinAnd(out)
}

func (c *adult) childNames() string {
	var out []string
	for _, ch := range c.p.Children {
		out = append(out, ch.Name)
	}
	return plan.JoinAnd(out)
}

func (c *adult) cover() []layout.Block {
	p, w := c.p, c.w
	date := p.Date()
	b := []layout.Block{
		layout.Space(18),
		layout.Paragraph{Spans: plain(w.Text("adult.title"), font("B", 26), accent), SpaceAfter: 3},
		layout.Paragraph{Spans: plain(w.Text("adult.subtitle"), font("", 12), grey), SpaceAfter: 12},
		layout.Paragraph{Spans: plain(w.Text("adult.for"), font("", 10), grey), SpaceAfter: 1},
	}
	for _, ch := range p.Children {
		age := ch.AgeOn(date)
		b = append(b, layout.Paragraph{Spans: append(plain(ch.Name, font("B", 16), ink), plain("   "+w.Text("adult.born", "date", longDate(w, ch.DateOfBirth), "age", itoa(age)), font("", 10.5), grey)...), SpaceAfter: 2})
	}
	b = append(b, layout.Space(8))
	lw := p.Case.LeadWorker
	rows := [][2]string{
		{w.Text("adult.case"), p.Case.Reference + " (" + string(p.Case.RecordSystem) + ")"},
		{w.Text("adult.team"), firstNonEmpty(p.Case.TeamName, plan.Label(string(p.Case.Team)))},
		{w.Text("adult.lead_worker"), joinNonEmpty(", ", lw.Name, lw.Role, lw.Phone, lw.Email)},
	}
	if m := p.Case.Manager; m != nil {
		rows = append(rows, [2]string{w.Text("adult.manager"), m.Name + ", " + plan.Label(string(m.Role))})
	}
	rows = append(rows,
		[2]string{w.Text("adult.plan_date"), longDate(w, date)},
		[2]string{w.Text("adult.version"), itoa(p.Version())},
		[2]string{w.Text("adult.next_review"), c.nextReviewText()},
	)
	b = append(b, fieldTable(rows))
	b = append(b, layout.Space(8), small(c.copyNote()), layout.PageBreak{})
	return b
}

// NextReview is when the plan is next reviewed: the review meeting planned
// for it when there is one (status planned); otherwise the first review's
// due date until it is held, then four weeks after the latest meeting.
func NextReview(in *Input) plan.Date {
	if m, ok := in.Plan.NextPlannedReview(); ok {
		return m.Date
	}
	for _, d := range in.Report.Deadlines {
		if d.Kind == "review" && d.DoneOn == nil {
			return d.Due
		}
	}
	return in.Plan.Date().AddDays(28)
}

func (c *adult) copyNote() string {
	note := c.copyFor()
	if c.leftOut {
		note += " " + c.w.Text("adult.copy.left_out")
	}
	return note
}

func (c *adult) copyFor() string { return c.whose("adult.copy") }

// whose is the wording under key (its .for, .worker or .network line) that
// says whose copy this is.
func (c *adult) whose(key string) string {
	switch {
	case c.ao.For != "":
		i, _ := c.p.Lookup(c.ao.For)
		return c.w.Text(key+".for", "name", i.Short())
	case c.ao.Audience == Worker:
		return c.w.Text(key + ".worker")
	}
	return c.w.Text(key + ".network")
}

// fieldTable is a two-column table of labels and values.
func fieldTable(rows [][2]string) layout.Table {
	t := table([]layout.Column{{Weight: 1}, {Weight: 2.6}}, nil)
	t.NoHeader = true
	for _, r := range rows {
		t.Rows = append(t.Rows, []layout.Cell{
			{Blocks: []layout.Block{layout.Paragraph{Spans: plain(r[0], font("B", 9.5), ink)}}, Fill: &pale},
			textCell(r[1]),
		})
	}
	return t
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func joinNonEmpty(sep string, s ...string) string {
	var out []string
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return strings.Join(out, sep)
}
