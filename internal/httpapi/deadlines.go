package httpapi

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// draftDates are the only parts of a plan the deadlines depend on, read
// from a plan that may be incomplete or have mistakes elsewhere. A date
// that does not parse is left out.
type draftDates struct {
	Case struct {
		InvolvementStarted string `json:"involvement_started"`
	} `json:"case"`
	Meetings []struct {
		ID                string `json:"id"`
		Type              string `json:"type"`
		Date              string `json:"date"`
		Status            string `json:"status"`
		OutcomeRecordedOn string `json:"outcome_recorded_on"`
	} `json:"meetings"`
}

// draftDeadlines answers POST /v1/plans/deadlines: every Practice Direction
// deadline that can be worked out from the dates filled in so far, while
// other parts of the plan are still incomplete (the full check, with its
// findings, is /v1/plans/validate).
func (s *Server) draftDeadlines(c *gin.Context) {
	b, err := readBody(c, s.cfg.MaxBody)
	if err != nil {
		abort(c, err)
		return
	}
	var d draftDates
	if err := json.Unmarshal(b.plan, &d); err != nil {
		abort(c, inputError(plan.Problems{{Path: "", Code: plan.CodeSyntax, Message: "send the plan as JSON"}}))
		return
	}
	var p plan.Plan
	if t, err := plan.ParseDate(d.Case.InvolvementStarted); err == nil {
		p.Case.InvolvementStarted = t
	}
	for i, m := range d.Meetings {
		day, err := plan.ParseDate(m.Date)
		if err != nil || (m.Status != "" && m.Status != "held") {
			continue // no date yet, or only planned: it meets no deadline
		}
		pm := plan.Meeting{ID: m.ID, Type: plan.MeetingType(m.Type), Date: day}
		if pm.ID == "" {
			pm.ID = "meeting-" + string(rune('a'+i%26))
		}
		if r, err := plan.ParseDate(m.OutcomeRecordedOn); err == nil {
			pm.OutcomeRecordedOn = &r
		}
		p.Meetings = append(p.Meetings, pm)
	}
	ds := []compliance.Deadline{}
	if !p.Case.InvolvementStarted.IsZero() || len(p.Meetings) > 0 {
		ds = safeDeadlines(&p, s.today())
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"deadlines": ds, "today": s.today()})
}

// safeDeadlines runs the compliance check on a partial plan; a part it
// cannot work with gives no deadlines rather than a failure.
func safeDeadlines(p *plan.Plan, today plan.Date) (ds []compliance.Deadline) {
	defer func() {
		if recover() != nil {
			ds = []compliance.Deadline{}
		}
	}()
	ds = compliance.Check(p, compliance.Options{Today: today}).Deadlines
	if ds == nil {
		ds = []compliance.Deadline{}
	}
	return ds
}
