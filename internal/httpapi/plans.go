package httpapi

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/render"
)

// The stored-plan routes exist only when the service has a store.
func (s *Server) planRoutes(e *gin.Engine) {
	r := e.Group("", checkIDs)
	r.GET("/v1/plans", s.caseload)
	r.POST("/v1/plans", s.createPlan)
	r.PUT("/v1/plans/:id", s.savePlan)
	r.GET("/v1/plans/:id", s.getPlan)
	r.DELETE("/v1/plans/:id", s.deletePlan)
	r.GET("/v1/plans/:id/versions", s.planVersions)
	r.POST("/v1/plans/:id/documents/:document", s.storedDocument)
	r.GET("/v1/plans/:id/audit", s.planAudit)
	r.GET("/v1/plans/:id/changes", s.planChanges)
	r.POST("/v1/plans/:id/shares", s.createShare)
	r.GET("/v1/plans/:id/shares", s.listShares)
	r.DELETE("/v1/plans/:id/shares/:share", s.revokeShare)
	r.GET("/v1/reports/compliance", s.complianceReport)
	r.GET("/reports/compliance", s.complianceReportPage)
	r.GET("/s/:token", s.sharePage)
	r.POST("/s/:token", s.limitCodes, s.shareCode)
	r.GET("/s/:token/document", s.shareDocument)
}

// audit records that the worker or system making the request read a
// stored plan, before anything of it is sent: if the entry cannot be
// written, nothing is sent.
func (s *Server) audit(c *gin.Context, planID string, version int, action store.Action) error {
	if err := s.cfg.Store.Record(c.Request.Context(), store.Event{PlanID: planID, Version: version, Action: action, By: who(c)}); err != nil {
		return storeError(err)
	}
	return nil
}

// checkIDs answers 404 for a plan or share id that cannot exist (a NUL,
// invalid UTF-8, 65 characters...), before any database sees it: both
// databases then answer the same, and neither is asked about bytes it may
// refuse with an error.
func checkIDs(c *gin.Context) {
	for _, name := range []string{"id", "share"} {
		if v, ok := c.Params.Get(name); ok && !store.ValidID(v) {
			abort(c, storeError(store.ErrNotFound))
			return
		}
	}
	c.Next()
}

// versionNumber reads a version number given as text: a whole number from
// 1 to store.MaxVersion, or a 422 naming the parameter.
func versionNumber(name, raw string) (int, error) {
	v, err := strconv.Atoi(raw)
	if err != nil || v < 1 || v > store.MaxVersion {
		return 0, inputError(plan.Problems{{Path: name, Code: plan.CodeRange, Message: fmt.Sprintf("%s is a whole number from 1 to %d", name, store.MaxVersion)}})
	}
	return v, nil
}

// who is the person making the request, for the audit log: the signed-in
// worker, "token" for an API client, or "local" when authentication is off.
func who(c *gin.Context) string {
	if u := c.GetString(userKey); u != "" {
		return strings.TrimPrefix(u, "proxy:")
	}
	return store.LocalActor
}

// storeError turns the store's errors into problems.
func storeError(err error) error {
	var ce *store.ConflictError
	switch {
	case errors.As(err, &ce):
		return errStatus(http.StatusConflict, "conflict", "Saved by someone else first",
			"version %d of this plan has been saved since version %d, which you edited: open version %d, make your changes again and save", ce.Current, ce.Base, ce.Current)
	case errors.Is(err, store.ErrNotFound):
		return errStatus(http.StatusNotFound, "not-found", "Not found", "there is no such plan, version or share (it may have been deleted)")
	case errors.Is(err, context.DeadlineExceeded):
		return errStatus(http.StatusServiceUnavailable, "timeout", "Took too long",
			"the database did not answer in time, so nothing was saved or changed: try again in a moment")
	case errors.Is(err, store.ErrInvalid):
		return errStatus(http.StatusUnprocessableEntity, "invalid", "Cannot store that", "%s", strings.TrimPrefix(err.Error(), "store: "))
	}
	return err
}

// SavedResponse answers a save: the plan's id and the version made.
type SavedResponse struct {
	PlanID  string    `json:"plan_id"`
	Version int       `json:"version"`
	SavedBy string    `json:"saved_by"`
	SavedAt time.Time `json:"saved_at"`
}

func (s *Server) createPlan(c *gin.Context) { s.save(c, "", 0) }

