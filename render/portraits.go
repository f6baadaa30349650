package render

import (
	"regexp"
	"slices"
	"strings"

	"github.com/familynetwork/safetyplan/internal/illustration"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// The child's book draws people as they look. Someone with a picture (a
// library picture, an upload, a photo) keeps it; someone with an
// appearance gets a portrait built from it, the same on every page; the
// lead worker with neither is drawn as a plain outline wearing their
// lanyard, never shown as a letter. Pages whose picture is a scene of
// people (family, a hug, a meeting) or a feeling are drawn with this
// family's own portraits when the plan says how they look.

// withPortraits returns a copy of the child's plan in which everyone with
// an appearance and no picture has their portrait as their picture.
func withPortraits(p *plan.Plan) *plan.Plan {
	q := *p
	q.Children = slices.Clone(p.Children)
	q.People = slices.Clone(p.People)
	for i, ch := range q.Children {
		if ch.Picture == "" && ch.Appearance != nil {
			q.Children[i].Picture = "library:" + lookOf(p, ch.ID, "").Name()
		}
	}
	for i, x := range q.People {
		if x.Picture == "" && x.Appearance != nil {
			q.People[i].Picture = "library:" + lookOf(p, x.ID, "").Name()
		}
	}
	if lw := &q.Case.LeadWorker; lw.Picture == "" {
		lw.Picture = "library:" + lookOf(p, lw.ID, "").Name()
	}
	return &q
}

// lookOf is how the individual with the given id is drawn, with the
// expression: their appearance, what they wear for their work, and a top
// of their own colour.
func lookOf(p *plan.Plan, id, expression string) illustration.Look {
	l := illustration.Look{Expression: expression}
	top := 0
	for k, i := range p.Individuals() {
		if i.ID == id {
			top = k
			l.Role = roleWear(i)
		}
	}
	l.Top = top % 8
	a := p.AppearanceOf(id)
	if a == nil {
		return l
	}
	l.Skin = slices.Index(plan.SkinTone("").Values(), string(a.Skin)) + 1
	l.Hair, l.HairColour, l.Age = string(a.Hair), string(a.HairColour), string(a.Age)
	if a.Presentation != "none" {
		l.Presentation = string(a.Presentation)
	}
	if a.HeadCovering != "none" {
		l.Covering = string(a.HeadCovering)
	}
	l.Glasses, l.Beard, l.Wheelchair, l.HearingAid = a.Glasses, a.Beard, a.Wheelchair, a.HearingAid
	return l
}

// roleWear is what someone wears for their work in their portrait.
func roleWear(i plan.Individual) string {
	what := strings.ToLower(i.Relationship + " " + i.Role)
	switch {
	case i.IsLeadWorker:
		return "lanyard"
	case strings.Contains(what, "police"):
		return "police"
	case strings.Contains(what, "nurse") || strings.Contains(what, "health visitor"):
		return "nurse"
	case strings.Contains(what, "doctor") || strings.Contains(what, " gp") || strings.HasPrefix(what, "gp"):
		return "stethoscope"
	case strings.Contains(what, "residential") || strings.Contains(what, "key worker") || strings.Contains(what, "support worker"):
		return "lanyard"
	}
	return ""
}

// drawn reports whether the plan says how someone looks.
func drawn(p *plan.Plan, id string) bool { return p.AppearanceOf(id) != nil }

// pagePicture is the picture for a page of the book: a scene or feeling
// from the library drawn with this family's portraits where the plan
// says how they look, else the picture as given.
func (c *wpc) pagePicture(ref, text string) string {
	name, ok := strings.CutPrefix(ref, "library:")
	if !ok {
		return ref
	}
	p := c.p
	switch name {
	case "social-worker":
		// The worker the children know, never a stock picture of another.
		return p.Case.LeadWorker.Picture
	case "sad", "worried", "happy":
		if id := c.whoFeels(text, name); id != "" {
			return "library:" + lookOf(p, id, name).Name()
		}
		if s := c.children(name); s != "" && len(p.Children) > 1 {
			return s
		}
	case "family":
		var ids []string
		for _, ch := range p.Children {
			ids = append(ids, ch.ID)
		}
		for _, h := range c.helps {
			if h.Role == "parent" || h.Role == "carer" {
				ids = append(ids, h.ID)
			}
		}
		if s := c.scene("family", ids, 2); s != "" {
			return s
		}
	case "hug":
		if s := c.hug(); s != "" {
			return s
		}
	case "meeting":
		var ids []string
		for _, h := range c.helps {
			ids = append(ids, h.ID)
		}
		if s := c.scene("meeting", ids, 2); s != "" {
			return s
		}
	}
	return ref
}

// children is the children side by side with the expression, if the
// plan says how they all look.
func (c *wpc) children(expression string) string {
	var looks []illustration.Look
	for _, ch := range c.p.Children {
		if !drawn(c.p, ch.ID) || len(looks) == 6 {
			return ""
		}
		looks = append(looks, lookOf(c.p, ch.ID, expression))
	}
	return "library:" + illustration.SceneName("group", looks)
}

// scene is the library name of a scene of the people among ids whose
// look the plan gives (at most six), or "" when fewer than least are.
func (c *wpc) scene(kind string, ids []string, least int) string {
	var looks []illustration.Look
	for _, id := range ids {
		if drawn(c.p, id) && len(looks) < 6 {
			looks = append(looks, lookOf(c.p, id, ""))
		}
	}
	if len(looks) < least {
		return ""
	}
	return "library:" + illustration.SceneName(kind, looks)
}

// hug is a grown-up who helps, hugging the child: a parent who helps
// first. Both must be drawn from their appearance.
func (c *wpc) hug() string {
	var child string
	for _, ch := range c.p.Children {
		if drawn(c.p, ch.ID) {
			child = ch.ID
			break
		}
	}
	if child == "" {
		return ""
	}
	grown := ""
	for _, h := range c.helps {
		if !h.IsLeadWorker && drawn(c.p, h.ID) && (grown == "" || h.Role == "parent") {
			if grown == "" || h.Role == "parent" {
				grown = h.ID
			}
			if h.Role == "parent" {
				break
			}
		}
	}
	if grown == "" {
		return ""
	}
	return "library:" + illustration.SceneName("hug", []illustration.Look{lookOf(c.p, grown, ""), lookOf(c.p, child, "")})
}

// whoFeels is the one person, drawn from their appearance, whom a page
// about a feeling is about: the only one named in the sentence that has
// the feeling's word ("Mum feels so poorly and sad"), or, on a page that
// names nobody in a book for one child, that child.
func (c *wpc) whoFeels(text, feeling string) string {
	var people []plan.Individual
	for _, i := range c.p.Individuals() {
		if drawn(c.p, i.ID) {
			people = append(people, i)
		}
	}
	names := func(s string) []string {
		var ids []string
		for _, i := range people {
			for _, n := range []string{i.KnownAs, firstName(i.Name)} {
				if n != "" && regexp.MustCompile(`(^|[^\pL])`+regexp.QuoteMeta(n)+`($|[^\pL])`).MatchString(s) {
					ids = append(ids, i.ID)
					break
				}
			}
		}
		return ids
	}
	for _, sentence := range regexp.MustCompile(`[.!?]+`).Split(text, -1) {
		if strings.Contains(strings.ToLower(sentence), feeling) {
			if ids := names(sentence); len(ids) == 1 {
				return ids[0]
			}
			return ""
		}
	}
	if len(names(text)) == 0 && len(c.p.Children) == 1 && drawn(c.p, c.p.Children[0].ID) {
		return c.p.Children[0].ID
	}
	return ""
}

// PeoplePictures is the picture the child's book shows for each child,
// person and the lead worker, by id: their own picture, else their
// portrait from their appearance (a "library:person-…" reference that
// GET /v1/illustrations/NAME.png serves), and for the lead worker with
// neither, a plain outline. People with neither are left out. The child
// view on the worker's page uses the same pictures as the book.
func PeoplePictures(p *plan.Plan) map[string]string {
	q := withPortraits(p)
	out := map[string]string{}
	for _, i := range q.Individuals() {
		if i.Picture != "" {
			out[i.ID] = i.Picture
		}
	}
	return out
}
