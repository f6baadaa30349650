package plan

import (
	"sort"
	"strings"
)

// Date returns the plan's date: its latest held meeting's date, or the
// rationale's date when no meeting was held, or the involvement start as a
// last resort. Planned and cancelled meetings never date the plan.
func (p *Plan) Date() Date {
	var d Date
	for _, m := range p.Meetings {
		if m.Held() && m.Date.After(d) {
			d = m.Date
		}
	}
	if d.IsZero() && p.NoMeetingRationale != nil {
		d = p.NoMeetingRationale.RecordedOn
	}
	if d.IsZero() {
		d = p.Case.InvolvementStarted
	}
	return d
}

// Version is 1 plus the number of review meetings held.
func (p *Plan) Version() int {
	v := 1
	for _, m := range p.Meetings {
		if m.Type == MeetingReview && m.Held() {
			v++
		}
	}
	return v
}

// VersionAt is the plan's version as it stood on day d: 1 plus the review
// meetings held on or before it.
func (p *Plan) VersionAt(d Date) int {
	v := 1
	for _, m := range p.Meetings {
		if m.Type == MeetingReview && m.Held() && !m.Date.After(d) {
			v++
		}
	}
	return v
}

// MeetingsByDate returns the held meetings in date order (stable for equal
// dates): the meetings that have outcome forms.
func (p *Plan) MeetingsByDate() []Meeting {
	var ms []Meeting
	for _, m := range p.Meetings {
		if m.Held() {
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Date.Before(ms[j].Date) })
	return ms
}

// NextPlannedReview returns the earliest planned review meeting dated after
// the plan's date, or false when none is planned.
func (p *Plan) NextPlannedReview() (Meeting, bool) {
	var best Meeting
	found := false
	after := p.Date()
	for _, m := range p.Meetings {
		if m.Planned() && m.Type == MeetingReview && m.Date.After(after) && (!found || m.Date.Before(best.Date)) {
			best, found = m, true
		}
	}
	return best, found
}

// FirstHeldMeeting returns the earliest held meeting, or false.
func (p *Plan) FirstHeldMeeting() (Meeting, bool) {
	ms := p.MeetingsByDate()
	if len(ms) == 0 {
		return Meeting{}, false
	}
	return ms[0], true
}

// AgreedAt returns the id of the meeting at which a rule was agreed: its
// agreed_at, or the first held meeting's id ("" when none was held).
func (p *Plan) AgreedAt(r Rule) string {
	if r.AgreedAt != "" {
		return r.AgreedAt
	}
	m, _ := p.FirstHeldMeeting()
	return m.ID
}

// LatestMeeting returns the most recent held meeting, or false when none was held.
func (p *Plan) LatestMeeting() (Meeting, bool) {
	ms := p.MeetingsByDate()
	if len(ms) == 0 {
		return Meeting{}, false
	}
	return ms[len(ms)-1], true
}

// Meeting returns the meeting with the given id.
func (p *Plan) Meeting(id string) (Meeting, bool) {
	for _, m := range p.Meetings {
		if m.ID == id {
			return m, true
		}
	}
	return Meeting{}, false
}

// Individual is anyone a reference can name: a child, a person or the lead worker.
type Individual struct {
	ID           string
	Name         string
	KnownAs      string
	Relationship string
	Role         string
	Phone        string
	Email        string
	ShareContact bool
	HiddenFrom   []string
	Picture      string
	IsChild      bool
	IsLeadWorker bool
}

// Display returns the name a reader knows the individual by: "Nana Jean (Jean Hughes)".
func (i Individual) Display() string {
	if i.KnownAs != "" && i.KnownAs != i.Name && !strings.HasPrefix(i.Name, i.KnownAs+" ") {
		return i.KnownAs + " (" + i.Name + ")"
	}
	return i.Name
}

// Short returns the name the family uses, or the full name.
func (i Individual) Short() string {
	if i.KnownAs != "" {
		return i.KnownAs
	}
	return i.Name
}

// Individuals returns everyone who can be referred to, lead worker first,
// then the children, then the people, in plan order.
func (p *Plan) Individuals() []Individual {
	out := make([]Individual, 0, 1+len(p.Children)+len(p.People))
	out = append(out, p.leadWorker())
	for i := range p.Children {
		out = append(out, p.child(i))
	}
	for i := range p.People {
		out = append(out, p.person(i))
	}
	return out
}

func (p *Plan) leadWorker() Individual {
	lw := p.Case.LeadWorker
	return Individual{ID: lw.ID, Name: lw.Name, KnownAs: lw.KnownAs, Relationship: "Lead worker", Role: lw.Role, Phone: lw.Phone, Email: lw.Email, ShareContact: true, Picture: lw.Picture, IsLeadWorker: true}
}

func (p *Plan) child(i int) Individual {
	c := &p.Children[i]
	return Individual{ID: c.ID, Name: c.Name, KnownAs: c.KnownAs, Relationship: "Child", Picture: c.Picture, IsChild: true}
}

func (p *Plan) person(i int) Individual {
	x := &p.People[i]
	return Individual{ID: x.ID, Name: x.Name, KnownAs: x.KnownAs, Relationship: x.Relationship, Role: string(x.Role), Phone: x.Phone, Email: x.Email, ShareContact: x.ShareContact, HiddenFrom: x.ContactHiddenFrom, Picture: x.Picture}
}

// Lookup returns the individual with the given id, in the order
// Individuals gives them (documents look names up for every line, so it
// builds only the one it finds).
func (p *Plan) Lookup(id string) (Individual, bool) {
	if p.Case.LeadWorker.ID == id {
		return p.leadWorker(), true
	}
	for i := range p.Children {
		if p.Children[i].ID == id {
			return p.child(i), true
		}
	}
	for i := range p.People {
		if p.People[i].ID == id {
			return p.person(i), true
		}
	}
	return Individual{}, false
}

// AgeOn returns a child's age in whole years on the given date.
func (c Child) AgeOn(d Date) int {
	age := d.Year() - c.DateOfBirth.Year()
	if d.Month() < c.DateOfBirth.Month() || (d.Month() == c.DateOfBirth.Month() && d.Day() < c.DateOfBirth.Day()) {
		age--
	}
	return age
}

// Pictures returns every picture reference in the plan, in plan order.
func (p *Plan) Pictures() []string {
	var refs []string
	add := func(r string) {
		if r != "" {
			refs = append(refs, r)
		}
	}
	add(p.Case.LeadWorker.Picture)
	for _, c := range p.Children {
		add(c.Picture)
	}
	for _, x := range p.People {
		add(x.Picture)
	}
	for _, r := range p.Arrangements.Rules {
		add(r.Picture)
	}
	if wp := p.WordsAndPictures; wp != nil {
		for _, s := range []*Story{wp.Explanation, wp.SafetyPlan} {
			if s != nil {
				for _, pg := range s.Pages {
					add(pg.Picture)
				}
			}
		}
	}
	return refs
}

// JoinAnd joins words the English way: "a", "a and b", "a, b and c".
func JoinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
