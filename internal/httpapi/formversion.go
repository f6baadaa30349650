package httpapi

import (
	"context"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// formVersion is the stored version a meeting's outcome form is made from:
// the newest version saved while that meeting was the latest held one (the
// plan as it was at the meeting), so a form made again later never carries
// what later meetings changed. It is 0 (the latest version) when the
// meeting is the latest, is not named, or no such version is stored.
func (s *Server) formVersion(ctx context.Context, id, meeting string) int {
	latest, err := s.cfg.Store.Plan(ctx, id, 0)
	if err != nil {
		return 0
	}
	p, err := plan.Decode(latest.JSON)
	if err != nil {
		return 0
	}
	if m, ok := p.LatestMeeting(); meeting == "" || (ok && m.ID == meeting) {
		return 0
	}
	for v := latest.Version - 1; v >= 1; v-- {
		old, err := s.cfg.Store.Plan(ctx, id, v)
		if err != nil {
			return 0
		}
		q, err := plan.Decode(old.JSON)
		if err != nil {
			continue
		}
		if m, ok := q.LatestMeeting(); ok && m.ID == meeting {
			return v
		}
	}
	return 0
}