// savePlan saves a new version; the version edited is given as ?base=N or
// If-Match: "N", so that a save over someone else's gets 409.
func (s *Server) savePlan(c *gin.Context) {
	raw := c.Query("base")
	if raw == "" {
		raw = strings.Trim(c.GetHeader("If-Match"), `"W/ `)
	}
	if raw == "" {
		abort(c, inputError(plan.Problems{{Path: "base", Code: plan.CodeRequired,
			Message: "say which version you edited, as ?base=N or If-Match: \"N\", so that nobody's changes are lost"}}))
		return
	}
	base, err := versionNumber("base", raw)
	if err != nil {
		abort(c, err)
		return
	}
	s.save(c, c.Param("id"), base)
}

// save checks the plan on the render pool, then stores it outside the
// pool under the request's deadline: a save the client stopped waiting for
// (or that took longer than the render timeout) is rolled back, never
// committed after the client was told it failed.
func (s *Server) save(c *gin.Context, id string, base int) {
	ctx, cancel := s.requestDeadline(c)
	defer cancel()
	in, _, err := s.build(c, "", nil)
	if err != nil {
		abort(c, err)
		return
	}
	v, err := s.cfg.Store.SavePlan(ctx, store.SavePlan{PlanID: id, BaseVersion: base, JSON: in.Raw,
		Uploads: in.Uploads, By: who(c), Summary: store.SummaryFor(in.Plan, nil)})
	if err != nil {
		abort(c, storeError(err))
		return
	}
	c.Header("Location", "/v1/plans/"+v.PlanID)
	c.Header("ETag", `"`+strconv.Itoa(v.Version)+`"`)
	status := http.StatusOK
	if base == 0 {
		status = http.StatusCreated
	}
	c.JSON(status, SavedResponse{PlanID: v.PlanID, Version: v.Version, SavedBy: v.SavedBy, SavedAt: v.SavedAt})
}

// versionParam reads ?version=N (0, the latest, when absent).
func versionParam(c *gin.Context) (int, error) {
	raw := c.Query("version")
	if raw == "" {
		return 0, nil
	}
	return versionNumber("version", raw)
}

func (s *Server) getPlan(c *gin.Context) {
	v, err := versionParam(c)
	if err != nil {
		abort(c, err)
		return
	}
	sp, err := s.cfg.Store.Plan(c.Request.Context(), c.Param("id"), v)
	if err != nil {
		abort(c, storeError(err))
		return
	}
	if err := s.audit(c, sp.PlanID, sp.Version, store.ActionRead); err != nil {
		abort(c, err)
		return
	}
	uploads := map[string]string{}
	for n, b := range sp.Uploads {
		uploads[n] = base64.StdEncoding.EncodeToString(b)
	}
	c.Header("Cache-Control", "no-store")
	c.Header("ETag", `"`+strconv.Itoa(sp.Version)+`"`)
	c.JSON(http.StatusOK, gin.H{"plan_id": sp.PlanID, "version": sp.Version, "latest": sp.Latest, "saved_by": sp.SavedBy,
		"saved_at": sp.SavedAt, "plan": jsonRaw(sp.JSON), "uploads": uploads})
}

func (s *Server) planVersions(c *gin.Context) {
	vs, err := s.cfg.Store.Versions(c.Request.Context(), c.Param("id"))
	if err != nil {
		abort(c, storeError(err))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"versions": vs})
}

func (s *Server) deletePlan(c *gin.Context) {
	if err := s.cfg.Store.DeletePlan(c.Request.Context(), c.Param("id"), who(c)); err != nil {
		abort(c, storeError(err))
		return
	}
	c.Status(http.StatusNoContent)
}

// planAudit answers a plan's audit log, which outlives the plan itself.
func (s *Server) planAudit(c *gin.Context) {
	evs, err := s.cfg.Store.AuditLog(c.Request.Context(), c.Param("id"))
	if err != nil {
		abort(c, storeError(err))
		return
	}
	if len(evs) == 0 {
		abort(c, storeError(store.ErrNotFound))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"events": evs})
}

