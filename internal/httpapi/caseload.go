package httpapi

import (
	"github.com/familynetwork/safetyplan/render"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
)

// ServiceInfo tells the worker's page what this service offers: whether it
// keeps plans (a store), and who the page is used by.
type ServiceInfo struct {
	// Store is true when plans can be saved, shared and looked back on.
	Store bool `json:"store"`
	// User is who saves: the signed-in worker, or "local".
	User string `json:"user"`
	// Today is the day deadlines are counted from.
	Today plan.Date `json:"today"`
}

func (s *Server) serviceInfo(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, ServiceInfo{Store: s.cfg.Store != nil, User: who(c), Today: s.today()})
}

func (s *Server) today() plan.Date {
	if s.cfg.Today != nil {
		return s.cfg.Today()
	}
	return plan.DateOf(time.Now())
}

// CaseloadPlan is one plan of a caseload.
type CaseloadPlan struct {
	PlanID    string    `json:"plan_id"`
	Version   int       `json:"version"`
	SavedBy   string    `json:"saved_by"`
	SavedAt   time.Time `json:"saved_at"`
	Team      string    `json:"team"`
	Reference string    `json:"reference"`
	// Children are the children's first names (or the names they are
	// known by).
	Children []string `json:"children"`
	// Next is the earliest Practice Direction deadline not yet met; when
	// none is open, the plan's next review (kind "next_review": the review
	// planned for it, or four weeks after its latest meeting, as its cover
	// says). Nil when the plan has no meeting to count from.
	Next *compliance.Deadline `json:"next"`
}

// caseload answers GET /v1/plans: the plans the worker saved (?mine=1), or
// a team's (?team=area), or every plan, each with its next deadline.
func (s *Server) caseload(c *gin.Context) {
	by := ""
	if c.Query("mine") != "" {
		by = who(c)
	}
	team := c.Query("team")
	if team != "" && !slices.Contains(plan.Team("").Values(), team) {
		abort(c, inputError(plan.Problems{{Path: "team", Code: plan.CodeEnum, Message: "team is one of area, dcs, through_care, fif, pathway_decision"}}))
		return
	}
	ctx, cancel := s.requestDeadline(c)
	defer cancel()
	entries, err := s.cfg.Store.Caseload(ctx, by, team)
	if err != nil {
		abort(c, storeError(err))
		return
	}
	today := s.today()
	out := make([]CaseloadPlan, 0, len(entries))
	for _, e := range entries {
		cp := CaseloadPlan{PlanID: e.PlanID, Version: e.Latest, SavedBy: e.SavedBy, SavedAt: e.SavedAt, Team: e.Team, Children: []string{}}
		if p, err := plan.Decode(e.JSON); err == nil {
			cp.Reference = p.Case.Reference
			for _, ch := range p.Children {
				cp.Children = append(cp.Children, firstName(ch))
			}
			report := compliance.Check(p, compliance.Options{Today: today})
			cp.Next = nextDeadline(report.Deadlines)
			if cp.Next == nil {
				cp.Next = nextReview(&render.Input{Plan: p, Report: report}, today)
			}
		}
		out = append(out, cp)
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"plans": out, "today": today})
}

func firstName(ch plan.Child) string {
	if ch.KnownAs != "" {
		return ch.KnownAs
	}
	first, _, _ := strings.Cut(strings.TrimSpace(ch.Name), " ")
	return first
}

// nextReview is the plan's next review as its documents give it, as a
// deadline with the days left or overdue; nil before any meeting was held.
func nextReview(in *render.Input, today plan.Date) *compliance.Deadline {
	if in.Plan.Date().IsZero() {
		return nil
	}
	due := render.NextReview(in)
	d := &compliance.Deadline{Kind: "next_review", Label: "Next review", Due: due, Status: compliance.StatusDue}
	if m, ok := in.Plan.NextPlannedReview(); ok {
		d.PlannedFor = &m.Date
	}
	switch days := today.DaysUntil(due); {
	case days >= 0:
		d.DaysLeft = days
	default:
		d.Status, d.DaysLate = compliance.StatusOverdue, -days
	}
	return d
}

// nextDeadline is the earliest deadline not yet done.
func nextDeadline(ds []compliance.Deadline) *compliance.Deadline {
	var next *compliance.Deadline
	for i := range ds {
		d := ds[i]
		if d.DoneOn != nil || d.Due.IsZero() {
			continue
		}
		if next == nil || d.Due.Before(next.Due) {
			next = &d
		}
	}
	return next
}

// ChangesResponse is what changed in a version's rules and scores since
// the last review, as the adult plan shows it.
type ChangesResponse struct {
	Version      int           `json:"version"`
	SinceVersion int           `json:"since_version,omitempty"`
	SinceDate    *plan.Date    `json:"since_date,omitempty"`
	Added        []plan.Rule   `json:"added"`
	Removed      []plan.Rule   `json:"removed"`
	Changed      []plan.Rule   `json:"changed"`
	NewRatings   []plan.Rating `json:"new_ratings"`
}

func (s *Server) planChanges(c *gin.Context) {
	v, err := versionParam(c)
	if err != nil {
		abort(c, err)
		return
	}
	ctx, cancel := s.requestDeadline(c)
	defer cancel()
	in, sp, err := s.loadStored(ctx, c.Param("id"), v)
	if err != nil {
		abort(c, err)
		return
	}
	out := ChangesResponse{Version: sp.Version, Added: []plan.Rule{}, Removed: []plan.Rule{}, Changed: []plan.Rule{}, NewRatings: []plan.Rating{}}
	if ch := in.Changes; ch != nil {
		out.SinceVersion, out.SinceDate = ch.SinceVersion, &ch.SinceDate
		out.Added, out.Removed, out.Changed, out.NewRatings = orEmpty(ch.Added), orEmpty(ch.Removed), orEmpty(ch.Changed), orEmpty(ch.NewRatings)
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, out)
}

func orEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// ShareListing is one share as the worker's page lists it.
type ShareListing struct {
	Share store.Share `json:"share"`
	// Status is active, expired, revoked or locked.
	Status string `json:"status"`
	// OpenedAt is when the document was first opened with the code.
	OpenedAt *time.Time `json:"opened_at,omitempty"`
}

func (s *Server) listShares(c *gin.Context) {
	ctx, cancel := s.requestDeadline(c)
	defer cancel()
	shares, err := s.cfg.Store.SharesForPlan(ctx, c.Param("id"))
	if err != nil {
		abort(c, storeError(err))
		return
	}
	events, err := s.cfg.Store.AuditLog(ctx, c.Param("id"))
	if err != nil {
		abort(c, storeError(err))
		return
	}
	if err := s.audit(c, c.Param("id"), 0, store.ActionReadShares); err != nil {
		abort(c, err)
		return
	}
	opened := map[string]time.Time{}
	for _, e := range events {
		if e.Action == store.ActionView && e.ShareID != "" {
			if _, seen := opened[e.ShareID]; !seen {
				opened[e.ShareID] = e.At
			}
		}
	}
	now := s.now()
	out := make([]ShareListing, 0, len(shares))
	for _, sh := range shares {
		l := ShareListing{Share: sh, Status: sh.Status(now)}
		if t, ok := opened[sh.ID]; ok {
			l.OpenedAt = &t
		}
		out = append(out, l)
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"shares": out})
}
