package render

import (
	"fmt"
	"slices"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// Audience is who a copy of a document is for.
type Audience string

// The audiences.
const (
	// Worker: everything, for the worker and the case file.
	Worker Audience = "worker"
	// Network: contact details only where share_contact is true and the
	// person's details are hidden from nobody on the distribution list.
	Network Audience = "network"
	// Child: the child's copy. Contact details only where share_contact is
	// true and they are hidden from nobody (children pass things on).
	Child Audience = "child"
)

// ParseAudience checks an audience name.
func ParseAudience(s string) (Audience, error) {
	switch Audience(s) {
	case "", Worker:
		return Worker, nil
	case Network, Child:
		return Audience(s), nil
	}
	return "", fmt.Errorf("audience %q is not one of: worker, network", s)
}

// Reader is who one copy of a document is for: an audience, and for a
// person's own copy their id.
type Reader struct {
	Audience Audience
	// For is the id of the person whose own copy this is; it implies the
	// Network audience and hides whatever is hidden from them.
	For string
	// NoContacts hides everyone's contact details, the lead worker's too.
	NoContacts bool
}

// View is a reader's copy of the plan: the only plan a document for that
// reader is composed from.
type View struct {
	// Plan is the redacted copy; the original when nothing is hidden.
	Plan *plan.Plan
	// LeftOut is true when some details were left out because they are
	// hidden from someone (contact_hidden_from), not merely unshared: the
	// network copy then says some details are left out, never why.
	LeftOut bool
	// Mask hides, in text from outside the plan (an earlier version's
	// rules in "What changed"), what this reader may not see.
	Mask func(string) string
}

// view is the one place contact details are removed: the copy of the plan
// for the reader, in which nobody's phone or email appears unless the
// reader may see it. A number or email written into free text ("ring Dad on
// +44 7700 900999") is hidden the same way, replaced with "(number not
// shared)" or "(email not shared)", whatever form the number is written in.
//
// Who sees a person's details:
//   - the worker (and the case record): everyone's;
//   - a person's own copy: those shared, and not hidden from them;
//   - the network copy: those shared, and hidden from nobody on its
//     distribution list (the lead worker and every person in the plan);
//   - the child's copy: those shared and hidden from nobody at all;
//   - with NoContacts: nobody's.
func view(p *plan.Plan, r Reader) View {
	if r.Audience == Worker && r.For == "" && !r.NoContacts {
		return View{Plan: p, Mask: func(s string) string { return s }}
	}
	var phones, emails []string
	hidden := make([]bool, len(p.People))
	leftOut := false
	for i, x := range p.People {
		h, byRule := hiddenFor(p, x, r)
		hidden[i] = h
		if h {
			phones, emails = appendNonEmpty(phones, x.Phone), appendNonEmpty(emails, x.Email)
			leftOut = leftOut || (byRule && (x.Phone != "" || x.Email != ""))
		}
	}
	if r.NoContacts {
		phones = appendNonEmpty(phones, p.Case.LeadWorker.Phone)
		emails = appendNonEmpty(emails, p.Case.LeadWorker.Email)
	}
	re, em := numberPattern(phones), emailPattern(emails)
	mask := func(s string) string {
		if (re == nil || !re.MatchString(s)) && (em == nil || !em.MatchString(s)) {
			return s
		}
		return maskText(s, re, em)
	}
	q := *maskContacts(p, phones, emails)
	q.People = make([]plan.Person, len(p.People))
	for i, x := range p.People {
		if hidden[i] {
			x.Phone, x.Email = "", ""
		}
		q.People[i] = x
	}
	if r.NoContacts {
		q.Case.LeadWorker.Phone, q.Case.LeadWorker.Email = "", ""
	}
	return View{Plan: &q, LeftOut: leftOut, Mask: mask}
}

// hiddenFor says whether the reader must not see x's contact details, and
// whether that is because of contact_hidden_from rather than share_contact.
func hiddenFor(p *plan.Plan, x plan.Person, r Reader) (hidden, byRule bool) {
	if r.NoContacts {
		return true, false
	}
	byRule = hiddenByRule(p, x, r)
	return byRule || !x.ShareContact, byRule && x.ShareContact
}

func hiddenByRule(p *plan.Plan, x plan.Person, r Reader) bool {
	if len(x.ContactHiddenFrom) == 0 {
		return false
	}
	switch {
	case r.For != "":
		return slices.Contains(x.ContactHiddenFrom, r.For)
	case r.Audience == Child:
		return true
	}
	// The network copy goes to everyone on its distribution list: the
	// lead worker and every person (not the children, who have their own).
	for _, id := range x.ContactHiddenFrom {
		if i, ok := p.Lookup(id); ok && !i.IsChild {
			return true
		}
	}
	return false
}

// redact is view without the note: the plan a reader's copy is made from.
func redact(p *plan.Plan, a Audience, noContacts bool) *plan.Plan {
	return view(p, Reader{Audience: a, NoContacts: noContacts}).Plan
}

func appendNonEmpty(s []string, v string) []string {
	if v == "" {
		return s
	}
	return append(s, v)
}
