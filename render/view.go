package render

import (
	"fmt"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// Audience is who a copy of a document is for.
type Audience string

// The audiences.
const (
	// Worker: everything, for the worker and the case file.
	Worker Audience = "worker"
	// Network: contact details only where share_contact is true.
	Network Audience = "network"
	// Child: the child's copy, with the same rule as the network's.
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

// redact is the one place contact details are removed: a copy of the plan
// for the audience, in which nobody's phone or email appears unless they
// agreed to share it (or, with noContacts, nobody's at all). Documents for
// the network and children are composed from this copy only.
//
// A number written into free text ("ring Dad on 07700 900999") is hidden
// the same way, replaced with "(number not shared)".
func redact(p *plan.Plan, a Audience, noContacts bool) *plan.Plan {
	if a == Worker && !noContacts {
		return p
	}
	q := *maskNumbers(p, hiddenPhones(p, noContacts))
	people := q.People
	q.People = make([]plan.Person, len(people))
	for i, x := range people {
		if noContacts || !x.ShareContact {
			x.Phone, x.Email = "", ""
		}
		q.People[i] = x
	}
	if noContacts {
		q.Case.LeadWorker.Phone, q.Case.LeadWorker.Email = "", ""
	}
	return &q
}
