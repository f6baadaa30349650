package render

import (
	"fmt"
	"slices"
	"time"

	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// Shared is one copy of a document shared through the service, for the
// adult plan's distribution list and the outcome form.
type Shared struct {
	// Person is the id of the person it was shared with.
	Person string
	// Document is "adult-plan" (their own copy) or "words-and-pictures".
	Document string
	// At is when it was shared; Viewed when it was first opened (zero if
	// not yet); Revoked when it was withdrawn (zero if not).
	At, Viewed, Revoked time.Time
}

// Changes is what changed in the rules and the safety scale between two
// versions of a plan.
type Changes struct {
	// Since is the earlier plan's date and version.
	SinceDate    plan.Date
	SinceVersion int
	Added        []plan.Rule
	Removed      []plan.Rule
	Changed      []plan.Rule // as they are now
	NewRatings   []plan.Rating
}

// Empty reports whether nothing changed.
func (c Changes) Empty() bool {
	return len(c.Added)+len(c.Removed)+len(c.Changed)+len(c.NewRatings) == 0
}

// Compare finds the rules added, removed and changed (matched by id) and
// the safety scale answers given since prev.
func Compare(prev, cur *plan.Plan) Changes {
	ch := Changes{SinceDate: prev.Date(), SinceVersion: prev.Version()}
	before := map[string]plan.Rule{}
	for _, r := range prev.Arrangements.Rules {
		before[r.ID] = r
	}
	now := map[string]bool{}
	for _, r := range cur.Arrangements.Rules {
		now[r.ID] = true
		old, ok := before[r.ID]
		switch {
		case !ok:
			ch.Added = append(ch.Added, r)
		case !sameRule(old, r):
			ch.Changed = append(ch.Changed, r)
		}
	}
	for _, r := range prev.Arrangements.Rules {
		if !now[r.ID] {
			ch.Removed = append(ch.Removed, r)
		}
	}
	seen := map[plan.Rating]bool{}
	if s := prev.Assessment.SafetyScale; s != nil {
		for _, r := range s.Ratings {
			seen[r] = true
		}
	}
	if s := cur.Assessment.SafetyScale; s != nil {
		for _, r := range s.Ratings {
			if !seen[r] {
				ch.NewRatings = append(ch.NewRatings, r)
			}
		}
	}
	return ch
}

func sameRule(a, b plan.Rule) bool {
	return a.When == b.When && a.Then == b.Then && slices.Equal(a.Who, b.Who) && slices.Equal(a.Backup, b.Backup) &&
		a.Monitoring == b.Monitoring && a.ChildWords == b.ChildWords && a.Worry == b.Worry && a.Goal == b.Goal
}

// changes is the adult plan's "What changed since the last review".
func (c *adult) changes() []layout.Block {
	if c.in.Changes == nil {
		return nil
	}
	ch, w := *c.in.Changes, c.w
	b := []layout.Block{heading(w.Text("adult.changes.heading")),
		small(w.Text("adult.changes.intro", "version", itoa(ch.SinceVersion), "date", longDate(w, ch.SinceDate)))}
	if ch.Empty() {
		return append(b, para(w.Text("adult.changes.none")))
	}
	rule := func(label string, r plan.Rule) layout.Block {
		return labelled(label, c.mask(fmt.Sprintf("%s: %s (%s)", r.When, r.Then, c.names(r.Who))))
	}
	for _, r := range ch.Added {
		b = append(b, rule(w.Text("adult.changes.added"), r))
	}
	for _, r := range ch.Changed {
		b = append(b, rule(w.Text("adult.changes.changed"), r))
	}
	for _, r := range ch.Removed {
		b = append(b, rule(w.Text("adult.changes.removed"), r))
	}
	for _, r := range ch.NewRatings {
		b = append(b, labelled(w.Text("adult.changes.score"), fmt.Sprintf("%s, %d out of 10 on %s", c.name(r.By), r.Score, longDate(w, r.Date))))
	}
	return b
}

// sharedLines describe the copies shared through the service.
func sharedLines(p *plan.Plan, shared []Shared) []string {
	var out []string
	for _, s := range shared {
		who := s.Person
		if i, ok := p.Lookup(s.Person); ok {
			who = adultName(i)
		}
		what := "their own copy of this plan"
		if s.Document == "words-and-pictures" {
			what = "the children's Words and Pictures"
		}
		line := fmt.Sprintf("%s: %s, shared on %s", who, what, plan.DateOf(s.At).Long())
		switch {
		case !s.Revoked.IsZero():
			line += ", withdrawn on " + plan.DateOf(s.Revoked).Long()
		case !s.Viewed.IsZero():
			line += ", opened on " + plan.DateOf(s.Viewed).Long()
		default:
			line += ", not opened yet"
		}
		out = append(out, line)
	}
	return out
}
