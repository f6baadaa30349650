package httpapi

import (
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
)

// The page's own endpoints: what the service offers, the caseload with
// each plan's next deadline, what changed since the last review, and the
// shares with when each was first opened.
func TestCaseloadChangesAndShareListing(t *testing.T) {
	st := storetest.Backends()[0].Open(t, store.Options{})
	s := New(Config{PublicURL: "https://plans.example.gov.uk", Store: st, Today: func() plan.Date { return plan.MustDate("2026-11-22") }})
	sc := storeClient{t, s}

	var info ServiceInfo
	sc.json("GET", "/v1/service", nil, 200, &info)
	if !info.Store || info.User != "local" || info.Today.String() != "2026-11-22" {
		t.Errorf("service info %+v; want a store, user local, today 2026-11-22", info)
	}
	var none ServiceInfo
	storeClient{t, New(Config{})}.json("GET", "/v1/service", nil, 200, &none)
	if none.Store {
		t.Error("a service without a store says it has one")
	}

	vs := hughesVersions(t)
	var hughes, adeyemi SavedResponse
	sc.json("POST", "/v1/plans", vs[0], 201, &hughes)
	for i, v := range vs[1:] {
		sc.json("PUT", "/v1/plans/"+hughes.PlanID+"?base="+string(rune('1'+i)), v, 200, nil)
	}
	sc.json("POST", "/v1/plans", example(t, "adeyemi-early-help.json"), 201, &adeyemi)

	var cl struct{ Plans []CaseloadPlan }
	sc.json("GET", "/v1/plans?mine=1", nil, 200, &cl)
	if len(cl.Plans) != 2 {
		t.Fatalf("caseload of %d plans; want 2", len(cl.Plans))
	}
	a, h := cl.Plans[0], cl.Plans[1]
	if a.PlanID != adeyemi.PlanID || h.PlanID != hughes.PlanID {
		t.Fatalf("caseload order %s, %s; want the last saved first", a.PlanID, h.PlanID)
	}
	if h.Reference != "LCS-2041187" || h.Version != 3 || len(h.Children) != 2 || h.Children[0] != "Kayden" {
		t.Errorf("Hughes in the caseload: %+v; want its reference, version 3, the children's first names", h)
	}
	if h.Next == nil || h.Next.Kind != "outcome" || h.Next.Due.String() != "2026-11-27" || h.Next.Status != "due" || h.Next.DaysLeft != 5 {
		t.Errorf("Hughes's next deadline %+v; want the outcome of 20 November due 27 November, 5 working days left", h.Next)
	}
	if a.Next == nil || a.Next.Due.String() != "2026-11-09" || a.Next.Status != "overdue" {
		t.Errorf("Adeyemi's next deadline %+v; want the outcome due 9 November 2026, overdue", a.Next)
	}
	sc.json("GET", "/v1/plans?team=fif", nil, 200, &cl)
	if len(cl.Plans) != 1 || cl.Plans[0].PlanID != adeyemi.PlanID {
		t.Errorf("the fif team's caseload %+v; want Adeyemi only", cl.Plans)
	}
	if rec := sc.do("GET", "/v1/plans?team=nope", nil, nil); rec.Code != 422 {
		t.Errorf("an unknown team: %d; want 422", rec.Code)
	}

	var ch ChangesResponse
	sc.json("GET", "/v1/plans/"+hughes.PlanID+"/changes", nil, 200, &ch)
	if ch.Version != 3 || ch.SinceVersion == 0 || len(ch.Changed) != 1 || ch.Changed[0].Then != "Zoë phones Mum at 6pm every evening from now on." {
		t.Errorf("changes of version 3: %+v; want the one changed rule", ch)
	}
	var first ChangesResponse
	sc.json("GET", "/v1/plans/"+hughes.PlanID+"/changes?version=1", nil, 200, &first)
	if first.Version != 1 || first.SinceVersion != 0 || len(first.Changed)+len(first.Added)+len(first.Removed) != 0 {
		t.Errorf("changes of version 1: %+v; want none (no earlier review)", first)
	}

	var share ShareResponse
	sc.json("POST", "/v1/plans/"+hughes.PlanID+"/shares", []byte(`{"document":"adult-plan","person":"nana"}`), 201, &share)
	if err := st.Record(t.Context(), store.Event{PlanID: hughes.PlanID, ShareID: share.ShareID, Action: store.ActionView, By: "share:" + share.ShareID, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	var list struct{ Shares []ShareListing }
	sc.json("GET", "/v1/plans/"+hughes.PlanID+"/shares", nil, 200, &list)
	if len(list.Shares) != 1 || list.Shares[0].Status != "active" || list.Shares[0].OpenedAt == nil || list.Shares[0].Share.Person != "nana" {
		t.Errorf("shares %+v; want Nana's, active, opened", list.Shares)
	}
}

// A plan whose Practice Direction deadlines are all met still has a next
// review: the caseload shows it, as the plan's cover does, with the days
// left or overdue, rather than "nothing due".
func TestCaseloadShowsTheNextReview(t *testing.T) {
	for _, tc := range []struct {
		name, today string
		status      string
		left, late  int
	}{
		{"before it", "2026-11-22", "due", 5, 0},
		{"after it", "2026-12-03", "overdue", 0, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := storetest.Backends()[0].Open(t, store.Options{})
			s := New(Config{Store: st, Today: func() plan.Date { return plan.MustDate(tc.today) }})
			sc := storeClient{t, s}
			sc.json("POST", "/v1/plans", example(t, "hughes-review.json"), 201, nil)
			var cl struct{ Plans []CaseloadPlan }
			sc.json("GET", "/v1/plans", nil, 200, &cl)
			if len(cl.Plans) != 1 {
				t.Fatalf("caseload of %d plans; want 1", len(cl.Plans))
			}
			n := cl.Plans[0].Next
			if n == nil || n.Kind != "next_review" || n.Due.String() != "2026-11-27" || string(n.Status) != tc.status || n.DaysLeft != tc.left || n.DaysLate != tc.late {
				t.Errorf("next %+v; want the next review by 27 November 2026, %s (%d left, %d late)", n, tc.status, tc.left, tc.late)
			}
		})
	}
}