// loadStored loads one version of a stored plan for rendering, with what
// changed since the last review and the copies shared.
func (s *Server) loadStored(ctx context.Context, id string, version int) (*render.Input, *store.StoredPlan, error) {
	sp, err := s.cfg.Store.Plan(ctx, id, version)
	if err != nil {
		return nil, nil, storeError(err)
	}
	in, err := render.Load(sp.JSON, sp.Uploads, s.renderOptions())
	if err != nil {
		return nil, nil, err
	}
	// The last review's plan: the newest earlier version with fewer review
	// meetings than this one.
	for v := sp.Version - 1; v >= 1; v-- {
		old, err := s.cfg.Store.Plan(ctx, id, v)
		if err != nil {
			break
		}
		p, err := plan.Decode(old.JSON)
		if err != nil {
			continue
		}
		if p.Version() < in.Plan.Version() {
			ch := render.Compare(p, in.Plan)
			in.Changes = &ch
			break
		}
	}
	shares, err := s.cfg.Store.SharesForPlan(ctx, id)
	if err != nil {
		return nil, nil, storeError(err)
	}
	events, _ := s.cfg.Store.AuditLog(ctx, id)
	viewed := map[string]time.Time{}
	for _, e := range events {
		if e.Action == store.ActionView && e.ShareID != "" {
			if _, seen := viewed[e.ShareID]; !seen {
				viewed[e.ShareID] = e.At
			}
		}
	}
	for _, sh := range shares {
		x := render.Shared{Person: sh.Person, Document: sh.Document, At: sh.CreatedAt, Viewed: viewed[sh.ID]}
		if sh.RevokedAt != nil {
			x.Revoked = *sh.RevokedAt
		}
		in.Shared = append(in.Shared, x)
	}
	return in, sp, nil
}

// storedDocument renders a document of a stored plan, with the history
// only a stored plan has.
func (s *Server) storedDocument(c *gin.Context) {
	version, err := versionParam(c)
	if err != nil {
		abort(c, err)
		return
	}
	doc, opt := c.Param("document"), s.renderOptions()
	var make func(in *render.Input) ([]byte, error)
	switch doc {
	case "adult-plan":
		ao, err := adultQuery(c)
		if err != nil {
			abort(c, err)
			return
		}
		make = func(in *render.Input) ([]byte, error) { return render.AdultPlan(in, opt, ao) }
	case "meeting-outcome":
		m := c.Query("meeting")
		lang, err := langQuery(c)
		if err != nil {
			abort(c, err)
			return
		}
		make = func(in *render.Input) ([]byte, error) { return render.OutcomeFormIn(in, opt, m, lang) }
	case "words-and-pictures":
		wo, err := wordsQuery(c)
		if err != nil {
			abort(c, err)
			return
		}
		make = func(in *render.Input) ([]byte, error) { return render.WordsAndPictures(in, opt, wo) }
	default:
		abort(c, errStatus(http.StatusNotFound, "not-found", "Not found", "there is no document %q: use adult-plan, meeting-outcome or words-and-pictures", short(doc)))
		return
	}
	id, formMeeting := c.Param("id"), c.Query("meeting")
	var in *render.Input
	var sp *store.StoredPlan
	var b []byte
	start := time.Now()
	ctx, cancel := s.requestDeadline(c)
	defer cancel()
	err = s.pool.run(ctx, func() error {
		var err error
		if doc == "meeting-outcome" && version == 0 {
			version = s.formVersion(ctx, id, formMeeting)
		}
		if in, sp, err = s.loadStored(ctx, id, version); err != nil {
			return err
		}
		b, err = make(in)
		return err
	})
	if err != nil {
		abort(c, err)
		return
	}
	if err := s.audit(c, sp.PlanID, sp.Version, store.ActionRender); err != nil {
		abort(c, err)
		return
	}
	s.metrics.document(doc, time.Since(start), b)
	sendPDF(c, in, doc, b)
}

// ShareRequest asks for a share of a stored plan's document for a person.
type ShareRequest struct {
	// Document is "adult-plan" (the person's own copy) or
	// "words-and-pictures" (the child's, for a parent to show the child).
	Document string `json:"document"`
	// Person is the id, in the plan, of whom it is for.
	Person string `json:"person"`
	// Version is the plan version to share; 0 means the latest.
	Version int `json:"version"`
	// Expires is when the link stops working (RFC 3339); the default is
	// the end of the next review's due day, and it is at most 90 days.
	Expires *time.Time `json:"expires"`
}

// ShareResponse carries the link and the code, to be passed on by
// different routes: text the link, say the code.
type ShareResponse struct {
	ShareID string    `json:"share_id"`
	Link    string    `json:"link"`
	Code    string    `json:"code"`
	Expires time.Time `json:"expires_at"`
}
