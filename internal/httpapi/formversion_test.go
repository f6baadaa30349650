package httpapi

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/pdftest"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
	"github.com/familynetwork/safetyplan/internal/store/storetest"
)

// A stored plan's form is its meeting as it was: the form of the first
// review, made after the second review changed a rule, is made from the
// version saved at the first review.
func TestStoredFormUsesTheVersionOfItsMeeting(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
			clock := func() time.Time { return now }
			st := b.Open(t, store.Options{Now: clock})
			s := New(Config{Store: st, Now: clock, Today: func() plan.Date { return plan.MustDate("2026-11-22") }})
			sc := storeClient{t, s}
			vs := hughesVersions(t)
			var saved SavedResponse
			sc.json("POST", "/v1/plans", vs[0], http.StatusCreated, &saved)
			id := saved.PlanID
			sc.json("PUT", "/v1/plans/"+id+"?base=1", vs[1], http.StatusOK, &saved)
			sc.json("PUT", "/v1/plans/"+id+"?base=2", vs[2], http.StatusOK, &saved)
			tests := []struct {
				meeting, want, not string
			}{
				{"fnm2", "When Siân is on nights, Zoë makes the call.", "Zoë phones Mum at 6pm every evening from now on."},
				{"fnm3", "Zoë phones Mum at 6pm every evening from now on.", "When Siân is on nights, Zoë makes the call."},
			}
			for _, tt := range tests {
				rec := sc.do("POST", "/v1/plans/"+id+"/documents/meeting-outcome?meeting="+tt.meeting, nil, nil)
				if rec.Code != 200 {
					t.Fatalf("%s: %d %s", tt.meeting, rec.Code, rec.Body)
				}
				text := pdftest.Normalize(pdftest.Text(t, rec.Body.Bytes()))
				if !strings.Contains(text, tt.want) || strings.Contains(text, tt.not) {
					t.Errorf("the form of %s is not its meeting's version: want %q, not %q", tt.meeting, tt.want, tt.not)
				}
			}
		})
	}
}
